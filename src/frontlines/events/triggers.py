"""Event triggers: the words that signal an event of one ACLED sub-event type, in one table.

Each rule is (sub-event type, regular expression, priority). When a sentence holds triggers of several
types, the highest priority names the event: the codebook folds shelling during a battle into the
battle, a protest that turns violent into a riot, and a capture into a territorial sub-type.

Territorial changes are found by one rule (``TERRITORY``) whose sub-event type depends on who took
the place; :func:`territorial_sub_type` decides once the actors are known.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from frontlines.events.captives import takes_captives, takes_position
from frontlines.folded_regex import ascii_lower, by_first_char, first_chars, top_level_alternatives
from frontlines.model import EVENT_TYPE_OF, EventType, Inter, SubEventType, Trigger

S = SubEventType

#: Stand-in for "a place changed hands"; resolved by :func:`territorial_sub_type`.
TERRITORY = S.NON_STATE_OVERTAKES_TERRITORY


@dataclass(frozen=True, slots=True)
class Rule:
    sub_event_type: SubEventType
    pattern: re.Pattern[str]
    priority: int
    #: True for a territorial-change phrase (capture, recapture).
    territorial: bool = False


#: A trigger starts and ends at word edges (a hyphen counts as part of the word).
_START, _END = r"(?<![\w-])", r"(?![\w-])"


def _rule(sub: SubEventType, pattern: str, priority: int, territorial: bool = False) -> Rule:
    return Rule(sub, re.compile(rf"{_START}(?:{pattern}){_END}", re.IGNORECASE), priority, territorial)


_ARMS = r"(?:jets?|warplanes?|aircraft|planes?|helicopters?|drones?|air\s*force)"
#: Words that name a planted explosive device itself ("an IED", "a landmine", "a roadside bomb"), not an
#: explosion any weapon may cause ("a blast"): triggers of Remote explosive/landmine/IED, and the
#: weapon-named rule of :mod:`frontlines.events.cascade`.
PLANTED_DEVICES = (
    r"car\s+bomb(?:s|ing)?|roadside\s+bombs?|IEDs?|improvised\s+explosive(?:\s+devices?)?|land\s*mines?"
    r"|explosive\s+devices?|booby[-\s]trap(?:ped|s)?|unexploded\s+ordnance"
)
#: What aircraft drop in an attack ("explosive devices", "grenades"): not aid, leaflets or troops.
_DROPPED = (
    r"(?:bombs?|explosives?|explosive\s+devices?|grenades?|munitions?|ordnance|IEDs?|shells?"
    r"|mortar\s+rounds?)"
)
_HIT = (
    r"(?:bomb(?:ed|s|ing)?|bombard(?:ed|s|ing)?|struck|strik(?:e|es|ing)|hit(?:s|ting)?|pound(?:ed|s|ing)?"
    r"|raid(?:ed|s)?|target(?:ed|s|ing)?|attack(?:ed|s|ing)?|fired\s+(?:[\w-]+\s+){0,2}?(?:rockets|missiles))"
)

#: Whose a craft is believed to be, told between it and its act ("thought to belong to").
_BELIEVED = r"(?:believed|thought|suspected|said|reported)\s+to\s+(?:belong\s+to|be|have\s+been)"

#: Not a passive ("protesters were attacked"): the crowd is then the target.
_NOT_SUFFERED = r"(?<!were\s)(?<!was\s)(?<!been\s)(?<!being\s)(?<!are\s)(?<!is\s)"
#: "captured 21 suspects", "recaptured gang leader Fito", "captured three Boko Haram commanders": a
#: capture of people, as police arrest them, not of a place.
_ARRESTEES_NEXT = (
    r"\s+(?:\d+\s+|two\s+|three\s+|several\s+|(?:a|an|the|his|her|their|its)\s+)?"
    r"(?:(?!(?:and|or|from|of|in|near|after|by|to|with|on|at)\b)[\w'’-]+\s+){0,3}(?:suspects?|leaders?|"
    r"mastermind|boss(?:es)?|chiefs?|journalists?|activists?|commanders?|militants|insurgents|gunmen)\b"
)

#: The rules, highest priority first within each group. Priorities: territorial 90, chemical 80,
#: suicide 75, battle 70, air 60, shelling 55, grenade 51, remote explosive 50, VAC 40, riots 35,
#: protests 30, strategic 10-25.
RULES: tuple[Rule, ...] = (
    # --- Battles: territorial change (who gained decides the sub-type) ---
    _rule(
        TERRITORY,
        r"(?:seiz(?:ed|es|ing)|took|take|taken|taking|captur(?:ed|es|ing)|gain(?:ed|s)|won|"
        r"wrest(?:ed)?|assum(?:ed|es)|claim(?:ed|s)|declared)\s+(?:full\s+|complete\s+|total\s+)?control\s+(?:of|over)",
        90,
        True,
    ),
    _rule(
        TERRITORY,
        r"(?:regain(?:ed|s)?|recaptur(?:ed|es|ing|e)|retook|retake|retaken|retaking|reclaim(?:ed|s)?|"
        r"restor(?:ed|es)\s+control|took\s+back|liberat(?:ed|es|ing)|re-?took)",
        90,
        True,
    ),
    _rule(
        TERRITORY,
        rf"captur(?:ed|es|ing)(?!{_ARRESTEES_NEXT})|overr(?:a|u)n(?:s|ning)?|seiz(?:ed|es|ing)(?!\s+(?:\d|two|three|four|"
        r"five|six|seven|eight|nine|ten|several|dozens|(?:a\s+|an\s+|the\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){0,2}"
        r"(?:weapons|arms|ammunition|caches?|explosives|members|people|men|women|civilians|activists|vehicles|"
        r"documents|drugs|trucks|laptops?|phones?|computers?|passports?|cash|money|cattle|livestock|goods)\b))|"
        r"(?:took|taken|taking)\s+(?:over\s+)?(?:the\s+)?(?:whole\s+of\s+|all\s+of\s+|most\s+of\s+)?(?:town|"
        r"village|villages|city|district|neighbourhood|neighborhood|hill|base|airport|area|positions?)|"
        # "had taken over the military's Western Regional Command headquarters"
        r"(?:took|taken|taking)\s+over\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,4}?(?:headquarters|garrison|"
        r"barracks|military\s+base|army\s+base|camp|outpost|command)|"
        # "took Aleppo", "have taken over Idlib": the place named right after the verb
        r"(?:took|taken|taking)(?:\s+over)?(?=\s+(?-i:[A-Z]))(?!(?:\s+[\w'’-]+){1,5}\s+hostages?\b)|"
        r"(?:came|comes|come|fell|brought|placed|put|now|fully|completely|entirely)\s+under\s+(?:\w+\s+)?"
        r"(?:rebel|opposition|government|army|regime|their|its|[A-Z][\w-]*)\s+control|"
        # "the fall of Aleppo", not "the fall of shells on Damascus" (shells that fell)
        r"(?:capture|takeover|seizure)\s+of|fall\s+of(?!\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:shells?|rockets?|"
        r"missiles?|mortars?|bombs?|barrels?))|fell\s+to|falls\s+to|"
        r"out\s+of\s+(?:the\s+)?(?:army's|regime's|government's)\s+control|"
        r"under\s+(?:the\s+)?(?:full\s+)?control\s+of",
        85,
        True,
    ),
    # --- Explosions/Remote violence ---
    _rule(
        S.CHEMICAL_WEAPON,
        r"chemical\s+(?:weapons?\s+)?attacks?|chemical\s+weapons?|sarin|nerve\s+(?:agent|gas)|"
        r"chlorine(?:\s+gas)?|mustard\s+(?:gas|agent)|sulfur\s+mustard|toxic\s+gas|poison(?:ous)?\s+gas|"
        r"chemical\s+(?:munitions|agents?|shells|rockets)|blister\s+agents?",
        80,
    ),
    _rule(
        S.SUICIDE_BOMB,
        r"suicide\s+(?:bomb(?:er|ers|ing|ings)?|attack(?:er|ers|s)?|car\s+bomb(?:er|ing)?|"
        r"blast|bombers?)|blew\s+(?:him|her|them)sel(?:f|ves)\s+up|self-detonat\w*",
        75,
    ),
    # --- Battles: fighting between two armed sides ---
    _rule(
        S.ARMED_CLASH,
        # "fighting the fire", "fighting cancer": no battle
        r"clash(?:ed|es|ing)?|fighting(?!\s+(?:the\s+|a\s+)?(?:fires?|blazes?|flames|wildfires?|cancer|illness|"
        r"disease|corruption|crime|poverty|addiction))|fought|gun\s*battles?|battl(?:ed|es|ing)|firefights?|"
        r"battle\s+(?:began|broke\s+out|erupted|started|ensued|raged)|"
        r"engag(?:ed|ing)\s+(?:the\s+|with\s+)?(?:[\w-]+\s+){0,2}(?:forces|troops|units|fighters|militants|soldiers)|"
        r"exchang(?:e|ed|es)\s+(?:of\s+)?fire|skirmish(?:es|ed)?|ambush(?:ed|es)?|"
        # two sides trading fire (codebook: an armed clash): "exchanged gunfire", "an exchange of artillery"
        r"(?:exchang(?:e|ed|es|ing)|trad(?:ed|ing))\s+(?:of\s+)?(?:heavy\s+|intense\s+|small-arms\s+)?"
        r"(?:gunfire|shots|artillery|mortars?|mortar\s+rounds|rockets|heavy\s+weapons|bullets)\b|"
        # fire both ways, an attack driven off: "traded mortar fire", "shot at each other", "repelled the
        # assailants", "beat back an incursion", "opened fire on Israeli forces"
        r"(?:exchang(?:ed|ing)|trad(?:ed|ing))\s+(?:[\w-]+\s+){1,2}?fire|(?:shot|fired)\s+(?:at|on)\s+each\s+other|"
        r"repell?(?:ed|ing)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:attacks?|assaults?|offensives?|incursions?|"
        r"assailants|attackers|advances?)|beat\s+back|"
        # the attackers told as driven off: "tried to enter the city, but were repelled" (not "the attack
        # was repelled": an attack told before, retold)
        r"(?<!attack\s)(?<!attacks\s)(?<!assault\s)(?<!offensive\s)(?<!advance\s)(?:was|were|been)\s+(?:\w+ly\s+)?(?:repell?ed|repulsed|beaten\s+back|driven\s+back|pushed\s+back)|"
        r"opened\s+fire\s+(?:on|at)\s+(?:[\w-]+\s+){0,2}?(?:forces|troops|soldiers|army|patrols?|positions"
        r"|checkpoints?)|"
        r"(?:launched|began|started|mounted)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?offensive|"
        r"assault(?:ed|s)?\s+on|stormed|attack(?:ed|s)?\s+(?:army|military|government|regime|rebel)\s+"
        r"(?:positions?|posts?|checkpoints?|bases?|forces|troops)",
        70,
    ),
    _rule(
        S.AIR_DRONE_STRIKE,
        # "an air raid alarm", "air raid shelters": a warning or a refuge, no strike
        rf"(?:air\s*-?\s*strikes?|air\s*raids?|airstrikes?)(?!\s+(?:alarms?|alerts?|sirens?|warnings?|shelters?))|barrel\s+bombs?|explosive\s+barrels?|drone\s+(?:strikes?|attacks?)|"
        r"carried\s+out\s+(?:\w+\s+)?raids|dropped\s+(?:\w+\s+){0,2}bombs|bombed|"
        # bombs only aircraft drop: "a Russian glide bomb hit", "guided aerial bombs"
        r"(?:glide|gliding|guided|guided\s+aerial|aerial|air-dropped)\s+bombs?|"
        rf"aerial\s+(?:bombardment|bombing|attacks?)|bombing\s+raids?|{_ARMS}\s+(?:\w+\s+){{0,2}}{_HIT}|"
        # "jets thought to belong to the Syrian government struck": whose craft, told between
        rf"{_ARMS}\s+{_BELIEVED}\s+(?:[\w-]+\s+){{1,4}}?{_HIT}|"
        # rule breached-deal: "jets in violation of a ceasefire hit", "warplanes breach the deal, targeting"
        rf"{_ARMS}\s+(?:in\s+(?:violation|breach)\s+of|despite)\s+(?:[\w'’–-]+\s+){{1,4}}?{_HIT}|"
        rf"{_ARMS}\s+(?:breach(?:ed|es)?|violat(?:ed|e|es))\s+(?:[\w'’–-]+\s+){{1,8}}?{_HIT}|"
        # "warplanes killed 20 civilians", "the air force carried out a massacre": the weapon decides
        rf"{_ARMS}\s+(?:\w+\s+){{0,2}}(?:kill(?:ed|s|ing)|(?:commit(?:ted|s)?|carried\s+out)\s+(?:a\s+)?massacres?)|"
        # "two drones dropped explosive devices", "used drones to drop grenades", "drone-dropped munitions":
        # what aircraft drop is an air strike, whatever device it is
        rf"{_ARMS}\s+(?:\w+\s+){{0,2}}drop(?:ped|s|ping)?\s+(?:[\w-]+\s+){{0,2}}{_DROPPED}|"
        rf"(?:drone|air)-dropped\s+(?:[\w-]+\s+)?{_DROPPED}|"
        # "fire from a Syrian army helicopter": any air-to-ground attack, helicopters included
        rf"(?:fire|rockets?|missiles?|shots)\s+from\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,3}}{_ARMS}",
        60,
    ),
    _rule(
        S.SHELLING,
        # "ocean shells", "mussel shells": no shelling
        r"(?<!sea\s)(?<!ocean\s)(?<!mussel\s)(?<!oyster\s)(?<!clam\s)(?<!snail\s)(?<!turtle\s)(?<!egg\s)"
        r"shell(?:ed|ing|s)?|mortars?(?:\s+(?:rounds?|shells?|fire|attacks?))?|artillery|"
        r"rockets?(?:\s+(?:fire|attacks?))?|missiles?(?:\s+(?:strikes?|attacks?))?|bombard(?:ed|ment|ing)|"
        r"(?-i:Grad|Scud)|(?:rebel|regime|army|government|militant|insurgent|opposition|tank)\s+fire",
        55,
    ),
    _rule(
        S.REMOTE_EXPLOSIVE,
        rf"{PLANTED_DEVICES}|bomb\s+(?:blast|attack|exploded|explosion)|"
        r"(?:bomb|explosion|blast)\s+(?:ripped|tore|went\s+off|struck|hit)|explosions?\s+(?:killed|hit|struck)",
        50,
    ),
    # stun grenades are the police's means of dispersing a crowd, not an attack; a grenade named
    # outranks the planted device an explosion word alone stands for ("a hand grenade exploded")
    _rule(S.GRENADE, r"(?<!stun\s)(?<!flash\s)(?:hand\s+)?grenades?", 51),
    # Rule: an operation by armed forces that killed people who are not said to be civilians fought
    # them ("a military operation in Rastan killed 16 gunmen"); it outranks the caches it seized.
    _rule(
        S.ARMED_CLASH,
        r"(?:military|security|army|ground)\s+(?:operations?|offensive|campaign)\s+(?:[\w-]+\s+){0,4}?"
        r"(?:killed|killing)(?!\s+(?:\w+\s+){0,3}(?:civilians|villagers|residents|protesters|demonstrators"
        r"|children|women|people))",
        53,
    ),
    # Rule: an armed group that "attacked" or "stormed" a place or another group fought it; attacks on
    # civilians are caught above by the violence-against-civilians rules, which outrank this one.
    _rule(S.ARMED_CLASH, r"attacked|attacking|stormed|storming|assaulted", 38),
    # Rule: an explosion or blast nobody says was dropped or fired is a planted device (IED).
    _rule(
        S.REMOTE_EXPLOSIVE,
        r"explosions?|blasts?|bombings?|bombs?\s+(?:exploded|went\s+off|attack)|exploded|detonat(?:ed|ing)|"
        r"blew\s+up",
        44,
    ),
    # --- Violence against civilians ---
    _rule(S.SEXUAL_VIOLENCE, r"rap(?:ed|es|ing)|sexual(?:ly)?\s+(?:violence|assault(?:ed)?|abuse[ds]?)", 42),
    _rule(
        S.ABDUCTION,
        r"kidnapp?(?:ed|ing|s)?|abduct(?:ed|ion|ions|ing|s)?|taken\s+hostage|held\s+hostage|"
        r"took\s+(?:[\w'’-]+\s+){1,5}?hostages?|"
        r"forcibly\s+disappeared|enforced\s+disappearances?",
        41,
    ),
    _rule(
        S.ATTACK,
        # not "an executed protester" (a past act named) nor "to execute missions" (a task)
        r"(?:(?<!\ban\s)(?<!\ba\s)(?<!\bthe\s)executed|execut(?:e|es|ions?|ing))"
        r"(?!\s+(?:\w+\s+){0,4}(?:missions?|operations?|orders?|plans?|tasks?|duties|contracts?|programmes?|programs?))|"
        r"assassinat(?:e|es|ed|ions?|ing)|massacr(?:e|ed|es)|shot\s+dead|"
        r"gunned\s+down|beheaded|(?:beat|beaten|stabbed|hacked|clubbed|stoned)\s+(?:[\w'’-]+\s+){0,4}to\s+death|"
        r"(?:cut|slit|slitting|cutting)\s+(?:the\s+)?throats?|"
        r"(?:killed|shot|attacked|opened\s+fire\s+on|fired\s+(?:up)?on)\s+(?:\w+\s+){0,3}(?:civilians|villagers|"
        r"residents|worshippers|passengers|farmers|motorists|travell?ers|shoppers|mourners|pilgrims|families)|"
        r"sniper\s+fire|"
        # codebook: a body found with signs of torture or execution tells of a killing
        r"(?:bod(?:y|ies)|corpses?)\s+(?:[\w'’,-]+\s+){0,12}?(?:bearing|with|showing|had|and)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:signs?\s+of\s+(?:torture|execution|beating)|torture\s+marks|(?:gunshot|bullet|stab)\s+"
        r"wounds?|(?:their|his|her)\s+hands\s+(?:tied|bound))|"
        r"(?:bullet-riddled|tortured|mutilated|decapitated|blindfolded)\s+bod(?:y|ies)|"
        r"(?:was|were)\s+found\s+(?:butchered|beheaded|shot\s+dead|with\s+(?:gunshot|bullet)\s+wounds)",
        40,
    ),
    # --- Riots and protests ---
    _rule(
        S.VIOLENT_DEMONSTRATION,
        r"(?<!anti-)riot(?:s|ed|ing)?(?!\s+(?:police|policemen|gear|squads?|control|units?|officers|shields?|act))|"
        r"rioters|(?:threw|throwing|hurled|hurling)\s+(?:\w+\s+){0,2}(?:stones|rocks|bottles|"
        r"molotov\s+cocktails|petrol\s+bombs|firebombs)|molotov\s+cocktails?|petrol\s+bombs?|"
        r"set\s+fire\s+to\s+(?:\w+\s+){0,2}(?:tyres|tires|police|government)|"
        r"torched\s+(?:a\s+)?(?:police|government)|burn(?:ed|t|ing)\s+tyres",
        35,
    ),
    # a crowd that loots, wrecks, burns, storms or attacks: the protest turned violent, whatever arms
    # word the verb shares with a battle (codebook: the actor decides; a crowd is no armed group)
    _rule(
        S.VIOLENT_DEMONSTRATION,
        r"(?:protesters|demonstrators|rioters|youths|supporters|crowds?)\s+(?:[\w'’(),-]+\s+){0,8}"
        rf"{_NOT_SUFFERED}(?:looted|ransacked|torched|vandali[sz]ed|smashed|stormed|set\s+fire|attacked|fought|"
        # "opposition supporters clashed with police": a crowd's clash with the police is a riot
        r"clashed\s+with\s+(?:riot\s+)?(?:police|security\s+forces|officers))",
        72,
    ),
    _rule(S.MOB_VIOLENCE, r"mob\s+(?:attack(?:ed)?|violence|lynch(?:ed|ing)?)|lynch(?:ed|ing)", 35),
    _rule(
        S.MOB_VIOLENCE,
        rf"mobs?\s+(?:[\w'’(),-]+\s+){{0,6}}{_NOT_SUFFERED}(?:attacked|torched|burned|burnt|vandali[sz]ed|looted|"
        r"stormed|set\s+fire|beat|assaulted)",
        72,
    ),
    # residents or villagers who beat or assault people themselves (not ones who said others did; a
    # crowd that burns an office protests violently)
    _rule(
        S.MOB_VIOLENCE,
        r"(?:residents|villagers|locals)\s+(?:(?!(?:said|says|told|reported|accused|fled|blamed)\b)[\w'’(),-]+\s+){0,8}"
        rf"{_NOT_SUFFERED}(?:beat|assaulted|lynched)",
        72,
    ),
    _rule(
        S.EXCESSIVE_FORCE,
        r"(?:opened\s+fire|fired|shot)\s+(?:live\s+(?:ammunition|rounds)\s+)?(?:on|at|into)\s+"
        r"(?:\w+\s+){0,2}(?:protesters|demonstrators|crowds?|marchers)|"
        r"(?:killed|killing|shot\s+dead|shot)\s+(?:\w+\s+){0,3}(?:protesters|demonstrators)|"
        # the dead told as people protesting ("shot dead 2 worshippers protesting outside a church",
        # "shot dead a man among crowds marching with flags")
        r"(?:killed|killing|shot\s+dead)\s+(?:[\w'’-]+\s+){1,3}(?:(?:who\s+were\s+)?(?:protesting|"
        r"demonstrating|marching)\b|among\s+(?:the\s+)?(?:crowds?|protesters|demonstrators|marchers))",
        43,
    ),
    _rule(
        S.PROTEST_WITH_INTERVENTION,
        # dispersed by force, not a crowd that dispersed ("marched peacefully and dispersed in the evening")
        r"dispers(?:ed|e|ing)\s+(?:the|them|a|an|crowds?|protesters|demonstrators|marchers|hundreds|thousands"
        r"|dozens|people|youths|students|supporters|participants|rallies|gatherings?|sit-ins?|\d+)\b|"
        r"(?:was|were|been|being)\s+(?:\w+ly\s+)?dispersed|dispersed\s+(?:[\w-]+\s+){0,3}?(?:with|using|by)\s|"
        r"dispersal|tear\s*gas|broke\s+up|water\s+cannon|stun\s+grenades?|"
        r"arrested\s+(?:\w+\s+){0,2}(?:protesters|demonstrators)|"
        # those arrested are the crowd: "arrested 10 traders who protested", "... attempting to march"
        r"(?:arrested|detained)\s+(?:[\w'’-]+\s+){1,6}(?:who\s+(?:had\s+)?(?:protested|demonstrated|marched|"
        r"rallied|gathered)|(?:attempting|trying)\s+to\s+(?:march|protest|rally|demonstrate|gather))",
        32,
    ),
    _rule(
        S.PEACEFUL_PROTEST,
        r"protest(?:ed|s|ing|ers|ors)?|demonstrat(?:ed|ion|ions|ors|ing)|rall(?:y|ies|ied)|"
        r"sit-ins?|marched|vigil",
        30,
    ),
    # --- Strategic developments ---
    _rule(
        S.AGREEMENT,
        r"cease-?fires?|truce|agreements?|accord|evacuation\s+deal|reconciliation\s+deal|"
        r"(?:reached|struck|agreed|signed|announced|brokered)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}deal|"
        r"agreed\s+to\s+(?:surrender|hand\s+over|evacuate|leave|withdraw|reconcile|a\s+ceasefire|a\s+truce)|"
        r"(?:surrender|evacuation|local)\s+deal|prisoner\s+(?:swap|exchange)|surrendered|de-escalation\s+zones?",
        25,
    ),
    _rule(
        S.NON_VIOLENT_TRANSFER,
        r"withdr(?:ew|awn|awal|aws)\s+(?:from|of)|pulled\s+out\s+of|handed\s+over|"
        r"retreated\s+from|abandoned\s+(?:their\s+)?positions",
        24,
    ),
    _rule(
        S.ARRESTS,
        r"arrest(?:ed|s|ing)?|detain(?:ed|ing|s)?|rounded\s+up|raids?\s+and\s+arrests|"
        rf"(?:re)?captur(?:ed|ing)(?={_ARRESTEES_NEXT})|(?<=suspects\s)captured|(?<=suspects\swere\s)captured",
        20,
    ),
    _rule(
        S.DISRUPTED_WEAPONS_USE,
        r"shot\s+down|down(?:ed|ing|s)?\s+(?:[\w-]+\s+){0,5}(?:drones?|missiles?|helicopters?|jets?|planes?|aircraft|UAVs?)|"
        r"intercept(?:ed|s)|defus(?:ed|ing)(?:\s+(?:\w+\s+){0,3}(?:bombs?|explosives?|devices?|"
        r"mines?|IEDs?|car\s+bombs?))?|(?:drones?|UAVs?|missiles?|rockets?|aircraft|helicopters?|jets?)\s+"
        r"(?:were\s+|was\s+)?(?:downed|shot\s+down)|recovered\s+(?:[\w-]+\s+){0,4}(?:explosives|weapons|arms|"
        r"ammunition|IEDs?|suicide\s+vests)|dismantl(?:ed|ing)\s+"
        r"(?:\w+\s+){0,2}(?:bombs?|explosives?|devices?|mines?)|"
        r"seized\s+(?:[\w.-]+\s+){0,3}(?:weapons|arms|ammunition|rifles|guns|firearms|grenades|"
        r"explosives|caches?)|"
        # "neutralised the IED", "a foiled car bomb attack", "a suicide operation is thwarted"
        r"neutrali[sz](?:ed|ing)\s+(?:\w+\s+){0,3}(?:bombs?|explosives?|devices?|mines?|IEDs?)|"
        r"(?:foiled|thwarted)\s+(?:[\w-]+\s+){0,3}(?:attacks?|bombings?|plots?|operations?)|"
        r"(?:attacks?|bombings?|plots?|operations?)\s+(?:[\w-]+\s+){0,4}(?:is|was|were|been)\s+(?:foiled|thwarted)",
        52,
    ),
    _rule(
        S.CHANGE_TO_GROUP,
        r"defect(?:ed|ion|ions|ors)|sent\s+reinforcements|reinforcements|(?:re)?deploy(?:ed|ing|ment)|"
        r"announced\s+the\s+formation|merged|recruit(?:ed|ment|ing)|sworn\s+in\s+as|"
        r"(?:were|was|are)\s+massing|abandon(?:ed|ing)\s+(?:their\s+|its\s+)?neutrality|"
        r"graduation\s+(?:ceremony\s+)?(?:of|for)\s+(?:[\w-]+\s+){0,4}(?:fighters|recruits|troops|soldiers)",
        15,
    ),
    _rule(
        S.HEADQUARTERS_ESTABLISHED,
        r"(?:established|establishing|set(?:ting)?\s+up|opened|install(?:ed|ing))\s+"
        r"(?:an?\s+|its\s+(?:own\s+)?|their\s+(?:own\s+)?)?(?:new\s+)?(?:[\w-]+\s+)?(?:base|headquarters|outpost|"
        r"office|police\s+station|command\s+(?:post|centre|center)|garrison)|"
        # a camp only when it is an armed one: "set up a camp for the displaced" is no base
        r"(?:established|set(?:ting)?\s+up|install(?:ed|ing))\s+(?:an?\s+|its\s+|their\s+)?(?:new\s+)?"
        r"(?:permanent|military|training|army|rebel|militant|forward)\s+camp",
        15,
    ),
    _rule(
        S.LOOTING,
        r"loot(?:ed|ing)|pillag(?:ed|ing)|ransack(?:ed|ing)|torched|razed|demolish(?:ed|ing)|set\s+fire\s+to|burn(?:ed|t)\s+"
        r"(?:\w+\s+){0,2}(?:homes|houses|shops|trucks|cars|vehicles|buses|machinery)|"
        # property wrecked without a weapon word: "destroyed an electricity pylon", "sabotaged a bridge"
        r"(?:destroy(?:ed|ing)|sabotag(?:ed|ing)|vandali[sz](?:ed|ing)|blew\s+up)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:homes?|houses?|shops?|schools?|churche?s?|mosques?|propert(?:y|ies)|crops|fields|pylons?|towers?|"
        r"bridges?|infrastructure|offices?|markets?|stalls|power\s+lines?|pipelines?|antennas?)\b",
        12,
    ),
    _rule(S.OTHER, r"mass\s+graves?", 10),
)


#: ASCII capitals to lower case, keeping the text's length (and so every offset).
_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _folded_bodies(rules: tuple[Rule, ...]) -> list[str]:
    """Each rule's pattern without its start guard, relaxed to lower case for text lowered with
    :data:`_LOWER` (case-sensitive parts too), so it matches wherever the rule could."""
    bodies = [rule.pattern.pattern[len(_START) :] for rule in rules]
    if any(
        re.search(r"\\[A-Z]", body) for body in bodies
    ):  # \S, \W, \D ... would change meaning once lowered
        raise ValueError("trigger rules must not use upper-case escapes such as \\S or \\W")
    return [body.replace("(?-i:", "(?:").translate(_LOWER) for body in bodies]


def _any_rule(rules: tuple[Rule, ...]) -> re.Pattern[str]:
    """One zero-width pattern that matches, in text lowered with :data:`_LOWER`, wherever some rule's
    match could start (a superset: each hit is then checked with the rules themselves).

    Scanning once with it and trying the rules only at its hits finds the same triggers as scanning
    the text once per rule, three times faster: matching lowered text case-sensitively is what makes
    one pass over hundreds of alternatives cheap. Case-sensitive parts of a rule are relaxed to
    lower case, so the pattern can only find more places than the rules, never fewer. Each rule
    is split into its alternatives, so that a word start tries only the alternatives that may start
    with its letter, not every rule that has one such (twice as fast; the same positions match).
    """
    alternatives = [part for body in _folded_bodies(rules) for part in _alternatives(body)]
    return re.compile(rf"{_START}(?=(?:{by_first_char(alternatives)}))")


def _alternatives(body: str) -> list[str]:
    """The alternatives of a folded rule body ``(?:a|b|c)`` + :data:`_END`, each with the end guard:
    ``(?:a)`` + :data:`_END`, ... (the same matches, all together)."""
    open_, close = "(?:", ")" + _END
    if not (body.startswith(open_) and body.endswith(close)):
        return [body]
    return [f"(?:{part}){_END}" for part in top_level_alternatives(body[len(open_) : -len(close)])]


def _rules_by_char(rules: tuple[Rule, ...]) -> dict[str, tuple[int, ...]]:
    """For each ASCII character of lowered text, the rules (indices, in order) whose match may start
    with it (``folded_regex.first_chars`` of their lowered patterns; a rule whose first characters
    are not known is tried at every character). At a character beyond ASCII every rule is tried
    (:data:`_EVERY_RULE`): ``re.IGNORECASE`` matches some of them with an ASCII letter."""
    firsts = [first_chars(body) for body in _folded_bodies(rules)]
    # a first letter beyond ASCII that re.IGNORECASE matches with an ASCII one (long s, Kelvin sign):
    # such a rule is tried everywhere
    firsts = [None if chars is None or any(map(_ascii_kin, chars)) else chars for chars in firsts]
    return {
        chr(code): tuple(i for i, chars in enumerate(firsts) if chars is None or chr(code) in chars)
        for code in range(128)
    }


def _ascii_kin(ch: str) -> bool:
    """Whether a character beyond ASCII matches an ASCII letter under ``re.IGNORECASE`` (long s)."""
    return not ch.isascii() and any(
        re.fullmatch(re.escape(ch), a, re.IGNORECASE) for a in string.ascii_letters
    )


_ANY_RULE = _any_rule(RULES)
_RULES_AT = _rules_by_char(RULES)
_EVERY_RULE = tuple(range(len(RULES)))


#: A word that denies the act right after it (rule negated-act): "without fighting", "no clashes were
#: reported", "without a fight", "never shelled".
_NEGATED = re.compile(r"\b(?:without|no|never)\s+(?:an?\s+|any\s+)?$", re.IGNORECASE)
#: How far before a trigger (characters) its negation is read.
_NEGATION_REACH = 14
#: The acts rule negated-act denies: violence ("without an agreement" is rule irrealis's, which reads
#: the talks that broke down).
_VIOLENT = frozenset(
    s
    for s, t in EVENT_TYPE_OF.items()
    if t in {EventType.BATTLES, EventType.EXPLOSIONS, EventType.VIOLENCE_AGAINST_CIVILIANS, EventType.RIOTS}
)

#: The trigger a position taken in a fight gives (rule position-taken, :func:`takes_position`).
POSITION_TAKEN = Rule(S.ARMED_CLASH, re.compile(r"(?!)"), 70)


#: Rule breached-deal: words that make the deal after them what an act broke ("in violation of a
#: cease-fire", "breach Putin-Erdogan agreement", "despite the truce"): the act is the event, not a deal.
_BREACHED = re.compile(
    r"\b(?:breach(?:ed|es|ing)?|violat(?:ed|es|ing|ions?)|despite|in\s+defiance\s+of|flout(?:ed|ing|s)?)"
    r"(?:\s+[\w'’–-]+){0,3}?\s+$",
    re.IGNORECASE,
)
#: How far before a deal's word (characters) rule breached-deal reads.
_BREACH_REACH = 40


def find_triggers(text: str) -> list[Trigger]:
    """Every trigger in ``text``, sorted by position; overlapping ones keep the higher priority.

    Each rule's matches do not overlap one another (as with ``finditer``); matches of different
    rules may, and the higher priority wins.
    """
    found: list[tuple[int, int, int, Rule, str]] = []
    ends = [0] * len(RULES)
    low = ascii_lower(text)
    for hit in _ANY_RULE.finditer(low):
        start = hit.start()
        for index in _RULES_AT.get(low[start : start + 1], _EVERY_RULE):  # the rules that may start here
            if start < ends[index]:
                continue
            rule = RULES[index]
            m = rule.pattern.match(text, start)
            if m is not None and m.end() > start:
                ends[index] = m.end()
                if rule.territorial and takes_captives(text, start, m.end()):
                    continue
                if rule.territorial and takes_position(text, start, m.end()):
                    rule = POSITION_TAKEN
                if rule.sub_event_type in _VIOLENT and _NEGATED.search(
                    text, max(0, start - _NEGATION_REACH), start
                ):
                    continue  # rule negated-act: "changed hands without fighting", "no clashes"
                if rule.sub_event_type == S.AGREEMENT and _BREACHED.search(
                    text, max(0, start - _BREACH_REACH), start
                ):
                    continue  # rule breached-deal: "jets in violation of a cease-fire hit an outpost"
                found.append((start, m.end(), rule.priority, rule, m[0]))
    return _without_intercepted(text, strongest(found))


#: Weapons an interception stops: their words after "intercepted" / "shot down" name its object.
_INTERCEPTED = frozenset({S.SHELLING, S.AIR_DRONE_STRIKE, S.GRENADE})
#: How far after an interception word its object may stand ("shot down three cruise missiles").
INTERCEPT_REACH = 60
_CLAUSE_END = re.compile(r"[.;]")


def _without_intercepted(text: str, triggers: list[Trigger]) -> list[Trigger]:
    """Rule intercepted-weapon: "air defences intercepted seven ballistic missiles" tells a Disrupted
    weapons use; the missiles it names are what was stopped, not a missile attack of their own."""
    stops = [t for t in triggers if t.sub_event_type == S.DISRUPTED_WEAPONS_USE]
    if not stops:
        return triggers

    def stopped(t: Trigger) -> bool:
        return t.sub_event_type in _INTERCEPTED and any(
            0 <= t.start - s.end <= INTERCEPT_REACH and not _CLAUSE_END.search(text, s.end, t.start)
            for s in stops
        )

    return [t for t in triggers if not stopped(t)]


def strongest(found: list[tuple[int, int, int, Rule, str]]) -> list[Trigger]:
    """The triggers of rule matches ``(start, end, priority, rule, text)``, sorted by position; of two
    that overlap, the higher priority stays (the longer on a tie)."""
    found.sort(key=lambda f: (f[0], -f[2], -(f[1] - f[0])))
    kept: list[tuple[int, int, int, Rule, str]] = []
    for item in found:
        if kept and item[0] < kept[-1][1]:
            if item[2] > kept[-1][2]:
                kept[-1] = item
            continue
        kept.append(item)
    return [Trigger(s, e, t, rule.sub_event_type) for s, e, _, rule, t in kept]


#: The highest priority of each sub-event type's rules (a type with no rule of its own ranks 0).
_PRIORITY: dict[SubEventType, int] = {}
for _rule_item in RULES:
    _PRIORITY[_rule_item.sub_event_type] = max(
        _PRIORITY.get(_rule_item.sub_event_type, 0), _rule_item.priority
    )


def priority(trigger: Trigger) -> int:
    """The priority of the rules behind a trigger's type (higher names the event of its sentence)."""
    return _PRIORITY.get(trigger.sub_event_type, 0)


#: Leaving words that a non-violent transfer told by the model may stand on ("retreated").
_LEFT_WORDS = re.compile(
    r"withdr(?:ew|awn|awal|aws)|pulled\s+out|pull-?out|retreat(?:ed|s)?|left|fled|abandon(?:ed|s)?",
    re.IGNORECASE,
)


def is_territorial(trigger: Trigger) -> bool:
    return trigger.sub_event_type == TERRITORY


def names_withdrawal(words: str) -> bool:
    """Whether ``words`` tell of a side leaving ("withdrew from", "pulled out of", "retreated"): the
    phrases of the non-violent transfer rules, not a word the model chose ("entered", "On")."""
    rules = (rule for rule in RULES if rule.sub_event_type == S.NON_VIOLENT_TRANSFER)
    return any(rule.pattern.fullmatch(words) for rule in rules) or _LEFT_WORDS.fullmatch(words) is not None


def territorial_sub_type(gainer_inter: int | None) -> SubEventType:
    """Codebook: a capture by state forces (or their affiliates) is 'Government regains territory';
    by anyone else (a non-state or foreign actor) 'Non-state actor overtakes territory'."""
    if gainer_inter == Inter.STATE_FORCES:
        return S.GOVERNMENT_REGAINS_TERRITORY
    return S.NON_STATE_OVERTAKES_TERRITORY

"""Sentences that tell no ACLED event although they use its words: rules as data.

Codebook: ACLED codes political violence, demonstrations and strategic developments by organised
actors; it does not code accidents, natural or industrial disasters, or ordinary crime between
individuals. Each rule below has an id, the codebook rule it applies, the pattern that names the
non-event, the pattern of what would make it an event after all (``unless``), and examples that run as
tests (``tests/unit/events/test_nonevents.py``): ``drops`` must be dropped, ``keeps`` must not.

A rule only removes a sentence; it never makes an event. ``frontlines eval corpus --ablate RULE_ID``
measures what one is worth.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from frontlines.folded_regex import FoldedPattern, by_first_char, lowered, top_level_alternatives

#: Words that make a sentence political violence whatever else it says.
_ARMED = (
    r"attack(?:s|ed|ers)?|shell(?:s|ed|ing)|air\s*strikes?|strikes?\s+(?:on|by|hit)|bomb(?:s|ed|ing|er)?|"
    r"gunm[ae]n|militants?|rebels?|insurgents?|jihadists?|militia(?:s|men)?|bandits?|terroris[mt]s?|"
    r"clash(?:es|ed)?|ambush(?:ed)?|explosive\s+device|IED|landmine|suicide|drones?|missiles?|rockets?|"
    r"mortars?|grenades?|sabotage|arson(?:ists)?|protest(?:s|ers|ed)?|riot(?:s|ers|ed)?|gang(?:s|\s+members)?|"
    r"cartel|kidnap(?:ped|pers|ping)?|abduct(?:ed|ion)?|looted|opened\s+fire|shot\s+at|"
    r"(?<!flood\s)(?<!fire\s)fighting|firefights?|gunfire|paramilitar(?:y|ies)|stormed|to\s+storm|"
    r"marched|rall(?:y|ies|ied)|demonstrat(?:ion|ions|ors|ed)|"
    r"set\s+(?:[\w-]+\s+){1,4}(?:on\s+fire|ablaze|alight)|set\s+fire\s+to|torched|"
    r"(?:threw|throwing|hurled|hurling|pelted|pelting)\s+(?:\w+\s+){0,2}(?:stones|rocks|bottles)"
)


#: Days of the week (rule future-act).
_WEEKDAYS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
#: An act told as done, not to come: what makes a sentence with an announcement an event after all.
_DONE = (
    r"killed|killing|wounded|injured|attacked|clashed|shelled|bombed|struck|seized|captured|arrested|"
    r"detained|abducted|kidnapped|opened\s+fire|shot|stormed|dispersed|fired|exploded"
)


#: Ordinary crimes an arrest may be for (rule ordinary-arrest).
_CRIMES = (
    r"drugs?|narcotics?|rape|sexual\s+assault|child\s+(?:pornography|abuse|endangerment)|theft|robbery|"
    r"burglary|fraud|embezzlement|DUI|drunk(?:en)?\s+driving|murder|homicide|manslaughter|shooting|stabbing|"
    r"assault|trespass\w*|possession|shoplifting|stolen|smuggling|poaching|counts?\s+of"
)


@dataclass(frozen=True, slots=True)
class NonEventRule:
    """One rule: a sentence matching ``pattern`` and not ``unless`` tells no event."""

    id: str
    codebook: str
    pattern: re.Pattern[str]
    unless: re.Pattern[str]
    drops: tuple[str, ...]
    keeps: tuple[str, ...]
    _pattern: FoldedPattern = field(init=False, repr=False, compare=False)
    _unless: FoldedPattern = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_pattern", FoldedPattern(self.pattern))
        object.__setattr__(self, "_unless", FoldedPattern(self.unless))

    def applies(self, sentence: str, low: str | None = None) -> bool:
        """Whether the rule drops ``sentence``; ``low``: ``folded_regex.lowered(sentence)``, when the
        caller has it (the patterns then read the lowered text, which is faster)."""
        if low is None:
            low = lowered(sentence)
        return self._pattern.found(sentence, low) and not self._unless.found(sentence, low)


#: How :func:`_words` wraps a rule's alternatives.
_WORDS_OPEN, _WORDS_CLOSE = r"\b(?:", r")\b"


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(f"{_WORDS_OPEN}{pattern}{_WORDS_CLOSE}", re.IGNORECASE)


RULES: tuple[NonEventRule, ...] = (
    NonEventRule(
        id="accident-or-disaster",
        codebook="accidents and natural or industrial disasters are no violence",
        pattern=_words(
            r"earthquakes?|quakes?|floods?(?!-)|flooding|floodwaters?|flash\s+floods|landslides?|mudslides?|"
            r"cyclones?|hurricanes?|typhoons?|storms?|tornado(?:es)?|lightning|heavy\s+rains?|torrential|"
            r"wildfires?|bushfires?|blaze|firefighters?|short\s+circuit|gas\s+(?:leak|cylinder)|"
            r"stampede|(?:crowd\s+)?crush\s+(?:at|in|during)|capsized|shipwreck|drowned|collapsed?|"
            # a vehicle that overturned, not a court that overturned a ban
            r"(?:bus|truck|lorry|car|vehicle|tanker|coach|boat|train|minibus)\s+(?:[\w-]+\s+){0,3}overturned|"
            r"overturned\s+(?:on|near|in|into|at|and)|"
            r"crash(?:ed|es|ing)?|accident(?:al|ally)?|"
            r"derailed|(?:mine|mining)\s+(?:collapse|accident|disaster)|methane|tanker\s+(?:exploded|explosion|fire)|"
            r"(?:ammunition|arms|fuel)\s+depot\s+(?:fire|exploded|explosion)|died\s+of\s+(?:thirst|hunger|cold)|"
            r"gas\s+(?:explosion|blast)|fire\s+(?:broke\s+out|started|spread|service|brigade|department)|"
            r"firecrackers?|fireworks|collided|collision|fell\s+into\s+a\s+(?:ravine|gorge|river|canal)|wreck|"
            r"tree\s+fell|fire\s+(?:that\s+)?(?:started|spread)|caused\s+by\s+(?:extreme\s+)?heat|"
            r"fire\s+(?:at|in)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){1,4}(?:spread|broke\s+out)|"
            r"(?:explosion|blast|fire)\s+(?:at|in)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}"
            r"(?:factory|plant|warehouse|depot|refinery|mine)|"
            r"(?:struck|hit|killed|run\s+over)\s+(?:\w+\s+){0,2}by\s+(?:an?\s+)?(?:car|truck|lorry|vehicle|train|bus)\b"
        ),
        unless=_words(_ARMED),
        drops=(
            "On 5 October 2024, a petrol tanker overturned and exploded near Koton Karfe (Kogi), killing 8.",
            "A series of powerful earthquakes struck Herat province on Saturday, killing at least 1,000.",
            "More than fifty firefighters battled the blaze at the market for hours on Tuesday night.",
            "Troops were deployed to evacuate residents after floodwaters swept through villages in Swat.",
            "At least two people died on Friday in a gas explosion at a noodle restaurant, state media said.",
            "A blast at a firecracker factory in Sivakasi killed eight workers on Saturday, police said.",
            "Local volunteers join flood fighting effort in Fargo after the river rose overnight.",
            "A crush at the festival killed at least 30 pilgrims before dawn on Wednesday.",
            "Authorities say one person was killed after crashing his car on an interstate off-ramp.",
            "A passenger coach fell into a ravine near Lasbela and caught fire. 41 killed.",
            "A fire that started in a ground-floor restaurant spread through the building. 46 killed.",
            "A fire at a car repair shop spread to a petrol station and set off an explosion. 35 killed.",
            "Man, 34, struck, killed by car on Route 9 on Sunday night.",
        ),
        keeps=(
            "A drone strike hit a fuel depot in Kaluga, setting off a blaze, the governor said.",
            "Gunmen attacked the bus after it overturned near Mopti, killing four passengers.",
            "Rebels shelled the town on Sunday, killing three civilians.",
            "An explosion at an arms depot in Tikhoretsk followed a Ukrainian drone attack, officials said.",
            "Fierce fighting erupted on Sunday in El Fasher as the paramilitary tried to storm the city.",
            "Thousands marched through Novi Sad in memory of the victims of the station canopy collapse.",
            "Thousands gathered in Manila for a march against corruption in flood-control projects.",
            "Hundreds took part in the march in Lahore after a court overturned the ban on it.",
            "Supporters blocking the highway threw stones and fireworks at police near Parotani.",
        ),
    ),
    NonEventRule(
        id="ordinary-crime",
        codebook="ordinary crime between individuals, with no organised armed group or political aim",
        pattern=_words(
            r"robbery|robbed|burglary|burglar|stealing|stole|theft|shoplifting|heroin|cocaine|marijuana|"
            r"meth(?:amphetamine)?|narcotics|warrants?|DUI|drunk(?:en)?\s+driv\w*|drunken|his\s+(?:\w+\s+)?"
            r"(?:wife|girlfriend|ex-wife|neighbou?r|brother|sister)|her\s+(?:\w+\s+)?(?:husband|boyfriend|brother|"
            r"sister)|domestic\s+(?:dispute|violence)|family\s+dispute|"
            r"honou?r\s+killing|plea\s+(?:deal|agreement)|pleaded\s+guilty|sentenced|convicted|jury|charged\s+with|"
            r"court\s+(?:heard|ruled)|"
            # a lone man or woman told as the killer ("when he shot a man near Grand Avenue")
            r"(?:he|she)\s+(?:shot|stabbed|strangled|killed|murdered)\s+(?:a|an|his|her|the|two|three)"
        ),
        unless=_words(
            r"gunm[ae]n|militants?|rebels?|insurgents?|militia(?:s|men)?|bandits?|gang(?:s|\s+members)?|"
            r"cartel|terroris[mt]s?|protest(?:s|ers)?|activists?|journalists?|opposition|kidnap(?:ped|pers|ping)?|"
            r"troops|soldiers|police\s+(?:shot|opened\s+fire|killed)|mobs?|lynch(?:ed|ing)?|vigilantes?|crowds?|"
            r"armed\s+men|attackers|assailants|fighters|forces|army|jihadists?|extremists?|herders|clan|tribal"
        ),
        drops=(
            "A soldier shot dead his wife and her brother after a family dispute at their home in Lahore.",
            "A 32-year-old man was arrested for the armed robbery of a jewellery shop, police said.",
            "Officers seized 1,248 bags of heroin and arrested four men in raids in the city.",
            "A Charleston man admitted on Monday that he gunned down his longtime girlfriend in July 2008.",
            "Patricia Moore, 62, was arrested at her home on Wednesday and charged with criminal trespass.",
            "The events began about 10:30 a.m. Monday, when he shot a man near Grand Avenue, police said.",
        ),
        keeps=(
            "Gang members robbed and killed two traders in Port-au-Prince on Monday.",
            "Police arrested three opposition activists accused of theft of campaign material.",
            "Bandits stole cattle and killed a herder near Gusau on Sunday.",
            "A mob beat to death two men accused of stealing a motorcycle in Mbale on Monday.",
            "Armed men killed a farmer and his son in their field near Gusau on Sunday.",
        ),
    ),
    NonEventRule(
        id="ordinary-arrest",
        codebook="arrests are coded when they are politically significant (activists, protesters, party "
        "members, armed group members, a coup); an arrest for an ordinary crime is none",
        pattern=_words(
            rf"\b(?:arrest(?:ed|s|ing)?|detained)\b(?:(?!\.\s).){{0,120}}?\b(?:{_CRIMES})\b|"
            rf"\b(?:{_CRIMES})\b(?:(?!\.\s).){{0,120}}?\b(?:arrest(?:ed|s|ing)?|detained)\b"
        ),
        unless=_words(
            r"activists?|protest(?:ers|s|ed)?|demonstrat\w*|opposition|journalists?|part(?:y|ies)|members?\s+of|"
            r"militants?|terror\w*|plot\w*|rebels?|separatists?|insurgents?|jihadists?|extremists?|gunm[ae]n|"
            r"bandits?|kidnap\w*|spy(?:ing)?|espionage|treason|coup|sedition|blasphemy|dissidents?|politicians?|"
            r"lawmakers?|minister|mayor|governor|candidate|weapons|firearms|rifles?|explosives?|bomb\w*|"
            r"attack\w*|cartel|gangs?|militia\w*|soldiers|troops|army|rall(?:y|ies)|strike|union"
        ),
        drops=(
            "A woman was arrested on drug and child endangerment charges after a narcotic search on Monday.",
            "A Coral Gables man was arrested on child pornography charges, police said.",
            "Police and the FBI say two men have been arrested in a drive-by shooting on Sunday.",
        ),
        keeps=(
            "Ten members of the opposition party were arrested on charges of illegal purchase of firearms.",
            "Police arrested 40 protesters on charges of vandalism in the capital on Sunday.",
            "Soldiers detained two suspected militants in a raid near Gao on Monday.",
        ),
    ),
    NonEventRule(
        id="animal-attack",
        codebook="an animal's attack is no political violence",
        pattern=_words(
            r"(?:leopard|tiger|lion|elephant|crocodile|hippo(?:potamus)?|hyena|wol(?:f|ves)|bear|snake|shark|"
            r"jaguar|buffalo|dog)s?\s+(?:attack(?:s|ed)?|maul(?:s|ed)?|trampl(?:es|ed)|kill(?:s|ed)|bit)"
        ),
        unless=_words(r"gunm[ae]n|militants?|rebels?|insurgents?|militia(?:s|men)?|troops|soldiers|police"),
        drops=(
            "A leopard attacked and killed a seven-year-old girl near her home in Junnar on Monday evening.",
            "Elephants trampled two farmers to death in Kasungu district overnight, wildlife officials said.",
        ),
        keeps=("Militants attacked a village in Borno, killing 12 herders and their dogs.",),
    ),
    NonEventRule(
        id="exercise-or-display",
        codebook="drills, exercises, weapon tests, parades and space launches use arms or rockets against no "
        "one: no violence",
        pattern=_words(
            r"drills?|(?:military|naval|joint|command-staff|live-fire)\s+exercises?|war\s*games|manoeuvres|"
            r"maneuvers|test-fir(?:e|ed|es|ing)|test\s+launch(?:es|ed)?|mock\s+targets?|military\s+parade|"
            r"on\s+display|blast(?:s|ed)?\s+off|lift(?:s|ed)?\s+off|cosmodrome|space\s+station|into\s+orbit"
        ),
        unless=_words(
            r"attack(?:s|ed)?|clash(?:es|ed)?|killed|killing|wounded|injured|ambush(?:ed)?|shot\s+down"
        ),
        drops=(
            "The navy test-fired two anti-ship missiles in the Sea of Japan on Tuesday, the ministry said.",
            "Troops and tanks took part in live-fire exercises near the border for a third day.",
            "Captured armoured vehicles went on display in the capital's main square on Saturday.",
            "The Russian rocket lifted off on schedule from the Baikonur cosmodrome on Thursday.",
        ),
        keeps=(
            "Insurgents attacked soldiers during drills at the Kainji base, killing two.",
            "Rebels shelled the town on Sunday, killing three civilians.",
        ),
    ),
    NonEventRule(
        id="future-act",
        codebook="only events that happened are coded: an act announced, agreed or called for a day still "
        "to come is no event",
        pattern=_words(
            r"(?:announc\w*|agreed\s+to|plan(?:s|ned)?\s+to|schedul\w*|called\s+(?:for|on)|set\s+to)\b"
            rf"[^.,;]{{0,100}}?\b(?:next\s+(?:week|month|year|{_WEEKDAYS})|the\s+following\s+(?:week|month|"
            rf"{_WEEKDAYS})|tomorrow|later\s+this\s+(?:week|month|year)|in\s+the\s+coming\s+(?:days|weeks|months))"
        ),
        unless=_words(_DONE),
        drops=(
            "On 12 October 2025, transport unions announced a new strike and march in Lima for the following "
            "Thursday, to protest extortion killings of bus drivers.",
            "Thailand and Cambodia agreed to hold talks on their border dispute in Kuala Lumpur next month.",
            "The opposition called for a general strike and mass rallies in the capital next week.",
        ),
        keeps=(
            "Police arrested 40 protesters in the capital on Sunday; organisers announced a new march "
            "for next Friday.",
            "Rebels attacked the town on Sunday, killing four, ahead of talks the army had agreed to "
            "hold next month.",
            "Thousands marched in Lima on Thursday, a week after unions announced the strike.",
        ),
    ),
    NonEventRule(
        id="judgement",
        codebook="only events that happened are coded: a judgement of acts (what they may have violated, "
        "what they could be considered) is commentary, not the report of an event",
        pattern=_words(
            r"(?:may|might|could|would)\s+(?:well\s+)?(?:have\s+)?(?:violated|breached|amount(?:ed)?\s+to|"
            r"constitute[ds]?|be\s+(?:considered|seen|regarded|described|classified|deemed|viewed)(?:\s+as)?)"
        ),
        unless=_words(_DONE),
        drops=(
            "According to Human Rights Watch, the Russian shelling may have violated their obligations under "
            "international humanitarian law.",
            "In the greater picture of the Kyiv offensive, the capture of Chernobyl could be considered a "
            "waypoint for Russian troops advancing towards Kyiv.",
            "Lawyers said the blockade of the port might amount to collective punishment.",
        ),
        keeps=(
            "Rebels shelled the town on Sunday, killing three, in what could be considered a war crime.",
            "Troops opened fire on protesters in the capital, which may have violated the ceasefire.",
        ),
    ),
    NonEventRule(
        id="capability",
        codebook="ACLED codes acts, not means: what arms, advantage or capability a side has is no event",
        pattern=_words(
            r"(?:quantitative|qualitative|military|numerical|technological|minor|clear|decisive)\s+"
            r"(?:advantage|superiority|edge)|(?:advantage|superiority)\s+in|arsenals?|stockpiles?|weaponry|"
            r"capabilit(?:y|ies)|capable\s+of"
        ),
        unless=_words(rf"{_DONE}|hit|destroyed"),
        drops=(
            "Azerbaijan had a quantitative advantage in artillery systems, particularly self-propelled "
            "guns and long-range multiple rocket launchers.",
            "The minister stated that the military had accumulated the necessary weaponry to destroy 70 "
            "percent of opposing forces in a first strike.",
            "Analysts say the rebels' drone capabilities have grown since they acquired Iranian missiles.",
        ),
        keeps=(
            "A Ukrainian drone hit an ammunition stockpile in Toropets on Wednesday, the governor said.",
            "Rebels attacked an army arsenal near Goma on Sunday, seizing rifles and ammunition.",
        ),
    ),
    NonEventRule(
        id="announced-deployment",
        codebook="only events that happened are coded: a deployment or shipment of forces announced is a "
        "decision, not a move of armed actors on the ground",
        pattern=_words(
            r"announc\w*\s+(?:the|a|an)\s+(?:new\s+|further\s+|planned\s+)?"
            r"(?:deployment|shipment|dispatch|sending)\s+of"
        ),
        unless=_words(rf"{_DONE}|arrived|landed|deployed\s+(?:to|in|on|at)"),
        drops=(
            "The African Union announced the deployment of an anti-terrorism force of 3,000 soldiers in the "
            "Sahel to combat the rising insecurity there.",
            "On 20 February, Germany and France announced the shipment of elements of the Franco-German "
            "brigade to Mali to help train Mali troops.",
        ),
        keeps=(
            "Kenya announced the deployment of 400 police, who arrived in Port-au-Prince on Tuesday.",
            "The army announced the deployment of troops to Goma after M23 rebels attacked it on Sunday.",
        ),
    ),
)
RULE_IDS = frozenset(rule.id for rule in RULES)


def _any_pattern(rules: tuple[NonEventRule, ...]) -> re.Pattern[str] | None:
    """A pattern that matches, in lowered text (``folded_regex``), every sentence some rule's
    ``pattern`` matches, and few more: nearly all sentences match none, and one search over the
    rules' words grouped by first letter (``folded_regex.by_first_char``) tells, instead of one
    search per rule trying all its words at every word. None when a rule is not :func:`_words`
    over a foldable pattern."""
    alternatives: list[str] = []
    for rule in rules:
        source = rule.pattern.pattern
        if rule._pattern.folded is None or not (
            source.startswith(_WORDS_OPEN) and source.endswith(_WORDS_CLOSE)
        ):
            return None
        inner = rule._pattern.folded.pattern[len(_WORDS_OPEN) : -len(_WORDS_CLOSE)]
        alternatives += top_level_alternatives(inner)
    return re.compile(rf"\b(?:{by_first_char(alternatives)})")


#: Searched before the rules: a sentence it does not match, no rule drops.
_ANY_PATTERN = _any_pattern(RULES)


#: Rules that read the whole sentence a clause was cut from: a crime told in one clause makes the arrest
#: or the killing told in the next no event either ("a man had shot dead his sister ...; he was arrested
#: the following day").
WHOLE_SENTENCE = frozenset({"ordinary-crime", "ordinary-arrest"})


@functools.lru_cache(maxsize=1024)
def non_event(sentence: str, switched_off: frozenset[str] = frozenset()) -> NonEventRule | None:
    """The first rule of :data:`RULES` (not in ``switched_off``) saying ``sentence`` tells no event.

    Remembered for the last sentences asked: the cascade and the story's lead ask of the same one."""
    low = lowered(sentence)
    if low is not None and _ANY_PATTERN is not None and _ANY_PATTERN.search(low) is None:
        return None
    return next((r for r in RULES if r.id not in switched_off and r.applies(sentence, low)), None)

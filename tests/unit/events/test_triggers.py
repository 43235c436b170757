"""Trigger rules: one table maps phrases to ACLED sub-event types."""

import pytest

from frontlines.events import triggers
from frontlines.events.captives import takes_captives
from frontlines.events.triggers import (
    RULES,
    TERRITORY,
    find_triggers,
    is_territorial,
    priority,
    strongest,
    territorial_sub_type,
)
from frontlines.model import Inter, SubEventType

S = SubEventType


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Government jets bombarded opposition-held neighbourhoods.", S.AIR_DRONE_STRIKE),
        ("An air strike hit the market.", S.AIR_DRONE_STRIKE),
        ("Helicopters dropped barrel bombs on the town.", S.AIR_DRONE_STRIKE),
        ("Warplanes killed 20 civilians in the town.", S.AIR_DRONE_STRIKE),
        ("Jets thought to belong to the Syrian government struck the town.", S.AIR_DRONE_STRIKE),
        ("Some 500 young men were sworn in as Volunteers for the Defence of Kaya.", S.CHANGE_TO_GROUP),
        ("The armed movements said they were abandoning their neutrality.", S.CHANGE_TO_GROUP),
        ("The air force carried out a massacre against civilians in Douma.", S.AIR_DRONE_STRIKE),
        ("Mortar shells landed on the district.", S.SHELLING),
        ("Rebels clashed with troops in the east.", S.ARMED_CLASH),
        ("At 22:45, a battle began in Kamiane.", S.ARMED_CLASH),
        ("A Russian column approached Konotop, before engaging Ukrainian mechanized units.", S.ARMED_CLASH),
        ("A suicide car bomber struck a checkpoint.", S.SUICIDE_BOMB),
        ("A roadside bomb exploded near a patrol.", S.REMOTE_EXPLOSIVE),
        ("Activists reported a sarin attack.", S.CHEMICAL_WEAPON),
        ("Gunmen kidnapped two aid workers.", S.ABDUCTION),
        ("Thousands of people protested in the square.", S.PEACEFUL_PROTEST),
        ("Police fired tear gas to disperse the crowd.", S.PROTEST_WITH_INTERVENTION),
        ("The two sides agreed a ceasefire.", S.AGREEMENT),
        ("A man threw a hand grenade at the checkpoint.", S.GRENADE),
        ("The two sides reached a Turkish-brokered deal.", S.AGREEMENT),
        ("The envoy announced a deal on the evacuation.", S.AGREEMENT),
        ("Fire from an army helicopter killed four shepherds.", S.AIR_DRONE_STRIKE),
        ("A security operation in the town killed 9 gunmen and seized arms.", S.ARMED_CLASH),
        ("Russian forces tried to enter the city, but were repelled.", S.ARMED_CLASH),
        ("A Russian glide bomb hit a residential building.", S.AIR_DRONE_STRIKE),
        ("Opposition supporters clashed with police in the capital.", S.VIOLENT_DEMONSTRATION),
        ("Dissidents destroyed an electricity pylon in the hamlet.", S.LOOTING),
    ],
)
def test_triggers_sentence_type(sentence, expected):
    triggers = find_triggers(sentence)
    assert triggers, sentence
    assert max(triggers, key=lambda t: t.sub_event_type == expected).sub_event_type == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The fall of a shell on the middle of Damascus leaves 7 wounded.",
        "A child died of wounds from the fall of mortar shells on Jaramana.",
    ],
)
def test_triggers_fall_of_shells_is_no_capture(sentence):
    assert [t.sub_event_type for t in find_triggers(sentence)] == [S.SHELLING]


def test_triggers_operation_that_killed_civilians_is_no_battle():
    found = find_triggers("A military operation in the town killed 9 civilians.")
    assert all(t.sub_event_type != S.ARMED_CLASH for t in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebels seized control of the town.",
        "Government forces regained control of the district.",
        "Al-Midan and Tadamon are out of the army's control.",
        "The town fell to the rebels.",
        "The army had retaken Douma a few days earlier.",
        "The town was captured by rebels.",
        "Rebel fighters captured three army outposts.",
        "Rebels captured 19 villages.",
        "Rebels captured from the army three villages.",
        "Rebels took Aleppo on Sunday.",
        "Islamist fighters have taken over Idlib city.",
    ],
)
def test_triggers_territorial_phrases(sentence):
    assert any(is_territorial(t) for t in find_triggers(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "At least six soldiers were killed and 25 others captured.",
        "During the fighting, eight tanks were also captured.",
        "Televised confessions of captured fighters backed up this version.",
        "They killed many rebels, capturing dozens of others.",
        "The capture of 20 soldiers was announced.",
        "Security forces searched for suspected rebels and captured at least 24 and executed them.",
        "The al-Nusra Front used US-made TOW missiles captured from Western-backed rebel groups.",
    ],
)
def test_triggers_capture_of_people_or_materiel_is_not_territorial(sentence):
    assert not any(is_territorial(t) for t in find_triggers(sentence))


@pytest.mark.parametrize(
    ("inter", "expected"),
    [
        (Inter.STATE_FORCES, S.GOVERNMENT_REGAINS_TERRITORY),
        (Inter.REBEL_GROUPS, S.NON_STATE_OVERTAKES_TERRITORY),
        (Inter.EXTERNAL_FORCES, S.NON_STATE_OVERTAKES_TERRITORY),
    ],
)
def test_triggers_territorial_sub_type_follows_gainer(inter, expected):
    assert territorial_sub_type(inter) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The minister met his counterpart in the capital on Tuesday.",
        "Delegates took part in the talks and grad students took notes.",
    ],
)
def test_triggers_no_false_hits_in_plain_text(text):
    assert find_triggers(text) == []


def _one_scan_per_rule(text):
    """The plain reading of the rule table: every rule scans the whole text on its own."""
    found = [
        (m.start(), m.end(), rule.priority, rule, m[0])
        for rule in RULES
        for m in rule.pattern.finditer(text)
        if not (rule.territorial and takes_captives(text, m.start(), m.end()))
    ]
    return strongest(found)


@pytest.mark.parametrize(
    "text",
    [
        # rules overlap: a capture phrase inside a battle, shelling inside an air raid, a protest riot
        "Rebels captured the town after fierce clashes and took control of the hill. Jets bombed it.",
        "Government forces shelled and bombarded the area; barrel bombs and mortar shells hit homes.",
        "Protesters rioted and threw stones; police fired tear gas and shot dead two protesters.",
        "A suicide car bomber blew himself up; a car bomb exploded near a roadside bomb.",
        "Rebels captured 15 soldiers and captured the hill.",
        # parts of rules that are case-sensitive: a capital after "took", "Grad", "IEDs"
        "Rebels took Aleppo and TOOK the base; Grad rockets and IEDs hit it, not grad students.",
        "Pre-shelling, mis-attacked, half-captured: words that only contain triggers are not triggers.",
        "",
    ],
)
def test_single_scan_finds_what_each_rule_finds_alone(text):
    got = find_triggers(text)
    assert got == _one_scan_per_rule(text)
    assert bool(got) == (text != "" and not text.startswith("Pre-"))


def test_triggers_each_rule_is_tried_where_its_matches_start():
    """The dispatch by first character (``_RULES_AT``) lists every rule at the characters its
    matches start with, in either case."""
    texts = [
        "Rebels SEIZED control of the town; Jets Bombed it, and Protesters Rioted. Drones struck.",
        "Militants captured Aleppo. An IED exploded; a suicide bomber blew himself up at a checkpoint.",
    ]
    for index, rule in enumerate(RULES):
        for text in texts:
            for m in rule.pattern.finditer(text):
                assert index in triggers._RULES_AT.get(m[0][0].lower(), triggers._EVERY_RULE)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Air defences intercepted seven ballistic missiles over Riyadh.", [S.DISRUPTED_WEAPONS_USE]),
        ("Troops downed two attack drones near the base.", [S.DISRUPTED_WEAPONS_USE]),
        ("Soldiers managed to down a Russian Mi-24 attack helicopter.", [S.DISRUPTED_WEAPONS_USE]),
        ("Protesters marched down the main avenue.", [S.PEACEFUL_PROTEST, S.PEACEFUL_PROTEST]),
        # the strike told first is an event of its own; what was shot down after it is the object
        (
            "Missiles struck Kyiv on Monday; air defences shot down 12 drones.",
            [S.SHELLING, S.DISRUPTED_WEAPONS_USE],
        ),
    ],
)
def test_triggers_intercepted_weapons_are_the_object_of_the_interception(sentence, expected):
    assert [t.sub_event_type for t in find_triggers(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("IS fired rockets with a mustard agent at the outskirts of the town.", S.CHEMICAL_WEAPON),
        ("LNA units used chemical munitions during an assault on the district.", S.CHEMICAL_WEAPON),
        ("Protesters looted a government warehouse on the second day of protests.", S.VIOLENT_DEMONSTRATION),
        ("Hooded students threw Molotov cocktails at police outside the school.", S.VIOLENT_DEMONSTRATION),
        ("Youths blocked roads and burned tyres in the town centre.", S.VIOLENT_DEMONSTRATION),
        ("Members of the unit beat student Abrar Fahad to death in the dormitory.", S.ATTACK),
        ("Mobs vandalised and burned around 20 churches in the town.", S.MOB_VIOLENCE),
        ("Seven Ukrainian UAVs downed over Belgorod, the ministry said.", S.DISRUPTED_WEAPONS_USE),
        ("Police recovered 6 kg of explosives and two suicide vests.", S.DISRUPTED_WEAPONS_USE),
        ("The Arakan Army opened an administrative office in Paletwa town.", S.HEADQUARTERS_ESTABLISHED),
        ("The rebels installed a command post in the town.", S.HEADQUARTERS_ESTABLISHED),
        ("The dissidents installed a permanent camp on the road.", S.HEADQUARTERS_ESTABLISHED),
        ("Hooded men burned four logging trucks on the road.", S.LOOTING),
        ("Armed miscreants fired upon farmers tending their fields.", S.ATTACK),
        # setting fire is a riot when a crowd does it, else the destruction of property
        ("RSF fighters looted shops and set fire to homes in the camp.", S.LOOTING),
        ("Supporters of the opposition leader set fire to a petrol station.", S.VIOLENT_DEMONSTRATION),
        ("Angry youths set fire to tyres on the main road.", S.VIOLENT_DEMONSTRATION),
        # the police's means and arrests of a crowd are an intervention in its protest
        ("Riot police used stun grenades to disperse crowds near the monument.", S.PROTEST_WITH_INTERVENTION),
        (
            "Police arrested around 10 traders who protested in front of the market.",
            S.PROTEST_WITH_INTERVENTION,
        ),
        (
            "Police arrested over 40 young people attempting to march to Parliament.",
            S.PROTEST_WITH_INTERVENTION,
        ),
        # a coder's brackets between the crowd and what it did
        ("Protesters in Kaduna (Kaduna) looted a government warehouse.", S.VIOLENT_DEMONSTRATION),
        ("Mobs in Jaranwala (Faisalabad, Punjab) vandalised and burned 20 churches.", S.MOB_VIOLENCE),
        # people captured are arrested, a place captured changes hands
        ("Police captured 21 suspects in Bamako.", S.ARRESTS),
        ("Soldiers recaptured gang leader Adolfo Macias in Manta.", S.ARRESTS),
        ("Police said the suspects were captured in Bamako.", S.ARRESTS),
        ("Rebels captured Kidal from Islamist fighters.", TERRITORY),
        ("The army recaptured the town and killed 12 militants.", TERRITORY),
        ("ISIS executed at least 160 soldiers captured at the air base.", S.ATTACK),
        ("Fighters set fire to the plane and took the pilot hostage.", S.ABDUCTION),
        ("Fighters landed at Paro and took New Zealand pilot Phillip Mehrtens hostage.", S.ABDUCTION),
        # positions and buildings taken in a fight are the battle's; a base or a town changes hands
        ("Rebels attacked and captured the town's police stations.", S.ARMED_CLASH),
        ("The SDF captured al-Rabet street in Manbij.", S.ARMED_CLASH),
        # an air raid alarm is a warning; the shelling it warns of is the event
        ("Civilians heard an air raid alarm in Lebedyn as the Russians began shelling the city.", S.SHELLING),
        # a crowd that storms or attacks riots: the actor decides, not the verb it shares with a battle
        (
            "Rioters stormed and set fire to the city administration building in Almaty.",
            S.VIOLENT_DEMONSTRATION,
        ),
        (
            "Youths protesting the killing burned tyres and attacked the police station.",
            S.VIOLENT_DEMONSTRATION,
        ),
        ("Mobs attacked and looted Hindu homes in several villages.", S.MOB_VIOLENCE),
        ("Protesters were attacked by gunmen near the square.", S.ARMED_CLASH),
        # a weapon stopped is a disrupted weapons use, not the explosion it prevented
        (
            "Soldiers stopped a minivan packed with explosives, calling it a foiled car bomb attack.",
            S.DISRUPTED_WEAPONS_USE,
        ),
        ("Volunteers discovered an IED on the road and neutralised the device.", S.DISRUPTED_WEAPONS_USE),
        ("Police said a bombing plot was foiled in Afgoye.", S.DISRUPTED_WEAPONS_USE),
        ("The Arakan Army captured the headquarters of the Western Command in Ann.", TERRITORY),
        # a body found with signs of torture or execution tells of a killing
        ("The body of a young man with his hands tied and bullet wounds was found near Talbiseh.", S.ATTACK),
        ("The bodies of three men showing signs of torture were dumped near Benghazi.", S.ATTACK),
        ("The muezzin of a mosque was found butchered in Ivory Coast.", S.ATTACK),
        # fire both ways, an attack driven off: a battle
        ("Both sides traded mortar fire and drone-dropped grenades near Chasiv Yar.", S.ARMED_CLASH),
        ("Peacekeepers and French troops exchanged gunfire with JNIM militants in the camp.", S.ARMED_CLASH),
        # what aircraft drop is an air strike, whatever the device
        ("Two drones dropped explosive devices on the air force station in Jammu.", S.AIR_DRONE_STRIKE),
        ("CJNG members used drones to drop explosive devices on rival positions.", S.AIR_DRONE_STRIKE),
        # a crowd dispersed by force, not one that dispersed
        ("Police dispersed them with tear gas outside the ministry.", S.PROTEST_WITH_INTERVENTION),
        ("The protesters were dispersed by police near the palace.", S.PROTEST_WITH_INTERVENTION),
        ("Monks marched peacefully and dispersed in the evening.", S.PEACEFUL_PROTEST),
        ("Armenian and Azerbaijani forces exchanged artillery near Tovuz.", S.ARMED_CLASH),
        ("An exchange of fire between troops and rebels left two dead near Kidal.", S.ARMED_CLASH),
        (
            "Members of the vigilance committee beat back a night incursion by Boko Haram fighters.",
            S.ARMED_CLASH,
        ),
        ("The army said its troops repelled the assailants and killed dozens of them.", S.ARMED_CLASH),
        ("Palestinian gunmen opened fire on Israeli forces raiding the camp.", S.ARMED_CLASH),
        # residents who beat people are a mob; residents who say others did are no mob
        ("Residents of a village beat several refugees and set fire to their tents.", S.MOB_VIOLENCE),
        ("Residents said gunmen assaulted a trader near the market.", S.ARMED_CLASH),
        # a drone that fires missiles strikes from the air
        ("An Israeli drone fired successive missiles at a convoy in Deir al-Balah.", S.AIR_DRONE_STRIKE),
        # weapons seized are a disrupted weapons use, whatever weapons the list names
        (
            "Soldiers seized 40 assault rifles, a Barrett rifle, grenades and 12,000 rounds.",
            S.DISRUPTED_WEAPONS_USE,
        ),
    ],
)
def test_triggers_the_strongest_names_the_event(sentence, expected):
    """The weapon's agent outranks its carrier (codebook: a chemical attack by any means), and a crowd
    that loots or throws firebombs is a violent demonstration, not a peaceful protest."""
    assert max(find_triggers(sentence), key=priority).sub_event_type == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "No firefighters were injured fighting the fire.",
        "The museum shows necklaces of ocean shells and mussel shells.",
    ],
)
def test_triggers_fighting_a_fire_and_sea_shells_are_no_violence(sentence):
    assert find_triggers(sentence) == []


def test_triggers_shells_and_fighting_still_trigger():
    subs = {t.sub_event_type for t in find_triggers("Shells fell on the market during fighting in the town.")}
    assert subs == {S.SHELLING, S.ARMED_CLASH}


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian soldiers seized the mayor at a crisis centre.",
        "The ship Sapfir had been captured by the navy.",
        "Insurgents captured 30 soldiers near the border.",
        "Officers detained a journalist at her flat and seized her laptop and phones.",
        "Residents seized a man they accused of spying and burned him alive.",
    ],
)
def test_triggers_a_capture_of_people_or_a_ship_is_no_territorial_change(sentence):
    assert not any(is_territorial(t) for t in find_triggers(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "The town changed hands without fighting.",
        "No clashes were reported in Goma.",
        "The rebels left without a fight.",
    ],
)
def test_triggers_an_act_denied_is_no_trigger(sentence):
    """Rule negated-act: "without fighting", "no clashes" deny the act they name."""
    assert find_triggers(sentence) == []


def test_triggers_a_headquarters_taken_over_is_a_capture():
    text = "The Arakan Army had taken over the military's Western Regional Command headquarters."
    assert [t.sub_event_type for t in find_triggers(text)] == [TERRITORY]


def test_triggers_a_grenade_named_outranks_an_explosion_word():
    """A grenade that exploded is a grenade attack, not the planted device "exploded" alone means."""
    text = "A hand grenade exploded at a cafe near the bus station, wounding eight customers."
    assert max(find_triggers(text), key=priority).sub_event_type == S.GRENADE


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russian jets in violation of a cease-fire hit an outpost near Idlib.", [S.AIR_DRONE_STRIKE]),
        ("Warplanes breach the Sochi agreement by targeting villages near Idlib.", [S.AIR_DRONE_STRIKE]),
        ("RSF fighters shelled El Fasher despite the truce.", [S.SHELLING]),
        ("The two sides signed a truce in Doha.", [S.AGREEMENT]),
    ],
)
def test_triggers_a_deal_breached_is_no_agreement(sentence, expected):
    """Rule breached-deal: a deal an act broke ("in violation of a cease-fire") is no agreement."""
    assert [t.sub_event_type for t in find_triggers(sentence)] == expected


def test_triggers_a_body_found_without_marks_of_violence_is_no_attack():
    text = "The bodies of two fishermen who drowned when their boat capsized were recovered on Friday."
    assert not find_triggers(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Police arrested an actress over posts supporting an executed protester.",
        "A detachment was deployed to provide security and to execute combat search and rescue missions.",
    ],
)
def test_triggers_an_execution_named_or_a_task_executed_is_no_attack(sentence):
    assert all(t.sub_event_type != S.ATTACK for t in find_triggers(sentence))

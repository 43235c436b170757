"""Actor mentions: found in text, resolved to ACLED's canonical names for a country and a day."""

import datetime as dt
import re

import pytest

from frontlines.mentions.actors import ActorDictionary
from frontlines.mentions.agent_patterns import alternation, by_first_char
from frontlines.mentions.parties import PARTY
from frontlines.model import Inter

ARMY = "military"


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def _resolve(actors: ActorDictionary, text: str, country: str, day: dt.date) -> list[tuple[str, str, int]]:
    return [
        (m.text, (a := actors.resolve(m.ref, country, day)).name, int(a.inter)) for m in actors.find(text)
    ]


@pytest.mark.parametrize(
    ("text", "country", "day", "expected"),
    [
        (
            "Government jets bombarded the town.",
            "SY",
            dt.date(2013, 2, 5),
            [("Government jets", "Military Forces of Syria (2000-2024)", 1)],
        ),
        (
            "The army shelled the town.",
            "SY",
            dt.date(2025, 3, 1),
            [("The army", "Military Forces of Syria (2024-)", 1)],
        ),
        (
            "Russian warplanes struck Idlib.",
            "SY",
            dt.date(2017, 5, 1),
            [("Russian warplanes", "Military Forces of Russia (2000-)", 8)],
        ),
        (
            "U.S. troops withdrew.",
            "SY",
            dt.date(2019, 10, 7),
            [("U.S. troops", "Military Forces of the United States (2017-2021)", 8)],
        ),
        (
            "IS fighters attacked. He is here.",
            "SY",
            dt.date(2016, 1, 1),
            [("IS fighters", "Islamic State (Syria)", 2)],
        ),
        (
            "ISIS militants attacked the town.",
            "IQ",
            dt.date(2016, 1, 1),
            [("ISIS militants", "Islamic State (Iraq)", 2)],
        ),
        (
            "Houthi rebels shelled the city.",
            "YE",
            dt.date(2018, 6, 1),
            [("Houthi rebels", "Houthi Movement", 2)],
        ),
        (
            "Troops clashed with rebels.",
            "ML",
            dt.date(2020, 1, 1),
            [
                ("Troops", "Military Forces of Mali (2013-2020)", 1),
                ("rebels", "Unidentified Armed Group (Mali)", 2),
            ],
        ),
        (
            "Police dispersed the protesters.",
            "SD",
            dt.date(2019, 1, 1),
            [("Police", "Police Forces of Sudan (1989-2019)", 1), ("protesters", "Protesters (Sudan)", 6)],
        ),
        (
            "Gunmen killed two civilians.",
            "SY",
            dt.date(2014, 1, 1),
            [("Gunmen", "Unidentified Armed Group (Syria)", 3), ("civilians", "Civilians (Syria)", 7)],
        ),
    ],
)
def test_actors_resolve_canonical_names(actors, text, country, day, expected):
    assert _resolve(actors, text, country, day) == expected


def test_actors_acronyms_are_case_sensitive(actors):
    assert actors.find("This is what is said; sdf and fsa are not acronyms here.") == []


def test_actors_longest_match_wins(actors):
    [mention] = actors.find("Units of the Free Syrian Army advanced.")
    assert mention.text == "Free Syrian Army"


def test_actors_state_forces_abroad_are_external(actors):
    [mention] = actors.find("Turkish troops entered the town.")
    assert actors.resolve(mention.ref, "SY", dt.date(2018, 1, 20)).inter == Inter.EXTERNAL_FORCES
    assert actors.resolve(mention.ref, "TR", dt.date(2018, 1, 20)).inter == Inter.STATE_FORCES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a shorter alias inside a longer one that another mention overlaps is not a mention of its own
        ("Syrian regime jets pounded the town.", ["Syrian regime"]),
        # ("fighters" heads the named group's name: rule named-group-head)
        ("REBELS and Free\nSyrian Army fighters met.", ["REBELS", "Free\nSyrian Army"]),
        ("Counter-rebels and pro-armyish men.", []),
        ("The rebels' base and the army.", ["rebels", "the army"]),
        # a named group before a doer compound is the doer; a role word before one is no side
        ("An AQAP-claimed bomb hit STC-aligned forces.", ["AQAP", "STC"]),
        ("Junta-aligned and rebel-aligned men met the junta.", ["the junta"]),
        ("A Hamas-run ministry.", []),
    ],
)
def test_mentions_are_whole_words_leftmost_longest(actors, text, expected):
    assert [m.text for m in actors.find(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rule head-of-state-name: a role's head, "of" and a state name that state's role
        ("Troops of the Russian Federation attacked.", ("Troops of the Russian Federation", "RU")),
        ("The army of Sudan shelled the town.", ("The army of Sudan", "SD")),
    ],
)
def test_a_head_before_of_and_a_state_is_that_states_role(actors, text, expected):
    found = actors.find(text)
    assert [(m.text, m.ref.country) for m in found] == [expected]
    assert actors.resolve(found[0].ref, "UA", dt.date(2022, 5, 1)).inter == Inter.EXTERNAL_FORCES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rule state-as-party: two states that make a deal are its parties, that fight its forces
        ("Russia and Ukraine each returned 390 prisoners.", [("Russia", PARTY), ("Ukraine", PARTY)]),
        ("A truce between Armenia and Azerbaijan held.", [("Armenia", PARTY), ("Azerbaijan", PARTY)]),
        ("A truce agreed to by both Armenia and Azerbaijan.", [("Armenia", PARTY), ("Azerbaijan", PARTY)]),
        ("DRC and Rwanda signed a peace deal.", [("DRC", PARTY), ("Rwanda", PARTY)]),
        ("Fighting between Armenia and Azerbaijan resumed.", [("Armenia", ARMY), ("Azerbaijan", ARMY)]),
        # two states named together for anything else are no sides
        ("Exports from Russia and Ukraine rose.", []),
        ("Russia and Ukraine are neighbours; talks stalled.", []),
    ],
)
def test_two_states_named_as_the_parties_of_a_deal_or_a_fight(actors, text, expected):
    assert [(m.text, m.ref.key) for m in actors.find(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rule state-with-group-party: a state paired with a named group, as a pair of states is
        (
            "A ceasefire between Israel and Hezbollah took effect.",
            [("Israel", PARTY, True), ("Hezbollah", "Hezbollah", False)],
        ),
        ("A pause agreed by Israel and Hamas began.", [("Israel", PARTY, True), ("Hamas", "Hamas", False)]),
        ("Hamas and Israel agreed to a truce.", [("Hamas", "Hamas", False), ("Israel", PARTY, True)]),
        (
            "Fighting between Israel and Hezbollah resumed.",
            [("Israel", ARMY, False), ("Hezbollah", "Hezbollah", False)],
        ),
        # a state named beside a group for anything else is no side
        ("Hezbollah and Israel are neighbours; talks stalled.", [("Hezbollah", "Hezbollah", False)]),
    ],
)
def test_a_state_and_a_group_named_as_the_parties_of_a_deal(actors, text, expected):
    assert [(m.text, m.ref.key, m.party) for m in actors.find(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rule community-as-party: a community named by its elders, leaders or as a whole at a deal
        (
            "Elders of the Habar Gidir and Marehan clans signed an agreement.",
            ["Habar Gidir Clan Militia (Somalia)", "Marehan Clan Militia (Somalia)"],
        ),
        (
            "Leaders of the Fulani and Berom communities signed a peace accord.",
            ["Fulani Ethnic Militia (Nigeria)", "Berom Ethnic Militia (Nigeria)"],
        ),
        ("Warring Tuareg clans agreed to cease hostilities.", ["Tuareg Ethnic Militia (Mali)"]),
        # its elders named where no deal is, or the community's people, are no party
        ("Fulani leaders condemned the killing of 12 herders.", []),
        ("Fulani herders and Berom farmers signed nothing; a truce was not discussed.", []),
    ],
)
def test_a_community_named_as_a_party_of_a_deal_is_its_militia(actors, text, expected):
    found = [m for m in actors.find(text) if m.party]
    assert [m.ref.key for m in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a demonym joined to the next one shares its head: each state is an actor
        (
            "Russian and Syrian government jets bombed the town.",
            [
                ("Russian", "Military Forces of Russia (2000-)"),
                ("Syrian government", "Military Forces of Syria (2000-2024)"),
            ],
        ),
        (
            "Iranian, Russian and Syrian troops advanced.",
            [
                ("Iranian", "Military Forces of Iran (1989-)"),
                ("Russian", "Military Forces of Russia (2000-)"),
                ("Syrian troops", "Military Forces of Syria (2000-2024)"),
            ],
        ),
        # the state of an aircraft named after it
        (
            "Warplanes believed to be Russian struck the town.",
            [("Warplanes believed to be Russian", "Military Forces of Russia (2000-)")],
        ),
        (
            "Fighter jets also believed to be Russian struck the town.",
            [("Fighter jets also believed to be Russian", "Military Forces of Russia (2000-)")],
        ),
        (
            "A regime helicopter dropped barrel bombs.",
            [("regime helicopter", "Military Forces of Syria (2000-2024)")],
        ),
        (
            "Youths stoned Turkish armoured vehicles.",
            [("Turkish armoured vehicles", "Military Forces of Turkey (2002-)")],
        ),
        (
            "ISIL fought other opposition armed groups.",
            [("ISIL", "Islamic State (Syria)"), ("opposition armed groups", "Opposition Rebels (Syria)")],
        ),
    ],
)
def test_actors_joined_demonyms_and_forms_of_state_forces(actors, text, expected):
    found = [(m.text, actors.resolve(m.ref, "SY", dt.date(2016, 6, 1)).name) for m in actors.find(text)]
    assert found == expected


def test_actors_a_group_is_not_named_before_it_was_formed(actors):
    [mention] = actors.find("Turkish-backed rebels took the village.")
    assert actors.resolve(mention.ref, "SY", dt.date(2016, 10, 8)).name == "Opposition Rebels (Syria)"
    assert actors.resolve(mention.ref, "SY", dt.date(2018, 2, 1)).name == "SNA: Syrian National Army"


def test_actors_alternation_by_first_char_finds_the_same_matches() -> None:
    """The grouped alternation is a speed-up only: the same phrase wins wherever two could match."""
    phrases = ["Russia", "Russian", "Russia's", "Rwanda", "Syria", "Syrian", "South Sudan", "S", "US"]
    text = "Russian and Syrian jets; Russia's army, South  Sudan, Rwandan US forces, Ss, Russia\u2019s"
    for tail in ("", r"(?![\w-])", r"\s+\w+"):
        plain = re.compile(rf"(?P<x>{alternation(phrases)}){tail}")
        grouped = re.compile(rf"(?P<x>{by_first_char(phrases)}){tail}")
        assert [m.span("x") for m in grouped.finditer(text)] == [m.span("x") for m in plain.finditer(text)]
    assert by_first_char(["Syria", "Sudan", "Iraq"]) == "I(?:raq)|S(?:udan|yria)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rule disguise: a role played is no side; a role held is
        ("A gunman posing as a police officer shot the lawmaker.", []),
        ("A bomber dressed as a soldier blew himself up at the gate.", []),
        ("Men impersonating security agents abducted the activist.", []),
        ("A police officer shot the gunman.", ["police"]),
        ("Men in army uniform executed seven people.", ["military"]),
    ],
)
def test_a_role_played_in_disguise_is_no_side(actors, text, expected):
    assert [m.ref.key for m in actors.find(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rule no-longer-serving: a role left, or one of the dead mourned, is no side
        ("Gunmen shot dead a former soldier in Kaduna.", ["unidentified"]),
        ("Two retired police officers were abducted.", []),
        ("A missile hit the wake of a fallen soldier.", []),
        ("Ex-rebels protested in Bangui.", []),
        ("A soldier was killed by a mine.", ["military"]),
    ],
)
def test_a_role_no_longer_held_is_no_side(actors, text, expected):
    assert [m.ref.key for m in actors.find(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rule civil-body: a role word naming a civil body or place is no side
        ("Two civilians were killed, the regional military administration said.", ["civilians"]),
        ("A military court sentenced the activist.", []),
        ("Shells hit the military hospital.", []),
        ("Military forces shelled the town.", ["military"]),
    ],
)
def test_a_role_word_naming_a_civil_body_is_no_side(actors, text, expected):
    assert [m.ref.key for m in actors.find(text)] == expected


def test_military_police_are_police_and_us_commands_the_us_military(actors):
    [police] = actors.find("Military police in Salvador shot dead two teenagers.")
    assert police.ref.key == "police"
    [command] = actors.find("US Africa Command said it conducted an air strike.")
    assert (command.ref.key, command.ref.country) == ("military", "US")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rule named-within-demonym: a demonym and a head around a named group name the group
        ("Five Chadian MINUSMA peacekeepers were killed.", ["MINUSMA"]),
        ("Russian Wagner Group troops entered the town.", ["Wagner Group"]),
        ("Russian Shahed drones struck the city.", ["Russian Shahed drones"]),
    ],
)
def test_a_named_group_inside_a_demonym_mention_is_that_group(actors, text, expected):
    found = actors.find(text)
    assert [m.text if m.ref.kind == "role" else m.ref.key.split(":")[0] for m in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rule named-group-head: a role's word right after a named group's name is the group's fighters
        ("RSF troops shelled El Fasher.", ["RSF: Rapid Support Forces"]),
        ("Wazalendo militiamen clashed with M23.", ["Wazalendo", "M23: March 23 Movement"]),
        # not a head when something stands between, or after "anti-"
        ("The RSF, troops and police were deployed.", ["RSF: Rapid Support Forces", "military", "police"]),
    ],
)
def test_a_role_word_heading_a_named_group_is_that_group(actors, text, expected):
    assert [m.ref.key for m in actors.find(text)] == expected

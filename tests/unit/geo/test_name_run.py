"""Rule unknown-name-run (``geo.namerun``): a word of a longer name written before a parenthesised
admin ("Gida Kiremu (East Welega)", "Ain Zara (Tripoli)") is no place; the admin locates the text."""

from __future__ import annotations

import pytest

from frontlines.geo import PlaceMatcher, SqliteGazetteer, resolve_places
from frontlines.geo.namerun import (
    GENERIC_HEAD,
    GENERIC_HEAD_NEGATIVES,
    NEGATIVE_EXAMPLES,
    PARENTHESISED_ADMIN,
    PARENTHESISED_ADMIN_NEGATIVES,
    RULE,
    generic_head,
    unknown_name_run,
)
from frontlines.geo.precision import geo_precision
from frontlines.model import GeoPrecision

#: (place_id, name, country, lat, lon, kind, population, admin1)
WORLD = [
    ("g:gida", "Gida", "SA", 21.49, 39.19, "city", 4_697_000, "Makkah"),  # an alias of Jeddah
    ("g:zara", "Zara", "TR", 39.80, 37.76, "admin2", 50_000, "Sivas"),
    ("g:ain", "Ain", "FR", 46.14, 5.21, "admin2", 513_052, "Auvergne-Rhone-Alpes"),
    ("g:tripoli", "Tripoli", "LY", 32.89, 13.19, "city", 1_150_989, "Tripoli"),
    ("g:bokkos", "Bokkos", "NG", 9.30, 8.99, "city", 20_000, "Plateau"),
    ("a:NG-PL", "Plateau State", "NG", 9.2, 9.5, "admin1", 0, "Plateau"),
    ("g:moya", "Moya", "ES", 39.96, -1.92, "city", 1_500, "Castilla-La Mancha"),
    ("g:sennar", "Sennar", "SD", 13.55, 33.60, "city", 130_000, "Sennar"),
    ("g:nyala", "Nyala", "SD", 12.05, 24.88, "city", 565_734, "South Darfur"),
    ("g:jebel", "Jebel", "TM", 39.69, 54.21, "city", 6_000, "Balkan"),
    ("g:kaya", "Kaya", "BF", 13.09, -1.08, "city", 66_851, "Centre-Nord"),
    ("g:leer-de", "Leer", "DE", 53.23, 7.46, "city", 34_000, "Niedersachsen"),
    ("g:leer-ss", "Leer", "SS", 8.30, 30.14, "city", 0, "Unity"),
    ("a:SS-UY", "Unity", "SS", 8.72, 29.76, "admin1", 0, "Unity"),
    ("g:unity-ca", "Unity", "CA", 52.45, -109.17, "city", 2_573, "Saskatchewan"),
    ("g:berlin", "Berlin", "DE", 52.52, 13.40, "city", 3_426_354, "Berlin"),
]

#: (text, the matched word): the rule fires on the word.
POSITIVE = [
    ("near Gida Kiremu (East Welega)", "Gida"),
    ("exploded in Ain Zara (Tripoli)", "Ain"),
    ("exploded in Ain Zara (Tripoli)", "Zara"),
    ("retook the Jebel Moya area (Sennar)", "Moya"),
    ("shelled Tal Shihab village (Daraa)", "Tal"),
]
#: (text, the matched word): the rule stays silent.
NEGATIVE = [
    ("attacked several villages in Bokkos LGA (Plateau)", "Bokkos"),  # a unit word
    ("shelled the Aleppo International Airport (Aleppo)", "Aleppo"),  # a facility
    ("exploded in Tripoli (Libya)", "Tripoli"),  # the whole name
    ("fighting near Gida Kiremu on Monday", "Gida"),  # no parentheses
    ("On Monday Nyala (South Darfur) was shelled", "Nyala"),  # a date before it
    ("Near Nyala (South Darfur) fighting", "Nyala"),  # a sentence-opening word
    ("RSF shelled El Fasher (North Darfur)", "Fasher"),  # an Arabic article
    ("RSF shelled Lamu East (Lamu)", "Lamu"),  # a direction: a part of the unit
    ("after RSF Nyala (South Darfur) fell", "Nyala"),  # an acronym is a group, not a name word
    # an acronym in the parentheses spells out an organisation's initials, not an admin
    ("according to the Alexandria City Public Schools (ACPS) website", "Alexandria City"),
]


#: (text, the matched words, whether rule generic-head fires)
HEADS = [
    ("villagers of Kaya in eastern Jebel Marra", "Jebel", True),
    ("a mine exploded in Ain Zara, south of Tripoli", "Ain", True),
    ("a mine exploded in Ain Zara, south of Tripoli", "Zara", True),
    ("shelling near Wadi al-Sir", "Wadi", False),  # no capitalised word after it
    ("the Ain department of France", "Ain", False),
    ("clashes in Tal Afar", "Tal Afar", False),  # the whole name, known
    ("fighting in Jebel Province", "Jebel", False),  # a unit word after it
    ("a raid on Zara", "Zara", False),  # no head before it
]


@pytest.mark.parametrize("text, word, fires", HEADS)
def test_generic_head_keeps_a_longer_name_whole(text: str, word: str, fires: bool) -> None:
    start = text.index(word)
    expected = GENERIC_HEAD.id if fires else None
    assert generic_head(text, start, start + len(word), text[:start]) == expected


def test_generic_head_examples_are_covered() -> None:
    texts = {text for text, _, fires in HEADS if fires}
    assert set(GENERIC_HEAD.examples) <= texts
    assert set(GENERIC_HEAD_NEGATIVES) <= {text for text, _, fires in HEADS if not fires}


def test_generic_head_drops_the_namesake_of_a_word(places) -> None:
    found = places("Residents of Kaya village in eastern Jebel Marra reported bombs dropped by aircraft.")
    assert "Jebel" not in [text for text, *_ in found]


def _fires(text: str, word: str) -> str | None:
    start = text.index(word)
    return unknown_name_run(text, start, start + len(word), text[:start])


@pytest.mark.parametrize("text, word", POSITIVE)
def test_name_run_fires_on_a_word_of_a_longer_name(text: str, word: str) -> None:
    assert _fires(text, word) == RULE.id


@pytest.mark.parametrize("text, word", NEGATIVE)
def test_name_run_keeps_a_whole_name(text: str, word: str) -> None:
    assert _fires(text, word) is None


def test_name_run_rule_examples_are_covered() -> None:
    assert RULE.summary and RULE.examples
    positives = {text for text, _ in POSITIVE}
    negatives = {text for text, _ in NEGATIVE}
    assert set(RULE.examples) <= positives
    assert set(NEGATIVE_EXAMPLES) <= negatives


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, small_world) -> tuple[SqliteGazetteer, PlaceMatcher]:
    return small_world(tmp_path_factory.mktemp("namerun") / "gazetteer.sqlite", WORLD)


@pytest.fixture
def places(world, split_sentences):
    gazetteer, matcher = world

    def run(text: str) -> list[tuple[str, str, str, GeoPrecision]]:
        mentions, _ = resolve_places(text, split_sentences(text), matcher.find(text), gazetteer)
        return [(m.text, m.place.country_code, m.role, geo_precision(m)) for m in mentions]

    return run


def test_name_run_leaves_the_parenthesised_admin(places) -> None:
    found = places("On 9 June 2023, a landmine exploded in Ain Zara (Tripoli), killing a man.")
    # the holder stands for the unknown town approximately (rule unknown-within)
    assert [(text, country, precision) for text, country, _, precision in found] == [
        ("Tripoli", "LY", GeoPrecision.NEAR)
    ]
    assert places("On 4 July 2022, armed men abducted 17 students near Gida Kiremu (East Welega).") == []


def test_name_run_keeps_a_place_before_a_unit_word_in_the_event_role(places) -> None:
    found = places("On 24 December 2023, armed men attacked several villages in Bokkos LGA (Plateau).")
    assert ("Bokkos", "NG", "event", GeoPrecision.PLACE) in found


@pytest.mark.parametrize("text", PARENTHESISED_ADMIN.examples[:1])
def test_parenthesised_admin_is_evidence_for_a_unit_named_like_a_word(places, text: str) -> None:
    found = places(f"Between 2 and 5 May 2022, soldiers raped women {text}, according to UNMISS.")
    assert ("Leer", "SS", "event", GeoPrecision.PLACE) in found  # not Leer, Germany
    assert ("Unity", "SS") in [(name, country) for name, country, *_ in found]


@pytest.mark.parametrize("text", PARENTHESISED_ADMIN_NEGATIVES)
def test_parenthesised_admin_not_when_the_unit_holds_nothing_before_it(places, text: str) -> None:
    assert "Unity" not in [name for name, *_ in places(f"There was {text}.")]

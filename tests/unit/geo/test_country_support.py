"""Rule country-support (rule 8 of ``geo.scoring``): a country the article names supports each of
its places, less than a first-level unit does (``COUNTRY_SUPPORT``): "London" in a story that names
Canada and Toronto is London, Ontario; a country's own candidate gets no support from what it holds."""

from __future__ import annotations

import pytest

from frontlines.geo import PlaceMatcher, SqliteGazetteer, scoring
from frontlines.geo.resolve import resolve_places
from frontlines.geo.scoring import support
from frontlines.model import Place

CANADA = Place("c:CA", "Canada", "CA", 60.0, -96.0, "country", 37_058_856)
ONTARIO = Place("a:CA-ON", "Ontario", "CA", 49.25, -84.5, "admin1", 12_861_940, admin1="Ontario")
LONDON_ON = Place("g:london-on", "London", "CA", 42.98, -81.23, "city", 422_324, admin1="Ontario")
LONDON_GB = Place("g:london-gb", "London", "GB", 51.51, -0.13, "city", 8_961_989, admin1="England")

#: (place_id, name, country, lat, lon, kind, population, admin1)
WORLD = [
    ("c:CA", "Canada", "CA", 60.0, -96.0, "country", 37_058_856, None),
    ("c:GB", "United Kingdom", "GB", 54.0, -2.0, "country", 66_488_991, None),
    ("g:london-gb", "London", "GB", 51.51, -0.13, "city", 8_961_989, "England"),
    ("g:london-on", "London", "CA", 42.98, -81.23, "city", 422_324, "Ontario"),
    ("g:windsor-on", "Windsor", "CA", 42.30, -83.02, "city", 278_013, "Ontario"),
    ("g:leeds", "Leeds", "GB", 53.80, -1.55, "city", 455_123, "England"),
]


@pytest.mark.parametrize(
    ("groups", "expected"),
    [
        # a country named in the article supports its town, half as much as its region does
        ([[LONDON_ON, LONDON_GB], [CANADA]], [scoring.COUNTRY_SUPPORT, 0.0]),
        ([[LONDON_ON, LONDON_GB], [ONTARIO]], [1.0, 0.0]),
        # negative: a country and a region of it are one name each, counted at the stronger
        ([[LONDON_ON], [CANADA, ONTARIO]], [1.0]),
    ],
)
def test_country_support_counts_a_named_country(groups, expected) -> None:
    assert support(groups)[0] == pytest.approx(expected)


def test_country_support_not_from_the_focus_country() -> None:
    """Negative: the article's focus country supports nothing (its places have the focus bonus)."""
    assert support([[LONDON_ON, LONDON_GB], [CANADA]], focus="CA")[0] == [0.0, 0.0]
    assert support([[LONDON_ON, LONDON_GB], [CANADA]], focus="GB")[0] == [scoring.COUNTRY_SUPPORT, 0.0]


def test_country_support_gives_a_country_nothing() -> None:
    """Negative: the country's own candidate is not supported by the towns it holds."""
    assert support([[CANADA], [LONDON_ON]])[0] == [0.0]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, small_world) -> tuple[SqliteGazetteer, PlaceMatcher]:
    return small_world(tmp_path_factory.mktemp("country") / "gazetteer.sqlite", WORLD)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Canada and Windsor put London in Canada (here the focus country does it as well)
        ("London can get to work. London and Leeds fans flew in, then Canada and Windsor.", "g:london-on"),
        # negative: no country or region of the town named: prominence
        ("London can get to work. London and Leeds fans flew in, then Windsor.", "g:london-gb"),
    ],
)
def test_country_support_in_an_article(world, split_sentences, text: str, expected: str) -> None:
    gazetteer, matcher = world
    mentions, _ = resolve_places(text, split_sentences(text), matcher.find(text), gazetteer)
    assert next(m for m in mentions if m.text == "London").candidates[0].place_id == expected

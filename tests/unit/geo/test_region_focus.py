"""The focus region (rule 3 of ``resolve``) and region namesakes (rule 2 of ``scoring``) on a small
world of US namesakes: a state named next to a town of its name elsewhere still votes for itself,
a name does not confirm its own reading against the article's other names, one state named among
others does not make the story's region, and a bare state name is the state."""

from __future__ import annotations

import pytest

from frontlines.geo import (
    PlaceMatcher,
    SqliteGazetteer,
    focus,
    resolve_places,
    scoring,
)
from frontlines.geo.focus import focus_admin1
from frontlines.model import Place

#: (place_id, name, country, lat, lon, kind, population, admin1)
WORLD = [
    ("c:US", "United States", "US", 39.8, -98.6, "country", 327_000_000, None),
    ("a:US-IN", "Indiana", "US", 40.0, -86.25, "admin1", 6_700_000, "Indiana"),
    ("a:US-NY", "New York", "US", 43.0, -75.5, "admin1", 19_000_000, "New York"),
    ("a:US-FL", "Florida", "US", 28.6, -82.4, "admin1", 21_000_000, "Florida"),
    ("g:indiana-pa", "Indiana", "US", 40.62, -79.15, "city", 13_000, "Pennsylvania"),
    ("g:boone-ky", "Boone County", "US", 38.97, -84.73, "admin2", 130_000, "Kentucky"),
    ("g:boone-in", "Boone County", "US", 40.05, -86.47, "admin2", 60_000, "Indiana"),
    ("g:florida-ny", "Florida", "US", 41.33, -74.36, "city", 2_800, "New York"),
    ("g:nyc", "New York City", "US", 40.71, -74.01, "city", 8_800_000, "New York"),
]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, small_world) -> tuple[SqliteGazetteer, PlaceMatcher]:
    return small_world(tmp_path_factory.mktemp("region") / "gazetteer.sqlite", WORLD)


@pytest.fixture
def resolve(world, split_sentences):
    gazetteer, matcher = world

    def run(text: str) -> dict[str, str]:
        mentions, _ = resolve_places(text, split_sentences(text), matcher.find(text), gazetteer)
        return {m.text: m.candidates[0].place_id for m in mentions}

    return run


BOONE = (
    "Unemployment in Boone County rose to 7.7 percent in February. "
    "Indiana's jobless rate grew to 9.4 percent, and 324,000 Indiana residents are looking for work."
)


def test_region_state_votes_despite_a_namesake_town(resolve) -> None:
    """ "Indiana" is also a Pennsylvanian town, yet it votes for the state: the county is Indiana's,
    not the larger Kentucky namesake."""
    found = resolve(BOONE)
    assert found["Indiana"] == "a:US-IN"
    assert found["Boone County"] == "g:boone-in"


INDIANA_STATE = Place("a:US-IN", "Indiana", "US", 40.0, -86.25, "admin1", 6_700_000, admin1="Indiana")
INDIANA_TOWN = Place("g:indiana-pa", "Indiana", "US", 40.62, -79.15, "city", 13_000, admin1="Pennsylvania")


def test_region_vote_goes_to_the_clearly_most_prominent_unit() -> None:
    assert focus.region_vote([INDIANA_STATE, INDIANA_TOWN]) == "Indiana"


def test_region_vote_needs_the_prominence_margin(monkeypatch) -> None:
    """Without the margin rule (two regions: no vote, as before) the state would not vote."""
    monkeypatch.setattr(focus, "VOTE_MARGIN", 10.0)
    assert focus.region_vote([INDIANA_STATE, INDIANA_TOWN]) is None


FLORIDA = "The president met donors in New York on Saturday and flew to Florida on Sunday."


def test_region_bare_state_name_is_the_state(resolve) -> None:
    assert resolve(FLORIDA)["Florida"] == "a:US-FL"


def test_region_namesake_penalty_is_what_keeps_the_state(resolve, monkeypatch) -> None:
    monkeypatch.setattr(scoring, "REGION_NAMESAKE_PENALTY", 0.0)
    assert resolve(FLORIDA)["Florida"] == "g:florida-ny"


def test_region_namesake_placed_by_the_text_is_the_town() -> None:
    town = Place("g:florida-ny", "Florida", "US", 41.33, -74.36, "city", 2_800, admin1="New York")
    state = Place("a:US-FL", "Florida", "US", 28.6, -82.4, "admin1", 21_000_000, admin1="Florida")
    bare = scoring.name_prior(town, "Florida", [town, state])
    placed = scoring.name_prior(town, "Florida", [town, state], placed=True)
    assert placed - bare == pytest.approx(scoring.REGION_NAMESAKE_PENALTY)


@pytest.mark.parametrize(
    ("votes", "exclude", "expected"),
    [
        # A name does not confirm its own reading against the others ("Hagerstown" in Maryland).
        ({"hagerstown": {"Maryland": 1.0}, "columbus": {"Indiana": 1.0}, "new castle": {"Indiana": 1.0}},
         "hagerstown", "Indiana"),
        # ... but alone it frames itself ("Tripoli": North Lebanon).
        ({"tripoli": {"North Lebanon": 1.0}}, "tripoli", "North Lebanon"),
        # A tie is no region.
        ({"a": {"Ohio": 2.0}, "b": {"Texas": 2.0}}, None, None),
        # One state's mention among others is not enough...
        ({"a": {"New York": 2.0}, "b": {"Arizona": 0.5}}, None, None),
        # ... though it is when nothing else is voted for.
        ({"a": {"New York": 2.0}}, None, "New York"),
        # A name resolved with little confidence frames nothing.
        ({"a": {"Texas": 0.2}}, None, None),
    ],
)  # fmt: skip
def test_region_focus_admin1_votes(votes, exclude, expected) -> None:
    assert focus_admin1(votes, exclude) == expected


def test_a_place_in_no_country_votes_for_none() -> None:
    """A sea (or "the Caucasus") is in no country: it frames no story, so a demonym's country still
    can ("Ukrainian sailors ... in the Sea of Azov" is an event in Ukraine)."""
    sea = Place("region:sea-of-azov", "Sea of Azov", "", 46.0, 36.5, "admin1", 1_000_000)
    town = Place("g:azov", "Azov", "RU", 47.11, 39.42, "city", 80_000, admin1="Rostov")
    assert focus.country_vote([sea]) is None
    assert focus.country_vote([sea, INDIANA_TOWN]) is None  # the sea, most prominent, speaks for none
    assert focus.country_vote([town]) == ("RU", 1.0)

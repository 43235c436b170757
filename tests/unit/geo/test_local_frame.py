"""Local-frame rules (``geo.localframe``) and the focus tie-break (``geo.focus``): a country's name is
the town of that name when the article's other places lie around it; a tie between countries goes to
the one whose voter is the more prominent place. On a small world of countries and their namesakes."""

from __future__ import annotations

from functools import partial

import pytest

from frontlines.geo import PlaceMatcher, SqliteGazetteer
from frontlines.geo.focus import focus_country
from frontlines.geo.localframe import RULE_IDS, RULES
from frontlines.geo.resolve import resolve_scored

#: (place_id, name, country, lat, lon, kind, population, admin1)
WORLD = [
    ("c:JO", "Jordan", "JO", 31.2, 36.5, "country", 9_956_011, None),
    ("c:LB", "Lebanon", "LB", 33.9, 35.9, "country", 6_848_925, None),
    ("c:RU", "Russia", "RU", 60.0, 100.0, "country", 144_478_050, None),
    ("c:UA", "Ukraine", "UA", 49.0, 32.0, "country", 40_000_000, None),
    ("g:pokrovsk-ua", "Pokrovsk", "UA", 48.28, 37.18, "city", 60_127, "Donetsk"),
    ("g:pokrovsk-ru", "Pokrovsk", "RU", 61.48, 129.14, "city", 9_763, "Sakha"),
    ("c:US", "United States", "US", 39.8, -98.6, "country", 327_167_434, None),
    ("g:amman", "Amman", "JO", 31.95, 35.93, "city", 1_275_857, "Amman"),
    ("g:jordan-mn", "Jordan", "US", 44.67, -93.63, "city", 6_076, "Minnesota"),
    ("g:shakopee", "Shakopee", "US", 44.80, -93.53, "city", 39_981, "Minnesota"),
    ("g:lebanon-in", "Lebanon", "US", 40.05, -86.47, "city", 15_892, "Indiana"),
    ("g:zionsville", "Zionsville", "US", 39.95, -86.26, "city", 26_296, "Indiana"),
    ("g:russia-oh", "Russia", "US", 40.23, -84.41, "city", 656, "Ohio"),
    ("g:moscow", "Moscow", "RU", 55.75, 37.62, "city", 10_381_222, "Moscow"),
    ("g:versailles", "Versailles", "US", 40.22, -84.48, "city", 2_687, "Ohio"),
    ("g:sidney", "Sidney", "US", 40.28, -84.16, "city", 21_229, "Ohio"),
    ("a:US-OH", "Ohio", "US", 40.25, -83.0, "admin1", 11_689_100, "Ohio"),
    ("g:village-lc", "Village", "LC", 13.8, -60.9, "city", 3_406, "Micoud"),
    ("g:dublin-ie", "Dublin", "IE", 53.33, -6.25, "city", 1_024_027, "Leinster"),
    ("g:dublin-oh", "Dublin", "US", 40.10, -83.11, "city", 10_000, "Ohio"),
    ("g:titan", "Titan", "AF", 34.3, 64.6, "city", 900, "Ghowr"),
    ("g:akron", "Akron", "US", 41.08, -81.52, "city", 197_597, "Ohio"),
    ("g:kent", "Kent", "US", 41.15, -81.36, "city", 30_000, "Ohio"),
    ("g:cohutta", "Cohutta", "US", 34.96, -84.95, "city", 661, "Georgia"),
    ("g:cleveland", "Cleveland", "US", 41.50, -81.69, "city", 372_624, "Ohio"),
    ("g:claflin", "Claflin", "US", 38.52, -98.53, "city", 630, "Kansas"),
    ("c:BY", "Belarus", "BY", 53.0, 28.0, "country", 9_400_000, None),
    ("c:PK", "Pakistan", "PK", 30.0, 70.0, "country", 240_000_000, None),
    ("g:mir-by", "Mir", "BY", 53.45, 26.47, "city", 12_000, "Grodno"),
]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, small_world) -> tuple[SqliteGazetteer, PlaceMatcher]:
    return small_world(tmp_path_factory.mktemp("localframe") / "gazetteer.sqlite", WORLD)


@pytest.fixture
def geoparse(world, scored_by_name):
    return partial(scored_by_name, world)


def test_local_frame_rules_have_ids_and_examples() -> None:
    assert len(RULE_IDS) == len(RULES)
    assert all(rule.examples and rule.summary for rule in RULES)


@pytest.mark.parametrize(
    "text, name, place_id",
    [
        (
            "Police in Jordan and Shakopee searched the river. The Jordan man was found.",
            "Jordan",
            "g:jordan-mn",
        ),
        ("Lebanon Police and Zionsville firefighters cleared the road.", "Lebanon", "g:lebanon-in"),
        ("Mail it to 1301 Lafayette Ave., Lebanon. Zionsville will help.", "Lebanon", "g:lebanon-in"),
        # no mention reads as the town's: the country, however near the other places
        ("Voters in Zionsville said Lebanon was a threat.", "Lebanon", "c:LB"),
        # nothing around the town: the country
        ("Refugees from Jordan arrived on Monday.", "Jordan", "c:JO"),
        # the article points at the country elsewhere (Amman): the country, whatever lies near the town
        ("Talks in Jordan and Shakopee, then Amman, were held.", "Jordan", "c:JO"),
        # "in Russia, U.S. officials said": no country holds another country's name
        ("He worked in Moscow and in Russia, U.S. officials said.", "Russia", "c:RU"),
        ("The fair opens in Russia, Versailles and Sidney this week.", "Russia", "g:russia-oh"),
    ],
)
def test_local_frame_country_namesake_town(geoparse, text: str, name: str, place_id: str) -> None:
    assert geoparse(text)[name].mention.candidates[0].place_id == place_id


def test_local_frame_country_namesake_town_leaves_a_trace(world, split_sentences) -> None:
    """The rule's id is recorded on the items it changed (the ``--explain`` trace)."""
    from frontlines.geo import localframe

    gazetteer, matcher = world
    seen: list[list[str]] = []
    original = localframe.country_namesake_towns

    def spy(items, text, datelines):  # type: ignore[no-untyped-def]
        original(items, text, datelines)
        seen.extend(i.rules for i in items)

    text = "Police in Jordan and Shakopee searched the river."
    import frontlines.geo.resolve as resolve

    resolve.country_namesake_towns = spy
    try:
        resolve_scored(text, split_sentences(text), matcher.find(text), gazetteer)
    finally:
        resolve.country_namesake_towns = original
    assert ["country-namesake-town"] in seen


@pytest.mark.parametrize(
    "text, kept",
    [
        # a hamlet abroad, named without locative context, far from the article's towns: no toponym
        ("Police in Akron said Titan Operating filed for a permit near Kent.", False),
        # ... named where something happens: kept
        ("Police in Akron said the convoy was attacked in Titan.", True),
        # ... the only town of the article: kept (nothing to be far from)
        ("Titan Operating filed for a permit.", True),
    ],
)
def test_local_frame_lone_namesake_abroad(geoparse, text: str, kept: bool) -> None:
    assert ("Titan" in geoparse(text)) is kept


@pytest.mark.parametrize(
    "text, name, kept",
    [
        # a small town named only in a college's name, far from the article's towns: no toponym
        ("Police in Akron said a Cohutta College student was hurt near Kent.", "Cohutta", False),
        # ... its own body ("Cohutta Police") or its people read as the town: kept
        ("Police in Akron said Cohutta Police found the car near Kent.", "Cohutta", True),
        ("Police in Akron said Cohutta residents found the car near Kent.", "Cohutta", True),
        # ... named once where something happens: kept
        ("A Cohutta College student from Akron was hurt in Cohutta.", "Cohutta", True),
        # ... the only town of the article: kept (nothing to be far from)
        ("A Cohutta College student was hurt.", "Cohutta", True),
        # a large city names colleges far from it: kept
        ("Police in Cohutta said a Cleveland Clinic doctor helped.", "Cleveland", True),
    ],
)
def test_local_frame_lone_name_in_organisation(geoparse, text: str, name: str, kept: bool) -> None:
    assert (name in geoparse(text)) is kept


@pytest.mark.parametrize(
    "text, kept",
    [
        # a small town of the story's country, named with no locative cue, far from its towns: no toponym
        ("The Akron and Kent teams will face Claflin on Friday.", False),
        # ... any locative cue keeps it: a preposition, its people, its own body
        ("The Akron and Kent teams will face the team from Claflin on Friday.", True),
        ("The Akron and Kent teams will face Claflin residents on Friday.", True),
        ("The Akron and Kent teams will face Claflin Police on Friday.", True),
        # ... the only town of the article: kept
        ("The team will face Claflin on Friday.", True),
    ],
)
def test_local_frame_lone_namesake_at_home(geoparse, text: str, kept: bool) -> None:
    assert ("Claflin" in geoparse(text)) is kept


def test_local_frame_a_region_named_twice_supports_once() -> None:
    """Support (``scoring.support``): "Ohio" and "Ohio" again in another spelling are one region; a
    town inside it gets one unit of support from them, not two."""
    from frontlines.geo.scoring import support
    from frontlines.model import Place

    ohio = Place("a:US-OH", "Ohio", "US", 40.25, -83.0, "admin1", 11_689_100, admin1="Ohio")
    dublin = Place("g:dublin-oh", "Dublin", "US", 40.10, -83.11, "city", 45_098, admin1="Ohio")
    assert support([[dublin], [ohio], [ohio]])[0] == [1.0]
    assert support([[dublin], [ohio]])[0] == [1.0]


@pytest.mark.parametrize(
    "votes, strength, expected",
    [
        ({"LC": 1.0, "US": 1.0}, {"LC": 3.5, "US": 7.1}, "US"),
        # rule demonym-tie: no place name voted in the tie (nationality words alone): no focus
        ({"LC": 1.0, "US": 1.0}, {}, None),
        ({"RU": 0.25, "UA": 0.25}, {}, None),
        ({"LC": 2.0, "US": 1.0}, {"LC": 3.5, "US": 7.1}, "LC"),  # no tie: the weight decides
    ],
)
def test_local_frame_focus_tie_goes_to_the_most_prominent_voter(
    votes: dict[str, float], strength: dict[str, float], expected: str | None
) -> None:
    assert focus_country(votes, None, strength) == expected


@pytest.mark.parametrize(
    "text, place_id",
    [
        # rule demonym-tie: two nationalities frame neither country: the town that bears the name
        ("Russian forces shelled Pokrovsk on Monday, Ukrainian officials said.", "g:pokrovsk-ua"),
        # one nationality alone still frames the story
        ("Russian officials opened a school in Pokrovsk on Monday.", "g:pokrovsk-ru"),
    ],
)
def test_local_frame_nationalities_tied_frame_no_country(geoparse, text: str, place_id: str) -> None:
    assert geoparse(text)["Pokrovsk"].mention.candidates[0].place_id == place_id


def test_local_frame_focus_tie_in_an_article(geoparse) -> None:
    """ "Dublin" twice and "Ohio" once: the other names' focus is a tie between the
    state and a stray "Village" of Saint Lucia, which the state wins."""
    text = "Dublin thanked its choir. The choir sang in the Village hall and toured Ohio."
    assert geoparse(text)["Dublin"].mention.candidates[0].place_id == "g:dublin-oh"


@pytest.mark.parametrize(
    "text, kept",
    [
        # the first word of a longer name the gazetteer lacks, the article elsewhere: no toponym
        ("A drone hit a house in Mir Ali, officials in Pakistan said.", False),
        # ... the article points at the namesake's country: kept
        ("A drone hit a house in Mir Ali, officials in Belarus said.", True),
        # ... nothing else in the article: kept (no frame to be outside of)
        ("A drone hit a house in Mir Ali.", True),
        # ... a facility or an institution's word after the name is no longer name: kept
        ("Officials in Pakistan said the plane left Mir Airport.", True),
        ("Officials in Pakistan said the plane left Mir International Airport.", True),
    ],
)
def test_local_frame_name_run_abroad(geoparse, text: str, kept: bool) -> None:
    assert ("Mir" in geoparse(text)) is kept

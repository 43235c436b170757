"""Rule party-home (``geo.recognise``): a US legislator's home after the party letter ("Ricky Moye,
D-Raleigh") is a town or a county of the United States, found as the name or as "X County"."""

from __future__ import annotations

import pytest

from frontlines.geo import resolve_places
from frontlines.geo.recognise import find_spans, party_home_spans

#: (place_id, name, country, lat, lon, kind, population, admin1)
WORLD = [
    ("a:US-WV", "West Virginia", "US", 38.6, -80.6, "admin1", 0, "West Virginia"),
    ("a:US-NC", "North Carolina", "US", 35.5, -79.4, "admin1", 0, "North Carolina"),
    ("g:charleston", "Charleston", "US", 38.35, -81.63, "city", 46_536, "West Virginia"),
    ("g:raleigh", "Raleigh", "US", 35.77, -78.64, "city", 482_295, "North Carolina"),
    ("c:raleigh", "Raleigh County", "US", 37.77, -81.25, "admin2", 38_351, "West Virginia"),
    ("c:braxton", "Braxton County", "US", 38.70, -80.73, "admin2", 1_886, "West Virginia"),
    ("g:marshall", "Marshall", "US", 44.45, -95.79, "city", 13_652, "Minnesota"),
    ("g:marshall-lr", "Marshall", "LR", 6.15, -10.38, "city", 3_000, "Margibi"),
]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, small_world):
    return small_world(tmp_path_factory.mktemp("party") / "gazetteer.sqlite", WORLD)


@pytest.mark.parametrize(
    "text, homes",
    [
        ("said Delegate Ricky Moye, D-Raleigh, on Monday", ["Raleigh"]),
        ("State Rep. Jay Roberts (R-Ocilla), chairman", ["Ocilla"]),
        ("Rep. Torrey Westrom, R-Elbow Lake, said", ["Elbow Lake"]),
        ("Delegates Harold Michael, D-Hardy; Clif Moore, D-McDowell. Later", ["Hardy", "McDowell"]),
        ("Sen. Barbara Boxer, D-Calif., and Rep. Jo Hill, R-Texas, voted", []),  # states: other finders
        ("Traffic on I-Raleigh Road and the R-Value of insulation", []),  # no name and comma before
        ("the Durham-Raleigh area", []),
    ],
)
def test_party_home_spans(text: str, homes: list[str]) -> None:
    assert [s.surface for s in party_home_spans(text)] == homes


def test_party_home_takes_over_the_name_span() -> None:
    text = "said Delegate Ricky Moye, D-Raleigh, on Monday"
    start = text.index("Raleigh")
    [span] = find_spans(text, [(start, start + 7, "Raleigh")])
    assert span.source == "party" and span.countries == ("US",)


def test_party_home_finds_us_towns_and_counties(world, split_sentences) -> None:
    gazetteer, matcher = world
    text = (
        "Lawmakers met in Charleston, West Virginia. Backers are Delegates Ricky Moye, D-Raleigh; "
        "and Brent Boggs, D-Braxton."
    )
    mentions, _ = resolve_places(text, split_sentences(text), matcher.find(text), gazetteer)
    chosen = {m.text: m.candidates[0].place_id for m in mentions}
    assert chosen["Braxton"] == "c:braxton"  # a county named without "County"
    raleigh = next(m for m in mentions if m.text == "Raleigh")
    assert {p.place_id for p in raleigh.candidates} == {"g:raleigh", "c:raleigh"}  # town and county
    tagged = "The bill passed, said Marty Seifert, R-Marshall."
    found, _ = resolve_places(tagged, split_sentences(tagged), matcher.find(tagged), gazetteer)
    assert [m.candidates[0].place_id for m in found] == ["g:marshall"]  # a surname elsewhere; a US home
    plain = "Ricky Moye flew to Raleigh on Monday."
    found, _ = resolve_places(plain, split_sentences(plain), matcher.find(plain), gazetteer)
    assert [m.candidates[0].place_id for m in found] == ["g:raleigh"]  # no party tag: the city

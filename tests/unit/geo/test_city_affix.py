"""Rule city-affix (``geo.units``): "X City" that is only another spelling of places named X is the
municipality of X, with the sense the article gives X; a place named "X City" keeps its name."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.geo import PlaceMatcher, PlaceRecord, SqliteGazetteer, resolve_places, write_gazetteer
from frontlines.geo.recognise import Span
from frontlines.geo.units import city_affixed
from frontlines.model import Place

#: (place_id, name, country, lat, lon, kind, population, admin1, alternates)
WORLD = [
    ("g:spma", "Springfield", "US", 42.10, -72.59, "city", 154_341, "Massachusetts", ("Springfield City",)),
    ("g:spoh", "Springfield", "US", 39.92, -83.81, "city", 59_680, "Ohio", ()),
    ("a:US-OH", "Ohio", "US", 40.37, -82.99, "admin1", 0, "Ohio", ()),
    ("g:dayton", "Dayton", "US", 39.76, -84.19, "city", 140_407, "Ohio", ()),
    ("g:kcmo", "Kansas City", "US", 39.10, -94.58, "city", 475_378, "Missouri", ()),
    ("a:US-KS", "Kansas", "US", 38.50, -98.00, "admin1", 0, "Kansas", ()),
    ("a:CA-QC", "Quebec", "CA", 52.0, -72.0, "admin1", 0, "Quebec", ()),
    ("g:qc", "Québec", "CA", 46.81, -71.21, "city", 528_595, "Quebec", ("Quebec City", "Quebec")),
]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[SqliteGazetteer, PlaceMatcher]:
    path: Path = tmp_path_factory.mktemp("city_affix") / "gazetteer.sqlite"
    records = [
        PlaceRecord(Place(pid, name, cc, lat, lon, kind, pop, admin1=a1), alternates=alts)  # type: ignore[arg-type]
        for pid, name, cc, lat, lon, kind, pop, a1, alts in WORLD
    ]
    write_gazetteer(path, records, {"source": "tests"})
    gazetteer = SqliteGazetteer(path)
    return gazetteer, PlaceMatcher.for_gazetteer(gazetteer)


def _affixed(gazetteer: SqliteGazetteer, name: str, after: str = " Council met.") -> Span:
    [span] = city_affixed([Span(0, len(name), name, name)], gazetteer.lookup, name + after)
    return span


def test_city_affix_looks_up_the_town(world) -> None:
    gazetteer, _ = world
    span = _affixed(gazetteer, "Springfield City")
    assert span.query == "Springfield" and span.kinds == frozenset({"city", "district", "admin2"})
    # a place named "X City" keeps its name; "Quebec City" is the city, never the province
    assert _affixed(gazetteer, "Kansas City").query == "Kansas City"
    quebec = _affixed(gazetteer, "Quebec City", " Hall opened.")
    assert quebec.query == "Quebec" and "admin1" not in quebec.kinds
    # no municipal office or body after it: "X City" is left as it is written
    assert _affixed(gazetteer, "Springfield City", " on Monday.").query == "Springfield City"


def test_city_affix_takes_the_article_sense(world, split_sentences) -> None:
    gazetteer, matcher = world
    text = "Springfield, Ohio, near Dayton, voted. Springfield City Schools will reopen in May."
    mentions, _ = resolve_places(text, split_sentences(text), matcher.find(text), gazetteer)
    chosen = {(m.start, m.candidates[0].place_id) for m in mentions}
    assert (text.index("Springfield City"), "g:spoh") in chosen
    alone = "Springfield City Schools will reopen in May."
    [only] = resolve_places(alone, split_sentences(alone), matcher.find(alone), gazetteer)[0]
    assert only.candidates[0].place_id == "g:spma"  # no frame: the more prominent Springfield
    quebec = "Flights landed in Quebec City. Quebec City Council met."
    found = resolve_places(quebec, split_sentences(quebec), matcher.find(quebec), gazetteer)[0]
    assert [m.candidates[0].place_id for m in found] == ["g:qc", "g:qc"]

"""Scoring event places against the place set on a tiny hermetic world: the event of each sentence,
the written name's own toponym, the four figures and their groups."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontlines.config import Settings
from frontlines.evaluation.places import (
    Guess,
    PlaceOutcome,
    breakdown,
    evaluate_places,
    figures,
    locate_items,
    sentence_event,
)
from frontlines.evaluation.places_gold import PlaceItem, load_places
from frontlines.geo import PlaceMatcher, SqliteGazetteer
from frontlines.mentions.actors import ActorDictionary
from frontlines.model import Event, EventType, Evidence, GeoPrecision, SubEventType, TimePrecision
from frontlines.run import Resources
from helpers import place_world


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Resources, Path, Path]:
    gazetteer_path, shared, gold = place_world(tmp_path_factory.mktemp("places"))
    gazetteer = SqliteGazetteer(gazetteer_path)
    resources = Resources(gazetteer, PlaceMatcher.for_gazetteer(gazetteer), ActorDictionary.load())
    return resources, shared, gold


@pytest.mark.parametrize("frame", ["article", "sentence"])
def test_places_locate_each_sentence_event_and_its_name(world, frame) -> None:
    resources, shared, gold = world
    outcomes = {
        o.item.id: o for o in locate_items(load_places(gold, shared).items, Settings(), resources, frame)
    }
    idlib, homs, village = outcomes["t-1"], outcomes["t-2"], outcomes["t-3"]
    assert idlib.event == idlib.name == Guess("Idlib", 35.93, 36.63, "Idlib", 1)
    assert homs.event is not None and homs.event.name == "Homs" and homs.event.geo_precision == 2
    # a village the world lacks: no toponym for its name; alone, no event; in its article, the event
    # is placed where the story was last set (Homs), far from the village and in another province
    assert village.name is None
    if frame == "sentence":
        assert village.event is None
    else:
        assert village.event is not None and village.event.name == "Homs"


def test_places_figures_per_group(world) -> None:
    resources, shared, gold = world
    report = evaluate_places(load_places(gold, shared), Settings(), resources)
    assert report["frame"] == "article" and report["left_out"] == {}
    groups = report["groups"]
    assert isinstance(groups, dict)
    everything = groups["all"]
    assert everything["items"] == 3 and everything["with_point"] == 3
    assert everything["with_event"] == 1.0
    for key in ("event_within_5km", "event_admin1", "event_precision", "name_within_25km"):
        assert everything[key] == pytest.approx(2 / 3), key
    assert groups["precision:2"]["event_precision"] == 1.0
    assert groups["precision:1"]["items"] == 2 and groups["source:fakes"]["items"] == 3
    assert {name.split(":")[0] for name in groups} == {"all", "split", "source", "precision"}


def _item(
    item_id: str, point: tuple[float, float] | None, admin1: str = "Kharkiv", precision: int = 1
) -> PlaceItem:
    return PlaceItem(
        id=item_id, source="wikipedia_world", text="Troops shelled Izium.", context="Troops shelled Izium.",
        offset=0, published=dt.date(2022, 3, 3), name="Izium", kind="town",
        geo_precision=GeoPrecision(precision), country="Ukraine", admin1=admin1,
        latitude=point[0] if point else None, longitude=point[1] if point else None,
        coords_from="test" if point else None, coded_by="team", admin1_also=("Kharkivska",),
    )  # fmt: skip


def test_figures_thresholds_misses_and_items_without_a_point() -> None:
    izium = (49.207, 37.277)
    outcomes = [
        PlaceOutcome(_item("a", izium), Guess("Izyum", 49.21, 37.28, "Kharkivska", 1), None),  # 0.4 km
        PlaceOutcome(_item("b", izium), Guess("Balakliia", 49.456, 36.844, "Kharkiv", 2), None),  # 43 km
        PlaceOutcome(_item("c", izium), None, None),  # no event: wrong everywhere
        PlaceOutcome(_item("d", None), Guess("Izyum", 49.21, 37.28, "Donetsk", 1), None),  # no gold point
    ]
    got = figures(outcomes, lambda o: o.event)
    assert got["within_5km"] == pytest.approx(1 / 3) and got["within_25km"] == pytest.approx(1 / 3)
    assert got["admin1"] == pytest.approx(2 / 4)  # an other official name counts
    assert got["precision"] == pytest.approx(2 / 4)
    assert figures(outcomes, lambda o: o.name) == {
        "within_5km": 0.0,
        "within_25km": 0.0,
        "admin1": 0.0,
        "precision": 0.0,
    }
    groups = breakdown(outcomes)
    assert groups["all"]["with_event"] == pytest.approx(3 / 4) and groups["all"]["with_point"] == 3


def _event(location: str, start: int, end: int, told: int | None = None) -> Event:
    return Event(
        event_id=location, event_date=dt.date(2022, 3, 3), time_precision=TimePrecision(1),
        event_type=EventType("Explosions/Remote violence"),
        sub_event_type=SubEventType("Shelling/artillery/missile attack"), actor1="A", inter1=1,
        actor2=None, inter2=None, country="Ukraine", iso3="UKR", location=location, latitude=0.0,
        longitude=0.0, geo_precision=GeoPrecision.PLACE, fatalities=0, source="s", notes="",
        article_ids=("a",),
        evidence=(
            Evidence("a", "event", "...", start if told is None else told, end),
            Evidence("a", "location", location, start, end),
        ),
    )  # fmt: skip


def test_sentence_event_prefers_the_event_at_the_written_name() -> None:
    before, first, second = _event("Kyiv", 0, 4), _event("Soledar", 30, 37), _event("Bakhmut", 42, 49)
    events = [before, first, second]
    assert sentence_event(events, (20, 60), (42, 49)) is second
    assert sentence_event(events, (20, 60), (55, 58)) is first  # no event at the name: the first inside
    assert sentence_event(events, (60, 90), (62, 66)) is None
    # told in the sentence, placed by a name elsewhere (the story's setting): still the sentence's
    carried = _event("Kherson", 0, 7, told=65)
    assert sentence_event([before, carried], (60, 90), (62, 66)) is carried

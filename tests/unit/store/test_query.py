"""EventQuery on every engine: every filter against a small mixed-country store; ``near`` (SQLite: a
bounding box on the lat/lon index; PostgreSQL: ST_DWithin on the PostGIS index) against brute force."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from frontlines.errors import ConfigError
from frontlines.model import EVENT_TYPE_OF, Event, SubEventType
from frontlines.store import EventQuery, Near
from frontlines.store.base import EARTH_RADIUS_KM, bounding_box, haversine_km, normalise_event_type
from unit.conftest import Engine
from unit.store.store_strategies import make_event


def _event(event_id: str, sub: SubEventType = SubEventType.ARMED_CLASH, **changes: Any) -> Event:
    return make_event(event_id, sub_event_type=sub, event_type=EVENT_TYPE_OF[sub], **changes)


EVENTS = [
    _event(
        "syr-jobar",
        SubEventType.SHELLING,
        event_date=dt.date(2017, 3, 19),
        actor1="Military Forces of Syria (2000-2024)",
        actor2="Opposition Rebels (Syria)",
        assoc_actor_2="Faylaq al Rahman",
        admin1="Damascus",
        latitude=33.5295,
        longitude=36.3318,
    ),
    _event(
        "syr-aleppo",
        SubEventType.AIR_DRONE_STRIKE,
        event_date=dt.date(2016, 11, 20),
        actor1="Military Forces of Russia (2000-)",
        actor2=None,
        inter2=None,
        admin1="Aleppo",
        location="Aleppo - Hanano",
        latitude=36.2310,
        longitude=37.1854,
    ),
    _event(
        "sdn-khartoum",
        SubEventType.PEACEFUL_PROTEST,
        event_date=dt.date(2019, 4, 6),
        actor1="Protesters (Sudan)",
        inter1=6,
        actor2=None,
        inter2=None,
        assoc_actor_1="Sudanese Professionals Association",
        country="Sudan",
        iso3="SDN",
        admin1="Khartoum",
        location="Khartoum",
        latitude=15.5007,
        longitude=32.5599,
    ),
    _event(
        "mmr-sagaing",
        SubEventType.ARMED_CLASH,
        event_date=dt.date(2022, 1, 3),
        actor1="Military Forces of Myanmar (2021-)",
        actor2="PDF: People's Defense Force",
        country="Myanmar",
        iso3="MMR",
        admin1="Sagaing",
        location="Sagaing",
        latitude=21.8787,
        longitude=95.9797,
    ),
    _event(
        "fji-antimeridian",
        SubEventType.OTHER,
        event_date=dt.date(2020, 6, 1),
        actor1="عصابة مسلحة",
        actor2=None,
        inter2=None,
        country="Fiji",
        iso3="FJI",
        admin1=None,
        location="Taveuni",
        latitude=-16.85,
        longitude=179.95,
    ),
]


@pytest.fixture(scope="module")
def repo(engine: Engine) -> Iterator[Any]:
    with engine.new() as r:
        r.add_batch([], EVENTS, [], run_config="h")
        yield r


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (EventQuery(), ["syr-aleppo", "syr-jobar", "sdn-khartoum", "fji-antimeridian", "mmr-sagaing"]),
        (EventQuery(since=dt.date(2019, 4, 6)), ["sdn-khartoum", "fji-antimeridian", "mmr-sagaing"]),
        (EventQuery(until=dt.date(2017, 3, 19)), ["syr-aleppo", "syr-jobar"]),
        (EventQuery(since=dt.date(2017, 3, 20), until=dt.date(2019, 4, 6)), ["sdn-khartoum"]),
        (EventQuery(country="Syria"), ["syr-aleppo", "syr-jobar"]),
        (EventQuery(country="syria"), ["syr-aleppo", "syr-jobar"]),
        (EventQuery(country="SY"), ["syr-aleppo", "syr-jobar"]),
        (EventQuery(country="syr"), ["syr-aleppo", "syr-jobar"]),
        (EventQuery(country="Syrian Arab Republic"), ["syr-aleppo", "syr-jobar"]),
        (EventQuery(country="MM"), ["mmr-sagaing"]),
        (EventQuery(country="Atlantis"), []),
        (EventQuery(admin1="damascus"), ["syr-jobar"]),
        (EventQuery(admin1="Khartoum"), ["sdn-khartoum"]),
        (EventQuery(event_type="Explosions/Remote violence"), ["syr-aleppo", "syr-jobar"]),
        (EventQuery(event_type="air/drone strike"), ["syr-aleppo"]),
        (EventQuery(event_type="Protests"), ["sdn-khartoum"]),
        (EventQuery(event_type="Riots"), []),
        (EventQuery(actor="military forces"), ["syr-aleppo", "syr-jobar", "mmr-sagaing"]),
        (EventQuery(actor="opposition rebels"), ["syr-jobar"]),  # actor2
        (EventQuery(actor="RAHMAN"), ["syr-jobar"]),  # assoc_actor_2
        (EventQuery(actor="professionals"), ["sdn-khartoum"]),  # assoc_actor_1
        (EventQuery(actor="مسلحة"), ["fji-antimeridian"]),
        (EventQuery(near=(33.5138, 36.2765, 10)), ["syr-jobar"]),  # central Damascus
        (EventQuery(near=(33.5138, 36.2765, 350)), ["syr-aleppo", "syr-jobar"]),
        (EventQuery(near=(-16.8, -179.9, 50)), ["fji-antimeridian"]),  # across the antimeridian
        (EventQuery(limit=2), ["syr-aleppo", "syr-jobar"]),
        (EventQuery(limit=0), []),
        (EventQuery(near=(33.5138, 36.2765, 350), limit=1), ["syr-aleppo"]),
        (
            EventQuery(country="Syria", event_type="Shelling/artillery/missile attack", actor="syria"),
            ["syr-jobar"],
        ),
    ],
)
def test_store_query_filters(repo: Any, query: EventQuery, expected: list[str]) -> None:
    assert [e.event_id for e in repo.events(query)] == expected


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"since": dt.date(2020, 1, 2), "until": dt.date(2020, 1, 1)}, "after until"),
        ({"event_type": "Battle"}, "unknown event type"),
        ({"country": "XQ"}, "alpha-2"),
        ({"near": (91.0, 0.0, 5.0)}, "not a coordinate"),
        ({"near": (0.0, 181.0, 5.0)}, "not a coordinate"),
        ({"near": (0.0, 0.0, -1.0)}, "negative"),
        ({"limit": -1}, "negative"),
    ],
)
def test_store_query_invalid_raises_config_error(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        EventQuery(**kwargs)


@pytest.mark.parametrize("name", [*[s.value for s in SubEventType], "BATTLES", " protests "])
def test_store_event_type_names_normalise(name: str) -> None:
    assert normalise_event_type(name).value.casefold() == name.strip().casefold()


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((0.0, 0.0), (0.0, 1.0), 2 * math.pi * EARTH_RADIUS_KM / 360),  # a degree on the equator
        ((0.0, 0.0), (1.0, 0.0), 2 * math.pi * EARTH_RADIUS_KM / 360),  # a degree of latitude
        ((0.0, 179.5), (0.0, -179.5), 2 * math.pi * EARTH_RADIUS_KM / 360),
        ((90.0, 0.0), (-90.0, 0.0), math.pi * EARTH_RADIUS_KM),
        ((33.5138, 36.2765), (33.5138, 36.2765), 0.0),
    ],
)
def test_store_haversine_known_distances(a: tuple[float, float], b: tuple[float, float], km: float) -> None:
    assert haversine_km(*a, *b) == pytest.approx(km, abs=1e-6)


def test_store_near_includes_the_boundary_by_distance(engine: Engine) -> None:
    one_degree = 2 * math.pi * EARTH_RADIUS_KM / 360
    with engine.scratch() as repo:
        repo.add_batch([], [_event("eq", latitude=0.0, longitude=1.0)], [], run_config="h")
        inside = list(repo.events(EventQuery(near=(0.0, 0.0, one_degree + 0.01))))
        outside = list(repo.events(EventQuery(near=(0.0, 0.0, one_degree - 0.01))))
    assert [e.event_id for e in inside] == ["eq"] and outside == []


def _destination(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) along ``bearing`` degrees (spherical direct formula)."""
    d = km / EARTH_RADIUS_KM
    phi, lam, theta = math.radians(lat), math.radians(lon), math.radians(bearing)
    phi2 = math.asin(math.sin(phi) * math.cos(d) + math.cos(phi) * math.sin(d) * math.cos(theta))
    lam2 = lam + math.atan2(
        math.sin(theta) * math.sin(d) * math.cos(phi), math.cos(d) - math.sin(phi) * math.sin(phi2)
    )
    lon2 = (math.degrees(lam2) + 540) % 360 - 180
    return math.degrees(phi2), lon2


def _in_box(lat: float, lon: float, near: Near) -> bool:
    box = bounding_box(near)
    if not box.lat_min <= lat <= box.lat_max:
        return False
    return box.lon_ranges is None or any(lo <= lon <= hi for lo, hi in box.lon_ranges)


_lat = st.floats(-89.9, 89.9)
_lon = st.floats(-180, 180)


@settings(max_examples=300, deadline=None)
@given(_lat, _lon, st.floats(0.1, 3000), st.floats(0, 360), st.floats(0, 1))
@example(80.0, 0.0, 2500.0, 0.0, 1.0)  # over the North Pole
@example(-85.0, 120.0, 1000.0, 180.0, 0.9)  # over the South Pole
@example(0.0, 179.9, 100.0, 90.0, 1.0)  # across the antimeridian, eastwards
@example(10.0, -179.9, 100.0, 270.0, 1.0)  # across the antimeridian, westwards
def test_store_bounding_box_holds_the_circle(
    lat: float, lon: float, km: float, bearing: float, fraction: float
) -> None:
    point = _destination(lat, lon, bearing, km * fraction)
    assert _in_box(*point, Near(lat, lon, km))


@settings(max_examples=60, deadline=None)
@given(
    centre=st.tuples(_lat, _lon, st.floats(1, 2500)),
    points=st.lists(st.tuples(_lat, _lon), min_size=1, max_size=30),
    offsets=st.lists(st.tuples(st.floats(0, 360), st.floats(0, 1.2)), max_size=10),
)
def test_store_near_matches_brute_force(
    engine: Engine,
    centre: tuple[float, float, float],
    points: list[tuple[float, float]],
    offsets: list[tuple[float, float]],
) -> None:
    lat, lon, km = centre
    # plus points placed around the circle's edge, where a wrong box would drop them
    points = points + [_destination(lat, lon, b, km * f) for b, f in offsets]
    batch = [_event(f"p{i}", latitude=p[0], longitude=p[1]) for i, p in enumerate(points)]
    with engine.scratch() as repo:
        repo.add_batch([], batch, [], run_config="h")
        found = {e.event_id for e in repo.events(EventQuery(near=centre))}
    expected = {e.event_id for e in batch if haversine_km(lat, lon, e.latitude, e.longitude) <= km}
    assert found == expected

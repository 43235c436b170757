"""When two per-article reports can be the same real-world event (ACLED's unit, with tolerances).

ACLED's unit is one day, one location, one actor pair, one event type. Reports are less exact than
the unit, so each field gets a tolerance that follows the report's own precision codes:

- **time**: a report's date stands for a window: the day itself (time_precision 1), the week around
  its middle day (2: +-3 days) or the month around its middle day (3: +-15 days). Two reports can
  match when their windows overlap; two exact days must therefore be equal.
- **place**: a report's point stands for a disc whose radius follows geo_precision (1: the place
  itself, 2 km for gazetteers that disagree on its centre; 2: "near" a town, 25 km; 3: a region,
  100 km and, when both reports name an admin1, the same admin1). Two reports can match when one
  lies inside the other's disc, in the same country.
- **actors**: the sides are compared as an unordered pair (the codebook gives order no meaning),
  except for violence against civilians where actor 2 is always the victims. Two sides match when
  one is missing, the names are equal, one is a generic reference ("Opposition Rebels (Syria)",
  "Military Forces of X") and both have the same inter code, or one is an unidentified armed group
  (the dictionary's ``unidentified`` role: a report that does not know who fired) and the other is an
  armed actor (inter 1-4 or 8).
- **type**: the codebook folds some types into one event: shelling during a battle by the same
  actors is the Battles event; an air strike on civilians is Explosions/Remote violence while another
  outlet may call it an attack on civilians. So types are compared by family: {Battles,
  Explosions/Remote violence, Violence against civilians}, {Protests, Riots} ("a protest that turns
  violent: one Riots event"), {Strategic developments}; the actor rule keeps apart what differs.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Protocol

from frontlines.model import VICTIM_SUB_TYPES, EventType, GeoPrecision, SubEventType, TimePrecision
from frontlines.store.base import EARTH_RADIUS_KM, haversine_km

#: Half-width in days of the window a report's date stands for, by time_precision (codebook: 2 =
#: the week is known and its middle day coded; 3 = the month is known, the middle of the month coded).
DATE_HALF_WINDOW = {1: 0, 2: 3, 3: 15}
#: Radius in km of the disc a report's point stands for, by geo_precision.
PLACE_RADIUS_KM = {1: 2.0, 2: 25.0, 3: 100.0}
#: Blocking grid: cell size in degrees and time bucket in days (one week).
CELL_DEGREES = 0.5
BUCKET_DAYS = 7
#: km per degree of latitude on the sphere of :func:`haversine_km`, less 1% so the cells a disc
#: covers always hold every point within its radius.
_KM_PER_DEGREE = EARTH_RADIUS_KM * math.pi / 180 * 0.99
#: The widest date window's half-width: a report's neighbours lie within twice this of its window.
MAX_HALF_WINDOW = max(DATE_HALF_WINDOW.values())

IsGeneric = Callable[[str], bool]

#: Inter codes of armed actors (state forces, rebels, political and identity militias, external forces).
ARMED_INTERS = frozenset({1, 2, 3, 4, 8})
#: The dictionary role of reports that do not know who the actor was.
UNIDENTIFIED_ROLE = "unidentified"
#: Event types that can be one event (see the module docstring), as family names.
TYPE_FAMILY = {
    EventType.BATTLES: "violence",
    EventType.EXPLOSIONS: "violence",
    EventType.VIOLENCE_AGAINST_CIVILIANS: "violence",
    EventType.PROTESTS: "demonstrations",
    EventType.RIOTS: "demonstrations",
    EventType.STRATEGIC: "strategic",
}


class Matchable(Protocol):
    """What the match reads of a report: an :class:`~frontlines.model.Event` or the lighter
    :class:`~frontlines.model.ReportKey` the store gives without text or evidence."""

    @property
    def event_id(self) -> str: ...
    @property
    def event_date(self) -> dt.date: ...
    @property
    def time_precision(self) -> TimePrecision: ...
    @property
    def event_type(self) -> EventType: ...
    @property
    def sub_event_type(self) -> SubEventType: ...
    @property
    def actor1(self) -> str: ...
    @property
    def inter1(self) -> int: ...
    @property
    def actor2(self) -> str | None: ...
    @property
    def inter2(self) -> int | None: ...
    @property
    def iso3(self) -> str: ...
    @property
    def admin1(self) -> str | None: ...
    @property
    def latitude(self) -> float: ...
    @property
    def longitude(self) -> float: ...
    @property
    def geo_precision(self) -> GeoPrecision: ...


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a report's actor pair: the name and its inter code."""

    name: str
    inter: int


def _template_pattern(template: str) -> re.Pattern[str]:
    return re.compile("^" + re.escape(template).replace(re.escape("{country}"), ".+") + "$")


def _actor_data() -> dict[str, Any]:
    raw = resources.files("frontlines").joinpath("data/actors.toml").read_bytes()
    return tomllib.loads(raw.decode("utf-8"))


def _actor_patterns() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    """Generic names of the embedded actor dictionary: per-country role names, aggregate actors,
    and each role's template as a pattern (``Rebels ({country})`` -> ``^Rebels \\(.+\\)$``)."""
    data = _actor_data()
    names: set[str] = set()
    templates: list[str] = []
    for role in data.get("role", []):
        templates.append(role["template"])
        names.update(c["name"] for c in role.get("country", []))
    for actor in data.get("actor", []):
        if actor.get("aggregate", False):
            names.add(actor["name"])
            if actor.get("template"):
                templates.append(actor["template"])
    return frozenset(names), tuple(_template_pattern(t) for t in templates)


@lru_cache(maxsize=1)
def _unidentified_table() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    roles = [r for r in _actor_data().get("role", []) if r["role"] == UNIDENTIFIED_ROLE]
    names = frozenset(c["name"] for r in roles for c in r.get("country", []))
    return names, tuple(_template_pattern(r["template"]) for r in roles)


@lru_cache(maxsize=65536)
def dictionary_unidentified(name: str) -> bool:
    """Whether ``name`` is the dictionary's unidentified armed group (``Unidentified Armed Group (X)``)."""
    names, patterns = _unidentified_table()
    return name in names or any(p.match(name) for p in patterns)


@lru_cache(maxsize=1)
def _generic_table() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    return _actor_patterns()


@lru_cache(maxsize=65536)
def dictionary_generic(name: str) -> bool:
    """Whether ``name`` is a generic actor of the embedded dictionary (a role such as
    ``Opposition Rebels (Syria)`` or ``Military Forces of Syria (2000-2024)``, or an aggregate group)."""
    names, patterns = _generic_table()
    return name in names or any(p.match(name) for p in patterns)


def sides(event: Matchable) -> tuple[Side | None, Side | None]:
    """The report's two sides (actor 2 may be missing)."""
    first = Side(event.actor1, event.inter1)
    second = None if event.actor2 is None or event.inter2 is None else Side(event.actor2, event.inter2)
    return first, second


def side_match(a: Side | None, b: Side | None, is_generic: IsGeneric) -> bool:
    """Two sides can be one actor: one is missing, same name, or a generic one of the same inter code."""
    if a is None or b is None or a.name == b.name:
        return True
    if a.inter == b.inter and (is_generic(a.name) or is_generic(b.name)):
        return True
    return (dictionary_unidentified(a.name) and b.inter in ARMED_INTERS) or (
        dictionary_unidentified(b.name) and a.inter in ARMED_INTERS
    )


def actors_match(a: Matchable, b: Matchable, is_generic: IsGeneric) -> bool:
    """The two reports' actor pairs can be one pair (ordered only for violence against civilians)."""
    a1, a2 = sides(a)
    b1, b2 = sides(b)
    if side_match(a1, b1, is_generic) and side_match(a2, b2, is_generic):
        return True
    ordered = a.sub_event_type in VICTIM_SUB_TYPES or b.sub_event_type in VICTIM_SUB_TYPES
    return not ordered and side_match(a1, b2, is_generic) and side_match(a2, b1, is_generic)


def date_window(event: Matchable) -> tuple[int, int]:
    """First and last day (ordinals) the report's date stands for."""
    day = event.event_date.toordinal()
    half = DATE_HALF_WINDOW[int(event.time_precision)]
    return day - half, day + half


def dates_match(a: Matchable, b: Matchable) -> bool:
    """The reports' date windows overlap."""
    a_lo, a_hi = date_window(a)
    b_lo, b_hi = date_window(b)
    return a_lo <= b_hi and b_lo <= a_hi


def place_distance_km(a: Matchable, b: Matchable) -> float:
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


def places_match(a: Matchable, b: Matchable) -> bool:
    """One report's point lies in the other's disc, same country; regions must share the admin1."""
    if a.iso3 != b.iso3:
        return False
    radius = max(PLACE_RADIUS_KM[int(a.geo_precision)], PLACE_RADIUS_KM[int(b.geo_precision)])
    if place_distance_km(a, b) > radius:
        return False
    regional = int(a.geo_precision) == 3 or int(b.geo_precision) == 3
    return not (regional and a.admin1 and b.admin1 and a.admin1.casefold() != b.admin1.casefold())


def compatible(a: Matchable, b: Matchable, is_generic: IsGeneric) -> bool:
    """Whether two reports can be one ACLED event: same type, overlapping dates, places, actors."""
    return (
        TYPE_FAMILY[EventType(a.event_type)] == TYPE_FAMILY[EventType(b.event_type)]
        and dates_match(a, b)
        and places_match(a, b)
        and actors_match(a, b, is_generic)
    )


def block_keys(event: Matchable) -> Iterable[tuple[str, int, int, int]]:
    """Blocking keys (event type family, week bucket, lat cell, lon cell) covering the report's date window
    and place disc; two compatible reports always share at least one key (the disc of the vaguer
    report holds the other's point, and overlapping windows share a bucket)."""
    lo, hi = date_window(event)
    radius = PLACE_RADIUS_KM[int(event.geo_precision)]
    dlat = radius / _KM_PER_DEGREE
    cos_lat = max(math.cos(math.radians(min(89.9, abs(event.latitude) + dlat))), 1e-6)
    dlon = min(radius / (_KM_PER_DEGREE * cos_lat), 180.0)
    lat_cells = range(
        math.floor((event.latitude - dlat) / CELL_DEGREES),
        math.floor((event.latitude + dlat) / CELL_DEGREES) + 1,
    )
    lon_cells = range(
        math.floor((event.longitude - dlon) / CELL_DEGREES),
        math.floor((event.longitude + dlon) / CELL_DEGREES) + 1,
    )
    own_lat = math.floor(event.latitude / CELL_DEGREES)
    own_lon = math.floor(event.longitude / CELL_DEGREES)
    kind = TYPE_FAMILY[EventType(event.event_type)]
    for bucket in range(lo // BUCKET_DAYS, hi // BUCKET_DAYS + 1):
        if len(lat_cells) == 1 and len(lon_cells) == 1:
            yield kind, bucket, own_lat, own_lon
            continue
        for la in lat_cells:
            for lo_cell in lon_cells:
                yield kind, bucket, la, lo_cell

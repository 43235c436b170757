"""The repository protocol every store implements, the event query, and the query helpers a store
shares (event-type names, country codes, great-circle distance, bounding boxes).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import NamedTuple, Protocol, Self, runtime_checkable

import pycountry

from frontlines.errors import ConfigError
from frontlines.model import (
    Article,
    CanonicalEvent,
    Event,
    EventType,
    Rejection,
    ReportKey,
    SubEventType,
)
from frontlines.store.search import search_terms

#: Mean Earth radius (IUGG), km: the radius of the haversine distance.
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class BatchCounts:
    """What one ``add_batch`` (or a sum of them) added that was *new*; re-sent records count 0."""

    articles: int = 0
    events: int = 0
    evidence: int = 0
    rejections: int = 0

    def __add__(self, other: BatchCounts) -> BatchCounts:
        return BatchCounts(
            self.articles + other.articles,
            self.events + other.events,
            self.evidence + other.evidence,
            self.rejections + other.rejections,
        )


@dataclass(frozen=True, slots=True)
class StoreCounts:
    """How many rows the store holds."""

    articles: int
    events: int
    evidence: int
    rejections: int


class Near(NamedTuple):
    """A circle on the Earth: centre in decimal degrees, radius in km."""

    lat: float
    lon: float
    km: float


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters for :meth:`Repository.events`; every filter given must hold (AND). All optional.

    ``since``/``until``: event dates, inclusive. ``country``: a name (case-insensitive) or an ISO
    3166-1 alpha-2/alpha-3 code. ``admin1``: exact name, case-insensitive. ``event_type``: one of
    ACLED's event types *or* sub-event types, case-insensitive. ``actor``: case-insensitive substring of
    actor1, actor2 or an associated actor. ``near``: ``(lat, lon, km)``, great-circle distance.
    ``limit``: at most this many events (after every filter). ``sub_event_type``: one sub-event type
    (with ``event_type`` both must hold). ``bbox``: ``(west, south, east, north)`` in degrees, west >
    east when it crosses the antimeridian. ``text``: words that must all be in the notes,
    case-insensitive, or ``"quoted phrases"`` (:func:`~frontlines.store.search.search_terms`).
    ``after``: ``(event_date, event_id)`` of the last event of the previous page (keyset paging in
    the date-then-id order). ``ids``: only these event ids. Invalid values raise ConfigError.
    """

    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    actor: str | None = None
    near: tuple[float, float, float] | None = None
    limit: int | None = None
    sub_event_type: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    text: str | None = None
    after: tuple[str, str] | None = None
    ids: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        if self.since is not None and self.until is not None and self.since > self.until:
            raise ConfigError(f"query since {self.since} is after until {self.until}", "swap the dates")
        if self.event_type is not None:
            normalise_event_type(self.event_type)
        if self.text is not None:
            search_terms(self.text)
        if self.country is not None:
            country_iso3(self.country)
        if self.near is not None:
            lat, lon, km = self.near
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ConfigError(
                    f"query near {self.near}: ({lat}, {lon}) is not a coordinate", "use lat, lon, km"
                )
            if not km >= 0:
                raise ConfigError(f"query near {self.near}: radius {km} km is negative", "use lat, lon, km")
        if self.limit is not None and self.limit < 0:
            raise ConfigError(f"query limit {self.limit} is negative", "use 0 or more")
        if self.sub_event_type is not None and not isinstance(
            normalise_event_type(self.sub_event_type), SubEventType
        ):
            raise ConfigError(
                f"'{self.sub_event_type}' is an event type, not a sub-event type", "e.g. 'Armed clash'"
            )
        if self.bbox is not None:
            west, south, east, north = self.bbox
            if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
                raise ConfigError(
                    f"query bbox {self.bbox} is not west, south, east, north in degrees",
                    "e.g. 35.7,32.3,42.4,37.3 (longitudes -180..180, south <= north)",
                )

    @property
    def circle(self) -> Near | None:
        """``near`` as a :class:`Near`, or None."""
        return None if self.near is None else Near(*self.near)


@runtime_checkable
class Repository(Protocol):
    """Where articles, events and rejections are kept (SQLite now; other databases can follow).

    Ids are content hashes made by the caller, so writing the same records twice changes nothing.
    """

    def add_batch(
        self,
        articles: Sequence[Article],
        events: Sequence[Event],
        rejections: Sequence[Rejection],
        *,
        run_config: str,
    ) -> BatchCounts:
        """Write one batch in one transaction (all or nothing); returns what was new."""
        ...

    def has_article(self, article_id: str) -> bool:
        """Whether the article is stored."""
        ...

    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of ``ids`` already stored (a re-run skips them)."""
        ...

    def events(self, query: EventQuery) -> Iterator[Event]:
        """Stored events matching ``query``, by date then id, streamed."""
        ...

    def rejections(self) -> Iterator[Rejection]:
        """The rejection log, oldest first."""
        ...

    def counts(self) -> StoreCounts:
        """Row counts of articles, events, evidence and rejections."""
        ...

    def close(self) -> None:
        """Release the connection; calling it twice is harmless."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


_EVENT_TYPES: dict[str, EventType | SubEventType] = {
    **{member.value.casefold(): member for member in SubEventType},
    **{member.value.casefold(): member for member in EventType},
}


def normalise_event_type(value: str) -> EventType | SubEventType:
    """ACLED's event type or sub-event type named by ``value`` (case-insensitive); ConfigError if none.

    No name is both a type and a sub-event type in the codebook, so the answer is unambiguous.
    """
    found = _EVENT_TYPES.get(str(value).strip().casefold())
    if found is None:
        raise ConfigError(
            f"unknown event type '{value}'",
            "use one of ACLED's 6 event types or 25 sub-event types, e.g. 'Battles' or 'Armed clash'",
        )
    return found


def country_iso3(value: str) -> str | None:
    """The ISO 3166-1 alpha-3 code ``value`` names (a code or a name pycountry knows), else None.

    A two-letter value must be a known alpha-2 code (ConfigError otherwise); a name pycountry does not
    know (ACLED writes some differently) returns None and is matched against the stored names only.
    """
    text = value.strip()
    if len(text) == 2:
        country = pycountry.countries.get(alpha_2=text.upper())
        if country is None:
            raise ConfigError(
                f"unknown ISO 3166-1 alpha-2 country code '{value}'", "pass the country name or ISO3 code"
            )
        return str(country.alpha_3)
    if len(text) == 3 and text.isalpha():
        return text.upper()
    try:
        return str(pycountry.countries.lookup(text).alpha_3)
    except LookupError:
        return None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points in decimal degrees (haversine formula)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlam = math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


#: The bounding box is widened by this factor so rounding never drops a point the circle holds.
BOX_MARGIN = 1.001


class BoundingBox(NamedTuple):
    """Latitude range plus longitude ranges (two when the box crosses the antimeridian, none when it
    holds a pole or the whole circle)."""

    lat_min: float
    lat_max: float
    lon_ranges: tuple[tuple[float, float], ...] | None


def bounding_box(near: Near) -> BoundingBox:
    """The smallest lat/lon box around a circle (Matuschek's method), for an index prefilter.

    Every point within ``near.km`` of the centre lies inside the box; the exact test is
    :func:`haversine_km`.
    """
    angle = near.km * BOX_MARGIN / EARTH_RADIUS_KM
    lat = math.radians(near.lat)
    lat_min, lat_max = math.degrees(lat - angle), math.degrees(lat + angle)
    if lat_max >= 90 or lat_min <= -90 or angle >= math.pi / 2:
        # a pole is inside the circle: every longitude is
        return BoundingBox(max(lat_min, -90.0), min(lat_max, 90.0), None)
    dlon = math.degrees(math.asin(min(1.0, math.sin(angle) / math.cos(lat))))
    lon_min, lon_max = near.lon - dlon, near.lon + dlon
    if lon_max - lon_min >= 360:
        return BoundingBox(lat_min, lat_max, None)
    if lon_min < -180:
        return BoundingBox(lat_min, lat_max, ((lon_min + 360, 180.0), (-180.0, lon_max)))
    if lon_max > 180:
        return BoundingBox(lat_min, lat_max, ((lon_min, 180.0), (-180.0, lon_max - 360)))
    return BoundingBox(lat_min, lat_max, ((lon_min, lon_max),))


@runtime_checkable
class CanonicalRepository(Repository, Protocol):
    """A repository that also keeps canonical events (migration 0003): what ``frontlines merge``
    and ``frontlines events`` need. The merge logic is :mod:`frontlines.merge`; this only stores.

    The merge reads light :class:`~frontlines.model.ReportKey` records to find which reports can
    match, and full reports (with evidence) only for the zones it re-merges.
    """

    def replace_canonical(
        self, drop: Sequence[str], add: Sequence[CanonicalEvent], *, clear: bool = False
    ) -> None:
        """In one transaction: delete canonical events ``drop`` (all with ``clear``), write ``add``."""
        ...

    def unmerged_ids(self) -> list[str]:
        """Ids of the stored reports not yet in any canonical event, sorted."""
        ...

    def unmerged_count(self) -> int:
        """How many stored reports are not yet in any canonical event."""
        ...

    def reports_by_id(self, ids: Sequence[str]) -> list[Event]:
        """The stored reports with these ids, with their evidence, by id."""
        ...

    def report_keys(self, ids: Sequence[str]) -> list[ReportKey]:
        """The match keys of the stored reports with these ids, by id."""
        ...

    def report_keys_between(self, first: dt.date | None, last: dt.date | None) -> Iterator[ReportKey]:
        """The match keys of the stored reports dated from ``first`` to ``last`` (None: unbounded)."""
        ...

    def canonical_owner(self, report_ids: Sequence[str]) -> dict[str, str]:
        """Report id -> canonical id for the merged ones among ``report_ids``."""
        ...

    def canonical_members(self, canonical_ids: Sequence[str]) -> dict[str, list[str]]:
        """Canonical id -> its report ids, for the stored ones among ``canonical_ids``."""
        ...

    def canonical_count(self) -> int:
        """How many canonical events are stored."""
        ...

    def canonical_events(self, query: EventQuery) -> Iterator[CanonicalEvent]:
        """Stored canonical events matching ``query``, by date then id."""
        ...

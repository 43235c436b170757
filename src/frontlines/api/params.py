"""Query parameters of the API, parsed into the store's :class:`EventQuery`; a bad value is a
ConfigError (400 ``invalid_parameter``) whose hint shows a valid one."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass

from frontlines.errors import ConfigError
from frontlines.store.base import EventQuery

#: Events per page unless ``limit`` says otherwise, and the most one page may hold.
DEFAULT_LIMIT = 1000
MAX_LIMIT = 10_000


def parse_date(value: str | None, name: str) -> dt.date | None:
    """An ISO date, or None when absent."""
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(
            f"{name}={value!r} is not a date", f"use YYYY-MM-DD, e.g. {name}=2016-05-01"
        ) from None


def _floats(value: str, name: str, count: int, example: str) -> list[float]:
    parts = value.split(",")
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        numbers = []
    if len(numbers) != count or any(n != n for n in numbers):  # n != n: NaN
        raise ConfigError(f"{name}={value!r} is not {count} numbers", f"e.g. {name}={example}")
    return numbers


def parse_near(value: str | None) -> tuple[float, float, float] | None:
    """``lat,lon,km`` or None."""
    if not value:
        return None
    lat, lon, km = _floats(value, "near", 3, "33.51,36.29,10")
    return lat, lon, km


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``west,south,east,north`` in degrees, or None."""
    if not value:
        return None
    west, south, east, north = _floats(value, "bbox", 4, "35.7,32.3,42.4,37.3")
    return west, south, east, north


def encode_cursor(event_date: str, event_id: str) -> str:
    """The opaque cursor of the page after the event ``(event_date, event_id)``."""
    return base64.urlsafe_b64encode(json.dumps([event_date, event_id]).encode()).decode().rstrip("=")


def decode_cursor(value: str | None) -> tuple[str, str] | None:
    """The ``(event_date, event_id)`` a cursor from :func:`encode_cursor` holds, or None."""
    if not value:
        return None
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        day, event_id = json.loads(raw)
        dt.date.fromisoformat(day)
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
        raise ConfigError(
            f"cursor={value!r} is not a cursor this API gave", "pass the next_cursor of the previous page"
        ) from None
    if not isinstance(event_id, str):
        raise ConfigError(f"cursor={value!r} is not a cursor this API gave", "pass next_cursor as given")
    return day, event_id


def parse_limit(value: int | None) -> int:
    """The page size: ``DEFAULT_LIMIT`` when absent, else 1..``MAX_LIMIT``."""
    if value is None:
        return DEFAULT_LIMIT
    if not 1 <= value <= MAX_LIMIT:
        raise ConfigError(f"limit={value} is out of range", f"use 1 to {MAX_LIMIT} and page with cursor")
    return value


@dataclass(frozen=True, slots=True)
class EventFilters:
    """The filters every event endpoint shares, as given in the query string."""

    since: str | None = None
    until: str | None = None
    country: str | None = None
    admin1: str | None = None
    type: str | None = None
    sub_type: str | None = None
    actor: str | None = None
    near: str | None = None
    bbox: str | None = None
    q: str | None = None

    def query(self, *, limit: int | None = None, cursor: str | None = None) -> EventQuery:
        """The store query of these filters (ConfigError on a bad value)."""

        def text(value: str | None) -> str | None:
            return value.strip() or None if value is not None else None

        return EventQuery(
            since=parse_date(self.since, "since"),
            until=parse_date(self.until, "until"),
            country=text(self.country),
            admin1=text(self.admin1),
            event_type=text(self.type),
            sub_event_type=text(self.sub_type),
            actor=text(self.actor),
            near=parse_near(self.near),
            bbox=parse_bbox(self.bbox),
            text=text(self.q),
            limit=limit,
            after=decode_cursor(cursor),
        )

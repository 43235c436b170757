"""Events as flat records: the one mapping between an :class:`Event` and a row of the store, a JSON
Lines record or an export row. :func:`event_from_record` is the exact inverse of
:func:`event_to_record`. It lives in the store, the lowest layer that needs it; exports read it here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from frontlines.model import Event, EventType, Evidence, GeoPrecision, SubEventType, TimePrecision

#: ACLED's column names, in ACLED's order, for the fields an event here carries (plus our provenance
#: columns ``article_ids`` and ``evidence`` at the end).
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "country",
    "iso3",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "source",
    "unverified",
    "claim",
    "notes",
    "article_ids",
    "evidence",
)

EVIDENCE_KEYS: tuple[str, ...] = ("article_id", "field", "quote", "start", "end")


def evidence_to_record(evidence: Evidence) -> dict[str, Any]:
    """One evidence quote as a JSON-ready dict with the keys of :data:`EVIDENCE_KEYS`."""
    return {
        "article_id": evidence.article_id,
        "field": evidence.field,
        "quote": evidence.quote,
        "start": evidence.start,
        "end": evidence.end,
    }


def event_to_record(event: Event) -> dict[str, Any]:
    """An event as a JSON-ready dict keyed by :data:`EVENT_COLUMNS`, in that order.

    Dates are ISO text, enums their ACLED values (type names as text, precision/inter codes as
    ints), ``interaction`` is derived by the codebook rule (lowest inter code first), ``article_ids``
    is a list and ``evidence`` a list of dicts in the event's order. Coordinates keep full precision.
    """
    return {
        "event_id": event.event_id,
        "event_date": event.event_date.isoformat(),
        "time_precision": int(event.time_precision),
        "event_type": str(EventType(event.event_type).value),
        "sub_event_type": str(SubEventType(event.sub_event_type).value),
        "actor1": event.actor1,
        "assoc_actor_1": event.assoc_actor_1,
        "inter1": int(event.inter1),
        "actor2": event.actor2,
        "assoc_actor_2": event.assoc_actor_2,
        "inter2": None if event.inter2 is None else int(event.inter2),
        "interaction": event.interaction,
        "country": event.country,
        "iso3": event.iso3,
        "admin1": event.admin1,
        "admin2": event.admin2,
        "admin3": event.admin3,
        "location": event.location,
        "latitude": float(event.latitude),
        "longitude": float(event.longitude),
        "geo_precision": int(event.geo_precision),
        "fatalities": int(event.fatalities),
        "source": event.source,
        "unverified": bool(event.unverified),
        "claim": bool(event.claim),
        "notes": event.notes,
        "article_ids": list(event.article_ids),
        "evidence": [evidence_to_record(ev) for ev in event.evidence],
    }


def event_from_record(record: Mapping[str, Any]) -> Event:
    """The inverse of :func:`event_to_record`: ``event_from_record(event_to_record(e)) == e``.

    ``interaction`` is ignored (it is derived from the inter codes). Raises ``KeyError`` or
    ``ValueError`` when a field is missing or not an ACLED value.
    """
    inter2 = record["inter2"]
    return Event(
        event_id=record["event_id"],
        event_date=dt.date.fromisoformat(record["event_date"]),
        time_precision=TimePrecision(record["time_precision"]),
        event_type=EventType(record["event_type"]),
        sub_event_type=SubEventType(record["sub_event_type"]),
        actor1=record["actor1"],
        inter1=int(record["inter1"]),
        actor2=record["actor2"],
        inter2=None if inter2 is None else int(inter2),
        country=record["country"],
        iso3=record["iso3"],
        location=record["location"],
        latitude=float(record["latitude"]),
        longitude=float(record["longitude"]),
        geo_precision=GeoPrecision(record["geo_precision"]),
        fatalities=int(record["fatalities"]),
        source=record["source"],
        notes=record["notes"],
        article_ids=tuple(record["article_ids"]),
        evidence=tuple(
            Evidence(
                article_id=ev["article_id"],
                field=ev["field"],
                quote=ev["quote"],
                start=int(ev["start"]),
                end=int(ev["end"]),
            )
            for ev in record["evidence"]
        ),
        assoc_actor_1=record.get("assoc_actor_1"),
        assoc_actor_2=record.get("assoc_actor_2"),
        admin1=record.get("admin1"),
        admin2=record.get("admin2"),
        admin3=record.get("admin3"),
        unverified=bool(record.get("unverified", False)),
        claim=bool(record.get("claim", False)),
    )


def stored_record(row: Mapping[str, Any]) -> dict[str, Any]:
    """The record :func:`event_to_record` gives for the event of a stored row, read straight from the row:
    ``event_to_record(event_from_record(row)) == stored_record(row)`` for every row the store wrote.

    ``row`` holds the events table's columns by name with ``article_ids`` already a list and ``evidence``
    a list of :data:`EVIDENCE_KEYS` dicts. SQLite gives back the types the store wrote (ISO date text,
    ints, floats), so only the flags become bools and ``interaction`` is derived again; no Event is made,
    which is most of the time a page of 1,000 events took to answer (bench/api.py).
    """
    record = {column: row[column] for column in EVENT_COLUMNS}
    inter1, inter2 = record["inter1"], record["inter2"]
    record["interaction"] = inter1 * 10 if inter2 is None else min(inter1, inter2) * 10 + max(inter1, inter2)
    record["unverified"] = bool(record["unverified"])
    record["claim"] = bool(record["claim"])
    return record

"""``frontlines control PLACE``: the mirror of :func:`frontlines.control.control_timeline`."""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from frontlines.cli.common import errors, open_existing, plural, resolve_settings
from frontlines.cli.merge import canonical_store, warn_unmerged
from frontlines.cli.output import print_table
from frontlines.errors import ConfigError

if TYPE_CHECKING:
    from frontlines.control import ControlInterval


class ControlFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    geojson = "geojson"


def interval_record(interval: ControlInterval) -> dict[str, Any]:
    """One interval as the JSONL record: place, latitude, longitude, controller, status, start, end,
    confidence, evidence."""
    return {
        "place": interval.place,
        "latitude": interval.latitude,
        "longitude": interval.longitude,
        "controller": interval.controller,
        "status": interval.status,
        "start": None if interval.start is None else interval.start.isoformat(),
        "end": None if interval.end is None else interval.end.isoformat(),
        "confidence": interval.confidence,
        "evidence": [
            {"article_id": e.article_id, "field": e.field, "quote": e.quote, "start": e.start, "end": e.end}
            for e in interval.evidence
        ],
    }


def control_cmd(
    place: Annotated[
        str | None, typer.Argument(help="A place name, e.g. Homs or 'Damascus - Jobar'; omit with --country.")
    ] = None,
    at: Annotated[str | None, typer.Option("--at", help="Only who held it on this day, YYYY-MM-DD.")] = None,
    format: Annotated[
        ControlFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ControlFormat.table,
    country: Annotated[
        str | None, typer.Option("--country", help="Every place of a country (name or ISO code).")
    ] = None,
) -> None:
    """Who controlled a place (and the places inside it), from when to when, and on whose word."""
    from frontlines.control import control_timeline, controller_at
    from frontlines.merge.reconcile import TERRITORIAL
    from frontlines.store.base import EventQuery

    with errors():
        day = None
        if at is not None:
            try:
                day = dt.date.fromisoformat(at)
            except ValueError:
                raise ConfigError(f"--at {at!r} is not a date", "use YYYY-MM-DD") from None
        if place is None and country is None:
            raise ConfigError("no place given", "pass PLACE, or --country CODE (with --at for a map)")
        store = canonical_store(open_existing(resolve_settings().store.db))
        warn_unmerged(store)
        events = [
            canon
            for sub in sorted(TERRITORIAL)
            for canon in store.canonical_events(EventQuery(event_type=sub.value, country=country))
        ]
        store.close()
        intervals = control_timeline(events, place)
        if day is not None:
            intervals = controller_at(intervals, day)
        records = [interval_record(i) for i in intervals]
        if format is ControlFormat.geojson:
            features = [
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]},
                    "properties": {k: v for k, v in r.items() if k not in ("latitude", "longitude")},
                }
                for r in records
            ]
            json.dump({"type": "FeatureCollection", "features": features}, sys.stdout, ensure_ascii=False)
            sys.stdout.write("\n")
            return
        if format is ControlFormat.jsonl:
            for record in records:
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            return
        columns = ("place", "controller", "status", "start", "end", "confidence")
        title = f"control of {place or country}"
        print_table(
            records, columns, title=title, caption=plural(len(records), "interval"),
            min_width={"status": 9, "start": 10, "end": 10, "confidence": 10}, drop=("confidence", "status"),
        )  # fmt: skip


def register(app: typer.Typer) -> None:
    """Add ``control`` to the ``frontlines`` command."""
    app.command("control")(control_cmd)

"""Map layers: who held what (from :mod:`frontlines.control`) and the offline base layer of
admin boundaries (country outlines of the embedded gazetteer's source, plus the admin1 outlines an
imported COD-AB package put in the gazetteer)."""

from __future__ import annotations

import datetime as dt
import functools
import sqlite3
from pathlib import Path
from typing import Any

from frontlines.cli.control import interval_record
from frontlines.control import control_timeline, controller_at
from frontlines.geo.polygons import MultiPolygon, decode_wkb
from frontlines.merge.reconcile import TERRITORIAL
from frontlines.store.base import EventQuery
from frontlines.store.sqlite import SqliteRepository

#: Decimal places kept in base-layer coordinates (about 1 m): enough for a map, half the bytes.
COORD_DECIMALS = 5


def control_records(
    repository: SqliteRepository, place: str | None, country: str | None, day: dt.date | None
) -> list[dict[str, Any]]:
    """Intervals of control (the records of ``frontlines control``) for a place and/or a country,
    only those holding on ``day`` when given."""
    events = [
        canon
        for sub in sorted(TERRITORIAL)
        for canon in repository.canonical_events(EventQuery(event_type=sub.value, country=country))
    ]
    intervals = control_timeline(events, place)
    if day is not None:
        intervals = controller_at(intervals, day)
    return [interval_record(i) | {"event_id": i.event_id} for i in intervals]


def control_geojson(records: list[dict[str, Any]]) -> dict[str, Any]:
    """The intervals as GeoJSON points (``frontlines control --format geojson``'s layout)."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]},
                "properties": {k: v for k, v in r.items() if k not in ("latitude", "longitude")},
            }
            for r in records
        ],
    }


def _rounded(polygons: MultiPolygon) -> list[list[list[list[float]]]]:
    return [
        [[[round(x, COORD_DECIMALS), round(y, COORD_DECIMALS)] for x, y in ring] for ring in polygon]
        for polygon in polygons
    ]


def _feature(name: str, kind: str, code: str, polygons: MultiPolygon) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "MultiPolygon", "coordinates": _rounded(polygons)},
        "properties": {"name": name, "kind": kind, "country_code": code},
    }


@functools.cache
def _countries() -> tuple[dict[str, Any], ...]:
    from frontlines.countries import country_name
    from frontlines.geo.territory import country_outlines

    return tuple(
        _feature(country_name(code) or code, "country", code, outline)
        for code, outline in sorted(country_outlines().items())
    )


def admin_outlines(gazetteer: Path) -> list[dict[str, Any]]:
    """Admin1 outlines the gazetteer holds (imported COD-AB boundaries); none in the embedded build."""
    if not gazetteer.exists():
        return []
    conn = sqlite3.connect(f"file:{gazetteer}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT p.name, p.country_code, g.geometry FROM polygons g JOIN places p ON p.id = g.place"
            " WHERE p.kind = 'admin1' ORDER BY p.country_code, p.name"
        ).fetchall()
    except sqlite3.Error:
        return []
    finally:
        conn.close()
    return [_feature(name, "admin1", code, decode_wkb(bytes(blob))) for name, code, blob in rows]


def basemap(gazetteer: Path) -> dict[str, Any]:
    """The offline base layer: every country outline, then the gazetteer's admin1 outlines."""
    return {"type": "FeatureCollection", "features": [*_countries(), *admin_outlines(gazetteer)]}

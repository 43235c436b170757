"""The SQL conditions of an :class:`~frontlines.store.base.EventQuery`, shared by the reports and the
canonical events tables (same column names), in SQLite's or PostgreSQL's dialect."""

from __future__ import annotations

from typing import Any, Literal

from frontlines.model import EventType
from frontlines.store.base import (
    BOX_MARGIN,
    EventQuery,
    bounding_box,
    country_iso3,
    normalise_event_type,
)
from frontlines.store.search import fts5_match, search_terms

Dialect = Literal["sqlite", "postgresql"]

#: Metres added to a PostGIS ``near`` prefilter on top of BOX_MARGIN, so no point on the circle's edge
#: is lost to PostGIS's sphere radius differing from ours in the ninth digit.
_PREFILTER_SLACK_M = 1.0
#: The FTS5 index of each events table's notes (SQLite migration 0005).
FTS_TABLES = {"events": "events_fts", "canonical_events": "canonical_fts"}
#: The prefix of each events table's index names.
_INDEX_PREFIX = {"events": "events", "canonical_events": "canonical"}
#: PostgreSQL's text-search configuration; the expression must be the one its GIN indexes are built on.
_PG_VECTOR = "to_tsvector('simple', notes)"


def where_clause(
    query: EventQuery, dialect: Dialect = "sqlite", *, table: str = "events", text_probe: bool = False
) -> tuple[list[str], list[Any]]:
    """SQL conditions and parameters for the filters of ``query`` on ``table`` (``events`` or
    ``canonical_events``).

    SQLite takes ``?`` parameters and filters ``near`` by a bounding box on the lat/lon index;
    PostgreSQL takes ``%s`` and filters it with ``ST_DWithin`` on the GiST-indexed ``geog`` point.
    Either is a prefilter: the caller checks the exact great-circle distance. ``text`` is a word
    search (:mod:`frontlines.store.search`): FTS5 on SQLite, the notes' tsvector on PostgreSQL; with
    ``text_probe`` (SQLite) it asks FTS5 about each row instead of reading every match
    (:mod:`frontlines.store.pages`).
    """
    pg = dialect == "postgresql"
    mark = "%s" if pg else "?"
    where: list[str] = []
    params: list[Any] = []
    if query.since is not None:
        where.append(f"event_date >= {mark}")
        params.append(query.since.isoformat())
    if query.until is not None:
        where.append(f"event_date <= {mark}")
        params.append(query.until.isoformat())
    if query.country is not None:
        iso3 = country_iso3(query.country)
        if pg:
            where.append("(lower(country) = lower(%s) OR iso3 = %s)")
        else:
            where.append("(country = ? COLLATE NOCASE OR iso3 = ?)")
        params += [query.country.strip(), iso3 or ""]
    if query.admin1 is not None:
        where.append("lower(admin1) = lower(%s)" if pg else "admin1 = ? COLLATE NOCASE")
        params.append(query.admin1.strip())
    if query.event_type is not None:
        # a name is a type or a sub-event type, never both: one column, read in order by its index
        kind = normalise_event_type(query.event_type)
        where.append(f"{'event_type' if isinstance(kind, EventType) else 'sub_event_type'} = {mark}")
        params.append(kind.value)
    if query.sub_event_type is not None:
        where.append(f"sub_event_type = {mark}")
        params.append(normalise_event_type(query.sub_event_type).value)
    if query.text is not None:
        where.append(_text(search_terms(query.text), table, pg, params, probe=text_probe))
    if query.ids is not None:
        if pg:
            where.append("event_id = ANY(%s)")
            params.append(list(query.ids))
        else:
            where.append(f"event_id IN ({', '.join('?' * len(query.ids))})")
            params += list(query.ids)
    if query.after is not None:
        # a row value, so both engines read the next page from the (event_date, event_id) index
        where.append(f"(event_date, event_id) > ({mark}, {mark})")
        params += [query.after[0], query.after[1]]
    if not pg and (query.bbox is not None or query.near is not None):
        where.append(_days(query, table, params))
    if query.bbox is not None:
        where += _bbox(query.bbox, mark, params)
    if query.actor is not None:
        needle = query.actor.strip().casefold()
        columns = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
        if pg:
            where.append("(" + " OR ".join(f"strpos(lower({c}), lower(%s)) > 0" for c in columns) + ")")
        else:
            where.append("(" + " OR ".join(f"instr(fl_casefold({c}), ?)" for c in columns) + ")")
        params += [needle] * 4
    circle = query.circle
    if circle is not None and pg:
        where.append("ST_DWithin(geog, ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography, %s, false)")
        params += [circle.lon, circle.lat, circle.km * 1000 * BOX_MARGIN + _PREFILTER_SLACK_M]
    elif circle is not None:
        box = bounding_box(circle)
        where.append("latitude BETWEEN ? AND ?")
        params += [box.lat_min, box.lat_max]
        if box.lon_ranges is not None:
            where.append("(" + " OR ".join("longitude BETWEEN ? AND ?" for _ in box.lon_ranges) + ")")
            params += [bound for pair in box.lon_ranges for bound in pair]
    return where, params


def country_parts(country: str, table: str = "events") -> list[tuple[str, str, list[Any]]]:
    """SQLite's country filter (a name, case-insensitive, or an ISO code) as two disjoint conditions
    whose union is the condition :func:`where_clause` writes, each with the index of migration 0007 that
    reads it in date order, covered: the code's rows, then the rows of that name under another code. The
    per-period counts read each part from its index, where the ``OR`` of :func:`where_clause` reads every
    row it matches. The index is named because SQLite's statistics count an average country, so it would
    rather scan the whole date index (1,000,000 rows) for a name that no row has."""
    iso3 = country_iso3(country) or ""
    prefix = _INDEX_PREFIX[table]
    return [
        (f"{prefix}_iso3", "iso3 = ?", [iso3]),
        (f"{prefix}_country", "country = ? COLLATE NOCASE AND iso3 <> ?", [country.strip(), iso3]),
    ]


def _bbox(bbox: tuple[float, float, float, float], mark: str, params: list[Any]) -> list[str]:
    """Conditions for ``(west, south, east, north)`` on the latitude/longitude index (both engines:
    a box in degrees is exactly a range of each); west > east crosses the antimeridian."""
    west, south, east, north = bbox
    params += [south, north, west, east]
    lon = (
        f"longitude BETWEEN {mark} AND {mark}"
        if west <= east
        else f"(longitude >= {mark} OR longitude <= {mark})"
    )
    return [f"latitude BETWEEN {mark} AND {mark}", lon]


def _text(terms: tuple[str, ...], table: str, pg: bool, params: list[Any], *, probe: bool = False) -> str:
    """The condition that every term (a word or a phrase) is in the notes: on SQLite, the row is among
    FTS5's matches, or (``probe``) FTS5 finds the terms in this row's notes."""
    if pg:
        params += list(terms)
        return f"{_PG_VECTOR} @@ (" + " && ".join("phraseto_tsquery('simple', %s)" for _ in terms) + ")"
    if probe:
        return text_probe_condition(terms, table, f"{table}.rowid", params)
    fts = FTS_TABLES[table]
    params.append(fts5_match(terms))
    return f"rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)"


def text_probe_condition(terms: tuple[str, ...], table: str, rowid: str, params: list[Any]) -> str:
    """SQLite's condition that FTS5 finds every term in the notes of the row of ``table`` whose rowid is
    the SQL expression ``rowid``: one indexed lookup per row (:mod:`frontlines.store.pages`)."""
    fts = FTS_TABLES[table]
    params.append(fts5_match(terms))
    return f"EXISTS (SELECT 1 FROM {fts} WHERE {fts} MATCH ? AND {fts}.rowid = {rowid})"


def _days(query: EventQuery, table: str, params: list[Any]) -> str:
    """SQLite's day skip-scan for a place filter: ``event_date`` is one of the days from ``since`` (or the
    first stored day) to ``until`` (or the last), each clamped to the stored ones. SQLite then seeks each
    day in the (event_date, latitude, longitude) index of migration 0006 and reads only that day's rows
    inside the latitude band, in date order, so a page stops early; the date range alone would read every
    row of the range (a small box over ten years: 3 s on 1,000,000 events, against 10 ms this way)."""
    params += [
        None if query.since is None else query.since.isoformat(),
        None if query.until is None else query.until.isoformat(),
    ]
    first = f"(SELECT max(coalesce(?, m), m) FROM (SELECT min(event_date) AS m FROM {table}))"
    last = f"(SELECT min(coalesce(?, m), m) FROM (SELECT max(event_date) AS m FROM {table}))"
    return (
        f"event_date IN (WITH RECURSIVE days(day) AS (SELECT {first} UNION ALL"
        f" SELECT date(day, '+1 day') FROM days WHERE day < {last}) SELECT day FROM days)"
    )

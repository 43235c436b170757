"""Canonical events in SQLite: the tables of migration 0003 and the queries the merge needs.

:class:`CanonicalSqlite` is mixed into :class:`~frontlines.store.sqlite.SqliteRepository`; it uses the
repository's connection, transaction and error helpers. The merge itself lives in
:mod:`frontlines.merge`; this module only reads and writes rows.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from frontlines.model import (
    CanonicalEvent,
    Contradiction,
    Event,
    EventType,
    GeoPrecision,
    ReportKey,
    SubEventType,
    TimePrecision,
)
from frontlines.store.base import EventQuery, haversine_km
from frontlines.store.pages import page_rows
from frontlines.store.rows import EVENT_COLUMNS, event_from_record, event_to_record, stored_record

#: Columns of canonical_events shared with the events table (its ``event_id`` is the canonical id).
_SHARED = tuple(c for c in EVENT_COLUMNS if c != "evidence")
_EXTRA = (
    "sources_count",
    "independent_sources",
    "fatalities_min",
    "fatalities_max",
    "outlets",
    "contradictions",
)
#: Ids per ``IN (...)`` list.
_CHUNK = 500
#: The columns of a :class:`~frontlines.model.ReportKey`, in its field order.
_KEY_COLUMNS = (
    "event_id",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "inter1",
    "actor2",
    "inter2",
    "iso3",
    "admin1",
    "latitude",
    "longitude",
    "geo_precision",
)
_KEY_SQL = ", ".join(_KEY_COLUMNS)


def _report_key(row: Sequence[Any]) -> ReportKey:
    (rid, day, tp, kind, sub, actor1, inter1, actor2, inter2, iso3, admin1, lat, lon, gp) = row
    return ReportKey(
        event_id=rid,
        event_date=dt.date.fromisoformat(day),
        time_precision=TimePrecision(tp),
        event_type=EventType(kind),
        sub_event_type=SubEventType(sub),
        actor1=actor1,
        inter1=inter1,
        actor2=actor2,
        inter2=inter2,
        iso3=iso3,
        admin1=admin1,
        latitude=lat,
        longitude=lon,
        geo_precision=GeoPrecision(gp),
    )


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


class CanonicalSqlite:
    """Canonical-event reads and writes for a SQLite repository (a mixin)."""

    _conn: sqlite3.Connection
    path: str

    if TYPE_CHECKING:

        def _transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...
        def _error(self, doing: str, exc: BaseException) -> Exception: ...
        def _evidence_of(self, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]: ...

    # -- writing ---------------------------------------------------------------------------------

    def replace_canonical(
        self, drop: Sequence[str], add: Sequence[CanonicalEvent], *, clear: bool = False
    ) -> None:
        """In one transaction: delete the canonical events ``drop`` (or all, with ``clear``) and
        write ``add`` with their report links."""
        columns = (*_SHARED, *_EXTRA)
        insert = (
            f"INSERT INTO canonical_events ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
            " ON CONFLICT (event_id) DO NOTHING"
        )
        link = (
            "INSERT INTO canonical_reports (event_id, canonical_id) VALUES (?, ?)"
            " ON CONFLICT (event_id) DO UPDATE SET canonical_id = excluded.canonical_id"
        )
        try:
            with self._transaction() as conn:
                if clear:
                    conn.execute("DELETE FROM canonical_reports")
                    conn.execute("DELETE FROM canonical_events")
                for i in range(0, len(drop), _CHUNK):
                    chunk = list(drop[i : i + _CHUNK])
                    marks = ", ".join("?" * len(chunk))
                    conn.execute(f"DELETE FROM canonical_events WHERE event_id IN ({marks})", chunk)
                rows = []
                links = []
                for canon in add:
                    record = event_to_record(canon.event)
                    record["article_ids"] = _dump(record["article_ids"])
                    record.update(
                        sources_count=canon.sources_count,
                        independent_sources=canon.independent_sources,
                        fatalities_min=canon.fatalities_min,
                        fatalities_max=canon.fatalities_max,
                        outlets=_dump(list(canon.outlets)),
                        contradictions=_dump(
                            [
                                {"field": c.field, "detail": c.detail, "report_ids": list(c.report_ids)}
                                for c in canon.contradictions
                            ]
                        ),
                    )
                    rows.append([record[c] for c in columns])
                    links += [(rid, canon.canonical_id) for rid in canon.report_ids]
                conn.executemany(insert, rows)
                conn.executemany(link, links)
        except sqlite3.Error as exc:
            raise self._error("cannot write canonical events to", exc) from exc

    # -- reading ---------------------------------------------------------------------------------

    def unmerged_ids(self) -> list[str]:
        """Ids of the stored reports that belong to no canonical event yet, sorted."""
        return [
            row[0]
            for row in self._conn.execute(
                "SELECT e.event_id FROM events e LEFT JOIN canonical_reports c ON c.event_id = e.event_id"
                " WHERE c.event_id IS NULL ORDER BY e.event_id"
            )
        ]

    def unmerged_count(self) -> int:
        """How many stored reports belong to no canonical event yet."""
        row = self._conn.execute(
            "SELECT count(*) FROM events e LEFT JOIN canonical_reports c ON c.event_id = e.event_id"
            " WHERE c.event_id IS NULL"
        ).fetchone()
        return int(row[0])

    def reports_by_id(self, ids: Sequence[str]) -> list[Event]:
        """The stored reports with these ids (with their evidence), by id."""
        out: list[Event] = []
        columns = ", ".join(_SHARED)
        for i in range(0, len(ids), _CHUNK):
            chunk = list(ids[i : i + _CHUNK])
            marks = ", ".join("?" * len(chunk))
            rows = self._conn.execute(f"SELECT {columns} FROM events WHERE event_id IN ({marks})", chunk)
            records = [dict(zip(_SHARED, r, strict=True)) for r in rows]
            evidence = self._evidence_of([r["event_id"] for r in records])
            for record in records:
                record["article_ids"] = json.loads(record["article_ids"])
                record["evidence"] = evidence.get(record["event_id"], [])
                out.append(event_from_record(record))
        out.sort(key=lambda e: e.event_id)
        return out

    def report_keys(self, ids: Sequence[str]) -> list[ReportKey]:
        """The match keys of the stored reports with these ids (no text, no evidence), by id."""
        out: list[ReportKey] = []
        for i in range(0, len(ids), _CHUNK):
            chunk = list(ids[i : i + _CHUNK])
            marks = ", ".join("?" * len(chunk))
            rows = self._conn.execute(f"SELECT {_KEY_SQL} FROM events WHERE event_id IN ({marks})", chunk)
            out.extend(_report_key(row) for row in rows)
        out.sort(key=lambda k: k.event_id)
        return out

    def report_keys_between(self, first: dt.date | None, last: dt.date | None) -> Iterator[ReportKey]:
        """The match keys of the stored reports dated from ``first`` to ``last`` (inclusive; None:
        unbounded), streamed in no particular order."""
        sql = f"SELECT {_KEY_SQL} FROM events"
        where: list[str] = []
        params: list[str] = []
        if first is not None:
            where.append("event_date >= ?")
            params.append(first.isoformat())
        if last is not None:
            where.append("event_date <= ?")
            params.append(last.isoformat())
        if where:
            sql += " WHERE " + " AND ".join(where)
        cur = self._conn.execute(sql, params)
        while rows := cur.fetchmany(_CHUNK):
            yield from (_report_key(row) for row in rows)

    def canonical_owner(self, report_ids: Sequence[str]) -> dict[str, str]:
        """Report id -> canonical id, for the given reports that are merged."""
        found: dict[str, str] = {}
        for i in range(0, len(report_ids), _CHUNK):
            chunk = list(report_ids[i : i + _CHUNK])
            marks = ", ".join("?" * len(chunk))
            rows = self._conn.execute(
                f"SELECT event_id, canonical_id FROM canonical_reports WHERE event_id IN ({marks})", chunk
            )
            found.update(rows)
        return found

    def canonical_count(self) -> int:
        """How many canonical events the store holds."""
        return int(self._conn.execute("SELECT count(*) FROM canonical_events").fetchone()[0])

    def canonical_events(self, query: EventQuery) -> Iterator[CanonicalEvent]:
        """Canonical events matching ``query`` (the same filters as reports), by date then id."""
        for record in self.canonical_records(query):
            yield CanonicalEvent(
                event=event_from_record(record),
                report_ids=tuple(record["report_ids"]),
                outlets=tuple(record["outlets"]),
                sources_count=record["sources_count"],
                independent_sources=record["independent_sources"],
                fatalities_min=record["fatalities_min"],
                fatalities_max=record["fatalities_max"],
                contradictions=tuple(
                    Contradiction(c["field"], c["detail"], tuple(c["report_ids"]))
                    for c in record["contradictions"]
                ),
            )

    def canonical_records(self, query: EventQuery) -> Iterator[dict[str, Any]]:
        """The records of :meth:`canonical_events` (what
        :func:`~frontlines.export.canonical_to_record` makes of each), read straight from the rows
        (:func:`~frontlines.store.rows.stored_record`): what the API sends, without the objects."""
        columns = (*_SHARED, *_EXTRA)
        circle = query.circle
        if query.limit == 0:
            return
        # a page of 100 reads 100 rows (and their links and evidence), not a whole chunk
        chunk = _CHUNK if query.limit is None else min(_CHUNK, query.limit)
        emitted = 0
        found = iter(page_rows(self._conn, "canonical_events", columns, query))
        while rows := list(itertools.islice(found, chunk)):
            records = [dict(zip(columns, r, strict=True)) for r in rows]
            if circle is not None:
                records = [
                    r
                    for r in records
                    if haversine_km(circle.lat, circle.lon, r["latitude"], r["longitude"]) <= circle.km
                ]
            ids = [r["event_id"] for r in records]
            links = self.canonical_members(ids)
            evidence = self._canonical_evidence(ids)
            for r in records:
                r["article_ids"] = json.loads(r["article_ids"])
                r["evidence"] = evidence.get(r["event_id"], [])
                record = stored_record(r)
                record.update(
                    sources_count=r["sources_count"],
                    independent_sources=r["independent_sources"],
                    fatalities_min=r["fatalities_min"],
                    fatalities_max=r["fatalities_max"],
                    outlets=json.loads(r["outlets"]),
                    report_ids=links.get(r["event_id"], []),
                    contradictions=[
                        {"field": c["field"], "detail": c["detail"], "report_ids": list(c["report_ids"])}
                        for c in json.loads(r["contradictions"])
                    ],
                )
                yield record
                emitted += 1
                if query.limit is not None and emitted >= query.limit:
                    return

    def canonical_members(self, canonical_ids: Sequence[str]) -> dict[str, list[str]]:
        """Canonical id -> its report ids (sorted), for the stored ones among ``canonical_ids``."""
        found: dict[str, list[str]] = {}
        for i in range(0, len(canonical_ids), _CHUNK):
            chunk = list(canonical_ids[i : i + _CHUNK])
            marks = ", ".join("?" * len(chunk))
            for event_id, cid in self._conn.execute(
                f"SELECT event_id, canonical_id FROM canonical_reports WHERE canonical_id IN ({marks})"
                " ORDER BY canonical_id, event_id",
                chunk,
            ):
                found.setdefault(cid, []).append(event_id)
        return found

    def _canonical_evidence(self, canonical_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        """The union of the reports' evidence, in the order the merge gives it."""
        found: dict[str, set[tuple[str, int, int, str, str]]] = {}
        for i in range(0, len(canonical_ids), _CHUNK):
            chunk = canonical_ids[i : i + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            for cid, article_id, field, quote, start, end in self._conn.execute(
                'SELECT c.canonical_id, e.article_id, e.field, e.quote, e.start, e."end"'
                " FROM canonical_reports c JOIN evidence e ON e.event_id = c.event_id"
                f" WHERE c.canonical_id IN ({marks})",
                chunk,
            ):
                found.setdefault(cid, set()).add((article_id, start, end, field, quote))
        return {
            cid: [
                {"article_id": a, "field": f, "quote": q, "start": s, "end": e}
                for a, s, e, f, q in sorted(items)
            ]
            for cid, items in found.items()
        }

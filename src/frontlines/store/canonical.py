"""Canonical events in SQLite: the tables of migration 0003 and the queries the merge needs.

:class:`CanonicalSqlite` is mixed into :class:`~frontlines.store.sqlite.SqliteRepository`; it uses the
repository's connection, transaction and error helpers. The merge itself lives in
:mod:`frontlines.merge`; this module only reads and writes rows.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from frontlines.export import EVENT_COLUMNS, event_from_record, event_to_record
from frontlines.model import Event
from frontlines.store.base import EventQuery, Near, bounding_box, haversine_km

if TYPE_CHECKING:
    from frontlines.merge.reconcile import CanonicalEvent

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
#: Days and km around a report that the incremental merge reads: wider than any match tolerance
#: (two month-precision windows, +-15 days each; a region's 100 km disc).
NEIGHBOUR_DAYS = 31
NEIGHBOUR_KM = 101.0


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

    def unmerged_reports(self) -> list[Event]:
        """Stored reports that belong to no canonical event yet (new since the last merge)."""
        ids = [
            row[0]
            for row in self._conn.execute(
                "SELECT e.event_id FROM events e LEFT JOIN canonical_reports c ON c.event_id = e.event_id"
                " WHERE c.event_id IS NULL ORDER BY e.event_id"
            )
        ]
        return self.reports_by_id(ids)

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

    def report_neighbours(self, report: Event) -> list[Event]:
        """Stored reports of the same type within :data:`NEIGHBOUR_DAYS` and :data:`NEIGHBOUR_KM`: a
        superset of the reports the merge can match with ``report``."""
        day = report.event_date
        box = bounding_box(Near(report.latitude, report.longitude, NEIGHBOUR_KM))
        sql = (
            "SELECT event_id, latitude, longitude FROM events WHERE event_type = ?"
            " AND event_date BETWEEN ? AND ? AND latitude BETWEEN ? AND ?"
        )
        params: list[Any] = [
            str(report.event_type),
            (day - dt.timedelta(days=NEIGHBOUR_DAYS)).isoformat(),
            (day + dt.timedelta(days=NEIGHBOUR_DAYS)).isoformat(),
            box.lat_min,
            box.lat_max,
        ]
        ids = [
            event_id
            for event_id, lat, lon in self._conn.execute(sql, params)
            if haversine_km(report.latitude, report.longitude, lat, lon) <= NEIGHBOUR_KM
        ]
        return self.reports_by_id(ids)

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
        from frontlines.merge.reconcile import CanonicalEvent, Contradiction
        from frontlines.store.sqlite import _where

        where, params = _where(query)
        columns = (*_SHARED, *_EXTRA)
        sql = f"SELECT {', '.join(columns)} FROM canonical_events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY event_date, event_id"
        circle = query.circle
        if query.limit == 0:
            return
        if query.limit is not None and circle is None:
            sql += " LIMIT ?"
            params.append(query.limit)
        # a page of 100 reads 100 rows (and their links and evidence), not a whole chunk
        chunk = _CHUNK if query.limit is None else min(_CHUNK, query.limit)
        emitted = 0
        cur = self._conn.execute(sql, params)
        while rows := cur.fetchmany(chunk):
            records = [dict(zip(columns, r, strict=True)) for r in rows]
            if circle is not None:
                records = [
                    r
                    for r in records
                    if haversine_km(circle.lat, circle.lon, r["latitude"], r["longitude"]) <= circle.km
                ]
            ids = [r["event_id"] for r in records]
            links = self._links(ids)
            evidence = self._canonical_evidence(ids)
            for r in records:
                r["article_ids"] = json.loads(r["article_ids"])
                r["evidence"] = evidence.get(r["event_id"], [])
                yield CanonicalEvent(
                    event=event_from_record(r),
                    report_ids=tuple(links.get(r["event_id"], [])),
                    outlets=tuple(json.loads(r["outlets"])),
                    sources_count=r["sources_count"],
                    independent_sources=r["independent_sources"],
                    fatalities_min=r["fatalities_min"],
                    fatalities_max=r["fatalities_max"],
                    contradictions=tuple(
                        Contradiction(c["field"], c["detail"], tuple(c["report_ids"]))
                        for c in json.loads(r["contradictions"])
                    ),
                )
                emitted += 1
                if query.limit is not None and emitted >= query.limit:
                    return

    def _links(self, canonical_ids: list[str]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for i in range(0, len(canonical_ids), _CHUNK):
            chunk = canonical_ids[i : i + _CHUNK]
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

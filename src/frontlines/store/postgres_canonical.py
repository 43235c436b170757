"""Canonical events in PostgreSQL: the tables of migration 0003 and the queries the merge needs.

:class:`CanonicalPostgres` is mixed into :class:`~frontlines.store.postgres.PostgresRepository`, as
:class:`~frontlines.store.canonical.CanonicalSqlite` is into the SQLite one; the rows, their order and
their meaning are the same.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

import psycopg

from frontlines.model import CanonicalEvent, Contradiction, Event, ReportKey
from frontlines.store.base import EventQuery
from frontlines.store.canonical import _EXTRA, _KEY_SQL, _SHARED, _report_key
from frontlines.store.rows import event_from_record, event_to_record


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def canonical_row(canon: CanonicalEvent, columns: Sequence[str]) -> list[Any]:
    """The canonical_events row of ``canon``, valued in ``columns`` order."""
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
    return [record[c] for c in columns]


class CanonicalPostgres:
    """Canonical-event reads and writes for a PostgreSQL repository (a mixin)."""

    _conn: psycopg.Connection
    path: str

    if TYPE_CHECKING:

        def _transaction(self) -> AbstractContextManager[psycopg.Connection]: ...
        def _error(self, doing: str, exc: BaseException) -> Exception: ...
        def _evidence_of(self, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]: ...
        def _pages(
            self, table: str, columns: Sequence[str], query: EventQuery
        ) -> Iterator[list[dict[str, Any]]]: ...

    # -- writing ---------------------------------------------------------------------------------

    def replace_canonical(
        self, drop: Sequence[str], add: Sequence[CanonicalEvent], *, clear: bool = False
    ) -> None:
        """In one transaction: delete the canonical events ``drop`` (or all, with ``clear``) and
        write ``add`` with their report links."""
        columns = (*_SHARED, *_EXTRA)
        insert = (
            f"INSERT INTO canonical_events ({', '.join(columns)})"
            f" VALUES ({', '.join(['%s'] * len(columns))}) ON CONFLICT (event_id) DO NOTHING"
        )
        link = (
            "INSERT INTO canonical_reports (event_id, canonical_id) VALUES (%s, %s)"
            " ON CONFLICT (event_id) DO UPDATE SET canonical_id = excluded.canonical_id"
        )
        try:
            with self._transaction() as conn, conn.cursor() as cur:
                if clear:
                    cur.execute("DELETE FROM canonical_reports")
                    cur.execute("DELETE FROM canonical_events")
                if drop:
                    cur.execute("DELETE FROM canonical_events WHERE event_id = ANY(%s)", (list(drop),))
                cur.executemany(insert, [canonical_row(canon, columns) for canon in add])
                cur.executemany(
                    link, [(rid, canon.canonical_id) for canon in add for rid in canon.report_ids]
                )
        except psycopg.Error as exc:
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
        return int(row[0]) if row else 0

    def reports_by_id(self, ids: Sequence[str]) -> list[Event]:
        """The stored reports with these ids (with their evidence), by id."""
        if not ids:
            return []
        rows = self._conn.execute(
            f"SELECT {', '.join(_SHARED)} FROM events WHERE event_id = ANY(%s) ORDER BY event_id",
            (list(ids),),
        ).fetchall()
        records = [dict(zip(_SHARED, r, strict=True)) for r in rows]
        evidence = self._evidence_of([r["event_id"] for r in records])
        out = []
        for record in records:
            record["article_ids"] = json.loads(record["article_ids"])
            record["evidence"] = evidence.get(record["event_id"], [])
            out.append(event_from_record(record))
        return out

    def report_keys(self, ids: Sequence[str]) -> list[ReportKey]:
        """The match keys of the stored reports with these ids (no text, no evidence), by id."""
        if not ids:
            return []
        rows = self._conn.execute(
            f"SELECT {_KEY_SQL} FROM events WHERE event_id = ANY(%s) ORDER BY event_id", (list(ids),)
        )
        return [_report_key(row) for row in rows]

    def report_keys_between(self, first: dt.date | None, last: dt.date | None) -> Iterator[ReportKey]:
        """The match keys of the stored reports dated from ``first`` to ``last`` (inclusive; None:
        unbounded), in no particular order."""
        sql = f"SELECT {_KEY_SQL} FROM events"
        where: list[str] = []
        params: list[str] = []
        if first is not None:
            where.append("event_date >= %s")
            params.append(first.isoformat())
        if last is not None:
            where.append("event_date <= %s")
            params.append(last.isoformat())
        if where:
            sql += " WHERE " + " AND ".join(where)
        # fetched whole: the caller queries the store again before it has read them all
        yield from (_report_key(row) for row in self._conn.execute(sql, params).fetchall())

    def canonical_owner(self, report_ids: Sequence[str]) -> dict[str, str]:
        """Report id -> canonical id, for the given reports that are merged."""
        if not report_ids:
            return {}
        rows = self._conn.execute(
            "SELECT event_id, canonical_id FROM canonical_reports WHERE event_id = ANY(%s)",
            (list(report_ids),),
        )
        return dict(rows)

    def canonical_count(self) -> int:
        """How many canonical events the store holds."""
        row = self._conn.execute("SELECT count(*) FROM canonical_events").fetchone()
        return int(row[0]) if row else 0

    def canonical_events(self, query: EventQuery) -> Iterator[CanonicalEvent]:
        """Canonical events matching ``query`` (the same filters as reports), by date then id."""
        if query.limit == 0:
            return
        emitted = 0
        for records in self._pages("canonical_events", (*_SHARED, *_EXTRA), query):
            ids = [r["event_id"] for r in records]
            links = self.canonical_members(ids)
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

    def canonical_members(self, canonical_ids: Sequence[str]) -> dict[str, list[str]]:
        """Canonical id -> its report ids (sorted), for the stored ones among ``canonical_ids``."""
        found: dict[str, list[str]] = {}
        if not canonical_ids:
            return found
        for event_id, cid in self._conn.execute(
            "SELECT event_id, canonical_id FROM canonical_reports WHERE canonical_id = ANY(%s)"
            " ORDER BY canonical_id, event_id",
            (list(canonical_ids),),
        ):
            found.setdefault(cid, []).append(event_id)
        return found

    def _canonical_evidence(self, canonical_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        """The union of the reports' evidence, in the order the merge gives it."""
        found: dict[str, set[tuple[str, int, int, str, str]]] = {}
        if not canonical_ids:
            return {}
        for cid, article_id, field, quote, start, end in self._conn.execute(
            'SELECT c.canonical_id, e.article_id, e.field, e.quote, e.start, e."end"'
            " FROM canonical_reports c JOIN evidence e ON e.event_id = c.event_id"
            " WHERE c.canonical_id = ANY(%s)",
            (canonical_ids,),
        ):
            found.setdefault(cid, set()).add((article_id, start, end, field, quote))
        return {
            cid: [
                {"article_id": a, "field": f, "quote": q, "start": s, "end": e}
                for a, s, e, f, q in sorted(items)
            ]
            for cid, items in found.items()
        }

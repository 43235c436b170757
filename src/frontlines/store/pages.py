"""The rows of one page of events on SQLite: the filters of an :class:`~frontlines.store.base.EventQuery`,
in the order of every event list (event_date, event_id), at most ``limit`` rows. Shared by the reports,
the canonical events and the map points.

A text search (``q``) has two plans, and which is fast depends on how many notes hold the words:

* **filter first** (the default): FTS5 gives every matching rowid, SQLite reads those rows and sorts them.
  Fast for a rare word, slow for a common one (a word in every note: 1,000,000 rows read and sorted,
  about 300 ms, to keep 100).
* **order first** (a probe): read the candidates in page order from the date index and ask FTS5 about
  each one (a correlated ``rowid =`` lookup), stopping at a full page. Fast when most notes match (a page
  of 100 costs about 100 lookups), hopeless when few do.

FTS5 cannot say cheaply how many notes match (counting reads the whole doclist), so the probe first
looks at the first :data:`PROBE_SAMPLE` candidates: when fewer than 1 in :data:`PROBE_FACTOR` of them
match, the default plan answers (a rare word pays those few lookups, about 1 ms). Otherwise the probe reads
at most ``PROBE_FACTOR`` times a page of candidates: if they give a full page, that page is exact (the
candidates are the first ones in page order); if not (the sample was luckier than the rest), the default
plan answers after all.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from frontlines.store.base import EventQuery
from frontlines.store.search import search_terms
from frontlines.store.where import text_probe_condition, where_clause

#: Candidates the probe may look at, per row of the page: a full page from them needs at least 1 note in
#: this many to match (25 %). A failed probe costs this many FTS lookups per row of the page.
PROBE_FACTOR = 4
#: Pages larger than this never probe: a failed probe of a 1,000-row page would cost 4,000 lookups.
PROBE_MAX_ROWS = 250
#: Candidates whose notes are looked at before deciding to probe: enough to tell 1 in 4 from 1 in 20.
PROBE_SAMPLE = 40
#: The order of every event list; the indexes of migration 0006 serve it.
ORDER = " ORDER BY event_date, event_id"


def page_rows(
    conn: sqlite3.Connection, table: str, columns: Sequence[str], query: EventQuery
) -> Iterable[tuple[Any, ...]]:
    """The ``columns`` of the rows of ``table`` matching ``query``, by date then id; at most
    ``query.limit`` of them unless the query has a ``near`` circle (its exact distance is checked by the
    caller, which applies the limit after it). A cursor, or a list when the probe answered."""
    limit = None if query.circle is not None else query.limit
    select = f"SELECT {', '.join(columns)} FROM {table}"
    if query.text is not None and limit is not None and 0 < limit <= PROBE_MAX_ROWS:
        rows = _probe(conn, table, select, query, limit)
        if rows is not None:
            return rows
    where, params = where_clause(query, table=table)
    sql = select + (" WHERE " + " AND ".join(where) if where else "") + ORDER
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return conn.execute(sql, params)


def _probe(
    conn: sqlite3.Connection, table: str, select: str, query: EventQuery, limit: int
) -> list[tuple[Any, ...]] | None:
    """The page by the order-first plan, or None when the first ``PROBE_FACTOR * limit`` candidates hold
    fewer than ``limit`` matches (then only the default plan knows the page)."""
    other, params = where_clause(dataclasses.replace(query, text=None), table=table)
    condition = " WHERE " + " AND ".join(other) if other else ""
    if query.text is None or not _common(conn, table, condition, params, search_terms(query.text)):
        return None
    # the last candidate the probe may look at: the page is exact up to it
    bound = conn.execute(
        f"SELECT event_date, event_id FROM {table}{condition}{ORDER} LIMIT 1 OFFSET ?",
        [*params, PROBE_FACTOR * limit - 1],
    ).fetchone()
    where, params = where_clause(query, table=table, text_probe=True)
    if bound is not None:
        where.append("(event_date, event_id) <= (?, ?)")
        params += list(bound)
    rows = conn.execute(f"{select} WHERE {' AND '.join(where)}{ORDER} LIMIT ?", [*params, limit]).fetchall()
    if len(rows) < limit and bound is not None:
        return None
    return rows


def _common(
    conn: sqlite3.Connection, table: str, condition: str, params: list[Any], terms: tuple[str, ...]
) -> bool:
    """Whether at least 1 in :data:`PROBE_FACTOR` of the first :data:`PROBE_SAMPLE` candidates (the rows
    that pass ``condition``, the filters but the text, in page order) hold ``terms`` in their notes."""
    match: list[Any] = []
    probe = text_probe_condition(terms, table, "candidate.fl_rowid", match)
    sampled, matched = conn.execute(
        f"SELECT count(*), count(*) FILTER (WHERE {probe}) FROM"
        f" (SELECT rowid AS fl_rowid FROM {table}{condition}{ORDER} LIMIT ?) AS candidate",
        [*match, *params, PROBE_SAMPLE],
    ).fetchone()
    return matched * PROBE_FACTOR >= sampled

"""Moving a store across engines: ``copy_store(source, target)`` copies every table, row for row, then
verifies that both hold the same counts and the same checksum of canonical events and of reports.

Rows keep their ids and timestamps (``ingested_at``, ``first_seen``, the run log). Inserts use
``ON CONFLICT DO NOTHING``, so a copy killed halfway is completed by running it again; a target that
already held other rows fails the verification instead of passing silently.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from frontlines.errors import StoreError
from frontlines.store.base import CanonicalRepository, EventQuery
from frontlines.store.rows import event_to_record

#: Rows per read and per insert transaction.
COPY_CHUNK = 2000

#: (table, primary key, columns) in an order that satisfies the foreign keys; the columns both
#: engines' migrations create (PostgreSQL's own ``geog`` and ``seq`` are derived there).
TABLES: tuple[tuple[str, str, tuple[str, ...]], ...] = tuple(
    (table, key, tuple(columns.split()))
    for table, key, columns in (
        (
            "articles",
            "article_id",
            "article_id origin title text published source url language extra ingested_at",
        ),
        (
            "events",
            "event_id",
            "event_id event_date time_precision event_type sub_event_type actor1 assoc_actor_1 inter1 actor2"
            " assoc_actor_2 inter2 interaction country iso3 admin1 admin2 admin3 location latitude longitude"
            " geo_precision fatalities source notes article_ids unverified claim",
        ),
        ("evidence", "event_id, seq", 'event_id seq article_id field quote start "end"'),
        ("rejections", "rejection_id", "rejection_id origin stage code detail article_id first_seen"),
        ("runs", "run_id", "run_id started config_hash counts"),
        (
            "canonical_events",
            "event_id",
            "event_id event_date time_precision event_type sub_event_type actor1 assoc_actor_1 inter1 actor2"
            " assoc_actor_2 inter2 interaction country iso3 admin1 admin2 admin3 location latitude longitude"
            " geo_precision fatalities source unverified claim notes article_ids sources_count"
            " independent_sources fatalities_min fatalities_max outlets contradictions",
        ),
        ("canonical_reports", "event_id", "event_id canonical_id"),
        ("ingest_runs", "run_id", "run_id started finished inputs counts"),
        ("ingested_files", "digest", "digest path run_id articles events done_at"),
    )
)
_FLAGS = ("unverified", "claim")


@dataclass(frozen=True, slots=True)
class StoreDigest:
    """What a store holds, in numbers: rows per table and checksums of its reports and canonical events."""

    rows: dict[str, int]
    reports_sha256: str
    canonical_sha256: str


@dataclass(frozen=True, slots=True)
class CopySummary:
    """What a copy wrote (new rows per table) and the digest both stores share afterwards."""

    written: dict[str, int]
    digest: StoreDigest


def _is_postgres(repo: object) -> bool:
    return type(repo).__name__ == "PostgresRepository"


def _mark(repo: object) -> str:
    return "%s" if _is_postgres(repo) else "?"


def _read(repo: Any, table: str, key: str, columns: Sequence[str]) -> Iterator[list[tuple[Any, ...]]]:
    """The rows of ``table`` by primary key, a chunk at a time (keyset pagination)."""
    keys = [k.strip() for k in key.split(",")]
    positions = [columns.index(k) for k in keys]
    mark = _mark(repo)
    last: tuple[Any, ...] | None = None
    while True:
        sql = f"SELECT {', '.join(columns)} FROM {table}"
        params: list[Any] = []
        if last is not None:
            sql += f" WHERE ({key}) > ({', '.join([mark] * len(keys))})"
            params += list(last)
        sql += f" ORDER BY {key} LIMIT {COPY_CHUNK}"
        rows = [tuple(r) for r in repo._conn.execute(sql, params).fetchall()]
        if not rows:
            return
        yield rows
        last = tuple(rows[-1][p] for p in positions)


def _convert(rows: list[tuple[Any, ...]], columns: Sequence[str], to_postgres: bool) -> list[tuple[Any, ...]]:
    """Flags as booleans for PostgreSQL, as 0/1 for SQLite; everything else is the same value."""
    flags = [i for i, c in enumerate(columns) if c in _FLAGS]
    if not flags:
        return rows
    out = []
    for row in rows:
        values = list(row)
        for i in flags:
            values[i] = bool(values[i]) if to_postgres else int(bool(values[i]))
        out.append(tuple(values))
    return out


def _write(repo: Any, table: str, key: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> int:
    mark = _mark(repo)
    sql = (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})"
        f" ON CONFLICT ({key}) DO NOTHING"
    )
    before = _count(repo, table)
    with repo._transaction() as conn:
        if _is_postgres(repo):
            with conn.cursor() as cur:
                cur.executemany(sql, _convert(rows, columns, True))
        else:
            conn.executemany(sql, _convert(rows, columns, False))
    return _count(repo, table) - before


def _count(repo: Any, table: str) -> int:
    return int(repo._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _checksum(records: Iterator[dict[str, Any]]) -> str:
    digest = hashlib.sha256()
    for record in records:
        digest.update(json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def digest(repo: CanonicalRepository) -> StoreDigest:
    """Row counts of every copied table, and SHA-256 checksums of the reports and of the canonical
    events as the store gives them back (by date then id, every field, evidence and report ids)."""
    reports = (event_to_record(e) for e in repo.events(EventQuery()))
    canonical = (
        {
            **event_to_record(c.event),
            "report_ids": list(c.report_ids),
            "outlets": list(c.outlets),
            "sources_count": c.sources_count,
            "independent_sources": c.independent_sources,
            "fatalities_min": c.fatalities_min,
            "fatalities_max": c.fatalities_max,
            "contradictions": [[x.field, x.detail, list(x.report_ids)] for x in c.contradictions],
        }
        for c in repo.canonical_events(EventQuery())
    )
    return StoreDigest(
        rows={table: _count(repo, table) for table, _, _ in TABLES},
        reports_sha256=_checksum(reports),
        canonical_sha256=_checksum(canonical),
    )


def copy_store(source: CanonicalRepository, target: CanonicalRepository) -> CopySummary:
    """Copy every row of ``source`` into ``target`` (either engine to either), then verify.

    Raises StoreError when the two stores differ afterwards (counts or checksums), naming what differs.
    """
    written: dict[str, int] = {}
    for table, key, columns in TABLES:
        written[table] = 0
        for rows in _read(source, table, key, columns):
            written[table] += _write(target, table, key, columns, rows)
    if _is_postgres(target):
        # explicit run ids were inserted: the next run must take an id after them
        target._conn.execute(  # type: ignore[attr-defined]
            "SELECT setval(pg_get_serial_sequence('runs', 'run_id'), GREATEST(max(run_id), 1)) FROM runs"
        )
    want, got = digest(source), digest(target)
    if want != got:
        differs = [t for t in want.rows if want.rows[t] != got.rows.get(t)]
        if want.reports_sha256 != got.reports_sha256:
            differs.append("reports checksum")
        if want.canonical_sha256 != got.canonical_sha256:
            differs.append("canonical events checksum")
        raise StoreError(
            f"the copy differs from its source in {', '.join(differs)}",
            "copy into an empty database (the target held other rows), or report this",
        )
    return CopySummary(written, got)

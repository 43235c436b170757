"""The PostgreSQL repository: a store many processes and desks share (``--db postgresql://...``).

Same protocol, ids and semantics as :mod:`frontlines.store.sqlite`: one transaction per
:meth:`PostgresRepository.add_batch`, rows inserted with ``ON CONFLICT DO NOTHING`` on the caller's
content-hash ids (so concurrent writers of the same records add them once: the second waits for the
first's transaction, then inserts nothing), ``ingested_at``/``first_seen`` kept from the first insert.
The merge holds a session advisory lock (:meth:`PostgresRepository.merge_lock`) so two merges never
interleave. ``near`` is answered by the GiST index on the PostGIS ``geog`` point, then the exact
great-circle distance is checked here, as in SQLite.

PostgreSQL text cannot hold NUL characters: a record with one is refused with a StoreError naming it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from types import TracebackType
from typing import Any, Self

import psycopg
from psycopg.conninfo import conninfo_to_dict

from frontlines.errors import StoreError
from frontlines.model import Article, Event, Rejection
from frontlines.store.base import BatchCounts, EventQuery, StoreCounts, haversine_km
from frontlines.store.postgres_canonical import CanonicalPostgres
from frontlines.store.postgres_reading import ReadingPostgres
from frontlines.store.postgres_schema import MERGE_LOCK, migrate_postgres, postgres_migrations
from frontlines.store.rows import EVENT_COLUMNS, event_from_record, event_to_record
from frontlines.store.runlog import PostgresRunLog
from frontlines.store.schema import Migration
from frontlines.store.sqlite import rejection_id
from frontlines.store.where import where_clause

#: Seconds to wait for the server when connecting.
CONNECT_TIMEOUT_S = 10
#: Rows per page when streaming query results (keyset pagination on date and id).
PAGE = 500

_EVENT_TABLE_COLUMNS: tuple[str, ...] = tuple(c for c in EVENT_COLUMNS if c != "evidence")
_EVIDENCE_COLUMNS = ("article_id", "field", "quote", "start", '"end"')


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def display_url(url: str) -> str:
    """``url`` without its password, for messages: ``postgresql://user@host:port/db``."""
    try:
        parts = conninfo_to_dict(url)
    except psycopg.Error:
        return "postgresql://(unparseable URL)"
    user = f"{parts['user']}@" if parts.get("user") else ""
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"postgresql://{user}{parts.get('host') or 'localhost'}{port}/{parts.get('dbname') or ''}"


def first_line(exc: BaseException) -> str:
    """The first line of an error's text (psycopg's messages run over several)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class PostgresRepository(CanonicalPostgres, ReadingPostgres, PostgresRunLog):
    """A :class:`~frontlines.store.base.Repository` in a PostgreSQL database (with PostGIS).

    Opening applies the migrations not yet recorded (under an advisory lock). ``clock`` gives the
    timestamps of ``ingested_at``, ``first_seen`` and ``runs.started``. One connection, used from the
    thread that opened it; open one repository per process or thread.
    """

    def __init__(
        self,
        url: str,
        *,
        migrations: Sequence[Migration] | None = None,
        clock: Callable[[], dt.datetime] = _utc_now,
    ) -> None:
        self.url = url
        self.path = display_url(url)
        self._clock = clock
        self._run: tuple[int, str, BatchCounts] | None = None
        #: set while a failed batch is written again row by row to name the record at fault
        self._row_by_row = False
        try:
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
        except psycopg.Error as exc:
            raise StoreError(
                f"cannot connect to PostgreSQL database {self.path}: {first_line(exc)}",
                "check that the server runs, the database exists and the user may log in",
            ) from exc
        try:
            migrate_postgres(
                self._conn,
                postgres_migrations() if migrations is None else migrations,
                where=self.path,
                now=self._now,
            )
        except psycopg.Error as exc:
            self._conn.close()
            raise self._error("cannot open", exc) from exc
        except BaseException:
            self._conn.close()
            raise

    # -- housekeeping ----------------------------------------------------------------------------

    def _now(self) -> str:
        return self._clock().isoformat(timespec="seconds")

    def _error(self, doing: str, exc: BaseException) -> StoreError:
        if isinstance(exc, psycopg.errors.InsufficientPrivilege):
            return StoreError(
                f"cannot write database {self.path}: {first_line(exc)}", "grant the user write access"
            )
        return StoreError(
            f"{doing} database {self.path}: {first_line(exc)}",
            "check the server and its log, then run again (re-running completes the work)",
        )

    @contextmanager
    def _transaction(self) -> Iterator[psycopg.Connection]:
        with self._conn.transaction():
            yield self._conn

    @contextmanager
    def _naming(self, kind: str, record_id: str) -> Iterator[None]:
        """Turn a constraint violation or a NUL character into a StoreError naming the record."""
        try:
            yield
        except (psycopg.IntegrityError, psycopg.DataError) as exc:
            raise StoreError(
                f"{kind} {record_id} breaks a constraint of database {self.path} ({first_line(exc)});"
                " its batch was not written",
                "fix the stage that made it: required fields set, coordinates in range, codes valid,"
                " each evidence quote once per event, no NUL characters",
            ) from exc

    @contextmanager
    def merge_lock(self) -> Iterator[None]:
        """Hold the store's merge lock (a session advisory lock): one merge at a time, any process."""
        self._conn.execute("SELECT pg_advisory_lock(%s)", (MERGE_LOCK,))
        try:
            yield
        finally:
            if not self._conn.closed:
                self._conn.execute("SELECT pg_advisory_unlock(%s)", (MERGE_LOCK,))

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------

    def add_batch(
        self,
        articles: Sequence[Article],
        events: Sequence[Event],
        rejections: Sequence[Rejection],
        *,
        run_config: str,
    ) -> BatchCounts:
        """Write articles, events (with evidence) and rejections in one transaction; returns what was new.

        Rows go in with one ``executemany`` per table (pipelined). When a record breaks a constraint
        the transaction is rolled back and the batch written again row by row, to name the record in
        the StoreError. Any other database error becomes a StoreError naming the database; anything
        else propagates unchanged. Either way nothing of the batch stays.
        """
        now = self._now()
        try:
            try:
                return self._write_batch(articles, events, rejections, run_config, now)
            except (psycopg.IntegrityError, psycopg.DataError):
                self._row_by_row = True
                try:
                    return self._write_batch(articles, events, rejections, run_config, now)
                finally:
                    self._row_by_row = False
        except psycopg.Error as exc:
            raise self._error("cannot write to", exc) from exc

    def _write_batch(
        self,
        articles: Sequence[Article],
        events: Sequence[Event],
        rejections: Sequence[Rejection],
        run_config: str,
        now: str,
    ) -> BatchCounts:
        with self._transaction():
            n_articles = self._insert_articles(articles, now)
            n_events, n_evidence = self._insert_events(events)
            n_rejections = self._insert_rejections(rejections, now)
            batch = BatchCounts(n_articles, n_events, n_evidence, n_rejections)
            run = self._record_run(run_config, batch, now)
        self._run = run
        return batch

    def _insert(self, sql: str, rows: Sequence[Sequence[Any]], names: Sequence[str]) -> list[Any]:
        """Insert ``rows`` with ``sql`` (``... RETURNING key``); returns the keys of the rows inserted.

        Pipelined ``executemany`` normally; row by row, each named by ``names``, when naming a culprit.
        """
        if not rows:
            return []
        inserted: list[Any] = []
        with self._conn.cursor() as cur:
            if not self._row_by_row:
                cur.executemany(sql, rows, returning=True)
                while True:
                    inserted += [row[0] for row in cur.fetchall()]
                    if not cur.nextset():
                        return inserted
            for row, name in zip(rows, names, strict=True):
                kind, _, record_id = name.partition(" ")
                with self._naming(kind, record_id):
                    cur.execute(sql, row)
                inserted += [r[0] for r in cur.fetchall()]
        return inserted

    def _insert_articles(self, articles: Sequence[Article], now: str) -> int:
        rows = [
            (
                art.article_id,
                art.origin,
                art.title,
                art.text,
                None if art.published is None else art.published.isoformat(),
                art.source,
                art.url,
                art.language,
                # free-form reader metadata: values JSON lacks (dates) are kept as text
                json.dumps(dict(art.extra), ensure_ascii=False, sort_keys=True, default=str),
                now,
            )
            for art in articles
        ]
        sql = (
            "INSERT INTO articles (article_id, origin, title, text, published, source, url, language,"
            " extra, ingested_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
            " ON CONFLICT (article_id) DO NOTHING RETURNING article_id"
        )
        return len(self._insert(sql, rows, [f"article {a.article_id}" for a in articles]))

    def _insert_events(self, events: Sequence[Event]) -> tuple[int, int]:
        columns = ", ".join(_EVENT_TABLE_COLUMNS)
        marks = ", ".join(["%s"] * len(_EVENT_TABLE_COLUMNS))
        rows = []
        for event in events:
            record = event_to_record(event)
            record["article_ids"] = _dump(record["article_ids"])
            rows.append([record[c] for c in _EVENT_TABLE_COLUMNS])
        names = [f"event {e.event_id}" for e in events]
        new = set(
            self._insert(
                f"INSERT INTO events ({columns}) VALUES ({marks})"
                " ON CONFLICT (event_id) DO NOTHING RETURNING event_id",
                rows,
                names,
            )
        )
        # evidence of the events inserted now only, each id once: a stored event keeps its own, and
        # of one id sent twice the first version wins
        fresh = []
        for event in events:
            if event.event_id in new:
                fresh.append(event)
                new.discard(event.event_id)
        evidence = [
            (event.event_id, seq, ev.article_id, ev.field, ev.quote, ev.start, ev.end)
            for event in fresh
            for seq, ev in enumerate(event.evidence)
        ]
        self._insert(
            f"INSERT INTO evidence (event_id, seq, {', '.join(_EVIDENCE_COLUMNS)})"
            " VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING event_id",
            evidence,
            [f"event {row[0]}" for row in evidence],
        )
        return len(fresh), len(evidence)

    def _insert_rejections(self, rejections: Sequence[Rejection], now: str) -> int:
        rows = [
            (rejection_id(rej), rej.origin, rej.stage, rej.code, rej.detail, rej.article_id, now)
            for rej in rejections
        ]
        sql = (
            "INSERT INTO rejections (rejection_id, origin, stage, code, detail, article_id, first_seen)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (rejection_id) DO NOTHING"
            " RETURNING rejection_id"
        )
        names = [f"rejection of {rej.article_id} ({rej.origin})" for rej in rejections]
        return len(self._insert(sql, rows, names))

    def _record_run(self, config_hash: str, batch: BatchCounts, now: str) -> tuple[int, str, BatchCounts]:
        if self._run is None or self._run[1] != config_hash:
            row = self._conn.execute(
                "INSERT INTO runs (started, config_hash, counts) VALUES (%s, %s, '{}') RETURNING run_id",
                (now, config_hash),
            ).fetchone()
            run_id, total = int(row[0]) if row else 0, batch
        else:
            run_id, total = self._run[0], self._run[2] + batch
        counts = {
            "articles": total.articles,
            "events": total.events,
            "evidence": total.evidence,
            "rejections": total.rejections,
        }
        self._conn.execute("UPDATE runs SET counts = %s WHERE run_id = %s", (_dump(counts), run_id))
        return run_id, config_hash, total

    # -- reading ---------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id is stored."""
        row = self._conn.execute("SELECT 1 FROM articles WHERE article_id = %s", (article_id,)).fetchone()
        return row is not None

    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of ``ids`` already stored, so a re-run can skip them."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return set()
        rows = self._conn.execute("SELECT article_id FROM articles WHERE article_id = ANY(%s)", (wanted,))
        return {r[0] for r in rows}

    def counts(self) -> StoreCounts:
        """Row counts of the four data tables."""
        row = self._conn.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),"
            " (SELECT count(*) FROM evidence), (SELECT count(*) FROM rejections)"
        ).fetchone()
        assert row is not None
        return StoreCounts(*(int(n) for n in row))

    def rejections(self) -> Iterator[Rejection]:
        """The rejection log in the order first seen."""
        rows = self._conn.execute(
            "SELECT origin, stage, code, detail, article_id FROM rejections ORDER BY first_seen, seq"
        ).fetchall()
        for origin, stage, code, detail, article_id in rows:
            yield Rejection(origin=origin, stage=stage, code=code, detail=detail, article_id=article_id)

    def _pages(self, table: str, columns: Sequence[str], query: EventQuery) -> Iterator[list[dict[str, Any]]]:
        """Rows of ``table`` matching ``query``'s SQL filters, by date then id, a page at a time.

        Keyset pagination (``(event_date, event_id) > last``): no cursor stays open between pages, so
        the caller may run other queries (evidence) while it streams.
        """
        where, params = where_clause(query, "postgresql", table=table)
        last: tuple[str, str] | None = None
        while True:
            conditions = list(where)
            page_params = list(params)
            if last is not None:
                conditions.append("(event_date, event_id) > (%s, %s)")
                page_params += list(last)
            sql = f"SELECT {', '.join(columns)} FROM {table}"
            if conditions:
                sql += " WHERE " + " AND ".join(conditions)
            sql += " ORDER BY event_date, event_id LIMIT %s"
            rows = self._conn.execute(sql, [*page_params, PAGE]).fetchall()
            if not rows:
                return
            records = [dict(zip(columns, row, strict=True)) for row in rows]
            last = (records[-1]["event_date"], records[-1]["event_id"])
            circle = query.circle
            if circle is not None:
                records = [
                    r
                    for r in records
                    if haversine_km(circle.lat, circle.lon, r["latitude"], r["longitude"]) <= circle.km
                ]
            yield records
            if len(rows) < PAGE:
                return

    def events(self, query: EventQuery) -> Iterator[Event]:
        """Events matching every filter of ``query``, ordered by date then event id, streamed."""
        if query.limit == 0:
            return
        emitted = 0
        for records in self._pages("events", _EVENT_TABLE_COLUMNS, query):
            evidence = self._evidence_of([r["event_id"] for r in records])
            for record in records:
                record["article_ids"] = json.loads(record["article_ids"])
                record["evidence"] = evidence.get(record["event_id"], [])
                yield event_from_record(record)
                emitted += 1
                if query.limit is not None and emitted >= query.limit:
                    return

    def _evidence_of(self, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        found: dict[str, list[dict[str, Any]]] = {}
        if not event_ids:
            return found
        rows = self._conn.execute(
            f"SELECT event_id, {', '.join(_EVIDENCE_COLUMNS)} FROM evidence"
            " WHERE event_id = ANY(%s) ORDER BY event_id, seq",
            (event_ids,),
        )
        for event_id, article_id, field, quote, start, end in rows:
            found.setdefault(event_id, []).append(
                {"article_id": article_id, "field": field, "quote": quote, "start": start, "end": end}
            )
        return found

"""The SQLite repository: the default store, one file, one writer at a time (WAL), readers in parallel.

Writes: one ``BEGIN IMMEDIATE`` transaction per :meth:`SqliteRepository.add_batch`, so a killed ingest
leaves every earlier batch whole and nothing of the one it was writing; re-running completes it (the
caller skips :meth:`~SqliteRepository.known_article_ids`). Rows are inserted with ``ON CONFLICT (id) DO
NOTHING`` on the caller's content-hash ids (not ``INSERT OR IGNORE``, which would also drop rows that
break a CHECK silently): the first version of an id wins and ``ingested_at``/``first_seen`` keep the
time of the first insert, so a re-run with the same input changes no table except ``runs``.

Rejections are a log, not a state: an article rejected by one run and accepted by a later one (say
after a config change) has both its rejection row and its article/event rows. Filter the log by
``article_id`` against the articles table when you need "still rejected".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from frontlines.errors import StoreError
from frontlines.model import Article, Event, Rejection
from frontlines.store.base import BatchCounts, EventQuery, StoreCounts, haversine_km
from frontlines.store.canonical import CanonicalSqlite
from frontlines.store.pages import page_rows
from frontlines.store.reading import ReadingSqlite
from frontlines.store.rows import EVENT_COLUMNS, event_from_record, event_to_record, stored_record
from frontlines.store.runlog import SqliteRunLog
from frontlines.store.schema import Migration, load_migrations, migrate

#: Seconds a writer waits for another writer's lock before giving up with StoreError.
BUSY_TIMEOUT_S = 30.0
#: Ids per ``IN (...)`` list: well under SQLite's bound-parameter limit on every version.
ID_CHUNK = 500
#: Event rows fetched per round trip when streaming query results (their evidence is fetched per chunk).
FETCH_CHUNK = 500

#: Columns of the events table, in table order: the record without its evidence (kept in its own table).
_EVENT_TABLE_COLUMNS: tuple[str, ...] = tuple(c for c in EVENT_COLUMNS if c != "evidence")
_EVIDENCE_COLUMNS = ("article_id", "field", "quote", "start", '"end"')


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def rejection_id(rejection: Rejection) -> str:
    """Content hash of origin, stage, code and article id: the same rejection twice is one row."""
    parts = (rejection.origin, rejection.stage, rejection.code, rejection.article_id or "")
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


class SqliteRepository(CanonicalSqlite, ReadingSqlite, SqliteRunLog):
    """A :class:`~frontlines.store.base.Repository` in one SQLite file (``":memory:"`` for tests).

    Opening applies the migrations not yet recorded in ``schema_migrations``. ``clock`` gives the
    timestamps of ``ingested_at``, ``first_seen`` and ``runs.started`` (UTC now by default).
    One connection, used from the thread that opened it.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        migrations: Sequence[Migration] | None = None,
        clock: Callable[[], dt.datetime] = _utc_now,
    ) -> None:
        self.path = str(path)
        self._clock = clock
        self._run: tuple[int, str, BatchCounts] | None = None
        self._conn = self._connect()
        try:
            self._configure()
            migrate(
                self._conn,
                load_migrations() if migrations is None else migrations,
                where=self.path,
                now=self._now,
            )
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise self._error("cannot open", exc) from exc
        except BaseException:
            self._conn.close()
            raise

    # -- opening -------------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        if self.path != ":memory:":
            parent = Path(self.path).parent
            if not parent.is_dir():
                if parent.exists():
                    problem, todo = "is not a folder", "pass another path with --db"
                else:
                    problem, todo = "does not exist", "create the folder or pass another path with --db"
                raise StoreError(f"cannot open database {self.path}: {parent} {problem}", todo)
        try:
            return sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except sqlite3.Error as exc:
            raise self._error("cannot open", exc) from exc

    def _configure(self) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.create_function("fl_casefold", 1, _casefold, deterministic=True)

    def _error(self, doing: str, exc: BaseException) -> StoreError:
        text = str(exc)
        if "not a database" in text:
            return StoreError(
                f"{self.path} is not a SQLite database",
                "pass another file with --db, or move this one away and run again",
            )
        if "readonly" in text or "unable to open" in text:
            return StoreError(
                f"cannot write database {self.path}: {text}",
                "check the file's permissions or pass another --db",
            )
        if "locked" in text or "busy" in text:
            return StoreError(
                f"database {self.path} is locked by another writer", "wait for it to finish and run again"
            )
        return StoreError(f"{doing} database {self.path}: {text}", "check the file, or pass another --db")

    # -- housekeeping ----------------------------------------------------------------------------

    def _now(self) -> str:
        return self._clock().isoformat(timespec="seconds")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    @contextmanager
    def _naming(self, kind: str, record_id: str) -> Iterator[None]:
        """Turn a constraint violation into a StoreError naming the record (the batch rolls back)."""
        try:
            yield
        except sqlite3.IntegrityError as exc:
            raise StoreError(
                f"{kind} {record_id} breaks a constraint of database {self.path} ({exc});"
                " its batch was not written",
                "fix the stage that made it: required fields set, coordinates in range, codes valid,"
                " each evidence quote once per event",
            ) from exc

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

        ``run_config`` is the run's config hash, kept in ``runs`` with the cumulative counts of this
        session. A failure rolls the whole batch back: a sqlite error becomes StoreError naming the
        database (and the event, for a constraint), anything else propagates unchanged.
        """
        now = self._now()
        try:
            with self._transaction():
                n_articles = self._insert_articles(articles, now)
                n_events, n_evidence = self._insert_events(events)
                n_rejections = self._insert_rejections(rejections, now)
                batch = BatchCounts(n_articles, n_events, n_evidence, n_rejections)
                run = self._record_run(run_config, batch, now)
        except sqlite3.Error as exc:
            raise self._error("cannot write to", exc) from exc
        self._run = run
        return batch

    def _insert_articles(self, articles: Sequence[Article], now: str) -> int:
        added = 0
        for art in articles:
            with self._naming("article", art.article_id):
                cur = self._conn.execute(
                    "INSERT INTO articles (article_id, origin, title, text, published, source, url,"
                    " language, extra, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (article_id) DO NOTHING",
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
                    ),
                )
            added += cur.rowcount
        return added

    def _insert_events(self, events: Sequence[Event]) -> tuple[int, int]:
        columns = ", ".join(_EVENT_TABLE_COLUMNS)
        marks = ", ".join("?" * len(_EVENT_TABLE_COLUMNS))
        insert_event = f"INSERT INTO events ({columns}) VALUES ({marks}) ON CONFLICT (event_id) DO NOTHING"
        insert_evidence = (
            f"INSERT INTO evidence (event_id, seq, {', '.join(_EVIDENCE_COLUMNS)})"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"
        )
        n_events = n_evidence = 0
        for event in events:
            record = event_to_record(event)
            record["article_ids"] = _dump(record["article_ids"])
            with self._naming("event", event.event_id):
                cur = self._conn.execute(insert_event, [record[c] for c in _EVENT_TABLE_COLUMNS])
                if cur.rowcount == 0:
                    continue  # stored before, with its evidence: the first version wins
                self._conn.executemany(
                    insert_evidence,
                    [
                        (event.event_id, seq, ev.article_id, ev.field, ev.quote, ev.start, ev.end)
                        for seq, ev in enumerate(event.evidence)
                    ],
                )
            n_events += 1
            n_evidence += len(event.evidence)
        return n_events, n_evidence

    def _insert_rejections(self, rejections: Sequence[Rejection], now: str) -> int:
        added = 0
        for rej in rejections:
            with self._naming("rejection of", f"{rej.article_id} ({rej.origin})"):
                cur = self._conn.execute(
                    "INSERT INTO rejections (rejection_id, origin, stage, code, detail, article_id,"
                    " first_seen) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (rejection_id) DO NOTHING",
                    (rejection_id(rej), rej.origin, rej.stage, rej.code, rej.detail, rej.article_id, now),
                )
            added += cur.rowcount
        return added

    def _record_run(self, config_hash: str, batch: BatchCounts, now: str) -> tuple[int, str, BatchCounts]:
        if self._run is None or self._run[1] != config_hash:
            cur = self._conn.execute(
                "INSERT INTO runs (started, config_hash, counts) VALUES (?, ?, '{}')", (now, config_hash)
            )
            run_id, total = int(cur.lastrowid or 0), batch
        else:
            run_id, total = self._run[0], self._run[2] + batch
        counts = {
            "articles": total.articles,
            "events": total.events,
            "evidence": total.evidence,
            "rejections": total.rejections,
        }
        self._conn.execute("UPDATE runs SET counts = ? WHERE run_id = ?", (_dump(counts), run_id))
        return run_id, config_hash, total

    # -- reading ---------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id is stored."""
        row = self._conn.execute("SELECT 1 FROM articles WHERE article_id = ?", (article_id,)).fetchone()
        return row is not None

    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of ``ids`` already stored, so a re-run can skip them."""
        wanted = list(dict.fromkeys(ids))
        known: set[str] = set()
        for i in range(0, len(wanted), ID_CHUNK):
            chunk = wanted[i : i + ID_CHUNK]
            marks = ", ".join("?" * len(chunk))
            rows = self._conn.execute(f"SELECT article_id FROM articles WHERE article_id IN ({marks})", chunk)
            known.update(r[0] for r in rows)
        return known

    def counts(self) -> StoreCounts:
        """Row counts of the four data tables."""
        row = self._conn.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),"
            " (SELECT count(*) FROM evidence), (SELECT count(*) FROM rejections)"
        ).fetchone()
        return StoreCounts(*row)

    def rejections(self) -> Iterator[Rejection]:
        """The rejection log in the order first seen."""
        cur = self._conn.execute(
            "SELECT origin, stage, code, detail, article_id FROM rejections ORDER BY first_seen, rowid"
        )
        for origin, stage, code, detail, article_id in cur:
            yield Rejection(origin=origin, stage=stage, code=code, detail=detail, article_id=article_id)

    def events(self, query: EventQuery) -> Iterator[Event]:
        """Events matching every filter of ``query``, ordered by date then event id, streamed.

        SQL does the indexed filters (and, for ``near``, a bounding-box prefilter); the exact
        great-circle distance is checked here, and ``limit`` counts events after that check.
        """
        return (event_from_record(record) for record in self.event_records(query))

    def event_records(self, query: EventQuery) -> Iterator[dict[str, Any]]:
        """The records of :meth:`events` (what :func:`~frontlines.store.rows.event_to_record` makes of
        each), read straight from the rows (:func:`~frontlines.store.rows.stored_record`)."""
        circle = query.circle
        if query.limit == 0:
            return
        found = iter(page_rows(self._conn, "events", _EVENT_TABLE_COLUMNS, query))
        emitted = 0
        while rows := list(itertools.islice(found, FETCH_CHUNK)):
            records = [dict(zip(_EVENT_TABLE_COLUMNS, row, strict=True)) for row in rows]
            if circle is not None:
                records = [
                    r
                    for r in records
                    if haversine_km(circle.lat, circle.lon, r["latitude"], r["longitude"]) <= circle.km
                ]
            evidence = self._evidence_of([r["event_id"] for r in records])
            for record in records:
                record["article_ids"] = json.loads(record["article_ids"])
                record["evidence"] = evidence.get(record["event_id"], [])
                yield stored_record(record)
                emitted += 1
                if query.limit is not None and emitted >= query.limit:
                    return

    def _evidence_of(self, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        found: dict[str, list[dict[str, Any]]] = {}
        for i in range(0, len(event_ids), ID_CHUNK):
            chunk = event_ids[i : i + ID_CHUNK]
            marks = ", ".join("?" * len(chunk))
            rows = self._conn.execute(
                f"SELECT event_id, {', '.join(_EVIDENCE_COLUMNS)} FROM evidence"
                f" WHERE event_id IN ({marks}) ORDER BY event_id, seq",
                chunk,
            )
            for event_id, article_id, field, quote, start, end in rows:
                found.setdefault(event_id, []).append(
                    {"article_id": article_id, "field": field, "quote": quote, "start": start, "end": end}
                )
        return found


def _casefold(value: str | None) -> str | None:
    return None if value is None else value.casefold()

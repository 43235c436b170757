"""PostgresRepository only: the schema agrees with SQLite's, concurrent writers and merges, the
PostGIS index, and one-line errors."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import psycopg
import pytest

from frontlines.errors import StoreError
from frontlines.merge import merge_events
from frontlines.merge.store import merge_pending, merge_store
from frontlines.store import BatchCounts, EventQuery, SqliteRepository, StoreCounts, open_repository
from frontlines.store.postgres import PostgresRepository, display_url
from frontlines.store.postgres_schema import postgres_migrations
from frontlines.store.schema import load_migrations
from frontlines.store.where import where_clause
from pg_server import PgServer
from unit.merge.factory import report
from unit.store.store_strategies import make_article, make_event

#: Columns only the PostgreSQL schema has: the PostGIS point and the rejection log's insertion order.
PG_ONLY = {("events", "geog"), ("canonical_events", "geog"), ("rejections", "seq")}


def _sqlite_schema(path: Path) -> dict[tuple[str, str], bool]:
    conn = sqlite3.connect(path)
    try:
        # ordinary tables: FTS5's virtual table and its shadow tables are SQLite's index of the notes
        # (PostgreSQL has a GIN index there)
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'"
                " AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            (table, name): bool(notnull or pk)
            for table in tables
            for _, name, _, notnull, _, pk in conn.execute(f"PRAGMA table_info({table})")
        }
    finally:
        conn.close()


def _pg_schema(url: str) -> dict[tuple[str, str], bool]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT c.table_name, c.column_name, c.is_nullable FROM information_schema.columns c"
            " JOIN information_schema.tables t USING (table_schema, table_name)"
            " WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'"
            " AND c.table_name <> 'spatial_ref_sys'"  # PostGIS's own
        ).fetchall()
    return {(t, c): n == "NO" for t, c, n in rows if (t, c) not in PG_ONLY}


def test_postgres_schema_agrees_with_sqlite(tmp_path: Path, pg_server: PgServer) -> None:
    assert [(m.version, m.name) for m in postgres_migrations()] == [
        (m.version, m.name) for m in load_migrations()
    ]
    SqliteRepository(tmp_path / "s.db").close()
    assert _pg_schema(pg_server.new_database()) == _sqlite_schema(tmp_path / "s.db")


def test_postgres_open_repository_url(pg_server: PgServer) -> None:
    with open_repository(pg_server.new_database()) as repo:
        assert isinstance(repo, PostgresRepository)


def test_postgres_nul_character_is_refused_naming_the_event(pg_server: PgServer) -> None:
    with PostgresRepository(pg_server.new_database()) as repo:
        with pytest.raises(StoreError, match=r"event e2 .*NUL") as info:
            repo.add_batch([], [make_event("e1"), make_event("e2", notes="a\x00b")], [], run_config="h")
        assert "\n" not in str(info.value)
        assert repo.counts() == StoreCounts(0, 0, 0, 0)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://ann:secret@127.0.0.1:1/nodb", "postgresql://ann@127.0.0.1:1/nodb"),
        ("postgresql://127.0.0.1:1/nodb", "postgresql://127.0.0.1:1/nodb"),
    ],
)
def test_postgres_connection_error_is_one_line_without_password(url: str, shown: str) -> None:
    with pytest.raises(StoreError) as info:
        PostgresRepository(url)
    message = str(info.value)
    assert f"cannot connect to PostgreSQL database {shown}" in message
    assert "secret" not in message and "\n" not in message
    assert display_url(url) == shown


def test_postgres_missing_database_names_it(pg_server: PgServer) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        PostgresRepository(pg_server.url("no_such_db"))


def test_postgres_near_uses_the_gist_index(pg_server: PgServer) -> None:
    with PostgresRepository(pg_server.new_database()) as repo:
        conn = repo._conn
        with conn.transaction():
            conn.execute("SET LOCAL enable_seqscan = off")
            plan = conn.execute(
                "EXPLAIN SELECT event_id FROM events WHERE"
                " ST_DWithin(geog, ST_SetSRID(ST_MakePoint(36.3, 33.5), 4326)::geography, 10000, false)"
            ).fetchall()
    assert "events_geog" in " ".join(row[0] for row in plan)


@pytest.mark.parametrize(
    ("table", "index"), [("events", "events_notes_search"), ("canonical_events", "canonical_notes_search")]
)
def test_postgres_text_search_uses_the_gin_index(pg_server: PgServer, table: str, index: str) -> None:
    where, params = where_clause(EventQuery(text='air "drone strikes"'), "postgresql", table=table)
    with PostgresRepository(pg_server.new_database()) as repo:
        conn = repo._conn
        with conn.transaction():
            conn.execute("SET LOCAL enable_seqscan = off")
            plan = conn.execute(f"EXPLAIN SELECT event_id FROM {table} WHERE {where[0]}", params).fetchall()
    assert index in " ".join(row[0] for row in plan)


def test_postgres_concurrent_writers_add_each_record_once(pg_server: PgServer) -> None:
    """Four threads, each its own connection, write overlapping batches at once: every record is
    stored once and the batches' new counts add up to the store's."""
    url = pg_server.new_database()
    events = [make_event(f"e{i}") for i in range(40)]
    articles = [make_article(f"a{i}") for i in range(40)]
    added: list[BatchCounts] = []
    start = threading.Barrier(4)

    def write(offset: int) -> None:
        with PostgresRepository(url) as repo:
            start.wait()
            for i in range(0, 40, 5):
                j = (i + offset * 10) % 40
                added.append(repo.add_batch(articles[j : j + 5], events[j : j + 5], [], run_config="w"))

    threads = [threading.Thread(target=write, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    total = sum(added, BatchCounts())
    with PostgresRepository(url) as repo:
        assert repo.counts() == StoreCounts(articles=40, events=40, evidence=80, rejections=0)
        assert total == BatchCounts(articles=40, events=40, evidence=80, rejections=0)
        assert [e.event_id for e in repo.events(EventQuery())] == sorted(e.event_id for e in events)


def test_postgres_merges_wait_for_the_merge_lock(pg_server: PgServer) -> None:
    """A merge started while another process holds the lock waits for it, then gives the full merge."""
    url = pg_server.new_database()
    reports = [report("a1"), report("a2", outlet="AFP"), report("b1", place="Aleppo")]
    with PostgresRepository(url) as first, PostgresRepository(url) as second:
        first.add_batch([], reports[:1], [], run_config="t")
        merge_store(first)
        first.add_batch([], reports[1:], [], run_config="t")
        done = threading.Event()

        def merge_in_second() -> None:
            merge_pending(second, full_share=2.0)
            done.set()

        with first.merge_lock():
            worker = threading.Thread(target=merge_in_second)
            worker.start()
            time.sleep(0.5)
            assert not done.is_set()  # blocked by the lock
        worker.join(timeout=30)
        assert done.is_set()
        stored = sorted((c.canonical_id, c.report_ids) for c in first.canonical_events(EventQuery()))
        assert stored == [(c.canonical_id, c.report_ids) for c in merge_events(reports)]
        # the lock is released: a merge in this session runs at once
        assert merge_pending(first).reports == 0


def test_postgres_concurrent_first_opens_migrate_once(pg_server: PgServer) -> None:
    """Four processes' worth of connections open a blank database at once: the migrations' advisory
    lock lets one apply them; the others find them applied."""
    url = pg_server.new_database(template=None)
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def open_it() -> None:
        start.wait()
        try:
            PostgresRepository(url).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    with psycopg.connect(url) as conn:
        versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY 1")]
    assert versions == [m.version for m in postgres_migrations()]


def test_postgres_url_through_the_cli_option_and_the_environment(
    pg_server: PgServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from typer.testing import CliRunner

    from frontlines.cli.main import app

    url = pg_server.new_database()
    with PostgresRepository(url) as repo:
        repo.add_batch([make_article()], [make_event("e1"), make_event("e2")], [], run_config="h")
    runner = CliRunner()
    listed = runner.invoke(app, ["--db", url, "events", "--reports", "--format", "jsonl"])
    assert listed.exit_code == 0, listed.output
    assert [json.loads(line)["event_id"] for line in listed.stdout.splitlines()] == ["e1", "e2"]
    merged = runner.invoke(app, ["--db", url, "merge"])
    assert merged.exit_code == 0 and "merged 2 reports" in merged.stdout
    monkeypatch.setenv("FRONTLINES_DB", url)
    canonical = runner.invoke(app, ["events", "--format", "jsonl"])
    assert canonical.exit_code == 0 and len(canonical.stdout.splitlines()) >= 1

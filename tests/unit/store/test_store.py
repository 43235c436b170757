"""Every store engine (SQLite, PostgreSQL): round trip, idempotence, transactions, migrations.

The ``engine`` fixture (tests/unit/conftest.py) runs each test on SQLite and on a real PostgreSQL
server; ``db_path`` is where a new store of that engine lives (a file path or a database URL).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import psycopg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.errors import StoreError
from frontlines.model import Event, Evidence, Rejection
from frontlines.store import BatchCounts, EventQuery, Repository, StoreCounts, is_postgres_url
from frontlines.store.rows import event_to_record
from frontlines.store.schema import Migration, load_migrations
from frontlines.store.sqlite import ID_CHUNK, rejection_id
from unit.conftest import Engine
from unit.store.store_strategies import events, make_article, make_event, make_rejection

#: A repository of either engine (both implement the same methods).
Store = Any


class Clock:
    """A clock that ticks one hour per call, so re-written timestamps would show."""

    def __init__(self) -> None:
        self.now = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(hours=1)
        return self.now


@pytest.fixture
def db_path(engine: Engine) -> str:
    """Where a new store of the engine lives (a file path or a PostgreSQL URL)."""
    return engine.new_target()


@pytest.fixture
def repo(engine: Engine, db_path: str) -> Iterator[Store]:
    with engine.open(db_path, clock=Clock()) as r:
        yield r


def _rows(target: str, sql: str) -> list[tuple[object, ...]]:
    """Rows read through a connection of its own (what another process would see)."""
    if is_postgres_url(target):
        with psycopg.connect(target) as pg:
            return [tuple(row) for row in pg.execute(sql).fetchall()]
    conn = sqlite3.connect(target)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _has_table(target: str, name: str) -> bool:
    if is_postgres_url(target):
        return _rows(target, f"SELECT to_regclass('{name}') IS NOT NULL") == [(True,)]
    return bool(_rows(target, f"SELECT name FROM sqlite_master WHERE name = '{name}'"))


def _has_nul(value: object) -> bool:
    """Whether a NUL character is in a text column of ``value`` (PostgreSQL text cannot hold one;
    ``article_ids`` is kept as JSON, where NUL is escaped)."""
    if isinstance(value, Event):
        record = event_to_record(value)
        del record["article_ids"]
        return _has_nul(record)
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(v) for v in value.values())
    if isinstance(value, (tuple, list)):
        return any(_has_nul(v) for v in value)
    return False


# -- round trip ---------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.lists(events(), max_size=6, unique_by=lambda e: e.event_id))
def test_store_roundtrip_events_equal(engine: Engine, batch: list) -> None:
    with engine.scratch() as repo:
        if engine.name == "postgresql" and _has_nul(batch):
            with pytest.raises(StoreError, match="NUL"):
                repo.add_batch([], batch, [], run_config="h")
            return
        repo.add_batch([], batch, [], run_config="h")
        back = list(repo.events(EventQuery()))
    assert back == sorted(batch, key=lambda e: (e.event_date.isoformat(), e.event_id))


def test_store_roundtrip_survives_reopen(engine: Engine, db_path: str) -> None:
    event = make_event(
        notes="«قصف» on “Jobar”\nsecond line",
        evidence=(
            Evidence("a1", "location", "Jobar", 21, 26),
            Evidence("a1", "sub_event_type", "shelled", 10, 17),
        ),
    )
    with engine.open(db_path) as repo:
        repo.add_batch([make_article()], [event], [], run_config="h")
    with engine.open(db_path) as repo:
        (back,) = repo.events(EventQuery())
    assert back == event
    assert [ev.field for ev in back.evidence] == ["location", "sub_event_type"]  # order kept
    assert type(back.sub_event_type).__name__ == "SubEventType"


def test_store_article_columns_written(repo: Store, db_path: str) -> None:
    repo.add_batch([make_article()], [], [], run_config="h")
    (row,) = _rows(db_path, "SELECT article_id, origin, published, extra, ingested_at FROM articles")
    assert row[:3] == ("a1", "examples/jobar.txt", "2017-03-20")
    assert json.loads(str(row[3])) == {"labels": 1, "tags": ["a", "ب"]}
    assert dt.datetime.fromisoformat(str(row[4])).tzinfo is not None


def test_store_is_a_repository(repo: Store) -> None:
    assert isinstance(repo, Repository)


# -- idempotence ---------------------------------------------------------------------------------------


def test_store_add_batch_twice_changes_nothing(repo: Store, db_path: str) -> None:
    batch = (
        [make_article("a1"), make_article("a2")],
        [make_event("e1"), make_event("e2")],
        [make_rejection()],
    )
    first = repo.add_batch(*batch, run_config="h")
    stamps = _rows(db_path, "SELECT article_id, ingested_at FROM articles ORDER BY 1")
    seen = _rows(db_path, "SELECT rejection_id, first_seen FROM rejections")
    second = repo.add_batch(*batch, run_config="h")
    assert first == BatchCounts(articles=2, events=2, evidence=4, rejections=1)
    assert second == BatchCounts()
    assert repo.counts() == StoreCounts(articles=2, events=2, evidence=4, rejections=1)
    assert _rows(db_path, "SELECT article_id, ingested_at FROM articles ORDER BY 1") == stamps
    assert _rows(db_path, "SELECT rejection_id, first_seen FROM rejections") == seen


def test_store_add_batch_counts_only_new(repo: Store) -> None:
    repo.add_batch([make_article("a1")], [make_event("e1")], [], run_config="h")
    counts = repo.add_batch(
        [make_article("a1"), make_article("a2")], [make_event("e1"), make_event("e2")], [], run_config="h"
    )
    assert counts == BatchCounts(articles=1, events=1, evidence=2, rejections=0)


def test_store_first_version_of_an_event_id_wins(repo: Store) -> None:
    repo.add_batch([], [make_event("e1", fatalities=3)], [], run_config="h")
    counts = repo.add_batch([], [make_event("e1", fatalities=9, evidence=())], [], run_config="h")
    (back,) = repo.events(EventQuery())
    assert counts.events == 0
    assert back == make_event("e1", fatalities=3)


def test_store_same_event_id_twice_in_one_batch_keeps_the_first(repo: Store) -> None:
    counts = repo.add_batch(
        [], [make_event("e1", fatalities=3), make_event("e1", fatalities=9)], [], run_config="h"
    )
    assert counts == BatchCounts(articles=0, events=1, evidence=2, rejections=0)
    assert list(repo.events(EventQuery())) == [make_event("e1", fatalities=3)]


def test_store_runs_log_cumulative_counts(repo: Store, db_path: str) -> None:
    repo.add_batch([make_article("a1")], [make_event("e1")], [], run_config="cfg1")
    repo.add_batch([make_article("a2")], [], [make_rejection()], run_config="cfg1")
    repo.add_batch([make_article("a2")], [], [], run_config="cfg2")
    rows = _rows(db_path, "SELECT config_hash, counts FROM runs ORDER BY run_id")
    assert [(h, json.loads(str(c))) for h, c in rows] == [
        ("cfg1", {"articles": 2, "events": 1, "evidence": 2, "rejections": 1}),
        ("cfg2", {"articles": 0, "events": 0, "evidence": 0, "rejections": 0}),
    ]


# -- transactions --------------------------------------------------------------------------------------


def _dup_evidence() -> dict[str, object]:
    ev = Evidence("a9", "location", "Jobar", 1, 6)
    return {"evidence": (ev, ev)}


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        pytest.param(_dup_evidence(), StoreError, id="same-evidence-twice"),
        pytest.param({"latitude": 91.0}, StoreError, id="latitude-out-of-range"),
        pytest.param(
            {"evidence": (Evidence("a9", "location", "x", 9, 2),)}, StoreError, id="end-before-start"
        ),
    ],
)
def test_store_failed_batch_leaves_nothing(
    repo: Store, db_path: str, changes: dict[str, object], error: type[Exception]
) -> None:
    repo.add_batch([make_article("a1")], [make_event("e1")], [], run_config="h")
    before = repo.counts()
    runs = _rows(db_path, "SELECT * FROM runs")
    bad = [make_article("a9")], [make_event("e8"), make_event("e9", **changes)], [make_rejection()]
    with pytest.raises(error) as info:
        repo.add_batch(*bad, run_config="h")
    assert "e9" in str(info.value) and "\n" not in str(info.value)
    assert repo.counts() == before
    assert _rows(db_path, "SELECT * FROM runs") == runs
    assert not repo.has_article("a9")
    # the connection is usable again
    assert repo.add_batch([make_article("a9")], [], [], run_config="h").articles == 1


@pytest.mark.parametrize(
    ("articles", "rejections", "named"),
    [
        ([make_article("a1"), make_article("a2", text=None)], [], "article a2"),
        (
            [make_article("a1")],
            [Rejection("x.txt", "ingest", "empty", cast(str, None), "r1")],
            "rejection of r1",
        ),
    ],
)
def test_store_bad_article_or_rejection_names_it(
    repo: Store, articles: list, rejections: list, named: str
) -> None:
    with pytest.raises(StoreError, match=named):
        repo.add_batch(articles, [], rejections, run_config="h")
    assert repo.counts() == StoreCounts(0, 0, 0, 0)


def test_store_exception_mid_batch_rolls_back(repo: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object) -> int:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(repo, "_insert_rejections", boom)
    with pytest.raises(RuntimeError, match="disk on fire"):
        repo.add_batch([make_article("a1")], [make_event("e1")], [make_rejection()], run_config="h")
    assert repo.counts() == StoreCounts(0, 0, 0, 0)


_KILLED_INGEST = """
import os, sys
sys.path.insert(0, {tests!r})  # the tests/ folder
from unit.store.store_strategies import make_article, make_event
from frontlines.store import open_repository

repo = open_repository({db!r})
repo.add_batch([make_article("a1")], [make_event("e1")], [], run_config="h")
real = repo._insert_events

def die(events):
    real(events)
    os._exit(9)  # killed after writing events, before the commit

repo._insert_events = die
repo.add_batch([make_article("a2")], [make_event("e2")], [], run_config="h")
"""


def test_store_killed_ingest_keeps_committed_batches(engine: Engine, db_path: str) -> None:
    code = _KILLED_INGEST.format(tests=str(Path(__file__).parents[2]), db=str(db_path))
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], check=False, timeout=60)
    assert proc.returncode == 9
    with engine.open(db_path) as repo:
        if engine.name == "sqlite":
            assert _rows(db_path, "PRAGMA integrity_check") == [("ok",)]
        assert repo.counts() == StoreCounts(articles=1, events=1, evidence=2, rejections=0)
        todo = [
            a
            for a in (make_article("a1"), make_article("a2"))
            if a.article_id not in repo.known_article_ids(["a1", "a2"])
        ]
        assert repo.add_batch(todo, [make_event("e2")], [], run_config="h") == BatchCounts(1, 1, 2, 0)


# -- reads ---------------------------------------------------------------------------------------------


def test_store_known_article_ids_across_chunks(repo: Store) -> None:
    stored = [make_article(f"a{i}") for i in range(0, 2 * ID_CHUNK + 10, 2)]
    repo.add_batch(stored, [], [], run_config="h")
    asked = [f"a{i}" for i in range(2 * ID_CHUNK + 10)]
    assert repo.known_article_ids(asked) == {a.article_id for a in stored}
    assert repo.known_article_ids([]) == set()
    assert repo.has_article("a0") and not repo.has_article("a1")


def test_store_rejections_are_a_log(repo: Store) -> None:
    first = make_rejection("x1", code="language")
    same_other_detail = dataclasses.replace(first, detail="different words")
    orphan = Rejection(origin="feed.xml", stage="ingest", code="unreadable", detail="bad XML")
    repo.add_batch([], [], [first, orphan], run_config="h")
    counts = repo.add_batch([make_article("x1")], [], [same_other_detail], run_config="h2")
    assert counts.rejections == 0
    assert list(repo.rejections()) == [first, orphan]
    # rejected once, accepted later: both facts stay
    assert repo.has_article("x1")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (make_rejection("x"), dataclasses.replace(make_rejection("x"), detail="other"), True),
        (make_rejection("x"), make_rejection("y"), False),
        (make_rejection("x"), make_rejection("x", code="language"), False),
        (make_rejection(None), dataclasses.replace(make_rejection(None), origin="b.txt"), False),
    ],
)
def test_store_rejection_id_hashes_origin_stage_code_article(a: Rejection, b: Rejection, same: bool) -> None:
    assert (rejection_id(a) == rejection_id(b)) is same


# -- migrations ----------------------------------------------------------------------------------------


def test_store_migrations_applied_once(engine: Engine, db_path: str) -> None:
    engine.open(db_path, clock=Clock()).close()
    applied = _rows(db_path, "SELECT version, name, applied_at FROM schema_migrations")
    engine.open(db_path, clock=Clock()).close()
    assert _rows(db_path, "SELECT version, name, applied_at FROM schema_migrations") == applied
    assert [v for v, *_ in applied] == [m.version for m in engine.migrations()]


def test_store_reopen_applies_only_new_migrations(engine: Engine, db_path: str) -> None:
    with engine.open(db_path, clock=Clock()) as repo:
        repo.add_batch([make_article()], [], [], run_config="h")
    before = _rows(db_path, "SELECT version, applied_at FROM schema_migrations")
    extra = Migration(
        99, "notes", "-- a new table\nCREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n"
    )
    with engine.open(db_path, migrations=[*engine.migrations(), extra]) as repo:
        assert repo.counts().articles == 1
    after = _rows(db_path, "SELECT version, applied_at FROM schema_migrations")
    assert after[: len(before)] == before
    assert [v for v, _ in after] == [v for v, _ in before] + [99]
    assert _rows(db_path, "SELECT count(*) FROM notes") == [(0,)]
    with pytest.raises(StoreError, match="newer than this frontlines"):
        engine.open(db_path)


def test_store_failed_migration_is_rolled_back(engine: Engine, db_path: str) -> None:
    shipped = engine.migrations()
    version = len(shipped) + 1
    bad = Migration(version, "bad", "CREATE TABLE t1 (x INTEGER);\nCREATE TABLE articles (x INTEGER);\n")
    with pytest.raises(StoreError, match=f"migration {version:04d}_bad failed on database {db_path}"):
        engine.open(db_path, migrations=[*shipped, bad])
    assert _rows(db_path, "SELECT version FROM schema_migrations") == [(m.version,) for m in shipped]
    assert not _has_table(db_path, "t1")


def test_store_load_migrations_reads_numbered_files(tmp_path: Path) -> None:
    (tmp_path / "0002_second.sql").write_text("CREATE TABLE b (x);\n")
    (tmp_path / "0001_first.sql").write_text("CREATE TABLE a (x);\n")
    (tmp_path / "README.md").write_text("not a migration")
    assert [(m.version, m.name) for m in load_migrations(tmp_path)] == [(1, "first"), (2, "second")]
    (tmp_path / "0002_again.sql").write_text("CREATE TABLE c (x);\n")
    with pytest.raises(StoreError, match="0002"):
        load_migrations(tmp_path)


def test_store_run_log_records_runs_and_finished_files(repo: Store) -> None:
    from frontlines.store.runlog import FileRecord, RunLog

    assert isinstance(repo, RunLog)
    repo.start_ingest_run("2024-01-01T00:00:00-a", ["feed/"], started="2024-01-01T00:00:00")
    repo.record_file("2024-01-01T00:00:00-a", FileRecord("d1", "feed/a.jsonl", 3, 4), done_at="t1")
    # a file recorded before keeps its first record
    repo.record_file("2024-01-01T00:00:00-a", FileRecord("d1", "feed/a2.jsonl", 9, 9), done_at="t2")
    repo.start_ingest_run("2024-01-02T00:00:00-b", ["feed/"], started="2024-01-02T00:00:00")
    repo.finish_ingest_run("2024-01-02T00:00:00-b", {"articles": 0}, finished="2024-01-02T00:01:00")
    assert repo.known_digests(["d1", "d2", "d1"]) == {"d1"}
    killed, finished = repo.ingest_runs()
    assert (killed.finished, killed.inputs, killed.files) == (
        None,
        ("feed/",),
        (FileRecord("d1", "feed/a.jsonl", 3, 4),),
    )
    assert (finished.finished, dict(finished.counts), finished.files) == (
        "2024-01-02T00:01:00",
        {"articles": 0},
        (),
    )

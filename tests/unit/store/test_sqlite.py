"""SqliteRepository only: the writer lock, connection settings and file-opening errors. What every
engine shares (round trip, idempotence, transactions, migrations) is in test_store.py."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontlines.errors import StoreError
from frontlines.store import EventQuery, SqliteRepository, open_repository
from unit.store.store_strategies import make_article, make_event


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "frontlines.db"


@pytest.fixture
def repo(db_path: Path) -> Iterator[SqliteRepository]:
    with SqliteRepository(db_path) as r:
        yield r


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_store_reader_opens_while_a_writer_holds_the_lock(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("frontlines.store.sqlite.BUSY_TIMEOUT_S", 0.2)
    with SqliteRepository(db_path) as repo:
        repo.add_batch([], [make_event("e1")], [], run_config="h")
    writer = sqlite3.connect(db_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM evidence")
    try:
        with SqliteRepository(db_path) as reader:
            assert [e.event_id for e in reader.events(EventQuery())] == ["e1"]
            with pytest.raises(StoreError, match="locked by another writer"):
                reader.add_batch([make_article()], [], [], run_config="h")
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_store_settings_wal_and_foreign_keys(repo: SqliteRepository) -> None:
    conn = repo._conn
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
    assert conn.execute("PRAGMA synchronous").fetchone() == (1,)  # NORMAL
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0


# -- opening errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content", [b"hello, this is not a database" * 40, b"SQLite format 2\x00" + b"\x01" * 200]
)
def test_store_not_a_database_raises(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    with pytest.raises(StoreError) as info:
        SqliteRepository(path)
    message = str(info.value)
    assert str(path) in message and "not a SQLite database" in message and "\n" not in message
    assert path.read_bytes() == content  # untouched


@pytest.mark.parametrize("where", ["parent-is-a-file", "parent-missing"])
def test_store_unwritable_path_raises(tmp_path: Path, where: str) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    path = blocker / "db.sqlite" if where == "parent-is-a-file" else tmp_path / "nope" / "db.sqlite"
    with pytest.raises(StoreError, match=str(path)):
        SqliteRepository(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only folders")
def test_store_read_only_folder_raises(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(StoreError, match=str(folder)):
            SqliteRepository(folder / "db.sqlite")
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("form", ["path", "url"])
def test_store_open_repository_sqlite(tmp_path: Path, form: str) -> None:
    path = tmp_path / "x.db"
    target = str(path) if form == "path" else f"sqlite:///{path}"
    repo = open_repository(target)
    try:
        repo.add_batch([make_article()], [], [], run_config="h")
    finally:
        repo.close()
    assert _rows(path, "SELECT article_id FROM articles") == [("a1",)]


@pytest.mark.parametrize("url", ["mysql://host/db", "sqlite:///", "  "])
def test_store_open_repository_refuses_other_urls(url: str) -> None:
    with pytest.raises(StoreError) as info:
        open_repository(url)
    assert "SQLite and PostgreSQL" in str(info.value) or "no database path" in str(info.value)

"""The store engines the store and merge tests run on: SQLite, and a real PostgreSQL 15 + PostGIS
server started once per session (skipped, with the reason, only where PostgreSQL is not installed)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from frontlines.store.schema import Migration, load_migrations
from pg_server import PgServer, missing_reason, running_server

ENGINES = ["sqlite", "postgresql"]
#: The data tables, children first (what :meth:`Engine.scratch` empties).
SCRATCH_TABLES = (
    "canonical_reports",
    "canonical_events",
    "evidence",
    "events",
    "articles",
    "rejections",
    "runs",
)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    reason = missing_reason()
    if reason is not None:
        pytest.skip(reason)
    with running_server() as server:
        yield server


@dataclass
class Engine:
    """How a test makes and opens a store of one engine."""

    name: str
    folder: Path
    server: PgServer | None = None

    def __post_init__(self) -> None:
        self._serial = itertools.count()
        self._scratch: str | None = None

    def new_target(self) -> str:
        """Where a new, empty store lives: a file path or a PostgreSQL URL."""
        if self.server is not None:
            return self.server.new_database()
        return str(self.folder / f"store-{next(self._serial)}.db")

    def open(self, target: str, **kwargs: Any) -> Any:
        """The repository at ``target`` (``kwargs``: ``clock``, ``migrations``)."""
        if self.server is not None:
            from frontlines.store.postgres import PostgresRepository

            return PostgresRepository(target, **kwargs)
        from frontlines.store.sqlite import SqliteRepository

        return SqliteRepository(target, **kwargs)

    def new(self, **kwargs: Any) -> Any:
        """A new, empty repository."""
        return self.open(self.new_target(), **kwargs)

    def scratch(self) -> Any:
        """An empty repository, fast: SQLite in memory; PostgreSQL, one database emptied each time
        (for hypothesis tests that need a new store per example)."""
        if self.server is None:
            from frontlines.store.sqlite import SqliteRepository

            return SqliteRepository(":memory:")
        if self._scratch is None:
            self._scratch = self.server.new_database(keep=True)
        repo = self.open(self._scratch)
        for table in SCRATCH_TABLES:
            repo._conn.execute(f"DELETE FROM {table}")
        return repo

    def migrations(self) -> list[Migration]:
        if self.server is not None:
            from frontlines.store.postgres_schema import postgres_migrations

            return postgres_migrations()
        return load_migrations()

    def blank_target(self) -> str:
        """A store location with no schema yet (PostgreSQL: an empty database, not the template)."""
        if self.server is not None:
            return self.server.new_database(template=None)
        return self.new_target()


@pytest.fixture(scope="session", params=ENGINES)
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp(f"engine-{request.param}")
    if request.param == "postgresql":
        return Engine("postgresql", folder, request.getfixturevalue("pg_server"))
    return Engine("sqlite", folder)

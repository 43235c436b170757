"""Numbered schema migrations: ``store/migrations/0001_init.sql``, ``0002_....sql``, applied in order.

Each migration runs in its own transaction together with its row in ``schema_migrations``, so it is
applied entirely or not at all, and re-opening a database applies only the migrations it lacks.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from frontlines.errors import StoreError

_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
#: Words of sqlite errors that are the file's problem (permissions, another writer), not a migration's.
_FILE_PROBLEMS = ("readonly", "locked", "busy")


@dataclass(frozen=True, slots=True)
class Migration:
    """One numbered schema change: ``migrations/0001_init.sql`` is version 1, name ``init``."""

    version: int
    name: str
    sql: str

    @property
    def label(self) -> str:
        return f"{self.version:04d}_{self.name}"


def load_migrations(directory: Path | None = None) -> list[Migration]:
    """The migrations in ``directory`` (default: the package's ``store/migrations``), by version.

    Files not named ``NNNN_name.sql`` are ignored; two files with one number raise StoreError.
    """
    root: Any = directory if directory is not None else resources.files("frontlines.store") / "migrations"
    found: dict[int, Migration] = {}
    for entry in root.iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if not match:
            continue
        version = int(match.group(1))
        if version in found:
            raise StoreError(f"two migrations numbered {version:04d} in {root}", "renumber one of them")
        found[version] = Migration(version, match.group(2), entry.read_text(encoding="utf-8"))
    return [found[v] for v in sorted(found)]


def _statements(migration: Migration) -> Iterator[str]:
    """Split a migration's SQL into complete statements (so they can run inside one transaction)."""
    buffer = ""
    for line in migration.sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer
            buffer = ""
    rest = "".join(ln for ln in buffer.splitlines() if not ln.strip().startswith("--"))
    if rest.strip():
        raise StoreError(
            f"migration {migration.label} ends with an incomplete SQL statement", "add the missing ';'"
        )


def migrate(
    conn: sqlite3.Connection, migrations: Sequence[Migration], *, where: str, now: Callable[[], str]
) -> list[int]:
    """Apply the ``migrations`` not yet recorded in ``schema_migrations``; returns their versions.

    ``conn`` must be in autocommit mode (``isolation_level=None``); ``where`` names the database in
    errors; ``now`` gives the ``applied_at`` text. A database up to date takes no write lock. Raises
    StoreError when the database is newer than ``migrations`` or a migration fails (it is rolled back).
    """
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    known = max((m.version for m in migrations), default=0)
    applied = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
    if applied and max(applied) > known:
        raise StoreError(
            f"database {where} has schema version {max(applied)}, newer than this frontlines knows ({known})",
            "upgrade frontlines or use another database file",
        )
    done: list[int] = []
    for migration in (m for m in migrations if m.version not in applied):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # re-checked inside the write lock: another process may have applied it meanwhile
            if conn.execute(
                "SELECT 1 FROM schema_migrations WHERE version = ?", (migration.version,)
            ).fetchone():
                conn.execute("COMMIT")
                continue
            for statement in _statements(migration):
                try:
                    conn.execute(statement)
                except sqlite3.OperationalError as exc:
                    if any(word in str(exc) for word in _FILE_PROBLEMS):
                        raise
                    raise StoreError(
                        f"migration {migration.label} failed on database {where}: {exc}",
                        "the database was left as before it; report this with the file",
                    ) from exc
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, now()),
            )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        done.append(migration.version)
    return done

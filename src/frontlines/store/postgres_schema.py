"""Numbered migrations on PostgreSQL: ``store/migrations/postgresql/NNNN_name.sql``.

Each number matches the SQLite migration of the same number and name (a test checks that both
schemas have the same tables and columns). Each migration runs in its own transaction with its row in
``schema_migrations``, under a transaction-level advisory lock, so two processes opening a new
database at once apply it once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import psycopg

from frontlines.errors import StoreError
from frontlines.store.schema import Migration, load_migrations

#: Advisory lock keys (any two fixed bigints; ``fl`` + a role in ASCII).
MIGRATE_LOCK = 0x666C_6D69_6772
MERGE_LOCK = 0x666C_6D65_7267

MIGRATIONS_DIR = Path(__file__).parent / "migrations" / "postgresql"


def postgres_migrations() -> list[Migration]:
    """The PostgreSQL migrations shipped with the package, by version."""
    return load_migrations(MIGRATIONS_DIR)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _failure(migration: Migration, where: str, exc: psycopg.Error) -> StoreError:
    text = _first_line(exc)
    if "postgis" in text.lower():
        hint = (
            "install PostGIS on the server (Debian: apt-get install postgresql-15-postgis-3) or have a"
            " superuser run CREATE EXTENSION postgis in that database"
        )
    else:
        hint = "the database was left as before it; report this with the server's log"
    return StoreError(f"migration {migration.label} failed on database {where}: {text}", hint)


def migrate_postgres(
    conn: psycopg.Connection, migrations: Sequence[Migration], *, where: str, now: Callable[[], str]
) -> list[int]:
    """Apply the ``migrations`` not yet recorded in ``schema_migrations``; returns their versions.

    ``conn`` must be in autocommit mode. Raises StoreError when the database is newer than
    ``migrations`` or a migration fails (its transaction is rolled back, earlier ones stay).
    """
    known = max((m.version for m in migrations), default=0)
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATE_LOCK,))
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        applied = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
    if applied and max(applied) > known:
        raise StoreError(
            f"database {where} has schema version {max(applied)}, newer than this frontlines knows ({known})",
            "upgrade frontlines or use another database",
        )
    done: list[int] = []
    for migration in (m for m in migrations if m.version not in applied):
        try:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATE_LOCK,))
                # re-checked under the lock: another process may have applied it meanwhile
                if conn.execute(
                    "SELECT 1 FROM schema_migrations WHERE version = %s", (migration.version,)
                ).fetchone():
                    continue
                conn.execute(migration.sql)
                conn.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (%s, %s, %s)",
                    (migration.version, migration.name, now()),
                )
        except psycopg.OperationalError:
            raise
        except psycopg.Error as exc:
            raise _failure(migration, where, exc) from exc
        done.append(migration.version)
    return done

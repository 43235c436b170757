"""Where results are kept: the repository protocol, its SQLite and PostgreSQL implementations.

``open_repository("frontlines.db")`` or ``open_repository("sqlite:///frontlines.db")`` opens (and
creates or migrates) a SQLite file; ``":memory:"`` gives a throw-away store for tests;
``open_repository("postgresql://user@host/db")`` opens (and migrates) a PostgreSQL database.
"""

from __future__ import annotations

from frontlines.errors import StoreError
from frontlines.store.base import BatchCounts, EventQuery, Near, Repository, StoreCounts
from frontlines.store.sqlite import SqliteRepository

__all__ = [
    "BatchCounts",
    "EventQuery",
    "Near",
    "Repository",
    "SqliteRepository",
    "StoreCounts",
    "is_postgres_url",
    "open_repository",
]

_SQLITE_PREFIX = "sqlite:///"
_POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(target: str) -> bool:
    """Whether ``target`` names a PostgreSQL database (``postgresql://`` or ``postgres://``)."""
    return target.strip().startswith(_POSTGRES_SCHEMES)


def open_repository(url_or_path: str) -> Repository:
    """Open the store at a file path, a ``sqlite:///path`` URL (``sqlite:////abs/path`` is absolute)
    or a ``postgresql://user[:password]@host[:port]/db`` URL.

    Raises StoreError for any other URL scheme and when the database cannot be opened or migrated.
    """
    target = url_or_path.strip()
    if is_postgres_url(target):
        from frontlines.store.postgres import PostgresRepository  # psycopg loads only when used

        return PostgresRepository(target)
    if target.startswith(_SQLITE_PREFIX):
        target = target[len(_SQLITE_PREFIX) :]
    elif "://" in target:
        scheme = target.split("://", 1)[0]
        raise StoreError(
            f"cannot open store '{scheme}://...': only SQLite and PostgreSQL databases are supported",
            "pass a file path, a sqlite:///path URL or a postgresql://user@host/db URL",
        )
    if not target:
        raise StoreError("no database path given", "pass a file path or a sqlite:///path URL")
    return SqliteRepository(target)

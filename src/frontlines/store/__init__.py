"""Where results are kept: the repository protocol and its SQLite implementation.

``open_repository("frontlines.db")`` or ``open_repository("sqlite:///frontlines.db")`` opens (and
creates or migrates) a SQLite file; ``":memory:"`` gives a throw-away store for tests.
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
    "open_repository",
]

_SQLITE_PREFIX = "sqlite:///"


def open_repository(url_or_path: str) -> Repository:
    """Open the store at a file path or a ``sqlite:///path`` URL (``sqlite:////abs/path`` is absolute).

    Raises StoreError for any other URL scheme and when the file cannot be opened or migrated.
    """
    target = url_or_path.strip()
    if target.startswith(_SQLITE_PREFIX):
        target = target[len(_SQLITE_PREFIX) :]
    elif "://" in target:
        scheme = target.split("://", 1)[0]
        raise StoreError(
            f"cannot open store '{scheme}://...': only SQLite databases are supported",
            "pass a file path or a sqlite:///path URL",
        )
    if not target:
        raise StoreError("no database path given", "pass a file path or a sqlite:///path URL")
    return SqliteRepository(target)

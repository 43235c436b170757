"""A store built from examples/ in a temporary folder, for the API and browser tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from frontlines.merge.store import merge_pending
from frontlines.run import ingest
from frontlines.store.sqlite import SqliteRepository
from helpers import EXAMPLES

#: The day the examples are read on (relative dates in them resolve against their own dates).
TODAY = dt.date(2026, 1, 1)


def build_examples_db(folder: Path, settings: Any, resources: Any) -> Path:
    """Ingest examples/ into ``folder/examples.db`` and merge; returns the path."""
    path = folder / "examples.db"
    with SqliteRepository(path) as repository:
        ingest([EXAMPLES], settings, resources, repository, today=TODAY)
        merge_pending(repository)
    return path

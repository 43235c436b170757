"""Shared helpers for the ingest tests: a fixed "today", default settings, a realistic report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from frontlines.config import IngestSettings
from frontlines.ingest import read_inputs
from frontlines.model import Article, Rejection

TODAY = dt.date(2024, 6, 1)

#: A short English report, long enough to pass min_chars and be identified as English.
REPORT = (
    "Government forces shelled the town of Maarat al-Numan in Idlib province on Thursday, killing five "
    "civilians and wounding a dozen others, a monitoring group said. Residents said the shells hit a "
    "market in the centre of the town early in the morning."
)

Reader = Callable[..., list[Article | Rejection]]


@pytest.fixture
def report() -> str:
    return REPORT


@pytest.fixture
def read() -> Reader:
    """``read(paths_or_path, **options)``: read_inputs with today fixed, as a list."""

    def run(paths: Path | Sequence[Path], settings: IngestSettings | None = None, **options: object) -> list:
        items = [paths] if isinstance(paths, Path) else list(paths)
        return list(read_inputs(items, settings or IngestSettings(), today=TODAY, **options))  # type: ignore[arg-type]

    return run

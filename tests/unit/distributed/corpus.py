"""A small corpus for the batch tests: the examples' articles repeated with distinct titles."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from frontlines.config import Settings
from frontlines.ingest import read_inputs
from frontlines.model import Article
from helpers import EXAMPLES

TODAY = dt.date(2026, 1, 1)


def copy_records(settings: Settings, copies: int) -> list[dict[str, str | None]]:
    """``copies`` copies of every example article as records (copy k's title ends in ``#k``, so each
    copy is a new article)."""
    articles = [a for a in read_inputs([EXAMPLES], settings.ingest, today=TODAY) if isinstance(a, Article)]
    return [
        {
            "title": f"{a.title or 'report'} #{k}",
            "text": a.text,
            "published": a.published.isoformat() if a.published else None,
            "source": a.source,
        }
        for k in range(copies)
        for a in articles
    ]


def write_copies(path: Path, settings: Settings, copies: int) -> int:
    """Write :func:`copy_records` as JSONL; returns the number of records."""
    records = copy_records(settings, copies)
    with path.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(records)

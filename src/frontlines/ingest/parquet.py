"""Parquet files: one row per article, read a batch of rows at a time with pyarrow.

Columns are the record fields of :mod:`frontlines.ingest.records` (``id, title, text, published,
source, url``), renamed by the same field map (``--map text=article_content``); every other column is
kept in ``Article.extra``. A ``date`` or ``timestamp`` column is a publication date as it is (a
timestamp's own day, not converted to UTC, as for text dates).

The file is never loaded whole: rows come :data:`BATCH_ROWS` at a time (pyarrow decodes one row
group, or part of one, per batch), so a file may be larger than memory and ``frontlines batch`` cuts
its rows into partitions as it reads them. One bad row (text that is not a string, no text, an
unreadable date) is one rejection; a file pyarrow cannot read is one rejection for the file, and a
row group that fails to decode stops the file there with a rejection saying so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from frontlines.errors import ConfigError
from frontlines.ingest.draft import Context, Draft, reject
from frontlines.ingest.records import to_draft
from frontlines.model import Rejection

if TYPE_CHECKING:
    import pyarrow.parquet as pq

EXTENSIONS = frozenset({".parquet", ".pq"})
#: Rows decoded at a time: bounds the reader's memory whatever the file's row groups hold.
BATCH_ROWS = 1024


def _is_corrupt(exc: Exception) -> bool:
    """pyarrow reports bad Parquet as ``ArrowException`` or as an ``OSError`` without an errno; an
    ``OSError`` with one (permissions, a vanished file) is the caller's 'unreadable' rejection."""
    import pyarrow as pa  # pyarrow loads only when a Parquet file is read

    return isinstance(exc, pa.ArrowException) or (isinstance(exc, OSError) and exc.errno is None)


def _open(path: Path) -> pq.ParquetFile | Rejection:
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path)
    except Exception as exc:
        if not _is_corrupt(exc):
            raise
        return reject(str(path), "format", f"not a readable Parquet file ({exc}); re-export it")


def _check_columns(path: Path, names: list[str], ctx: Context) -> Rejection | None:
    """Raise :class:`ConfigError` when the field map names a missing column (as for CSV); a
    rejection when there is no text column."""
    missing = [f"{f}={c}" for f, c in ctx.field_map.items() if c not in names]
    if missing:
        raise ConfigError(
            f"{path}: the field map names column(s) not in the file: {', '.join(missing)}",
            f"the columns are: {', '.join(names)}",
        )
    text = ctx.field_map.get("text", "text")
    if text not in names:
        return reject(
            str(path),
            "format",
            f"no '{text}' column (columns: {', '.join(names)}); "
            "map the article-text column with --map text=COLUMN",
        )
    return None


def _published(row: dict[str, Any], column: str) -> dt.date | None:
    """The row's publication date when its column is a date or timestamp, else None (text is
    parsed by the shared date parser like any reader's)."""
    value = row.get(column)
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def _draft(row: dict[str, Any], origin: str, ctx: Context) -> Draft | Rejection:
    column = ctx.field_map.get("published", "published")
    day = _published(row, column)
    if day is None:
        return to_draft(row, origin, ctx)
    draft = to_draft({**row, column: None}, origin, ctx)
    return draft if isinstance(draft, Rejection) else replace(draft, published=day)


def read_parquet(path: Path, ctx: Context) -> Iterator[Draft | Rejection]:
    """Read a Parquet file a batch of rows at a time; origins are ``path:ROW`` (the first row is 1).

    Raises :class:`ConfigError` when the field map names a column that is not in the file.
    """
    opened = _open(path)
    if isinstance(opened, Rejection):
        yield opened
        return
    names = list(opened.schema_arrow.names)
    problem = _check_columns(path, names, ctx)
    if problem is not None:
        yield problem
        return
    row = 0
    batches = opened.iter_batches(batch_size=BATCH_ROWS)
    while True:
        try:
            batch = next(batches)
        except StopIteration:
            break
        except Exception as exc:
            if not _is_corrupt(exc):
                raise
            yield reject(
                f"{path}:{row + 1}",
                "format",
                f"cannot decode the rows from here on ({exc}); "
                "the rest of the file was not read; re-export it",
            )
            return
        for record in batch.to_pylist():
            row += 1
            yield _draft(record, f"{path}:{row}", ctx)
    if opened.metadata.num_rows == 0:
        yield reject(str(path), "empty", "file has no rows")

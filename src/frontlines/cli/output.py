"""Printing events and rejections: JSONL, CSV or a Rich table, through the one record converter."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from rich.console import Console

if TYPE_CHECKING:
    from rich.table import Table

    from frontlines.model import Event, Rejection


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


#: Columns a table shows; the full record is in JSONL/CSV.
_TABLE_COLUMNS = (
    "event_date",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "admin1",
    "country",
    "fatalities",
)


def _console() -> Console:
    """A console for tables: the terminal's width, or a wide page when output goes to a file or pipe."""
    return Console() if sys.stdout.isatty() else Console(width=PIPE_WIDTH)


#: Width of a table written to a file or pipe (every column shown in full).
PIPE_WIDTH = 180
#: The narrowest a table column may get before it is left out (wider text wraps inside it).
MIN_WIDTH = {"event_date": 10, "fatalities": 10, "sources_count": 7, "independent_sources": 11}
DEFAULT_MIN_WIDTH = 10
#: Columns left out first when the terminal is too narrow for all of them at their minimum width.
DROP_ORDER = ("independent_sources", "admin1", "country", "sources_count", "actor2", "article_id", "stage")
#: Characters a table spends per column (padding and border) and once (outer border).
_PER_COLUMN, _BORDER = 3, 1


def fit_columns(
    columns: Sequence[str],
    width: int,
    *,
    min_width: Mapping[str, int] = MIN_WIDTH,
    drop: Sequence[str] = DROP_ORDER,
) -> list[str]:
    """The columns a table of ``width`` characters shows: all of them when each gets its minimum
    width (``min_width``, else :data:`DEFAULT_MIN_WIDTH`), else without the first ones of ``drop``
    until they fit."""
    shown = list(columns)

    def needed() -> int:
        return _BORDER + sum(min_width.get(c, DEFAULT_MIN_WIDTH) + _PER_COLUMN for c in shown)

    for column in drop:
        if needed() <= width:
            break
        if column in shown and len(shown) > 2:
            shown.remove(column)
    return shown


def _table(
    columns: Sequence[str],
    title: str,
    width: int,
    *,
    min_width: Mapping[str, int] = MIN_WIDTH,
    drop: Sequence[str] = DROP_ORDER,
) -> tuple[Table, list[str]]:
    """A table of the columns that fit ``width``. Below :data:`PIPE_WIDTH` the widths are set here:
    each column its minimum, the room left shared by the text columns (those without a minimum in
    ``min_width``; long text wraps)."""
    from rich.table import Table

    shown = fit_columns(columns, width, min_width=min_width, drop=drop)
    widths = {c: min_width.get(c, DEFAULT_MIN_WIDTH) for c in shown}
    text = [c for c in shown if c not in min_width] or shown
    room = width - _BORDER - sum(w + _PER_COLUMN for w in widths.values())
    for i, column in enumerate(text):
        widths[column] += room // len(text) + (1 if i < room % len(text) else 0)
    table = Table(title=title)
    for column in shown:
        fixed = widths[column] if width < PIPE_WIDTH and room >= 0 else None
        table.add_column(
            column, width=fixed, min_width=min_width.get(column, DEFAULT_MIN_WIDTH), overflow="fold"
        )
    return table, shown


def print_table(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    *,
    title: str,
    caption: str,
    min_width: Mapping[str, int],
    drop: Sequence[str],
) -> None:
    """Print ``rows`` as a table that fits the terminal (full width when piped): columns left out
    first to last in ``drop`` until each gets its ``min_width``, text wrapped, the left-out columns
    named in the caption."""
    console = _console()
    table, shown = _table(columns, title, console.width, min_width=min_width, drop=drop)
    for row in rows:
        table.add_row(*("" if row[c] is None else str(row[c]) for c in shown))
    left_out = [c for c in columns if c not in shown]
    table.caption = caption + (f" (not shown: {', '.join(left_out)})" if left_out else "")
    console.print(table)


def print_records(
    records: Iterable[dict[str, Any]],
    fmt: OutputFormat,
    *,
    columns: Sequence[str],
    table_columns: Sequence[str],
    title: str,
) -> int:
    """Print flat records in ``fmt``: JSONL whole; CSV with list and dict values JSON-encoded (and
    ``article_ids`` joined by ';'); a table of ``table_columns``. Returns how many were printed."""
    count = 0
    if fmt is OutputFormat.jsonl:
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
        return count
    if fmt is OutputFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns))
        writer.writeheader()
        for record in records:
            flat = {
                key: ";".join(value) if key == "article_ids" else json.dumps(value, ensure_ascii=False)
                if isinstance(value, list | dict) else value
                for key, value in record.items()
            }  # fmt: skip
            writer.writerow(flat)
            count += 1
        return count
    console = _console()
    table, shown = _table(table_columns, title, console.width)
    for record in records:
        table.add_row(*(str(record[c]) if record[c] is not None else "" for c in shown))
        count += 1
    left_out = [c for c in table_columns if c not in shown]
    table.caption = f"{count} {title}" + (f" (not shown: {', '.join(left_out)})" if left_out else "")
    console.print(table)
    return count


def print_events(events: Iterable[Event], fmt: OutputFormat) -> int:
    """Print events to stdout in ``fmt``; returns how many were printed."""
    from frontlines.export import EVENT_COLUMNS, event_to_record

    records = (event_to_record(event) for event in events)
    return print_records(records, fmt, columns=EVENT_COLUMNS, table_columns=_TABLE_COLUMNS, title="events")


def print_rejections(rejections: Iterable[Rejection], fmt: OutputFormat) -> int:
    """Print rejections to stdout in ``fmt``; returns how many were printed."""
    columns = ("origin", "stage", "code", "detail", "article_id")
    rows = [{c: getattr(r, c) for c in columns} for r in rejections]
    if fmt is OutputFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt is OutputFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns))
        writer.writeheader()
        writer.writerows(rows)
    else:
        console = _console()
        table, shown = _table(columns, "rejections", console.width)
        table.caption = f"{len(rows)} rejection{'' if len(rows) == 1 else 's'}"
        for row in rows:
            table.add_row(*(str(row[c] or "") for c in shown))
        console.print(table)
    return len(rows)

"""Printing events and rejections: JSONL, CSV or a Rich table, through the one record converter."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from enum import StrEnum

from rich.console import Console
from rich.table import Table

from frontlines.export import EVENT_COLUMNS, event_to_record
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
    return Console() if sys.stdout.isatty() else Console(width=180)


def print_events(events: Iterable[Event], fmt: OutputFormat) -> int:
    """Print events to stdout in ``fmt``; returns how many were printed."""
    count = 0
    if fmt is OutputFormat.jsonl:
        for event in events:
            sys.stdout.write(json.dumps(event_to_record(event), ensure_ascii=False) + "\n")
            count += 1
        return count
    if fmt is OutputFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(EVENT_COLUMNS))
        writer.writeheader()
        for event in events:
            record = event_to_record(event)
            record["evidence"] = json.dumps(record["evidence"], ensure_ascii=False)
            record["article_ids"] = ";".join(record["article_ids"])
            writer.writerow(record)
            count += 1
        return count
    table = Table(*_TABLE_COLUMNS, title="events")
    for event in events:
        record = event_to_record(event)
        table.add_row(*(str(record[c]) if record[c] is not None else "" for c in _TABLE_COLUMNS))
        count += 1
    table.caption = f"{count} events"
    _console().print(table)
    return count


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
        table = Table(*columns, title="rejections", caption=f"{len(rows)} rejections")
        for row in rows:
            table.add_row(*(str(row[c] or "") for c in columns))
        _console().print(table)
    return len(rows)

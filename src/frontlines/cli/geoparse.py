"""``frontlines geoparse``: the mirror of :func:`frontlines.geo.toponyms.geoparse`."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from frontlines.cli.common import (
    err,
    errors,
    field_map,
    loading,
    plural,
    published_opt,
    resolve_settings,
    today,
)
from frontlines.cli.output import print_table

#: Columns a table shows; ``--format jsonl`` prints every field.
TABLE_COLUMNS = (
    "article_id", "start", "end", "text", "name", "country", "admin1", "feature_code", "latitude",
    "longitude", "geo_precision", "score", "role",
)  # fmt: skip
#: The narrowest each table column gets; the columns left out first in a narrow terminal.
TABLE_MIN_WIDTH = {
    "start": 6, "end": 6, "country": 7, "latitude": 8, "longitude": 9, "geo_precision": 13, "score": 5,
}  # fmt: skip
TABLE_DROP = ("feature_code", "admin1", "geo_precision", "start", "end", "article_id", "score", "country")


class GeoparseFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


def geoparse_cmd(
    inputs: Annotated[
        list[Path], typer.Argument(help="Files or directories (.txt .jsonl .csv .parquet .html .rss).")
    ],
    format: Annotated[
        GeoparseFormat, typer.Option("--format", "-f", help="table, or jsonl: one line per toponym.")
    ] = GeoparseFormat.table,
    map_: Annotated[
        list[str], typer.Option("--map", help="FIELD=COLUMN for CSV/JSONL/Parquet: text=article_content.")
    ] = [],  # noqa: B006
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date for records without one.")
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Outlet name for records without one.")
    ] = None,
) -> None:
    """Print the place names of articles, resolved: offsets into the original text, the place, its
    ACLED geo_precision, a confidence score and the role (event, organisation_base, destination,
    venue, other)."""
    rejected = 0
    with errors():
        settings = resolve_settings()
        with loading():
            from frontlines.geo.toponyms import geoparse
            from frontlines.run import is_bulk, load_resources

            resources = load_resources(settings, bulk=is_bulk(inputs))
        results = geoparse(
            inputs, settings, resources, today=today(), field_map=field_map(map_),
            published=published_opt(published), source=source,
        )  # fmt: skip
        rows: list[dict[str, object]] = []
        count = 0
        for result in results:
            if result.rejection is not None:
                rejected += 1
                r = result.rejection
                err.print(f"rejected {r.origin}: [{r.code}] {r.detail}", markup=False)
                continue
            for toponym in result.toponyms:
                count += 1
                record = toponym.record()
                if format is GeoparseFormat.jsonl:
                    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
                else:
                    rows.append(record)
        if format is GeoparseFormat.table:
            print_table(
                rows, TABLE_COLUMNS, title="toponyms", caption=plural(count, "toponym"),
                min_width=TABLE_MIN_WIDTH, drop=TABLE_DROP,
            )  # fmt: skip
    raise typer.Exit(1 if rejected else 0)

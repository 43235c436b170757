"""Parquet export (pyarrow) for analysts' notebooks: one row per event with the JSON Lines record's
columns, typed (dates as dates, codes as integers), evidence and lists as nested columns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from frontlines.export import CANONICAL_COLUMNS, EVENT_COLUMNS, Exportable, record_of
from frontlines.model import CanonicalEvent

#: Rows per Parquet row group (and per batch held in memory).
ROW_GROUP = 10_000

_EVIDENCE = pa.list_(
    pa.struct(
        [
            ("article_id", pa.string()),
            ("field", pa.string()),
            ("quote", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
        ]
    )
)
_TYPES: dict[str, pa.DataType] = {
    "event_date": pa.date32(),
    "time_precision": pa.int8(),
    "inter1": pa.int8(),
    "inter2": pa.int8(),
    "interaction": pa.int16(),
    "latitude": pa.float64(),
    "longitude": pa.float64(),
    "geo_precision": pa.int8(),
    "fatalities": pa.int64(),
    "unverified": pa.bool_(),
    "claim": pa.bool_(),
    "article_ids": pa.list_(pa.string()),
    "evidence": _EVIDENCE,
    "sources_count": pa.int64(),
    "independent_sources": pa.int64(),
    "fatalities_min": pa.int64(),
    "fatalities_max": pa.int64(),
    "outlets": pa.list_(pa.string()),
    "report_ids": pa.list_(pa.string()),
    "contradictions": pa.list_(
        pa.struct([("field", pa.string()), ("detail", pa.string()), ("report_ids", pa.list_(pa.string()))])
    ),
}


def _schema(canonical: bool) -> pa.Schema:
    columns = (*EVENT_COLUMNS, *CANONICAL_COLUMNS) if canonical else EVENT_COLUMNS
    return pa.schema([(c, _TYPES.get(c, pa.string())) for c in columns])


def _row(item: Exportable) -> dict[str, Any]:
    record = record_of(item)
    record["event_date"] = dt.date.fromisoformat(record["event_date"])
    return record


def write_parquet(events: Iterable[Exportable], fh: IO[bytes]) -> int:
    """Write the events as one Parquet table (canonical columns when the first is canonical); returns
    the count. Streams in row groups of :data:`ROW_GROUP`."""
    writer: pq.ParquetWriter | None = None
    schema: pa.Schema | None = None
    batch: list[dict[str, Any]] = []
    count = 0

    def flush() -> None:
        nonlocal writer
        assert schema is not None
        if writer is None:
            writer = pq.ParquetWriter(fh, schema)
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        batch.clear()

    for item in events:
        if schema is None:
            schema = _schema(isinstance(item, CanonicalEvent))
        batch.append(_row(item))
        count += 1
        if len(batch) >= ROW_GROUP:
            flush()
    if schema is None:
        schema = _schema(canonical=False)
    if batch or writer is None:
        flush()
    assert writer is not None
    writer.close()
    return count

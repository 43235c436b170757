"""Events out: one flat record per event, written as JSON Lines, ACLED's CSV layout, GeoJSON or
Parquet.

:func:`event_to_record` is the only place an :class:`Event` becomes a flat record; every writer, the
store and the CLI go through it (and :func:`event_from_record` is its exact inverse). A canonical
event's record is its event's plus :data:`CANONICAL_COLUMNS` (:func:`canonical_to_record`).
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from frontlines.errors import ConfigError
from frontlines.model import CanonicalEvent, Event
from frontlines.store.rows import (
    EVENT_COLUMNS,
    EVIDENCE_KEYS,
    event_from_record,
    event_to_record,
    evidence_to_record,
)

__all__ = [
    "CANONICAL_COLUMNS",
    "EVENT_COLUMNS",
    "EVIDENCE_KEYS",
    "FORMATS",
    "FORMAT_NAMES",
    "Exportable",
    "canonical_to_record",
    "event_from_record",
    "event_to_feature",
    "event_to_record",
    "evidence_to_record",
    "export_events",
    "record_of",
    "write_acled_csv",
    "write_geojson",
    "write_jsonl",
]

#: Columns added to an event's record for a canonical event.
CANONICAL_COLUMNS: tuple[str, ...] = (
    "sources_count",
    "independent_sources",
    "fatalities_min",
    "fatalities_max",
    "outlets",
    "report_ids",
    "contradictions",
)

#: What the writers take: per-article events or canonical events.
Exportable = Event | CanonicalEvent


def canonical_to_record(canon: CanonicalEvent) -> dict[str, Any]:
    """A canonical event as a JSON-ready dict: its event's record plus :data:`CANONICAL_COLUMNS`."""
    record = event_to_record(canon.event)
    record.update(
        sources_count=canon.sources_count,
        independent_sources=canon.independent_sources,
        fatalities_min=canon.fatalities_min,
        fatalities_max=canon.fatalities_max,
        outlets=list(canon.outlets),
        report_ids=list(canon.report_ids),
        contradictions=[
            {"field": c.field, "detail": c.detail, "report_ids": list(c.report_ids)}
            for c in canon.contradictions
        ],
    )
    return record


def record_of(item: Exportable) -> dict[str, Any]:
    """The flat record of an event or a canonical event."""
    return canonical_to_record(item) if isinstance(item, CanonicalEvent) else event_to_record(item)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write_jsonl(events: Iterable[Exportable], fh: IO[str]) -> int:
    """Write one :func:`record_of` JSON object per line (UTF-8 text); returns the count."""
    count = 0
    for event in events:
        fh.write(_json(record_of(event)))
        fh.write("\n")
        count += 1
    return count


def write_acled_csv(
    events: Iterable[Exportable], fh: IO[str], *, timestamp: int = 0, sidecar: IO[str] | None = None
) -> int:
    """Write ACLED's header and layout (:mod:`frontlines.export_acled`), one row per event; with
    ``sidecar``, the fields ACLED's layout lacks (evidence, article ids, corroboration) as JSON Lines.
    Open ``fh`` with ``newline=""`` (the csv module writes RFC 4180 ``\\r\\n`` line ends)."""
    from frontlines.export_acled import write_acled_rows

    return write_acled_rows((record_of(e) for e in events), fh, timestamp=timestamp, sidecar=sidecar)


def event_to_feature(event: Exportable) -> dict[str, Any]:
    """A GeoJSON Feature: Point ``[longitude, latitude]`` (RFC 7946 order), the record without its
    evidence as properties, plus ``evidence_count``."""
    properties = record_of(event)
    evidence = properties.pop("evidence")
    properties["evidence_count"] = len(evidence)
    return {
        "type": "Feature",
        "id": properties["event_id"],
        "geometry": {"type": "Point", "coordinates": [properties["longitude"], properties["latitude"]]},
        "properties": properties,
    }


def write_geojson(events: Iterable[Exportable], fh: IO[str]) -> int:
    """Write a GeoJSON FeatureCollection, one feature per line as events arrive; returns the count.

    Streams: memory does not grow with the number of events.
    """
    fh.write('{"type":"FeatureCollection","features":[\n')
    count = 0
    for event in events:
        if count:
            fh.write(",\n")
        fh.write(_json(event_to_feature(event)))
        count += 1
    fh.write("\n]}\n")
    return count


#: Text export formats by the name the CLI uses (``parquet`` is written by :func:`export_events` too).
FORMATS: Mapping[str, Callable[[Iterable[Exportable], IO[str]], int]] = {
    "jsonl": write_jsonl,
    "acled-csv": write_acled_csv,
    "geojson": write_geojson,
}
FORMAT_NAMES: tuple[str, ...] = (*FORMATS, "parquet")


def export_events(
    events: Iterable[Exportable],
    fmt: str,
    path: str | Path,
    *,
    with_evidence: bool = False,
    timestamp: int = 0,
) -> int:
    """Write ``events`` to ``path`` in format ``fmt`` (one of :data:`FORMAT_NAMES`); returns the count.

    ``acled-csv`` with ``with_evidence`` also writes ``<path>.evidence.jsonl``, the fields ACLED's
    layout lacks, one line per row; ``timestamp`` fills ACLED's ``timestamp`` column.
    Atomic: the data goes to temporary files next to ``path``, which replace the targets only when
    everything was written, so a failure (a bad event, a full disk, Ctrl-C) leaves no partial file
    and an existing file untouched. Raises ConfigError for an unknown format or an unwritable path.
    """
    if fmt not in FORMAT_NAMES:
        raise ConfigError(f"unknown export format '{fmt}'", f"use one of: {', '.join(FORMAT_NAMES)}")
    target = Path(path)
    if fmt == "parquet":
        from frontlines.export_parquet import write_parquet

        with _atomic(target, binary=True) as fh:
            return write_parquet(events, fh)
    if fmt == "acled-csv" and with_evidence:
        side = target.with_name(target.name + ".evidence.jsonl")
        with _atomic(target) as fh, _atomic(side) as side_fh:
            return write_acled_csv(events, fh, timestamp=timestamp, sidecar=side_fh)
    with _atomic(target) as fh:
        if fmt == "acled-csv":
            return write_acled_csv(events, fh, timestamp=timestamp)
        return FORMATS[fmt](events, fh)


@contextmanager
def _atomic(target: Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    """A file that replaces ``target`` when the block ends without error, and vanishes otherwise."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        # os.open applies the umask, so the result gets the same mode as a normally created file
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise ConfigError(
            f"cannot write export file {target}: {exc.strerror}", "choose a writable output path"
        ) from exc
    try:
        fh: IO[Any]
        fh = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")
        with fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        try:
            tmp.replace(target)
        except OSError as exc:
            raise ConfigError(
                f"cannot replace export file {target}: {exc.strerror}", "choose a writable output path"
            ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise

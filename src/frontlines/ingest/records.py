"""Record files: JSON Lines (one object per line) and CSV (one row per article), read as streams.

Fields are ``id, title, text, published, source, url``. A field map (``{field: column}``) renames
them, e.g. for FA-KES ``{"text": "article_content", "published": "date", "title": "article_title",
"id": "unit_id"}``. The record's own ``id`` is kept in ``Article.extra["id"]`` (the article id is a
content hash); every other unmapped column is kept in ``Article.extra`` under its own name.

``ingest.max_bytes`` applies to each record (a line, a row), not to the file: a corpus file may be
as large as the disk holds. One bad record is one rejection; the others go on.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from frontlines.errors import ConfigError
from frontlines.ingest.decode import (
    REPLACE,
    SNIFF_BYTES,
    Problem,
    decode_replacing,
    replaced_bytes,
    sniff_encoding,
    too_large,
)
from frontlines.ingest.draft import Context, Draft, from_problem, reject, with_invalid_bytes
from frontlines.model import Rejection

JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
CSV_EXTENSIONS = frozenset({".csv"})
#: The fields a record can fill.
FIELDS = ("id", "title", "text", "published", "source", "url")
#: CSV delimiters recognised from the header line (the most frequent one wins; comma on a tie).
DELIMITERS = (",", ";", "\t", "|")


def check_field_map(field_map: Mapping[str, str]) -> None:
    """Raise :class:`ConfigError` when a field map names a field frontlines does not have."""
    unknown = sorted(set(field_map) - set(FIELDS))
    if unknown:
        raise ConfigError(
            f"unknown field(s) {', '.join(unknown)} in the field map",
            f"map any of {', '.join(FIELDS)} to a column, e.g. --map text=article_content",
        )


def _columns(ctx: Context) -> dict[str, str]:
    return {name: ctx.field_map.get(name, name) for name in FIELDS}


def _scalar(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def to_draft(record: Mapping[str, Any], origin: str, ctx: Context) -> Draft | Rejection:
    """One record (a JSON object or a CSV row) as a draft, through the field map."""
    columns = _columns(ctx)
    if columns["text"] not in record:
        names = ", ".join(map(str, record)) or "none"
        return reject(
            origin,
            "empty",
            f"no '{columns['text']}' field (fields: {names}); "
            "map the article-text field with --map text=FIELD",
        )
    text = record.get(columns["text"])
    if text is not None and not isinstance(text, str):
        kind = type(text).__name__
        return reject(origin, "format", f"field '{columns['text']}' must be a string, not {kind}")
    limit = ctx.settings.max_bytes
    if text is not None and len(text) * 4 > limit and (size := len(text.encode("utf-8"))) > limit:
        return from_problem(origin, too_large(size, limit, "text"))
    used = set(columns.values())
    extra = {key: value for key, value in record.items() if key not in used}
    if record.get(columns["id"]) not in (None, ""):
        extra["id"] = record[columns["id"]]
    return Draft(
        origin=origin,
        text=text or "",
        title=_scalar(record.get(columns["title"])),
        published=_scalar(record.get(columns["published"])),
        source=_scalar(record.get(columns["source"])),
        url=_scalar(record.get(columns["url"])),
        extra=extra,
    )


def _sniff(path: Path) -> str | Problem:
    with path.open("rb") as fh:
        head = fh.read(SNIFF_BYTES)
    if not head.strip():
        return Problem("empty", "file is empty; give one record per line (JSON Lines) or per row (CSV)")
    return sniff_encoding(head)


def _lines(fh: IO[bytes], limit: int) -> Iterator[bytes | int]:
    """Lines of a binary stream, or the size of a line longer than ``limit`` (skipped unread)."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while True:
            chunk = fh.readline(1 << 20)
            size += len(chunk)
            if not chunk or chunk.endswith(b"\n"):
                break
        yield size


def _json_problem(exc: json.JSONDecodeError) -> str:
    """The parser's message and column: some messages end in "at" ("Unterminated string starting at")."""
    return f"{exc.msg.removesuffix(' at')} at column {exc.colno}"


def read_jsonl(path: Path, ctx: Context) -> Iterator[Draft | Rejection]:
    """Read a JSON Lines file; origins are ``path:LINE`` (from 1). Blank lines are skipped."""
    encoding = _sniff(path)
    if isinstance(encoding, Problem):
        yield from_problem(str(path), encoding)
        return
    if encoding in {"utf-16", "utf-32"}:
        yield reject(str(path), "encoding", f"JSON Lines in {encoding}; re-save the file as UTF-8")
        return
    limit = ctx.settings.max_bytes
    with path.open("rb") as fh:
        for number, line in enumerate(_lines(fh, limit), start=1):
            origin = f"{path}:{number}"
            if isinstance(line, int):
                yield from_problem(origin, too_large(line, limit, "line"))
                continue
            decoded, invalid = decode_replacing(line, encoding)
            if number == 1:
                decoded = decoded.lstrip("\ufeff")
            if not decoded.strip():
                continue
            try:
                record = json.loads(decoded.rstrip("\r\n"))
            except json.JSONDecodeError as exc:
                yield reject(
                    origin, "format", f"not valid JSON: {_json_problem(exc)}; fix or remove the line"
                )
                continue
            if not isinstance(record, dict):
                yield reject(
                    origin,
                    "format",
                    f"line is a JSON {type(record).__name__}, not an object with a 'text' field",
                )
                continue
            draft = to_draft(record, origin, ctx)
            yield draft if isinstance(draft, Rejection) else with_invalid_bytes(draft, invalid)


def _delimiter(path: Path, encoding: str) -> str:
    with path.open("rb") as fh:
        header = fh.readline(SNIFF_BYTES).decode(encoding, errors="replace")
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def _byte_lines(fh: IO[bytes]) -> Iterator[bytes]:
    """Lines of a binary stream ending in \\n, \\r\\n or \\r (kept, as ``newline=""`` keeps them)."""
    pending: list[bytes] = []
    while chunk := fh.read(1 << 16):
        if pending and pending[-1].endswith(b"\r") and not chunk.startswith(b"\n"):
            yield b"".join(pending)
            pending = []
        lines = chunk.splitlines(keepends=True)
        for line in lines[:-1]:
            pending.append(line)
            yield b"".join(pending)
            pending = []
        pending.append(lines[-1])
        if lines[-1].endswith(b"\n"):
            yield b"".join(pending)
            pending = []
    if pending:
        yield b"".join(pending)


def _text_lines(fh: IO[bytes], encoding: str) -> Iterator[str]:
    """The lines of a binary stream decoded one at a time, so that the bytes replaced in a CSV row
    (:data:`~frontlines.ingest.decode.REPLACE`) are counted in that row."""
    if encoding.startswith(("utf-16", "utf-32")):
        # line ends are not single bytes: decoded ahead in chunks, so a count may land a row late
        yield from io.TextIOWrapper(fh, encoding=encoding, errors=REPLACE, newline="")
        return
    decoder = codecs.getincrementaldecoder(encoding)(errors=REPLACE)
    for line in _byte_lines(fh):
        yield decoder.decode(line)
    if tail := decoder.decode(b"", final=True):
        yield tail


def read_csv(path: Path, ctx: Context) -> Iterator[Draft | Rejection]:
    """Read a CSV file with a header row; origins are ``path:ROW`` (the header is row 1).

    Raises :class:`ConfigError` when the field map names a column that is not in the header.
    """
    origin = str(path)
    encoding = _sniff(path)
    if isinstance(encoding, Problem):
        yield from_problem(origin, encoding)
        return
    # The limit is per process; raise it (never lower it) so a long article fits, while a field
    # past ingest.max_bytes still stops the parser instead of filling memory.
    csv.field_size_limit(max(csv.field_size_limit(), ctx.settings.max_bytes + 1))
    columns = _columns(ctx)
    delimiter = _delimiter(path, encoding)
    with path.open("rb") as fh:
        rows = csv.reader(_text_lines(fh, encoding), delimiter=delimiter)
        row_number = 0
        header: list[str] | None = None
        while True:
            before = replaced_bytes()
            try:
                row = next(rows)
            except StopIteration:
                break
            except csv.Error as exc:
                code = "too_large" if "field limit" in str(exc) else "format"
                yield reject(
                    f"{origin}:{row_number + 1}",
                    code,
                    f"CSV error: {exc}; the rest of the file was not read; fix the row",
                )
                return
            row_number += 1
            if header is None:
                header = [name.strip() for name in row]
                missing = [f"{f}={c}" for f, c in ctx.field_map.items() if c not in header]
                if missing:
                    raise ConfigError(
                        f"{origin}: the field map names column(s) not in the file: {', '.join(missing)}",
                        f"the columns are: {', '.join(header)}",
                    )
                if columns["text"] not in header:
                    names = ", ".join(header)
                    yield reject(
                        origin,
                        "format",
                        f"no '{columns['text']}' column (columns: {names}); "
                        "map the article-text column with --map text=COLUMN",
                    )
                    return
                continue
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                yield reject(
                    f"{origin}:{row_number}",
                    "format",
                    f"row has {len(row)} fields, the header has {len(header)}; check quoting in that row",
                )
                continue
            draft = to_draft(dict(zip(header, row, strict=True)), f"{origin}:{row_number}", ctx)
            invalid = replaced_bytes() - before
            yield draft if isinstance(draft, Rejection) else with_invalid_bytes(draft, invalid)
    if header is None:
        yield reject(origin, "empty", "file has no header row and no records")

"""``read_inputs``: files and directories in, articles and rejections out, lazily and in order."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

from frontlines.config import IngestSettings
from frontlines.errors import ConfigError
from frontlines.ingest import feeds, html, parquet, records, txt
from frontlines.ingest.draft import Context, Draft, finish, prepare, reject
from frontlines.model import Article, Rejection

Reader = Callable[[Path, Context], Iterator[Draft | Rejection]]

#: File extension (lower case) -> reader.
READERS: dict[str, Reader] = {
    **dict.fromkeys(txt.EXTENSIONS, txt.read_txt),
    **dict.fromkeys(records.JSONL_EXTENSIONS, records.read_jsonl),
    **dict.fromkeys(records.CSV_EXTENSIONS, records.read_csv),
    **dict.fromkeys(html.EXTENSIONS, html.read_html),
    **dict.fromkeys(feeds.EXTENSIONS, feeds.read_feed),
    **dict.fromkeys(parquet.EXTENSIONS, parquet.read_parquet),
}
KNOWN = ", ".join(sorted(READERS))
#: Inside directories, files named like this (any extension, any case) are a folder's documentation,
#: not inputs, and are skipped: a corpus folder with a README reads cleanly. Named explicitly, they
#: are read (and rejected when their type is unknown) like any file.
DOCUMENTATION_NAMES = ("readme", "license", "licence", "changelog", "source")


def _is_sidecar(path: Path) -> bool:
    return path.suffix.lower() == ".json" and any(
        path.with_suffix(ext).is_file() for ext in (*txt.EXTENSIONS, *(e.upper() for e in txt.EXTENSIONS))
    )


def _is_documentation(path: Path) -> bool:
    return path.stem.lower() in DOCUMENTATION_NAMES or path.name.lower() in DOCUMENTATION_NAMES


def iter_files(paths: Sequence[Path]) -> Iterator[Path]:
    """The files to read, in order: each path as given; a directory's files recursively, sorted.

    Inside directories, hidden files and folders (``.name``), ``.txt`` sidecars (``NAME.json``
    beside ``NAME.txt``) and documentation (``README.md``, ``LICENSE``, ``SOURCE.txt`` ...: see
    :data:`DOCUMENTATION_NAMES`) are skipped.
    """
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        for found in sorted(path.rglob("*")):
            relative = found.relative_to(path)
            if any(part.startswith(".") for part in relative.parts) or not found.is_file():
                continue
            if _is_sidecar(found) or _is_documentation(found):
                continue
            yield found


def _read_file(path: Path, ctx: Context, check_text: bool) -> Iterator[Article | Rejection]:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        kind = f"'{path.suffix}'" if path.suffix else "without an extension"
        yield reject(str(path), "format", f"file type {kind} is not read; frontlines reads {KNOWN}")
        return
    complete = finish if check_text else prepare
    try:
        for item in reader(path, ctx):
            yield item if isinstance(item, Rejection) else complete(item, ctx)
    except OSError as exc:
        reason = exc.strerror or exc
        yield reject(str(path), "unreadable", f"cannot read the file ({reason}); check its permissions")


def input_bytes(paths: Sequence[Path], stop: int | None = None) -> int:
    """The size in bytes of the files :func:`read_inputs` would read from ``paths`` (missing ones
    count 0), counted until the total passes ``stop``."""
    total = 0
    for path in iter_files([p for p in paths if p.exists()]):
        with contextlib.suppress(OSError):
            total += path.stat().st_size
        if stop is not None and total > stop:
            break
    return total


def read_inputs(
    paths: Sequence[Path],
    settings: IngestSettings,
    *,
    field_map: Mapping[str, str] | None = None,
    published: dt.date | None = None,
    source: str | None = None,
    today: dt.date,
    check_text: bool = True,
) -> Iterator[Article | Rejection]:
    """Read articles from files and directories; yields each :class:`Article` or :class:`Rejection`.

    ``published`` and ``source`` are defaults for records that have none; ``field_map`` renames
    record fields to CSV/JSON columns; ``today`` bounds publication dates (no clock is read here).
    Raises :class:`ConfigError` at once when a path does not exist or the field map names an
    unknown field, and while reading when a CSV lacks a mapped column. Everything else that is
    wrong with an input is a rejection (stage ``ingest``): ``format``, ``too_large``, ``binary``,
    ``encoding``, ``empty``, ``date``, ``language``, ``unreadable``.

    ``check_text=False`` leaves out the costly checks of the text (enough of it after cleaning, its
    language: :func:`~frontlines.ingest.draft.check`): articles come with ``language`` None, and the
    caller checks them (``frontlines batch`` does it on its workers).
    """
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise ConfigError(f"input not found: {', '.join(missing)}", "check the path(s) and try again")
    records.check_field_map(field_map or {})
    ctx = Context(
        settings=settings, today=today, field_map=dict(field_map or {}), published=published, source=source
    )

    def generate() -> Iterator[Article | Rejection]:
        for path in iter_files(paths):
            yield from _read_file(path, ctx, check_text)

    return generate()

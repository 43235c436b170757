"""Plain-text articles: one article per ``.txt``/``.text`` file.

Metadata can come from a header at the top of the file, lines ``Key: value`` with the keys
``Title``, ``Published`` (or ``Date``), ``Source`` and ``URL`` (any case), ended by a blank line::

    Title: Shelling kills five in market town
    Published: 2019-05-09
    Source: Example News

    Government forces shelled ...

or from a sidecar ``NAME.json`` next to ``NAME.txt`` with the same keys (lower case). The header wins
over the sidecar. With a header, ``Article.text`` is the body after the header's blank line, so every
evidence offset points into the body, not into the file. Without metadata, the title is ``None``
(the first line is not guessed to be one).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from frontlines.ingest.decode import Problem, read_text_file
from frontlines.ingest.draft import Context, Draft, from_problem, reject, with_invalid_bytes
from frontlines.model import Rejection

EXTENSIONS = frozenset({".txt", ".text"})
#: Header keys as written (lower-cased) -> the draft field they fill.
HEADER_KEYS = {
    "title": "title",
    "published": "published",
    "date": "published",
    "source": "source",
    "url": "url",
}
#: One header line: a known key, a colon, a value.
HEADER_LINE = re.compile(
    r"[ \t]*(?P<key>title|published|date|source|url)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*", re.IGNORECASE
)
#: The blank line that ends a header (and any blank lines after it).
HEADER_END = re.compile(r"\r?\n(?:[ \t]*\r?\n)+")


def split_header(content: str) -> tuple[dict[str, str], str]:
    """Split a leading metadata header from the body; returns ``({field: value}, body)``.

    Only a block of header lines ended by a blank line counts; anything else is all body.
    """
    end = HEADER_END.search(content)
    if end is None:
        return {}, content
    lines = content[: end.start()].lstrip("\ufeff").splitlines()
    fields: dict[str, str] = {}
    for line in lines:
        m = HEADER_LINE.fullmatch(line)
        if m is None:
            return {}, content
        fields[HEADER_KEYS[m["key"].lower()]] = m["value"]
    return fields, content[end.end() :]


def sidecar_path(path: Path) -> Path:
    """The metadata sidecar of a text file: ``NAME.json`` beside ``NAME.txt``."""
    return path.with_suffix(".json")


def _sidecar(path: Path) -> dict[str, Any] | Problem:
    side = sidecar_path(path)
    if not side.is_file():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return Problem("format", f"sidecar {side.name} is not readable JSON ({exc}); fix or remove it")
    if not isinstance(data, dict):
        return Problem("format", f"sidecar {side.name} must be a JSON object with title/published/source/url")
    fields = {HEADER_KEYS[k.lower()]: v for k, v in data.items() if k.lower() in HEADER_KEYS}
    fields = {k: v for k, v in fields.items() if v is not None}
    return {k: v if isinstance(v, str) else str(v) for k, v in fields.items()}


def read_txt(path: Path, ctx: Context) -> Iterator[Draft | Rejection]:
    """Read one text file as one article draft (or a rejection naming the file)."""
    origin = str(path)
    decoded = read_text_file(path, ctx.settings.max_bytes)
    if isinstance(decoded, Problem):
        yield from_problem(origin, decoded)
        return
    content = decoded.text
    if not content.strip():
        yield reject(origin, "empty", "file is empty or only whitespace; give the article text")
        return
    side = _sidecar(path)
    if isinstance(side, Problem):
        yield from_problem(origin, side)
        return
    header, body = split_header(content)
    fields = {**side, **header}
    draft = Draft(
        origin=origin,
        text=body,
        title=fields.get("title"),
        published=fields.get("published"),
        source=fields.get("source"),
        url=fields.get("url"),
    )
    yield with_invalid_bytes(draft, decoded.invalid_bytes)

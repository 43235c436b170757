"""Bytes to text: size, binary and encoding checks shared by every reader.

The cascade, cheapest first:

1. a byte-order mark says the encoding (UTF-8, UTF-16, UTF-32);
2. strict UTF-8, the encoding of nearly every modern file;
3. bytes that are *mostly* valid UTF-8 with a few broken sequences are damaged UTF-8: rejected with
   code ``encoding`` rather than guessed as some legacy code page (which would turn every accented
   letter and dash into mojibake);
4. otherwise charset-normalizer guesses a legacy encoding (cp1256 Arabic, cp1252, KOI8-R, ...);
   no plausible guess is code ``binary`` when the bytes look binary, else ``encoding``.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import NamedTuple

import charset_normalizer

#: Bytes looked at for NUL bytes and for guessing an encoding before reading a whole file.
HEAD_BYTES = 8192
#: Bytes used to choose the encoding of a file that is read as a stream (CSV, JSON Lines).
SNIFF_BYTES = 1 << 20
#: Share of well-formed multi-byte sequences above which undecodable bytes are damaged UTF-8
#: rather than a legacy encoding (measured shares below).
DAMAGED_UTF8_SHARE = 0.3

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class Problem(NamedTuple):
    """Why bytes could not become text: a rejection code and a one-line detail."""

    code: str
    detail: str


def too_large(size: int, max_bytes: int, what: str = "file") -> Problem:
    """The ``too_large`` problem for a file or record of ``size`` bytes."""
    return Problem(
        "too_large",
        f"{what} is {size:,} bytes, over ingest.max_bytes={max_bytes:,}; no news report is that long: "
        "split it, or raise the limit with --set ingest.max_bytes=N",
    )


def _bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _damaged_utf8(data: bytes, *, final: bool) -> Problem | None:
    """A problem when the bytes are UTF-8 with some broken sequences, else None (not UTF-8 at all)."""
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    text = decoder.decode(data, final=final)
    broken = text.count("\ufffd")
    valid = sum(1 for ch in text if ord(ch) > 127) - broken
    # Legacy text read as UTF-8 is nearly all broken sequences: valid ones are chance pairs (share
    # of valid: cp1251/1252/1253/1255 0%, cp1256 Arabic 0.7%, CJK code pages 9-14%). UTF-8 damaged
    # by a bad copy or a cut field is mostly valid sequences with a few broken ones.
    if valid and valid >= DAMAGED_UTF8_SHARE * (valid + broken):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            where = exc.start
        else:  # the only errors were in a sequence cut at the end of a head sample
            return None
        return Problem(
            "encoding",
            f"UTF-8 with {broken} invalid byte sequence(s), the first at byte {where}; "
            "repair or re-save the file as UTF-8",
        )
    return None


def _guess(data: bytes) -> str | Problem:
    """Guess a legacy encoding with charset-normalizer; a problem when nothing reads the bytes cleanly."""
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        return best.encoding
    if charset_normalizer.is_binary(data[:HEAD_BYTES]):
        return Problem("binary", "binary data, not text; give text, HTML, CSV, JSON Lines or feed files")
    return Problem("encoding", "no text encoding reads these bytes cleanly; re-save the file as UTF-8")


def nul_problem(head: bytes) -> Problem | None:
    """The ``binary`` problem when the first bytes hold NUL bytes (UTF-16/32 with a BOM excepted)."""
    if _bom_encoding(head) in {"utf-16", "utf-32"}:
        return None
    if b"\x00" in head[:HEAD_BYTES]:
        return Problem("binary", "binary data (NUL bytes), not text; give text, HTML, CSV, JSON Lines, feeds")
    return None


def decode_bytes(data: bytes) -> str | Problem:
    """Decode the whole content of a file by the module's cascade; returns the text or a problem."""
    problem = nul_problem(data)
    if problem:
        return problem
    bom = _bom_encoding(data)
    if bom:
        try:
            return data.decode(bom)
        except UnicodeDecodeError as exc:
            return Problem("encoding", f"starts with a {bom} byte-order mark but is not {bom}: {exc.reason}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    problem = _damaged_utf8(data, final=True)
    if problem:
        return problem
    encoding = _guess(data)
    if isinstance(encoding, Problem):
        return encoding
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return Problem("encoding", f"looks like {encoding} but does not decode as it; re-save it as UTF-8")


def sniff_encoding(head: bytes) -> str | Problem:
    """Choose the encoding of a streamed file from its first bytes; returns a codec name or a problem."""
    problem = nul_problem(head)
    if problem:
        return problem
    bom = _bom_encoding(head)
    if bom:
        return bom
    try:
        codecs.getincrementaldecoder("utf-8")("strict").decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    problem = _damaged_utf8(head, final=False)
    if problem:
        return problem
    return _guess(head)


def read_text_file(path: Path, max_bytes: int) -> str | Problem:
    """Read one single-article file as text, rejecting it by size (before reading) and by content."""
    size = path.stat().st_size
    if size > max_bytes:
        return too_large(size, max_bytes)
    with path.open("rb") as fh:
        head = fh.read(HEAD_BYTES)
        problem = nul_problem(head)
        if problem:
            return problem
        data = head + fh.read(max_bytes + 1 - len(head))
    if len(data) > max_bytes:  # the file grew after stat
        return too_large(len(data), max_bytes)
    return decode_bytes(data)

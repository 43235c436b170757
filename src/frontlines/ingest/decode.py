"""Bytes to text: size, binary and encoding checks shared by every reader.

The cascade, cheapest first:

1. a byte-order mark says the encoding (UTF-8, UTF-16, UTF-32);
2. strict UTF-8, the encoding of nearly every modern file;
3. bytes that are *mostly* valid UTF-8 with a few broken sequences are damaged UTF-8, and ASCII
   text with a few stray high bytes is ASCII (so UTF-8): neither is guessed as some legacy code
   page, which would turn every accented letter, dash or stray byte into mojibake (stray bytes that
   are all Windows punctuation, curly quotes and dashes, are read as cp1252);
4. otherwise charset-normalizer guesses a legacy encoding (cp1256 Arabic, cp1252, KOI8-R, ...);
   no plausible guess is code ``binary`` when the bytes look binary, else ``encoding``.

Invalid bytes, one policy for every format (txt, html, JSON Lines, CSV): bytes that the chosen
encoding cannot read are each replaced by U+FFFD and counted; the article is kept, and a reader
records the count in ``Article.extra["invalid_bytes"]``, which the pipeline reports as a warning.
Only a file that is no text at all (``binary``) or that no encoding reads is rejected.
"""

from __future__ import annotations

import codecs
import threading
from pathlib import Path
from typing import NamedTuple

#: Bytes looked at for NUL bytes and for guessing an encoding before reading a whole file.
HEAD_BYTES = 8192
#: Bytes used to choose the encoding of a file that is read as a stream (CSV, JSON Lines).
SNIFF_BYTES = 1 << 20
#: Share of well-formed multi-byte sequences above which undecodable bytes are damaged UTF-8
#: rather than a legacy encoding (measured shares below).
DAMAGED_UTF8_SHARE = 0.3
#: Share of non-ASCII bytes below which bytes that are not UTF-8 are stray bytes in ASCII text rather
#: than a legacy encoding (cp1252 French, German and Spanish run at 1-4% accented letters; Cyrillic,
#: Greek, Arabic and CJK code pages at 30% and more).
STRAY_BYTES_SHARE = 0.005
#: Non-ASCII bytes that are stray bytes in ASCII text whatever the text's length (a short legacy text
#: has more: a few accented words).
STRAY_BYTES_FEW = 4
#: cp1252 bytes of Windows punctuation (ellipsis, curly quotes, bullet, dashes, no-break space):
#: stray bytes that are all of these are read as cp1252, the editor that wrote them.
CP1252_PUNCTUATION = frozenset(b"\x85\x91\x92\x93\x94\x95\x96\x97\xa0")
#: Codec error handler every reader decodes with: each invalid byte becomes U+FFFD and is counted.
REPLACE = "frontlines-replace"

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


_replaced = threading.local()


def _replace_counting(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: one U+FFFD for an invalid sequence; counts its bytes (per thread)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _replaced.count = getattr(_replaced, "count", 0) + exc.end - exc.start
    return "\ufffd", exc.end


codecs.register_error(REPLACE, _replace_counting)


def replaced_bytes() -> int:
    """Bytes this thread's decoders have replaced so far with the :data:`REPLACE` handler (a running
    count: take the difference around a read)."""
    return int(getattr(_replaced, "count", 0))


def decode_replacing(data: bytes, encoding: str) -> tuple[str, int]:
    """``data`` decoded, invalid bytes replaced by U+FFFD; the text and how many bytes were replaced."""
    before = replaced_bytes()
    text = data.decode(encoding, errors=REPLACE)
    return text, replaced_bytes() - before


class Decoded(NamedTuple):
    """Text read from bytes: the encoding chosen and how many invalid bytes became U+FFFD."""

    text: str
    encoding: str
    invalid_bytes: int = 0


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


def _utf8_after_all(data: bytes) -> str | None:
    """The encoding of bytes that are not valid UTF-8 nor a legacy code page either: ``utf-8`` for
    damaged UTF-8 or for ASCII with a few stray bytes (``cp1252`` when those are all Windows
    punctuation); None when the bytes look like a legacy encoding."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    valid = sum(1 for ch in text if ord(ch) > 127) - broken
    # Legacy text read as UTF-8 is nearly all broken sequences: valid ones are chance pairs (share
    # of valid: cp1251/1252/1253/1255 0%, cp1256 Arabic 0.7%, CJK code pages 9-14%). UTF-8 damaged
    # by a bad copy or a cut field is mostly valid sequences with a few broken ones.
    if valid and valid >= DAMAGED_UTF8_SHARE * (valid + broken):
        return "utf-8"
    high = data.translate(None, _ASCII)
    if len(high) <= max(STRAY_BYTES_FEW, STRAY_BYTES_SHARE * len(data)):
        return "cp1252" if set(high) <= CP1252_PUNCTUATION else "utf-8"
    return None


_ASCII = bytes(range(128))


def _guess(data: bytes) -> str | Problem:
    """Guess a legacy encoding with charset-normalizer; a problem when nothing reads the bytes cleanly."""
    import charset_normalizer  # only for bytes that are not UTF-8: most runs never need it (0.01 s)

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


def _choose_encoding(data: bytes) -> str | Problem:
    """The encoding of ``data`` (a whole file or its first bytes) by the module's cascade."""
    bom = _bom_encoding(data)
    if bom:
        return bom
    try:
        codecs.getincrementaldecoder("utf-8")("strict").decode(data, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    return _utf8_after_all(data) or _guess(data)


def decode_bytes(data: bytes) -> Decoded | Problem:
    """Decode the whole content of a file by the module's cascade, invalid bytes replaced and counted;
    a problem when the bytes are not text."""
    problem = nul_problem(data)
    if problem:
        return problem
    encoding = _choose_encoding(data)
    if isinstance(encoding, Problem):
        return encoding
    try:
        text, invalid = decode_replacing(data, encoding)
    except LookupError:
        return Problem("encoding", f"looks like {encoding}, which Python cannot decode; re-save it as UTF-8")
    return Decoded(text, encoding, invalid)


def sniff_encoding(head: bytes) -> str | Problem:
    """Choose the encoding of a streamed file from its first bytes; returns a codec name or a problem."""
    return nul_problem(head) or _choose_encoding(head)


def read_text_file(path: Path, max_bytes: int) -> Decoded | Problem:
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

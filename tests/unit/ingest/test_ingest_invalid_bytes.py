"""One policy for invalid bytes in every format: replaced by U+FFFD, counted, the article kept."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from frontlines.ingest.decode import Decoded, decode_bytes
from frontlines.model import INVALID_BYTES, Article
from frontlines.pipeline import read_warnings

#: Where the bad bytes go: inside the report's text, whatever the format.
CUT = 60


def _txt(path: Path, text: bytes) -> Path:
    path = path / "report.txt"
    path.write_bytes(text)
    return path


def _html(path: Path, text: bytes) -> Path:
    path = path / "report.html"
    path.write_bytes(
        b"<html><head><title>Shelling</title></head><body><article><p>"
        + text
        + b"</p></article></body></html>"
    )
    return path


def _jsonl(path: Path, text: bytes) -> Path:
    path = path / "reports.jsonl"
    marker = json.dumps({"text": "@", "id": 1}).encode("utf-8")
    path.write_bytes(marker.replace(b"@", text) + b"\n")
    return path


def _csv(path: Path, text: bytes) -> Path:
    path = path / "reports.csv"
    path.write_bytes(b'id,text\r\n1,"' + text + b'"\r\n')
    return path


WRITERS: dict[str, Callable[[Path, bytes], Path]] = {"txt": _txt, "html": _html, "jsonl": _jsonl, "csv": _csv}
#: Bytes inserted into clean text, and how many of them are invalid.
DAMAGE = {
    "ascii-stray-bytes": (b"\x81", b"\x9d\x8f", 3),  # charset guessing read these as mac_iceland/cp775
    "damaged-utf8": (b"\xff\xfe", b"\xe2\x80", 4),
}


@pytest.mark.parametrize("fmt", list(WRITERS))
@pytest.mark.parametrize("damage", list(DAMAGE))
def test_ingest_invalid_bytes_replaced_and_counted(
    tmp_path: Path, read, report: str, fmt: str, damage: str
) -> None:
    first, second, invalid = DAMAGE[damage]
    prefix = "“Shelling” — " if damage == "damaged-utf8" else ""  # valid UTF-8 around the damage
    good = (prefix + report).encode("utf-8")
    damaged = good[:CUT] + first + good[CUT : CUT + 40] + second + good[CUT + 40 :]
    [article] = read(WRITERS[fmt](tmp_path, damaged))
    assert isinstance(article, Article), article
    assert article.extra[INVALID_BYTES] == invalid
    assert article.text.count("\ufffd") == 3  # one per invalid sequence: \x81 \x9d \x8f, \xff \xfe \xe2\x80
    clean = article.text.replace("\ufffd", "")
    assert "Maarat al-Numan" in clean and "Ã" not in clean and "Å" not in clean  # no mojibake
    noun = "byte" if invalid == 1 else "bytes"
    assert read_warnings(article) == [
        f"{invalid} invalid {noun} replaced by U+FFFD; re-save the file as UTF-8 to keep those characters"
    ]


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_ingest_clean_text_has_no_invalid_bytes(tmp_path: Path, read, report: str, fmt: str) -> None:
    [article] = read(WRITERS[fmt](tmp_path, ("“" + report + "”").encode("utf-8")))
    assert INVALID_BYTES not in article.extra and read_warnings(article) == []


def test_ingest_windows_punctuation_is_cp1252_not_invalid(report: str) -> None:
    text = report.replace("group said", "group\x92s head said").encode("latin-1")
    decoded = decode_bytes(text)
    assert isinstance(decoded, Decoded) and decoded.encoding == "cp1252"
    assert "group’s head" in decoded.text and decoded.invalid_bytes == 0


def test_ingest_csv_counts_invalid_bytes_per_row(tmp_path: Path, read, report: str) -> None:
    good = report.encode("utf-8")
    rows = [
        b'"' + good[:CUT] + b"\xc3" + good[CUT:] + b'"',
        b'"' + good + b' Again."',
        b'"' + b"\x81\x82" + good + b'"',
    ]
    path = tmp_path / "three.csv"
    path.write_bytes(b"text\n" + b"\n".join(rows) + b"\n")
    articles = read(path)
    assert [a.extra.get(INVALID_BYTES, 0) for a in articles] == [1, 0, 2]

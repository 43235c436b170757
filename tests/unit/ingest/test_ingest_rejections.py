"""Each bad input is one test: it becomes a Rejection with the right code and a useful detail."""

from __future__ import annotations

import builtins
import io
import json
import time
from pathlib import Path

import pytest

from frontlines.config import IngestSettings
from frontlines.model import Article, Rejection

ARABIC = (
    "قالت مصادر محلية إن القصف المدفعي استهدف سوق مدينة معرة النعمان في ريف إدلب صباح الخميس، "
    "وأدى إلى مقتل خمسة مدنيين وإصابة عشرات آخرين، بحسب المرصد السوري لحقوق الإنسان."
)
FRENCH = (
    "Les forces gouvernementales ont bombardé jeudi la ville de Maarat al-Numan, dans la province "
    "d'Idleb, tuant cinq civils et en blessant une douzaine d'autres, selon un groupe de surveillance."
)


def only_rejection(items: list) -> Rejection:
    assert len(items) == 1, items
    [item] = items
    assert isinstance(item, Rejection), item
    assert item.stage == "ingest"
    assert "\n" not in item.detail
    return item


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  \n"], ids=["zero-bytes", "whitespace"])
def test_ingest_rejects_empty_file(tmp_path: Path, read, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    rejection = only_rejection(read(path))
    assert (rejection.code, rejection.origin) == ("empty", str(path))


@pytest.mark.parametrize(
    "content",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, bytes(range(1, 256)) * 40],
    ids=["png-with-nul", "no-nul-bytes"],
)
def test_ingest_rejects_binary_file(tmp_path: Path, read, content: bytes) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(content)
    assert only_rejection(read(path)).code == "binary"


def test_ingest_rejects_huge_file_without_reading_it(
    tmp_path: Path, read, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # 50 MB, sparse: made in no time
        fh.truncate(50 * 1024 * 1024)
    real_open = io.open

    def guarded_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(str(file)) == path:
            raise AssertionError("the oversized file was opened")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", guarded_open)
    monkeypatch.setattr(builtins, "open", guarded_open)
    started = time.perf_counter()
    rejection = only_rejection(read(path))
    assert time.perf_counter() - started < 1.0
    assert rejection.code == "too_large"
    assert "52,428,800 bytes" in rejection.detail and "ingest.max_bytes" in rejection.detail


def test_ingest_cp1256_arabic_decodes_then_is_rejected_for_language(tmp_path: Path, read) -> None:
    path = tmp_path / "arabic.txt"
    path.write_bytes(ARABIC.encode("cp1256"))
    rejection = only_rejection(read(path))
    assert rejection.code == "language"
    assert "Arabic (ar)" in rejection.detail and "reads en" in rejection.detail
    assert rejection.article_id is not None
    # The same bytes with Arabic accepted: the text is the Arabic we wrote, so decoding was right.
    [article] = read(path, settings=IngestSettings(languages=("en", "ar")))
    assert isinstance(article, Article)
    assert article.text == ARABIC


def test_ingest_rejects_french_article_for_language(tmp_path: Path, read) -> None:
    path = tmp_path / "french.txt"
    path.write_text(FRENCH, encoding="utf-8")
    rejection = only_rejection(read(path))
    assert rejection.code == "language"
    assert "French (fr)" in rejection.detail


def test_ingest_jsonl_malformed_line_is_rejected_others_read(tmp_path: Path, read, report: str) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"text": report}),
        '{"text": "Clashes near Kobani", "published": ',
        json.dumps({"text": report.replace("five", "seven")}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(path)
    assert [type(item).__name__ for item in items] == ["Article", "Rejection", "Article"]
    rejection = items[1]
    assert rejection.origin == f"{path}:2"
    assert rejection.code == "format"
    assert "not valid JSON" in rejection.detail and "column" in rejection.detail


def test_ingest_jsonl_line_that_is_not_an_object(tmp_path: Path, read, report: str) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps([report]) + "\n", encoding="utf-8")
    rejection = only_rejection(read(path))
    assert (rejection.code, rejection.origin) == ("format", f"{path}:1")


@pytest.mark.parametrize("value", ["2012-13-45", "31/02/2017", "the day before yesterday"])
def test_ingest_rejects_impossible_published_date(tmp_path: Path, read, report: str, value: str) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"text": report, "published": value}) + "\n", encoding="utf-8")
    rejection = only_rejection(read(path))
    assert rejection.code == "date"
    assert value in rejection.detail


def test_ingest_rejects_published_date_in_the_future(tmp_path: Path, read, report: str) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Published: 2031-01-15\n\n" + report, encoding="utf-8")
    rejection = only_rejection(read(path))  # today is 2024-06-01 in these tests
    assert rejection.code == "date"
    assert "2031-01-15 is after today (2024-06-01)" in rejection.detail


@pytest.mark.parametrize("record", [{"text": ""}, {"title": "Headline only"}, {"text": "   "}])
def test_ingest_rejects_article_with_no_text(tmp_path: Path, read, record: dict) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert only_rejection(read(path)).code == "empty"


def test_ingest_rejects_text_too_short_after_cleaning(tmp_path: Path, read) -> None:
    path = tmp_path / "caption.txt"
    path.write_text("Photo: Smoke rises over the town after the strike (AFP)\n\nFive killed.\n")
    rejection = only_rejection(read(path))
    assert rejection.code == "empty"
    assert "ingest.min_chars=25" in rejection.detail


def test_ingest_rejects_html_that_is_all_script(tmp_path: Path, read) -> None:
    path = tmp_path / "shell.html"
    path.write_text(
        "<!DOCTYPE html><html><head><script src='/app.js'></script></head><body><div id='root'></div>"
        "<script>window.__STATE__ = {articles: []}; render(document.getElementById('root'));</script>"
        "</body></html>",
        encoding="utf-8",
    )
    rejection = only_rejection(read(path))
    assert rejection.code == "empty"
    assert "no article text" in rejection.detail


@pytest.mark.parametrize("name", ["notes.docx", "data.json", "README"])
def test_ingest_rejects_unknown_extension(tmp_path: Path, read, name: str) -> None:
    path = tmp_path / name
    path.write_text("anything", encoding="utf-8")
    rejection = only_rejection(read(path))
    assert rejection.code == "format"
    assert ".txt" in rejection.detail and ".jsonl" in rejection.detail and ".csv" in rejection.detail


def test_ingest_csv_without_text_column(tmp_path: Path, read, report: str) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text(f'headline,body\nShelling,"{report}"\n', encoding="utf-8")
    rejection = only_rejection(read(path))
    assert rejection.code == "format"
    assert "columns: headline, body" in rejection.detail and "--map text=" in rejection.detail


def test_ingest_csv_row_with_wrong_field_count(tmp_path: Path, read, report: str) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text(f'title,text\nShelling,"{report}",extra\nClash,"{report}"\n', encoding="utf-8")
    bad, good = read(path)
    assert isinstance(bad, Rejection) and isinstance(good, Article)
    assert (bad.code, bad.origin, good.origin) == ("format", f"{path}:2", f"{path}:3")


def test_ingest_jsonl_record_over_max_bytes(tmp_path: Path, read, report: str) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"text": report * 20}) + "\n" + json.dumps({"text": report}) + "\n")
    big, small = read(path, settings=IngestSettings(max_bytes=2000))
    assert isinstance(big, Rejection) and isinstance(small, Article)
    assert (big.code, big.origin) == ("too_large", f"{path}:1")


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("this is < not > xml at all & never was", "format"),
        ('<?xml version="1.0"?><urlset><url><loc>https://example.org/a</loc></url></urlset>', "format"),
        ('<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title></channel></rss>', "empty"),
    ],
    ids=["not-xml", "sitemap", "feed-without-entries"],
)
def test_ingest_rejects_feed_file_without_entries(tmp_path: Path, read, content: str, code: str) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(content, encoding="utf-8")
    assert only_rejection(read(path)).code == code

"""A dateline whose explicit date contradicts the given publication date: a warning on the article, and
the text's date wins (time/dateline.py, the "times" stage, ``frontlines extract``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontlines.cli.main import app
from frontlines.model import Article, CleanText, Doc
from frontlines.time import time_stage
from frontlines.time.dateline import contradicted, read_dateline
from helpers import run_article

GIVEN = dt.date(2024, 3, 20)
#: 5 March 2024 is a Tuesday: "on Sunday" in the report is 3 March, not the 17th the given date makes it.
LEAD = "The Rapid Support Forces shelled Omdurman on Sunday, killing 5 civilians, medics said."


@pytest.mark.parametrize(
    ("text", "expected", "year_written"),
    [
        pytest.param("KHARTOUM, March 5 (Reuters) - RSF shelled", dt.date(2024, 3, 5), False, id="month-day"),
        pytest.param(
            "KYIV, Ukraine, 3 March 2024 (AFP) — Drones", dt.date(2024, 3, 3), True, id="country-dmy"
        ),
        pytest.param("DAMASCUS, Jan. 5, 2016 (Xinhua) -- Jets", dt.date(2016, 1, 5), True, id="abbrev-mdy"),
        pytest.param(
            "Title\nMOGADISHU, Dec 30 /AP/ - Gunmen", dt.date(2023, 12, 30), False, id="year-nearest"
        ),
        pytest.param("Goma, Monday, 4 March: rebels shelled", dt.date(2024, 3, 4), False, id="weekday-colon"),
    ],
)
def test_time_dateline_reads_explicit_dates(text: str, expected: dt.date, year_written: bool) -> None:
    line = read_dateline(text, GIVEN)
    assert line is not None and (line.date, line.year_written) == (expected, year_written)
    assert text[line.start : line.end] == line.quote


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("MOGADISHU, Somalia (AP) — Gunmen attacked", id="no-date"),
        pytest.param("KHARTOUM, Monday (Reuters) - The army", id="weekday-only"),
        pytest.param("KHARTOUM, Feb. 30 (Reuters) - The army", id="no-such-day"),
        pytest.param("The army shelled the town on March 5 - residents fled.", id="not-a-dateline"),
    ],
)
def test_time_dateline_reads_no_date_without_an_explicit_one(text: str) -> None:
    assert read_dateline(text, GIVEN) is None


def test_time_dateline_day_and_month_need_a_year_to_infer() -> None:
    assert read_dateline("KHARTOUM, March 5 (Reuters) - x", None) is None
    assert read_dateline("KHARTOUM, March 5, 2024 (Reuters) - x", None) is not None


def test_time_dateline_a_day_apart_is_no_contradiction() -> None:
    line = read_dateline("KHARTOUM, March 5 (Reuters) - x", GIVEN)
    assert contradicted(line, GIVEN)
    assert not contradicted(line, dt.date(2024, 3, 6))
    assert not contradicted(line, dt.date(2024, 3, 4))
    assert not contradicted(line, None)


def _stage(text: str, published: dt.date | None) -> Doc:
    article = Article(article_id="a1", text=text, origin="wire.txt", published=published)
    doc = time_stage(Doc(article=article, clean=CleanText(text, list(range(len(text) + 1)))))
    assert isinstance(doc, Doc)
    return doc


def test_time_dateline_contradiction_warns_and_the_text_date_wins() -> None:
    doc = _stage(f"KHARTOUM, March 5 (Reuters) - {LEAD}", GIVEN)
    assert len(doc.warnings) == 1
    assert "KHARTOUM, March 5 (Reuters) -" in doc.warnings[0] and "2024-03-20" in doc.warnings[0]
    assert doc.article.published == dt.date(2024, 3, 5)
    assert [(t.text, t.date) for t in doc.times if t.text.endswith("Sunday")] == [
        ("on Sunday", dt.date(2024, 3, 3))
    ]


def test_time_dateline_agreeing_with_publication_changes_nothing() -> None:
    doc = _stage(f"KHARTOUM, March 19 (Reuters) - {LEAD}", GIVEN)
    assert doc.warnings == []
    assert doc.article.published == GIVEN
    assert [t.date for t in doc.times if t.text.endswith("Sunday")] == [dt.date(2024, 3, 17)]


def test_time_dateline_event_dated_by_the_text(resources, settings) -> None:
    doc = run_article(f"KHARTOUM, March 5 (Reuters) - {LEAD}", resources, settings, GIVEN)
    assert [e.event_date for e in doc.events] == [dt.date(2024, 3, 3)]
    assert any("dateline" in w for w in doc.warnings)


def test_time_dateline_warning_printed_by_extract(tmp_path: Path) -> None:
    report = tmp_path / "khartoum.txt"
    report.write_text(f"KHARTOUM, March 5 (Reuters) - {LEAD}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(report), "--published", "2024-03-20"])
    assert result.exit_code == 0, result.output
    assert "warning:" in result.stderr and "the text's date is used" in result.stderr
    assert '"event_date": "2024-03-03"' in result.stdout

"""The "times" stage on documents, and the time rules on real FA-KES articles."""

from __future__ import annotations

import csv
import datetime as dt
import re

import pytest

from frontlines.model import Article, CleanText, Doc, TimePrecision
from frontlines.time import find_times, make_time_stage, time_stage
from frontlines.time.calendar import FUTURE_SLACK_DAYS
from helpers import FAKES_CSV, needs_fakes


def _doc(text: str, published: dt.date | None) -> Doc:
    article = Article(article_id="a1", text=text, origin="test", published=published)
    return Doc(article=article, clean=CleanText(text, list(range(len(text) + 1))))


def test_times_stage_declares_its_fields() -> None:
    assert (time_stage.name, time_stage.requires, time_stage.provides) == ("times", {"clean"}, {"times"})


def test_times_stage_fills_times() -> None:
    doc = time_stage(_doc("Rebels shelled the town on Sunday and yesterday.", dt.date(2017, 4, 5)))
    assert isinstance(doc, Doc)
    assert [(t.text, t.date) for t in doc.times] == [
        ("on Sunday", dt.date(2017, 4, 2)),
        ("yesterday", dt.date(2017, 4, 4)),
    ]
    assert doc.warnings == []


def test_times_stage_warns_when_published_missing() -> None:
    doc = time_stage(_doc("On 5 March 2013 and yesterday and on Monday.", None))
    assert isinstance(doc, Doc)
    assert [t.date for t in doc.times] == [dt.date(2013, 3, 5)]
    assert len(doc.warnings) == 1
    assert doc.warnings[0].startswith("no publication date: 2 relative date(s) left unresolved")
    assert doc.unresolved_times == [(20, 29), (34, 43)]  # "yesterday", "on Monday"
    assert doc.undated == 0  # the event stage counts undated events, not this one


@pytest.mark.parametrize(
    ("dayfirst", "expected"),
    [(True, dt.date(2013, 3, 5)), (False, dt.date(2013, 5, 3))],
)
def test_times_stage_dayfirst(dayfirst: bool, expected: dt.date) -> None:
    doc = make_time_stage(dayfirst)(_doc("Dated 05/03/2013 in the header.", None))
    assert isinstance(doc, Doc)
    assert [t.date for t in doc.times] == [expected]


@needs_fakes
def test_times_fakes_datelines_and_invariants() -> None:
    """Every FA-KES article: spans verbatim, relative dates never after publication (+ slack), and
    articles that open with a weekday dateline ("Wed 05 Apr 2017") get it as their first mention."""
    with FAKES_CSV.open(encoding="utf-8", errors="replace", newline="") as handle:
        rows = list(csv.DictReader(handle))
    datelines = 0
    for row in rows:
        month, day, year = (int(part) for part in row["date"].split("/"))
        published, text = dt.date(year, month, day), row["article_content"]
        mentions, unresolved = find_times(text, published)
        assert unresolved == []
        for m in mentions:
            assert text[m.start : m.end] == m.text
            if m.relative:
                assert m.date <= published + dt.timedelta(days=FUTURE_SLACK_DAYS), (row["unit_id"], m)
        if re.match(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d \w{3} \d{4}", text):
            datelines += 1
            first = mentions[0]
            assert (first.start, first.precision, first.relative) == (0, TimePrecision.DAY, False)
    assert datelines >= 10

"""Calendar rules: most recent weekday, coded day of a week or month, year of a yearless date."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.time import calendar as cal

D = dt.date


@pytest.mark.parametrize(
    ("published", "weekday", "strict", "expected"),
    [
        pytest.param(D(2017, 4, 3), 0, False, D(2017, 4, 3), id="monday-on-monday-is-that-day"),
        pytest.param(D(2017, 4, 3), 0, True, D(2017, 3, 27), id="last-monday-on-monday-a-week-back"),
        pytest.param(D(2017, 4, 5), 6, False, D(2017, 4, 2), id="sunday-before-wednesday"),
        pytest.param(D(2017, 1, 2), 4, False, D(2016, 12, 30), id="across-new-year"),
    ],
)
def test_times_last_weekday(published: dt.date, weekday: int, strict: bool, expected: dt.date) -> None:
    assert cal.last_weekday(published, weekday, strictly_before=strict) == expected


@pytest.mark.parametrize(
    ("year", "month", "part", "published", "expected"),
    [
        pytest.param(2017, 3, None, D(2017, 4, 5), D(2017, 3, 15), id="whole-month-15th"),
        pytest.param(2017, 3, "early", None, D(2017, 3, 1), id="early-first-day"),
        pytest.param(2017, 2, "late", None, D(2017, 2, 28), id="late-last-day"),
        pytest.param(2016, 2, "late", None, D(2016, 2, 29), id="late-leap-february"),
        pytest.param(2017, 4, None, D(2017, 4, 9), D(2017, 4, 5), id="current-month-cut-at-publication"),
        pytest.param(2017, 4, "late", D(2017, 4, 9), D(2017, 4, 9), id="late-this-month-is-publication"),
    ],
)
def test_times_month_day(
    year: int, month: int, part: str | None, published: dt.date | None, expected: dt.date
) -> None:
    assert cal.month_day(year, month, part, published) == expected


@pytest.mark.parametrize(
    ("month", "day", "published", "expected"),
    [
        pytest.param(3, 5, D(2017, 4, 5), D(2017, 3, 5), id="earlier-this-year"),
        pytest.param(5, 5, D(2017, 4, 5), D(2016, 5, 5), id="later-month-is-last-year"),
        pytest.param(4, 8, D(2017, 4, 5), D(2017, 4, 8), id="within-future-slack"),
        pytest.param(1, 3, D(2016, 12, 30), D(2017, 1, 3), id="slack-across-new-year"),
        pytest.param(2, 29, D(2017, 4, 5), D(2016, 2, 29), id="leap-day-goes-to-leap-year"),
        pytest.param(2, 30, D(2017, 4, 5), None, id="impossible"),
    ],
)
def test_times_infer_year(month: int, day: int, published: dt.date, expected: dt.date | None) -> None:
    assert cal.infer_year(month, day, published) == expected


def test_times_week_day_is_thursday_or_cut() -> None:
    monday = D(2017, 3, 27)
    assert cal.week_day(monday, D(2017, 4, 5)) == D(2017, 3, 30)
    assert cal.week_day(monday, D(2017, 3, 29)) == D(2017, 3, 28)
    assert cal.week_day(monday, None) == D(2017, 3, 30)

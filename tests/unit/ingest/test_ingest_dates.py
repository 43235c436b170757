"""The one publication-date parser every reader uses."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.ingest import parse_date


@pytest.mark.parametrize(
    ("text", "dayfirst", "expected"),
    [
        ("2017-04-07", False, dt.date(2017, 4, 7)),
        ("2017-04-07T23:30:00Z", False, dt.date(2017, 4, 7)),
        ("2017-04-07T23:30:00-05:00", False, dt.date(2017, 4, 7)),  # the date as written, not UTC
        ("20170407", False, dt.date(2017, 4, 7)),
        ("4/7/2017", False, dt.date(2017, 4, 7)),
        ("4/7/2017", True, dt.date(2017, 7, 4)),
        ("12/25/2016", False, dt.date(2016, 12, 25)),
        ("04.07.17", True, dt.date(2017, 7, 4)),
        ("Fri, 07 Apr 2017 09:14:00 +0000", False, dt.date(2017, 4, 7)),
        ("Tue, 10 Jun 2003 04:00:00 GMT", False, dt.date(2003, 6, 10)),
        ("9 May 2020", False, dt.date(2020, 5, 9)),
        ("May 9, 2020", False, dt.date(2020, 5, 9)),
        ("Saturday, May 9th, 2020", False, dt.date(2020, 5, 9)),
        ("9 Sept. 2020", False, dt.date(2020, 9, 9)),
        ("Wed 05 Apr 2017 at 0914", False, dt.date(2017, 4, 5)),
    ],
)
def test_ingest_dates_parses_accepted_forms(text: str, dayfirst: bool, expected: dt.date) -> None:
    assert parse_date(text, dayfirst=dayfirst) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2012-13-45", "impossible date '2012-13-45'"),
        ("2017-02-30", "impossible date"),
        ("13/7/2017", "set ingest.dayfirst=true"),
        ("Smarch 9, 2020", "unknown month name 'Smarch'"),
        ("last Tuesday", "write it as YYYY-MM-DD"),
        ("", "empty date"),
    ],
)
def test_ingest_dates_rejects_impossible_or_unknown(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message) as err:
        parse_date(text)
    assert "\n" not in str(err.value)

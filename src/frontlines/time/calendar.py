"""Calendar arithmetic behind the temporal rules: weeks, weekends, months and their coded days.

ACLED "When": a week or weekend known only codes its middle day (time_precision 2); a month known
only codes its middle, the 15th, or its first/last day for "early"/"late" (time_precision 3).

Choices where the codebook is silent (each used by :mod:`frontlines.time.expressions`):

- A week runs Monday to Sunday (ISO 8601, the English-language news convention); its middle day
  is Thursday.
- A weekend is Saturday and Sunday; a two-day span has no single middle day, so Saturday (the
  first) is coded, as ACLED puts the remainder of a split on the first day.
- A span that runs past the publication date is cut there first: "this week" in a Tuesday report
  can only mean Monday or Tuesday, so the middle of Monday..Tuesday is coded, never a later day.
"""

from __future__ import annotations

import calendar
import datetime as dt

#: English month names, lower-case, January first: the one list every date reader uses.
MONTH_NAMES: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
#: English weekday names, lower-case, Monday first (ISO 8601).
WEEKDAY_NAMES: tuple[str, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip

#: A day-and-month with no year is read in the year that puts it on or before publication; a date
#: up to this many days after publication still counts as the same year (feeds' publication dates
#: are often a day or two late or early), instead of jumping back almost a whole year.
FUTURE_SLACK_DAYS = 7

#: Day coded for a whole month (ACLED: "the middle of the month").
MID_MONTH_DAY = 15

#: ISO weekday index (Monday 0) of the day coded for a week: Thursday, the middle of Mon..Sun.
MID_WEEK_OFFSET = 3


def last_weekday(published: dt.date, weekday: int, *, strictly_before: bool = False) -> dt.date:
    """The most recent ``weekday`` (Monday 0) on or before ``published`` (before it if strict).

    "on Monday" in a Monday report is that same Monday; "last Monday" in it is a week earlier.
    """
    back = (published.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return published - dt.timedelta(days=back)


def middle(first: dt.date, last: dt.date) -> dt.date:
    """The middle day of ``first..last`` (inclusive); the earlier of two middles for even spans."""
    return first + dt.timedelta(days=(last - first).days // 2)


def week_day(monday: dt.date, published: dt.date | None) -> dt.date:
    """The coded day of the ISO week starting ``monday``, cut at publication (see module notes)."""
    sunday = monday + dt.timedelta(days=6)
    if published is not None and monday <= published < sunday:
        return middle(monday, published)
    return monday + dt.timedelta(days=MID_WEEK_OFFSET)


def month_last_day(year: int, month: int) -> int:
    """Number of days in ``month`` of ``year``."""
    return calendar.monthrange(year, month)[1]


def month_day(year: int, month: int, part: str | None, published: dt.date | None) -> dt.date:
    """The coded day of a month: ``part`` is ``"early"``, ``"late"``, ``"mid"`` or None (whole month).

    ACLED: the 15th for the month, the first day for "early", the last day for "late"; a month that
    contains the publication date is cut at it (the end of the month has not happened yet).
    """
    first = dt.date(year, month, 1)
    last = dt.date(year, month, month_last_day(year, month))
    if published is not None and first <= published < last:
        last = published
    if part == "early":
        return first
    if part == "late":
        return last
    return min(first.replace(day=MID_MONTH_DAY), last) if part == "mid" else _month_middle(first, last)


def _month_middle(first: dt.date, last: dt.date) -> dt.date:
    """The 15th of a whole month; the middle day of a month cut short at publication."""
    if last.day >= month_last_day(first.year, first.month):
        return first.replace(day=MID_MONTH_DAY)
    return min(middle(first, last), first.replace(day=MID_MONTH_DAY))


def shift_months(day: dt.date, months: int) -> tuple[int, int]:
    """(year, month) ``months`` calendar months before ``day`` (negative: after)."""
    index = day.year * 12 + (day.month - 1) - months
    return index // 12, index % 12 + 1


def infer_year(month: int, day: int, published: dt.date) -> dt.date | None:
    """A yearless day-and-month as a date on or before ``published`` (+ FUTURE_SLACK_DAYS).

    Returns None for an impossible day (30 February; 29 February outside leap years).
    """
    limit = published + dt.timedelta(days=FUTURE_SLACK_DAYS)
    for year in (published.year + 1, published.year, published.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= limit:
            return candidate
    return None


def infer_month_year(month: int, published: dt.date, *, strictly_before: bool = False) -> int:
    """The year of the latest ``month`` on or before publication's month (before it if strict)."""
    if month < published.month or (month == published.month and not strictly_before):
        return published.year
    return published.year - 1

"""Publication dates as readers find them, parsed to a :class:`datetime.date`.

One parser for every reader, so a date means the same thing whether it came from a ``.txt`` header,
a CSV column or a feed. Accepted forms (a time or time zone after the date is allowed and ignored;
the date is the one written, not converted to UTC, because that is the day the report was dated):

- ISO 8601: ``2017-04-07``, ``2017-04-07T09:14:00Z``, ``20170407``
- numeric with slashes, dots or dashes: ``4/7/2017`` is month/day/year unless ``dayfirst``
  (then day/month/year); two-digit years ``4/7/17`` are 2000-2069 or 1970-1999
- RFC 2822, as in RSS feeds: ``Fri, 07 Apr 2017 09:14:00 +0000``
- with a month name: ``9 May 2020``, ``May 9, 2020``, ``Sat 9 May 2020``, ``9 Sept. 2020``

A numeric date whose first number is over 12 is *not* silently read the other way round: mixing the
two orders in one corpus would be wrong without a trace, so it fails and says to set ``ingest.dayfirst``.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

from frontlines.time.calendar import MONTH_NAMES

#: English month names and abbreviations (``Sept`` included) -> month number.
MONTHS: dict[str, int] = {}
for _number, _name in enumerate(MONTH_NAMES, start=1):
    MONTHS[_name] = _number
    MONTHS[_name[:3]] = _number
MONTHS["sept"] = 9

_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
#: Anything after the date: a time, a zone, "at 0914", "GMT"; never digits glued to the year.
_TAIL = r"(?:(?:[\sT,]|\bat\b)[^\n]*)?"

#: ``2017-04-07`` / ``2017-4-7`` / ``20170407`` with an optional time part.
ISO_DATE = re.compile(
    r"(?:(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})|(?P<cy>\d{4})(?P<cm>\d{2})(?P<cd>\d{2}))(?:[T\s].*)?",
    re.IGNORECASE,
)
#: ``4/7/2017``, ``04.07.2017``, ``4-7-17``: the order of the first two numbers is configured.
NUMERIC_DATE = re.compile(r"(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>\d{4}|\d{2})" + _TAIL, re.IGNORECASE)
#: ``9 May 2020``, ``Sat, 9 May 2020``, ``09-May-2020``, ``9 Sept. 2020``.
DAY_MONTH_YEAR = re.compile(
    _WEEKDAY + r"(?P<d>\d{1,2})(?:st|nd|rd|th)?[\s-]+(?P<mon>[a-z]{3,9})\.?,?[\s-]+(?P<y>\d{4})" + _TAIL,
    re.IGNORECASE,
)
#: ``May 9, 2020``, ``Saturday, May 9 2020``, ``Sept. 9th, 2020``.
MONTH_DAY_YEAR = re.compile(
    _WEEKDAY + r"(?P<mon>[a-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})" + _TAIL,
    re.IGNORECASE,
)


def _make(year: int, month: int, day: int, value: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"impossible date {value!r} ({exc})") from None


def _month(name: str, value: str) -> int:
    number = MONTHS.get(name.lower())
    if number is None:
        raise ValueError(f"unknown month name {name!r} in date {value!r}")
    return number


def parse_date(value: str, *, dayfirst: bool = False) -> dt.date:
    """Parse one publication date written in any of the module's forms.

    Takes the text of the date and whether numeric dates put the day first; returns the date.
    Raises ``ValueError`` with a one-line message when the text is not a date or an impossible one
    (``2012-13-45``).
    """
    text = value.strip()
    if not text:
        raise ValueError("empty date")
    if m := ISO_DATE.fullmatch(text):
        if m["y"]:
            return _make(int(m["y"]), int(m["m"]), int(m["d"]), value)
        return _make(int(m["cy"]), int(m["cm"]), int(m["cd"]), value)
    if m := NUMERIC_DATE.fullmatch(text):
        first, second, year = int(m["a"]), int(m["b"]), int(m["y"])
        if len(m["y"]) == 2:
            year += 2000 if year < 70 else 1900
        day, month = (first, second) if dayfirst else (second, first)
        if month > 12 and day <= 12:
            order = "day/month" if dayfirst else "month/day"
            other = "false" if dayfirst else "true"
            raise ValueError(
                f"date {value!r} is not {order}/year; if the corpus writes the other order, "
                f"set ingest.dayfirst={other}"
            )
        return _make(year, month, day, value)
    if m := DAY_MONTH_YEAR.fullmatch(text):
        return _make(int(m["y"]), _month(m["mon"], value), int(m["d"]), value)
    if m := MONTH_DAY_YEAR.fullmatch(text):
        return _make(int(m["y"]), _month(m["mon"], value), int(m["d"]), value)
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        return parsed.date()
    raise ValueError(f"unrecognised date {value!r}; write it as YYYY-MM-DD")


def parse_published(value: str, *, dayfirst: bool = False) -> dt.date | None:
    """Like :func:`parse_date`, for callers that only need to know whether ``value`` is a date
    (e.g. checking a ``--published`` option): the date, or ``None`` when it is not one."""
    try:
        return parse_date(value, dayfirst=dayfirst)
    except ValueError:
        return None

"""The date of a report's dateline ("KHARTOUM, March 3 (Reuters) -"), and what to do when it
contradicts the publication date the article was given.

Rule: a dateline's explicit date (a full date, or a day and month whose year is the one that puts it
nearest the given publication date) is the report's own; when it is more than
:data:`CONTRADICTION_DAYS` from the publication date a feed or file gave, the given date is wrong
(a feed's fetch day, a re-post): the article is warned about and the text's date wins, so that
"yesterday" and "on Sunday" resolve against the day the report was written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from frontlines.time.expressions import MONTH_NUMBER

#: A dateline this many days or fewer from the publication date agrees with it (time zones, late
#: feeds).
CONTRADICTION_DAYS = 1
#: How far into the text a dateline may open a line (a headline or byline may come first).
_REACH = 400

_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b"
_YEAR = r"(?:19|20)\d\d(?!\d)"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?,?\s+"
#: The place in capitals or capitalised (up to four words), its state or country, the date, the
#: agency in brackets or slashes, then a dash or a colon: "KYIV, Ukraine, 3 March 2024 (AFP) —".
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3})"
    r"(?:,[ \t]*[A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*){0,2})?"
    rf",[ \t]*(?:{_WEEKDAY})?"
    rf"(?:(?P<month>{_MON})[ \t]+(?P<day>{_DAY})|(?P<day2>{_DAY})[ \t]+(?P<month2>{_MON}))"
    rf"(?:,?[ \t]+(?P<year>{_YEAR}))?"
    r"[ \t]*(?:\([^)\n]{1,40}\)|/[^/\n]{1,40}/)?[ \t]*(?:[-—–]+|:)",
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline's date, where it stands in the text, and whether its year was written."""

    date: dt.date
    start: int
    end: int
    quote: str
    year_written: bool


def _nearest(month: int, day: int, published: dt.date) -> dt.date | None:
    """The day ``day`` of ``month`` in the year that puts it nearest ``published``."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - published).days), default=None)


def read_dateline(text: str, published: dt.date | None) -> Dateline | None:
    """The explicit date of the dateline that opens ``text`` (within its first lines): a full date,
    or a day and month read in the year nearest ``published``. None when the text opens with no
    dated dateline, or its year cannot be inferred (no year written and no publication date)."""
    m = _DATELINE.search(text, 0, min(len(text), _REACH))
    if m is None:
        return None
    month = MONTH_NUMBER[(m["month"] or m["month2"]).rstrip(".").lower()]
    day = int(re.sub(r"\D", "", m["day"] or m["day2"]))
    if m["year"]:
        try:
            date: dt.date | None = dt.date(int(m["year"]), month, day)
        except ValueError:
            return None
    elif published is not None:
        date = _nearest(month, day, published)
    else:
        return None
    if date is None:
        return None
    return Dateline(date, m.start("place"), m.end(), m[0].strip(), bool(m["year"]))


def contradicted(line: Dateline | None, published: dt.date | None) -> bool:
    """The dateline's date is more than :data:`CONTRADICTION_DAYS` from the given publication date."""
    return (
        line is not None and published is not None and abs((line.date - published).days) > CONTRADICTION_DAYS
    )

"""Temporal expressions in news text, resolved against the publication date (ACLED "When").

:func:`find_times` scans the text once with one regular expression built from :data:`RULES`, a
table of (name, pattern, resolver) rows tried in order at each position, so a longer form ("Sunday,
March 5, 2017") wins over the shorter one inside it ("Sunday"). Every row's resolver turns a match
into a day and a time precision (1 day, 2 week, 3 month) or drops it. dateparser is not used: it
dates "We" as a Wednesday, misses "late on Sunday" and "earlier this month", and puts "on Monday"
in a Monday report a week back (measured, see OFFLINE-FACTS).

Rules chosen where the codebook is silent (calendar choices are in :mod:`frontlines.time.calendar`):

- Relative days: "today", "tonight", "this morning", "earlier today" are the publication day;
  "yesterday", "last night" and "overnight" the day before (news usage: "overnight" in a report is
  the night before it appeared, and ACLED codes an overnight event to the day it began).
  "in the past 24 hours" is the publication day; "N days ago" is N days back.
- Weekdays: "(on|late on|early on) Sunday (night)" is the most recent Sunday on or before
  publication, so "on Monday" in a Monday report is that Monday; "last Sunday" and "this past
  Sunday" skip a Sunday publication day. Names count only when capitalised ("We" and "sat" never
  match; three-letter forms only in datelines like "Wed 05 Apr 2017"), or lowercase after a
  licensing word (on, last, since, late, early, ...). Names used as names are skipped: "Bloody
  Sunday", "Good Friday", "the Sunday Times"; so are habits ("on Sundays", "every Friday") and the
  future ("next Monday", "tomorrow", "next week").
- Absolute days: "5 March 2013", "March 5, 2013", "Wed 05 Apr 2017 at 0914", "2013-03-05",
  "05.03.2013" (dots are day-first in every convention that uses them). Slashes and dashes
  ("05/03/2013", "05-03-2013") are ambiguous: read day-first or month-first as ``dayfirst`` says
  (the other order when that one is impossible: 15-09-2013); with ``dayfirst=None`` only when one
  reading is impossible or only one falls within a month before and FUTURE_SLACK_DAYS after
  publication; otherwise skipped. "March 5" without a year takes the year that puts it on or before
  publication (``calendar.infer_year``). Dates named after events ("the March 14 alliance") are
  skipped.
- Weeks (precision 2): "this week", "earlier this week" (the current Monday-Sunday week), "last
  week" (the one before), "this/last/over the weekend" (the most recent Saturday), "in the past
  week" (the seven days up to publication), "two weeks ago" (14 days back).
- Months (precision 3): "in May", "May 2013", "early/mid/late May", "the end of May", "this month",
  "earlier this month", "last month", "two months ago". A bare "May"/"March" is never a date (a verb,
  a name); it needs a day, a year or a licensing word (in, since, during, early, late, ...).
- Nothing vaguer than a month is returned: "in 2013", "last year", "since 2011" give no mention.
  Background phrases ("since March 2011") are returned with their date; callers test them with
  :func:`frontlines.time.background.is_background_phrase`.
- ``relative`` is True when the date depends on the publication date. Without one such expressions
  are returned as unresolved spans, never dated to the day the article was read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from frontlines.model import TimeMention, TimePrecision
from frontlines.time import calendar as cal

_WEEKDAYS = cal.WEEKDAY_NAMES
_MONTHS = cal.MONTH_NAMES
#: Lowercase name or abbreviation -> Monday 0 .. Sunday 6.
WEEKDAY_NUMBER: dict[str, int] = {
    **{name: i for i, name in enumerate(_WEEKDAYS)},
    **{name[:3]: i for i, name in enumerate(_WEEKDAYS)},
    "tues": 1,
    "thur": 3,
    "thurs": 3,
}
#: Lowercase name or abbreviation -> 1..12.
MONTH_NUMBER: dict[str, int] = {
    **{name: i for i, name in enumerate(_MONTHS, start=1)},
    **{name[:3]: i for i, name in enumerate(_MONTHS, start=1)},
    "sept": 9,
}
#: Small number words for "two days ago", "three weeks ago".
SMALL_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}

# --- vocabulary as regex fragments ---------------------------------------------------------
_WD_CAP = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WD = rf"(?:{_WD_CAP}|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\b\.?)"  # datelines only
_MON_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MON = rf"(?:{_MON_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_ORD = r"(?:st|nd|rd|th)?\b"
_YEAR = r"(?:19|20)\d\d(?!\d)"
_SMALL = r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
#: "at 0914", "09:14 GMT", ", 9.14 am" after a dateline: part of the span, never a count.
_CLOCK = r"(?:,?\s+(?:at\s+\d{1,2}[:.]?\d{2}|\d{1,2}:\d{2})(?:\s*(?:GMT|UTC|[AaPp]\.?[Mm]\b\.?))?)?"
_ON = r"(?:(?i:(?:late|early)\s+)?(?i:on)\s+)?"  # "on 9 May", "late on 9 May"
#: Words that license a bare month name ("in May") or a lowercase weekday ("on sunday").
_PREP = r"(?i:since|in|during|from|until|till|by|before|after|of)"
_PART = r"(?i:early|late|mid|(?:the\s+)?(?:start|beginning|end|middle)\s+of)"


def _pattern_dmy(r: str) -> str:
    return (
        rf"{_ON}(?:(?P<{r}_wd>{_WD}),?\s+)?(?:the\s+)?(?P<{r}_d>{_DAY}){_ORD}\s+(?:of\s+)?"
        rf"(?P<{r}_m>{_MON})(?:,?\s+(?P<{r}_y>{_YEAR}))?{_CLOCK}"
    )


def _pattern_mdy(r: str) -> str:
    return (
        rf"{_ON}(?:(?P<{r}_wd>{_WD}),?\s+)?(?P<{r}_m>{_MON})\s+"
        rf"(?:(?P<{r}_gd>0[1-9]|[12]\d|3[01])(?P<{r}_gy>{_YEAR})"  # "Apr 052017": day glued to year
        rf"|(?P<{r}_d>{_DAY}){_ORD}(?:,?\s+(?P<{r}_y>{_YEAR}))?){_CLOCK}"
    )


#: (rule name, pattern). Order matters: at one position the first rule that matches wins.
PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso", r"\b(?P<iso_y>(?:19|20)\d\d)-(?P<iso_m>0?[1-9]|1[0-2])-(?P<iso_d>0?[1-9]|[12]\d|3[01])\b"),
    (
        "num",
        r"\b(?P<num_a>\d{1,2})(?P<num_sep>[./-])(?P<num_b>\d{1,2})(?P=num_sep)"
        r"(?P<num_y>(?:19|20)\d\d)\b",
    ),
    ("dmy", r"\b" + _pattern_dmy("dmy")),
    ("mdy", r"\b" + _pattern_mdy("mdy")),
    (
        "monthyear",
        rf"\b(?:(?P<my_prep>{_PREP})\s+)?(?:the\s+)?(?:(?P<my_part>{_PART})(?:\s+|-))?"
        rf"(?P<my_m>{_MON}),?\s+(?P<my_y>{_YEAR})",
    ),
    (
        "month",
        rf"\b(?:(?P<mo_prep>{_PREP})\s+(?:the\s+)?(?:(?P<mo_part>{_PART})(?:\s+|-))?"
        rf"|(?P<mo_part2>{_PART})(?:\s+|-)|(?P<mo_last>(?i:last|this\s+past))\s+)"
        rf"(?P<mo_m>{_MON_FULL})\b(?!\s*\d)",
    ),
    (
        "weekday",
        r"\b(?:(?P<wd_pre>(?i:(?:late|early)(?:\s+on)?"
        r"|on(?:\s+the\s+(?:morning|afternoon|evening|night)\s+of)?"
        r"|last|this\s+past|past|since|next|this|every|until|by|before|from|coming))\s+)?"
        rf"(?P<wd_n>(?(wd_pre)(?i:{_WD_CAP})|(?:{_WD_CAP})))(?P<wd_s>'s|’s|s\b)?"
        r"(?:\s+(?P<wd_tod>(?i:morning|afternoon|evening|night|overnight|dawn)))?\b",
    ),
    (
        "day",
        r"\b(?i:(?:(?P<day_mod>late|early)\s+)?(?P<day_w>(?:earlier|later)\s+today|today|tonight"
        r"|this\s+(?:morning|afternoon|evening)|the\s+day\s+before\s+yesterday|yesterday|last\s+night"
        r"|overnight|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?"
        rf"|(?P<day_n>{_SMALL})\s+days?\s+ago"
        r"|(?:in|over|during|within)\s+the\s+(?:past|last)\s+(?:24|twenty-four)\s+hours)\b",
    ),
    (
        "week",
        r"\b(?i:(?:(?:earlier|later|early|late)\s+)?"
        r"(?P<wk_which>this|last|next)\s+(?P<wk_unit>weekend|week)"
        r"|(?:over|at|during|on)\s+the\s+(?P<wk_we>weekend)"
        r"|(?P<wk_past>(?:in|over|during|within)\s+the\s+(?:past|last)\s+(?:week|seven\s+days|7\s+days)"
        r"|this\s+past\s+week)"
        rf"|(?P<wk_n>{_SMALL})\s+weeks?\s+ago|a\s+fortnight\s+ago)\b(?!\s+of\b)",
    ),
    (
        "monthrel",
        r"\b(?i:(?:(?P<rm_part>earlier|later|early|late|mid"
        r"|(?:the\s+)?(?:start|beginning|end|middle)\s+of)(?:\s+|-))?(?P<rm_which>this|last|next)\s+month"
        r"|(?P<rm_past>(?:in|over|during|within)\s+the\s+(?:past|last)\s+(?:month|30\s+days))"
        rf"|(?P<rm_n>{_SMALL})\s+months?\s+ago)\b(?!\s+of\b)",
    ),
)

#: The one compiled scanner: every rule as a named alternative, tried in table order.
SCANNER = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in PATTERNS))

#: Every match of every rule contains one of these words (or a numeric date), so the scanner is tried
#: only just before them: trying all rules at each of the ~170k word starts of 1 MB of news takes
#: ~1 s; this takes ~0.1 s. Prefix matches ("Saturdays", "monthly") are harmless extra anchors.
ANCHOR_WORDS = (
    *_WEEKDAYS,
    *_MONTHS,
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
    "today",
    "tonight",
    "yesterday",
    "overnight",
    "tomorrow",
    "morning",
    "afternoon",
    "evening",
    "night",
    "ago",
    "hours",
    "days",
    "week",
    "weekend",
    "fortnight",
    "month",
)


def _anchor_pattern(words: tuple[str, ...]) -> str:
    """Alternatives grouped by first letter: a character class first lets ``re`` skip fast."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        by_first.setdefault(word[0], []).append(word[1:])
    groups = (f"[{c}{c.upper()}](?i:{'|'.join(rests)})" for c, rests in sorted(by_first.items()))
    return r"\d{1,4}[./-]\d|\b(?:" + "|".join(groups) + ")"


ANCHORS = re.compile(_anchor_pattern(ANCHOR_WORDS))
#: How far before an anchor a match may start ("early on the morning of Sunday", "in the past week").
ANCHOR_REACH = 40
_WORD_START = re.compile(r"\b\w")

#: Words right before a weekday that make it part of a name ("Bloody Sunday", "Good Friday").
_WEEKDAY_NAME_BEFORE = frozenset(
    {"bloody", "black", "good", "holy", "ash", "palm", "easter", "super", "cyber", "maundy", "great", "red"}
)
#: Words right after a weekday that make it part of a name ("the Sunday Times").
_WEEKDAY_NAME_AFTER = frozenset(
    {
        "times",
        "telegraph",
        "mail",
        "mirror",
        "express",
        "herald",
        "post",
        "independent",
        "observer",
        "school",
        "club",
        "edition",
        "magazine",
    }
)
#: Words right after a date that make it a name ("the March 14 alliance", "the 17 February Revolution").
_DATE_NAME_AFTER = frozenset(
    {
        "alliance",
        "coalition",
        "movement",
        "bloc",
        "camp",
        "revolution",
        "brigade",
        "brigades",
        "group",
        "party",
        "forces",
        "martyrs",
        "uprising",
        "youth",
    }
)
_WORD = re.compile(r"[A-Za-z]+")
_PREV_WORD = re.compile(r"([A-Za-z]+)\W*$")


@dataclass(frozen=True, slots=True)
class _Date:
    day: dt.date
    precision: TimePrecision
    relative: bool


#: A resolver's answer: a date, NEEDS_ANCHOR (relative, no publication date), or None (drop).
_Outcome = _Date | str | None
NEEDS_ANCHOR = "needs-anchor"
_Resolver = Callable[[re.Match[str], dt.date | None, bool | None], _Outcome]


def _day(value: dt.date | None, relative: bool) -> _Date | None:
    return None if value is None else _Date(value, TimePrecision.DAY, relative)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day_month(m: re.Match[str], r: str, published: dt.date | None) -> _Outcome:
    month = MONTH_NUMBER[m.group(f"{r}_m").rstrip(".").lower()]
    groups = m.groupdict()
    day_text = groups.get(f"{r}_gd") or groups[f"{r}_d"]
    year_text = groups.get(f"{r}_gy") or groups[f"{r}_y"]
    if year_text:
        return _day(_safe_date(int(year_text), month, int(day_text)), relative=False)
    if published is None:
        return NEEDS_ANCHOR
    return _day(cal.infer_year(month, int(day_text), published), relative=True)


def _resolve_iso(m: re.Match[str], published: dt.date | None, dayfirst: bool | None) -> _Outcome:
    return _day(_safe_date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"])), relative=False)


def _resolve_numeric(m: re.Match[str], published: dt.date | None, dayfirst: bool | None) -> _Outcome:
    a, b, year = int(m["num_a"]), int(m["num_b"]), int(m["num_y"])
    day_first, month_first = _safe_date(year, b, a), _safe_date(year, a, b)
    if m["num_sep"] == "." or dayfirst is True:
        return _day(day_first or month_first, relative=False)
    if dayfirst is False:
        return _day(month_first or day_first, relative=False)
    readings = {d for d in (day_first, month_first) if d is not None}
    if len(readings) > 1 and published is not None:
        near = published - dt.timedelta(days=31)
        far = published + dt.timedelta(days=cal.FUTURE_SLACK_DAYS)
        readings = {d for d in readings if near <= d <= far}
    return _day(readings.pop(), relative=False) if len(readings) == 1 else None


def _resolve_dmy(m: re.Match[str], published: dt.date | None, dayfirst: bool | None) -> _Outcome:
    return _day_month(m, "dmy", published)


def _resolve_mdy(m: re.Match[str], published: dt.date | None, dayfirst: bool | None) -> _Outcome:
    return _day_month(m, "mdy", published)


def _part(text: str | None) -> str | None:
    """Normalise "early"/"the start of" -> early, "late"/"the end of" -> late, "mid"/"middle" -> mid."""
    if not text:
        return None
    low = text.lower()
    if "early" in low or "start" in low or "beginning" in low:
        return "early"
    if "late" in low or "end" in low:
        return "late"
    if "mid" in low:
        return "mid"
    return None  # "earlier this month", "later this month": the month itself


def _month_date(year: int, month: int, part: str | None, published: dt.date | None, rel: bool) -> _Date:
    return _Date(cal.month_day(year, month, part, published), TimePrecision.MONTH, rel)


def _resolve_month_year(m: re.Match[str], published: dt.date | None, dayfirst: bool | None) -> _Outcome:
    month = MONTH_NUMBER[m["my_m"].rstrip(".").lower()]
    return _month_date(int(m["my_y"]), month, _part(m["my_part"]), published, rel=False)


def _resolve_month(m: re.Match[str], published: dt.date | None, dayfirst: bool | None) -> _Outcome:
    if published is None:
        return NEEDS_ANCHOR
    month = MONTH_NUMBER[m["mo_m"].lower()]
    year = cal.infer_month_year(month, published, strictly_before=m["mo_last"] is not None)
    return _month_date(year, month, _part(m["mo_part"] or m["mo_part2"]), published, rel=True)


def _resolve_weekday(m: re.Match[str], published: dt.date | None, dayfirst: bool | None) -> _Outcome:
    prefix = (m["wd_pre"] or "").lower().split()
    first = prefix[0] if prefix else ""
    if first in ("next", "coming"):
        return None  # the future is no event's date
    if first == "every" or (m["wd_s"] == "s" and first in ("on", "since", "until", "by")):
        return None  # a habit ("on Fridays"), not a day
    if published is None:
        return NEEDS_ANCHOR
    strict = first in ("last", "past") or prefix[:2] == ["this", "past"]
    day = cal.last_weekday(published, WEEKDAY_NUMBER[m["wd_n"].lower()], strictly_before=strict)
    return _Date(day, TimePrecision.DAY, True)


def _resolve_day(m: re.Match[str], published: dt.date | None, dayfirst: bool | None) -> _Outcome:
    word = " ".join((m["day_w"] or "").lower().split())
    if word == "tomorrow":
        return None
    if published is None:
        return NEEDS_ANCHOR
    if m["day_n"]:
        back = _count(m["day_n"])
    elif word in ("yesterday", "last night", "overnight"):
        back = 1
    elif word == "the day before yesterday":
        back = 2
    else:
        back = 0  # today, tonight, this morning, earlier today, the past 24 hours
    return _Date(published - dt.timedelta(days=back), TimePrecision.DAY, True)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else SMALL_NUMBERS[word.lower()]


def _resolve_week(m: re.Match[str], published: dt.date | None, dayfirst: bool | None) -> _Outcome:
    which = (m["wk_which"] or "").lower()
    if which == "next":
        return None
    if published is None:
        return NEEDS_ANCHOR
    unit = (m["wk_unit"] or m["wk_we"] or "").lower()
    if unit == "weekend":
        saturday = cal.last_weekday(published, 5)
        if which == "last" and published.weekday() in (5, 6):
            saturday -= dt.timedelta(days=7)  # on a weekend, "last weekend" is the one before
        day = saturday
    elif m["wk_past"]:
        day = published - dt.timedelta(days=3)  # middle of the seven days up to publication
    elif m["wk_n"] or "fortnight" in m.group(0).lower():
        weeks = _count(m["wk_n"]) if m["wk_n"] else 2
        day = published - dt.timedelta(days=7 * weeks)
    else:
        monday = published - dt.timedelta(days=published.weekday())
        if which == "last":
            monday -= dt.timedelta(days=7)
        day = cal.week_day(monday, published)
    return _Date(day, TimePrecision.WEEK, True)


def _resolve_month_relative(m: re.Match[str], published: dt.date | None, dayfirst: bool | None) -> _Outcome:
    which = (m["rm_which"] or "").lower()
    if which == "next":
        return None
    if published is None:
        return NEEDS_ANCHOR
    if m["rm_past"]:
        return _Date(published - dt.timedelta(days=15), TimePrecision.MONTH, True)
    back = _count(m["rm_n"]) if m["rm_n"] else (1 if which == "last" else 0)
    year, month = cal.shift_months(published, back)
    return _month_date(year, month, _part(m["rm_part"]), published, rel=True)


RESOLVERS: dict[str, _Resolver] = {
    "iso": _resolve_iso,
    "num": _resolve_numeric,
    "dmy": _resolve_dmy,
    "mdy": _resolve_mdy,
    "monthyear": _resolve_month_year,
    "month": _resolve_month,
    "weekday": _resolve_weekday,
    "day": _resolve_day,
    "week": _resolve_week,
    "monthrel": _resolve_month_relative,
}


def _is_name(m: re.Match[str], rule: str, text: str) -> bool:
    """True when the match is part of a name: "Bloody Sunday", "USA Today", "March 14 alliance"."""
    after = _WORD.match(text, m.end() + 1) if m.end() < len(text) and text[m.end()] == " " else None
    after_word = after.group(0).lower() if after else ""
    if rule in ("dmy", "mdy") and after_word in _DATE_NAME_AFTER:
        return True
    if rule == "weekday":
        before = _PREV_WORD.search(text, max(0, m.start() - 20), m.start())
        if m["wd_pre"] is None and before and before.group(1).lower() in _WEEKDAY_NAME_BEFORE:
            return True
        return after_word in _WEEKDAY_NAME_AFTER and m["wd_tod"] is None
    if rule == "day" and m.group(0).lower().startswith("last"):
        return text[max(0, m.start() - 4) : m.start()].lower() == "the "  # "the last night of Ramadan"
    if rule == "day" and m.group(0).startswith("Today") and m.start() > 0:
        before = _PREV_WORD.search(text, max(0, m.start() - 30), m.start())
        # "USA Today", "Russia Today": a capitalised word right before, no sentence break between.
        return bool(before and before.group(1)[0].isupper() and text[before.end(1) : m.start()] == " ")
    return False


def _scan(text: str) -> Iterator[re.Match[str]]:
    """The matches ``SCANNER.finditer(text)`` would give, trying only word starts near an anchor."""
    last_end = 0
    for anchor in ANCHORS.finditer(text):
        if anchor.start() < last_end:
            continue
        low = max(last_end, anchor.start() - ANCHOR_REACH)
        for start in _WORD_START.finditer(text, low, anchor.start() + 1):
            m = SCANNER.match(text, start.start())
            if m is not None and m.end() > anchor.start():
                last_end = m.end()
                yield m
                break


def find_times(
    text: str, published: dt.date | None, *, dayfirst: bool | None = None
) -> tuple[list[TimeMention], list[tuple[int, int]]]:
    """Find and resolve the temporal expressions in ``text`` (rules in the module docstring).

    Takes the (cleaned) text, the publication date (None when unknown) and how to read ambiguous
    numeric dates. Returns the resolved mentions, sorted by start, and the spans of relative
    expressions left unresolved because ``published`` is None (ACLED: such events are undated,
    never dated to the day of ingestion). Offsets index ``text``.
    """
    mentions: list[TimeMention] = []
    unresolved: list[tuple[int, int]] = []
    for m in _scan(text):
        rule = m.lastgroup
        if rule is None or _is_name(m, rule, text):
            continue
        outcome = RESOLVERS[rule](m, published, dayfirst)
        if outcome == NEEDS_ANCHOR:
            unresolved.append((m.start(), m.end()))
        elif isinstance(outcome, _Date):
            mentions.append(
                TimeMention(m.start(), m.end(), m.group(0), outcome.day, outcome.precision, outcome.relative)
            )
    return _explicit_over_vague(mentions, text), unresolved


#: Between a vague day word and the explicit date that names its day ("overnight on March 20",
#: "yesterday (20 March)", "last night, March 20").
_GLUE = re.compile(r"^[\s,(]*$")


def _explicit_over_vague(mentions: list[TimeMention], text: str) -> list[TimeMention]:
    """Rule: a vague day word ("overnight", "yesterday", "last night") followed at once by an explicit
    date is that date's: "overnight on March 20" is March 20, whatever the publication day."""
    kept = []
    for i, mention in enumerate(mentions):
        after = mentions[i + 1] if i + 1 < len(mentions) else None
        vague = not any(ch.isdigit() for ch in mention.text)
        explicit_next = after is not None and any(ch.isdigit() for ch in after.text)
        if vague and explicit_next and _GLUE.match(text[mention.end : after.start]):  # type: ignore[union-attr]
            continue
        kept.append(mention)
    return kept

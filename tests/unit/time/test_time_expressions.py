"""Temporal expressions: what each rule resolves to, what is never a date, what needs a publication date."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.model import TimePrecision
from frontlines.time import expressions, find_times

D = dt.date
WED = D(2017, 4, 5)  # a Wednesday
MON = D(2017, 4, 3)  # a Monday
SUN = D(2017, 4, 9)  # a Sunday
DAY, WEEK, MONTH = TimePrecision.DAY, TimePrecision.WEEK, TimePrecision.MONTH

P = pytest.param


def only(text: str, published: dt.date | None) -> tuple[str, dt.date, int, bool]:
    mentions, unresolved = find_times(text, published)
    assert unresolved == []
    assert len(mentions) == 1, mentions
    m = mentions[0]
    return m.text, m.date, m.precision, m.relative


@pytest.mark.parametrize(
    ("text", "published", "span", "date", "precision", "relative"),
    [
        # relative days
        P("Rebels attacked the town on Monday.", MON, "on Monday", MON, DAY, True, id="monday-in-monday"),
        P("said on Wednesday", WED, "on Wednesday", WED, DAY, True, id="same-weekday"),
        P("Shelling began on Sunday.", WED, "on Sunday", D(2017, 4, 2), DAY, True, id="on-sunday"),
        P("clashes late on Sunday", WED, "late on Sunday", D(2017, 4, 2), DAY, True, id="late-on"),
        P(
            "early on Sunday morning",
            WED,
            "early on Sunday morning",
            D(2017, 4, 2),
            DAY,
            True,
            id="early-on-morning",
        ),
        P("A blast on Sunday night", WED, "on Sunday night", D(2017, 4, 2), DAY, True, id="night"),
        P(
            "Saturdays blast killed six",
            WED,
            "Saturdays",
            D(2017, 4, 1),
            DAY,
            True,
            id="possessive-without-apostrophe",
        ),
        P("raids on sunday", WED, "on sunday", D(2017, 4, 2), DAY, True, id="lowercase-after-on"),
        P("last Tuesday", WED, "last Tuesday", D(2017, 4, 4), DAY, True, id="last-tuesday"),
        P("last Wednesday", WED, "last Wednesday", D(2017, 3, 29), DAY, True, id="last-same-day"),
        P("yesterday", WED, "yesterday", D(2017, 4, 4), DAY, True, id="yesterday"),
        P("Yesterday evening", WED, "Yesterday evening", D(2017, 4, 4), DAY, True, id="yesterday-evening"),
        P("strikes last night", WED, "last night", D(2017, 4, 4), DAY, True, id="last-night"),
        P("killed overnight", WED, "overnight", D(2017, 4, 4), DAY, True, id="overnight"),
        P("earlier today", WED, "earlier today", WED, DAY, True, id="earlier-today"),
        P("this morning", WED, "this morning", WED, DAY, True, id="this-morning"),
        P("two days ago", WED, "two days ago", D(2017, 4, 3), DAY, True, id="days-ago"),
        P("in the past 24 hours", WED, "in the past 24 hours", WED, DAY, True, id="past-24-hours"),
        # absolute days
        P("Wed 05 Apr 2017 Syria attack", None, "Wed 05 Apr 2017", WED, DAY, False, id="dateline"),
        P(
            "Fri 07 Apr 2017 at 0914 Homs governor",
            None,
            "Fri 07 Apr 2017 at 0914",
            D(2017, 4, 7),
            DAY,
            False,
            id="dateline-with-clock",
        ),
        P(
            "Last updated at Jul 012016 BEIRUT",
            None,
            "Jul 012016",
            D(2016, 7, 1),
            DAY,
            False,
            id="dateline-day-glued-to-year",
        ),
        P("on 5 March 2013", None, "on 5 March 2013", D(2013, 3, 5), DAY, False, id="dmy"),
        P("March 5, 2013", None, "March 5, 2013", D(2013, 3, 5), DAY, False, id="mdy"),
        P("the 5th of March 2013", None, "the 5th of March 2013", D(2013, 3, 5), DAY, False, id="ordinal"),
        P("2013-03-05", None, "2013-03-05", D(2013, 3, 5), DAY, False, id="iso"),
        P("05.03.2013", None, "05.03.2013", D(2013, 3, 5), DAY, False, id="dotted-is-day-first"),
        P("25/03/2013", None, "25/03/2013", D(2013, 3, 25), DAY, False, id="slash-one-valid-reading"),
        P("on March 5", WED, "on March 5", D(2017, 3, 5), DAY, True, id="yearless-same-year"),
        P(
            "on December 30",
            D(2017, 1, 2),
            "on December 30",
            D(2016, 12, 30),
            DAY,
            True,
            id="yearless-previous-year",
        ),
        P(
            "on Sunday, March 5",
            WED,
            "on Sunday, March 5",
            D(2017, 3, 5),
            DAY,
            True,
            id="weekday-and-date-one-mention",
        ),
        # weeks and weekends (precision 2)
        P("this week", WED, "this week", D(2017, 4, 4), WEEK, True, id="this-week-cut-at-publication"),
        P("earlier this week", WED, "earlier this week", D(2017, 4, 4), WEEK, True, id="earlier-this-week"),
        P("last week", WED, "last week", D(2017, 3, 30), WEEK, True, id="last-week-thursday"),
        P("last weekend", WED, "last weekend", D(2017, 4, 1), WEEK, True, id="last-weekend-saturday"),
        P("this weekend", SUN, "this weekend", D(2017, 4, 8), WEEK, True, id="this-weekend-on-sunday"),
        P("last weekend", SUN, "last weekend", D(2017, 4, 1), WEEK, True, id="last-weekend-on-sunday"),
        P("over the weekend", WED, "over the weekend", D(2017, 4, 1), WEEK, True, id="over-the-weekend"),
        P("two weeks ago", WED, "two weeks ago", D(2017, 3, 22), WEEK, True, id="weeks-ago"),
        # months (precision 3)
        P(
            "earlier this month",
            WED,
            "earlier this month",
            D(2017, 4, 3),
            MONTH,
            True,
            id="earlier-this-month-cut",
        ),
        P(
            "earlier this month",
            D(2017, 4, 30),
            "earlier this month",
            D(2017, 4, 15),
            MONTH,
            True,
            id="earlier-this-month-whole-month-15th",
        ),
        P("last month", WED, "last month", D(2017, 3, 15), MONTH, True, id="last-month"),
        P("late last month", WED, "late last month", D(2017, 3, 31), MONTH, True, id="late-last-month"),
        P("in May", WED, "in May", D(2016, 5, 15), MONTH, True, id="in-may-previous-year"),
        P("in March", WED, "in March", D(2017, 3, 15), MONTH, True, id="in-march-same-year"),
        P("early May", D(2017, 6, 10), "early May", D(2017, 5, 1), MONTH, True, id="early-first-day"),
        P("late May", D(2017, 6, 10), "late May", D(2017, 5, 31), MONTH, True, id="late-last-day"),
        P("mid-March", WED, "mid-March", D(2017, 3, 15), MONTH, True, id="mid-month"),
        P("in May 2013", WED, "in May 2013", D(2013, 5, 15), MONTH, False, id="month-year"),
        P(
            "since March 2011",
            WED,
            "since March 2011",
            D(2011, 3, 15),
            MONTH,
            False,
            id="background-is-still-returned",
        ),
    ],
)
def test_times_resolves(
    text: str, published: dt.date | None, span: str, date: dt.date, precision: TimePrecision, relative: bool
) -> None:
    assert only(text, published) == (span, date, precision, relative)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        P("We said the talks would go on.", WED, id="we-is-not-wednesday"),
        P("Saturation bombing of the Sunni district", WED, id="sat-inside-word"),
        P("the sun rose over the city", WED, id="sun-lowercase"),
        P("Fighting resumed in 2013.", WED, id="bare-year"),
        P("since 2011", WED, id="since-year"),
        P("earlier this year and last year", WED, id="vaguer-than-month"),
        P("Bloody Sunday was remembered", WED, id="named-day"),
        P("the Sunday Times reported", WED, id="newspaper"),
        P("USA Today reported", WED, id="outlet-today"),
        P("talks resume next Monday", WED, id="future-weekday"),
        P("tomorrow and next week and next month", WED, id="future"),
        P("prayers every Friday and on Fridays", WED, id="habit"),
        P("The March 14 alliance met", WED, id="date-named-movement"),
        P("May God protect us, they march on.", WED, id="bare-month-word"),
        P("the last night of Ramadan", WED, id="the-last-night-of"),
        P("05/03/2013", None, id="ambiguous-slash-without-anchor"),
        P("an F-16 at 10:30", WED, id="numbers-not-dates"),
    ],
)
def test_times_ignores(text: str, published: dt.date | None) -> None:
    assert find_times(text, published) == ([], [])


@pytest.mark.parametrize(
    ("text", "published", "dayfirst", "date"),
    [
        P("05/03/2013", D(2013, 3, 6), None, D(2013, 3, 5), id="near-publication-day-first"),
        P("05/03/2013", D(2013, 5, 20), None, D(2013, 5, 3), id="near-publication-month-first"),
        P("05/03/2013", None, True, D(2013, 3, 5), id="dayfirst"),
        P("05/03/2013", None, False, D(2013, 5, 3), id="monthfirst"),
        P("15-09-2013", None, False, D(2013, 9, 15), id="impossible-reading-ignored-by-order"),
    ],
)
def test_times_numeric_dates(
    text: str, published: dt.date | None, dayfirst: bool | None, date: dt.date
) -> None:
    mentions, _ = find_times(text, published, dayfirst=dayfirst)
    assert [m.date for m in mentions] == [date]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        P("yesterday", [(0, 9)], id="yesterday"),
        P("Troops shelled it on Monday.", [(18, 27)], id="weekday"),
        P("on March 5 and last week", [(0, 10), (15, 24)], id="yearless-and-week"),
        P("in May", [(0, 6)], id="month"),
    ],
)
def test_times_unresolved_without_publication(text: str, spans: list[tuple[int, int]]) -> None:
    assert find_times(text, None) == ([], spans)


def test_times_absolute_dates_need_no_publication() -> None:
    mentions, unresolved = find_times("On 5 March 2013 and yesterday", None)
    assert [(m.text, m.date) for m in mentions] == [("On 5 March 2013", D(2013, 3, 5))]
    assert unresolved == [(20, 29)]


def test_times_several_mentions_sorted_without_overlap() -> None:
    text = "Wed 05 Apr 2017 Air strikes on Tuesday killed 20; last week 12 died, and in March."
    mentions, _ = find_times(text, WED)
    assert [m.text for m in mentions] == ["Wed 05 Apr 2017", "on Tuesday", "last week", "in March"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))


_FRAGMENTS = st.sampled_from(
    [
        "on Sunday",
        "late on Monday night",
        "yesterday",
        "We",
        "Sat",
        "5 March 2013",
        "March 5",
        "in May",
        "last week",
        "earlier this month",
        "2013-03-05",
        "05/03/2013",
        "Wed 05 Apr 2017 at 0914",
        "since 2011",
        "the",
        "killed 12",
        ",",
        ".",
        "\n",
        " ",
        "Today",
        "USA",
        "next",
        "overnight",
        "Apr 052017",
        "mid-",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    parts=st.lists(st.one_of(_FRAGMENTS, st.text(max_size=8)), max_size=25),
    published=st.one_of(st.none(), st.dates(min_value=D(1990, 1, 1), max_value=D(2030, 12, 31))),
)
def test_times_spans_are_verbatim_slices(parts: list[str], published: dt.date | None) -> None:
    text = " ".join(parts)
    mentions, unresolved = find_times(text, published)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
    for start, end in unresolved:
        assert 0 <= start < end <= len(text)
    if published is None:
        assert all(not m.relative for m in mentions)
    # scanning only near anchor words finds exactly what a scan of every position finds
    full_scan = [m.span() for m in expressions.SCANNER.finditer(text)]
    assert [m.span() for m in expressions._scan(text)] == full_scan


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Late on 22 May 2014, rebels fired mortars.", "Late on 22 May 2014"),
        ("Jets struck early on 3 June 2015.", "early on 3 June 2015"),
        ("Rebels fired mortars on 22 May 2014.", "on 22 May 2014"),
    ],
)
def test_times_late_or_early_on_a_date_is_part_of_it(text: str, quote: str) -> None:
    """ "Late on 22 May": the adverb belongs to the date (and so is never read as a place, "Late")."""
    found, _ = find_times(text, dt.date(2015, 6, 30))
    assert [m.text for m in found] == [quote]
    assert found[0].date in (dt.date(2014, 5, 22), dt.date(2015, 6, 3))


@pytest.mark.parametrize(
    "text, day",
    [
        ("Drones struck Kharkiv overnight on March 20, killing two.", D(2024, 3, 20)),
        ("Shells fell on the town yesterday (March 18), residents said.", D(2024, 3, 18)),
        ("Drones struck Kharkiv overnight, officials said.", D(2024, 3, 19)),
    ],
)
def test_times_explicit_date_beats_the_vague_word_before_it(text: str, day: dt.date) -> None:
    mentions, _ = find_times(text, D(2024, 3, 20))
    assert [m.date for m in mentions] == [day]

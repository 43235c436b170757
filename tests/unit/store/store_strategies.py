"""Hypothesis strategies and plain builders for valid Events, shared by the store and export tests."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from hypothesis import strategies as st

from frontlines.model import (
    EVENT_TYPE_OF,
    Article,
    Event,
    Evidence,
    GeoPrecision,
    Inter,
    Rejection,
    SubEventType,
    TimePrecision,
)

#: Text that breaks naive quoting and encoding: curly quotes, Arabic, RTL marks, CSV and JSON syntax.
AWKWARD_TEXTS = (
    "“Shelling” hit the ‘old’ market",
    "قصف مدفعي على حي جوبر في دمشق",
    'He said "10 killed", then, later; 12',
    "line one\nline two\r\nline three",
    "\u200fمقتل ثلاثة مدنيين\u200f — SOHR",
    "",
)

_text = st.text(max_size=40)
_name = st.one_of(st.sampled_from(AWKWARD_TEXTS[:-1]), st.text(min_size=1, max_size=30))
_optional_name = st.one_of(st.none(), _name)


@st.composite
def evidence_tuples(draw: st.DrawFn) -> tuple[Evidence, ...]:
    """Up to 5 evidence quotes, none repeated (the store refuses the same quote twice per event)."""
    items = draw(
        st.lists(
            st.builds(
                lambda article_id, field, quote, start, length: Evidence(
                    article_id, field, quote, start, start + length
                ),
                st.sampled_from(["a1", "a2", "عربي-3"]),
                st.sampled_from(["event_type", "actor1", "location", "fatalities", "event_date"]),
                st.one_of(st.sampled_from(AWKWARD_TEXTS), _text),
                st.integers(0, 100_000),
                st.integers(0, 500),
            ),
            max_size=5,
            unique_by=lambda ev: (ev.article_id, ev.field, ev.quote, ev.start, ev.end),
        )
    )
    return tuple(items)


@st.composite
def events(draw: st.DrawFn, event_id: st.SearchStrategy[str] | None = None) -> Event:
    """A valid Event: type consistent with sub-type, actor2 and inter2 present together, coordinates
    in range, unicode (curly quotes, Arabic, newlines) in the free-text fields."""
    sub = draw(st.sampled_from(list(SubEventType)))
    two_sided = draw(st.booleans())
    notes = draw(st.sampled_from(AWKWARD_TEXTS)) + draw(_text)
    return Event(
        event_id=draw(event_id if event_id is not None else st.text(min_size=1, max_size=24)),
        event_date=draw(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))),
        time_precision=draw(st.sampled_from(list(TimePrecision))),
        event_type=EVENT_TYPE_OF[sub],
        sub_event_type=sub,
        actor1=draw(_name),
        inter1=draw(st.sampled_from(list(Inter))),
        actor2=draw(_name) if two_sided else None,
        inter2=draw(st.sampled_from(list(Inter))) if two_sided else None,
        country=draw(st.sampled_from(["Syria", "Sudan", "Myanmar", "Côte d'Ivoire"])),
        iso3=draw(st.sampled_from(["SYR", "SDN", "MMR", "CIV"])),
        location=draw(_name),
        latitude=draw(st.floats(-90, 90, allow_nan=False)),
        longitude=draw(st.floats(-180, 180, allow_nan=False)),
        geo_precision=draw(st.sampled_from(list(GeoPrecision))),
        fatalities=draw(st.integers(0, 100_000)),
        source=draw(_name),
        notes=notes,
        article_ids=tuple(draw(st.lists(st.text(min_size=1, max_size=16), max_size=4))),
        evidence=draw(evidence_tuples()),
        assoc_actor_1=draw(_optional_name),
        assoc_actor_2=draw(_optional_name),
        admin1=draw(_optional_name),
        admin2=draw(_optional_name),
        admin3=draw(_optional_name),
        unverified=draw(st.booleans()),
        claim=draw(st.booleans()),
    )


def make_event(event_id: str = "ev1", **changes: Any) -> Event:
    """A plain Damascus shelling event; ``changes`` replace fields."""
    base = Event(
        event_id=event_id,
        event_date=dt.date(2017, 3, 19),
        time_precision=TimePrecision.DAY,
        event_type=EVENT_TYPE_OF[SubEventType.SHELLING],
        sub_event_type=SubEventType.SHELLING,
        actor1="Military Forces of Syria (2000-2024)",
        inter1=Inter.STATE_FORCES,
        actor2="Civilians (Syria)",
        inter2=Inter.CIVILIANS,
        country="Syria",
        iso3="SYR",
        location="Damascus - Jobar",
        latitude=33.5295,
        longitude=36.3318,
        geo_precision=GeoPrecision.PLACE,
        fatalities=3,
        source="SANA",
        notes="Shelling on Jobar; 3 killed.",
        article_ids=("a1",),
        evidence=(
            Evidence("a1", "sub_event_type", "shelled", 10, 17),
            Evidence("a1", "location", "Jobar", 21, 26),
        ),
        admin1="Damascus",
    )
    return dataclasses.replace(base, **changes)


def make_article(article_id: str = "a1", **changes: Any) -> Article:
    """A short article; ``changes`` replace fields."""
    base = Article(
        article_id=article_id,
        text="Government forces shelled Jobar on Sunday, killing three people.",
        origin="examples/jobar.txt",
        title="Jobar shelled",
        published=dt.date(2017, 3, 20),
        source="SANA",
        url="https://example.org/jobar",
        language="en",
        extra={"labels": 1, "tags": ["a", "ب"]},
    )
    return dataclasses.replace(base, **changes)


def make_rejection(article_id: str | None = "bad1", code: str = "too_short") -> Rejection:
    """A rejection by the ingest stage."""
    return Rejection(
        origin="examples/bad.txt", stage="ingest", code=code, detail="12 characters", article_id=article_id
    )

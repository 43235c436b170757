"""What the sentence rules read and decide: one sentence being coded (:class:`Clause`) and what the
article has told before it (:class:`Story`).

:func:`frontlines.events.assemble.EventAssembler.assemble` reads each sentence into a :class:`Clause`;
the ordered rules of :mod:`frontlines.events.sentence_rules` then choose its trigger, drop it, date it
and place it, each rule reading one named window of the text.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from frontlines.events.cascade import Decision
from frontlines.events.drafts import EventDraft
from frontlines.events.triggers import priority
from frontlines.mentions.actors import ActorDictionary
from frontlines.model import (
    ActorMention,
    CasualtyMention,
    Doc,
    Place,
    PlaceMention,
    TimeMention,
    TimePrecision,
    Trigger,
)

#: The opening of a clause beside the sentence's event, which runs to the next comma or semicolon: a
#: scene told in the progressive ("where government forces were fighting") or a further act ("who
#: also shelled the town with mortars").
_ASIDE = re.compile(
    r"\b(?:where|as|while)\s+(?:[\w'-]+\s+){1,4}(?:was|were|are|is)\s+(?=\w+ing\b)|,\s+(?:who|which)\s+also\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,;:]")
#: "between Friday and Sunday", "from Monday to Wednesday": a span of days.
_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(?:and|to|through|until|till|-|–)\s*$", re.IGNORECASE)
#: Longer spans are campaigns, not events of single days.
MAX_RANGE_DAYS = 7
#: Characters a headline sentence may carry beyond its title (a dateline, an outlet's name).
_HEADLINE_SLACK = 40


def within(items: Sequence[Any], start: int, end: int) -> list[Any]:
    """The mentions of ``items`` that lie inside ``[start, end)``."""
    return [m for m in items if start <= m.start and m.end <= end]


def paragraph_starts(text: str, sentences: Sequence[tuple[int, int]]) -> list[bool]:
    """For each sentence, whether a new paragraph (a line break before it) starts with it."""
    starts = []
    previous_end: int | None = None
    for s, e in sentences:
        starts.append(previous_end is None or "\n" in text[previous_end:s])
        previous_end = e
    return starts


def is_headline(title: str | None, sentence: str) -> bool:
    """The article's title standing alone as its first sentence (as feeds and web pages repeat it);
    not a first sentence that runs the title into the lead (as FA-KES rows do)."""
    if not title:
        return False
    folded_title = re.sub(r"\W+", " ", title).strip().casefold()
    folded = re.sub(r"\W+", " ", sentence).strip().casefold()
    return (
        bool(folded_title) and folded_title in folded and len(folded) <= len(folded_title) + _HEADLINE_SLACK
    )


def day_range(times: list[TimeMention], text: str) -> tuple[TimeMention, TimeMention, list[dt.date]] | None:
    """ "between Friday and Sunday", "from 3 to 5 March": the two mentions of a span of up to
    :data:`MAX_RANGE_DAYS` days, and its days; None when the sentence names no such span."""
    ordered = sorted((t for t in times if t.precision == TimePrecision.DAY), key=lambda t: t.start)
    for first, second in itertools.pairwise(ordered):
        joined = _RANGE_JOIN.match(text[first.end : second.start])
        opened = _RANGE_OPEN.search(text[max(0, first.start - 12) : first.start])
        length = (second.date - first.date).days + 1
        if joined and opened and 1 < length <= MAX_RANGE_DAYS:
            return first, second, [first.date + dt.timedelta(days=i) for i in range(length)]
    return None


@dataclass(slots=True)
class Story:
    """What carries from one sentence of an article to the next, and the resources rules use."""

    doc: Doc
    actors: ActorDictionary
    #: The country-level place of a country (ISO2 in), for events whose place the gazetteer lacks.
    country_place: Callable[[str], Place | None] | None
    #: The article's local focus (``locate.local_focus``) and its first event place.
    focus: str | None
    story_place: PlaceMention | None
    #: A country's national capital (ISO2 in), for an event "in the capital" (rule the-capital).
    capital_place: Callable[[str], Place | None] | None = None
    drafts: dict[tuple[Any, ...], EventDraft] = field(default_factory=dict)
    #: The date of the last sentence that named one: what a sentence naming none is dated by.
    carry_date: TimeMention | None = None
    #: The last date the text named, background or not: what "the next day" steps from.
    told: TimeMention | None = None
    #: Where the paragraph last placed an event.
    carry_place: PlaceMention | None = None
    #: The events of the last sentence that made any, and the trigger-less sentences read since.
    last: list[EventDraft] = field(default_factory=list)
    since_last: int = 0
    #: The days the sentence that made the last events named (rule new-day-new-event).
    last_days: frozenset[dt.date] = frozenset()
    #: The story opens with an accident or disaster (a non-event rule dropped its lead).
    non_event_story: bool = False
    #: The text tells history: most of its dates are long before its publication (``assemble``).
    retrospective: bool = False

    @property
    def published(self) -> dt.date | None:
        return self.doc.article.published

    def told_events(self) -> list[EventDraft]:
        """The events made so far, in the order they were first told."""
        return list(self.drafts.values())

    def new_paragraph(self) -> None:
        """A paragraph break: the place and events of the paragraph before no longer carry."""
        self.carry_place, self.last = None, []


@dataclass(slots=True)
class Clause:
    """One sentence (or clause unit) being coded, and what the rules have decided of it so far."""

    doc: Doc
    index: int
    start: int
    end: int
    #: Every date the sentence names, and those not told as background (a month before publication).
    all_times: list[TimeMention]
    times: list[TimeMention]
    #: People killed or hurt the sentence reports (cumulative totals left out), and the killed.
    hurt: list[CasualtyMention]
    killed: list[CasualtyMention]
    decision: Decision
    #: The triggers the cascade kept; the trigger rules narrow them.
    triggers: list[Trigger]
    headline: bool
    #: The sides of the event: the sentence's actor mentions, narrowed by the rules.
    sides: list[ActorMention]
    #: Triggers that do not refer back to an event already told; None until a rule tells them apart.
    fresh: list[Trigger] | None = None
    #: The date carried from the sentences before, when the sentence names none of its own.
    carried: TimeMention | None = None
    #: Dated on the publication day (the sentence and those before name no day).
    on_publication: bool = False
    #: Placed at a town that stands in for a finer place the sentence names and the gazetteer lacks
    #: (rule place-carries: "in the neighbourhood of Tareeq al-Bab").
    stand_in: bool = False
    #: The event places, once a place rule has read them.
    places: list[PlaceMention] | None = None
    #: A span of days the sentence names ("between Friday and Sunday"): its two mentions and its days.
    span: tuple[TimeMention, TimeMention, list[dt.date]] | None = None

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def sentence(self) -> str:
        return self.doc.text[self.start : self.end]

    @property
    def published(self) -> dt.date | None:
        return self.doc.article.published

    @property
    def trigger(self) -> Trigger:
        """The trigger that names the sentence's event: the first by priority among the fresh ones."""
        return max(self.fresh or self.triggers, key=priority)

    @property
    def refers_back(self) -> bool:
        """Every trigger of the sentence refers back to an event already told ("the clashes")."""
        return self.fresh is not None and not self.fresh

    def before(self, position: int, reach: int) -> str:
        """The ``reach`` characters of the sentence before ``position``: a rule's window."""
        return self.doc.text[max(self.start, position - reach) : position]

    def asides(self) -> list[tuple[int, int]]:
        """The spans of the sentence's aside clauses (``_ASIDE``), each to its clause's end."""
        return list(_aside_spans(self.doc.text, self.start, self.end))

    @property
    def own(self) -> TimeMention | None:
        """The sentence's own date: the one it names nearest its trigger."""
        trigger = self.trigger
        return min(self.times, key=lambda t: abs(t.start - trigger.start)) if self.times else None

    def dated(self) -> tuple[dt.date, TimePrecision] | None:
        """The event's day and its precision, as the date rules chose them; None when undated."""
        mention = self.own or self.carried
        if mention is not None:
            return mention.date, mention.precision
        if self.on_publication and self.published is not None:
            return self.published, TimePrecision.DAY
        return None


@functools.lru_cache(maxsize=8)
def _aside_spans(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """:meth:`Clause.asides` of ``text[start:end]``, kept for the last sentences asked: rules aside
    and aside-actors both ask of the sentence they code."""
    spans = []
    for m in _ASIDE.finditer(text, start, end):
        stop = _CLAUSE_END.search(text, m.end(), end)
        spans.append((m.start(), stop.start() if stop else end))
    return tuple(spans)

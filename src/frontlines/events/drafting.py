"""The events one coded sentence makes: one per day and place it names, the same unit told twice in
one article kept once (ACLED's unit: one day, one location, one actor pair, one type).

The sentence rules (:mod:`frontlines.events.sentence_rules`) have chosen the sentence's trigger, day
and places; this module splits its toll over them, asks :func:`~frontlines.events.roles.assign_roles`
for the actors of each, and keeps the drafts of the article (:class:`~frontlines.events.sentence.Story`).
Rules chosen where the codebook is silent are marked "Rule:".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from frontlines.events.drafts import EventDraft
from frontlines.events.fatalities import (
    bomber_counted,
    bombers,
    day_share,
    days_of_toll,
    reported_toll,
    split,
)
from frontlines.events.locate import geo_precision
from frontlines.events.roles import assign_roles
from frontlines.events.sentence import Clause, Story
from frontlines.events.sources import attributions
from frontlines.events.triggers import territorial_sub_type
from frontlines.model import EVENT_TYPE_OF, EventType, PlaceMention, SubEventType, TimePrecision

S = SubEventType

#: Sentence openings that announce a different event from the one before.
_SEPARATE = re.compile(
    r"^\W*(?:separately|elsewhere|in\s+a\s+separate|in\s+another|meanwhile)\b", re.IGNORECASE
)
#: A toll of civilians ("12 civilians", "killing 3 children").
_CIVILIAN_DEAD = re.compile(
    r"\b(?:civilians?|children|women|residents|villagers|passers-by)\b", re.IGNORECASE
)
#: A strike told as part of the fighting: "during the fighting", "as the fighting moved", "amid clashes".
_IN_FIGHTING = re.compile(
    r"\b(?:during|as|amid|in|throughout)\s+(?:the\s+|these\s+|those\s+|this\s+)?(?:same\s+|heavy\s+|ongoing\s+|"
    r"continued\s+|fierce\s+)?(?:fighting|clashes|battle|combat|assault|offensive|firefight)\b",
    re.IGNORECASE,
)
#: A party's own claim; "claimed the lives of" only means killed.
_CLAIM = re.compile(r"\bclaim(?:ed|s|ing)?\b(?!\s+the\s+lives)", re.IGNORECASE)


def clamped(text: str, start: int, end: int) -> Callable[[int, int], str]:
    """The text between two offsets, cut to one sentence: context rules never read the next one."""
    return lambda a, b: text[max(a, start) : min(b, end)]


def territorial_battle(draft: EventDraft) -> bool:
    """A battle in which territory changed hands (any battle sub-type but an armed clash)."""
    return EVENT_TYPE_OF[draft.sub] == EventType.BATTLES and draft.sub != S.ARMED_CLASH


class Drafter:
    """Makes the drafts of coded sentences; holds the story and who switched which role rules off."""

    def __init__(self, story: Story, rules_off: frozenset[str]) -> None:
        self.story = story
        self.rules_off = rules_off

    def add(self, c: Clause) -> None:
        """Add the events of sentence ``c`` (its trigger, day and places chosen) to the story."""
        dated = c.dated()
        assert dated is not None and c.places, "the date and place rules run first"
        day, precision = dated
        story, sentence = self.story, c.sentence
        story.carry_place = c.places[0]
        killed = c.killed
        toll = reported_toll(killed, sentence)
        span = c.span
        days = span[2] if span else [day]
        units = [(p, d) for p in c.places for d in days]
        count, split_note = day_share(toll, None if span else days_of_toll(sentence))
        shares = split(count, len(units))
        for (place_mention, unit_day), share in zip(units, shares, strict=True):
            draft = self._draft(c, place_mention, unit_day, precision, share, split_note)
            if len(units) > 1 and toll is not None:
                draft.split = f"a toll of {count} split evenly over {len(units)} days and places"
            if toll is not None:
                draft.evidence.append(c.doc.evidence("fatalities", toll.start, toll.end))
            story.last.append(self._keep(draft))

    def _draft(
        self,
        c: Clause,
        place_mention: PlaceMention,
        day: dt.date,
        precision: TimePrecision,
        share: int,
        split_note: str,
    ) -> EventDraft:
        """One event of sentence ``c``: its actors, fields and evidence (but for its toll's)."""
        doc, text, s, e = c.doc, c.text, c.start, c.end
        place, trigger, sentence = place_mention.place, c.trigger, c.sentence
        assert place is not None
        roles = assign_roles(
            self.story.actors,
            trigger,
            c.sides,
            clamped(text, s, e),
            place.country_code,
            day,
            casualties=[text[h.start : min(e, h.end + 30)] for h in c.hurt],
            switched_off=self.rules_off,
        )
        toll = reported_toll(c.killed, sentence)
        draft = EventDraft(
            day,
            precision,
            place,
            geo_precision(place_mention),
            roles,
            share,
            attributions(sentence),
            separate=_SEPARATE.search(sentence) is not None,
            civilian_toll=toll is not None
            and bool(_CIVILIAN_DEAD.search(text[toll.start : min(e, toll.end + 30)])),
            claim=_CLAIM.search(sentence) is not None,
            in_fighting=_IN_FIGHTING.search(sentence) is not None,
            headline=c.headline,
            split=split_note,
            stand_in=c.stand_in,
        )
        # Codebook: the bomber counts among the dead, also of the battle a bombing opens.
        suicide = any(t.sub_event_type == S.SUICIDE_BOMB for t in c.triggers)
        if roles.sub_event_type == S.SUICIDE_BOMB or (
            suicide and EVENT_TYPE_OF[roles.sub_event_type] == EventType.BATTLES
        ):
            draft.bombers, draft.bombers_counted = bombers(sentence), bomber_counted(sentence)
        draft.evidence.append(doc.evidence("event", s, e))
        draft.evidence.append(doc.evidence("event_type", trigger.start, trigger.end))
        own = c.own
        for mention in c.span[:2] if c.span else [own] if own is not None else []:
            draft.evidence.append(doc.evidence("event_date", mention.start, mention.end))
        draft.evidence.append(doc.evidence("location", place_mention.start, place_mention.end))
        for field_name, backer in roles.backing:
            draft.evidence.append(doc.evidence(field_name, backer.start, backer.end))
        return draft

    def _keep(self, draft: EventDraft) -> EventDraft:
        """The story's event for ``draft``'s unit: ``draft`` itself, or the one told before with the
        evidence of both."""
        drafts = self.story.drafts
        if draft.sub == S.NON_VIOLENT_TRANSFER:
            # Codebook: a place taken on the day the story tells of fighting for it changed hands in
            # that battle, not without fighting.
            battle = (*draft.key()[:3], EventType.BATTLES)
            if battle in drafts and drafts[battle].sub == S.ARMED_CLASH:
                draft.roles.sub_event_type = territorial_sub_type(draft.roles.actor1.inter)
        kept = drafts.setdefault(draft.key(), draft)
        if kept is not draft and territorial_battle(draft) and not territorial_battle(kept):
            # Codebook: a battle in which territory changed hands takes the territorial sub-type; the
            # clash told first is the same battle.
            draft.absorb(kept)
            drafts[draft.key()] = kept = draft
        elif kept is not draft:
            kept.absorb(draft)
        return kept

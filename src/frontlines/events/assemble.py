"""Assemble ACLED events from the mentions of one article, sentence by sentence.

A short driver over ordered rule tables. Each sentence is read into a
:class:`~frontlines.events.sentence.Clause` (its dates, tolls and the triggers the cascade of
:mod:`frontlines.events.cascade` kept); the rules of :mod:`frontlines.events.sentence_rules` then drop
it or choose its trigger, day and places, each decision a step of ``doc.trace`` named by the rule's id;
:mod:`frontlines.events.drafting` makes its events (ACLED's unit: one day, one location, one actor pair,
one type) with the role rules of :mod:`frontlines.events.role_rules`, and
:mod:`frontlines.events.drafts` folds the article's retellings of one event into it.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace

from frontlines.config import EventSettings
from frontlines.countries import country_name, iso3
from frontlines.events.attribution import attribute, identify, pronoun_subject
from frontlines.events.cascade import Cascade, Decision
from frontlines.events.classifier import SubEventClassifier
from frontlines.events.clauses import clause_units
from frontlines.events.drafting import Drafter
from frontlines.events.drafts import EventDraft, fold_headlines, fold_interventions, fold_repeats
from frontlines.events.locate import event_places, local_focus
from frontlines.events.nonevents import non_event
from frontlines.events.notes import describe
from frontlines.events.sentence import Clause, Story, is_headline, paragraph_starts, within
from frontlines.events.sentence_decisions import NON_EVENT_STEPS, STORY_LEAD, TOLL_LOOKAHEAD
from frontlines.events.sentence_rules import SentenceRule, stage_rules
from frontlines.events.sources import event_source, unverified
from frontlines.mentions.actors import ActorDictionary
from frontlines.model import EVENT_TYPE_OF, Doc, Event, Place, TimeMention, TraceStep
from frontlines.time.narrative import stepped_dates

#: The rules run on a sentence only the classifier reads as an event, on a sentence with no trigger,
#: and on a sentence with one, in table order.
DETECT = stage_rules("detect")
TRAILING = stage_rules("trailing")
CODING = stage_rules("trigger", "drop", "date", "place")


class EventAssembler:
    """Turns one article's mentions into events. Holds only the actor dictionary and settings."""

    def __init__(
        self,
        actors: ActorDictionary,
        settings: EventSettings,
        classifier: SubEventClassifier | None = None,
        seat: Callable[[Place], Place | None] | None = None,
        country_place: Callable[[str], Place | None] | None = None,
        capital_place: Callable[[str], Place | None] | None = None,
    ) -> None:
        self.actors = actors
        self.settings = settings
        self.classifier = classifier
        self.cascade = Cascade(classifier, settings)
        #: Codebook: an event known only to the province is coded at the province's capital.
        self.seat = seat
        #: A country's own gazetteer entry (ISO2 in), for events whose place the gazetteer lacks.
        self.country_place = country_place
        #: A country's national capital (ISO2 in), for "the capital" (rule the-capital).
        self.capital_place = capital_place
        self.rules_off = frozenset(settings.rules_off)

    def assemble(self, doc: Doc) -> Doc:
        """Fill ``doc.events`` (and ``doc.undated``) from the mentions already on ``doc``."""
        text = doc.text
        clauses = clause_units(text, doc.sentences, doc.triggers)
        self.cascade.prime(
            [
                text[s:e]
                for s, e in clauses
                if len(text) <= self.settings.long_text_chars
                or within(doc.triggers, s, e)
                or within(doc.actors, s, e)
                or within(doc.casualties, s, e)
            ]
        )
        focus = local_focus(doc)
        story_place = next(iter(event_places(doc.places, focus)), None)
        story = Story(
            doc, self.actors, self.country_place, focus, story_place, capital_place=self.capital_place
        )
        story.retrospective = self._retrospective(doc)
        drafter = Drafter(story, self.rules_off)
        for index, ((s, e), new_paragraph) in enumerate(
            zip(clauses, paragraph_starts(text, clauses), strict=True)
        ):
            if new_paragraph:
                story.new_paragraph()
            clause = self._read(story, index, s, e)
            if self._dropped(DETECT, clause, story):
                continue
            if not clause.triggers:
                story.since_last += 1
                self._dropped(TRAILING, clause, story)
                if clause.times:
                    story.carry_date = clause.times[0]
                continue
            story.since_last, story.last = 0, []
            if not self._dropped(CODING, clause, story):
                drafter.add(clause)
            story.last_days = frozenset(
                [*(t.date for t in clause.all_times), *(clause.span[2] if clause.span else [])]
            )
        merged = fold_headlines(fold_interventions(fold_repeats(story.told_events())))
        unchecked = unverified(doc.article.text)  # one disclaimer covers the whole report
        doc.events = [self._finish(doc, d, unchecked) for d in merged]
        return doc

    def _read(self, story: Story, index: int, s: int, e: int) -> Clause:
        """Sentence ``[s, e)`` read: its dates, tolls and the triggers the cascade keeps (traced)."""
        doc, text = story.doc, story.doc.text
        all_times: list[TimeMention] = within(doc.times, s, e) or stepped_dates(story.told, text, s, e)
        story.told = max(all_times, key=lambda t: t.start) if all_times else story.told
        times = [t for t in all_times if not self._is_background_date(t, story)]
        hurt = [c for c in within(doc.casualties, s, e) if not c.cumulative]
        killed = [c for c in hurt if c.kind == "killed"]
        attribute(self.actors, doc, story.told_events(), s, e)
        identify(self.actors, doc, story.told_events(), s, e)
        headline = index == 0 and is_headline(doc.article.title, text[s:e])
        may_detect = not (story.last and story.since_last < TOLL_LOOKAHEAD) or _names_new_day(times, story)
        sides = within(doc.actors, s, e)
        if "pronoun-subject" not in self.rules_off:
            sides = pronoun_subject(doc, s, e, sides)
        decision = self.cascade.decide(
            text,
            s,
            e,
            within(doc.triggers, s, e),
            sides,
            hurt,
            may_detect=may_detect,
            dated=bool(times),
            sentence=_sentence_of(doc.sentences, s),
        )
        if decision.step != "rule" or decision.triggers:
            doc.trace.append(TraceStep(s, e, decision.step, _model_view(decision)))
        story.non_event_story |= index < STORY_LEAD and (
            decision.step in NON_EVENT_STEPS or non_event(text[s:e], self.rules_off) is not None
        )
        return Clause(
            doc, index, s, e, all_times, times, hurt, killed, decision, decision.triggers, headline, sides
        )

    def _is_background_date(self, mention: TimeMention, story: Story) -> bool:
        published = story.published
        if published is None or story.retrospective:
            return False
        return (published - mention.date).days > self.settings.background_days

    def _retrospective(self, doc: Doc) -> bool:
        """Rule ``retrospective-text``: a text most of whose dates lie over ``background_days`` before
        its publication tells history (a report on the months before it, a chronicle): its dated
        events are coded on their own days, not dropped as background."""
        cfg, published = self.settings, doc.article.published
        if published is None or "retrospective-text" in self.rules_off:
            return False
        absolute = [t for t in doc.times if not t.relative]
        old = [t for t in absolute if (published - t.date).days > cfg.background_days]
        enough = len(absolute) >= cfg.retrospective_dates
        return enough and len(old) >= cfg.retrospective_share * len(absolute)

    def _dropped(self, rules: tuple[SentenceRule, ...], clause: Clause, story: Story) -> bool:
        """Run ``rules`` on ``clause`` in order, each decision traced; True when one drops it."""
        for rule in rules:
            if rule.id in self.rules_off and not rule.required:
                continue
            why = rule.decide(clause, story)
            if why is None:
                continue
            clause.doc.trace.append(TraceStep(clause.start, clause.end, rule.step, why))
            if rule.effect == "drop":
                return True
        return False

    def _finish(self, doc: Doc, d: EventDraft, unchecked: bool) -> Event:
        """The event of draft ``d``: its id, fields and notes."""
        article = doc.article
        actor1, actor2 = d.roles.actor1, d.roles.actor2
        point = (self.seat(d.place) if self.seat and d.place.kind == "admin1" else None) or d.place
        ident = hashlib.sha256(
            "|".join(
                [
                    article.article_id,
                    d.day.isoformat(),
                    d.place.place_id,
                    actor1.name,
                    actor2.name if actor2 else "",
                    d.sub.value,
                ]
            ).encode()
        ).hexdigest()[:16]
        event = Event(
            event_id=ident,
            event_date=d.day,
            time_precision=d.precision,
            event_type=EVENT_TYPE_OF[d.sub],
            sub_event_type=d.sub,
            actor1=actor1.name,
            inter1=int(actor1.inter),
            actor2=actor2.name if actor2 else None,
            inter2=int(actor2.inter) if actor2 else None,
            country=country_name(d.place.country_code),
            iso3=iso3(d.place.country_code),
            location=d.place.name,
            latitude=round(point.latitude, 4),
            longitude=round(point.longitude, 4),
            geo_precision=d.geo_precision,
            fatalities=d.total_fatalities,
            source=event_source(article.source, d.sources),
            notes="",
            article_ids=(article.article_id,),
            evidence=tuple(d.evidence),
            assoc_actor_1="; ".join(a.name for a in d.roles.assoc_actor_1) or None,
            admin1=d.place.admin1,
            admin2=d.place.admin2,
            admin3=d.place.admin3,
            unverified=unchecked,
            claim=d.claim,
            role_rules=tuple(d.roles.rules.items()),
        )
        return replace(event, notes=describe(event, d.split))


def _model_view(decision: Decision) -> str:
    """What the classifier said of a sentence, for the trace."""
    if decision.reason:
        return decision.reason
    if decision.step == "rule" and not decision.confidence:
        return "trigger rules"
    label = decision.label.value if decision.label else "no event"
    return f"model: {label} ({decision.confidence:.2f})"


def _sentence_of(sentences: list[tuple[int, int]], start: int) -> tuple[int, int] | None:
    """The sentence (of the sorted ``sentences``) that holds offset ``start``."""
    index = bisect_right(sentences, start, key=lambda span: span[0]) - 1
    return sentences[index] if index >= 0 and start < sentences[index][1] else None


#: Rule new-day-new-event: a day told as when someone spoke ("said on Tuesday", "told AFP on
#: Monday"), not when something happened.
_SPOKEN_ON = re.compile(
    r"\b(?:said|says|told(?:\s+[\w'’.-]+){1,4}?|announced|reported|stated|added|confirmed|claimed)\s+(?:on\s+)?$",
    re.IGNORECASE,
)


def _names_new_day(times: Sequence[TimeMention], story: Story) -> bool:
    """Rule new-day-new-event: right after a sentence that told events the text dates, a
    sentence that names another day of its own (not one it was said on) tells a new event, not
    their toll ("On 23 October, two peacekeepers were killed in an attack in Tessalit", after a
    clash of 20 October): the model may find it. Days the event sentence named all count as its
    own ("between 29 and 30 January")."""
    if not story.last_days and not any(d.names_day for d in story.last):
        return False  # the events before were dated by the publication: this one may date them
    told = story.last_days | {d.day for d in story.last}
    text = story.doc.text
    own = [t for t in times if not _SPOKEN_ON.search(text, max(0, t.start - 40), t.start)]
    return bool(own) and not any(t.date in told for t in own)

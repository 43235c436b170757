"""Assemble ACLED events from the mentions of one article, sentence by sentence.

One sentence with a trigger makes at most one event per event place it names (ACLED's unit: one day,
one location, one actor pair, one type); the same unit found twice in one article becomes one event
with the evidence of both. Rules chosen where the codebook is silent are marked "Rule:". The rules of
fatalities live in :mod:`frontlines.events.fatalities`, of event places in
:mod:`frontlines.events.locate`, of folding retellings in :mod:`frontlines.events.drafts`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from frontlines.config import EventSettings
from frontlines.countries import country_name, iso3
from frontlines.events.attribution import VICTIM_REACH, attribute, identify, name_victims
from frontlines.events.cascade import Cascade, Decision
from frontlines.events.classifier import SubEventClassifier
from frontlines.events.clauses import clause_units
from frontlines.events.drafts import EventDraft, fold_headlines, fold_repeats
from frontlines.events.fatalities import (
    bomber_counted,
    bombers,
    day_share,
    days_of_toll,
    reported_toll,
    split,
)
from frontlines.events.locate import (
    coordinated,
    event_places,
    geo_precision,
    local_focus,
    names_told_place,
    unplaced_mention,
)
from frontlines.events.nonevents import RULE_IDS, non_event
from frontlines.events.notes import describe
from frontlines.events.roles import assign_roles
from frontlines.events.sources import attributions, event_source, unverified
from frontlines.events.triggers import is_territorial, priority
from frontlines.mentions.actors import ActorDictionary
from frontlines.model import (
    EVENT_TYPE_OF,
    ActorMention,
    CasualtyMention,
    Doc,
    Event,
    EventType,
    Place,
    PlaceMention,
    SubEventType,
    TimeMention,
    TimePrecision,
    TraceStep,
)
from frontlines.time import is_background_phrase
from frontlines.time.narrative import stepped_dates

S = SubEventType

#: Words before a trigger that make it hypothetical, a threat or a denial: no event.
_IRREALIS = re.compile(
    r"\b(?:threat(?:en|ened|ens)?|vow(?:ed|s)?|plan(?:s|ned|ning)?|(?-i:would|could|may|might)|warn(?:ed|s|ing)?|"
    r"prepar(?:e|es|ed|ing)|expected|call(?:ed|s)?\s+for|den(?:y|ied|ies)|fear(?:s|ed)?|risk|"
    r"if|unless|avoid|prevent(?:ed)?|ahead\s+of|anniversary|condemn(?:ed|s)?\s+the\s+use|"
    r"attempt(?:s|ed|ing)?\s+to|(?:in\s+)?an\s+attempt|(?:in\s+)?a\s+bid|tr(?:y|ies|ied|ying)\s+to|"
    r"s(?:eek|eeks|eeking|ought)\s+to|aim(?:s|ed|ing)?\s+(?:to|at)|in\s+order\s+to)\b[^.]{0,40}$",
    re.IGNORECASE,
)
#: How many trigger-less sentences after an event may still report its toll ("Five people died.").
_TOLL_LOOKAHEAD = 2
#: The cascade steps of a sentence a non-event rule drops (``events.nonevents``).
_NON_EVENT_STEPS = frozenset(f"drop:{rule_id}" for rule_id in RULE_IDS)
#: Sentence openings that announce a different event from the one before.
_SEPARATE = re.compile(
    r"^\W*(?:separately|elsewhere|in\s+a\s+separate|in\s+another|meanwhile)\b", re.IGNORECASE
)
#: "in 2011", "since 2011": a bare year before the report's year marks history, not the news.
_PAST_YEAR = re.compile(r"\b(?:in|since|during|by|of|from)\s+(?:early\s+|late\s+|mid-?)?((?:19|20)\d\d)\b")
#: Habits and spans of time, not one day's event ("in recent months", "almost daily", "a year ago").
_HABITUAL = re.compile(
    r"\b(?:in\s+recent\s+(?:days|weeks|months|years)|over\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:days|weeks|months|years?)|"
    r"(?:almost|nearly)\s+(?:daily|every\s+day)|regularly|routinely|repeatedly\s+since|"
    r"(?:a|one|two|three|several|\d+)\s+(?:years?|months?)\s+ago|last\s+year|earlier\s+this\s+year|"
    r"for\s+(?:months|years)|in\s+the\s+past)\b",
    re.IGNORECASE,
)
#: "the clashes", "the protests", "the attack": a trigger that refers back to an event already told.
_ANAPHORIC = re.compile(r"\b(?:the|these|those|this|that|its|their|such)\s+(?:\w+\s+)?$", re.IGNORECASE)
#: Datelines open a report with its own date ("BEIRUT, Sept 10 (Levant Wire) -"): not an event's date.
_DATELINE_REACH = 80
#: Words just before a trigger that put it before the reported events.
_PRIOR = re.compile(
    r"\b(?:recently|previously|formerly|already|once|had(?:\s+been)?|have\s+been)\s+$", re.IGNORECASE
)
#: The opening of a clause beside the sentence's event, which runs to the next comma or semicolon: a
#: scene told in the progressive ("where government forces were fighting") or a further act ("who
#: also shelled the town with mortars").
_ASIDE = re.compile(
    r"\b(?:where|as|while)\s+(?:[\w'-]+\s+){1,4}(?:was|were|are|is)\s+(?=\w+ing\b)|,\s+(?:who|which)\s+also\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,;:]")
#: A toll of civilians ("12 civilians", "killing 3 children").
_CIVILIAN_DEAD = re.compile(
    r"\b(?:civilians?|children|women|residents|villagers|passers-by)\b", re.IGNORECASE
)
#: "against the kidnapping of", "over the arrest of": what a protest is about.
_TOPIC = re.compile(
    r"\b(?:against|over|denouncing|condemning|about|at|for)\s+(?:the\s+|a\s+|an\s+|recent\s+|their\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
#: "protested after the militia kidnapped ...": what follows such a word is the protest's cause.
_CAUSE = re.compile(r"\b(?:after|over|against|because|when)\b", re.IGNORECASE)
#: "between Friday and Sunday", "from Monday to Wednesday": a span of days.
_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(?:and|to|through|until|till|-|–)\s*$", re.IGNORECASE)
#: Longer spans are campaigns, not events of single days.
_MAX_RANGE_DAYS = 7
#: A party's own claim; "claimed the lives of" only means killed.
_CLAIM = re.compile(r"\bclaim(?:ed|s|ing)?\b(?!\s+the\s+lives)", re.IGNORECASE)


def _within(items: Sequence[Any], start: int, end: int) -> list[Any]:
    return [m for m in items if start <= m.start and m.end <= end]


def _paragraph_starts(text: str, sentences: Sequence[tuple[int, int]]) -> list[bool]:
    """For each sentence, whether a new paragraph (a line break before it) starts with it."""
    starts = []
    previous_end: int | None = None
    for s, e in sentences:
        starts.append(previous_end is None or "\n" in text[previous_end:s])
        previous_end = e
    return starts


#: Characters a headline sentence may carry beyond its title (a dateline, an outlet's name).
_HEADLINE_SLACK = 40


def _is_headline(title: str | None, sentence: str) -> bool:
    """The article's title standing alone as its first sentence (as feeds and web pages repeat it);
    not a first sentence that runs the title into the lead (as FA-KES rows do)."""
    if not title:
        return False
    folded_title = re.sub(r"\W+", " ", title).strip().casefold()
    folded = re.sub(r"\W+", " ", sentence).strip().casefold()
    return (
        bool(folded_title) and folded_title in folded and len(folded) <= len(folded_title) + _HEADLINE_SLACK
    )


def _day_range(times: list[TimeMention], text: str) -> tuple[TimeMention, TimeMention, list[dt.date]] | None:
    """Rule: "between Friday and Sunday", "from 3 to 5 March": a span of up to a week, one day each."""
    ordered = sorted((t for t in times if t.precision == TimePrecision.DAY), key=lambda t: t.start)
    for first, second in itertools.pairwise(ordered):
        joined = _RANGE_JOIN.match(text[first.end : second.start])
        opened = _RANGE_OPEN.search(text[max(0, first.start - 12) : first.start])
        length = (second.date - first.date).days + 1
        if joined and opened and 1 < length <= _MAX_RANGE_DAYS:
            return first, second, [first.date + dt.timedelta(days=i) for i in range(length)]
    return None


def _asides(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the aside clauses (:data:`_ASIDE`) in ``text[start:end]``."""
    spans = []
    for m in _ASIDE.finditer(text, start, end):
        stop = _CLAUSE_END.search(text, m.end(), end)
        spans.append((m.start(), stop.start() if stop else end))
    return spans


class EventAssembler:
    """Turns one article's mentions into events. Holds only the actor dictionary and settings."""

    def __init__(
        self,
        actors: ActorDictionary,
        settings: EventSettings,
        classifier: SubEventClassifier | None = None,
        seat: Callable[[Place], Place | None] | None = None,
        country_place: Callable[[str], Place | None] | None = None,
    ) -> None:
        self.actors = actors
        self.settings = settings
        self.classifier = classifier
        self.cascade = Cascade(classifier, settings)
        #: Codebook: an event known only to the province is coded at the province's capital.
        self.seat = seat
        #: A country's own gazetteer entry (ISO2 in), for events whose place the gazetteer lacks.
        self.country_place = country_place

    def _unplaced(self, doc: Doc, s: int, e: int, sides: Sequence[ActorMention]) -> PlaceMention | None:
        """The country-level place of an event whose place is unknown (``locate.unplaced_mention``):
        the country of a place the sentence names in another role ("the Bucha City Council"), else
        the story's focus country, else the home country of an actor the sentence names."""
        if self.country_place is None:
            return None
        named = [
            m.place.country_code
            for m in doc.places
            if s <= m.start < e and m.place is not None and m.place.kind != "country"
        ]
        codes = [*named, doc.focus_country] + [m.ref.country for m in sides]
        country = next((self.country_place(c) for c in codes if c), None)
        return unplaced_mention(doc.text, s, e, country, sides) if country else None

    def _is_background_date(self, mention: TimeMention, published: dt.date | None) -> bool:
        if published is None:
            return False
        return (published - mention.date).days > self.settings.background_days

    def assemble(self, doc: Doc) -> Doc:
        """Fill ``doc.events`` (and ``doc.undated``) from the mentions already on ``doc``."""
        text = doc.text
        published = doc.article.published
        clauses = clause_units(text, doc.sentences, doc.triggers)
        self.cascade.prime(
            [
                text[s:e]
                for s, e in clauses
                if len(text) <= self.settings.long_text_chars
                or _within(doc.triggers, s, e)
                or _within(doc.actors, s, e)
                or _within(doc.casualties, s, e)
            ]
        )
        para_starts = _paragraph_starts(text, clauses)
        drafts: dict[tuple[Any, ...], EventDraft] = {}
        carry_date: TimeMention | None = None
        #: The last date the text named, background or not: what "the next day" steps from.
        told: TimeMention | None = None
        carry_place: PlaceMention | None = None
        focus = local_focus(doc)
        story_place = next(iter(event_places(doc.places, focus)), None)
        last: list[EventDraft] = []
        since_last = 0
        #: The story opens with an accident or disaster (a non-event rule dropped its lead).
        non_event_story = False
        for index, (s, e) in enumerate(clauses):
            if para_starts[index]:
                carry_place, last = None, []
            all_times = _within(doc.times, s, e) or stepped_dates(told, text, s, e)
            told = max(all_times, key=lambda t: t.start) if all_times else told
            times = [t for t in all_times if not self._is_background_date(t, published)]
            hurt = [c for c in _within(doc.casualties, s, e) if not c.cumulative]
            killed = [c for c in hurt if c.kind == "killed"]
            triggers = _within(doc.triggers, s, e)
            attribute(self.actors, doc, list(drafts.values()), s, e)
            identify(self.actors, doc, list(drafts.values()), s, e)
            headline = index == 0 and _is_headline(doc.article.title, text[s:e])
            may_detect = not (last and since_last < _TOLL_LOOKAHEAD)
            decision = self.cascade.decide(
                text, s, e, triggers, _within(doc.actors, s, e), killed, may_detect=may_detect
            )
            triggers = decision.triggers
            if decision.step != "rule" or decision.triggers:
                doc.trace.append(TraceStep(s, e, decision.step, _model_view(decision)))
            non_event_story |= index < 2 and (
                decision.step in _NON_EVENT_STEPS
                or non_event(text[s:e], frozenset(self.settings.rules_off)) is not None
            )
            if (
                decision.step == "model-detects"
                and non_event_story
                and "non-event-story" not in self.settings.rules_off
            ):
                # Rule non-event-story: in a report that opens with an earthquake or a crash, a sentence
                # without an event word tells of the rescue or the toll, not of a political event.
                doc.trace.append(
                    TraceStep(s, e, "drop:non-event-story", "the story is an accident or disaster")
                )
                continue
            if decision.step == "model-detects" and self._retold(
                doc, list(drafts.values()), triggers[0], killed, s, e, {t.date for t in times}
            ):
                doc.trace.append(
                    TraceStep(s, e, "drop:model-retell", "retells an event of the same type told before")
                )
                continue
            if not triggers:
                since_last += 1
                if last and since_last <= _TOLL_LOOKAHEAD and killed:
                    self._add_toll(doc, last, killed, s, e)
                if times:
                    carry_date = times[0]
                continue
            since_last = 0
            last = []
            # Rule: "a town recently captured by Kurdish forces": a trigger told as past background
            # does not name this sentence's event.
            triggers = [
                t for t in triggers if not _PRIOR.search(text[max(s, t.start - 25) : t.start])
            ] or triggers
            # Rule: "on Manbij, where US-backed forces were fighting IS" sets the scene, and "militants,
            # who also shelled the town" adds a lesser act: the sentence's event is its main clause's.
            asides = _asides(text, s, e)
            triggers = [t for t in triggers if not any(a <= t.start < b for a, b in asides)] or triggers
            # Rule: "the fighting", "the attack" refer back; a sentence's own event is named by a
            # trigger that does not, when it has one. "The capture of X" names its place: no reference.
            fresh = [
                t
                for t in triggers
                if is_territorial(t) or not _ANAPHORIC.search(text[max(s, t.start - 20) : t.start])
            ]
            # Rule: "protested against the kidnapping of ...": what a protest is about is its topic.
            protests = [t for t in triggers if EVENT_TYPE_OF[t.sub_event_type] == EventType.PROTESTS]
            if protests:
                fresh = [
                    t
                    for t in fresh
                    if EVENT_TYPE_OF[t.sub_event_type] == EventType.PROTESTS
                    or not (
                        _TOPIC.search(text[max(s, t.start - 30) : t.start])
                        or _CAUSE.search(text[protests[0].end : t.start])
                    )
                ] or fresh
            trigger = max(fresh or triggers, key=priority)
            sentence = text[s:e]
            # Rule: the actors of a scene-setting aside ("on Manbij, where US-backed forces were
            # fighting IS") are not the sides of the main clause's event.
            outside = [(a, b) for a, b in asides if not a <= trigger.start < b]
            sides = [m for m in _within(doc.actors, s, e) if not any(a <= m.start < b for a, b in outside)]
            if len(times) < len(all_times):
                doc.trace.append(
                    TraceStep(s, e, "drop:background-date", "a date over a month before publication")
                )
                continue
            if is_background_phrase(sentence) or self._past_year(sentence, published):
                doc.trace.append(TraceStep(s, e, "drop:background", "told as background or of a past year"))
                continue
            if _HABITUAL.search(sentence):
                doc.trace.append(TraceStep(s, e, "drop:habitual", "a habit or span of time, not one day"))
                continue
            # Rule: a dateline's date is the publication date, not the day of the events reported.
            times = [
                t for t in times if not (t.start < _DATELINE_REACH and t.date == published and len(times) > 1)
            ]
            if not fresh and not times and self._retell(doc, list(drafts.values()), trigger, killed, s, e):
                doc.trace.append(TraceStep(s, e, "drop:retell", "retells the event before it"))
                continue
            if _IRREALIS.search(text[max(s, trigger.start - 60) : trigger.start]):
                doc.trace.append(TraceStep(s, e, "drop:irrealis", "a threat, plan, denial or attempt"))
                continue
            if any(s <= u_start < e for u_start, _ in doc.unresolved_times):
                doc.undated += 1  # a relative date and no publication date: never the ingestion day
                doc.trace.append(TraceStep(s, e, "drop:undated", "a relative date and no publication date"))
                continue
            own = min(times, key=lambda t: abs(t.start - trigger.start)) if times else None
            date_mention = own or carry_date
            if date_mention is not None:
                day, precision = date_mention.date, date_mention.precision
            elif published is not None:
                # Rule: a report that names no day speaks of the day it was published.
                day, precision = published, TimePrecision.DAY
            else:
                doc.undated += 1
                doc.trace.append(TraceStep(s, e, "drop:undated", "no date and no publication date"))
                continue
            if own is not None:
                carry_date = own
            named_places = _within(doc.places, s, e)
            agreement = trigger.sub_event_type == SubEventType.AGREEMENT
            places = coordinated(event_places(named_places, focus, agreement), text)
            if not places and any(
                p.role == "event" and p.place and p.place.kind == "country" for p in named_places
            ):
                # codebook: no country-level events ("fighting continued across Syria")
                doc.trace.append(TraceStep(s, e, "drop:country-level", "only a country is named"))
                continue
            told_place = carry_place or story_place
            if places and told_place is not None and names_told_place(text, trigger.end, named_places):
                places = [told_place]
            if not places:
                # Rule: a sentence that names no place ("the city", "the town") happened where the
                # paragraph last placed events, else where the article's story is set (its first
                # event place, usually the dateline or lead).
                fallback = carry_place or story_place
                places = [fallback] if fallback is not None else []
            if not places and (unplaced := self._unplaced(doc, s, e, sides)) is not None:
                places = [unplaced]
                doc.trace.append(TraceStep(s, e, "place-unknown", f"coded to {unplaced.place.name}"))  # type: ignore[union-attr]
            if not places:
                doc.trace.append(TraceStep(s, e, "drop:no-place", "no event place in the sentence or before"))
                continue
            separate = _SEPARATE.search(text[s:e]) is not None
            carry_place = places[0]
            toll = reported_toll(killed, sentence)
            span = _day_range(times, text) if own is not None else None
            days = span[2] if span else [day]
            units = [(p, d) for p in places for d in days]
            count, split_note = day_share(toll, None if span else days_of_toll(sentence))
            shares = split(count, len(units))
            suicide = any(t.sub_event_type == S.SUICIDE_BOMB for t in triggers)
            for (place_mention, day), share in zip(units, shares, strict=True):
                place = place_mention.place
                assert place is not None
                roles = assign_roles(
                    self.actors,
                    trigger,
                    sides,
                    _clamped(text, s, e),
                    place.country_code,
                    day,
                    casualties=[text[c.start : min(e, c.end + 30)] for c in hurt],
                )
                civilian_toll = toll is not None and bool(
                    _CIVILIAN_DEAD.search(text[toll.start : min(e, toll.end + 30)])
                )
                draft = EventDraft(
                    day,
                    precision,
                    place,
                    geo_precision(place_mention),
                    roles,
                    share,
                    attributions(text[s:e]),
                    separate=separate,
                    civilian_toll=civilian_toll,
                    claim=_CLAIM.search(text[s:e]) is not None,
                    headline=headline,
                    split=split_note,
                )
                # Codebook: the bomber counts among the dead, also of the battle a bombing opens.
                if roles.sub_event_type == S.SUICIDE_BOMB or (
                    suicide and EVENT_TYPE_OF[roles.sub_event_type] == EventType.BATTLES
                ):
                    draft.bombers, draft.bombers_counted = bombers(sentence), bomber_counted(sentence)
                draft.evidence.append(doc.evidence("event", s, e))
                draft.evidence.append(doc.evidence("event_type", trigger.start, trigger.end))
                for mention in span[:2] if span else [own] if own is not None else []:
                    draft.evidence.append(doc.evidence("event_date", mention.start, mention.end))
                if len(units) > 1 and toll is not None:
                    draft.split = f"a toll of {count} split evenly over {len(units)} days and places"
                draft.evidence.append(doc.evidence("location", place_mention.start, place_mention.end))
                for field_name, mention in roles.backing:
                    draft.evidence.append(doc.evidence(field_name, mention.start, mention.end))
                if toll is not None:
                    draft.evidence.append(doc.evidence("fatalities", toll.start, toll.end))
                kept = drafts.setdefault(draft.key(), draft)
                if kept is not draft and _territorial_battle(draft) and not _territorial_battle(kept):
                    # Codebook: a battle in which territory changed hands takes the territorial
                    # sub-type; the clash told first is the same battle.
                    draft.absorb(kept)
                    drafts[draft.key()] = kept = draft
                elif kept is not draft:
                    kept.absorb(draft)
                last.append(kept)
        merged = fold_headlines(fold_repeats(list(drafts.values())))
        unchecked = unverified(doc.article.text)  # one disclaimer covers the whole report
        doc.events = [self._finish(doc, d, unchecked) for d in merged]
        return doc

    @staticmethod
    def _retell(
        doc: Doc, drafts: list[EventDraft], trigger: Any, killed: list[CasualtyMention], start: int, end: int
    ) -> bool:
        """Rule: "the clashes killed several fighters" retells the latest event of that type: its toll
        and evidence go to that event and no new one is made. False when there is none to retell."""
        same = [d for d in drafts if EVENT_TYPE_OF[d.sub] == EVENT_TYPE_OF[trigger.sub_event_type]]
        if not same:
            return False
        target = same[-1]
        target.evidence.append(doc.evidence("event", start, end))
        toll = reported_toll(killed, doc.text[start:end])
        if toll is not None and toll.count > target.fatalities:
            target.fatalities = toll.count
            target.evidence.append(doc.evidence("fatalities", toll.start, toll.end))
        return True

    @staticmethod
    def _retold(
        doc: Doc,
        drafts: list[EventDraft],
        trigger: Any,
        killed: list[CasualtyMention],
        start: int,
        end: int,
        days: set[dt.date],
    ) -> bool:
        """Rule model-retell: a sentence only the classifier calls an event, in an article that already
        told an event of that type, retells it ("State TV said the army restored security to the town
        and killed dozens"): its words join that event's evidence (the latest one of a day the
        sentence names, else the latest) and make no new one; its toll is left to the toll rules.
        False when no event of the type was told."""
        same = [d for d in drafts if EVENT_TYPE_OF[d.sub] == EVENT_TYPE_OF[trigger.sub_event_type]]
        if not same:
            return False
        target = ([d for d in same if d.day in days] or same)[-1]
        target.evidence.append(doc.evidence("event", start, end))
        return True

    @staticmethod
    def _past_year(sentence: str, published: dt.date | None) -> bool:
        return published is not None and any(int(y) < published.year for y in _PAST_YEAR.findall(sentence))

    def _add_toll(
        self, doc: Doc, drafts: list[EventDraft], killed: list[CasualtyMention], s: int, e: int
    ) -> None:
        """A toll told in a sentence after its events ("Activists said 7 people died.") goes to those
        of them that have none yet, split evenly; it also names the victims of an explosion told with
        no target (:func:`~frontlines.events.attribution.name_victims`)."""
        sentence = doc.text[s:e]
        toll = reported_toll(killed, sentence)
        if toll is None:
            return
        count, note = day_share(toll, days_of_toll(sentence))
        counted = bomber_counted(sentence)
        for draft, share in zip(drafts, split(count, len(drafts)), strict=True):
            if draft.fatalities == 0:
                draft.fatalities = share
                draft.split = draft.split or note
                draft.bombers_counted = draft.bombers_counted or counted
                draft.evidence.append(doc.evidence("fatalities", toll.start, toll.end))
                if draft.roles.actor2 is None and EVENT_TYPE_OF[draft.sub] == EventType.EXPLOSIONS:
                    name_victims(self.actors, doc, draft, toll.start, min(e, toll.end + VICTIM_REACH))

    def _finish(self, doc: Doc, d: EventDraft, unchecked: bool) -> Event:
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


def _clamped(text: str, start: int, end: int) -> Callable[[int, int], str]:
    """The text between two offsets, cut to one sentence: context rules never read the next one."""
    return lambda a, b: text[max(a, start) : min(b, end)]


def _territorial_battle(draft: EventDraft) -> bool:
    return EVENT_TYPE_OF[draft.sub] == EventType.BATTLES and draft.sub != S.ARMED_CLASH


def _model_view(decision: Decision) -> str:
    """What the classifier said of a sentence, for the trace."""
    if decision.reason:
        return decision.reason
    if decision.step == "rule" and not decision.confidence:
        return "trigger rules"
    label = decision.label.value if decision.label else "no event"
    return f"model: {label} ({decision.confidence:.2f})"

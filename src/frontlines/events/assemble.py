"""Assemble ACLED events from the mentions of one article, sentence by sentence.

One sentence with a trigger makes at most one event per event place it names (ACLED's unit: one day,
one location, one actor pair, one type); the same unit found twice in one article becomes one event
with the evidence of both. Rules chosen where the codebook is silent are marked "Rule:".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from frontlines.config import EventSettings
from frontlines.countries import country_name, iso3
from frontlines.events.notes import describe
from frontlines.events.sources import attributions, event_source
from frontlines.events.triggers import is_territorial, priority, territorial_sub_type
from frontlines.mentions.actors import ActorDictionary
from frontlines.model import (
    EVENT_TYPE_OF,
    Actor,
    ActorMention,
    CasualtyMention,
    Doc,
    Event,
    EventType,
    Evidence,
    GeoPrecision,
    Inter,
    Place,
    PlaceMention,
    SubEventType,
    TimeMention,
    VICTIM_SUB_TYPES,
    TimePrecision,
    Trigger,
)
from frontlines.time import is_background_phrase

S = SubEventType

#: Words before a trigger that make it hypothetical, a threat or a denial: no event.
_IRREALIS = re.compile(
    r"\b(?:threat(?:en|ened|ens)?|vow(?:ed|s)?|plan(?:s|ned|ning)?|would|could|may|might|warn(?:ed|s|ing)?|"
    r"prepar(?:e|es|ed|ing)|expected|call(?:ed|s)?\s+for|den(?:y|ied|ies)|fear(?:s|ed)?|risk|"
    r"if|unless|avoid|prevent(?:ed)?|ahead\s+of|anniversary|condemn(?:ed|s)?\s+the\s+use)\b[^.]{0,40}$",
    re.IGNORECASE,
)
#: How many trigger-less sentences after an event may still report its toll ("Five people died.").
_TOLL_LOOKAHEAD = 2
#: Place kinds that can locate an event. ACLED codes no country-level events.
_LOCAL_KINDS = frozenset({"city", "district", "admin3", "admin2", "other"})
_PROTEST_TYPES = frozenset({S.PEACEFUL_PROTEST, S.PROTEST_WITH_INTERVENTION, S.EXCESSIVE_FORCE})
_RIOT_TYPES = frozenset({S.VIOLENT_DEMONSTRATION, S.MOB_VIOLENCE})
_PASSIVE_CAPTURE = re.compile(r"fell\s+to|falls\s+to|control\s+of", re.IGNORECASE)
_LOST_CONTROL = re.compile(r"out\s+of", re.IGNORECASE)


@dataclass(slots=True)
class _Draft:
    """An event being assembled; becomes an :class:`Event` in :func:`_finish`."""

    sub: SubEventType
    day: dt.date
    precision: TimePrecision
    place: Place
    geo_precision: GeoPrecision
    actor1: Actor
    actor2: Actor | None
    fatalities: int
    sources: list[str]
    evidence: list[Evidence] = field(default_factory=list)
    assoc1: list[str] = field(default_factory=list)
    assoc2: list[str] = field(default_factory=list)

    def key(self) -> tuple[object, ...]:
        pair: tuple[str, ...] = (self.actor1.name, self.actor2.name if self.actor2 else "")
        if self.sub not in VICTIM_SUB_TYPES:
            pair = tuple(sorted(pair))
        return (self.day, self.place.place_id, pair, EVENT_TYPE_OF[self.sub])


def _within(items: Sequence, start: int, end: int) -> list:
    return [m for m in items if start <= m.start and m.end <= end]


def _paragraph_starts(text: str, sentences: Sequence[tuple[int, int]]) -> list[bool]:
    """For each sentence, whether a new paragraph (a line break before it) starts with it."""
    starts = []
    previous_end = 0
    for s, _ in sentences:
        starts.append(previous_end == 0 or "\n" in text[previous_end:s])
        previous_end = s
    return starts


class EventAssembler:
    """Turns one article's mentions into events. Holds only the actor dictionary and settings."""

    def __init__(self, actors: ActorDictionary, settings: EventSettings) -> None:
        self.actors = actors
        self.settings = settings

    # --- dates -------------------------------------------------------------------------------
    def _is_background_date(self, mention: TimeMention, published: dt.date | None) -> bool:
        if published is None:
            return False
        return (published - mention.date).days > self.settings.background_days

    def _sentence_date(
        self, doc: Doc, times: list[TimeMention], trigger: Trigger, carry: TimeMention | None
    ) -> tuple[TimeMention | None, bool]:
        """The date of an event in this sentence and whether it came from the sentence itself.

        Rule: the time expression nearest the trigger; else the date the paragraph last used;
        else none (the caller then uses the publication date, or counts the event undated).
        """
        if times:
            return min(times, key=lambda t: abs(t.start - trigger.start)), True
        return carry, False

    # --- places ------------------------------------------------------------------------------
    @staticmethod
    def _event_places(places: list[PlaceMention]) -> list[PlaceMention]:
        usable = [p for p in places if p.place is not None and p.role in ("event", "other")]
        local = [p for p in usable if p.place is not None and p.place.kind in _LOCAL_KINDS]
        chosen = [p for p in local if p.role == "event"] or local
        if not chosen:
            chosen = [p for p in usable if p.place is not None and p.place.kind == "admin1"][:1]
        unique: list[PlaceMention] = []
        for p in chosen:
            if all(p.place != u.place for u in unique):
                unique.append(p)
        return unique

    @staticmethod
    def _geo_precision(mention: PlaceMention) -> GeoPrecision:
        assert mention.place is not None
        if mention.place.kind == "admin1":
            return GeoPrecision.REGION
        return GeoPrecision.NEAR if mention.near else GeoPrecision.PLACE

    # --- actors ------------------------------------------------------------------------------
    def _roles(
        self,
        sub: SubEventType,
        trigger: Trigger,
        mentions: list[ActorMention],
        country: str,
        day: dt.date,
    ) -> tuple[SubEventType, Actor, Actor | None, list[tuple[str, ActorMention]]]:
        """Pick actor1/actor2 for an event of ``sub`` and say which mention backs which role."""
        resolved = [(m, self.actors.resolve(m.ref, country, day)) for m in mentions]
        distinct: list[tuple[ActorMention, Actor]] = []
        for m, a in resolved:
            if all(a.name != d.name for _, d in distinct):
                distinct.append((m, a))
        civilians = [(m, a) for m, a in distinct if a.inter == Inter.CIVILIANS]
        armed = [(m, a) for m, a in distinct if a.inter not in (Inter.CIVILIANS, Inter.PROTESTERS, Inter.RIOTERS)]
        protesters = [(m, a) for m, a in distinct if a.inter == Inter.PROTESTERS]
        before = [(m, a) for m, a in armed if m.end <= trigger.start]
        after = [(m, a) for m, a in armed if m.start >= trigger.end]
        inside = [(m, a) for m, a in armed if m.start >= trigger.start and m.end <= trigger.end]

        def role(name: str) -> Actor:
            return self.actors.role_actor(name, country, day)

        backing: list[tuple[str, ActorMention]] = []
        if is_territorial(trigger):
            # Rule: "X seized Y" -> X gained; "Y fell to X" / "under the control of X" -> X gained;
            # "Y is out of the army's control" -> the army lost and rebels (generic) gained.
            loser: tuple[ActorMention, Actor] | None = None
            if _LOST_CONTROL.search(trigger.text) and inside:
                loser = inside[0]
                gainer_actor = role("rebels") if loser[1].inter == Inter.STATE_FORCES else role("military")
                gainer = None
            else:
                order = after + before if _PASSIVE_CAPTURE.search(trigger.text) else before[::-1] + after
                gainer = order[0] if order else None
                gainer_actor = gainer[1] if gainer else role("rebels")
                others = [x for x in armed if gainer is None or x[1].name != gainer[1].name]
                loser = others[0] if others else None
            if gainer:
                backing.append(("actor1", gainer[0]))
            if loser:
                backing.append(("actor2", loser[0]))
            sub = territorial_sub_type(gainer_actor.inter)
            return sub, gainer_actor, loser[1] if loser else None, backing
        if sub in _PROTEST_TYPES or sub in _RIOT_TYPES:
            crowd_role = "protesters" if sub in _PROTEST_TYPES else "rioters"
            crowd = protesters[0] if protesters else None
            actor1 = crowd[1] if crowd else role(crowd_role)
            if crowd:
                backing.append(("actor1", crowd[0]))
            state = next(((m, a) for m, a in armed if a.inter == Inter.STATE_FORCES), None)
            if state and sub != S.PEACEFUL_PROTEST:
                backing.append(("actor2", state[0]))
                return sub, actor1, state[1], backing
            return sub, actor1, None, backing
        perpetrator = before[-1] if before else (inside or after or [None])[0]
        actor1 = perpetrator[1] if perpetrator else None
        if perpetrator:
            backing.append(("actor1", perpetrator[0]))
        others = [x for x in armed if actor1 is None or x[1].name != actor1.name]
        if sub in VICTIM_SUB_TYPES or (sub == S.ARMED_CLASH and civilians and not others):
            # Codebook: in violence against civilians the victims are always actor 2.
            if sub == S.ARMED_CLASH:
                sub = S.ATTACK
            victim = civilians[0] if civilians else None
            if victim:
                backing.append(("actor2", victim[0]))
            return sub, actor1 or role("unidentified"), victim[1] if victim else role("civilians"), backing
        if actor1 is None:
            # Rule: an air strike nobody is named for is coded to the state military of the country
            # (only states fly aircraft in most conflicts); any other unattributed act to an
            # unidentified armed group.
            actor1 = role("military") if sub == S.AIR_DRONE_STRIKE else role("unidentified")
        actor2 = None
        if others:
            actor2 = others[0][1]
            backing.append(("actor2", others[0][0]))
        elif civilians and EVENT_TYPE_OF[sub] == EventType.EXPLOSIONS:
            actor2 = civilians[0][1]
            backing.append(("actor2", civilians[0][0]))
        elif sub == S.ARMED_CLASH:
            actor2 = role("unidentified") if actor1.inter == Inter.STATE_FORCES else role("military")
        return sub, actor1, actor2, backing

    # --- fatalities --------------------------------------------------------------------------
    @staticmethod
    def _killed(casualties: list[CasualtyMention]) -> list[CasualtyMention]:
        return [c for c in casualties if c.kind == "killed" and not c.cumulative]

    # --- the loop ----------------------------------------------------------------------------
    def assemble(self, doc: Doc) -> Doc:
        """Fill ``doc.events`` (and ``doc.undated``) from the mentions already on ``doc``."""
        text = doc.text
        published = doc.article.published
        para_starts = _paragraph_starts(text, doc.sentences)
        drafts: dict[tuple[object, ...], _Draft] = {}
        order: list[tuple[object, ...]] = []
        carry_date: TimeMention | None = None
        carry_place: PlaceMention | None = None
        last: list[_Draft] = []
        since_last = 0
        for index, (s, e) in enumerate(doc.sentences):
            if para_starts[index]:
                carry_place, last = None, []
            sentence = text[s:e]
            times = [t for t in _within(doc.times, s, e) if not self._is_background_date(t, published)]
            old_dates = len(times) < len(_within(doc.times, s, e))
            killed = self._killed(_within(doc.casualties, s, e))
            triggers = _within(doc.triggers, s, e)
            if not triggers:
                since_last += 1
                if last and killed and since_last <= _TOLL_LOOKAHEAD:
                    self._add_toll(doc, last, killed)
                if times:
                    carry_date = times[0]
                continue
            since_last = 0
            if old_dates or is_background_phrase(sentence):
                last = []
                continue
            trigger = max(triggers, key=priority)
            if _IRREALIS.search(text[max(s, trigger.start - 60) : trigger.start]):
                last = []
                continue
            date_mention, own_date = self._sentence_date(doc, times, trigger, carry_date)
            if date_mention is not None:
                day, precision = date_mention.date, date_mention.precision
            elif published is not None:
                # Rule: a report that names no day speaks of the day it was published.
                day, precision = published, TimePrecision.DAY
            else:
                doc.undated += 1
                last = []
                continue
            if own_date:
                carry_date = date_mention
            places = self._event_places(_within(doc.places, s, e))
            if not places and carry_place is not None:
                places = [carry_place]
            if not places:
                last = []
                continue
            carry_place = places[0]
            actor_mentions = _within(doc.actors, s, e)
            toll = max(killed, key=lambda c: c.count) if killed else None
            shares = _split(toll.count if toll else 0, len(places))
            sources = attributions(sentence)
            last = []
            for place_mention, share in zip(places, shares, strict=True):
                place = place_mention.place
                assert place is not None
                sub, actor1, actor2, backing = self._roles(
                    trigger.sub_event_type, trigger, actor_mentions, place.country_code, day
                )
                draft = _Draft(
                    sub, day, precision, place, self._geo_precision(place_mention), actor1, actor2,
                    share, sources,
                )
                draft.evidence.append(doc.evidence("event", s, e))
                draft.evidence.append(doc.evidence("event_type", trigger.start, trigger.end))
                if own_date and date_mention is not None:
                    draft.evidence.append(doc.evidence("event_date", date_mention.start, date_mention.end))
                draft.evidence.append(doc.evidence("location", place_mention.start, place_mention.end))
                for field_name, mention in backing:
                    draft.evidence.append(doc.evidence(field_name, mention.start, mention.end))
                if toll is not None:
                    draft.evidence.append(doc.evidence("fatalities", toll.start, toll.end))
                key = draft.key()
                if key in drafts:
                    kept = drafts[key]
                    # Rule: the same event told twice in one article keeps the larger toll (a later
                    # sentence usually updates or totals it) and the evidence of both.
                    kept.fatalities = max(kept.fatalities, draft.fatalities)
                    kept.evidence.extend(ev for ev in draft.evidence if ev not in kept.evidence)
                    kept.sources.extend(x for x in draft.sources if x not in kept.sources)
                    last.append(kept)
                else:
                    drafts[key] = draft
                    order.append(key)
                    last.append(draft)
        doc.events = [self._finish(doc, drafts[k]) for k in order]
        return doc

    def _add_toll(self, doc: Doc, drafts: list[_Draft], killed: list[CasualtyMention]) -> None:
        toll = max(killed, key=lambda c: c.count)
        for draft, share in zip(drafts, _split(toll.count, len(drafts)), strict=True):
            if draft.fatalities == 0:
                draft.fatalities = share
                draft.evidence.append(doc.evidence("fatalities", toll.start, toll.end))

    @staticmethod
    def _finish(doc: Doc, d: _Draft) -> Event:
        article = doc.article
        country = country_name(d.place.country_code)
        event_type = EVENT_TYPE_OF[d.sub]
        ident = hashlib.sha256(
            "|".join(
                [article.article_id, d.day.isoformat(), d.place.place_id, d.actor1.name,
                 d.actor2.name if d.actor2 else "", d.sub.value]
            ).encode()
        ).hexdigest()[:16]
        event = Event(
            event_id=ident,
            event_date=d.day,
            time_precision=d.precision,
            event_type=event_type,
            sub_event_type=d.sub,
            actor1=d.actor1.name,
            inter1=int(d.actor1.inter),
            actor2=d.actor2.name if d.actor2 else None,
            inter2=int(d.actor2.inter) if d.actor2 else None,
            country=country,
            iso3=iso3(d.place.country_code),
            location=d.place.name,
            latitude=round(d.place.latitude, 4),
            longitude=round(d.place.longitude, 4),
            geo_precision=d.geo_precision,
            fatalities=d.fatalities,
            source=event_source(article.source, d.sources),
            notes="",
            article_ids=(article.article_id,),
            evidence=tuple(d.evidence),
            admin1=d.place.admin1,
            admin2=d.place.admin2,
            admin3=d.place.admin3,
        )
        return replace(event, notes=describe(event))


def _split(total: int, parts: int) -> list[int]:
    """Codebook: a total over several places is split evenly, the remainder on the first."""
    base, rest = divmod(total, parts)
    return [base + (rest if i == 0 else 0) for i in range(parts)]

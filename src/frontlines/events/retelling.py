"""Sentences that add to events already told instead of making new ones: retellings and later tolls.

Used by the sentence rules ``retell``, ``model-retell`` and ``later-toll``
(:mod:`frontlines.events.sentence_rules`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from frontlines.events.attribution import VICTIM_REACH, name_victims
from frontlines.events.drafts import EventDraft, retold_precision
from frontlines.events.fatalities import bomber_counted, day_share, days_of_toll, reported_toll, split
from frontlines.events.locate import apposed_countries, approximately, stands_in
from frontlines.events.role_subtypes import clash_on_people
from frontlines.geo.precision import geo_precision
from frontlines.geo.scoring import contains, distance_km
from frontlines.mentions.actors import ActorDictionary
from frontlines.model import (
    EVENT_TYPE_OF,
    CasualtyMention,
    Doc,
    EventType,
    Place,
    SubEventType,
    TimeMention,
    Trigger,
)


def _same_type(drafts: list[EventDraft], trigger: Trigger) -> list[EventDraft]:
    return [d for d in drafts if EVENT_TYPE_OF[d.sub] == EVENT_TYPE_OF[trigger.sub_event_type]]


def retell(
    doc: Doc,
    drafts: list[EventDraft],
    trigger: Trigger,
    killed: list[CasualtyMention],
    start: int,
    end: int,
    times: list[TimeMention],
) -> bool:
    """Rule retell: "the clashes killed several fighters" retells the latest event of that type: its
    toll and evidence go to that event and no new one is made. A sentence that names its own event
    place retells only an event at, in or near it. False when there is none to retell."""
    same = _at_own_place(doc, _same_type(drafts, trigger), start, end, holding=True)
    if not same:
        return False
    target = same[-1]
    target.evidence.append(doc.evidence("event", start, end))
    _retold_place(doc, target, next((t for t in times if t.date == target.day), None), start, end)
    toll = reported_toll(killed, doc.text[start:end])
    if toll is not None and toll.count > target.fatalities:
        target.fatalities = toll.count
        target.evidence.append(doc.evidence("fatalities", toll.start, toll.end))
    return True


def retold(
    doc: Doc, drafts: list[EventDraft], trigger: Trigger, start: int, end: int, times: list[TimeMention]
) -> bool:
    """Rule model-retell: a sentence only the classifier calls an event, in an article that already
    told an event of that type, retells it ("State TV said the army restored security to the town
    and killed dozens"): its words join that event's evidence (the latest one of a day the
    sentence names, else the latest) and make no new one; its toll is left to the toll rules.
    A sentence that names its own event place retells only an event at, in or near that place
    ("... advanced into Brovary" after fighting in Chernihiv oblast is a new event). False when
    no such event was told."""
    same = _at_own_place(doc, _same_type(drafts, trigger), start, end)
    if not same:
        return False
    days = {t.date for t in times}
    target = ([d for d in same if d.day in days] or same)[-1]
    target.evidence.append(doc.evidence("event", start, end))
    _retold_place(doc, target, next((t for t in times if t.date == target.day), None), start, end)
    return True


def _retold_place(doc: Doc, target: EventDraft, day: TimeMention | None, start: int, end: int) -> None:
    """Rules exact-retelling and undated-retelling (:meth:`EventDraft.absorb`), for a sentence that
    retells ``target`` without making an event of its own, naming ``target``'s place: "the attack
    took place in Gao" makes an event told near Gao exact; "On 1 August, Russian forces attacked
    settlements south of Bakhmut" (``day``: the sentence names the event's day) makes an event no
    report dated ("The Battle of Bakhmut is a battle...") approximate, and dated by this sentence."""
    own = [
        m
        for m in doc.places
        if start <= m.start < end and m.role == "event" and m.place is not None and m.place == target.place
    ]
    if not own:
        return
    named = [m for m in doc.places if start <= m.start < end]
    actors = [a for a in doc.actors if start <= a.start < end]
    held = stands_in(doc.text, own[0], named, actors, doc.focus_country)  # "near Qacar in Fuzuli"
    mention = approximately(own[0]) if held else own[0]
    retold = replace(target, geo_precision=geo_precision(mention), evidence=[], stand_in=held)
    if day is not None:
        retold.evidence.append(doc.evidence("event_date", day.start, day.end))
    precision = retold_precision(target, retold)
    if precision != target.geo_precision:  # the retelling placed the event: its words are evidence
        target.geo_precision = precision
        target.evidence.extend(ev for ev in retold.evidence if ev not in target.evidence)
        target.evidence.append(doc.evidence("location", own[0].start, own[0].end))


def _at_own_place(
    doc: Doc, drafts: list[EventDraft], start: int, end: int, holding: bool = False
) -> list[EventDraft]:
    """The ``drafts`` a sentence (``doc.text[start:end]``) may retell: all of them, or, when it names
    an event place of its own, those at, in or near it (ACLED: one event per place and day), and
    with ``holding`` (a sentence that refers back: "the shells landed") those inside it too; when
    it names a place the gazetteer lacks with its country ("in Dioungani, Mali": rule
    apposed-country), those in that country."""
    named = [m for m in doc.places if start <= m.start < end]
    own = [m.place for m in named if m.role == "event" and m.place]
    # the most precise of them: "units of the Armed Forces of Ukraine ... in Sumy Oblast" is in Sumy Oblast
    own = [p for p in own if not any(q != p and contains(p, q) for q in own)]
    if not own:
        countries = apposed_countries(doc.text, named, start)
        return [d for d in drafts if d.place.country_code in countries] if countries else drafts
    return [d for d in drafts if any(_at(d.place, p) or (holding and contains(p, d.place)) for p in own)]


#: Two points this close are one place told twice (a town and its district, two spellings).
SAME_PLACE_KM = 25.0


def _at(where: Place, place: Place) -> bool:
    """Whether ``place`` is ``where``, lies within it or close to it."""
    return contains(where, place) or distance_km(where, place) <= SAME_PLACE_KM


#: A later toll that adds to the event's rather than repeats it: the other side's dead.
_MORE_DEAD = re.compile(
    r"\b(?:were|was|are)\s+also\s+(?:killed|dead)|\balso\s+(?:killed|died|lost)\b|\bwhile\s+losing\b",
    re.IGNORECASE,
)


def add_toll(
    actors: ActorDictionary, doc: Doc, drafts: list[EventDraft], killed: list[CasualtyMention], s: int, e: int
) -> int:
    """Rule later-toll: a toll told in a sentence after its events ("Activists said 7 people died.")
    goes to those of them that have none yet, split evenly; it also names the victims of an explosion
    told with no target (:func:`~frontlines.events.attribution.name_victims`). Returns how many
    events took a share."""
    sentence = doc.text[s:e]
    toll = reported_toll(killed, sentence)
    if toll is None:
        return 0
    count, note = day_share(toll, days_of_toll(sentence))
    counted = bomber_counted(sentence)
    more = _MORE_DEAD.search(sentence) is not None
    took = 0
    for draft, share in zip(drafts, split(count, len(drafts)), strict=True):
        if draft.fatalities and more:
            # "... 30 soldiers were killed. The army said 17 militants were also killed": the other side's
            draft.fatalities += share
            draft.evidence.append(doc.evidence("fatalities", toll.start, toll.end))
            took += 1
        elif draft.fatalities == 0:
            took += 1
            draft.fatalities = share
            draft.split = draft.split or note
            draft.bombers_counted = draft.bombers_counted or counted
            draft.evidence.append(doc.evidence("fatalities", toll.start, toll.end))
            if draft.roles.actor2 is None and EVENT_TYPE_OF[draft.sub] == EventType.EXPLOSIONS:
                name_victims(actors, doc, draft, toll.start, min(e, toll.end + VICTIM_REACH))
            elif clash_on_people(draft.roles, doc.text[toll.start : min(e, toll.end + VICTIM_REACH)]):
                roles = draft.roles
                roles.sub_event_type = SubEventType.ATTACK
                roles.actor2 = actors.role_actor("civilians", draft.place.country_code, draft.day)
                roles.rules["sub_event_type"] = roles.rules["actor2"] = "later-toll"
    return took


#: Unarmed people a toll of the wounded may name ("5 people injured", "three children wounded").
_PEOPLE = re.compile(
    r"\b(?:civilians?|people|persons|residents|villagers|children|women|men|passengers|patients|"
    r"passers-by|workers|students)\b",
    re.IGNORECASE,
)


def name_wounded(
    actors: ActorDictionary, doc: Doc, drafts: list[EventDraft], hurt: list[CasualtyMention], end: int
) -> int:
    """Rule later-toll: the wounded told in a sentence after a strike, shell or bomb with no target
    ("... drones struck Kiryat Shmona. 2 soldiers injured.") name its actor 2 (``name_victims``), as
    its dead would: an armed side the toll names, or civilians where it names people; not wounded it
    names otherwise ("3 rangers wounded"). Returns how many events it named."""
    bare = [d for d in drafts if d.roles.actor2 is None and EVENT_TYPE_OF[d.sub] == EventType.EXPLOSIONS]
    first = min(hurt, key=lambda h: h.start, default=None)
    if first is None or not bare:
        return 0
    stop = min(end, first.end + VICTIM_REACH)
    named = any(first.start <= m.start and m.end <= stop for m in doc.actors)
    if not named and _PEOPLE.search(doc.text, first.start, stop) is None:
        return 0
    for draft in bare:
        name_victims(actors, doc, draft, first.start, stop)
    return len(bare)

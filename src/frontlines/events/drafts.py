"""Events being assembled (drafts) and how an article's retellings of one event fold into it.

ACLED's unit is one day, one location, one actor pair, one type: the same unit told twice in one
article becomes one event with the evidence of both; shelling during a battle by the same actors is
part of the battle. Rules chosen where the codebook is silent are marked "Rule:".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from frontlines.events.role_decisions import author_unnamed
from frontlines.events.roles import Roles
from frontlines.model import (
    EVENT_TYPE_OF,
    VICTIM_SUB_TYPES,
    Actor,
    EventType,
    Evidence,
    GeoPrecision,
    Inter,
    Place,
    SubEventType,
    TimePrecision,
)

S = SubEventType


@dataclass(slots=True)
class EventDraft:
    """An event being assembled; the assembler (:mod:`frontlines.events.assemble`) makes it an
    :class:`~frontlines.model.Event` once the whole article is read."""

    day: dt.date
    precision: TimePrecision
    place: Place
    geo_precision: GeoPrecision
    roles: Roles
    fatalities: int
    sources: list[str]
    evidence: list[Evidence] = field(default_factory=list)
    #: Announced as a separate event ("Separately, ..."): never folded into another.
    separate: bool = False
    #: Its toll counts civilians ("2 civilians died"): added, not compared, when folded into a battle.
    civilian_toll: bool = False
    #: Told as a party's claim ("rebels claimed full control").
    claim: bool = False
    #: Its sentence ties it to the fighting ("shelled the town during the fighting").
    in_fighting: bool = False
    #: How a total over several days or places was split (codebook: note the split), else empty.
    split: str = ""
    #: Read from the article's headline, which announces the lead's event.
    headline: bool = False
    #: Suicide attackers who died in it: codebook, the bomber counts among the dead (added at the end,
    #: so that a toll reported in a later sentence still joins the event).
    bombers: int = 0
    #: The reported toll already holds the bombers ("killing 11, including the bomber").
    bombers_counted: bool = False
    #: Its town stands in for a finer place a report names and the gazetteer lacks (a neighbourhood,
    #: a village: rule place-carries), so it is placed approximately whatever another report says.
    stand_in: bool = False

    @property
    def sub(self) -> SubEventType:
        return self.roles.sub_event_type

    def key(self) -> tuple[Any, ...]:
        actor2 = self.roles.actor2.name if self.roles.actor2 else ""
        pair: tuple[str, ...] = (self.roles.actor1.name, actor2)
        if self.sub not in VICTIM_SUB_TYPES:
            pair = tuple(sorted(pair))
        return (self.day, self.place.place_id, pair, EVENT_TYPE_OF[self.sub])

    def absorb(self, other: EventDraft, add_toll: bool = False) -> None:
        """Rule: the same event told twice in one article keeps the larger toll (a later sentence
        usually updates, completes or totals it) and the evidence of both. ``add_toll`` instead adds
        the other's toll (codebook: civilians killed in a battle are added to the battle's fatalities).
        Rule (exact-retelling): one report naming the place itself ("shelled Bakhmut") while another
        locates the event only approximately ("fighting near Bakhmut") makes the event's place known:
        the finer geo_precision of the two (codebook: 1 when the town is named).
        Rule (undated-retelling): a report that names no day of its own (dated by default to the
        publication day: "The Battle of Bakhmut is a battle...", "At 17:30, the ministry said...")
        tells where the story is set, not where that day's event was: when exactly one of the two
        names its day, that one's geo_precision stands ("On 10 November ... fighting near Bakhmut").
        Rule (stand-in-retelling): a report placed at its town only because the finer place it names is
        unknown ("the neighbourhood of Tareeq al-Bab in Aleppo") shows the town is a stand-in: another
        report naming the town alone ("an air raid on Aleppo") is the coarser telling; it stays 2."""
        if add_toll:
            self.fatalities += other.fatalities
        else:
            self.fatalities = max(self.fatalities, other.fatalities)
        mine, theirs = self.roles, other.roles
        named = [
            a
            for a, inferred in (
                (theirs.actor1, theirs.actor1_inferred),
                (theirs.actor2, theirs.actor2_inferred),
            )
            if a is not None and not inferred
        ]
        # civilians are who an event hits, never its author (codebook: they are actor 2)
        authors = [a for a in named if a.inter != Inter.CIVILIANS]
        if self.sub == other.sub and mine.actor1_inferred and authors:
            mine.actor1, mine.actor1_inferred = authors[0], False
            mine.rules.pop("actor1", None)  # taken from the retelling, not set by a role rule
        if mine.actor2 is None or mine.actor2_inferred:
            # take the retelling's other side: the one that is not already actor 1
            other_side = next((a for a in named if not same_side(a, mine.actor1)), None)
            if other_side is not None:
                mine.actor2, mine.actor2_inferred = other_side, False
                mine.rules.pop("actor2", None)
            elif mine.actor2 is None and theirs.actor2 is not None and theirs.actor2.name != mine.actor1.name:
                mine.actor2, mine.actor2_inferred = theirs.actor2, theirs.actor2_inferred
                mine.rules.pop("actor2", None)
        self.geo_precision = retold_precision(self, other)
        self.stand_in = self.stand_in or other.stand_in
        self.bombers = max(self.bombers, other.bombers)
        self.bombers_counted = self.bombers_counted or other.bombers_counted
        self.take_reports(other)

    def take_reports(self, other: EventDraft) -> None:
        """Add the evidence and the sources of ``other`` that this draft lacks."""
        self.evidence.extend(ev for ev in other.evidence if ev not in self.evidence)
        self.sources.extend(x for x in other.sources if x not in self.sources)

    @property
    def names_day(self) -> bool:
        """Whether one of its reports names the event's day (``event_date`` evidence)."""
        return any(ev.field == "event_date" for ev in self.evidence)

    @property
    def total_fatalities(self) -> int:
        """The victims reported, plus the suicide attackers unless the report already counts them."""
        return self.fatalities + (0 if self.bombers_counted else self.bombers)


def retold_precision(host: EventDraft, other: EventDraft) -> GeoPrecision:
    """The geo_precision of ``host`` once it absorbs ``other`` (rules exact-retelling and
    undated-retelling and stand-in-retelling of :meth:`EventDraft.absorb`)."""
    if host.stand_in != other.stand_in:
        return host.geo_precision if host.stand_in else other.geo_precision
    if host.names_day != other.names_day:
        return host.geo_precision if host.names_day else other.geo_precision
    return min(host.geo_precision, other.geo_precision)


def same_side(actor: Actor, other: Actor) -> bool:
    """The same actor, or a generic reference that can stand for it (same inter code)."""
    return actor.name == other.name or ((actor.generic or other.generic) and actor.inter == other.inter)


def _compatible(a: Actor | None, a_inferred: bool, b: Actor | None, b_inferred: bool) -> bool:
    """Two reports' sides can be one actor: unnamed on either side, or the same (or generic) actor."""
    if a is None or b is None or a_inferred or b_inferred:
        return True
    return same_side(a, b)


def _of_the_battle(strike: EventDraft) -> bool:
    """Rule strike-told-apart: a strike at a battle's place and day is part of the battle when its
    report ties it to the fighting ("the army shelled the town during the fighting") or names no author
    of its own ("several civilians died when shells fell on the streets"); one whose report names its
    author and tells it apart ("On 13 March, a Russian airstrike hit a dormitory") is its own event, as
    a chronicle or a report that tells strikes one by one means them."""
    return strike.in_fighting or author_unnamed(strike.roles)


def same_event(draft: EventDraft, host: EventDraft) -> bool:
    """Whether ``draft`` reports (part of) the event ``host`` already records, on one day and place.

    Codebook: shelling or an air strike by the same actors during a battle is part of the battle, and
    civilians killed in it are added to its toll (rule strike-told-apart, :func:`_of_the_battle`, says
    which strikes are). Rule: a later report of the same type whose sides are unnamed, generic or the
    same ("the assailant blew himself up") is the same event told again.
    """
    if draft.separate or (draft.day, draft.place.place_id) != (host.day, host.place.place_id):
        return False
    into_battle = EVENT_TYPE_OF[host.sub] == EventType.BATTLES and (
        draft.sub == S.ARMED_CLASH
        or (EVENT_TYPE_OF[draft.sub] == EventType.EXPLOSIONS and _of_the_battle(draft))
    )
    if draft.sub != host.sub and not into_battle:
        return False
    d, h = draft.roles, host.roles
    d2_free = d.actor2_inferred or (
        into_battle and d.actor2 is not None and d.actor2.inter == Inter.CIVILIANS
    )
    straight = _compatible(d.actor1, d.actor1_inferred, h.actor1, h.actor1_inferred) and _compatible(
        d.actor2, d2_free, h.actor2, h.actor2_inferred
    )
    crossed = (
        draft.sub not in VICTIM_SUB_TYPES
        and _compatible(d.actor1, d.actor1_inferred, h.actor2, h.actor2_inferred)
        and _compatible(d.actor2, d2_free, h.actor1, h.actor1_inferred)
    )
    return straight or crossed


def fold_headlines(drafts: list[EventDraft]) -> list[EventDraft]:
    """Rule: a headline's event is the lead's event told short ("Dozens killed as army and RSF battle
    for El Fasher"): it joins the first event of its type the body reports, which gives the date;
    with none, it stands alone."""
    kept: list[EventDraft] = []
    for draft in drafts:
        body = [d for d in drafts if not d.headline and EVENT_TYPE_OF[d.sub] == EVENT_TYPE_OF[draft.sub]]
        if draft.headline and body:
            body[0].absorb(draft)
        else:
            kept.append(draft)
    return kept


def fold_repeats(drafts: list[EventDraft]) -> list[EventDraft]:
    """Fold each draft into an earlier event it only retells; a territorial battle (the day's main
    event) is preferred as the host, whatever its place in the text."""
    territorial = [d for d in drafts if EVENT_TYPE_OF[d.sub] == EventType.BATTLES and d.sub != S.ARMED_CLASH]
    kept: list[EventDraft] = []
    for draft in drafts:
        if draft in territorial:
            kept.append(draft)
            continue
        hosts = territorial + [k for k in kept if k not in territorial]
        host = next((h for h in hosts if same_event(draft, h)), None)
        if host is None:
            kept.append(draft)
        else:
            into_battle = EVENT_TYPE_OF[host.sub] == EventType.BATTLES
            adds = EVENT_TYPE_OF[draft.sub] == EventType.EXPLOSIONS or draft.civilian_toll
            host.absorb(draft, add_toll=into_battle and adds)
    return kept


#: A crowd's own event: what the force used against it joins (rule intervention-joins-crowd).
_CROWD_EVENTS = frozenset(
    {S.PEACEFUL_PROTEST, S.PROTEST_WITH_INTERVENTION, S.EXCESSIVE_FORCE, S.VIOLENT_DEMONSTRATION}
)
#: The force used on a crowd, told as an event of its own ("Police dispersed them with tear gas").
_INTERVENTIONS = frozenset({S.PROTEST_WITH_INTERVENTION, S.EXCESSIVE_FORCE, S.ARRESTS})


def fold_interventions(drafts: list[EventDraft]) -> list[EventDraft]:
    """Rule intervention-joins-crowd (codebook: a demonstration and the force used against it are one
    event, the force its actor 2): a report of force used on a crowd ("Police dispersed them with tear
    gas", "Security forces opened fire, killing 2", "Police arrested 5 of them") on the day and at the
    place of a protest or riot told before joins it. A peaceful protest becomes a protest with
    intervention, or excessive force when the force was lethal; a violent demonstration stays one."""
    kept: list[EventDraft] = []
    for draft in drafts:
        force = None if draft.separate else _force_of(draft)
        host = None if force is None else _crowd_event_at(kept, draft)
        if force is None or host is None:
            kept.append(draft)
            continue
        roles = host.roles
        if roles.actor2 is None or roles.actor2_inferred:
            roles.actor2, roles.actor2_inferred = force, False
            roles.rules["actor2"] = "intervention-joins-crowd"
        if host.sub != S.VIOLENT_DEMONSTRATION:
            lethal = S.EXCESSIVE_FORCE in (host.sub, draft.sub)
            roles.sub_event_type = S.EXCESSIVE_FORCE if lethal else S.PROTEST_WITH_INTERVENTION
        host.fatalities = max(host.fatalities, draft.fatalities)
        host.take_reports(draft)
    return kept


def _crowd_event_at(drafts: list[EventDraft], draft: EventDraft) -> EventDraft | None:
    """The latest protest or riot of ``drafts`` on ``draft``'s day and at its place."""
    at = (draft.day, draft.place.place_id)
    return next(
        (d for d in reversed(drafts) if d.sub in _CROWD_EVENTS and (d.day, d.place.place_id) == at), None
    )


def _force_of(draft: EventDraft) -> Actor | None:
    """The state force a report of force used on a crowd names: actor 2 of an intervention on
    protesters, actor 1 of an arrest; None for any other report."""
    roles = draft.roles
    if draft.sub not in _INTERVENTIONS:
        return None
    force = roles.actor1 if draft.sub == S.ARRESTS else roles.actor2
    if force is None or force.inter != Inter.STATE_FORCES:
        return None
    if draft.sub == S.ARRESTS and not any(
        ev.field == "event" and _THE_CROWD.search(ev.quote) for ev in draft.evidence
    ):
        return None  # an arrest told apart ("the NSS arrested a former official"), not of the crowd
    return force


#: Words by which an arrest refers to the crowd ("arrested 5 of them", "detained dozens of protesters").
_THE_CROWD = re.compile(
    r"\b(?:them|protesters?|demonstrators?|marchers|rioters|participants|crowds?|organi[sz]ers)\b",
    re.IGNORECASE,
)

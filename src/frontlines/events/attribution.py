"""Who an event's sides are, from sentences other than the event's own.

A report often names the author of an event, the group of a side it called "fighters", or the victims
of a blast one sentence later. These rules complete the drafts :mod:`frontlines.events.assemble` is
building; rules chosen where the codebook is silent are marked "Rule:".
"""

from __future__ import annotations

import re

from frontlines.events.drafts import EventDraft
from frontlines.mentions.actors import ActorDictionary
from frontlines.model import EVENT_TYPE_OF, Doc, EventType, Inter

#: "carried out by Russian planes", "Jabhat al-Nusra claimed responsibility": who did an event told
#: a sentence before.
_ATTRIBUTION = re.compile(
    r"carried\s+out\s+by|claimed\s+(?:responsibility|the\s+(?:attack|bombing|strike))|was\s+behind|"
    r"responsible\s+for\s+the\s+(?:attack|bombing|strike|blast)",
    re.IGNORECASE,
)
#: "the fighters belonged to al-Nusra Front": a later sentence naming the group of a side told generically.
_MEMBERSHIP = re.compile(
    r"\b(?:belong(?:ed|s)?\s+to|(?:were|was|are|is)\s+(?:members?|fighters)\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: How far before a group's name "belonged to" may start.
_MEMBERSHIP_REACH = 30
#: How far after a toll's number the words naming its victims may run ("5 soldiers", "7 of them children").
VICTIM_REACH = 30


def attribute(actors: ActorDictionary, doc: Doc, drafts: list[EventDraft], start: int, end: int) -> None:
    """Rule: a later sentence (``doc.text[start:end]``) that says who carried out or claimed an event
    whose author was unnamed ("... was carried out by Russian planes", "X claimed responsibility")
    names the actor 1 of the latest such event."""
    match = _ATTRIBUTION.search(doc.text, start, end)
    if match is None:
        return
    named = [m for m in doc.actors if start <= m.start and m.end <= end]
    after = [m for m in named if m.start >= match.end()]
    before = [m for m in named if m.end <= match.start()]
    agent = (after[0] if after and "by" in match[0] else None) or (before[0] if before else None)
    if agent is None:
        return
    unnamed = [d for d in drafts if d.roles.actor1_inferred and EVENT_TYPE_OF[d.sub] != EventType.PROTESTS]
    for draft in unnamed[-1:]:
        draft.roles.actor1 = actors.resolve(agent.ref, draft.place.country_code, draft.day)
        draft.roles.actor1_inferred = False
        draft.roles.rules.pop("actor1", None)  # set by the attribution, not by a role rule
        draft.evidence.append(doc.evidence("actor1", agent.start, agent.end))


def identify(actors: ActorDictionary, doc: Doc, drafts: list[EventDraft], start: int, end: int) -> None:
    """Rule: "State media said the fighters belonged to al-Nusra Front": a sentence that names the
    group a generic side belonged to makes that group the side, in the latest event with a generic
    side of its kind (same inter code)."""
    for mention in (m for m in doc.actors if start <= m.start and m.end <= end):
        lead = doc.text[max(start, mention.start - _MEMBERSHIP_REACH) : mention.start]
        if not _MEMBERSHIP.search(lead):
            continue
        for draft in reversed(drafts):
            group = actors.resolve(mention.ref, draft.place.country_code, draft.day)
            if group.generic:
                break
            roles = draft.roles
            slots = [("actor1", roles.actor1), ("actor2", roles.actor2)]
            slot = next((n for n, a in slots if a is not None and a.generic and a.inter == group.inter), None)
            if slot is not None:
                setattr(roles, slot, group)
                roles.rules.pop(slot, None)  # named here, not by a role rule
                draft.evidence.append(doc.evidence(slot, mention.start, mention.end))
                return


def name_victims(actors: ActorDictionary, doc: Doc, draft: EventDraft, start: int, end: int) -> None:
    """Rule: the dead of a strike, shell or bomb whose target was not named, reported in a later
    sentence (its toll at ``doc.text[start:end]``), are its actor 2: the armed group the toll names
    ("5 soldiers died"), else civilians (as when the toll is in the event's own sentence; ACLED codes
    such victims as Civilians)."""
    roles = draft.roles
    named = [
        actors.resolve(m.ref, draft.place.country_code, draft.day)
        for m in doc.actors
        if start <= m.start and m.end <= end
    ]
    armed = [a for a in named if a.inter != Inter.CIVILIANS and a.name != roles.actor1.name]
    roles.rules.pop("actor2", None)  # set here, not by a role rule
    if armed:
        roles.actor2 = armed[0]
    else:
        roles.actor2 = actors.role_actor("civilians", draft.place.country_code, draft.day)
        roles.actor2_inferred = True

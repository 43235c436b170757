"""Role rules that name the sides no words name, or name only generically: the unnamed opponent of a
clash, labels ("armed groups") that are the state's rebels, and "security forces" at war. They belong
to :data:`frontlines.events.role_rules.RULES` like the rules of :mod:`frontlines.events.role_decisions`.
"""

from __future__ import annotations

import re
import sys

from frontlines.events.role_decisions import A2, RoleState, actor2_is
from frontlines.model import EventType, Inter, SubEventType

S = SubEventType


#: Fighting between groups of one kind: "clashes between two gangs", "rival factions fought".
_RIVALS = re.compile(
    r"\b(?:between\s+(?:two|rival|several)|rival)\s+(?:armed\s+|criminal\s+)?(?:gangs?|groups?|factions?|militias?|"
    r"cartels?|clans?|armed\s+groups?)\b"
    # "clashes between Islamist militants near Damascus": one kind of fighter on both sides
    r"|\b(?:between|among|amongst)\s+(?:[\w-]+\s+){0,2}(?:militants|fighters|rebels|factions|militias|gangs|"
    r"jihadists|insurgents|gunmen|militiamen)\b(?!\s+(?:and|&)\b)",
    re.IGNORECASE,
)


def unnamed_clash_opponent(s: RoleState) -> tuple[str, ...]:
    if s.sub != S.ARMED_CLASH:
        return ()
    actor1, state = s.out.actor1, s.role("military")
    # a named external force based in the country (a peacekeeping mission) fights the state's armed
    # opponents, as the state does; a foreign army or a mercenary group may fight the state itself
    mission = actor1.inter == Inter.EXTERNAL_FORCES and not actor1.generic and actor1.country == state.country
    rivals = actor1.generic and _RIVALS.search(s.sentence_text(0, sys.maxsize)) is not None
    if (actor1.inter == Inter.IDENTITY_MILITIAS and actor1.generic) or rivals:
        # clan or communal fighting ("tribal fighters ambushed a rival group"), or fighting "between two
        # gangs": the unnamed other side is a group of the same kind (codebook: a militia against its rival)
        s.out.actor2, s.out.actor2_inferred = actor1, True
        return A2
    return actor2_is(s, None, "unidentified" if actor1.inter == Inter.STATE_FORCES or mission else "military")


def unnamed_side_is_rebels(s: RoleState) -> tuple[str, ...]:
    """Only after ``other-side-is-actor2`` or ``local-deal-with-state`` (as the codebook rule says,
    the state's armed opponent in a battle or a deal)."""
    if s.out.rules.get("actor2") not in ("other-side-is-actor2", "local-deal-with-state"):
        return ()
    if s.sub != S.AGREEMENT and s.event_type != EventType.BATTLES:
        return ()
    roles, unidentified = s.out, s.role("unidentified").name
    if not any(a is not None and a.inter == Inter.STATE_FORCES for a in (roles.actor1, roles.actor2)):
        return ()
    changed: list[str] = []
    if roles.actor1.name == unidentified:
        roles.actor1 = s.role("rebels")
        changed.append("actor1")
    if roles.actor2 is not None and roles.actor2.name == unidentified:
        roles.actor2 = s.role("rebels")
        changed.append("actor2")
    return tuple(changed)


#: The police role's words that name whichever forces keep order ("security forces"): at war, the army.
_SECURITY_FORCES = re.compile(r"\bsecurity\s+(?:forces|services)\b", re.IGNORECASE)
#: Event types in which "security forces" fight: battles, strikes and bombs, violence against civilians.
_AT_WAR = frozenset({EventType.BATTLES, EventType.EXPLOSIONS, EventType.VIOLENCE_AGAINST_CIVILIANS})
#: "Security forces" (not the "security services" of police and intelligence) who stop bombs and drones.
_DEFUSERS = re.compile(r"\bsecurity\s+forces\b", re.IGNORECASE)


def security_forces_at_war(s: RoleState) -> tuple[str, ...]:
    """Rule security-forces-at-war: "security forces" the sentence names for no other body are the
    country's police where they keep order (protests, arrests) and its military where they fight or
    stop the bombs of a war (a disrupted weapons use; not "security services", police or intelligence)."""
    if s.event_type in _AT_WAR:
        words = _SECURITY_FORCES
    elif s.sub == SubEventType.DISRUPTED_WEAPONS_USE:
        words = _DEFUSERS
    else:
        return ()
    police, fields = s.role("police"), []
    for slot in ("actor1", "actor2"):
        backing = [m for name, m in s.out.backing if name == slot]
        actor = getattr(s.out, slot)
        if (
            actor is not None
            and actor.name == police.name
            and backing
            and all(words.search(m.text) for m in backing)
        ):
            setattr(s.out, slot, s.role("military"))
            fields.append(slot)
    return tuple(fields)

"""Who is actor 1 and who is actor 2: the role rules, as an ordered table (:data:`RULES`).

Codebook: usually two actors; victims are always actor 2 in violence against civilians; explosions,
protests, riots and strategic developments may have one. Each rule has an id, the codebook rule or
project choice it implements, and example sentences that run as tests through the whole pipeline
(``tests/unit/events/test_role_rules.py``): in each of ``fires`` the rule sets its fields, in each of
``misses`` it does not.

:func:`frontlines.events.roles.assign_roles` runs the table on one event. A rule belongs to the kind of
event it codes (:data:`Kind`: a withdrawal, a territorial battle, a crowd, or any other armed event) and
to a step; in an exclusive step the first rule that fires decides, in ``adjust`` every rule may fire.
Each rule that fires says which fields it set; :attr:`Roles.rules` keeps, per field, the last rule that
set it, and ``frontlines extract --explain`` prints it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from frontlines.events.sides import Roles, Side, joined, territorial, withdrawal
from frontlines.events.triggers import is_territorial
from frontlines.model import (
    EVENT_TYPE_OF,
    VICTIM_SUB_TYPES,
    Actor,
    EventType,
    Inter,
    SubEventType,
    Trigger,
)

S = SubEventType
#: The kinds of event a rule codes, told apart once per event (:func:`kind_of`).
Kind = Literal["withdrawal", "territorial", "crowd", "armed"]
#: The steps a rule belongs to, in table order; in ``adjust`` and ``final`` every rule may fire, in the
#: others (:data:`EXCLUSIVE`) only the first that does.
Step = Literal["whole", "actor1", "adjust", "actor2", "final"]
EXCLUSIVE: frozenset[str] = frozenset({"whole", "actor1", "actor2"})

_PROTEST_TYPES = frozenset({S.PEACEFUL_PROTEST, S.PROTEST_WITH_INTERVENTION, S.EXCESSIVE_FORCE})
_RIOT_TYPES = frozenset({S.VIOLENT_DEMONSTRATION, S.MOB_VIOLENCE})
#: "fired from rebel-held areas": the holder of the firing position is the one who fired.
_FIRED_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
#: Strategic developments whose unnamed other side is the civilians they fall on: the people arrested,
#: the owners of what was looted or destroyed (ACLED codes them Civilians).
_CIVILIAN_OBJECT = frozenset({S.ARRESTS, S.LOOTING})
#: Inter codes of state forces, at home or abroad.
_STATE = frozenset({Inter.STATE_FORCES, Inter.EXTERNAL_FORCES})


@dataclass(slots=True)
class RoleState:
    """What the rules read (the sentence's sides, sorted by where they stand) and what they have
    decided so far (``roles``, ``perpetrator``, ``others``)."""

    trigger: Trigger
    sub: SubEventType
    role: Callable[[str], Actor]
    sentence_text: Callable[[int, int], str]
    casualties: Sequence[str]
    #: Every actor mention's start and actor name, repeats included.
    named: list[tuple[int, str]]
    allies: list[Side]
    civilians: list[Side]
    protesters: list[Side]
    armed: list[Side]
    holders: list[Side]
    before: list[Side]
    after: list[Side]
    inside: list[Side]
    agents: list[Side]
    roles: Roles | None = None
    perpetrator: Side | None = None
    #: Armed sides other than actor 1 and those acting with it: candidates for actor 2.
    others: list[Side] = field(default_factory=list)

    @property
    def out(self) -> Roles:
        assert self.roles is not None, "an actor-1 rule runs first"
        return self.roles

    @property
    def event_type(self) -> EventType:
        return EVENT_TYPE_OF[self.sub]


#: A rule's decision: the fields it set (empty when it does not apply).
Decide = Callable[[RoleState], tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class RoleRule:
    """One rule: ``decide`` sets fields of ``state.roles`` when the rule applies and names them."""

    id: str
    kind: Kind
    step: Step
    codebook: str
    decide: Decide
    fires: tuple[str, ...]
    misses: tuple[str, ...] = ()


def kind_of(trigger: Trigger) -> Kind:
    """Which rules code the event ``trigger`` names."""
    sub = trigger.sub_event_type
    if sub == S.NON_VIOLENT_TRANSFER:
        return "withdrawal"
    if is_territorial(trigger):
        return "territorial"
    if sub in _PROTEST_TYPES or sub in _RIOT_TYPES:
        return "crowd"
    return "armed"


A1 = ("actor1",)
A2 = ("actor2",)


def _whole(roles: Roles, state: RoleState) -> tuple[str, ...]:
    roles.assoc_actor_1 += [a for _, a in state.allies if a not in roles.assoc_actor_1]
    state.roles = roles
    return tuple(name for name in ("actor1", "actor2") if getattr(roles, name) is not None)


def _withdrawal_gainer(s: RoleState) -> tuple[str, ...]:
    return _whole(withdrawal(s.trigger, s.armed, s.before, s.after, s.role, s.sentence_text), s)


def _territorial_gainer(s: RoleState) -> tuple[str, ...]:
    args = (s.trigger, s.armed, s.before, s.after, s.inside, s.agents, s.role, s.sentence_text, s.named)
    return _whole(territorial(*args), s)


def _crowd_is_actor1(s: RoleState) -> tuple[str, ...]:
    crowd = s.protesters[0] if s.protesters else None
    default = "protesters" if s.sub in _PROTEST_TYPES else "rioters"
    s.roles = Roles(s.sub, crowd[1] if crowd else s.role(default), None, actor1_inferred=crowd is None)
    if crowd:
        s.roles.backing.append(("actor1", crowd[0]))
    return A1


def _state_faces_crowd(s: RoleState) -> tuple[str, ...]:
    state = next((x for x in s.armed if x[1].inter in _STATE), None)
    if state is None or s.sub == S.PEACEFUL_PROTEST:
        return ()
    s.out.actor2 = state[1]
    s.out.backing.append(("actor2", state[0]))
    return A2


def _rioters(s: RoleState) -> tuple[str, ...]:
    actor1 = s.out.actor1
    if s.sub not in _RIOT_TYPES or actor1 is None or actor1.inter != Inter.PROTESTERS:
        return ()
    s.out.actor1 = s.role("rioters")
    return A1


def _perpetrator(s: RoleState, side: Side | None) -> tuple[str, ...]:
    """Actor 1 is ``side`` (the unidentified armed group when None); the others are who is left."""
    s.perpetrator = side
    s.roles = Roles(s.sub, side[1] if side else s.role("unidentified"), None, actor1_inferred=side is None)
    if side:
        s.roles.backing.append(("actor1", side[0]))
    s.roles.assoc_actor_1 = [a for _, a in s.allies]
    s.others = [x for x in s.armed if x[1].name != s.roles.actor1.name]
    return A1


def _subject_before_trigger(s: RoleState) -> tuple[str, ...]:
    return _perpetrator(s, s.before[0]) if s.before else ()


def _agent_after_by(s: RoleState) -> tuple[str, ...]:
    return _perpetrator(s, s.agents[0]) if s.agents else ()


def _first_after_trigger(s: RoleState) -> tuple[str, ...]:
    if s.inside or (s.after and s.event_type != EventType.EXPLOSIONS):
        return _perpetrator(s, (s.inside or s.after)[0])
    return ()


def _fired_from_holder(s: RoleState) -> tuple[str, ...]:
    def fired_from(h: Side) -> bool:
        return _FIRED_FROM.search(s.sentence_text(max(0, h[0].start - 12), h[0].start)) is not None

    holder = next((h for h in s.holders if fired_from(h)), None)
    if holder is None:
        return ()
    s.holders = [h for h in s.holders if h is not holder]
    return _perpetrator(s, holder)


def _unnamed_actor1(s: RoleState) -> tuple[str, ...]:
    return _perpetrator(s, None)


def _joined_partners(s: RoleState) -> tuple[str, ...]:
    if s.perpetrator is None or s.sub == S.AGREEMENT:
        return ()
    partners = joined(s.perpetrator, s.armed, s.sentence_text)
    if not partners or (s.event_type == EventType.BATTLES and all(x in partners for x in s.others)):
        return ()
    s.others = [x for x in s.others if x not in partners]
    s.out.assoc_actor_1 += [a for _, a in partners if a not in s.out.assoc_actor_1]
    return ("assoc_actor_1",)


def _attack_on_civilians(s: RoleState) -> tuple[str, ...]:
    targets = [x for x in s.civilians if x[0].start >= s.trigger.end]
    if s.sub != S.ARMED_CLASH or not targets or s.others or s.holders:
        return ()
    s.sub = s.out.sub_event_type = S.ATTACK
    return ("sub_event_type",)


def _unnamed_air_strike(s: RoleState) -> tuple[str, ...]:
    if s.perpetrator is not None or s.sub != S.AIR_DRONE_STRIKE:
        return ()
    s.out.actor1 = s.role("military")
    return A1


def _unnamed_arrest(s: RoleState) -> tuple[str, ...]:
    if s.perpetrator is not None or s.sub != S.ARRESTS:
        return ()
    s.out.actor1 = s.role("police")
    return A1


def _actor2(s: RoleState, side: Side | None, default: str = "") -> tuple[str, ...]:
    """Actor 2 is ``side``, else the role ``default`` (inferred)."""
    s.out.actor2 = side[1] if side else s.role(default)
    if side:
        s.out.backing.append(("actor2", side[0]))
    else:
        s.out.actor2_inferred = True
    return A2


def _victims(s: RoleState) -> tuple[str, ...]:
    if s.sub not in VICTIM_SUB_TYPES:
        return ()
    s.out.actor2_inferred = not s.civilians
    return _actor2(s, s.civilians[0] if s.civilians else None, "civilians")


def _other_side(s: RoleState) -> tuple[str, ...]:
    return _actor2(s, s.others[0]) if s.others else ()


def _civilians_hit(s: RoleState) -> tuple[str, ...]:
    hit = s.civilians and s.event_type == EventType.EXPLOSIONS
    return _actor2(s, s.civilians[0]) if hit else ()


def _casualties_are_civilians(s: RoleState) -> tuple[str, ...]:
    hurt = s.casualties and s.event_type == EventType.EXPLOSIONS
    return _actor2(s, None, "civilians") if hurt else ()


def _holder_is_opponent(s: RoleState) -> tuple[str, ...]:
    holder = s.holders[0] if s.holders else None
    if holder is None or holder[1].name == s.out.actor1.name or s.event_type != EventType.BATTLES:
        return ()
    return _actor2(s, holder)


def _civilian_object(s: RoleState) -> tuple[str, ...]:
    if s.sub not in _CIVILIAN_OBJECT:
        return ()
    s.out.actor2_inferred = not s.civilians
    return _actor2(s, s.civilians[0] if s.civilians else None, "civilians")


def _local_deal(s: RoleState) -> tuple[str, ...]:
    if s.sub != S.AGREEMENT or s.out.actor1.inter == Inter.STATE_FORCES or s.out.actor1_inferred:
        return ()
    return _actor2(s, None, "military")


def _unnamed_clash_opponent(s: RoleState) -> tuple[str, ...]:
    if s.sub != S.ARMED_CLASH:
        return ()
    return _actor2(s, None, "unidentified" if s.out.actor1.inter == Inter.STATE_FORCES else "military")


def _unnamed_side_is_rebels(s: RoleState) -> tuple[str, ...]:
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


#: The role rules, in the order they run; ``assign_roles`` runs those of the event's kind.
RULES: tuple[RoleRule, ...] = (
    RoleRule(
        "withdrawal-gainer",
        "withdrawal",
        "whole",
        "codebook: control taken without fighting, after a withdrawal; the side that left is actor 2",
        _withdrawal_gainer,
        fires=("On Sunday, the rebels withdrew from Harasta and handed over the town to the army.",),
        misses=("On Sunday, soldiers detained 40 young men in Douma.",),
    ),
    RoleRule(
        "territorial-gainer",
        "territorial",
        "whole",
        "codebook: the side that gained territory is actor 1 (voice, clause and 'by' decide who)",
        _territorial_gainer,
        fires=("On Sunday, rebels including al-Nusra Front fighters captured Harasta from the army.",),
        misses=("On Sunday, the army shelled rebel positions in Harasta.",),
    ),
    RoleRule(
        "crowd-is-actor1",
        "crowd",
        "whole",
        "codebook: protesters or rioters are actor 1 of a demonstration, named or not",
        _crowd_is_actor1,
        fires=("On Sunday, residents threw stones at Turkish military vehicles in Kobani.",),
        misses=("On Sunday, the army shelled rebel positions in Harasta.",),
    ),
    RoleRule(
        "state-faces-crowd",
        "crowd",
        "adjust",
        "project rule: the state forces a crowd faces, its own or a foreign state's, are actor 2 "
        "(not in a peaceful protest)",
        _state_faces_crowd,
        fires=("On Sunday, Turkish troops fired tear gas at residents protesting in Kobani.",),
        misses=("On Sunday, hundreds of people protested peacefully against the government in Daraa.",),
    ),
    RoleRule(
        "rioting-crowd-are-rioters",
        "crowd",
        "adjust",
        "codebook: demonstrators who turn violent (vandalism, arson, stones) are rioters, whatever the "
        "report calls them",
        _rioters,
        fires=("On Sunday, protesters set fire to the police station in Kaduna.",),
        misses=("On Sunday, hundreds of people protested peacefully against the government in Daraa.",),
    ),
    RoleRule(
        "subject-before-trigger",
        "armed",
        "actor1",
        "project rule: the first actor named before the trigger is its subject",
        _subject_before_trigger,
        fires=("On Sunday, the army shelled rebel positions in Harasta.",),
        misses=("On Sunday, a car bomb blamed on the Islamic State exploded in Jableh, killing 9 people.",),
    ),
    RoleRule(
        "agent-after-by",
        "armed",
        "actor1",
        "project rule: with no subject, an agent after 'by', 'blamed on', 'attributed to' is actor 1",
        _agent_after_by,
        fires=("On Sunday, a car bomb blamed on the Islamic State exploded in Jableh, killing 9 people.",),
        misses=("On Sunday, the army shelled rebel positions in Harasta.",),
    ),
    RoleRule(
        "first-after-trigger",
        "armed",
        "actor1",
        "project rule: else, in battles and strategic events, the first actor after the trigger; after "
        "an explosion's trigger an actor is its target, not its author",
        _first_after_trigger,
        fires=("On Sunday, clashes between the army and rebels erupted in Harasta.",),
        misses=("On Sunday, a roadside bomb hit an army patrol near Azaz.",),
    ),
    RoleRule(
        "fired-from-holder",
        "armed",
        "actor1",
        "project rule: 'mortars fired from rebel-held areas': the holder of the firing position fired",
        _fired_from_holder,
        fires=("On Sunday, mortars fired from rebel-held areas hit Jaramana, killing 4 people.",),
        misses=("On Sunday, the army shelled rebel positions in Harasta.",),
    ),
    RoleRule(
        "unnamed-actor1-is-unidentified",
        "armed",
        "actor1",
        "codebook: an author nobody names is an unidentified armed group",
        _unnamed_actor1,
        fires=("On Sunday, a roadside bomb hit an army patrol near Azaz.",),
        misses=("On Sunday, the army shelled rebel positions in Harasta.",),
    ),
    RoleRule(
        "joined-partners",
        "armed",
        "adjust",
        "project rule: sides joined to actor 1 by 'and' or a comma act with it (associated actors) when "
        "the sentence names someone else to act against, or in a one-sided event; in a battle or an "
        "agreement with no one else named the joined sides are its pair",
        _joined_partners,
        fires=(
            "On Sunday, Hayat Tahrir al-Sham and Free Syrian Army fighters attacked army positions in "
            "Harasta, and government forces responded with artillery.",
        ),
        misses=("On Sunday, the army and rebels clashed in Harasta, killing 6 fighters.",),
    ),
    RoleRule(
        "attack-on-civilians-not-clash",
        "armed",
        "adjust",
        "codebook: violence against civilians is an armed group's attack on unarmed people; a 'clash' "
        "that names no armed opponent, only civilians struck, is an Attack",
        _attack_on_civilians,
        fires=("On Sunday, gunmen attacked a crowd of shoppers in Jaramana.",),
        misses=("On Sunday, the army and rebels clashed in Harasta, killing 6 fighters.",),
    ),
    RoleRule(
        "unnamed-air-strike-is-state",
        "armed",
        "adjust",
        "project rule: an air strike nobody is named for is the state military's (in most conflicts "
        "only the state flies aircraft)",
        _unnamed_air_strike,
        fires=("On Sunday, air strikes hit Saraqib, killing 11 civilians.",),
        misses=("On Sunday, Russian and Syrian government air strikes hit Saraqib, killing 11 civilians.",),
    ),
    RoleRule(
        "unnamed-arrest-is-police",
        "armed",
        "adjust",
        "project rule: arrests nobody is named for are made by the state's police (arrests are a state "
        "act in the codebook's examples)",
        _unnamed_arrest,
        fires=("On Sunday, ten members of an opposition party were arrested in Tbilisi.",),
        misses=("On Sunday, soldiers detained 40 young men in Douma.",),
    ),
    RoleRule(
        "victims-are-actor2",
        "armed",
        "actor2",
        "codebook: in violence against civilians the victims are always actor 2",
        _victims,
        fires=("On Sunday, gunmen attacked a crowd of shoppers in Jaramana.",),
        misses=("On Sunday, the army shelled rebel positions in Harasta.",),
    ),
    RoleRule(
        "other-side-is-actor2",
        "armed",
        "actor2",
        "codebook: the other side of an event is actor 2; here the first armed side other than actor 1 "
        "and those acting with it",
        _other_side,
        fires=("On Sunday, the army shelled rebel positions in Harasta.",),
        misses=("On Sunday, gunmen attacked a crowd of shoppers in Jaramana.",),
    ),
    RoleRule(
        "civilians-hit-by-explosion",
        "armed",
        "actor2",
        "codebook: civilians named as hit by a strike, shell or bomb are its actor 2",
        _civilians_hit,
        fires=("On Sunday, government air strikes hit civilians in Saraqib.",),
        misses=("On Sunday, the army shelled rebel positions in Harasta.",),
    ),
    RoleRule(
        "explosion-casualties-are-civilians",
        "armed",
        "actor2",
        "project rule: people killed or hurt by a strike, shell or bomb with no armed target named are "
        "civilians (ACLED codes such victims as Civilians)",
        _casualties_are_civilians,
        fires=("On Sunday, a car bomb blamed on the Islamic State exploded in Jableh, killing 9 people.",),
        misses=("On Sunday, the army shelled rebel positions in Harasta.",),
    ),
    RoleRule(
        "holder-is-opponent",
        "armed",
        "actor2",
        "project rule: in a battle with no other side named, the holder of the place ('rebel-held') is "
        "the opponent",
        _holder_is_opponent,
        fires=("On Sunday, the army attacked rebel-held Harasta.",),
        misses=("On Sunday, the army shelled rebel positions in Harasta.",),
    ),
    RoleRule(
        "arrested-or-looted-are-civilians",
        "armed",
        "actor2",
        "codebook: the unnamed other side of arrests and looting is the civilians they fall on",
        _civilian_object,
        fires=(
            "On Sunday, soldiers detained 40 young men in Douma.",
            "On Sunday, Islamic State fighters looted shops in Manbij.",
        ),
        misses=("On Sunday, soldiers detained an al-Nusra Front commander in Douma.",),
    ),
    RoleRule(
        "local-deal-with-state",
        "armed",
        "actor2",
        "project rule: a local deal (surrender, evacuation, reconciliation) one non-state side is named "
        "in is made with the state",
        _local_deal,
        fires=("On Sunday, rebels in Darayya agreed to a truce.",),
        misses=("On Sunday, the army shelled rebel positions in Harasta.",),
    ),
    RoleRule(
        "unnamed-clash-opponent",
        "armed",
        "actor2",
        "project rule: a clash names two sides; an unnamed opponent of the state is an unidentified "
        "armed group, an unnamed opponent of anyone else the state military",
        _unnamed_clash_opponent,
        fires=("On Sunday, Kurdish fighters clashed near Azaz, killing 3 of them.",),
        misses=("On Sunday, the army and rebels clashed in Harasta, killing 6 fighters.",),
    ),
    RoleRule(
        "unnamed-armed-side-is-rebels",
        "armed",
        "final",
        "project rule (tests/golden/README.md): an armed group named only by a label ('armed groups', "
        "'terrorists') that fights or negotiates with the state is its rebels; in a one-sided attack it "
        "stays an unidentified armed group",
        _unnamed_side_is_rebels,
        fires=("On Sunday, the army clashed with armed groups in Harasta.",),
        misses=("On Sunday, gunmen attacked a crowd of shoppers in Jaramana.",),
    ),
)
RULE_IDS = frozenset(rule.id for rule in RULES)

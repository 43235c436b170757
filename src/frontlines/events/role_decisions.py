"""What each role rule decides (:data:`frontlines.events.role_rules.RULES` is the table that
orders them): the state the rules read and write, and one function per rule, from that state to the
fields it set (empty when the rule does not apply).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from frontlines.events.sides import Roles, Side, joined, territorial, withdrawal
from frontlines.events.triggers import is_territorial, names_withdrawal
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
#: A state's forces, at home or abroad.
STATE_INTERS = frozenset({Inter.STATE_FORCES, Inter.EXTERNAL_FORCES})


@dataclass(slots=True)
class RoleState:
    """What the rules read (the sentence's sides, sorted by where they stand) and what they have
    decided so far (``roles``, ``perpetrator``, ``others``)."""

    trigger: Trigger
    sub: SubEventType
    role: Callable[[str], Actor]
    #: Who fires a war's unnamed strikes of a sub-event type in the event's country (or None).
    attacker: Callable[[SubEventType], Actor | None]
    sentence_text: Callable[[int, int], str]
    casualties: Sequence[str]
    #: Every actor mention's start and actor name, repeats included.
    named: list[tuple[int, str]]
    allies: list[Side]
    civilians: list[Side]
    protesters: list[Side]
    armed: list[Side]
    holders: list[Side]
    #: Every resolved mention, speakers and allies included ("IS claimed the attack" speaks of it).
    mentioned: list[Side]
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


def kind_of(trigger: Trigger) -> Kind:
    """Which rules code the event ``trigger`` names."""
    sub = trigger.sub_event_type
    if sub == S.NON_VIOLENT_TRANSFER:
        # a capture the model calls non-violent ("retook the town after the rebels left") still has
        # a gainer and a loser as a capture does, and so does an entry the model found ("Taliban
        # fighters entered Kabul"): the side before it gained the place, it did not leave it
        return "withdrawal" if names_withdrawal(trigger.text) else "territorial"
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


def withdrawal_gainer(s: RoleState) -> tuple[str, ...]:
    return _whole(withdrawal(s.trigger, s.armed, s.before, s.after, s.role, s.sentence_text), s)


def territorial_gainer(s: RoleState) -> tuple[str, ...]:
    args = (s.trigger, s.armed, s.before, s.after, s.inside, s.agents, s.role, s.sentence_text, s.named)
    roles = territorial(*args)
    if s.trigger.sub_event_type == S.NON_VIOLENT_TRANSFER:
        roles.sub_event_type = S.NON_VIOLENT_TRANSFER
    return _whole(roles, s)


def foreign_capture(s: RoleState) -> tuple[str, ...]:
    roles = s.out
    if roles.actor2 is not None or roles.actor1 is None or roles.actor1.inter != Inter.EXTERNAL_FORCES:
        return ()
    if s.role("military").name in {a.name for a in roles.assoc_actor_1}:
        return ()  # "Wagner fighters and Malian troops took Kidal": the host's army gained with them
    roles.actor2 = s.role("military")
    roles.actor2_inferred = True
    return A2


def regains_from_invader(s: RoleState) -> tuple[str, ...]:
    roles = s.out
    # a territorial trigger's sub-type follows from its gainer later: a home state's gain is a regain
    if roles.actor2 is not None or roles.actor1.inter != Inter.STATE_FORCES:
        return ()
    invader = s.attacker(S.AIR_DRONE_STRIKE)
    if invader is None:
        return ()
    roles.actor2, roles.actor2_inferred = invader, True
    return A2


def mob_victims(s: RoleState) -> tuple[str, ...]:
    if s.sub != S.MOB_VIOLENCE or s.out.actor2 is not None:
        return ()
    return actor2_is(s, s.civilians[0] if s.civilians else None, "civilians")


def armed_killers(s: RoleState) -> tuple[str, ...]:
    doers = [x for x in s.armed if (x in s.before or x in s.agents) and x[1].inter not in STATE_INTERS]
    if s.sub != S.MOB_VIOLENCE or s.protesters or not doers:
        return ()
    doer = doers[0] if doers[0] in s.agents else doers[-1]
    s.sub = S.ATTACK
    civilians = s.civilians[0][1] if s.civilians else s.role("civilians")
    s.roles = Roles(S.ATTACK, doer[1], civilians, actor2_inferred=not s.civilians)
    s.roles.backing.append(("actor1", doer[0]))
    return ("sub_event_type", *A1, *A2)


def crowd_is_actor1(s: RoleState) -> tuple[str, ...]:
    crowd = s.protesters[0] if s.protesters else None
    default = "protesters" if s.sub in _PROTEST_TYPES else "rioters"
    s.roles = Roles(s.sub, crowd[1] if crowd else s.role(default), None, actor1_inferred=crowd is None)
    if crowd:
        s.roles.backing.append(("actor1", crowd[0]))
    return A1


def state_faces_crowd(s: RoleState) -> tuple[str, ...]:
    state = next((x for x in s.armed if x[1].inter in STATE_INTERS), None)
    if state is None or s.sub not in _PROTEST_TYPES | _RIOT_TYPES or s.sub == S.PEACEFUL_PROTEST:
        return ()
    s.out.actor2 = state[1]
    s.out.backing.append(("actor2", state[0]))
    return A2


def rioters(s: RoleState) -> tuple[str, ...]:
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


#: A side that ran onto a mine or bomb is its target: "a KDF vehicle hit an IED", "troops stepped on a mine".
_RAN_ONTO = re.compile(
    r"\b(?:hit|struck|ran\s+over|drove\s+over|drove\s+onto|stepped\s+on|triggered|detonated)\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


#: The words between a side and what it suffered: any two ("six soldiers were killed"), or up to six
#: that tell no act or speech of their own ("a police helicopter supporting coca eradication was
#: attacked", "Ajnala police station (Amritsar, Punjab) targeted with a grenade"): no verb in -ed, no
#: "said", no clause word.
_SUFFERED_GAP = (
    r"(?:(?:\s+[\w'’-]+){0,2}?"
    r"|(?:\s+(?!(?:said|says|told|reported|claimed|where|who|which|that|when|after|as|but|while)\b)"
    r"(?![\w'’-]*ed\b)[\w'’-]+|\s*\([^()]{0,40}\)){0,6}?)"
)
#: A side reported as suffering the event is its target: "six soldiers were killed by a car bomb",
#: "28 members of the regime forces killed after being targeted", "troops are ambushed and killed",
#: "a police station targeted with a grenade".
_SUFFERED = re.compile(
    rf"^{_SUFFERED_GAP}\s+(?:(?:were|was|are|is|have\s+been|has\s+been|had\s+been|got)\s+(?:\w+ly\s+)?"
    r"(?:killed|wounded|injured|hurt|ambushed|targeted|attacked|hit|struck|shot|abducted|kidnapped|arrested|"
    r"detained)(?!\s+down)"
    r"|(?:killed|wounded|injured)\s+(?:by|in|when|after|as|while|during)\b"
    r"|(?:targeted|attacked|struck)\s+(?:with|by)\b)",
    re.IGNORECASE,
)
#: A side whose vehicle ran onto a mine, told before the mine: "an FDS truck struck an IED", "an army
#: vehicle ran over a mine" (its target, whatever the trigger).
_RAN_ONTO_MINE = re.compile(
    rf"^{_SUFFERED_GAP}\s+(?:hit|struck|ran\s+over|drove\s+over|drove\s+onto|stepped\s+on|triggered)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:mines?|landmines?|IEDs?|explosive\s+devices?|explosives?|"
    r"(?:roadside\s+)?bombs?)\b",
    re.IGNORECASE,
)


def suffered(s: RoleState, side: Side) -> bool:
    """Whether the words after ``side`` tell that it suffered the event ("six soldiers were killed")."""
    return _SUFFERED.match(s.sentence_text(side[0].end, side[0].end + 90)) is not None


#: An arrest told in the passive ("... leaders were arrested"): whoever stands before it was arrested.
_PASSIVE_ARREST = re.compile(r"\b(?:were|was|been|being|are|is)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def subject_before_trigger(s: RoleState) -> tuple[str, ...]:
    if s.sub == S.ARRESTS and _PASSIVE_ARREST.search(
        s.sentence_text(max(0, s.trigger.start - 20), s.trigger.start)
    ):
        return ()
    for side in s.before:
        if s.sub == S.REMOTE_EXPLOSIVE and _RAN_ONTO.search(s.sentence_text(side[0].end, s.trigger.start)):
            return ()  # the side before the mine ran onto it: its target, not its author
        after = s.sentence_text(side[0].end, side[0].end + 90)
        if s.event_type == EventType.EXPLOSIONS and _RAN_ONTO_MINE.match(after):
            return ()
        if not suffered(s, side) or (s.event_type == EventType.BATTLES and not _fell_to_attack(s, side)):
            return _perpetrator(s, side)
    return ()


def _fell_to_attack(s: RoleState, fallen: Side) -> bool:
    """Whether a side told as suffering a battle is its target (actor 2): the sentence names another
    armed side that did not suffer, or the fallen are state forces (attacked by someone unnamed).
    Otherwise ("8 TTP militants killed in an exchange of fire") the fallen stay a side that fought."""
    if fallen[1].inter in STATE_INTERS:
        return True
    return any(x[1].name != fallen[1].name and not suffered(s, x) for x in s.armed)


def agent_after_by(s: RoleState) -> tuple[str, ...]:
    return _perpetrator(s, s.agents[0]) if s.agents else ()


#: An act noun and the words that make what follows its target: "an attack on", "raids against".
ACT_NOUN = r"attacks?|assaults?|raids?|ambush(?:es)?|strikes?|offensive"
_ACT_NOUN = re.compile(rf"(?:{ACT_NOUN})", re.IGNORECASE)
_TARGET_AFTER_ACT = re.compile(r"^\s+(?:on|against|targeting)\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)


def _targeted(s: RoleState, side: Side) -> bool:
    """Rule act-target: the side right after an act noun and "on" or "against" ("an attack on a
    Malian army base") is what the act hit, never its author."""
    m = side[0]
    return (
        s.trigger.end <= m.start
        and _ACT_NOUN.fullmatch(s.trigger.text) is not None
        and _TARGET_AFTER_ACT.match(s.sentence_text(s.trigger.end, m.start)) is not None
    )


def first_after_trigger(s: RoleState) -> tuple[str, ...]:
    # a party named after the act is its target or the one arrested ("shot dead an ANC councillor")
    after = [side for side in s.after if not side[1].political]
    if not s.inside and after and _targeted(s, after[0]):
        return ()  # its target: the author is unnamed
    if s.inside or (after and s.event_type != EventType.EXPLOSIONS):
        return _perpetrator(s, (s.inside or after)[0])
    return ()


def fired_from_holder(s: RoleState) -> tuple[str, ...]:
    def fired_from(h: Side) -> bool:
        return _FIRED_FROM.search(s.sentence_text(max(0, h[0].start - 12), h[0].start)) is not None

    holder = next((h for h in s.holders if fired_from(h)), None)
    if holder is None:
        return ()
    s.holders = [h for h in s.holders if h is not holder]
    return _perpetrator(s, holder)


def unnamed_actor1(s: RoleState) -> tuple[str, ...]:
    return _perpetrator(s, None)


#: Words after a group that claim an event for it: "IS claimed responsibility", "JNIM claimed the ambush".
CLAIMED = (
    r"claim(?:s|ed)\s+(?:responsibility|credit)\b|(?:claim(?:s|ed)|admit(?:s|ted))\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:attacks?|assaults?|bombings?|blasts?|strikes?|killings?|ambush(?:es)?|raids?|"
    r"explosions?|abductions?|kidnappings?|operations?)\b"
)
_CLAIMED_AFTER = re.compile(rf"^(?:\s+[\w'’-]+){{0,2}}?\s+(?:{CLAIMED})", re.IGNORECASE)
#: Words before a group that lay an event at its door: "blamed on the RSF", "attributed to JNIM",
#: "..., a spokesman said, blaming Islamic State".
_BLAMED_BEFORE = re.compile(
    r"\b(?:blamed\s+on|attributed\s+to|claimed\s+by|perpetrated\s+by|blaming)\s+(?:the\s+)?$", re.IGNORECASE
)
#: Inter codes of the generic armed authors a claim or a blame may name ("gunmen", "fighters").
_GENERIC_ARMED = frozenset({Inter.REBEL_GROUPS, Inter.POLITICAL_MILITIAS})


def author_unnamed(roles: Roles) -> bool:
    """Whether actor 1 is unknown or only a generic armed group ("gunmen", "rebels"): what a claim or
    a blame, here or in a later sentence (``events.attribution``), may name."""
    actor1 = roles.actor1
    return roles.actor1_inferred or (actor1 is not None and actor1.generic and actor1.inter in _GENERIC_ARMED)


def claimed_author(s: RoleState) -> tuple[str, ...]:
    actor1 = s.out.actor1
    if not author_unnamed(s.out):
        return ()
    for side in s.mentioned:
        m, named = side
        if named.generic or named.name == actor1.name:
            continue
        claimed = _CLAIMED_AFTER.match(s.sentence_text(m.end, m.end + 80))
        if claimed or _BLAMED_BEFORE.search(s.sentence_text(max(0, m.start - 30), m.start)):
            return _perpetrator(s, side)
    return ()


def joined_partners(s: RoleState) -> tuple[str, ...]:
    if s.perpetrator is None or s.sub == S.AGREEMENT:
        return ()
    partners = joined(s.perpetrator, s.armed, s.sentence_text)
    if not partners or (s.event_type == EventType.BATTLES and all(x in partners for x in s.others)):
        return ()
    s.others = [x for x in s.others if x not in partners]
    s.out.assoc_actor_1 += [a for _, a in partners if a not in s.out.assoc_actor_1]
    return ("assoc_actor_1",)


def _unnamed_is_military(s: RoleState, sub: SubEventType) -> tuple[str, ...]:
    """Actor 1 of a ``sub`` event nobody is named for is the state military of the event's country."""
    if s.perpetrator is not None or s.sub != sub:
        return ()
    s.out.actor1 = s.role("military")
    return A1


def unnamed_air_strike(s: RoleState) -> tuple[str, ...]:
    return _unnamed_is_military(s, S.AIR_DRONE_STRIKE)


def unnamed_interceptor(s: RoleState) -> tuple[str, ...]:
    return _unnamed_is_military(s, S.DISRUPTED_WEAPONS_USE)


def unnamed_remote_attacker(s: RoleState) -> tuple[str, ...]:
    if s.perpetrator is not None or (attacker := s.attacker(s.sub)) is None:
        return ()
    s.out.actor1 = attacker
    return A1


def unnamed_arrest(s: RoleState) -> tuple[str, ...]:
    if s.perpetrator is not None or s.sub != S.ARRESTS:
        return ()
    s.out.actor1 = s.role("police")
    return A1


#: Places where people live, pray, learn or are cared for: a strike on one hits civilians.
CIVILIAN_SITE = re.compile(
    r"\b(?:hospitals?|clinics?|schools?|kindergartens?|universit(?:y|ies)|residential|homes?|houses?|"
    r"apartments?|flats|baker(?:y|ies)|markets?|marketplaces?|mosques?|churches|church|shelters?|"
    r"displacement\s+(?:camp|site)s?|camps?\s+for\s+(?:the\s+)?displaced|bus\s+stops?|cafes?|restaurants?|"
    r"hotels?)\b",
    re.IGNORECASE,
)


def actor2_is(s: RoleState, side: Side | None, default: str = "") -> tuple[str, ...]:
    """Actor 2 is ``side``, else the role ``default`` (inferred)."""
    s.out.actor2 = side[1] if side else s.role(default)
    if side:
        s.out.backing.append(("actor2", side[0]))
    else:
        s.out.actor2_inferred = True
    return A2


#: What names the side an actor joined, went over or surrendered to: "defected to", "went over to",
#: "gave themselves up to", "joined local PDF units".
_JOINED_BEFORE = re.compile(
    r"\b(?:to|join(?:s|ed|ing)?)\s+(?:the\s+|local\s+|its\s+|their\s+)?$", re.IGNORECASE
)


def _other_sides(s: RoleState) -> list[Side]:
    """The armed sides other than actor 1 (an adjusting rule may have named actor 1 after the others
    were listed: it is no other side)."""
    return [x for x in s.others if x[1].name != s.out.actor1.name]


def one_sided(s: RoleState) -> tuple[str, ...]:
    if s.sub == S.HEADQUARTERS_ESTABLISHED:
        s.out.actor2 = None
        return A2
    if s.sub != S.CHANGE_TO_GROUP:
        return ()
    joined = [
        x
        for x in _other_sides(s)
        if _JOINED_BEFORE.search(s.sentence_text(max(0, x[0].start - 30), x[0].start))
    ]
    if joined:
        return actor2_is(s, joined[0])
    s.out.actor2 = None
    return A2


def victims(s: RoleState) -> tuple[str, ...]:
    if s.sub not in VICTIM_SUB_TYPES:
        return ()
    s.out.actor2_inferred = not s.civilians
    return actor2_is(s, s.civilians[0] if s.civilians else None, "civilians")


def other_side(s: RoleState) -> tuple[str, ...]:
    others = _other_sides(s)
    return actor2_is(s, others[0]) if others else ()


def holder_is_opponent(s: RoleState) -> tuple[str, ...]:
    holder = s.holders[0] if s.holders else None
    if holder is None or holder[1].name == s.out.actor1.name or s.event_type != EventType.BATTLES:
        return ()
    return actor2_is(s, holder)


def civilian_object(s: RoleState) -> tuple[str, ...]:
    if s.sub not in _CIVILIAN_OBJECT:
        return ()
    s.out.actor2_inferred = not s.civilians
    return actor2_is(s, s.civilians[0] if s.civilians else None, "civilians")


#: Sides whose deals are not made with the state by default: the state itself, communities.
_NOT_LOCAL_DEAL = frozenset({Inter.STATE_FORCES, Inter.IDENTITY_MILITIAS})


def local_deal(s: RoleState) -> tuple[str, ...]:
    # a community's deal is made with its rivals ("warring Tuareg clans agreed to cease hostilities")
    if s.sub != S.AGREEMENT or s.out.actor1.inter in _NOT_LOCAL_DEAL or s.out.actor1_inferred:
        return ()
    return actor2_is(s, None, "military")

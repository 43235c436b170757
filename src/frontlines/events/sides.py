"""The record of an event's actors (:class:`Roles`), and the choices behind the whole-event role rules
of :mod:`frontlines.events.role_rules`: who gained and who lost in a territorial battle or a
non-violent transfer, and which sides act together."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from frontlines.events.triggers import territorial_sub_type
from frontlines.model import Actor, ActorMention, Inter, SubEventType, Trigger

#: Generic roles that name an armed side (not police, officials, crowds, civilians, nor "gunmen",
#: whom crime reports name too): rules armed-actor-no-veto and pronoun-subject.
ARMED_ROLES = frozenset(
    {"military", "rebels", "separatists", "resistance", "peacekeepers", "clan militia", "communal militia"}
)


def names_armed_side(mention: ActorMention) -> bool:
    """Whether ``mention`` names an armed side: a named group, or one of :data:`ARMED_ROLES`."""
    return not mention.party and (mention.ref.kind in ("actor", "shared") or mention.ref.key in ARMED_ROLES)


S = SubEventType
Side = tuple[ActorMention, Actor]

#: "fell to X", "under the control of X": the gainer is named after the trigger.
_GAINER_AFTER = re.compile(r"fell\s+to|falls\s+to|^under\b", re.IGNORECASE)
#: "was captured by", "had been retaken", "after being seized": a passive trigger, whose agent gained.
_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
#: "the capture of X by Y": a noun, whose agent follows "by".
_NOMINAL = re.compile(r"^(?:capture|fall|takeover|seizure)\s+of", re.IGNORECASE)
#: "Taftanaz, captured by rebels": a participle whose agent follows at once.
_AGENT_NEXT = re.compile(r"^\s+by\b", re.IGNORECASE)
#: A capture told as a handover: the loser left or gave way ("positions vacated by the SDF", "entered
#: the town without a fight").
_WITHOUT_FIGHT = re.compile(
    r"\b(?:vacated|abandoned|evacuated)\s+by\b|\bwithout\s+(?:meeting\s+|encountering\s+|any\s+|much\s+)?(?:a\s+)?"
    r"(?:fight|fighting|resistance|a\s+shot|a\s+battle|bloodshed)\b|\bhanded\s+over\b",
    re.IGNORECASE,
)
#: "Russian forces withdrew and the town was captured": a place left by one side and taken by the
#: other, a non-violent transfer unless the sentence also tells of fighting (:data:`_FOUGHT`).
_LEFT = re.compile(
    r"\b(?:withdrew|withdrawn|withdrawal|pulled\s+out|pull-?out|retreated|retreat)\b", re.IGNORECASE
)
#: A side that left: "the rebels withdrew and the army took control" (the loser, not the gainer).
_LEFT_NEXT = re.compile(
    r"^\s+(?:had\s+|have\s+|has\s+)?(?:withdrawn|withdrew|pulled\s+out|retreated|fled)\b", re.IGNORECASE
)
_FOUGHT = re.compile(
    r"\b(?:fight(?:ing|s)?|fought|battles?|assaults?|attack(?:ed|s)?|clash(?:es|ed)?|under\s+fire|bombard\w*|"
    r"shell(?:ing|ed)|overr[au]n\w*|storm(?:ed|ing)|killed|dead|offensive)\b",
    re.IGNORECASE,
)
#: "handed over the town to the army": the side after "to" took it.
_TO_TAKER = re.compile(r"\b(?:to|for)\s+(?:the\s+)?$", re.IGNORECASE)
#: What joins two actors who act together ("the army and Hezbollah", "IS, al-Nusra and Ahrar al-Sham").
_JOINED = re.compile(
    r"^\s*(?:,\s*)?(?:and|&|as\s+well\s+as|along\s+with|together\s+with|,)\s+(?:the\s+)?$", re.I
)
#: Where the clause holding a trigger begins: after the last comma or semicolon before it.
_CLAUSE_START = re.compile(r"[,;][^,;]*$")
_LOST_CONTROL = re.compile(r"out\s+of", re.IGNORECASE)


@dataclass(slots=True)
class Roles:
    """The actors of one event, which mentions back them, which side was inferred, not read, and which
    rule of :data:`RULES` set each field (``rules``: field name to rule id)."""

    sub_event_type: SubEventType
    actor1: Actor
    actor2: Actor | None
    backing: list[tuple[str, ActorMention]] = field(default_factory=list)
    actor1_inferred: bool = False
    actor2_inferred: bool = False
    assoc_actor_1: list[Actor] = field(default_factory=list)
    rules: dict[str, str] = field(default_factory=dict)


#: A verb after a list of sides that makes them each other's opponents ("X and Y fought").
#: Not "X and Y clashed with Z": there the two fought side by side.
_FOUGHT_EACH_OTHER = re.compile(
    r"^\s+(?:\w+\s+)?(?:fought|clashed|battled|skirmished|exchanged|traded)\b"
    r"(?!(?:\s+(?:\w+\s+)?fire)?\s+(?:with|against)\b)",
    re.IGNORECASE,
)


def joined(lead: Side, armed: list[Side], sentence_text: Callable[[int, int], str]) -> list[Side]:
    """The sides listed with ``lead`` ("the army and Hezbollah", "HTS, FSA and ..."): each one joined
    to the one before by :data:`_JOINED`."""
    partners: list[Side] = []
    end = lead[0].end
    for x in sorted(armed, key=lambda x: x[0].start):
        if x[0].start >= end and _JOINED.match(sentence_text(end, x[0].start)):
            partners.append(x)
            end = x[0].end
    if _FOUGHT_EACH_OTHER.match(sentence_text(end, end + 40)):
        return []  # "Russian and Ukrainian forces fought in Orikhiv": the list names the two sides
    return [x for x in partners if x[1].name != lead[1].name]


def territorial(
    trigger: Trigger,
    armed: list[Side],
    before: list[Side],
    after: list[Side],
    inside: list[Side],
    agents: list[Side],
    role: Callable[[str], Actor],
    sentence_text: Callable[[int, int], str],
    named: list[tuple[int, str]],
) -> Roles:
    """``named`` holds every actor mention's start and actor, repeats included.

    Rule: "X seized Y" -> X gained; "the capture of Y by X", "Y was retaken by X", "Y fell to X",
    "under the control of X" -> X gained; "Y is out of the army's control" -> the army lost and
    (generic) rebels gained.

    Rule: in the active voice the gainer is the subject of the trigger's own clause: the first actor
    named after the last comma before the trigger ("After fighting that left 43 al-Nusra fighters
    dead, ISIL took control"; "X had surrendered, and the army regained control"), else the first
    actor before it; an agent after "by" elsewhere in the sentence ("the army captured the centre,
    which was defended by rebels") is not the gainer."""
    if _LOST_CONTROL.search(trigger.text) and inside:
        loser: Side | None = inside[0]
        assert loser is not None
        gainer_actor = role("rebels") if loser[1].inter == Inter.STATE_FORCES else role("military")
        roles = Roles(territorial_sub_type(gainer_actor.inter), gainer_actor, loser[1], actor1_inferred=True)
        roles.backing.append(("actor2", loser[0]))
        return roles
    held_by = inside if " under " in f" {trigger.text.lower()} " else []  # "fully under rebel control"
    lead = sentence_text(max(0, trigger.start - 80), trigger.start)
    passive = (
        _PASSIVE_AUX.search(lead) is not None
        or _NOMINAL.match(trigger.text) is not None
        or _AGENT_NEXT.match(sentence_text(trigger.end, trigger.end + 6)) is not None
    )
    if _GAINER_AFTER.search(trigger.text):
        order = held_by + agents + after + before
    elif passive:
        order = held_by + agents + before + after
    else:
        clause = _CLAUSE_START.search(sentence_text(max(0, trigger.start - 300), trigger.start))
        clause_start = trigger.start - len(clause[0]) if clause else -1
        # A side is kept once, at its first mention: its later mentions may name the clause's subject.
        in_clause = [name for start, name in sorted(named) if clause_start <= start < trigger.start]
        subject = [x for name in dict.fromkeys(in_clause) for x in before if x[1].name == name]
        order = held_by + subject + before + agents + after
    # "the rebels withdrew and the army took control": the side that left is the loser
    leavers = [x for x in armed if _LEFT_NEXT.match(sentence_text(x[0].end, x[0].end + 30))]
    order = [x for x in order if x not in leavers] + [x for x in order if x in leavers]
    gainer = order[0] if order else None
    gainer_actor = gainer[1] if gainer else role("rebels")
    # Rule: "the army and Hezbollah took the town": an actor joined to the gainer by "and" gained
    # with it; the loser is someone else.
    partners = joined(gainer, before, sentence_text) if gainer is not None else []
    others = [x for x in armed if (gainer is None or x[1].name != gainer[1].name) and x not in partners]
    others.sort(key=lambda x: x not in leavers)
    loser = others[0] if others else None
    # Rule state-partner-regains (codebook: government forces or their affiliates regain territory):
    # "the Giants Brigades and army units recaptured Harib" is a government regain.
    state_partner = any(p[1].inter == Inter.STATE_FORCES for p in partners)
    sub = territorial_sub_type(Inter.STATE_FORCES if state_partner else gainer_actor.inter)
    around = sentence_text(trigger.start - 300, trigger.end + 300)
    if _WITHOUT_FIGHT.search(around) or (_LEFT.search(around) and not _FOUGHT.search(around)):
        sub = S.NON_VIOLENT_TRANSFER
    roles = Roles(sub, gainer_actor, loser[1] if loser else None, actor1_inferred=gainer is None)
    if gainer:
        roles.backing.append(("actor1", gainer[0]))
    if loser:
        roles.backing.append(("actor2", loser[0]))
    roles.assoc_actor_1 = [a for _, a in partners]
    return roles


def withdrawal(
    trigger: Trigger,
    armed: list[Side],
    before: list[Side],
    after: list[Side],
    role: Callable[[str], Actor],
    sentence_text: Callable[[int, int], str],
) -> Roles:
    """Rule (codebook: control taken without fighting, after a withdrawal): in "X withdrew from /
    pulled out of / retreated from / handed over Y" X lost Y and is actor 2; actor 1 is the side that
    took it: one named after "to" ("handed over the town to the army"), else another side the sentence
    names ("militiamen entered after the rebels retreated"), else the state's opponent (generic
    rebels) when the state left and the state military when anyone else did."""
    loser = before[-1] if before else None
    takers = [x for x in after if _TO_TAKER.search(sentence_text(x[0].start - 12, x[0].start))]
    others = [x for x in armed if loser is None or x[1].name != loser[1].name]
    taker = (takers or others)[0] if takers or others else None
    if taker is not None:
        gainer, inferred = taker[1], False
    elif loser is not None:
        gainer, inferred = role("rebels") if loser[1].inter == Inter.STATE_FORCES else role("military"), True
    else:
        gainer, inferred = role("unidentified"), True
    roles = Roles(S.NON_VIOLENT_TRANSFER, gainer, loser[1] if loser else None, actor1_inferred=inferred)
    if taker is not None:
        roles.backing.append(("actor1", taker[0]))
    if loser is not None:
        roles.backing.append(("actor2", loser[0]))
    return roles

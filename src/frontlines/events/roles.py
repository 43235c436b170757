"""Who is actor 1 and who is actor 2 of an event, from the actor mentions of its sentence.

Codebook: usually two actors; victims are always actor 2 in violence against civilians; explosions,
protests, riots and strategic developments may have one. Rules chosen where the codebook is silent
are marked "Rule:".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from frontlines.events.triggers import is_territorial, territorial_sub_type
from frontlines.mentions.actors import ActorDictionary
from frontlines.model import (
    EVENT_TYPE_OF,
    VICTIM_SUB_TYPES,
    Actor,
    ActorMention,
    EventType,
    Inter,
    SubEventType,
    Trigger,
)

S = SubEventType

_PROTEST_TYPES = frozenset({S.PEACEFUL_PROTEST, S.PROTEST_WITH_INTERVENTION, S.EXCESSIVE_FORCE})
_RIOT_TYPES = frozenset({S.VIOLENT_DEMONSTRATION, S.MOB_VIOLENCE})
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
    r"\b(?:vacated|abandoned|evacuated)\s+by\b|\bwithout\s+(?:a\s+)?(?:fight|fighting|resistance|a\s+shot)\b|"
    r"\bafter\s+(?:the\s+)?(?:[\w'’-]+\s+){1,4}(?:withdrew|pulled\s+out|retreated)\b|\bhanded\s+over\b",
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
#: "rebel-held", "government-controlled": who holds a place, not who acted.
_HOLDER = re.compile(r"-(?:held|controlled)$", re.IGNORECASE)
#: "fired from rebel-held areas": the holder of the firing position is the one who fired.
_FIRED_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
#: "carried out by IS", "the capture of the city by fighters of al-Nusra", "a car bomb blamed on
#: rebels": the agent follows "by" (or "blamed on", "attributed to").
_BY_AGENT = re.compile(
    r"\b(?:by|blamed\s+on|attributed\s+to)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}(?:of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
#: "troops backed by Hezbollah fighters": an ally of actor 1 (an associated actor, not a side).
_ALLY_BEFORE = re.compile(
    r"\b(?:backed|supported|aided|assisted|joined)\s+by\s+(?:the\s+)?$|\b(?:alongside|with\s+the\s+(?:help|support)\s+of"
    r"|allied|and\s+allied|and\s+their\s+allies(?:\s+from)?)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: "a police source said", "army officials told": who speaks about an event, not who took part.
_SPEAKER_AFTER = re.compile(
    r"^\s*(?:sources?|officials?|spokes(?:man|woman|person)|media|statement|told)\b",
    re.IGNORECASE,
)
#: "the army said", "the Russian military's reconciliation centre claimed that": a mention, up to three
#: words, then a verb of speech. Such a speaker is a side only when no other actor is the subject of
#: what it reports (:func:`_speakers`).
_SAYS_AFTER = re.compile(
    r"^(?:['’]s)?(?:\s+[\w'’-]+){0,3}?\s+(?:said|says|claimed|claims|reported|announced|stated|told)\b",
    re.IGNORECASE,
)
#: "rebels including al-Nusra Front fighters": a named member of the coalition just named.
_MEMBER_BEFORE = re.compile(r"\b(?:including|among\s+them|such\s+as)\s+(?:the\s+)?$", re.IGNORECASE)
#: Strategic developments whose unnamed other side is the civilians they fall on: the people arrested,
#: the owners of what was looted or destroyed (ACLED codes them Civilians).
_CIVILIAN_OBJECT = frozenset({S.ARRESTS, S.LOOTING})
#: Inter codes of state forces, at home or abroad.
_STATE = frozenset({Inter.STATE_FORCES, Inter.EXTERNAL_FORCES})
#: "the Islamic State group's former stronghold of Raqa": a holder named by what it holds.
_HOLDS_AFTER = re.compile(
    r"^[\s\w()'’-]{0,40}?\b(?:stronghold|bastion|de\s+facto\s+capital|heartland)\b", re.IGNORECASE
)
#: Generic roles a named group of the same inter code makes redundant ("rebels of the Free Syrian Army").
_SUBSUMED_ROLES = frozenset({"rebels", "military", "unidentified"})

Side = tuple[ActorMention, Actor]


@dataclass(slots=True)
class Roles:
    """The actors of one event, which mentions back them, and which side was inferred, not read."""

    sub_event_type: SubEventType
    actor1: Actor
    actor2: Actor | None
    backing: list[tuple[str, ActorMention]] = field(default_factory=list)
    actor1_inferred: bool = False
    actor2_inferred: bool = False
    assoc_actor_1: list[Actor] = field(default_factory=list)


def _distinct(actors: ActorDictionary, sides: list[Side], pivot: int) -> list[Side]:
    """One side per actor; generic references dropped where a named group of their kind is first named
    on the same side of the end of the trigger (``pivot``).

    Rule: "rebels of the Free Syrian Army attacked" names one side, but in "ISIL militants fought
    other opposition armed groups" the generic rebels after the trigger are the other side."""

    def side(m: ActorMention) -> bool:
        return m.start < pivot

    first: dict[str, Side] = {}
    for m, a in sides:
        if not actors.is_generic(m.ref):
            first.setdefault(a.name, (m, a))
    named = [(side(m), a.inter) for m, a in first.values()]
    kept: list[Side] = []
    for m, a in sides:
        named_inters = {inter for before, inter in named if before == side(m)}
        # An unnamed label ("attackers", "militants") is the named armed group wherever it stands.
        armed_named = {inter for _, inter in named} - {Inter.CIVILIANS, Inter.PROTESTERS, Inter.RIOTERS}
        subsumable = m.ref.kind == "actor" or m.ref.key in _SUBSUMED_ROLES
        # "Islamic State militants": an unnamed label next to a named armed group is that group.
        unnamed = m.ref.kind == "role" and m.ref.key == "unidentified" and bool(armed_named)
        if actors.is_generic(m.ref) and subsumable and (a.inter in named_inters or unnamed):
            continue
        if all(a.name != k.name for _, k in kept):
            kept.append((m, a))
    return kept


def assign_roles(
    actors: ActorDictionary,
    trigger: Trigger,
    mentions: list[ActorMention],
    sentence_text: Callable[[int, int], str],
    country: str,
    day: dt.date,
    casualties: Sequence[str] = (),
) -> Roles:
    """Pick actor 1 and actor 2 for the event ``trigger`` names, resolved for ``country`` on ``day``.

    ``sentence_text(start, end)`` returns the cleaned text between two offsets (for context rules);
    ``casualties`` are the sentence's phrases reporting people killed or wounded.
    """
    sub = trigger.sub_event_type
    resolved = [(m, actors.resolve(m.ref, country, day)) for m in mentions]
    members = _members(actors, resolved, sentence_text)
    sides = _distinct(actors, [x for x in resolved if x not in members], trigger.end)

    def preceded_by(pattern: re.Pattern[str], mention: ActorMention, reach: int = 40) -> bool:
        return pattern.search(sentence_text(max(0, mention.start - reach), mention.start)) is not None

    allies = [x for x in sides if preceded_by(_ALLY_BEFORE, x[0], 25)] + members
    speakers = _speakers(sides, trigger, sentence_text)
    sides = [x for x in sides if x not in allies and x not in speakers]
    civilians = [x for x in sides if x[1].inter == Inter.CIVILIANS]
    protesters = [x for x in sides if x[1].inter == Inter.PROTESTERS]
    fighting = [x for x in sides if x[1].inter not in (Inter.CIVILIANS, Inter.PROTESTERS, Inter.RIOTERS)]
    holders = [
        x
        for x in fighting
        if _HOLDER.search(x[0].text) or _HOLDS_AFTER.match(sentence_text(x[0].end, x[0].end + 60))
    ]
    armed = [x for x in fighting if x not in holders]
    before = [x for x in armed if x[0].start < trigger.start and x[0].end <= trigger.end]
    after = [x for x in armed if x[0].start >= trigger.end]
    inside = [x for x in armed if x[0].start >= trigger.start and x[0].end <= trigger.end]
    agents = [x for x in after if preceded_by(_BY_AGENT, x[0])]

    def role(name: str) -> Actor:
        return actors.role_actor(name, country, day)

    if sub == S.NON_VIOLENT_TRANSFER:
        roles = _withdrawal(trigger, armed, before, after, role, sentence_text)
        roles.assoc_actor_1 += [a for _, a in allies if a not in roles.assoc_actor_1]
        return roles
    if is_territorial(trigger):
        named = [(m.start, a.name) for m, a in resolved]
        roles = _territorial(trigger, armed, before, after, inside, agents, role, sentence_text, named)
        roles.assoc_actor_1 += [a for _, a in allies if a not in roles.assoc_actor_1]
        return roles
    if sub in _PROTEST_TYPES or sub in _RIOT_TYPES:
        crowd = protesters[0] if protesters else None
        roles = Roles(
            sub,
            crowd[1] if crowd else role("protesters" if sub in _PROTEST_TYPES else "rioters"),
            None,
            actor1_inferred=crowd is None,
        )
        if crowd:
            roles.backing.append(("actor1", crowd[0]))
        # Rule: the state forces a crowd faces, its own or a foreign state's ("stones thrown at
        # Turkish military vehicles"), are actor 2.
        state = next((x for x in armed if x[1].inter in _STATE), None)
        if state and sub != S.PEACEFUL_PROTEST:
            roles.actor2 = state[1]
            roles.backing.append(("actor2", state[0]))
        return roles

    # Rule: the first actor named before the trigger is its subject; else an agent after "by";
    # else, for battles and strategic events, the first actor after it. After an explosion's
    # trigger an actor is its target ("a bomb hit an army patrol"), not its author.
    perpetrator: Side | None = None
    if before:
        perpetrator = before[0]
    elif agents:
        perpetrator = agents[0]
    elif inside or (after and EVENT_TYPE_OF[sub] != EventType.EXPLOSIONS):
        perpetrator = (inside or after)[0]
    if perpetrator is None:
        # Rule: "mortars fired from rebel-held areas": the holder of the firing position fired.
        perpetrator = next(
            (h for h in holders if _FIRED_FROM.search(sentence_text(max(0, h[0].start - 12), h[0].start))),
            None,
        )
        if perpetrator is not None:
            holders = [h for h in holders if h is not perpetrator]
    roles = Roles(
        sub,
        perpetrator[1] if perpetrator else role("unidentified"),
        None,
        actor1_inferred=perpetrator is None,
    )
    if perpetrator:
        roles.backing.append(("actor1", perpetrator[0]))
    roles.assoc_actor_1 = [a for _, a in allies]
    others = [x for x in armed if x[1].name != roles.actor1.name]
    partners = _joined(perpetrator, armed, sentence_text) if perpetrator and sub != S.AGREEMENT else []
    if partners and (EVENT_TYPE_OF[sub] != EventType.BATTLES or any(x not in partners for x in others)):
        # Rule: "HTS, FSA and Faylaq al-Rahman fighters attacked ..., the army counter-attacked": sides
        # joined to actor 1 by "and" or a comma act with it (associated actors) when the sentence
        # names someone else to act against. "The army and rebels clashed" names no one else: there
        # the two joined sides are the pair of a battle, as are the parties of an agreement; sides
        # joined in a one-sided event ("Russian and Syrian air strikes") always act together.
        others = [x for x in others if x not in partners]
        roles.assoc_actor_1 += [a for _, a in partners if a not in roles.assoc_actor_1]

    targets = [x for x in civilians if x[0].start >= trigger.end]
    if sub == S.ARMED_CLASH and targets and not others and not holders:
        # Rule (codebook: violence against civilians is an armed group's attack on unarmed people):
        # "the bomber attacked a crowd", "gunmen attacked villagers" names no armed opponent, only
        # civilians it struck: an Attack on them, not a clash.
        sub = roles.sub_event_type = S.ATTACK
    if sub in VICTIM_SUB_TYPES:
        # Codebook: in violence against civilians the victims are always actor 2.
        victim = civilians[0] if civilians else None
        roles.actor2 = victim[1] if victim else role("civilians")
        roles.actor2_inferred = victim is None
        if victim:
            roles.backing.append(("actor2", victim[0]))
        return roles
    if perpetrator is None and sub == S.AIR_DRONE_STRIKE:
        # Rule: an air strike nobody is named for is coded to the state military of the country
        # (in most conflicts only the state flies aircraft).
        roles.actor1 = role("military")
    if others:
        roles.actor2 = others[0][1]
        roles.backing.append(("actor2", others[0][0]))
        _unnamed_side_is_rebels(roles, role, sub)
    elif civilians and EVENT_TYPE_OF[sub] == EventType.EXPLOSIONS:
        roles.actor2 = civilians[0][1]
        roles.backing.append(("actor2", civilians[0][0]))
    elif casualties and EVENT_TYPE_OF[sub] == EventType.EXPLOSIONS:
        # Rule: people killed or hurt by a strike, shell or bomb with no armed target named are
        # civilians (ACLED codes such victims as Civilians).
        roles.actor2 = role("civilians")
        roles.actor2_inferred = True
    elif holders and holders[0][1].name != roles.actor1.name and EVENT_TYPE_OF[sub] == EventType.BATTLES:
        roles.actor2 = holders[0][1]
        roles.backing.append(("actor2", holders[0][0]))
    elif sub in _CIVILIAN_OBJECT:
        roles.actor2 = civilians[0][1] if civilians else role("civilians")
        roles.actor2_inferred = not civilians
        if civilians:
            roles.backing.append(("actor2", civilians[0][0]))
    elif sub == S.AGREEMENT and roles.actor1.inter != Inter.STATE_FORCES and not roles.actor1_inferred:
        # Rule: a local deal (surrender, evacuation, reconciliation) one non-state side is named in is
        # made with the state.
        roles.actor2 = role("military")
        roles.actor2_inferred = True
        _unnamed_side_is_rebels(roles, role, sub)
    elif sub == S.ARMED_CLASH:
        # Rule: a clash names two sides; an unnamed opponent of the state is an unidentified armed
        # group, an unnamed opponent of anyone else the state military.
        roles.actor2 = role("unidentified") if roles.actor1.inter == Inter.STATE_FORCES else role("military")
        roles.actor2_inferred = True
    return roles


def _speakers(sides: list[Side], trigger: Trigger, sentence_text: Callable[[int, int], str]) -> list[Side]:
    """Rule: who reports an event is not a side of it. A mention is a speaker when it is followed by
    "sources", "officials", "told" ... (:data:`_SPEAKER_AFTER`), or by a verb of speech
    (:data:`_SAYS_AFTER`) and either it comes after the trigger ("..., killing five, a militia member
    said") or another actor is named between its verb and the trigger ("the Russian military claimed
    that al-Nusra fighters executed 40 people"). "The army said it killed 60 IS fighters" keeps the
    army: nobody else is the subject of what it says."""
    speakers = []
    for x in sides:
        m = x[0]
        if _SPEAKER_AFTER.match(sentence_text(m.end, m.end + 25)):
            speakers.append(x)
            continue
        says = _SAYS_AFTER.match(sentence_text(m.end, m.end + 60))
        if says is None:
            continue
        verb_end = m.end + says.end()
        reported = any(verb_end <= y[0].start < trigger.start for y in sides if y is not x)
        if m.start >= trigger.end or reported:
            speakers.append(x)
    return speakers


def _members(
    actors: ActorDictionary, resolved: list[Side], sentence_text: Callable[[int, int], str]
) -> list[Side]:
    """Rule: "rebels including al-Nusra Front fighters": a named group introduced as a member of a
    generic coalition just named is an associated actor; the coalition is the side."""
    members = []
    for x in resolved:
        lead = sentence_text(max(0, x[0].start - 25), x[0].start)
        found = _MEMBER_BEFORE.search(lead)
        if found is None or actors.is_generic(x[0].ref):
            continue
        cut = x[0].start - (len(lead) - found.start())
        if any(
            actors.is_generic(m.ref) and 0 <= cut - m.end <= 2 and a.inter == x[1].inter for m, a in resolved
        ):
            members.append(x)
    return members


def _joined(lead: Side, armed: list[Side], sentence_text: Callable[[int, int], str]) -> list[Side]:
    """The sides listed with ``lead`` ("the army and Hezbollah", "HTS, FSA and ..."): each one joined
    to the one before by :data:`_JOINED`."""
    partners: list[Side] = []
    end = lead[0].end
    for x in sorted(armed, key=lambda x: x[0].start):
        if x[0].start >= end and _JOINED.match(sentence_text(end, x[0].start)):
            partners.append(x)
            end = x[0].end
    return [x for x in partners if x[1].name != lead[1].name]


def _unnamed_side_is_rebels(roles: Roles, role: Callable[[str], Actor], sub: SubEventType) -> None:
    """Rule (as in tests/golden/README.md): an armed group named only by a label ("armed groups",
    "terrorists") that fights or negotiates with the state is its rebels; in a one-sided attack it
    stays an unidentified armed group."""
    if sub != S.AGREEMENT and EVENT_TYPE_OF[sub] != EventType.BATTLES:
        return
    unidentified = role("unidentified").name
    sides = (roles.actor1, roles.actor2)
    if any(a is not None and a.inter == Inter.STATE_FORCES for a in sides):
        if roles.actor1.name == unidentified:
            roles.actor1 = role("rebels")
        if roles.actor2 is not None and roles.actor2.name == unidentified:
            roles.actor2 = role("rebels")


def _territorial(
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
    gainer = order[0] if order else None
    gainer_actor = gainer[1] if gainer else role("rebels")
    # Rule: "the army and Hezbollah took the town": an actor joined to the gainer by "and" gained
    # with it; the loser is someone else.
    partners = _joined(gainer, before, sentence_text) if gainer is not None else []
    others = [x for x in armed if (gainer is None or x[1].name != gainer[1].name) and x not in partners]
    loser = others[0] if others else None
    sub = territorial_sub_type(gainer_actor.inter)
    if _WITHOUT_FIGHT.search(sentence_text(trigger.start - 300, trigger.end + 300)):
        sub = S.NON_VIOLENT_TRANSFER
    roles = Roles(sub, gainer_actor, loser[1] if loser else None, actor1_inferred=gainer is None)
    if gainer:
        roles.backing.append(("actor1", gainer[0]))
    if loser:
        roles.backing.append(("actor2", loser[0]))
    roles.assoc_actor_1 = [a for _, a in partners]
    return roles


def _withdrawal(
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

"""Who is actor 1 and who is actor 2 of an event, from the actor mentions of its sentence.

Codebook: usually two actors; victims are always actor 2 in violence against civilians; explosions,
protests, riots and strategic developments may have one. This module sorts a sentence's mentions into
sides (allies, speakers and members of a coalition are none); the ordered rules of
:mod:`frontlines.events.role_rules` then pick actor 1 and actor 2. Rules chosen where the codebook is
silent are marked "Rule:".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from frontlines.events.role_decisions import EXCLUSIVE, RoleState, kind_of
from frontlines.events.role_rules import RULES
from frontlines.events.sides import Roles, Side
from frontlines.mentions.actors import ActorDictionary
from frontlines.model import (
    EVENT_TYPE_OF,
    Actor,
    ActorMention,
    ActorRef,
    EventType,
    Inter,
    SubEventType,
    Trigger,
)

__all__ = ["Roles", "assign_roles"]

#: "rebel-held", "government-controlled": who holds a place, not who acted.
_HOLDER = re.compile(r"-(?:held|controlled)$", re.IGNORECASE)
#: "carried out by IS", "the capture of the city by fighters of al-Nusra", "a car bomb blamed on
#: rebels": the agent follows "by" (or "blamed on", "attributed to"); so does the source of fire or of
#: a bomber ("rocket fire from Syrian rebels", "a suicide bomber from the Nusra Front").
_BY_AGENT = re.compile(
    r"(?:\b(?:by|blamed\s+on|attributed\s+to)|\b(?:fire|barrages?|shells?|shelling|rockets?|missiles?|mortars?|"
    r"bombers?|strikes?|airstrikes?)\s+(?:(?:fired|launched)\s+)?from)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}"
    r"(?:of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
#: "troops backed by Hezbollah fighters": an ally of actor 1 (an associated actor, not a side).
_ALLY_BEFORE = re.compile(
    r"\b(?:backed|supported|aided|assisted|joined)\s+by\s+(?:the\s+)?$|\b(?:alongside|with\s+the\s+(?:help|support)\s+of"
    r"|allied|and\s+allied|and\s+their\s+allies(?:\s+from)?)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: Non-state armed groups: an unnamed label ("militants") in their sentence is one of them.
_GROUP_INTERS = frozenset({Inter.REBEL_GROUPS, Inter.POLITICAL_MILITIAS, Inter.IDENTITY_MILITIAS})
#: Acts whose target a political party named after them is not (rule party-victims, :func:`_sides`).
_HARM = frozenset({EventType.VIOLENCE_AGAINST_CIVILIANS, EventType.EXPLOSIONS})
#: "a police source said", "army officials told": who speaks about an event, not who took part.
_SPEAKER_AFTER = re.compile(
    r"^\s*(?:sources?|officials?|spokes(?:man|woman|person)|media|statement|told)\b",
    re.IGNORECASE,
)
#: "the army said", "the Russian military's reconciliation centre claimed that": a mention, up to three
#: words, then a verb of speech. Such a speaker is a side only when no other actor is the subject of
#: what it reports (:func:`_speakers`).
_SAYS_AFTER = re.compile(
    r"^(?:['’]s)?(?:\s+[\w'’-]+){0,3}?\s+(?:said|says|claimed|claims|reported|announced|stated|told|accused|accuses)\b",
    re.IGNORECASE,
)
#: A speaker that tells its own act: "said it killed", "claimed that they had shot down".
_OWN_ACT = re.compile(
    r"^\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:it|they|we)\b(?!\s+(?:would|will|could|might|may|was|were)\b)",
    re.IGNORECASE,
)
#: What a speaker reports, opening with a doer the dictionary does not name: "police said a
#: kidnap-for-ransom group seized ...", "villagers said a drone dropped ..." (not "it", "they").
_AGENT_REPORTED = re.compile(
    r"^\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:an?|the|some|two|three|several|unknown|unidentified)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:group|gang|men|attackers|assailants|kidnappers|bandits|raiders|warriors|suspects|"
    r"drones?|bombers?)\b",
    re.IGNORECASE,
)
#: "rebels including al-Nusra Front fighters": a named member of the coalition just named.
_MEMBER_BEFORE = re.compile(r"\b(?:including|among\s+them|such\s+as)\s+(?:the\s+)?$", re.IGNORECASE)
#: "the Islamic State group's former stronghold of Raqa": a holder named by what it holds.
_HOLDS_AFTER = re.compile(
    r"^[\s\w()'’-]{0,40}?\b(?:stronghold|bastion|de\s+facto\s+capital|heartland)\b", re.IGNORECASE
)
#: A state named by its government ("the Syrian government", "the Chadian and Libyan governments").
_GOVERNMENT_WORD = re.compile(r"\bgovernments?$", re.IGNORECASE)
#: Generic roles a named group of the same inter code makes redundant ("rebels of the Free Syrian Army").
_SUBSUMED_ROLES = frozenset({"rebels", "resistance", "military", "unidentified"})
#: A label that says its bearers are not known ("unidentified gunmen", "unknown assailants").
_UNKNOWN_LABEL = re.compile(r"\b(?:unidentified|unknown)\b", re.IGNORECASE)


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
    any_group = any(a.inter in _GROUP_INTERS and not a.political for _, a in first.values())
    kept: list[Side] = []
    for m, a in sides:
        named_inters = {inter for before, inter in named if before == side(m)}
        # An unnamed label ("attackers", "militants") is the named armed group wherever it stands.
        armed_named = {inter for _, inter in named} - {Inter.CIVILIANS, Inter.PROTESTERS, Inter.RIOTERS}
        subsumable = m.ref.kind == "actor" or m.ref.key in _SUBSUMED_ROLES
        # "Islamic State militants": an unnamed label next to a named armed group is that group; but
        # "unidentified gunmen" who killed "a commander of the RSF" are not the RSF (rule
        # unknown-not-named).
        across = _UNKNOWN_LABEL.search(m.text) is not None and not (named_inters & armed_named)
        # ... a group's: never a state's forces, a foreign force or a mission ("militants attacked the
        # MINUSMA base"), nor a party (rule party-victims)
        unnamed = m.ref.kind == "role" and m.ref.key == "unidentified" and any_group and not across
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
    switched_off: frozenset[str] = frozenset(),
) -> Roles:
    """Pick actor 1 and actor 2 for the event ``trigger`` names, resolved for ``country`` on ``day``.

    ``sentence_text(start, end)`` returns the cleaned text between two offsets (for context rules);
    ``casualties`` are the sentence's phrases reporting people killed or wounded. Runs the rules of
    :data:`frontlines.events.role_rules.RULES` for the event's kind, in order; the result's ``rules``
    names the rule that set each field. Rules whose ids are in ``switched_off`` do not run.
    """
    state = _sides(actors, trigger, mentions, sentence_text, country, day, casualties)
    kind, decided = kind_of(trigger), set[str]()
    for rule in RULES:
        if rule.kind != kind or rule.step in decided or rule.id in switched_off:
            continue
        fields = rule.decide(state)
        if fields:
            state.out.rules.update(dict.fromkeys(fields, rule.id))
            if rule.step in EXCLUSIVE:
                decided.add(rule.step)
    return state.out


def _sides(
    actors: ActorDictionary,
    trigger: Trigger,
    mentions: list[ActorMention],
    sentence_text: Callable[[int, int], str],
    country: str,
    day: dt.date,
    casualties: Sequence[str],
) -> RoleState:
    """The sentence's mentions resolved and sorted into the sides the role rules read."""
    if trigger.sub_event_type != SubEventType.AGREEMENT:
        # rules state-as-party, community-as-party: the parties to a deal are sides of the agreement only
        mentions = [m for m in mentions if not m.party]
    refs = [_government_or_military(m, trigger) for m in mentions]
    if trigger.sub_event_type == SubEventType.AGREEMENT:
        refs = _deal_abroad(actors, refs, country)
    resolved = [(m, actors.resolve(ref, country, day)) for m, ref in zip(mentions, refs, strict=True)]
    members = _members(actors, resolved, sentence_text)
    sides = _distinct(actors, [x for x in resolved if x not in members], trigger.end)
    if EVENT_TYPE_OF[trigger.sub_event_type] in _HARM:
        # rule party-victims: "shot dead an ANC councillor": the party names its victims, who are civilians
        sides = [x for x in sides if not (x[1].political and x[0].start >= trigger.end)]

    def preceded_by(pattern: re.Pattern[str], mention: ActorMention, reach: int = 40) -> bool:
        return pattern.search(sentence_text(max(0, mention.start - reach), mention.start)) is not None

    allies = [x for x in sides if preceded_by(_ALLY_BEFORE, x[0], 25)] + members
    speakers = _speakers(sides, trigger, sentence_text)
    sides = [x for x in sides if x not in allies and x not in speakers]
    fighting = [x for x in sides if x[1].inter not in (Inter.CIVILIANS, Inter.PROTESTERS, Inter.RIOTERS)]
    holders = [
        x
        for x in fighting
        if _HOLDER.search(x[0].text) or _HOLDS_AFTER.match(sentence_text(x[0].end, x[0].end + 60))
    ]
    armed = [x for x in fighting if x not in holders]
    after = [x for x in armed if x[0].start >= trigger.end]

    def role(name: str) -> Actor:
        return actors.role_actor(name, country, day)

    def attacker(sub: SubEventType) -> Actor | None:
        return actors.remote_attacker(sub.value, country, day)

    return RoleState(
        trigger=trigger,
        sub=trigger.sub_event_type,
        role=role,
        attacker=attacker,
        sentence_text=sentence_text,
        casualties=casualties,
        named=[(m.start, a.name) for m, a in resolved],
        allies=allies,
        civilians=[x for x in sides if x[1].inter == Inter.CIVILIANS],
        protesters=[x for x in sides if x[1].inter == Inter.PROTESTERS],
        armed=armed,
        holders=holders,
        mentioned=resolved,
        before=[x for x in armed if x[0].start < trigger.start and x[0].end <= trigger.end],
        after=after,
        inside=[x for x in armed if x[0].start >= trigger.start and x[0].end <= trigger.end],
        agents=[x for x in after if preceded_by(_BY_AGENT, x[0])],
    )


def _government_or_military(mention: ActorMention, trigger: Trigger) -> ActorRef:
    """Rule government-acts-through-military: a state's government is a side of the agreements it
    makes ("the government and the TPLF signed", "the Chadian and Libyan governments accepted a
    ceasefire"); in any other event a government named as a side acts through its military."""
    ref = mention.ref
    if ref.kind != "role":
        return ref
    agreement = trigger.sub_event_type == SubEventType.AGREEMENT
    if ref.key == "government" and not agreement:
        return ActorRef("role", "military", ref.country)
    if ref.key == "military" and agreement and _GOVERNMENT_WORD.search(mention.text):
        return ActorRef("role", "government", ref.country)
    return ref


#: Roles a state is named by in a deal without saying which state ("the government", "the army").
_STATE_ROLES = frozenset({"government", "military", "police"})


def _deal_abroad(actors: ActorDictionary, refs: list[ActorRef], country: str) -> list[ActorRef]:
    """Rule deal-abroad: "the government" that signs a deal abroad with a group of one country ("the
    federal government and the TPLF signed an agreement in Pretoria") is that country's government,
    not the host's."""
    homes = {home for ref in refs if (home := actors.home_of(ref)) is not None}
    if len(homes) != 1 or country in homes:
        return refs
    [home] = homes
    return [
        ActorRef("role", ref.key, home)
        if ref.kind == "role" and ref.key in _STATE_ROLES and not ref.country
        else ref
        for ref in refs
    ]


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
        if _OWN_ACT.match(sentence_text(verb_end, verb_end + 30)):
            continue  # "the Israeli military said it killed a Hamas commander": its own act
        reported = any(verb_end <= y[0].start < trigger.start for y in sides if y is not x) or (
            verb_end <= trigger.start
            and _AGENT_REPORTED.match(sentence_text(verb_end, trigger.start)) is not None
        )
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

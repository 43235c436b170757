"""Who an event's sides are, from sentences other than the event's own.

A report often names the author of an event, the group of a side it called "fighters", or the victims
of a blast one sentence later. These rules complete the drafts :mod:`frontlines.events.assemble` is
building; rules chosen where the codebook is silent are marked "Rule:".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from frontlines.events.drafts import EventDraft
from frontlines.events.role_decisions import CLAIMED, author_unnamed
from frontlines.events.sides import names_armed_side
from frontlines.folded_regex import FoldedPattern, by_first_char, lowered, top_level_alternatives
from frontlines.mentions.actors import ActorDictionary
from frontlines.model import EVENT_TYPE_OF, ActorMention, Doc, EventType, Inter


@dataclass(frozen=True, slots=True)
class AttributionRule:
    """Words that say who did an event told before, and on which side of them the agent stands."""

    id: str
    pattern: re.Pattern[str]
    #: "after": the first actor after the words ("carried out by X"); "before": the last one before
    #: them ("X claimed responsibility", "JNIM suspected").
    agent: str
    examples: tuple[str, ...]


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


#: Rule: a later sentence that names the author of an event whose author was unnamed (codebook: the
#: perpetrator a source names or the group that claimed it is actor 1, however uncertain).
ATTRIBUTION_RULES: tuple[AttributionRule, ...] = (
    AttributionRule(
        "agent-after",
        _words(
            r"\bcarried\s+out\s+by|\b(?:was\s+)?blamed\s+on|\battribut(?:ed|ing)\s+(?:it\s+|the\s+\w+\s+)?to"
            r"|\b(?:planted|laid|mined|placed)\s+by|\blinked\s+(?:[\w-]+\s+){0,4}?to"
        ),
        "after",
        (
            "The raid was carried out by Russian planes.",
            "Local officials attributed the shelling to the RSF.",
            "Residents said the fields had been mined by Houthi forces.",
            "Police linked the family to the JAD network.",
        ),
    ),
    AttributionRule(
        "accuser-blames",
        _words(r"\bblamed\b(?!\s+on)"),
        "after",
        ("The army blamed M23 for the attack.",),
    ),
    AttributionRule(
        "agent-before",
        _words(
            rf"\b(?:{CLAIMED})|\bclaim(?:s|ed)(?:\s+it)?(?=\s*(?:[.;,]|$|for\b))"
            r"|\bwas\s+behind|\bresponsible\s+for\s+the\s+(?:attack|bombing|strike|blast)"
            r"|\b(?:was|were|is|are)?\s*suspected(?=\s*[.;,]|$)"
        ),
        "before",
        (
            "Sinai Province claimed.",
            "Jabhat al-Nusra claimed responsibility.",
            "JNIM suspected.",
            "IS claimed it.",
            "ISIS claims responsibility for the attack.",
            "Al Shabaab quickly claimed the assault.",
        ),
    ),
    AttributionRule(
        "agent-says-it-did",
        _words(
            r"\b(?:said|says|claimed|announced|admitted|acknowledged)\s+(?:that\s+)?(?:it|they)\s+(?:had\s+)?"
            r"(?:carried\s+out|fired|launched|conducted|staged|planted|detonated|was\s+behind|were\s+behind)\b"
        ),
        "before",
        (
            "Al-Shabaab said it carried out the attack.",
            "Al-Shabaab later claimed it had fired the shells.",
            "The Houthis said they launched the drone.",
        ),
    ),
)


def _any_rule(rules: tuple[AttributionRule, ...]) -> re.Pattern[str] | None:
    """One pattern over lowered text (``folded_regex``) that matches where some rule's pattern does:
    their alternatives grouped by first letter (``folded_regex.by_first_char``). Most sentences hold
    none, and one search tells, instead of one per rule. None when a rule's pattern is not foldable."""
    alternatives: list[str] = []
    for rule in rules:
        folded = FoldedPattern(rule.pattern).folded
        if folded is None:
            return None
        alternatives += top_level_alternatives(folded.pattern)
    return re.compile(by_first_char(alternatives))


#: Searched before the rules: where it finds nothing, no rule does.
_ANY_RULE = _any_rule(ATTRIBUTION_RULES)
#: The lowered text of the last articles (``_agent`` reads an article sentence by sentence).
_lowered_text = functools.lru_cache(maxsize=4)(lowered)


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
    names the actor 1 of the latest such event, and of those told with it (same day and place), unless
    the sentence tells a day of its own outside that event's week (rule claim-own-day)."""
    unnamed = [d for d in drafts if author_unnamed(d.roles) and EVENT_TYPE_OF[d.sub] != EventType.PROTESTS]
    if not unnamed:
        return  # no event waits for its author: the sentence's words need not be read
    agent = _agent(doc, start, end)
    if agent is None:
        return
    latest = unnamed[-1]
    if not _dated_with(doc, latest, start, end):
        return  # "March 6 - Ansar Dine claims four attacks": not the gunmen's attack of February 23
    # the parts of one attack told together (a bombing and the gunfire that followed) share its author
    for draft in (d for d in unnamed if (d.day, d.place.place_id) == (latest.day, latest.place.place_id)):
        draft.roles.actor1 = actors.resolve(agent.ref, draft.place.country_code, draft.day)
        draft.roles.actor1_inferred = False
        draft.roles.rules.pop("actor1", None)  # set by the attribution, not by a role rule
        draft.evidence.append(doc.evidence("actor1", agent.start, agent.end))


#: Rule claim-own-day: how many days after an event a sentence that tells its own day may still claim
#: it ("IS claimed on Tuesday the bombing of Sunday").
CLAIM_REACH_DAYS = 7


def _dated_with(doc: Doc, draft: EventDraft, start: int, end: int) -> bool:
    """Rule claim-own-day: whether the attribution sentence ``doc.text[start:end]`` may be about
    ``draft``: it tells no day of its own, or one of its days falls on the event's day or in the week
    after (a timeline's "March 6 - Ansar Dine claims four attacks" does not claim an attack of
    February 23)."""
    days = [t.date for t in doc.times if start <= t.start < end]
    return not days or any(0 <= (day - draft.day).days <= CLAIM_REACH_DAYS for day in days)


def _agent(doc: Doc, start: int, end: int) -> ActorMention | None:
    """The actor an attribution rule names in ``doc.text[start:end]``, if one does."""
    named = [m for m in doc.actors if start <= m.start and m.end <= end]
    if not named:
        return None  # no actor for a rule to point at
    low = _lowered_text(doc.text)
    if low is not None and _ANY_RULE is not None and _ANY_RULE.search(low, start, end) is None:
        return None
    for rule in ATTRIBUTION_RULES:
        match = rule.pattern.search(doc.text, start, end)
        if match is None:
            continue
        if rule.agent == "after":
            after = [m for m in named if m.start >= match.end()]
            if after:
                return after[0]
        else:
            before = [m for m in named if m.end <= match.start()]
            if before:
                return before[-1]
    return None


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


#: Rule pronoun-subject: "they" opening a sentence, or its clause after an opening phrase and a comma
#: ("On 3 October, they recaptured Borova"), not a speaker's ("they said").
_PRONOUN_SUBJECT = re.compile(
    r"(?:[^.;,]{0,60},\s+)?(they|They)\s+(?!(?:also\s+|later\s+|then\s+)?(?:said|say|says|told|added|claimed|"
    r"reported|denied|accused|blamed)\b)"
)


def pronoun_subject(doc: Doc, start: int, end: int, sides: list[ActorMention]) -> list[ActorMention]:
    """Rule pronoun-subject: a sentence (``doc.text[start:end]``) whose subject is "they" and that
    names no side before it ("On October 3, they recaptured Borova") has as its subject the first
    armed side of the sentence before it ("Ukrainian forces advanced east of Kharkiv."); the
    pronoun's own words are the evidence. ``sides``: the sentence's actor mentions; returns them,
    the pronoun's added."""
    found = _PRONOUN_SUBJECT.match(doc.text, start, end)
    if found is None or any(a.start < found.start(1) for a in sides):
        return sides
    previous = next((s for s, e in reversed(doc.sentences) if e <= start), None)
    if previous is None:
        return sides
    armed = next((a for a in doc.actors if previous <= a.start < start and names_armed_side(a)), None)
    if armed is None:
        return sides
    they = ActorMention(found.start(1), found.end(1), found.group(1), armed.ref)
    return sorted([*sides, they], key=lambda a: a.start)

"""The role rules that change an event's sub-event type once its sides are known (step ``adjust`` of
:data:`frontlines.events.role_rules.RULES`): who was hit, and how, decides between a battle, an
attack, an abduction, an arrest and looting.
"""

from __future__ import annotations

import re
import sys

from frontlines.events.role_decisions import CIVILIAN_SITE, STATE_INTERS, RoleState, Side, suffered
from frontlines.events.sides import Roles
from frontlines.model import Inter, SubEventType

S = SubEventType


#: Triggers that say two sides fired at each other: civilians near them are no target.
_RECIPROCAL = re.compile(
    r"\b(?:exchang(?:ed|es|ing)|trad(?:ed|es|ing))\s+(?:\w+\s+){0,2}fire|at\s+each\s+other|gun\s*fights?|"
    r"fire\s*fights?|shoot-?outs?",
    re.IGNORECASE,
)


#: How far around the trigger (characters) the words of reciprocal fire are looked for.
_RECIPROCAL_REACH = 80


#: An attack word of a one-sided assault ("militants attacked a convoy"), not of fighting.
_ASSAULT = re.compile(
    r"\b(?:attack(?:ed|s|ing)?|ambush(?:ed|es)?|raid(?:ed|s)?|storm(?:ed|ing))\b", re.IGNORECASE
)
#: Words in a toll that name armed or state people among the dead ("3 soldiers", "two policemen").
_ARMED_DEAD = re.compile(
    r"\b(?:soldiers?|troops?|police\w*|officers?|gendarmes?|guards?|fighters?|militants?|rebels?|insurgents?|"
    r"militia\w*|personnel|forces|servicem[ae]n|commandos?|attackers|assailants|gunmen|jihadists?|members)\b",
    re.IGNORECASE,
)
#: Where a toll's phrase ends and the story of who did it begins ("37 people were killed when
#: militants attacked", "killed by gunmen"): armed words after it name the attackers, not the dead.
_TOLL_END = re.compile(r"\b(?:when|while|after|as|by|during)\b", re.IGNORECASE)


def _dead_named(casualty: str) -> str:
    """The part of a casualty phrase that names the dead."""
    end = _TOLL_END.search(casualty)
    return casualty[: end.start()] if end else casualty


def _unarmed_toll(s: RoleState) -> bool:
    """A non-state side's assault whose toll names only people, no armed or state dead ("killing 37
    people"): the dead are civilians (rule attack-on-civilians-not-clash)."""
    actor1 = s.out.actor1
    return (
        actor1.inter not in STATE_INTERS
        and bool(s.casualties)
        and not any(_ARMED_DEAD.search(_dead_named(c)) for c in s.casualties)
        and _ASSAULT.search(s.trigger.text) is not None
    )


#: Words that make a civilian building a military target.
_MILITARY_USE = re.compile(r"\b(?:used\s+as|bases?|positions?|headquarters|barracks)\b", re.IGNORECASE)
#: How far after an assault's trigger (characters) the civilian site it struck is read.
_SITE_REACH = 40


def _assault_on_site(s: RoleState) -> bool:
    """A non-state side's assault on a place where people live, trade or are cared for ("gunmen
    attacked the restaurant", "an attack on a cattle market")."""
    after = s.sentence_text(s.trigger.end, s.trigger.end + _SITE_REACH)
    if _MILITARY_USE.search(after):
        return False  # "a school being used as a base"
    return (
        s.out.actor1.inter not in STATE_INTERS
        and _ASSAULT.search(s.trigger.text) is not None
        and CIVILIAN_SITE.search(after) is not None
    )


def attack_on_civilians(s: RoleState) -> tuple[str, ...]:
    targets = [x for x in s.civilians if x[0].start >= s.trigger.end]
    struck = targets or _unarmed_toll(s) or _assault_on_site(s)
    if s.sub != S.ARMED_CLASH or not struck or s.others or s.holders:
        return ()
    near = s.sentence_text(max(0, s.trigger.start - _RECIPROCAL_REACH), s.trigger.end + _RECIPROCAL_REACH)
    if _RECIPROCAL.search(near):
        return ()  # "militiamen exchanged fire with insurgents, forcing residents to flee"
    s.sub = s.out.sub_event_type = S.ATTACK
    return ("sub_event_type",)


#: The words between a killing and the armed people it struck: numbers, ranks and "members of"
#: ("shot dead two police officers", "assassinated a local commander of the RSF", "killed YPG
#: leader"); any other word ("the brother of", "captured", "former") leaves the target unarmed.
_ARMED_TARGET_GAP = re.compile(
    r"^(?:\s+(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|some|dozens|local|"
    r"senior|top|prominent|off-duty|field|members?|commanders?|leaders?|chiefs?|heads?|of|its|their|"
    r"rival))*\s*$",
    re.IGNORECASE,
)
#: Killings of people held, which stay violence against civilians whoever they were.
_EXECUTION = re.compile(r"\b(?:execut\w*|behead\w*|lynch\w*|tortur\w*)", re.IGNORECASE)


def _armed_target(s: RoleState) -> Side | None:
    """The armed side an attack struck: named right after its killing word, or before it as what
    suffered it ("two police officers were shot dead by gunmen"), with no civilians struck."""
    if any(x[0].start >= s.trigger.end for x in s.civilians):
        return None
    target = next((x for x in s.others if x[0].start >= s.trigger.end), None)
    if target is not None and _ARMED_TARGET_GAP.match(s.sentence_text(s.trigger.end, target[0].start)):
        return target
    if s.civilians:
        return None
    return next((x for x in s.others if x[0].end <= s.trigger.start and suffered(s, x)), None)


def attack_on_armed(s: RoleState) -> tuple[str, ...]:
    """Rule attack-on-armed-is-clash: an attack whose target is an armed or state side and no
    civilians are ("gunmen shot dead two police officers", "unidentified men assassinate YPG
    leader", "two soldiers were ambushed and killed") is a battle between the two."""
    if s.sub != S.ATTACK or _EXECUTION.search(s.trigger.text) or _armed_target(s) is None:
        return ()
    s.sub = s.out.sub_event_type = S.ARMED_CLASH
    return ("sub_event_type",)


#: The unarmed dead a toll may name ("5 civilians killed", "11 villagers were killed").
_PEOPLE_DEAD = re.compile(
    r"\b(?:civilians?|people|persons|residents|villagers|farmers|herders|children|women|passengers|"
    r"worshippers|traders|passers-by)\b",
    re.IGNORECASE,
)


def clash_on_people(roles: Roles, toll: str) -> bool:
    """Rule later-toll (``events.retelling``): a non-state side's clash whose opponent no words named,
    and whose toll, told in a later sentence, names unarmed people and no armed dead ("Dozo hunters
    attacked a Fulani camp. 5 civilians killed."), was an attack on them."""
    dead = _dead_named(toll)
    return (
        roles.sub_event_type == S.ARMED_CLASH
        and roles.actor2_inferred
        and roles.actor1.inter not in STATE_INTERS
        and _PEOPLE_DEAD.search(dead) is not None
        and _ARMED_DEAD.search(dead) is None
    )


#: Killing words that turn an abduction into an attack ("after shooting dead the vice-principal",
#: "bodies found two days after militants kidnapped them", "massacred troops taken hostage").
_KILLING = re.compile(
    r"\b(?:killed|killing|executed|massacred|beheaded|bodies|body|dead)\b",
    re.IGNORECASE,
)


def abduction_with_killing(s: RoleState) -> tuple[str, ...]:
    if s.sub != S.ABDUCTION or not (s.casualties or _KILLING.search(s.sentence_text(0, sys.maxsize))):
        return ()
    s.sub = s.out.sub_event_type = S.ATTACK
    return ("sub_event_type",)


def arrest_by_occupier(s: RoleState) -> tuple[str, ...]:
    actor1 = s.out.actor1
    if s.sub != S.ARRESTS or actor1 is None or actor1.inter != Inter.EXTERNAL_FORCES or not actor1.generic:
        return ()
    s.sub = s.out.sub_event_type = S.ABDUCTION
    return ("sub_event_type",)


#: People hurt in a looting or a destruction ("and beat a farmer who tried to stop them").
_HURT = re.compile(
    r"\b(?:beat|beaten|beating|assaulted|stabbed|shot|wounded|injured|injuring)\b", re.IGNORECASE
)


def looting_with_killing(s: RoleState) -> tuple[str, ...]:
    hurt = s.casualties or _HURT.search(s.sentence_text(0, sys.maxsize))
    if s.sub != S.LOOTING or not hurt:
        return ()
    s.sub = s.out.sub_event_type = S.ATTACK
    return ("sub_event_type",)


#: A toll of the dead (rule lethal-force-on-protest).
_DEATH = re.compile(r"\b(?:kill\w*|dead|died|dies|death)\b", re.IGNORECASE)
#: Protests a state's lethal force turns into excessive force (rule lethal-force-on-protest).
_UNARMED_PROTESTS = frozenset({S.PEACEFUL_PROTEST, S.PROTEST_WITH_INTERVENTION})


def lethal_force_on_protest(s: RoleState) -> tuple[str, ...]:
    """A peaceful protest, or one the state broke up, in whose sentence the state's forces are named
    and people were killed, met excessive force ("Police opened fire on students demonstrating
    outside the university, killing a student coordinator"); wounds alone may be the minor injuries
    of a protest broken up."""
    state = any(x[1].inter in STATE_INTERS for x in s.armed)
    killed = any(_DEATH.search(c) for c in s.casualties)
    if s.sub not in _UNARMED_PROTESTS or not state or not killed:
        return ()
    s.sub = s.out.sub_event_type = S.EXCESSIVE_FORCE
    return ("sub_event_type",)


def crowds_clash(s: RoleState) -> tuple[str, ...]:
    """Rule crowds-clash-is-mob: a clash whose sides are all unarmed groups of people ("farmers and
    herders clashed", "residents of two villages fought"), with no armed side named, is mob violence
    between rioters, not a battle with an unnamed army."""
    # one side per actor: "farmers and herders" are one side, Civilians, the only one named
    if s.sub != S.ARMED_CLASH or s.armed or not (s.civilians or s.protesters):
        return ()
    s.sub = s.out.sub_event_type = S.MOB_VIOLENCE
    rioters = s.role("rioters")
    s.out.actor1, s.out.actor2 = rioters, rioters
    s.out.actor1_inferred = s.out.actor2_inferred = False
    return ("sub_event_type", "actor1", "actor2")

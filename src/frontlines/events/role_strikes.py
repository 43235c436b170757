"""The role rules that say what a strike, a shell, a bomb or a downing hit (steps ``actor2`` and
``adjust`` of :data:`frontlines.events.role_rules.RULES`): civilians named, told as hurt or at a
civilian site; the craft shot down and whose it was.
"""

from __future__ import annotations

import re
import sys

from frontlines.events.role_decisions import A2, CIVILIAN_SITE, RoleState, actor2_is
from frontlines.model import EventType, SubEventType

S = SubEventType
#: How far after an explosion's trigger its target is read (characters).
CIVILIAN_SITE_REACH = 120


def civilians_hit(s: RoleState) -> tuple[str, ...]:
    hit = s.civilians and s.event_type == EventType.EXPLOSIONS
    return actor2_is(s, s.civilians[0]) if hit else ()


#: People told as hurt where no toll was read: "4 casualties in bombing", "the second citizen dies",
#: "a 15-year-old boy lost a leg", "all 7 aid workers inside were killed".
_PEOPLE_HURT = re.compile(
    r"\bcasualt(?:y|ies)\b|\b(?:citizens?|civilians?|child(?:ren)?|boys?|girls?|wom[ae]n|residents|passengers|"
    r"aid\s+workers|staffers|patients|students|worshippers|villagers|farmers|shepherds?)\b[^.;]{0,40}?"
    r"\b(?:di(?:es|ed)|dead|killed|wounded|injured|hurt|lost\s+(?:a|an|his|her|their)\s+(?:leg|arm|hand|eye))\b",
    re.IGNORECASE,
)


#: "without causing casualties", "no casualties were reported": nobody was hurt.
_NO_CASUALTIES = re.compile(r"\b(?:no|without|not|any)\b[^.;]{0,25}?\bcasualt", re.IGNORECASE)


def casualties_are_civilians(s: RoleState) -> tuple[str, ...]:
    if s.event_type != EventType.EXPLOSIONS:
        return ()
    if s.casualties:
        return actor2_is(s, None, "civilians")
    text = s.sentence_text(0, sys.maxsize)
    told = _PEOPLE_HURT.search(text) and not _NO_CASUALTIES.search(text)
    return actor2_is(s, None, "civilians") if told else ()


#: A civilian site told as what a strike hit, before the strike's words: "the hospital in Millis was
#: hit directly by two airstrikes".
_SITE_SUFFERED = re.compile(
    rf"{CIVILIAN_SITE.pattern}[^.;]{{0,40}}?\b(?:was|were|been)\s+(?:\w+ly\s+)?(?:hit|struck|targeted|bombed|"
    r"shelled|destroyed|damaged)\b[^.;]{0,20}$",
    re.IGNORECASE,
)


def civilian_site(s: RoleState) -> tuple[str, ...]:
    if s.event_type != EventType.EXPLOSIONS or s.after:
        return ()  # an armed side named after the trigger is its target
    start, end = s.trigger.start, s.trigger.end
    hit = CIVILIAN_SITE.search(s.sentence_text(end, end + CIVILIAN_SITE_REACH))
    hit = hit or _SITE_SUFFERED.search(s.sentence_text(max(0, start - CIVILIAN_SITE_REACH), start))
    return actor2_is(s, None, "civilians") if hit else ()


#: A craft or a weapon in an actor's words ("a Russian Sukhoi Su-25", "three Russian helicopters").
_CRAFT = re.compile(
    r"\b(?:aircraft|jets?|planes?|warplanes?|bombers?|fighters?|helicopters?|drones?|UAVs?|missiles?|rockets?)\b"
    r"|\b[A-Z][A-Za-z]*-?\d",
)
#: How far after a downing verb (characters) the side it downs may start: "shot down a Russian Il-76".
_OBJECT_GAP = 12
#: A passive between a craft and its verb ("was shot down", "were intercepted").
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\b")


def war_craft_owner(s: RoleState) -> tuple[str, ...]:
    """Rule downed-craft-of-the-war: a drone, missile or aircraft stopped where one state fires a
    war's strikes (``[[remote_attacker]]``) and whose owner no words name is that state's ("air
    defences downed six Shahed drones over Mykolaiv" in Ukraine: Russia's)."""
    out = s.out
    if s.sub != S.DISRUPTED_WEAPONS_USE or out.actor2 is not None:
        return ()
    if not _CRAFT.search(s.sentence_text(s.trigger.start, s.trigger.end + 80)):
        return ()
    attacker = s.attacker(S.AIR_DRONE_STRIKE)
    if attacker is None or attacker.name == out.actor1.name:
        return ()
    out.actor2, out.actor2_inferred = attacker, True
    return A2


def downed_craft(s: RoleState) -> tuple[str, ...]:
    side = s.perpetrator
    if s.sub != S.DISRUPTED_WEAPONS_USE or side is None or not _CRAFT.search(side[0].text):
        return ()
    craft, owner = side
    # "Ukrainian UAVs downed": the craft is in the trigger, and no object follows it ("a Ukrainian jet
    # shot down a Russian Il-76": the jet is the shooter)
    told_downed = craft.end > s.trigger.start and not any(
        m.start - s.trigger.end <= _OBJECT_GAP for m, _ in s.after
    )
    if (
        craft.start < s.trigger.start
        and not told_downed
        and not _PASSIVE.search(s.sentence_text(craft.end, s.trigger.start))
    ):
        return ()  # "Russian jets shot down a drone": the craft is the shooter
    out = s.out
    out.backing = [(f, m) for f, m in out.backing if not (f == "actor1" and m is craft)]
    agent = next((x for x in s.agents if x[1].name != owner.name), None)
    if agent is not None:
        out.actor1, out.actor1_inferred = agent[1], False
        out.backing.append(("actor1", agent[0]))
    else:
        home = s.role("military")
        defender = s.attacker(S.AIR_DRONE_STRIKE) if home.name == owner.name else home
        out.actor1, out.actor1_inferred = defender or s.role("unidentified"), True
    out.actor2, out.actor2_inferred = owner, False
    out.backing.append(("actor2", craft))
    return ("actor1", "actor2")

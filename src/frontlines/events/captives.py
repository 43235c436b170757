"""What a capture word takes: people and materiel (captives and booty, rule takes-captives) or a
position in a fight (rule position-taken), not a place changing hands (:mod:`frontlines.events.triggers`).
"""

from __future__ import annotations

import re

#: Materiel: booty of a battle when captured.
_MATERIEL = (
    r"(?:tanks|vehicles|carriers|APCs|weapons|arms|ammunition|equipment|guns|jets|missiles|rockets|caches?|"
    r"launchers|TOWs?|mortars|rifles)"
)
#: People and materiel: what a capture of them is (prisoners, booty), not a place changing hands.
_CAPTIVES = (
    r"(?:fighters|soldiers|troops|militants|rebels|insurgents|militiamen|members|men|women|children|marines|"
    r"man|woman|boys?|girls?|persons?|residents|villagers|students|workers|traders|farmers|herders|him|her|"
    r"gunmen|suspects?|leaders?|mastermind|boss(?:es)?|chiefs?|mayors?|governors?|officials?|ships?|vessels?|"
    r"civilians|people|others|prisoners|hostages|officers?|commanders?|pilots?|journalists?|personnel|"
    rf"defectors|conscripts|{_MATERIEL})"
)
#: "capturing dozens of others", "captured 15 soldiers", "confessions of captured fighters".
#: The words between may not start a phrase of their own ("captured by rebels": the agent).
_CAPTIVES_AFTER = re.compile(
    rf"^\s+(?:(?!(?:by|from|in|at|on|near|with|to|and|after|as|while)\b)[\w'’-]+\s+){{0,3}}?{_CAPTIVES}\b",
    re.IGNORECASE,
)
#: "captured at least 24 and executed them": a bare count is of people (places are counted with a noun).
_CAPTIVES_COUNT = re.compile(
    r"^\s+(?:at\s+least\s+|about\s+|around\s+|some\s+|nearly\s+|more\s+than\s+)?\d+\s*(?:[,.;:]|and\b|$)",
    re.IGNORECASE,
)
#: "eight tanks were also captured": people or materiel as the subject of a passive capture.
_CAPTIVES_PASSIVE = re.compile(
    rf"\b{_CAPTIVES}\s+(?:[\w'’-]+\s+){{0,2}}?(?:were|was|been|being)\s+(?:\w+\s+)?$", re.IGNORECASE
)
#: "25 others captured.", "160 soldiers captured at the air base": people or materiel just before a
#: capture that takes no object.
_CAPTIVES_BARE = re.compile(rf"\b{_CAPTIVES}\s+$", re.IGNORECASE)
_NO_OBJECT = re.compile(r"^(?:\s*(?:[.,;:)]|$)|\s+(?:at|in|during|near|by|from|while)\b)")
#: "TOW missiles captured from rebels": materiel (never the subject of a capture) before a participle.
_MATERIEL_TAKEN = re.compile(rf"\b{_MATERIEL}\s+$", re.IGNORECASE)
_FROM = re.compile(r"^\s+(?:from|by|during)\b", re.IGNORECASE)
#: The words of a capture that can take people or things as their object.
_CAPTURE_VERB = re.compile(r"^(?:(?:re)?captur|seiz|capture\s+of|seizure\s+of)", re.IGNORECASE)


#: Rule position-taken: "rebels seized eight checkpoints", "captured the town's police stations", "the
#: street was captured": positions and buildings taken in a fight are the battle's, not a place
#: changing hands (codebook: territory is a location's control; a base or a command headquarters
#: taken is, and stays territorial).
_POSITION = (
    r"(?:checkpoints?|police\s+stations?|streets?|blocks?|buildings?|(?:cement\s+)?plants?|factory|factories|"
    r"trenches|positions?)"
)
_POSITION_AFTER = re.compile(
    r"^\s+(?:(?:the|a|an|its|their|several|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+)?"
    rf"(?:(?!(?:and|of|in|near|from|by|to|on|at)\b)[\w'’-]+\s+){{0,3}}?{_POSITION}\b",
    re.IGNORECASE,
)
_POSITION_PASSIVE = re.compile(rf"\b{_POSITION}\b[^.;,]{{0,60}}?\b(?:was|were|been)\s+$", re.IGNORECASE)


def takes_position(text: str, start: int, end: int) -> bool:
    words = text[start:end]
    if not (_CAPTURE_VERB.match(words) or words.lower().startswith("took")):
        return False
    return bool(
        _POSITION_AFTER.match(text[end : end + 80])
        or _POSITION_PASSIVE.search(text[max(0, start - 90) : start])
    )


def takes_captives(text: str, start: int, end: int) -> bool:
    """Rule: a capture of people or materiel ("captured 15 soldiers", "tanks were captured") is booty
    of a battle or a detention, not a territorial change."""
    if not _CAPTURE_VERB.match(text[start:end]):
        return False
    before = text[max(0, start - 60) : start]
    return bool(
        _CAPTIVES_AFTER.match(text[end : end + 60])
        or _CAPTIVES_COUNT.match(text[end : end + 30])
        or _CAPTIVES_PASSIVE.search(before)
        or (_CAPTIVES_BARE.search(before) and _NO_OBJECT.match(text[end : end + 3]))
        or (_MATERIEL_TAKEN.search(before) and _FROM.match(text[end : end + 10]))
    )

"""Recognition-precision rules: names the matcher finds that are a person's name, a language or part
of an organisation's name here, not a place. Each rule has an id and examples (``RULES``); the
functions return the id of the rule that fired (the trace the resolver records) or None.

Person rules mark a name as a person's in the article; such a name then needs locative evidence at
some occurrence (resolver rule 2), so "Bryan Harman ... Harman said" drops every "Harman" while
"Tom Jones flew to Jones" keeps the town.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from frontlines.geo.persons import is_given_name
from frontlines.geo.wordlists import OPENING_WORDS


@dataclass(frozen=True, slots=True)
class PrecisionRule:
    """One recognition-precision rule: its id, what it says and texts it applies to."""

    id: str
    summary: str
    examples: tuple[str, ...]


RULES: tuple[PrecisionRule, ...] = (
    PrecisionRule(
        "full-name",
        "A name written right after a given name is a surname in the article, even when the given "
        "name is itself a town's (David, Bryan, Elizabeth, Margaret).",
        ("Bryan Harman, 28, died ... Harman's cell phone", "Executive Director Margaret Burley"),
    ),
    PrecisionRule(
        "resident-evidence",
        "A name before a word for its inhabitants ('residents', 'native', 'man', 'woman') is a place "
        "of residence: locative evidence for the name in the article.",
        ("about 55 Gainesville residents marched", "a 22-year-old Winona man", "Sarnia native"),
    ),
    PrecisionRule(
        "demonym-surname",
        "A nationality word after a given name or as the subject of a verb of speech is a surname "
        "(French, Finn, English), not a toponym.",
        ("Boulder City Police Chief Thomas Finn said", '"We cooperated completely," French said.'),
    ),
    PrecisionRule(
        "owner-no-evidence",
        "A name followed by a possessive or by 'family' names an owner: the preposition before it "
        "governs what follows, so it is no locative evidence for a name the article uses as a person's.",
        ("McCoy said of Jones' appointment", "Courtesy of the Flores family"),
    ),
    PrecisionRule(
        "no-bare-space-list",
        "Two names with only a space between them are no list: the second does not take the first's "
        "role, which would be locative evidence for a person's name.",
        ("Within his first year in Los Angeles Trapani produced ...",),
    ),
    PrecisionRule(
        "group-name",
        "A name inside a named armed group's name is part of that name, not a place, unless the "
        "gazetteer has it in the group's home country (where it names the group's base).",
        ("Boko Haram fighters raided a village", "Fano militia members", "Zaire militias fought"),
    ),
)
RULE_IDS = frozenset(rule.id for rule in RULES)

#: A capitalised word and one space right before a name: the word may be a given name.
_WORD_BEFORE = re.compile(r"(?:^|[\s(\"“‘'])([A-Z][a-z]+) $")


def full_name(left: str, surface: str) -> str | None:
    """Rule full-name: ``surface`` (one word) follows a given name in ``left`` (the sentence text
    before it): "full-name", else None. "In Youngstown" is no name: sentence-opening words are not
    given names here."""
    if " " in surface or "-" in surface:
        return None
    m = _WORD_BEFORE.search(left)
    if m is None:
        return None
    word = m.group(1)
    if word in OPENING_WORDS or not is_given_name(word):
        return None
    return "full-name"


#: Rule resident-evidence: a word for the people of a place after its name.
_RESIDENT_AFTER = re.compile(
    r"\s+(?:residents?|natives?|man|woman|men|women|teens?|teenager|boy|girl|couple|resident's)\b"
)


def resident_evidence(text: str, end: int) -> bool:
    """Rule resident-evidence: a word for inhabitants follows the name ending at ``end``."""
    return _RESIDENT_AFTER.match(text, end) is not None


#: Rule owner-no-evidence: a possessive or "family" after the name.
_OWNER_AFTER = re.compile(r"(?:['’]s?(?=\s+[a-z])|\s+family\b)")


def owner_no_evidence(text: str, end: int) -> bool:
    """Rule owner-no-evidence: the name ending at ``end`` is an owner ("Jones' appointment", "the
    Flores family"), so its preposition is no locative evidence."""
    return _OWNER_AFTER.match(text, end) is not None


#: Rule demonym-surname: a verb of speech right after the word.
_SPEECH_AFTER = re.compile(r"\s+(?:said|says|told|added|noted|explained|recalled|asked|wrote)\b")


def demonym_surname(left: str, text: str, end: int, surface: str) -> str | None:
    """Rule demonym-surname: the nationality word ``surface`` ending at ``end`` follows a given name
    in ``left`` or is followed by a verb of speech: "demonym-surname", else None."""
    if full_name(left, surface) or (not surface.endswith("s") and _SPEECH_AFTER.match(text, end)):
        return "demonym-surname"
    return None


def group_name_parts(
    matches: Sequence[tuple[int, int, str]],
    groups: Sequence[tuple[int, int, str | None]],
    in_country: Callable[[str, str], bool],
) -> set[tuple[int, int, str]]:
    """Rule group-name: the ``matches`` (start, end, surface) that lie inside one of ``groups`` (the
    spans of named groups' mentions with their home country) and that ``in_country(surface, home)``
    does not find in the group's home: "Haram" in "Boko Haram", "Fano" in "Fano militia". A group
    named after its base keeps its place: "Derna" in "Derna Protection Force"."""
    parts = set()
    for match in matches:
        start, end, surface = match
        home = next((g[2] for g in groups if g[0] <= start and end <= g[1]), "")
        if home != "" and (home is None or not in_country(surface, home)):
            parts.add(match)
    return parts

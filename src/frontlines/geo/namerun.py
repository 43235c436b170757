"""Rule unknown-name-run: a matched name that is one word of a longer capitalised name written
right before a parenthesised admin, as event descriptions name places ("Gida Kiremu (East Welega)",
"Ain Zara (Tripoli)"), is part of that longer name, not a place of its own.

The matcher takes the longest name the gazetteer knows, so a match shorter than the run means the
gazetteer lacks the run: its first or last word is then only a namesake ("Gida" is an alias of
Jeddah, "Zara" of Zadar). Dropping it leaves the admin in the parentheses to locate the event, in
the right country, at that admin's precision. A unit or facility word after the name ("Bokkos LGA
(Plateau)", "Aleppo Airport (Aleppo)") keeps it a place; a date or a sentence-opening word before
it ("On Kpendjal (Savanes)") is no part of the name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from frontlines.geo import scoring
from frontlines.geo.context import DIRECTIONS, FACILITIES, PLACE_SUFFIXES, TIME_WORDS
from frontlines.geo.items import Item
from frontlines.geo.names import is_common_word
from frontlines.geo.nonplaces import PrecisionRule
from frontlines.geo.wordlists import OPENING_WORDS

RULE = PrecisionRule(
    "unknown-name-run",
    "A name followed or preceded by other capitalised words of the same name, the whole written right "
    "before a parenthesised place ('Town (Admin)'), is a word of a longer name the gazetteer lacks: not "
    "a place of its own; the parenthesised admin locates the event.",
    (
        "near Gida Kiremu (East Welega)",
        "exploded in Ain Zara (Tripoli)",
        "retook the Jebel Moya area (Sennar)",
    ),
)
GENERIC_HEAD = PrecisionRule(
    "generic-head",
    "A generic word that heads Arabic and African place names ('Ain' spring, 'Bir' well, 'Jebel' "
    "mountain, 'Tal' hill, 'Kafr' village, 'Wadi' valley, 'Gida') written with a capitalised word "
    "after it, or such a word before the match, is part of one longer name: never the namesake of one "
    "of its words abroad ('Gida' is an alias of Jeddah, 'Zara' of Zadar).",
    ("villagers of Kaya in eastern Jebel Marra", "a mine exploded in Ain Zara, south of Tripoli"),
)
PARENTHESISED_ADMIN = PrecisionRule(
    "parenthesised-admin",
    "A unit named like an English word ('Unity', 'Plateau', 'Lakes') in a coder's parentheses right "
    "after a place it holds is locative evidence for itself (resolver rule 2), as 'Reading, Pa.' is.",
    ("during operations in Leer county (Unity)", "attacked villages in Bokkos LGA (Plateau)"),
)
#: Texts where rule parenthesised-admin must not fire: the unit holds none of the place's candidates.
PARENTHESISED_ADMIN_NEGATIVES = ("a protest in Berlin (Unity) on Monday",)
#: Kinds of place a coder's parentheses name as the holder of the place before them.
_ADMIN_KINDS = frozenset({"admin1", "admin2", "admin3"})


def parenthesised_admin(item: Item, items: Sequence[Item], text: str) -> bool:
    """Rule parenthesised-admin: ``item`` is the container, named in parentheses, of a place before
    it, and one of its units holds one of that place's candidates."""
    return any(
        other.container is item
        and "(" in text[other.span.end : item.span.start]
        and any(
            unit.kind in _ADMIN_KINDS and any(scoring.contains(unit, p) for p in other.candidates)
            for unit in item.candidates
        )
        for other in items
    )


#: Texts where rule generic-head must not fire.
GENERIC_HEAD_NEGATIVES = ("shelling near Wadi al-Sir", "the Ain department of France", "clashes in Tal Afar")
#: The generic heads (rule generic-head), as written in news and coders' notes.
GENERIC_HEADS = frozenset(
    {
        "Ain", "Ayn", "Bir", "Jebel", "Jabal", "Djebel", "Tal", "Tall", "Tell", "Kafr", "Kfar", "Wadi",
        "Deir", "Dayr", "Khirbet", "Khirbat", "Qasr", "Gida", "Khor",
    }
)  # fmt: skip
#: A capitalised word (a name's, not an acronym) right after the match.
NAME_WORD_AFTER = re.compile(r"[ -]([A-Z][a-z'’][\w'’]*)")
#: Texts where rule unknown-name-run must not fire: a unit or facility word, or no parentheses.
NEGATIVE_EXAMPLES = (
    "attacked several villages in Bokkos LGA (Plateau)",
    "shelled the Aleppo International Airport (Aleppo)",
    "exploded in Tripoli (Libya)",
    "fighting near Gida Kiremu on Monday",
    "On Monday Nyala (South Darfur) was shelled",
    "according to the Alexandria City Public Schools (ACPS) website",
)
#: Words that can neither continue a name nor belong to it: units, facilities, dates, directions.
NOT_NAME_WORDS = PLACE_SUFFIXES | FACILITIES | TIME_WORDS | OPENING_WORDS
#: Arabic articles written apart ("Al Fasher"): the matcher may know the name without them.
_ARTICLES = frozenset({"Al", "El", "Ad", "Ar", "As", "Ash", "At", "Az", "An", "Ed", "Er", "Es", "Ez"})
#: A lower-case word for the kind of place between a name and its parentheses ("Moya area (Sennar)").
_KIND = r"(?:[ \t]+(?:area|village|town|city|locality|district|island|camp|neighbou?rhood|township))?"
#: One to three capitalised words (not acronyms: "LGA") after the match, maybe a kind, then an
#: opening parenthesis and a capitalised word: an admin's name, not an acronym ("the Alexandria City
#: Public Schools (ACPS)" spells out an organisation's initials).
_RUN_AFTER = re.compile(rf"((?:[ -][A-Z][a-z'’][\w'’]*){{1,3}}){_KIND}[ \t]*\((?=[A-Z][a-z])")
#: A capitalised word (not all capitals: "RSF", "SAF" are groups) right before the match ...
_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\"“‘]))([A-Z][a-z][\w'’]*)[ -]$")
#: ... and an opening parenthesis with a capitalised word (not an acronym) right after it.
_PAREN_AFTER = re.compile(rf"{_KIND}[ \t]*\((?=[A-Z][a-z])")


def _name_words(words: list[str]) -> bool:
    """Whether the words after a match may continue a place's name (none is a unit, a facility, a
    date, a direction or an opening word)."""
    return not any(w in NOT_NAME_WORDS or w in DIRECTIONS for w in words)


def generic_head(text: str, start: int, end: int, left: str) -> str | None:
    """Rule generic-head: "generic-head" when the match at ``start``-``end`` (``left``: its sentence
    before it) is a generic head with a name word after it ("Jebel Marra"), or a word after one
    ("Ain Zara"), else None. The matcher takes the longest name it knows, so the whole is unknown."""
    if text[start:end] in GENERIC_HEADS:
        after = NAME_WORD_AFTER.match(text, end)
        if after is not None and _name_words([after.group(1)]):
            return GENERIC_HEAD.id
        return None
    before = _WORD_BEFORE.search(left)
    return GENERIC_HEAD.id if before is not None and before.group(1) in GENERIC_HEADS else None


def unknown_name_run(text: str, start: int, end: int, left: str) -> str | None:
    """Rule unknown-name-run: "unknown-name-run" when the match at ``start``-``end`` (``left``: its
    sentence before it) is the first or last word of a longer capitalised name written right before
    a parenthesised place, else None."""
    after = _RUN_AFTER.match(text, end)
    if after is not None and _name_words(after.group(1).replace("-", " ").split()):
        return RULE.id
    if _PAREN_AFTER.match(text, end) is None:
        return None
    before = _WORD_BEFORE.search(left)
    if before is None:
        return None
    word = before.group(1)
    if word in NOT_NAME_WORDS or word in DIRECTIONS or word in _ARTICLES:
        return None
    initial = not left[: before.start(1)].strip(" \"'“‘(")
    if initial and is_common_word(word):
        return None  # "Near Kpendjal (Savanes)": a sentence-opening word, not part of the name
    return RULE.id

"""Count phrases: how many people a phrase of a casualty report stands for.

:func:`find_counts` finds count phrases ("at least 70", "twelve", "two dozen", "dozens") in a stretch
of text, without the numbers that are not counts; :func:`parse_count` reads one. Linking them to
"killed" or "wounded" is :mod:`frontlines.mentions.numbers`.

Rules chosen where the codebook is silent:

- Vague words (:data:`VAGUE`): "a few", "several", "a handful" -> 3; "many", "numerous" -> 10;
  "dozens", "scores" -> 12 (a score is 20, but ACLED reads "scores" like "dozens"); "tens" -> 10;
  "hundreds" -> 100; "thousands" -> 1000. "By scale" means a vague word multiplies what follows:
  "several hundred" 300, "a few dozen" 36, "hundreds of thousands" 100,000.
- Bounds: "at least 70", "more than 20", "nearly 70", "up to 15" all code the number written
  (ACLED codes what is reported; "up to" is a ceiling, but coding less would invent a figure);
  ranges "between 10 and 15", "10-15", "two or three" code the lowest.
- Never counts: years (a bare 1900-2099 without a qualifier or a people noun), clock times (0914,
  10:30), ages ("a 12-year-old", "aged 12"), money, percentages, distances and other units,
  dates ("5 March"), ordinals, model names ("F-16"), resolutions and other numbered things.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from frontlines.time.calendar import MONTH_NAMES

#: Vague words and the count coded for each (see the module docstring).
VAGUE: dict[str, int] = {
    "a few": 3,
    "several": 3,
    "a handful": 3,
    "handful": 3,
    "a couple": 2,
    "a couple of": 2,
    "many": 10,
    "numerous": 10,
    "tens": 10,
    "dozens": 12,
    "scores": 12,
    "a dozen": 12,
    "dozen": 12,
    "half a dozen": 6,
    "hundreds": 100,
    "thousands": 1000,
    "millions": 1_000_000,
    "half a million": 500_000,
    "a quarter of a million": 250_000,
    "a quarter million": 250_000,
}
#: Words that multiply the number before them ("two dozen", "several hundred", "tens of thousands").
MULTIPLIERS: dict[str, int] = {
    "dozen": 12,
    "dozens": 12,
    "score": 20,
    "scores": 20,
    "hundred": 100,
    "hundreds": 100,
    "thousand": 1000,
    "thousands": 1000,
    "million": 1_000_000,
    "millions": 1_000_000,
}
#: Words before a number that do not change the count coded ("at least 70" -> 70).
QUALIFIERS = (
    "no fewer than",
    "no less than",
    "a minimum of",
    "a maximum of",
    "at least",
    "at most",
    "more than",
    "fewer than",
    "less than",
    "just over",
    "just under",
    "well over",
    "as many as",
    "up to",
    "an estimated",
    "close to",
    "upwards of",
    "a total of",
    "a family of",
    "a further",
    "an additional",
    "over",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "estimated",
    "another",
)
_W = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    "|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand"
    "|million"
)
_W_FIRST = _W.removesuffix("|hundred|thousand|million")  # "million" alone is no count
_WORDS = (
    rf"(?:a\s+(?:hundred|thousand)|(?:{_W_FIRST}))\b(?:(?:\s+|-)(?:{_W})\b"
    rf"|(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+(?:{_W})\b)*"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:hundred|thousand|million)\b)?"
_VBASE = r"(?:several|a\s+few|many|numerous|a\s+couple\s+of)"
_VAGUE = (
    r"(?:(?:tens|dozens|scores|hundreds|thousands)\s+of\s+(?:thousands|millions)"
    rf"|{_VBASE}\s+(?:dozens?|hundreds?|thousands?)|(?:\d{{1,2}}|{_W_FIRST})\s+dozens?"
    r"|(?:half\s+a|a\s+quarter\s+(?:of\s+a\s+)?)\s*million|half\s+a\s+dozen|a\s+dozen|a\s+handful"
    r"|a\s+couple(?:\s+of)?|a\s+few|dozens|scores|tens|hundreds|thousands|several|many|numerous)\b"
)
_ONE = rf"(?:{_VAGUE}|{_DIGITS}|{_WORDS})"
_QUAL = "|".join(q.replace(" ", r"\s+") for q in QUALIFIERS)
_MONTH = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
)
_UNIT = (
    r"(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|km|kms|kilomet(?:er|re)s?"
    r"|miles?|met(?:er|re)s?|m|cm|mm|kg|kilos?|kilograms?|tons?|tonnes?|percent|per\s*cent|dollars?"
    r"|euros?|pounds?|liras?|lire|rubles?|roubles?|riyals?|dinars?|dirhams?|usd|eur|gbp|syp|bn|billion"
    r"|[ap]\.?m\b\.?|gmt|utc|o'clock|times|fold|storeys?|stor(?:y|ies)|floors?|sq|square|acres?"
    r"|hectares?|degrees?|calibre|caliber|st|nd|rd|th)\b"
)
#: A count phrase: optional qualifiers, then one number, a range, or "between X and Y".
COUNT = re.compile(
    rf"(?<![$£€#./,:-])\b(?:(?:{_QUAL})\s+){{0,2}}(?:between\s+{_ONE}\s+and\s+{_ONE}"
    rf"|{_ONE}(?:\s*(?:-|–|to|or)\s*{_ONE})?)(?![\w%/-])(?![,.:]\d)"
    rf"(?!\s*-?\s*{_UNIT})(?!\s*%)(?!\s+(?:of\s+)?{_MONTH})",
    re.IGNORECASE,
)


def first_letter_alternation(words: Sequence[str]) -> str:
    """``\\b`` and the words grouped by first letter: a character class first lets ``re`` skip fast."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        by_first.setdefault(word[0], []).append(word[1:])
    groups = (f"[{c}{c.upper()}](?i:{'|'.join(rests)})" for c, rests in sorted(by_first.items()))
    return r"\b(?:" + "|".join(groups) + ")"


#: Every count contains a run of digits or one of these words; COUNT is tried only just before them.
COUNT_ANCHORS = re.compile(
    r"\d+|"
    + first_letter_alternation(
        [
            *_W.split("|"),
            "dozen",
            "score",
            "tens",
            "hundreds",
            "thousands",
            "several",
            "few",
            "many",
            "numerous",
            "handful",
            "couple",
        ]
    )
)
#: How far before its first anchor a count may start ("no fewer than a total of 12").
COUNT_REACH = 40
_WORD_START = re.compile(r"\b\w")
_WORD = re.compile(r"\w+")
#: Words a count can start with before its first anchor: qualifiers' first words, "between", "a dozen".
_COUNT_OPENERS = frozenset({q.split()[0] for q in QUALIFIERS} | {"between", "a", "an", "half"})
#: The word before a number that makes it a label, not a count ("Resolution 2254", "aged 12", "Wed 05").
_LABEL_BEFORE = (
    frozenset(
        """
aged age ages resolution article chapter page route highway flight number no division brigade
regiment battalion corps room building platform phase level paragraph section clause item point gate
road street channel station km usd us year years minus plus x vs version model group mon tue tues
wed thu thur thurs fri sat sun
""".split()  # noqa: SIM905 - a word list reads best as words
    )
    | {m for name in MONTH_NAMES for m in (name, name[:3])}
    | {"sept"}
)
#: Nouns that make a bare 1900-2099 a count, not a year ("2000 people"), unless a preposition precedes.
PEOPLE = frozenset(
    {
        "people",
        "persons",
        "civilians",
        "soldiers",
        "fighters",
        "troops",
        "militants",
        "rebels",
        "children",
        "women",
        "men",
        "residents",
        "dead",
        "killed",
        "wounded",
        "injured",
        "members",
        "jihadists",
        "refugees",
        "protesters",
    }
)
_PREPOSITIONS = frozenset(
    {
        "in",
        "since",
        "of",
        "from",
        "until",
        "till",
        "by",
        "during",
        "before",
        "after",
        "to",
        "through",
        "throughout",
    }
)
#: Words that open a part of a count already given ("15 civilians including 4 children").
SUBSET = ("including", "among them", "among whom", "of whom", "of them", "mostly", "mainly", "among")
_NEXT_WORD = re.compile(r"\W*(\w+)")
SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Count:
    """A count phrase in a text: its span, how many people it stands for, and whether it is a part
    of a count told before it ("including 4 children")."""

    start: int
    end: int
    value: int
    subset: bool
    victim: bool = False  # one person named by role ("a woman"), not a number


#: Leading qualifiers of a lowercase, single-spaced count phrase.
_QUALIFIER_PREFIX = re.compile(rf"^(?:(?:{'|'.join(QUALIFIERS)}) )+")


@lru_cache(maxsize=4096)
def parse_count(phrase: str) -> int | None:
    """The number of people a count phrase stands for, or None if it is not a count.

    "12" -> 12, "1,200" -> 1200, "twelve" -> 12, "two dozen" -> 24, "dozens" -> 12, "at least 70"
    -> 70, "more than 20" -> 20, "up to 15" -> 15, "between 10 and 15" -> 10 (ACLED: the lowest),
    "several hundred" -> 300. Number words are read with text2num.
    """
    text = _QUALIFIER_PREFIX.sub("", SPACE.sub(" ", phrase.strip().lower()))
    between = re.fullmatch(r"between (.+?) and (.+)", text)
    if between:
        return _min_count(between.group(1), between.group(2))
    ranged = re.fullmatch(r"([\d,.]+) ?[-–] ?([\d,.]+)|(.+?) (?:to|or) (.+)", text)
    if ranged:
        parts = [p for p in ranged.groups() if p is not None]
        return _min_count(parts[0], parts[1])
    return _single(text)


def _min_count(first: str, second: str) -> int | None:
    low, high = _single(first), _single(second)
    return None if low is None or high is None else min(low, high)


def _single(text: str) -> int | None:
    if text in VAGUE:
        return VAGUE[text]
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", text):
        return int(text.replace(",", "")) if text == "0" or not text.startswith("0") else None
    scaled = re.fullmatch(r"(\d+(?:\.\d+)?) (hundred|thousand|million)", text)
    if scaled:
        return round(float(scaled.group(1)) * MULTIPLIERS[scaled.group(2)])
    of = re.fullmatch(r"(tens|dozens|scores|hundreds|thousands) of (thousands|millions)", text)
    if of:
        return VAGUE[of.group(1)] * MULTIPLIERS[of.group(2)]
    multiplied = re.fullmatch(r"(.+) (dozens?|hundreds?|thousands?)", text)
    if multiplied and multiplied.group(1) in VAGUE:
        return VAGUE[multiplied.group(1)] * MULTIPLIERS[multiplied.group(2)]
    if multiplied and multiplied.group(2).startswith("dozen"):
        base = _words(multiplied.group(1))
        return base * 12 if base else None
    return _words(text)


def _words(text: str) -> int | None:
    """Number words ("twenty-nine", "a hundred and twenty") through text2num; None if not a number."""
    text = re.sub(r"^(?:a|an) (?=hundred|thousand|million)", "one ", text)
    if text.isdigit():
        return int(text)
    try:
        return int(text2num(text, "en"))
    except ValueError:
        return None


def count_matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches ``COUNT.finditer(text, start, end)`` gives, trying only word starts near an anchor."""
    last_end = start
    for anchor in COUNT_ANCHORS.finditer(text, start, end):
        if anchor.start() < last_end:
            continue
        low = max(last_end, anchor.start() - COUNT_REACH)
        for word in _WORD_START.finditer(text, low, anchor.start() + 1):
            opener = _WORD.match(text, word.start())
            if word.start() != anchor.start() and opener and opener.group(0).lower() not in _COUNT_OPENERS:
                continue
            m = COUNT.match(text, word.start(), end)
            if m is not None and m.end() > anchor.start():
                last_end = m.end()
                yield m
                break


def find_counts(text: str, start: int, end: int) -> list[Count]:
    """Count phrases in ``text[start:end]``, without years, labels and other non-counts."""
    found: list[Count] = []
    for m in count_matches(text, start, end):
        phrase = m.group(0)
        words_before = text[max(start, m.start() - 30) : m.start()].split()
        last = words_before[-1] if words_before else ""
        # a clause break after the word ends any label: "near Thawra Street; 6 people were killed"
        previous = "" if last.endswith((",", ";", ":", ")")) else last.lower().strip(".\"'(")
        if previous in _LABEL_BEFORE or previous.startswith(("$", "£", "€")):
            continue
        core = _QUALIFIER_PREFIX.sub("", SPACE.sub(" ", phrase.lower()))
        if re.fullmatch(r"(?:19|20)\d\d", core) and core == phrase.lower():
            after = _NEXT_WORD.match(text, m.end())
            if previous in _PREPOSITIONS or not (after and after.group(1).lower() in PEOPLE):
                continue  # a year: "in 2011", "since 2011"
        if core == "many" and previous in ("as", "how", "too"):
            continue  # "as many people are in critical condition"
        if core in ("one", "a", "an") and text[m.end() : m.end() + 4].lower() in (" of ", " ano"):
            continue  # "one of them", "one another"
        value = parse_count(phrase)
        if value is None:
            continue
        subset = " ".join(words_before[-2:]).lower().endswith(SUBSET)
        found.append(Count(m.start(), m.end(), value, subset))
    return found

"""Case-insensitive patterns answered on lowered text give the answers of the patterns themselves."""

from __future__ import annotations

import random
import re

import pytest

from frontlines.events.nonevents import RULES
from frontlines.folded_regex import (
    ASCII_KIN,
    LOWER,
    FoldedPattern,
    ascii_lower,
    first_chars,
    foldable,
    lowered,
)


def test_folded_regex_ascii_kin_are_all_the_characters_ignorecase_takes_for_ascii_letters() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    kin = [chr(c) for c in range(0x80, 0x110000) if letter.fullmatch(chr(c))]
    assert kin == ["\u0130", "\u0131", "\u017f", "\u212a"]
    assert all(ASCII_KIN.fullmatch(c) for c in kin)


@pytest.mark.parametrize(
    "source",
    [
        r"\bfoo\S+",  # \S lowered is \s
        r"\x41bc",  # spells a capital
        r"(\w)\1",  # a backreference (a digit escape)
        r"(?-i:Abc)",  # an inline flag
        r"(?P<name>abc)",  # a named group
        r"[A-z]+",  # a range over both cases and punctuation
        r"[!-Z]",  # letters and other characters
        "café",  # not ASCII
    ],
)
def test_folded_regex_refuses_patterns_lowering_would_change(source: str) -> None:
    pattern = re.compile(source, re.IGNORECASE)
    assert not foldable(pattern)
    assert FoldedPattern(pattern).folded is None


def test_folded_regex_refuses_case_sensitive_patterns() -> None:
    assert not foldable(re.compile(r"\bFoo\b"))


def test_folded_regex_folds_the_non_event_rules() -> None:
    assert all(FoldedPattern(r.pattern).folded is not None for r in RULES)
    assert all(FoldedPattern(r.unless).folded is not None for r in RULES)


def test_folded_regex_folds_the_sentence_and_article_patterns() -> None:
    """The habitual and background rules and the unverified disclaimer are searched folded (speed)."""
    from frontlines.events import sentence_decisions, sources
    from frontlines.time import background

    for pattern in (sentence_decisions._HABITUAL, sources._UNVERIFIED, background._BACKGROUND_FOLDED):
        assert pattern.folded is not None


def test_folded_regex_lowered_keeps_offsets_and_refuses_ascii_kin() -> None:
    assert lowered("Rebels SHELLED Aleppo’s east") == "rebels shelled aleppo’s east"
    assert lowered("\u212aill") is None  # a Kelvin sign matches "k" case-insensitively
    assert lowered("İdlib") is None


SOURCES = [
    r"\b(?:earthquakes?|(?<!flood\s)fighting|gas\s+(?:leak|cylinder)|[A-Z]{2,}\d?)\b",
    r"\b(?:shell(?:s|ed|ing)|IED|set\s+(?:[\w-]+\s+){1,4}on\s+fire)\b",
    r"[a-f]+k[^a-z\s]",
    r"\bski\b|stra(?=sse)",
]
ALPHABET = "aAbBcCdDeEfFkKsSiIlLnNgGqQ \u212a\u017f\u0130\u0131é É’-_1.,"


@pytest.mark.parametrize("source", SOURCES)
def test_folded_regex_answers_as_the_pattern_on_random_text(source: str) -> None:
    pattern = re.compile(source, re.IGNORECASE)
    folded = FoldedPattern(pattern)
    assert folded.folded is not None
    rng = random.Random(7)
    words = ["earthquake", "Fighting", "flood fighting", "GAS  Leak", "IED", "shelling"]
    words += ["set the car on FIRE", "stra\u017fse"]
    texts = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    texts += [" ".join(rng.choice(words + texts[:50]) for _ in range(4)) for _ in range(3000)]
    for text in texts:
        assert folded.found(text, lowered(text)) == (pattern.search(text) is not None), text


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("abc", "a"),
        ("(?:a|b)c", "ab"),
        ("a?b", "ab"),
        ("(?:a?)?c", "ac"),
        ("(?:ab|c*)d", "acd"),
        ("[x-z]q", "xyz"),
        ("(?<!x)(?=y)ab", "a"),  # assertions are looked past
        (r"\wq", None),  # a class: unknown
        ("(?:x*)", None),  # may match nothing
        ("a|", None),
        ("(?i:a)b", None),  # either case
    ],
)
def test_first_chars(source: str, expected: str | None) -> None:
    found = first_chars(source)
    assert (None if found is None else "".join(sorted(found))) == expected


@pytest.mark.parametrize("source", [r"(?:ab?|c+d)?(?:e|f*g)h", r"x{0,2}(?:y|z?)w", r"(?=q)(?:qu|[r-t]{2})"])
def test_first_chars_holds_the_first_character_of_every_match(source: str) -> None:
    pattern, firsts = re.compile(source), first_chars(source)
    assert firsts is not None
    rng = random.Random(11)
    for _ in range(5000):
        text = "".join(rng.choice("abcdefghqrstuwxyz") for _ in range(rng.randint(1, 8)))
        m = pattern.match(text)
        if m is not None:
            assert m.end() > 0 and text[0] in firsts, text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Al-Bab, ALEPPO",
        "Ünïcödé Żółć “Quoted” – İstanbul ſ K",
        "lone \udc80 surrogate ABC",
        "\U0001f600 XY",
    ],
)
def test_folded_regex_ascii_lower_lowers_only_ascii_capitals(text: str) -> None:
    assert ascii_lower(text) == text.translate(LOWER)

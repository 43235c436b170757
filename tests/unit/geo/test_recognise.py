"""Toponym candidates found without the gazetteer's help: counties named without "County"."""

from __future__ import annotations

import re

import pytest

from frontlines.geo.recognise import (
    _alternation,
    abbreviation_spans,
    county_spans,
    find_spans,
    town_state_spans,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Girls from Cooke, Grayson and Love counties will compete.",
         [("Cooke", "Cooke County"), ("Grayson", "Grayson County"), ("Love", "Love County")]),
        ("Residents of Clark, Preble or Warren counties may apply.",
         [("Clark", "Clark County"), ("Preble", "Preble County"), ("Warren", "Warren County")]),
        ("The Otter Tail and Becker counties were hit.",
         [("Otter Tail", "Otter Tail County"), ("Becker", "Becker County")]),
        ("Rapides and Avoyelles parishes closed schools.",
         [("Rapides", "Rapides Parish"), ("Avoyelles", "Avoyelles Parish")]),
        ("He was held in the Platte Co. jail.", [("Platte Co.", "Platte County")]),
        ("PLATTE CO. - A man was arrested.", [("PLATTE CO.", "Platte County")]),
        ("Several counties reported flooding.", []),
        ("Douglas said the counties would pay.", []),
    ],
)  # fmt: skip
def test_recognise_counties_without_the_word_county(text: str, expected: list[tuple[str, str]]) -> None:
    spans = county_spans(text)
    assert [(s.surface, s.query) for s in spans] == expected
    assert all(text[s.start : s.end] == s.surface and s.kinds == {"admin2"} for s in spans)


def test_recognise_county_span_wins_over_the_town_of_its_name() -> None:
    text = "Douglas and Wyandotte counties improved."
    spans = find_spans(text, [(0, 7, "Douglas")])
    assert [(s.surface, s.source) for s in spans] == [("Douglas", "county"), ("Wyandotte", "county")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Missing Ill. man found in stolen car.", [("Ill.", "Illinois")]),
        ("3 Ind. fugitives transferred to another Neb. jail.", [("Ind.", "Indiana"), ("Neb.", "Nebraska")]),
        ("Gainesville, Ga. officials met.", [("Ga.", "Georgia")]),  # after "Town, ": found once
        ("She went to Mass. Then she left.", []),  # a word that ends a sentence
        ("Miss. jones sang.", []),  # a title
        ("He was ill. man, what a day.", []),  # not the abbreviation's case
    ],
)  # fmt: skip
def test_recognise_an_abbreviated_state_before_a_lower_case_word(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """An ambiguous state abbreviation with its period, followed by a word in lower case, is a state
    used as an adjective ("Ill. man", "Mass. legislators")."""
    spans = sorted(abbreviation_spans(text), key=lambda s: s.start)
    assert [(s.surface, s.query) for s in spans] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He was held in Beaver, West Virginia, on Friday.", [("Beaver", "Beaver")]),
        ("HURRICANE, W.Va. - Two teenagers were found.", [("HURRICANE", "Hurricane")]),
        ("He moved to Austin, Texas.", []),  # no word: the matcher finds it
        ("However, Texas disagreed.", []),  # an opening word
    ],
)  # fmt: skip
def test_recognise_a_town_named_like_a_word_before_its_state(
    text: str, expected: list[tuple[str, str]]
) -> None:
    spans = town_state_spans(text)
    assert [(s.surface, s.query) for s in spans] == expected
    assert all(s.kinds == {"city"} for s in spans)


def test_recognise_alternation_grouped_finds_what_the_plain_one_does() -> None:
    """The grouped alternation, with its look-behind after the first character, is a speed-up only."""
    words = ["Ala.", "Alta.", "Ark.", "AR", "N.Y.", "N.Y.C.", "NY", "Va.", "W.Va."]
    text = "Ala. Alta.x, N.Y.C. NY.NY N.Y.C W.Va. Va. AR-15 .Va. xAR\nArk. Ark.\tVa."
    plain = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    for before in ("", r"[\w.]", r"[\w.-]"):
        fast = re.compile("(?:" + _alternation(words, not_after=before) + r")(?![\w])")
        slow = re.compile((f"(?<!{before})" if before else "") + f"(?:{plain})(?![\\w])")
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]

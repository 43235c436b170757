"""Toponym candidates found without the gazetteer's help: counties named without "County"."""

from __future__ import annotations

import pytest

from frontlines.geo.recognise import county_spans, find_spans


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

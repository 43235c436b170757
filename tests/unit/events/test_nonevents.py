"""The non-event rules: every example each rule carries runs as a test."""

from __future__ import annotations

import pytest

from frontlines.events.nonevents import _ANY_PATTERN, RULES, non_event
from frontlines.folded_regex import lowered

DROPS = [
    pytest.param(rule, text, id=f"{rule.id}-drops-{i}") for rule in RULES for i, text in enumerate(rule.drops)
]
KEEPS = [
    pytest.param(rule, text, id=f"{rule.id}-keeps-{i}") for rule in RULES for i, text in enumerate(rule.keeps)
]


@pytest.mark.parametrize("rule, text", DROPS)
def test_nonevents_rule_drops_its_examples(rule: object, text: str) -> None:
    assert non_event(text) is rule


@pytest.mark.parametrize("rule, text", KEEPS)
def test_nonevents_rule_keeps_its_counter_examples(rule: object, text: str) -> None:
    assert non_event(text) is None


def test_nonevents_switched_off_rule_drops_nothing() -> None:
    text = RULES[0].drops[0]
    assert non_event(text, frozenset({RULES[0].id})) is not RULES[0]


def test_nonevents_every_rule_has_an_id_a_codebook_reason_and_examples() -> None:
    assert len({r.id for r in RULES}) == len(RULES)
    assert all(r.codebook and r.drops and r.keeps for r in RULES)


def test_the_one_search_finds_every_sentence_a_rule_pattern_matches() -> None:
    assert _ANY_PATTERN is not None
    examples = [s for rule in RULES for s in (*rule.drops, *rule.keeps)]
    examples += [s.upper() for s in examples] + ["Rebels shelled the town.", "A quiet day in the city."]
    for sentence in examples:
        low = lowered(sentence)
        assert low is not None
        if any(rule.pattern.search(sentence) for rule in RULES):
            assert _ANY_PATTERN.search(low) is not None, sentence

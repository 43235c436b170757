"""The role rules (events/role_rules.py): every example each rule carries runs through the whole default
pipeline; in each of ``fires`` the rule sets one of its event's actors or fields, in ``misses`` none."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.events.explain import explain
from frontlines.events.role_rules import RULE_IDS, RULES, RoleRule
from helpers import rule_examples, run_article

PUBLISHED = dt.date(2016, 5, 9)
#: Examples the classifier decides before the rule (see helpers.model_decides).
MODEL_DECIDES = {"attack-on-civilians-not-clash-fires-0"}
FIRES, MISSES = rule_examples(RULES, MODEL_DECIDES)


def rules_of(text: str, resources, settings) -> list[set[str]]:
    """Per event of ``text``, the ids of the role rules that set its fields."""
    doc = run_article(text, resources, settings, PUBLISHED)
    assert doc.events, text
    return [{rule for _, rule in event.role_rules} for event in doc.events]


@pytest.mark.parametrize(("rule", "text"), FIRES)
def test_role_rules_rule_fires_on_its_examples(rule: RoleRule, text: str, resources, settings) -> None:
    assert any(rule.id in ids for ids in rules_of(text, resources, settings))


@pytest.mark.parametrize(("rule", "text"), MISSES)
def test_role_rules_rule_misses_its_counter_examples(rule: RoleRule, text: str, resources, settings) -> None:
    assert all(rule.id not in ids for ids in rules_of(text, resources, settings))


def test_role_rules_ids_are_unique_kebab_case_with_a_codebook_rule_and_an_example() -> None:
    assert len(RULE_IDS) == len(RULES)
    for rule in RULES:
        assert rule.id == rule.id.lower() and " " not in rule.id and "_" not in rule.id
        assert rule.codebook and rule.fires


def test_role_rules_explain_names_the_rule_beside_the_actor(resources, settings) -> None:
    doc = run_article(
        "On Sunday, the army shelled rebel positions in Harasta.", resources, settings, PUBLISHED
    )
    lines = explain(doc)
    assert any(
        line.lstrip().startswith("actor1") and "set by rule subject-before-trigger" in line for line in lines
    )
    assert any(
        line.lstrip().startswith("actor2") and "set by rule other-side-is-actor2" in line for line in lines
    )

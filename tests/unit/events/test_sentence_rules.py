"""The sentence rules (events/sentence_rules.py): every example each rule carries runs through the whole
default pipeline; in each of ``fires`` the rule's decision is in the article's trace, in ``misses`` not."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from frontlines.config import Settings
from frontlines.events.explain import explain
from frontlines.events.sentence_rules import REQUIRED, RULE_IDS, RULES, SentenceRule
from frontlines.model import Doc
from helpers import rule_examples, run_article

PUBLISHED = dt.date(2016, 5, 9)
#: Examples the classifier decides before the rule (see helpers.model_decides).
MODEL_DECIDES = {"model-retell-fires-0", "background-fires-0"}
FIRES, MISSES = rule_examples(RULES, MODEL_DECIDES)


def _settings(rule: SentenceRule, settings: Settings) -> Settings:
    """The detect rules judge what the classifier reads as an event: their examples run with the
    classifier naming every sentence it can."""
    if rule.stage != "detect":
        return settings
    eager = replace(settings.events, classifier_threshold=0.0, classifier_threshold_long=0.0)
    return replace(settings, events=eager)


def coded(rule: SentenceRule, text: str, resources, settings) -> Doc:
    return run_article(text, resources, _settings(rule, settings), PUBLISHED if rule.dated else None)


@pytest.mark.parametrize(("rule", "text"), FIRES)
def test_sentence_rules_rule_fires_on_its_examples(
    rule: SentenceRule, text: str, resources, settings
) -> None:
    doc = coded(rule, text, resources, settings)
    assert rule.step in [step.step for step in doc.trace]


@pytest.mark.parametrize(("rule", "text"), MISSES)
def test_sentence_rules_rule_misses_its_counter_examples(
    rule: SentenceRule, text: str, resources, settings
) -> None:
    doc = coded(rule, text, resources, settings)
    assert rule.step not in [step.step for step in doc.trace]


@pytest.mark.parametrize("rule", [r for r in RULES if not r.required], ids=lambda r: r.id)
def test_sentence_rules_switched_off_rule_decides_nothing(rule: SentenceRule, resources, settings) -> None:
    off = replace(settings, events=replace(settings.events, rules_off=(rule.id,)))
    doc = coded(rule, rule.fires[0], resources, off)
    assert rule.step not in [step.step for step in doc.trace]


def test_sentence_rules_required_rules_run_when_switched_off(resources, settings) -> None:
    off = replace(settings, events=replace(settings.events, rules_off=tuple(REQUIRED)))
    doc = run_article("Gunmen shot dead four farmers on Sunday.", resources, off, PUBLISHED)
    assert doc.events == []
    assert [step.step for step in doc.trace][-1] == "drop:no-place"


def test_sentence_rules_ids_are_unique_kebab_case_with_a_codebook_rule_a_window_and_examples() -> None:
    assert len(RULE_IDS) == len(RULES)
    for rule in RULES:
        assert rule.id == rule.id.lower() and " " not in rule.id and "_" not in rule.id
        assert rule.codebook and rule.window and rule.fires and rule.misses


def test_sentence_rules_switched_off_drop_rule_lets_the_event_through(resources, settings) -> None:
    text = "Government forces have shelled the town of Kidal regularly, residents said on Sunday."
    assert run_article(text, resources, settings, PUBLISHED).events == []
    off = replace(settings, events=replace(settings.events, rules_off=("habitual",)))
    assert [e.location for e in run_article(text, resources, off, PUBLISHED).events] == ["Kidal"]


def test_sentence_rules_explain_shows_the_dropping_rule(resources, settings) -> None:
    text = (
        "Rebels attacked the town of Kidal on Sunday. On Sunday, the militia denied that it had shelled Gao."
    )
    lines = explain(run_article(text, resources, settings, PUBLISHED))
    assert any(line.lstrip().startswith("drop:irrealis: a threat, plan, denial or attempt") for line in lines)


def test_sentence_rules_explain_shows_a_sentence_the_model_vetoed(resources, settings) -> None:
    text = "A film about the clashes won the main award at a festival in Cannes on Sunday."
    vetoing = replace(settings, events=replace(settings.events, classifier_veto=0.0))
    doc = run_article(text, resources, vetoing, PUBLISHED)
    assert doc.events == [] and [s.step for s in doc.trace] == ["model-vetoes"]
    assert any(line.lstrip().startswith("model-vetoes: model: no event") for line in explain(doc))

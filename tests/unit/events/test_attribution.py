"""Attribution rules: a later sentence names who did an event whose author was unnamed."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.config import Settings
from frontlines.events import attribution
from frontlines.events.attribution import ATTRIBUTION_RULES
from frontlines.folded_regex import lowered
from frontlines.run import Resources
from helpers import run_article

DAY = dt.date(2024, 1, 8)


@pytest.mark.parametrize("rule", ATTRIBUTION_RULES, ids=lambda r: r.id)
def test_attribution_rules_match_their_examples(rule) -> None:
    for example in rule.examples:
        assert rule.pattern.search(example), (rule.id, example)


@pytest.mark.parametrize("rule", ATTRIBUTION_RULES, ids=lambda r: r.id)
def test_attribution_one_search_finds_what_the_rules_find(rule) -> None:
    """The combined search that runs first (``_ANY_RULE``, over lowered text) matches wherever a rule
    does, upper case too, and not in a sentence no rule matches."""
    assert attribution._ANY_RULE is not None
    for example in (*rule.examples, *(e.upper() for e in rule.examples)):
        assert rule.pattern.search(example), (rule.id, example)
        assert attribution._ANY_RULE.search(lowered(example) or ""), (rule.id, example)
    plain = "Five people were killed in the market on Sunday, residents said."
    assert not any(r.pattern.search(plain) for r in ATTRIBUTION_RULES)
    assert attribution._ANY_RULE.search(lowered(plain) or "") is None


@pytest.mark.parametrize(
    ("later", "actor1"),
    [
        ("JNIM suspected.", "JNIM"),
        ("Local officials attributed the attack to JNIM.", "JNIM"),
        ("The army blamed JNIM for the attack.", "JNIM"),
        ("JNIM claimed responsibility.", "JNIM"),
        ("JNIM later said it had carried out the attack.", "JNIM"),
        ("JNIM claimed it fired the rockets.", "JNIM"),
        # no agent named: the author stays unidentified
        ("No one claimed the attack.", "Unidentified Armed Group"),
        ("Residents said the camp was quiet by nightfall.", "Unidentified Armed Group"),
    ],
)
def test_attribution_names_the_author_of_the_event_before(
    later: str, actor1: str, resources: Resources, settings: Settings
) -> None:
    text = f"On 5 January 2024, gunmen fired rockets at a military camp in Gao, Mali. {later}"
    doc = run_article(text, resources, settings, DAY)
    assert doc.events
    assert doc.events[0].actor1.startswith(actor1)


@pytest.mark.parametrize(
    ("later", "actor1"),
    [
        # a claim told on a day of its own a week or more after the attack is of other attacks
        ("On 20 January 2024, JNIM claimed four attacks across Mali.", "Unidentified Armed Group"),
        # one told within the week may claim it; one that tells no day of its own too
        ("On 7 January 2024, JNIM claimed the attack.", "JNIM"),
        ("JNIM claimed the attack.", "JNIM"),
    ],
)
def test_attribution_claims_only_the_week_it_tells(
    later: str, actor1: str, resources: Resources, settings: Settings
) -> None:
    text = f"On 5 January 2024, gunmen fired rockets at a military camp in Gao, Mali. {later}"
    doc = run_article(text, resources, settings, dt.date(2024, 1, 21))
    gao = [e for e in doc.events if e.location == "Gao"]
    assert gao
    assert gao[0].actor1.startswith(actor1)

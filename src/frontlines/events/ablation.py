"""What can be switched off by id to measure its worth (``frontlines eval acled|corpus --ablate ID``):
the cascade's model steps, the non-event rules, the sentence rules and the role rules.

A few rules cannot be switched off: an event needs a day and a place (the sentence rules marked
``required``) and an actor 1 (the last rule of each kind of event that sets it, which always fires).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from frontlines.config import EventSettings
from frontlines.errors import ConfigError
from frontlines.events import nonevents, role_rules, sentence_rules
from frontlines.events.cascade import CASCADE_RULE_IDS

#: The cascade's steps (``events/cascade.py``), each switched off by the settings that make it never fire.
CASCADE_STEPS: dict[str, dict[str, float]] = {
    "model-detects": {"classifier_threshold": 1.01, "classifier_threshold_long": 1.01},
    "model-overrides": {"classifier_override": 1.01, "classifier_override_within": 1.01},
    "model-vetoes": {"classifier_veto": 1.01},
}
#: What the cascade's own rules do (``events/cascade.py``).
_CASCADE_RULES = {
    "model-reads-short": "in a short text the classifier reads every sentence, one with no actor and no "
    "toll at classifier_threshold_bare",
    "model-reads-violence": "in a short text a sentence telling a violent act with an actor or a toll is "
    "an event of the classifier's likeliest sub-event type at classifier_violence",
    "armed-actor-no-veto": "the classifier's 'no event' does not drop a battle, explosion or violence "
    "against civilians a rule found in a sentence that names an armed side",
}
#: Rules of the assembly itself (``events/assemble.py``).
ASSEMBLY_RULES = {
    "pronoun-subject": "a sentence whose subject is 'they' takes the first armed side of the sentence "
    "before it as that subject",
    "retrospective-text": "a text most of whose dates lie over background_days before publication codes "
    "each dated event on its day (background-date does not drop them)",
}
#: Where the list of ids is shown.
LIST_HINT = "`frontlines eval rules` lists the ids that can be switched off"


@dataclass(frozen=True, slots=True)
class Switch:
    """One thing ``--ablate`` can switch off: its id, the table it belongs to and what it does."""

    id: str
    table: str
    what: str


def _role_fallbacks() -> frozenset[str]:
    """The last rule of each kind of event that sets actor 1: it always fires."""
    last: dict[str, str] = {}
    for rule in role_rules.RULES:
        if rule.step in ("whole", "actor1"):
            last[rule.kind] = rule.id
    return frozenset(last.values())


def switches() -> list[Switch]:
    """Everything that can be switched off, table by table, in each table's order."""
    found = [
        Switch(step, "cascade", f"sets {', '.join(names)} above 1") for step, names in CASCADE_STEPS.items()
    ]
    tabled = sentence_rules.RULE_IDS
    found += [
        Switch(i, "cascade", _CASCADE_RULES.get(i, "a rule of events/cascade.py"))
        for i in sorted(CASCADE_RULE_IDS - tabled)
    ]
    found += [Switch(i, "assembly", what) for i, what in ASSEMBLY_RULES.items()]
    found += [Switch(r.id, "non-event", r.codebook) for r in nonevents.RULES]
    found += [Switch(r.id, f"sentence:{r.stage}", r.codebook) for r in sentence_rules.RULES if not r.required]
    fallbacks = _role_fallbacks()
    found += [Switch(r.id, f"role:{r.kind}", r.codebook) for r in role_rules.RULES if r.id not in fallbacks]
    return found


def fixed() -> frozenset[str]:
    """The ids of rules that cannot be switched off."""
    return sentence_rules.REQUIRED | _role_fallbacks()


def switch_off(settings: EventSettings, ids: Iterable[str]) -> EventSettings:
    """``settings`` with the steps and rules ``ids`` switched off. Raises ConfigError on an id that
    names nothing, or a rule that cannot be switched off."""
    known = {s.id for s in switches()}
    for rule_id in ids:
        if rule_id in fixed():
            raise ConfigError(f"rule {rule_id!r} cannot be switched off: an event needs it", LIST_HINT)
        if rule_id not in known:
            raise ConfigError(f"unknown step or rule {rule_id!r}", LIST_HINT)
        if rule_id in CASCADE_STEPS:
            settings = replace(settings, **CASCADE_STEPS[rule_id])  # type: ignore[arg-type]
        else:
            settings = replace(settings, rules_off=(*settings.rules_off, rule_id))
    return settings

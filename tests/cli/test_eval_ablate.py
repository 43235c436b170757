"""``frontlines eval acled --ablate RULE_ID`` and ``frontlines eval rules``: a rule switched off by id,
the figures with and without it; unknown and required ids are one-line errors."""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontlines.cli.main import app
from frontlines.events import nonevents, role_rules, sentence_rules
from frontlines.events.ablation import ASSEMBLY_RULES, fixed, switch_off
from frontlines.events.cascade import CASCADE_RULE_IDS
from helpers import run_article

runner = CliRunner()
HABIT = "Government forces have shelled the town of Kidal regularly, residents said on Sunday."
STRIKE = "Government jets bombarded the city of Idlib on Sunday, residents said."


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    """Two gold rows: one the habitual rule drops, one no rule drops."""
    path = tmp_path / "gold.csv"
    rows = [
        ("T1", "2016-05-08", "Shelling/artillery/missile attack", "Mali", "Kidal", HABIT),
        ("T2", "2016-05-08", "Air/drone strike", "Syria", "Idlib", STRIKE),
    ]
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["event_id_cnty", "event_date", "sub_event_type", "country", "location", "notes"])
        writer.writerows(rows)
    return path


def test_eval_ablate_prints_figures_with_and_without_the_rule(gold: Path) -> None:
    result = runner.invoke(app, ["eval", "acled", str(gold), "--ablate", "habitual"])
    assert result.exit_code == 0, result.output
    assert "ablated: habitual" in result.stdout
    assert "rows with an event: 1 with, 2 without" in result.stdout
    assert "whose chosen event changed: 1" in result.stdout
    header = next(line for line in result.stdout.splitlines() if line.startswith("figure"))
    assert header.split() == ["figure", "with", "without", "change", "rows"]


def test_eval_ablate_json_and_repeated_ids(gold: Path) -> None:
    args = ["eval", "acled", str(gold), "--ablate", "habitual", "--ablate", "subject-before-trigger"]
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["ablated"] == ["habitual", "subject-before-trigger"]
    assert (report["with"]["events_found"], report["without"]["events_found"]) == (1, 2)


@pytest.mark.parametrize("rule_id", ["no-such-rule", "no-place"])
def test_eval_ablate_unknown_or_required_id_is_a_one_line_error(gold: Path, rule_id: str) -> None:
    result = runner.invoke(app, ["eval", "acled", str(gold), "--ablate", rule_id])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and rule_id in lines[0] and "frontlines eval rules" in lines[0]


def test_eval_rules_lists_every_switchable_id_of_every_table() -> None:
    result = runner.invoke(app, ["eval", "rules"])
    assert result.exit_code == 0, result.output
    listed = {
        line.split()[0] for line in result.stdout.splitlines()[1:] if line and not line.startswith("cannot")
    }
    tables = [nonevents.RULES, sentence_rules.RULES, role_rules.RULES]
    every = {rule.id for table in tables for rule in table} | {
        "model-detects",
        "model-overrides",
        "model-vetoes",
    }
    every |= CASCADE_RULE_IDS | set(ASSEMBLY_RULES)  # the assembly's own rules
    assert listed == every - fixed()
    assert {"no-date", "no-place", "unnamed-actor1-is-unidentified"} <= fixed()


def test_eval_ablate_switched_off_role_rule_sets_no_field(resources, settings) -> None:
    text = "On Sunday, the army shelled rebel positions in Harasta."
    day = dt.date(2016, 5, 9)
    on = run_article(text, resources, settings, day).events[0]
    assert "subject-before-trigger" in dict(on.role_rules).values()
    off = replace(settings, events=switch_off(settings.events, ["subject-before-trigger"]))
    event = run_article(text, resources, off, day).events[0]
    assert "subject-before-trigger" not in dict(event.role_rules).values()

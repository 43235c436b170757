"""``frontlines eval places`` end to end on a small gold file and a tiny gazetteer built here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontlines.cli.main import app
from helpers import place_world

runner = CliRunner()


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    gazetteer, shared, gold = place_world(tmp_path)
    monkeypatch.setenv("FRONTLINES_SHARED_DATA", str(shared))
    return gazetteer, gold


def test_eval_places_json_per_group(world: tuple[Path, Path]) -> None:
    gazetteer, gold = world
    result = runner.invoke(
        app, ["eval", "places", str(gold), "--gazetteer", str(gazetteer), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["items"] == 3 and report["gazetteer"] == str(gazetteer) and report["frame"] == "article"
    everything = report["groups"]["all"]
    assert everything["event_within_5km"] == pytest.approx(2 / 3)
    assert everything["name_precision"] == pytest.approx(2 / 3)
    assert set(report["groups"]) >= {"all", "source:fakes", "precision:1", "precision:2"}


def test_eval_places_table_counts_what_was_left_out(world: tuple[Path, Path], tmp_path: Path) -> None:
    gazetteer, gold = world
    lines = gold.read_text(encoding="utf-8").splitlines()
    changed = json.loads(lines[2]) | {"sha1": "0" * 12}
    edited = tmp_path / "edited.jsonl"
    edited.write_text("\n".join([*lines[:2], json.dumps(changed)]) + "\n", encoding="utf-8")
    result = runner.invoke(
        app, ["eval", "places", str(edited), "--gazetteer", str(gazetteer), "--frame", "sentence"]
    )
    assert result.exit_code == 0, result.output
    assert "left out 1 items: span changed" in result.stderr
    assert "place set: 2 items (1 left out); frame: sentence" in result.stdout
    row = next(line.split() for line in result.stdout.splitlines() if line.strip().startswith("all "))
    assert row[1:3] == ["2", "2"] and row[3] == "1.000"  # items, with a point, share with an event


def test_eval_places_missing_gazetteer_is_a_usage_error(world: tuple[Path, Path], tmp_path: Path) -> None:
    _, gold = world
    result = runner.invoke(app, ["eval", "places", str(gold), "--gazetteer", str(tmp_path / "none.sqlite")])
    assert result.exit_code == 2
    assert "no gazetteer at" in result.stderr

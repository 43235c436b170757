"""The command line end to end: extract, ingest (twice), events, export, rejections, errors, help."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontlines.cli.main import app
from frontlines.export import EVENT_COLUMNS
from frontlines.ingest import read_inputs
from helpers import EXAMPLES, FAKES_CSV, FAKES_MAP, ROOT, needs_fakes

runner = CliRunner()
ENV = {"FRONTLINES_TODAY": "2026-01-01"}


def invoke(*args: str, db: Path | None = None):
    full = (["--db", str(db)] if db else []) + list(args)
    return runner.invoke(app, full, env=ENV)


@pytest.fixture(scope="module")
def example_events() -> list[dict]:
    result = invoke("extract", str(EXAMPLES), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_cli_extract_examples_give_events(example_events):
    assert len(example_events) >= 10
    assert {e["event_type"] for e in example_events} >= {"Battles", "Explosions/Remote violence"}
    assert all(list(e) == list(EVENT_COLUMNS) for e in example_events)


def test_cli_extract_evidence_quotes_are_verbatim(example_events, settings):
    import datetime as dt

    texts = {}
    for record in read_inputs([EXAMPLES], settings.ingest, today=dt.date(2026, 1, 1)):
        if not hasattr(record, "code"):
            texts[record.article_id] = record.text
    for event in example_events:
        assert event["evidence"], event["event_id"]
        fields = {ev["field"] for ev in event["evidence"]}
        assert {"event", "location", "event_type"} <= fields
        for ev in event["evidence"]:
            assert texts[ev["article_id"]][ev["start"] : ev["end"]] == ev["quote"]


def test_cli_ingest_twice_adds_nothing(tmp_path):
    db = tmp_path / "f.db"
    first = invoke("ingest", str(EXAMPLES), db=db)
    assert first.exit_code == 0, first.output
    second = invoke("ingest", str(EXAMPLES), db=db)
    assert second.exit_code == 0, second.output
    assert "added 0 articles, 0 events, 0 rejections" in second.stdout
    events = invoke("events", "--format", "jsonl", db=db)
    assert events.exit_code == 0
    # `events` lists the canonical events: the merge may fold reports of one event into one.
    canonical = int(first.stdout.split(" canonical events")[-2].rsplit(" ", 1)[1])
    assert len(events.stdout.splitlines()) == canonical


def test_cli_export_formats(tmp_path):
    db = tmp_path / "f.db"
    assert invoke("ingest", str(EXAMPLES), db=db).exit_code == 0
    geo = tmp_path / "events.geojson"
    assert invoke("export", "--format", "geojson", "-o", str(geo), db=db).exit_code == 0
    collection = json.loads(geo.read_text())
    assert collection["type"] == "FeatureCollection" and collection["features"]
    out = tmp_path / "events.csv"
    assert invoke("export", "--format", "acled-csv", "-o", str(out), db=db).exit_code == 0
    with out.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(collection["features"])


def test_cli_rejection_exit_code_and_message(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(next(iter(sorted(EXAMPLES.glob("*.txt")))).read_text())
    (inputs / "empty.txt").write_text("")
    db = tmp_path / "f.db"
    result = invoke("ingest", str(inputs), db=db)
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr and "rejected" in result.stderr
    listed = invoke("rejections", "--format", "jsonl", db=db)
    assert [json.loads(line)["code"] for line in listed.stdout.splitlines()] == ["empty"]


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "/no/such/path.txt"],
        ["extract", str(EXAMPLES), "--map", "nonsense"],
        ["events", "--since", "yesterday"],
        ["events", "--near", "1,2"],
        ["--set", "nope.x=1", "extract", str(EXAMPLES)],
    ],
)
def test_cli_usage_errors_exit_2_with_one_line(args, tmp_path):
    result = invoke(*args, db=tmp_path / "f.db")
    assert result.exit_code == 2, result.output
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("error: [E")


def test_cli_events_without_database_is_usage_error(tmp_path):
    result = invoke("events", db=tmp_path / "missing.db")
    assert result.exit_code == 2 and "frontlines ingest" in result.stderr


def test_cli_every_command_has_help_and_is_documented():
    readme = (ROOT / "README.md").read_text()
    commands = [c.name for c in app.registered_commands]
    assert commands
    for name in commands:
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0 and "Usage" in result.stdout
        assert f"frontlines {name}" in readme, f"{name} is not in the README"


@needs_fakes
def test_cli_ingest_fakes_all_articles_twice_identical(tmp_path):
    db = tmp_path / "fakes.db"
    maps = [a for k, v in FAKES_MAP.items() for a in ("--map", f"{k}={v}")]
    first = invoke("ingest", str(FAKES_CSV), *maps, db=db)
    assert first.exit_code in (0, 1), first.output
    assert first.stdout.startswith("read ")
    read = int(first.stdout.split()[1])
    duplicates = int(first.stdout.split("(")[1].split()[0])  # rows whose content repeats an earlier row
    rejected = int(first.stdout.split("rejected ")[1].split()[0])
    assert read + duplicates + rejected == 804
    second = invoke("ingest", str(FAKES_CSV), *maps, db=db)
    assert "added 0 articles, 0 events, 0 rejections" in second.stdout
    assert (
        first.stdout.splitlines()[1].split("now holds")[1]
        == second.stdout.splitlines()[1].split("now holds")[1]
    )

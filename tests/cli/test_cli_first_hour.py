"""First-hour defects, part two: every table fits 80 columns, flags show no type in --help, the JSONL
errors read right (no "at at", --map named), and the package builds without a license warning."""

from __future__ import annotations

import io
import json
import tomllib
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from frontlines.cli import output
from frontlines.cli.main import app
from helpers import ROOT

runner = CliRunner()
ENV = {"FRONTLINES_TODAY": "2026-01-01"}


def _commands(group=None, prefix=()):  # type: ignore[no-untyped-def]
    """Every command path of the CLI, sub-commands included (``("gazetteer", "lookup")``)."""
    import typer

    command = typer.main.get_command(app)
    paths, stack = [], [(command, ())]
    while stack:
        cmd, path = stack.pop()
        paths.append(path)
        for name, sub in getattr(cmd, "commands", {}).items():
            stack.append((sub, (*path, name)))
    return paths


@pytest.mark.parametrize("path", _commands(), ids=lambda p: " ".join(p) or "frontlines")
def test_cli_help_shows_no_type_for_flags(path: tuple[str, ...]) -> None:
    result = runner.invoke(app, [*path, "--help"], env={**ENV, "COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert "<bool>" not in result.stdout
    assert "--help" in result.stdout


@pytest.mark.parametrize("width", [80, 120])
def test_cli_gazetteer_lookup_table_fits_the_terminal(monkeypatch, resources, width: int) -> None:
    buffer = io.StringIO()
    monkeypatch.setattr(output, "_console", lambda: Console(file=buffer, width=width))
    result = runner.invoke(app, ["gazetteer", "lookup", "Aleppo"], env=ENV)
    assert result.exit_code == 0, result.output
    lines = buffer.getvalue().splitlines()
    assert max(len(line) for line in lines) <= width
    assert "…" not in buffer.getvalue()
    header = next(line for line in lines if line.startswith("┃"))
    for column in ("place_id", "name", "country", "admin1", "lat", "lon"):
        assert f" {column} " in header  # whole names, not "plac…"
    assert "geonames:170063" in buffer.getvalue()  # a place id on one line


def test_cli_table_full_width_when_piped(resources) -> None:
    result = runner.invoke(app, ["gazetteer", "lookup", "Aleppo"], env={**ENV, "COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "population" in result.stdout and "admin2" in result.stdout and "not shown" not in result.stdout


def test_cli_output_fit_columns_with_a_table_of_its_own() -> None:
    from frontlines.cli.geoparse import TABLE_COLUMNS, TABLE_DROP, TABLE_MIN_WIDTH

    narrow = output.fit_columns(TABLE_COLUMNS, 80, min_width=TABLE_MIN_WIDTH, drop=TABLE_DROP)
    assert {"text", "name", "latitude", "longitude", "role"} <= set(narrow)
    assert output.fit_columns(TABLE_COLUMNS, output.PIPE_WIDTH + 40, drop=TABLE_DROP) == list(TABLE_COLUMNS)


def test_cli_jsonl_errors_read_right(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    lines = ['{"text": "Shelling in Jobar', '{"title": "Shelling", "body": "Shelling in Jobar."}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)], env=ENV)
    assert result.exit_code == 1
    assert "at at" not in result.stderr
    assert "Unterminated string starting at column 10" in result.stderr
    assert "no 'text' field (fields: title, body)" in result.stderr and "--map text=FIELD" in result.stderr


def test_cli_missing_column_hints_name_map(tmp_path: Path) -> None:
    path = tmp_path / "no-text.csv"
    path.write_text('id,body\n1,"Shelling in Jobar."\n', encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)], env=ENV)
    assert "--map text=COLUMN" in result.stderr and "--field" not in result.stderr
    result = runner.invoke(app, ["extract", str(path), "--map", "body=text"], env=ENV)
    assert result.exit_code == 2 and "--map text=" in result.stderr and "--field" not in result.stderr


def test_cli_invalid_bytes_warned_once_per_article(tmp_path: Path) -> None:
    report = (
        b"Government forces shelled the town of Jobar in Damascus on Monday, killing three civilians, "
        b"a monitoring group said. Residents said the shells hit a market early in the morning."
    )
    path = tmp_path / "stray.txt"
    path.write_bytes(report[:40] + b"\x81" + report[40:])
    result = runner.invoke(
        app, ["extract", str(path), "--published", "2016-03-07", "--format", "jsonl"], env=ENV
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.count("1 invalid byte replaced by U+FFFD") == 1


def test_cli_package_license_is_an_spdx_string() -> None:
    """setuptools >= 77 reads ``license = "SPDX"``; the table form warns (deprecated) on every build."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert isinstance(project["project"]["license"], str)
    assert "setuptools>=77" in project["build-system"]["requires"]
    assert not any(c.startswith("License ::") for c in project["project"].get("classifiers", []))


def test_cli_messages_say_one_not_ones(tmp_path: Path) -> None:
    report = "Government forces shelled the town of Jobar in Damascus on Monday, killing 3 civilians."
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"text": report, "published": "2016-03-07"}) + "\n", encoding="utf-8")
    db = tmp_path / "one.db"
    result = runner.invoke(app, ["--db", str(db), "ingest", str(path)], env=ENV)
    assert result.exit_code == 0, result.output
    for wrong in ("1 articles", "1 events", "1 canonical events", "1 reports", "1 records"):
        assert wrong not in result.stdout, result.stdout
    assert "read 1 article " in result.stdout

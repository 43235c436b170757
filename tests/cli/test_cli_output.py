"""First-hour defects: tables at 80 columns, a closed pipe, plurals, duplicate counts."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from frontlines.cli import output
from frontlines.cli.common import plural
from frontlines.cli.main import app
from frontlines.cli.merge import _TABLE_COLUMNS as CANONICAL_TABLE
from frontlines.merge.store import merge_store
from frontlines.store import SqliteRepository
from unit.merge.factory import HTS, report

runner = CliRunner()
ENV = {"FRONTLINES_TODAY": "2026-01-01"}
LONG_ACTOR = ("Hayat Tahrir al-Sham and allied Islamist brigades of the northern front", 2)


def _db(tmp_path: Path, n: int) -> Path:
    db = tmp_path / "f.db"
    reports = [
        report(f"p{i}", day=dt.date(2013, 1, 1) + dt.timedelta(days=i), actor2=LONG_ACTOR if i % 2 else HTS)
        for i in range(n)
    ]
    with SqliteRepository(db) as repo:
        repo.add_batch([], reports, [], run_config="t")
        merge_store(repo)
    return db


@pytest.mark.parametrize("reports", [False, True])
@pytest.mark.parametrize("width", [80, 100])
def test_cli_output_table_fits_the_terminal_and_wraps(
    tmp_path: Path, monkeypatch, width: int, reports: bool
) -> None:
    buffer = io.StringIO()
    monkeypatch.setattr(output, "_console", lambda: Console(file=buffer, width=width))
    db = _db(tmp_path, 3)
    result = runner.invoke(app, ["--db", str(db), "events", *(["--reports"] if reports else [])], env=ENV)
    assert result.exit_code == 0, result.output
    lines = buffer.getvalue().splitlines()
    assert max(len(line) for line in lines) <= width
    table = [line.rstrip() for line in lines if line[:1] in "┏┃│┡└"]
    assert table and all(line[-1] in "┓┃│┩┘" for line in table)  # drawn whole, not cropped
    text = " ".join(" ".join(line.replace("│", " ").split()) for line in lines)
    for header in ("event_date", "actor1", "location"):
        assert header in text  # no column is cut to a few characters
    assert "…" not in buffer.getvalue()
    assert "tribes" not in text and "Hayat" in text


def test_cli_output_fit_columns_keeps_every_column_when_wide() -> None:
    assert output.fit_columns(CANONICAL_TABLE, output.PIPE_WIDTH) == list(CANONICAL_TABLE)
    narrow = output.fit_columns(CANONICAL_TABLE, 80)
    assert {"event_date", "sub_event_type", "actor1", "actor2", "location", "fatalities"} <= set(narrow)
    assert "independent_sources" not in narrow


def test_cli_output_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    db = _db(tmp_path, 1500)
    env = {**os.environ, **ENV, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "frontlines.cli.main", "--db", str(db), "events", "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline().startswith(b"{")
    proc.stdout.close()  # what `| head -1` does
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0
    assert "Error" not in stderr and "E999" not in stderr and "Broken" not in stderr


def test_cli_output_plurals() -> None:
    assert [plural(n, "canonical event") for n in (0, 1, 2)] == [
        "0 canonical events",
        "1 canonical event",
        "2 canonical events",
    ]
    assert plural(1, "is", "are") == "1 is"


def test_cli_output_duplicates_in_one_input_are_not_already_stored(tmp_path: Path) -> None:
    text = "Government forces shelled the town of Jobar in Damascus on Monday, killing 3 civilians."
    rows = "id,text,published\n" + "".join(f'{i},"{text}",2016-03-07\n' for i in range(3))
    path = tmp_path / "dup.csv"
    path.write_text(rows, encoding="utf-8")
    db = tmp_path / "d.db"
    result = runner.invoke(app, ["--db", str(db), "ingest", str(path)], env=ENV)
    assert result.exit_code == 0, result.output
    assert "read 1 article (2 repeated in the input, 0 already stored)" in result.stdout
    again = runner.invoke(app, ["--db", str(db), "ingest", str(path)], env=ENV)
    assert "read 0 articles (0 repeated in the input, 3 already stored)" in again.stdout

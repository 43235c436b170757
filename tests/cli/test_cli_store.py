"""The store through the command line: an interrupted merge is finished by the next command that
writes; exports hold the canonical events."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from typer.testing import CliRunner

from frontlines.cli.main import app
from frontlines.merge.store import merge_store
from frontlines.store import SqliteRepository
from frontlines.store.base import EventQuery
from helpers import EXAMPLES
from unit.merge.factory import report

runner = CliRunner()
ENV = {"FRONTLINES_TODAY": "2026-01-01"}


def invoke(db: Path, *args: str):
    return runner.invoke(app, ["--db", str(db), *args], env=ENV)


def _view(repo: SqliteRepository) -> list[tuple]:
    return sorted((c.canonical_id, c.report_ids, c.event) for c in repo.canonical_events(EventQuery()))


def test_cli_ingest_finishes_an_interrupted_merge(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    stored = [report("k1"), report("k2", outlet="AFP"), report("k3", place="Homs", day=dt.date(2013, 3, 1))]
    with SqliteRepository(db) as repo:
        repo.add_batch([], stored, [], run_config="killed")  # stored, then killed before its merge
        assert repo.unmerged_count() == 3
    assert "3 reports are not merged yet" in invoke(db, "events").stderr
    result = invoke(db, "ingest", str(EXAMPLES))
    assert result.exit_code == 0, result.output
    with SqliteRepository(db) as repo:
        assert repo.unmerged_count() == 0
        incremental = _view(repo)
        merge_store(repo)
        assert _view(repo) == incremental
        assert any(c.sources_count == 2 for c in repo.canonical_events(EventQuery(admin1="Damascus")))


def test_cli_export_writes_the_canonical_events_that_events_lists(tmp_path: Path) -> None:
    import csv
    import json

    from frontlines.export_acled import ACLED_COLUMNS

    db = tmp_path / "f.db"
    assert invoke(db, "ingest", str(EXAMPLES)).exit_code == 0
    listed = [json.loads(line) for line in invoke(db, "events", "--format", "jsonl").stdout.splitlines()]
    reports = invoke(db, "events", "--reports", "--format", "jsonl").stdout.splitlines()
    assert len(reports) > len(listed)  # the examples hold reports of one event from several articles
    out = tmp_path / "events.csv"
    result = invoke(db, "export", "--format", "acled-csv", "-o", str(out), "--with-evidence")
    assert result.exit_code == 0, result.output
    assert f"wrote {len(listed)} canonical events" in result.stdout
    with out.open(newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        assert tuple(next(reader)) == ACLED_COLUMNS
        rows = [dict(zip(ACLED_COLUMNS, row, strict=True)) for row in reader]
    assert len(rows) == len(listed)
    assert sum(int(r["fatalities"]) for r in rows) == sum(e["fatalities"] for e in listed)
    side = (tmp_path / "events.csv.evidence.jsonl").read_text(encoding="utf-8").splitlines()
    assert all(json.loads(line)["evidence"] for line in side)
    per_article = tmp_path / "reports.jsonl"
    assert invoke(db, "export", "--format", "jsonl", "--reports", "-o", str(per_article)).exit_code == 0
    assert len(per_article.read_text(encoding="utf-8").splitlines()) == len(reports)
    parquet = tmp_path / "events.parquet"
    assert invoke(db, "export", "--format", "parquet", "-o", str(parquet)).exit_code == 0
    import pyarrow.parquet as pq

    assert pq.read_table(parquet).num_rows == len(listed)

"""Canonical events in the SQLite store: full and incremental merges agree, rows round-trip."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.merge import merge_events
from frontlines.merge.store import merge_pending, merge_store
from frontlines.model import SubEventType
from frontlines.store import SqliteRepository
from frontlines.store.base import EventQuery
from unit.merge.factory import HTS, report

REPORTS = [
    report("a1", fatalities=12),
    report("a2", fatalities=15, outlet="AFP", actor2=HTS),
    report("a3", day=dt.date(2013, 2, 7), tp=2, outlet="SANA"),
    report("b1", place="Aleppo", sub=SubEventType.AIR_DRONE_STRIKE, actor2=None),
    report("b2", place="Aleppo", sub=SubEventType.AIR_DRONE_STRIKE, actor2=None, outlet="AFP"),
    report("c1", place="Homs", day=dt.date(2013, 3, 1)),
]


def _stored(repo: SqliteRepository) -> list[tuple]:
    return [
        (c.canonical_id, c.report_ids, c.event, c.sources_count, c.independent_sources, c.contradictions)
        for c in sorted(repo.canonical_events(EventQuery()), key=lambda c: c.canonical_id)
    ]


def _expected(reports: list) -> list[tuple]:
    return [
        (c.canonical_id, c.report_ids, c.event, c.sources_count, c.independent_sources, c.contradictions)
        for c in merge_events(reports)
    ]


@pytest.mark.parametrize("cut", [0, 1, 3, 5])
def test_merge_store_incremental_equals_full(cut: int) -> None:
    with SqliteRepository(":memory:") as repo:
        repo.add_batch([], REPORTS[:cut], [], run_config="t")
        merge_pending(repo)
        repo.add_batch([], REPORTS[cut:], [], run_config="t")
        summary = merge_pending(repo)
        assert summary.reports == len(REPORTS) - cut
        assert repo.unmerged_count() == 0
        incremental = _stored(repo)
        merge_store(repo)
        assert _stored(repo) == incremental == _expected(REPORTS)


def test_merge_store_filters_canonical_events() -> None:
    with SqliteRepository(":memory:") as repo:
        repo.add_batch([], REPORTS, [], run_config="t")
        merge_store(repo)
        strikes = list(repo.canonical_events(EventQuery(event_type="Air/drone strike")))
        assert [c.sources_count for c in strikes] == [2]
        assert len(list(repo.canonical_events(EventQuery(limit=1)))) == 1


def test_merge_cli_merge_and_reports(tmp_path) -> None:
    import json

    from typer.testing import CliRunner

    from frontlines.cli.main import app

    db = tmp_path / "f.db"
    with SqliteRepository(db) as repo:
        repo.add_batch([], REPORTS, [], run_config="t")
    runner = CliRunner()
    before = runner.invoke(app, ["--db", str(db), "events", "--format", "jsonl"])
    assert before.exit_code == 0 and before.stdout == ""
    merged = runner.invoke(app, ["--db", str(db), "merge"])
    assert merged.exit_code == 0, merged.output
    canonical = runner.invoke(app, ["--db", str(db), "events", "--format", "jsonl"])
    rows = [json.loads(line) for line in canonical.stdout.splitlines()]
    assert len(rows) == len(_expected(REPORTS))
    assert sum(r["sources_count"] for r in rows) == len(REPORTS)
    reports = runner.invoke(app, ["--db", str(db), "events", "--reports", "--format", "jsonl"])
    assert len(reports.stdout.splitlines()) == len(REPORTS)

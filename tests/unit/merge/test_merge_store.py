"""Canonical events in the SQLite store: full and incremental merges agree, rows round-trip."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.merge import merge_events
from frontlines.merge.store import merge_pending, merge_store
from frontlines.model import SubEventType
from frontlines.store import SqliteRepository
from frontlines.store.base import EventQuery
from unit.merge.factory import CIVILIANS, HTS, IS, PLACES, REBELS, report

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


@pytest.mark.parametrize("share", [2.0, 0.5])
@pytest.mark.parametrize("cut", [0, 1, 3, 5])
def test_merge_store_incremental_equals_full(cut: int, share: float) -> None:
    with SqliteRepository(":memory:") as repo:
        repo.add_batch([], REPORTS[:cut], [], run_config="t")
        merge_pending(repo)
        repo.add_batch([], REPORTS[cut:], [], run_config="t")
        summary = merge_pending(repo, full_share=share)  # 0.5: a large batch takes the full merge
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


# -- incremental = full, for any split and order, with merges skipped as by a kill ---------------------

_SUBS = [
    SubEventType.ARMED_CLASH,
    SubEventType.SHELLING,
    SubEventType.AIR_DRONE_STRIKE,
    SubEventType.ATTACK,
    SubEventType.NON_STATE_OVERTAKES_TERRITORY,
]


@st.composite
def _scenario(draw: st.DrawFn) -> tuple[list, list[list], list[bool]]:
    """Reports over two months and five places (all three event types of the violence family), a
    random order, a random split into batches, and for each batch whether its merge ran."""
    n = draw(st.integers(1, 18))
    items = [
        report(
            f"art{i}",
            day=dt.date(2013, 2, 1) + dt.timedelta(days=draw(st.integers(0, 60))),
            place=draw(st.sampled_from(sorted(PLACES))),
            sub=draw(st.sampled_from(_SUBS)),
            actor2=draw(st.sampled_from([REBELS, HTS, IS, CIVILIANS, None])),
            fatalities=draw(st.integers(0, 20)),
            tp=draw(st.sampled_from([1, 1, 2, 3])),
            gp=draw(st.sampled_from([1, 1, 2, 3])),
            outlet=draw(st.sampled_from(["Reuters", "AFP", "SANA"])),
        )
        for i in range(n)
    ]
    order = draw(st.permutations(items))
    cuts = sorted(draw(st.sets(st.integers(1, max(1, n - 1)), max_size=5)))
    bounds = [0, *[c for c in cuts if c < n], n]
    batches = [order[a:b] for a, b in itertools.pairwise(bounds) if b > a]
    merged = [draw(st.booleans()) for _ in batches]
    return items, batches, merged


@settings(max_examples=80, deadline=None)
@given(_scenario())
def test_merge_store_pending_equals_full_for_any_split_and_order(case) -> None:
    items, batches, merged = case
    with SqliteRepository(":memory:") as repo:
        for batch, merge_now in zip(batches, merged, strict=True):
            repo.add_batch([], batch, [], run_config="t")
            if merge_now:
                merge_pending(repo, full_share=2.0)  # never the full-merge shortcut
        merge_pending(repo, full_share=2.0)
        assert repo.unmerged_count() == 0
        assert _stored(repo) == _expected(items)


def test_merge_store_pending_links_types_of_one_family() -> None:
    """A shelling report merges with the clash already stored (the neighbourhood is by family)."""
    clash = report("x1", fatalities=3)
    shelling = report("x2", sub=SubEventType.SHELLING, outlet="AFP")
    with SqliteRepository(":memory:") as repo:
        repo.add_batch([], [clash], [], run_config="t")
        merge_pending(repo)
        repo.add_batch([], [shelling], [], run_config="t")
        merge_pending(repo, full_share=2.0)
        assert repo.unmerged_count() == 0
        assert _stored(repo) == _expected([clash, shelling])
        assert [c.sources_count for c in repo.canonical_events(EventQuery())] == [2]


def test_merge_store_pending_repairs_a_canonical_event_left_split() -> None:
    """A canonical event whose reports the zone does not reach is re-merged whole, never half-dropped."""
    a, b = report("y1"), report("y2", outlet="AFP")
    far = report("y3", place="Homs", day=dt.date(2013, 3, 1))
    with SqliteRepository(":memory:") as repo:
        repo.add_batch([], [a, b, far], [], run_config="t")
        # an inconsistent store, as an older version could leave: {a, far} as one event, b apart
        alone = merge_events([a])[0]
        joined = replace(alone, report_ids=(a.event_id, far.event_id), sources_count=2)
        repo.replace_canonical([], [joined, *merge_events([b])], clear=True)
        assert repo.unmerged_count() == 0
        repo.add_batch([], [report("y4", outlet="SANA")], [], run_config="t")
        merge_pending(repo, full_share=2.0)
        assert repo.unmerged_count() == 0
        assert _stored(repo) == _expected([a, b, far, report("y4", outlet="SANA")])


class _Counting:
    """A store that counts what the merge reads: keys per report, full reports per report."""

    def __init__(self, repo: SqliteRepository) -> None:
        self._repo = repo
        self.keys: dict[str, int] = {}
        self.full: dict[str, int] = {}
        self.key_queries = 0

    def __getattr__(self, name: str):
        return getattr(self._repo, name)

    def report_keys_between(self, first, last):
        self.key_queries += 1
        for key in self._repo.report_keys_between(first, last):
            self.keys[key.event_id] = self.keys.get(key.event_id, 0) + 1
            yield key

    def reports_by_id(self, ids):
        for rid in ids:
            self.full[rid] = self.full.get(rid, 0) + 1
        return self._repo.reports_by_id(ids)


def test_merge_store_pending_reads_each_report_once_and_only_the_neighbourhood() -> None:
    """Forty weeks of events, then one new report: the merge reads the keys of the weeks around it
    (in a few range queries, each report once) and the full reports of its zone only."""
    old = [
        report(f"w{i}-{k}", day=dt.date(2013, 1, 1) + dt.timedelta(days=7 * i), place=place)
        for i in range(40)
        for k, place in enumerate(["Jobar", "Aleppo", "Homs"])
    ]
    with SqliteRepository(":memory:") as repo:
        repo.add_batch([], old, [], run_config="t")
        merge_store(repo)
        new = report("late", day=dt.date(2013, 1, 1) + dt.timedelta(days=7 * 20), outlet="AFP")
        repo.add_batch([], [new], [], run_config="t")
        counting = _Counting(repo)
        summary = merge_pending(counting, full_share=2.0)  # type: ignore[arg-type]
        assert summary.reports == 1 and summary.dropped == 1 and summary.written == 1
        assert max(counting.keys.values()) == 1 and max(counting.full.values()) == 1
        assert len(counting.keys) <= 8 * 3  # a few weeks around the new report, not forty
        assert sorted(counting.full) == sorted([new.event_id, old[20 * 3].event_id])
        assert counting.key_queries <= 2
        assert _stored(repo) == _expected([*old, new])

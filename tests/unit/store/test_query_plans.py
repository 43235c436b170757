"""SQLite reads a page of events from an index in list order (migration 0006), counts a country and reads
a page's report ids from covering indexes (0007), and the day skip-scan of a place filter gives the same
events as the plain date range, whatever the dates asked for."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontlines.merge.store import merge_store
from frontlines.store import EventQuery, SqliteRepository
from frontlines.store.schema import load_migrations
from frontlines.store.where import country_parts, where_clause
from unit.store.store_strategies import make_event


@pytest.mark.parametrize(
    ("query", "index"),
    [
        (EventQuery(bbox=(35.7, 32.3, 42.4, 37.3), since=dt.date(2020, 3, 1)), "canonical_day_place"),
        (EventQuery(near=(33.5, 36.3, 20)), "canonical_day_place"),
        (EventQuery(after=("2020-03-01", "c1")), "canonical_date ((event_date,event_id)>(?,?))"),
        (EventQuery(event_type="Battles"), "canonical_type (event_type=?)"),
        (EventQuery(event_type="Armed clash"), "canonical_sub_type (sub_event_type=?)"),
    ],
)
def test_query_plan_reads_a_page_in_order_from_an_index(
    tmp_path: Path, query: EventQuery, index: str
) -> None:
    with SqliteRepository(tmp_path / "plan.db") as repo:
        where, params = where_clause(query, table="canonical_events")
        sql = f"SELECT event_id FROM canonical_events WHERE {' AND '.join(where)}"
        plan = [
            row[3]
            for row in repo._conn.execute(f"EXPLAIN QUERY PLAN {sql} ORDER BY event_date, event_id", params)
        ]
    assert any(index in step for step in plan), plan
    assert not any("TEMP B-TREE FOR ORDER BY" in step for step in plan), plan


def test_query_day_skip_scan_equals_the_date_range(tmp_path: Path) -> None:
    days = [dt.date(2019, 12, 30) + dt.timedelta(days=3 * i) for i in range(30)]
    events = [
        make_event(f"e{i:02d}", event_date=day, latitude=33.0 + (i % 5), longitude=36.0 + (i % 7) * 0.5)
        for i, day in enumerate(days)
    ]
    box = (36.0, 33.0, 38.0, 36.0)
    with SqliteRepository(tmp_path / "days.db") as repo:
        assert list(repo.events(EventQuery(bbox=box))) == []  # an empty store has no days
        repo.add_batch([], events, [], run_config="h")
        inside = [e.event_id for e in events if 33.0 <= e.latitude <= 36.0 and 36.0 <= e.longitude <= 38.0]
        for since, until in [
            (None, None),
            (dt.date(1900, 1, 1), dt.date(2100, 1, 1)),  # clamped to the stored days
            (dt.date(2020, 1, 5), dt.date(2020, 2, 2)),
            (dt.date(2020, 2, 29), None),  # a leap day
            (None, dt.date(2019, 12, 30)),
            (dt.date(2021, 1, 1), None),  # after the last stored day
        ]:
            found = [e.event_id for e in repo.events(EventQuery(bbox=box, since=since, until=until))]
            expected = [
                i
                for i, e in zip(inside, [e for e in events if e.event_id in inside], strict=True)
                if (since is None or e.event_date >= since) and (until is None or e.event_date <= until)
            ]
            assert found == expected, (since, until)
        assert len(inside) > 5


@pytest.mark.parametrize(("part", "index"), [(0, "canonical_iso3"), (1, "canonical_country")])
def test_query_plan_counts_a_country_part_from_its_covering_index(
    tmp_path: Path, part: int, index: str
) -> None:
    named, condition, params = country_parts("Syria", "canonical_events")[part]
    assert named == index
    sql = (
        f"SELECT event_date, count(*), coalesce(sum(fatalities), 0) FROM canonical_events INDEXED BY {named}"
        f" WHERE {condition} GROUP BY event_date"
    )
    with SqliteRepository(tmp_path / "counts.db") as repo:
        plan = [row[3] for row in repo._conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
    assert any(f"COVERING INDEX {index}" in step for step in plan), plan
    if part == 0:  # the code's rows come in date order; the rows of a name under another code are few
        assert not any("TEMP B-TREE" in step for step in plan), plan


def test_query_plan_reads_report_ids_sorted_from_a_covering_index(tmp_path: Path) -> None:
    sql = (
        "SELECT event_id, canonical_id FROM canonical_reports WHERE canonical_id IN (?, ?)"
        " ORDER BY canonical_id, event_id"
    )
    with SqliteRepository(tmp_path / "links.db") as repo:
        plan = [row[3] for row in repo._conn.execute(f"EXPLAIN QUERY PLAN {sql}", ["c1", "c2"])]
    assert any("COVERING INDEX canonical_reports_canonical" in step for step in plan), plan
    assert not any("TEMP B-TREE" in step for step in plan), plan


def test_query_plan_statistics_of_an_analysed_store_survive_migration_0007(tmp_path: Path) -> None:
    # 0007 drops and remakes the country indexes, and their statistics with them: without them SQLite
    # guessed a country rare and sorted a whole year of it for one page (bench/api.py: 4 ms -> 360 ms)
    events = [
        make_event(f"e{i:03d}", event_date=dt.date(2015, 1, 1) + dt.timedelta(days=i)) for i in range(50)
    ]
    path = tmp_path / "analysed.db"
    with SqliteRepository(path, migrations=load_migrations()[:6]) as repo:
        repo.add_batch([], events, [], run_config="h")
        merge_store(repo)
        repo._conn.execute("ANALYZE")
    with SqliteRepository(path) as repo:
        analysed = {row[0] for row in repo._conn.execute("SELECT idx FROM sqlite_stat1")}
    remade = {"canonical_iso3", "canonical_country", "events_iso3", "events_country"}
    assert remade | {"canonical_reports_canonical"} <= analysed

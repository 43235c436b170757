"""SQLite's page reads (store/pages.py, rows.stored_record) and per-period counts give what the plain plans
give: a text search answered by the order-first probe or by the default plan is the same page, records
read straight from the rows equal the records of the events, and counts split by country parts add up."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest

from frontlines.export import canonical_to_record
from frontlines.merge.store import merge_store
from frontlines.model import Contradiction
from frontlines.store import EventQuery
from frontlines.store.pages import _probe
from frontlines.store.rows import event_to_record
from frontlines.store.sqlite import SqliteRepository
from unit.store.store_strategies import make_event

#: 60 events on 60 days: every note says "clashed", one in ten says "rare".
EVENTS = [
    make_event(
        f"ev{i:03d}",
        event_date=dt.date(2020, 1, 1) + dt.timedelta(days=(i * 7) % 60),
        notes=f"Group {i} clashed near Place {i % 6}" + (" rare" if i % 10 == 3 else ""),
        inter2=None if i % 5 == 0 else 7,
        unverified=i % 4 == 0,
        claim=i % 3 == 0,
        fatalities=i % 4,
    )
    for i in range(60)
]


@pytest.fixture(scope="module")
def repo() -> Iterator[SqliteRepository]:
    with SqliteRepository(":memory:") as r:
        r.add_batch([], EVENTS, [], run_config="h")
        merge_store(r)
        yield r


@pytest.mark.parametrize("text", ["clashed", "rare", "clashed group", '"place 3"', "nowhere"])
@pytest.mark.parametrize("limit", [1, 5, 20, 100])
def test_pages_text_search_page_is_the_unlimited_list_cut(
    repo: SqliteRepository, text: str, limit: int
) -> None:
    every = [e.event_id for e in repo.events(EventQuery(text=text))]
    assert [e.event_id for e in repo.events(EventQuery(text=text, limit=limit))] == every[:limit]
    after = (EVENTS[10].event_date.isoformat(), EVENTS[10].event_id)
    rest = [e.event_id for e in repo.events(EventQuery(text=text, after=after))]
    assert [e.event_id for e in repo.events(EventQuery(text=text, after=after, limit=limit))] == rest[:limit]
    canon = [c["event_id"] for c in repo.canonical_records(EventQuery(text=text))]
    assert [c["event_id"] for c in repo.canonical_records(EventQuery(text=text, limit=limit))] == canon[
        :limit
    ]


def test_pages_probe_answers_a_common_word_and_gives_way_for_a_rare_one(repo: SqliteRepository) -> None:
    select = "SELECT event_id FROM events"
    common = _probe(repo._conn, "events", select, EventQuery(text="clashed"), 5)
    every = [e.event_id for e in repo.events(EventQuery(text="clashed"))]
    assert common is not None and [row[0] for row in common] == every[:5]
    # 1 note in 10 says "rare": 20 candidates cannot hold 5 of them, so the default plan answers
    assert _probe(repo._conn, "events", select, EventQuery(text="rare"), 5) is None


def test_pages_records_read_from_rows_equal_the_events_records(repo: SqliteRepository) -> None:
    reports = list(repo.event_records(EventQuery()))
    assert reports == [event_to_record(e) for e in repo.events(EventQuery())]
    assert {r["interaction"] for r in reports} == {10, 17}
    canonical = list(repo.canonical_records(EventQuery()))
    assert canonical == [canonical_to_record(c) for c in repo.canonical_events(EventQuery())]


def test_pages_canonical_record_keeps_contradictions_in_field_order() -> None:
    with SqliteRepository(":memory:") as r:
        r.add_batch([], EVENTS[:1], [], run_config="h")
        merge_store(r)
        (canon,) = r.canonical_events(EventQuery())
        changed = dataclasses.replace(
            canon, contradictions=(Contradiction("fatalities", "3 vs 5", (EVENTS[0].event_id,)),)
        )
        r.replace_canonical([], [changed], clear=True)
        (record,) = r.canonical_records(EventQuery())
        assert record == canonical_to_record(next(iter(r.canonical_events(EventQuery()))))


def test_pages_counts_by_country_name_or_code_add_both_parts() -> None:
    days = [dt.date(2021, 3, 6), dt.date(2021, 3, 7), dt.date(2021, 3, 8), dt.date(2021, 4, 1)]
    events = [
        make_event("syr1", event_date=days[0], fatalities=1),
        make_event("syr2", event_date=days[1], country="syria", fatalities=2),
        make_event("odd", event_date=days[2], country="Syria", iso3="TUR", fatalities=4),
        make_event("tur", event_date=days[3], country="Turkey", iso3="TUR", fatalities=8),
    ]
    with SqliteRepository(":memory:") as r:
        r.add_batch([], events, [], run_config="h")
        weeks = r.event_counts(EventQuery(country="Syria"), "week", canonical=False)
        assert [(p.start, p.events, p.fatalities) for p in weeks] == [
            (dt.date(2021, 3, 1), 2, 3),  # Saturday and Sunday: the week of Monday 1 March
            (dt.date(2021, 3, 8), 1, 4),  # named Syria under another code
        ]
        months = r.event_counts(EventQuery(country="TR"), "month", canonical=False)
        assert [(p.start, p.events, p.fatalities) for p in months] == [
            (dt.date(2021, 3, 1), 1, 4),
            (dt.date(2021, 4, 1), 1, 8),
        ]
        days_only = r.event_counts(
            EventQuery(country="SYR", until=dt.date(2021, 3, 6)), "day", canonical=False
        )
        assert [(p.start, p.events) for p in days_only] == [(dt.date(2021, 3, 6), 1)]


def test_pages_probe_gives_way_when_the_sample_was_luckier_than_the_rest() -> None:
    # 1 in 4 of the first 40 candidates match (the sample passes), none of the next 40: a page of 20
    # cannot come from 80 candidates, so the default plan answers, with the matches from the tail
    events = [
        make_event(
            f"ev{i:03d}",
            event_date=dt.date(2020, 1, 1) + dt.timedelta(days=i),
            notes="early" if (i < 40 and i % 4 == 0) or i >= 90 else "late",
        )
        for i in range(100)
    ]
    with SqliteRepository(":memory:") as r:
        r.add_batch([], events, [], run_config="h")
        query = EventQuery(text="early", limit=20)
        assert _probe(r._conn, "events", "SELECT event_id FROM events", query, 20) is None
        expected = [f"ev{i:03d}" for i in range(0, 40, 4)] + [f"ev{i:03d}" for i in range(90, 100)]
        assert [e.event_id for e in r.events(query)] == expected

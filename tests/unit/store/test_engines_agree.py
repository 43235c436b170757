"""SQLite and PostgreSQL give the same answers to the same reads: every EventQuery filter (including
the API's sub_event_type, text, ids, after and bbox), counts per period, map points, articles and the
evidence that cites them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from frontlines.merge.store import merge_store
from frontlines.model import Evidence
from frontlines.store import EventQuery, SqliteRepository
from frontlines.store.postgres import PostgresRepository
from pg_server import PgServer
from unit.store.store_strategies import make_article
from unit.store.test_query import EVENTS, _event

MORE = [
    _event("syr-jobar-2", event_date=dt.date(2017, 3, 19), latitude=33.53, longitude=36.33, fatalities=7,
           evidence=(Evidence("a1", "location", "Jobar", 21, 26),)),
    _event("fji-west", event_date=dt.date(2020, 6, 8), country="Fiji", iso3="FJI", admin1=None,
           location="Lambasa", latitude=-16.4, longitude=-179.8, notes="Clashes near the date line."),
]  # fmt: skip

QUERIES = [
    EventQuery(),
    EventQuery(sub_event_type="Armed clash"),
    EventQuery(event_type="Battles", sub_event_type="armed clash"),
    EventQuery(text="DATE LINE"),
    EventQuery(ids=("syr-aleppo", "mmr-sagaing", "missing")),
    EventQuery(after=("2017-03-19", "syr-jobar")),
    EventQuery(after=("2017-03-19", "syr-jobar"), limit=2),
    EventQuery(bbox=(35.7, 32.3, 42.4, 37.3)),
    EventQuery(bbox=(179.0, -20.0, -179.0, -10.0)),  # across the antimeridian
    EventQuery(near=(33.5138, 36.2765, 50), country="SY"),
    EventQuery(actor="military", since=dt.date(2017, 1, 1)),
]


def _answers(repo: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for i, query in enumerate(QUERIES):
        out[f"reports {i}"] = list(repo.events(query))
        out[f"canonical {i}"] = list(repo.canonical_events(query))
        out[f"points {i}"] = [tuple(p) for p in repo.event_points(query)]
        for by in ("day", "week", "month"):
            out[f"counts {i} {by}"] = repo.event_counts(query, by, canonical=False)
    out["article"] = repo.article("a1")
    out["cited"] = repo.article_evidence("a1")
    out["no article"] = repo.article("nope")
    return out


def _fill(repo: Any) -> Any:
    repo.add_batch([make_article("a1")], [*EVENTS, *MORE], [], run_config="t")
    merge_store(repo)
    return _answers(repo)


def test_engines_give_the_same_answers(tmp_path: Path, pg_server: PgServer) -> None:
    with SqliteRepository(tmp_path / "s.db") as lite, PostgresRepository(pg_server.new_database()) as pg:
        on_sqlite, on_postgres = _fill(lite), _fill(pg)
    assert on_sqlite.keys() == on_postgres.keys()
    for key in on_sqlite:
        assert on_postgres[key] == on_sqlite[key], key
    # the answers are not trivially empty
    assert [e.event_id for e in on_sqlite["reports 8"]] == ["fji-antimeridian", "fji-west"]
    assert [e.event_id for e in on_sqlite["reports 3"]] == ["fji-west"]
    assert on_sqlite["counts 0 month"][0].start == dt.date(2016, 11, 1)
    assert on_sqlite["cited"] and on_sqlite["article"].article_id == "a1"


@pytest.mark.parametrize("by", ["week"])
def test_engines_weeks_start_on_monday(tmp_path: Path, pg_server: PgServer, by: str) -> None:
    with PostgresRepository(pg_server.new_database()) as pg:
        pg.add_batch([], [_event("sun", event_date=dt.date(2017, 3, 19))], [], run_config="t")
        (count,) = pg.event_counts(EventQuery(), by, canonical=False)
    assert count.start == dt.date(2017, 3, 13)  # 19 March 2017 was a Sunday

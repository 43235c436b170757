"""Latency of the API on a large store (issue 12): p50/p99 of ``/api/events`` with typical filters and of
a map view (bbox + date range as GeoJSON), on a generated store of N canonical events.

The store is made here (no data files): N canonical events over 10 years in 8 countries, each with its
one report and two evidence quotes, written straight into the tables through SQL (``--db`` keeps it
between runs; it is rebuilt when it holds another N). Requests go through the real app in-process
(Starlette's TestClient: routing, validation, store, JSON; no network).

Run: ``.venv/bin/python bench/api.py [--events 1000000] [--db /tmp/frontlines-bench-api.db]
[--requests 200] [--only LABEL-PART]``. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gc
import os
import random
import sqlite3
import statistics
import time
from pathlib import Path

from fastapi.testclient import TestClient

from frontlines.api import ServeConfig, create_app
from frontlines.api.params import encode_cursor
from frontlines.config import load_settings
from frontlines.model import EVENT_TYPE_OF, SubEventType
from frontlines.store.sqlite import SqliteRepository

#: (country, iso3, west, south, east, north): the boxes events fall in.
COUNTRIES = [
    ("Syria", "SYR", 35.7, 32.3, 42.4, 37.3),
    ("Iraq", "IRQ", 38.8, 29.1, 48.6, 37.4),
    ("Yemen", "YEM", 42.6, 12.6, 53.1, 19.0),
    ("Sudan", "SDN", 21.8, 8.7, 38.6, 22.2),
    ("Mali", "MLI", -12.2, 10.2, 4.3, 25.0),
    ("Myanmar", "MMR", 92.2, 9.8, 101.2, 28.5),
    ("Mexico", "MEX", -117.1, 14.5, -86.7, 32.7),
    ("Ukraine", "UKR", 22.1, 44.4, 40.2, 52.4),
]
SUBS = list(SubEventType)
START = dt.date(2015, 1, 1).toordinal()
DAYS = 3650
BATCH = 50_000


def _records(n: int, seed: int):
    """(report record, canonical extras, evidence rows) per event, by column name."""
    rng = random.Random(seed)
    for i in range(n):
        country, iso3, west, south, east, north = COUNTRIES[i % len(COUNTRIES)]
        sub = SUBS[rng.randrange(len(SUBS))]
        day = dt.date.fromordinal(START + rng.randrange(DAYS)).isoformat()
        deaths = rng.choice((0, 0, 0, 1, 2, 3, 5, 12))
        article = f"a{i:015d}"
        note = f"On {day}, Group {i % 40} clashed with Group {(i + 7) % 40} near Place {i % 997}."
        record = {
            "event_id": f"r{i:015d}", "event_date": day, "time_precision": 1,
            "event_type": str(EVENT_TYPE_OF[sub]), "sub_event_type": str(sub),
            "actor1": f"Group {i % 40}", "assoc_actor_1": None, "inter1": 2,
            "actor2": f"Group {(i + 7) % 40}", "assoc_actor_2": None, "inter2": 2, "interaction": 22,
            "country": country, "iso3": iso3, "admin1": f"Region {i % 13}", "admin2": None, "admin3": None,
            "location": f"Place {i % 997}", "latitude": rng.uniform(south, north),
            "longitude": rng.uniform(west, east), "geo_precision": 1, "fatalities": deaths,
            "source": "Wire", "unverified": 0, "claim": 0, "notes": note, "article_ids": f'["{article}"]',
        }  # fmt: skip
        extras = {
            "event_id": f"c{i:015d}", "sources_count": 1, "independent_sources": 1,
            "fatalities_min": deaths, "fatalities_max": deaths, "outlets": '["Wire"]', "contradictions": "[]",
        }  # fmt: skip
        evidence = [
            (record["event_id"], 0, article, "event", note, 0, len(note)),
            (record["event_id"], 1, article, "location", "Place", 0, 5),
        ]
        yield record, extras, evidence


def build(path: Path, n: int, seed: int) -> None:
    """A store of ``n`` canonical events, each with one report and two evidence rows."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    SqliteRepository(path).close()  # the schema, by the migrations
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    report_cols = [r[1] for r in conn.execute("PRAGMA table_info(events)")]
    canon_cols = [r[1] for r in conn.execute("PRAGMA table_info(canonical_events)")]
    report_sql = f"INSERT INTO events ({', '.join(report_cols)}) VALUES ({', '.join('?' * len(report_cols))})"
    canon_sql = (
        f"INSERT INTO canonical_events ({', '.join(canon_cols)}) VALUES ({', '.join('?' * len(canon_cols))})"
    )
    reports: list[tuple] = []
    canons: list[tuple] = []
    links: list[tuple[str, str]] = []
    evidence: list[tuple] = []

    def flush() -> None:
        conn.execute("BEGIN")
        conn.executemany(report_sql, reports)
        conn.executemany(canon_sql, canons)
        conn.executemany("INSERT INTO canonical_reports (event_id, canonical_id) VALUES (?, ?)", links)
        conn.executemany(
            'INSERT INTO evidence (event_id, seq, article_id, field, quote, start, "end")'
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            evidence,
        )
        conn.execute("COMMIT")
        for rows in (reports, canons, links, evidence):
            rows.clear()

    for record, extras, quotes in _records(n, seed):
        reports.append(tuple(record[c] for c in report_cols))
        canon = record | extras
        canons.append(tuple(canon[c] for c in canon_cols))
        links.append((record["event_id"], extras["event_id"]))
        evidence.extend(quotes)
        if len(reports) >= BATCH:
            flush()
    if reports:
        flush()
    conn.execute("ANALYZE")
    conn.close()


def measure(
    client: TestClient, path: str, params: dict[str, str], requests: int
) -> tuple[float, float, float, int]:
    """p50, p95 and p99 in ms over ``requests`` calls (after one warm-up), and the bytes of the last
    answer."""
    client.get(path, params=params)
    times = []
    size = 0
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(path, params=params)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.text
        size = len(response.content)
    times.sort()

    def nth(share: float) -> float:
        return times[min(len(times) - 1, int(len(times) * share))]

    return statistics.median(times), nth(0.95), nth(0.99), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/frontlines-bench-api.db"))
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", default="", help="Run only the requests whose label contains this.")
    args = parser.parse_args()
    have = None
    if args.db.exists():
        with SqliteRepository(args.db) as repository:
            have = repository.canonical_count()
    if have != args.events:
        started = time.perf_counter()
        build(args.db, args.events, args.seed)
        print(f"built {args.events:,} canonical events in {time.perf_counter() - started:.0f} s: {args.db}")
    size_mb = sum(
        Path(f"{args.db}{s}").stat().st_size for s in ("", "-wal") if Path(f"{args.db}{s}").exists()
    )
    print(f"store: {args.events:,} canonical events, {size_mb / 1e6:.0f} MB")
    settings = load_settings()
    settings = dataclasses.replace(settings, store=dataclasses.replace(settings.store, db=str(args.db)))
    client = TestClient(create_app(ServeConfig(settings)))
    gc.freeze()  # as `frontlines serve` does once its app is made
    syria, month, week = "35.7,32.3,42.4,37.3", ("2020-03-01", "2020-03-31"), ("2020-03-01", "2020-03-07")
    damascus = "36.2,33.4,36.4,33.6"
    cases = [
        ("first page, no filter (limit 100)", "/api/events", {"limit": "100"}),
        ("country + year (limit 100)", "/api/events",
         {"country": "SY", "since": "2019-01-01", "until": "2019-12-31", "limit": "100"}),
        ("event type (limit 100)", "/api/events", {"type": "Battles", "limit": "100"}),
        ("actor substring (limit 100)", "/api/events", {"actor": "group 3", "limit": "100"}),
        ("map view: bbox + 1 month, GeoJSON (limit 1000)", "/api/events",
         {"bbox": syria, "since": month[0], "until": month[1], "format": "geojson", "limit": "1000"}),
        ("map view: bbox + 1 week, GeoJSON (limit 1000)", "/api/events",
         {"bbox": syria, "since": week[0], "until": week[1], "format": "geojson", "limit": "1000"}),
        ("map points: bbox + 1 month (/api/points)", "/api/points",
         {"bbox": syria, "since": month[0], "until": month[1], "limit": "10000"}),
        ("map points: bbox + 1 week (/api/points)", "/api/points",
         {"bbox": syria, "since": week[0], "until": week[1], "limit": "10000"}),
        ("map view: small bbox + 10 years, GeoJSON (limit 1000)", "/api/events",
         {"bbox": damascus, "since": "2015-01-01", "until": "2024-12-31", "format": "geojson",
          "limit": "1000"}),
        ("page 5,000 of a bbox + 10 years (cursor, limit 100)", "/api/events",
         {"bbox": syria, "since": "2015-01-01", "until": "2024-12-31", "limit": "100",
          "cursor": encode_cursor("2020-03-01", "c000000000500000")}),
        ("deep page, no filter (cursor, limit 100)", "/api/events",
         {"limit": "100", "cursor": encode_cursor("2020-03-01", "c000000000500000")}),
        ("q: one place name (limit 100)", "/api/events", {"q": "place 5", "limit": "100"}),
        ("q + bbox + 1 month, GeoJSON (limit 1000)", "/api/events",
         {"q": "group 1", "bbox": syria, "since": month[0], "until": month[1], "format": "geojson",
          "limit": "1000"}),
        ("q: a word in every note (limit 100)", "/api/events", {"q": "clashed", "limit": "100"}),
        ("stats by month, one country", "/api/stats", {"by": "month", "country": "SY"}),
    ]  # fmt: skip
    print(f"load average before: {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")
    print(f"{'request':54s} {'p50 ms':>8s} {'p95 ms':>8s} {'p99 ms':>8s} {'bytes':>9s}")
    for label, path, params in cases:
        if args.only not in label:
            continue
        p50, p95, p99, size = measure(client, path, params, args.requests)
        print(f"{label:54s} {p50:8.1f} {p95:8.1f} {p99:8.1f} {size:9d}")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

"""The store on SQLite and on PostgreSQL/PostGIS: write, read and ``near`` query rates on the same
synthetic events, and whether both give back the same events.

Events are made here (no data files), spread over the world. PostgreSQL: ``--pg URL`` of an empty
database, or, without it, a temporary server started like the tests' (PostgreSQL 15 + PostGIS, run
as the ``postgres`` user when root; durability settings off, so writes are faster than on a real
server). Run: ``.venv/bin/python bench/store_engines.py [--events 20000] [--pg URL]``. Prints figures;
asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from frontlines.model import EVENT_TYPE_OF, Event, Evidence, GeoPrecision, SubEventType, TimePrecision
from frontlines.store import EventQuery, open_repository

BATCH = 500
QUERIES = 200


def make_events(n: int, seed: int) -> list[Event]:
    rng = random.Random(seed)
    subs = list(SubEventType)
    out = []
    for i in range(n):
        sub = rng.choice(subs)
        eid = f"e{i:07d}"
        out.append(
            Event(
                event_id=eid,
                event_date=dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650)),
                time_precision=TimePrecision.DAY,
                event_type=EVENT_TYPE_OF[sub],
                sub_event_type=sub,
                actor1="Military Forces of Sudan (2019-)",
                inter1=1,
                actor2=None,
                inter2=None,
                country="Sudan",
                iso3="SDN",
                location=f"place {i % 997}",
                latitude=rng.uniform(-60, 70),
                longitude=rng.uniform(-180, 180),
                geo_precision=GeoPrecision.PLACE,
                fatalities=rng.randrange(20),
                source="bench",
                notes=f"synthetic event {i}",
                article_ids=(f"a{i}",),
                evidence=(
                    Evidence(f"a{i}", "location", "Jobar", 1, 6),
                    Evidence(f"a{i}", "actor1", "army", 9, 13),
                ),
            )
        )
    return out


def measure(target: str, events: list[Event], seed: int) -> list[Event]:
    rng = random.Random(seed)
    with open_repository(target) as repo:
        start = time.perf_counter()
        for i in range(0, len(events), BATCH):
            repo.add_batch([], events[i : i + BATCH], [], run_config="bench")
        write = time.perf_counter() - start
        start = time.perf_counter()
        back = list(repo.events(EventQuery()))
        read = time.perf_counter() - start
        start = time.perf_counter()
        hits = 0
        for _ in range(QUERIES):
            centre = (rng.uniform(-50, 60), rng.uniform(-170, 170), 300.0)
            hits += sum(1 for _ in repo.events(EventQuery(near=centre)))
        near = time.perf_counter() - start
    engine = "postgresql" if target.startswith("postgresql") else "sqlite"
    print(
        f"{engine:<10} write {len(events) / write:>7.0f} events/s ({write:.1f} s, batches of {BATCH});"
        f" read all {len(back) / read:>7.0f} events/s; near 300 km {near / QUERIES * 1000:.1f} ms"
        f" per query ({hits} hits in {QUERIES})"
    )
    return back


@contextlib.contextmanager
def postgres(url: str | None) -> Iterator[str]:
    if url is not None:
        yield url
        return
    sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))
    from pg_server import missing_reason, running_server

    reason = missing_reason()
    if reason is not None:
        raise SystemExit(f"no PostgreSQL: {reason}")
    with running_server() as server:
        yield server.new_database(template=None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pg", help="URL of an empty PostgreSQL database (default: a temporary server)")
    args = parser.parse_args()
    events = make_events(args.events, args.seed)
    with tempfile.TemporaryDirectory() as folder:
        on_sqlite = measure(str(Path(folder) / "bench.db"), events, args.seed)
    with postgres(args.pg) as url:
        on_postgres = measure(url, events, args.seed)
    same = on_sqlite == on_postgres == sorted(events, key=lambda e: (e.event_date, e.event_id))
    print(f"same {len(on_sqlite)} events back from both engines: {same}")


if __name__ == "__main__":
    main()

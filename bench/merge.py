"""Merging N synthetic per-article reports into canonical events: time and memory (issue 5).

The reports are made here (no data files): about N/3 real events spread over 10 years and a grid of
places in several countries; each event is reported 1-5 times, by different outlets, with the
variations real reports have (a week- or month-precision date, a "near" location, a generic actor
instead of the named one, another fatality figure, a wire copy of the same sentence).

Run: ``.venv/bin/python bench/merge.py [--reports 1000000] [--seed 7]``. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import time

from frontlines.merge import merge_events
from frontlines.model import EVENT_TYPE_OF, Event, Evidence, GeoPrecision, SubEventType, TimePrecision

COUNTRIES = [
    ("Syria", "SYR", 35.0, 38.0),
    ("Iraq", "IRQ", 33.0, 44.0),
    ("Yemen", "YEM", 15.0, 45.0),
    ("Sudan", "SDN", 15.0, 30.0),
    ("Mali", "MLI", 15.0, -2.0),
    ("Myanmar", "MMR", 20.0, 96.0),
]
SUBS = [
    SubEventType.ARMED_CLASH,
    SubEventType.AIR_DRONE_STRIKE,
    SubEventType.SHELLING,
    SubEventType.ATTACK,
    SubEventType.PEACEFUL_PROTEST,
    SubEventType.NON_STATE_OVERTAKES_TERRITORY,
]
NAMED = [(f"Group {i}", 2) for i in range(40)]
OUTLETS = ["Reuters", "AFP", "AP", "State Agency", "Monitor", "Daily", "TV", "Radio"]
START = dt.date(2014, 1, 1).toordinal()


def synthetic(n_reports: int, seed: int) -> list[Event]:
    rnd = random.Random(seed)
    out: list[Event] = []
    event_no = 0
    while len(out) < n_reports:
        event_no += 1
        country, iso3, lat0, lon0 = rnd.choice(COUNTRIES)
        lat = round(lat0 + rnd.uniform(-3, 3), 4)
        lon = round(lon0 + rnd.uniform(-3, 3), 4)
        day = dt.date.fromordinal(START + rnd.randrange(3650))
        sub = rnd.choice(SUBS)
        kind = EVENT_TYPE_OF[sub]
        actor1 = (f"Military Forces of {country}", 1)
        named = rnd.choice(NAMED)
        actor2 = (f"Civilians ({country})", 7) if kind.value == "Violence against civilians" else named
        fatalities = rnd.choice([0, 0, 1, 2, 5, 12, 30])
        quote = f"event {event_no} at {lat},{lon}"
        for k in range(rnd.randint(1, 5)):
            tp = 1 if rnd.random() < 0.9 else rnd.choice([2, 3])
            gp = 1 if rnd.random() < 0.9 else 2
            a2 = (f"Opposition Rebels ({country})", 2) if actor2 is named and rnd.random() < 0.2 else actor2
            article = f"art-{event_no}-{k}"
            text = quote if rnd.random() < 0.3 else f"{quote} told by outlet {k}"
            out.append(
                Event(
                    event_id=f"{event_no:08x}{k:08x}",
                    event_date=day,
                    time_precision=TimePrecision(tp),
                    event_type=kind,
                    sub_event_type=sub,
                    actor1=actor1[0],
                    inter1=actor1[1],
                    actor2=a2[0],
                    inter2=a2[1],
                    country=country,
                    iso3=iso3,
                    location=f"Place {lat},{lon}",
                    latitude=lat if gp == 1 else round(lat + 0.05, 4),
                    longitude=lon,
                    geo_precision=GeoPrecision(gp),
                    fatalities=max(0, fatalities + rnd.choice([0, 0, 1, -1, 3])),
                    source=OUTLETS[k % len(OUTLETS)],
                    notes=text,
                    article_ids=(article,),
                    evidence=(Evidence(article, "event", text, 0, len(text)),),
                    admin1="Region",
                )
            )
    return out[:n_reports]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    t0 = time.perf_counter()
    reports = synthetic(args.reports, args.seed)
    t1 = time.perf_counter()
    before = _rss_mb()
    canonical = merge_events(reports)
    t2 = time.perf_counter()
    print(f"reports: {len(reports):,}  (made in {t1 - t0:.1f} s; peak RSS so far {before:,.0f} MB)")
    print(f"canonical events: {len(canonical):,}")
    print(f"merge time: {t2 - t1:.1f} s  ({len(reports) / (t2 - t1):,.0f} reports/s)")
    print(f"peak RSS: {_rss_mb():,.0f} MB (merge added {_rss_mb() - before:,.0f} MB)")


if __name__ == "__main__":
    main()

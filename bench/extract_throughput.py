"""Throughput and peak memory of `extract` over the FA-KES corpus, single process.

Run: `make bench` (or `.venv/bin/python bench/extract_throughput.py [--repeat N]`).
Prints figures; asserts nothing. Target (issue 2): >= 100 articles/s on one core, < 500 MB peak RSS.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import time
from pathlib import Path

from frontlines.config import load_settings
from frontlines.run import extract, is_bulk, load_resources

FAKES = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "fakes" / "FA-KES-Dataset.csv"
FIELD_MAP = {"text": "article_content", "published": "date", "title": "article_title", "id": "unit_id"}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--input", type=Path, default=FAKES)
    parser.add_argument("--repeat", type=int, default=3, help="passes over the corpus (best one reported)")
    args = parser.parse_args()
    if not args.input.exists():
        print(f"skipped: {args.input} not found (needs ../shared/data)")
        return 0
    settings = load_settings()
    t0 = time.perf_counter()
    resources = load_resources(settings, bulk=is_bulk([args.input]))  # as `frontlines extract` does
    load_s = time.perf_counter() - t0
    rss_after_load = peak_rss_mb()
    best = float("inf")
    articles = events = rejected = 0
    for _ in range(args.repeat):
        articles = events = rejected = 0
        start = time.perf_counter()
        for result in extract(
            [args.input], settings, resources, today=dt.date(2026, 1, 1), field_map=FIELD_MAP
        ):
            if result.doc is None:
                rejected += 1
            else:
                articles += 1
                events += len(result.doc.events)
        best = min(best, time.perf_counter() - start)
    print(
        f"input:               {args.input.name} ({articles} articles, {rejected} rejected, {events} events)"
    )
    print(
        f"resource load:       {load_s:.2f} s (gazetteer, matcher, actors, classifier), "
        f"RSS {rss_after_load:.0f} MB"
    )
    print(f"extract throughput:  {articles / best:.1f} articles/s (best of {args.repeat}, single process)")
    print(f"peak RSS:            {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Ingest throughput on a dense corpus: FA-KES repeated with distinct ids and sources.

Every copy of an article gets its own id and outlet (``<source>~<copy>``), so each copy is a new
article whose events are corroborated by all the other copies: the densest store the merge can meet.

Run: `.venv/bin/python bench/ingest.py [--articles N] [--extract-sample M] [--then K]`.
Prints extract-only and ingest (extract + store + merge) throughput (per wall-clock and per CPU
second of the process, the latter steadier on a shared machine), their ratio, the merge time,
peak RSS and the database size; with ``--then K`` also ingests K articles more (the next copy) into
the same store, prints the unmerged reports left and whether the canonical events equal a full
re-merge. Asserts nothing. Target (issue 10): ingest >= 0.7 x extract-only at 50,000 articles,
peak RSS < 1 GB.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from frontlines.config import Settings, load_settings
from frontlines.merge.store import merge_store
from frontlines.run import Resources, extract, ingest, load_resources
from frontlines.store import SqliteRepository
from frontlines.store.base import EventQuery

FAKES = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "fakes" / "FA-KES-Dataset.csv"
TODAY = dt.date(2026, 1, 1)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def dense_records(source: Path, first: int, count: int) -> Iterator[dict[str, str]]:
    """Records ``first`` .. ``first + count - 1`` of FA-KES repeated: copy k of row i has id
    ``<unit_id>~k`` and outlet ``<source>~k``."""
    with source.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for n in range(first, first + count):
        copy, row = divmod(n, len(rows))
        r = rows[row]
        yield {
            "id": f"{r['unit_id']}~{copy}",
            "title": r["article_title"],
            "text": r["article_content"],
            "published": r["date"],
            "source": f"{r['source']}~{copy}",
        }


def write_corpus(path: Path, records: Iterator[dict[str, str]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def extract_rate(corpus: Path, settings: Settings, resources: Resources) -> tuple[int, float, float]:
    """Articles extracted, per wall-clock second and per CPU second of this process."""
    start, cpu = time.perf_counter(), time.process_time()
    articles = sum(1 for r in extract([corpus], settings, resources, today=TODAY) if r.doc is not None)
    return articles, articles / (time.perf_counter() - start), articles / (time.process_time() - cpu)


def canonical_view(repo: SqliteRepository) -> list[tuple[object, ...]]:
    return sorted(
        (c.canonical_id, c.report_ids, c.event, c.sources_count, c.independent_sources, c.contradictions)
        for c in repo.canonical_events(EventQuery())
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--input", type=Path, default=FAKES)
    parser.add_argument("--articles", type=int, default=50_000, help="size of the dense corpus")
    parser.add_argument(
        "--extract-sample", type=int, default=4020, help="articles timed for extract-only (<= --articles)"
    )
    parser.add_argument("--then", type=int, default=0, help="ingest this many more articles afterwards")
    args = parser.parse_args()
    if not args.input.exists():
        print(f"skipped: {args.input} not found (needs ../shared/data)")
        return 0
    settings = load_settings()
    resources = load_resources(settings)
    with tempfile.TemporaryDirectory(prefix="frontlines-bench-") as tmp:
        folder = Path(tmp)
        corpus = folder / "dense.jsonl"
        total = write_corpus(corpus, dense_records(args.input, 0, args.articles))
        sample = folder / "sample.jsonl"
        write_corpus(sample, dense_records(args.input, 0, min(args.extract_sample, total)))
        sampled, extract_per_s, extract_per_cpu_s = extract_rate(sample, settings, resources)
        print(f"corpus:              {total} articles (FA-KES x {total / 804:.1f}, distinct ids and sources)")
        print(
            f"extract only:        {extract_per_s:.1f} articles/s, {extract_per_cpu_s:.1f} per CPU second"
            f" (over the first {sampled} articles)"
        )

        db = folder / "bench.db"
        phases: dict[str, float] = {}
        with SqliteRepository(db) as repo:
            start, cpu = time.perf_counter(), time.process_time()
            merge_start = [0.0]

            def on_merge(phase: str, done: int, _total: int | None) -> None:
                if not merge_start[0]:
                    merge_start[0] = time.perf_counter()

            report = ingest([corpus], settings, resources, repo, today=TODAY, merge_progress=on_merge)
            end = time.perf_counter()
            phases["ingest"] = end - start
            phases["cpu"] = time.process_time() - cpu
            phases["merge"] = end - merge_start[0] if merge_start[0] else 0.0
            canonical = repo.canonical_count()
            unmerged = repo.unmerged_count()
        ingest_per_s = report.articles_read / phases["ingest"]
        ingest_per_cpu_s = report.articles_read / phases["cpu"]
        size_mb = sum(p.stat().st_size for p in folder.glob("bench.db*")) / 1e6
        print(
            f"ingest:              {ingest_per_s:.1f} articles/s, {ingest_per_cpu_s:.1f} per CPU second"
            f" ({report.articles_read} articles,"
            f" {report.new_events} reports, {canonical} canonical events, {unmerged} unmerged,"
            f" {phases['ingest']:.0f} s of which merge {phases['merge']:.1f} s)"
        )
        print(
            f"ratio:               {ingest_per_s / extract_per_s:.2f} x extract-only"
            f" ({ingest_per_cpu_s / extract_per_cpu_s:.2f} per CPU second)"
        )
        print(f"database:            {size_mb:.0f} MB")
        if args.then:
            more = folder / "more.jsonl"
            write_corpus(more, dense_records(args.input, total, args.then))
            with SqliteRepository(db) as repo:
                start = time.perf_counter()
                added = ingest([more], settings, resources, repo, today=TODAY)
                took = time.perf_counter() - start
                incremental = canonical_view(repo)
                left = repo.unmerged_count()
                merge_store(repo)
                full = canonical_view(repo)
            print(
                f"then {args.then} more:        {took:.1f} s, {added.new_events} reports added,"
                f" {left} unmerged; canonical events {len(incremental)} incremental, {len(full)} full:"
                f" {'identical' if incremental == full else 'DIFFERENT'}"
            )
        print(f"peak RSS:            {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

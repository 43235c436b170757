"""Batch extraction on Dask: throughput with 1 and 2 worker processes, speedup, memory per worker.

The corpus is FA-KES repeated with distinct ids and outlets (``bench/ingest.py``'s dense corpus), of
``--articles`` records. For each worker count, a new LocalCluster loads its resources (timed apart),
then ``batch`` extracts the corpus and writes Parquet parts (no store, no merge: extraction as the
cluster sees it, reading and cutting on the client included). Speedup is the 2-worker rate over the
1-worker rate; efficiency is speedup per worker. Memory per worker is each worker process's peak RSS.
The client's CPU time (reading, preparing and cutting the input, the LocalCluster's scheduler, which
runs in the client process, unpickling results and writing parts) is the serial part of a run: on
this machine it competes with the workers for the same 2 cores. The workers' share of their cores
(their CPU seconds over wall-clock seconds times workers) says how much of the machine they got: far
below 100%, other processes took it and the wall-clock speedup says more about them than about batch.
The machine's load average is printed with each figure: on a shared machine it explains a lot.

Run: `.venv/bin/python bench/scale.py [--articles N] [--workers 1,2] [--partition-size P]`.
Prints figures; asserts nothing. Target (issue 13): speedup >= 1.7 with 2 workers at 20,000 articles.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from ingest import FAKES, TODAY, dense_records, write_corpus

from frontlines.config import load_settings
from frontlines.distributed import batch, open_client
from frontlines.distributed.partitions import DEFAULT_PARTITION_SIZE
from frontlines.distributed.worker import warm_up


def worker_peak_rss_mb() -> float:
    """Peak RSS of the process this runs in (a worker), MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(
    corpus: Path, workers: int, out: Path, size: int
) -> tuple[float, int, list[float], float, float, float]:
    """Seconds to load resources, articles extracted, per-worker peak RSS, extraction seconds, the
    CPU seconds the workers spent extracting and the CPU seconds of the client process."""
    settings = load_settings()
    with open_client(workers) as client:
        start = time.perf_counter()
        client.run(warm_up, settings)
        load = time.perf_counter() - start
        cpu_before = sum(client.run(time.process_time).values())
        start, client_start = time.perf_counter(), time.process_time()
        report = batch([corpus], settings, client, today=TODAY, out=out, partition_size=size)
        seconds, client_cpu = time.perf_counter() - start, time.process_time() - client_start
        cpu = sum(client.run(time.process_time).values()) - cpu_before
        rss = sorted(client.run(worker_peak_rss_mb).values())
    return load, report.articles_read, rss, seconds, cpu, client_cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--input", type=Path, default=FAKES)
    parser.add_argument("--articles", type=int, default=4000, help="size of the generated corpus")
    parser.add_argument("--workers", default="1,2", help="worker counts to run, comma-separated")
    parser.add_argument("--partition-size", type=int, default=DEFAULT_PARTITION_SIZE)
    args = parser.parse_args()
    if not args.input.exists():
        print(f"skipped: {args.input} not found (the FA-KES corpus from shared/data)")
        return 0
    counts = [int(w) for w in args.workers.split(",")]
    rates: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n = write_corpus(corpus, dense_records(args.input, 0, args.articles))
        print(f"corpus: {n} articles (FA-KES repeated, distinct ids), partitions of {args.partition_size}")
        print(f"machine: {os.cpu_count()} CPUs")
        for workers in counts:
            load, articles, rss, seconds, cpu, client_cpu = run(
                corpus, workers, Path(tmp) / f"out-{workers}.parquet", args.partition_size
            )
            rates[workers] = articles / seconds
            print(
                f"{workers} worker(s): load {load:.1f} s; {articles} articles in {seconds:.1f} s ="
                f" {rates[workers]:.1f} articles/s ({articles / cpu:.1f} per worker CPU second;"
                f" client {client_cpu:.1f} CPU s = {1000 * client_cpu / articles:.2f} ms per article);"
                f" workers got {cpu / (seconds * workers):.0%} of their cores; peak RSS per worker"
                f" {', '.join(f'{r:.0f}' for r in rss)} MB; load average {os.getloadavg()[0]:.2f}"
            )
    base = rates.get(1)
    for workers, rate in rates.items():
        if base and workers > 1:
            speedup = rate / base
            print(f"speedup {workers} vs 1 worker: {speedup:.2f} (efficiency {speedup / workers:.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

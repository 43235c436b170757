"""Gazetteer figures: COD-AB import time, lookup cost, admin assignment cost, memory of the embedded one.

Run: `.venv/bin/python bench/gazetteer.py [--sample N]`. Prints figures; asserts nothing.
Targets (issue 3): import of ../shared/data/syria_admin_cod < 30 s; a lookup of a name with
candidates < 1 ms on average; the embedded gazetteer + matcher < 300 MB RSS.

The embedded gazetteer is the one of the active settings (built first when missing). Memory is
measured in a fresh child process: RSS after importing frontlines, then after loading the gazetteer
and its matcher.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from frontlines.config import load_settings
from frontlines.geo import SqliteGazetteer, open_default_gazetteer
from frontlines.geo.importers import import_path
from frontlines.geo.polygons import assign_admin

COD = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "syria_admin_cod"

_RSS_CHILD = """
import sys
from frontlines.config import load_settings
from frontlines.geo import open_default_gazetteer

def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
before = rss()
gazetteer, matcher = open_default_gazetteer(load_settings())
gazetteer.lookup("Damascus")
print(f"{before:.1f} {rss():.1f} {len(matcher)}")
"""


def bench_import(embedded: Path) -> None:
    if not COD.exists():
        print(f"import: skipped, {COD} not found (needs ../shared/data)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.sqlite"
        stats = import_path(COD, empty)
        print(f"import COD-AB into an empty gazetteer: {stats.seconds:.2f} s, {stats.added} places")
        copy = Path(tmp) / "embedded.sqlite"
        shutil.copy(embedded, copy)
        stats = import_path(COD, copy)
        print(
            f"import COD-AB into a copy of the embedded gazetteer: {stats.seconds:.2f} s,"
            f" {stats.added} places, {stats.polygons} outlines,"
            f" {stats.admin_filled} towns given COD admin names (target < 30 s)"
        )
        again = import_path(COD, copy)
        print(
            f"re-import (replaces its rows): {again.seconds:.2f} s, {again.added} added,"
            f" {again.updated} updated"
        )
        gazetteer = SqliteGazetteer(copy)
        rng = random.Random(7)
        points = [(rng.uniform(32.3, 37.3), rng.uniform(35.7, 42.3)) for _ in range(2000)]
        t0 = time.perf_counter()
        found = sum(1 for lat, lon in points if assign_admin(gazetteer, lat, lon).admin1)
        per_call = (time.perf_counter() - t0) / len(points) * 1e6
        print(
            f"assign_admin (R*Tree + pure-Python ray cast): {per_call:.0f} us per point"
            f" ({found}/2000 in Syria)"
        )


def bench_lookup(embedded: Path, sample: int) -> None:
    gazetteer = SqliteGazetteer(embedded)
    names = [name for name, _, _ in gazetteer.latin_names()]
    rng = random.Random(3)
    chosen = rng.sample(names, min(sample, len(names)))
    t0 = time.perf_counter()
    hits = sum(1 for name in chosen if gazetteer.lookup(name))
    cold = (time.perf_counter() - t0) / len(chosen) * 1000
    t0 = time.perf_counter()
    recent = chosen[-4000:]  # still in the lookup cache (LOOKUP_CACHE_SIZE)
    for name in recent:
        gazetteer.lookup(name)
    warm = (time.perf_counter() - t0) / len(recent) * 1000
    print(
        f"lookup of {len(chosen)} random stored names ({hits} with candidates): {cold:.3f} ms each uncached,"
        f" {warm:.4f} ms cached (target < 1 ms)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sample", type=int, default=20_000, help="names to look up")
    args = parser.parse_args()
    settings = load_settings()
    t0 = time.perf_counter()
    open_default_gazetteer(settings)  # builds the embedded gazetteer and its matcher when missing
    embedded = settings.gazetteer_path()
    print(
        f"embedded gazetteer: {embedded} ({embedded.stat().st_size / 1e6:.0f} MB),"
        f" ready in {time.perf_counter() - t0:.1f} s"
    )
    out = subprocess.run([sys.executable, "-c", _RSS_CHILD], capture_output=True, text=True, check=True)
    before, after, size = out.stdout.split()
    print(
        f"RSS: {float(before):.0f} MB after imports, {float(after):.0f} MB with the embedded gazetteer"
        f" and its matcher ({size} names) loaded (target < 300 MB)"
    )
    bench_lookup(embedded, args.sample)
    bench_import(embedded)
    return 0


if __name__ == "__main__":
    sys.exit(main())

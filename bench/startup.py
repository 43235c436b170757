"""Start-up: a one-article `frontlines extract` in a fresh process, N times: median and min wall time
and peak RSS; the same for importing the CLI alone and for `frontlines --help`; then where one run's
time goes (imports, each resource, the extraction itself), measured inside one fresh process.

Run: `.venv/bin/python bench/startup.py [--runs N]` (after `make install`: the caches it builds are
loaded, not built). Prints figures; asserts nothing. Target (issue 10): one-article extract <= 0.5 s.

The children run with Python's bytecode cache on, as an installed `frontlines` does: one warm-up run
writes it. `--as-is` keeps the environment as it is (with PYTHONDONTWRITEBYTECODE=1 every run then
compiles the package's source again, about 0.1 s more).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
ARTICLE = {
    "id": "a1",
    "text": "Government jets bombarded Douma on 3 May 2016, killing five people.",
    "published": "2016-05-04",
}
CLI = "from frontlines.cli.main import app; app()"

#: Run inside one fresh process by --breakdown: the steps of a one-article extract, timed one by one.
BREAKDOWN = """
import datetime as dt, json, sys, time
marks = [("interpreter", time.perf_counter())]
def mark(name):
    marks.append((name, time.perf_counter()))
import frontlines.cli.main
from frontlines.cli.common import loading
mark("import the CLI")
with loading():  # as `frontlines extract` does
    import frontlines.run
    mark("import the extraction stack")
    from frontlines.config import load_settings
    from frontlines.events.classifier import open_default_classifier
    from frontlines.geo import open_default_gazetteer
    from frontlines.mentions.actors import ActorDictionary
    from frontlines.run import Resources, extract
    from frontlines.text.language import identifier
    settings = load_settings()
    gazetteer, matcher = open_default_gazetteer(settings)
    mark("gazetteer and place matcher")
    actors = ActorDictionary.load()
    mark("actor dictionary")
    classifier = open_default_classifier(settings)
    mark("classifier")
identifier()
mark("language-ID model")
results = list(extract([__import__("pathlib").Path(sys.argv[1])], settings,
                       Resources(gazetteer, matcher, actors, classifier), today=dt.date(2026, 1, 1)))
assert results and results[0].doc is not None
mark("extract the article")
print(json.dumps([(name, t - marks[i][1]) for i, (name, t) in enumerate(marks[1:])]))
"""


def child_env(as_is: bool) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(SRC), "FRONTLINES_TODAY": "2026-01-01"}
    if not as_is:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_once(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time (s) and peak RSS (MB) of one fresh interpreter running ``args``."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{args} failed ({proc.returncode}): {stderr.strip()[-500:]}")
    return wall, usage.ru_maxrss / 1024


def measure(label: str, args: list[str], env: dict[str, str], runs: int) -> None:
    walls, rss = zip(*(run_once(args, env) for _ in range(runs)), strict=True)
    print(
        f"{label:<28} median {statistics.median(walls):.3f} s, min {min(walls):.3f} s,"
        f" peak RSS {max(rss):.0f} MB  ({runs} runs)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10, help="fresh processes per figure")
    parser.add_argument("--as-is", action="store_true", help="keep PYTHONDONTWRITEBYTECODE if set")
    args = parser.parse_args()
    env = child_env(args.as_is)
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.jsonl"
        one.write_text(json.dumps(ARTICLE) + "\n")
        extract = ["-c", CLI, "extract", str(one)]
        run_once(extract, env)  # warm-up: bytecode and any cache a fresh install lacks
        print(f"python {sys.version.split()[0]}, bytecode cache {'as set' if args.as_is else 'on'}")
        measure("extract, one article", extract, env, args.runs)
        measure("import the CLI", ["-c", "import frontlines.cli.main"], env, args.runs)
        measure("frontlines --help", ["-c", CLI, "--help"], env, args.runs)
        out = subprocess.run(
            [sys.executable, "-c", BREAKDOWN, str(one)], env=env, capture_output=True, text=True, check=True
        )
        steps = json.loads(out.stdout.strip().splitlines()[-1])
        total = sum(s for _, s in steps)
        walls = [run_once(extract, env)[0] for _ in range(args.runs)]
        rest = statistics.median(walls) - total
        print("one run, step by step (in one fresh process, after the interpreter's own start):")
        for name, seconds in steps:
            print(f"  {name:<28} {seconds:.3f} s  {100 * seconds / total:4.0f}%")
        print(f"  {'total':<28} {total:.3f} s")
        print(
            f"  the rest of a run's {statistics.median(walls):.3f} s (interpreter start, parsing the"
            f" arguments, printing, exit): about {rest:.3f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

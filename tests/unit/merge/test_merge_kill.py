"""A writer killed with SIGKILL at any moment leaves a store that the next merge completes exactly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from frontlines.merge import merge_events
from frontlines.merge.store import merge_pending
from frontlines.store import SqliteRepository
from frontlines.store.base import EventQuery

_HERE = Path(__file__).resolve().parents[2]

#: A writer that stores batches of reports (clashes, shelling and strikes over two months in five
#: places) and merges after each, forever; it prints each batch number once written.
_WRITER = textwrap.dedent(
    """
    import datetime as dt, random, sys
    sys.path.insert(0, {tests!r})
    from unit.merge.factory import PLACES, REBELS, HTS, report
    from frontlines.merge.store import merge_pending
    from frontlines.model import SubEventType
    from frontlines.store import SqliteRepository
    subs = [SubEventType.ARMED_CLASH, SubEventType.SHELLING, SubEventType.AIR_DRONE_STRIKE]
    rnd = random.Random(7)
    with SqliteRepository({db!r}) as repo:
        for batch in range(10**6):
            reports = [
                report(
                    f"b{{batch}}-{{i}}",
                    day=dt.date(2013, 2, 1) + dt.timedelta(days=rnd.randint(0, 60)),
                    place=rnd.choice(sorted(PLACES)),
                    sub=rnd.choice(subs),
                    actor2=rnd.choice([REBELS, HTS, None]),
                    tp=rnd.choice([1, 1, 2, 3]),
                    gp=rnd.choice([1, 1, 2, 3]),
                    outlet=rnd.choice(["Reuters", "AFP", "SANA"]),
                )
                for i in range(25)
            ]
            repo.add_batch([], reports, [], run_config="kill")
            merge_pending(repo, full_share=2.0)
            print(batch, flush=True)
    """
)


def _view(canonical: list) -> list:
    return [(c.canonical_id, c.report_ids, c.event, c.sources_count) for c in canonical]


@pytest.mark.parametrize("delay", [0.6, 1.3, 2.1])
def test_merge_kill_9_then_next_merge_equals_full(tmp_path: Path, delay: float) -> None:
    db = tmp_path / "killed.db"
    script = _WRITER.format(tests=str(_HERE), db=str(db))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, env=env)
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()  # one batch written and merged: the writer is running
        assert first.strip() == b"0", "the writer did not start"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    with SqliteRepository(db) as repo:
        reports = list(repo.events(EventQuery()))
        assert len(reports) >= 25
        merge_pending(repo)  # what the next writing command runs
        assert repo.unmerged_count() == 0
        stored = sorted(repo.canonical_events(EventQuery()), key=lambda c: c.canonical_id)
        assert _view(stored) == _view(merge_events(reports))

"""``ingest --since-last``: unchanged files are not read again, a changed file gives only its new
articles, the run record says what each run added, and a run killed mid-way is completed."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from frontlines.cli.main import app
from frontlines.config import Settings
from frontlines.incremental import file_digest
from frontlines.ingest import read_inputs
from frontlines.model import Article
from frontlines.run import Resources, ingest
from frontlines.store import SqliteRepository
from frontlines.store.base import EventQuery
from helpers import EXAMPLES
from unit.distributed.corpus import TODAY

ENV = {"FRONTLINES_TODAY": TODAY.isoformat()}


def invoke(db: Path, *args: str):
    return CliRunner().invoke(app, ["--db", str(db), *args], env=ENV)


def write_feed(folder: Path, settings: Settings, files: int, per_file: int = 2) -> None:
    """``files`` JSONL files of ``per_file`` example articles each, every record a new article."""
    articles = [a for a in read_inputs([EXAMPLES], settings.ingest, today=TODAY) if isinstance(a, Article)]
    folder.mkdir(parents=True, exist_ok=True)
    for f in range(files):
        with (folder / f"day-{f:03d}.jsonl").open("w", encoding="utf-8") as fh:
            for k in range(per_file):
                a = articles[(f * per_file + k) % len(articles)]
                record = {"title": f"{a.title} #{f}.{k}", "text": a.text, "source": a.source}
                record["published"] = a.published.isoformat() if a.published else None
                fh.write(json.dumps(record) + "\n")


def view(db: Path) -> tuple[object, ...]:
    with SqliteRepository(db) as repo:
        canonical = sorted(
            (c.canonical_id, c.report_ids, c.event) for c in repo.canonical_events(EventQuery())
        )
        return repo.counts(), repo.unmerged_count(), canonical


def test_since_last_reads_only_new_or_changed_files(tmp_path: Path, settings: Settings) -> None:
    feed, db = tmp_path / "feed", tmp_path / "f.db"
    write_feed(feed, settings, files=3)
    first = invoke(db, "ingest", "--since-last", str(feed))
    assert first.exit_code == 0, first.output
    assert "read 3 files new or changed, 0 files unchanged" in first.stdout
    assert "added 6 articles" in first.stdout
    again = invoke(db, "ingest", "--since-last", str(feed))
    assert "read 0 files new or changed, 3 files unchanged" in again.stdout
    assert "added 0 articles, 0 events" in again.stdout
    # a feed file appended to is read again; only its new record is extracted and added
    day = feed / "day-001.jsonl"
    lines = (feed / "day-002.jsonl").read_text(encoding="utf-8").splitlines()
    day.write_text(
        day.read_text(encoding="utf-8") + lines[0].replace("#2.0", "#1.9") + "\n", encoding="utf-8"
    )
    third = invoke(db, "ingest", "--since-last", str(feed))
    assert "read 1 file new or changed, 2 files unchanged" in third.stdout
    assert "read 1 article (0 repeated in the input, 2 already stored)" in third.stdout
    with SqliteRepository(db) as repo:
        runs = repo.ingest_runs()
    assert [r.counts["articles_added"] for r in runs] == [2 * 3, 0, 1]
    assert all(r.finished for r in runs)
    assert [(Path(f.path).name, f.articles) for f in runs[2].files] == [("day-001.jsonl", 1)]
    assert runs[2].files[0].digest == file_digest(day)
    listed = invoke(db, "runs", "--files")
    assert listed.exit_code == 0
    assert f"{runs[2].run_id}  started" in listed.stdout and "day-001.jsonl  1 new article" in listed.stdout


def _recorded_files(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM ingested_files").fetchone()[0])
    except sqlite3.Error:
        return 0  # not created or migrated yet


def test_since_last_completes_a_killed_run(tmp_path: Path, settings: Settings, resources: Resources) -> None:
    feed, db = tmp_path / "feed", tmp_path / "f.db"
    write_feed(feed, settings, files=30)
    env = {**os.environ, **ENV}
    cmd = [sys.executable, "-m", "frontlines.cli.main", "--db", str(db), "ingest", "--since-last", str(feed)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while _recorded_files(db) < 2 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert proc.poll() is None, "the run ended before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    with SqliteRepository(db) as repo:
        (killed,) = repo.ingest_runs()
        done = len(killed.files)
    assert killed.finished is None and 2 <= done < 30
    rerun = invoke(db, "ingest", "--since-last", str(feed))
    assert rerun.exit_code == 0, rerun.output
    assert f"run {killed.run_id} did not finish" in rerun.stderr
    assert f"read {30 - done} files new or changed, {done} files unchanged" in rerun.stdout
    with SqliteRepository(db) as repo:
        runs = repo.ingest_runs()
        assert runs[1].finished and len(runs[0].files) + len(runs[1].files) == 30
    plain = tmp_path / "plain.db"
    with SqliteRepository(plain) as repo:
        ingest([feed], settings, resources, repo, today=TODAY)
    assert view(db) == view(plain)

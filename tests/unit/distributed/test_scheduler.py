"""``batch --scheduler`` against a cluster started the way a team starts one: `dask scheduler` and
`dask worker` processes on loopback. The store it makes equals what ``ingest`` makes."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client
from typer.testing import CliRunner

from frontlines.cli.main import app
from frontlines.config import Settings
from frontlines.run import Resources, ingest
from frontlines.store import SqliteRepository
from helpers import EXAMPLES
from unit.distributed.corpus import TODAY
from unit.distributed.test_batch import view

DASK = [sys.executable, "-m", "dask"]


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A `dask scheduler` on a free loopback port and a `dask worker` with 2 processes; its address."""
    folder = tmp_path_factory.mktemp("dask")
    info = folder / "scheduler.json"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": folder}
    sched = subprocess.Popen(
        [
            *DASK,
            "scheduler",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--no-dashboard",
            "--scheduler-file",
            str(info),
        ],
        **quiet,  # type: ignore[call-overload]
    )
    workers = None
    try:
        deadline = time.monotonic() + 60
        while not info.exists() and sched.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert info.exists(), "dask scheduler did not start"
        address = json.loads(info.read_text())["address"]
        workers = subprocess.Popen(
            [
                *DASK,
                "worker",
                address,
                "--nworkers",
                "2",
                "--nthreads",
                "1",
                "--no-dashboard",
                "--memory-limit",
                "0",
            ],
            **quiet,  # type: ignore[call-overload]
        )
        with Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        if workers is not None:
            _stop(workers)
        _stop(sched)


def test_cli_batch_on_dask_scheduler_and_worker_processes_equals_ingest(
    scheduler: str, settings: Settings, resources: Resources, tmp_path: Path
) -> None:
    db = tmp_path / "batch.db"
    args = ["--db", str(db), "batch", str(EXAMPLES), "--scheduler", scheduler, "--partitions", "4"]
    result = CliRunner().invoke(app, args, env={"FRONTLINES_TODAY": TODAY.isoformat()})
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("2 workers, 4 partitions: read 38 articles")
    plain = tmp_path / "ingest.db"
    with SqliteRepository(plain) as repo:
        ingest([EXAMPLES], settings, resources, repo, today=TODAY)
    assert view(db) == view(plain)

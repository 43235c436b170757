"""`frontlines serve` as a user runs it: a real uvicorn process on a free port, read-only unless given a
token file; usage errors are one line with exit code 2."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest
from typer.testing import CliRunner

from frontlines.cli.main import app
from frontlines.store.sqlite import SqliteRepository


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_cli_runs_the_app_and_needs_the_token_to_write(tmp_path):
    db = tmp_path / "s.db"
    SqliteRepository(db).close()
    token = tmp_path / "token"
    token.write_text("s3cret-token-for-the-test\n")
    port = _free_port()
    command = [sys.executable, "-m", "frontlines.cli.main", "--db", str(db), "serve", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--token-file", str(token)], stderr=subprocess.PIPE, env=os.environ.copy()
    )
    try:
        deadline, meta = time.monotonic() + 20, None
        while meta is None and time.monotonic() < deadline and process.poll() is None:
            try:
                meta = httpx.get(f"http://127.0.0.1:{port}/api/meta", timeout=2).json()
            except httpx.TransportError:
                time.sleep(0.1)
        assert meta is not None, process.stderr.read().decode() if process.poll() is not None else "no answer"
        assert meta["counts"]["articles"] == 0
        denied = httpx.post(f"http://127.0.0.1:{port}/api/articles", json={"text": "x"})
        assert denied.status_code == 401
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["serve"], "no database at"),
        (["serve", "--token-file", "{tmp}/missing"], "cannot read token file"),
        (["serve", "--token-file", "{tmp}/short"], "holds no token"),
        (["serve", "--tiles", "https://tiles.example.org/tile.png"], "has no {z}/{x}/{y}"),
    ],
)
def test_serve_cli_usage_errors_are_one_line(tmp_path, args, message):
    (tmp_path / "short").write_text("abc\n")
    db = tmp_path / ("none.db" if args == ["serve"] else "s.db")
    if args != ["serve"]:
        SqliteRepository(db).close()
    result = CliRunner().invoke(app, ["--db", str(db), *(a.replace("{tmp}", str(tmp_path)) for a in args)])
    assert result.exit_code == 2
    assert message in result.output and len(result.output.strip().splitlines()) == 1

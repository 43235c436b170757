"""``frontlines gazetteer import`` and ``pull``: thin mirrors of import_path and pull."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontlines.cli.main import app
from frontlines.geo import SqliteGazetteer

runner = CliRunner()


def test_cli_import_csv_into_file(tmp_path: Path) -> None:
    places = tmp_path / "places.csv"
    places.write_text("name,latitude,longitude,country\nTadamon,33.478,36.312,SY\n", encoding="utf-8")
    target = tmp_path / "g.sqlite"
    result = runner.invoke(app, ["gazetteer", "import", str(places), "--into", str(target)])
    assert result.exit_code == 0, result.output
    assert "1 place added" in result.stdout
    assert SqliteGazetteer(target).lookup("Tadamon")[0].country_code == "SY"


@pytest.mark.parametrize(
    "args, message",
    [
        (["gazetteer", "import", "{tmp}/nothing.txt"], "does not exist"),
        (
            ["gazetteer", "pull", "SY", "--base-url", "http://127.0.0.1:{port}", "--into", "{tmp}/g.sqlite"],
            "cannot download",
        ),
    ],
)
def test_cli_gazetteer_errors_are_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    with socket.socket() as sock:  # a local port nothing listens on: never a real host
        sock.bind(("127.0.0.1", 0))
        port = str(sock.getsockname()[1])
    result = runner.invoke(app, [a.replace("{tmp}", str(tmp_path)).replace("{port}", port) for a in args])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and message in lines[0]


def test_cli_import_help_documents_the_csv_and_restore() -> None:
    result = runner.invoke(app, ["gazetteer", "import", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "name,latitude,longitude,country" in result.stdout and "build --force" in result.stdout

"""``pull``: download from a local HTTP server, verify, import; clear errors when offline or broken."""

from __future__ import annotations

import hashlib
import http.server
import socket
import threading
import zipfile
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest

from frontlines.geo import SqliteGazetteer
from frontlines.geo.pull import PullConfig, PullError, parse_pairs, pull
from unit.geo.importers.sources import GEONAMES_SY


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(name="server")
def server_fixture(tmp_path: Path, cod: Callable[[str], Path]) -> Iterator[tuple[str, Path]]:
    """A local HTTP server on 127.0.0.1 serving SY.zip (GeoNames) and syr_cod.zip (COD-AB)."""
    root = tmp_path / "www"
    root.mkdir()
    with zipfile.ZipFile(root / "SY.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("SY.txt", "".join(GEONAMES_SY))
        zf.writestr("readme.txt", "readme\n")
    cod("zip").rename(root / "syr_cod.zip")
    (root / "XX.zip").write_bytes(b"this is not a zip file")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", root
    finally:
        httpd.shutdown()
        httpd.server_close()


def _unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_pull_geonames_and_codab(server: tuple[str, Path], tmp_path: Path) -> None:
    base, _ = server
    target = tmp_path / "g.sqlite"
    config = PullConfig(geonames_url=base, codab_urls={"SY": f"{base}/syr_cod.zip"})
    stats = pull(["sy"], target, config)
    assert [s.added for s in stats] == [len(GEONAMES_SY), 14]
    gazetteer = SqliteGazetteer(target)
    assert gazetteer.lookup("Damascus")[0].kind == "city" and gazetteer.lookup("Jowbar")[0].kind == "district"


def test_pull_checks_sha256(server: tuple[str, Path], tmp_path: Path) -> None:
    base, root = server
    good = hashlib.sha256((root / "SY.zip").read_bytes()).hexdigest()
    pull(["SY"], tmp_path / "ok.sqlite", PullConfig(geonames_url=base, sha256={"SY.zip": good}))
    with pytest.raises(PullError, match=r"SY\.zip has SHA-256 .* expected 00"):
        pull(["SY"], tmp_path / "bad.sqlite", PullConfig(geonames_url=base, sha256={"SY.zip": "00" * 32}))
    assert not (tmp_path / "bad.sqlite").exists()


@pytest.mark.parametrize(
    "countries, message",
    [
        (["XX"], r"XX\.zip is not a zip file"),
        (["ZZ"], r"ZZ\.zip \(HTTP 404"),
        (["Syria"], "not an ISO 3166-1"),
    ],
)
def test_pull_broken_or_missing_files(
    server: tuple[str, Path], tmp_path: Path, countries: list, message: str
) -> None:
    with pytest.raises(PullError, match=message):
        pull(countries, tmp_path / "g.sqlite", PullConfig(geonames_url=server[0]))
    assert not (tmp_path / "g.sqlite").exists()


def test_pull_offline_is_a_one_line_error(tmp_path: Path) -> None:
    config = PullConfig(geonames_url=f"http://127.0.0.1:{_unused_port()}", timeout=5)
    with pytest.raises(PullError) as info:
        pull(["SY"], tmp_path / "g.sqlite", config)
    message = str(info.value)
    assert "\n" not in message and "cannot download http://127.0.0.1:" in message
    assert "gazetteer import FILE" in message


@pytest.mark.parametrize("items", [["SY"], ["=http://x"], ["SY="]])
def test_pull_malformed_pairs(items: list[str]) -> None:
    with pytest.raises(PullError, match="is not KEY=VALUE"):
        parse_pairs(items, "COD-AB URL")

"""A real PostgreSQL 15 server for tests: initdb in a temporary folder, pg_ctl on a free loopback
port, stopped and removed afterwards. Run as the ``postgres`` system user when the tests run as root
(initdb refuses root), so the folder is owned by that user.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg

#: Where Debian's postgresql-15 puts initdb and pg_ctl (FRONTLINES_PG_BIN overrides).
PG_BIN = Path(os.environ.get("FRONTLINES_PG_BIN", "/usr/lib/postgresql/15/bin"))
#: Debian's postgresql-15-postgis-3 installs this file.
POSTGIS_CONTROL = Path("/usr/share/postgresql/15/extension/postgis.control")
#: The template every test database is copied from (migrated once per session).
TEMPLATE = "frontlines_template"


def missing_reason() -> str | None:
    """Why no server can be started here, or None."""
    if not (PG_BIN / "initdb").exists():
        return f"PostgreSQL 15 is not installed ({PG_BIN}/initdb missing): run `make pg` as root"
    if not POSTGIS_CONTROL.exists():
        return "PostGIS for PostgreSQL 15 is not installed: run `make pg` as root"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and no `postgres` system user to run the server"
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PgServer:
    """One server; :meth:`new_database` gives a fresh, migrated database URL (copied from a template)."""

    def __init__(self, folder: Path, port: int) -> None:
        self.folder = folder
        self.port = port
        self._serial = 0
        self._handed: list[str] = []

    def url(self, dbname: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def admin(self) -> psycopg.Connection:
        return psycopg.connect(self.url("postgres"), autocommit=True)

    def new_database(self, *, template: str | None = TEMPLATE, keep: bool = False) -> str:
        """A new database's URL; databases handed out before (without ``keep``) and no longer in use
        are dropped."""
        self._serial += 1
        name = f"test_{self._serial}"
        with self.admin() as conn:
            kept = []
            for old in self._handed:
                try:
                    conn.execute(f'DROP DATABASE IF EXISTS "{old}"')
                except psycopg.errors.ObjectInUse:
                    kept.append(old)
            self._handed = kept
            # FILE_COPY: 4x faster than the default WAL_LOG for a template this size
            suffix = f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else ""
            conn.execute(f'CREATE DATABASE "{name}"{suffix}')
        if not keep:
            self._handed.append(name)
        return self.url(name)


def _run_as_owner(args: list[str]) -> subprocess.CompletedProcess[str]:
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run([*prefix, *args], capture_output=True, text=True, check=False, timeout=120)


@contextlib.contextmanager
def running_server() -> Iterator[PgServer]:
    """Start a server (initdb + pg_ctl) in a temporary folder; stop it and remove the folder after."""
    folder = Path(tempfile.mkdtemp(prefix="frontlines-pg-"))
    if os.geteuid() == 0:
        entry = pwd.getpwnam("postgres")
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    data = folder / "data"
    server: PgServer | None = None
    try:
        initdb = [str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"]
        init = _run_as_owner([*initdb, "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
        if init.returncode != 0:
            raise RuntimeError(f"initdb failed: {init.stderr.strip()}")
        for _attempt in range(3):  # a port found free can be taken before the server binds it
            port = _free_port()
            options = (
                f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
                " -c synchronous_commit=off -c full_page_writes=off"
            )
            pg_ctl = [str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", options]
            start = _run_as_owner([*pg_ctl, "-l", str(folder / "log"), "-w", "start"])
            if start.returncode == 0:
                server = PgServer(folder, port)
                break
        if server is None:
            log = (folder / "log").read_text(errors="replace")[-2000:] if (folder / "log").exists() else ""
            raise RuntimeError(f"pg_ctl start failed: {log}")
        with server.admin() as conn:
            conn.execute(f'CREATE DATABASE "{TEMPLATE}"')
        from frontlines.store.postgres import PostgresRepository

        PostgresRepository(server.url(TEMPLATE)).close()  # migrated once, copied for each test
        yield server
    finally:
        if server is not None:
            _run_as_owner([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"])
        shutil.rmtree(folder, ignore_errors=True)

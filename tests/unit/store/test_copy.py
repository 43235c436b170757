"""``frontlines copy``: SQLite -> PostgreSQL -> SQLite keeps every row and every canonical event."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from frontlines.cli.main import app
from frontlines.merge.store import merge_store
from frontlines.store import EventQuery, SqliteRepository, open_repository
from frontlines.store.copy import digest
from pg_server import PgServer
from unit.merge.factory import report
from unit.store.store_strategies import make_article, make_rejection

REPORTS = [
    report("a1", fatalities=12),
    report("a2", fatalities=15, outlet="AFP"),
    report("b1", place="Aleppo"),
    report("c1", place="Homs"),
]


def _source(path: Path) -> None:
    with SqliteRepository(path) as repo:
        repo.add_batch(
            [make_article("a1"), make_article("a2")], REPORTS[:2], [make_rejection()], run_config="x"
        )
        repo.add_batch([make_article("a3")], REPORTS[2:], [], run_config="y")
        merge_store(repo)
        assert repo.canonical_count() == 3


def _copy(source: str, target: str) -> str:
    result = CliRunner().invoke(app, ["copy", "--from", source, "--to", target])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_copy_sqlite_postgres_sqlite_round_trip(tmp_path: Path, pg_server: PgServer) -> None:
    first, last = tmp_path / "first.db", tmp_path / "last.db"
    _source(first)
    url = pg_server.new_database(template=None)  # an empty database: the copy migrates it
    out = _copy(f"sqlite:///{first}", url)
    assert "canonical events" in out and "3 canonical events" in out
    assert _copy(f"sqlite:///{first}", url).startswith("copied 0 new rows")  # a re-run adds nothing
    _copy(url, f"sqlite:///{last}")
    with SqliteRepository(first) as a, open_repository(url) as pg, SqliteRepository(last) as b:
        assert digest(a) == digest(pg) == digest(b)  # type: ignore[arg-type]
        assert digest(a).rows["runs"] == 2 and digest(a).rows["evidence"] == 4
        assert list(a.canonical_events(EventQuery())) == list(b.canonical_events(EventQuery()))
        assert list(a.rejections()) == list(pg.rejections()) == list(b.rejections())
        # the copied run log goes on: a new run takes the next id
        pg.add_batch([make_article("a9")], [], [], run_config="z")
        assert pg._conn.execute("SELECT max(run_id) FROM runs").fetchone() == (3,)  # type: ignore[attr-defined]


def test_copy_into_a_store_holding_other_rows_fails(tmp_path: Path, pg_server: PgServer) -> None:
    first = tmp_path / "first.db"
    _source(first)
    url = pg_server.new_database()
    with open_repository(url) as pg:
        pg.add_batch([make_article("other")], [], [], run_config="o")
    result = CliRunner().invoke(app, ["copy", "--from", str(first), "--to", url])
    assert result.exit_code == 2
    assert "differs from its source in articles" in result.output


def test_copy_missing_source_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["copy", "--from", str(tmp_path / "no.db"), "--to", str(tmp_path / "b.db")]
    )
    assert result.exit_code == 2 and "no database at" in result.output
    assert not (tmp_path / "b.db").exists()


def test_copy_digest_changes_with_a_canonical_field(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    _source(path)
    with SqliteRepository(path) as repo:
        before = digest(repo)
        repo._conn.execute(
            "UPDATE canonical_events SET fatalities = fatalities + 1 WHERE event_id IN"
            " (SELECT event_id FROM canonical_events LIMIT 1)"
        )
        after = digest(repo)
    assert before.rows == after.rows and before.canonical_sha256 != after.canonical_sha256

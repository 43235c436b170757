"""The run log of incremental ingests (migration 0004): which runs started and finished, and which
input files (by content hash) each finished, with what they added.

:class:`RunLog` is the protocol ``frontlines ingest --since-last`` needs from a store;
:class:`SqlRunLog` implements it in SQL for both engines (the same tables, migration 0004 of each),
mixed into the SQLite and the PostgreSQL repository as :class:`SqliteRunLog` and :class:`PostgresRunLog`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

#: Digests per ``IN (...)`` list.
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class FileRecord:
    """One input file a run finished: its content hash, path and what it added."""

    digest: str
    path: str
    articles: int
    events: int


@dataclass(frozen=True, slots=True)
class IngestRun:
    """One ``ingest --since-last`` run: ``finished`` is None when it was killed (or is running)."""

    run_id: str
    started: str
    finished: str | None
    inputs: tuple[str, ...]
    counts: Mapping[str, int]
    files: tuple[FileRecord, ...]


@runtime_checkable
class RunLog(Protocol):
    """What a store keeps about incremental ingests."""

    def start_ingest_run(self, run_id: str, inputs: Iterable[str], *, started: str) -> None:
        """Record that a run started."""
        ...

    def finish_ingest_run(self, run_id: str, counts: Mapping[str, int], *, finished: str) -> None:
        """Record that a run finished, with what it read and added."""
        ...

    def record_file(self, run_id: str, record: FileRecord, *, done_at: str) -> None:
        """Record that all of a file's articles are stored (a file recorded before is left as it was)."""
        ...

    def known_digests(self, digests: Iterable[str]) -> set[str]:
        """The subset of ``digests`` that a run has finished."""
        ...

    def ingest_runs(self) -> list[IngestRun]:
        """Every run, oldest first, with its files."""
        ...


class SqlRunLog:
    """:class:`RunLog` in SQL (a mixin of a repository; uses its connection and transactions).

    ``_mark`` is the engine's parameter placeholder.
    """

    _mark = "?"
    _conn: Any

    if TYPE_CHECKING:

        def _transaction(self) -> AbstractContextManager[Any]: ...

    def _sql(self, text: str) -> str:
        return text.replace("?", self._mark)

    def start_ingest_run(self, run_id: str, inputs: Iterable[str], *, started: str) -> None:
        """Record that a run started."""
        with self._transaction() as conn:
            conn.execute(
                self._sql("INSERT INTO ingest_runs (run_id, started, inputs) VALUES (?, ?, ?)"),
                (run_id, started, json.dumps(list(inputs), ensure_ascii=False)),
            )

    def finish_ingest_run(self, run_id: str, counts: Mapping[str, int], *, finished: str) -> None:
        """Record that a run finished, with what it read and added."""
        with self._transaction() as conn:
            conn.execute(
                self._sql("UPDATE ingest_runs SET finished = ?, counts = ? WHERE run_id = ?"),
                (finished, json.dumps(dict(counts), sort_keys=True), run_id),
            )

    def record_file(self, run_id: str, record: FileRecord, *, done_at: str) -> None:
        """Record that all of a file's articles are stored (a file recorded before is left as it was)."""
        with self._transaction() as conn:
            conn.execute(
                self._sql(
                    "INSERT INTO ingested_files (digest, path, run_id, articles, events, done_at)"
                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (digest) DO NOTHING"
                ),
                (record.digest, record.path, run_id, record.articles, record.events, done_at),
            )

    def known_digests(self, digests: Iterable[str]) -> set[str]:
        """The subset of ``digests`` that a run has finished."""
        wanted = list(dict.fromkeys(digests))
        known: set[str] = set()
        for i in range(0, len(wanted), _CHUNK):
            chunk = wanted[i : i + _CHUNK]
            marks = ", ".join([self._mark] * len(chunk))
            rows = self._conn.execute(f"SELECT digest FROM ingested_files WHERE digest IN ({marks})", chunk)
            known.update(row[0] for row in rows)
        return known

    def ingest_runs(self) -> list[IngestRun]:
        """Every run, oldest first (by start time, then id: ids begin with the start time), with its files."""
        files: dict[str, list[FileRecord]] = {}
        for run_id, digest, path, articles, events in self._conn.execute(
            "SELECT run_id, digest, path, articles, events FROM ingested_files ORDER BY done_at, path"
        ):
            files.setdefault(run_id, []).append(FileRecord(digest, path, articles, events))
        return [
            IngestRun(
                run_id,
                started,
                finished,
                tuple(json.loads(inputs)),
                json.loads(counts),
                tuple(files.get(run_id, ())),
            )
            for run_id, started, finished, inputs, counts in self._conn.execute(
                "SELECT run_id, started, finished, inputs, counts FROM ingest_runs ORDER BY started, run_id"
            )
        ]


class SqliteRunLog(SqlRunLog):
    """:class:`RunLog` in SQLite."""

    _mark = "?"


class PostgresRunLog(SqlRunLog):
    """:class:`RunLog` in PostgreSQL."""

    _mark = "%s"

"""The one writer of an existing gazetteer file: upserts places in chunks inside one transaction.

Atomic: everything an import writes happens in a single SQLite transaction (rollback journal), so a
failing import leaves the file as it was; a new file is built under a temporary name and renamed.
Idempotent: every place has a deterministic ``place_id``; re-writing it updates the row in place, and
:meth:`GazetteerWriter.remove_stale` deletes the rows of a source that this run did not write again.
A place first written by another source (an embedded town that a GeoNames dump also has) is taken
over gently: its name and admin names stay, missing values are filled, names are added.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from frontlines.errors import ResourceError
from frontlines.geo.gazetteer import (
    INDEXES,
    INSERT_PLACE,
    PLACE_INSERT_COLUMNS,
    SCHEMA_VERSION,
    PlaceRecord,
    create_schema,
    insert_names,
    insert_polygon,
    place_values,
)

#: Records upserted per round trip (one SELECT of existing ids, then the writes).
CHUNK = 5000
#: SQLite's limit on bound parameters is 32766 here; stay well below it in IN (...) lists.
IN_BATCH = 900
#: place_id -> rowid cache for parent links, cleared when it grows past this.
PARENT_CACHE = 200_000


class GazetteerImportError(ResourceError):
    """A file cannot be imported into a gazetteer (unknown format, broken file, wrong schema)."""

    code = "E302"


@dataclass(slots=True)
class WriteCounts:
    """What a writer did so far."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    names: int = 0
    polygons: int = 0
    admin_filled: int = 0
    skipped: int = 0
    sources: dict[str, int] = field(default_factory=dict)


def batched(items: list[Any], size: int = IN_BATCH) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class GazetteerWriter:
    """Open ``path`` for one import (creating an empty gazetteer when it does not exist); use as a
    context manager: committed on a clean exit, rolled back (or the new file discarded) on error."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._new = not self.path.exists()
        self._target = self.path
        if self._new:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._target = self.path.with_name(f".{self.path.name}.{os.getpid()}.import.tmp")
            self._target.unlink(missing_ok=True)
        self.conn = sqlite3.connect(self._target, isolation_level=None, timeout=30)
        try:
            if self._new:
                self.conn.execute("PRAGMA journal_mode = OFF")
                create_schema(self.conn, {"source": "imports"})
            self._check_schema()
            self.conn.executescript(INDEXES)  # before the transaction: a script commits first
            self.conn.execute("BEGIN IMMEDIATE")
        except BaseException:
            self._discard()
            raise
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'import_run'").fetchone()
        self.run = int(row[0]) + 1 if row else 1
        self.counts = WriteCounts()
        self._rowids: dict[str, int] = {}

    def _check_schema(self) -> None:
        try:
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise GazetteerImportError(
                f"{self.path} is not a gazetteer ({exc})", "import into another file with --into"
            ) from exc
        if row is None or row[0] != SCHEMA_VERSION:
            raise GazetteerImportError(
                f"gazetteer {self.path} has schema {row[0] if row else 'none'}, expected {SCHEMA_VERSION}",
                "rebuild it (`frontlines gazetteer build --force` for the default) and import again",
            )

    def __enter__(self) -> GazetteerWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if kind is None:
            self.commit()
        else:
            self._discard()

    def _discard(self) -> None:
        if self.conn.in_transaction:
            self.conn.rollback()
        self.conn.close()
        if self._new:
            self._target.unlink(missing_ok=True)

    def commit(self) -> None:
        """Record the run and its sources in ``meta``, commit, and move a new file into place."""
        rows = [("import_run", str(self.run))]
        rows += [
            (f"import:{src}", json.dumps({"run": self.run, "places": n}))
            for src, n in self.counts.sources.items()
        ]
        self.conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", rows)
        self.conn.execute("COMMIT")
        self.conn.close()
        if self._new:
            self._target.replace(self.path)

    def rowid(self, place_id: str) -> int | None:
        """The row id of a stored place, or None."""
        hit = self._rowids.get(place_id)
        if hit is None:
            row = self.conn.execute("SELECT id FROM places WHERE place_id = ?", (place_id,)).fetchone()
            hit = row[0] if row else None
        return hit

    def begin_source(self, source: str) -> None:
        """Start (re)writing a source: its outlines are dropped, to be written again with its places."""
        stale = "SELECT place FROM polygons WHERE source = ?"
        self.conn.execute(f"DELETE FROM polygon_bbox WHERE id IN ({stale})", (source,))
        self.conn.execute("DELETE FROM polygons WHERE source = ?", (source,))
        self.counts.sources.setdefault(source, 0)

    def write(self, records: Iterable[PlaceRecord]) -> None:
        """Upsert records in chunks (sources must have been started with :meth:`begin_source`)."""
        chunk: list[PlaceRecord] = []
        for record in records:
            chunk.append(record)
            if len(chunk) >= CHUNK:
                self._write_chunk(chunk)
                chunk = []
        if chunk:
            self._write_chunk(chunk)

    def _write_chunk(self, chunk: list[PlaceRecord]) -> None:
        existing: dict[str, tuple[int, str]] = {}
        ids = [r.place.place_id for r in chunk]
        for part in batched(ids):
            sql = f"SELECT place_id, id, source FROM places WHERE place_id IN ({', '.join('?' * len(part))})"
            existing.update((pid, (rowid, src)) for pid, rowid, src in self.conn.execute(sql, part))
        if len(self._rowids) > PARENT_CACHE:
            self._rowids.clear()
        for record in chunk:
            pid = record.place.place_id
            parent = self.rowid(record.parent_id) if record.parent_id else None
            hit = existing.get(pid)
            if hit is None:
                cur = self.conn.execute(INSERT_PLACE, place_values(record, parent, self.run))
                rowid = cur.lastrowid
                assert rowid is not None
                self.counts.added += 1
            else:
                rowid, old_source = hit
                self._update(rowid, record, parent, same_source=old_source == record.source)
                self.counts.updated += 1
            existing[pid] = (rowid, record.source)
            self._rowids[pid] = rowid
            self.counts.names += insert_names(self.conn, rowid, record)
            if record.polygon is not None:
                insert_polygon(self.conn, rowid, record.polygon, record.source)
                self.counts.polygons += 1
            self.counts.sources[record.source] = self.counts.sources.get(record.source, 0) + 1

    def _update(self, rowid: int, record: PlaceRecord, parent: int | None, *, same_source: bool) -> None:
        if same_source:
            self.conn.execute("DELETE FROM names WHERE place = ?", (rowid,))
            values = place_values(record, parent, self.run)
            sets = ", ".join(f"{c.strip()} = ?" for c in PLACE_INSERT_COLUMNS.split(","))
            self.conn.execute(f"UPDATE places SET {sets} WHERE id = ?", (*values, rowid))
            return
        p = record.place
        self.conn.execute(
            "UPDATE places SET kind = ?, feature_class = coalesce(?, feature_class),"
            " feature_code = coalesce(?, feature_code), admin1 = coalesce(admin1, ?),"
            " admin2 = coalesce(admin2, ?), admin3 = coalesce(admin3, ?),"
            " admin1_code = coalesce(admin1_code, ?), admin2_code = coalesce(admin2_code, ?),"
            " admin3_code = coalesce(admin3_code, ?), population = max(population, ?),"
            " geonameid = coalesce(geonameid, ?), parent = coalesce(parent, ?), run = ? WHERE id = ?",
            (
                p.kind, record.feature_class, record.feature_code, p.admin1, p.admin2, p.admin3,
                record.admin1_code, record.admin2_code, record.admin3_code, p.population,
                p.geonameid, parent, self.run, rowid,
            ),
        )  # fmt: skip

    def attach_polygon(self, rowid: int, geometry: bytes, source: str) -> None:
        """Give an existing place of another source an outline written by ``source``."""
        insert_polygon(self.conn, rowid, geometry, source)
        self.counts.polygons += 1

    def add_names(self, rowid: int, pairs: Iterable[tuple[str, str]]) -> None:
        """Add (name, origin) pairs (already expanded, see ``gazetteer.expand_names``) to a place."""
        self.counts.names += insert_names(self.conn, rowid, pairs)

    def remove_stale(self, sources: Iterable[str]) -> int:
        """Delete the places of ``sources`` that this run did not write (a re-import replaces its
        source's rows); returns how many went."""
        removed = 0
        for source in sources:
            stale = "SELECT id FROM places WHERE source = ? AND run <> ?"
            args = (source, self.run)
            self.conn.execute(f"DELETE FROM names WHERE place IN ({stale})", args)
            self.conn.execute(f"DELETE FROM polygon_bbox WHERE id IN ({stale})", args)
            self.conn.execute(f"DELETE FROM polygons WHERE place IN ({stale})", args)
            self.conn.execute(f"UPDATE places SET parent = NULL WHERE parent IN ({stale})", args)
            removed += self.conn.execute("DELETE FROM places WHERE source = ? AND run <> ?", args).rowcount
        self._rowids.clear()
        self.counts.removed += removed
        return removed

    def totals(self) -> tuple[int, int, int]:
        """(places, names, outlines) now in the file, as this transaction sees it."""
        row = self.conn.execute(
            "SELECT (SELECT count(*) FROM places), (SELECT count(*) FROM names),"
            " (SELECT count(*) FROM polygons)"
        ).fetchone()
        return int(row[0]), int(row[1]), int(row[2])

    def set_meta(self, values: Mapping[str, str]) -> None:
        self.conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", sorted(values.items()))

"""The gazetteer protocol and its SQLite store (reader and atomic writer).

Schema (``SCHEMA_VERSION`` in table ``meta``): ``places`` holds one row per place (country, admin1-3
names and codes, kind, GeoNames feature class/code, population, lat/lon, parent row, GeoNames id, the
source that wrote it and the import run that last wrote it); ``names`` holds every name of a place with
its folded lookup key (``names.fold``) and where it came from (``origin``: p primary, a alternate,
k alias, v generated spelling variant, h historic, c colloquial); ``polygons`` holds the outline of a
place as WKB (lon/lat, WGS84) with its bounding box in the R*Tree ``polygon_bbox``; ``admin_codes``
maps GeoNames admin codes ("SY.09", "SY.09.1234") to names. The embedded build writes it in one go
(:func:`write_gazetteer`); importers (``frontlines.geo.importers``) update an existing file.
"""

from __future__ import annotations

import os
import sqlite3
from collections import OrderedDict, defaultdict
from collections.abc import Container, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from frontlines.errors import ResourceError
from frontlines.geo.names import fold, is_latin, keep_alternate, spelling_variants
from frontlines.geo.polygons import wkb_bbox
from frontlines.model import Place

if TYPE_CHECKING:
    from frontlines.geo.polygons import PolygonIndex

SCHEMA_VERSION = "2"
#: Distinct lookups kept per process: an article repeats its few place names many times, and a corpus
#: its variant spellings (FA-KES asks about 19,000 distinct names; 4,096 kept re-queried 7,000 a pass).
LOOKUP_CACHE_SIZE = 32_768
#: Names looked up per query by ``prefetch`` (well under SQLite's limit on parameters).
PREFETCH_BATCH = 500
#: Places asked about one by one before ``CapitalIds`` reads the whole set of capitals: about as long
#: (a few microseconds each) as the one scan that reads them all.
CAPITAL_QUERIES = 2000

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    place_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country_code TEXT NOT NULL,
    admin1 TEXT,
    admin2 TEXT,
    admin3 TEXT,
    admin1_code TEXT,
    admin2_code TEXT,
    admin3_code TEXT,
    feature_class TEXT,
    feature_code TEXT,
    population INTEGER NOT NULL DEFAULT 0,
    latitude REAL NOT NULL,
    longitude REAL NOT NULL,
    parent INTEGER REFERENCES places(id),
    geonameid INTEGER,
    source TEXT NOT NULL,
    run INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE names (
    name TEXT NOT NULL,
    place INTEGER NOT NULL REFERENCES places(id),
    folded TEXT NOT NULL,
    origin TEXT NOT NULL,
    latin INTEGER NOT NULL,
    PRIMARY KEY (name, place)
) WITHOUT ROWID;
CREATE TABLE polygons (
    place INTEGER PRIMARY KEY REFERENCES places(id),
    source TEXT NOT NULL,
    geometry BLOB NOT NULL
);
CREATE VIRTUAL TABLE polygon_bbox USING rtree(id, min_lon, max_lon, min_lat, max_lat);
CREATE TABLE admin_codes (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    ascii_name TEXT,
    geonameid INTEGER
);
"""
#: Idempotent, so an import into an older file of the same schema adds any index it lacks.
INDEXES = """
CREATE INDEX IF NOT EXISTS names_folded ON names(folded, place);
CREATE INDEX IF NOT EXISTS names_place ON names(place);
CREATE INDEX IF NOT EXISTS places_country ON places(country_code, kind);
CREATE INDEX IF NOT EXISTS places_admin1 ON places(country_code, admin1_code);
CREATE INDEX IF NOT EXISTS places_geonameid ON places(geonameid);
CREATE INDEX IF NOT EXISTS places_source ON places(source, run);
CREATE INDEX IF NOT EXISTS places_parent ON places(parent);
"""
_PLACE_COLUMNS = (
    "place_id, name, kind, country_code, latitude, longitude, population, admin1, admin2, admin3, geonameid"
)


def _columns(alias: str) -> str:
    """``_PLACE_COLUMNS`` of the table named ``alias`` in a join ("t.place_id, t.name, ...")."""
    return ", ".join(f"{alias}." + c.strip() for c in _PLACE_COLUMNS.split(","))


class GazetteerMissing(ResourceError):
    """The gazetteer file does not exist or is not a gazetteer this version can read."""

    code = "E301"


@runtime_checkable
class Gazetteer(Protocol):
    """What the resolver needs from a gazetteer; tests swap in a tiny one."""

    def lookup(self, name: str, country: str | None = None) -> list[Place]:
        """Places one of whose names folds like ``name``: exact spellings first, then by population."""
        ...

    def names(self) -> Iterator[str]:
        """Every distinct name of every place (the matcher keeps the Latin-script ones)."""
        ...

    def place(self, place_id: str) -> Place | None:
        """The place with this id, or None."""
        ...


@dataclass(frozen=True, slots=True)
class PlaceRecord:
    """One place to write: its record, its names (the primary name is ``place.name``) and its links."""

    place: Place
    alternates: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    admin1_code: str | None = None
    parent_id: str | None = None
    source: str = "fixture"
    admin2_code: str | None = None
    admin3_code: str | None = None
    feature_class: str | None = None
    feature_code: str | None = None
    #: Names with their own origin code (h historic, c colloquial...), kept like alternates.
    tagged_names: tuple[tuple[str, str], ...] = ()
    #: The place's outline as WKB (see ``frontlines.geo.polygons.encode_wkb``).
    polygon: bytes | None = None


def lookup_key(name: str) -> str:
    """The stored and looked-up key of a name: ``names.fold``, or for names it folds to nothing
    (Arabic, Cyrillic... script: fold keeps only a-z and digits) the name case-folded with single
    spaces, so "دمشق" finds Damascus and not every place with a non-Latin name."""
    return fold(name) or " ".join(name.casefold().split())


def _place(row: tuple[Any, ...]) -> Place:
    return Place(
        place_id=row[0],
        name=row[1],
        kind=row[2],
        country_code=row[3],
        latitude=row[4],
        longitude=row[5],
        population=row[6],
        admin1=row[7],
        admin2=row[8],
        admin3=row[9],
        geonameid=row[10],
    )


class CapitalIds:
    """``place_id in capitals``: whether a gazetteer file marks the place as a national capital
    (feature code PPLC). Asked id by id, one indexed query each (remembered), until
    :data:`CAPITAL_QUERIES` ids were asked; then the whole set is read, once: a scan of every place
    (0.01-0.02 s) that a one-article run need not pay and a corpus pays only once."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._known: dict[str, bool] = {}
        self._all: frozenset[str] | None = None

    def __contains__(self, place_id: object) -> bool:
        if self._all is not None:
            return place_id in self._all
        if not isinstance(place_id, str):
            return False
        found = self._known.get(place_id)
        if found is None:
            if len(self._known) >= CAPITAL_QUERIES:
                sql = "SELECT place_id FROM places WHERE feature_code = 'PPLC'"
                self._all = frozenset(row[0] for row in self._conn.execute(sql))
                return place_id in self._all
            sql = "SELECT 1 FROM places WHERE place_id = ? AND feature_code = 'PPLC'"
            found = self._known[place_id] = self._conn.execute(sql, (place_id,)).fetchone() is not None
        return found


class SqliteGazetteer:
    """A read-only gazetteer file: indexed lookups by folded name, a small LRU cache of results.

    Picklable (it reopens the file by path), so one instance can be shipped to worker processes.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise GazetteerMissing(
                f"gazetteer file {self.path} does not exist",
                "unset geo.gazetteer to use the embedded one, or point it at a built gazetteer",
            )
        self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._seats: dict[str, Place | None] = {}
        self._capitals: CapitalIds | None = None
        try:
            row = self._conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise GazetteerMissing(
                f"{self.path} is not a gazetteer ({exc})", "delete it and rebuild the gazetteer"
            ) from exc
        if row is None or row[0] != SCHEMA_VERSION:
            self._conn.close()
            raise GazetteerMissing(
                f"gazetteer {self.path} has schema {row[0] if row else 'none'}, expected {SCHEMA_VERSION}",
                "delete it and rebuild the gazetteer",
            )
        self._cache: OrderedDict[tuple[str, str | None], tuple[list[Place], frozenset[str]]] = OrderedDict()
        self._polygons: PolygonIndex | None = None

    def __getstate__(self) -> dict[str, str]:
        return {"path": str(self.path)}

    def __setstate__(self, state: dict[str, str]) -> None:
        self.__init__(state["path"])  # type: ignore[misc]

    def close(self) -> None:
        self._conn.close()

    def meta(self) -> dict[str, str]:
        """The build facts stored with the file (sources, counts, schema version)."""
        return dict(self._conn.execute("SELECT key, value FROM meta").fetchall())

    def lookup(self, name: str, country: str | None = None) -> list[Place]:
        """Places named like ``name`` (folded), optionally in one ISO2 country; exact spellings
        first, then larger populations first."""
        return list(self._lookup(name, country)[0])

    def spelled_as(self, name: str) -> frozenset[str]:
        """Ids of the places one of whose stored names is ``name`` exactly (among those ``lookup``
        finds: "Bosra" is a name of Busra al-Sham; Basrah only folds like it, as "Busra")."""
        return self._lookup(name, None)[1]

    def _lookup(self, name: str, country: str | None) -> tuple[list[Place], frozenset[str]]:
        key = (name, country)
        hit = self._cache.get(key)
        if hit is not None:
            self._cache.move_to_end(key)
            return hit
        if country is not None:  # the name's places anywhere, in the same order, kept in one country
            places, exact = self._lookup(name, None)
            inside = [p for p in places if p.country_code == country]
            found = (inside, frozenset(p.place_id for p in inside if p.place_id in exact))
            self._remember(key, found)
            return found
        sql = (
            f"SELECT {_columns('p')}, "
            "MAX(n.name = ?) AS exact FROM names n JOIN places p ON p.id = n.place WHERE n.folded = ?"
        )
        args: list[Any] = [name, lookup_key(name)]
        sql += " GROUP BY p.id ORDER BY exact DESC, p.population DESC, p.id"
        rows = self._conn.execute(sql, args).fetchall()
        found = ([_place(row) for row in rows], frozenset(row[0] for row in rows if row[-1]))
        self._remember(key, found)
        return found

    def _remember(self, key: tuple[str, str | None], found: tuple[list[Place], frozenset[str]]) -> None:
        self._cache[key] = found
        if len(self._cache) > LOOKUP_CACHE_SIZE:
            self._cache.popitem(last=False)

    def prefetch(self, names: Iterable[str]) -> None:
        """Look up many names in one query each ``PREFETCH_BATCH`` of them, filling the cache with
        what ``lookup(name)`` would find: the variant search asks for dozens of spellings at once."""
        wanted = sorted({name for name in names if (name, None) not in self._cache})
        cols = _columns("p")
        for start in range(0, len(wanted), PREFETCH_BATCH):
            batch = wanted[start : start + PREFETCH_BATCH]
            keys = sorted({lookup_key(name) for name in batch})
            sql = (
                f"SELECT p.id, n.folded, n.name, {cols} FROM names n JOIN places p ON p.id = n.place"
                f" WHERE n.folded IN ({', '.join('?' * len(keys))})"
            )
            rows: dict[str, dict[int, list[tuple[str, tuple[Any, ...]]]]] = defaultdict(
                lambda: defaultdict(list)
            )
            for row in self._conn.execute(sql, keys):
                rows[row[1]][row[0]].append((row[2], row[3:]))
            for name in batch:
                ranked = sorted(
                    (
                        (not any(stored == name for stored, _ in named), -named[0][1][6], rowid, named[0][1])
                        for rowid, named in rows[lookup_key(name)].items()
                    ),
                )
                found = (
                    [_place(r) for *_, r in ranked],
                    frozenset(r[0] for inexact, *_, r in ranked if not inexact),
                )
                self._remember((name, None), found)

    def names(self) -> Iterator[str]:
        """Every distinct stored name (primary, alternate, alias and generated variants)."""
        for (name,) in self._conn.execute("SELECT DISTINCT name FROM names"):
            yield name

    def latin_names(self) -> Iterator[tuple[str, int, bool]]:
        """The distinct Latin-script names (what an English-text matcher needs), each with the largest
        population among its places and whether one of them is a country or admin1 unit."""
        sql = (
            "SELECT n.name, MAX(p.population), MAX(p.kind IN ('country', 'admin1')) FROM names n"
            " JOIN places p ON p.id = n.place WHERE n.latin = 1 GROUP BY n.name"
        )
        for name, population, region in self._conn.execute(sql):
            yield name, population, bool(region)

    def place(self, place_id: str) -> Place | None:
        """The place with this id, or None."""
        sql = f"SELECT {_PLACE_COLUMNS} FROM places WHERE place_id = ?"
        row = self._conn.execute(sql, (place_id,)).fetchone()
        return _place(row) if row else None

    def seat(self, place: Place) -> Place | None:
        """The town marked as an admin1 unit's seat (its largest town, feature code PPLA, or PPLC for a
        national capital), or None:
        ACLED codes a province-level event at the province's capital."""
        if place.place_id in self._seats:
            return self._seats[place.place_id]
        cols = _columns("t")
        sql = (
            f"SELECT {cols} FROM places t JOIN places a ON t.parent = a.id"
            " WHERE a.place_id = ? AND t.feature_code IN ('PPLA', 'PPLC') ORDER BY t.population DESC LIMIT 1"
        )
        row = self._conn.execute(sql, (place.place_id,)).fetchone()
        self._seats[place.place_id] = _place(row) if row else None
        return self._seats[place.place_id]

    def capital(self, country_code: str) -> Place | None:
        """A country's national capital (its most populous town marked PPLC), or None."""
        cols = _columns("t")
        sql = (
            f"SELECT {cols} FROM places t WHERE t.feature_code = 'PPLC' AND t.country_code = ?"
            " ORDER BY t.population DESC LIMIT 1"
        )
        row = self._conn.execute(sql, (country_code,)).fetchone()
        return _place(row) if row else None

    def capital_ids(self) -> Container[str]:
        """Ids of the towns marked as national capitals (GeoNames feature code PPLC), for ``in``."""
        if self._capitals is None:
            self._capitals = CapitalIds(self._conn)
        return self._capitals

    def parent(self, place_id: str) -> Place | None:
        """The place that contains this one as the importer recorded it (a neighbourhood's city, a
        town's admin1 unit, an admin unit's country), or None."""
        sql = f"SELECT {_columns('q')} FROM places p JOIN places q ON q.id = p.parent WHERE p.place_id = ?"
        row = self._conn.execute(sql, (place_id,)).fetchone()
        return _place(row) if row else None

    def has_polygons(self) -> bool:
        """Whether any place of this gazetteer has an outline (admin areas, neighbourhoods)."""
        return self._conn.execute("SELECT 1 FROM polygons LIMIT 1").fetchone() is not None

    def polygon_candidates(
        self, latitude: float, longitude: float, kinds: tuple[str, ...] = ()
    ) -> list[tuple[int, str, str]]:
        """(row id, kind, name) of the places (of ``kinds``, default all) whose outline's bounding box
        holds the point; the exact test is :func:`frontlines.geo.polygons.contains` on
        :meth:`outline`."""
        sql = (
            "SELECT p.id, p.kind, p.name FROM polygon_bbox b JOIN places p ON p.id = b.id"
            " WHERE b.min_lon <= ? AND b.max_lon >= ? AND b.min_lat <= ? AND b.max_lat >= ?"
        )
        args: list[Any] = [longitude, longitude, latitude, latitude]
        if kinds:
            sql += f" AND p.kind IN ({', '.join('?' * len(kinds))})"
            args += kinds
        return list(self._conn.execute(sql, args))

    def outline(self, rowid: int) -> bytes | None:
        """The WKB outline of the place with this row id, or None."""
        row = self._conn.execute("SELECT geometry FROM polygons WHERE place = ?", (rowid,)).fetchone()
        return bytes(row[0]) if row else None

    def polygon_index(self) -> PolygonIndex:
        """This gazetteer's containment index (made on first use, then kept)."""
        if self._polygons is None:
            from frontlines.geo.polygons import PolygonIndex

            self._polygons = PolygonIndex(self)
        return self._polygons


def expand_names(pairs: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """(name, origin) pairs as stored: primary (p) and alias (k) names always, other origins when they
    look like proper names (``keep_alternate``), then spelling variants (v) of all of those."""
    seen: set[str] = set()
    base = [(name.strip(), origin) for name, origin in pairs if origin in "pk" or keep_alternate(name)]
    for name, origin in base:
        if name and name not in seen:
            seen.add(name)
            yield name, origin
    for name, _ in base:
        if name and is_latin(name):
            for variant in spelling_variants(name):
                if variant not in seen:
                    seen.add(variant)
                    yield variant, "v"


def name_rows(record: PlaceRecord) -> Iterator[tuple[str, str]]:
    """(name, origin) pairs for a record: primary and aliases always, alternates and tagged names when
    they look like proper names, and spelling variants of all of those."""
    pairs: list[tuple[str, str]] = [(record.place.name, "p")]
    pairs += [(name, "k") for name in record.aliases]
    pairs += [(name, "a") for name in record.alternates]
    pairs += list(record.tagged_names)
    return expand_names(pairs)


def place_values(record: PlaceRecord, parent: int | None, run: int) -> tuple[Any, ...]:
    """The ``places`` column values of a record, in ``PLACE_INSERT_COLUMNS`` order."""
    p = record.place
    return (
        p.place_id, p.name, p.kind, p.country_code, p.admin1, p.admin2, p.admin3,
        record.admin1_code, record.admin2_code, record.admin3_code, record.feature_class,
        record.feature_code, p.population, p.latitude, p.longitude, parent, p.geonameid,
        record.source, run,
    )  # fmt: skip


#: The columns :func:`place_values` fills, in order.
PLACE_INSERT_COLUMNS = (
    "place_id, name, kind, country_code, admin1, admin2, admin3, admin1_code, admin2_code, admin3_code,"
    " feature_class, feature_code, population, latitude, longitude, parent, geonameid, source, run"
)
INSERT_PLACE = f"INSERT INTO places ({PLACE_INSERT_COLUMNS}) VALUES ({', '.join('?' * 19)})"


def insert_names(
    conn: sqlite3.Connection, rowid: int, record: PlaceRecord | Iterable[tuple[str, str]]
) -> int:
    """Add a record's names (or stored (name, origin) pairs) to place ``rowid``; existing names are
    kept. Returns the rows offered."""
    pairs = name_rows(record) if isinstance(record, PlaceRecord) else record
    rows = [(name, rowid, lookup_key(name), origin, int(is_latin(name))) for name, origin in pairs]
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?, ?, ?)", rows)
    return len(rows)


def insert_polygon(conn: sqlite3.Connection, rowid: int, geometry: bytes, source: str) -> None:
    """Store (or replace) the outline of place ``rowid`` and its bounding box."""
    min_lon, min_lat, max_lon, max_lat = wkb_bbox(geometry)
    conn.execute("INSERT OR REPLACE INTO polygons VALUES (?, ?, ?)", (rowid, source, geometry))
    conn.execute("DELETE FROM polygon_bbox WHERE id = ?", (rowid,))
    conn.execute(
        "INSERT INTO polygon_bbox VALUES (?, ?, ?, ?, ?)", (rowid, min_lon, max_lon, min_lat, max_lat)
    )


def create_schema(conn: sqlite3.Connection, meta: Mapping[str, str]) -> None:
    """Create the tables, indexes and meta rows of an empty gazetteer in ``conn``."""
    conn.executescript(SCHEMA + INDEXES)
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)", [("schema_version", SCHEMA_VERSION), *sorted(meta.items())]
    )


def write_gazetteer(path: Path, records: Iterable[PlaceRecord], meta: Mapping[str, str]) -> tuple[int, int]:
    """Write a gazetteer file atomically (a temporary file renamed over ``path``).

    Returns (places written, names written). A record whose ``parent_id`` was not written earlier
    gets no parent link.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    n_places = n_names = 0
    try:
        conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + SCHEMA)
        rowids: dict[str, int] = {}
        for record in records:
            parent = rowids.get(record.parent_id) if record.parent_id else None
            cur = conn.execute(INSERT_PLACE, place_values(record, parent, 0))
            rowid = cur.lastrowid
            assert rowid is not None
            rowids[record.place.place_id] = rowid
            n_names += insert_names(conn, rowid, record)
            if record.polygon is not None:
                insert_polygon(conn, rowid, record.polygon, record.source)
            n_places += 1
        conn.executescript(INDEXES)
        conn.executemany(
            "INSERT INTO meta VALUES (?, ?)", [("schema_version", SCHEMA_VERSION), *sorted(meta.items())]
        )
        conn.commit()
    except BaseException:
        conn.close()
        tmp.unlink(missing_ok=True)
        raise
    conn.close()
    tmp.replace(path)
    return n_places, n_names

"""GeoNames dump files: country files (``SY.txt``, ``allCountries.txt``), ``alternateNamesV2.txt``,
``admin1CodesASCII.txt`` and ``admin2Codes.txt``, read line by line (never whole) from a file or a
zip member.

Country files have the 19 documented tab-separated columns (geonameid, name, asciiname,
alternatenames, latitude, longitude, feature class, feature code, country code, cc2, admin1-4 codes,
population, elevation, dem, timezone, modification date). Every feature is kept with its class and
code; kinds are mapped by :func:`geonames_kind`. Rows are written under the source
``geonames:<CC>``; a place the embedded gazetteer already has (same GeoNames id) is taken over.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from frontlines.geo.gazetteer import PlaceRecord, expand_names
from frontlines.geo.importers.writer import GazetteerImportError, GazetteerWriter, batched
from frontlines.model import Place, PlaceKind

#: Feature codes of class A that are countries (independent, dependent, freely associated...).
COUNTRY_CODES = frozenset({"PCL", "PCLI", "PCLD", "PCLF", "PCLS", "TERR"})
ADMIN_CODES: dict[str, PlaceKind] = {"ADM1": "admin1", "ADM2": "admin2", "ADM3": "admin3"}
#: alternateNames "languages" that are not names: links, postcodes, airport codes, Wikidata ids...
NOT_NAMES = frozenset({"link", "post", "iata", "icao", "faac", "abbr", "wkdt", "unlc", "tcid", "fr_1793"})
#: Alternate-name lines read per round trip.
NAMES_CHUNK = 50_000
PLACE_COLUMNS = 19
_ADMIN_CODE = re.compile(r"^[A-Z]{2}\.[^.\t]+(\.[^.\t]+)?$")


def geonames_kind(feature_class: str, feature_code: str) -> PlaceKind:
    """The place kind of a GeoNames feature: PCLI... -> country, ADM1-3 -> admin1-3, PPLX (section of
    a populated place) -> district, other PPL* -> city, everything else -> other."""
    if feature_class == "A":
        if feature_code in COUNTRY_CODES:
            return "country"
        return ADMIN_CODES.get(feature_code, "other")
    if feature_class == "P":
        return "district" if feature_code == "PPLX" else "city"
    return "other"


def sniff(first_line: str) -> str | None:
    """Which GeoNames file a line comes from: "places", "alternate_names", "admin_codes" or None."""
    cols = first_line.rstrip("\r\n").split("\t")
    if len(cols) == PLACE_COLUMNS and cols[0].isdigit():
        return "places"
    if len(cols) in (8, 10) and cols[0].isdigit() and cols[1].isdigit():
        return "alternate_names"
    if len(cols) == 4 and _ADMIN_CODE.match(cols[0]) and (cols[3].isdigit() or not cols[3]):
        return "admin_codes"
    return None


def _float(value: str, label: str, lineno: int, what: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise GazetteerImportError(
            f"{label}:{lineno}: {what} {value!r} is not a number", "fix or re-download the file"
        ) from None


def _place_records(
    writer: GazetteerWriter, lines: Iterable[str], label: str, classes: str | None, sources: set[str]
) -> Iterator[PlaceRecord]:
    admin_names = dict(writer.conn.execute("SELECT code, name FROM admin_codes"))
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) != PLACE_COLUMNS:
            raise GazetteerImportError(
                f"{label}:{lineno}: expected {PLACE_COLUMNS} tab-separated GeoNames columns,"
                f" found {len(cols)}",
                "import an unmodified GeoNames country file (SY.txt, allCountries.txt) or its zip",
            )
        fclass, fcode, cc = cols[6], cols[7], cols[8]
        if classes is not None and fclass not in classes:
            writer.counts.skipped += 1
            continue
        source = f"geonames:{cc}"
        if source not in sources:
            sources.add(source)
            writer.begin_source(source)
        a1 = f"{cc}.{cols[10]}" if cols[10] else None
        a2 = f"{a1}.{cols[11]}" if a1 and cols[11] else None
        a3 = f"{a2}.{cols[12]}" if a2 and cols[12] else None
        lat = _float(cols[4], label, lineno, "latitude")
        lon = _float(cols[5], label, lineno, "longitude")
        alternates = [cols[2], *cols[3].split(",")] if cols[3] else [cols[2]]
        place = Place(
            f"geonames:{cols[0]}", cols[1], cc, lat, lon, geonames_kind(fclass, fcode),
            int(cols[14]) if cols[14].lstrip("-").isdigit() else 0,
            admin1=admin_names.get(a1) if a1 else None, admin2=admin_names.get(a2) if a2 else None,
            geonameid=int(cols[0]),
        )  # fmt: skip
        yield PlaceRecord(
            place, alternates=tuple(a for a in alternates if a != cols[1]), admin1_code=a1, admin2_code=a2,
            admin3_code=a3, feature_class=fclass or None, feature_code=fcode or None, source=source,
        )  # fmt: skip


def import_places(
    writer: GazetteerWriter, lines: Iterable[str], label: str, classes: str | None = None
) -> None:
    """Stream a GeoNames country file into the writer (only feature classes in ``classes`` when
    given, e.g. "AP"), replace the rows its sources wrote before, fill admin names and parents."""
    sources: set[str] = set()
    writer.write(_place_records(writer, lines, label, classes, sources))
    if not sources:
        raise GazetteerImportError(f"{label} holds no GeoNames places", "is it an empty or truncated file?")
    writer.remove_stale(sorted(sources))
    fill_admin_names(writer, writer.run)
    _link_parents(writer, sorted(sources))


def fill_admin_names(writer: GazetteerWriter, run: int | None = None) -> None:
    """Give places (of one run, or all) with admin codes their units' names: from the imported
    admin1CodesASCII/admin2Codes tables (which also replace names a dump row got from its ADM1/ADM2
    feature; other sources' names are only filled where missing), else from the ADM1/ADM2 place with
    that code (an English name from the embedded build first)."""
    only_run = " AND run = ?" if run is not None else ""
    args: tuple[int, ...] = (run,) if run is not None else ()
    before = writer.conn.total_changes
    for level in ("1", "2"):
        code = f"admin{level}_code"
        writer.conn.execute(
            f"UPDATE places SET admin{level} ="
            f" (SELECT a.name FROM admin_codes a WHERE a.code = places.{code})"
            f" WHERE {code} IN (SELECT code FROM admin_codes)"
            f" AND (admin{level} IS NULL OR source LIKE 'geonames:%'){only_run}",
            args,
        )
        writer.conn.execute(
            f"UPDATE places SET admin{level} = (SELECT q.name FROM places q WHERE q.kind = 'admin{level}'"
            f" AND q.country_code = places.country_code AND q.{code} = places.{code}"
            " ORDER BY q.source LIKE 'geonames:%', q.id LIMIT 1)"
            f" WHERE admin{level} IS NULL AND {code} IS NOT NULL{only_run}",
            args,
        )
    writer.counts.admin_filled += writer.conn.total_changes - before


def _link_parents(writer: GazetteerWriter, sources: list[str]) -> None:
    """Parents of this run's rows: a town's admin1 unit (else its country), an admin1's country."""
    for part in batched(sources):
        marks = ", ".join("?" * len(part))
        writer.conn.execute(
            "UPDATE places SET parent = coalesce("
            " (SELECT q.id FROM places q WHERE q.kind = 'admin1' AND q.country_code = places.country_code"
            "  AND q.admin1_code = places.admin1_code AND q.id <> places.id ORDER BY q.id LIMIT 1),"
            " (SELECT q.id FROM places q WHERE q.kind = 'country' AND q.country_code = places.country_code"
            "  AND q.id <> places.id ORDER BY q.id LIMIT 1))"
            f" WHERE source IN ({marks}) AND run = ? AND parent IS NULL AND kind <> 'country'",
            (*part, writer.run),
        )


def import_alternate_names(writer: GazetteerWriter, lines: Iterable[str], label: str) -> None:
    """Add the names of ``alternateNamesV2.txt`` (or the older 8-column file) to the places the
    gazetteer has (matched by GeoNames id); links, postcodes, airport codes and the like are skipped;
    historic names are stored with origin "h", colloquial ones with "c"."""
    chunk: list[tuple[int, str, str]] = []
    for lineno, line in enumerate(lines, 1):
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) < 4 or not cols[1].isdigit():
            if not line.strip():
                continue
            raise GazetteerImportError(
                f"{label}:{lineno}: not a GeoNames alternate-names line",
                "import an unmodified alternateNamesV2.txt",
            )
        if cols[2] in NOT_NAMES or cols[3].startswith(("http:", "https:")):
            writer.counts.skipped += 1
            continue
        historic = len(cols) > 7 and cols[7] == "1"
        colloquial = len(cols) > 6 and cols[6] == "1"
        chunk.append((int(cols[1]), cols[3], "h" if historic else "c" if colloquial else "a"))
        if len(chunk) >= NAMES_CHUNK:
            _write_names(writer, chunk)
            chunk = []
    if chunk:
        _write_names(writer, chunk)


def _write_names(writer: GazetteerWriter, chunk: list[tuple[int, str, str]]) -> None:
    by_id: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for geonameid, name, origin in chunk:
        by_id[geonameid].append((name, origin))
    rowids: dict[int, list[int]] = defaultdict(list)
    for part in batched(list(by_id)):
        sql = f"SELECT geonameid, id FROM places WHERE geonameid IN ({', '.join('?' * len(part))})"
        for geonameid, rowid in writer.conn.execute(sql, part):
            rowids[geonameid].append(rowid)
    for geonameid, pairs in by_id.items():
        if geonameid not in rowids:
            writer.counts.skipped += len(pairs)
            continue
        expanded = list(expand_names(pairs))
        for rowid in rowids[geonameid]:
            writer.add_names(rowid, expanded)


def import_admin_codes(writer: GazetteerWriter, lines: Iterable[str], label: str) -> None:
    """Store admin1CodesASCII.txt / admin2Codes.txt rows (code, name, ASCII name, GeoNames id) and give
    every place with such a code and no admin name the unit's name."""
    rows: list[tuple[str, str, str, int | None]] = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) != 4 or not _ADMIN_CODE.match(cols[0]):
            raise GazetteerImportError(
                f"{label}:{lineno}: not a GeoNames admin-code line (CODE, name, asciiname, geonameid)",
                "import an unmodified admin1CodesASCII.txt or admin2Codes.txt",
            )
        rows.append((cols[0], cols[1], cols[2], int(cols[3]) if cols[3].isdigit() else None))
    writer.conn.executemany("INSERT OR REPLACE INTO admin_codes VALUES (?, ?, ?, ?)", rows)
    fill_admin_names(writer)

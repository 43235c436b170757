"""OCHA populated places ("communities", admin level 4 in the COD P-code system): a JSON array of
records or a spreadsheet (.xlsx) with one community a row.

A table is recognised by its fields, not its file name: it needs a community P-code, an English name
and a point (see :data:`FIELDS` for the spellings known: the compact ``populated_places.json`` that
tools write from ``syr_pplp_adm4_unocha``, and OCHA's ``Locations.xlsx`` list). Every community is a
populated place (kind city, GeoNames-style class P, code PPL) whose id is its P-code
(``cod:<CC>:<P-code>``), so two lists of the same P-code system name the same place once: the second
adds its spellings and fills what the first lacked. Names: the English name first, then the other
English spelling (without a "(District)" qualifier) and the Arabic names as alternates.

Admin names come through the P-codes: the admin1-3 units of the gazetteer (written by a COD-AB import,
in this run or before) give theirs, else the row's own English admin names; a community with neither
is given names by the point-in-polygon fill that ends every import. A community at a town of the
gazetteer with the same name (within :data:`SAME_TOWN_KM`) takes that town's population. Rows are
written under the source ``cod-ab:<CC>:<file stem>``, so importing the file again replaces them.
``is_capital`` is not used (it marks only Damascus and Yarmuk).
"""

from __future__ import annotations

import json
import math
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from frontlines.geo.gazetteer import PlaceRecord, lookup_key
from frontlines.geo.importers.codab import cod_place_id, km
from frontlines.geo.importers.writer import GazetteerImportError, GazetteerWriter
from frontlines.model import Place

#: The names a community table gives each field (lower-cased), first found wins. A table is a
#: community table when it has a P-code, an English name, a latitude and a longitude field.
FIELDS: Mapping[str, tuple[str, ...]] = {
    "pcode": ("location_pcode", "pcode", "admin4pcode", "adm4_pcode"),
    "name": ("admin4name_en", "name_en", "locationname_en", "adm4_en", "adm4_name"),
    "latitude": ("latitude_y", "lat", "latitude"),
    "longitude": ("longitude_x", "lng", "lon", "longitude"),
    "country": ("admin0pcode", "adm0_pcode", "country_code"),
}
#: Fields holding other names of the community, kept as alternates.
ALTERNATE_FIELDS = ("locationname_en", "name_ar", "admin4name_ar", "locationname_ar", "adm4_ar")
#: Per admin level, the fields of its P-code and of its English name.
ADMIN_FIELDS: Mapping[int, tuple[tuple[str, ...], tuple[str, ...]]] = {
    level: (
        (f"admin{level}_pcode", f"admin{level}pcode", f"adm{level}_pcode"),
        (f"admin{level}name_en", f"adm{level}_en", f"adm{level}_name"),
    )
    for level in (1, 2, 3)
}
REQUIRED = ("pcode", "name", "latitude", "longitude")
#: Bytes of a JSON file read to tell whether it is a community table.
SNIFF_BYTES = 4096
FEATURE_CLASS, FEATURE_CODE = "P", "PPL"
#: A community this close to a town of the gazetteer with the same name (GeoNames' "'Afrīn" for
#: OCHA's "Afrin") is that town: it takes the town's population, so the two rank alike instead of the
#: town losing to the community's plain spelling and a namesake village winning (eval/ged_places.py).
SAME_TOWN_KM = 5.0
#: "Yarmuk (Damascus)", "اليرموك - دمشق": the place it is in, appended to tell namesakes apart.
_QUALIFIER = re.compile(r"\s*(\([^)]*\)|\s-\s.*)$")
_KEY = re.compile(r"[^0-9a-z]+")


def _key(name: str) -> str:
    return _KEY.sub("", name.lower())


def field(header: Iterable[str], role: str) -> str | None:
    """The field of ``header`` that plays ``role`` (a key of :data:`FIELDS`), or None."""
    present = {_key(h): h for h in header}
    return next((present[_key(f)] for f in FIELDS[role] if _key(f) in present), None)


def is_community_header(header: Iterable[str]) -> bool:
    """Whether a table with these field names is a community table."""
    names = list(header)
    return all(field(names, role) for role in REQUIRED)


def is_community_json(path: Path) -> bool:
    """Whether a ``.json`` file opens as an array of community records (its first record's keys)."""
    try:
        with path.open(encoding="utf-8-sig", errors="replace") as fh:
            head = fh.read(SNIFF_BYTES).lstrip()
    except OSError:
        return False
    if not head.startswith("["):
        return False
    first = head[1:].lstrip()
    end = first.find("}")
    try:
        record = json.loads(first[: end + 1]) if first.startswith("{") and end > 0 else None
    except json.JSONDecodeError:
        return False  # a nested first record: not the flat table this reads
    return isinstance(record, dict) and is_community_header(record)


def sheet_header(path: Path) -> list[str] | None:
    """The first row of a workbook's first sheet, or None when it is not a readable .xlsx."""
    try:
        rows = _sheet_rows(path)
        header = next(rows, None)
    except GazetteerImportError:
        return None
    return [str(c) for c in header if c is not None] if header else None


def _sheet_rows(path: Path) -> Iterator[tuple[Any, ...]]:
    try:
        import openpyxl
    except ImportError as exc:  # a dependency of the package; only a broken install lacks it
        raise GazetteerImportError(
            f"cannot read {path}: openpyxl is not installed", "pip install openpyxl (or reinstall frontlines)"
        ) from exc
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, InvalidFileException) as exc:
        raise GazetteerImportError(f"cannot read workbook {path} ({exc})", "save it again as .xlsx") from exc
    try:
        yield from book.worksheets[0].iter_rows(values_only=True)
    finally:
        book.close()


def _json_rows(path: Path) -> Iterator[Mapping[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GazetteerImportError(f"cannot read JSON {path} ({exc})", "check the file is complete") from exc
    if not isinstance(data, list):
        raise GazetteerImportError(f"{path} is not a JSON array of records", "give the community list")
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            raise GazetteerImportError(
                f"{path}: record {index} is not an object", "fix or re-export the file"
            )
        yield item


def _xlsx_rows(path: Path) -> Iterator[Mapping[str, Any]]:
    rows = _sheet_rows(path)
    header = [str(c) if c is not None else "" for c in next(rows, ())]
    for values in rows:
        if any(v not in (None, "") for v in values):
            yield dict(zip(header, values, strict=False))


def _text(row: Mapping[str, Any], key: str | None) -> str | None:
    value = row.get(key) if key else None
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


class _Table:
    """One community table being written: its field roles, country and admin-name lookups."""

    def __init__(self, writer: GazetteerWriter, label: str, header: list[str], country: str | None) -> None:
        self.writer, self.label, self.country = writer, label, country
        self.roles = {role: field(header, role) for role in FIELDS}
        self.alternates = [f for f in header if _key(f) in _ALT_KEYS]
        self.admin = {
            level: (_pick(header, codes), _pick(header, names))
            for level, (codes, names) in ADMIN_FIELDS.items()
        }
        self._names: dict[str, str | None] = {}

    def country_of(self, row: Mapping[str, Any], where: str) -> str:
        code = _text(row, self.roles["country"]) or _text(row, self.admin[1][0]) or ""
        if len(code) >= 2 and code[:2].isalpha():
            return code[:2].upper()
        if self.country:
            return self.country.upper()
        raise GazetteerImportError(
            f"{where}: cannot tell the country (no admin0/admin1 P-code)", "pass --country CC"
        )

    def unit_name(self, cc: str, code: str) -> str | None:
        """The gazetteer's name of the admin unit with this P-code (cached), or None."""
        if code not in self._names:
            row = self.writer.conn.execute(
                "SELECT name FROM places WHERE place_id = ? AND kind IN ('admin1', 'admin2', 'admin3')",
                (cod_place_id(cc, code),),
            ).fetchone()
            self._names[code] = row[0] if row else None
        return self._names[code]

    def town_population(self, cc: str, name: str, lat: float, lon: float) -> int:
        """The population of the largest town of another source named ``name`` within SAME_TOWN_KM
        of the point (0 when none): the community is that town."""
        rows = self.writer.conn.execute(
            "SELECT p.latitude, p.longitude, p.population FROM names n JOIN places p ON p.id = n.place"
            " WHERE n.folded = ? AND p.country_code = ? AND p.kind = 'city' AND p.population > 0"
            " AND p.source NOT LIKE 'cod-ab:%'",
            (lookup_key(name), cc),
        )
        return max((pop for y, x, pop in rows if km(lat, lon, y, x) <= SAME_TOWN_KM), default=0)

    def record(self, row: Mapping[str, Any], where: str, source: str) -> PlaceRecord | None:
        code, name = _text(row, self.roles["pcode"]), _text(row, self.roles["name"])
        if not code or not name:
            self.writer.counts.skipped += 1
            return None
        lat, lon = _point(row, self.roles["latitude"], self.roles["longitude"], where)
        cc = self.country_of(row, where)
        codes: list[str | None] = []
        names: list[str | None] = []
        for level in (1, 2, 3):
            code_field, name_field = self.admin[level]
            unit = _text(row, code_field)
            codes.append(unit)
            names.append((self.unit_name(cc, unit) if unit else None) or _text(row, name_field))
        parent = next((cod_place_id(cc, c) for c in reversed(codes) if c and self.unit_name(cc, c)), None)
        name = _QUALIFIER.sub("", name) or name
        alternates: list[str] = []
        for key in self.alternates:
            value = _text(row, key)
            value = _QUALIFIER.sub("", value) if value else None
            if value and value != name and value not in alternates:
                alternates.append(value)
        population = self.town_population(cc, name, lat, lon)
        place = Place(cod_place_id(cc, code), name, cc, lat, lon, "city", population,
                      admin1=names[0], admin2=names[1], admin3=names[2])  # fmt: skip
        return PlaceRecord(
            place, alternates=tuple(alternates), admin1_code=codes[0], admin2_code=codes[1],
            admin3_code=codes[2], parent_id=parent, source=source, feature_class=FEATURE_CLASS,
            feature_code=FEATURE_CODE,
        )  # fmt: skip


_ALT_KEYS = frozenset(_key(f) for f in ALTERNATE_FIELDS)


def _pick(header: list[str], candidates: tuple[str, ...]) -> str | None:
    present = {_key(h): h for h in header}
    return next((present[_key(c)] for c in candidates if _key(c) in present), None)


def _point(
    row: Mapping[str, Any], lat_key: str | None, lon_key: str | None, where: str
) -> tuple[float, float]:
    try:
        lat, lon = float(row.get(lat_key or "") or "nan"), float(row.get(lon_key or "") or "nan")
    except (TypeError, ValueError):
        lat = lon = math.nan
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):  # also false for NaN
        raise GazetteerImportError(
            f"{where}: latitude/longitude {row.get(lat_key or '')!r}, {row.get(lon_key or '')!r}"
            " are not a point",
            "fix the record (decimal degrees, WGS84)",
        )
    return lat, lon


def import_communities(writer: GazetteerWriter, path: Path, label: str, country: str | None = None) -> str:
    """Write the communities of a JSON array or .xlsx list (see the module doc); returns the source."""
    is_sheet = path.suffix.lower() == ".xlsx"
    rows = list(_xlsx_rows(path) if is_sheet else _json_rows(path))
    header = list(rows[0]) if rows else []
    if not is_community_header(header):
        missing = [role for role in REQUIRED if field(header, role) is None]
        raise GazetteerImportError(
            f"{label} is not a community list (no {', '.join(missing) or 'records'} field)",
            "give OCHA's populated places with P-code, name and coordinates",
        )
    table = _Table(writer, label, header, country)
    cc = table.country_of(rows[0], f"{label}: row 1")
    source = f"cod-ab:{cc}:{path.stem.lower()}"
    writer.begin_source(source)
    writer.write(_records(table, rows, label, source, first_line=2 if is_sheet else 0))
    writer.remove_stale([source])
    return source


def _records(
    table: _Table, rows: list[Mapping[str, Any]], label: str, source: str, first_line: int
) -> Iterator[PlaceRecord]:
    for index, row in enumerate(rows, first_line):
        where = f"{label}: {'row' if first_line else 'record'} {index}"
        record = table.record(row, where, source)
        if record is not None:
            yield record

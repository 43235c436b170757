"""Conflict place names from a UCDP GED-style event CSV (``where_coordinates``, ``where_prec``,
``latitude``, ``longitude``; ``adm_1``, ``adm_2`` and ``country`` when present).

UCDP's GED codebook grades each event's point by ``where_prec``: 1 when the coordinates are those of
the named location itself, 2 within about 25 km of it, 3-4 a second- or first-order admin unit, 5-7
a line, a country or waters. Only precision-1 rows name a place: each distinct location (same folded
name, coordinates rounded to :data:`ROUND_DIGITS` decimals) becomes one place, named as GED writes it
less a trailing type word ("Teir Maaleh village" -> "Teir Maaleh", see :data:`SUFFIX_KINDS`), with
GED's full spelling kept as an alternate. Admin names are GED's ``adm_1``/``adm_2`` less their type
word ("Homs Governorate" -> "Homs"); admin outlines in the gazetteer replace them (point in polygon).
Rows are written under the source ``ged:<file stem>``, so importing the file again replaces them.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from frontlines.geo.gazetteer import PlaceRecord
from frontlines.geo.importers.csvfile import csv_header
from frontlines.geo.importers.writer import GazetteerImportError, GazetteerWriter
from frontlines.geo.names import fold
from frontlines.model import Place, PlaceKind

#: Columns that make a CSV a GED-style event file.
REQUIRED = ("where_coordinates", "where_prec", "latitude", "longitude")
#: ``where_prec`` values whose point is the named location itself (GED codebook: 1 = exact location).
EXACT_PRECISION = frozenset({1})
#: Decimal places of the coordinates that tell two locations of the same name apart (0.01 deg ~ 1 km).
ROUND_DIGITS = 2
#: Trailing words GED adds to a location's name, and the kind of place each marks.
SUFFIX_KINDS: Mapping[str, PlaceKind] = {
    "village": "city",
    "town": "city",
    "city": "city",
    "district": "district",
    "suburb": "district",
    "neighbourhood": "district",
    "neighborhood": "district",
}
#: Trailing words of GED's admin names.
ADMIN_SUFFIXES = ("governorate", "province", "district", "region", "state", "oblast", "municipality")
#: GED country names that pycountry does not know by that name.
COUNTRY_ALIASES: Mapping[str, str] = {
    "dr congo": "CD",
    "turkey": "TR",
    "russia": "RU",
    "ivory coast": "CI",
    "kingdom of eswatini": "SZ",
    "bosnia-herzegovina": "BA",
    "cambodia": "KH",
    "myanmar": "MM",
    "laos": "LA",
}
FEATURE_CODES: Mapping[PlaceKind, str] = {"city": "PPL", "district": "PPLX"}
_PARENTHESES = re.compile(r"\s*\([^)]*\)\s*$")


def is_ged_csv(path: Path) -> bool:
    """Whether a CSV has the location columns of a UCDP GED event file."""
    header = csv_header(path)
    return header is not None and all(c in header for c in REQUIRED)


def split_name(where: str) -> tuple[str, PlaceKind]:
    """A GED location name without its trailing type word, and the kind that word marks (city when
    there is none): "Ar Rastan  town" -> ("Ar Rastan", "city")."""
    name = " ".join(where.split())
    head, _, last = name.rpartition(" ")
    kind = SUFFIX_KINDS.get(last.lower())
    if head and kind:
        return head, kind
    return name, "city"


def admin_name(value: str | None) -> str | None:
    """GED's admin name less its type word: "Homs Governorate" -> "Homs"."""
    name = " ".join((value or "").split())
    head, _, last = name.rpartition(" ")
    if head and last.lower() in ADMIN_SUFFIXES:
        name = head
    return name or None


def country_code(value: str, where: str, default: str | None) -> str:
    """The ISO2 code of GED's country name ("Syria", "Yemen (North Yemen)"), else ``default``."""
    import pycountry

    plain = _PARENTHESES.sub("", value).strip()
    if plain.lower() in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[plain.lower()]
    try:
        return str(pycountry.countries.lookup(plain).alpha_2) if plain else _fallback(value, where, default)
    except LookupError:
        return _fallback(value, where, default)


def _fallback(value: str, where: str, default: str | None) -> str:
    if default:
        return default.upper()
    raise GazetteerImportError(f"{where}: unknown country {value!r}", "pass --country CC")


def _precision(value: str) -> int | None:
    try:
        return int(float(value))
    except ValueError:
        return None


def _records(path: Path, source: str, country: str | None, writer: GazetteerWriter) -> Iterator[PlaceRecord]:
    seen: set[str] = set()
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for lineno, row in enumerate(csv.DictReader(fh), 2):
            if _precision(row.get("where_prec") or "") not in EXACT_PRECISION:
                continue
            where = f"{path}:{lineno}"
            full = " ".join((row.get("where_coordinates") or "").split())
            try:
                lat, lon = float(row["latitude"]), float(row["longitude"])
            except (TypeError, ValueError):
                raise GazetteerImportError(
                    f"{where}: latitude/longitude {row.get('latitude')!r}, {row.get('longitude')!r}"
                    " are not numbers",
                    "import an unmodified GED file",
                ) from None
            name, kind = split_name(full)
            key = f"{fold(name) or name.casefold()}@{lat:.{ROUND_DIGITS}f},{lon:.{ROUND_DIGITS}f}"
            if not name or key in seen or not (-90 <= lat <= 90 and -180 <= lon <= 180):
                writer.counts.skipped += bool(name) and key not in seen
                continue
            seen.add(key)
            cc = country_code(row.get("country") or "", where, country)
            place = Place(
                f"ged:{cc}:{key}", name, cc, lat, lon, kind,
                admin1=admin_name(row.get("adm_1")), admin2=admin_name(row.get("adm_2")),
            )  # fmt: skip
            alternates = (full,) if full != name else ()
            yield PlaceRecord(
                place,
                alternates=alternates,
                source=source,
                feature_class="P",
                feature_code=FEATURE_CODES[kind],
            )


def import_ged(writer: GazetteerWriter, path: Path, country: str | None = None) -> str:
    """Write the precision-1 locations of a GED event CSV (see the module doc); returns the source."""
    source = f"ged:{path.stem.lower()}"
    writer.begin_source(source)
    writer.write(_records(path, source, country, writer))
    writer.remove_stale([source])
    return source

"""A plain CSV of custom places (UTF-8, comma-separated, a header row).

Required columns: ``name``, ``latitude``, ``longitude``, ``country`` (ISO2 code, or a country name
pycountry knows). Optional: ``id`` (a stable id; else one is made from name and point), ``kind``
(country, admin1, admin2, admin3, city, district, other; default city), ``admin1``, ``admin2``,
``admin3``, ``population`` and ``alternate_names`` (spellings separated by ``|``). Header names are
case-insensitive; ``lat``/``lon``/``lng`` and ``alternates`` are accepted too. Rows are written under
the source ``csv:<file stem>``, so importing the file again replaces them.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import get_args

from frontlines.geo.gazetteer import PlaceRecord
from frontlines.geo.importers.writer import GazetteerImportError, GazetteerWriter
from frontlines.geo.names import fold
from frontlines.model import Place, PlaceKind

ALIASES = {"lat": "latitude", "lon": "longitude", "lng": "longitude", "alternates": "alternate_names",
           "country_code": "country"}  # fmt: skip
REQUIRED = ("name", "latitude", "longitude", "country")
KINDS = frozenset(get_args(PlaceKind))


def csv_header(path: Path) -> list[str] | None:
    """The normalised header of a CSV file, or None when it cannot be read as text."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            row = next(csv.reader(fh), None)
    except (OSError, UnicodeDecodeError, csv.Error):
        return None
    return [ALIASES.get(c.strip().lower(), c.strip().lower()) for c in row] if row else None


def is_places_csv(path: Path) -> bool:
    """Whether a CSV has the columns of a custom-places file."""
    header = csv_header(path)
    return header is not None and all(c in header for c in REQUIRED)


def _country(value: str, where: str) -> str:
    import pycountry

    if len(value) == 2 and value.isalpha():
        return value.upper()
    try:
        return str(pycountry.countries.lookup(value).alpha_2)
    except LookupError:
        raise GazetteerImportError(
            f"{where}: unknown country {value!r}", "use an ISO2 code such as SY"
        ) from None


def _records(path: Path, source: str) -> Iterator[PlaceRecord]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        header = [ALIASES.get(c.strip().lower(), c.strip().lower()) for c in next(reader)]
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise GazetteerImportError(
                f"{path} lacks the column(s) {', '.join(missing)}",
                "a places CSV needs name, latitude, longitude, country"
                " (see `frontlines gazetteer import --help`)",
            )
        for lineno, values in enumerate(reader, 2):
            if not any(v.strip() for v in values):
                continue
            row = {k: v.strip() for k, v in zip(header, values, strict=False)}
            where = f"{path}:{lineno}"
            try:
                lat, lon = float(row["latitude"]), float(row["longitude"])
            except ValueError:
                raise GazetteerImportError(
                    f"{where}: latitude/longitude {row['latitude']!r}, {row['longitude']!r} are not numbers",
                    "write decimal degrees, e.g. 33.51, 36.29",
                ) from None
            if not (-90 <= lat <= 90 and -180 <= lon <= 180) or not row["name"]:
                raise GazetteerImportError(f"{where}: no name or a point off the globe", "fix the row")
            kind = row.get("kind") or "city"
            if kind not in KINDS:
                raise GazetteerImportError(
                    f"{where}: unknown kind {kind!r}", f"use one of {', '.join(sorted(KINDS))}"
                )
            cc = _country(row["country"], where)
            own = row.get("id") or f"{fold(row['name'])}@{lat:.4f},{lon:.4f}"
            population = row.get("population") or "0"
            alternates = [a.strip() for a in (row.get("alternate_names") or "").split("|") if a.strip()]
            place = Place(
                f"csv:{path.stem}:{own}", row["name"], cc, lat, lon, kind,  # type: ignore[arg-type]
                int(population) if population.isdigit() else 0, admin1=row.get("admin1") or None,
                admin2=row.get("admin2") or None, admin3=row.get("admin3") or None,
            )  # fmt: skip
            yield PlaceRecord(place, alternates=tuple(alternates), source=source)


def import_csv(writer: GazetteerWriter, path: Path) -> str:
    """Write the places of a custom CSV; returns its source name."""
    source = f"csv:{path.stem}"
    writer.begin_source(source)
    writer.write(_records(path, source))
    writer.remove_stale([source])
    return source

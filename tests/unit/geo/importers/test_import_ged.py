"""UCDP GED event CSV as a source of place names: exact rows only, one place per name and point, GED's
type words stripped with the full spelling kept, admin names, replacement on re-import."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from frontlines.geo import SqliteGazetteer
from frontlines.geo.importers import GazetteerImportError, import_path
from frontlines.geo.importers.ged import split_name

COLUMNS = ["id", "year", "source_headline", "where_prec", "where_coordinates", "adm_1", "adm_2", "latitude",
           "longitude", "country"]  # fmt: skip
#: (where_prec, where_coordinates, adm_1, adm_2, lat, lon) in the fixture layout of sources.py
ROWS = [
    ("1.0", "Teir Alpha village", "Alpha Governorate", "Alpha West district", 33.21, 36.11),
    ("1.0", "Teir Alpha village", "Alpha Governorate", "Alpha West district", 33.2104, 36.1099),  # same place
    ("1.0", "Beta Mills  town", "Beta Governorate", "Beta Centre district", 33.5, 37.5),
    (
        "2.0",
        "Gamma Ridge town",
        "Beta Governorate",
        "Beta Centre district",
        33.6,
        37.6,
    ),  # ~25 km: not a place
    ("1.0", "Old Quarter suburb", "Alpha Governorate", "Alpha East district", 33.7, 36.7),
]


def write_ged(path: Path, rows: list[tuple] = ROWS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for index, (prec, where, adm1, adm2, lat, lon) in enumerate(rows):
            writer.writerow([index, 2018.0, "Clashes", prec, where, adm1, adm2, lat, lon, "Syria"])
    return path


@pytest.mark.parametrize(
    "where, expected",
    [
        ("Teir Maaleh village", ("Teir Maaleh", "city")),
        ("Ar Rastan  town", ("Ar Rastan", "city")),
        ("Aleppo city", ("Aleppo", "city")),
        ("Jobar suburb", ("Jobar", "district")),
        ("Kuweires Airbase", ("Kuweires Airbase", "city")),
        ("Town", ("Town", "city")),
    ],
)
def test_import_ged_split_name(where: str, expected: tuple[str, str]) -> None:
    assert split_name(where) == expected


def test_import_ged_exact_locations_become_places(tmp_path: Path) -> None:
    target = tmp_path / "g.sqlite"
    stats = import_path(write_ged(tmp_path / "ged_events.csv"), target)
    assert stats.added == 3 and "ged" in stats.files[0]
    gazetteer = SqliteGazetteer(target)
    teir = gazetteer.lookup("Teir Alpha village")[0]  # GED's full spelling is an alternate
    assert (teir.name, teir.kind, teir.country_code, teir.admin1, teir.admin2) == (
        "Teir Alpha", "city", "SY", "Alpha", "Alpha West",
    )  # fmt: skip
    assert gazetteer.lookup("Old Quarter")[0].kind == "district"
    assert gazetteer.lookup("Gamma Ridge") == []


def test_import_ged_admin_names_from_outlines(cod: Callable[[str], Path], tmp_path: Path) -> None:
    target = tmp_path / "g.sqlite"
    import_path(cod("geojson"), target)
    import_path(write_ged(tmp_path / "ged_events.csv"), target)
    quarter = SqliteGazetteer(target).lookup("Old Quarter")[0]
    assert (quarter.admin1, quarter.admin2, quarter.admin3) == ("Alpha", "Alpha East", "Eastmark")


def test_import_ged_reimport_replaces(tmp_path: Path, counts: Callable[[Path], tuple]) -> None:
    source, target = write_ged(tmp_path / "ged_events.csv"), tmp_path / "g.sqlite"
    import_path(source, target)
    first = counts(target)
    assert import_path(source, target).added == 0 and counts(target) == first
    write_ged(source, ROWS[:2])
    assert import_path(source, target).removed == 2
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT count(*) FROM places WHERE source = 'ged:ged_events'").fetchone() == (1,)


def test_import_ged_bad_coordinates_name_the_line(tmp_path: Path) -> None:
    source = write_ged(tmp_path / "ged_events.csv", [("1.0", "Nowhere village", "", "", "x", 36.0)])
    with pytest.raises(GazetteerImportError, match=r"ged_events\.csv:2: latitude/longitude"):
        import_path(source, tmp_path / "g.sqlite")
    assert not (tmp_path / "g.sqlite").exists()

"""OCHA populated places (communities): a JSON array and an .xlsx list, recognised by their fields,
admin names through the P-codes, one place per P-code across both lists, replacement, row errors."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from frontlines.geo import SqliteGazetteer
from frontlines.geo.importers import GazetteerImportError, import_path

#: (P-code, English, Arabic, lat, lon, admin1-3 P-codes) in the fixture layout of sources.py:
#: Alpha West/Westmark lon 36-36.5, Alpha East/Eastmark 36.5-37, Beta/Betamark 37-38.
WEST, EAST, BETA = (
    ("SY01", "SY0101", "SY010100"),
    ("SY01", "SY0102", "SY010200"),
    ("SY02", "SY0201", "SY020100"),
)
COMMUNITIES: list[tuple[Any, ...]] = [
    ("C1001", "Kafr Alpha", "كفر ألفا", 33.2, 36.1, WEST),
    ("C1002", "Tal Beta", "تل بيتا", 33.3, 37.5, BETA),
    # the point lies just inside Alpha East, the P-codes say Westmark: the P-codes win
    ("C1003", "Border Hamlet", "الحدود", 33.4, 36.51, WEST),
    ("C1004", "Deir Gamma", "دير غاما", 33.6, 36.8, EAST),
    ("C1005", "Ain Delta", "عين دلتا", 33.7, 37.2, BETA),
]
#: Locations.xlsx columns (a subset, in OCHA's spelling).
SHEET_COLUMNS = [
    "admin0Pcode", "admin1Name_en", "admin1Pcode", "admin2Name_en", "admin2Pcode", "admin3Name_en",
    "admin3Pcode", "admin4Name_en", "admin4Name_ar", "LocationName_en", "LocationName_ar", "Location_Pcode",
    "location_type", "Latitude_y", "Longitude_x",
]  # fmt: skip
SHEET_NAMES = {
    "SY01": "Alpha", "SY02": "Beta", "SY0101": "Alpha West", "SY0102": "Alpha East", "SY0201": "Beta Centre",
    "SY010100": "Westmark", "SY010200": "Eastmark", "SY020100": "Betamark",
}  # fmt: skip


def write_json(path: Path, rows: list[tuple[Any, ...]] = COMMUNITIES) -> Path:
    records = [
        {"name_ar": ar, "name_en": en, "lat": lat, "lng": lon, "pcode": code, "admin1_pcode": a1,
         "admin1_ar": "", "admin2_pcode": a2, "admin2_ar": "", "admin3_pcode": a3, "admin3_ar": "",
         "is_capital": False}
        for code, en, ar, lat, lon, (a1, a2, a3) in rows
    ]  # fmt: skip
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


def write_sheet(path: Path, rows: list[tuple[Any, ...]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(SHEET_COLUMNS)
    for code, en, ar, lat, lon, (a1, a2, a3) in rows:
        qualified = f"{en} ({SHEET_NAMES[a3]})"
        sheet.append(["SY", SHEET_NAMES[a1], a1, SHEET_NAMES[a2], a2, SHEET_NAMES[a3], a3, en, ar,
                      qualified, ar, code, "Community", lat, lon])  # fmt: skip
    book.save(path)
    return path


EXTRA = ("C1006", "New Camp", "المخيم الجديد", 33.8, 37.9, BETA)


def _place(target: Path, code: str) -> tuple[Any, ...]:
    with sqlite3.connect(target) as conn:
        return conn.execute(
            "SELECT name, kind, feature_class, feature_code, admin1, admin2, admin3, source FROM places"
            " WHERE place_id = ?",
            (f"cod:SY:{code}",),
        ).fetchone()


def test_import_communities_json_alone(tmp_path: Path) -> None:
    target = tmp_path / "g.sqlite"
    stats = import_path(write_json(tmp_path / "villages.json"), target)
    assert stats.added == 5
    place = SqliteGazetteer(target).lookup("كفر ألفا")[0]
    assert (place.name, place.kind, place.country_code, place.place_id) == (
        "Kafr Alpha",
        "city",
        "SY",
        "cod:SY:C1001",
    )
    assert _place(target, "C1001")[2:4] == ("P", "PPL")


def test_import_communities_admin_names_through_pcodes(cod: Callable[[str], Path], tmp_path: Path) -> None:
    folder = cod("geojson")
    write_json(folder / "populated_places.json")
    target = tmp_path / "g.sqlite"
    import_path(folder, target)
    assert _place(target, "C1002")[4:] == ("Beta", "Beta Centre", "Betamark", "cod-ab:SY:populated_places")
    assert _place(target, "C1003")[4:7] == ("Alpha", "Alpha West", "Westmark")
    assert SqliteGazetteer(target).parent("cod:SY:C1004").place_id == "cod:SY010200"  # type: ignore[union-attr]


def test_import_communities_admin_names_from_an_earlier_import(
    cod: Callable[[str], Path], tmp_path: Path
) -> None:
    target = tmp_path / "g.sqlite"
    import_path(cod("geojson"), target)
    import_path(write_json(tmp_path / "villages.json"), target)
    assert _place(target, "C1003")[4:7] == ("Alpha", "Alpha West", "Westmark")


def test_import_communities_sheet_adds_only_new_pcodes(cod: Callable[[str], Path], tmp_path: Path) -> None:
    folder = cod("geojson")
    write_json(folder / "populated_places.json")
    write_sheet(folder / "Locations.xlsx", [*COMMUNITIES, EXTRA])
    target = tmp_path / "g.sqlite"
    stats = import_path(folder, target)
    assert "communities" in stats.files[-1] and stats.files[-1].split(" ")[0].endswith("Locations.xlsx")
    with sqlite3.connect(target) as conn:
        sources = dict(
            conn.execute("SELECT source, count(*) FROM places WHERE kind = 'city' GROUP BY source")
        )
    assert sources == {"cod-ab:SY:populated_places": 5, "cod-ab:SY:locations": 1}
    assert _place(target, "C1006")[0] == "New Camp"  # "New Camp (Betamark)" without its qualifier
    assert _place(target, "C1006")[4:7] == ("Beta", "Beta Centre", "Betamark")
    assert len(SqliteGazetteer(target).lookup("Tal Beta")) == 1


def test_import_communities_sheet_alone_has_its_admin_names(tmp_path: Path) -> None:
    target = tmp_path / "g.sqlite"
    import_path(write_sheet(tmp_path / "list.xlsx", [EXTRA]), target)
    assert _place(target, "C1006")[4:] == ("Beta", "Beta Centre", "Betamark", "cod-ab:SY:list")


def test_import_communities_reimport_replaces(tmp_path: Path, counts: Callable[[Path], tuple]) -> None:
    source, target = write_json(tmp_path / "villages.json"), tmp_path / "g.sqlite"
    import_path(source, target)
    first = counts(target)
    assert import_path(source, target).added == 0 and counts(target) == first
    write_json(source, COMMUNITIES[:3])
    stats = import_path(source, target)
    assert stats.removed == 2 and _place(target, "C1005") is None


def test_import_communities_bad_point_names_the_record(tmp_path: Path) -> None:
    source, target = write_json(tmp_path / "villages.json"), tmp_path / "g.sqlite"
    import_path(source, target)
    records = json.loads(source.read_text(encoding="utf-8"))
    records[3]["lat"] = None
    source.write_text(json.dumps(records), encoding="utf-8")
    with pytest.raises(GazetteerImportError, match=r"villages\.json: record 3: latitude"):
        import_path(source, target)
    assert _place(target, "C1005") is not None  # the failed import changed nothing


@pytest.mark.parametrize("kind", ["no P-codes", "not a workbook"])
def test_import_communities_other_sheets_are_ignored(
    cod: Callable[[str], Path], tmp_path: Path, kind: str
) -> None:
    import openpyxl

    folder = cod("geojson")
    other = folder / "other.xlsx"
    if kind == "not a workbook":
        other.write_bytes(b"not a workbook")
    else:
        book = openpyxl.Workbook()
        book.active.append(["name_en", "lat", "lng"])  # type: ignore[union-attr]
        book.active.append(["Alpha", 33.5, 36.5])  # type: ignore[union-attr]
        book.save(other)
    stats = import_path(folder, tmp_path / "g.sqlite")
    assert any(name.endswith("other.xlsx") for name in stats.ignored)


def test_import_communities_at_a_town_take_its_population(tmp_path: Path) -> None:
    towns = tmp_path / "towns.csv"
    towns.write_text(
        "name,latitude,longitude,country,population\nKafr Álpha,33.21,36.11,SY,5000\n"
        "Tal Beta,33.9,37.9,SY,8000\n",  # the namesake 67 km away is another place
        encoding="utf-8",
    )
    target = tmp_path / "g.sqlite"
    import_path(towns, target)
    import_path(write_json(tmp_path / "villages.json"), target)
    with sqlite3.connect(target) as conn:
        population = dict(conn.execute("SELECT place_id, population FROM places WHERE place_id LIKE 'cod:%'"))
    assert population["cod:SY:C1001"] == 5000 and population["cod:SY:C1002"] == 0

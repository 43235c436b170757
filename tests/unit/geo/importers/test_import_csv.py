"""Custom places from a CSV: columns, alternate names, replacement on re-import, row errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from frontlines.geo import SqliteGazetteer
from frontlines.geo.importers import GazetteerImportError, import_path

PLACES = (
    "name,latitude,longitude,country,kind,admin1,alternate_names,population\n"
    "Tadamon,33.478,36.312,SY,district,Damascus,Tadamun|Al-Tadamon,\n"
    "Hejeira,33.44,36.33,Syria,city,Rif Dimashq,,5000\n"
)


@pytest.fixture(name="places_csv")
def places_csv_fixture(tmp_path: Path) -> Path:
    path = tmp_path / "places.csv"
    path.write_text(PLACES, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Tadamon", ("Tadamon", "district", "SY", "Damascus", 0)),
        ("Tadamun", ("Tadamon", "district", "SY", "Damascus", 0)),
        ("Al-Tadamon", ("Tadamon", "district", "SY", "Damascus", 0)),
        ("Hejeira", ("Hejeira", "city", "SY", "Rif Dimashq", 5000)),  # country given by name
    ],
)
def test_import_csv_places(places_csv: Path, tmp_path: Path, name: str, expected: tuple) -> None:
    target = tmp_path / "g.sqlite"
    import_path(places_csv, target)
    place = SqliteGazetteer(target).lookup(name)[0]
    assert (place.name, place.kind, place.country_code, place.admin1, place.population) == expected


def test_import_csv_reimport_replaces_rows(
    places_csv: Path, base: Path, counts: Callable[[Path], tuple]
) -> None:
    import_path(places_csv, base)
    first = counts(base)
    assert counts(base) == first and import_path(places_csv, base).added == 0
    assert counts(base) == first
    places_csv.write_text(PLACES.splitlines(keepends=True)[0] + PLACES.splitlines(keepends=True)[2])
    stats = import_path(places_csv, base)
    assert stats.removed == 1 and SqliteGazetteer(base).lookup("Tadamon") == []


@pytest.mark.parametrize(
    "content, message",
    [
        ("name,lat,lon\nX,1,2\n", "lacks the column"),
        ("name,lat,lon,country\nX,north,2,SY\n", r"places\.csv:2: latitude/longitude"),
        ("name,lat,lon,country\nX,1,2,Atlantis\n", r"places\.csv:2: unknown country"),
        ("name,lat,lon,country,kind\nX,1,2,SY,village\n", r"places\.csv:2: unknown kind 'village'"),
        ("name,lat,lon,country\nX,100,2,SY\n", "off the globe"),
    ],
)
def test_import_csv_bad_rows_are_clear_errors(
    tmp_path: Path, base: Path, content: str, message: str, counts: Callable[[Path], tuple]
) -> None:
    path = tmp_path / "places.csv"
    path.write_text(content, encoding="utf-8")
    before = counts(base)
    with pytest.raises(GazetteerImportError, match=message):
        import_path(path, base)
    assert counts(base) == before


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("notes.pdf", "%PDF", "is not a file the gazetteer can import"),
        ("readme.txt", "hello\n", "is not a file the gazetteer can import"),
        ("missing.csv", None, "does not exist"),
    ],
)
def test_import_unknown_files_are_clear_errors(
    tmp_path: Path, name: str, content: str | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerImportError, match=message):
        import_path(path, tmp_path / "g.sqlite")


def test_import_into_a_foreign_file_is_a_clear_error(places_csv: Path, tmp_path: Path) -> None:
    target = tmp_path / "other.sqlite"
    target.write_bytes(b"not a database at all" * 100)
    with pytest.raises(GazetteerImportError, match="is not a gazetteer"):
        import_path(places_csv, target)

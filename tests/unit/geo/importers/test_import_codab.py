"""COD-AB import: admin outlines, neighbourhoods and their areas, admin names, idempotence, atomicity."""

from __future__ import annotations

import csv
import math
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from frontlines.geo import SqliteGazetteer
from frontlines.geo.importers import GazetteerImportError, import_path
from frontlines.geo.polygons import assign_admin
from helpers import SHARED_DATA

SHARED_COD = SHARED_DATA / "syria_admin_cod"
needs_cod = pytest.mark.skipif(not SHARED_COD.exists(), reason=f"shared data absent: {SHARED_COD}")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 12742.0 * math.asin(math.sqrt(a))


@pytest.mark.parametrize("fmt", ["geojson", "shp", "zip"])
def test_import_codab_formats_give_the_same_places(
    cod: Callable[[str], Path], tmp_path: Path, fmt: str
) -> None:
    target = tmp_path / "g.sqlite"
    stats = import_path(cod(fmt), target)
    # 2 admin1 + 3 admin2 + 3 admin3 + 4 neighbourhoods + 2 areas
    assert (stats.added, stats.polygons_total) == (14, 14)
    gazetteer = SqliteGazetteer(target)
    kinds = {
        p.name: p.kind
        for name in ("Alpha", "Alpha West", "Westmark", "Jowbar")
        for p in gazetteer.lookup(name)
    }
    assert kinds == {"Alpha": "admin1", "Alpha West": "admin2", "Westmark": "admin3", "Jowbar": "district"}


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Joubar Gharbi", ("Joubar Gharbi", "Alpha", "Alpha West", "Westmark")),
        ("جوبر الغربي", ("Joubar Gharbi", "Alpha", "Alpha West", "Westmark")),  # Arabic alternate
        ("Jowbar", ("Jowbar", "Alpha", "Alpha West", "Westmark")),  # the area grouping two neighbourhoods
        ("Midan", ("Midan", "Alpha", "Alpha West", "Westmark")),  # the area; "Midan (Alphaville)" too
        ("Midan", ("Midan Wastani", "Alpha", "Alpha West", "Westmark")),
        ("Qaa", ("Qa'a", "Alpha", "Alpha West", "Westmark")),
    ],
)
def test_import_codab_neighbourhoods_are_districts_with_admin_names(
    cod: Callable[[str], Path], tmp_path: Path, name: str, expected: tuple[str, ...]
) -> None:
    target = tmp_path / "g.sqlite"
    import_path(cod("geojson"), target)
    places = SqliteGazetteer(target).lookup(name)
    assert expected in [(p.name, p.admin1, p.admin2, p.admin3) for p in places]
    assert {(p.kind, p.country_code) for p in places} == {("district", "SY")}


def test_import_codab_area_point_inside_its_members(cod: Callable[[str], Path], tmp_path: Path) -> None:
    target = tmp_path / "g.sqlite"
    import_path(cod("geojson"), target)
    area = SqliteGazetteer(target).lookup("Jowbar")[0]
    # members cover lon 36.2-36.3, lat 33.5-33.55: the area's point is their joint centroid
    assert area.latitude == pytest.approx(33.525) and area.longitude == pytest.approx(36.25)


def test_import_codab_neighbourhood_parent_is_the_city(cod: Callable[[str], Path], base: Path) -> None:
    # the base gazetteer has no "Alphaville": the parent falls back to the deepest admin unit
    import_path(cod("geojson"), base)
    parent = SqliteGazetteer(base).parent("cod:SY:N0001")
    assert parent is not None and (parent.name, parent.kind) == ("Westmark", "admin3")


def test_import_codab_towns_get_admin_names(cod: Callable[[str], Path], tmp_path: Path) -> None:
    target = tmp_path / "g.sqlite"
    places = tmp_path / "towns.csv"
    places.write_text("name,latitude,longitude,country\nEastville,33.7,36.8,SY\nFarville,10,10,SY\n")
    import_path(places, target)
    stats = import_path(cod("geojson"), target)
    gazetteer = SqliteGazetteer(target)
    east, far = gazetteer.lookup("Eastville")[0], gazetteer.lookup("Farville")[0]
    assert (east.admin1, east.admin2, east.admin3) == ("Alpha", "Alpha East", "Eastmark")
    assert (far.admin1, far.admin2, far.admin3) == (None, None, None)
    assert stats.admin_filled == 1


@pytest.mark.parametrize(
    "lat, lon, expected",
    [
        (33.7, 36.8, ("Alpha", "Alpha East", "Eastmark")),
        (33.2, 37.5, ("Beta", "Beta Centre", "Betamark")),
        (35.0, 36.5, (None, None, None)),
    ],
)
def test_import_codab_assign_admin(
    cod: Callable[[str], Path], tmp_path: Path, lat: float, lon: float, expected: tuple
) -> None:
    target = tmp_path / "g.sqlite"
    import_path(cod("geojson"), target)
    assert tuple(assign_admin(SqliteGazetteer(target), lat, lon)) == expected


@pytest.mark.parametrize("fmt", ["geojson", "shp"])
def test_import_codab_reimport_is_idempotent(
    cod: Callable[[str], Path], base: Path, fmt: str, counts: Callable[[Path], tuple]
) -> None:
    path = cod(fmt)
    import_path(path, base)
    first = counts(base)
    again = import_path(path, base)
    assert counts(base) == first
    assert (again.added, again.removed, again.updated) == (0, 0, 14)


def test_import_codab_reimport_replaces_removed_features(cod: Callable[[str], Path], tmp_path: Path) -> None:
    target = tmp_path / "g.sqlite"
    folder = cod("geojson")
    import_path(folder, target)
    layer = folder / "syr_neighborhoods.geojson"
    text = layer.read_text(encoding="utf-8")
    layer.write_text(text.replace('"neighborho": "Qa\'a"', '"neighborho": "Qaa Jadida"'), encoding="utf-8")
    stats = import_path(layer, target)
    gazetteer = SqliteGazetteer(target)
    assert [p.name for p in gazetteer.lookup("Qaa Jadida")] == ["Qaa Jadida"]
    assert [p.name for p in gazetteer.lookup("Qa'a")] == []
    assert stats.removed == 0 and stats.updated == 6  # same ids (N0004 kept its code): updated in place


def test_import_codab_failure_leaves_gazetteer_unchanged(
    cod: Callable[[str], Path], base: Path, counts: Callable[[Path], tuple]
) -> None:
    folder = cod("geojson")
    before = (counts(base), base.read_bytes())
    (folder / "syr_zbroken.geojson").write_text(
        '{"type": "FeatureCollection", "features": [', encoding="utf-8"
    )
    with pytest.raises(GazetteerImportError, match=r"syr_zbroken\.geojson"):
        import_path(folder, base)
    assert (counts(base), base.read_bytes()) == before


def test_import_codab_failure_creates_no_file(cod: Callable[[str], Path], tmp_path: Path) -> None:
    folder = cod("geojson")
    (folder / "syr_zbroken.geojson").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(GazetteerImportError, match="not a GeoJSON FeatureCollection"):
        import_path(folder, tmp_path / "new.sqlite")
    assert list(tmp_path.glob("*.sqlite*")) == [] and list(tmp_path.glob(".new*")) == []


@pytest.mark.parametrize(
    "prj, message",
    [('PROJCS["WGS_1984_UTM_Zone_37N",GEOGCS["GCS_WGS_1984"]]', "projected coordinate system")],
)
def test_import_codab_projected_shapefile_is_refused(
    cod: Callable[[str], Path], tmp_path: Path, prj: str, message: str
) -> None:
    folder = cod("shp")
    (folder / "syr_admin1.prj").write_text(prj, encoding="ascii")
    with pytest.raises(GazetteerImportError, match=message):
        import_path(folder / "syr_admin1.shp", tmp_path / "g.sqlite")


def test_import_codab_shapefile_without_dbf_is_a_clear_error(
    cod: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = cod("shp")
    (folder / "syr_admin2.dbf").unlink()
    with pytest.raises(GazetteerImportError, match=r"cannot read shapefile .*syr_admin2\.shp"):
        import_path(folder, tmp_path / "g.sqlite")


# --- the real Syria COD-AB package (../shared/data/syria_admin_cod) -------------------------------


@pytest.fixture(scope="module")
def syria(tmp_path_factory: pytest.TempPathFactory, tiny_path: Path) -> tuple[Path, object]:
    target = tmp_path_factory.mktemp("syria") / "g.sqlite"
    shutil.copy(tiny_path, target)
    stats = import_path(SHARED_COD, target)
    return target, stats


def _centroids() -> dict[tuple[str, str], tuple[float, float]]:
    with (SHARED_COD / "syr_neighborhoods.csv").open(encoding="utf-8") as fh:
        return {
            (row["adm4_en"], row["neighborho"]): (float(row["centroid_lat"]), float(row["centroid_lon"]))
            for row in csv.DictReader(fh)
        }


@needs_cod
def test_import_codab_real_package_counts(syria: tuple[Path, object]) -> None:
    target, stats = syria
    conn = sqlite3.connect(target)
    kinds = dict(conn.execute("SELECT kind, count(*) FROM places WHERE source LIKE 'cod-ab:%' GROUP BY kind"))
    # 14 governorates, 62 districts, 272 sub-districts, 414 neighbourhoods + 15 Damascus areas,
    # 7,266 communities of populated_places.json + the 427 more of Locations.xlsx
    assert kinds == {"admin1": 14, "admin2": 62, "admin3": 272, "district": 429, "city": 7693}
    assert conn.execute("SELECT count(*) FROM polygons").fetchone()[0] == 14 + 62 + 272 + 429 + 1
    assert stats.seconds < 30  # type: ignore[attr-defined]


@needs_cod
@pytest.mark.parametrize(
    "city, name, spelling",
    [
        ("Damascus", "Joubar Gharbi", "Joubar Gharbi"),
        ("Damascus", "Qaboun", "Qaboun"),
        ("Damascus", "Midan Wastani", "Midan Wastani"),
        ("Damascus", "Tadamon", "Tadamon"),
        ("Damascus", "Kafr Souseh Al Balad", "Kafr Souseh Al Balad"),
        ("Aleppo", "Salah Ad-Deen", "Salah Ad-Deen"),
        ("Aleppo", "Hanano", "Hanano"),
        ("Homs", "Wa'er", "Wa'er"),
        ("Homs", "Wa'er", "Waer"),
        ("Homs", "Wa'er", "الوعر"),
        ("Homs", "Baba Amr", "Baba Amr"),
    ],
)
def test_import_codab_real_districts_found_near_their_centroid(
    syria: tuple[Path, object], city: str, name: str, spelling: str
) -> None:
    lat, lon = _centroids()[(city, name)]
    places = [p for p in SqliteGazetteer(syria[0]).lookup(spelling) if p.kind == "district"]
    assert any(km(p.latitude, p.longitude, lat, lon) <= 2.0 for p in places)


@needs_cod
@pytest.mark.parametrize(
    "area, lat, lon",
    [("Jowbar", 33.52, 36.33), ("Midan", 33.49, 36.30), ("Qaboun", 33.54, 36.34)],
)
def test_import_codab_real_damascus_areas(
    syria: tuple[Path, object], area: str, lat: float, lon: float
) -> None:
    places = [
        p for p in SqliteGazetteer(syria[0]).lookup(area) if p.kind == "district" and p.admin1 == "Damascus"
    ]
    assert any(km(p.latitude, p.longitude, lat, lon) <= 2.0 for p in places)


@needs_cod
@pytest.mark.parametrize(
    "name, admin",
    [
        ("Aleppo", ("Aleppo", "Jebel Saman", "Jebel Saman")),
        ("Al-Bab", ("Aleppo", "Al Bab", "Al Bab")),
        ("Damascus", ("Damascus", "Damascus", "Damascus")),
    ],
)
def test_import_codab_real_towns_get_cod_admin_names(
    syria: tuple[Path, object], name: str, admin: tuple
) -> None:
    town = next(p for p in SqliteGazetteer(syria[0]).lookup(name, "SY") if p.kind == "city")
    assert (town.admin1, town.admin2, town.admin3) == admin


@needs_cod
def test_import_codab_real_neighbourhood_parent_is_the_city(syria: tuple[Path, object]) -> None:
    gazetteer = SqliteGazetteer(syria[0])
    hanano = next(p for p in gazetteer.lookup("Hanano") if p.kind == "district")
    parent = gazetteer.parent(hanano.place_id)
    assert parent is not None and (parent.name, parent.kind) == ("Aleppo", "city")


def test_import_codab_folder_ignores_a_json_table_beside_its_layers(
    cod: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = cod("geojson")
    (folder / "populated_places.json").write_text(
        '[{"name_en": "Alpha", "lat": 1.0, "lng": 2.0}]', encoding="utf-8"
    )
    stats = import_path(folder, tmp_path / "g.sqlite")
    assert stats.added == 14


@needs_cod
@pytest.mark.parametrize(
    "name, admin",
    [
        ("Musallamiyeh", ("Aleppo", "Jebel Saman", "Jebel Saman")),
        ("Al Kfeer", ("Idleb", "Ariha", "Ariha")),  # one of the 427 only Locations.xlsx has
    ],
)
def test_import_codab_real_communities_named_through_pcodes(
    syria: tuple[Path, object], name: str, admin: tuple
) -> None:
    village = next(
        p for p in SqliteGazetteer(syria[0]).lookup(name, "SY") if p.place_id.startswith("cod:SY:C")
    )
    assert (village.kind, village.admin1, village.admin2, village.admin3) == ("city", *admin)

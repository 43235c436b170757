"""Small source files for the importer tests, written by the tests themselves (see conftest.py).

A made-up country layout (ISO code SY so P-codes look real, rules are not Syria-specific): two admin1
squares Alpha (lon 36-37) and Beta (37-38) between lat 33 and 34, each split into admin2/admin3
units, and a city "Alphaville" (36.2-36.3, 33.45-33.55) cut into four neighbourhoods grouped in two
areas.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from helpers import SHARED_DATA

SHARED_COD = SHARED_DATA / "syria_admin_cod"
WGS84_PRJ = (
    'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],'
    'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'
)


def square(x0: float, y0: float, x1: float, y1: float) -> list[list[float]]:
    """A clockwise ring (shapefile exterior order)."""
    return [[x0, y0], [x0, y1], [x1, y1], [x1, y0], [x0, y0]]


def unit(level: int, name: str, code: str, *parents: tuple[str, str]) -> dict[str, str]:
    """Attributes of an admin unit: its name and P-code, then (name, P-code) of each parent level."""
    props = {f"adm{level}_name": name, f"adm{level}_pcode": code}
    for up, (parent, parent_code) in zip(range(level - 1, 0, -1), parents, strict=False):
        props |= {f"adm{up}_name": parent, f"adm{up}_pcode": parent_code}
    return props


ALPHA, BETA = ("Alpha", "SY01"), ("Beta", "SY02")
ADMIN = {
    1: [
        ({**unit(1, "Alpha", "SY01"), "adm1_name1": "ألفا"}, square(36, 33, 37, 34)),
        ({**unit(1, "Beta", "SY02"), "adm1_name1": "بيتا"}, square(37, 33, 38, 34)),
    ],
    2: [
        (unit(2, "Alpha West", "SY0101", ALPHA), square(36, 33, 36.5, 34)),
        (unit(2, "Alpha East", "SY0102", ALPHA), square(36.5, 33, 37, 34)),
        (unit(2, "Beta Centre", "SY0201", BETA), square(37, 33, 38, 34)),
    ],
    3: [
        (unit(3, "Westmark", "SY010100", ("Alpha West", "SY0101"), ALPHA), square(36, 33, 36.5, 34)),
        (unit(3, "Eastmark", "SY010200", ("Alpha East", "SY0102"), ALPHA), square(36.5, 33, 37, 34)),
        (unit(3, "Betamark", "SY020100", ("Beta Centre", "SY0201"), BETA), square(37, 33, 38, 34)),
    ],
}
#: (own name, Arabic, code, "Name (City)" spelling, area name, area code, ring)
NEIGHBOURHOODS = [
    ("Joubar Gharbi", "جوبر الغربي", "N0001", "", "Jowbar", "A01", square(36.2, 33.5, 36.25, 33.55)),
    ("Joubar Sharqi", "جوبر الشرقي", "N0002", "", "Jowbar", "A01", square(36.25, 33.5, 36.3, 33.55)),
    ("Midan Wastani", "الميدان الوسطاني", "N0003", "Midan (Alphaville)", "Midan", "A02",
     square(36.2, 33.45, 36.25, 33.5)),
    ("Qa'a", "القاعة", "N0004", "", "Midan", "A02", square(36.25, 33.45, 36.3, 33.5)),
]  # fmt: skip
NEIGHBOURHOOD_FIELDS = ["neighborho", "neighbor_1", "neighbor_2", "neighbor_4", "adm4_en", "adm4_pcode",
                        "adm3_en", "adm3_pcode", "adm2_en", "adm2_pcode", "adm1_en", "adm1_pcode",
                        "adm0_en", "adm0_pcode", "areaname_e", "areapcode"]  # fmt: skip


def _neighbourhood_props(row: tuple[Any, ...]) -> dict[str, Any]:
    name, arabic, code, qualified, area, area_code, _ = row
    values = [name, arabic, code, qualified, "Alphaville", "C1001", "Westmark", "SY010100", "Alpha West",
              "SY0101", "Alpha", "SY01", "Syrian Arab Republic", "SY", area, area_code]  # fmt: skip
    return dict(zip(NEIGHBOURHOOD_FIELDS, values, strict=True))


def layers() -> dict[str, list[tuple[dict[str, Any], list[list[float]]]]]:
    out: dict[str, list[tuple[dict[str, Any], list[list[float]]]]] = {}
    for level, features in ADMIN.items():
        out[f"syr_admin{level}"] = [({**props, "adm0_pcode": "SY"}, ring) for props, ring in features]
    out["syr_neighborhoods"] = [(_neighbourhood_props(row), row[-1]) for row in NEIGHBOURHOODS]
    return out


def write_geojson(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for stem, features in layers().items():
        collection = {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "properties": props,
                    "geometry": {"type": "Polygon", "coordinates": [ring]},
                }
                for props, ring in features
            ],
        }
        (folder / f"{stem}.geojson").write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    return folder


def write_shapefiles(folder: Path) -> Path:
    import shapefile

    folder.mkdir(parents=True, exist_ok=True)
    for stem, features in layers().items():
        names = list(features[0][0]) if stem != "syr_neighborhoods" else NEIGHBOURHOOD_FIELDS
        with shapefile.Writer(str(folder / stem), shapeType=shapefile.POLYGON, encoding="utf-8") as writer:
            for name in names:
                writer.field(name, "C", size=80)
            for props, ring in features:
                writer.poly([ring])
                writer.record(*[props.get(n, "") for n in names])
        (folder / f"{stem}.prj").write_text(WGS84_PRJ, encoding="ascii")
        (folder / f"{stem}.cpg").write_text("UTF-8", encoding="ascii")
    return folder


def write_cod(folder: Path, fmt: str) -> Path:
    """The fixture package as GeoJSON files, shapefiles, or a zip of the shapefiles."""
    if fmt == "geojson":
        return write_geojson(folder)
    shp = write_shapefiles(folder / "shp")
    if fmt == "shp":
        return shp
    return Path(shutil.make_archive(str(folder / "syr_cod"), "zip", shp))


def gn_line(gid: int, name: str, lat: float, lon: float, fclass: str, fcode: str, *, cc: str = "SY",
            a1: str = "", a2: str = "", pop: int = 0, alts: str = "") -> str:  # fmt: skip
    """One line of a GeoNames country file (19 tab-separated columns)."""
    cols = [str(gid), name, name, alts, str(lat), str(lon), fclass, fcode, cc, "", a1, a2, "", "", str(pop),
            "", "700", "Asia/Damascus", "2024-01-01"]  # fmt: skip
    return "\t".join(cols) + "\n"


GEONAMES_SY = [
    gn_line(163843, "Syria", 35.0, 38.0, "A", "PCLI", pop=22_933_531, alts="Syrie,سوريا"),
    gn_line(170652, "Muḩāfaz̧at Dimashq", 33.5, 36.3, "A", "ADM1", a1="13"),
    gn_line(170654, "Damascus", 33.51, 36.29, "P", "PPLC", a1="13", pop=1_569_394, alts="Dimashq,دمشق,Damas"),
    gn_line(7910001, "Jawbar", 33.53, 36.33, "P", "PPLX", a1="13", alts="Jobar,جوبر"),
    gn_line(7910002, "Jabal Qasiyun", 33.54, 36.27, "T", "MT", a1="13"),
    gn_line(7910003, "Ad Dumayr", 33.64, 36.69, "P", "PPL", a1="10", a2="1234", pop=30_000),
    gn_line(7910004, "Rif Dimashq Governorate", 33.5, 36.6, "A", "ADM1", a1="10"),
    gn_line(7910005, "Markaz Duma", 33.6, 36.4, "A", "ADM2", a1="10", a2="1234"),
]


def counts(path: Path) -> tuple[int, int, int]:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute(
            "SELECT (SELECT count(*) FROM places), (SELECT count(*) FROM names),"
            " (SELECT count(*) FROM polygons)"
        ).fetchone()
    finally:
        conn.close()
    return int(row[0]), int(row[1]), int(row[2])

"""Read vector layers (ESRI shapefiles with pyshp, GeoJSON with json) into plain features.

A feature is its properties (keys lower-cased, "<Null>"-style values as None) and its geometry as a
GeoJSON-like dict. Coordinates must be longitude/latitude (WGS84): a projected shapefile (``PROJCS``
in its .prj) is refused with a message saying to reproject it.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontlines.geo.importers.writer import GazetteerImportError

#: Attribute values that mean "no value" in published shapefiles.
NULLS = frozenset({"", "<null>", "null", "none", "n/a"})


@dataclass(frozen=True, slots=True)
class Feature:
    properties: dict[str, Any]
    geometry: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class Layer:
    """One file's features, with its field names in their original order (lower-cased)."""

    label: str
    stem: str
    fields: tuple[str, ...]
    features: tuple[Feature, ...]


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return None if value.lower() in NULLS else value
    return value


def read_shapefile(path: Path) -> Layer:
    """A shapefile's features (the .shp with its .dbf; the .cpg gives the text encoding)."""
    import shapefile

    prj = path.with_suffix(".prj")
    if prj.exists() and "PROJCS" in prj.read_text(encoding="utf-8", errors="replace"):
        raise GazetteerImportError(
            f"{path} is in a projected coordinate system",
            "reproject it to longitude/latitude (EPSG:4326) first, e.g. with ogr2ogr -t_srs EPSG:4326",
        )
    cpg = path.with_suffix(".cpg")
    encoding = cpg.read_text(encoding="ascii", errors="replace").strip() if cpg.exists() else "utf-8"
    if encoding.upper().replace("-", "") in {"UTF8", "65001"}:
        encoding = "utf-8"
    try:
        with shapefile.Reader(str(path), encoding=encoding, encodingErrors="replace") as reader:
            fields = tuple(str(f[0]).lower() for f in reader.fields[1:])
            features = []
            for item in reader.iterShapeRecords():
                props = {k.lower(): _clean(v) for k, v in item.record.as_dict().items()}
                shape = item.shape
                geometry = None if shape.shapeType == shapefile.NULL else shape.__geo_interface__
                features.append(Feature(props, dict(geometry) if geometry else None))
    except (shapefile.ShapefileException, OSError, struct.error, ValueError, LookupError) as exc:
        raise GazetteerImportError(
            f"cannot read shapefile {path} ({exc})", "check that its .shp, .shx and .dbf files are all there"
        ) from exc
    return Layer(path.name, path.stem, fields, tuple(features))


def read_geojson(path: Path) -> Layer:
    """A GeoJSON FeatureCollection's features (RFC 7946: longitude/latitude)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GazetteerImportError(
            f"cannot read GeoJSON {path} ({exc})", "check the file is complete"
        ) from exc
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise GazetteerImportError(f"{path} is not a GeoJSON FeatureCollection", "export the layer as one")
    crs = json.dumps(data.get("crs") or "")
    if "EPSG" in crs and "4326" not in crs:
        raise GazetteerImportError(
            f"{path} is not in longitude/latitude ({crs})", "reproject it to EPSG:4326 first"
        )
    fields: dict[str, None] = {}
    features = []
    for feature in data.get("features") or []:
        props = {str(k).lower(): _clean(v) for k, v in (feature.get("properties") or {}).items()}
        fields.update(dict.fromkeys(props))
        geometry = feature.get("geometry")
        features.append(Feature(props, geometry if isinstance(geometry, dict) else None))
    return Layer(path.name, path.stem, tuple(fields), tuple(features))


def read_layer(path: Path) -> Layer:
    """A shapefile or GeoJSON layer, by suffix."""
    if path.suffix.lower() == ".shp":
        return read_shapefile(path)
    return read_geojson(path)

"""OCHA COD-AB administrative boundaries (as published on HDX): admin layers, sub-unit layers such as
city neighbourhoods, and point layers.

How a layer is read (field names as COD-AB publishes them, ``adm<N>_pcode``, ``adm<N>_name``/_en...):
- its level N is the deepest ``adm<N>_pcode`` field. When every feature has its own level-N P-code,
  it is an admin layer: level 0 outlines the country (attached to the country place when there is
  one), 1-3 become admin1-3 places, deeper levels districts. Names: ``adm<N>_name`` (or _en) first,
  the other ``adm<N>_*`` name fields (Arabic, reference names) as alternates.
- otherwise its features are units below level N (neighbourhoods): kind "district", named by the
  fields before the first ``adm*`` field (the first Latin-script one is the name, the others, such as
  the Arabic name or a "Name (City)" spelling, alternates; code-like values are ids). A pair of
  ``<x>name*``/``<x>pcode`` fields groups them (Damascus "areas"): each group becomes a district too,
  outlined by its members. Admin names come from the P-codes (names of the admin units imported in the
  same run, else the feature's own fields, else point-in-polygon), the parent is the city named by the
  deepest level when the gazetteer has it within ``CITY_RADIUS_KM``, else the admin unit.
- point layers whose points carry their own admin unit's name (admin label points, capitals) repeat
  the outlines and are skipped; other point layers (populated places) become cities.
Every place's point is a representative interior point of its outline (its centroid when inside).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from frontlines.geo import polygons as geom
from frontlines.geo.gazetteer import PlaceRecord, lookup_key
from frontlines.geo.importers.layers import Feature, Layer
from frontlines.geo.importers.writer import GazetteerImportError, GazetteerWriter
from frontlines.geo.names import is_latin
from frontlines.model import Place, PlaceKind

#: A neighbourhood's city must lie this close to it to become its parent.
CITY_RADIUS_KM = 30.0
#: A point layer is a layer of admin label points when this share of its points carry the name of
#: one of their own admin units.
LABEL_SHARE = 0.8
_Member = tuple[Feature, geom.MultiPolygon, PlaceRecord]
LEVEL_KINDS: dict[int, PlaceKind] = {0: "country", 1: "admin1", 2: "admin2", 3: "admin3"}
_ADM_FIELD = re.compile(r"^adm(\d)_")
_CODE = re.compile(r"^[A-Za-z]{0,4}[-_]?\d+$")
_QUALIFIER = re.compile(r"\s*\([^)]*\)\s*$")


def _levels(fields: tuple[str, ...]) -> list[int]:
    return sorted({int(m.group(1)) for f in fields if (m := _ADM_FIELD.match(f)) and f.endswith("_pcode")})


def _text(props: dict[str, Any], key: str) -> str | None:
    value = props.get(key)
    return value if isinstance(value, str) and value else None


def _unit_names(props: dict[str, Any], level: int) -> list[str]:
    """The names of a feature's level-N unit: the English/main name first, then the others."""
    prefix = f"adm{level}_"
    first = [f"{prefix}name", f"{prefix}en", f"{prefix}name_en", f"{prefix}name0"]
    rest = sorted(k for k in props if k.startswith(prefix) and k != f"{prefix}pcode" and k not in first)
    rest = [k for k in rest if re.fullmatch(rf"{prefix}(name\w*|[a-z]{{2}}|alt\w*|ref\w*)", k)]
    out: list[str] = []
    for key in first + rest:
        value = _text(props, key)
        if value:
            value = _QUALIFIER.sub("", value)
            if value and not _CODE.match(value) and value not in out:
                out.append(value)
    return out


def layer_country(layer: Layer, country: str | None) -> str:
    """The ISO2 country of a layer: its adm0 P-code or ISO field, else ``country``."""
    import pycountry

    for feature in layer.features[:50]:
        for key in ("adm0_pcode", "iso2", "iso3", "adm0_iso", "iso_code"):
            value = _text(feature.properties, key)
            if value and len(value) == 2 and value.isalpha():
                return value.upper()
            if value and len(value) == 3 and value.isalpha():
                iso = pycountry.countries.get(alpha_3=value.upper())
                if iso is not None:
                    return str(iso.alpha_2)
    if country:
        return country.upper()
    raise GazetteerImportError(
        f"cannot tell the country of {layer.label}: no adm0_pcode or ISO field", "pass --country CC"
    )


def classify(layer: Layer) -> tuple[str, int]:
    """("admin", N), ("subunits", N), ("labels", N), ("places", N) or ("lines", N) for a layer; N its
    P-code level (-1 without P-codes). Label points and boundary lines are not imported."""
    levels = _levels(layer.fields)
    level = levels[-1] if levels else -1
    types = {f.geometry.get("type") for f in layer.features if f.geometry}
    if types and types <= {"LineString", "MultiLineString"}:
        return "lines", level
    points = all(
        f.geometry is None or f.geometry.get("type") in ("Point", "MultiPoint") for f in layer.features
    )
    if points:
        named_like_unit = sum(
            1
            for f in layer.features
            if (name := _own_names(layer, f.properties)[:1])
            and any(name[0] in _unit_names(f.properties, n) for n in range(0, 5))
        )
        return ("labels" if named_like_unit >= LABEL_SHARE * len(layer.features) else "places"), level
    if level >= 0:
        codes = [_text(f.properties, f"adm{level}_pcode") for f in layer.features]
        if all(codes) and len(set(codes)) == len(codes):
            return "admin", level
    if level < 0 and not _own_fields(layer):
        raise GazetteerImportError(
            f"{layer.label} has no admN_pcode fields and no name fields",
            "is it a COD-AB layer? Custom places can be imported from a CSV instead",
        )
    return "subunits", level


def _own_fields(layer: Layer) -> list[str]:
    """The fields before the first admN_ field: a sub-unit's own names and ids."""
    out = []
    for name in layer.fields:
        if _ADM_FIELD.match(name):
            break
        out.append(name)
    return out


def _own_names(layer: Layer, props: dict[str, Any]) -> list[str]:
    names: list[str] = []
    for key in _own_fields(layer):
        value = _text(props, key)
        if value and not _CODE.match(value):
            value = _QUALIFIER.sub("", value)
            if value and value not in names:
                names.append(value)
    latin = [n for n in names if is_latin(n)]
    return latin[:1] + [n for n in names if n not in latin[:1]]


def _own_code(layer: Layer) -> str | None:
    for key in _own_fields(layer):
        values = [_text(f.properties, key) for f in layer.features]
        if all(v and _CODE.match(v) for v in values) and len(set(values)) == len(values):
            return key
    return None


def cod_place_id(cc: str, code: str) -> str:
    """The place id of a P-code: ``cod:SY01`` when it starts with its country, else ``cod:SY:C1001``."""
    return f"cod:{code}" if code.upper().startswith(cc) else f"cod:{cc}:{code}"


def _outline(feature: Feature, label: str) -> geom.MultiPolygon:
    try:
        return geom.from_geojson(feature.geometry or {})
    except (TypeError, ValueError, IndexError) as exc:
        raise GazetteerImportError(f"{label}: malformed geometry ({exc})", "check the file") from exc


class CodabImport:
    """Import the layers of one COD-AB package (admin layers first) through one writer."""

    def __init__(self, writer: GazetteerWriter, country: str | None = None) -> None:
        self.writer = writer
        self.country = country
        #: P-code -> (level, name) of the admin units written in this run.
        self.units: dict[str, tuple[int, str]] = {}
        self.sources: list[str] = []
        self._cities: dict[tuple[str, str], list[tuple[str, float, float, int]]] = {}

    def add(self, layer: Layer) -> None:
        kind, level = classify(layer)
        if kind in ("labels", "lines"):
            self.writer.counts.skipped += len(layer.features)
            return
        cc = layer_country(layer, self.country)
        tag = re.sub(r"^[a-z]{3}_", "", layer.stem.lower())
        source = f"cod-ab:{cc}:adm{level}" if kind == "admin" else f"cod-ab:{cc}:{tag}"
        self.writer.begin_source(source)
        self.sources.append(source)
        if kind == "admin" and level == 0:
            self._country(layer, cc, source)
            return
        records = (
            self._admin(layer, cc, level, source)
            if kind == "admin"
            else self._subunits(layer, cc, level, source, kind)
        )
        self.writer.write(records)

    def _country(self, layer: Layer, cc: str, source: str) -> None:
        outline = geom.union(_outline(f, layer.label) for f in layer.features)
        row = self.writer.conn.execute(
            "SELECT id FROM places WHERE kind = 'country' AND country_code = ? ORDER BY id LIMIT 1", (cc,)
        ).fetchone()
        if row is not None and outline:
            self.writer.attach_polygon(row[0], geom.encode_wkb(outline), source)
            return
        names = _unit_names(layer.features[0].properties, 0) or [cc]
        lat, lon = geom.representative_point(outline)
        place = Place(cod_place_id(cc, cc), names[0], cc, lat, lon, "country")
        self.writer.write(
            [PlaceRecord(place, alternates=tuple(names[1:]), source=source, polygon=geom.encode_wkb(outline))]
        )

    def _admin_names(self, props: dict[str, Any], upto: int) -> list[str | None]:
        out: list[str | None] = []
        for level in (1, 2, 3):
            name = None
            if level <= upto:
                code = _text(props, f"adm{level}_pcode")
                name = self.units[code][1] if code in self.units else None
                name = name or next(iter(_unit_names(props, level)), None)
            out.append(name)
        return out

    def _parent_id(self, cc: str, props: dict[str, Any], level: int) -> str | None:
        for up in range(level, 0, -1):
            code = _text(props, f"adm{up}_pcode")
            if code and (code in self.units or self.writer.rowid(cod_place_id(cc, code)) is not None):
                return cod_place_id(cc, code)
        row = self.writer.conn.execute(
            "SELECT place_id FROM places WHERE kind = 'country' AND country_code = ? ORDER BY id LIMIT 1",
            (cc,),
        ).fetchone()
        return row[0] if row else None

    def _admin(self, layer: Layer, cc: str, level: int, source: str) -> Iterator[PlaceRecord]:
        kind = LEVEL_KINDS.get(level, "district")
        for feature in layer.features:
            props = feature.properties
            code = str(props[f"adm{level}_pcode"])
            names = _unit_names(props, level) or [code]
            self.units[code] = (level, names[0])
            outline = _outline(feature, layer.label)
            if not outline:
                self.writer.counts.skipped += 1
                continue
            lat, lon = geom.representative_point(outline)
            a1, a2, a3 = self._admin_names(props, level)
            codes = [_text(props, f"adm{n}_pcode") for n in (1, 2, 3)]
            yield PlaceRecord(
                Place(cod_place_id(cc, code), names[0], cc, lat, lon, kind, admin1=a1, admin2=a2, admin3=a3),
                alternates=tuple(names[1:]), admin1_code=codes[0], admin2_code=codes[1], admin3_code=codes[2],
                parent_id=self._parent_id(cc, props, level - 1), source=source,
                polygon=geom.encode_wkb(outline),
            )  # fmt: skip

    def _city(self, cc: str, name: str, lat: float, lon: float) -> str | None:
        """The largest place of kind city named ``name`` within CITY_RADIUS_KM of the point."""
        key = (cc, lookup_key(name))
        if key not in self._cities:
            self._cities[key] = self.writer.conn.execute(
                "SELECT p.place_id, p.latitude, p.longitude, p.population FROM names n"
                " JOIN places p ON p.id = n.place"
                " WHERE n.folded = ? AND p.country_code = ? AND p.kind = 'city'"
                " GROUP BY p.id",
                (key[1], cc),
            ).fetchall()
        near = [c for c in self._cities[key] if km(lat, lon, c[1], c[2]) <= CITY_RADIUS_KM]
        return max(near, key=lambda c: c[3])[0] if near else None

    def _subunits(self, layer: Layer, cc: str, level: int, source: str, kind: str) -> Iterator[PlaceRecord]:
        code_field = _own_code(layer)
        groups = _group_fields(layer)
        members: dict[tuple[str, str], list[_Member]] = defaultdict(list)
        for index, feature in enumerate(layer.features):
            props = feature.properties
            names = _own_names(layer, props)
            if not names:
                self.writer.counts.skipped += 1
                continue
            outline = _outline(feature, layer.label)
            if kind == "places":
                point: list[Any] = list((feature.geometry or {}).get("coordinates") or ())
                if point and isinstance(point[0], list | tuple):  # MultiPoint: its first point
                    point = list(point[0])
                if len(point) < 2:
                    self.writer.counts.skipped += 1
                    continue
                lat, lon = float(point[1]), float(point[0])
            elif outline:
                lat, lon = geom.representative_point(outline)
            else:
                self.writer.counts.skipped += 1
                continue
            own = _text(props, code_field) if code_field else None
            place_id = cod_place_id(cc, own) if own else f"cod:{cc}:{layer.stem.lower()}:{index}"
            a1, a2, a3 = self._admin_names(props, min(level, 3))
            if not a1:
                a1, a2, a3 = self._admin_by_point(cc, lat, lon)
            city_names = [n for lv in range(level, 3, -1) for n in _unit_names(props, lv)[:1]]
            parent = next((p for n in city_names if (p := self._city(cc, n, lat, lon))), None)
            parent = parent or self._parent_id(cc, props, min(level, 3))
            record = PlaceRecord(
                Place(place_id, names[0], cc, lat, lon, "city" if kind == "places" else "district",
                      admin1=a1, admin2=a2, admin3=a3),
                alternates=tuple(names[1:]), parent_id=parent, source=source,
                polygon=geom.encode_wkb(outline) if outline and kind != "places" else None,
            )  # fmt: skip
            yield record
            scope = _text(props, f"adm{level}_pcode") or cc
            for prefix, code_key, _names in groups:
                group_code = _text(props, code_key)
                if group_code and outline:
                    members[(prefix, f"{scope}|{group_code}")].append((feature, outline, record))
        for (_prefix, key), items in members.items():
            yield self._group(cc, key, items, groups, source)

    def _group(self, cc: str, key: str, items: list[_Member],
               groups: list[tuple[str, str, list[str]]], source: str) -> PlaceRecord:  # fmt: skip
        first = items[0][2]
        props = items[0][0].properties
        names: list[str] = []
        for _prefix, _code, name_keys in groups:
            for name_key in name_keys:
                value = _text(props, name_key)
                if value and value not in names:
                    names.append(value)
        latin = [n for n in names if is_latin(n)]
        names = latin[:1] + [n for n in names if n not in latin[:1]]
        outline = geom.union(outline for _, outline, _ in items)
        lat, lon = geom.representative_point(outline)
        scope, _, code = key.partition("|")
        place = Place(
            f"cod:{cc}:{scope}:{code}", names[0] if names else code, cc, lat, lon,
            "district", admin1=first.place.admin1, admin2=first.place.admin2, admin3=first.place.admin3,
        )  # fmt: skip
        return PlaceRecord(
            place, alternates=tuple(names[1:]), parent_id=first.parent_id, source=source,
            polygon=geom.encode_wkb(outline),
        )  # fmt: skip

    def _admin_by_point(self, cc: str, lat: float, lon: float) -> tuple[str | None, str | None, str | None]:
        names: list[str | None] = [None, None, None]
        rows = self.writer.conn.execute(
            "SELECT p.kind, p.name, g.geometry FROM polygon_bbox b JOIN polygons g ON g.place = b.id"
            " JOIN places p ON p.id = b.id"
            " WHERE p.country_code = ? AND p.kind IN ('admin1', 'admin2', 'admin3')"
            " AND b.min_lon <= ? AND b.max_lon >= ? AND b.min_lat <= ? AND b.max_lat >= ?",
            (cc, lon, lon, lat, lat),
        )
        for kind, name, blob in rows:
            if geom.contains(geom.decode_wkb(blob), lat, lon):
                names[geom.ADMIN_LEVELS[kind]] = name
        return names[0], names[1], names[2]


def _group_fields(layer: Layer) -> list[tuple[str, str, list[str]]]:
    """(prefix, code field, name fields) for grouping fields such as areaname_e/areaname_a/areapcode."""
    out = []
    for name in layer.fields:
        if name.endswith("pcode") and not _ADM_FIELD.match(name) and name not in _own_fields(layer):
            prefix = name[: -len("pcode")].rstrip("_")
            if not prefix:
                continue
            names = [f for f in layer.fields if f.startswith(prefix) and "name" in f]
            if names:
                out.append((prefix, name, names))
    return out


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(a))

"""Outlines of places: WKB encoding, point-in-polygon, centroids, admin assignment by containment.

Geometry is kept as a list of polygons, each a list of rings (the outer ring first, then holes),
each ring a list of (lon, lat) pairs: the shape of GeoJSON ``MultiPolygon`` coordinates. It is stored
as little-endian WKB (``MultiPolygon``, type 6), readable by any GIS tool.

Containment is the even-odd rule over all rings of a polygon (a point in a hole is outside), with an
R*Tree bounding-box prefilter in SQLite (``SqliteGazetteer.polygon_candidates``). A pure-Python ray
cast is enough here: COD-AB admin units have a few hundred vertices and only one or two candidates
survive the prefilter (``bench/gazetteer.py`` measures it), so no GEOS dependency is needed.
"""

from __future__ import annotations

import sqlite3
import struct
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from frontlines.geo.gazetteer import SqliteGazetteer

Ring = list[tuple[float, float]]
Polygon = list[Ring]
MultiPolygon = list[Polygon]

#: Place kinds whose outline gives an admin level (assignment order: coarse to fine).
ADMIN_LEVELS = {"admin1": 0, "admin2": 1, "admin3": 2}
#: Decoded outlines kept per index (an article names few places; a bulk fill walks one country).
CACHE_SIZE = 2048

_WKB_POLYGON, _WKB_MULTIPOLYGON = 3, 6


class AdminNames(NamedTuple):
    """Names of the admin1-3 units that contain a point (None where no outline covers it)."""

    admin1: str | None
    admin2: str | None
    admin3: str | None


def from_geojson(geometry: dict[str, object]) -> MultiPolygon:
    """The polygons of a GeoJSON-like ``Polygon`` or ``MultiPolygon`` (``__geo_interface__`` too);
    other geometry types give an empty list. Raises ValueError on malformed coordinates."""
    kind = geometry.get("type")
    coords = geometry.get("coordinates")
    if not isinstance(coords, list | tuple):
        return []
    polygons = [coords] if kind == "Polygon" else list(coords) if kind == "MultiPolygon" else []
    out: MultiPolygon = []
    for polygon in polygons:
        rings = [[(float(pt[0]), float(pt[1])) for pt in ring] for ring in polygon]
        rings = [ring for ring in rings if len(ring) >= 3]
        if rings:
            out.append(rings)
    return out


def encode_wkb(polygons: MultiPolygon) -> bytes:
    """Little-endian WKB ``MultiPolygon`` of ``polygons`` (lon/lat order)."""
    parts = [struct.pack("<BII", 1, _WKB_MULTIPOLYGON, len(polygons))]
    for polygon in polygons:
        parts.append(struct.pack("<BII", 1, _WKB_POLYGON, len(polygon)))
        for ring in polygon:
            parts.append(struct.pack("<I", len(ring)))
            parts.append(struct.pack(f"<{2 * len(ring)}d", *(c for pt in ring for c in pt)))
    return b"".join(parts)


def decode_wkb(blob: bytes) -> MultiPolygon:
    """The polygons of a WKB ``Polygon`` or ``MultiPolygon`` (either byte order)."""
    pos = 0

    def header() -> tuple[str, int, int]:
        nonlocal pos
        order = "<" if blob[pos] == 1 else ">"
        kind, count = struct.unpack_from(f"{order}II", blob, pos + 1)
        pos += 9
        return order, kind, count

    def polygon(order: str, n_rings: int) -> Polygon:
        nonlocal pos
        rings: Polygon = []
        for _ in range(n_rings):
            (n,) = struct.unpack_from(f"{order}I", blob, pos)
            flat = struct.unpack_from(f"{order}{2 * n}d", blob, pos + 4)
            pos += 4 + 16 * n
            rings.append(list(zip(flat[0::2], flat[1::2], strict=True)))
        return rings

    order, kind, count = header()
    if kind == _WKB_POLYGON:
        return [polygon(order, count)]
    if kind != _WKB_MULTIPOLYGON:
        raise ValueError(f"WKB geometry type {kind} is not a polygon")
    out: MultiPolygon = []
    for _ in range(count):
        inner_order, inner_kind, n_rings = header()
        if inner_kind != _WKB_POLYGON:
            raise ValueError(f"WKB multipolygon member of type {inner_kind}")
        out.append(polygon(inner_order, n_rings))
    return out


def bbox(polygons: MultiPolygon) -> tuple[float, float, float, float]:
    """(min_lon, min_lat, max_lon, max_lat) of the outer rings."""
    lons = [pt[0] for polygon in polygons for pt in polygon[0]]
    lats = [pt[1] for polygon in polygons for pt in polygon[0]]
    return min(lons), min(lats), max(lons), max(lats)


def wkb_bbox(blob: bytes) -> tuple[float, float, float, float]:
    """The bounding box of a WKB outline (see :func:`bbox`)."""
    return bbox(decode_wkb(blob))


def _ring_contains(ring: Ring, x: float, y: float) -> bool:
    inside = False
    x1, y1 = ring[-1]
    for x2, y2 in ring:
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
        x1, y1 = x2, y2
    return inside


def contains(polygons: MultiPolygon, latitude: float, longitude: float) -> bool:
    """Whether the point lies inside one of the polygons (even-odd over its rings: holes excluded)."""
    for polygon in polygons:
        inside = False
        for ring in polygon:
            if _ring_contains(ring, longitude, latitude):
                inside = not inside
        if inside:
            return True
    return False


def _ring_area_centroid(ring: Ring) -> tuple[float, float, float]:
    """Signed area and centroid (shoelace formula) of one ring."""
    area = cx = cy = 0.0
    x1, y1 = ring[-1]
    for x2, y2 in ring:
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
        x1, y1 = x2, y2
    if area == 0:
        return 0.0, ring[0][0], ring[0][1]
    return area / 2, cx / (3 * area), cy / (3 * area)


def centroid(polygons: MultiPolygon) -> tuple[float, float]:
    """(lat, lon) of the area-weighted centroid, holes subtracted; falls back to the bbox centre for
    degenerate outlines."""
    total = sx = sy = 0.0
    for polygon in polygons:
        for i, ring in enumerate(polygon):
            area, cx, cy = _ring_area_centroid(ring)
            weight = abs(area) if i == 0 else -abs(area)
            total += weight
            sx += weight * cx
            sy += weight * cy
    if total <= 0:
        min_lon, min_lat, max_lon, max_lat = bbox(polygons)
        return (min_lat + max_lat) / 2, (min_lon + max_lon) / 2
    return sy / total, sx / total


def representative_point(polygons: MultiPolygon) -> tuple[float, float]:
    """(lat, lon) of a point inside the outline: the centroid when it is inside (the usual case),
    else the middle of the widest inside stretch of the horizontal line through the largest polygon's
    centre (a crescent-shaped district's centroid can fall outside it)."""
    lat, lon = centroid(polygons)
    if contains(polygons, lat, lon):
        return lat, lon
    largest = max(polygons, key=lambda p: abs(_ring_area_centroid(p[0])[0]))
    ys = [pt[1] for pt in largest[0]]
    y = (min(ys) + max(ys)) / 2
    crossings: list[float] = []
    for ring in largest:
        x1, y1 = ring[-1]
        for x2, y2 in ring:
            if (y1 > y) != (y2 > y):
                crossings.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
            x1, y1 = x2, y2
    crossings.sort()
    pairs = list(zip(crossings[0::2], crossings[1::2], strict=False))
    if not pairs:
        return lat, lon
    start, end = max(pairs, key=lambda pair: pair[1] - pair[0])
    return y, (start + end) / 2


def union(outlines: Iterable[MultiPolygon]) -> MultiPolygon:
    """The outlines as one multipolygon (members side by side; shared edges are not dissolved)."""
    return [polygon for outline in outlines for polygon in outline]


class PolygonIndex:
    """Containment queries over a gazetteer's outlines, decoding each outline once (bounded cache)."""

    def __init__(self, gazetteer: SqliteGazetteer) -> None:
        self._gazetteer = gazetteer
        self._decoded: dict[int, MultiPolygon] = {}

    def containing(
        self, latitude: float, longitude: float, kinds: tuple[str, ...] = ()
    ) -> list[tuple[str, str]]:
        """(kind, name) of every place (of ``kinds``, default all) whose outline contains the point."""
        out: list[tuple[str, str]] = []
        for rowid, kind, name in self._gazetteer.polygon_candidates(latitude, longitude, kinds):
            shape = self._decoded.get(rowid)
            if shape is None:
                blob = self._gazetteer.outline(rowid)
                if blob is None:
                    continue
                if len(self._decoded) >= CACHE_SIZE:
                    self._decoded.pop(next(iter(self._decoded)))
                shape = self._decoded[rowid] = decode_wkb(blob)
            if contains(shape, latitude, longitude):
                out.append((kind, name))
        return out

    def assign_admin(self, latitude: float, longitude: float) -> AdminNames:
        """Names of the admin1-3 outlines that contain the point."""
        names: list[str | None] = [None, None, None]
        for kind, name in self.containing(latitude, longitude, tuple(ADMIN_LEVELS)):
            level = ADMIN_LEVELS.get(kind)
            if level is not None and names[level] is None:
                names[level] = name
        return AdminNames(*names)


def assign_admin(gazetteer: SqliteGazetteer, latitude: float, longitude: float) -> AdminNames:
    """Admin1-3 names for a point from the gazetteer's admin outlines (ACLED admin1-3 are the units
    the location falls in); all None when the gazetteer has no outlines there."""
    return gazetteer.polygon_index().assign_admin(latitude, longitude)


#: Places whose admin names a COD-AB import took from their own P-codes (OCHA's communities): the
#: fill keeps those, which are right even where a point lies just across an outline.
NAMED_BY_PCODE = "source LIKE 'cod-ab:%' AND admin1 IS NOT NULL AND admin1_code IS NOT NULL"


def fill_admin(conn: sqlite3.Connection, sources: Sequence[str] = ()) -> int:
    """Give every place without an outline of its own that lies inside admin outlines the names of
    those units (COD-AB names replace the registry's where an outline covers the place; places named
    through their P-codes, :data:`NAMED_BY_PCODE`, keep theirs). With
    ``sources``, only outlines written by those sources are used. Returns the number of places
    changed. Works on an open, writable connection (inside the importer's transaction)."""
    where = f" AND g.source IN ({', '.join('?' * len(sources))})" if sources else ""
    units = {
        rowid: (ADMIN_LEVELS[kind], name, blob)
        for rowid, kind, name, blob in conn.execute(
            "SELECT p.id, p.kind, p.name, g.geometry FROM polygons g JOIN places p ON p.id = g.place"
            f" WHERE p.kind IN ('admin1', 'admin2', 'admin3'){where}",
            tuple(sources),
        )
    }
    if not units:
        return 0
    span = conn.execute(
        f"SELECT min(min_lon), max(max_lon), min(min_lat), max(max_lat) FROM polygon_bbox"
        f" WHERE id IN ({', '.join(str(r) for r in units)})"
    ).fetchone()
    # One scan of the places in the units' overall box; per place, the R*Tree gives the candidates.
    places = conn.execute(
        "SELECT id, latitude, longitude FROM places"
        " WHERE longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ?"
        f" AND id NOT IN (SELECT place FROM polygons) AND NOT ({NAMED_BY_PCODE})",
        span,
    ).fetchall()
    shapes: dict[int, MultiPolygon] = {}
    updates: list[tuple[str | None, ...]] = []
    for place, lat, lon in places:
        names: list[str | None] = [None, None, None]
        hits = conn.execute(
            "SELECT id FROM polygon_bbox"
            " WHERE min_lon <= ? AND max_lon >= ? AND min_lat <= ? AND max_lat >= ?",
            (lon, lon, lat, lat),
        )
        for (rowid,) in hits:
            unit = units.get(rowid)
            if unit is None:
                continue
            shape = shapes.get(rowid)
            if shape is None:
                shape = shapes[rowid] = decode_wkb(unit[2])
            if contains(shape, lat, lon):
                names[unit[0]] = unit[1]
        if any(names):
            updates.append((*names, place, *names))
    before = conn.total_changes
    conn.executemany(
        "UPDATE places SET admin1 = coalesce(?, admin1), admin2 = coalesce(?, admin2),"
        " admin3 = coalesce(?, admin3) WHERE id = ?"
        " AND (admin1 IS NOT coalesce(?, admin1) OR admin2 IS NOT coalesce(?, admin2)"
        " OR admin3 IS NOT coalesce(?, admin3))",
        updates,
    )
    return conn.total_changes - before

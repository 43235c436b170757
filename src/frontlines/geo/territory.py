"""Central points of countries and first-level regions for a gazetteer built from towns and country
outlines (the embedded build has no outline of a region, only its towns).

A gazetteer such as GeoNames puts a country or a province at the middle of its land, not at the middle
of its towns: the median of Texas' towns lies near Dallas and Austin, 180 km east of where GeoNames puts
Texas; the median of Ontario's towns lies by Lake Ontario, 700 km south of the province's middle.
Two estimates, each from registry data:

- A region's territory is approximated by the cells of a regular grid (``CELL_DEGREES``) inside its
  country's outline whose nearest town (within ``TOWN_REACH_KM``) belongs to it; its point is the
  centre of those cells. Empty land far from any town (the Arctic, deserts) belongs to no region.
- A country's point is halfway between the conventional central point of a factbook (countryinfo,
  rounded to whole degrees for large countries) and the centroid of its largest outline (the mainland:
  Alaska and Hawaii do not pull the United States' point away). Either alone is off by 200 km or more
  for some large countries (the factbook puts the United States in southern Kansas, the mainland
  centroid puts Russia east of its conventional point); their mean is within 161 km of GeoNames' point
  for more countries than either. Rule factbook-far-mainland: when the two lie more than
  ``FACTBOOK_TRUST_KM`` apart, the largest polygon is a poor stand-in for the country (an archipelago:
  Indonesia; a long coast or Arctic islands: Chile, Canada; a horn: Somalia) and their mean lies in
  neither: the factbook point is kept, as GeoNames keeps such countries at it. Measured on the gold
  corpora's country toponyms within 161 km (LGL, TR-News): the mean 803/830, 364/422; this rule
  829/830, 366/422 (830/830 for thresholds from 250 to 400 km, which move Morocco too, and India,
  DR Congo and Norway with it, which no gold here names).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence

import numpy as np
from numpy.typing import NDArray

from frontlines.geo.polygons import MultiPolygon, centroid, from_geojson

#: Grid cell size (degrees) of the territory estimate: about 11 km, finer than any region it places.
CELL_DEGREES = 0.1
#: Land farther than this from every town of its country is left out of every region's territory.
TOWN_REACH_KM = 150.0
EARTH_RADIUS_KM = 6371.0088
#: Rule factbook-far-mainland: beyond this distance between the factbook point and the mainland
#: centroid, a country's point is the factbook's. The largest distance that keeps the measured gain
#: (Canada, 453 km): the fewest countries moved (Canada, Chile, Indonesia, New Zealand, Somalia).
FACTBOOK_TRUST_KM = 430.0

Point = tuple[float, float]


def country_outlines() -> dict[str, MultiPolygon]:
    """Outlines of countries by ISO alpha-2 code, from countryinfo's GeoJSON (offline, coarse)."""
    from countryinfo import all_countries

    out: dict[str, MultiPolygon] = {}
    for info in all_countries():
        try:
            iso, geojson = info.iso(), info.geo_json()
        except (KeyError, AttributeError):  # an entry without the field: no outline for it
            continue
        if not isinstance(iso, dict) or not iso.get("alpha2") or not isinstance(geojson, dict):
            continue
        polygons: MultiPolygon = []
        for feature in geojson.get("features", []):
            polygons += from_geojson(feature.get("geometry") or {})
        if polygons:
            out[str(iso["alpha2"]).upper()] = polygons
    return out


def mainland_centroid(outline: MultiPolygon) -> Point:
    """(lat, lon) centroid of the largest polygon of an outline (its mainland)."""
    return centroid([max(outline, key=lambda polygon: abs(_ring_area(polygon[0])))])


def country_point(factbook: Point | None, outline: MultiPolygon | None) -> Point | None:
    """A country's central point: the mean of the factbook point and the mainland centroid when both
    exist (the factbook point alone when they lie over ``FACTBOOK_TRUST_KM`` apart: rule
    factbook-far-mainland), else whichever exists (None when neither does)."""
    if outline:
        lat, lon = mainland_centroid(outline)
        if factbook is None:
            return lat, lon
        if _distance_km(factbook, (lat, lon)) > FACTBOOK_TRUST_KM:
            return factbook
        return (factbook[0] + lat) / 2, (factbook[1] + lon) / 2
    return factbook


def _distance_km(a: Point, b: Point) -> float:
    """Great-circle distance between two (lat, lon) points (km)."""
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def grid_cells(
    outline: MultiPolygon, cell: float = CELL_DEGREES
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Latitudes and longitudes of the centres of the grid cells inside an outline (even-odd rule over
    all rings, so holes are outside), by scanning each row of the grid."""
    rings = [np.asarray(ring, dtype=float) for polygon in outline for ring in polygon if len(ring) >= 3]
    if not rings:
        return np.zeros(0), np.zeros(0)
    start = np.concatenate(rings)
    end = np.concatenate([np.roll(ring, -1, axis=0) for ring in rings])
    bottom = math.floor(start[:, 1].min() / cell) * cell + cell / 2
    lats: list[NDArray[np.float64]] = []
    lons: list[NDArray[np.float64]] = []
    for y in np.arange(bottom, start[:, 1].max(), cell):
        crossing = (start[:, 1] > y) != (end[:, 1] > y)
        if not crossing.any():
            continue
        a, b = start[crossing], end[crossing]
        xs = np.sort(a[:, 0] + (y - a[:, 1]) * (b[:, 0] - a[:, 0]) / (b[:, 1] - a[:, 1]))
        for x0, x1 in zip(xs[0::2], xs[1::2], strict=False):
            first, last = math.ceil(x0 / cell - 0.5), math.floor(x1 / cell - 0.5)
            if last >= first:
                row = np.arange(first, last + 1) * cell + cell / 2
                lons.append(row)
                lats.append(np.full(len(row), y))
    if not lats:
        return np.zeros(0), np.zeros(0)
    return np.concatenate(lats), np.concatenate(lons)


def region_points(
    outline: MultiPolygon,
    towns: Sequence[tuple[float, float, Hashable]],
    *,
    cell: float = CELL_DEGREES,
    reach_km: float = TOWN_REACH_KM,
) -> dict[Hashable, Point]:
    """The centre of each region's territory inside a country ``outline``, from the country's
    ``towns`` as (lat, lon, region key): every grid cell of the outline goes to the region of its
    nearest town within ``reach_km``; a region's point is the mean direction of its cells. Regions
    that get no cell (smaller than a cell, or outside the coarse outline) are left out."""
    from scipy.spatial import cKDTree

    if not towns:
        return {}
    lats, lons = grid_cells(outline, cell)
    if not len(lats):
        return {}
    town_points = _unit_vectors(np.array([t[0] for t in towns]), np.array([t[1] for t in towns]))
    cells = _unit_vectors(lats, lons)
    chord = 2 * math.sin(reach_km / EARTH_RADIUS_KM / 2)
    distance, nearest = cKDTree(town_points).query(cells, distance_upper_bound=chord)
    reached = np.isfinite(distance)
    cells, nearest = cells[reached], nearest[reached]
    keys = [t[2] for t in towns]
    codes = {key: i for i, key in enumerate(dict.fromkeys(keys))}
    owner = np.array([codes[k] for k in keys])[nearest]
    out: dict[Hashable, Point] = {}
    for key, code in codes.items():
        mine = cells[owner == code]
        if len(mine):
            x, y, z = mine.sum(axis=0)
            out[key] = (math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x)))
    return out


def _unit_vectors(lats: NDArray[np.float64], lons: NDArray[np.float64]) -> NDArray[np.float64]:
    phi, lam = np.radians(lats), np.radians(lons)
    return np.stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)], axis=1)


def _ring_area(ring: Sequence[tuple[float, float]]) -> float:
    area = 0.0
    x1, y1 = ring[-1]
    for x2, y2 in ring:
        area += x1 * y2 - x2 * y1
        x1, y1 = x2, y2
    return area / 2

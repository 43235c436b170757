"""Central points of countries and regions from outlines and towns (``frontlines.geo.territory``)."""

from __future__ import annotations

import math

import pytest

from frontlines.geo.territory import country_point, grid_cells, mainland_centroid, region_points

#: A 10 x 4 degree box at the equator: 100 cells of one degree.
BOX = [[[(0.0, 0.0), (10.0, 0.0), (10.0, 4.0), (0.0, 4.0), (0.0, 0.0)]]]


def test_territory_grid_cells_fill_the_outline_and_skip_holes() -> None:
    lats, lons = grid_cells(BOX, cell=1.0)
    assert len(lats) == 40
    assert lats.min() == 0.5 and lats.max() == 3.5 and lons.min() == 0.5 and lons.max() == 9.5
    holed = [[BOX[0][0], [(2.0, 1.0), (4.0, 1.0), (4.0, 3.0), (2.0, 3.0), (2.0, 1.0)]]]
    lats, lons = grid_cells(holed, cell=1.0)
    assert len(lats) == 36
    assert not any(2 < x < 4 and 1 < y < 3 for y, x in zip(lats, lons, strict=True))


def test_territory_region_point_is_middle_of_its_land_not_of_its_towns() -> None:
    # West's land reaches from x=0 to halfway between its easternmost town (4.6) and East's (8.0):
    # its point is the middle of that land (x ~ 3.15), not among its crowded towns (median x 4.45).
    towns = [
        (2.0, 4.4, "west"),
        (2.1, 4.5, "west"),
        (1.9, 4.6, "west"),
        (2.0, 1.0, "west"),
        (2.0, 8.0, "east"),
    ]
    points = region_points(BOX, towns, cell=0.25, reach_km=2000)
    west_lat, west_lon = points["west"]
    assert abs(west_lon - 3.15) < 0.15 and abs(west_lat - 2.0) < 0.2
    assert points["east"][1] > 6.0


def test_territory_land_beyond_reach_of_towns_belongs_to_no_region() -> None:
    towns = [(2.0, 1.0, "west"), (2.0, 9.0, "east")]
    near = region_points(BOX, towns, cell=0.25, reach_km=150)
    assert near["west"][1] < 1.5 and near["east"][1] > 8.5
    assert region_points(BOX, [], cell=0.25) == {}


def test_territory_country_point_is_between_factbook_and_mainland() -> None:
    island = [[(20.0, 20.0), (21.0, 20.0), (21.0, 21.0), (20.0, 21.0), (20.0, 20.0)]]
    outline = [*BOX, island]
    lat, lon = mainland_centroid(outline)
    assert lat == pytest.approx(2.0) and lon == pytest.approx(5.0)
    assert country_point((4.0, 7.0), outline) == pytest.approx((3.0, 6.0))
    assert country_point(None, outline) == pytest.approx((2.0, 5.0))
    assert country_point((4.0, 7.0), None) == (4.0, 7.0)
    assert country_point(None, None) is None
    assert not math.isnan(lat)


def test_territory_country_point_is_the_factbooks_far_from_the_mainland() -> None:
    # rule factbook-far-mainland: the mainland centroid (2, 5) lies 6 degrees (about 670 km) from the
    # factbook point: the outline is a poor stand-in, the factbook point is kept
    assert country_point((8.0, 5.0), BOX) == (8.0, 5.0)
    # ... within FACTBOOK_TRUST_KM (about 220 km) the mean stands
    assert country_point((4.0, 5.0), BOX) == pytest.approx((3.0, 5.0))

"""Outlines: WKB round trip, containment with holes, centroids and interior points."""

from __future__ import annotations

import pytest

from frontlines.geo.polygons import (
    bbox,
    centroid,
    contains,
    decode_wkb,
    encode_wkb,
    from_geojson,
    representative_point,
)

SQUARE = [[(0.0, 0.0), (0.0, 4.0), (4.0, 4.0), (4.0, 0.0), (0.0, 0.0)]]
HOLE = [(1.0, 1.0), (3.0, 1.0), (3.0, 3.0), (1.0, 3.0), (1.0, 1.0)]
WITH_HOLE = [[*SQUARE, HOLE]]
# a U open to the north: its centroid (x=2) falls in the gap between the arms
U_SHAPE = [
    [
        [
            (0.0, 0.0),
            (0.0, 4.0),
            (1.0, 4.0),
            (1.0, 1.0),
            (3.0, 1.0),
            (3.0, 4.0),
            (4.0, 4.0),
            (4.0, 0.0),
            (0.0, 0.0),
        ]
    ]
]


@pytest.mark.parametrize(
    "shape", [[SQUARE], WITH_HOLE, U_SHAPE, [SQUARE, [[(10.0, 10.0), (10.0, 11.0), (11.0, 10.0)]]]]
)
def test_polygons_wkb_round_trip(shape: list) -> None:
    assert decode_wkb(encode_wkb(shape)) == shape


@pytest.mark.parametrize(
    "shape, lat, lon, inside",
    [
        ([SQUARE], 2.0, 2.0, True),
        ([SQUARE], 2.0, 5.0, False),
        (WITH_HOLE, 2.0, 2.0, False),  # in the hole
        (WITH_HOLE, 0.5, 2.0, True),
        (U_SHAPE, 3.0, 2.0, False),  # between the arms
        (U_SHAPE, 3.0, 0.5, True),
    ],
)
def test_polygons_contains(shape: list, lat: float, lon: float, inside: bool) -> None:
    assert contains(shape, lat, lon) is inside


def test_polygons_centroid_of_square_with_hole() -> None:
    assert centroid(WITH_HOLE) == pytest.approx((2.0, 2.0))
    assert bbox(WITH_HOLE) == (0.0, 0.0, 4.0, 4.0)


@pytest.mark.parametrize("shape", [[SQUARE], WITH_HOLE, U_SHAPE])
def test_polygons_representative_point_is_inside(shape: list) -> None:
    lat, lon = representative_point(shape)
    assert contains(shape, lat, lon)


def test_polygons_from_geojson() -> None:
    geometry = {"type": "MultiPolygon", "coordinates": [[[[0, 0], [0, 1], [1, 1], [0, 0]]]]}
    assert from_geojson(geometry) == [[[(0.0, 0.0), (0.0, 1.0), (1.0, 1.0), (0.0, 0.0)]]]
    assert from_geojson({"type": "Point", "coordinates": [1, 2]}) == []

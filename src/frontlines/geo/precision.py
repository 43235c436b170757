"""ACLED's geo_precision of a resolved place mention, one rule for geoparsing and events alike.

Codebook "Where": 1 when the named town, village or city district itself is found; 2 when the text
locates the event only approximately ("near X", "X countryside", a neighbourhood or village the
gazetteer lacks placed at its city or district, a second- or third-level unit placed at its point);
3 for a province, oblast, state or country (placed at its point, with its admin names).
"""

from __future__ import annotations

from frontlines.model import GeoPrecision, PlaceMention

#: Kinds coded at precision 3: the region itself is the place.
REGION_KINDS = frozenset({"country", "admin1"})
#: Kinds coded at precision 2: a part of a region, represented by one point.
PART_KINDS = frozenset({"admin2", "admin3"})


def geo_precision(mention: PlaceMention) -> GeoPrecision:
    """3 for a province or country, 2 for an approximate mention (``mention.near``: "near X", a
    place the gazetteer lacks located at what holds it) or a second-/third-level unit, else 1."""
    place = mention.place
    if place is not None and place.kind in REGION_KINDS:
        return GeoPrecision.REGION
    if mention.near or (place is not None and place.kind in PART_KINDS):
        return GeoPrecision.NEAR
    return GeoPrecision.PLACE

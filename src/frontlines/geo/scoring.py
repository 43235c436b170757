"""Scores for a toponym's candidate places: prominence, the document's focus, the kind of unit the
text names, containment ("Alexandria, La.", "the Jobar district of Damascus") and nearness to the
other places of the same article. Every weight is a named constant; a score is in log10-population
units (one point = ten times as large a town).

The rules, in the order they are added up (``candidate_score``):
1. Prominence: a country counts as a town of 10^9, a first-level region as one of 10^7, a second-
   level one as 10^5.5; towns and districts by their population (unknown: ``UNKNOWN_POPULATION``);
   a national capital gains ``CAPITAL_BONUS``.
2. A town known by this name only as an alternate spelling, not by its own name, loses
   ``ALTERNATE_PENALTY`` (gazetteers list "Florida" among the names of a Californian village), and so
   does a place of any kind matched only by folding when another is spelled as the text spells it
   ("Columbia" is not Colombia when Columbia, Missouri is a candidate); a town none of whose names
   is spelled as the text spells it, while another candidate's is, loses
   ``SPELLED_OTHERWISE_PENALTY`` more ("Bosra" is Busra al-Sham rather than Basrah); a town
   named like a country loses ``COUNTRY_NAMESAKE_PENALTY`` unless the text says where it lies,
   and one named like another first-level unit of its own country ("Florida", New York) loses
   ``REGION_NAMESAKE_PENALTY`` unless the text says where it lies or it is the national capital.
   Rule unit-by-alias: a first-level unit known by the name only as an alternate name loses
   ``ALTERNATE_PENALTY`` when a town bears it as its own name.
   Rule country-not-its-unit: a unit named like its own country (the State of Mexico) loses
   ``OWN_COUNTRY_UNIT_PENALTY``, the focus country's bonus, so that a bare "Mexico" is the country.
   Rule abbreviated-spelling: "St.", "Ste.", "Mt.", "Ft." spell the words they stand for ("St. Paul"
   is spelled as Saint Paul is, "Sault Ste. Marie" as Sault Sainte Marie): no alternate-name penalty.
3. A town that shares its name with the region it lies in ("Aleppo" in Aleppo governorate) gains
   ``SAME_NAME_CITY_BONUS``: a bare name is the town, "X province" the region (rule 6).
4. The document's focus country adds ``FOCUS_COUNTRY_BONUS`` to places inside it (countries
   themselves excepted: "Russia" in an American story is still the country).
5. The document's focus region (the US state, the Syrian governorate the story is about) adds
   ``FOCUS_ADMIN1_BONUS``.
6. A unit named by the text ("X County", "X province", "the city of X", "X district") adds
   ``UNIT_BONUS`` to candidates of that kind.
7. Containment stated by the text ("X, Y", "X in Y", "the X district of Y") adds
   ``CONTAINED_BONUS`` to candidates inside Y and takes ``OUTSIDE_PENALTY`` from the others.
8. Support: ``SUPPORT_WEIGHT`` per other name of the article with a candidate near this one or a
   region holding it (``support``), at most ``MAX_SUPPORT``; a country holding it counts
   ``COUNTRY_SUPPORT`` (rule country-support).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from frontlines.geo.names import fold, strip_marks
from frontlines.model import Place

#: Prominence (log10 of an equivalent population) of units without a population of their own.
KIND_PROMINENCE = {"country": 9.0, "admin1": 6.0, "admin2": 5.0, "admin3": 4.5}
#: The least prominence of a unit whose population is known (a small country is still a country).
MIN_UNIT_PROMINENCE = {"country": 8.0, "admin1": 6.0, "admin2": 4.0, "admin3": 3.5}
#: A national capital is better known than its population says: "Washington" is the capital rather
#: than the state, "Paris" the French capital rather than a Texan town of the story's state.
CAPITAL_BONUS = 1.0
#: Towns and districts of unknown population (0 in GeoNames: admin seats and neighbourhoods).
UNKNOWN_POPULATION = 3.0
ALTERNATE_PENALTY = 3.0
#: A town whose names only fold like the text's ("Busra", Basrah) when another candidate bears the
#: text's very spelling ("Bosra", Busra al-Sham) loses this much more (rule 2).
SPELLED_OTHERWISE_PENALTY = 2.0
SAME_NAME_CITY_BONUS = 1.5
#: A town named like a country ("Russia", Ohio; "Egypt", Arkansas) stands for itself only when the
#: text says where it lies ("Russia, Ohio": rule 7): a bare country name is the country, however
#: near the story's other places the namesake lies.
COUNTRY_NAMESAKE_PENALTY = 8.0
#: Rule country-not-its-unit: a unit named like its own country (the State of Mexico, Panamá
#: province) loses the focus country's bonus when the text names the country's name bare: in an
#: article about Mexico, "Mexico" is the country; "the state of Mexico" (a unit word) still the state.
OWN_COUNTRY_UNIT_PENALTY = 2.5
#: A town named like a first-level unit of its own country ("Florida", New York; "Kansas",
#: Illinois) ranks below the unit unless the text says where it lies or it is the capital.
REGION_NAMESAKE_PENALTY = 3.0
FOCUS_COUNTRY_BONUS = 2.5
FOCUS_ADMIN1_BONUS = 2.0
UNIT_BONUS = 3.0
CONTAINED_BONUS = 4.0
OUTSIDE_PENALTY = 2.0
#: What lies "in the city of X" is one of its districts rather than a village nearby.
CITY_DISTRICT_BONUS = 1.0
#: A candidate found only by another spelling of the name (its skeleton, ``variants``) ranks below
#: one that bears the text's very spelling ("Al-Malihah" is Al Mulayhah, listed so, not Ma'loula).
#: When no candidate bears it ("Joubar": Jobar, Jowbar), nearness and the story decide.
RESPELLED_PENALTY = 1.0
SUPPORT_WEIGHT = 2.0
#: The most support a candidate can get (so a long list of nearby names does not drown prominence).
MAX_SUPPORT = 4.0
NEAR_SCALE_KM = 80.0
#: Rule country-support: a country the article names supports each of its places this much (a first-
#: level unit: 1): "London" with Canada and Toronto is London, Ontario. Measured (eval geoparse
#: acc@161, LGL / TR-News): 0: 0.850 / 0.845; 0.5: 0.851 / 0.846; 1.0: 0.851 / 0.845. The article's
#: focus country supports nothing: its places have ``FOCUS_COUNTRY_BONUS`` already, and counted twice
#: it put "Dhaka" in a sentence that names India at Dhāka, India (eval corpus, item wld-0303).
COUNTRY_SUPPORT = 0.5
#: Candidates per name that take part in the support computation (the best by earlier rules).
SUPPORT_CANDIDATES = 12
#: Candidates this close to the chosen one count as the same answer in the confidence.
SAME_PLACE_KM = 50.0
#: ``SAME_PLACE_KM`` in degrees of latitude: places further apart in latitude alone are further apart.
_SAME_PLACE_DEGREES = math.degrees(SAME_PLACE_KM / 6371.0088)
#: A district (city neighbourhood) lies "in" a city when it is this close to the city's point.
CITY_RADIUS_KM = 30.0
#: Kinds that the unit named by the text stands for.
UNIT_KINDS: dict[str, frozenset[str]] = {
    "region": frozenset({"country", "admin1", "admin2"}),
    "admin1": frozenset({"admin1"}),
    "admin2": frozenset({"admin2"}),
    "city": frozenset({"city"}),
    "district": frozenset({"district", "admin3"}),
}
_POINT_KINDS = frozenset({"city", "district", "admin2", "admin3", "other"})
_TOWN_KINDS = frozenset({"city", "district"})
EARTH_RADIUS_KM = 6371.0088


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places' points (km)."""
    p1, p2 = math.radians(a.latitude), math.radians(b.latitude)
    dp, dl = p2 - p1, math.radians(b.longitude - a.longitude)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def prominence(place: Place) -> float:
    """Rule 1: how well known a place is, in log10 population units. A country or region with a
    population counts by it, but never below ``MIN_UNIT_PROMINENCE`` of its kind."""
    fixed = KIND_PROMINENCE.get(place.kind)
    if fixed is not None:
        if place.population > 0:
            return max(MIN_UNIT_PROMINENCE[place.kind], math.log10(place.population))
        return fixed
    return math.log10(place.population) if place.population > 0 else UNKNOWN_POPULATION


def name_prior(
    place: Place,
    query: str,
    candidates: Sequence[Place],
    *,
    placed: bool = False,
    capital: bool = False,
    spelled_otherwise: bool = False,
) -> float:
    """Rules 1-3: prominence (plus ``CAPITAL_BONUS`` for a national ``capital``), the alternate-name
    penalties (``spelled_otherwise``: none of the place's names is spelled as the text spells it,
    while another candidate's is), the same-name-town bonus and, unless the text places the name
    inside a region (``placed``: "Russia, Ohio"), the country-namesake penalty."""
    score = prominence(place) + (CAPITAL_BONUS if capital else 0.0)
    key = fold(query)
    alike_only = _spelled_alike_only(place, query, key, candidates)
    if (place.kind in _POINT_KINDS and fold(_expanded(place.name)) != fold(_expanded(query))) or alike_only:
        score -= ALTERNATE_PENALTY
    if place.kind == "admin1" and _unit_by_alias(place, key, candidates):
        score -= ALTERNATE_PENALTY
    if spelled_otherwise and place.kind in _POINT_KINDS and not alike_only:
        score -= SPELLED_OTHERWISE_PENALTY
    same_name = place.kind == "city" and place.admin1 and fold(place.admin1) == key
    if same_name and any(c.kind == "admin1" and c.country_code == place.country_code for c in candidates):
        score += SAME_NAME_CITY_BONUS
    if (
        not placed
        and place.kind in _TOWN_KINDS
        and any(c.kind == "country" and _plain(c.name) == _plain(query) for c in candidates)
    ):
        score -= COUNTRY_NAMESAKE_PENALTY
    if place.kind in ("admin1", "admin2") and any(
        c.kind == "country" and c.country_code == place.country_code and _plain(c.name) == _plain(query)
        for c in candidates
    ):
        score -= OWN_COUNTRY_UNIT_PENALTY  # rule country-not-its-unit: "Mexico's ministry" is the country
    namesake = place.kind in _TOWN_KINDS and _names_other_region(place, query, candidates)
    if namesake and not placed and not capital:
        score -= REGION_NAMESAKE_PENALTY
    return score


#: Rule 2: abbreviations that spell the same name as the word they stand for ("St. Paul" is
#: Saint Paul, "Mt. Pleasant" Mount Pleasant, "Ft. Worth" Fort Worth, "Sault Ste. Marie").
_ABBREVIATIONS = re.compile(r"\b(St|Ste|Mt|Ft)\b\.?", re.IGNORECASE)
_EXPANSIONS = {"st": "Saint", "ste": "Sainte", "mt": "Mount", "ft": "Fort"}


def _expanded(name: str) -> str:
    """A name with its abbreviations written out (rule 2)."""
    return _ABBREVIATIONS.sub(lambda m: _EXPANSIONS[m.group(1).lower()], name)


def _unit_by_alias(place: Place, key: str, candidates: Sequence[Place]) -> bool:
    """Rule unit-by-alias: a first-level unit known by the text's name only as an alternate name,
    while a town outside it bears it as its own name ("Lamu" is the Kenyan town, not an atoll of the
    Maldives that GeoNames lists under that name too); a province named after its own seat
    ("Timbuktu", Tombouctou region) is no such namesake."""
    if fold(place.name) == key or fold(place.admin1 or "") == key:
        return False
    return any(c.kind in _TOWN_KINDS and fold(c.name) == key and not own_region(place, c) for c in candidates)


def _names_other_region(place: Place, query: str, candidates: Sequence[Place]) -> bool:
    """Rule 2b: a first-level unit of the town's own country, other than the town's own, bears the
    text's very name ("Florida": the state, not Florida, New York)."""
    plain = _plain(query)
    return any(
        c.kind == "admin1"
        and c.country_code == place.country_code
        and c.admin1 != place.admin1
        and _plain(c.name) == plain
        for c in candidates
    )


def _spelled_alike_only(place: Place, query: str, key: str, candidates: Sequence[Place]) -> bool:
    """Rule 2 for places of any kind: the name matched this place only through folding, which
    merges spellings ("Columbia" folds like "Colombia"), while another candidate is spelled exactly
    as the text spells it (the Columbias of Missouri and South Carolina)."""
    plain = _plain(query)
    if fold(place.name) != key or _plain(place.name) == plain:
        return False
    return any(_plain(c.name) == plain and not own_region(c, place) for c in candidates)


def own_region(region: Place, place: Place) -> bool:
    """Whether ``region`` is the first-level unit ``place`` lies in: a governorate named after its
    capital spells the capital's name ("Raqqa" for Ar Raqqah), which makes no rival of it."""
    return (
        region.kind == "admin1"
        and region.country_code == place.country_code
        and place.admin1 is not None
        and fold(region.admin1 or region.name) == fold(place.admin1)
    )


@lru_cache(maxsize=1 << 16)
def _plain(name: str) -> str:
    """A name as written, less case and diacritics ("Ḩalab" -> "halab"); unlike ``fold``, vowels and
    doubled letters stay ("Columbia" is not "Colombia")."""
    return strip_marks(name).casefold()


def focus_bonus(place: Place, focus_country: str | None, focus_admin1: str | None) -> float:
    """Rules 4-5."""
    if place.kind == "country" or focus_country is None or place.country_code != focus_country:
        return 0.0
    bonus = FOCUS_COUNTRY_BONUS
    if focus_admin1 is not None and place.admin1 == focus_admin1:
        bonus += FOCUS_ADMIN1_BONUS
    return bonus


def unit_bonus(place: Place, unit: str | None) -> float:
    """Rule 6."""
    kinds = UNIT_KINDS.get(unit or "")
    return UNIT_BONUS if kinds and place.kind in kinds else 0.0


def contains(region: Place, place: Place) -> bool:
    """Whether ``place`` lies in ``region`` as far as a point gazetteer can tell: same country for a
    country, same admin1 for an admin1 unit, within ``CITY_RADIUS_KM`` of a town or district."""
    if region.place_id == place.place_id or region.country_code != place.country_code:
        return False
    if region.kind == "country":
        return True
    if region.kind == "admin1":
        return place.admin1 is not None and fold(place.admin1) == fold(region.admin1 or region.name)
    if region.kind == "admin2":
        return place.admin2 is not None and fold(place.admin2) == fold(region.admin2 or region.name)
    return place.kind != "country" and distance_km(region, place) <= CITY_RADIUS_KM


def containment_bonus(place: Place, container: Place | None) -> float:
    """Rule 7."""
    if container is None:
        return 0.0
    if not contains(container, place):
        return -OUTSIDE_PENALTY
    district = container.kind == "city" and place.kind == "district"
    return CONTAINED_BONUS + (CITY_DISTRICT_BONUS if district else 0.0)


def support(groups: Sequence[Sequence[Place]], focus: str | None = None) -> list[list[float]]:
    """Rule 8: for each candidate of each group (one group per distinct name in an article), how
    many of the other groups have a candidate near it (exp(-km / ``NEAR_SCALE_KM``), the closest
    one per group) or a region candidate that contains it (1 per group; ``COUNTRY_SUPPORT`` for a
    country other than the article's ``focus``, rule country-support). Spatial minimality: places
    named together are usually near each other, so "Brandon", "Kensington" and "Alexandria" are the
    three Minnesota towns a few km apart, not the largest of each name."""
    flat = [(g, p) for g, places in enumerate(groups) for p in places]
    out: list[list[float]] = [[0.0] * len(places) for places in groups]
    if len(groups) < 2 or not flat:
        return out
    lat = np.radians(np.array([p.latitude for _, p in flat]))
    lon = np.radians(np.array([p.longitude for _, p in flat]))
    owner = np.array([g for g, _ in flat])
    h = (
        np.sin((lat[:, None] - lat[None, :]) / 2) ** 2
        + np.cos(lat[:, None]) * np.cos(lat[None, :]) * np.sin((lon[:, None] - lon[None, :]) / 2) ** 2
    )
    near = np.exp(-2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0))) / NEAR_SCALE_KM)
    point = np.array([p.kind in _POINT_KINDS for _, p in flat])
    near[:, ~point] = 0.0  # a region's point says nothing about what is near it
    regions = [
        (g, p)
        for g, p in flat
        if p.kind in ("admin1", "admin2") or (p.kind == "country" and p.country_code != focus)
    ]
    index = 0
    for g, places in enumerate(groups):
        for k, place in enumerate(places):
            if place.kind in _POINT_KINDS:
                row = near[index]
                best = np.zeros(len(groups))
                np.maximum.at(best, owner, row)
                best[g] = 0.0
                counted: set[str] = set()  # a region named twice ("Calif.", "California") counts once
                for rg, region in regions:
                    if rg != g and region.place_id not in counted and contains(region, place):
                        best[rg] = max(best[rg], COUNTRY_SUPPORT if region.kind == "country" else 1.0)
                        counted.add(region.place_id)
                out[g][k] = float(best.sum())
            elif place.kind in ("admin1", "admin2"):
                held = {og for og, other in flat if og != g and contains(place, other)}
                out[g][k] = float(len(held))
            index += 1
    return out


def confidence(scores: Sequence[float], candidates: Sequence[Place]) -> float:
    """How sure the resolver is of where a name points: the softmax share of the candidates that lie
    within ``SAME_PLACE_KM`` of the best one (a town and its district, or the same place in two
    sources, are one answer); 1.0 when there is one candidate."""
    if not scores:
        return 0.0
    top = max(range(len(scores)), key=scores.__getitem__)
    weights = [math.exp(s - scores[top]) for s in scores]
    best = candidates[top]
    same = sum(
        w
        for w, p in zip(weights, candidates, strict=True)
        if abs(p.latitude - best.latitude) <= _SAME_PLACE_DEGREES and distance_km(p, best) <= SAME_PLACE_KM
    )
    return same / sum(weights)

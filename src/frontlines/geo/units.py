"""Rules that choose between a first-level unit and the town it is named after (toponym resolution,
after scoring). A province, oblast, region or state is often named like its capital (Idlib, Kharkiv,
Kidal, Gao, Oaxaca): which one a mention means is what the words around it say, not what another
mention of the name in the article says. Each rule has an id, examples and a trace (``Item.rules``).

- ``region-named``: a mention the text calls a unit ("Idlib province", "the province of Latakia",
  "the Kharkiv region", "Luhansk, Donetsk and Kharkiv oblasts") is that first-level unit (ACLED
  geo_precision 3), not the town it is named after, when the unit is among its candidates.
- ``capital-named``: a mention with no unit word of its own ("attacked peacekeepers in Kidal", "a
  military base in Agadez") that scoring gave to the unit is the unit's seat when the seat bears
  the very name the text writes (geo_precision 1): a small province counts as a million people
  in scoring (``scoring.MIN_UNIT_PROMINENCE``), which outweighs its capital's same-name bonus.
  Not when the words around it speak of an area ("across Idlib", "in rural Aleppo", "northern
  Idlib", "the Idlib countryside", "near Idlib"), nor for a town whose main name differs ("New
  York City" for "New York"). An airport named after it is near the town, not the province
  ("a rocket hit Timbuktu Airport", "Kidal airfield": the town at geo_precision 2; rule
  town-airport); so is a ship attacked off it ("in the Red Sea off Hodeidah": the port town at
  geo_precision 2, rule off-coast in ``context``). The seat may bear the unit's name where the text
  spells both otherwise ("Hodeidah" for the city and the governorate Al Hudaydah).
- ``city-affix``: "X City" before the name of a municipal office or body ("Springfield City Schools",
  "the Las Vegas City Marshal", "San Fernando City Councilwoman"), when "X City" is no place's own
  name, only another spelling of places named X, is the municipality of X: it is looked up as the
  town X (never a province: "Quebec City"), so that it takes the sense the article gives X
  (Springfield, Ohio) instead of the one namesake that lists "X City" among its alternate names
  (Springfield, Massachusetts). A place named so ("Kansas City", "Angeles City") keeps its name,
  and so does "X City" elsewhere ("in Gaza City"). Runs on the spans, before resolution.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from frontlines.geo.context import off_coast
from frontlines.geo.items import Item
from frontlines.geo.names import fold, strip_marks
from frontlines.geo.recognise import Span
from frontlines.geo.scoring import own_region
from frontlines.model import Place

#: Kinds a unit's namesake may be: a town, a city district or a second-level unit.
_TOWN_KINDS = frozenset({"city", "district", "admin2"})
#: Words before a name that make it an area rather than a town (rule capital-named does not apply).
_AREA_BEFORE = re.compile(
    r"\b(?:northern|southern|eastern|western|central|north|south|east|west|northeastern|northwestern"
    r"|southeastern|southwestern|rural|across|throughout|(?:all|parts?|much|most)\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: How much text before a name the area words are looked for in (characters).
_AREA_WINDOW = 30
#: Rule town-airport: an airport or airbase after a name is the town's ("Timbuktu Airport", "Gao
#: airbase"): the name is read as "near" it (``context``), yet it is the town, not its province.
_AIRPORT_AFTER = re.compile(
    r"\s+(?:international\s+)?(?:airport|airbase|air\s+base|airfield)\b", re.IGNORECASE
)

#: How much text before a name rule off-coast reads ("a ship seized off the coast of", characters).
_OFF_WINDOW = 60


def _best(item: Item) -> int:
    return max(range(len(item.scores)), key=item.scores.__getitem__)


def _promote(item: Item, best: int, chosen: int, rule: str) -> None:
    """Make candidate ``chosen`` the best by swapping its score with the best one's."""
    item.scores[best], item.scores[chosen] = item.scores[chosen], item.scores[best]
    item.rules.append(rule)


def _unit_of(candidates: Sequence[Place], town: Place) -> int | None:
    """The first-level unit among ``candidates`` that holds ``town``, else one of its country."""
    country = town.country_code
    units = [k for k, p in enumerate(candidates) if p.kind == "admin1" and p.country_code == country]
    held = [k for k in units if own_region(candidates[k], town)]
    chosen = held or units
    return chosen[0] if chosen else None


def _town_of(candidates: Sequence[Place], unit: Place) -> int | None:
    """The most populous town among ``candidates`` inside ``unit`` (its capital, named like it)."""
    towns = [k for k, p in enumerate(candidates) if p.kind in _TOWN_KINDS and own_region(unit, p)]
    return max(towns, key=lambda k: candidates[k].population) if towns else None


def _is_seat(item: Item, unit: Place, town: int, seat: Callable[[Place], Place | None]) -> bool:
    """Rule capital-named: the town is the unit's seat and its own name is the text's ("Kidal") or the
    unit's, the text spelling both otherwise ("Hodeidah": the city and the governorate Al Hudaydah);
    not "New York City" for "New York", whose state GeoNames lists as its seat too."""
    place = item.candidates[town]
    own = strip_marks(place.name).casefold()
    if own not in (strip_marks(item.span.query).casefold(), strip_marks(unit.name).casefold()):
        return False
    found = seat(unit)
    return found is not None and found.place_id == place.place_id


def _resolved(items: Sequence[Item]) -> Iterator[tuple[Item, int, Place]]:
    """Each resolved name (demonyms aside) with the index of its best candidate and that place."""
    for item in items:
        if item.span.source != "demonym" and item.candidates and item.scores:
            best = _best(item)
            yield item, best, item.candidates[best]


def region_named(items: Sequence[Item]) -> None:
    """Rule region-named (see the module docstring). Runs first of the rules after scoring: the
    others read a province differently from a town."""
    for item, best, place in _resolved(items):
        if item.ctx.unit == "admin1" and place.kind in _TOWN_KINDS:
            unit = _unit_of(item.candidates, place)
            if unit is not None:
                _promote(item, best, unit, "region-named")


def capital_named(items: Sequence[Item], text: str, seat: Callable[[Place], Place | None] | None) -> None:
    """Rule capital-named (see the module docstring); ``seat`` gives a first-level unit's seat
    (``SqliteGazetteer.seat``): without it, the rule does not apply. Runs last of the rules after
    scoring, so that a province read as the holder of a stray namesake ("outside of Timbuktu near
    the town of Gourma": Gourma, Burkina Faso) still holds it."""
    if seat is None:
        return
    for item, best, place in _resolved(items):
        airport = item.ctx.near and bool(_AIRPORT_AFTER.match(text, item.span.end))
        offshore = item.ctx.near and off_coast(text[max(0, item.span.start - _OFF_WINDOW) : item.span.start])
        if item.ctx.unit is None and (airport or offshore or not item.ctx.near) and place.kind == "admin1":
            before = text[max(0, item.span.start - _AREA_WINDOW) : item.span.start]
            town = _town_of(item.candidates, place)
            if town is not None and not _AREA_BEFORE.search(before) and _is_seat(item, place, town, seat):
                _promote(item, best, town, "town-airport" if airport else "capital-named")


#: Rule city-affix: the word that closes "X City" (a municipality's name in American usage) ...
_CITY_AFFIX = " City"
#: ... and the municipal office or body named after it.
_MUNICIPAL_AFTER = re.compile(
    r"\s+(?:Council(?:man|woman|member|lor)?s?|Commission(?:er)?s?|Manager|Hall|Schools?|Marshal"
    r"|Attorney|Clerk|Police|Fire|Court|Board|Administrator|Engineer|Planner|Transit|Library|Mayor"
    r"|Treasurer|Auditor|Solicitor|Utilities|Parks?|Employees?|Officials?)\b"
)


def city_affixed(spans: Sequence[Span], lookup: Callable[[str], Sequence[Place]], text: str) -> list[Span]:
    """Rule city-affix (see the module docstring): ``spans`` with each "X City" before a municipal
    office that names no place of its own (``lookup`` gives a name's places) looked up as the town
    X."""
    out: list[Span] = []
    for span in spans:
        town = span.query[: -len(_CITY_AFFIX)]
        if (
            span.source == "name"
            and span.query.endswith(_CITY_AFFIX)
            and town.strip()
            and _MUNICIPAL_AFTER.match(text, span.end)
            and (found := lookup(span.query))
            and all("city" not in fold(p.name) for p in found)
            and lookup(town)
        ):
            span = replace(span, query=town, kinds=_TOWN_KINDS)
        out.append(span)
    return out

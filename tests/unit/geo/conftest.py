"""Gazetteers for the geo tests: a tiny one from a fixture list (fast) and the real embedded one.

The embedded gazetteer is built once per session into a temporary directory from the installed
registry packages, with towns of 15,000 people and more only (cities15000: ~7 s instead of ~22 s for
the default cities500); tests using it are marked ``embedded``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from frontlines.geo import PlaceMatcher, PlaceRecord, SqliteGazetteer, build_embedded, write_gazetteer
from frontlines.geo.resolve import ScoredMention, resolve_scored
from frontlines.model import Place

#: (place_id, name, country, lat, lon, kind, population, admin1, alternates)
TINY: list[tuple[str, str, str, float, float, str, int, str | None, tuple[str, ...]]] = [
    ("c:SY", "Syria", "SY", 33.5, 36.3, "country", 17_000_000, None, ("Syrian Arab Republic",)),
    ("c:LB", "Lebanon", "LB", 33.9, 35.5, "country", 6_800_000, None, ()),
    ("c:LY", "Libya", "LY", 32.9, 13.2, "country", 6_700_000, None, ()),
    ("c:GB", "United Kingdom", "GB", 51.5, -0.1, "country", 66_000_000, None, ("Britain", "UK")),
    ("c:TR", "Turkey", "TR", 39.9, 32.9, "country", 82_000_000, None, ()),
    ("a:SY-HL", "Aleppo", "SY", 36.2, 37.2, "admin1", 0, "Aleppo", ("Aleppo Governorate", "Ḩalab")),
    ("a:SY-ID", "Idlib", "SY", 35.9, 36.6, "admin1", 0, "Idlib", ("Idlib Governorate",)),
    ("g:170654", "Damascus", "SY", 33.51, 36.29, "city", 1_569_394, "Damascus", ("Al-Sham", "Damas")),
    ("g:4352728", "Damascus", "US", 39.29, -77.2, "city", 15_257, "Maryland", ()),
    ("g:170063", "Aleppo", "SY", 36.20, 37.16, "city", 2_098_210, "Aleppo", ("Halab", "THE", "aleppo")),
    ("g:169389", "Idlib", "SY", 35.93, 36.63, "city", 128_840, "Idlib", ("Idleb",)),
    ("g:169577", "Homs", "SY", 34.73, 36.71, "city", 775_404, "Homs", ("Hims",)),
    ("g:2219905", "Al Khums", "LY", 32.65, 14.26, "city", 201_943, "Al Marqab", ("Homs", "Khoms")),
    ("g:170794", "Deir ez-Zor", "SY", 35.34, 40.14, "city", 271_800, "Deir ez-Zor", ("Deir el-Zour",)),
    ("g:170903", "Dar‘ā", "SY", 32.62, 36.10, "city", 97_969, "Daraa", ("Daraa", "Deraa")),
    ("g:2210247", "Tripoli", "LY", 32.89, 13.19, "city", 1_302_947, "Tripoli", ("Tarabulus",)),
    ("g:266826", "Tripoli", "LB", 34.43, 35.84, "city", 229_398, "North Lebanon", ("Trablous",)),
    ("g:276781", "Beirut", "LB", 33.89, 35.49, "city", 1_916_100, "Beirut", ()),
    ("g:88319", "Benghazi", "LY", 32.12, 20.07, "city", 650_629, "Benghazi", ()),
    ("g:2643743", "London", "GB", 51.51, -0.13, "city", 8_961_989, "England", ()),
    ("g:2660646", "Geneva", "CH", 46.20, 6.15, "city", 201_741, "Geneva", ("Genf",)),
    ("g:2639577", "Reading", "GB", 51.46, -0.97, "city", 318_014, "England", ()),
    ("g:2656173", "Bath", "GB", 51.38, -2.36, "city", 101_557, "England", ()),
    ("g:4076598", "Mobile", "US", 30.69, -88.04, "city", 183_289, "Alabama", ()),
    ("g:741100", "Of", "TR", 40.95, 40.26, "city", 31_951, "Trabzon", ()),
    ("g:1", "Human", "XX", 0.0, 0.0, "city", 600, None, ()),
    ("g:2", "Russian Mission", "US", 61.8, -161.3, "city", 312, "Alaska", ("Russian",)),
    ("g:3", "Al-Bab", "SY", 36.37, 37.52, "city", 130_745, "Aleppo", ()),
]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """A stand-in for the text stage's splitter: sentences end at . ! or ? followed by space."""
    return [(m.start(), m.end()) for m in re.finditer(r"\S[^.!?]*(?:[.!?]+|$)", text)]


def scored_by_name(world: tuple[SqliteGazetteer, PlaceMatcher], text: str) -> dict[str, ScoredMention]:
    """The scored mentions ``resolve_scored`` gives ``text`` in a hand-made world, by written name."""
    gazetteer, matcher = world
    scored, _ = resolve_scored(text, split_sentences(text), matcher.find(text), gazetteer)
    return {s.mention.text: s for s in scored}


def tiny_records() -> list[PlaceRecord]:
    return [
        PlaceRecord(Place(pid, name, cc, lat, lon, kind, pop, admin1=a1), alternates=alts)  # type: ignore[arg-type]
        for pid, name, cc, lat, lon, kind, pop, a1, alts in TINY
    ]


def small_world(
    path: Path, rows: list[tuple[str, str, str, float, float, str, int, str | None]]
) -> tuple[SqliteGazetteer, PlaceMatcher]:
    """A gazetteer and its matcher written at ``path`` from rows of (place_id, name, country, lat,
    lon, kind, population, admin1): the hand-made worlds of the resolution-rule tests."""
    records = [
        PlaceRecord(Place(pid, name, cc, lat, lon, kind, pop, admin1=a1))  # type: ignore[arg-type]
        for pid, name, cc, lat, lon, kind, pop, a1 in rows
    ]
    write_gazetteer(path, records, {"source": "tests"})
    gazetteer = SqliteGazetteer(path)
    return gazetteer, PlaceMatcher.for_gazetteer(gazetteer)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "embedded: needs the real embedded gazetteer (cities15000, ~7 s, once)"
    )


@pytest.fixture(name="tiny_records")
def tiny_records_fixture() -> list[PlaceRecord]:
    return tiny_records()


@pytest.fixture(scope="session", name="small_world")
def small_world_fixture():
    return small_world


@pytest.fixture(name="scored_by_name")
def scored_by_name_fixture():
    return scored_by_name


@pytest.fixture(name="split_sentences")
def split_sentences_fixture():
    return split_sentences


@pytest.fixture(scope="session")
def tiny_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tiny") / "gazetteer.sqlite"
    write_gazetteer(path, tiny_records(), {"source": "tests"})
    return path


@pytest.fixture(scope="session")
def tiny(tiny_path: Path) -> SqliteGazetteer:
    return SqliteGazetteer(tiny_path)


@pytest.fixture(scope="session")
def tiny_matcher(tiny: SqliteGazetteer) -> PlaceMatcher:
    return PlaceMatcher.for_gazetteer(tiny)


@pytest.fixture(scope="session")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> tuple[SqliteGazetteer, PlaceMatcher]:
    path = tmp_path_factory.mktemp("embedded") / "gazetteer.sqlite"
    build_embedded(path, min_population=15_000)
    gazetteer = SqliteGazetteer(path)
    return gazetteer, PlaceMatcher.for_gazetteer(gazetteer)

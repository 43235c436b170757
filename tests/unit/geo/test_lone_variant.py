"""Rule lone-variant (``geo.variants``): an unknown name's only close spelling among the places of
the transliterated countries is that place, even with no other place in the article to lie near
("Jesr al-Shughur": Jisr ash Shughur); with no place framing the article, only a name written as an
Arabic one (with an article) may set the country to look in ("Hadrut" has a Moroccan namesake)."""

from __future__ import annotations

import pytest

from frontlines.geo import PlaceMatcher, PlaceRecord, SqliteGazetteer, write_gazetteer
from frontlines.geo.toponyms import Toponym, geoparse_doc
from frontlines.model import Article, Place
from frontlines.pipeline import Pipeline
from frontlines.text import make_clean_stage, sentence_stage

_PIPELINE = Pipeline([make_clean_stage(min_chars=1), sentence_stage])

WORLD = [
    ("c:SY", "Syria", "SY", "country", 35.0, 38.0, 17_000_000, None),
    ("c:MA", "Morocco", "MA", "country", 32.0, -6.0, 36_000_000, None),
    ("g:jisr", "Jisr ash Shughur", "SY", "city", 35.8142, 36.3178, 44_322, "Idlib"),
    ("g:hadrout", "Hadroute", "MA", "city", 33.0, -7.0, 2_000, "Casablanca-Settat"),
]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[SqliteGazetteer, PlaceMatcher]:
    path = tmp_path_factory.mktemp("lonevariant") / "gazetteer.sqlite"
    records = [
        PlaceRecord(Place(pid, name, cc, lat, lon, kind, pop, admin1=a1))  # type: ignore[arg-type]
        for pid, name, cc, kind, lat, lon, pop, a1 in WORLD
    ]
    write_gazetteer(path, records, {"source": "tests"})
    gazetteer = SqliteGazetteer(path)
    return gazetteer, PlaceMatcher.for_gazetteer(gazetteer)


def _toponyms(text: str, world: tuple[SqliteGazetteer, PlaceMatcher]) -> dict[str, Toponym]:
    result = _PIPELINE.run_one(Article("t", text, "test"))
    assert result.doc is not None
    return {t.text: t for t in geoparse_doc(result.doc, *world)}


@pytest.mark.parametrize(
    "text",
    [
        "Intense shelling targeted the western countryside of Jesr al-Shughur.",  # nothing frames it
        "The Syrian army shelled the western countryside of Jesr al-Shughur.",  # Syria frames it
    ],
)
def test_lone_variant_is_the_place(world, text: str) -> None:
    assert _toponyms(text, world)["Jesr al-Shughur"].name == "Jisr ash Shughur"


def test_lone_variant_needs_an_arabic_name_to_set_the_country(world) -> None:
    assert "Hadrut" not in _toponyms("Heavy artillery shelled the town of Hadrut overnight.", world)

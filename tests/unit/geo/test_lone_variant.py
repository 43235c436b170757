"""Rule lone-variant (``geo.variants``): an unknown name's only close spelling among the places of
the transliterated countries is that place, even with no other place in the article to lie near
("Jesr al-Shughur": Jisr ash Shughur); with no place framing the article, only a name written as an
Arabic one (with an article) may set the country to look in ("Hadrut" has a Moroccan namesake)."""

from __future__ import annotations

import pytest

from frontlines.geo import PlaceMatcher, SqliteGazetteer
from frontlines.geo.toponyms import Toponym, geoparse_doc
from frontlines.model import Article
from frontlines.pipeline import Pipeline
from frontlines.text import make_clean_stage, sentence_stage

_PIPELINE = Pipeline([make_clean_stage(min_chars=1), sentence_stage])

#: (place_id, name, country, lat, lon, kind, population, admin1)
WORLD = [
    ("c:SY", "Syria", "SY", 35.0, 38.0, "country", 17_000_000, None),
    ("c:MA", "Morocco", "MA", 32.0, -6.0, "country", 36_000_000, None),
    ("g:jisr", "Jisr ash Shughur", "SY", 35.8142, 36.3178, "city", 44_322, "Idlib"),
    ("g:hadrout", "Hadroute", "MA", 33.0, -7.0, "city", 2_000, "Casablanca-Settat"),
]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, small_world) -> tuple[SqliteGazetteer, PlaceMatcher]:
    return small_world(tmp_path_factory.mktemp("lonevariant") / "gazetteer.sqlite", WORLD)


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

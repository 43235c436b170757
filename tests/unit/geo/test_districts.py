"""City districts across spelling variants: "Jobar", "Kfar Souseh", "Salaheddine" in reports resolve to
the district of the city the report is about (kind "district", geo_precision 1, at its centroid).

Two gazetteers: a tiny fixture with a few Damascus districts (always runs), and the real one, the
embedded towns plus the OCHA COD-AB Syria boundaries and neighbourhoods from ../shared/data imported
into a copy (skipped when the shared data is absent)."""

from __future__ import annotations

import shutil

import pytest

from frontlines.geo import PlaceMatcher, PlaceRecord, SqliteGazetteer, write_gazetteer
from frontlines.geo.scoring import distance_km
from frontlines.geo.toponyms import Toponym, geoparse_doc
from frontlines.model import Article, Place
from frontlines.pipeline import Pipeline
from frontlines.text import make_clean_stage, sentence_stage
from helpers import SHARED_DATA

COD_AB = SHARED_DATA / "syria_admin_cod"
#: The issue's bar: a district resolves within this distance of its centroid.
MAX_KM = 2.0

_PIPELINE = Pipeline([make_clean_stage(min_chars=1), sentence_stage])


def _toponyms(text: str, gazetteer: SqliteGazetteer, matcher: PlaceMatcher) -> dict[str, Toponym]:
    result = _PIPELINE.run_one(Article("t", text, "test"))
    assert result.doc is not None
    return {t.text: t for t in geoparse_doc(result.doc, gazetteer, matcher)}


# --- a tiny fixture: Damascus, a village namesake near Homs, four districts -----------------------
DISTRICTS = [
    ("c:SY", "Syria", "country", 35.0, 38.0, 17_000_000, None),
    ("g:dam", "Damascus", "city", 33.5102, 36.2913, 1_569_394, "Damascus"),
    ("g:homs", "Homs", "city", 34.7268, 36.7234, 775_404, "Homs"),
    ("g:jobar-homs", "Jobar", "city", 34.61, 36.70, 900, "Homs"),
    ("d:jowbar", "Jowbar", "district", 33.5206, 36.3328, 0, "Damascus"),
    ("d:kafr", "Kafar Soussa", "district", 33.4884, 36.2688, 0, "Damascus"),
    ("d:qaboun", "Qaboun", "district", 33.5458, 36.3387, 0, "Damascus"),
    ("d:tadamon", "Tadamon", "district", 33.4780, 36.3124, 0, "Damascus"),
]


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[SqliteGazetteer, PlaceMatcher]:
    path = tmp_path_factory.mktemp("districts") / "gazetteer.sqlite"
    records = [
        PlaceRecord(Place(pid, name, "SY", lat, lon, kind, pop, admin1=a1))  # type: ignore[arg-type]
        for pid, name, kind, lat, lon, pop, a1 in DISTRICTS
    ]
    write_gazetteer(path, records, {"source": "tests"})
    gazetteer = SqliteGazetteer(path)
    return gazetteer, PlaceMatcher.for_gazetteer(gazetteer)


@pytest.mark.parametrize(
    "text, surface, place",
    [
        ("Shelling hit the Jobar district of Damascus on Monday.", "Jobar", "Jowbar"),
        ("Clashes raged in Joubar, on the eastern edge of Damascus.", "Joubar", "Jowbar"),
        ("Mortars fell on Kfar Souseh in Damascus.", "Kfar Souseh", "Kafar Soussa"),
        ("A car bomb exploded in Kafr Sousa, a district of Damascus.", "Kafr Sousa", "Kafar Soussa"),
        ("Rebels in Kaboun, a suburb of Damascus, surrendered.", "Kaboun", "Qaboun"),
        ("Jets pounded al-Tadamun in southern Damascus.", "Tadamun", "Tadamon"),
    ],
)
def test_districts_variants_on_a_fixture(small, text: str, surface: str, place: str) -> None:
    gazetteer, matcher = small
    found = _toponyms(text, gazetteer, matcher)
    toponym = next(t for key, t in found.items() if surface in key)
    assert (toponym.name, toponym.feature_code, toponym.geo_precision) == (place, "district", 1)


def test_districts_namesake_village_outside_a_damascus_story(small) -> None:
    gazetteer, matcher = small
    found = _toponyms("Army units entered Jobar, south of Homs, on Friday.", gazetteer, matcher)
    assert found["Jobar"].name == "Jobar" and found["Jobar"].feature_code == "city"


# --- the real COD-AB import ---------------------------------------------------------------------
needs_cod = pytest.mark.skipif(not COD_AB.exists(), reason=f"shared data absent: {COD_AB}")


@pytest.fixture(scope="module")
def cod(embedded, tmp_path_factory: pytest.TempPathFactory) -> tuple[SqliteGazetteer, PlaceMatcher]:
    from frontlines.geo.importers import import_path

    source, _ = embedded
    path = tmp_path_factory.mktemp("cod") / "gazetteer.sqlite"
    shutil.copyfile(source.path, path)
    import_path(COD_AB, path)
    gazetteer = SqliteGazetteer(path)
    return gazetteer, PlaceMatcher.for_gazetteer(gazetteer)


def _district(gazetteer: SqliteGazetteer, name: str, city: str) -> Place:
    """The COD-AB district called ``name`` nearest to ``city`` (its polygon's centroid)."""
    centre = next(p for p in gazetteer.lookup(city, "SY") if p.kind == "city")
    districts = [p for p in gazetteer.lookup(name, "SY") if p.kind == "district"]
    return min(districts, key=lambda p: distance_km(p, centre))


VARIANTS = [
    # Damascus
    ("Government shelling hit the Jobar district of Damascus.", "Jobar", "Jowbar", "Damascus"),
    ("Fighting went on in Joubar, on the eastern edge of Damascus.", "Joubar", "Jowbar", "Damascus"),
    ("Mortars fell on Kfar Souseh in Damascus.", "Kfar Souseh", "Kafar Soussa", "Damascus"),
    ("A car bomb exploded in Kafr Sousa in Damascus.", "Kafr Sousa", "Kafar Soussa", "Damascus"),
    ("Security forces raided Kafarsouseh in Damascus.", "Kafarsouseh", "Kafar Soussa", "Damascus"),
    ("Rebels in Qaboun, in northeastern Damascus, surrendered.", "Qaboun", "Qaboun", "Damascus"),
    ("Rebels in Kaboun, in northeastern Damascus, surrendered.", "Kaboun", "Qaboun", "Damascus"),
    ("Jets pounded al-Tadamon in southern Damascus.", "Tadamon", "Tadamon", "Damascus"),
    ("Snipers were active in Tadamun in Damascus.", "Tadamun", "Tadamon", "Damascus"),
    ("A suicide bomber struck al-Midan in central Damascus.", "Midan", "Midan", "Damascus"),
    ("A suicide bomber struck the Maidan district of Damascus.", "Maidan", "Midan", "Damascus"),
    ("Protesters gathered in Barzeh in Damascus.", "Barzeh", "Burza", "Damascus"),
    ("Clashes erupted in Mezzeh in western Damascus.", "Mezzeh", "Mazzeh", "Damascus"),
    ("Shells landed in Bab Tuma in Damascus.", "Bab Tuma", "Bab Touma", "Damascus"),
    ("Mortar rounds hit al-Shaghour in Damascus.", "Shaghour", "Ash Shaghour", "Damascus"),
    ("A blast shook Rukn al-Din in Damascus.", "Rukn al-Din", "Rukn Eddine", "Damascus"),
    # Aleppo
    ("Regime jets struck Salaheddine in Aleppo.", "Salaheddine", "Salah Ad-Deen", "Aleppo"),
    ("Rebels held Salah al-Din in Aleppo for weeks.", "Salah al-Din", "Salah Ad-Deen", "Aleppo"),
    ("Kurdish fighters control Sheikh Maksoud in Aleppo.", "Sheikh Maksoud", "Ash-Sheikh Maqsoud", "Aleppo"),
    ("Kurdish fighters control Sheikh Maqsoud in Aleppo.", "Sheikh Maqsoud", "Ash-Sheikh Maqsoud", "Aleppo"),
    ("Barrel bombs fell on Hananu in eastern Aleppo.", "Hananu", "Hanano", "Aleppo"),
    ("Shells hit Ashrafieh in Aleppo.", "Ashrafieh", "Ashrafiyeh", "Aleppo"),
    ("Airstrikes hit Bustan al-Qasr in Aleppo.", "Bustan al-Qasr", "Bustan Al-Qaser", "Aleppo"),
    ("Airstrikes hit the Sukkari district of Aleppo.", "Sukkari", "As-Sukkari", "Aleppo"),
    ("Fighting raged in al-Sakhur in Aleppo.", "Sakhur", "Al-Sakhour", "Aleppo"),
    ("Troops advanced into Hamdaniyeh in western Aleppo.", "Hamdaniyeh", "Hamadaniyeh", "Aleppo"),
    ("Rebels shelled Jamiliya in Aleppo.", "Jamiliya", "Jamiliyeh", "Aleppo"),
    # Homs
    ("Government forces stormed Baba Amro in Homs.", "Baba Amro", "Baba Amr", "Homs"),
    ("Shelling of Baba Amr in Homs went on for weeks.", "Baba Amr", "Baba Amr", "Homs"),
    ("Clashes erupted in al-Khaldiyeh in Homs.", "Khaldiyeh", "Khalidiyah", "Homs"),
    ("Rebels left al-Waer in Homs under a deal.", "Waer", "Wa'er", "Homs"),
    ("Mortars hit Bab al-Sebaa in Homs.", "Bab al-Sebaa", "Bab As-Siba'", "Homs"),
    ("Snipers fired on Karm al-Zeitoun in Homs.", "Karm al-Zeitoun", "Karm Az-Zeitoun", "Homs"),
    ("Troops entered Jouret al-Shiyah in Homs.", "Jouret al-Shiyah", "Jouret Ash-Shayyah", "Homs"),
    ("Fighting went on in Bayyada in Homs.", "Bayyada", "Bayada", "Homs"),
    ("A blast hit Hamidiyeh in the old city of Homs.", "Hamidiyeh", "Hameidiyyeh", "Homs"),
]


@needs_cod
@pytest.mark.embedded
@pytest.mark.parametrize("text, surface, district, city", VARIANTS, ids=[v[1] for v in VARIANTS])
def test_districts_spelling_variants_resolve_to_cod_ab_districts(
    cod, text: str, surface: str, district: str, city: str
) -> None:
    gazetteer, matcher = cod
    found = _toponyms(text, gazetteer, matcher)
    toponym = next((t for key, t in found.items() if surface in key), None)
    assert toponym is not None, f"{surface!r} not found in {sorted(found)}"
    expected = _district(gazetteer, district, city)
    point = Place("x", toponym.name, toponym.country, toponym.latitude, toponym.longitude)
    assert toponym.feature_code == "district" and toponym.geo_precision == 1
    assert distance_km(point, expected) <= MAX_KM, f"{surface!r} -> {toponym.name}, not {expected.name}"

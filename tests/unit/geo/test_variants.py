"""Transliterated names spelled otherwise than the gazetteer spells them: longer names over their
parts, Arabic names only in Arabic-named countries, constructs, spellings the text shares with one
candidate only, and places just across a border. A fixture of Arabic-named towns with namesakes
abroad (Iraq, the Gulf, Turkey, Libya), the way GeoNames lists them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from frontlines.geo import PlaceMatcher, PlaceRecord, SqliteGazetteer, write_gazetteer
from frontlines.geo.recognise import Span, unmatched_runs
from frontlines.geo.resolve import resolve_scored
from frontlines.geo.variants import arabic_name, construct_head, construct_tail, longer_names
from frontlines.model import Place, PlaceMention

Splitter = Callable[[str], list[tuple[int, int]]]

#: (place_id, name, country, lat, lon, kind, population, admin1, alternates)
TOWNS: list[tuple[str, str, str, float, float, str, int, str | None, tuple[str, ...]]] = [
    ("c:SY", "Syria", "SY", 35.0, 38.3, "country", 17_000_000, None, ("Syrian Arab Republic",)),
    ("c:IQ", "Iraq", "IQ", 33.0, 44.0, "country", 40_000_000, None, ()),
    ("a:daraa", "Daraa", "SY", 32.88, 36.18, "admin1", 388_827, "Daraa", ("Daraa Governorate",)),
    ("a:hasakah", "Al-Hasakah", "SY", 36.3, 40.9, "admin1", 422_444, "Al-Hasakah", ()),
    ("g:damascus", "Damascus", "SY", 33.51, 36.29, "city", 1_569_394, "Damascus", ()),
    ("g:aleppo", "Aleppo", "SY", 36.20, 37.16, "city", 2_098_210, "Aleppo", ()),
    ("g:hasakah", "Al Ḩasakah", "SY", 36.50, 40.74, "city", 188_160, "Al-Hasakah", ("Hasakah", "Al-Hasakah")),
    ("g:darbasiyah", "Ad Darbāsīyah", "SY", 37.07, 40.65, "city", 8_000, "Al-Hasakah", ("Darbasiyah",)),
    ("g:rasalayn", "Ra’s al ‘Ayn", "SY", 36.85, 40.07, "city", 0, "Al-Hasakah", ("Ras al Ain",)),
    ("g:alain", "Al Ain City", "AE", 24.19, 55.76, "city", 846_747, "Abu Dhabi", ("Al Ayn", "Al Ein")),
    ("g:busra", "Buşrá ash Shām", "SY", 32.52, 36.48, "city", 1_000, "Daraa", ("Bosra", "Busra")),
    ("g:basrah", "Basrah", "IQ", 30.51, 47.78, "city", 1_326_564, "Basra", ("Busra", "Busrah")),
    ("g:mulayhah", "Al Mulayḩah", "SY", 33.49, 36.38, "city", 0, "Rif-Dimashq", ("Al-Malihah", "Mleiha")),
    ("g:maalula", "Ma‘lūlā", "SY", 33.84, 36.55, "city", 50_000, "Rif-Dimashq", ("Maaloula", "Ma'lula")),
    ("g:zara", "Zara", "TR", 39.90, 37.75, "city", 12_797, "Sivas", ()),
    ("g:zawiya", "Zawiya", "LY", 32.76, 12.73, "city", 186_123, "Az Zawiyah", ("Harra",)),
    ("g:mari", "Māri‘", "SY", 36.48, 37.20, "city", 0, "Aleppo", ("Mareaa", "Mar‘a")),
    ("g:qarah", "Qārah", "SY", 34.15, 36.74, "city", 25_000, "Rif-Dimashq", ("Qara",)),
    ("g:arsal", "Aarsâl", "LB", 34.18, 36.42, "city", 40_000, "Baalbek-Hermel", ("Aarsal",)),
]


@pytest.fixture(scope="module")
def towns(tmp_path_factory: pytest.TempPathFactory) -> tuple[SqliteGazetteer, PlaceMatcher]:
    path = tmp_path_factory.mktemp("variants") / "gazetteer.sqlite"
    records = [
        PlaceRecord(Place(pid, name, cc, lat, lon, kind, pop, admin1=a1), alternates=alts)  # type: ignore[arg-type]
        for pid, name, cc, lat, lon, kind, pop, a1, alts in TOWNS
    ]
    write_gazetteer(path, records, {"source": "tests"})
    gazetteer = SqliteGazetteer(path)
    return gazetteer, PlaceMatcher.for_gazetteer(gazetteer)


@pytest.fixture
def resolve(towns, split_sentences: Splitter):
    gazetteer, matcher = towns

    def run(text: str) -> dict[str, PlaceMention]:
        scored, _ = resolve_scored(
            text, split_sentences(text), matcher.find(text), gazetteer, similar=matcher.similar
        )
        return {s.mention.text: s.mention for s in scored if not s.adjectival}

    return run


def _place_id(mention: PlaceMention) -> str:
    assert mention.place is not None
    return mention.place.place_id


@pytest.mark.parametrize(
    "text, surface, place_id",
    [
        # The stored spelling less its ayn and hamza marks, matched whole.
        ("Kurdish fighters took Ras al-Ayn from rebels near al-Darbasiyah.", "Ras al-Ayn", "g:rasalayn"),
        # Another transliteration: the whole run, found by its skeleton, wins over "al-Ein" (Al Ain).
        ("Kurdish fighters took Ras al-Ein from rebels.", "Ras al-Ein", "g:rasalayn"),
    ],
)
def test_variants_longer_name_wins_over_its_part(resolve, text: str, surface: str, place_id: str) -> None:
    found = resolve(text)
    assert _place_id(found[surface]) == place_id
    assert not any(m.place is not None and m.place.country_code == "AE" for m in found.values())


def test_variants_longer_names_skip_possessives_english_words_and_persons(towns) -> None:
    gazetteer, matcher = towns
    for text in ("Basrah's port reopened.", "In Basrah jets struck.", "Ahmed Basrah said so."):
        spans = [Span(s, e, t, t) for s, e, t in matcher.find(text)]
        assert longer_names(text, spans, gazetteer, matcher.similar) == []


@pytest.mark.parametrize(
    "text, runs",
    [
        ("Aleppo's governor said so.", []),
        ("In [Aleppo’s] east.", ["In"]),
        ("Kafr Sousa' residents", ["Kafr Sousa"]),  # a plural possessive, a longer run
    ],
)
def test_variants_possessive_run_keeps_the_matched_name(text: str, runs: list[str]) -> None:
    """Rule possessive-run: "Aleppo's" is the matched name and a possessive, not a longer unknown run
    whose skeleton match (with no locative context of its own) would replace and drop it."""
    start = text.find("Aleppo")
    taken = [Span(start, start + 6, "Aleppo", "Aleppo")] if start >= 0 else []
    assert [r.surface for r in unmatched_runs(text, taken)] == runs


def test_variants_exact_spelling_wins_in_a_story_framed_by_demonyms(resolve) -> None:
    # "Bosra" is a stored name of Busra al-Sham; Basrah only folds like it ("Busra").
    found = resolve("Syrian rebels stormed Bosra. The Syrian army shelled Bosra on Tuesday.")
    assert _place_id(found["Bosra"]) == "g:busra"


def test_variants_spelling_of_the_text_beats_a_skeleton_match(resolve) -> None:
    # Ma'loula shares the consonant skeleton of "Malihah" and is larger; Al Mulayhah bears the name.
    found = resolve("Regime forces stormed Al-Malihah and Qara in Syria.")
    assert _place_id(found["Al-Malihah"]) == "g:mulayhah"


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Shelling hit al-Zara near Damascus, Syria.", "Zara"),  # an Arabic name: not Zara, Turkey
        ("Shelling hit Al-Zara near Damascus, Syria.", "Al-Zara"),
        ("Rebels seized the hill of Tell al-Harra near Damascus, Syria.", "Harra"),  # a construct
    ],
)
def test_variants_arabic_names_only_in_arabic_named_countries(resolve, text: str, absent: str) -> None:
    found = resolve(text)
    assert absent not in found
    assert "Damascus" in found


def test_variants_town_abroad_inside_a_named_region_stands_for_the_region(resolve) -> None:
    found = resolve("Aircraft struck the al-Harra area of Daraa province in Syria, killing 19.")
    harra = next(m for key, m in found.items() if "Harra" in key)
    assert _place_id(harra) == "a:daraa"


@pytest.mark.parametrize(
    "text, surface, place_id",
    [
        # Folds like a stored spelling ("Mareaa") but is not one: found among the focus country's.
        ("Rebels attacked Marea, north of Aleppo, in Syria.", "Marea", "g:mari"),
        # A town across the border, near another place of the story.
        ("Syrian troops took Qara and shelled Arsal overnight.", "Arsal", "g:arsal"),
    ],
)
def test_variants_unmatched_spellings_of_known_places(
    resolve, text: str, surface: str, place_id: str
) -> None:
    assert _place_id(resolve(text)[surface]) == place_id


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Shelling hit al-Zara.", "Zara", True),
        ("Shelling hit Al-Iskan.", "Al-Iskan", True),
        ("Shelling hit Zara.", "Zara", False),
        ("Flights to El Paso.", "Paso", False),
    ],
)
def test_variants_arabic_name(text: str, name: str, expected: bool) -> None:
    assert arabic_name(text, text.index(name), name) is expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("the hill of Tell al-Harra fell", "Harra", True),
        ("Hayat Tahrir al-Sham said", "Sham", True),
        ("Rebels entered al-Raqqa.", "Raqqa", False),  # a lower-case word before the article
        ("In al-Raqqa, jets struck.", "Raqqa", False),  # the capital opens the sentence
        ("They left. In al-Raqqa, jets struck.", "Raqqa", False),
    ],
)
def test_variants_construct_tail(text: str, name: str, expected: bool) -> None:
    assert construct_tail(text, text.index(name)) is expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("a barrel bomb hit the Bab al-Nayrab neighbourhood", "Bab", True),
        ("15 barrels target Daraa al-Balad", "Daraa", True),
        ("troops entered Bab-al-Hawa", "Bab", True),
        ("jets struck Daraa and al-Sanamayn", "Daraa", False),  # "and" comes first: a list
        ("jets struck Daraa al-balad", "Daraa", False),  # no capital after the article
    ],
)
def test_variants_construct_head(text: str, name: str, expected: bool) -> None:
    start = text.index(name)
    assert construct_head(text, start + len(name)) is expected

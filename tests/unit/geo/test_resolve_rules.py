"""Resolution rules on a small world of namesakes: abbreviations, "X, State", co-occurring towns,
prominence against focus, demonyms, person names, capitals in datelines."""

from __future__ import annotations

import pytest

from frontlines.geo import PlaceMatcher, SqliteGazetteer, resolve_places
from frontlines.geo.resolve import resolve_scored

#: (place_id, name, country, lat, lon, kind, population, admin1)
WORLD = [
    ("c:US", "United States", "US", 39.8, -98.6, "country", 327_000_000, None),
    ("c:RU", "Russia", "RU", 60.0, 100.0, "country", 144_000_000, None),
    ("c:GE", "Georgia", "GE", 42.0, 43.5, "country", 3_700_000, None),
    ("c:FR", "France", "FR", 46.0, 2.0, "country", 67_000_000, None),
    ("c:SY", "Syria", "SY", 35.0, 38.0, "country", 17_000_000, None),
    ("a:US-LA", "Louisiana", "US", 31.0, -92.0, "admin1", 0, "Louisiana"),
    ("a:US-MN", "Minnesota", "US", 46.0, -94.0, "admin1", 0, "Minnesota"),
    ("a:US-TX", "Texas", "US", 31.2, -99.2, "admin1", 0, "Texas"),
    ("a:US-GA", "Georgia", "US", 32.7, -83.5, "admin1", 0, "Georgia"),
    ("a:US-FL", "Florida", "US", 28.6, -82.4, "admin1", 0, "Florida"),
    ("g:ale-eg", "Alexandria", "EG", 31.20, 29.92, "city", 3_800_000, "Alexandria"),
    ("g:ale-va", "Alexandria", "US", 38.80, -77.05, "city", 140_000, "Virginia"),
    ("g:ale-la", "Alexandria", "US", 31.31, -92.45, "city", 47_000, "Louisiana"),
    ("g:ale-mn", "Alexandria", "US", 45.88, -95.38, "city", 13_000, "Minnesota"),
    ("g:bra-fl", "Brandon", "US", 27.94, -82.29, "city", 114_000, "Florida"),
    ("g:bra-mn", "Brandon", "US", 45.97, -95.60, "city", 490, "Minnesota"),
    ("g:ken-ny", "Kensington", "US", 40.65, -73.98, "city", 35_000, "New York"),
    ("g:ken-mn", "Kensington", "US", 45.78, -95.70, "city", 290, "Minnesota"),
    ("g:par-fr", "Paris", "FR", 48.85, 2.35, "city", 2_100_000, "Ile-de-France"),
    ("g:par-tx", "Paris", "US", 33.66, -95.56, "city", 25_000, "Texas"),
    ("g:mos-ru", "Moscow", "RU", 55.75, 37.62, "city", 10_400_000, "Moscow"),
    ("g:mos-id", "Moscow", "US", 46.73, -117.0, "city", 25_000, "Idaho"),
    ("g:rus-oh", "Russia", "US", 40.23, -84.41, "city", 640, "Ohio"),
    ("a:US-OH", "Ohio", "US", 40.4, -82.8, "admin1", 0, "Ohio"),
    ("g:sidney-oh", "Sidney", "US", 40.28, -84.16, "city", 21_000, "Ohio"),
    ("g:piqua-oh", "Piqua", "US", 40.14, -84.24, "city", 20_000, "Ohio"),
    ("g:versailles-oh", "Versailles", "US", 40.22, -84.48, "city", 2_700, "Ohio"),
    ("g:marion-oh", "Marion", "US", 40.59, -83.13, "city", 36_000, "Ohio"),
    ("c:CO", "Colombia", "CO", 4.0, -72.0, "country", 50_000_000, None),
    ("g:london-gb", "London", "GB", 51.51, -0.13, "city", 8_961_989, "England"),
    ("g:london-on", "London", "CA", 42.98, -81.23, "city", 422_324, "Ontario"),
    ("g:st-thomas-on", "St. Thomas", "CA", 42.78, -81.18, "city", 38_909, "Ontario"),
    ("g:columbia-mo", "Columbia", "US", 38.95, -92.33, "city", 120_000, "Missouri"),
    ("g:jones", "Jones", "US", 35.57, -97.29, "city", 3_000, "Oklahoma"),
    ("g:houston", "Houston", "US", 29.76, -95.36, "city", 2_300_000, "Texas"),
    ("g:charleston", "Charleston", "US", 38.35, -81.63, "city", 46_000, "West Virginia"),
    ("a:US-WV", "West Virginia", "US", 38.5, -80.5, "admin1", 0, "West Virginia"),
    ("c:KE", "Kenya", "KE", 0.5, 38.0, "country", 53_000_000, None),
    ("g:lamu-ke", "Lamu", "KE", -2.27, 40.90, "city", 25_000, "Coast"),
    ("g:mpeketoni", "Mpeketoni", "KE", -2.39, 40.70, "city", 6_000, "Coast"),
    ("a:lamu-mv", "Lamu", "MV", 1.94, 73.41, "admin1", 2_500, "Lamu"),
    ("c:MX", "Mexico", "MX", 23.0, -102.0, "country", 126_190_788, None),
    ("a:MX-MEX", "Mexico", "MX", 19.35, -99.63, "admin1", 14_438_458, "Mexico"),
    ("a:MX-SIN", "Sinaloa", "MX", 25.0, -107.5, "admin1", 2_966_321, "Sinaloa"),
    ("g:culiacan", "Culiacán", "MX", 24.80, -107.39, "city", 785_800, "Sinaloa"),
    ("g:centro-mx", "Centro", "MX", 17.99, -92.93, "city", 640_000, "Tabasco"),
    ("c:PH", "Philippines", "PH", 13.0, 122.0, "country", 110_000_000, None),
    ("g:poblacion-ncr", "Poblacion", "PH", 14.38, 121.03, "city", 124_554, "National Capital Region"),
    ("g:datu-piang", "Datu Piang", "PH", 7.03, 124.50, "city", 8_178, "Muslim Mindanao"),
]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, small_world) -> tuple[SqliteGazetteer, PlaceMatcher]:
    return small_world(tmp_path_factory.mktemp("world") / "gazetteer.sqlite", WORLD)


@pytest.fixture
def resolve(world, split_sentences):
    gazetteer, matcher = world

    def run(text: str) -> dict[str, list[str]]:
        mentions, _ = resolve_places(text, split_sentences(text), matcher.find(text), gazetteer)
        found: dict[str, list[str]] = {}
        for m in mentions:
            found.setdefault(m.text, []).append(m.candidates[0].place_id)
        return found

    return run


def test_resolve_container_agrees_with_the_place_it_holds(resolve) -> None:
    # rule container-agrees: the bracket holds Mpeketoni, so it is the Kenyan Lamu, not the atoll
    assert resolve("Police arrested 3 men in Mpeketoni (Lamu) on Monday.")["Lamu"] == ["g:lamu-ke"]
    assert resolve("Boats reached Lamu on Monday.")["Lamu"] == ["a:lamu-mv"]  # without a held place


@pytest.mark.parametrize("part", ["neighbourhood", "quarter", "suburbs", "village", "town"])
def test_resolve_a_part_of_a_town_names_a_town(resolve, part: str) -> None:
    # rule 6: "the Mkomani neighbourhood of Lamu" names a town, not a region of that name
    assert resolve(f"A grenade hit a bar in the old {part} of Lamu on Monday.")["Lamu"] == ["g:lamu-ke"]


@pytest.mark.parametrize(
    "text, name, place_id",
    [
        ("A fire broke out in Alexandria, La., on Monday.", "Alexandria", "g:ale-la"),
        ("A fire broke out in Alexandria, Louisiana, on Monday.", "Alexandria", "g:ale-la"),
        ("Voters in Alexandria, Brandon and Kensington went to the polls.", "Alexandria", "g:ale-mn"),
        ("Voters in Alexandria, Brandon and Kensington went to the polls.", "Brandon", "g:bra-mn"),
        ("Protests spread from Alexandria to Cairo's squares.", "Alexandria", "g:ale-eg"),
        ("Storms hit Paris, Texas, and Houston overnight.", "Paris", "g:par-tx"),
        ("Tourists returned to Paris, the French capital said.", "Paris", "g:par-fr"),
        ("Officials in Houston said Russia had sent a letter.", "Russia", "c:RU"),
        # a country's name is the country even in a story set near its namesake town ...
        ("Voters in Sidney, Piqua and Versailles, Ohio, said Russia was a threat.", "Russia", "c:RU"),
        # ... unless the text says where the town lies
        ("Voters in Russia, Ohio, went to the polls.", "Russia", "g:rus-oh"),
        ("Officials in Houston said Moscow had sent a letter.", "Moscow", "g:mos-ru"),
        ("Officials in Houston said Georgia had voted.", "Georgia", "a:US-GA"),
        ("Tbilisi said Georgia would talk to Russia.", "Georgia", "c:GE"),
        ("CHARLESTON, W.Va. -- The council met on Monday.", "CHARLESTON", "g:charleston"),
        ("CHARLESTON, W.Va. -- The council met on Monday.", "W.Va.", "a:US-WV"),
        ("The senator flew back to the U.S. on Friday.", "U.S.", "c:US"),
        ("The US and Russia signed the deal.", "US", "c:US"),
        # a name's own mentions do not make the story's focus for it: St. Thomas says Ontario
        (
            "A fire broke out in London. London firefighters said crews from St. Thomas helped.",
            "London",
            "g:london-on",
        ),
        ("A fire broke out in London. London firefighters said the blaze was out.", "London", "g:london-gb"),
        # "Columbia" folds like "Colombia", but a place is spelled as the text spells it
        ("Columbia police arrested a man near the university.", "Columbia", "g:columbia-mo"),
        ("Colombia police arrested a man near the border.", "Colombia", "c:CO"),
        # rule country-not-its-unit: in a story about Mexico, "Mexico" is the country; with a unit
        # word, the state of that name
        ("Gunmen attacked police in Culiacán, Sinaloa, Mexico's security ministry said.", "Mexico", "c:MX"),
        ("Gunmen attacked police in Culiacán and in the state of Mexico.", "Mexico", "a:MX-MEX"),
    ],
)
def test_resolve_picks_the_namesake_the_text_means(resolve, text: str, name: str, place_id: str) -> None:
    assert resolve(text)[name][0] == place_id


@pytest.mark.parametrize(
    "text, name, place_id",
    [
        # rule town-centre: a municipality's centre written with its town is that town ...
        ("Gunmen attacked a checkpoint in Poblacion, Datu Piang, Maguindanao.", "Poblacion", "g:datu-piang"),
        ("Troops searched the Poblacion of Datu Piang on Monday.", "Poblacion", "g:datu-piang"),
        ("Gunmen killed two police officers in Centro, Culiacán, on Monday.", "Centro", "g:culiacan"),
        # ... not a centre named alone, nor one before a list's next place
        ("Troops patrolled Poblacion on Monday.", "Poblacion", "g:poblacion-ncr"),
        ("Floods hit Centro and Culiacán on Monday.", "Centro", "g:centro-mx"),
    ],
)
def test_resolve_a_town_centre_is_its_town(resolve, text: str, name: str, place_id: str) -> None:
    assert resolve(text)[name][0] == place_id


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Tom Jones said the plan was sound. Jones added that it was cheap.", "Jones"),
        ("The report by Jones was published.", "Jones"),
        # a small town named like a common given name needs locative context too
        ("Marion said the plan was sound.", "Marion"),
        ("Russian jets struck the town.", "Russian"),
    ],
)
def test_resolve_drops_persons_and_demonyms_from_places(resolve, text: str, absent: str) -> None:
    assert absent not in resolve(text)


def test_resolve_part_of_another_name_says_nothing_of_other_mentions(resolve) -> None:
    # "Upstate Charleston" is part of a longer name; the bare "Charleston" later is still the town
    found = resolve(
        "Members of the Upstate Charleston Alliance met on a rainy evening. Charleston officials said it."
    )
    assert found.get("Charleston", [])[-1:] == ["g:charleston"]


def test_resolve_place_after_a_possessive_is_a_place(resolve) -> None:
    assert resolve("Dow's Charleston plant was closed on Monday after the storm.")["Charleston"] == [
        "g:charleston"
    ]


def test_resolve_keeps_given_name_towns_with_locative_context(resolve) -> None:
    assert resolve("Marion said the storm hit. Residents of Marion were evacuated.")["Marion"] == [
        "g:marion-oh",
        "g:marion-oh",
    ]


def test_resolve_keeps_surname_towns_with_locative_context(resolve) -> None:
    assert resolve("Jones said the storm hit. Residents of Jones were evacuated.")["Jones"] == [
        "g:jones",
        "g:jones",
    ]


@pytest.mark.parametrize(
    "text, word", [("Russian and Syrian troops met.", "Syrian"), ("Two Russians left.", "Russians")]
)
def test_resolve_demonyms_are_adjectival_toponyms(world, split_sentences, text: str, word: str) -> None:
    gazetteer, matcher = world
    scored, _ = resolve_scored(text, split_sentences(text), matcher.find(text), gazetteer)
    found = {s.mention.text: s for s in scored}
    assert found[word].adjectival
    assert found[word].mention.candidates[0].kind == "country"
    assert found[word].mention.role == "other"


def test_resolve_scores_are_confidences(world, split_sentences) -> None:
    gazetteer, matcher = world
    text = "Officials in Alexandria, La., said Houston was next."
    scored, focus = resolve_scored(text, split_sentences(text), matcher.find(text), gazetteer)
    assert focus == "US"
    assert all(0.0 < s.score <= 1.0 for s in scored)
    by_text = {s.mention.text: s.score for s in scored}
    assert by_text["Houston"] == 1.0  # one candidate

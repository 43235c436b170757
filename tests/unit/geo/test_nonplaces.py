"""Recognition-precision rules (``geo.nonplaces``): surnames after given names, residents as locative
evidence, no list across a bare space; on a small world of towns that are also surnames."""

from __future__ import annotations

import pytest

from frontlines.geo import PlaceMatcher, SqliteGazetteer, resolve_places
from frontlines.geo.context import read_context
from frontlines.geo.nonplaces import (
    RULE_IDS,
    RULES,
    demonym_language,
    demonym_surname,
    firm_name,
    full_name,
    group_name_parts,
    known_place,
    known_place_in_name,
    model_year_vehicle,
    owner_no_evidence,
    person_cue,
    relation_no_evidence,
    resident_evidence,
    water_body,
)
from frontlines.geo.resolve import resolve_scored

#: (place_id, name, country, lat, lon, kind, population, admin1)
WORLD = [
    ("c:US", "United States", "US", 39.8, -98.6, "country", 327_000_000, None),
    ("a:US-TX", "Texas", "US", 31.2, -99.2, "admin1", 0, "Texas"),
    ("g:bryan", "Bryan", "US", 30.67, -96.37, "city", 83_000, "Texas"),
    ("g:harman", "Harman", "US", 38.92, -79.52, "city", 100, "West Virginia"),
    ("g:winona", "Winona", "US", 44.05, -91.64, "city", 27_000, "Minnesota"),
    ("g:la", "Los Angeles", "US", 34.05, -118.24, "city", 3_900_000, "California"),
    ("g:trapani", "Trapani", "IT", 38.02, 12.51, "city", 67_000, "Sicily"),
    ("g:underwood", "Underwood", "AU", -27.61, 153.11, "city", 6_285, "Queensland"),
    ("g:flores", "Flores", "UY", -33.57, -56.83, "admin2", 25_000, "Flores"),
    ("g:steele", "Steele", "US", 36.08, -89.83, "city", 2_103, "Missouri"),
    ("g:ankara", "Ankara", "TR", 39.92, 32.85, "city", 3_517_182, "Ankara"),
    ("g:petrova", "Petrova", "RO", 47.83, 24.22, "city", 2_664, "Maramures"),
    ("g:holroyd", "Holroyd", "AU", -33.83, 150.98, "city", 1_279, "New South Wales"),
    ("g:slater", "Slater", "US", 39.22, -93.07, "city", 1_856, "Missouri"),
    ("c:CA", "Canada", "CA", 60.1, -113.6, "country", 37_058_856, None),
    ("g:toronto", "Toronto", "CA", 43.70, -79.42, "city", 2_794_356, "Ontario"),
    ("g:austin", "Austin", "US", 30.27, -97.74, "city", 950_715, "Texas"),
    ("g:town", "Town", "LC", 13.85, -61.06, "admin2", 2_918, "Soufriere"),
    ("g:village", "Village", "LC", 13.80, -60.90, "city", 3_406, "Micoud"),
    ("a:US-WV", "West Virginia", "US", 38.6, -80.6, "admin1", 0, "West Virginia"),
    ("g:beaver", "Beaver", "US", 37.75, -81.14, "city", 1_308, "West Virginia"),
    ("g:toyota", "Toyota", "JP", 35.08, 137.16, "city", 426_000, "Aichi"),
    ("g:honda", "Honda", "CO", 5.20, -74.75, "city", 24_000, "Tolima"),
    ("g:casey", "Casey", "AU", -38.1, 145.3, "admin2", 329_150, "Victoria"),
    ("a:US-GA", "Georgia", "US", 32.7, -83.4, "admin1", 10_000_000, "Georgia"),
    ("g:hamilton", "Hamilton", "CA", 43.25, -79.87, "city", 536_917, "Ontario"),
]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, small_world) -> tuple[SqliteGazetteer, PlaceMatcher]:
    return small_world(tmp_path_factory.mktemp("nonplaces") / "gazetteer.sqlite", WORLD)


@pytest.fixture
def places(world, split_sentences):
    gazetteer, matcher = world

    def run(text: str) -> list[str]:
        mentions, _ = resolve_places(text, split_sentences(text), matcher.find(text), gazetteer)
        return [m.text for m in mentions]

    return run


@pytest.mark.parametrize(
    "text, name, adjectival",
    [
        # modifier-toponym: a country in a compound modifier is an adjectival toponym of the country
        ("The Canada-led mission left Toronto.", "Canada", True),
        # ... a town in one is none ("Toronto-led" names no country); "-based" keeps the town a place
        ("The Toronto-led mission left Austin.", "Toronto", None),
        ("The Toronto-based mission left Austin.", "Toronto", False),
    ],
)
def test_nonplaces_modifier_toponym(world, split_sentences, text: str, name: str, adjectival) -> None:
    gazetteer, matcher = world
    scored, _ = resolve_scored(text, split_sentences(text), matcher.find(text), gazetteer)
    found = {s.mention.text: s for s in scored}
    assert (found[name].adjectival if name in found else None) is adjectival
    if adjectival:
        assert found[name].mention.candidates[0].kind == "country"
        mentions, _ = resolve_places(text, split_sentences(text), matcher.find(text), gazetteer)
        assert name not in [m.text for m in mentions]  # never an event's place


def test_nonplaces_rules_have_ids_and_examples() -> None:
    assert len(RULE_IDS) == len(RULES)
    assert all(rule.examples and rule.summary for rule in RULES)


@pytest.mark.parametrize(
    "left, surface, fired",
    [
        ("But the police still aren't sure how Bryan ", "Harman", "full-name"),
        ("said coalition Executive Director Margaret ", "Burley", "full-name"),
        ("charges were filed against Bryan L. ", "Harman", "full-name"),  # a middle initial
        ("Storms hit Route A. ", "Harman", None),
        ("In ", "Youngstown", None),  # "In" opens a sentence: no given name
        ("Storms hit ", "Harman", None),
        ("said Mary ", "Fort Worth", None),  # a name of two words is no surname
    ],
)
def test_nonplaces_full_name(left: str, surface: str, fired: str | None) -> None:
    assert full_name(left, surface) == fired


@pytest.mark.parametrize(
    "text, name, known",
    [
        ("said Environment Canada meteorologist Gabor", "Canada", True),
        ("he told CBC Toronto on Monday", "Toronto", True),
        ("Eight Florida Highway Patrol troopers", "Florida", True),  # "Highway": an ordinary word
        ("Parks Director Austin Fesmire said", "Austin", False),  # a proper name after it: a person
        ("John-Paul Delaney of Cahir", "Paul", False),  # the end of a hyphenated name
        ("Bashar Al-Bab ruled", "Al-Bab", False),  # an Arabic family name after a given name
    ],
)
def test_nonplaces_known_place_in_name(text: str, name: str, known: bool) -> None:
    start = text.index(name)
    assert known_place_in_name(text, start, start + len(name)) is known


def test_nonplaces_known_place_is_a_country_region_or_large_city(world) -> None:
    gazetteer, _ = world
    assert known_place("Canada", gazetteer.lookup("Canada"))
    assert known_place("Toronto", gazetteer.lookup("Toronto"))
    assert not known_place("Harman", gazetteer.lookup("Harman"))  # a hamlet of 100


@pytest.mark.parametrize(
    "text, name, fired",
    [
        ('"People have to wait," Underwood said.', "Underwood", "speech-subject"),
        ("Petrova told reporters the show would travel.", "Petrova", "speech-subject"),
        ("Fairfield declined to plead, maintaining her innocence.", "Fairfield", "speech-subject"),
        ("Officials in Underwood said the road was closed.", "Underwood", None),  # where they are
        ("Flores, 26, had just left the Army.", "Flores", "age-apposition"),
        ('"It is over," said Holroyd.', "Holroyd", "said-name"),
        ("Officials said Steele spent years under cover.", "Steele", "said-name"),
        ("Officials said Steele was shelled.", "Steele", None),  # "was": no past or present verb
        ("Storms hit Underwood on Monday.", "Underwood", None),
    ],
)
def test_nonplaces_person_cue(text: str, name: str, fired: str | None) -> None:
    start = text.index(name)
    assert person_cue(text[:start], text, start + len(name)) == fired


@pytest.mark.parametrize(
    "text, end, located",
    [
        ("about 55 Gainesville residents marched", 20, True),
        ("The 60-year-old Alton man was diagnosed", 21, True),
        ("Courtesy of the Flores family", 22, False),
    ],
)
def test_nonplaces_resident_evidence(text: str, end: int, located: bool) -> None:
    assert resident_evidence(text, end) is located


@pytest.mark.parametrize(
    "text, start, fired",
    [
        ("Boulder City Police Chief Thomas Finn said.", 33, "demonym-surname"),
        ('"We cooperated," French said.', 17, "demonym-surname"),
        ("A French law makes it a crime.", 2, None),
        ("Russians said the talks failed.", 0, None),  # a plural: the people, not a surname
    ],
)
def test_nonplaces_demonym_surname(text: str, start: int, fired: str | None) -> None:
    surface = text[start:].split()[0].rstrip(".,")
    assert demonym_surname(text[:start], text, start + len(surface), surface) == fired


@pytest.mark.parametrize(
    "text, end, owner",
    [
        ("McCoy said of Jones' appointment", 19, True),
        ("Courtesy of the Flores family", 22, True),
        ("a fire in Aleppo's old city", 16, True),
        ("a fire in Aleppo on Monday", 16, False),
        ("James Tauber of Nelson was driving", 22, False),
    ],
)
def test_nonplaces_owner_no_evidence(text: str, end: int, owner: bool) -> None:
    assert owner_no_evidence(text, end) is owner


@pytest.mark.parametrize(
    "text, word, fired",
    [
        ("She speaks fluent French at home", "French", "language"),
        ("He spoke only French and Farsi", "French", "language"),
        ("teaching English to French students", "English", "language"),
        ("minorities and English language learners", "English", "language"),
        ("a Spanish-speaking parish", "Spanish", "language"),
        ("French troops crossed the border", "French", None),
        ("teaching English to French students", "French", None),  # the students are French
        ("mounds built by these Native Americans", "Americans", "ethnic-compound"),
        ("the state's African-American Affairs Commission", "African", "ethnic-compound"),
        ("the state's African-American Affairs Commission", "American", "ethnic-compound"),
        ("the Anglo-Americans who came in droves", "Americans", "ethnic-compound"),
        ('describing it as "un-American".', "American", "ethnic-compound"),
        ("a Russian-American crew blasted off", "Russian", None),  # two countries
        ("a Russian-American crew blasted off", "American", None),
    ],
)
def test_nonplaces_language(text: str, word: str, fired: str | None) -> None:
    start = text.index(word)
    assert demonym_language(text[:start], text, start + len(word)) == fired


@pytest.mark.parametrize(
    "text, known, fired",
    [
        ("City Council hired Harman & Wilkinson for it", False, "firm-name"),
        ("a report by Christian, Harman & Associates", False, "firm-name"),
        ("Wilkinson & Harman said", False, "firm-name"),
        ("He flew to Harman & Tobago", True, None),  # a well-known place across the ampersand
        ("Harman and Wilkinson were hit", False, None),
    ],
)
def test_nonplaces_firm_name(text: str, known: bool, fired: str | None) -> None:
    start = text.index("Harman")
    assert firm_name(text, start, start + len("Harman"), lambda at: known) == fired


@pytest.mark.parametrize(
    "text, related",
    [
        ("Associates of Harman said he left", True),
        ("Two acquaintances of Harman set it up", True),
        ("Byrd said of Harman", True),
        ("the widow of Harman", True),
        ("Residents of Harman said the road closed", False),
        ("the town of Harman", False),
    ],
)
def test_nonplaces_relation_no_evidence(text: str, related: bool) -> None:
    assert relation_no_evidence(text, text.index("Harman")) is related


@pytest.mark.parametrize(
    "text, absent",
    [
        # full-name: the surname and the given name before it (a town of its own) are a person
        ("Police are not sure how Bryan Harman died. Harman was last seen in May.", "Harman"),
        ("Police are not sure how Bryan Harman died. Harman was last seen in May.", "Bryan"),
        # no-bare-space-list: "Trapani" does not take the role of "Los Angeles" before it
        ("Andy Trapani moved west. In his first year in Los Angeles Trapani produced a film.", "Trapani"),
        # owner-no-evidence: "of Harman's" is no locative evidence for the surname
        ("Bryan Harman wrote. Much was said of Harman's plans. Harman left.", "Harman"),
        # firm-name: a name joined by "&" to another capitalised word names a firm
        ("City Council hired Harman & Wilkinson to design the hotel.", "Harman"),
        # relation-no-evidence: "associates of Harman" is no locative evidence for the surname
        ("Bryan Harman wrote. Associates of Harman said he left. Harman was away.", "Harman"),
        # speech-subject, age-apposition, said-name (names in no list of surnames): the person goes
        ('"Art travels," Petrova said. The show reached Petrova in May.', "Petrova"),
        ("Slater, 19, told the judge he was clean. He was sent to Slater jail.", "Slater"),
        ('"She was a dear friend," said Holroyd.', "Holroyd"),
        # model-year-vehicle: a make after a model year, and its later mentions in the article
        ("A 1992 Toyota Corolla driven by Ann Lee was traveling east. The Toyota failed to yield.", "Toyota"),
        ("Their red 1991 Honda broke down at a gas station.", "Honda"),
        # given-and-surname: a given name and a surname of the census, however rare
        ("She was hurt, said Casey Godlewski, chief of the fire service.", "Casey"),
        ("The actress Georgia Madsen stars in the film.", "Georgia"),
        # person-outweighs-city: a city of half a million is no place where the article's person is meant
        ("Drummer Jeff Hamilton plays tonight. Hamilton will appear on television.", "Hamilton"),
    ],
)
def test_nonplaces_person_names_are_no_places(places, text: str, absent: str) -> None:
    assert absent not in places(text)


@pytest.mark.parametrize(
    "text, present",
    [
        ("A shop opened in Bryan on Monday. Bryan police said nobody was hurt.", "Bryan"),
        ("In his first year in Los Angeles Trapani produced a film.", "Los Angeles"),
        ("Flights from Harman & Los Angeles resumed.", "Harman"),  # a large city across the "&"
        # town-state: a town named like a word, its state right after it (the matcher skips it)
        ("He was held in the jail in Beaver, West Virginia, on Friday.", "Beaver"),
        ("BEAVER, W.Va. - Two teenagers were found unharmed.", "BEAVER"),
        # resident-evidence: "Winona residents" locates the name the article also uses for a person
        ("Margaret Winona spoke first. About 55 Winona residents marched.", "Winona"),
        # a capital or large city that speaks stands for its government: still a toponym
        ("Ankara said the talks would go on.", "Ankara"),
        # a person cue, but the article also locates the name: the town stays where it is located
        ('"We wait," Petrova said. Storms hit the town of Petrova on Monday.', "Petrova"),
        # known-place-in-name: a country or a large city that an organisation is named after
        ("Snow will fall, said Environment Canada meteorologist Gabor Fricska.", "Canada"),
        ('"It was a miracle," she told CBC Toronto.', "Toronto"),
        # model-year-vehicle: a year that dates the sentence, or no vehicle in it, leaves the city
        ("In 2008 Toyota hosted the fair, and traffic was heavy.", "Toyota"),
        ("The council cited a 2007 Toyota court ruling on taxes.", "Toyota"),
        # given-and-surname: a word that names things, or a longer name, leaves the place
        ("The Casey Park reopened on Monday.", "Casey"),
        ("Georgia Power Company raised its rates.", "Georgia"),
        ("Georgia Public Broadcasting aired it.", "Georgia"),
        # person-outweighs-city: ... located once, it stays; a city of millions always stays
        ("Drummer Jeff Hamilton plays tonight. Fans in Hamilton cheered him.", "Hamilton"),
        ("Singer Mary Toronto performed. Toronto will host the show.", "Toronto"),
        # english-not-article: "as", "at", "an" before a capital are English words, not "as-Sawda"
        ("Fighting raged near Trapani as Italian troops advanced.", "Trapani"),
        ("Shells hit Trapani at Easter.", "Trapani"),
    ],
)
def test_nonplaces_places_stay(places, text: str, present: str) -> None:
    assert present in places(text)


@pytest.mark.parametrize(
    "left, right, fired",
    [
        ("Police said a 1992 ", " Corolla driven by Mary Lioce crashed", "model-year-vehicle"),
        ("their red 1991 ", " broke down and they stopped", "model-year-vehicle"),
        ("he collided with a 2005 ", " Odyssey on the highway", "model-year-vehicle"),
        ("The resolution stems from a 2007 ", " Supreme Court decision", None),  # no vehicle
        ("In 2008 ", " hosted the Olympics and traffic stopped", None),  # a date, no determiner
        ("just days before the 2009 ", " County Fair Queen is crowned", None),
    ],
)
def test_nonplaces_model_year_vehicle(left: str, right: str, fired: str | None) -> None:
    assert model_year_vehicle(left, right) == fired


def test_nonplaces_group_name_parts() -> None:
    text = "Boko Haram fighters raided Mozogo; Derna Protection Force units held Derna."
    at = {w: text.index(w) for w in ("Haram", "Mozogo", "Derna Protection", "Derna.")}
    matches = [
        (at["Haram"], at["Haram"] + 5, "Haram"),
        (at["Mozogo"], at["Mozogo"] + 6, "Mozogo"),
        (at["Derna Protection"], at["Derna Protection"] + 5, "Derna"),
        (at["Derna."], at["Derna."] + 5, "Derna"),
    ]
    groups = [(0, len("Boko Haram"), "NG"), (at["Derna Protection"], at["Derna Protection"] + 22, "LY")]
    homes = {("Derna", "LY"), ("Mozogo", "CM")}
    parts = group_name_parts(matches, groups, lambda name, home: (name, home) in homes)
    assert parts == {matches[0]}  # only "Haram": Mozogo is outside any group, Derna is the group's base


@pytest.mark.parametrize(
    "text, name, fired",
    [
        ("a ship was attacked in the Red Sea off the coast", "Red Sea", "water-body"),
        ("tankers crossed the Gulf at night", "Gulf", "water-body"),
        ("patrols in The Red Sea.", "Red Sea", "water-body"),
        # a unit word after it, no "the" before it: the unit the gazetteer knows
        ("clashes in the Red Sea state", "Red Sea", None),
        ("clashes in the Red Sea Governorate", "Red Sea", None),
        ("Cargo ship sinks in Red Sea", "Red Sea", None),
        ("in the Homa Bay county", "Homa Bay", None),
        # no water word in the name
        ("in the Sudan", "Sudan", None),
    ],
)
def test_nonplaces_water_body(text: str, name: str, fired: str | None) -> None:
    start = text.index(name)
    assert water_body(text, start, start + len(name), name) == fired


def test_nonplaces_water_body_is_no_unit(tmp_path, small_world, split_sentences) -> None:
    """'the Red Sea' is the sea, not Sudan's Red Sea State; 'Red Sea State' is the state."""
    world = [("a:SD-RS", "Red Sea", "SD", 19.65, 36.39, "admin1", 646_800, "Red Sea")]
    gazetteer, matcher = small_world(tmp_path / "gazetteer.sqlite", world)
    for text, found in [
        ("Houthi forces seized a commercial vessel in the Red Sea.", []),
        ("Clashes erupted in Red Sea State on Monday.", ["Red Sea"]),
    ]:
        mentions, _ = resolve_places(text, split_sentences(text), matcher.find(text), gazetteer)
        assert [m.text for m in mentions] == found


@pytest.mark.parametrize(
    "left, near",
    [
        ("a ship in the Red Sea off ", True),
        ("a vessel sank off the coast of ", True),
        ("a tanker 50 nautical miles off ", True),
        ("50 nautical miles off ", False),
        ("a tanker seized off the shores of ", True),
        # a water body named after the place: at sea near it
        ("a drone hit a patrol boat in the Sea of ", True),
        ("pirates hijacked a vessel in the Gulf of ", True),
        ("a sea of ", False),
        # "off" as a verb's particle, or capitalised in a name: nothing of where
        ("the plane took off ", False),
        ("they kicked off ", False),
        ("the rain should taper off ", False),
        ("Off ", False),
    ],
)
def test_nonplaces_off_coast_is_near(left: str, near: bool) -> None:
    assert read_context(left, " on Monday.").near is near

"""Recognition-precision rules: names the matcher finds that are a person's name, a language or part
of an organisation's name here, not a place. Each rule has an id and examples (``RULES``); the
functions return the id of the rule that fired (the trace the resolver records) or None.

Person rules mark a name as a person's in the article; such a name then needs locative evidence at
some occurrence (resolver rule 2), so "Bryan Harman ... Harman said" drops every "Harman" while
"Tom Jones flew to Jones" keeps the town.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from frontlines.geo.context import COMPOUND_MODIFIER, FACILITIES, PLACE_SUFFIXES
from frontlines.geo.names import fold, is_common_word
from frontlines.geo.persons import is_given_name
from frontlines.geo.wordlists import OPENING_WORDS, ORGANISATION_WORDS
from frontlines.model import Place


@dataclass(frozen=True, slots=True)
class PrecisionRule:
    """One recognition-precision rule: its id, what it says and texts it applies to."""

    id: str
    summary: str
    examples: tuple[str, ...]


RULES: tuple[PrecisionRule, ...] = (
    PrecisionRule(
        "full-name",
        "A name written right after a given name (and a middle initial) is a surname in the article, "
        "even when the given name is itself a town's (David, Bryan, Elizabeth, Margaret).",
        (
            "Bryan Harman, 28, died ... Harman's cell phone",
            "Executive Director Margaret Burley",
            "to Ashley L. Evens, 26",
        ),
    ),
    PrecisionRule(
        "resident-evidence",
        "A name before a word for its inhabitants ('residents', 'native', 'man', 'woman') is a place "
        "of residence: locative evidence for the name in the article.",
        ("about 55 Gainesville residents marched", "a 22-year-old Winona man", "Sarnia native"),
    ),
    PrecisionRule(
        "demonym-surname",
        "A nationality word after a given name or as the subject of a verb of speech is a surname "
        "(French, Finn, English), not a toponym.",
        ("Boulder City Police Chief Thomas Finn said", '"We cooperated completely," French said.'),
    ),
    PrecisionRule(
        "language",
        "A nationality word after a verb of speaking, learning or teaching, or before 'language', "
        "'-speaking' or 'speakers', names a language, not a toponym.",
        ("She speaks fluent French", "teaching English to French students", "English language learners"),
    ),
    PrecisionRule(
        "ethnic-compound",
        "A nationality word inside an ethnic compound ('Native American', 'African-American', "
        "'Anglo-Americans', 'un-American') names a people or a quality, not a country.",
        ("mounds built by these Native Americans", "the state's African-American Affairs Commission"),
    ),
    PrecisionRule(
        "owner-no-evidence",
        "A name followed by a possessive or by 'family' names an owner: the preposition before it "
        "governs what follows, so it is no locative evidence for a name the article uses as a person's.",
        ("McCoy said of Jones' appointment", "Courtesy of the Flores family"),
    ),
    PrecisionRule(
        "relation-no-evidence",
        "A name after a word for a person's associates or kin and 'of', or after 'said of', names a "
        "person: the preposition is no locative evidence for a name the article uses as a person's.",
        ("Associates of Steele said", "two acquaintances of Moore set the robbery", "Byrd said of Holroyd"),
    ),
    PrecisionRule(
        "firm-name",
        "A name joined by an ampersand to another capitalised word is part of a firm's name, not a "
        "place, unless it or the word across the ampersand may be a country, a first-level unit or "
        "a large city ('Trinidad & Tobago').",
        ("City Council hired Stevens & Wilkinson", "Christian, Sturgeon & Associates"),
    ),
    PrecisionRule(
        "no-bare-space-list",
        "Two names with only a space between them are no list: the second does not take the first's "
        "role, which would be locative evidence for a person's name.",
        ("Within his first year in Los Angeles Trapani produced ...",),
    ),
    PrecisionRule(
        "group-name",
        "A name inside a named armed group's name is part of that name, not a place, unless the "
        "gazetteer has it in the group's home country (where it names the group's base).",
        ("Boko Haram fighters raided a village", "Fano militia members", "Zaire militias fought"),
    ),
    PrecisionRule(
        "known-place-in-name",
        "A country, a first-level unit or a large city after another capitalised word is the place an "
        "organisation or a programme is named after (a toponym in the organisation's role), not part "
        "of a person's or a longer place's name.",
        ("said Environment Canada meteorologist", "he told CBC Toronto", "the Florida Highway Patrol"),
    ),
    PrecisionRule(
        "speech-subject",
        "A name right before a verb of speech, with no preposition before it, is a person who speaks "
        "in the article (a small town's name: a capital or a large city may stand for its government).",
        ('"People have to wait," Underwood said.', "Petrova told reporters the show would travel."),
    ),
    PrecisionRule(
        "age-apposition",
        "A name followed by an age between commas is a person's.",
        ("Flores, 26, had just left the Army", "Out on bond, Moore, 19, told the judge"),
    ),
    PrecisionRule(
        "said-name",
        "A name right after 'said' that ends the clause or goes on with a verb is the speaker: "
        "a person, not a place.",
        ('"It is over," said Holroyd.', "officials said Steele spent years under cover"),
    ),
    PrecisionRule(
        "given-and-surname",
        "A given name that a place bears, followed by a surname of the census (however rare) that "
        "ends the capitalised run and names nothing ('Public', 'High', 'Park', 'Mayor'), is a "
        "person's name (``context.not_a_place``).",
        ("said Casey Godlewski, chief of Grand Ledge Emergency Services", "Nadia Moayyad of Southlake"),
    ),
    PrecisionRule(
        "person-outweighs-city",
        "A name the article uses as a person's needs locative evidence even when a city of up to a "
        "million people bears it; only a country, a first-level unit or a larger city stays a place "
        "(``placehood.PERSON_PROMINENT_POPULATION``).",
        ("Richmond native Jeff Hamilton plies the drumsticks. Hamilton will appear on television.",),
    ),
    PrecisionRule(
        "english-not-article",
        "'as', 'at' and 'an' before a space and a capital are English words, not an Arabic article "
        "continuing the name ('near Pokrovsk as Russian troops advanced' keeps Pokrovsk); with a "
        "hyphen or an apostrophe they are ('Tell as-Sawda') (``context.not_a_place``).",
        ("Fighting raged near Pokrovsk as Russian troops advanced.", "a strike on Homs at Easter"),
    ),
    PrecisionRule(
        "modifier-toponym",
        "A country's name in a compound modifier ('the U.S.-led coalition', 'Iran-backed militias') is "
        "an adjectival toponym, as a nationality word is: geoparsing corpora count it as a mention "
        "of the country; it never locates an event (``ScoredMention.adjectival``).",
        ("the U.S.-led campaign against the Islamic State group", "Iran-backed militias"),
    ),
    PrecisionRule(
        "model-year-vehicle",
        "A name after a model year (a determiner, maybe a colour, and a year: 'a 1992', 'their red "
        "1991') in a sentence about driving or a crash is a vehicle's make, not a place; its other "
        "mentions in the article ('the Toyota failed to yield') then need locative evidence.",
        ("A 1992 Toyota Corolla driven by Mary Lioce", "he collided with a 2005 Honda Odyssey"),
    ),
    PrecisionRule(
        "water-body",
        "A name that ends with a word for a body of water ('Sea', 'Gulf', 'Ocean', 'Bay', 'Lake'), "
        "written after 'the' and with no unit word after it ('state', 'governorate', 'county'), is "
        "the water body, not the unit or the town named after it: 'the Red Sea' is the sea, not "
        "Sudan's Red Sea State; the gazetteer holds no water bodies, so the name is no place it knows.",
        ("a ship was attacked in the Red Sea", "crossed the Gulf", "not: clashes in the Red Sea state"),
    ),
)
RULE_IDS = frozenset(rule.id for rule in RULES)
#: Reasons (``context.not_a_place`` and the rules here) that make a name a person's in the article.
PERSON_CUES = frozenset({"speech-subject", "age-apposition", "said-name"})
#: ... of which the cues (``person_cue``) keep the mention itself when the article locates the name
#: elsewhere ("Marion said the storm hit. Residents of Marion were evacuated.").
PERSON_REASONS = frozenset({"person", "full-name"}) | PERSON_CUES

#: A capitalised word and one space (or a middle initial) right before a name: the word may be a
#: given name.
_WORD_BEFORE = re.compile(r"(?:^|[\s(\"“‘'])([A-Z][a-z]+) (?:[A-Z]\. )?$")


def full_name(left: str, surface: str) -> str | None:
    """Rule full-name: ``surface`` (one word) follows a given name in ``left`` (the sentence text
    before it): "full-name", else None. "In Youngstown" is no name: sentence-opening words are not
    given names here."""
    if " " in surface or "-" in surface:
        return None
    m = _WORD_BEFORE.search(left)
    if m is None:
        return None
    word = m.group(1)
    if word in OPENING_WORDS or not is_given_name(word):
        return None
    return "full-name"


#: Rule resident-evidence: a word for the people of a place after its name.
_RESIDENT_AFTER = re.compile(
    r"\s+(?:residents?|natives?|man|woman|men|women|teens?|teenager|boy|girl|couple|resident's)\b"
)


def resident_evidence(text: str, end: int) -> bool:
    """Rule resident-evidence: a word for inhabitants follows the name ending at ``end``."""
    return _RESIDENT_AFTER.match(text, end) is not None


#: Words after a place that make an organisation its own local body (resolver rule 2).
LOCAL_BODY_AFTER = re.compile(
    r"\s+(?:Borough|County|City|Town|Council|Township|Municipality|Municipal|Police|Sheriff|Mayor|"
    r"Province|Provincial|Governorate|District|Regional|State)\b"
)
#: Rule owner-no-evidence: a possessive or "family" after the name.
_OWNER_AFTER = re.compile(r"(?:['’]s?(?=\s+[a-z])|\s+family\b)")


def owner_no_evidence(text: str, end: int) -> bool:
    """Rule owner-no-evidence: the name ending at ``end`` is an owner ("Jones' appointment", "the
    Flores family"), so its preposition is no locative evidence."""
    return _OWNER_AFTER.match(text, end) is not None


#: Rule relation-no-evidence: a word for a person's associates or kin and "of", or "said of".
_RELATION_BEFORE = re.compile(
    r"\b(?:associates?|acquaintances?|friends?|relatives?|colleagues?|allies|aides?|lawyers?|attorneys?"
    r"|supporters?|critics?|wife|husband|widow|son|daughter|mother|father|brother|sister|parents?"
    r"|children|(?:said|says|spoke|speaks|wrote|writes|thought|thinks))\s+of\s+$",
    re.IGNORECASE,
)


def relation_no_evidence(text: str, start: int) -> bool:
    """Rule relation-no-evidence: the name starting at ``start`` follows "associates of", "the
    widow of", "said of": a person, so the preposition is no locative evidence."""
    return _RELATION_BEFORE.search(text, max(0, start - 40), start) is not None


#: Rule demonym-surname: a verb of speech right after the word.
_SPEECH_AFTER = re.compile(r"\s+(?:said|says|told|added|noted|explained|recalled|asked|wrote)\b")


#: Rule known-place-in-name: a city at least this large is known well enough to name organisations.
KNOWN_CITY_POPULATION = 100_000


def known_place(query: str, candidates: Sequence[Place]) -> bool:
    """Rule known-place-in-name: whether a candidate spelled as ``query`` is a country, a first-level
    unit or a city of at least ``KNOWN_CITY_POPULATION``."""
    key = fold(query)
    return any(
        fold(p.name) == key and (p.kind in ("country", "admin1") or p.population >= KNOWN_CITY_POPULATION)
        for p in candidates
    )


#: ... unless it ends a hyphenated name ("John-Paul") or a proper name follows it ("Director Austin
#: Fesmire" is a person); an ordinary capitalised word may ("the Florida Highway Patrol").
_HYPHENATED_BEFORE = re.compile(r"[A-Za-z]-$")
#: ... or is an Arabic article's name after a given name ("Bashar Al-Bab": a person's family name).
_ARTICLE_NAME = re.compile(r"(?:[Aa]l|[Ee]l)-")
_CAPITALISED_AFTER = re.compile(r"\s+([A-Z][\w'’]*)")


def known_place_in_name(text: str, start: int, end: int) -> bool:
    """Rule known-place-in-name: whether the name at ``start``-``end``, part of a longer name, may
    be the place that name is named after: not the end of a hyphenated name, no proper name after."""
    if _HYPHENATED_BEFORE.search(text, max(0, start - 2), start) or _ARTICLE_NAME.match(text, start):
        return False
    after = _CAPITALISED_AFTER.match(text, end)
    if after is None:
        return True
    word = after.group(1)
    return is_common_word(word) or word in ORGANISATION_WORDS or word in FACILITIES or word in PLACE_SUFFIXES


#: Rule speech-subject: a verb of speech or of a person's deed in court or conversation right after
#: the name (optionally "also", "later"): "Petrova said", "Fairfield declined to plead".
_SPEECH_SUBJECT = re.compile(
    r"\s+(?:also\s+|later\s+)?(?:said|told|added|explained|recalled|testified|pleaded|admitted|declined"
    r"|denied|replied|answered|insisted|smiled|laughed|wrote|noted)\b"
)
#: ... unless a preposition or a place word before it makes the name where the speakers are.
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|of|from|near|for|to|outside)\s+(?:the\s+)?$", re.IGNORECASE)
#: Rule age-apposition: ", 26," after the name.
_AGE_AFTER = re.compile(r",\s+\d{1,2},")
#: Rule said-name: "said X." / "said X," / "said X spent".
_SAID_BEFORE = re.compile(r"\bsaid\s+$")
#: ... the clause ends there, or goes on with a verb in the past (a person's deed: "said Steele spent").
_CLAUSE_GOES_ON = re.compile(
    r"(?:[.,;]|\s+(?:[a-z]+ed|spent|grew|went|made|took|left|wrote|came|began|gave|sent|met|cut|saw|knew"
    r"|thought|found|felt|kept|held|led|ran|became|brought|bought|stood|sat|spoke|fell|won|lost)\b)"
)


def person_cue(left: str, text: str, end: int) -> str | None:
    """Rules speech-subject, age-apposition and said-name: the id of the cue that makes the name
    ending at ``end`` (``left``: its sentence before it) a person's here, else None."""
    if _AGE_AFTER.match(text, end):
        return "age-apposition"
    if _SPEECH_SUBJECT.match(text, end) and not _PREPOSITION_BEFORE.search(left):
        return "speech-subject"
    if _SAID_BEFORE.search(left) and _CLAUSE_GOES_ON.match(text, end):
        return "said-name"
    return None


#: Rule model-year-vehicle: a determiner, up to two lower-case words ("red", "silver") and a model year
#: right before the name ("a 1992 Toyota"; not "in 2008 Beijing", where the year is a date).
_MODEL_YEAR_BEFORE = re.compile(
    r"(?:^|\s)(?i:a|an|the|his|her|their|its|my|our|your|one|two)\s+(?:[a-z]+\s+){0,2}"
    r"(?:19[4-9]\d|20[0-4]\d)\s+$"
)
#: ... in a sentence that speaks of a vehicle: driving, a crash, a road.
_VEHICLE_WORDS = re.compile(
    r"\b(?:driv(?:en|ing|er|e|es)|drove|cars?|trucks?|pickup|sedan|SUV|van|minivan|vehicles?|motorcycle"
    r"|crash(?:ed|es)?|collided|collision|struck|wreck|lanes?|parked|broke\s+down|traffic|stop|stopped"
    r"|intersection|highway|yield)\b",
    re.IGNORECASE,
)


def model_year_vehicle(left: str, right: str) -> str | None:
    """Rule model-year-vehicle: the name between ``left`` and ``right`` (its sentence around it)
    follows a model year in a sentence about a vehicle: "model-year-vehicle", else None."""
    if not left[-1:].isspace() or not left.rstrip()[-4:].isdigit():
        return None  # no year right before the name: the regexes need not run
    if _MODEL_YEAR_BEFORE.search(left) and (_VEHICLE_WORDS.search(left) or _VEHICLE_WORDS.search(right)):
        return "model-year-vehicle"
    return None


#: Rule water-body: a name whose last word is a body of water ("Red Sea", "Gulf", "Hudson Bay") ...
_WATER_NAME = re.compile(r"(?:^|\s)(?:Sea|Gulf|Ocean|Bay|Lake|Strait|Lagoon)$")
#: ... after "the" ...
_THE_BEFORE = re.compile(r"(?:^|\s)[Tt]he\s+$")
#: ... unless a unit word follows it ("the Red Sea state", "the Homa Bay county").
_UNIT_WORD_AFTER = re.compile(
    r"\s+(?:state|governorate|province|region|county|district|municipality|department|prefecture"
    r"|oblast|council|shire|city|town)\b",
    re.IGNORECASE,
)


def water_body(text: str, start: int, end: int, surface: str) -> str | None:
    """Rule water-body: the name ``surface`` at ``start``-``end`` is a body of water here ("the Red
    Sea"): "water-body", else None ("Red Sea State", "in Red Sea", "the Red Sea governorate")."""
    if not _WATER_NAME.search(surface) or not _THE_BEFORE.search(text, max(0, start - 6), start):
        return None
    return None if _UNIT_WORD_AFTER.match(text, end) else "water-body"


def modifier_countries(text: str, end: int, candidates: Callable[[], Sequence[Place]]) -> list[Place]:
    """Rule modifier-toponym: the countries among ``candidates()`` (asked for only then) when the
    name ending at ``end`` is the first part of a compound modifier ("U.S.-led"), else []."""
    if not COMPOUND_MODIFIER.match(text[end : end + 16]):
        return []
    return [p for p in candidates() if p.kind == "country"]


#: Rule firm-name: an ampersand and a capitalised word after the name, or before it.
_AMPERSAND_AFTER = re.compile(r"\s*&\s*[A-Z]")
_AMPERSAND_BEFORE = re.compile(r"[A-Z][\w'’.]*\s*&\s*$")


def firm_name(text: str, start: int, end: int, is_place_at: Callable[[int], bool]) -> str | None:
    """Rule firm-name: the name at ``start``-``end`` is joined by "&" to a capitalised word, and
    ``is_place_at(offset of that word's edge)`` says neither may be a well-known place:
    "firm-name", else None."""
    after = _AMPERSAND_AFTER.match(text, end)
    if after is not None and not is_place_at(after.end() - 1):
        return "firm-name"
    before = _AMPERSAND_BEFORE.search(text, max(0, start - 40), start)
    if before is not None and not is_place_at(before.start()):
        return "firm-name"
    return None


#: Rule language: a verb of speaking, learning or teaching before the word, or a word for a
#: language after it.
_LANGUAGE_BEFORE = re.compile(
    r"\b(?:speak|speaks|spoke|spoken|speaking|fluent|learn|learns|learned|learnt|learning|teach|teaches"
    r"|teaching|taught|translated\s+into|dubbed\s+into)\s+(?:only\s+|fluent\s+|some\s+|little\s+)?$",
    re.IGNORECASE,
)
_LANGUAGE_AFTER = re.compile(r"(?:\s+|-)(?:language|languages|speaking|speakers?|translation|subtitles)\b")


def demonym_language(left: str, text: str, end: int) -> str | None:
    """Rules language and ethnic-compound: the nationality word ending at ``end`` (``left``: its
    sentence before it) names a language ("language") or a people ("ethnic-compound"), else None."""
    if _LANGUAGE_BEFORE.search(left) or _LANGUAGE_AFTER.match(text, end):
        return "language"
    if _ETHNIC_BEFORE.search(left) or (
        _ETHNIC_AFTER.match(text, end) and _ETHNIC_FIRST.search(text, max(0, end - 8), end)
    ):
        return "ethnic-compound"
    return None


#: Rule ethnic-compound: "Native American", "African-American", "Anglo-Americans", "un-American" ...
_ETHNIC_BEFORE = re.compile(r"(?:\bNative\s+|\b(?:African|Afro|Anglo|Asian|Latin|Euro|Native)-|\bun-)$")
#: ... and the first word of "African-American", "Asian-Americans" (not "a Russian-American crew").
_ETHNIC_AFTER = re.compile(r"-Americans?\b")
_ETHNIC_FIRST = re.compile(r"\b(?:African|Asian|Anglo|Afro|Latin)$")


def demonym_surname(left: str, text: str, end: int, surface: str) -> str | None:
    """Rule demonym-surname: the nationality word ``surface`` ending at ``end`` follows a given name
    in ``left`` or is followed by a verb of speech: "demonym-surname", else None."""
    if full_name(left, surface) or (not surface.endswith("s") and _SPEECH_AFTER.match(text, end)):
        return "demonym-surname"
    return None


def group_name_parts(
    matches: Sequence[tuple[int, int, str]],
    groups: Sequence[tuple[int, int, str | None]],
    in_country: Callable[[str, str], bool],
) -> set[tuple[int, int, str]]:
    """Rule group-name: the ``matches`` (start, end, surface) that lie inside one of ``groups`` (the
    spans of named groups' mentions with their home country) and that ``in_country(surface, home)``
    does not find in the group's home: "Haram" in "Boko Haram", "Fano" in "Fano militia". A group
    named after its base keeps its place: "Derna" in "Derna Protection Force"."""
    parts = set()
    for match in matches:
        start, end, surface = match
        home = next((g[2] for g in groups if g[0] <= start and end <= g[1]), "")
        if home != "" and (home is None or not in_country(surface, home)):
            parts.add(match)
    return parts

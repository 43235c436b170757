"""What the words around a toponym say: is it a place here, in which role, and how precisely.

Pure functions over the text left and right of a match inside its sentence. The patterns follow
ACLED's location rules: the event location is where something happened, not where an organisation is
based ("London-based"), where people fled to, or where diplomats met; "near X", "outside X", "the
outskirts of X", "X countryside" and "X province" locate an event only approximately (geo_precision 2,
or 3 for a province-level unit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from frontlines.countries import country_code
from frontlines.geo.names import is_common_word, is_demonym
from frontlines.geo.persons import is_common_surname, is_given_name, is_surname
from frontlines.geo.wordlists import (
    NON_PLACE_NAMES,
    OFFICES,
    OPENING_WORDS,
    ORGANISATION_WORDS,
    PUBLIC_SURNAMES,
    STREETS,
)
from frontlines.model import PlaceRole

#: Single words that qualify a place but are never one on their own when matched alone.
DIRECTIONS = frozenset(
    [
        "North",
        "South",
        "East",
        "West",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Central",
        "Upper",
        "Lower",
        "Greater",
        "Middle",
        "Northeast",
        "Northwest",
        "Southeast",
        "Southwest",
        "Northeastern",
        "Northwestern",
        "Southeastern",
        "Southwestern",
    ]
)
#: A capitalised word after a toponym that keeps it a place: a unit ("Idlib Province") ...
PLACE_SUFFIXES = frozenset(
    [
        "Province",
        "Governorate",
        "Countryside",
        "City",
        "Town",
        "District",
        "Region",
        "Oblast",
        "State",
        "County",
        "Prefecture",
        "Neighbourhood",
        "Neighborhood",
        "Municipality",
        "Raion",
        "Subdistrict",
        "Sub-district",
        "Valley",
        "Plain",
        "Plains",
        # the units event descriptions name: "Bokkos LGA", "Gida Ayana Woreda", "Kani Township"
        "LGA",
        "Woreda",
        "Zone",
        "Locality",
        "Township",
        "Commune",
        # a city's centre: "Nairobi CBD", "Beirut Downtown"
        "CBD",
        "Downtown",
    ]
)
#: ... a facility in or near it ("Aleppo International Airport": the event is near Aleppo) ...
FACILITIES = frozenset(
    [
        "Airport",
        "Airbase",
        "Air",
        "Base",
        "Prison",
        "Hospital",
        "Highway",
        "Road",
        "Bridge",
        "Dam",
        "Refinery",
        "Crossing",
        "Checkpoint",
        "Stadium",
        "Camp",
        "Gate",
        "Port",
        "Harbour",
        "Harbor",
        "Barracks",
        "Academy",
    ]
)
#: ... or a date ("in Damascus Tuesday").
TIME_WORDS = frozenset(
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)
#: Titles that turn the next capitalised words into a person's name ("President Assad").
_TITLES = (
    r"President|Vice-President|Minister|Premier|Mr|Mrs|Ms|Miss|Dr|Gen|General|Lt|Lieutenant|Col|Colonel"
    r"|Maj|Major|Capt|Captain|Sgt|Sergeant|Cmdr|Commander|Brig|Brigadier|Admiral|Sheikh|Sheik|Imam|Emir"
    r"|King|Queen|Prince|Princess|Sultan|Pope|Sen|Senator|Rep|Gov|Governor|Mayor|Judge|Ambassador|Envoy"
    r"|Spokesman|Spokeswoman|Chancellor|Secretary|Ayatollah|Mullah|Cleric|Bishop|Father|Brother|Sister"
)
_TITLE_BEFORE = re.compile(rf"\b(?:{_TITLES})\.?\s+(?:[A-Z][\w'’.-]*\s+){{0,3}}$")
#: Abbreviated titles, which a sentence splitter may have cut off their name ("Mr. | Assad").
_ABBREVIATED_TITLE_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Cmdr|Brig|Sen|Rep|Gov)\.\s+(?:[A-Z][\w'’.-]*\s+){0,3}$"
)
#: "State of Iraq", "University of Aleppo", "Bank of England": an organisation's name.
_ORG_OF_BEFORE = re.compile(
    r"\b(?:State|University|Bank|Ministry|Council|Emirate|Caliphate|Front|Army|Party|Movement|Brigades?"
    r"|Battalions?|Institute|College|School|Association|Federation|Union|Church|Committee|Organi[sz]ation)"
    r"\s+(?:for\s+(?:the\s+)?)?of\s+(?:the\s+)?$"
)
_BASED = re.compile(r"^\s*-\s*based\b|^\s+based\b", re.IGNORECASE)
#: "US-led", "Turkey-backed", "Iran-allied": a place name turned into an adjective of a group.
COMPOUND_MODIFIER = re.compile(
    r"^-(?:led|backed|brokered|made|supported|trained|funded|sponsored|allied|aligned|affiliated|linked|"
    r"friendly|controlled|held|run)\b",
    re.IGNORECASE,
)
_BASED_BEFORE = re.compile(r"\b(?:based|headquartered)\s+in\s+(?:the\s+)?$", re.IGNORECASE)
_DESTINATION_BEFORE = re.compile(
    r"\b(?:fled|flee|flees|fleeing|escaped|escaping|displaced|refugees?|asylum|arrived|arrive|arrives|arriving"
    r"|returned|returning|deported|evacuated|relocated|resettled|smuggled|migrants?|emigrated|crossed)"
    r"(?:\s+[\w'’-]+){0,4}?\s+(?:to|in|into|towards?|for)\s+(?:the\s+)?(?:neighbouring\s+|neighboring\s+|nearby\s+)?"
    r"(?:(?:town|city|village|camp|country|region|province)\s+of\s+)?$",
    re.IGNORECASE,
)
_VENUE_BEFORE = re.compile(
    r"\b(?:(?:talks|meeting|meetings|met|meet|conference|summit|negotiations|negotiators|briefing|signed"
    r"|visit|visited|visiting|hosted|gathered|convened)(?:\s+[\w'’-]+){0,3}?"
    r"|said|says|told|spoke|speaking|announced|statement)\s+(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_VENUE_AFTER = re.compile(r"^\s+(?:talks|conference|summit|negotiations|meeting|peace process|process)\b")
#: A compass word: "north", "northern", "southwest", "south-eastern".
COMPASS = r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"
_QUALIFIERS = (
    r"(?:(?:city|town|village|villages|province|governorate|district|countryside|outskirts|suburbs?|area"
    rf"|region|neighbourhood|neighborhood|rural|central|far|{COMPASS}"
    r"|besieged|rebel-held|government-held"
    r"|opposition-held|regime-held|IS-held|militant-held|war-torn|embattled|nearby|old|capital|[\w-]+-controlled)"
    r"\s+(?:of\s+)?)*"
)
_EVENT_BEFORE = re.compile(
    rf"\b(?:in|at|near|of|around|outside|into|on|across|inside|towards?|through|throughout|nearby|over)\s+"
    rf"(?:the\s+)?{_QUALIFIERS}$",
    re.IGNORECASE,
)
#: Verbs whose object is where the event happened ("shelled Taiz", "seized El Fasher").
_ACTION_BEFORE = re.compile(
    r"\b(?:shelled|shelling|bombed|bombing|bombarded|pounded|struck|strikes?|hit|attacked|attacking|attack"
    r"|raided|stormed|captured|seized|took|retook|recaptured|overran|besieged|encircled|entered|liberated"
    r"|targeted|targeting|shelling|invaded|occupied|surrounded|defended|controlled|control)\s+"
    rf"(?:the\s+)?{_QUALIFIERS}$",
    re.IGNORECASE,
)
#: Rule speaker-metonymy: a place that is the subject of a verb of speech stands for its government
#: ("Ankara says", "Moscow denied the strikes", "Kyiv has claimed"): a speaker, not where anything
#: happened. Not after a preposition ("activists in Douma said": Douma is where they are).
_SPEAKER_AFTER = re.compile(
    r"^\s+(?:has\s+|had\s+|have\s+|also\s+|later\s+|again\s+|on\s+\w+day\s+)?"
    r"(?:says?|said|saying|den(?:y|ies|ied)|claim(?:s|ed)?|announc(?:es|ed)|accus(?:es|ed)|warn(?:s|ed)"
    r"|insist(?:s|ed)|confirm(?:s|ed)|reject(?:s|ed)|condemn(?:s|ed)|stat(?:es|ed)|repl(?:ies|ied)"
    r"|respond(?:s|ed)|demand(?:s|ed)|urg(?:es|ed)|vow(?:s|ed)|threaten(?:s|ed)|protest(?:s|ed)"
    r"|blam(?:es|ed)|hail(?:s|ed)|welcom(?:es|ed)|argu(?:es|ed)|maintain(?:s|ed)|acknowledg(?:es|ed)"
    r"|admit(?:s|ted)|insists|dismiss(?:es|ed)|refus(?:es|ed)|retort(?:s|ed))\b"
)
_UNIT_AFTER = re.compile(
    r"^\s+(?:district|neighbourhood|neighborhood|countryside|province|governorate|region|oblast|state|city"
    r"|town|village|area|suburbs?|outskirts|airport|airbase|prison|hospital)\b",
    re.IGNORECASE,
)
#: "near X", "outside (of) X", "close to X", "the suburbs of X": the event is around X, not in it.
#: Not "the nearby village of X" (an adjective: X itself) nor "the suburb of X" (names X, a suburb).
_NEAR_BEFORE = re.compile(
    r"\b(?:near|(?<!the )(?<!a )nearby|outside(?:\s+of)?|around|close\s+to|outskirts\s+of|suburbs\s+of"
    r"|(?<!the )suburb\s+of|countryside\s+of|vicinity\s+of"
    r"|(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of|km\s+(?:from|of))"
    rf"\s+(?:the\s+)?{_QUALIFIERS}$",
    re.IGNORECASE,
)
#: Rule off-coast: "off X", "off the coast of X": at sea near X, so X locates the event approximately,
#: as "near X" does. Only where the sentence is at sea (a sea, a ship, waters, a coast within a few
#: words before "off": "a commercial ship in the Red Sea off Hodeidah", "a vessel 50 nautical miles off
#: Aden") or says "off the coast of": "off" after most verbs says nothing of where ("took off",
#: "sealed off"; measured: any "off" in ``_NEAR_BEFORE`` cost LGL recognition precision 0.868 -> 0.867).
_OFF_AT_SEA = re.compile(
    r"\b(?:Sea|Ocean|Gulf|Bay|Strait|waters|ships?|vessels?|boats?|tankers?|freighters?|carriers?|coast|"
    r"coastline)\b[^.;:]{0,40}?\soff\s+$"
)
_OFF_COAST_OF = re.compile(
    r"\soff\s+the\s+(?:[a-z]+\s+)?(?:coasts?|shores?|waters|port)\s+(?:of|near|off)\s+$"
)
#: ... and "the Sea of Azov", "the Gulf of Aden", "the Bay of Bengal": the water body named after X is
#: near X (a capital "Sea", "Gulf", "Bay", "Strait": not "a sea of protesters").
_WATER_OF_BEFORE = re.compile(r"(?:^|\s)(?:Sea|Gulf|Bay|Straits?)\s+of\s+$")
_NEAR_AFTER = re.compile(
    r"^\s+(?:countryside|province|governorate|region|oblast|outskirts|suburbs?|airport|airbase)\b"
    r"|^'s\s+(?:countryside|outskirts|suburbs)\b",
    re.IGNORECASE,
)
#: A province-level cue: prefer admin1 candidates ("Idlib province", "the province of Idlib").
_ADMIN_AFTER = re.compile(
    r"^\s+(?:province|governorate|region|oblast|state|prefecture|department)s?\b", re.IGNORECASE
)
_ADMIN_BEFORE = re.compile(r"\b(?:province|governorate|region|oblast|state)\s+of\s+$", re.IGNORECASE)
_CITY_AFTER = re.compile(r"^\s+(?:city|town)\b", re.IGNORECASE)
#: "the town of X", and the parts of a town ("the Mabakanga neighbourhood of Beni": X is the town,
#: not a region of its name).
_CITY_BEFORE = re.compile(
    r"\b(?:city|town|village|neighbou?rhoods?|quarters?|suburbs?|outskirts)\s+of\s+$", re.IGNORECASE
)
_CAP_RUN_AFTER = re.compile(r"^ ([A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|of|for|and|al|el|de|the))*)")
_CAP_BEFORE = re.compile(r"(?:^|\s)([A-Z][\w'’.-]*) $")


@dataclass(frozen=True, slots=True)
class Context:
    """A match's role, whether it locates only approximately, and which kind of unit the text names."""

    role: PlaceRole
    near: bool
    unit: str | None  # "admin1" when the text says province/governorate..., "city" for "X city"


def _folded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-insensitive pattern as a case-sensitive one over lower-cased text (literals lowered,
    escapes kept): the same matches, found two to three times faster by the regex engine."""
    source = re.sub(
        r"\\.|[A-Z]", lambda m: m.group() if m.group()[0] == "\\" else m.group().lower(), pattern.pattern
    )
    return re.compile(source, pattern.flags & ~re.IGNORECASE)


_NEAR_BEFORE_L, _NEAR_AFTER_L = _folded(_NEAR_BEFORE), _folded(_NEAR_AFTER)
_ADMIN_AFTER_L, _ADMIN_BEFORE_L = _folded(_ADMIN_AFTER), _folded(_ADMIN_BEFORE)
_CITY_AFTER_L, _CITY_BEFORE_L = _folded(_CITY_AFTER), _folded(_CITY_BEFORE)
_BASED_L, _BASED_BEFORE_L = _folded(_BASED), _folded(_BASED_BEFORE)
_DESTINATION_BEFORE_L, _VENUE_BEFORE_L = _folded(_DESTINATION_BEFORE), _folded(_VENUE_BEFORE)
_EVENT_BEFORE_L, _ACTION_BEFORE_L, _UNIT_AFTER_L = (
    _folded(_EVENT_BEFORE),
    _folded(_ACTION_BEFORE),
    _folded(_UNIT_AFTER),
)


#: The words a pattern read before a place may end with (before the whitespace it ends with):
#: ``_ADMIN_BEFORE`` and ``_CITY_BEFORE`` end with "of", ``_BASED_BEFORE`` with "in (the)",
#: ``_VENUE_BEFORE`` with "in/at (the)", ``_DESTINATION_BEFORE`` with one of its last words.
_OF_LAST = ("of",)
#: ... ``_OFF_AT_SEA`` and ``_OFF_COAST_OF`` with "off", "of", "near" or "the" (rule off-coast).
_OFF_LAST = ("off", "of", "near", "the")
_BASED_LAST = ("in", "the")
_VENUE_LAST = ("in", "at", "the")
_DESTINATION_LAST = (
    "to",
    "in",
    "toward",
    "towards",
    "for",
    "the",
    "neighbouring",
    "neighboring",
    "nearby",
    "of",
)


def _ending(before: str, tail: str, words: tuple[str, ...]) -> str:
    """``before`` when its ``tail`` (``before`` without its final whitespace) ends with one of
    ``words``, else "": the text a pattern ending with one of them needs to be searched in."""
    return before if tail.endswith(words) else ""


def off_coast(left: str) -> bool:
    """Rule off-coast: ``left`` (the text before a name) ends with "off" told at sea ("a ship in the
    Red Sea off"), with "off the coast of", or with a water body named after the place ("the Sea of",
    "the Gulf of"): at sea near it."""
    tail = left.rstrip().lower()
    if not tail.endswith(_OFF_LAST):
        return False
    return any(p.search(left) for p in (_OFF_AT_SEA, _OFF_COAST_OF, _WATER_OF_BEFORE))


def read_context(left: str, right: str) -> Context:
    """Role, nearness and unit cue of a place from the sentence text before and after it."""
    low_left, low_right = left.lower(), right.lower()
    # Every pattern read before the place ends with whitespace ("$" matches before a final newline,
    # whitespace too): where the text before the place does not, none is searched (nor matches).
    tail = low_left.rstrip()
    before = low_left if len(tail) < len(low_left) else ""
    near = bool(
        _NEAR_BEFORE_L.search(before)
        or _NEAR_AFTER_L.match(low_right)
        or (tail.endswith(_OFF_LAST) and off_coast(left))
    )
    after_of = _ending(before, tail, _OF_LAST)
    unit = None
    if _ADMIN_AFTER_L.match(low_right) or _ADMIN_BEFORE_L.search(after_of):
        unit = "admin1"
    elif _CITY_AFTER_L.match(low_right) or _CITY_BEFORE_L.search(after_of):
        unit = "city"
    role: PlaceRole
    event = None
    if _BASED_L.match(low_right) or _BASED_BEFORE_L.search(_ending(before, tail, _BASED_LAST)):
        role = "organisation_base"
    elif _SPEAKER_AFTER.match(right) and not ((event := _EVENT_BEFORE_L.search(before)) or near):
        role = "speaker"
    elif _DESTINATION_BEFORE_L.search(_ending(before, tail, _DESTINATION_LAST)):
        role = "destination"
    elif _VENUE_BEFORE_L.search(_ending(before, tail, _VENUE_LAST)) or _VENUE_AFTER.match(right):
        role = "venue"
    elif (
        (event if event is not None else _EVENT_BEFORE_L.search(before))
        or _ACTION_BEFORE_L.search(before)
        or _UNIT_AFTER_L.match(low_right)
        or near
    ):
        role = "event"
    else:
        role = "other"
    return Context(role, near, unit)


def not_a_place(surface: str, left: str, right: str, *, before: str, sentence_initial: bool,
                title_like: bool, prev_is_place: bool, next_is_place: bool) -> str | None:  # fmt: skip
    """Why a matched name is not a place in this context ("demonym", "person", "organisation",
    "name-part", "direction", "street"), or None when it may be one. A place in an organisation's
    name ("organisation") is the organisation's base: the resolver keeps it in that role.

    ``left``/``right`` are the sentence text before/after the match, ``before`` the text before it
    across sentence ends (a splitter may cut "Mr." off its name); ``prev_is_place``/``next_is_place``
    say whether the adjacent capitalised word is itself a matched place.
    """
    if is_demonym(surface):
        return "demonym"
    if surface in NON_PLACE_NAMES:
        return "not-a-place"
    if surface in DIRECTIONS:
        return "direction"
    if _TITLE_BEFORE.search(left) or _ABBREVIATED_TITLE_BEFORE.search(before):
        return "person"
    if left.rstrip().endswith(("of", "the")) and _ORG_OF_BEFORE.search(left):  # the pattern's last words
        return "organisation"
    if COMPOUND_MODIFIER.match(right):
        return "modifier"  # "US-led coalition", "Russian-brokered": an adjective, not a place
    if _BASED.match(right):
        return None
    if (right.startswith("-") and right[1:2].isupper() and right[2:3].islower() and not next_is_place) or (
        left.endswith(_HYPHEN_ENDS) and _HYPHEN_WORD_BEFORE.search(left) and not prev_is_place
    ):
        return "name-part"  # "Wal-Mart", "Coca-Cola": half of a hyphenated name
    if _ARTICLE_NAME_AFTER.match(right):
        return "name-part"  # "Bab" in "Bab al-Nayrab": the start of a longer Arabic name
    prev_word = _CAP_BEFORE.search(left) if left.endswith(_SPACE_ENDS) else None
    if prev_word and not prev_is_place and not title_like and not _is_possessive(prev_word.group(1)):
        word = prev_word.group(1)
        initial = not left[: prev_word.start(1)].strip(" \"'“‘(")
        ordinary = is_common_word(word) or any(is_common_word(part) for part in word.split("-"))
        if is_given_name(word) and word not in OPENING_WORDS:
            return "person"  # "Tom Jones" (not "In Youngstown": "In" is a given name too)
        if (
            word not in DIRECTIONS
            and word not in TIME_WORDS
            and word not in OPENING_WORDS
            and not (initial and ordinary)
        ):
            return "name-part"
    after = _CAP_RUN_AFTER.match(right)
    if after and not next_is_place and not title_like:
        words = [w.rstrip(".,;:'’") for w in after.group(1).split()]
        first = words[0]
        keeps = (
            first in PLACE_SUFFIXES
            or first in TIME_WORDS
            or first in OPENING_WORDS
            or first in _PRONOUNS
            or any(w in FACILITIES for w in words)
        )
        if any(w in ORGANISATION_WORDS for w in words):
            return "organisation"
        if first in STREETS:
            return "street"
        if (is_given_name(surface) and is_common_surname(first)) or first in PUBLIC_SURNAMES:
            return "person"  # "Jordan Dyer", "Austin Jones", "Vladimir Putin"
        if is_given_name(surface) and _rare_surname_after(first, right):
            return "person"  # rule given-and-surname: "Nadia Moayyad of Southlake", "Casey Godlewski"
        if not keeps and first not in OFFICES:
            # "Laurel County Adult Education", "Washington Capitals", "Enfield Council's": the place
            # names what the longer name belongs to; it stays a toponym in the organisation's role
            return "organisation"
    return None


#: Rule given-and-surname: words that are surnames too but name things after a place ("Georgia
#: Public Broadcasting", "Paris High", "Virginia Mayor", "Columbus East").
_NAMING_WORDS = (
    OFFICES
    | ORGANISATION_WORDS
    | STREETS
    | PLACE_SUFFIXES
    | FACILITIES
    | TIME_WORDS
    | OPENING_WORDS
    | DIRECTIONS
    | frozenset(
        """
East West North South Eastern Western Northern Southern Public High New Old Central National General
Royal Grand Great Little Big Young Chancellor Bureau River Lake Mountain Mountains Hill Hills Falls
Springs Creek Island Islands Bay Beach Park Sea Gulf Strait Canal Basin Desert Forest Coast Peninsula
""".split()  # noqa: SIM905 - a word list reads best as words
    )
)
#: ... and a one-word surname ends the capitalised run ("Casey Godlewski, chief").
_RUN_GOES_ON = re.compile(r"^ \S+ [A-Z]")


def _rare_surname_after(first: str, right: str) -> bool:
    """Rule given-and-surname: ``first``, the capitalised word after a given name that a place bears,
    is a surname of the census (however rare: "Moayyad", "Godlewski") and no word that names
    things ("Public", "High", "Mayor", "East") and the capitalised run ends with it ("Georgia Power
    Company" is a firm's name)."""
    return (
        is_surname(first)
        and not first.isupper()
        and not is_common_word(first)
        and first not in _NAMING_WORDS
        and not _RUN_GOES_ON.match(right)
    )


#: Words that open a new sentence after a dateline without punctuation ("NEWARK  It was ...").
_PRONOUNS = frozenset({"I", "It", "He", "She", "We", "They", "You", "His", "Her", "Its", "Their", "Our"})
#: "Coca-Cola": a capitalised word and a hyphen before the match (not a party tag: "R-Marshall").
_HYPHEN_WORD_BEFORE = re.compile(r"\b[A-Z][a-z]{2,}-$")
#: How a text ends where :data:`_HYPHEN_WORD_BEFORE` or :data:`_CAP_BEFORE` may match it ("$" also
#: matches before a final newline): the patterns are searched only there.
_HYPHEN_ENDS, _SPACE_ENDS = ("-", "-\n"), (" ", " \n")
#: "Bab al-Nayrab", "Tell ad-Daman", "Umm el-Qura": a name continued by an Arabic article and a capital.
#: Rule english-not-article: "as", "at" and "an" are English words before a space ("near Pokrovsk as
#: Russian troops advanced", "in Homs at Easter"): an article only with a hyphen or an apostrophe.
_ARTICLE_NAME_AFTER = re.compile(
    r"^[ \t]+(?:(?:al|el|ad|ar|ash|az|ed|er|es|ez|ul)[-\s’']+|(?:as|at|an)[-’']+)[A-Z]"
)


def _is_possessive(word: str) -> bool:
    """A possessive before a place name ends the name before it: "Dow's West Virginia site",
    "Thursday's Ontario budget", "Syria's Idlib"; "Syrias" (as FA-KES writes it) for a country."""
    if word.endswith(("'s", "’s", "s'", "s’")):
        return True
    return word.endswith("s") and country_code(word[:-1]) is not None


#: A word of more than three characters (a shorter word's tail is shorter still: never one).
_LONGER_WORD = re.compile(r"[A-Za-z][\w'’-]{3,}")


@lru_cache(maxsize=4096)
def is_title_like(sentence: str) -> bool:
    """True for headline-style text where most longer words are capitalised ("Rebels Shell Aleppo")."""
    words = _LONGER_WORD.findall(sentence)
    if len(words) < 3:
        return False
    return sum(1 for w in words if w[0].isupper()) / len(words) > 0.7

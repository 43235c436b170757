"""What the place rules of :data:`frontlines.events.sentence_rules.RULES` decide: where a sentence's
event happened, from the places it names, the ones told before and the sides' countries.
"""

from __future__ import annotations

import re

from frontlines.events.locate import (
    apposed_countries,
    approximately,
    coordinated,
    event_places,
    names_told_place,
    names_unknown_place,
    stands_in,
    unplaced_mention,
)
from frontlines.events.sentence import Clause, Story
from frontlines.geo.scoring import distance_km
from frontlines.model import Place, PlaceMention, SubEventType

#: "the Mali border", "Syria's border with Turkey": a border area.
_BORDER_AFTER = re.compile(r"^(?:['’]s)?\s+(?:border|frontier)\b", re.IGNORECASE)
#: "near the border with Mali", "close to the Mali border" (not "Syria's border"): the country across a
#: border from the event.
_BORDER_WITH_BEFORE = re.compile(r"\b(?:border|frontier)\s+with\s+(?:the\s+)?$", re.IGNORECASE)
_BORDER_OF_AFTER = re.compile(r"^\s+(?:border|frontier)\b", re.IGNORECASE)
#: Sides that are a state's forces: a demonym on them names the country they serve ("Nigerien soldiers").
_STATE_ROLES = frozenset({"military", "police"})
#: A spot within a country the sentence tells of without naming it.
_LOCALITY = re.compile(
    r"\b(?:a|an|the|one|two|three|four|several|UN|army|military|police)\s+(?:[\w-]+\s+){0,3}?(?:village|town|"
    r"base|camp|checkpoint|post|market|region|province|district|park|road|highway|convoy|mosque|church|school|"
    r"hospital|outpost|garrison|barracks|depot|airport|airbase|bridge|island|headquarters|patrol|prison)s?\b",
    re.IGNORECASE,
)
#: A compass word before a country ("northwestern Syria", "central Mali"): a region of it, not all of it.
_REGION_BEFORE = re.compile(
    r"\b(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
    r"(?:\s+parts?\s+of)?\s+$",
    re.IGNORECASE,
)
#: How far around a country the region words are read.
_REGION_REACH = 25
#: The whole of a country: "across the country", "throughout Syria", "nationwide".
_WHOLE_COUNTRY = re.compile(
    r"\b(?:across|throughout|all\s+over|around|nationwide|countrywide|in\s+several\s+provinces)\b",
    re.IGNORECASE,
)


#: Between a trigger and a region, the words that make the whole region, or an area of it, the
#: trigger's object: "captured the entire Luhansk Oblast", "captured approximately 2500 sqkm in the
#: Kharkiv region", "shelled all of Idlib province", "retook most of the province of Hama".
_WHOLE_REGION_OBJECT = re.compile(
    r"^\s+(?:the\s+)?(?:(?:entire|whole)\s+(?:of\s+(?:the\s+)?)?|(?:all|most|much|large\s+parts?)\s+of\s+"
    r"(?:the\s+)?|(?:(?:approximately|about|around|some|over|nearly|almost|more\s+than)\s+)?"
    r"\d[\d,.]*\s*(?:sq\.?\s*km|sqkm|km2|km²|square\s+(?:kilomet(?:re|er)s|miles))"
    r"(?:\s+of\s+(?:territory|land))?\s+(?:in|of)\s+(?:the\s+)?)"
    r"(?:(?:province|governorate|region|oblast|state)\s+of\s+)?$",
    re.IGNORECASE,
)
#: How far after the trigger the whole region may be named.
WHOLE_REGION_REACH = 70


def _named_places(c: Clause) -> list[PlaceMention]:
    return [m for m in c.doc.places if c.start <= m.start and m.end <= c.end]


def _located(c: Clause, story: Story) -> list[PlaceMention]:
    """The event places the sentence names (``locate.event_places``), read once."""
    if c.places is None:
        agreement = c.trigger.sub_event_type == SubEventType.AGREEMENT
        places = coordinated(event_places(_named_places(c), story.focus, agreement, c.text), c.text)
        if len(places) == 1 and stands_in(c.text, places[0], _named_places(c), c.sides, story.focus):
            places, c.stand_in = [approximately(places[0])], True
        c.places = places
    return c.places


#: Rule home-far-place: a town named for an event no farther than this from the country its named
#: sides fight in may be theirs (a border town abroad); farther, a namesake of the story's own place.
HOME_FAR_KM = 3000.0
#: ... and only a town or unit smaller than this: a place of this size is known by its name.
HOME_FAR_MAX_POPULATION = 100_000


def home_far_place(c: Clause, story: Story) -> str | None:
    """Rule ``home-far-place`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    places = _located(c, story)
    if len(places) != 1 or story.country_place is None or (town := places[0].place) is None:
        return None
    if town.kind == "country" or (town.population or 0) >= HOME_FAR_MAX_POPULATION:
        return None
    homes = {story.actors.home_of(m.ref) for m in c.sides if m.ref.kind == "actor"}
    if len(homes) != 1:
        return None
    [code] = homes
    home = story.country_place(code) if code is not None else None
    if home is None or home.country_code == town.country_code or distance_km(town, home) <= HOME_FAR_KM:
        return None
    c.places = [unplaced_mention(c.text, c.start, c.end, home, c.sides)]
    return f"{town.name} ({town.country_code}) lies far from {home.name}, where the named sides fight"


def whole_region(c: Clause, story: Story) -> str | None:
    """Rule ``whole-region`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    trigger = c.trigger
    for p in _named_places(c):
        if (
            p.place is None
            or p.place.kind != "admin1"
            or p.role not in ("event", "other")
            or not trigger.end <= p.start <= trigger.end + WHOLE_REGION_REACH
        ):
            continue
        if _WHOLE_REGION_OBJECT.match(c.text[trigger.end : p.start]):
            c.places = [p]
            return f"the event's object is all or an area of {p.text} (geo_precision 3)"
    return None


def region_of_country(c: Clause, story: Story) -> str | None:
    """Rule ``region-of-country`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    if _located(c, story):
        return None
    somewhere = _somewhere_in(c)
    for p in _named_places(c):
        if p.role != "event" or p.place is None or p.place.kind != "country":
            continue
        before = c.doc.text[max(c.start, p.start - _REGION_REACH) : p.start]
        after = c.doc.text[p.end : min(c.end, p.end + _REGION_REACH)]
        if somewhere or _REGION_BEFORE.search(before) or _BORDER_AFTER.match(after):
            across = _across_border(c, story, p)
            c.places = [across or p]
            where = across.place.name if across and across.place else p.place.name
            return f"only a region of {where} is known (geo_precision 3)"
    return None


def _border_side(c: Clause, p: PlaceMention) -> bool:
    """Whether country ``p`` is named as the far side of a border ("the border with Mali", "the Mali
    border"), not as the country whose border it is ("Syria's border with Turkey")."""
    before = c.doc.text[max(c.start, p.start - _REGION_REACH) : p.start]
    after = c.doc.text[p.end : min(c.end, p.end + _REGION_REACH)]
    return bool(_BORDER_WITH_BEFORE.search(before) or _BORDER_OF_AFTER.match(after))


def _across_border(c: Clause, story: Story, border: PlaceMention) -> PlaceMention | None:
    """Rule across-the-border: a country named as the far side of a border ("near the border with
    Mali", "close to the Mali border") is not where the event was when the sentence names another
    country, or its state forces point to one ("28 Nigerien soldiers were killed near the Mali
    border"): that country, at geo_precision 3."""
    if not _border_side(c, border) or story.country_place is None:
        return None
    own = border.place.country_code if border.place else None
    others = [
        p
        for p in _named_places(c)
        if p is not border
        and p.role == "event"
        and p.place is not None
        and p.place.kind == "country"
        and p.place.country_code != own
    ]
    if others:
        return others[0]
    forces = [m.ref.country for m in c.sides if m.ref.kind == "role" and m.ref.key in _STATE_ROLES]
    code = next((x for x in forces if x and x != own), None)
    place = story.country_place(code) if code else None
    return unplaced_mention(c.text, c.start, c.end, place, c.sides) if place is not None else None


def _somewhere_in(c: Clause) -> bool:
    """Whether the sentence tells of one spot in the country ("a village", "the army base", "the
    Alatona region") rather than of the whole of it ("across the country")."""
    return bool(_LOCALITY.search(c.text, c.start, c.end)) and not _WHOLE_COUNTRY.search(
        c.text, c.start, c.end
    )


def country_level(c: Clause, story: Story) -> str | None:
    """Rule ``country-level`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    if _located(c, story):
        return None
    named = _named_places(c)
    country = any(p.role == "event" and p.place and p.place.kind == "country" for p in named)
    return "only a country is named" if country else None


def told_place(c: Clause, story: Story) -> str | None:
    """Rule ``told-place`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    told = story.carry_place or story.story_place
    if (
        not _located(c, story)
        or told is None
        or not names_told_place(c.text, c.trigger.end, _named_places(c))
    ):
        return None
    c.places = [told]
    return f"'the city' is {told.text}, told before"


def _apposed_countries(c: Clause) -> list[str]:
    return apposed_countries(c.doc.text, _named_places(c), c.start)


def place_carries(c: Clause, story: Story) -> str | None:
    """Rule ``place-carries`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    fallback = story.carry_place or story.story_place
    if _located(c, story) or fallback is None:
        return None
    apposed = _apposed_countries(c)
    if apposed and (fallback.place is None or fallback.place.country_code not in apposed):
        return None  # "attacked a church in Foutouri, Burkina Faso": not where the paragraph is set
    if names_unknown_place(c.text, c.start, c.end, _named_places(c), c.sides, story.focus):
        c.places, c.stand_in = [approximately(fallback)], True
        return f"placed approximately where the paragraph or story is set ({fallback.text})"
    c.places = [fallback]
    return f"placed where the paragraph or story is set ({fallback.text})"


def _country_of(c: Clause, story: Story) -> Place | None:
    """The country-level place of the country an unlocated sentence is in: of a place it names in
    another role ("the Bucha City Council"), else of the story's focus, else of an actor's home."""
    if story.country_place is None:
        return None
    named = [
        m.place.country_code
        for m in c.doc.places
        if c.start <= m.start < c.end and m.place is not None and m.place.kind != "country"
    ]
    people, wars, homes = _side_countries(c, story)
    # apposed first ("in Foutouri, Burkina Faso"); homes: named groups', then states'.
    codes = [*_apposed_countries(c), *named, *people, *wars, c.doc.focus_country, *homes]
    # rule across-the-border: the country across a border is the last guess ("near the border with Niger")
    far = {
        p.place.country_code
        for p in _named_places(c)
        if p.place is not None and p.place.kind == "country" and _border_side(c, p)
    }
    codes = [x for x in codes if x not in far] + [x for x in codes if x in far]
    return next((story.country_place(code) for code in codes if code), None)


#: "the capital", "the Honduran capital", "Haiti's capital": the country's own capital, not one a
#: name follows ("the Syrian capital Damascus": that name is found) nor a province's ("the capital of
#: Kabardino-Balkaria", "the provincial capital").
_THE_CAPITAL = re.compile(
    r"\b(?:the\s+(?:[A-Z][a-z]+\s+)?|[A-Z][a-z]+['’]s\s+)capital(?:\s+city)?\b(?!\s+(?:of\b|[A-Z]))(?!,\s+[A-Z])"
)
#: Words that put the event away from the capital.
_AWAY_FROM = re.compile(
    r"\b(?:(?:km|kilometres?|kilometers?|miles)\s+(?:\w+\s+)?(?:from|of)|to|towards?|from)\s+$", re.IGNORECASE
)
#: A part of the capital or a place near it: the event is placed there approximately (geo_precision 2).
_PART_OF = re.compile(
    r"\b(?:district|sector|neighbou?rhood|quarter|suburbs?|outskirts|area|part|middle|centre|center|near|"
    r"outside|around|(?:north|south|east|west)(?:east|west)?(?:\s+of)?)\s+(?:of\s+)?$",
    re.IGNORECASE,
)


def the_capital(c: Clause, story: Story) -> str | None:
    """Rule ``the-capital`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    found = _THE_CAPITAL.search(c.text, c.start, c.end)
    if found is None or story.capital_place is None or _located(c, story):
        return None
    if _AWAY_FROM.search(c.text, max(c.start, found.start() - 30), found.start()):
        return None  # "600 km from the capital", "fled to the capital": somewhere else
    country = _country_of(c, story)
    capital = story.capital_place(country.country_code) if country is not None else None
    if country is None or capital is None:
        return None
    # "in a district of the capital", "the capital's Solino neighbourhood": a part of it
    part = _PART_OF.search(c.text, max(c.start, found.start() - 30), found.start()) or c.text.startswith(
        ("'s ", "’s "), found.end()
    )
    c.places = [PlaceMention(found.start(), found.end(), found.group(), (capital,), "event", near=bool(part))]
    return f"the capital of {country.name}: {capital.name}"


def place_unknown(c: Clause, story: Story) -> str | None:
    """Rule ``place-unknown`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    if _located(c, story):
        return None
    country = _country_of(c, story)
    unplaced = unplaced_mention(c.text, c.start, c.end, country, c.sides) if country else None
    if unplaced is None or unplaced.place is None:
        return None
    c.places = [unplaced]
    return f"coded to {unplaced.place.name}"


#: Roles whose demonym names the state that sent them abroad (``hosted`` roles of actors.toml).
_SENT_ROLES = frozenset({"peacekeepers"})
#: Roles that are a state's forces: their home is where they are least likely to fight.
_STATE_ROLES = frozenset({"military", "police", "government"})


def _side_countries(c: Clause, story: Story) -> tuple[list[str | None], list[str | None], list[str | None]]:
    """The countries the sentence's sides point to: people its words give a country ("Ukrainian
    civilians"); where a state's forces fire the strikes of a war (``[[remote_attacker]]``: a Russian
    air strike falls on Ukraine); and, last guesses, a named group's home and a state's."""
    state = [m for m in c.sides if m.ref.kind == "role" and m.ref.key in _STATE_ROLES]
    # a peacekeeper's nationality ("Chadian peacekeepers") says who sent them, not where they serve
    people = [
        m.ref.country
        for m in c.sides
        if m.ref.kind == "role" and m not in state and m.ref.key not in _SENT_ROLES
    ]
    day = c.own.date if c.own is not None else c.published
    sub = c.trigger.sub_event_type.value
    # the state that acts, not its target, and one the words name ("the military" names none)
    first = min((m for m in state if m.ref.country), key=lambda m: m.start, default=None)
    wars = [story.actors.war_country(first.ref.country, sub, day)] if first is not None else []
    if first is not None and first.ref.key == "military":
        # a ground act of an army at war abroad (a capture, a raid) happened on the war's front too
        wars.append(story.actors.war_country(first.ref.country, None, day))
    groups = [m.ref.country for m in c.sides if m.ref.kind != "role"]
    state = [m for m in state if m.ref.key not in _SENT_ROLES]
    return people, wars, [*groups, *(m.ref.country for m in state)]


def no_place(c: Clause, story: Story) -> str | None:
    """Rule ``no-place`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    return None if _located(c, story) else "no event place in the sentence or before"

"""Rules that read a resolved name against the places its sentence names around it (toponym
resolution, after scoring). Each rule has an id, examples and a trace (``Item.rules``):

- ``part-of-city``: a neighbourhood or district the text places in a city ("the Salah al-Din
  neighbourhood in Aleppo city", "the Jobar district of Damascus") is inside that city: its
  candidates elsewhere are namesakes (Salah al-Din, Iraq). With none inside, the city stands for it
  at geo_precision 2 (ACLED: a neighbourhood the gazetteer lacks is coded at its city, approximately).
- ``town-centre``: a generic name of a municipality's centre written with the municipality ("in
  Poblacion, Datu Piang", "Centro, Culiacán", "the Poblacion of Datu Piang"; ``TOWN_CENTRE_NAMES``)
  is that town, not the one place of the name the gazetteer lists (Poblacion, Muntinlupa, 1,000 km
  away): every Philippine municipality has a barangay Poblacion, every Mexican town a Centro.
- ``unknown-within``: a place the gazetteer does not know, named with the place that holds it ("the
  village of Tal Hamis in Hasakah", "Kafr Nabudah, a village in Suqaylabiyah district", "in Upper
  Ratib near Daraa", "the neighbourhood of Tareeq al-Bab in Aleppo", "Veretenivka, a residential
  area in the eastern part of Sumy", "in Ain Zara (Tripoli)": rule unknown-name-run, ``geo.namerun``,
  drops the namesakes of its words), is located at that place only approximately: the holder's mention gets
  geo_precision 2, never 1 (precision 1 claims the named place itself was found).
- ``district-at-town``: "X district" or "the X area" resolved to the town X is located at
  geo_precision 2: the unit the text names is larger than the town that stands for it.
- ``stray-namesake``: a town resolved to a country nothing else in the text names ("Kani township"
  in a story about Sagaing region -> Kani, Japan; "Let Yet Kone village (Depayin township,
  Sagaing)" -> Koné, New Caledonia) is a namesake of a place the gazetteer lacks. When its sentence
  names a region, a place of the story's focus country or a large city in another country, that place stands
  for it approximately (geo_precision 2, or 3 for a province: ACLED codes a village the gazetteer
  lacks at the nearest known place); with none, the country the text says holds it stands for it
  ("Bani Department, northern Burkina Faso": not Baní, Dominican Republic). Capitals and large
  cities are not strays ("Kyiv" needs no other mention of Ukraine), nor is a town near the story's
  places (a border town across it).
- ``sentence-frame``: a name's candidates inside the country or first-level unit its own sentence
  names ("... in Deir ez-Zor province", "In Libya, militias clashed in Homs") rank before namesakes
  elsewhere: the sentence's country stands in for the article's focus country.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from dataclasses import dataclass
from itertools import pairwise

from frontlines.geo import scoring
from frontlines.geo.context import COMPASS, DIRECTIONS, TIME_WORDS, Context
from frontlines.geo.items import Item
from frontlines.geo.names import is_common_word, is_demonym
from frontlines.geo.nonplaces import LOCAL_BODY_AFTER, resident_evidence
from frontlines.geo.wordlists import OPENING_WORDS
from frontlines.model import Place

#: Words for a part of a city between a name and the city that holds it (rule part-of-city).
CITY_PARTS = r"(?:neighbou?rhoods?|districts?|quarters?|suburbs?|areas?|camp|sub-district)"
_PART_OF_CITY = re.compile(
    rf"^\s+{CITY_PARTS}\s+(?:of|in)\s+(?:the\s+)?(?:(?:old\s+)?(?:city|town)\s+of\s+)?$", re.IGNORECASE
)
#: Kinds that can hold a neighbourhood.
_CITY_KINDS = frozenset({"city"})

#: What lies between an unknown place's name and its holder (rule unknown-within): "in", "near",
#: "outside", "of", a comma, "a village in", "village, in the".
_HOLDER_LINK = (
    r"(?:\s+(?:village|town|hamlet|farm|area|hill|neighbou?rhood))?"
    r"(?:,\s*(?:an?\s+(?:small\s+)?(?:village|town|hamlet|farm|area)\s+)?(?:(?:in|near|outside|of)\s+)?"
    r"|\s+(?:in|near|outside|of|(?:north|south|east|west|northwest|northeast|southwest|southeast)\s+of)\s+)"
    r"(?:the\s+)?(?:(?:northern|southern|eastern|western|central|rural)\s+)?$"
)
#: An unknown name after a locative cue: "the village of X", "in X", "near X", "outside X".
_UNKNOWN_BEFORE = re.compile(
    r"(?:\b(?:villages?|towns?|hamlets?|farms?|neighbou?rhoods?|quarters?)\s+of\s+"
    r"|\b(?:in|near|outside)\s+(?:the\s+)?)"
    r"(?P<name>(?:(?:al|el|ad|ar|as|ash|at|az|an)-)?[A-Z][\w'’]+(?:[ -](?:(?:al|el|ad|ar|as|ash|at|az|an)-)?"
    r"[A-Z][\w'’]+){0,3})" + _HOLDER_LINK
)
#: ... or an unknown name in apposition: "Kafr Nabudah, a village in Suqaylabiyah district".
_UNKNOWN_APPOSITION = re.compile(
    r"(?P<name>(?:(?:al|el|ad|ar|as|ash|at|az|an)-)?[A-Z][\w'’]+(?:[ -](?:(?:al|el|ad|ar|as|ash|at|az|an)-)?"
    r"[A-Z][\w'’]+){0,3}),\s*an?\s+(?:(?:small|residential|rural)\s+)?"
    r"(?:village|town|hamlet|farm|area|neighbou?rhood|quarter|suburb)\s+(?:in|near|outside|of)\s+"
    r"(?:the\s+)?(?:(?:northern|southern|eastern|western|central|rural)\s+)?(?:part\s+of\s+(?:the\s+)?)?$"
)
#: ... or an unknown name written before its holder in parentheses, as event descriptions do ("in Ain
#: Zara (Tripoli)", "near Gida Kiremu (East Welega)", "the Jebel Moya area (Sennar)").
_UNKNOWN_PAREN = re.compile(
    r"\b(?:in|near|outside|at|of|around|from|the)\s+(?:the\s+)?"
    r"(?P<name>(?:(?:al|el|ad|ar|as|ash|at|az|an)-)?[A-Z][\w'’]+(?:[ -](?:(?:al|el|ad|ar|as|ash|at|az|an)-)?"
    r"[A-Z][\w'’]+){0,3})(?:\s+(?:village|town|hamlet|area|locality|island|neighbou?rhood))?\s*\($"
)
#: Rule district-at-town: "X district", "the X area" resolved to the town X: the unit the text names
#: is larger than the town that stands for it (geo_precision 2).
_DISTRICT_AFTER = re.compile(r"\s+(?:district|sub-?district|area|region|nahiya)\b", re.IGNORECASE)
#: How far before a holder the unknown name may start (characters).
_UNKNOWN_WINDOW = 90


def parts_of_cities(items: list[Item], text: str) -> list[Item]:
    """Rule part-of-city (see the module docstring)."""
    for item in items:
        holder = item.container
        if holder is None or not holder.scores or not item.candidates:
            continue
        if not _PART_OF_CITY.match(text[item.span.end : holder.span.start]):
            continue
        city = holder.candidates[_best(holder)]
        if city.kind not in _CITY_KINDS:
            continue
        inside = [
            k
            for k, p in enumerate(item.candidates)
            if p.place_id != city.place_id
            and p.kind not in ("country", "admin1")
            and scoring.distance_km(p, city) <= scoring.CITY_RADIUS_KM
        ]
        if inside:
            item.candidates = [item.candidates[k] for k in inside]
            item.scores = [item.scores[k] for k in inside]
        elif any(
            p.kind in ("city", "district") and p.country_code == city.country_code for p in item.candidates
        ):
            continue  # "the Cincinnati suburb of West Chester": the town named first holds the other
        else:
            item.candidates, item.scores, item.respelled = [city], [0.0], set()
            item.ctx = Context(item.ctx.role, True, item.ctx.unit)
        item.rules.append("part-of-city")
    return items


#: Rule town-centre: names that Philippine, Latin American and Spanish usage gives the central
#: district of every municipality (folded: "Poblacion", "Centro", "Cabecera"...).
TOWN_CENTRE_NAMES = frozenset({"poblacion", "centro", "cabecera", "cabecera municipal", "zona centro"})
#: Between a town-centre name and its town: "Poblacion, Datu Piang", "the Poblacion of Datu Piang".
_CENTRE_OF = re.compile(r",\s*|\s+(?:of|in)\s+", re.IGNORECASE)
#: Kinds that have a centre of that name: a town or a municipality (a second- or third-level unit).
_MUNICIPALITY_KINDS = frozenset({"city", "admin2", "admin3"})


def town_centres(items: Sequence[Item], text: str) -> None:
    """Rule town-centre (see the module docstring): the centre's name takes its town's place."""
    ordered = sorted(items, key=lambda i: i.span.start)
    for item, after in pairwise(ordered):
        if item.span.query.casefold() not in TOWN_CENTRE_NAMES or not after.candidates or not after.scores:
            continue
        town = after.candidates[_best(after)]
        if town.kind in _MUNICIPALITY_KINDS and _CENTRE_OF.fullmatch(text, item.span.end, after.span.start):
            item.candidates, item.scores, item.respelled = [town], [0.0], set()
            item.rules.append("town-centre")


def unknown_within(items: Sequence[Item], text: str) -> None:
    """Rule unknown-within (see the module docstring): marks the holder's mention approximate."""
    whole = {(i.span.start, i.span.end) for i in items}
    for item in items:
        if item.span.source == "demonym" or item.ctx.near:
            continue
        if (
            item.candidates
            and item.scores
            and _DISTRICT_AFTER.match(text, item.span.end)
            and item.candidates[_best(item)].kind in _CITY_KINDS
        ):
            item.ctx = Context(item.ctx.role, True, item.ctx.unit)
            item.rules.append("district-at-town")
            continue
        if not _may_link(text, item.span.start):
            continue  # a cheap test first: the word before must be one that links a holder
        window_start = max(0, item.span.start - _UNKNOWN_WINDOW)
        found = _UNKNOWN_BEFORE.search(text, window_start, item.span.start)
        if found is None or found.end() != item.span.start:
            found = _UNKNOWN_APPOSITION.search(text, window_start, item.span.start)
        if found is None or found.end() != item.span.start:
            found = _UNKNOWN_PAREN.search(text, window_start, item.span.start)
            if found is None or found.end() != item.span.start:
                continue
            if any(s < found.end("name") and found.start("name") < e for s, e in whole):
                continue  # "in Bokkos LGA (Plateau)": a place found inside the name before
        name_start, name_end = found.span("name")
        if (name_start, name_end) in whole:
            continue  # the name before is itself a place found ("in Homs, Hama"): nothing unknown
        if not may_be_place(found.group("name")):
            continue
        item.ctx = Context(item.ctx.role, True, item.ctx.unit)
        item.rules.append("unknown-within")


#: Rule stray-namesake: a place this populous (or a capital) is never a stray namesake.
STRAY_MAX_POPULATION = 1_000_000
#: A stray namesake lies at least this far from the place that stands for it: a town across a
#: border from the story's places ("Syrian troops took Qara and shelled Arsal") is no namesake.
STRAY_MIN_KM = 300.0
#: Kinds a stray namesake may be: a town or a small unit, never a country or a first-level unit.
_STRAY_KINDS = frozenset({"city", "district", "admin2", "admin3"})
#: Kinds that may stand for a stray namesake whatever the focus country.
_HOLDER_KINDS = frozenset({"admin1", "admin2", "admin3", "district"})


def stray_namesakes(
    items: Sequence[Item],
    focus: str | None,
    capitals: Container[str],
    text: str,
    datelines: Container[tuple[int, int]] = (),
) -> list[Item]:
    """Rule stray-namesake (see the module docstring): the items kept."""
    best = {id(i): i.candidates[_best(i)] for i in items if i.candidates and i.scores}
    support = _support(items, best)
    unplaced: set[int] = set()
    for item in items:
        place = best.get(id(item))
        if (
            place is None
            or item.span.source == "demonym"
            or place.kind not in _STRAY_KINDS
            or place.population >= STRAY_MAX_POPULATION
            or place.place_id in capitals
            or support.get(place.country_code, 0) > 1
        ):
            continue
        holder = _frame_holder(item, items, best, place.country_code, focus, text)
        if holder is None or scoring.distance_km(place, holder) < STRAY_MIN_KM:
            continue
        if not _read_as_place(item, items, text, datelines):
            unplaced.add(id(item))
            continue
        item.candidates, item.scores, item.respelled = [holder], [0.0], set()
        item.ctx = Context(item.ctx.role, True, item.ctx.unit)
        item.rules.append("stray-namesake")
    return [i for i in items if id(i) not in unplaced]


#: Roles that read a name as a place where something is (rule stray-namesake).
_LOCATIVE_ROLES = frozenset({"event", "destination", "venue"})


def _read_as_place(
    item: Item, items: Sequence[Item], text: str, datelines: Container[tuple[int, int]]
) -> bool:
    """Whether any mention of ``item``'s name reads as a place: a locative role, "near X", a unit
    word ("Bani Department"), a dateline, its own body or people ("Reading Borough officials", "a
    Winona man"), or a place named as its holder ("Mpeketoni (Lamu)", "London's Heathrow",
    "Sagaing region's Kani")."""
    key = item.span.query.casefold()
    same = [o for o in items if o.span.query.casefold() == key]
    return any(
        o.ctx.role in _LOCATIVE_ROLES
        or o.ctx.near
        or o.ctx.unit is not None
        or o.container is not None
        or (o.span.start, o.span.end) in datelines
        or LOCAL_BODY_AFTER.match(text, o.span.end) is not None
        or resident_evidence(text, o.span.end)
        or any(_POSSESSIVE_HOLDER.fullmatch(text, h.span.end, o.span.start) for h in items if h is not o)
        for o in same
    )


#: Between a place and a place it holds: "London's Heathrow", "Sagaing region's Kani".
_POSSESSIVE_HOLDER = re.compile(
    r"(?:\s+(?:region|province|state|county|district|governorate|oblast|city))?['’]s\s", re.IGNORECASE
)


def _support(items: Sequence[Item], best: dict[int, Place]) -> dict[str, int]:
    """How many of the text's names each country's places answer. Names written one after the other
    with a single character between them ("Jantar Mantar", two names of one Indonesian town) are one
    name of a place the gazetteer lacks: they count once."""
    support: dict[str, int] = {}
    last_end, last_countries = -2, frozenset[str]()
    for item in sorted(items, key=lambda i: i.span.start):
        if id(item) not in best:
            continue
        countries = frozenset(
            {p.country_code for p in item.candidates}
            if item.span.source == "demonym"
            else {best[id(item)].country_code}
        )
        joined = item.span.start - last_end <= 1 and item.span.source != "demonym"
        for country in countries - (last_countries if joined else frozenset()):
            support[country] = support.get(country, 0) + 1
        last_end, last_countries = item.span.end, countries
    return support


def _frame_holder(
    item: Item, items: Sequence[Item], best: dict[int, Place], stray: str, focus: str | None, text: str
) -> Place | None:
    """The place of ``item``'s sentence that stands for a stray namesake: its container, else the
    first region or focus-country place after it in the sentence, else the last one before it."""

    def fits(other: Item) -> bool:
        place = best.get(id(other))
        return (
            other is not item
            and place is not None
            and other.span.source != "demonym"
            and place.country_code != stray
            and place.kind != "country"
            and (
                place.kind in _HOLDER_KINDS
                or place.country_code == focus
                or place.population >= STRAY_MAX_POPULATION
            )
        )

    if item.container is not None and (
        fits(item.container) or _sizeable(best.get(id(item.container)), stray)
    ):
        return best[id(item.container)]  # "Mantar (New Delhi)": the text says where the place is
    same = [o for o in items if o.sentence == item.sentence and fits(o)]
    after = [o for o in same if o.span.start > item.span.start]
    chosen = after[0] if after else (same[-1] if same else None)
    if chosen is None:
        chosen = _named_country(item, items, best, stray, text)
    return best[id(chosen)] if chosen is not None else None


def _named_country(
    item: Item, items: Sequence[Item], best: dict[int, Place], stray: str, text: str
) -> Item | None:
    """The country the text says holds a stray namesake: its container ("Bani, Burkina Faso"), the
    country right after its name ("Pobe Mengao, Burkina Faso", "Bani Department, northern Burkina
    Faso"), else the one country its sentence names before it as where things happen ("in southwest
    Niger, ... killed in Sanam"). The country stands for it (ACLED: the nearest known place)."""

    def country(other: Item | None) -> bool:
        place = best.get(id(other)) if other is not None else None
        return (
            other is not None
            and place is not None
            and other.span.source != "demonym"
            and place.kind == "country"
            and place.country_code != stray
        )

    if country(item.container):
        return item.container
    same = [o for o in items if o.sentence == item.sentence and country(o)]
    for other in same:
        if other.span.start > item.span.end and _COUNTRY_LINK.fullmatch(
            text, item.span.end, other.span.start
        ):
            return other
    before = [o for o in same if o.span.end <= item.span.start and _IN_COUNTRY.search(text, 0, o.span.start)]
    named = {best[id(o)].country_code for o in same}
    located = item.ctx.role == "event" or item.ctx.near  # not "camps such as Auschwitz"
    return before[0] if before and located and len(named) == 1 else None


#: A country named as where things happen: "in Mali", "in southwest Niger", "in the north of Iraq".
_IN_COUNTRY = re.compile(
    rf"\b[Ii]n\s+(?:the\s+)?(?:(?:far\s+)?{COMPASS}\s+(?:of\s+)?"
    r"|central\s+)?$"
)

#: Between a stray's name and the country that holds it: the rest of the name, a unit word, a comma
#: or "in", a direction ("Pobe Mengao, Burkina Faso", "Bani Department, northern Burkina Faso").
_COUNTRY_LINK = re.compile(
    r"(?:[ -][A-Z][\w'’-]+){0,2}(?:\s+(?:Department|Province|District|Region|State|Prefecture|County"
    r"|Commune|Municipality|Township|village|town|district|province|region))?"
    rf"(?:\s*,\s*(?:in\s+)?|\s+in\s+)(?:the\s+)?(?:(?:far\s+)?{COMPASS}\s+|central\s+)?"
)


#: A town at least this large named as a stray's container ("X (New Delhi)") stands for it whatever
#: the story's focus country.
STRAY_CONTAINER_MIN_POPULATION = 100_000


def _sizeable(place: Place | None, stray: str) -> bool:
    return (
        place is not None
        and place.country_code != stray
        and place.kind == "city"
        and place.population >= STRAY_CONTAINER_MIN_POPULATION
    )


#: Rule sentence-frame: a candidate inside the province, oblast or state its sentence names ("X
#: province", "the state of X") gains this much; a country the sentence names as where things
#: happen ("in Libya") replaces the article's focus country for that sentence's names.
SENTENCE_ADMIN1_BONUS = 2.0


@dataclass(frozen=True, slots=True)
class Frame:
    """What one sentence names around its places: countries (ISO2) and first-level units."""

    countries: frozenset[str] = frozenset()
    regions: frozenset[tuple[str, str]] = frozenset()  # (country, admin1 name)


def sentence_frames(items: Sequence[Item]) -> dict[int, Frame]:
    """Rule sentence-frame: per sentence, the countries it names as where things happen ("in
    Libya", "in northern Syria": a name all of whose candidates are countries, in the event role)
    and the first-level units it names as such ("Idlib province", "Kharkiv, Poltava and
    Dnipropetrovsk oblasts"). Demonyms do not frame: "Turkish artillery" is an actor."""
    countries: dict[int, set[str]] = {}
    regions: dict[int, set[tuple[str, str]]] = {}
    for item in items:
        if item.span.source == "demonym" or not item.candidates:
            continue
        if all(p.kind == "country" for p in item.candidates):
            if item.ctx.role != "event":
                continue  # "flights between Moscow and the United States": no container named
            countries.setdefault(item.sentence, set()).update(p.country_code for p in item.candidates)
        elif item.ctx.unit == "admin1" or item.span.kinds == frozenset({"admin1"}):
            units = {(p.country_code, p.admin1) for p in item.candidates if p.kind == "admin1" and p.admin1}
            if len(units) == 1:
                regions.setdefault(item.sentence, set()).update(units)
    return {
        index: Frame(frozenset(countries.get(index, ())), frozenset(regions.get(index, ())))
        for index in countries.keys() | regions.keys()
    }


def frame_country(frame: Frame | None) -> str | None:
    """The one country a sentence names as where things happen, if it names exactly one."""
    if frame is None or len(frame.countries) != 1:
        return None
    return next(iter(frame.countries))


def frame_bonus(place: Place, frame: Frame | None) -> float:
    """Rule sentence-frame: the bonus of a candidate inside a first-level unit its sentence names
    (the unit itself excepted: "Idlib province" does not frame itself)."""
    if frame is None or place.kind in ("country", "admin1") or place.admin1 is None:
        return 0.0
    return SENTENCE_ADMIN1_BONUS if (place.country_code, place.admin1) in frame.regions else 0.0


#: The last word of ``_HOLDER_LINK`` (or a comma or an opening parenthesis before the holder).
_LINK_WORDS = frozenset(
    "in near outside of the northern southern eastern western central rural".split()  # noqa: SIM905
)


def _may_link(text: str, start: int) -> bool:
    """Whether the text before ``start`` may end with a holder link (see ``_HOLDER_LINK``)."""
    before = text[max(0, start - 16) : start].rstrip()
    if before.endswith((",", "(")):
        return True
    words = before.rsplit(None, 1)
    return bool(words) and words[-1].lower() in _LINK_WORDS


def may_be_place(name: str) -> bool:
    """Whether an unknown capitalised name may be a place's: not a day or month, a direction, an
    opening or ordinary word, a nationality or an acronym ("in ISIS", "on Monday in")."""
    first = name.split()[0].split("-")[-1]
    return not (
        first in TIME_WORDS
        or first in DIRECTIONS
        or first in OPENING_WORDS
        or is_demonym(first)
        or is_common_word(first)
        or first.isupper()
    )


def _best(item: Item) -> int:
    return max(range(len(item.scores)), key=item.scores.__getitem__)

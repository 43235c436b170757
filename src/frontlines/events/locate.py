"""Where a sentence's event happened: the event places it names or lists, read against the story's
focus country, and ACLED's geo_precision. Rules chosen where the codebook is silent are marked "Rule:".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from frontlines.geo.context import COMPASS, FACILITIES
from frontlines.geo.frame import may_be_place
from frontlines.geo.precision import geo_precision as geo_precision  # re-exported (events.assemble)
from frontlines.geo.scoring import distance_km
from frontlines.geo.wordlists import STREETS
from frontlines.ingest.dates import MONTHS
from frontlines.model import ActorMention, Doc, Place, PlaceMention
from frontlines.time.calendar import WEEKDAY_NAMES

#: Words after "in", "on" that name a day, not a place ("killed in Saturday's fighting", "in May").
_DAY_WORDS = frozenset(MONTHS) | {f"{day}{end}" for day in WEEKDAY_NAMES for end in ("", "'s", "’s")}

#: A name set off by a comma before a country: "a church in Foutouri, Burkina Faso".
_NAME_AND_COMMA = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*,\s+$")


def apposed_countries(text: str, named: Sequence[PlaceMention], start: int) -> list[str]:
    """Rule apposed-country: the countries among ``named`` (a sentence's place mentions; the
    sentence starts at ``start``) written right after a place name and a comma ("Foutouri, Burkina
    Faso"): where that place is, whether or not the gazetteer knows it."""
    return [
        p.place.country_code
        for p in named
        if p.place is not None
        and p.place.kind == "country"
        and p.role in ("event", "other")
        and _NAME_AND_COMMA.search(text[max(start, p.start - 40) : p.start])
    ]


#: The smallest town outside a story's focus country that can place one of its events.
_ABROAD_MIN_POPULATION = 100_000
#: Place kinds that can locate an event. ACLED codes no country-level events.
_LOCAL_KINDS = frozenset({"city", "district", "admin3", "admin2", "other"})
#: Between two place names, the words that make them two places of one report ("Douma and Harasta").
#: Also "13 raids on Raqqa city and 11 on Tabqa", "in Douma and in Harasta": "and" repeating the
#: preposition (with the first place's count) lists a second place; ", in X" alone contains.
_COORDINATED = re.compile(
    r"^\s*(?:(?:city|town|village)\s+)?(?:(?:,\s*(?:and\s+)?|and\s+|&\s+)"
    r"|,?\s*and\s+(?:\d+\s+)?(?:in|on|at)\s+)(?:the\s+)?(?:towns?\s+of\s+|villages?\s+of\s+)?$"
)

#: Rule (listed-places): a list that goes on past a coordinator longer than "and": "seized Kidal, the
#: capital of Kidal Region, as well as Ansongo"; "shelling Sumy and other locations in Sumy Oblast, in
#: particular Nedryhailiv". Each place listed is a place of the event (ACLED: one event per place).
#: Not "in Aleppo, including the Salaheddin neighbourhood" (no "other towns": a part of the first place).
_LISTED = re.compile(
    r"^(?:,\s*the\s+(?:capital|seat|(?:administrative\s+)?cent(?:re|er))\s+of\s+[^,.;]{1,40})?"
    r"(?:,?\s*as\s+well\s+as\s+"
    r"|\s+and\s+(?:several\s+|many\s+|some\s+)?other\s+(?:towns|villages|cities|locations|places|areas"
    r"|settlements|communities|localities)\b[^.;]{0,40}?,\s*(?:in\s+particular|including|notably|such\s+as"
    r"|namely|especially)\s+)"
    r"(?:the\s+)?(?:(?:towns?|villages?|cities|city)\s+of\s+)?$",
    re.IGNORECASE,
)

#: "took control of the town": the trigger's object is a settlement told before, not named here.
_ANAPHORIC_OBJECT = re.compile(
    r"^\s+(?:the|this|that)\s+(?:whole\s+|entire\s+)?(?:town|city|village|district|neighbou?rhood)\b"
    r"(?!\s+of\b)",
    re.IGNORECASE,
)


def names_told_place(text: str, trigger_end: int, named: list[PlaceMention]) -> bool:
    """Rule: "ISIL took control of the town as al-Nusra retreated towards Deir ez-Zor province": a
    capture of "the town" is of the town the paragraph or story is about; places named only after it
    (where the losers went) do not locate it. True when the trigger's object is such a reference and
    every place the sentence names comes after the trigger."""
    return bool(_ANAPHORIC_OBJECT.match(text[trigger_end : trigger_end + 40])) and all(
        p.start > trigger_end for p in named
    )


#: "X, located just southeast of Y", "X, 45 km east of Y", "X, which is 10km northeast of Y": the
#: words before Y that tell where X lies (the window ends at Y).
_REFERENCE_BEFORE = re.compile(
    r"(?:,\s*(?:(?:which|that)\s+(?:is|lies)\s+|(?:located|situated|lying)\s+)?"
    r"|\s+(?:(?:is\s+)?(?:located|situated)|lies|lying)\s+)"
    r"(?:(?:just|about|some|roughly|around|approximately|nearly|only)\s+)*"
    r"(?:(?P<count>\d+(?:[.,]\d+)?)\s*(?P<unit>km|kilomet(?:er|re)s?|mi|miles)\s+)?"
    rf"{COMPASS}\s+of\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$",
    re.IGNORECASE,
)
#: "a base at Kulychka near Lebedyn": the words between two names when the second tells where the first is.
_REFERENCE_NEAR = re.compile(r"^,?\s+(?:just\s+)?near\s+(?:the\s+(?:city|town|village)\s+of\s+)?$")
#: How far before a name the words of ``_REFERENCE_BEFORE`` are read.
_REFERENCE_REACH = 60
#: How far from its reference point a place so described may lie (km) when the text gives no
#: distance; with one, half as much again as it says. Farther, the place found is a namesake of the
#: one meant, and the reference point stays the best guess.
_REFERENCE_KM = 50.0
_MILE_KM = 1.609


def _reach_km(words: re.Match[str] | None) -> float:
    """How far from the reference point the place its ``words`` describe may lie."""
    if words is None or words["count"] is None:
        return _REFERENCE_KM
    count = float(words["count"].replace(",", "."))
    return 1.5 * count * (_MILE_KM if words["unit"].startswith("mi") else 1.0) + 10.0


def reference_points(places: Sequence[PlaceMention], text: str) -> list[PlaceMention]:
    """Rule (reference-point): a town named only to tell where another place of the sentence lies
    ("began to shell Sievierodonetsk, located just southeast of Rubizhne", "captured Bobryk, just
    south of Romny", "a base at Kulychka near Lebedyn") is a reference point, not where the event
    happened: the mentions of ``places`` so named right after a local place named before them.
    Not "villages south of Bakhmut" (no place before it) nor "in Kharkiv and villages north of Izium"
    (a second place of the event, not an apposition); nor when the place found lies farther from
    the reference point than the text says (``_reach_km``): it is then a namesake of the place meant."""
    ordered = sorted(places, key=lambda p: p.start)
    references = []
    for index, mention in enumerate(ordered):
        before = [
            q
            for q in ordered[:index]
            if q.place is not None
            and q.place.kind in _LOCAL_KINDS
            and q.end <= mention.start
            and q.place != mention.place
        ]
        if not before:
            continue
        described, reference = before[-1].place, mention.place
        assert described is not None and reference is not None
        window = text[max(before[-1].end, mention.start - _REFERENCE_REACH) : mention.start]
        words = _REFERENCE_BEFORE.search(window)
        named = words is not None or _REFERENCE_NEAR.match(text[before[-1].end : mention.start])
        if named and distance_km(described, reference) <= _reach_km(words):
            references.append(mention)
    return references


#: Between a facility's namesake town and the place it lies in: "the Saky airbase in the city of
#: Novofedorivka", "Kherson International Airport at Chornobaivka".
_FACILITY_IN = re.compile(
    r"^\s+(?:international\s+)?(?:airport|airfield|air\s*base|air\s+field|military\s+base|naval\s+base"
    r"|base|port)\s+(?:in|at|near)\s+(?:the\s+)?(?:(?:city|town|village|settlement)\s+of\s+)?$",
    re.IGNORECASE,
)


def facility_namesakes(places: Sequence[PlaceMention], text: str) -> list[PlaceMention]:
    """Rule (facility-in-place): a town named only as the name of a facility said to lie in another
    place ("explosions at the Saky airbase in the city of Novofedorivka") does not place the event:
    the place it lies in does. The mentions of ``places`` so named, when the two lie within
    ``_REFERENCE_KM`` of each other (farther, one is a namesake and nothing is dropped)."""
    ordered = sorted(places, key=lambda p: p.start)
    namesakes = []
    for mention, after in pairwise(ordered):
        if mention.place is None or after.place is None or after.place.kind not in _LOCAL_KINDS:
            continue
        if _FACILITY_IN.match(text[mention.end : after.start]) and (
            distance_km(mention.place, after.place) <= _REFERENCE_KM
        ):
            namesakes.append(mention)
    return namesakes


def event_places(
    places: list[PlaceMention], focus: str | None, agreement: bool = False, text: str | None = None
) -> list[PlaceMention]:
    """The places a sentence locates its event at: local event places, else its regions (which
    ``coordinated`` keeps when the text lists them: "over Kharkiv, Poltava and Dnipropetrovsk oblasts").
    Given the sentence's ``text``, the reference points it names (:func:`reference_points`) are none.

    Rule: a place in no country (a continent: "a base in Africa") places no event (ACLED codes
    events in countries).
    Rule: in a story about one country, a town abroad must be a large one (``_ABROAD_MIN_POPULATION``)
    to place an event: small foreign namesakes are the gazetteer's noise ("Statte", "Oleh").
    Rule: an ``agreement`` signed or agreed in a place of the story's country happened there ("signed a
    ceasefire in Maarat al-Numan"); the venue of talks abroad (Geneva, Astana) never locates one."""
    usable = [
        p
        for p in places
        if p.place is not None
        and p.place.country_code  # a continent or an ocean is in no country: it places no event
        and (
            p.role in ("event", "other")
            or (agreement and p.role == "venue" and focus is not None and p.place.country_code == focus)
        )
        and (
            focus is None
            or p.place.country_code == focus
            or p.place.kind != "city"
            or p.place.population >= _ABROAD_MIN_POPULATION
        )
    ]
    if text is not None:
        references = reference_points(usable, text) + facility_namesakes(usable, text)
        usable = [p for p in usable if p not in references]
    local = [p for p in usable if p.place is not None and p.place.kind in _LOCAL_KINDS]
    # Rule dateline-no-event-place: a town in capitals opening a wire report ("YANGON, Jan 14 (AP) -")
    # is where the reporter filed from; it places the event only when the sentence names no other place
    written = [p for p in usable if not _in_capitals(p)]
    if len(written) < len(usable) and any(p.role == "event" for p in written):
        usable, local = written, [p for p in local if not _in_capitals(p)]
    if text is not None:
        local = listed_places(local, text)
    chosen = [p for p in local if p.role == "event"] or local
    if not chosen:  # Rule: regions only when no town is named; listed ones are each a place
        regions = [p for p in usable if p.place is not None and p.place.kind == "admin1"]
        chosen = [p for p in regions if p.role == "event"] or regions
    unique: list[PlaceMention] = []
    for p in chosen:
        if all(p.place != u.place for u in unique):
            unique.append(p)
    return unique


def _in_capitals(mention: PlaceMention) -> bool:
    """A place name written in capitals ("YANGON"), as datelines write them; not an acronym."""
    return len(mention.text) > 3 and mention.text.isupper()


def listed_places(local: list[PlaceMention], text: str) -> list[PlaceMention]:
    """Rule (listed-places, ``_LISTED``): places listed after an event place ("seized Kidal ... as
    well as Ansongo and Bourem") are event places too, whatever role their own words gave them."""
    out: list[PlaceMention] = []
    listing = False
    for mention in sorted(local, key=lambda p: p.start):
        if mention.role != "event" and out and out[-1].role == "event":
            gap = text[out[-1].end : mention.start]
            listing = bool(_LISTED.match(gap) or (listing and _COORDINATED.match(gap)))
            if listing:
                mention = replace(mention, role="event")
        else:
            listing = False
        out.append(mention)
    return out


def coordinated(places: list[PlaceMention], text: str) -> list[PlaceMention]:
    """Rule: several places are several events only when the text lists them ("Douma and Harasta";
    rule listed-places: "Kidal ... as well as Ansongo", "Sumy and other towns, including Lebedyn");
    otherwise the first, most specific one is the place ("Bab al-Nayrab in southern Aleppo")."""
    kept = places[:1]
    for mention in places[1:]:
        gap = text[kept[-1].end : mention.start]
        if _COORDINATED.match(gap) or _LISTED.match(gap):
            kept.append(mention)
        else:
            break
    return kept


def local_focus(doc: Doc) -> str | None:
    """The story's focus country, when the article names a town or region of it. Rule: a focus read
    from country names alone ("US-led coalition aircraft struck Kobani") says nothing about which
    towns are the gazetteer's foreign noise, so it filters none."""
    focus = doc.focus_country
    local = any(
        p.place is not None and p.place.kind != "country" and p.place.country_code == focus
        for p in doc.places
    )
    return focus if local else None


#: "in Qoryoley", "near Nyal (Unity)": a capitalised name after a place preposition.
_NAMED_AFTER = re.compile(
    r"\b(?:in|near|at|outside|around|of)\s+((?:[A-Z][\w'’-]+)(?:[ -][A-Z][\w'’-]+){0,2})"
)


def unplaced_mention(
    text: str,
    start: int,
    end: int,
    country: Place,
    actors: Sequence[ActorMention],
) -> PlaceMention:
    """Rule (place-unknown): an event whose place the gazetteer does not know is coded to its country
    at geo_precision 3 rather than lost; its location evidence is the unknown name after "in",
    "near" or "at" when the sentence has one, else the first actor that tied it to the country."""
    named = [
        m
        for m in _NAMED_AFTER.finditer(text, start, end)
        if not any(a.start <= m.start(1) < a.end for a in actors)
        and m[1].split()[0].lower() not in _DAY_WORDS
    ]
    if named:
        span = named[0].span(1)
    elif actors:
        span = (actors[0].start, actors[0].end)
    else:
        span = (start, min(end, start + 1))
    return PlaceMention(span[0], span[1], text[span[0] : span[1]], (country,), role="event")


#: A place named as where something happened: "near Hadrut", "in the village of Qirmizi Bazar",
#: "on the neighbourhood of Tareeq al-Bab" (the name is group 1).
#: A capitalised name of up to three words, each perhaps opening with an Arabic article ("Tell
#: ad-Daman", "Deir al-Adas"): the name the place rules below read.
_NAME = (
    r"((?:(?:al|el|ad|ar|as|ash|at|az|an)-)?[A-Z][\w'’-]+(?:[ -](?:(?:al|el|ad|ar|as|ash|at|az|an)-)?"
    r"[A-Z][\w'’-]+){0,2})"
)
_EVENT_PLACE_NAMED = re.compile(
    r"\b(?:in|near|at|outside|around|into|on)\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+)?(?:village|town|city|neighbou?rhood|district|area|locality)\s+of\s+)?" + _NAME
)


def names_unknown_place(
    text: str,
    start: int,
    end: int,
    places: Sequence[PlaceMention],
    actors: Sequence[ActorMention],
    focus: str | None,
) -> bool:
    """Whether sentence ``[start, end)`` names where its event happened with a name the gazetteer
    does not know ("heavy clashes occurred near Hadrut"): a capitalised name after "in", "near",
    "at"... that no actor holds, that is no date or ordinary word, and that no place mention
    holds but a small town abroad the story's places cannot be (``event_places``' rule)."""

    def known(at: int) -> bool:
        return any(
            p.start <= at < p.end
            and (
                p.place is None
                or focus is None
                or p.place.country_code == focus
                or p.place.kind != "city"
                or p.place.population >= _ABROAD_MIN_POPULATION
            )
            for p in places
        )

    for m in _EVENT_PLACE_NAMED.finditer(text, start, end):
        at = m.start(1)
        if any(a.start <= at < a.end for a in actors) or known(at):
            continue
        if m[1].split()[0].lower() not in _DAY_WORDS and may_be_place(m[1]):
            return True
    return False


#: Between an unknown name and the known place that holds it: "near Qacar in Fuzuli".
_HELD_IN = re.compile(r"^,?\s+in\s+(?:the\s+)?$")
#: How far before the known place the unknown name is looked for.
_HELD_REACH = 80


def stands_in(
    text: str,
    mention: PlaceMention,
    places: Sequence[PlaceMention],
    actors: Sequence[ActorMention],
    focus: str | None,
) -> bool:
    """Rule (held-unknown-place): "heavy clashes took place near Qacar in Fuzuli", "in the village
    of Tokhar in Manbij": the event place named is one the gazetteer lacks (``names_unknown_place``),
    and the known ``mention`` right after it ("in X") only holds it: X stands in for it, placed
    approximately (codebook: a village missing from the gazetteer placed at its district, 2)."""
    for m in _EVENT_PLACE_NAMED.finditer(text, max(0, mention.start - _HELD_REACH), mention.start):
        if _HELD_IN.match(text[m.end(1) : mention.start]):
            return names_unknown_place(text, m.start(), m.end(), places, actors, focus)
    return _held_in_brackets(text, mention, places, actors)


#: A capitalised name right before the bracket that opens with the known place: "Robotyne (Polohy,
#: Zaporizhia)", "Anefis (Tarkint, Gao)", a coder's "village (district, province)".
_BRACKETED_AFTER = re.compile(_NAME + r"\s*\((?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*,\s*)?$")


def _held_in_brackets(
    text: str, mention: PlaceMention, places: Sequence[PlaceMention], actors: Sequence[ActorMention]
) -> bool:
    """Rule (held-unknown-place): "liberated Robotyne (Polohy, Zaporizhia)", "around Anefis (Tarkint,
    Gao)": the known ``mention`` opens (or follows one unknown name in) the brackets after a name the
    gazetteer lacks, the way a coder writes a village's district and province: it stands in for it."""
    found = _BRACKETED_AFTER.search(text, max(0, mention.start - _HELD_REACH), mention.start)
    if found is None:
        return False
    name_at = found.start(1)
    # the name and the words just before it ("Place du 13 Mai", "D-Chowk"), hyphens split
    words = re.split(r"[\s-]+", text[max(0, name_at - _SQUARE_REACH) : found.end(1)].strip())
    held = any(p.start <= name_at < p.end for p in places) or any(a.start <= name_at < a.end for a in actors)
    # a street, a square or a facility of the place is in it ("Kaplan Street (Tel Aviv)", "Place du
    # 13 Mai (Antananarivo)", "D-Chowk (Islamabad)"): the place itself, exactly
    in_it = any(w in STREETS or w in FACILITIES or w in _SQUARES for w in words)
    return not (held or in_it) and found[1].split()[0].lower() not in _DAY_WORDS and may_be_place(found[1])


#: How far before an unknown name a street or square word is looked for ("Place du 13 Mai").
_SQUARE_REACH = 12
#: Words of a town's open spaces (beside geo's streets and facilities).
_SQUARES = frozenset({"Square", "Chowk", "Maidan", "Plaza", "Piazza", "Midan", "Meydani", "Market", "Bazaar"})


def approximately(mention: PlaceMention) -> PlaceMention:
    """Rule (place-stands-in): ``mention`` standing in for a place the gazetteer lacks locates an
    event only approximately: geo_precision 2 at a town, 3 at a province (never 1, which claims the
    named place itself was found)."""
    return replace(mention, near=True)

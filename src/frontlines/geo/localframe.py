"""Rules that read a resolved name against the article's local frame: the places its *other* names
resolved to (toponym resolution, after scoring). Each rule has an id, examples and a trace
(``Item.rules``); ``RULES`` lists them for ``--explain`` and the tests.

- ``country-namesake-town``: a name that is both a country and a town ("Jordan", "Lebanon",
  "Turkey", "Malta") is the country unless the article says otherwise. It names the town when the
  article's other names lie around that town (a place within ``LOCAL_KM``, or a county that holds
  it) and nothing else in the article points at the country (no other place in it, no demonym):
  "Jordan" with Shakopee and Scott County is Jordan, Minnesota; "Turkey" with Hall County, Texas is
  Turkey, Texas. A mention must read as a town's ("in Jordan", "a Lebanon man", "Lebanon Police",
  a dateline): "voters in Sidney, Ohio said Russia was a threat" is about the country, and
  "Russia" with Moscow stays the country wherever an Ohio village of that name lies.
- ``lone-namesake-abroad``: a small town (under ``LONE_MAX_POPULATION``) in a country other than
  the article's focus, never named with locative context (no "in", "near", "fled to", "talks in"),
  and more than ``LONE_MIN_KM`` from every other town or county the article names, is no toponym:
  such matches are surnames, brands and words that a hamlet abroad happens to bear ("Ismaili",
  "Titan", "Holroyd" in an Ohio story). An article that names no other town keeps it.
- ``lone-namesake-at-home``: the same for a small town (under ``LONE_HOME_MAX_POPULATION``) of the
  focus country itself when no mention has any locative cue at all: no locative role, no unit word,
  no holder, no own body or people, no "in", "from", "of", "downtown" before it. Such matches are
  surnames, brands and words ("Corbin died Dec. 6", "Santa Claus", "Drexel", "Grants") that a hamlet
  of the same country happens to bear; a village the story names "in", "near" or "from" stays.
- ``lone-name-in-organisation``: a small town (under ``NAMED_ORG_MAX_POPULATION``), in any country,
  that the article names only inside organisations' names ("Lipscomb University", "the Cascade Motel",
  "Concordia College students"), never as its own body ("Grand Ledge Police") or its people, and
  that lies more than ``LONE_MIN_KM`` from every other town or county the article names, is no
  toponym: the organisation is named after a person, a word or a place elsewhere, not after a
  hamlet far from the story.
- ``name-run-abroad``: a name written as the first word of a longer capitalised name the gazetteer
  lacks ("Mir Ali", "Bar Elias": the matcher takes the longest name it knows) is that word's
  namesake only when the article points at its country otherwise (another of its places there, or
  its people named); else it is no toponym ("Mir", Belarus; "Bar", Montenegro).
- ``story-region`` (scored in ``ranking``, voted in ``focus``): the first-level unit the article's
  other resolved places agree on, in whatever country (London with Sarnia and Brampton: Ontario),
  adds ``focus.STORY_REGION_BONUS`` to a name's candidates inside it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from frontlines.geo import scoring
from frontlines.geo.context import DIRECTIONS
from frontlines.geo.items import Item
from frontlines.geo.namerun import NAME_WORD_AFTER, NOT_NAME_WORDS
from frontlines.geo.names import fold, is_common_word
from frontlines.geo.nonplaces import LOCAL_BODY_AFTER, resident_evidence
from frontlines.geo.wordlists import OFFICES, ORGANISATION_WORDS
from frontlines.model import Place


@dataclass(frozen=True, slots=True)
class FrameRule:
    """One local-frame rule: its id, what it says and texts it applies to."""

    id: str
    summary: str
    examples: tuple[str, ...]


RULES: tuple[FrameRule, ...] = (
    FrameRule(
        "country-namesake-town",
        "A country's name is the town of that name when the article's other places lie around the "
        "town and nothing else in the article is in the country.",
        (
            "Police in Jordan and Shakopee searched the Minnesota River.",
            "The festival returns to Turkey; call Hall County officials.",
        ),
    ),
)
RULES += (
    FrameRule(
        "lone-namesake-abroad",
        "A small town abroad, never named with locative context and far from every other town the "
        "article names, is no toponym.",
        ("Police in Akron said Titan Operating filed for a permit.",),
    ),
)
RULES += (
    FrameRule(
        "lone-namesake-at-home",
        "A small town of the article's own country, named with no locative cue at all and far from "
        "every other town the article names, is no toponym.",
        ("The Akron and Kent teams will face Claflin on Friday.",),
    ),
)
RULES += (
    FrameRule(
        "lone-name-in-organisation",
        "A small town named only inside organisations' names, never as its own body or its people, "
        "and far from every other town the article names, is no toponym.",
        ("Police in Akron said a Dalton University student was hurt near Kent.",),
    ),
)
RULES += (
    FrameRule(
        "name-run-abroad",
        "The first word of a longer capitalised name the gazetteer lacks is no toponym when nothing "
        "else in the article points at its namesake's country.",
        (
            "Residents of Mir Ali said a drone dropped an explosive on a house.",
            "Residents of a village near Bar Elias beat refugees, the Lebanese army said.",
        ),
    ),
)
RULES += (
    FrameRule(
        "story-region",
        "A name's candidates inside the first-level unit (state, province, oblast, governorate) that "
        "the article's other resolved places share rank first, in any country, where the focus "
        "country's own region does not already frame the name (``focus.story_regions``).",
        (
            "The Knights lost in Erie. London coach Dale Hunter, Sarnia and Brampton players ...",
            "Police in Monterrey and Apodaca found the bodies; Juárez police and Mexico City officials ...",
        ),
    ),
)
RULE_IDS = frozenset(rule.id for rule in RULES)

#: Rule country-namesake-town: another name of the article resolved this close to the town (km)
#: places the story around it.
LOCAL_KM = 60.0
#: A street address right before the name: "1301 Lafayette Ave., Lebanon", "508 Cumberland St., Lebanon".
_ADDRESS_BEFORE = re.compile(r"\b(?:St|Ave|Rd|Blvd|Dr|Ln|Street|Avenue|Road|Drive|Lane)\.?,\s*$")
#: Kinds a country's namesake may be to stand for the name (a town or a neighbourhood).
_TOWN_KINDS = frozenset({"city", "district"})


def country_namesake_towns(
    items: Sequence[Item], text: str, datelines: Collection[tuple[int, int]] = ()
) -> None:
    """Rule country-namesake-town (see the module docstring): the town's score is raised above the
    country's at every mention of the name. ``datelines`` are the spans of the text's datelines."""
    best = {id(i): i.candidates[_best(i)] for i in items if i.candidates and i.scores}
    by_name: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        if item.span.source != "demonym" and id(item) in best:
            by_name[fold(item.span.query)].append(item)
    for key, mentions in by_name.items():
        country = best[id(mentions[0])]
        if country.kind != "country" or not any(_located(i, text, datelines) for i in mentions):
            continue
        others = [i for i in items if id(i) in best and fold(i.span.query) != key]
        if any(_points_at(i, best[id(i)], country.country_code) for i in others):
            continue
        towns = [
            p
            for p in mentions[0].candidates
            if p.kind in _TOWN_KINDS and p.country_code != country.country_code and fold(p.name) == key
        ]
        anchored = [t for t in towns if any(_around(best[id(o)], t) for o in others)]
        if not anchored:
            continue
        town = max(anchored, key=lambda t: t.population)
        for item in mentions:
            k = next(k for k, p in enumerate(item.candidates) if p.place_id == town.place_id)
            item.scores[k] = max(item.scores) + 1.0
            item.rules.append("country-namesake-town")


#: Rule lone-namesake-abroad: the largest town that may be dropped, and how far it must lie from every
#: other town or county of the article (km).
LONE_MAX_POPULATION = 5_000
LONE_MIN_KM = 300.0
#: Roles that say a name is where something is or goes.
_LOCATIVE_ROLES = frozenset({"event", "destination", "venue"})
#: Kinds of the article's places a lone namesake is measured against.
_LOCAL_KINDS = frozenset({"city", "district", "admin2"})


#: Rule lone-namesake-at-home: a word before the name that places something there ("from Cowley",
#: "downtown Rock Hill", "the town where she worked, Wairoa,").
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|from|to|of|outside|into|downtown|town|city|village|county|where\s.{0,25}),?\s+$",
    re.IGNORECASE,
)
#: Rule lone-namesake-at-home: the largest town of the focus country that may be dropped.
LONE_HOME_MAX_POPULATION = 10_000
#: Rule lone-name-in-organisation: the largest town that may be dropped (a town this large is known
#: well enough to name a college or a hospital far from it: "Mount Pleasant Fire Department").
NAMED_ORG_MAX_POPULATION = 20_000


def lone_namesakes_abroad(items: Sequence[Item], focus: str | None, text: str = "") -> list[Item]:
    """Rules lone-namesake-abroad, lone-namesake-at-home and lone-name-in-organisation (see the module
    docstring): the items kept. ``text`` (the cleaned text the items index) lets the last two rules
    read the words around a name; without it only the first runs."""
    best = {id(i): i.candidates[_best(i)] for i in items if i.candidates and i.scores}
    by_name: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        if item.span.source != "demonym" and id(item) in best:
            by_name[fold(item.span.query)].append(item)
    dropped: set[str] = set()
    for key, mentions in by_name.items():
        place = best[id(mentions[0])]
        if place.kind not in _TOWN_KINDS:
            continue
        abroad = (
            focus is not None
            and place.country_code != focus
            and place.population < LONE_MAX_POPULATION
            and not any(m.ctx.role in _LOCATIVE_ROLES or m.ctx.near for m in mentions)
        )
        at_home = text and _lone_at_home(mentions, place, focus, text)
        if not abroad and not at_home and not (text and _only_in_names(mentions, place, text)):
            continue
        others = [best[id(m)] for k, ms in by_name.items() if k != key for m in ms[:1]]
        others = [o for o in others if o.kind in _LOCAL_KINDS]
        if others and all(scoring.distance_km(place, o) > LONE_MIN_KM for o in others):
            dropped.add(key)
    return [i for i in items if i.span.source == "demonym" or fold(i.span.query) not in dropped]


def _lone_at_home(mentions: Sequence[Item], place: Place, focus: str | None, text: str) -> bool:
    """Rule lone-namesake-at-home: a small town of the focus country every mention of which is
    without locative context, a unit word, its own body or its people."""
    return (
        place.country_code == focus
        and place.population < LONE_HOME_MAX_POPULATION
        and all(
            m.ctx.role == "other"
            and not m.ctx.near
            and m.ctx.unit is None
            and m.container is None
            and LOCAL_BODY_AFTER.match(text, m.span.end) is None
            and not resident_evidence(text, m.span.end)
            and _LOCATIVE_BEFORE.search(text, max(0, m.span.start - 20), m.span.start) is None
            for m in mentions
        )
    )


def _only_in_names(mentions: Sequence[Item], place: Place, text: str) -> bool:
    """Rule lone-name-in-organisation: a small town every mention of which is inside an organisation's
    name that is not its own body ("Lipscomb University", not "Grand Ledge Police") or its people."""
    return place.population < NAMED_ORG_MAX_POPULATION and all(
        m.ctx.role == "organisation_base"
        and not m.ctx.near
        and LOCAL_BODY_AFTER.match(text, m.span.end) is None
        and not resident_evidence(text, m.span.end)
        for m in mentions
    )


def _located(item: Item, text: str, datelines: Collection[tuple[int, int]]) -> bool:
    """Whether a mention reads as a town's: where something is ("in Jordan"), its people ("a Lebanon
    man"), its own body or a local institution ("Lebanon Police", "Jordan Elementary School"), a
    street address ("1301 Lafayette Ave., Lebanon") or a dateline ("LEBANON (AP) -")."""
    span = item.span
    return (
        item.ctx.role in ("event", "organisation_base")
        or _ADDRESS_BEFORE.search(text, max(0, span.start - 12), span.start) is not None
        or item.ctx.near
        or resident_evidence(text, span.end)
        or LOCAL_BODY_AFTER.match(text, span.end) is not None
        or (span.start, span.end) in datelines
    )


def _points_at(item: Item, place: Place, country: str) -> bool:
    """Whether a name points at ``country``: a demonym of it, or a place resolved inside it."""
    if item.span.source == "demonym":
        return any(p.country_code == country for p in item.candidates)
    return place.country_code == country


def _around(place: Place, town: Place) -> bool:
    """Whether ``place`` lies around ``town``: a county holding it, or a point within ``LOCAL_KM``."""
    if place.kind == "admin2":
        return scoring.contains(place, town)
    return place.kind in _TOWN_KINDS and scoring.distance_km(place, town) <= LOCAL_KM


def _best(item: Item) -> int:
    return max(range(len(item.scores)), key=item.scores.__getitem__)


#: Adjectives that open an institution's name after a place ("Aleppo International Airport").
_INSTITUTION_ADJECTIVES = frozenset(
    {"International", "National", "Regional", "Central", "Municipal", "General", "Public", "Community"}
)
#: Words after a name that make it no longer name: units, facilities, dates, offices, bodies.
_NOT_RUN_WORDS = NOT_NAME_WORDS | OFFICES | ORGANISATION_WORDS | _INSTITUTION_ADJECTIVES


def name_runs_abroad(items: Sequence[Item], text: str) -> list[Item]:
    """Rule name-run-abroad (see the module docstring): the items kept."""
    best = {id(i): i.candidates[_best(i)] for i in items if i.candidates and i.scores}
    starts = {i.span.start for i in items}
    kept = []
    for item in items:
        place = best.get(id(item))
        if place is None or not _in_name_run(item, place, text, starts):
            kept.append(item)
            continue
        key = fold(item.span.query)
        others = [o for o in items if fold(o.span.query) != key and id(o) in best]
        if others and not any(_points_at(o, best[id(o)], place.country_code) for o in others):
            continue  # the article is elsewhere: "near Bar Elias ..., the Lebanese army said"
        kept.append(item)
    return kept


#: A run of capitalised words, a comma and a capitalised word: "Bani Mengao, Burkina Faso" (the
#: country told after the run stands for the place it names: rule stray-namesake, ``geo.frame``).
_APPOSED_AFTER_RUN = re.compile(r"((?:[ -][A-Z][\w'’]*)+),\s+[A-Z]")


def _in_name_run(item: Item, place: Place, text: str, starts: Collection[int]) -> bool:
    """Whether ``item`` is the first word of a longer capitalised name ("Mir Ali"), not a place with
    a unit, facility, office or organisation word after it, nor one of a list of places."""
    after = NAME_WORD_AFTER.match(text, item.span.end)
    return (
        item.span.source == "name"
        and place.kind != "country"
        and after is not None
        and after.start(1) not in starts
        and after.group(1) not in _NOT_RUN_WORDS
        and after.group(1) not in DIRECTIONS
        and not is_common_word(after.group(1))  # "Madison County Health", "Athens Regional Park"
        and LOCAL_BODY_AFTER.match(text, item.span.end) is None  # "Reading Borough officials"
        and not _apposed_after_run(text, item.span.end)  # rule stray-namesake decides
    )


def _apposed_after_run(text: str, end: int) -> bool:
    """Whether a run of name words after ``end`` is set off by a comma before another name ("Bani
    Mengao, Burkina Faso"), not a facility's name ("Aden Adde International Airport, Mogadishu")."""
    run = _APPOSED_AFTER_RUN.match(text, end)
    return run is not None and not any(w in _NOT_RUN_WORDS for w in run.group(1).replace("-", " ").split())

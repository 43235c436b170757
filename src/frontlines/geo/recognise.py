"""Toponym candidates in text: gazetteer names, abbreviations and demonyms, as spans to resolve.

Four finders, merged longest-first where they overlap:

- gazetteer names (the Aho-Corasick matcher's hits);
- abbreviations of countries and of US/Canadian/Australian states: unmistakable ones anywhere
  ("U.S.", "W.Va.", "Calif."), ambiguous ones ("Ga.", "Miss.", postal "TX") only right after
  "Town, " as AP style writes them, or, with their period, before a word in lower case ("Ill. man");
- demonyms ("Syrian", "Russians"): adjectival toponyms that geoparsing corpora count as mentions of
  the country, but that never locate an event (see ``ScoredMention.adjectival``);
- counties named without the word "County": abbreviated ("Platte Co.") or listed before a plural
  ("Clark, Preble or Warren counties", "Hitchcock and Hayes counties"), looked up as "X County"
  among second-level units. A gazetteer lists a county by its full name only: the bare stem is a
  town's name far more often;
- a US legislator's home after the party letter ("Rep. Ricky Moye, D-Raleigh", "(R-Ocilla)"): rule
  party-home, a town or a county of the United States (looked up as the name and as "X County":
  state legislators are tagged by county), a place whatever else the name may be (a surname).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, Literal, Protocol, TypeVar

import ahocorasick

from frontlines.geo.names import is_common_word
from frontlines.geo.wordlists import (
    ABBREVIATION_COUNTRIES,
    ABBREVIATIONS,
    AFTER_COMMA_ABBREVIATIONS,
    CITY_ABBREVIATIONS,
    COUNTRY_ABBREVIATIONS,
    DEMONYM_PLACES,
    OPENING_WORDS,
    STATE_NAMES,
)

#: Where a span comes from: the matcher ("name"), a run that holds a matched name and is a longer name
#: spelled otherwise ("longer", see ``variants.longer_names``), the finders below, or a capitalised
#: run looked up by its transliteration ("variant").
SpanSource = Literal["name", "longer", "abbreviation", "demonym", "variant", "county", "party"]


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of text that may name a place: ``query`` is the name to look up (the surface itself,
    a state's full name for an abbreviation, the country's name for a demonym); ``kinds`` limits the
    candidates' kinds and ``countries`` their countries (empty: no limit)."""

    start: int
    end: int
    surface: str
    query: str
    source: SpanSource = "name"
    kinds: frozenset[str] = frozenset()
    countries: tuple[str, ...] = ()


def _alternation(words: Sequence[str], not_after: str = "") -> str:
    """The words as one case-sensitive alternation, grouped by first character ("C(?:alif\\.|olo\\.)"):
    where the text has a "C" the regex engine tries only the words that start with one. The same
    matches as the plain alternation: a word that starts otherwise cannot match there, and those
    that can are tried in the same order (longest first, ties alphabetical: the pattern, and its
    cached program, is the same in every process).

    ``not_after``: a class of characters that may not come before the word. It is checked after
    the word's first character (``C(?<![\\w.].)`` there is ``(?<![\\w.])C``), so that the pattern
    opens with the first characters, which the engine skips ahead to, not with a look-behind it
    must try at every position."""
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=lambda w: (-len(w), w)):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    guard = f"(?<!{not_after}.)" if not_after else ""
    return "|".join(
        f"{re.escape(first)}{guard}(?:{'|'.join(rests)})" for first, rests in sorted(groups.items())
    )


_ANYWHERE_TABLE = {**ABBREVIATIONS, **CITY_ABBREVIATIONS}
_ANYWHERE = re.compile("(?:" + _alternation(list(_ANYWHERE_TABLE), not_after=r"[\w.]") + r")(?![\w])")
#: "Gainesville, Ga." / "Austin, TX": a capitalised word, a comma, the abbreviation.
_AFTER_COMMA = re.compile(
    rf"(?<=[A-Za-z.], )(?:{_alternation(list(AFTER_COMMA_ABBREVIATIONS))})(?![\w])(?!-)(?! [a-z]{{2,}} [a-z])"
)
#: "Ill. man", "Mass. legislators", "another Neb. jail": an ambiguous abbreviation with its period,
#: followed by a word in lower case, is a state used as an adjective (a word ending a sentence is
#: followed by a capital); never "Miss.", a title.
_WITH_PERIOD = [a for a in AFTER_COMMA_ABBREVIATIONS if a.endswith(".") and a != "Miss."]
_ATTRIBUTIVE = re.compile("(?:" + _alternation(_WITH_PERIOD, not_after=r"[\w.-]") + ")(?= [a-z]{2,})")
#: A sentence in capitals ("US TROOPS LEAVE"): "US" there is the pronoun as often as the country.
_LOWER = re.compile(r"[a-z]")
_COUNTRY_KINDS = frozenset({"country"})
_STATE_KINDS = frozenset({"admin1"})
_CITY_KINDS = frozenset({"city"})
#: What a demonym can stand for: a country, a region or city ("Texan", "Londoner"), a continent or
#: a region without a code ("European", "South Ossetian").
_DEMONYM_KINDS = frozenset({"country", "admin1", "city", "other"})


def abbreviation_spans(text: str) -> list[Span]:
    """State and country abbreviations in ``text`` (see the module docstring for where they count)."""
    spans: list[Span] = []
    for m in _ANYWHERE.finditer(text):
        surface = m.group()
        if (
            surface.isalpha()
            and surface.isupper()
            and not _LOWER.search(text[max(0, m.start() - 40) : m.end() + 40])
        ):
            continue  # "US" inside text in capitals
        spans.append(_abbreviation(m.start(), m.end(), surface, _ANYWHERE_TABLE[surface]))
    for m in itertools.chain(_AFTER_COMMA.finditer(text), _ATTRIBUTIVE.finditer(text)):
        surface = m.group()
        spans.append(_abbreviation(m.start(), m.end(), surface, AFTER_COMMA_ABBREVIATIONS[surface]))
    return list({(s.start, s.end): s for s in spans}.values())


def _abbreviation(start: int, end: int, surface: str, name: str) -> Span:
    if surface in COUNTRY_ABBREVIATIONS:
        return Span(start, end, surface, name, "abbreviation", _COUNTRY_KINDS)
    kinds = _CITY_KINDS if surface in CITY_ABBREVIATIONS else _STATE_KINDS
    return Span(start, end, surface, name, "abbreviation", kinds, ABBREVIATION_COUNTRIES)


def _demonym_automaton() -> Any:
    automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    for word in DEMONYM_PLACES:
        automaton.add_word(word)
    automaton.make_automaton()
    return automaton


#: Every demonym in one Aho-Corasick automaton: one pass over the text, whatever the list's length.
_DEMONYMS = _demonym_automaton()


def demonym_spans(text: str) -> list[Span]:
    """Nationality words in ``text`` (whole words, the longest where two start together) with the
    place each refers to."""
    size = len(text)
    found = sorted(
        (last - length + 1, -length)
        for last, length in _DEMONYMS.iter(text)
        if (last - length < 0 or not _is_word_char(text[last - length]))
        and (last + 1 >= size or not _is_word_char(text[last + 1]))
    )
    spans: list[Span] = []
    reached = 0
    for start, negative in found:
        end = start - negative
        if start < reached:
            continue
        surface = text[start:end]
        spans.append(Span(start, end, surface, DEMONYM_PLACES[surface], "demonym", _DEMONYM_KINDS))
        reached = end
    return spans


def _is_word_char(char: str) -> bool:
    """What ``\\w`` matches: letters, digits and the underscore."""
    return char.isalnum() or char == "_"


_PRIORITY = {"county": -1, "party": -1, "longer": 0, "name": 0, "abbreviation": 1, "demonym": 2, "variant": 3}


def merge_spans(*groups: Sequence[Span]) -> list[Span]:
    """All spans, the longest kept where they overlap (names before abbreviations before demonyms
    on equal length), sorted by start."""
    spans = sorted(
        (s for group in groups for s in group), key=lambda s: (s.start - s.end, _PRIORITY[s.source], s.start)
    )
    taken: list[Span] = []
    occupied = bytearray(max((s.end for s in spans), default=0))  # 1 where a span was taken
    for span in spans:
        if 1 in occupied[span.start : span.end]:
            continue
        occupied[span.start : span.end] = b"\x01" * (span.end - span.start)
        taken.append(span)
    taken.sort(key=lambda s: s.start)
    return taken


#: One county name: one to three capitalised words ("Otter Tail", "St. Louis", "DeKalb").
_COUNTY_NAME = r"(?:St\. |Saint )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}"
#: "Platte Co." / "PLATTE CO." (a county abbreviated as newspapers do).
_COUNTY_ABBREVIATED = re.compile(rf"(?<![\w.])({_COUNTY_NAME}) (?:Co|CO)\.(?!\w)")
#: Rule unit-list: a list of names before the plural of an administrative unit names units of that
#: kind, not the towns of those names: "Clark, Preble or Warren counties" (second-level units, looked
#: up as "X County"), "over Kharkiv, Poltava and Dnipropetrovsk oblasts", "Idlib and Hama provinces"
#: (first-level units, looked up by the name itself). Plural -> (query template, kinds).
UNIT_PLURALS: dict[str, tuple[str, frozenset[str]]] = {
    "counties": ("{} County", frozenset({"admin2"})),
    "parishes": ("{} Parish", frozenset({"admin2"})),
    "oblasts": ("{}", frozenset({"admin1"})),
    "provinces": ("{}", frozenset({"admin1"})),
    "governorates": ("{}", frozenset({"admin1"})),
    "regions": ("{}", frozenset({"admin1"})),
    "states": ("{}", frozenset({"admin1"})),
}
_COUNTY_LIST = re.compile(
    rf"(?<![\w.])((?:{_COUNTY_NAME}(?:,? (?:and|or) |, )){{1,12}}{_COUNTY_NAME}) "
    rf"({'|'.join(UNIT_PLURALS)}|{'|'.join(p.capitalize() for p in UNIT_PLURALS)})\b"
)
#: Both spellings of each plural ("oblasts", "Oblasts": "Luhansk, Donetsk, and Kharkiv Oblasts").
_PLURAL_FORMS = tuple(form for plural in UNIT_PLURALS for form in (plural, plural.capitalize()))
_COUNTY_ITEM = re.compile(_COUNTY_NAME)
_COUNTY_KINDS = frozenset({"admin2"})
_POSSESSIVE = re.compile(r"['’]s ")


def county_spans(text: str) -> list[Span]:
    """Counties named without the word "County", and lists of units before their plural (rule
    unit-list; see the module docstring)."""
    spans: list[Span] = []
    if " Co." in text or " CO." in text:
        for m in _COUNTY_ABBREVIATED.finditer(text):
            name = _query(m.group(1))
            spans.append(Span(m.start(), m.end(), m.group(), f"{name} County", "county", _COUNTY_KINDS))
    if not any(plural in text for plural in _PLURAL_FORMS):
        return spans  # the list pattern cannot match: skip its slow scan
    for m in _COUNTY_LIST.finditer(text):
        template, kinds = UNIT_PLURALS[m.group(2).lower()]
        base = m.start(1)
        for item in _COUNTY_ITEM.finditer(m.group(1)):
            start, end = base + item.start(), base + item.end()
            start = _after_opening_word(text, start, end)
            owner = _POSSESSIVE.search(text, start, end)
            if owner is not None:
                start = owner.end()  # "China's Hunan and Hubei provinces": the list starts at Hunan
            name = text[start:end]
            spans.append(Span(start, end, name, template.format(_query(name)), "county", kinds))
    return spans


def _after_opening_word(text: str, start: int, end: int) -> int:
    """Where a county's name starts when a sentence opens with an ordinary capitalised word before it
    ("Small Hitchcock and Hayes counties" -> "Hitchcock"); names mid-sentence ("Otter Tail") stay."""
    first, _, rest = text[start:end].partition(" ")
    opens = not text[:start].strip() or text[:start].rstrip().endswith((".", "!", "?", '"', "”"))
    if rest and opens and (first in OPENING_WORDS or is_common_word(first)):
        return start + len(first) + 1
    return start


def find_spans(text: str, matches: Sequence[tuple[int, int, str]]) -> list[Span]:
    """The toponym candidates of ``text``: the matcher's ``matches`` plus abbreviations, demonyms,
    counties named without the word "County" and towns named like words before their state."""
    names = [Span(start, end, surface, _query(surface)) for start, end, surface in matches]
    return merge_spans(
        county_spans(text),
        names,
        abbreviation_spans(text),
        demonym_spans(text),
        town_state_spans(text),
        party_home_spans(text),
    )


_STATES = sorted(
    {*ABBREVIATIONS, *AFTER_COMMA_ABBREVIATIONS, *STATE_NAMES} - set(COUNTRY_ABBREVIATIONS),
    key=lambda name: (-len(name), name),
)
#: Rule town-state: "Beaver, West Virginia", "Price, Utah", "HURRICANE, W.Va.": a capitalised word
#: (or two) before a comma and a US, Canadian or Australian state or province. The state is looked
#: for first (a literal ", " the regex engine scans for quickly), then the name before it.
_STATE_AFTER_COMMA = re.compile(rf", (?:{_alternation(_STATES)})(?![\w-])")
_TOWN_BEFORE = re.compile(r"(?<![\w.'’-])([A-Z][a-z]+(?: [A-Z][a-z]+)?|[A-Z]{3,})$")
_TOWN_KINDS = frozenset({"city"})


def town_state_spans(text: str) -> list[Span]:
    """Rule town-state: towns named like an English word ("Beaver", "Price"), which the matcher
    leaves out, when the text writes their state or province right after them."""
    spans: list[Span] = []
    for state in _STATE_AFTER_COMMA.finditer(text):
        m = _TOWN_BEFORE.search(text, max(0, state.start() - 30), state.start())
        if m is None:
            continue
        surface = m.group(1)
        query = _query(surface)
        if is_common_word(query) and query not in OPENING_WORDS:
            spans.append(
                Span(m.start(1), m.end(1), surface, query, "name", _TOWN_KINDS, ABBREVIATION_COUNTRIES)
            )
    return spans


#: Rule party-home: a party letter and a hyphen after a person's name and a comma, or after "(" ...
_PARTY_HOME = re.compile(
    r"(?:(?<=[a-z.], )|(?<=\())[DRI]-((?:St\. )?[A-Z][a-z][\w'’]*(?: [A-Z][a-z][\w'’]*){0,2})"
    r"(?=[,;)]|\.(?:\s|$)| and\b)"
)
#: ... not a state ("D-Calif.", "R-Texas": the abbreviation and state finders take those).
_STATE_SET = frozenset(_STATES)
#: ... the kinds and the country a legislator's home may be.
PARTY_HOME_KINDS = frozenset({"city", "admin2"})
PARTY_HOME_COUNTRIES = ("US",)


def party_home_spans(text: str) -> list[Span]:
    """Rule party-home (see the module docstring): "D-Raleigh", "R-Elbow Lake", "(R-Ocilla)"."""
    if "D-" not in text and "R-" not in text and "I-" not in text:
        return []
    spans: list[Span] = []
    for m in _PARTY_HOME.finditer(text):
        name = m.group(1)
        if name not in _STATE_SET and name.rstrip(".") not in _STATE_SET:
            spans.append(
                Span(m.start(1), m.end(1), name, name, "party", PARTY_HOME_KINDS, PARTY_HOME_COUNTRIES)
            )
    return spans


#: A run of capitalised words, with Arabic articles between them ("Kfar Souseh", "Bab al-Nayrab").
_RUN = re.compile(
    r"(?<![\w'’-])(?:(?:al|el|ad|ar|as|ash|at|az|an)-)?[A-Z][\w'’]*"
    r"(?:(?:[ -](?:al|el|ad|ar|as|ash|at|az|an|ed|es|ez|ul))?[ -][A-Z][\w'’]*){0,3}"
)


class _Ranged(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


R = TypeVar("R", bound=_Ranged)


class SpanIndex(Generic[R]):
    """Spans (anything with ``start``/``end``) sorted once, so that the ones overlapping or inside a
    range are found by bisection: linear cost in the article, never a scan of all spans per query."""

    def __init__(self, spans: Sequence[R]) -> None:
        self.spans = sorted(spans, key=lambda s: (s.start, s.end))
        self.starts = [s.start for s in self.spans]
        #: The furthest end of the spans up to each position (spans may overlap).
        self.reach = list(itertools.accumulate((s.end for s in self.spans), max))

    def overlapping(self, start: int, end: int) -> list[R]:
        """The spans that share at least one character with ``[start, end)``, by start."""
        low = bisect_right(self.reach, start)
        high = bisect_left(self.starts, end)
        return [s for s in self.spans[low:high] if s.end > start]

    def inside(self, start: int, end: int) -> list[R]:
        """The spans that lie wholly within ``[start, end)``, by start."""
        return [s for s in self.overlapping(start, end) if start <= s.start and s.end <= end]


#: Rule possessive-run: a possessive ending a run ("Aleppo's governor", "Idlib’s hospitals") is no
#: part of the name: without it the run is the matched name itself, not a longer unknown one.
_POSSESSIVE_END = re.compile(r"['’]s?$")


@lru_cache(maxsize=4)
def _capital_runs(text: str) -> tuple[tuple[int, int, str], ...]:
    """The capitalised runs of ``text`` (the resolver asks twice per article), a final possessive
    left out (rule possessive-run)."""
    runs = []
    for m in _RUN.finditer(text):
        end = m.end() - len(p.group()) if (p := _POSSESSIVE_END.search(m.group())) else m.end()
        if end > m.start():
            runs.append((m.start(), end, text[m.start() : end]))
    return tuple(runs)


def unmatched_runs(text: str, taken: Sequence[Span] | SpanIndex[Span]) -> list[Span]:
    """Capitalised runs of ``text`` ("Kafr Sousa", "al-Shaghour") that no ``taken`` span covers whole
    (a run may hold a shorter matched name: "Sousa" in "Kafr Sousa"): names the gazetteer may spell
    another way (looked up by skeleton, see ``resolve``). One forward pass over runs and spans."""
    index = taken if isinstance(taken, SpanIndex) else SpanIndex(taken)
    spans, starts, reach = index.spans, index.starts, index.reach
    count = len(spans)
    low = high = 0
    out: list[Span] = []
    for start, end, surface in _capital_runs(text):
        while low < count and reach[low] <= start:
            low += 1  # every span up to here ends before the run
        while high < count and starts[high] < end:
            high += 1  # every span from here starts after it
        if low < high:
            inside = [s for s in spans[low:high] if s.end > start]
            if any(s.start <= start and end <= s.end for s in inside):
                continue
            if any(s.start < start or s.end > end for s in inside):
                continue  # straddles a matched name: not one name
        out.append(Span(start, end, surface, surface, "variant"))
    return out


def _query(surface: str) -> str:
    """The name to look up for a surface: words in capitals title-cased ("CHARLESTON")."""
    if surface.isupper() and len(surface) > 3:
        return re.sub(r"[A-Z][A-Z'’]+", lambda m: m.group()[0] + m.group()[1:].lower(), surface)
    return surface

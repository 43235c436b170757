"""Transliteration variants: names the text spells otherwise than the gazetteer does.

A name transliterated from Arabic, Persian or Pashto has many Latin spellings ("Kafr Sousa", "Kfar
Souseh", "Kafarsouseh"); the matcher finds only the stored ones. The resolver (its rule 6) asks
this module for the places a spelling may stand for:

- ``spelled_otherwise``: places of the article's country whose name folds like the text's, or
  shares its consonant skeleton (``names.skeleton``) and is close to it letter by letter while lying
  near one of the article's other places; a place across the border (a town of Lebanon in a Syrian
  story) when it lies that near too;
- ``longer_names``: a run of capitalised words holding a matched name ("Ras al-Ayn" holding
  "al-Ayn") that, as a whole, is a place spelled another way: the whole name, not the part;
- ``arabic_name``: whether a matched name is written with an Arabic article, its own or one the
  matcher left out ("al-Zara" matched as "Zara"): an Arabic name is not a place of a country whose
  names are not Arabic;
- ``construct_tail``: whether a matched name ends a longer Arabic name the gazetteer does not hold
  ("Harra" in "Tell al-Harra", "Sham" in "Hayat Tahrir al-Sham"): then it is no place of its own.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence

from rapidfuzz import fuzz

from frontlines.geo import scoring
from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.names import ARABIC_NAMED_COUNTRIES, TRANSLITERATED_COUNTRIES, fold, is_common_word
from frontlines.geo.persons import is_given_name
from frontlines.geo.recognise import Span, SpanIndex, unmatched_runs
from frontlines.geo.wordlists import OPENING_WORDS
from frontlines.model import Place

#: A spelling found by skeleton must be at least this similar to the text's (difflib ratio) ...
VARIANT_SIMILARITY = 0.6
#: ... and its place this close to another place of the article.
VARIANT_RADIUS_KM = 40.0
#: A longer name found by skeleton, with no other place of the article to lie near, must be at least
#: this similar to a stored spelling: "Ras al-Ein" and "Ras al-Ain" are, "Ras al-Harb" and "Ras al-Ain"
#: are not.
LONGER_SIMILARITY = 0.8
#: An Arabic article, written before a hyphen ("al-", "el-", "ash-", "ad-"...).
_ARTICLE = r"(?:[AaEe][ln]|[AaEe][dtrzsn]|[AaEe]sh|[AaEe]th|[AaEe]dh)"
#: An Arabic article glued to the word after it, right before a name.
_ARTICLE_BEFORE = re.compile(rf"(?:^|[^\w'’-]){_ARTICLE}-$")

SimilarNames = Callable[[str], Sequence[str]]


#: A name's own leading Arabic article ("al-Iskan", "Al-Zara").
_ARTICLE_LEADING = re.compile(rf"^{_ARTICLE}-")
#: The head of an Arabic construct right before a name: a capitalised word and an article ("Tell al-",
#: "Jabal al-", "Tahrir al-").
_CONSTRUCT_HEAD = re.compile(r"(?:^|(?<=[\s(]))[A-Z][\w'’]*[ -](?:[AaEe][ln]|[AaEe][dtrzsn]|[AaEe]sh)-$")
#: What ends the text before a sentence's first word.
_SENTENCE_OPENERS = (".", "!", "?", ":", '"', "“", "(", "\n")


def arabic_name(text: str, start: int, surface: str) -> bool:
    """Whether the name at ``start`` is written as an Arabic name: with an Arabic article, its own
    ("al-Iskan") or one glued to it by a hyphen ("al-Zara", "ash-Shaddadi")."""
    return bool(_ARTICLE_LEADING.match(surface) or _ARTICLE_BEFORE.search(text, max(0, start - 5), start))


#: An Arabic article inside a name ("Jesr al-Shughur", "Khan el-Sheikh").
_ARTICLE_INSIDE = re.compile(rf"[ -]{_ARTICLE}-[A-Za-z]")
#: An Arabic article and a capitalised word right after a name: the name heads a longer one ("Bab
#: al-Nayrab", "Daraa al-Balad").
_CONSTRUCT_AFTER = re.compile(rf"[ -]{_ARTICLE}-[A-Z]")


def construct_head(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` heads an Arabic construct ("Bab al-Nayrab", "Daraa
    al-Balad"): the part alone is a place only where places bear Arabic names (Daraa, not Báb in
    Slovakia)."""
    return _CONSTRUCT_AFTER.match(text, end) is not None


def construct_tail(text: str, start: int) -> bool:
    """Whether the name at ``start`` ends an Arabic construct the gazetteer does not hold as a whole:
    a capitalised word that does not open the sentence, an article, then the name ("the hill of Tell
    al-Harra", "Hayat Tahrir al-Sham", "Jabal al-Zawiya"), or a word joined to it by hyphens
    ("Deir-ez-Zor"). Such a name is part of another name (a hill, a mountain, a group, a town
    written with hyphens), not the town the part alone would name."""
    head = _CONSTRUCT_HEAD.search(text, max(0, start - 40), start)
    if head is None:
        return False
    if "-" in head.group().split()[0][1:-1] or head.group().count("-") > 1:
        return True  # "Deir-ez-Zor": hyphens join the words of one name, even opening a sentence
    if head.group().split()[0] not in OPENING_WORDS:
        return True  # "Tell al-Harra was taken": a name's head, wherever it stands
    i = head.start()  # "In al-Raqqa" opening a sentence is a preposition and a name
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i > 0 and text[i - 1] not in _SENTENCE_OPENERS


def arabic_named(places: Sequence[Place]) -> list[Place]:
    """The places that may bear an Arabic name (``ARABIC_NAMED_COUNTRIES``)."""
    return [p for p in places if p.country_code in ARABIC_NAMED_COUNTRIES]


#: ``VARIANT_RADIUS_KM`` as degrees of latitude: two points further apart in latitude alone are
#: further apart than the radius (a cheap test before the great-circle distance).
_RADIUS_DEGREES = math.degrees(VARIANT_RADIUS_KM / scoring.EARTH_RADIUS_KM)


class Anchors:
    """The article's places that a respelled name may lie near: the focus country's towns of every
    name but the one looked up, sorted by latitude so that those within ``VARIANT_RADIUS_KM`` of a
    point are found by bisection (linear in the article, not names x places)."""

    def __init__(self, towns_by_name: Mapping[str, Iterable[Place]] | None = None) -> None:
        self._latitudes: list[float] = []
        self._rows: list[tuple[str, Place]] = []
        self._seen: set[tuple[str, str]] = set()
        self._names: set[str] = set()
        for name, places in (towns_by_name or {}).items():
            for place in places:
                self.add(name, place)

    def add(self, name: str, place: Place) -> None:
        """Count ``place`` as a town of the name ``name`` (folded); each pair once."""
        if (name, place.place_id) in self._seen:
            return
        self._seen.add((name, place.place_id))
        self._names.add(name)
        i = bisect_right(self._latitudes, place.latitude)
        self._latitudes.insert(i, place.latitude)
        self._rows.insert(i, (name, place))

    def any_but(self, name: str) -> bool:
        """Whether a name other than ``name`` (folded) has a town."""
        return len(self._names - {name}) > 0

    def near(self, place: Place, name: str) -> bool:
        """Whether a town of a name other than ``name`` lies within ``VARIANT_RADIUS_KM`` of ``place``."""
        low = bisect_left(self._latitudes, place.latitude - _RADIUS_DEGREES)
        high = bisect_right(self._latitudes, place.latitude + _RADIUS_DEGREES)
        return any(
            other != name and scoring.distance_km(place, anchor) <= VARIANT_RADIUS_KM
            for other, anchor in self._rows[low:high]
        )


def spelled_otherwise(
    query: str, gazetteer: Gazetteer, similar: SimilarNames, country: str, anchors: Anchors | Sequence[Place]
) -> list[Place]:
    """Places ``query`` may stand for in an article about ``country``: those of ``country`` whose
    name folds like it (another spelling of the same letters: "Marea" and "Mareaa"), and those of
    any transliterated country whose spelling shares its skeleton and is close to it letter by
    letter (``VARIANT_SIMILARITY``) or folds like it, lying within ``VARIANT_RADIUS_KM`` of one of
    the article's other places (``anchors``, or a plain list of them): a skeleton alone matches too
    many names to trust."""
    key = fold(query)
    if not isinstance(anchors, Anchors):
        anchors = Anchors({"": anchors})
        key = key or " "  # the plain list's places all count
    found: dict[str, Place] = {p.place_id: p for p in gazetteer.lookup(query, country)}
    if anchors.any_but(key):
        nearby = [*_variant_places(query, gazetteer, similar), *arabic_named(gazetteer.lookup(query))]
        for place in nearby:
            if place.place_id not in found and anchors.near(place, key):
                found[place.place_id] = place
    elif not found:
        found = {p.place_id: p for p in lone_variant(query, gazetteer, similar, country)}
    return list(found.values())


def lone_variant(query: str, gazetteer: Gazetteer, similar: SimilarNames, country: str | None) -> list[Place]:
    """Rule lone-variant: with no other place in the article to lie near, a name's only close
    spelling among the transliterated countries' places ("Jesr al-Shughur": Jisr ash Shughur) is that
    place, when it lies in ``country`` (any country: None); two or more close spellings are too many
    to choose from ("Kafriya": Kufra, Kafr Ra'i, Kafri)."""
    variants = _variant_places(query, gazetteer, similar)
    if len(variants) == 1 and country in (None, variants[0].country_code):
        return list(variants)
    return []


#: Variant spellings found per (gazetteer, query, similarity): the same names recur across a corpus.
_VARIANTS: dict[tuple[str, str, float], tuple[Place, ...]] = {}
_VARIANTS_MAX = 50_000


def _variant_places(
    query: str, gazetteer: Gazetteer, similar: SimilarNames, similarity: float = VARIANT_SIMILARITY
) -> tuple[Place, ...]:
    """Places of the transliterated countries spelled close to ``query`` (same skeleton, at least
    ``similarity`` alike once folded)."""
    cache_key = (str(getattr(gazetteer, "path", id(gazetteer))), query, similarity)
    cached = _VARIANTS.get(cache_key)
    if cached is not None:
        return cached
    key = fold(query).replace(" ", "")
    names = [
        name for name in similar(query) if fuzz.ratio(key, fold(name).replace(" ", "")) >= similarity * 100
    ]
    prefetch = getattr(gazetteer, "prefetch", None)
    if prefetch is not None:
        prefetch(names)
    found: dict[str, Place] = {}
    for name in names:
        for place in gazetteer.lookup(name):
            if place.country_code in TRANSLITERATED_COUNTRIES:
                found.setdefault(place.place_id, place)
    if len(_VARIANTS) >= _VARIANTS_MAX:
        _VARIANTS.clear()
    _VARIANTS[cache_key] = tuple(found.values())
    return _VARIANTS[cache_key]


def longer_names(
    text: str, spans: Sequence[Span], gazetteer: Gazetteer, similar: SimilarNames | None
) -> list[Span]:
    """Runs of capitalised words that hold a shorter matched name and are themselves a place's name
    spelled another way: folding alike ("Ras al-Ayn" and "Ra's al `Ayn") or, for the transliterated
    countries, sharing the skeleton of a stored spelling and ``LONGER_SIMILARITY`` alike. Each is a
    name span (the longer name wins where spans overlap, see ``recognise.merge_spans``)."""
    out: list[Span] = []
    index = SpanIndex(spans)
    for run in unmatched_runs(text, index):
        inside = index.inside(run.start, run.end)
        key = fold(run.query)
        if not any(s.source == "name" for s in inside) or any(fold(s.query) == key for s in inside):
            continue  # nothing matched inside, or only its article is left out ("al-Raqqa")
        if not _more_words(run, inside):
            continue
        found = bool(gazetteer.lookup(run.query))
        if not found and similar is not None:
            found = bool(_variant_places(run.query, gazetteer, similar, LONGER_SIMILARITY))
        if found:
            out.append(Span(run.start, run.end, run.surface, run.query, "longer"))
    return out


#: What separates the words of a name: spaces and hyphens ("Deir-ez-Zor" is three words).
_WORDS = re.compile(r"[\s-]+")


def _more_words(run: Span, inside: Sequence[Span]) -> bool:
    """Whether a run is a longer name than the names inside it: more words ("Ras al-Ayn" holding
    "al-Ayn", not "Russia's" holding "Russia"), none of them an English word ("In Asia", "State
    Road") and the first no given name ("Salah Amin", "Mohamed Abdi": a person)."""
    words = _WORDS.split(run.surface)
    if len(words) <= max(len(_WORDS.split(s.surface)) for s in inside):
        return False
    taken = _WORDS.split(" ".join(s.surface for s in inside))
    extra = [w for w in words if w not in taken]
    if any(is_common_word(w) for w in extra):
        return False
    return not is_given_name(words[0])


def longer_candidates(span: Span, gazetteer: Gazetteer, similar: SimilarNames | None) -> list[Place]:
    """The places a ``longer_names`` span stands for: those whose name folds like it, else those
    found by skeleton."""
    found = gazetteer.lookup(span.query)
    if found or similar is None:
        return found
    return list(_variant_places(span.query, gazetteer, similar, LONGER_SIMILARITY))


def lone_variant_country(
    text: str,
    spans: Sequence[Span],
    gazetteer: Gazetteer,
    similar: SimilarNames,
    may_be_arabic_named: Callable[[str], bool] | None,
) -> str | None:
    """Rule lone-variant, in an article no known place frames: the country of the only close
    spelling of one of its unknown capitalised names written as an Arabic name, with an article
    ("Jesr al-Shughur" -> Syria), where rule 6 then looks for the article's names. A name without
    one ("Hadrut", "Diabaly") may be of any language: its lone close spelling is no evidence."""
    for run in unmatched_runs(text, spans):
        written = arabic_name(text, run.start, run.surface) or _ARTICLE_INSIDE.search(run.surface)
        if written and (may_be_arabic_named is None or may_be_arabic_named(run.query)):
            found = lone_variant(run.query, gazetteer, similar, None)
            if found:
                return found[0].country_code
    return None

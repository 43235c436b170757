"""Which of an article's name spans may be places (rules 1 and 2 of :mod:`frontlines.geo.resolve`):
each span's context is read and the spans that are people, parts of longer names, firms or languages
here are left out; the names the article uses as a person's are collected, so that their other
mentions need locative evidence."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import partial

from frontlines.geo.context import Context, is_title_like, not_a_place, read_context
from frontlines.geo.items import Item
from frontlines.geo.namerun import generic_head, unknown_name_run
from frontlines.geo.names import fold
from frontlines.geo.nonplaces import (
    PERSON_CUES,
    PERSON_REASONS,
    demonym_language,
    demonym_surname,
    firm_name,
    full_name,
    known_place,
    known_place_in_name,
    model_year_vehicle,
    person_cue,
    water_body,
)
from frontlines.geo.persons import is_common_surname, is_given_name
from frontlines.geo.recognise import Span
from frontlines.model import Place

#: Names whose places are all smaller than this may be a person's surname ("Jones", "Scott").
PERSON_MAX_POPULATION = 200_000
#: Rule person-outweighs-city: a name the article uses as a person's ("Jeff Hamilton ... Hamilton will
#: appear", "Palma said") needs locative evidence unless one of its places is a country, a first-level
#: unit or a city at least this large ("Tom Houston" leaves Houston a city). Measured (eval geoparse,
#: LGL / TR-News F1): 200,000 0.899 / 0.927; 1,000,000 0.900 / 0.928, no toponym lost.
PERSON_PROMINENT_POPULATION = 1_000_000
#: How far around a match the context patterns look (characters, inside the sentence).
WINDOW = 80


def _sentence_of(
    sentences: Sequence[tuple[int, int]], starts: Sequence[int], start: int, size: int
) -> tuple[int, int, int]:
    """The sentence holding offset ``start`` (index, start, end) by bisection over the sentences'
    ``starts`` (sorted, as the splitter gives them); (-1, 0, size) when none holds it."""
    i = bisect_right(starts, start) - 1
    if i >= 0 and start < sentences[i][1]:
        return i, sentences[i][0], sentences[i][1]
    return -1, 0, size


def recognise_items(text: str, sentences: Sequence[tuple[int, int]], spans: Sequence[Span],
               lookup: Callable[[Span], list[Place]]) -> tuple[list[Item], set[str]]:  # fmt: skip
    """Rule 1: the spans that may be places, with their context and candidates (``lookup``); and the
    folded names the article uses as a person's name or a vehicle's make."""
    ends = {s.end for s in spans}
    starts = {s.start for s in spans}
    by_edge = {s.start: s for s in spans} | {s.end - 1: s for s in spans}
    items: list[Item] = []
    persons: set[str] = set()
    title_cache: dict[int, bool] = {}
    after_given: set[int] = set()  # starts of surnames written after a given name (rule full-name)
    vehicles: set[str] = set()  # makes written after a model year (rule model-year-vehicle)
    sentence_starts = [s_start for s_start, _ in sentences]
    for span in spans:
        candidates = lookup(span) if span.source == "variant" else None
        if candidates == []:
            continue  # a run no spelling of which is a place: no need to read its context
        start, end = span.start, span.end
        index, s_start, s_end = _sentence_of(sentences, sentence_starts, start, len(text))
        left = text[max(s_start, start - WINDOW) : start]
        right = text[end : min(s_end, end + WINDOW)]
        if index not in title_cache:
            title_cache[index] = is_title_like(text[s_start:s_end])
        organisation = False
        if span.source == "demonym" and demonym_surname(left, text, end, span.surface):
            continue  # "Thomas Finn", "French said": a person
        if span.source == "demonym" and demonym_language(left, text, end):
            continue  # "she speaks French", "English language learners": a language
        if span.source in ("name", "longer", "variant"):
            # "a 1992 Toyota Corolla ... The Toyota failed to yield": a make, whatever follows it
            reason = model_year_vehicle(left, right) if span.source == "name" else None
            if reason is not None:
                vehicles.add(fold(span.query))
            reason = (
                reason
                or unknown_name_run(text, start, end, left)
                or generic_head(text, start, end, left)
                or _water(text, start, end, span, lookup)
                or not_a_place(
                    span.query,
                    left,
                    right,
                    before=text[max(0, start - WINDOW) : start],
                    sentence_initial=not text[s_start:start].strip(" \"'“‘(-—\n\t"),
                    title_like=title_cache[index],
                    prev_is_place=(start - 1) in ends,
                    next_is_place=(end + 1) in starts,
                )
            )
            if reason is None and span.source == "name":
                reason = firm_name(
                    text, start, end, partial(_known_at, span=span, by_edge=by_edge, lookup=lookup)
                )
            if reason is None and span.source == "name":
                reason = full_name(left, span.query)  # "Bryan Harman": a surname in this article
                if reason is not None:
                    after_given.add(start)
                elif (cue := person_cue(left, text, end)) and small_places(candidates := lookup(span)):
                    reason = cue  # "Underwood said", "Flores, 26,": a person here
            if (
                reason == "name-part"
                and known_place_in_name(text, start, end)
                and known_place(span.query, candidates := lookup(span))
            ):
                reason = "organisation"  # "Environment Canada", "CBC Toronto": rule known-place-in-name
            if reason in PERSON_REASONS or (reason == "name-part" and _person_like(span.query)):
                persons.add(fold(span.query))
            if reason == "organisation":
                organisation = True
            elif reason is not None and reason not in PERSON_CUES:
                continue  # a cue ("Marion said") only makes the name need evidence elsewhere
        if candidates is None:
            candidates = lookup(span)
        if not candidates:
            continue
        ctx = read_context(left, right)
        if organisation and ctx.role != "organisation_base":
            ctx = Context("organisation_base", ctx.near, ctx.unit)
        items.append(Item(span, ctx, candidates, index))
    prominent = {fold(i.span.query) for i in items if _prominent(i.candidates)}
    persons = (persons - prominent) | vehicles  # a make needs evidence however large its namesake
    # "Bryan" in "Bryan Harman" is the given name of the surname after it, not the town of Bryan.
    items = [i for i in items if not (i.span.end + 1 in after_given and _person_like(i.span.query))]
    return items, persons


def _water(text: str, start: int, end: int, span: Span, lookup: Callable[[Span], list[Place]]) -> str | None:
    """Rule water-body, unless the gazetteer lists the sea itself (a region of ``geo.regions``: "the
    Black Sea", not the Red Sea State that "the Red Sea" would otherwise name)."""
    reason = water_body(text, start, end, span.surface)
    if reason and any(p.place_id.startswith("region:") for p in lookup(span)):
        return None
    return reason


def _known_at(at: int, span: Span, by_edge: dict[int, Span], lookup: Callable[[Span], list[Place]]) -> bool:
    """Rule firm-name: whether ``span`` or the name that starts or ends at offset ``at`` may be a
    country, a first-level unit or a large city ("Trinidad & Tobago", "Bosnia & Herzegovina")."""
    other = by_edge.get(at)
    return not small_places(lookup(span)) or (other is not None and not small_places(lookup(other)))


def _prominent(candidates: Sequence[Place]) -> bool:
    """Rule person-outweighs-city: a country, a first-level unit or a city of at least
    ``PERSON_PROMINENT_POPULATION`` among the candidates: a place whatever person bears its name."""
    return any(
        p.kind in ("country", "admin1") or p.population >= PERSON_PROMINENT_POPULATION for p in candidates
    )


def small_places(candidates: Sequence[Place]) -> bool:
    """No country, first-level unit or city of ``PERSON_MAX_POPULATION`` among the candidates: the
    name may be a person's."""
    return not any(
        p.kind in ("country", "admin1") or p.population >= PERSON_MAX_POPULATION for p in candidates
    )


def _person_like(name: str) -> bool:
    """A name that may be part of a person's name ("Jones" in "Tom Jones"): one word that is a common
    given name or surname. "Spartanburg" in "Upstate Spartanburg" is part of some other name, which
    says nothing about its other mentions."""
    return " " not in name and (is_common_surname(name) or is_given_name(name))

"""Toponym resolution: which candidate spans are places here, in which role, and which place each is.

Rules (ACLED "Where": code the named place; the article's country frames every name in it):
1. Drop spans that are not places in context (``context.not_a_place``): person names, parts of longer
   proper names, lone compass words, words that are never toponyms. A place inside an organisation's
   name ("the Aleppo Media Center") stays, in the role ``organisation_base``.
2. A name that is also an English word ("Reading", "Of", "Mobile") needs locative context
   (in/at/near..., "X province", "-based") at this or another occurrence in the same article; a name
   the article also uses as a person's name ("Tom Jones ... Jones said") needs it too.
3. The focus country is the one with the largest vote of effectively unambiguous mentions (one
   candidate clearly more prominent than any rival abroad); roles weight the vote, ``hint_country``
   wins ties and stands alone when nothing votes. The focus region (first-level unit: a US state, a
   Syrian governorate) is voted the same way inside the focus country ("Indiana" votes for the
   state, its Pennsylvanian namesake town notwithstanding), then again once names are resolved,
   each voting for its chosen place's region as firmly as it was chosen, so that places with
   namesakes in many states ("Boone County", "Hamilton") frame each other. A region needs more
   than one state's mention when others are voted for. A dateline's place ("AMMAN,
   June 8 (Reuters) -") does not vote: it says where the report was filed, not where its story is.
   When a name's candidates are scored, the focus is the one the article's *other* names vote for: a
   name repeated ten times does not confirm its own most prominent reading.
   Rule story-region (``focus.story_regions``): once names are resolved, the first-level unit the
   article's other distinct places agree on, in any country, frames a name the focus region does not
   ("London" with Sarnia and Brampton in a story filed from Erie: London, Ontario).
4. Candidates are scored (``scoring``): prominence, focus, the unit the text names, containment the
   text states, and nearness to the article's other places; one name keeps one sense per article.
5. Demonyms ("Syrian") are resolved to their country but marked ``adjectival``: geoparsing corpora
   count them as toponyms; the places stage leaves them out, so they never locate an event.
6. Transliteration variants: in an article about a country whose names are transliterated, a name
   spelled otherwise than the gazetteer spells it is looked up by its consonant skeleton among that
   country's places ("Kfar Souseh" -> "Kafar Soussa").
7. A name between "the" and a facility noun ("the Salem mosque", "the Castello road") names a
   building or a street of the story's country: only its candidates there are kept ("a Beirut
   hospital" is still a hospital in Beirut).
8. Local frame (``localframe``, after scoring): a country's name is the town of that name when the
   article's other places lie around it (country-namesake-town); a small town abroad named without
   locative context, far from the article's other towns, is no toponym (lone-namesake-abroad).
9. Units named like their town (``units``, after scoring): "Idlib province" is the province, a bare
   "Idlib" the town, whatever the article's other mentions of the name (region-named, capital-named).
10. Group-home: a named armed group that fights in one country ("CODECO", "Clan del Golfo"; not a
   state's forces, a foreign force or a group active in many countries) votes for it in rule 3, as
   much as one place name (the places stage only: ``geoparse`` reads no actors).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import partial

from frontlines.geo import scoring
from frontlines.geo.context import Context
from frontlines.geo.focus import (
    admin1_votes,
    article_votes,
    focus_country,
    regions_by_name,
    story_regions,
)
from frontlines.geo.frame import (
    parts_of_cities,
    stray_namesakes,
    town_centres,
    unknown_within,
)
from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.items import Item
from frontlines.geo.localframe import country_namesake_towns, lone_namesakes_abroad, name_runs_abroad
from frontlines.geo.matcher import PlaceMatcher, dateline_spans
from frontlines.geo.namerun import parenthesised_admin
from frontlines.geo.names import TRANSLITERATED_COUNTRIES, fold, is_common_word
from frontlines.geo.nonplaces import (
    LOCAL_BODY_AFTER,
    group_name_parts,
    modifier_countries,
    owner_no_evidence,
    relation_no_evidence,
    resident_evidence,
)
from frontlines.geo.persons import is_common_surname, is_given_name
from frontlines.geo.placehood import recognise_items, small_places
from frontlines.geo.ranking import REGION_KINDS, ScoringMemo, score_items
from frontlines.geo.recognise import Span, find_spans, merge_spans, unmatched_runs
from frontlines.geo.units import capital_named, city_affixed, region_named
from frontlines.geo.variants import (
    Anchors,
    SimilarNames,
    arabic_name,
    arabic_named,
    construct_head,
    construct_tail,
    lone_variant_country,
    longer_candidates,
    longer_names,
    spelled_otherwise,
)
from frontlines.model import Doc, Place, PlaceMention

#: How much a named group's one country of conflict votes for the article's country (rule group-home):
#: as much as one place name (0.25, 0.5, 1.0 and 2.0 measured on eval corpus country: 0.840, 0.841,
#: 0.842, 0.844, the sealed split unchanged; 1.0 chosen so a group never outweighs two places).
GROUP_VOTE = 1.0
#: What separates the items of a list of places.
#: A bare space is no list ("in Los Angeles Trapani produced": rule no-bare-space-list, ``geo.nonplaces``).
_COORDINATION = re.compile(
    r"(?:\s+(?:province|governorate|city|countryside))?(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
)
#: Between a place and the place that contains it: "X, Y", "X in Y", "the X district of Y".
_INSIDE = re.compile(
    # "Khar (Bajaur, Khyber Pakhtunkhwa)", "Bokkos LGA (Plateau)": a coder's place and its units
    r"^(?:(?:\s+(?:LGA|district|township|county|municipality|commune|department|region|province|state"
    r"|governorate|oblast|raion|village|town|city|area|camp))?\s*\(\s*|,\s*|\s+(?:(?:district|neighbou?rhood|quarter|suburb|area|camp|town|village|city|county|parish)\s+)?"
    r"(?:of|in|near|outside)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north|south|east|west)"
    r"\s+)?(?:(?:old\s+)?(?:city|town|capital|province|governorate|state)\s+of\s+)?)$",
    re.IGNORECASE,
)
#: After "X, Y": the list goes on ("Homs, Idlib and Daraa"), so Y is the next item, not X's region.
_LIST_GOES_ON = re.compile(r",?\s+(?:and|or)\s|,\s*[A-Z]")
#: Words after a name that make it the name of a building or a street (rule 7).
_FACILITY_AFTER = re.compile(
    r"\s+(?:mosque|church|cathedral|hospital|clinic|school|university|bakery|market|road|street|highway"
    r"|square|bridge|prison|stadium)s?\b",
    re.IGNORECASE,
)
#: ... after "the": "the Salem mosque" is a mosque's name; "a Beirut hospital" is a hospital in Beirut.
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
#: Kinds of the article's places near which a name spelled otherwise may be found (rule 6).
_ANCHOR_KINDS = frozenset({"city", "district", "admin2", "admin3"})


@dataclass(frozen=True, slots=True)
class ScoredMention:
    """A resolved mention, its confidence (0-1) and whether it is a demonym (never an event place)."""

    mention: PlaceMention
    score: float
    adjectival: bool = False


def _candidates(span: Span, gazetteer: Gazetteer) -> list[Place]:
    found = gazetteer.lookup(span.query)
    if span.countries:
        found = [p for p in found if p.country_code in span.countries]
    if span.kinds:
        kept = [p for p in found if p.kind in span.kinds]
        if span.source == "demonym":  # the country or region, else the town ("Londoner")
            regions = [p for p in kept if p.kind != "city"]
            kept = regions or [p for p in kept if fold(p.name) == fold(span.query)][:1]
        found = kept
    return found


def _likely_country(items: Sequence[Item]) -> str | None:
    """Without a focus: the country of the most prominent candidate of the first name that no other
    name contains ("Hamidiyeh in Homs" -> Homs -> Syria)."""
    for item in items:
        if item.span.source != "demonym" and item.container is None and item.candidates:
            return max(item.candidates, key=scoring.prominence).country_code
    return None


def _with_variants(
    text: str,
    sentences: Sequence[tuple[int, int]],
    spans: Sequence[Span],
    items: list[Item],
    gazetteer: Gazetteer,
    similar: SimilarNames,
    focus: str,
    may_be_arabic_named: Callable[[str], bool] | None = None,
) -> list[Item]:
    """Rule 6: transliteration variants. A name also gets the focus country's places spelled
    otherwise ("Jobar" -> "Jowbar"), marked ``respelled`` (they rank below a place that bears the
    text's very spelling, ``scoring.RESPELLED_PENALTY``); capitalised words the matcher did not find
    become places when a spelling of them is a place of the focus country (or one across its
    border near the article's places) and the words around them say it is a place ("in Kfar
    Souseh", "the Qaboun district")."""

    anchors = Anchors()  # the focus country's towns named in the article: a name's anchors are the others'

    def anchor(item: Item, places: Iterable[Place]) -> None:
        if item.span.source != "demonym":
            for p in places:
                if p.country_code == focus and p.kind in _ANCHOR_KINDS:
                    anchors.add(fold(item.span.query), p)

    for item in items:
        anchor(item, item.candidates)

    found: dict[str, list[Place]] = {}

    def variants(query: str) -> list[Place]:
        """One search per name and article: a story repeats its place names."""
        if query not in found:
            if may_be_arabic_named is not None and not may_be_arabic_named(query):
                found[query] = []  # no name or spelling of an Arabic-named country: nothing to find
            else:
                found[query] = spelled_otherwise(query, gazetteer, similar, focus, anchors)
        return found[query]

    for item in items:
        if item.span.source == "name":
            extra = variants(item.span.query)
            known = {p.place_id for p in item.candidates}
            added_places = [p for p in extra if p.place_id not in known]
            item.candidates = item.candidates + added_places
            item.respelled |= {p.place_id for p in added_places}
            anchor(item, added_places)  # a respelled place anchors the names after it
    runs = unmatched_runs(text, spans)
    added, _ = recognise_items(
        text,
        sentences,
        runs,
        lambda span: variants(span.query),
    )
    if not added:
        return items
    for item in added:  # spelled as the text spells it, or only alike
        alike = {p.place_id for p in gazetteer.lookup(item.span.query)}
        item.respelled = {p.place_id for p in item.candidates if p.place_id not in alike}
    # A run found by skeleton replaces the shorter names matched inside it ("Sousa" in "Kafr Sousa").
    covered = [(a.span.start, a.span.end) for a in added]
    items = [i for i in items if not any(s <= i.span.start and i.span.end <= e for s, e in covered)]
    merged = sorted(items + added, key=lambda item: item.span.start)
    _link(merged, text)
    # A capitalised word known only by its skeleton needs locative context (or a list it is part of).
    return [
        i
        for i in merged
        if i.span.source != "variant" or i.ctx.role != "other" or i.ctx.near or i.ctx.unit or i.container
    ]


def _inside_their_region(items: list[Item], focus: str | None) -> list[Item]:
    """Rule 7: a town the text places inside a region of the focus country ("the al-Harra area of
    Daraa province") whose candidates all lie abroad names a place the gazetteer does not know: the
    region stands for it. Only administrative units count: a named area without an admin code
    ("Eastern Ghouta") says nothing a point can be checked against."""
    for item in items:
        holder = item.container
        if holder is None or not holder.scores or not item.candidates:
            continue
        region = holder.candidates[max(range(len(holder.scores)), key=holder.scores.__getitem__)]
        if (
            region.country_code == focus
            and (region.kind == "country" or (region.kind in REGION_KINDS and region.admin1))
            and all(p.country_code != focus and p.kind in ("city", "district") for p in item.candidates)
        ):
            item.candidates, item.scores, item.respelled = [region], [0.0], set()
    return items


def _named_facilities(items: list[Item], text: str, focus: str | None) -> list[Item]:
    """Rule 7: a name between "the" and a facility noun names that facility ("the Salem mosque in
    Ariha", "the Castello road"), which stands in the story's country: a namesake town abroad is not what
    it means. Such a name keeps only its scored candidates in the focus country, and is no place
    when it has none there."""
    if focus is None:
        return items
    kept: list[Item] = []
    for item in items:
        if (
            item.span.source == "name"
            and _FACILITY_AFTER.match(text, item.span.end)
            and _THE_BEFORE.search(text, max(0, item.span.start - 5), item.span.start)
        ):
            inside = [k for k, p in enumerate(item.candidates) if p.country_code == focus]
            if not inside:
                continue
            item.candidates = [item.candidates[k] for k in inside]
            item.scores = [item.scores[k] for k in inside]
        kept.append(item)
    return kept


def _link(items: list[Item], text: str) -> None:
    """Lists share the role of their first item; "X, Y" / "X in Y" make Y the container of X."""
    for i in range(1, len(items)):
        prev, cur = items[i - 1], items[i]
        between = text[prev.span.end : cur.span.start]
        if cur.ctx.role == "other" and _COORDINATION.fullmatch(between):
            cur.ctx = Context(prev.ctx.role, cur.ctx.near, cur.ctx.unit)
        listed = between.strip() == "," and _LIST_GOES_ON.match(text, cur.span.end)
        if (
            cur.span.source != "demonym"
            and prev.span.source != "demonym"
            and _INSIDE.match(between)
            and not listed
            and cur.ctx.role != "speaker"  # "in northern Syria, Ankara says": a new clause
            and not all(p.kind == "country" for p in prev.candidates)  # nothing named holds a country
            # "in Russia, U.S. officials said": a country's name is no town of another country
            and not (_all_countries(cur) and any(p.kind == "country" for p in prev.candidates))
        ):
            prev.container = cur
            if between.strip() == "," and cur.ctx.unit is None:
                cur.ctx = Context(cur.ctx.role, cur.ctx.near, "region")  # "Buffalo, New York"


def _in_stated_region(item: Item) -> bool:
    """The text names a first-level unit right after the name that holds one of its towns ("Reading,
    Pa.", "Beaver, West Virginia"): locative evidence for a name that is also a word (rule 2)."""
    holder = item.container
    return (
        holder is not None
        and holder.span.start - item.span.end <= 2
        and any(
            h.kind == "admin1" and any(scoring.contains(h, p) for p in item.candidates)
            for h in holder.candidates
        )
    )


def _all_countries(item: Item) -> bool:
    return bool(item.candidates) and all(p.kind == "country" for p in item.candidates)


def _filter(items: list[Item], persons: set[str], text: str) -> list[Item]:
    """Rule 2: common words, names used for persons in the article and common surnames that only small
    places bear need locative evidence in the article."""
    # An organisation's name is evidence of a place only when it is the place's own body ("Reading
    # Borough officials"): "the Syrian Observatory for Human Rights" says nothing of a town Human.
    located = {
        fold(i.span.query)
        for i in items
        if (
            (i.ctx.role not in ("other", "speaker") or i.ctx.near)
            and not (i.ctx.role == "organisation_base" and not LOCAL_BODY_AFTER.match(text, i.span.end))
            and not (
                i.ctx.role == "event"
                and not i.ctx.near
                and (owner_no_evidence(text, i.span.end) or relation_no_evidence(text, i.span.start))
            )
        )
        or resident_evidence(text, i.span.end)  # "Gainesville residents", "a Winona man"
        or _in_stated_region(i)  # "Reading, Pa.", "HURRICANE, W.Va. -"
        or parenthesised_admin(i, items, text)  # "Leer county (Unity)"
    }
    kept = []
    for item in items:
        key = fold(item.span.query)
        small = small_places(item.candidates)
        surname = small and (is_common_surname(item.span.query) or is_given_name(item.span.query))
        needs_evidence = item.span.source == "name" and (
            is_common_word(item.span.query) or key in persons or surname
        )
        if not needs_evidence or key in located:
            kept.append(item)
    return kept


def resolve_doc(
    doc: Doc,
    gazetteer: Gazetteer,
    matcher: PlaceMatcher,
    groups: Sequence[tuple[int, int, str | None]] = (),
    homes: Sequence[str] = (),
) -> tuple[list[ScoredMention], str | None]:
    """Recognise and resolve the places of a cleaned, sentence-split and dated doc: the matcher's
    names outside the doc's dates and outside the names of ``groups`` (spans of named groups'
    mentions with their home country: rule group-name), with ``Article.extra["country"]`` (ISO2),
    when present, as the hint that wins focus-country ties. The places stage and ``geoparse`` both
    call this."""
    hint = doc.article.extra.get("country")
    hint_country = hint.upper() if isinstance(hint, str) and len(hint) == 2 else None
    text = doc.text
    matches = matcher.find(text, doc.date_spans())
    if groups:
        parts = group_name_parts(matches, groups, lambda name, home: bool(gazetteer.lookup(name, home)))
        matches = [m for m in matches if m not in parts]
    return resolve_scored(
        text,
        doc.sentences,
        matches,
        gazetteer,
        hint_country,
        similar=matcher.similar,
        may_be_arabic_named=matcher.may_be_arabic_named,
        homes=homes,
    )


def resolve_places(
    text: str,
    sentences: Sequence[tuple[int, int]],
    matches: Sequence[tuple[int, int, str]],
    gazetteer: Gazetteer,
    hint_country: str | None = None,
    *,
    similar: SimilarNames | None = None,
) -> tuple[list[PlaceMention], str | None]:
    """Resolve matched names in cleaned ``text`` to places.

    Takes the sentence spans, the matcher's (start, end, surface) triples and a gazetteer; returns the
    place mentions (candidates best first; non-places and demonyms dropped) and the article's focus
    country (ISO2).
    """
    scored, focus = resolve_scored(text, sentences, matches, gazetteer, hint_country, similar=similar)
    return [s.mention for s in scored if not s.adjectival], focus


def resolve_scored(
    text: str,
    sentences: Sequence[tuple[int, int]],
    matches: Sequence[tuple[int, int, str]],
    gazetteer: Gazetteer,
    hint_country: str | None = None,
    *,
    similar: SimilarNames | None = None,
    may_be_arabic_named: Callable[[str], bool] | None = None,
    homes: Sequence[str] = (),
) -> tuple[list[ScoredMention], str | None]:
    """Like :func:`resolve_places`, with each mention's confidence, demonyms included (marked).
    ``homes``: the countries of the named groups the article mentions (rule group-home).

    ``similar`` (``PlaceMatcher.similar``) gives stored spellings of a transliterated name; with it,
    in an article about a country whose names are transliterated (Arabic, Persian...), names the
    gazetteer spells another way are found too (rule 6); ``may_be_arabic_named``
    (``PlaceMatcher.may_be_arabic_named``) lets that search skip names no such place bears."""
    spans = find_spans(text, matches)
    spans = merge_spans(longer_names(text, spans, gazetteer, similar), spans)
    spans = city_affixed(spans, gazetteer.lookup, text)

    def lookup(span: Span) -> list[Place]:
        if span.source == "longer":
            found = longer_candidates(span, gazetteer, similar)
            return arabic_named(found) if arabic_name(text, span.start, span.surface) else found
        if span.source == "name" and construct_tail(text, span.start):
            return []  # "Harra" in "Tell al-Harra" names no town
        found = _candidates(span, gazetteer)
        if span.source == "party":  # rule party-home: a town, or a county named without "County"
            found += _candidates(replace(span, query=f"{span.query} County"), gazetteer)
        if span.source == "name" and (
            arabic_name(text, span.start, span.surface) or construct_head(text, span.end)
        ):
            return arabic_named(found)  # "al-Zara" is not Zara, Turkey; "Bab al-Nayrab" not Báb, Slovakia
        return found

    items, persons = recognise_items(text, sentences, spans, lookup)
    _link(items, text)
    items = _filter(items, persons, text)

    datelines = set(dateline_spans(text))
    votes = article_votes(items, datelines)
    for home in set(homes):
        # rule group-home: a group that fights in one country ("CODECO", "Clan del Golfo") votes for it
        votes.add(f"group:{home}", home, GROUP_VOTE, 0.0)
    focus = focus_country(votes.total, hint_country, votes.strength)
    # Rule 3 for each name: the focus the article's *other* names give, so that a name does not
    # confirm its own most prominent reading ("London" ten times, "St. Thomas" once: London, Ontario).
    others_focus = {key: focus_country(votes.without(key), hint_country, votes.strength) for key in votes.own}
    variant_country = focus or _likely_country(items)
    if variant_country is None and similar is not None:
        variant_country = lone_variant_country(text, spans, gazetteer, similar, may_be_arabic_named)
    if similar is not None and variant_country in TRANSLITERATED_COUNTRIES:
        items = _with_variants(
            text, sentences, spans, items, gazetteer, similar, variant_country, may_be_arabic_named
        )
    capital_ids = getattr(gazetteer, "capital_ids", None)
    capitals = capital_ids() if capital_ids else frozenset()
    spelled_as = getattr(gazetteer, "spelled_as", None)
    regions = regions_by_name(items, admin1_votes(items, focus))
    memo = ScoringMemo()
    score_items(items, focus, regions, capitals, others_focus, spelled_as, memo=memo)
    # Rule 3 again over the resolved names: the region the article's places turned out to share
    # (kept from the first pass where the resolved names agree on none).
    resolved = regions_by_name(items, admin1_votes(items, focus))
    resolved = {key: region or regions.get(key) for key, region in resolved.items()}
    story = story_regions(items)
    if resolved != regions or any(story.values()):
        score_items(items, focus, resolved, capitals, others_focus, spelled_as, story, memo)

    region_named(items)
    country_namesake_towns(items, text, datelines)
    items = _inside_their_region(items, focus)
    items = parts_of_cities(items, text)
    town_centres(items, text)
    items = lone_namesakes_abroad(items, focus, text)
    items = name_runs_abroad(items, text)
    items = stray_namesakes(items, focus, capitals, text, datelines)
    unknown_within(items, text)
    capital_named(items, text, getattr(gazetteer, "seat", None))
    items = _named_facilities(items, text, focus)
    out: list[ScoredMention] = []
    for item in items:
        order = sorted(range(len(item.candidates)), key=lambda k: -item.scores[k])
        ranked = tuple(item.candidates[k] for k in order)
        mention = PlaceMention(
            item.span.start, item.span.end, item.span.surface, ranked, item.ctx.role, item.ctx.near
        )
        adjectival = item.span.source == "demonym"
        if adjectival:
            mention = replace(mention, role="other", near=False)
        out.append(ScoredMention(mention, scoring.confidence(item.scores, item.candidates), adjectival))
    for span in spans:  # rule modifier-toponym: "the U.S.-led coalition", an adjectival toponym
        countries = modifier_countries(text, span.end, partial(lookup, span)) if span.source == "name" else []
        if len(countries) == 1:
            mention = PlaceMention(span.start, span.end, span.surface, tuple(countries), "other", False)
            out.append(ScoredMention(mention, 1.0, adjectival=True))
    return sorted(out, key=lambda s: s.mention.start), focus

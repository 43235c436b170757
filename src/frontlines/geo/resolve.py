"""Toponym resolution: which matched names are places here, in which role, and which place each is.

Rules (ACLED "Where": code the named place; the article's country frames every name in it):
1. Drop matches that are not places in context (``context.not_a_place``): demonyms, person names,
   organisation names, parts of longer proper names, lone compass words.
2. A name that is also an English word ("Reading", "Of", "Mobile") needs locative context
   (in/at/near..., "X province", "-based") at this or another occurrence in the same article.
3. The focus country is the one with the largest vote of effectively unambiguous mentions (all
   candidates in one country, or the top candidate ten times larger than any rival abroad); roles
   weight the vote, ``hint_country`` wins ties and stands alone when nothing votes.
4. Candidates are ordered: focus country first, then the kind the text names ("Idlib province" ->
   admin1, "Idlib city" -> city), then the gazetteer's order (exact spelling, then population).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from frontlines.geo.context import Context, is_title_like, not_a_place, read_context
from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.names import is_common_word
from frontlines.model import Place, PlaceMention

#: How much a mention in each role says about where the story is.
ROLE_WEIGHT = {"event": 1.0, "other": 1.0, "destination": 0.5, "venue": 0.5, "organisation_base": 0.0}
#: A top candidate this many times larger than every rival in another country counts as unambiguous ...
DOMINANCE_RATIO = 10
#: ... with this share of a fully unambiguous vote.
DOMINANT_WEIGHT = 0.75
#: A name in the first sentence (the lead) votes this many times.
LEAD_WEIGHT = 2.0
#: What separates the items of a list of places.
_COORDINATION = re.compile(r"(?:\s+(?:province|governorate|city|countryside))?(?:,\s*|\s+)(?:and\s+|or\s+)?")
#: How far around a match the context patterns look (characters, inside the sentence).
WINDOW = 80


def _sentence_of(sentences: Sequence[tuple[int, int]], start: int, size: int) -> tuple[int, int, int]:
    for i, (s_start, s_end) in enumerate(sentences):
        if s_start <= start < s_end:
            return i, s_start, s_end
    return -1, 0, size


def _vote(candidates: Sequence[Place]) -> tuple[str, float] | None:
    """The country an ambiguous-or-not candidate list speaks for, and how firmly (None: it does not)."""
    countries = {p.country_code for p in candidates}
    if len(countries) == 1:
        return candidates[0].country_code, 1.0
    top = max(candidates, key=lambda p: p.population)
    rivals = [p.population for p in candidates if p.country_code != top.country_code]
    if top.population >= DOMINANCE_RATIO * max(max(rivals), 1):
        return top.country_code, DOMINANT_WEIGHT
    return None


def focus_country(votes: dict[str, float], hint_country: str | None) -> str | None:
    """The country with the most weight; the hint wins ties and stands alone when nothing voted."""
    if not votes:
        return hint_country
    best = max(votes.values())
    tied = sorted(cc for cc, weight in votes.items() if weight == best)
    if hint_country in tied:
        return hint_country
    return tied[0]


def _kind_score(place: Place, unit: str | None) -> int:
    if unit == "admin1":
        return {"admin1": 2, "country": 1}.get(place.kind, 0)
    if unit == "city":
        return 2 if place.kind in {"city", "district"} else 0
    return 0


def resolve_places(
    text: str,
    sentences: Sequence[tuple[int, int]],
    matches: Sequence[tuple[int, int, str]],
    gazetteer: Gazetteer,
    hint_country: str | None = None,
) -> tuple[list[PlaceMention], str | None]:
    """Resolve matched names in cleaned ``text`` to places.

    Takes the sentence spans, the matcher's (start, end, surface) triples and a gazetteer; returns the
    place mentions (candidates best first; non-places dropped) and the article's focus country (ISO2).
    """
    ends = {end for _, end, _ in matches}
    starts = {start for start, _, _ in matches}
    kept: list[tuple[int, int, str, Context, list[Place], int]] = []
    title_cache: dict[int, bool] = {}
    for start, end, surface in matches:
        index, s_start, s_end = _sentence_of(sentences, start, len(text))
        left = text[max(s_start, start - WINDOW) : start]
        right = text[end : min(s_end, end + WINDOW)]
        if index not in title_cache:
            title_cache[index] = is_title_like(text[s_start:s_end])
        initial = not text[s_start:start].strip(" \"'“‘(-—\n\t")
        prev_place = (start - 1) in ends  # "Aleppo Idlib" style lists: the neighbour is a place too
        next_place = (end + 1) in starts
        reason = not_a_place(
            surface,
            left,
            right,
            before=text[max(0, start - WINDOW) : start],
            sentence_initial=initial,
            title_like=title_cache[index],
            prev_is_place=prev_place,
            next_is_place=next_place,
        )
        if reason is not None:
            continue
        candidates = gazetteer.lookup(surface)
        if not candidates:
            continue
        kept.append((start, end, surface, read_context(left, right), candidates, index))

    # A list ("in Homs, Idlib and Daraa", "shelled Taiz and Hodeidah") shares the role of its first item.
    for i in range(1, len(kept)):
        prev, cur = kept[i - 1], kept[i]
        if cur[3].role == "other" and _COORDINATION.fullmatch(text[prev[1] : cur[0]]):
            cur_ctx = Context(prev[3].role, cur[3].near, cur[3].unit)
            kept[i] = (cur[0], cur[1], cur[2], cur_ctx, cur[4], cur[5])

    # Rule 2: ordinary English words count only with locative evidence somewhere in the article.
    located = {surface for _, _, surface, ctx, _, _ in kept if ctx.role != "other" or ctx.near}
    kept = [k for k in kept if not is_common_word(k[2]) or k[2] in located]

    votes: dict[str, float] = defaultdict(float)
    for _, _, _, ctx, candidates, index in kept:
        vote = _vote(candidates)
        if vote is not None:
            weight = vote[1] * ROLE_WEIGHT[ctx.role] * (LEAD_WEIGHT if index == 0 else 1.0)
            if weight:
                votes[vote[0]] += weight
    focus = focus_country(votes, hint_country)

    mentions: list[PlaceMention] = []
    for start, end, surface, ctx, candidates, _ in kept:
        rank = {p.place_id: i for i, p in enumerate(candidates)}
        ordered = sorted(
            candidates,
            key=lambda p: (p.country_code != focus, -_kind_score(p, ctx.unit), rank[p.place_id]),
        )
        mentions.append(PlaceMention(start, end, surface, tuple(ordered), ctx.role, ctx.near))
    return mentions, focus

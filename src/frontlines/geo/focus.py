"""Rule 3 of toponym resolution: the country and the first-level unit (a US state, a Syrian
governorate) an article is about, voted by its effectively unambiguous names.

A name votes for a country when its candidates lie in one country or its most prominent candidate
leads every rival abroad by ``VOTE_MARGIN``; inside the focus country it votes for a first-level unit
the same way, and again, once scored, for the unit of the place it resolved to. A name never
confirms its own reading: it is scored against the focus the article's other names give.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from frontlines.geo import scoring
from frontlines.geo.items import Item
from frontlines.geo.names import fold
from frontlines.model import Place

#: A candidate this much more prominent (log10 units) than every rival abroad votes for its country.
VOTE_MARGIN = 1.0
#: A first-level unit named outright ("Louisiana", "La.") votes this many times for the focus region.
REGION_VOTE = 2.0
#: The focus region needs at least this share of the region votes.
ADMIN1_SHARE = 0.4
#: Unless no other region is voted for, the focus region needs at least this much weight: more
#: than one mention of a state.
ADMIN1_MIN_VOTE = 2.5
#: ... and always this much: one name resolved with some confidence.
ADMIN1_LEAST_VOTE = 0.75


def country_vote(candidates: Sequence[Place]) -> tuple[str, float] | None:
    """The country a candidate list speaks for, and how firmly (None: it does not)."""
    countries = {p.country_code for p in candidates}
    if len(countries) == 1:
        return candidates[0].country_code, 1.0
    top = max(candidates, key=scoring.prominence)
    rivals = [scoring.prominence(p) for p in candidates if p.country_code != top.country_code]
    if scoring.prominence(top) >= max(rivals) + VOTE_MARGIN:
        return top.country_code, 0.75
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


def region_vote(inside: Sequence[Place]) -> str | None:
    """The first-level unit a name's candidates inside the focus country speak for: the only one,
    or the one whose most prominent candidate leads every rival elsewhere by ``VOTE_MARGIN``
    ("Indiana" is the state, not the Pennsylvanian town)."""
    if not inside:
        return None
    regions = {p.admin1 for p in inside}
    if len(regions) == 1:
        return inside[0].admin1
    top = max(inside, key=scoring.prominence)
    if top.admin1 is None:
        return None
    rivals = [scoring.prominence(p) for p in inside if p.admin1 != top.admin1]
    return top.admin1 if scoring.prominence(top) >= max(rivals) + VOTE_MARGIN else None


def admin1_votes(items: Sequence[Item], country: str | None) -> dict[str, dict[str, float]]:
    """Rule 3: per name (folded), its votes for first-level units of the focus country. Before
    scoring, a name votes for the unit its candidates there speak for (``region_vote``); once
    scored, for its best candidate's unit, weighted by how clearly that candidate won."""
    votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    if country is None:
        return votes
    for item in items:
        if item.span.source == "demonym" or item.ctx.role == "organisation_base":
            continue
        if item.scores:
            best = item.candidates[max(range(len(item.scores)), key=item.scores.__getitem__)]
            if best.country_code != country or best.kind == "country" or best.admin1 is None:
                continue
            region: str | None = best.admin1
            weight = scoring.confidence(item.scores, item.candidates)
            weight *= REGION_VOTE if best.kind == "admin1" else 1.0
        else:
            inside = [p for p in item.candidates if p.country_code == country and p.kind != "country"]
            region = region_vote(inside)
            weight = REGION_VOTE if any(p.kind == "admin1" and p.admin1 == region for p in inside) else 1.0
        if region is not None:
            votes[fold(item.span.query)][region] += weight
    return votes


def focus_admin1(votes: dict[str, dict[str, float]], exclude: str | None = None) -> str | None:
    """The first-level unit with the most votes (at least ``ADMIN1_SHARE`` of them, and no tie),
    leaving out the votes of the name ``exclude`` when other names vote: a name does not confirm
    its own reading against the rest of the article ("Hagerstown" with Columbus and New Castle is
    in Indiana)."""
    total: dict[str, float] = defaultdict(float)
    others = [own for key, own in votes.items() if key != exclude]
    for own in others or votes.values():  # alone, a name frames itself ("Tripoli": North Lebanon)
        for region, weight in own.items():
            total[region] += weight
    if not total:
        return None
    ranked = sorted(total.values(), reverse=True)
    best = max(total, key=total.__getitem__)
    if len(ranked) > 1 and ranked[1] >= ranked[0]:
        return None
    if total[best] < ADMIN1_LEAST_VOTE or (total[best] < ADMIN1_MIN_VOTE and len(ranked) > 1):
        return None  # one mention of a state among others does not make the story's region
    return best if total[best] >= ADMIN1_SHARE * sum(ranked) else None


def regions_by_name(items: Sequence[Item], votes: dict[str, dict[str, float]]) -> dict[str, str | None]:
    return {key: focus_admin1(votes, key) for key in {fold(i.span.query) for i in items}}

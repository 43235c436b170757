"""Rule 3 of toponym resolution: the country and the first-level unit (a US state, a Syrian
governorate) an article is about, voted by its effectively unambiguous names.

A name votes for a country when its candidates lie in one country or its most prominent candidate
leads every rival abroad by ``VOTE_MARGIN``; inside the focus country it votes for a first-level unit
the same way, and again, once scored, for the unit of the place it resolved to. A name never
confirms its own reading: it is scored against the focus the article's other names give.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from frontlines.geo import scoring
from frontlines.geo.items import Item
from frontlines.geo.names import fold
from frontlines.model import Place

#: How much a mention in each role says about where the story is.
ROLE_WEIGHT = {
    "event": 1.0,
    "other": 1.0,
    "destination": 0.5,
    "venue": 0.5,
    "speaker": 0.25,  # "Ankara says" in a story about Syria says little about where the story is
    "organisation_base": 0.0,
}
#: A name in the first sentence (the lead) votes this many times.
LEAD_WEIGHT = 2.0
#: A nationality word ("Syrian rebels", "the Syrian army") votes this much for its country: less than
#: a name, but enough to frame an article whose only names are ambiguous ("Bosra").
DEMONYM_VOTE = 0.25
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
    """The country a candidate list speaks for, and how firmly (None: it does not). A place in no
    country (a sea, a continent, "the Caucasus") speaks for none."""
    countries = {p.country_code for p in candidates}
    if len(countries) == 1:
        return (candidates[0].country_code, 1.0) if candidates[0].country_code else None
    top = max(candidates, key=scoring.prominence)
    rivals = [scoring.prominence(p) for p in candidates if p.country_code != top.country_code]
    if top.country_code and scoring.prominence(top) >= max(rivals) + VOTE_MARGIN:
        return top.country_code, 0.75
    return None


@dataclass(slots=True)
class Votes:
    """The article's country votes: in all (``total``), per name (``own``, by folded name), and per
    country the prominence of its most prominent voter (``strength``, rule focus-tie)."""

    total: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    own: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(float)))
    strength: dict[str, float] = field(default_factory=dict)

    def add(self, key: str, country: str, weight: float, prominence: float) -> None:
        self.total[country] += weight
        self.own[key][country] += weight
        self.strength[country] = max(self.strength.get(country, 0.0), prominence)

    def without(self, key: str) -> dict[str, float]:
        """The votes of every name but ``key``."""
        own = self.own.get(key, {})
        return {cc: w - own.get(cc, 0.0) for cc, w in self.total.items() if w - own.get(cc, 0.0) > 0}


def article_votes(items: Sequence[Item], datelines: Collection[tuple[int, int]]) -> Votes:
    """Rule 3: each effectively unambiguous name votes for its country, weighted by its role
    (``ROLE_WEIGHT``) and doubled in the lead; a demonym votes ``DEMONYM_VOTE``. A place named with its
    container ("Alexandria, La.") lets the container vote; a dateline's place does not vote."""
    votes = Votes()
    for item in items:
        if item.span.source == "demonym":
            countries = {p.country_code for p in item.candidates if p.kind == "country"}
            if len(countries) == 1:
                votes.total[countries.pop()] += DEMONYM_VOTE
            continue
        if item.container is not None or (item.span.start, item.span.end) in datelines:
            continue
        vote = country_vote(item.candidates)
        if vote is None:
            continue
        weight = vote[1] * ROLE_WEIGHT[item.ctx.role] * (LEAD_WEIGHT if item.sentence == 0 else 1.0)
        if weight:
            top = max((p for p in item.candidates if p.country_code == vote[0]), key=scoring.prominence)
            votes.add(fold(item.span.query), vote[0], weight, scoring.prominence(top))
    return votes


def focus_country(
    votes: dict[str, float], hint_country: str | None, strength: dict[str, float] | None = None
) -> str | None:
    """The country with the most weight; the hint wins ties and stands alone when nothing voted.
    Rule focus-tie: other ties go to the country whose voter is the most prominent place (``strength``):
    "the State of Ohio" outweighs a stray "Village" of Saint Lucia. Rule demonym-tie: a tie that no
    place name voted in (nationality words alone: "Russian forces shelled Pokrovsk, Ukrainian
    officials said") frames no country: the story lies between the two, and an arbitrary pick (the
    first code) put Pokrovsk in Russia; the hint stands, else no focus."""
    if not votes:
        return hint_country
    best = max(votes.values())
    tied = [cc for cc, weight in votes.items() if weight == best]
    if hint_country in tied:
        return hint_country
    strength = strength or {}
    if len(tied) > 1 and not any(cc in strength for cc in tied):
        return hint_country
    return min(tied, key=lambda cc: (-strength.get(cc, 0.0), cc))


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


#: Rule story-region: the first-level unit the article's other names resolved into adds this much
#: to a name's candidates inside it, where the focus-region bonus does not already frame the name.
#: Measured (eval geoparse acc@161, LGL / TR-News): none 0.847 / 0.837; 2.0: 0.849 / 0.845; 4.0:
#: 0.848 / 0.845.
STORY_REGION_BONUS = 2.0
#: ... when the unit holds more than this share of the other names' region votes.
STORY_REGION_SHARE = 0.5


def story_region_votes(items: Sequence[Item]) -> dict[str, dict[tuple[str, str], float]]:
    """Rule story-region: per name (folded), the (country, first-level unit) of the place it resolved
    to, in any country, weighted by how clearly that place won (``REGION_VOTE`` times for a unit
    named outright). A name counts once however often it is repeated: it is the distinct places
    that frame a story ("Erie" five times is one place; Sarnia and Brampton are two)."""
    votes: dict[str, dict[tuple[str, str], float]] = defaultdict(lambda: defaultdict(float))
    for item in items:
        if item.span.source == "demonym" or item.ctx.role == "organisation_base" or not item.scores:
            continue
        best = item.candidates[max(range(len(item.scores)), key=item.scores.__getitem__)]
        if best.kind == "country" or best.admin1 is None or not best.country_code:
            continue
        weight = scoring.confidence(item.scores, item.candidates)
        weight *= REGION_VOTE if best.kind == "admin1" else 1.0
        own = votes[fold(item.span.query)]
        region = (best.country_code, best.admin1)
        own[region] = max(own[region], weight)
    return votes


def story_regions(items: Sequence[Item]) -> dict[str, tuple[str, str] | None]:
    """Rule story-region: per name (folded), the (country, first-level unit) that the article's
    *other* resolved names agree on: at least ``ADMIN1_LEAST_VOTE`` and more than
    ``STORY_REGION_SHARE`` of their region votes; None when they agree on none."""
    votes = story_region_votes(items)
    out: dict[str, tuple[str, str] | None] = {}
    for key in {fold(i.span.query) for i in items}:
        total: dict[tuple[str, str], float] = defaultdict(float)
        for other, own in votes.items():
            if other != key:
                for region, weight in own.items():
                    total[region] += weight
        best = max(total, key=lambda r: (total[r], r)) if total else None
        agreed = (
            best is not None
            and total[best] >= ADMIN1_LEAST_VOTE
            and total[best] > STORY_REGION_SHARE * sum(total.values())
        )
        out[key] = best if agreed else None
    return out

"""Rule 4 of toponym resolution: the scores of each name's candidates (``scoring`` adds them up),
shared across a name's mentions (one sense per article), with containment the text states and the
support of the article's other names in a second pass."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Container
from dataclasses import dataclass, field

from frontlines.geo import scoring
from frontlines.geo.focus import STORY_REGION_BONUS
from frontlines.geo.frame import Frame, frame_bonus, frame_country, sentence_frames
from frontlines.geo.items import Item
from frontlines.geo.names import fold
from frontlines.model import Place

#: Containers that hold anything named before them with a comma ("Alexandria, La.", "Homs, Syria").
REGION_KINDS = frozenset({"country", "admin1", "admin2"})


@dataclass(slots=True)
class ScoringMemo:
    """What the passes of :func:`score_items` over one article's names share, so that the second
    pass (the regions the resolved names share, rule story-region) computes only what it changes:
    the names' priors (rules 1-3 read no region) and the support of the same best candidates."""

    #: (name as written, source, placed in a container) -> the prior of each candidate.
    priors: dict[tuple[str, str, bool], list[float]] = field(default_factory=dict)
    #: The support (``scoring.support``) of each tuple of the names' best candidates (place ids).
    support: dict[tuple[tuple[str, ...], ...], list[list[float]]] = field(default_factory=dict)
    #: The regions the last pass read, when rule story-region gave it no bonus (else None).
    plain_regions: dict[str, str | None] | None = None


def score_items(
    items: list[Item],
    focus: str | None,
    regions: dict[str, str | None],
    capitals: Container[str] = frozenset(),
    others_focus: dict[str, str | None] | None = None,
    spelled_as: Callable[[str], frozenset[str]] | None = None,
    story: dict[str, tuple[str, str] | None] | None = None,
    memo: ScoringMemo | None = None,
) -> None:
    """Rule 4: candidate scores, with nearness to the article's confident places in a second pass.
    ``regions`` gives each name's focus region (``focus_admin1`` over the other names' votes);
    ``spelled_as`` (``SqliteGazetteer.spelled_as``) tells which candidates bear the text's very
    spelling of a name. ``memo``: what an earlier call over the same items (and the same focus,
    capitals and other names' focus) computed; a call that would only repeat it returns at once."""
    memo = memo if memo is not None else ScoringMemo()
    groups = _unite_names(items)
    frames = sentence_frames(items)
    readings = [_reading(item, focus, regions, others_focus, frames) for item in items]
    stories = [  # rule story-region's bonus per candidate, for the trace
        [story_bonus(p, (story or {}).get(fold(item.span.query)), own, admin1) for p in item.candidates]
        if item.span.source != "demonym"
        else [0.0] * len(item.candidates)
        for item, (own, admin1, _) in zip(items, readings, strict=True)
    ]
    if not any(any(row) for row in stories):
        if memo.plain_regions == regions:
            return  # the same regions and no story-region bonus: the last pass's scores stand
        memo.plain_regions = dict(regions)
    else:
        memo.plain_regions = None
    base: list[list[float]] = []
    units = [_own_unit(item) for item in items]
    priors = memo.priors  # a story repeats its names: once per spelling
    for index, (item, (own_focus, admin1, frame)) in enumerate(zip(items, readings, strict=True)):
        if item.span.source == "demonym":
            base.append([scoring.prominence(p) for p in item.candidates])
            continue
        placed = item.container is not None
        prior_key = (item.span.query, item.span.source, placed)
        prior = priors.get(prior_key)
        if prior is None:
            prior = priors[prior_key] = _name_priors(item, placed, capitals, spelled_as)
        base.append(
            [
                value
                + scoring.focus_bonus(p, own_focus, admin1)
                + frame_bonus(p, frame)
                + told
                + scoring.unit_bonus(p, item.ctx.unit)
                - unit
                for value, p, unit, told in zip(
                    prior, item.candidates, units[index], stories[index], strict=True
                )
            ]
        )
    # One sense per article: a name's candidates get the best cue any of its occurrences has, but
    # for a province word, which says what that occurrence names (rule own-unit).
    for members in groups.values():
        if len(members) > 1:
            shared = [max(values) for values in zip(*(base[i] for i in members), strict=True)]
            for i in members:
                base[i] = [max(a, b) for a, b in zip(base[i], shared, strict=True)]
    for members in groups.values():  # an area read ("Raqqa countryside") takes the province word too
        best_unit = [max(values) for values in zip(*(units[i] for i in members), strict=True)]
        for i in members:
            if items[i].ctx.near:
                units[i] = best_unit
    base = [[b + u for b, u in zip(row, unit, strict=True)] for row, unit in zip(base, units, strict=True)]

    position = {id(item): i for i, item in enumerate(items)}
    _containers_agree(items, base, position)

    def contained(i: int, scores: list[list[float]]) -> list[float]:
        holder = items[i].container
        c = position.get(id(holder)) if holder is not None else None
        if c is None:
            return scores[i]
        container = items[c].candidates[max(range(len(scores[c])), key=scores[c].__getitem__)]
        if container.kind not in REGION_KINDS and not any(p.kind == "district" for p in items[i].candidates):
            return scores[i]  # "Homs, Idlib and Daraa" is a list, not Homs inside Idlib
        return [
            s + scoring.containment_bonus(p, container)
            for s, p in zip(scores[i], items[i].candidates, strict=True)
        ]

    first = [contained(i, base) for i in range(len(items))]
    # Rule 8: support from the other names of the article, over each name's best candidates.
    members_of = [m for m in groups.values() if items[m[0]].span.source != "demonym"]
    tops: list[list[int]] = []
    for members in members_of:
        lead = members[0]
        order = sorted(range(len(items[lead].candidates)), key=lambda k: -first[lead][k])
        tops.append(order[: scoring.SUPPORT_CANDIDATES])
    best = [[items[m[0]].candidates[k] for k in top] for m, top in zip(members_of, tops, strict=True)]
    support_key = tuple(tuple(p.place_id for p in places) for places in best)
    support = memo.support.get(support_key)
    if support is None:
        support = memo.support[support_key] = scoring.support(best, focus)
    bonus: dict[int, list[float]] = {}
    for members, top, values in zip(members_of, tops, support, strict=True):
        extra = [0.0] * len(items[members[0]].candidates)
        for k, value in zip(top, values, strict=True):
            extra[k] = scoring.SUPPORT_WEIGHT * min(value, scoring.MAX_SUPPORT)
        for i in members:
            bonus[i] = extra
    for i, item in enumerate(items):
        own = bonus.get(i)
        item.scores = first[i] if own is None else [s + b for s, b in zip(first[i], own, strict=True)]
    # One sense per article again, now with containment and nearness: occurrences without a unit
    # of their own take the mean of their group's scores (less a province word's bonus: own-unit).
    for members in groups.values():
        if len(members) == 1:
            continue
        unbonused = [[s - u for s, u in zip(items[i].scores, units[i], strict=True)] for i in members]
        means = [sum(column) / len(members) for column in zip(*unbonused, strict=True)]
        for i in members:
            if items[i].ctx.unit is None:
                items[i].scores = list(means)
    _trace_story(items, stories)


def _unite_names(items: list[Item]) -> dict[str, list[int]]:
    """One candidate list per name ("Deir ez-Zor", "Deir Ezzor"): the items of each name (folded,
    by source), which now share the union of their candidates."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        groups[fold(item.span.query) + "|" + item.span.source].append(i)
    for members in groups.values():
        union: dict[str, Place] = {}
        respelled: set[str] = set()
        for i in members:
            for place in items[i].candidates:
                union.setdefault(place.place_id, place)
            respelled |= items[i].respelled
        for i in members:
            items[i].candidates = list(union.values())
            items[i].respelled = respelled
    return groups


def _reading(
    item: Item,
    focus: str | None,
    regions: dict[str, str | None],
    others_focus: dict[str, str | None] | None,
    frames: dict[int, Frame],
) -> tuple[str | None, str | None, Frame | None]:
    """A name's own focus country (rule 3, the other names' focus, unless its sentence frames it:
    rule sentence-frame), its focus region (when its focus is the article's) and its sentence's frame."""
    key = fold(item.span.query)
    own_focus = focus if others_focus is None else others_focus.get(key, focus)
    frame = frames.get(item.sentence)
    own_focus = frame_country(frame) or own_focus
    return own_focus, regions.get(key) if own_focus == focus else None, frame


def _trace_story(items: list[Item], stories: list[list[float]]) -> None:
    """The trace of rule story-region: its id on the names whose chosen place its bonus decided."""
    for item, bonus in zip(items, stories, strict=True):
        if not item.scores or not any(bonus):
            continue
        best = max(range(len(item.scores)), key=item.scores.__getitem__)
        without = [s - b for s, b in zip(item.scores, bonus, strict=True)]
        if bonus[best] and max(range(len(without)), key=without.__getitem__) != best:
            item.rules.append("story-region")


def story_bonus(
    place: Place, region: tuple[str, str] | None, own_focus: str | None, admin1: str | None
) -> float:
    """Rule story-region: ``STORY_REGION_BONUS`` for a candidate inside the first-level unit the
    article's other resolved names agree on (``focus.story_regions``), unless the name is already
    framed by a focus region of its focus country (``scoring.focus_bonus``): London with Sarnia and
    Brampton is London, Ontario, in a story whose other names vote for the United States."""
    if region is None or place.kind == "country" or (region[0] == own_focus and admin1 is not None):
        return 0.0
    inside = place.country_code == region[0] and place.admin1 == region[1]
    return STORY_REGION_BONUS if inside else 0.0


def _own_unit(item: Item) -> list[float]:
    """Rule own-unit: the bonus a province word gives an occurrence's first-level candidates
    ("Kidal Region"). It is shared only with the name's occurrences read as an area ("Kidal
    countryside", "near Kidal"): a province is often named like its capital, and a bare "Kidal"
    elsewhere in the article is the town."""
    if item.ctx.unit != "admin1" or item.span.source == "demonym":
        return [0.0] * len(item.candidates)
    return [scoring.unit_bonus(p, item.ctx.unit) for p in item.candidates]


#: Rule container-agrees: a container's candidate that holds one of the contained name's candidates
#: gains this much; one in the same country as one of them, ``CONTAINER_SAME_COUNTRY_BONUS``.
CONTAINER_HOLDS_BONUS = 3.0
CONTAINER_SAME_COUNTRY_BONUS = 2.0


def _containers_agree(items: list[Item], base: list[list[float]], position: dict[int, int]) -> None:
    """Rule container-agrees: the name a text gives as a place's container ("Mpeketoni (Lamu)",
    "Kobo, North Wollo") is read as a container of that place: its candidates that hold, or share a
    country with, one of the place's candidates gain (Lamu the Kenyan county town, not the Maldivian
    atoll that is also called Lamu). Each container takes the best agreement of the names it holds."""
    gains: dict[int, list[float]] = {}
    for item in items:
        c = position.get(id(item.container)) if item.container is not None else None
        if c is None or not item.candidates or item.span.source == "demonym":
            continue
        countries = {p.country_code for p in item.candidates}
        gain = [
            CONTAINER_HOLDS_BONUS
            if any(scoring.contains(holder, p) for p in item.candidates)
            else CONTAINER_SAME_COUNTRY_BONUS
            if holder.country_code in countries
            else 0.0
            for holder in items[c].candidates
        ]
        old = gains.get(c)
        gains[c] = gain if old is None else [max(a, b) for a, b in zip(old, gain, strict=True)]
    for c, gain in gains.items():
        base[c] = [s + g for s, g in zip(base[c], gain, strict=True)]


def _name_priors(
    item: Item,
    placed: bool,
    capitals: Container[str],
    spelled_as: Callable[[str], frozenset[str]] | None,
) -> list[float]:
    """Rules 1-3 of ``scoring`` for each candidate of a name as the text spells it, less
    ``RESPELLED_PENALTY`` for candidates found only by another spelling."""
    exact = spelled_as(item.span.query) if spelled_as is not None else frozenset()
    if not any(p.place_id in exact for p in item.candidates):
        exact = frozenset()  # nobody is spelled as the text: nobody is spelled otherwise
    return [
        scoring.name_prior(
            p,
            item.span.query,
            item.candidates,
            placed=placed,
            capital=p.place_id in capitals,
            spelled_otherwise=bool(exact)
            and p.place_id not in exact
            and not any(c.place_id in exact and scoring.own_region(c, p) for c in item.candidates),
        )
        - (scoring.RESPELLED_PENALTY if exact and p.place_id in item.respelled else 0.0)
        for p in item.candidates
    ]

"""One canonical event from the reports of one real-world event: reconciled fields, corroboration,
contradictions.

Rules (codebook, "Fatalities" and "Sources"; where it is silent, the choice is written here):

- **id**: the canonical event id is a content hash of its sorted report ids
  (:func:`canonical_id`), so the same set of reports always gives the same id, whatever the order.
- **event type**: the one most reports give; ties go to the codebook's folding order (Battles over
  Explosions/Remote violence over Violence against civilians; Riots over Protests).
- **sub-event type**: of that type, the one most reports give; ties go to a territorial sub-type
  (the more informative claim), then to the codebook's order.
- **date**: from the most precise report (lowest time_precision), the most frequent date among those,
  then the earliest.
- **actors and notes**: from the *base* report: the most precise report of the chosen sub-type, with
  the most named (non-generic) actors, then the smallest report id.
- **location**: the most precise consistent report (lowest geo_precision); ties go to the location
  most reports share, then the name.
- **fatalities**: ACLED's rule: conflicting figures give the lowest; a report with no figure (0)
  does not count as a figure. The range (lowest, highest) is kept.
- **sources**: every outlet is listed; ``sources_count`` is the number of distinct articles;
  ``independent_sources`` counts reports from the same outlet, or whose evidence text is
  near-identical (wire copies of one story), once.
- **contradictions**: figures further apart than :data:`FATALITY_ABS_TOLERANCE` and
  :data:`FATALITY_REL_TOLERANCE`; territorial reports naming different gainers.
- **unverified / claim**: set only when every report is unverified / a claim.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from frontlines.merge.match import IsGeneric, Side, side_match, sides
from frontlines.model import (
    EVENT_TYPE_OF,
    CanonicalEvent,
    Contradiction,
    Event,
    EventType,
    SubEventType,
    TimePrecision,
)

#: Figures this many deaths apart (or less) are not a contradiction...
FATALITY_ABS_TOLERANCE = 2
#: ...nor figures whose highest is within this share above the lowest.
FATALITY_REL_TOLERANCE = 0.2
#: Evidence texts at least this similar (rapidfuzz ratio, 0-100) are copies of one story.
WIRE_SIMILARITY = 90.0

TERRITORIAL = frozenset(
    {
        SubEventType.GOVERNMENT_REGAINS_TERRITORY,
        SubEventType.NON_STATE_OVERTAKES_TERRITORY,
        SubEventType.NON_VIOLENT_TRANSFER,
    }
)
_SUB_ORDER = {sub: i for i, sub in enumerate(SubEventType)}


def canonical_id(report_ids: Sequence[str]) -> str:
    """Content hash (sha256, 16 hex digits) of the sorted, distinct report ids."""
    blob = "\n".join(sorted(set(report_ids)))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def outlet_of(report: Event) -> str:
    """The outlet of a report: the first name of its ``source`` field (the outlet comes first)."""
    return report.source.split(";", 1)[0].strip()


def _named_count(report: Event, is_generic: IsGeneric) -> int:
    return sum(1 for s in sides(report) if s is not None and not is_generic(s.name))


#: Which type wins a tie (the codebook folds shelling into a battle, a protest into a riot).
_TYPE_ORDER = {
    t: i
    for i, t in enumerate(
        [
            EventType.BATTLES,
            EventType.EXPLOSIONS,
            EventType.VIOLENCE_AGAINST_CIVILIANS,
            EventType.RIOTS,
            EventType.PROTESTS,
            EventType.STRATEGIC,
        ]
    )
}


def _choose_sub(reports: Sequence[Event]) -> SubEventType:
    types = Counter(EventType(r.event_type) for r in reports)
    kind = min(types, key=lambda t: (-types[t], _TYPE_ORDER[t]))
    counts = Counter(SubEventType(r.sub_event_type) for r in reports if r.event_type == kind)
    return min(counts, key=lambda s: (-counts[s], s not in TERRITORIAL, _SUB_ORDER[s]))


def _independent(reports: Sequence[Event], similarity: float) -> int:
    """Outlets counted once per story: same outlet, or near-identical evidence text, are one source.

    Articles with the same outlet or the very same text are joined first; the fuzzy comparison then
    runs once per pair of distinct texts (a wire story copied a hundred times costs one)."""
    by_article: dict[str, Event] = {}
    for r in reports:
        for article_id in r.article_ids or (r.event_id,):
            by_article.setdefault(article_id, r)
    ids = sorted(by_article)
    parent = list(range(len(ids)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    first_of_outlet: dict[str, int] = {}
    first_of_text: dict[str, int] = {}
    for i, article in enumerate(ids):
        report = by_article[article]
        outlet = outlet_of(report).casefold()
        if outlet:
            join(i, first_of_outlet.setdefault(outlet, i))
        text = " ".join(e.quote for e in sorted(report.evidence, key=lambda e: (e.start, e.end)))
        if text:
            join(i, first_of_text.setdefault(text, i))
    texts = sorted(first_of_text.items(), key=lambda item: item[1])
    for x, (text_a, i) in enumerate(texts):
        for text_b, j in texts[x + 1 :]:
            if find(i) != find(j) and fuzz.ratio(text_a, text_b) >= similarity:
                join(i, j)
    return len({find(i) for i in range(len(ids))})


def _contradictions(reports: Sequence[Event], is_generic: IsGeneric) -> list[Contradiction]:
    found: list[Contradiction] = []
    figures = sorted((r.fatalities, r.event_id) for r in reports if r.fatalities > 0)
    if figures:
        low, high = figures[0][0], figures[-1][0]
        if high - low > max(FATALITY_ABS_TOLERANCE, FATALITY_REL_TOLERANCE * low):
            found.append(
                Contradiction(
                    "fatalities",
                    f"reports give {low} to {high} killed; the lowest is kept",
                    tuple(sorted(i for _, i in figures)),
                )
            )
    territorial = sorted((r for r in reports if r.sub_event_type in TERRITORIAL), key=lambda r: r.event_id)
    gainers: dict[str, list[str]] = {}
    sides_of: dict[str, Side] = {}
    for r in territorial:
        gainers.setdefault(r.actor1, []).append(r.event_id)
        sides_of[r.actor1] = Side(r.actor1, r.inter1)
    names = sorted(gainers)
    clash = [
        (a, b)
        for i, a in enumerate(names)
        for b in names[i + 1 :]
        if not side_match(sides_of[a], sides_of[b], is_generic)
    ]
    if clash:
        involved = sorted({n for pair in clash for n in pair})
        found.append(
            Contradiction(
                "territory",
                "reports name different gainers of the place: " + ", ".join(involved),
                tuple(sorted(i for n in involved for i in gainers[n])),
            )
        )
    return found


def reconcile(
    reports: Sequence[Event], is_generic: IsGeneric, similarity: float = WIRE_SIMILARITY
) -> CanonicalEvent:
    """The canonical event of ``reports`` (all of one real-world event), by the module's rules."""
    if not reports:
        raise ValueError("reconcile needs at least one report")
    if len(reports) == 1:
        return _single(reports[0])
    ordered = sorted(reports, key=lambda r: r.event_id)
    sub = _choose_sub(ordered)
    base = min(
        (r for r in ordered if r.sub_event_type == sub),
        key=lambda r: (int(r.time_precision), int(r.geo_precision), -_named_count(r, is_generic), r.event_id),
    )
    best_tp = min(int(r.time_precision) for r in ordered)
    dates = Counter(r.event_date for r in ordered if int(r.time_precision) == best_tp)
    day = min(dates, key=lambda d: (-dates[d], d))
    best_gp = min(int(r.geo_precision) for r in ordered)
    locations = Counter(r.location for r in ordered)
    where = min(
        (r for r in ordered if int(r.geo_precision) == best_gp),
        key=lambda r: (-locations[r.location], r.location, r.event_id),
    )
    figures = [r.fatalities for r in ordered if r.fatalities > 0]
    low = min(figures) if figures else 0
    high = max(figures) if figures else 0
    outlets = sorted({name.strip() for r in ordered for name in r.source.split(";") if name.strip()})
    article_ids = sorted({a for r in ordered for a in r.article_ids})
    evidence = sorted(
        {e for r in ordered for e in r.evidence},
        key=lambda e: (e.article_id, e.start, e.end, e.field, e.quote),
    )
    report_ids = tuple(r.event_id for r in ordered)
    event = replace(
        base,
        event_id=canonical_id(report_ids),
        event_date=day,
        time_precision=TimePrecision(best_tp),
        event_type=EVENT_TYPE_OF[sub],
        sub_event_type=sub,
        country=where.country,
        iso3=where.iso3,
        location=where.location,
        latitude=where.latitude,
        longitude=where.longitude,
        geo_precision=where.geo_precision,
        admin1=where.admin1,
        admin2=where.admin2,
        admin3=where.admin3,
        fatalities=low,
        source="; ".join(outlets) if outlets else base.source,
        article_ids=tuple(article_ids),
        evidence=tuple(evidence),
        unverified=all(r.unverified for r in ordered),
        claim=all(r.claim for r in ordered),
    )
    return CanonicalEvent(
        event=event,
        report_ids=report_ids,
        outlets=tuple(outlets),
        sources_count=len(article_ids) or len(report_ids),
        independent_sources=_independent(ordered, similarity),
        fatalities_min=low,
        fatalities_max=high,
        contradictions=tuple(_contradictions(ordered, is_generic)),
    )


def _single(report: Event) -> CanonicalEvent:
    """The canonical event of one report: the same rules, with nothing to reconcile."""
    outlets = tuple(sorted({n.strip() for n in report.source.split(";") if n.strip()}))
    figure = report.fatalities
    event = replace(
        report,
        event_id=canonical_id((report.event_id,)),
        source="; ".join(outlets) if outlets else report.source,
        article_ids=tuple(sorted(set(report.article_ids))),
        evidence=tuple(
            sorted(set(report.evidence), key=lambda e: (e.article_id, e.start, e.end, e.field, e.quote))
        ),
    )
    return CanonicalEvent(
        event=event,
        report_ids=(report.event_id,),
        outlets=outlets,
        sources_count=len(event.article_ids) or 1,
        independent_sources=1,
        fatalities_min=figure,
        fatalities_max=figure,
    )

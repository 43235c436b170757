"""Who controls a place, when, and who says so: a timeline of control from territorial events.

Input: canonical events (or single reports) of ACLED's territorial sub-types, whose actor 1 is the
gainer and actor 2 the loser (Government regains territory, Non-state actor overtakes territory,
Non-violent transfer of territory). Rules (the codebook is silent on timelines; these are ours):

- **place**: a query names a place; events whose location is that place, or lies inside it
  (ACLED's ``City - District`` locations, or an event whose admin1/admin2/admin3 is the place), count.
  Each location gets its own timeline, so a city whose districts changed hands shows each district.
- **precision**: only events at the named place itself (geo_precision 1) change control: an event
  "near Homs" or in Homs province does not tell who holds Homs city.
- **intervals**: each change of control starts an interval held by the gainer until the next change
  at that location. Before the first change, the loser is shown holding the place since an unknown
  start (inferred, with lower confidence).
- **status**: ``claimed`` when the change rests on a party's claim or only unverified reports;
  ``contested`` when sources disagree on the gainer (a territory contradiction) or another change to
  a different controller follows within :data:`CONTESTED_DAYS`; otherwise ``held``.
- **confidence**: ``1 - 0.5 ** independent_sources`` (one source 0.5, two 0.75, three 0.875), halved
  for a claim or a contradiction; the inferred interval before the first change gets half of the
  first change's confidence.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import process

from frontlines.errors import ConfigError
from frontlines.merge.reconcile import TERRITORIAL, CanonicalEvent
from frontlines.model import Event, Evidence, GeoPrecision, SubEventType

Status = Literal["held", "contested", "claimed"]

#: Another change to a different controller this soon after a change marks it contested.
CONTESTED_DAYS = 7


@dataclass(frozen=True, slots=True)
class ControlInterval:
    """One actor's control of one place from ``start`` (None: unknown) to ``end`` (None: still)."""

    place: str
    latitude: float
    longitude: float
    controller: str
    status: Status
    start: dt.date | None
    end: dt.date | None
    confidence: float
    evidence: tuple[Evidence, ...]
    event_id: str | None = None

    def covers(self, day: dt.date) -> bool:
        """Whether the interval holds on ``day`` (start inclusive, end exclusive)."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


def _as_canonical(item: CanonicalEvent | Event) -> CanonicalEvent:
    if isinstance(item, CanonicalEvent):
        return item
    return CanonicalEvent(item, (item.event_id,), (item.source,), 1, 1, item.fatalities, item.fatalities)


def _inside(event: Event, place: str) -> bool:
    """The event's location is ``place`` or lies inside it (district of a city, unit of a region)."""
    want = place.strip().casefold()
    location = event.location.casefold()
    if location == want or location.startswith(want + " - "):
        return True
    return any(
        level is not None and level.casefold() == want for level in (event.admin1, event.admin2, event.admin3)
    )


class UnknownPlace(ConfigError):
    """A control query names a place at or inside which no change of control is recorded."""

    code = "E110"


def control_timeline(events: Iterable[CanonicalEvent | Event], place: str | None) -> list[ControlInterval]:
    """Intervals of control for every location at or inside ``place`` (every location when None),
    by location then start. Only events placed at the named place itself (geo_precision 1) change
    control: "fighting near Homs" says nothing about who holds Homs.

    Raises :class:`UnknownPlace` when ``place`` is given and no such event lies at or inside it,
    with the closest names that have some as a hint."""
    by_location: dict[str, list[CanonicalEvent]] = defaultdict(list)
    known: set[str] = set()
    approximate = 0
    for item in events:
        canon = _as_canonical(item)
        event = canon.event
        if SubEventType(event.sub_event_type) not in TERRITORIAL:
            continue
        if event.geo_precision != GeoPrecision.PLACE:
            if place is not None and _inside(event, place):
                approximate += 1
            continue
        known.update(n for n in (event.location, event.admin1, event.admin2, event.admin3) if n)
        if place is not None and not _inside(event, place):
            continue
        by_location[event.location].append(canon)
    if place is not None and not by_location:
        raise _unknown(place, known, approximate)
    out: list[ControlInterval] = []
    for location in sorted(by_location):
        out += _intervals(sorted(by_location[location], key=lambda c: (c.event.event_date, c.canonical_id)))
    return out


def _unknown(place: str, known: set[str], approximate: int) -> UnknownPlace:
    """The error for a place without control changes: what was found, and the closest names."""
    closest = [name for name, _, _ in process.extract(place, sorted(known), limit=3, score_cutoff=60)]
    where = f"no change of control is recorded at or inside {place!r}"
    if approximate:
        where += f" ({approximate} only near it, which says nothing about who holds it)"
    hint = "check the spelling"
    if closest:
        hint += "; places with changes of control: " + ", ".join(closest)
    elif not known:
        hint += "; the database holds no territorial events: run `frontlines ingest` first"
    return UnknownPlace(where, hint)


def _confidence(canon: CanonicalEvent) -> float:
    value = 1 - 0.5 ** max(1, canon.independent_sources)
    if canon.event.claim or any(c.field == "territory" for c in canon.contradictions):
        value /= 2
    return round(value, 3)


def _intervals(changes: list[CanonicalEvent]) -> list[ControlInterval]:
    out: list[ControlInterval] = []
    first = changes[0].event
    if first.actor2:
        out.append(
            ControlInterval(
                first.location,
                first.latitude,
                first.longitude,
                first.actor2,
                "held",
                None,
                first.event_date,
                round(_confidence(changes[0]) / 2, 3),
                tuple(first.evidence),
                first.event_id,
            )
        )
    for i, canon in enumerate(changes):
        event = canon.event
        following = changes[i + 1].event if i + 1 < len(changes) else None
        status: Status = "held"
        if event.claim or event.unverified:
            status = "claimed"
        if any(c.field == "territory" for c in canon.contradictions) or (
            following is not None
            and following.actor1 != event.actor1
            and (following.event_date - event.event_date).days <= CONTESTED_DAYS
        ):
            status = "contested"
        out.append(
            ControlInterval(
                event.location,
                event.latitude,
                event.longitude,
                event.actor1,
                status,
                event.event_date,
                following.event_date if following is not None else None,
                _confidence(canon),
                tuple(event.evidence),
                event.event_id,
            )
        )
    return out


def controller_at(intervals: Iterable[ControlInterval], day: dt.date) -> list[ControlInterval]:
    """The intervals that hold on ``day`` (one per location)."""
    return [i for i in intervals if i.covers(day)]

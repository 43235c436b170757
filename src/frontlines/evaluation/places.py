"""Score where the pipeline puts events against the team-coded place set (``frontlines eval places``).

Protocol:

- **Frame.** By default each item's whole article (``context``: the FA-KES article, the Wikipedia
  page's body) runs through the pipeline as one article, published on the item's ``published`` day,
  because a coder reads the sentence in its article and the pipeline frames names by the story's
  country and other places (:data:`FRAMES`). ``sentence`` runs the sentence alone instead. An article
  is run once for every publication date its items need.
- **Event.** Of the events the pipeline codes, those told in the item's sentence (their ``event``
  evidence) or placed by a name in it (``location`` evidence) are the sentence's; the one whose
  location evidence overlaps the written name is compared, else the first. An event told in the
  sentence may be placed by a name elsewhere (the story's setting carried over): it is scored where it
  is placed. A sentence without an event is wrong on every event figure.
- **Name.** Apart from event detection, the place the pipeline resolved for the written name itself
  (the toponym overlapping it, with the same ``geo_precision`` rule events use) is scored the same way.

Figures, per group (all; split; source; gold precision): within 5 km and within 25 km of the gold
point (over items that have one), admin1 right (the gold admin1 or one of its other official names,
compared as ``eval acled`` does), geo_precision right, and the share of items with an event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from frontlines.config import Settings
from frontlines.evaluation.acled import haversine_km, same_admin1
from frontlines.evaluation.places_gold import PlaceItem, PlaceSet
from frontlines.geo.precision import geo_precision
from frontlines.ingest.draft import Context, Draft, finish
from frontlines.model import Doc, Event, Rejection
from frontlines.run import Resources, build_pipeline

Frame = Literal["article", "sentence"]
#: What each item runs through the pipeline in: its whole article (default) or the sentence alone.
FRAMES: tuple[Frame, ...] = ("article", "sentence")
#: The distance thresholds of the figures, in km (ACLED's precision 1 is the place itself; a town's
#: extent is a few km, a neighbourhood's point within a city's 25 km).
NEAR_KM, FAR_KM = 5.0, 25.0
#: Figures reported for events and for names, in order.
FIGURES = ("within_5km", "within_25km", "admin1", "precision")


@dataclass(frozen=True, slots=True)
class Guess:
    """Where the pipeline put the item's place: a point, its admin1 and geo_precision."""

    name: str
    latitude: float
    longitude: float
    admin1: str | None
    geo_precision: int


@dataclass(frozen=True, slots=True)
class PlaceOutcome:
    """One item with the event's place and the written name's place (``None``: none found)."""

    item: PlaceItem
    event: Guess | None
    name: Guess | None


def _event_guess(event: Event) -> Guess:
    return Guess(event.location, event.latitude, event.longitude, event.admin1, int(event.geo_precision))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def sentence_event(events: Sequence[Event], sentence: tuple[int, int], name: tuple[int, int]) -> Event | None:
    """The event the sentence at ``sentence`` codes (offsets into the article text). An event is the
    sentence's when it is told there (``event`` evidence) or placed by a name there (``location``
    evidence); the place may come from elsewhere (a story's setting carried over). Of those, the one
    whose location evidence overlaps ``name``, else the first."""

    def spans(event: Event, field: str) -> list[tuple[int, int]]:
        return [(e.start, e.end) for e in event.evidence if e.field == field]

    inside = [
        event
        for event in events
        if any(
            sentence[0] <= start < sentence[1]
            for start, _ in spans(event, "event") + spans(event, "location")
        )
    ]
    for event in inside:
        if any(_overlaps(span, name) for span in spans(event, "location")):
            return event
    return inside[0] if inside else None


def name_guess(doc: Doc, name: tuple[int, int]) -> Guess | None:
    """The place the pipeline resolved for the toponym overlapping ``name`` (original-text offsets)."""
    if doc.clean is None:
        return None
    for mention in doc.places:
        place = mention.place
        if place is None or not _overlaps(doc.clean.to_original(mention.start, mention.end), name):
            continue
        return Guess(place.name, place.latitude, place.longitude, place.admin1, int(geo_precision(mention)))
    return None


def locate_items(
    items: Sequence[PlaceItem], settings: Settings, resources: Resources, frame: Frame = "article"
) -> list[PlaceOutcome]:
    """Run every item through the pipeline in ``frame`` and find its event's and its name's place."""
    pipeline = build_pipeline(settings, resources)
    context = Context(settings.ingest, today=dt.date.max)
    docs: dict[tuple[str, dt.date], Doc | None] = {}
    outcomes = []
    for item in items:
        text, offset = (item.context, item.offset) if frame == "article" else (item.text, 0)
        key = (text, item.published)
        if key not in docs:
            article = finish(Draft(origin=f"places:{item.id}", text=text, published=item.published), context)
            docs[key] = None if isinstance(article, Rejection) else pipeline.run_one(article).doc
        doc = docs[key]
        if doc is None:
            outcomes.append(PlaceOutcome(item, None, None))
            continue
        start, end = item.name_span
        name = (offset + start, offset + end)
        event = sentence_event(doc.events, (offset, offset + len(item.text)), name)
        outcomes.append(
            PlaceOutcome(item, None if event is None else _event_guess(event), name_guess(doc, name))
        )
    return outcomes


def _right_admin1(item: PlaceItem, guess: Guess) -> bool:
    return any(same_admin1(name, guess.admin1) for name in (item.admin1, *item.admin1_also))


def _share(hits: Iterable[bool]) -> tuple[float | None, int]:
    values = list(hits)
    return (sum(values) / len(values) if values else None), len(values)


def figures(
    outcomes: Sequence[PlaceOutcome], pick: Callable[[PlaceOutcome], Guess | None]
) -> dict[str, float | None]:
    """The four figures over ``outcomes`` for the guess ``pick`` chooses (an event's or a name's);
    distances over items with a gold point, a missing guess wrong everywhere."""

    def km(outcome: PlaceOutcome) -> float | None:
        guess, item = pick(outcome), outcome.item
        if guess is None or item.latitude is None or item.longitude is None:
            return None
        return haversine_km(item.latitude, item.longitude, guess.latitude, guess.longitude)

    pointed = [(o, km(o)) for o in outcomes if o.item.has_point]
    near, _ = _share(d is not None and d <= NEAR_KM for _, d in pointed)
    far, _ = _share(d is not None and d <= FAR_KM for _, d in pointed)
    admin1, _ = _share((g := pick(o)) is not None and _right_admin1(o.item, g) for o in outcomes)
    precision, _ = _share(
        (g := pick(o)) is not None and g.geo_precision == int(o.item.geo_precision) for o in outcomes
    )
    return {"within_5km": near, "within_25km": far, "admin1": admin1, "precision": precision}


def group_figures(outcomes: Sequence[PlaceOutcome]) -> dict[str, float | None]:
    """Counts and the figures for events and for names of one group of items."""
    out: dict[str, float | None] = {
        "items": float(len(outcomes)),
        "with_point": float(sum(o.item.has_point for o in outcomes)),
        "with_event": _share(o.event is not None for o in outcomes)[0],
    }
    for prefix, pick in (("event", lambda o: o.event), ("name", lambda o: o.name)):
        for key, value in figures(outcomes, pick).items():
            out[f"{prefix}_{key}"] = value
    return out


def breakdown(outcomes: Sequence[PlaceOutcome]) -> dict[str, dict[str, float | None]]:
    """The figures for all items, per split, per source and per gold precision (groups with items)."""
    groups: dict[str, list[PlaceOutcome]] = {"all": list(outcomes)}
    for label, key in (
        ("split", lambda o: o.item.split),
        ("source", lambda o: o.item.source),
        ("precision", lambda o: str(int(o.item.geo_precision))),
    ):
        for outcome in outcomes:
            groups.setdefault(f"{label}:{key(outcome)}", []).append(outcome)
    return {name: group_figures(members) for name, members in groups.items()}


def evaluate_places(
    places: PlaceSet, settings: Settings, resources: Resources, frame: Frame = "article"
) -> dict[str, object]:
    """The report ``frontlines eval places`` prints: the frame, the items left out and why, and
    :func:`breakdown` of the outcomes."""
    outcomes = locate_items(places.items, settings, resources, frame)
    return {"frame": frame, "left_out": dict(places.left_out), "groups": breakdown(outcomes)}

"""Per-item diagnostic of the team-coded place set, DEV split only (``frontlines eval places`` gives
the figures; this lists the items behind them so that rules are chosen on dev items alone).

For each dev item: the coder's kind and geo_precision, the event's, the written name, where the
event was placed (location name, the location evidence as written), the distance to the gold point,
and a precision error class (``ok`` when the codes agree). Sealed items are never run nor shown.

Run: ``.venv/bin/python eval/places_diagnostic.py [--errors] [--frame article|sentence]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter

from frontlines.config import load_settings
from frontlines.evaluation.acled import haversine_km
from frontlines.evaluation.places import Guess, name_guess, sentence_event
from frontlines.evaluation.places_gold import PlaceItem, load_places
from frontlines.ingest.draft import Context, Draft, finish
from frontlines.model import Doc, Event, Rejection
from frontlines.run import build_pipeline, load_resources


def _location_text(doc: Doc, event: Event) -> str:
    spans = [e for e in event.evidence if e.field == "location"]
    return " | ".join(doc.article.text[e.start : e.end] for e in spans) if spans else "-"


def _error_class(item: PlaceItem, event: Event | None, name: Guess | None, offset: int) -> str:
    """Why the event's precision code differs from the coder's: no event; the event placed by
    another name than the written one (``elsewhere``); placed by the written name and merged with
    an event told before (``merged``: its location evidence reaches outside the sentence) while the
    name's own code is right; else the written name's own code is wrong (``name``)."""
    if event is None:
        return "no event"
    gold, got = int(item.geo_precision), int(event.geo_precision)
    if gold == got:
        return "ok"
    start, end = item.name_span
    spans = [(e.start, e.end) for e in event.evidence if e.field == "location"]
    own = any(s < offset + end and offset + start < e for s, e in spans)
    outside = any(not offset <= s < offset + len(item.text) for s, _ in spans)
    if not own:
        why = "elsewhere"
    elif name is not None and name.geo_precision == gold:
        why = "merged" if outside else "event rule"
    else:
        why = "name"
    return f"{why} / {item.kind}: gold {gold} got {got}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", action="store_true", help="list only items whose precision is wrong")
    parser.add_argument("--frame", choices=("article", "sentence"), default="article")
    args = parser.parse_args()
    settings = load_settings()
    pipeline = build_pipeline(settings, load_resources(settings))
    context = Context(settings.ingest, today=dt.date.max)
    items = [i for i in load_places().items if i.split == "dev"]
    docs: dict[tuple[str, dt.date], Doc | None] = {}
    classes: Counter[str] = Counter()
    for item in items:
        text, offset = (item.context, item.offset) if args.frame == "article" else (item.text, 0)
        key = (text, item.published)
        if key not in docs:
            article = finish(Draft(origin=f"places:{item.id}", text=text, published=item.published), context)
            docs[key] = None if isinstance(article, Rejection) else pipeline.run_one(article).doc
        doc = docs[key]
        start, end = item.name_span
        event = (
            None
            if doc is None
            else sentence_event(doc.events, (offset, offset + len(item.text)), (offset + start, offset + end))
        )
        name = None if doc is None else name_guess(doc, (offset + start, offset + end))
        label = _error_class(item, event, name, offset)
        classes[label] += 1
        if args.errors and label == "ok":
            continue
        km = "-"
        if event is not None and item.latitude is not None and item.longitude is not None:
            km = f"{haversine_km(item.latitude, item.longitude, event.latitude, event.longitude):.1f}"
        got = "-" if event is None else f"{int(event.geo_precision)} {event.location!r} [{event.admin1}]"
        if name is not None:
            name_km = (
                "-"
                if item.latitude is None or item.longitude is None
                else (f"{haversine_km(item.latitude, item.longitude, name.latitude, name.longitude):.1f}")
            )
            got += f" (name: {name.geo_precision} {name.name!r} km={name_km})"
        where = "-" if event is None or doc is None else _location_text(doc, event)
        print(f"{item.id} [{label}] {item.kind:<13} gold {int(item.geo_precision)} {item.name!r}"
              f" [{item.admin1}] -> {got} km={km} ev={where!r}")  # fmt: skip
        print(f"    {item.text[:220]!r}" + (f"  NOTE: {item.note}" if item.note else ""))
    print(f"\n{len(items)} dev items")
    for label, n in classes.most_common():
        print(f"  {n:>4}  {label}")


if __name__ == "__main__":
    main()

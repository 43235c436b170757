"""Places: the gazetteer (protocol + SQLite store), the embedded build, the name matcher, resolution.

Typical use::

    gazetteer, matcher = open_default_gazetteer(settings)
    pipeline = Pipeline([..., place_stage(gazetteer, matcher), ...])
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from frontlines.config import Settings
from frontlines.geo.embedded import BuildStats, build_embedded
from frontlines.geo.gazetteer import (
    Gazetteer,
    GazetteerMissing,
    PlaceRecord,
    SqliteGazetteer,
    write_gazetteer,
)
from frontlines.geo.matcher import PlaceMatcher
from frontlines.geo.resolve import resolve_doc, resolve_places
from frontlines.model import ActorRef, Doc, Rejection
from frontlines.pipeline import FunctionStage

__all__ = [
    "BuildStats",
    "Gazetteer",
    "GazetteerMissing",
    "PlaceMatcher",
    "PlaceRecord",
    "SqliteGazetteer",
    "build_embedded",
    "open_default_gazetteer",
    "place_stage",
    "resolve_places",
    "write_gazetteer",
]


def place_stage(
    gazetteer: Gazetteer, matcher: PlaceMatcher, home_of: Callable[[ActorRef], str | None] | None = None
) -> FunctionStage:
    """The pipeline stage that finds and resolves place names: requires the cleaned text, its
    sentences, its dates (a name inside a date is no place) and its actors (a name inside a named
    group's is no place: rule group-name, ``geo.nonplaces``), provides ``places`` and
    ``focus_country``. ``home_of`` gives a named group's one country of conflict, which votes for the
    article's country (rule group-home, ``geo.resolve``). ``Article.extra["country"]`` (ISO2), when
    present, is the hint that wins focus-country ties."""

    def run(doc: Doc) -> Doc | Rejection:
        groups = [(m.start, m.end, m.ref.country) for m in doc.actors if m.ref.kind == "actor"]
        homes = [h for m in doc.actors if home_of is not None and (h := home_of(m.ref))]
        scored, focus = resolve_doc(doc, gazetteer, matcher, groups, homes)
        mentions = [s.mention for s in scored if not s.adjectival]
        return dataclasses.replace(doc, places=mentions, focus_country=focus)

    requires = frozenset({"clean", "sentences", "times", "actors"})
    provides = frozenset({"places", "focus_country"})
    return FunctionStage("places", requires, provides, run)


def open_default_gazetteer(
    settings: Settings, *, loaded: bool = False
) -> tuple[SqliteGazetteer, PlaceMatcher]:
    """Open the configured gazetteer and its matcher (built and cached next to it when missing; with
    ``loaded``, its automaton in memory at once and both its caches current: see
    :meth:`PlaceMatcher.for_gazetteer`).

    With ``geo.gazetteer`` unset, the embedded gazetteer is built on first use in the data directory
    (about 20 s, silently: the CLI reports it); a configured file that is missing raises
    :class:`GazetteerMissing`.
    """
    path = settings.gazetteer_path()
    if not settings.geo.gazetteer and not path.exists():
        build_embedded(path, settings.geo.min_population)
    gazetteer = SqliteGazetteer(path)
    return gazetteer, PlaceMatcher.for_gazetteer(gazetteer, loaded=loaded)

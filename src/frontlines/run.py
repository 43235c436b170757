"""The library functions the CLI mirrors: ``extract`` (no database) and ``ingest`` (into a store).

Resources (gazetteer, place matcher, actor dictionary) are loaded once per process by
:func:`load_resources` and passed in; nothing here reads the clock: ``today`` is a parameter.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from frontlines.config import Settings, default_data_dir
from frontlines.countries import country_name
from frontlines.events import actor_stage, casualty_stage, event_stage, trigger_stage
from frontlines.events.classifier import SubEventClassifier, default_classifier_path, open_default_classifier
from frontlines.events.classifier_copy import copy_path
from frontlines.geo import open_default_gazetteer, place_stage
from frontlines.geo.gazetteer import Gazetteer, SqliteGazetteer
from frontlines.geo.matcher import INDEX_BUDGET_CHARS, PlaceMatcher, matcher_path
from frontlines.geo.name_index import index_path
from frontlines.ingest import input_bytes, read_inputs
from frontlines.mentions.actors import ActorDictionary
from frontlines.model import Article, Event, Place, Rejection
from frontlines.pipeline import Pipeline, Result
from frontlines.text import clean_stage, sentence_stage
from frontlines.text.language import model_copy
from frontlines.time import time_stage

if TYPE_CHECKING:  # the store and the merge load with `ingest`, not with `extract`
    from frontlines.merge.store import MergeProgress, MergeSummary
    from frontlines.store.base import Repository


@dataclass(frozen=True, slots=True)
class Resources:
    """What the pipeline needs loaded: built once per process, shared by every article."""

    gazetteer: Gazetteer
    matcher: PlaceMatcher
    actors: ActorDictionary
    classifier: SubEventClassifier | None = None


def load_resources(settings: Settings, *, bulk: bool = False) -> Resources:
    """Open the gazetteer (building the embedded default on first use), the actor dictionary and the
    classifier. The language identifier loads on the first article read (0.01 s from the unpacked
    copy :func:`prepare` builds, 0.5 s without it), so commands that read no article do not pay for it.

    ``bulk``: the caller will read more than the place matcher's name index is for
    (``INDEX_BUDGET_CHARS``: a corpus, a batch worker), so the matcher's automaton is loaded at once,
    as the run would load it anyway: unpickling it needs 120 MB more for a moment, better spent before
    the run's caches grow (peak RSS over FA-KES 336 MB, against 425 MB loading it after 200,000
    characters). Otherwise the matcher starts from its name index (:meth:`PlaceMatcher.for_gazetteer`)."""
    gazetteer, matcher = open_default_gazetteer(settings, loaded=bulk)
    return Resources(gazetteer, matcher, ActorDictionary.load(), open_default_classifier(settings))


def is_bulk(paths: Sequence[Path]) -> bool:
    """Whether reading ``paths`` means reading more than the place matcher's name index is for (the
    ``bulk`` of :func:`load_resources`), by the size of the files (counted until it is)."""
    return input_bytes(paths, stop=INDEX_BUDGET_CHARS) > INDEX_BUDGET_CHARS


def prepare(settings: Settings) -> list[tuple[str, Path]]:
    """Build what an extraction loads and a fresh install lacks, so that the first run only loads:
    the embedded gazetteer, its place matcher and the matcher's name index, the default classifier
    and its unpacked copy, the unpacked copy of the language-ID model (``text/language.py``). What
    exists and is current is left as it is. Returns (what, where) for each."""
    gazetteer, _ = open_default_gazetteer(settings, loaded=True)
    gazetteer.close()
    ActorDictionary.load()
    open_default_classifier(settings)
    path = settings.gazetteer_path()
    classifier = [("classifier", Path(settings.events.classifier))] if settings.events.classifier else []
    if not classifier:
        classifier = [
            ("classifier", default_classifier_path()),
            ("classifier copy", copy_path(default_classifier_path())),
        ]
    return [
        ("gazetteer", path),
        ("place matcher", matcher_path(path)),
        ("place name index", index_path(path)),
        *classifier,
        ("language model", model_copy(default_data_dir())),
    ]


def country_places(gazetteer: Gazetteer) -> Callable[[str], Place | None]:
    """A country's own gazetteer entry by ISO2 code (looked up by its name once, then cached)."""

    @functools.cache
    def country_place(code: str) -> Place | None:
        name = country_name(code)
        found = gazetteer.lookup(name, code) if name else []
        return next((p for p in found if p.kind == "country" and p.country_code == code), None)

    return country_place


def capital_places(gazetteer: Gazetteer) -> Callable[[str], Place | None] | None:
    """A country's national capital by ISO2 code (cached), where the gazetteer file marks one."""
    if not isinstance(gazetteer, SqliteGazetteer):
        return None
    return functools.cache(gazetteer.capital)


def build_pipeline(settings: Settings, resources: Resources) -> Pipeline:
    """The default extraction pipeline, in order; its requirements are checked here."""
    return Pipeline(
        [
            clean_stage,
            sentence_stage,
            time_stage,
            actor_stage(resources.actors),
            place_stage(resources.gazetteer, resources.matcher, resources.actors.home_of),
            casualty_stage,
            trigger_stage,
            event_stage(
                resources.actors,
                settings.events,
                resources.classifier,
                resources.gazetteer.seat if isinstance(resources.gazetteer, SqliteGazetteer) else None,
                country_places(resources.gazetteer),
                capital_places(resources.gazetteer),
            ),
        ]
    )


def extract(
    paths: Sequence[Path],
    settings: Settings,
    resources: Resources,
    *,
    today: dt.date,
    field_map: Mapping[str, str] | None = None,
    published: dt.date | None = None,
    source: str | None = None,
    skip: Callable[[Article], bool] | None = None,
) -> Iterator[Result]:
    """Read every input and run the pipeline on each article: one :class:`Result` per article or
    rejected record, in input order. ``skip`` lets a caller pass over articles it already has."""
    pipeline = build_pipeline(settings, resources)
    records = read_inputs(
        paths, settings.ingest, field_map=field_map, published=published, source=source, today=today
    )
    for record in records:
        if isinstance(record, Rejection):
            yield Result(None, record)
        elif skip is None or not skip(record):
            yield pipeline.run_one(record)


@dataclass(slots=True)
class IngestReport:
    """What one ingest run read and what it added to the store."""

    articles_read: int = 0
    #: Articles stored by an earlier run (skipped).
    articles_skipped: int = 0
    #: Records repeating an article read before in this run (skipped).
    duplicates: int = 0
    events_found: int = 0
    rejected: int = 0
    undated_events: int = 0
    new_articles: int = 0
    new_events: int = 0
    new_rejections: int = 0
    warnings: list[str] = field(default_factory=list)
    #: What the merge at the end did (None for a store that keeps no canonical events).
    merge: MergeSummary | None = None


def ingest(
    paths: Sequence[Path],
    settings: Settings,
    resources: Resources,
    repository: Repository,
    *,
    today: dt.date,
    field_map: Mapping[str, str] | None = None,
    published: dt.date | None = None,
    source: str | None = None,
    progress: Callable[[Result], None] | None = None,
    merge_progress: MergeProgress | None = None,
    merge: bool = True,
) -> IngestReport:
    """Extract events from the inputs, store articles, events and rejections, then merge every
    unmerged report into canonical events (:func:`~frontlines.merge.store.merge_pending`).

    One transaction per batch of ``settings.store.batch_size`` articles; articles already stored are
    skipped, so a re-run adds nothing and a killed run is completed by running it again (its
    unfinished merge too, whatever killed it). ``merge=False`` leaves the merge to the caller.
    """
    report = IngestReport()
    batch_articles: list[Article] = []
    batch_events: list[Event] = []
    batch_rejections: list[Rejection] = []

    seen: set[str] = set()

    def already_stored(article: Article) -> bool:
        """An article stored by an earlier run, or read before in this one (a duplicate record)."""
        if article.article_id in seen:
            report.duplicates += 1
            return True
        if repository.has_article(article.article_id):
            report.articles_skipped += 1
            return True
        seen.add(article.article_id)
        return False

    def flush() -> None:
        counts = repository.add_batch(
            batch_articles, batch_events, batch_rejections, run_config=settings.hash()
        )
        report.new_articles += counts.articles
        report.new_events += counts.events
        report.new_rejections += counts.rejections
        batch_articles.clear()
        batch_events.clear()
        batch_rejections.clear()

    results = extract(
        paths,
        settings,
        resources,
        today=today,
        field_map=field_map,
        published=published,
        source=source,
        skip=already_stored,
    )
    for result in results:
        if progress is not None:
            progress(result)
        if result.rejection is not None:
            report.rejected += 1
            batch_rejections.append(result.rejection)
        elif result.doc is not None:
            report.articles_read += 1
            report.events_found += len(result.doc.events)
            report.undated_events += result.doc.undated
            report.warnings.extend(f"{result.doc.article.origin}: {w}" for w in result.doc.warnings)
            batch_articles.append(result.doc.article)
            batch_events.extend(result.doc.events)
        if len(batch_articles) + len(batch_rejections) >= settings.store.batch_size:
            flush()
    flush()
    from frontlines.merge.store import merge_pending
    from frontlines.store.base import CanonicalRepository

    if merge and isinstance(repository, CanonicalRepository):
        report.merge = merge_pending(repository, merge_progress)
    return report


def events_of(results: Iterable[Result]) -> Iterator[Event]:
    """The events of a stream of results, in order."""
    for result in results:
        if result.doc is not None:
            yield from result.doc.events

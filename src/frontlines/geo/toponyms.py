"""Toponyms as ``frontlines geoparse`` prints them: one flat record per resolved place name, with
offsets into the original article text, the chosen place, its ACLED geo_precision and a score.

``geoparse_doc`` runs recognition and resolution on a cleaned, sentence-split :class:`Doc`; the
places stage (``place_stage``) runs the very same resolution, so what ``geoparse`` prints is what
the event stage sees.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol

from frontlines.config import Settings
from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.matcher import PlaceMatcher
from frontlines.geo.precision import geo_precision
from frontlines.geo.resolve import ScoredMention, resolve_doc
from frontlines.ingest import read_inputs
from frontlines.model import Article, Doc, Rejection
from frontlines.pipeline import Pipeline
from frontlines.text import clean_stage, sentence_stage
from frontlines.time import time_stage


@dataclass(frozen=True, slots=True)
class Toponym:
    """One resolved place name. ``start``/``end`` index the original article text; ``feature_code``
    is the place kind (city, district, admin1 ...); ``score`` (0-1) is how clearly the chosen
    candidate beat its rivals."""

    article_id: str
    start: int
    end: int
    text: str
    name: str
    latitude: float
    longitude: float
    country: str
    admin1: str | None
    feature_code: str
    geonameid: int | None
    geo_precision: int
    score: float
    role: str
    #: A nationality word ("Syrian") or a compound modifier ("the U.S.-led coalition") standing for its
    #: country: a toponym to geoparsing corpora, never an event's place.
    demonym: bool = False

    def record(self) -> dict[str, Any]:
        """The JSON-ready record (the ``--format jsonl`` line)."""
        return asdict(self)


def to_toponyms(doc: Doc, scored: Iterable[ScoredMention]) -> list[Toponym]:
    """Toponym records for a doc's scored mentions, offsets mapped back to the original text."""
    if doc.clean is None:
        raise RuntimeError("[E900] to_toponyms used before the cleaning stage ran")
    out: list[Toponym] = []
    for item in scored:
        mention, place = item.mention, item.mention.place
        if place is None:
            continue
        start, end = doc.clean.to_original(mention.start, mention.end)
        out.append(
            Toponym(
                article_id=doc.article.article_id,
                start=start,
                end=end,
                text=doc.article.text[start:end],
                name=place.name,
                latitude=round(place.latitude, 4),
                longitude=round(place.longitude, 4),
                country=place.country_code,
                admin1=place.admin1,
                feature_code=place.kind,
                geonameid=place.geonameid,
                geo_precision=int(geo_precision(mention)),
                score=round(item.score, 3),
                role=mention.role,
                demonym=item.adjectival,
            )
        )
    return out


def geoparse_doc(doc: Doc, gazetteer: Gazetteer, matcher: PlaceMatcher) -> list[Toponym]:
    """Find and resolve the toponyms of a cleaned, sentence-split, dated doc (the places stage's rules)."""
    scored, _ = resolve_doc(doc, gazetteer, matcher)
    return to_toponyms(doc, scored)


class GeoResources(Protocol):
    """What geoparsing needs loaded (``frontlines.run.Resources`` has it)."""

    @property
    def gazetteer(self) -> Gazetteer: ...
    @property
    def matcher(self) -> PlaceMatcher: ...


@dataclass(frozen=True, slots=True)
class GeoparseResult:
    """One article's toponyms, or the rejection of a record that could not be read or cleaned."""

    article: Article | None
    toponyms: tuple[Toponym, ...] = ()
    rejection: Rejection | None = None


def geoparse_articles(
    articles: Iterable[Article | Rejection], resources: GeoResources
) -> Iterator[GeoparseResult]:
    """Clean, split and geoparse each article (rejections pass through), lazily and in order."""
    pipeline = Pipeline([clean_stage, sentence_stage, time_stage])
    for article in articles:
        if isinstance(article, Rejection):
            yield GeoparseResult(None, rejection=article)
            continue
        result = pipeline.run_one(article)
        if result.doc is None:
            yield GeoparseResult(article, rejection=result.rejection)
        else:
            toponyms = geoparse_doc(result.doc, resources.gazetteer, resources.matcher)
            yield GeoparseResult(article, tuple(toponyms))


def geoparse(
    paths: Sequence[Path],
    settings: Settings,
    resources: GeoResources,
    *,
    today: dt.date,
    field_map: Mapping[str, str] | None = None,
    published: dt.date | None = None,
    source: str | None = None,
) -> Iterator[GeoparseResult]:
    """Read every input with the same readers as ``extract`` (a JSONL of many articles is read in one
    go) and yield each article's toponyms, offsets into the original text; the mirror of
    ``frontlines geoparse``."""
    records = read_inputs(
        paths, settings.ingest, field_map=field_map, published=published, source=source, today=today
    )
    yield from geoparse_articles(records, resources)

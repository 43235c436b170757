"""Inputs cut into partitions on the client: what the workers are sent, and what they send back.

The client reads the inputs (the same readers as ``frontlines ingest``, in the same order) and cuts
the new articles into partitions of a fixed size. Reading stays on the client so that an article
read twice, or already stored, is dropped exactly as ``ingest`` drops it, and so that workers need
no access to the input files (only to their own gazetteer).

The client only *prepares* articles (:func:`~frontlines.ingest.draft.prepare`: date, id); the costly
checks of their text (cleaned length, language: :func:`~frontlines.ingest.draft.check`) run on the
workers, which then find the cleaned text in their cache for the pipeline: the serial part of a run
stays small, and the text is cleaned once. What ``ingest`` decides with the checks before it drops
a record is kept: an already stored article is sent along to be checked (``Partition.stored``), and
the origins of repeated records are kept (``CutCounts.repeats``) in case their article is rejected.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from frontlines.model import Article, Event, Rejection

#: Articles per partition when the number of partitions is not given.
DEFAULT_PARTITION_SIZE = 200


@dataclass(frozen=True, slots=True)
class Partition:
    """Articles for one worker task, plus the reader's rejections met while cutting it."""

    index: int
    #: New articles, prepared but not checked (``language`` None): checked, then extracted.
    articles: tuple[Article, ...]
    rejections: tuple[Rejection, ...] = ()
    #: Articles the store already holds: only checked (``ingest`` rejects one that fails now).
    stored: tuple[Article, ...] = ()

    @property
    def digest(self) -> str:
        """A content hash of the partition's article ids (and rejections' origins): its task key and
        its Parquet part's name, the same for the same input on every run."""
        h = hashlib.sha256()
        for article in self.articles:
            h.update(article.article_id.encode() + b"\n")
        for article in self.stored:
            h.update(b"stored " + article.article_id.encode() + b"\n")
        for rejection in self.rejections:
            h.update(f"{rejection.origin}\x1f{rejection.code}\n".encode())
        return h.hexdigest()[:20]


@dataclass(slots=True)
class PartitionResult:
    """What extracting one partition produced; rejections include the reader's and the checks'."""

    index: int
    articles: list[Article] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    undated: int = 0
    #: Rejections made on the worker (by the checks or the pipeline, not by the reader).
    pipeline_rejections: int = 0
    #: Articles whose text the checks rejected, by article id: repeated records get the same.
    checks_rejected: dict[str, Rejection] = field(default_factory=dict)
    #: Stored articles that passed the checks: skipped as ``ingest`` skips them.
    already_stored: int = 0


@dataclass(slots=True)
class CutCounts:
    """What cutting the input skipped: records repeating an article read before, and their
    origins by article id (when the checks reject the article, ``ingest`` rejects each of them)."""

    duplicates: int = 0
    repeats: dict[str, list[str]] = field(default_factory=dict)


def cut(
    records: Iterable[Article | Rejection],
    size: int,
    *,
    known: Callable[[list[str]], set[str]] | None = None,
    counts: CutCounts | None = None,
) -> Iterator[Partition]:
    """Cut a stream of articles and reader rejections into partitions of ``size`` articles.

    An article whose id was read before in the stream is a duplicate and dropped (counted, with its
    origin, in ``counts``); ``known`` (given a candidate partition's ids, returns those already
    stored) moves articles an earlier run stored to ``Partition.stored``. A partition may hold only
    rejections (at the end of the input).
    """
    if size < 1:
        raise ValueError(f"partition size {size} is below 1")
    tally = counts if counts is not None else CutCounts()
    seen: set[str] = set()
    articles: list[Article] = []
    stored: list[Article] = []
    rejections: list[Rejection] = []
    index = 0

    def take() -> Partition:
        nonlocal index, articles, stored, rejections
        part = Partition(index, tuple(articles), tuple(rejections), tuple(stored))
        index += 1
        articles, stored, rejections = [], [], []
        return part

    pending: list[Article] = []

    def settle() -> None:
        """Move the pending articles into the partition: new ones, or stored before."""
        old = known([a.article_id for a in pending]) if known is not None and pending else set()
        for a in pending:
            (stored if a.article_id in old else articles).append(a)
        pending.clear()

    for record in records:
        if isinstance(record, Rejection):
            rejections.append(record)
            continue
        if record.article_id in seen:
            tally.duplicates += 1
            tally.repeats.setdefault(record.article_id, []).append(record.origin)
            continue
        seen.add(record.article_id)
        pending.append(record)
        if len(articles) + len(stored) + len(pending) >= size:
            settle()
            yield take()
    settle()
    if articles or stored or rejections:
        yield take()

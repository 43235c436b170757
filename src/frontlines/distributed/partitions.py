"""Inputs cut into partitions on the client: what the workers are sent, and what they send back.

The client reads the inputs (the same readers as ``frontlines ingest``, in the same order) and cuts
the new articles into partitions of a fixed size. Reading stays on the client so that an article
read twice, or already stored, is dropped exactly as ``ingest`` drops it, and so that workers need
no access to the input files (only to their own gazetteer).
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
    articles: tuple[Article, ...]
    rejections: tuple[Rejection, ...] = ()

    @property
    def digest(self) -> str:
        """A content hash of the partition's article ids (and rejections' origins): its task key and
        its Parquet part's name, the same for the same input on every run."""
        h = hashlib.sha256()
        for article in self.articles:
            h.update(article.article_id.encode() + b"\n")
        for rejection in self.rejections:
            h.update(f"{rejection.origin}\x1f{rejection.code}\n".encode())
        return h.hexdigest()[:20]


@dataclass(slots=True)
class PartitionResult:
    """What extracting one partition produced; rejections include the reader's."""

    index: int
    articles: list[Article] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    undated: int = 0
    #: Rejections made by the pipeline on the worker (not by the reader on the client).
    pipeline_rejections: int = 0


@dataclass(slots=True)
class CutCounts:
    """What cutting the input skipped, as ``ingest`` counts it."""

    duplicates: int = 0
    already_stored: int = 0


def cut(
    records: Iterable[Article | Rejection],
    size: int,
    *,
    known: Callable[[list[str]], set[str]] | None = None,
    counts: CutCounts | None = None,
) -> Iterator[Partition]:
    """Cut a stream of articles and reader rejections into partitions of ``size`` new articles.

    An article whose id was read before in the stream is a duplicate and dropped; ``known`` (given a
    candidate partition's ids, returns those already stored) drops articles an earlier run stored.
    Both are counted in ``counts``. A partition may hold only rejections (at the end of the input).
    """
    if size < 1:
        raise ValueError(f"partition size {size} is below 1")
    tally = counts if counts is not None else CutCounts()
    seen: set[str] = set()
    articles: list[Article] = []
    rejections: list[Rejection] = []
    index = 0

    def take() -> Partition:
        nonlocal index, articles, rejections
        part = Partition(index, tuple(articles), tuple(rejections))
        index += 1
        articles, rejections = [], []
        return part

    pending: list[Article] = []

    def settle() -> None:
        """Move the pending articles not stored before into the partition."""
        stored = known([a.article_id for a in pending]) if known is not None and pending else set()
        tally.already_stored += sum(a.article_id in stored for a in pending)
        articles.extend(a for a in pending if a.article_id not in stored)
        pending.clear()

    for record in records:
        if isinstance(record, Rejection):
            rejections.append(record)
            continue
        if record.article_id in seen:
            tally.duplicates += 1
            continue
        seen.add(record.article_id)
        pending.append(record)
        if len(articles) + len(pending) >= size:
            settle()
            if len(articles) >= size:
                yield take()
    settle()
    if articles or rejections:
        yield take()

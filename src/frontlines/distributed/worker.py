"""What runs on a Dask worker: the pipeline over one partition, resources loaded once per process.

The gazetteer, place matcher (its automaton at once: a worker reads a corpus), actor dictionary and
classifier are loaded by the first task (or by :func:`warm_up`) of each worker process and kept for
every later task with the same settings; a worker restarted after a crash loads them again on its
first task.
"""

from __future__ import annotations

import os
import threading

from frontlines.config import Settings
from frontlines.distributed.partitions import Partition, PartitionResult
from frontlines.ingest.draft import check
from frontlines.model import Article, Rejection
from frontlines.pipeline import Pipeline
from frontlines.run import build_pipeline, load_resources

_PIPELINES: dict[str, Pipeline] = {}
_LOCK = threading.Lock()


def pipeline_for(settings: Settings) -> Pipeline:
    """This process's pipeline for ``settings``, built (and its resources loaded) on first use."""
    key = settings.hash()
    with _LOCK:
        found = _PIPELINES.get(key)
        if found is None:
            found = _PIPELINES[key] = build_pipeline(settings, load_resources(settings, bulk=True))
        return found


def warm_up(settings: Settings) -> int:
    """Load the resources now (run on every worker by the client); returns this process's id."""
    pipeline_for(settings)
    return os.getpid()


def extract_partition(partition: Partition, settings: Settings) -> PartitionResult:
    """Check every article of ``partition`` as ``ingest``'s reader does, then run the pipeline on the
    new ones that pass (the stored ones that pass are counted, not extracted); the reader's
    rejections pass through."""
    pipeline = pipeline_for(settings)
    out = PartitionResult(partition.index, rejections=list(partition.rejections))

    def rejected(rejection: Rejection) -> None:
        out.rejections.append(rejection)
        out.pipeline_rejections += 1

    def passes(article: Article) -> Article | None:
        """The article checked as ``ingest``'s reader checks it; ``None`` (recorded) when rejected."""
        checked = check(article, settings.ingest)
        if isinstance(checked, Rejection):
            rejected(checked)
            out.checks_rejected[article.article_id] = checked
            return None
        return checked

    out.already_stored += sum(passes(article) is not None for article in partition.stored)
    for article in partition.articles:
        checked = passes(article)
        if checked is None:
            continue
        result = pipeline.run_one(checked)
        if result.rejection is not None:
            rejected(result.rejection)
        elif result.doc is not None:
            out.articles.append(result.doc.article)
            out.events.extend(result.doc.events)
            out.undated += result.doc.undated
            out.warnings.extend(f"{result.doc.article.origin}: {w}" for w in result.doc.warnings)
    return out

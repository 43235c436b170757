"""What runs on a Dask worker: the pipeline over one partition, resources loaded once per process.

The gazetteer, place matcher, actor dictionary and classifier are loaded by the first task (or by
:func:`warm_up`) of each worker process and kept for every later task with the same settings; a
worker restarted after a crash loads them again on its first task.
"""

from __future__ import annotations

import os
import threading

from frontlines.config import Settings
from frontlines.distributed.partitions import Partition, PartitionResult
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
            found = _PIPELINES[key] = build_pipeline(settings, load_resources(settings))
        return found


def warm_up(settings: Settings) -> int:
    """Load the resources now (run on every worker by the client); returns this process's id."""
    pipeline_for(settings)
    return os.getpid()


def extract_partition(partition: Partition, settings: Settings) -> PartitionResult:
    """Run the pipeline on every article of ``partition``; the reader's rejections pass through."""
    pipeline = pipeline_for(settings)
    out = PartitionResult(partition.index, rejections=list(partition.rejections))
    for article in partition.articles:
        result = pipeline.run_one(article)
        if result.rejection is not None:
            out.rejections.append(result.rejection)
            out.pipeline_rejections += 1
        elif result.doc is not None:
            out.articles.append(result.doc.article)
            out.events.extend(result.doc.events)
            out.undated += result.doc.undated
            out.warnings.extend(f"{result.doc.article.origin}: {w}" for w in result.doc.warnings)
    return out

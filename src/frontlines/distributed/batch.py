"""``batch``: extract on Dask workers partition by partition, write each result as it comes, merge.

The client reads the inputs and cuts them into partitions (:mod:`.partitions`); at most a few
partitions per worker are in flight, so memory stays bounded on a corpus of any size. Each finished
partition is written in one transaction (``--into``) or as one Parquet part (``--out``). Ids are
content hashes, so a partition computed twice (its worker died and Dask ran it again) is written
once, and a killed run is completed by running it again. The result is what ``frontlines ingest``
of the same input stores.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from distributed import Client, Future, as_completed
from distributed.client import FutureCancelledError
from distributed.scheduler import KilledWorker

from frontlines.config import Settings
from frontlines.distributed.cluster import ClusterError
from frontlines.distributed.partitions import (
    DEFAULT_PARTITION_SIZE,
    CutCounts,
    Partition,
    PartitionResult,
    cut,
)
from frontlines.distributed.worker import extract_partition, warm_up
from frontlines.export_parquet import write_parquet
from frontlines.ingest import read_inputs
from frontlines.merge.store import MergeProgress, merge_pending
from frontlines.model import Article, Rejection
from frontlines.run import IngestReport
from frontlines.store.base import CanonicalRepository, Repository

#: Partitions in flight per worker: enough to keep each busy while the client writes.
IN_FLIGHT_PER_WORKER = 2
#: Times Dask re-runs a partition whose task raised (a worker dying is retried by the scheduler).
RETRIES = 2

#: ``progress(partitions_done, partitions_total or None, articles_done)``.
BatchProgress = Callable[[int, int | None, int], None]


@dataclass(slots=True)
class BatchReport(IngestReport):
    """What one batch run read, extracted and added: ``IngestReport``'s counts and the partitions."""

    workers: int = 0
    partitions: int = 0
    #: Parquet parts found written by an earlier run (``--out``), not computed again.
    parts_kept: int = 0


@dataclass(frozen=True, slots=True)
class Sink:
    """Where results go: a store (``repository``) or a folder of Parquet parts (``out``)."""

    repository: Repository | None = None
    out: Path | None = None

    def part_path(self, partition: Partition) -> Path | None:
        return None if self.out is None else self.out / f"part-{partition.digest}.parquet"


def _records(
    paths: Sequence[Path],
    settings: Settings,
    *,
    today: dt.date,
    field_map: Mapping[str, str] | None,
    published: dt.date | None,
    source: str | None,
    partitions: int | None,
    partition_size: int,
) -> tuple[Iterable[Article | Rejection], int]:
    """The input records and the partition size: ``partitions`` given, the records are read first
    (to count them) and cut into that many partitions; otherwise streamed in default-size ones."""
    records = read_inputs(
        paths,
        settings.ingest,
        field_map=field_map,
        published=published,
        source=source,
        today=today,
        check_text=False,  # the workers check the text (partitions.py says why)
    )
    if partitions is None:
        if partition_size < 1:
            raise ClusterError(f"--partition-size {partition_size} is below 1", "pass 1 or more")
        return records, partition_size
    if partitions < 1:
        raise ClusterError(f"--partitions {partitions} is below 1", "pass 1 or more")
    listed = list(records)
    articles = sum(isinstance(r, Article) for r in listed)
    return listed, max(1, math.ceil(articles / partitions))


def _write_part(path: Path, result: PartitionResult) -> None:
    """One Parquet part, written atomically (a temporary file renamed into place)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        write_parquet(result.events, fh)
    tmp.replace(path)


def _store(
    sink: Sink, result: PartitionResult, partition: Partition, run_config: str, report: BatchReport
) -> None:
    report.articles_skipped += result.already_stored
    report.articles_read += len(result.articles)
    report.events_found += len(result.events)
    report.rejected += len(result.rejections)
    report.undated_events += result.undated
    report.warnings.extend(result.warnings)
    if sink.repository is not None:
        counts = sink.repository.add_batch(
            result.articles, result.events, result.rejections, run_config=run_config
        )
        report.new_articles += counts.articles
        report.new_events += counts.events
        report.new_rejections += counts.rejections
    else:
        path = sink.part_path(partition)
        assert path is not None
        _write_part(path, result)
        report.new_articles += len(result.articles)
        report.new_events += len(result.events)
        report.new_rejections += len(result.rejections)


def _run(
    client: Client,
    parts: Iterator[Partition],
    settings: Settings,
    sink: Sink,
    report: BatchReport,
    progress: BatchProgress | None,
    total: int | None,
) -> dict[str, Rejection]:
    """Keep a few partitions per worker in flight; write each result as it arrives. Returns the
    checks' rejections by article id."""
    checks_rejected: dict[str, Rejection] = {}
    limit = max(1, report.workers) * IN_FLIGHT_PER_WORKER
    running: dict[object, Partition] = {}
    pending = as_completed()

    def submit_next() -> bool:
        for part in parts:
            report.partitions += 1
            path = sink.part_path(part)
            if path is not None and path.exists():
                report.parts_kept += 1
                continue
            future = client.submit(
                extract_partition,
                part,
                settings,
                key=f"frontlines-extract-{part.index}-{part.digest}",
                retries=RETRIES,
                pure=False,
            )
            running[future.key] = part
            pending.add(future)
            return True
        return False

    while len(running) < limit and submit_next():
        pass
    articles = 0
    for done, future in enumerate(pending, start=1):
        part = running.pop(future.key)
        result = _result(future, part)
        _store(sink, result, part, settings.hash(), report)
        checks_rejected.update(result.checks_rejected)
        articles += len(part.articles)
        if progress is not None:
            progress(done, total, articles)
        future.release()
        while len(running) < limit and submit_next():
            pass
    return checks_rejected


def _reject_repeats(
    sink: Sink, repeats: Mapping[str, list[str]], rejected: Mapping[str, Rejection], run_config: str
) -> tuple[list[Rejection], int]:
    """The rejections ``ingest`` makes of records repeating an article the checks rejected: the
    same rejection under each repeat's origin (the checks read only the text, which the id hashes);
    stored like the others. Returns them and how many of them the store did not hold yet."""
    found = [
        replace(rejected[ident], origin=origin)
        for ident, origins in repeats.items()
        if ident in rejected
        for origin in origins
    ]
    if found and sink.repository is not None:
        return found, sink.repository.add_batch([], [], found, run_config=run_config).rejections
    return found, len(found)


def _result(future: Future, part: Partition) -> PartitionResult:
    try:
        result: PartitionResult = future.result()
    except KilledWorker as exc:
        raise ClusterError(
            f"partition {part.index} ({len(part.articles)} articles from {_origin(part)}) killed its "
            f"workers again and again: {exc}",
            "check the workers' memory and logs; rerun the command to complete the other partitions",
        ) from None
    except FutureCancelledError as exc:
        raise ClusterError(f"partition {part.index} was cancelled: {exc}", "rerun the command") from None
    return result


def _origin(part: Partition) -> str:
    return part.articles[0].origin if part.articles else "no article"


def batch(
    paths: Sequence[Path],
    settings: Settings,
    client: Client,
    *,
    today: dt.date,
    repository: Repository | None = None,
    out: Path | None = None,
    partitions: int | None = None,
    partition_size: int | None = None,
    field_map: Mapping[str, str] | None = None,
    published: dt.date | None = None,
    source: str | None = None,
    progress: BatchProgress | None = None,
    merge_progress: MergeProgress | None = None,
) -> BatchReport:
    """Extract the inputs on ``client``'s workers; store the results in ``repository`` (then merge
    the new reports into canonical events) or write them as Parquet parts under ``out``.

    ``partitions`` cuts the input into that many partitions (read first to count it); otherwise
    partitions of ``partition_size`` articles (default :data:`DEFAULT_PARTITION_SIZE`) are read as
    the workers need them.
    Articles already in ``repository`` are sent to be checked only (``ingest`` rejects one whose text
    fails the checks now), not extracted; Parquet parts already under ``out`` are kept.
    """
    if (repository is None) == (out is None):
        raise ClusterError("batch needs one destination", "pass --into DB or --out DIR.parquet")
    if out is not None:
        if out.exists() and not out.is_dir():
            raise ClusterError(f"--out {out} is a file", "pass a folder (it is created when missing)")
        out.mkdir(parents=True, exist_ok=True)
    records, size = _records(
        paths,
        settings,
        today=today,
        field_map=field_map,
        published=published,
        source=source,
        partitions=partitions,
        partition_size=DEFAULT_PARTITION_SIZE if partition_size is None else partition_size,
    )
    report = BatchReport()
    report.workers = len(client.run(warm_up, settings))
    if report.workers == 0:
        raise ClusterError(
            f"the Dask scheduler at {client.scheduler.address} has no worker",
            "start one with `dask worker ADDRESS` and run again",
        )
    tally = CutCounts()
    known = None if repository is None else repository.known_article_ids
    parts = cut(records, size, known=known, counts=tally)
    sink = Sink(repository, out)
    rejected = _run(client, parts, settings, sink, report, progress, partitions)
    repeats, new = _reject_repeats(sink, tally.repeats, rejected, settings.hash())
    report.duplicates = tally.duplicates - len(repeats)
    report.rejected += len(repeats)
    report.new_rejections += new
    if isinstance(repository, CanonicalRepository):
        report.merge = merge_pending(repository, merge_progress)
    return report

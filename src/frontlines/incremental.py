"""``ingest_since_last``: the daily run. Reads only the input files no earlier run finished (by a
hash of their bytes), stores only new articles (by their content-hash ids), and keeps a run record
(:mod:`frontlines.store.runlog`) of the files each run finished and what they added.

A file is recorded once all its articles are stored, so a killed run leaves its finished files
recorded and the next run reads the others again (articles stored before the kill are skipped by
id, and the unfinished merge is completed). A file that changed (a JSONL feed appended to) has a
new hash: it is read again and only its new articles are extracted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from frontlines.config import Settings
from frontlines.errors import ConfigError, StoreError
from frontlines.ingest.read import iter_files
from frontlines.ingest.txt import EXTENSIONS as TXT_EXTENSIONS
from frontlines.merge.store import MergeProgress, merge_pending
from frontlines.pipeline import Result
from frontlines.run import IngestReport, Resources, ingest
from frontlines.store.base import CanonicalRepository, Repository
from frontlines.store.runlog import FileRecord, RunLog

#: Bytes read at a time when hashing a file.
_HASH_BLOCK = 1 << 20


@dataclass(slots=True)
class SinceLastReport:
    """One incremental run: its id, the files it read or found unchanged, what ingest did."""

    run_id: str
    files_read: int = 0
    files_unchanged: int = 0
    #: Runs that were killed before finishing (this run completed their work).
    unfinished_before: list[str] = field(default_factory=list)
    ingest: IngestReport = field(default_factory=IngestReport)

    def counts(self) -> dict[str, int]:
        """What the run record keeps."""
        return {
            "files_read": self.files_read,
            "files_unchanged": self.files_unchanged,
            "articles_added": self.ingest.new_articles,
            "events_added": self.ingest.new_events,
            "rejections_added": self.ingest.new_rejections,
        }


def file_digest(path: Path) -> str:
    """sha256 of a file's bytes (with its ``NAME.json`` sidecar's, for a text file that has one)."""
    h = hashlib.sha256()
    parts = [path]
    sidecar = path.with_suffix(".json")
    if path.suffix.lower() in TXT_EXTENSIONS and sidecar.is_file():
        parts.append(sidecar)
    for part in parts:
        with part.open("rb") as fh:
            while block := fh.read(_HASH_BLOCK):
                h.update(block)
        h.update(b"\x00")
    return h.hexdigest()[:32]


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _add(total: IngestReport, part: IngestReport) -> None:
    for name in (
        "articles_read", "articles_skipped", "duplicates", "events_found", "rejected",
        "undated_events", "new_articles", "new_events", "new_rejections",
    ):  # fmt: skip
        setattr(total, name, getattr(total, name) + getattr(part, name))
    total.warnings.extend(part.warnings)


def ingest_since_last(
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
    clock: Callable[[], dt.datetime] = _utc_now,
) -> SinceLastReport:
    """Ingest the files under ``paths`` that no earlier run finished, file by file, recording each
    file when its articles are stored; then merge and record the run as finished."""
    if not isinstance(repository, RunLog):
        raise StoreError(
            f"the store {type(repository).__name__} keeps no run log", "use ingest without --since-last"
        )
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise ConfigError(f"input not found: {', '.join(missing)}", "check the path(s) and try again")

    def now() -> str:
        return clock().isoformat(timespec="seconds")

    # the id starts with the start time to the microsecond: ids sort in start order (the run log's order)
    report = SinceLastReport(f"{clock():%Y%m%dT%H%M%S.%f}-{uuid.uuid4().hex[:6]}")
    report.unfinished_before = [r.run_id for r in repository.ingest_runs() if r.finished is None]
    files = [(path, file_digest(path)) for path in iter_files(paths)]
    known = repository.known_digests(d for _, d in files)
    repository.start_ingest_run(report.run_id, [str(p) for p in paths], started=now())
    for path, digest in files:
        if digest in known:
            report.files_unchanged += 1
            continue
        known.add(digest)  # a second copy of the file in this run is unchanged too
        part = ingest(
            [path], settings, resources, repository, today=today, field_map=field_map,
            published=published, source=source, progress=progress, merge=False,
        )  # fmt: skip
        _add(report.ingest, part)
        report.files_read += 1
        record = FileRecord(digest, str(path), part.new_articles, part.new_events)
        repository.record_file(report.run_id, record, done_at=now())
    if isinstance(repository, CanonicalRepository):
        report.ingest.merge = merge_pending(repository, merge_progress)
    repository.finish_ingest_run(report.run_id, report.counts(), finished=now())
    return report

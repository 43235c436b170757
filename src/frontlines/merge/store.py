"""Merging the reports of a store: the functions ``frontlines merge`` and ``frontlines ingest`` call."""

from __future__ import annotations

from dataclasses import dataclass

from frontlines.merge.cluster import expand_zone, merge_events
from frontlines.store.base import CanonicalRepository, EventQuery


@dataclass(frozen=True, slots=True)
class MergeSummary:
    """What one merge did: reports read, canonical events removed and written, total afterwards."""

    reports: int
    dropped: int
    written: int
    canonical_total: int


def merge_store(repository: CanonicalRepository) -> MergeSummary:
    """Re-merge every stored report from scratch, replacing all canonical events (one transaction)."""
    reports = list(repository.events(EventQuery()))
    canonical = merge_events(reports)
    before = repository.canonical_count()
    repository.replace_canonical([], canonical, clear=True)
    return MergeSummary(len(reports), before, len(canonical), repository.canonical_count())


def merge_pending(repository: CanonicalRepository) -> MergeSummary:
    """Merge the reports stored since the last merge into the stored canonical events, re-merging
    only the zones they fall in (see :func:`frontlines.merge.expand_zone`): the same result as
    :func:`merge_store`, at the cost of the new reports' neighbourhoods."""
    new = repository.unmerged_reports()
    if not new:
        return MergeSummary(0, 0, 0, repository.canonical_count())
    zone = expand_zone(new, repository.report_neighbours)
    owner = repository.canonical_owner([r.event_id for r in zone])
    dropped = sorted(set(owner.values()))
    added = merge_events(zone)
    repository.replace_canonical(dropped, added)
    return MergeSummary(len(new), len(dropped), len(added), repository.canonical_count())

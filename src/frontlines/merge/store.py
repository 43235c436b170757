"""Merging the reports of a store: the functions ``frontlines merge`` and ``frontlines ingest`` call.

Both merges find zones (:mod:`frontlines.merge.zones`) from the reports' light keys, then read the
full reports (with their evidence) zone by zone, each once, merge them and write every change in one
transaction. A merge killed before that transaction leaves the store as it was: its reports are still
unmerged, and the next :func:`merge_pending` (which ``ingest`` and ``merge`` run) completes it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from frontlines.merge.cluster import merge_events
from frontlines.merge.zones import NeighbourIndex, chunk_zones, zones_of
from frontlines.model import CanonicalEvent
from frontlines.store.base import CanonicalRepository

#: Reports read and merged at a time (whole zones; a larger zone is read alone).
ZONE_BATCH = 5000

#: Share of new reports from which a full merge costs less than finding their zones.
FULL_MERGE_SHARE = 0.5

#: ``progress(phase, done, total)``: called as a merge advances (``total`` None when unknown).
MergeProgress = Callable[[str, int, int | None], None]


@dataclass(frozen=True, slots=True)
class MergeSummary:
    """What one merge did: reports read, canonical events removed and written, total afterwards."""

    reports: int
    dropped: int
    written: int
    canonical_total: int


def _merge_zones(
    repository: CanonicalRepository, zones: list[list[str]], progress: MergeProgress | None
) -> list[CanonicalEvent]:
    """The canonical events of whole zones, reading each zone's reports once; their evidence is not
    kept (the store joins it through the reports)."""
    total = sum(len(z) for z in zones)
    done = 0
    out: list[CanonicalEvent] = []
    for ids in chunk_zones(zones, ZONE_BATCH):
        for canon in merge_events(repository.reports_by_id(ids)):
            out.append(replace(canon, event=replace(canon.event, evidence=())))
        done += len(ids)
        if progress is not None:
            progress("merging", done, total)
    return out


def merge_store(repository: CanonicalRepository, progress: MergeProgress | None = None) -> MergeSummary:
    """Re-merge every stored report from scratch, replacing all canonical events (one transaction)."""
    keys = list(repository.report_keys_between(None, None))
    if progress is not None:
        progress("finding zones", 0, len(keys))
    canonical = _merge_zones(repository, zones_of(keys), progress)
    before = repository.canonical_count()
    repository.replace_canonical([], canonical, clear=True)
    return MergeSummary(len(keys), before, len(canonical), repository.canonical_count())


def _pending_zone(
    repository: CanonicalRepository, seeds: Iterable[str], progress: MergeProgress | None
) -> tuple[set[str], set[str]]:
    """The ids of every report in the zones of ``seeds``, and the canonical events they belong to.

    A canonical event that would be dropped brings all its reports into the zone, so a store left
    inconsistent (by an older version) is repaired rather than losing reports.
    """
    index = NeighbourIndex(repository.report_keys_between)
    zone: set[str] = set()
    owned: set[str] = set()
    todo = sorted(set(seeds))
    while todo:
        zone |= index.expand(repository.report_keys(todo))
        if progress is not None:
            progress("finding zones", len(zone), None)
        owned = set(repository.canonical_owner(sorted(zone)).values())
        members = repository.canonical_members(sorted(owned))
        todo = sorted({rid for ids in members.values() for rid in ids} - zone)
    return zone, owned


def merge_pending(
    repository: CanonicalRepository,
    progress: MergeProgress | None = None,
    *,
    full_share: float = FULL_MERGE_SHARE,
) -> MergeSummary:
    """Merge the reports stored since the last merge into the stored canonical events, re-merging
    only the zones they fall in: exactly what :func:`merge_store` gives, at the cost of the new
    reports' neighbourhoods. A store with no canonical event yet, or whose new reports are at least
    ``full_share`` (:data:`FULL_MERGE_SHARE`) of all, is merged in full (the same result, at a lower
    cost; a share above 1 never chooses it)."""
    new = repository.unmerged_ids()
    if not new:
        return MergeSummary(0, 0, 0, repository.canonical_count())
    if repository.canonical_count() == 0 or len(new) >= full_share * repository.counts().events:
        summary = merge_store(repository, progress)
        return MergeSummary(len(new), 0, summary.written, summary.canonical_total)
    zone, dropped = _pending_zone(repository, new, progress)
    keys = repository.report_keys(sorted(zone))
    added = _merge_zones(repository, zones_of(keys), progress)
    repository.replace_canonical(sorted(dropped), added)
    return MergeSummary(len(new), len(dropped), len(added), repository.canonical_count())

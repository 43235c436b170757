"""Cross-report merging: per-article events of one real-world event become one canonical event.

``merge_events(reports)`` clusters and reconciles; ``merge_into(new, neighbours, owner)`` merges new
reports incrementally; ``zones_of`` and ``NeighbourIndex`` find the zones a merge reads from light report
keys (:mod:`frontlines.merge.zones`), and :mod:`frontlines.merge.store` merges a store with them. See
:mod:`frontlines.merge.cluster` (the algorithm),
:mod:`frontlines.merge.match` (the tolerances) and :mod:`frontlines.merge.reconcile` (the field rules).
"""

from __future__ import annotations

from frontlines.merge.cluster import cluster_reports, expand_zone, merge_events, merge_into
from frontlines.merge.match import compatible, dictionary_generic
from frontlines.merge.reconcile import CanonicalEvent, Contradiction, canonical_id, reconcile
from frontlines.merge.zones import NeighbourIndex, zones_of

__all__ = [
    "CanonicalEvent",
    "Contradiction",
    "NeighbourIndex",
    "canonical_id",
    "cluster_reports",
    "compatible",
    "dictionary_generic",
    "expand_zone",
    "merge_events",
    "merge_into",
    "reconcile",
    "zones_of",
]

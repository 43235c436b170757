"""Grouping per-article reports into canonical events: blocking, zones, constrained linkage.

The algorithm, in four steps, each a function of the *set* of reports (never of their order):

1. **Exact groups.** Reports identical on every field the match reads (type, day, precisions,
   country, place, point, actors) are one group; they are trivially the same event.
2. **Blocking.** Each group is filed under the (event type, week, grid cell) keys its date window
   and place disc cover (:func:`~frontlines.merge.match.block_keys`); only groups sharing a key are
   compared, so the cost grows with the number of reports times the (small) block sizes.
   Every compatible pair shares a key, so the compatible pairs found are all of them.
3. **Zones.** Connected components of the compatibility graph. A zone's canonical events depend on
   the zone alone, which is what makes merging incremental: a new report changes only its zone.
4. **Linkage inside a zone.** Compatible pairs are taken best first (both reports exact in time and
   place with the same actors; then both exact; then the rest; then by date gap, distance and the
   groups' content keys) and two clusters are joined only when *every* pair across them is
   compatible. So a vague report cannot chain two different days, places or named actors into one
   event, and the result is deterministic and independent of the input order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

from frontlines.merge.match import (
    IsGeneric,
    block_keys,
    compatible,
    dictionary_generic,
    place_distance_km,
)
from frontlines.merge.reconcile import WIRE_SIMILARITY, CanonicalEvent, reconcile
from frontlines.model import VICTIM_SUB_TYPES, Event

_GroupKey = tuple[object, ...]


def _group_key(r: Event) -> _GroupKey:
    return (
        str(r.event_type),
        r.event_date.toordinal(),
        int(r.time_precision),
        int(r.geo_precision),
        r.iso3,
        r.location.casefold(),
        (r.admin1 or "").casefold(),
        r.latitude,
        r.longitude,
        r.actor1,
        r.inter1,
        r.actor2 or "",
        -1 if r.inter2 is None else r.inter2,
        r.sub_event_type in VICTIM_SUB_TYPES,
    )


class _Find:
    """Union-find over 0..n-1 (path halving)."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i


def cluster_reports(
    reports: Iterable[Event], is_generic: IsGeneric = dictionary_generic
) -> list[list[Event]]:
    """The reports grouped into real-world events, each group sorted by report id, groups sorted by
    their first report id. Reports with one ``event_id`` are one report (the first kept is the one
    with the smallest content key, so duplicates never depend on the order)."""
    unique: dict[str, Event] = {}
    for r in reports:
        kept = unique.get(r.event_id)
        if kept is None or _group_key(r) < _group_key(kept):
            unique[r.event_id] = r
    groups_by_key: dict[_GroupKey, list[Event]] = defaultdict(list)
    for r in unique.values():
        groups_by_key[_group_key(r)].append(r)
    keys = sorted(groups_by_key)
    groups = [groups_by_key[k] for k in keys]
    reps = [g[0] for g in groups]

    blocks: dict[tuple[str, int, int, int], list[int]] = defaultdict(list)
    for i, rep in enumerate(reps):
        for key in block_keys(rep):
            blocks[key].append(i)
    edges: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                pair = (i, j) if i < j else (j, i)
                if pair not in edges and compatible(reps[i], reps[j], is_generic):
                    edges.add(pair)

    zones = _Find(len(groups))
    for i, j in edges:
        ri, rj = zones.find(i), zones.find(j)
        if ri != rj:
            zones.parent[max(ri, rj)] = min(ri, rj)
    zone_edges: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for i, j in edges:
        zone_edges[zones.find(i)].append((i, j))

    clusters = _Find(len(groups))
    members_of: dict[int, list[int]] = {i: [i] for i in range(len(groups))}
    for pairs in zone_edges.values():
        for i, j in sorted(pairs, key=lambda p: _edge_rank(p, reps, keys)):
            ci, cj = clusters.find(i), clusters.find(j)
            if ci == cj:
                continue
            if all((min(a, b), max(a, b)) in edges for a in members_of[ci] for b in members_of[cj]):
                root, other = min(ci, cj), max(ci, cj)
                clusters.parent[other] = root
                members_of[root] = members_of[root] + members_of.pop(other)
    result = [
        sorted((r for g in members for r in groups[g]), key=lambda r: r.event_id)
        for members in members_of.values()
    ]
    result.sort(key=lambda rs: rs[0].event_id)
    return result


def _edge_rank(pair: tuple[int, int], reps: Sequence[Event], keys: Sequence[_GroupKey]) -> tuple[object, ...]:
    a, b = reps[pair[0]], reps[pair[1]]
    exact = int(a.time_precision) == 1 == int(b.time_precision) and int(a.geo_precision) == 1 == int(
        b.geo_precision
    )
    same_actors = {a.actor1, a.actor2} == {b.actor1, b.actor2}
    tier = 0 if exact and same_actors else 1 if exact else 2
    gap = abs(a.event_date.toordinal() - b.event_date.toordinal())
    return tier, gap, round(place_distance_km(a, b), 3), keys[pair[0]], keys[pair[1]]


def merge_events(
    reports: Iterable[Event],
    *,
    is_generic: IsGeneric = dictionary_generic,
    similarity: float = WIRE_SIMILARITY,
) -> list[CanonicalEvent]:
    """Canonical events from per-article reports (ACLED's unit, with the tolerances of
    :mod:`frontlines.merge.match`), sorted by canonical id. Order-independent and idempotent:
    any permutation, or the reports given twice, give the same result."""
    canonical = [reconcile(group, is_generic, similarity) for group in cluster_reports(reports, is_generic)]
    canonical.sort(key=lambda c: c.canonical_id)
    return canonical


def expand_zone(
    seeds: Iterable[Event],
    neighbours: Callable[[Event], Iterable[Event]],
    is_generic: IsGeneric = dictionary_generic,
) -> list[Event]:
    """Every report reachable from ``seeds`` through compatible pairs (their zones), by report id.

    ``neighbours(report)`` returns stored reports that may be compatible with it (a superset is fine:
    a date/box query). Merging the zone alone gives the same canonical events for its reports as
    merging everything: this is the incremental merge.
    """
    found: dict[str, Event] = {}
    todo = list(seeds)
    for r in todo:
        found.setdefault(r.event_id, r)
    while todo:
        current = todo.pop()
        for other in neighbours(current):
            if other.event_id not in found and compatible(current, other, is_generic):
                found[other.event_id] = other
                todo.append(other)
    return [found[k] for k in sorted(found)]


def merge_into(
    new: Iterable[Event],
    neighbours: Callable[[Event], Iterable[Event]],
    owner: Mapping[str, str],
    *,
    is_generic: IsGeneric = dictionary_generic,
    similarity: float = WIRE_SIMILARITY,
) -> tuple[list[str], list[CanonicalEvent]]:
    """Merge ``new`` reports into already merged ones without re-merging the unaffected events.

    ``neighbours(report)`` gives merged reports that may match it (a superset is fine); ``owner``
    maps a merged report id to its canonical id. Returns (canonical ids to drop, canonical events to
    add); applying them gives what :func:`merge_events` over all reports gives, because a canonical
    event never spans two zones.
    """
    zone = expand_zone(new, neighbours, is_generic)
    dropped = sorted({owner[r.event_id] for r in zone if r.event_id in owner})
    return dropped, merge_events(zone, is_generic=is_generic, similarity=similarity)

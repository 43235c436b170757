"""Zones of the compatibility graph, found from light report keys (no text, no evidence).

A zone is a connected component of the graph whose edges are the compatible pairs of reports
(:func:`~frontlines.merge.match.compatible`). Canonical events never span two zones, so merging a
union of whole zones gives exactly the canonical events a merge of every report gives for them.

- :func:`zones_of` splits a set of keys into its zones (the full merge reads them zone by zone).
- :class:`NeighbourIndex` finds the zones of a few new reports in a large store: it reads the
  stored keys a week at a time, only around the reports it expands, each key once, and indexes them
  by the blocking keys of :func:`~frontlines.merge.match.block_keys` (every compatible pair shares
  one). Reports identical on every matched field are expanded once, as one group.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence

from frontlines.merge.match import (
    BUCKET_DAYS,
    MAX_HALF_WINDOW,
    IsGeneric,
    Matchable,
    block_keys,
    compatible,
    date_window,
    dictionary_generic,
)

_FieldKey = tuple[object, ...]
_BlockKey = tuple[str, int, int, int]
#: Reads the stored keys of reports dated from ``first`` to ``last`` (inclusive).
KeyLoader = Callable[[dt.date, dt.date], Iterable[Matchable]]


def field_key(r: Matchable) -> _FieldKey:
    """Every field the match reads: reports with equal field keys match the same reports."""
    return (
        str(r.event_type),
        r.event_date.toordinal(),
        int(r.time_precision),
        int(r.geo_precision),
        r.iso3,
        (r.admin1 or "").casefold(),
        r.latitude,
        r.longitude,
        r.actor1,
        r.inter1,
        r.actor2 or "",
        -1 if r.inter2 is None else r.inter2,
        str(r.sub_event_type),
    )


class _Groups:
    """Reports grouped by field key, each group filed under its representative's blocking keys."""

    def __init__(self) -> None:
        self.members: dict[_FieldKey, list[str]] = {}
        self.rep: dict[_FieldKey, Matchable] = {}
        self.blocks: dict[_BlockKey, list[_FieldKey]] = defaultdict(list)
        self.ids: set[str] = set()

    def add(self, r: Matchable) -> _FieldKey:
        key = field_key(r)
        if r.event_id in self.ids:
            return key
        self.ids.add(r.event_id)
        if key not in self.members:
            self.members[key] = []
            self.rep[key] = r
            for block in set(block_keys(r)):
                self.blocks[block].append(key)
        self.members[key].append(r.event_id)
        return key

    def candidates(self, key: _FieldKey) -> Iterator[_FieldKey]:
        """The groups sharing a blocking key with group ``key`` (each once, itself excluded)."""
        seen = {key}
        for block in set(block_keys(self.rep[key])):
            for other in self.blocks.get(block, ()):
                if other not in seen:
                    seen.add(other)
                    yield other


def zones_of(keys: Iterable[Matchable], is_generic: IsGeneric = dictionary_generic) -> list[list[str]]:
    """The zones of these reports: lists of report ids, each sorted, sorted by their first id."""
    groups = _Groups()
    for r in keys:
        groups.add(r)
    order = sorted(groups.members)
    index = {k: i for i, k in enumerate(order)}
    parent = list(range(len(order)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for key in order:
        i = index[key]
        for other in groups.candidates(key):
            j = index[other]
            if find(i) != find(j) and compatible(groups.rep[key], groups.rep[other], is_generic):
                a, b = find(i), find(j)
                parent[max(a, b)] = min(a, b)
    zones: dict[int, list[str]] = defaultdict(list)
    for key in order:
        zones[find(index[key])].extend(groups.members[key])
    return sorted((sorted(z) for z in zones.values()), key=lambda z: z[0])


def chunk_zones(zones: Sequence[list[str]], size: int) -> Iterator[list[str]]:
    """Whole zones packed into lists of about ``size`` report ids (a larger zone goes alone)."""
    chunk: list[str] = []
    for zone in zones:
        if chunk and len(chunk) + len(zone) > size:
            yield chunk
            chunk = []
        chunk.extend(zone)
    if chunk:
        yield chunk


class NeighbourIndex:
    """The stored reports around the ones being merged, read week by week as the zones grow.

    ``load(first, last)`` reads the keys of the stored reports dated in that range. ``loaded`` counts
    the keys read (each report once) and ``queries`` the calls to ``load``.
    """

    def __init__(self, load: KeyLoader, is_generic: IsGeneric = dictionary_generic) -> None:
        self._load = load
        self._is_generic = is_generic
        self._weeks: set[int] = set()
        self._groups = _Groups()
        self.loaded = 0
        self.queries = 0

    def _ensure(self, reports: Iterable[Matchable]) -> None:
        """Read every stored report that can share a blocking key with one of ``reports``."""
        need: set[int] = set()
        for r in reports:
            lo, hi = date_window(r)
            first = (lo // BUCKET_DAYS) * BUCKET_DAYS - MAX_HALF_WINDOW
            last = (hi // BUCKET_DAYS) * BUCKET_DAYS + BUCKET_DAYS - 1 + MAX_HALF_WINDOW
            need.update(range(first // BUCKET_DAYS, last // BUCKET_DAYS + 1))
        missing = sorted(need - self._weeks)
        self._weeks.update(missing)
        runs: list[list[int]] = []
        for week in missing:
            if runs and runs[-1][1] == week - 1:
                runs[-1][1] = week
            else:
                runs.append([week, week])
        for start, end in runs:
            first_day = dt.date.fromordinal(max(1, start * BUCKET_DAYS))
            last_day = dt.date.fromordinal(min(dt.date.max.toordinal(), end * BUCKET_DAYS + BUCKET_DAYS - 1))
            self.queries += 1
            for key in self._load(first_day, last_day):
                if key.event_id not in self._groups.ids:
                    self.loaded += 1
                self._groups.add(key)

    def expand(self, seeds: Iterable[Matchable]) -> set[str]:
        """The ids of every stored report in the zones of ``seeds`` (the seeds included)."""
        groups = self._groups
        found: set[_FieldKey] = set()
        frontier: list[_FieldKey] = []
        for seed in seeds:
            key = groups.add(seed)
            if key not in found:
                found.add(key)
                frontier.append(key)
        while frontier:
            self._ensure(groups.rep[k] for k in frontier)
            following: list[_FieldKey] = []
            for key in frontier:
                for other in groups.candidates(key):
                    if other not in found and compatible(
                        groups.rep[key], groups.rep[other], self._is_generic
                    ):
                        found.add(other)
                        following.append(other)
            frontier = following
        return {rid for key in found for rid in groups.members[key]}

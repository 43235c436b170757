"""Zones from light keys: order-independent, and merging zone by zone equals merging everything."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.merge import merge_events, zones_of
from frontlines.merge.zones import chunk_zones
from frontlines.model import SubEventType
from unit.merge.factory import CIVILIANS, HTS, PLACES, REBELS, report

_SUBS = [SubEventType.ARMED_CLASH, SubEventType.SHELLING, SubEventType.ATTACK, SubEventType.PEACEFUL_PROTEST]


@st.composite
def _reports(draw: st.DrawFn) -> list:
    return [
        report(
            f"z{i}",
            day=dt.date(2013, 2, 1) + dt.timedelta(days=draw(st.integers(0, 45))),
            place=draw(st.sampled_from(sorted(PLACES))),
            sub=draw(st.sampled_from(_SUBS)),
            actor2=draw(st.sampled_from([REBELS, HTS, CIVILIANS, None])),
            tp=draw(st.sampled_from([1, 2, 3])),
            gp=draw(st.sampled_from([1, 2, 3])),
        )
        for i in range(draw(st.integers(1, 16)))
    ]


def _view(canonical: list) -> list:
    return sorted((c.canonical_id, c.report_ids, c.event, c.independent_sources) for c in canonical)


@settings(max_examples=60, deadline=None)
@given(_reports(), st.randoms(), st.integers(1, 8))
def test_merge_zones_merged_one_by_one_equal_the_whole(items: list, rnd, size: int) -> None:
    shuffled = list(items)
    rnd.shuffle(shuffled)
    zones = zones_of(items)
    assert zones_of(shuffled) == zones
    assert sorted(rid for z in zones for rid in z) == sorted(r.event_id for r in items)
    by_id = {r.event_id: r for r in items}
    pieces = [c for chunk in chunk_zones(zones, size) for c in merge_events([by_id[i] for i in chunk])]
    assert _view(pieces) == _view(merge_events(items))


def test_merge_zones_chunks_keep_zones_whole() -> None:
    zones = [["a", "b", "c"], ["d"], ["e", "f"], ["g", "h", "i", "j"]]
    chunks = list(chunk_zones(zones, 4))
    assert chunks == [["a", "b", "c", "d"], ["e", "f"], ["g", "h", "i", "j"]]

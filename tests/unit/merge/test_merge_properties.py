"""Invariants of merging: order-independence, idempotence, incremental = full."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.merge import merge_events, merge_into
from frontlines.model import SubEventType
from unit.merge.factory import ARMY, HTS, IS, PLACES, REBELS, report

_SUBS = [SubEventType.ARMED_CLASH, SubEventType.NON_STATE_OVERTAKES_TERRITORY, SubEventType.SHELLING]


@st.composite
def reports(draw: st.DrawFn) -> list:
    n = draw(st.integers(1, 14))
    out = []
    for i in range(n):
        out.append(
            report(
                f"art{i}",
                day=dt.date(2013, 2, 1) + dt.timedelta(days=draw(st.integers(0, 6))),
                place=draw(st.sampled_from(sorted(PLACES))),
                sub=draw(st.sampled_from(_SUBS)),
                actor1=ARMY,
                actor2=draw(st.sampled_from([REBELS, HTS, IS, None])),
                fatalities=draw(st.integers(0, 20)),
                tp=draw(st.sampled_from([1, 1, 2, 3])),
                gp=draw(st.sampled_from([1, 1, 2, 3])),
                outlet=draw(st.sampled_from(["Reuters", "AFP", "SANA"])),
            )
        )
    return out


def _view(canonical: list) -> list:
    return [
        (c.canonical_id, c.report_ids, c.event, c.independent_sources, c.contradictions) for c in canonical
    ]


@settings(max_examples=60, deadline=None)
@given(reports(), st.randoms())
def test_merge_order_independent(items: list, rnd) -> None:
    shuffled = list(items)
    rnd.shuffle(shuffled)
    assert _view(merge_events(shuffled)) == _view(merge_events(items))


@settings(max_examples=60, deadline=None)
@given(reports())
def test_merge_idempotent(items: list) -> None:
    once = merge_events(items)
    assert _view(merge_events(items + items)) == _view(once)
    owner = {rid: c.canonical_id for c in once for rid in c.report_ids}
    dropped, added = merge_into(items, lambda _: items, owner)
    kept = [c for c in once if c.canonical_id not in set(dropped)]
    assert _view(sorted(kept + added, key=lambda c: c.canonical_id)) == _view(once)


@settings(max_examples=60, deadline=None)
@given(reports(), st.integers(0, 14))
def test_merge_incremental_equals_full(items: list, cut: int) -> None:
    old, new = items[:cut], items[cut:]
    first = merge_events(old)
    owner = {rid: c.canonical_id for c in first for rid in c.report_ids}
    dropped, added = merge_into(new, lambda _: old, owner)
    kept = [c for c in first if c.canonical_id not in set(dropped)]
    assert _view(sorted(kept + added, key=lambda c: c.canonical_id)) == _view(merge_events(items))

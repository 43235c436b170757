"""Merging per-article reports into canonical events: the unit, its tolerances, reconciliation."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.merge import canonical_id, merge_events, merge_into
from frontlines.model import SubEventType
from unit.merge.factory import ARMY, CIVILIANS, HTS, IS, REBELS, report

DAY = dt.date(2013, 2, 6)


def _groups(reports):
    return sorted(sorted(a for a in c.event.article_ids) for c in merge_events(reports))


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ({}, {}, True),
        ({}, {"day": DAY + dt.timedelta(days=1)}, False),  # five days of fighting are five events
        ({}, {"day": DAY + dt.timedelta(days=2), "tp": 2}, True),  # week precision: +-3 days
        ({}, {"day": DAY + dt.timedelta(days=5), "tp": 2}, False),
        ({}, {"day": DAY + dt.timedelta(days=9), "tp": 3}, True),  # month precision: +-15 days
        ({}, {"place": "Douma"}, False),  # 7.8 km apart, both exact
        ({}, {"place": "Douma", "gp": 2}, True),  # "near" Douma: 25 km
        ({}, {"actor2": HTS}, True),  # generic rebels vs a named group of the same inter code
        ({"actor2": HTS}, {"actor2": IS}, False),  # two named groups
        ({}, {"actor1": REBELS, "actor2": ARMY}, True),  # order carries no meaning in battles
        ({}, {"sub": SubEventType.SHELLING}, True),  # shelling by the same actors folds into the battle
        ({}, {"sub": SubEventType.PEACEFUL_PROTEST}, False),  # another type family
        ({"actor2": ("Unidentified Armed Group (Syria)", 3)}, {}, True),  # an unknown shooter
        (
            {
                "sub": SubEventType.ATTACK,
                "actor1": ("Unidentified Armed Group (Syria)", 3),
                "actor2": CIVILIANS,
            },
            {"sub": SubEventType.AIR_DRONE_STRIKE, "actor2": CIVILIANS},
            True,  # one outlet's attack on civilians is another's air strike
        ),
        ({"actor1": ("Unidentified Armed Group (Syria)", 3)}, {"actor1": CIVILIANS}, False),
        ({}, {"sub": SubEventType.NON_STATE_OVERTAKES_TERRITORY}, True),  # same type, other sub-type
        ({}, {"actor2": None}, True),  # one report names one side only
        ({"place": "Aleppo"}, {"place": "Mosul", "gp": 3}, False),  # another country
    ],
)
def test_merge_unit_with_tolerances(first: dict, second: dict, same: bool) -> None:
    merged = _groups([report("a1", **first), report("a2", outlet="AFP", **second)])
    assert (merged == [["a1", "a2"]]) is same


def test_merge_victims_are_ordered_in_violence_against_civilians() -> None:
    attack = SubEventType.ATTACK
    a = report("a1", sub=attack, actor1=ARMY, actor2=CIVILIANS)
    b = report("a2", sub=attack, actor1=CIVILIANS, actor2=ARMY)
    assert len(merge_events([a, b])) == 2


def test_merge_vague_report_does_not_chain_two_days() -> None:
    day1 = report("a1")
    day2 = report("a2", day=DAY + dt.timedelta(days=1))
    week = report("a3", day=DAY, tp=2, outlet="AFP")
    groups = _groups([day1, day2, week])
    assert groups == [["a1", "a3"], ["a2"]]


def test_merge_generic_report_does_not_join_two_named_groups() -> None:
    groups = _groups([report("a1", actor2=HTS), report("a2", actor2=IS), report("a3", actor2=REBELS)])
    assert len(groups) == 2
    assert sorted(len(g) for g in groups) == [1, 2]


@pytest.mark.parametrize(
    ("figures", "kept", "contradiction"),
    [([12, 15], 12, True), ([12, 13], 12, False), ([0, 7], 7, False), ([0, 0], 0, False), ([3, 30], 3, True)],
)
def test_merge_fatalities_lowest_figure_with_range(
    figures: list[int], kept: int, contradiction: bool
) -> None:
    reports = [report(f"a{i}", fatalities=n, outlet=f"o{i}") for i, n in enumerate(figures)]
    (canon,) = merge_events(reports)
    assert canon.event.fatalities == kept
    assert (canon.fatalities_min, canon.fatalities_max) == (kept, max(figures))
    assert any(c.field == "fatalities" for c in canon.contradictions) is contradiction


def test_merge_location_from_most_precise_report() -> None:
    vague = report("a1", place="Douma", gp=2, outlet="AFP")
    exact = report("a2", place="Jobar", gp=1)
    (canon,) = merge_events([vague, exact])
    assert (canon.event.location, canon.event.geo_precision) == ("Jobar", 1)


def test_merge_named_actor_preferred_over_generic() -> None:
    (canon,) = merge_events([report("a1", actor2=REBELS), report("a2", actor2=HTS, outlet="AFP")])
    assert canon.event.actor2 == HTS[0]


def test_merge_territorial_gainer_contradiction() -> None:
    sub = SubEventType.NON_STATE_OVERTAKES_TERRITORY
    a = report("a1", sub=sub, actor1=REBELS, actor2=ARMY)
    b = report("a2", sub=SubEventType.GOVERNMENT_REGAINS_TERRITORY, actor1=ARMY, actor2=REBELS, outlet="SANA")
    (canon,) = merge_events([a, b])
    (contradiction,) = [c for c in canon.contradictions if c.field == "territory"]
    assert set(contradiction.report_ids) == {a.event_id, b.event_id}


@pytest.mark.parametrize(
    ("quotes", "outlets", "independent"),
    [
        (
            [
                "Rebels attacked army posts in Jobar, killing 12.",
                "Rebels attacked army posts in Jobar, killing 12",
            ],
            ["Reuters", "Daily Star"],
            1,
        ),  # a wire copy
        (
            ["Rebels attacked army posts in Jobar.", "Clashes rocked the Jobar district all day."],
            ["Reuters", "SANA"],
            2,
        ),
        (
            ["Rebels attacked army posts in Jobar.", "Clashes rocked the Jobar district all day."],
            ["Reuters", "Reuters"],
            1,
        ),  # one outlet twice
    ],
)
def test_merge_independent_sources(quotes: list[str], outlets: list[str], independent: int) -> None:
    reports = [
        report(f"a{i}", quote=q, outlet=o) for i, (q, o) in enumerate(zip(quotes, outlets, strict=True))
    ]
    (canon,) = merge_events(reports)
    assert canon.sources_count == 2
    assert canon.independent_sources == independent


def test_merge_canonical_id_is_hash_of_sorted_report_ids() -> None:
    reports = [report("a1"), report("a2", outlet="AFP")]
    (canon,) = merge_events(reports)
    assert canon.canonical_id == canonical_id([r.event_id for r in reversed(reports)])
    assert set(canon.report_ids) == {r.event_id for r in reports}
    assert canon.event.source == "AFP; Reuters"


def test_merge_into_updates_only_the_touched_event() -> None:
    old = [report("a1"), report("b1", place="Aleppo")]
    merged = merge_events(old)
    owner = {rid: c.canonical_id for c in merged for rid in c.report_ids}
    new = report("a2", outlet="AFP")
    dropped, added = merge_into([new], lambda _: old, owner)
    jobar = next(c for c in merged if c.event.location == "Jobar")
    assert dropped == [jobar.canonical_id]
    assert [sorted(c.event.article_ids) for c in added] == [["a1", "a2"]]

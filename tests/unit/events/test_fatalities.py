"""An event's fatalities from its sentences' counts: conflicting figures, splits, suicide bombers."""

from __future__ import annotations

import pytest

from frontlines.events.fatalities import (
    bomber_counted,
    bombers,
    day_share,
    days_of_toll,
    reported_toll,
    split,
)
from frontlines.mentions.numbers import find_casualties

P = pytest.param


def toll_of(sentence: str) -> int | None:
    killed = [c for c in find_casualties(sentence, []) if c.kind == "killed" and not c.cumulative]
    toll = reported_toll(killed, sentence)
    return None if toll is None else toll.count


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        P("Rockets killed 14 people, among them 5 children.", 14, id="largest-figure"),
        P("The monitor counted 9 dead and the ministry 6.", 6, id="second-source-lower"),
        P("Local media reported 8 killed and the monitor 11.", 8, id="second-source-higher"),
        P("Medics said 5 died and 20 were wounded, the monitor 7.", 5, id="run-of-kinds"),
        P("Activists said 12 people were killed, while state media said 5 died.", 5, id="contrast"),
        P("Jets killed 4 soldiers and 3 civilians.", 7, id="a-sum-is-one-figure"),
        P("The market was quiet.", None, id="no-toll"),
    ],
)
def test_fatalities_conflicting_figures_take_the_lowest(sentence: str, expected: int | None) -> None:
    assert toll_of(sentence) == expected


def test_fatalities_split_puts_the_remainder_first() -> None:
    assert split(31, 2) == [16, 15]
    assert split(88, 2) == [44, 44]
    assert split(7, 3) == [3, 2, 2]


def test_fatalities_day_share_of_a_toll_of_several_days() -> None:
    toll = find_casualties("Two days of fighting killed 45 fighters.", [])[0]
    assert day_share(toll, 2) == (23, "a toll of 45 over 2 days split evenly per day")
    assert day_share(toll, None) == (45, "")
    assert day_share(None, 2) == (0, "")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        P("Three days of clashes that followed killed 60 fighters.", 3, id="days-of-fighting-killed"),
        P("Half of the two-day toll of 50 is for Sunday.", 2, id="n-day-toll"),
        P("Strikes killed 40 people over the past 2 days.", 2, id="over-n-days"),
        P(
            "The army took the town at the end of a four-day battle; 120 were killed.",
            None,
            id="battle-length",
        ),
        P("Fighting over ten days of clashes killed 300.", None, id="longer-than-a-week"),
        P("Rebels shelled the town, killing 6.", None, id="one-day"),
    ],
)
def test_fatalities_days_a_toll_covers(sentence: str, expected: int | None) -> None:
    assert days_of_toll(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        P("A suicide bomber blew himself up at a checkpoint.", 1, id="one"),
        P("Two suicide bombers struck the base.", 2, id="count-before"),
        P("Three Chechen suicide attackers stormed the station.", 3, id="count-across-a-word"),
        P("On 4 May, suicide bombers hit the market.", 1, id="no-count-across-a-comma"),
        P("Suicide car bombers hit the base.", 1, id="no-count"),
    ],
)
def test_fatalities_bombers_named(sentence: str, expected: int) -> None:
    assert bombers(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        P("The blast killed 11 people, including the bomber.", True, id="including"),
        P("The two attackers were among the dead.", True, id="among-the-dead"),
        P("The toll includes the bomber.", True, id="toll-includes"),
        P("Four people were killed; fatalities include both bombers.", False, id="coded-fatalities"),
        P("The blast killed 11 people.", False, id="not-said"),
    ],
)
def test_fatalities_bomber_already_in_the_toll(sentence: str, expected: bool) -> None:
    assert bomber_counted(sentence) is expected

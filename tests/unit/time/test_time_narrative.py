"""Steps from the story's last date: "the next day", "two days later", "by the next week"."""

import pytest

from frontlines.model import TimePrecision
from frontlines.time.narrative import find_steps

DAY, WEEK = TimePrecision.DAY, TimePrecision.WEEK


@pytest.mark.parametrize(
    ("text", "days", "precision"),
    [
        ("The next day, rebels captured the town.", 1, DAY),
        ("On the following morning the army shelled it.", 1, DAY),
        ("The previous day, a car bomb exploded.", -1, DAY),
        ("Five days later, rebels also captured the base.", 5, DAY),
        ("Two days earlier, clashes had erupted.", -2, DAY),
        ("By the next week, ISIL took full control of the town.", 7, WEEK),
        ("Two weeks later the siege was broken.", 14, WEEK),
        ("The army withdrew the day after.", 1, DAY),
    ],
)
def test_time_narrative_step(text, days, precision):
    steps = find_steps(text)
    assert [(s.days, s.precision) for s in steps] == [(days, precision)]
    assert text[steps[0].start : steps[0].end] == steps[0].text


@pytest.mark.parametrize(
    "text",
    [
        "Two days after the attack, rebels captured the town.",  # dated by the attack, not a step
        "The day after the vote, protests began.",
        "Months later the town was retaken.",
        "Six weeks later the town was retaken.",  # longer than MAX_STEP_DAYS
        "Rebels captured the town next to the highway.",
    ],
)
def test_time_narrative_no_step(text):
    assert find_steps(text) == []


def test_time_narrative_steps_within_a_span():
    text = "On 20 July they attacked. The next day they withdrew."
    assert find_steps(text, 0, 25) == []
    assert [s.days for s in find_steps(text, 26, len(text))] == [1]

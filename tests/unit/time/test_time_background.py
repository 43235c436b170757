"""Background phrases: the start of a war dates no event; a recent "since Sunday" is not background."""

from __future__ import annotations

import pytest

from frontlines.time import is_background_phrase


@pytest.mark.parametrize(
    ("window", "expected"),
    [
        pytest.param("more than 300,000 killed since March 2011", True, id="since-month-year"),
        pytest.param("in a war that has raged since 2011", True, id="since-year"),
        pytest.param("the uprising began in March 2011", True, id="began-in"),
        pytest.param("the conflict that started with protests", True, id="conflict-that-started"),
        pytest.param("since the start of the uprising", True, id="since-the-start"),
        pytest.param("since the war erupted", True, id="since-the-war-erupted"),
        pytest.param("Since the beginning of the revolt", True, id="capitalised"),
        pytest.param("fighting has raged since Sunday", False, id="since-a-recent-day"),
        pytest.param("Air strikes hit the town on Sunday", False, id="plain-event"),
        pytest.param("the offensive began on Tuesday", False, id="began-on-a-day"),
    ],
)
def test_times_background_phrase(window: str, expected: bool) -> None:
    assert is_background_phrase(window) is expected

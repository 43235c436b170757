"""Attributions named in an event's source: in the order of their first mention, each once."""

from __future__ import annotations

import pytest

from frontlines.events.sources import attributions, event_source


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rebels shelled the town on Sunday, killing three civilians.", []),
        (
            "Seven died, the Syrian Observatory for Human Rights said, citing SANA and activists.",
            ["Syrian Observatory for Human Rights", "SANA", "activists"],
        ),
        # Order of first mention, each name once, whichever spelling came first.
        (
            "AFP said, and the Observatory confirmed what SOHR and Agence France-Presse reported.",
            ["AFP", "Syrian Observatory for Human Rights"],
        ),
        # Whole words only: "SANAA" is no SANA, "pro-activists" no activists, "APC" no AP.
        ("An APC entered SANAA while pro-activists watched.", []),
        ("State media and the White Helmets said so.", ["Syrian Civil Defence"]),
        ("state media and the White Helmets said so.", ["state media", "Syrian Civil Defence"]),
    ],
)
def test_attributions(sentence: str, expected: list[str]) -> None:
    assert attributions(sentence) == expected


def test_event_source_puts_the_outlet_first() -> None:
    assert event_source("Reuters", ["SANA", "Reuters"]) == "Reuters; SANA"
    assert event_source(None, []) == "Unknown"

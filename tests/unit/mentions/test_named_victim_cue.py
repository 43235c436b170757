"""The quick cue of the named-victim pattern: a window it finds nothing in holds no named victim."""

from __future__ import annotations

import random

from frontlines.mentions.numbers import _NAMED_VICTIM_CUE, NAMED_VICTIM

WORDS = ["killed", "journalist", "Brent", "Renaud", "al-", "bin", "Mohamed", "him", "her", "Aleppo", "the"]


def test_named_victim_cue_finds_every_window_with_a_match() -> None:
    rng = random.Random(5)
    for _ in range(5000):
        text = "".join(rng.choice(WORDS) + rng.choice([" ", "  ", ", ", "\n", "-", ""]) for _ in range(7))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        if NAMED_VICTIM.search(text, lo, hi) is not None:
            assert _NAMED_VICTIM_CUE.search(text, lo, hi) is not None, (text, lo, hi)

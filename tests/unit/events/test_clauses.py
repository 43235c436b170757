"""The clause joins: one shared ",?\\s+" and a lower-cased search give the plain spelling's matches."""

from __future__ import annotations

import random
import re

from frontlines.events.clauses import _JOINS

#: The joins as the codebook rule spells them, one alternative per join.
PLAIN = re.compile(
    r";\s+|,?\s+(?:while|whereas)\s+|,?\s+and\s+(?=(?:in\s+)?(?:a|another)\s+separate\b)"
    r"|,?\s+(?:and\s+)?separately,?\s+",
    re.IGNORECASE,
)
WORDS = ["while", "Whereas", "and", "AND", "in", "a", "another", "separate", "Separately", "hit", ";", ","]


def test_clauses_joins_match_as_the_plain_spelling() -> None:
    assert _JOINS.folded is not None
    rng = random.Random(3)
    for _ in range(5000):
        text = "".join(rng.choice(WORDS) + rng.choice([" ", "  ", ", ", "\n", ""]) for _ in range(8))
        low = text.lower()
        assert [m.span() for m in _JOINS.folded.finditer(low)] == [m.span() for m in PLAIN.finditer(text)]
        assert [m.span() for m in _JOINS.pattern.finditer(text)] == [m.span() for m in PLAIN.finditer(text)]

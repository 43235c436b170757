"""The units the assembler codes: sentences, with a sentence that tells two events cut in two.

Codebook: one event is one day, one place, one pair of actors and one type. "RSF shelling killed 12
civilians in El Fasher, while a separate army air strike hit Nyala" tells two events. Rule
``two-events-one-sentence``: a sentence is cut at a join (a semicolon; "while", "whereas";
"and separately"; "and in a separate ...") when the words on each side fire a trigger rule of their
own, so each part is coded as its own event with its own toll, place and actors.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from frontlines.model import Trigger

_JOINS = re.compile(
    r";\s+|,?\s+(?:while|whereas)\s+|,?\s+and\s+(?=(?:in\s+)?(?:a|another)\s+separate\b)"
    r"|,?\s+(?:and\s+)?separately,?\s+",
    re.IGNORECASE,
)


def clause_units(
    text: str, sentences: Sequence[tuple[int, int]], triggers: Sequence[Trigger]
) -> list[tuple[int, int]]:
    """``sentences`` with each sentence cut at every join whose both sides hold a trigger."""
    starts = sorted(t.start for t in triggers)
    units: list[tuple[int, int]] = []
    for s, e in sentences:
        begin = s
        for m in _JOINS.finditer(text, s, e):
            left = any(begin <= x < m.start() for x in starts)
            right = any(m.end() <= x < e for x in starts)
            if left and right:
                units.append((begin, m.start()))
                begin = m.end()
        units.append((begin, e))
    return units

"""The units the assembler codes: sentences, with a sentence that tells two events cut in two.

Codebook: one event is one day, one place, one pair of actors and one type. "RSF shelling killed 12
civilians in El Fasher, while a separate army air strike hit Nyala" tells two events. Rule
``two-events-one-sentence``: a sentence is cut at a join (a semicolon; "while", "whereas";
"and separately"; "and in a separate ...") when the words on each side fire a trigger rule of their
own, of another type than the other side's (or the join says "separate"), so each part is coded as
its own event with its own toll, place and actors. "Rebels clashed with troops; two days of fighting
followed" stays one sentence: one battle told twice; so does a battle and the shelling or air
strikes in it (codebook: they are part of the battle).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from frontlines.folded_regex import FoldedPattern, lowered
from frontlines.model import EVENT_TYPE_OF, EventType, Trigger

#: A semicolon; or "while", "whereas", "and (in) a/another separate", "(and) separately" after
#: spaces (and a comma). The words share their ",?\s+" (one attempt at each space, not four; the
#: spaces before a word are all taken either way, so the same matches) and are searched lower-cased
#: (``folded_regex``).
_JOINS = FoldedPattern(
    re.compile(
        r";\s+|,?\s+(?:(?:while|whereas)\s+|and\s+(?=(?:in\s+)?(?:a|another)\s+separate\b)"
        r"|(?:and\s+)?separately,?\s+)",
        re.IGNORECASE,
    )
)


def clause_units(
    text: str, sentences: Sequence[tuple[int, int]], triggers: Sequence[Trigger]
) -> list[tuple[int, int]]:
    """``sentences`` with each sentence cut at every join whose two sides hold triggers of different
    types, or that says the second event is separate."""
    units: list[tuple[int, int]] = []
    low = lowered(text)
    joins, searched = (_JOINS.folded, low) if low is not None and _JOINS.folded else (_JOINS.pattern, text)
    for s, e in sentences:
        begin = s
        for m in joins.finditer(searched, s, e):  # offsets only: the lowered text keeps them
            left = {t.sub_event_type for t in triggers if begin <= t.start < m.start()}
            right = {t.sub_event_type for t in triggers if m.end() <= t.start < e}
            separate = "separate" in text[m.start() : m.end() + 20].lower()
            kinds = {EVENT_TYPE_OF[x] for x in left | right}
            if left and right and (separate or (left != right and EventType.BATTLES not in kinds)):
                units.append((begin, m.start()))
                begin = m.end()
        units.append((begin, e))
    return units

"""Running totals: whether a casualty count is a war-long or statistical total, not one event's.

``cumulative`` marks war-long or statistical totals: war-long phrases anywhere in the mention's
stretch of clause (between its neighbouring mentions: "20 were killed on Sunday in a war that has
killed 300,000" marks only the second), statistical phrases only close to it ("since 2011", "so far
this year", "every day", "over the past N months", "across the country"), "in total" or "overall"
only in a clause told in the perfect ("300 have been killed in total"; "two barrages, killing 10
civilians in total" sums one event), and any count of :data:`CUMULATIVE_FLOOR` or more (ACLED:
running totals of a war are not an event's fatalities).
"""

from __future__ import annotations

import re

#: Cumulative cues count only this close before / after a mention (and inside its clause): "killed
#: two civilians in the city that has been divided since 2012" is not a war-long total.
CUMULATIVE_BEFORE, CUMULATIVE_AFTER = 60, 40
_MONTHS = r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December)"
_CONFLICT = r"(?:war|conflict|uprising|revolution|crisis|insurgency)"
#: Phrases that make a count a war-long or statistical total, not one event's fatalities.
_BEGAN = r"(?:began|started|erupted|broke\s+out|flared(?:\s+up)?)"
#: War-long phrases: they mark a count anywhere in its clause, between the neighbouring mentions.
CUMULATIVE_STRONG = re.compile(
    "|".join(
        [
            r"\bsince\s+the\s+(?:very\s+)?(?:start|beginning|outbreak|onset|eruption)\b",
            rf"\bsince\s+(?:it|(?:[\w'’-]+\s+){{0,3}}(?:{_CONFLICT}|fighting))\s+{_BEGAN}",
            r"\bsince\s+(?:it|they|(?-i:[A-Z]\w+))\s+(?:first\s+)?"
            r"(?:intervened|declared|launched|entered|began)\b",
            rf"\b{_CONFLICT}\s+(?:that|which)\s+{_BEGAN}\b",
            r"\b(?:war|conflict|uprising|revolution|crisis|violence|insurgency|fighting)\b"
            r"(?!\s*(?:planes?|jets?|ships?|crimes?|criminals?|monitors?|-))[^.;]{0,50}?"
            r"\b(?:has|have|had)\s+(?:now\s+|so\s+far\s+|already\s+|since\s+)?"
            r"(?:killed|claimed|left|brought)\b",
            rf"\btoll\s+(?:in|of|from|for)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}{_CONFLICT}\b",
        ]
    ),
    re.IGNORECASE,
)
#: Statistical phrases: they mark a count only within CUMULATIVE_BEFORE/AFTER characters of it.
CUMULATIVE_NEAR = re.compile(
    "|".join(
        [
            rf"\bsince\s+(?:(?:early|late|mid)[\s-]+)?(?:{_MONTHS}\s+)?(?:19|20)\d\d\b",
            rf"\bsince\s+(?:(?:early|late|mid)[\s-]+)?{_MONTHS}\b",
            rf"\bfrom\s+(?:{_MONTHS}\s+)?(?:19|20)\d\d\s+(?:to|until|till)\b",
            r"\bso\s+far\s+this\s+(?:year|month)\b",
            r"\bcumulative\b|\bon\s+average\b",
            r"\b(?:over|in|during|within|across)\s+(?:the\s+)?(?:past\s+|last\s+)?(?:[\w-]+\s+){0,2}"
            r"(?:months|years)\b",
            r"\b(?:over|in|during|within)\s+the\s+(?:past|last)\s+(?:month|year)\b",
            r"\bacross\s+the\s+(?:country|nation)\b|\bnationwide\b|\bcountrywide\b",
            r"\b(?:every|each|per)\s+(?:day|week|month|year)\b|\bdaily\b|\bannually\b",
        ]
    ),
    re.IGNORECASE,
)
#: "in total", "overall": a running total only in a clause told in the perfect ("300 people have been
#: killed in total"); after a day's event they sum its parts ("two barrages, killing 10 civilians in
#: total").
CUMULATIVE_TOTAL = re.compile(r"\bin\s+total\b|\boverall\b|\baltogether\b", re.IGNORECASE)
_PERFECT = re.compile(
    r"\b(?:has|have|had)\s+(?:now\s+|so\s+far\s+|already\s+)?(?:been\s+)?(?:killed|died|claimed|left|lost)\b",
    re.IGNORECASE,
)
#: "in Syria's six-year war", "during the conflict" mark a count only right after it: "in the
#: conflict which also saw 33 civilians killed" is about one day; "killed in a war that has killed
#: 300,000" describes the war, not the count. Lowercase: "the Syrian Revolution ..." is a name.
CUMULATIVE_AFTER_ONLY = re.compile(
    r"\b(?:in|during|throughout)\s+(?!an?\s)(?:[\w'’-]+\s+){0,3}"
    r"(?-i:war|conflict|uprising|revolution|insurgency)\b(?!-)",
    re.IGNORECASE,
)
#: A count this large is a running total whatever its words: no single event of one day in one
#: place is reported with 10,000 dead or wounded (ACLED splits larger totals; they are not events).
CUMULATIVE_FLOOR = 10_000


def is_cumulative(text: str, start: int, end: int, value: int, left: int, right: int) -> bool:
    """Whether the count ``value`` at ``text[start:end]`` is a running total, looking at
    ``text[left:right]`` (its stretch of clause)."""
    near_left, near_right = max(left, start - CUMULATIVE_BEFORE), min(right, end + CUMULATIVE_AFTER)
    return (
        value >= CUMULATIVE_FLOOR
        or CUMULATIVE_STRONG.search(text, left, right) is not None
        or CUMULATIVE_NEAR.search(text, near_left, near_right) is not None
        or CUMULATIVE_AFTER_ONLY.search(text, end, near_right) is not None
        or (
            CUMULATIVE_TOTAL.search(text, near_left, near_right) is not None
            and _PERFECT.search(text, left, right) is not None
        )
    )

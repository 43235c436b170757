"""Phrases that put a date in the background: the start of a war, never the day of an event.

ACLED "When" codes the day an event happened. "Since March 2011" or "the conflict that began in
2011" date the war, not the shelling reported in the same sentence, so a sentence date found inside
such a phrase must not date that sentence's events. The test is deliberately narrow: "since Sunday"
(a few days of fighting) is not background, "since the start of the uprising" is.
"""

from __future__ import annotations

import re

from frontlines.folded_regex import FoldedPattern, lowered

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)"
)
_YEAR = r"(?:19|20)\d\d(?!\d)"
_PART = r"(?:(?:early|late|mid|the\s+(?:start|beginning|end|middle)\s+of)[\s-]+)?"
_CONFLICT = (
    r"(?:(?:civil\s+)?war|conflict|uprising|revolution|crisis|unrest|insurgency|revolt|protests"
    r"|fighting)"
)
_BEGAN = r"(?:began|begun|started|erupted|broke\s+out|flared(?:\s+up)?|kicked\s+off)"

#: One alternative per kind of background phrase, case-insensitive.
BACKGROUND = re.compile(
    "|".join(
        [
            # "since March 2011", "since 2011", "since early 2012"
            rf"\bsince\s+{_PART}(?:{_MONTH}\s+)?{_YEAR}",
            # "since the start of the uprising", "since the outbreak of war"
            r"\bsince\s+the\s+(?:very\s+)?(?:start|beginning|outbreak|onset|eruption|dawn)\b",
            # "since the war began", "since it started", "since the Syrian conflict erupted"
            rf"\bsince\s+(?:it|the\s+(?:\w+\s+)?{_CONFLICT})\s+{_BEGAN}",
            # "began in March 2011", "erupted in 2011", "started in mid-March"
            rf"\b{_BEGAN}\s+in\s+{_PART}(?:{_MONTH}(?:\s+{_YEAR})?|{_YEAR})",
            # "the conflict that started", "a war which began"
            rf"\b{_CONFLICT}\s+(?:that|which)\s+(?:\w+\s+)?{_BEGAN}",
            # "the start of the conflict in 2011"
            rf"\b(?:start|beginning|outbreak|onset)\s+of\s+the\s+(?:\w+\s+)?{_CONFLICT}\b",
        ]
    ),
    re.IGNORECASE,
)


#: :data:`BACKGROUND` searched lower-cased (``folded_regex``: the same answers, faster).
_BACKGROUND_FOLDED = FoldedPattern(BACKGROUND)


def is_background_phrase(text_window: str) -> bool:
    """True when ``text_window`` holds a phrase that dates a war's start, not an event.

    Takes any stretch of text (a time mention with some words around it, or a sentence); returns
    whether it contains one of :data:`BACKGROUND`'s phrases ("since March 2011", "began in",
    "the conflict that started", "since the start of the uprising").
    """
    return _BACKGROUND_FOLDED.found(text_window, lowered(text_window))

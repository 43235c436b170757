"""An event's fatalities (ACLED's ``fatalities``) from the casualty counts of its sentences.

Codebook rules, as :func:`reported_toll`, :func:`split`, :func:`days_of_toll` with :func:`day_share`,
and :func:`bombers` with :func:`bomber_counted`:

- Conflicting figures: the lowest. Two sources' figures for one toll ("SOHR counted 7 dead and SANA
  4", a count marked ``alternative``) or figures a sentence sets against each other ("activists said
  12 ... while state media said 5") are conflicting; otherwise the largest figure of a sentence is its
  toll ("12 people, among them three children").
- A total over several days or places is split evenly, the remainder on the first.
- A suicide bomber counts among the dead.

Rules chosen where the codebook is silent are marked "Rule:".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from frontlines.mentions.counts import parse_count
from frontlines.model import CasualtyMention

#: Words that set two reports against each other within one sentence.
_CONTRAST = re.compile(
    r"\b(?:while|whereas|but|however|other\s+sources|another\s+source|disputed)\b", re.IGNORECASE
)
#: A suicide attack's perpetrators ("two IS suicide bombers", "three suicide attackers").
_SUICIDE_ATTACKERS = re.compile(
    r"\bsuicide\s+(?:car\s+)?(?:bomber|attacker|assailant)(?P<plural>s)?\b", re.IGNORECASE
)
#: How many words before "suicide bombers" a count may stand ("two IS suicide bombers").
_BOMBER_COUNT_REACH = 3
_MAX_BOMBERS = 20
#: The report's own count already holds the bomber: "killing 11, including the bomber", "the bomber
#: was among the dead", "the toll includes the bombers". A statement about the coded fatalities
#: ("fatalities include the bomber") is not a reported count: the bomber is added to the victims.
_BOMBER_COUNTED = re.compile(
    r"\b(?:including|among\s+(?:them|whom)|(?:death\s+)?toll\s+(?:includes?|including))\s+"
    r"(?:the\s+|two\s+|both\s+|three\s+|all\s+)?(?:suicide\s+)?(?:bombers?|attackers?|assailants?)\b|"
    r"\b(?:bombers?|attackers?|assailants?)\s+(?:was|were|is|are)\s+(?:among|included\s+in)\s+"
    r"(?:the\s+)?(?:dead|killed|victims|(?:death\s+)?toll)\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = "two|three|four|five|six|seven"
#: Rule: "the two days of fighting (that followed) killed 88", "the two-day toll of 88", "killed 88
#: over two days": a toll that covers several days; the day the text dates gets its first day's share.
#: A battle's length told in passing ("at the end of a four-day battle; 120 were killed") is not a
#: span of its toll.
_DAYS_OF_TOLL = re.compile(
    rf"\b(?P<n>\d|{_NUMBER_WORDS})\s+days\s+of\s+(?:fighting|clashes|battles?|combat|shelling|bombardment"
    r"|strikes|air\s*strikes|raids)\s+(?:(?:that|which)\s+(?:\w+\s+)?)?(?:killed|left|claimed)\b|"
    rf"\b(?P<t>\d|{_NUMBER_WORDS})-day\s+(?:death\s+)?toll\b|"
    rf"\b(?:over|in|during|across)\s+(?:the\s+)?(?:past\s+|last\s+)?(?P<m>\d|{_NUMBER_WORDS})\s+days\b",
    re.IGNORECASE,
)
#: Longer spans are campaigns, not events of single days (as for date ranges in assembly).
MAX_SPLIT_DAYS = 7


def reported_toll(killed: Sequence[CasualtyMention], sentence: str) -> CasualtyMention | None:
    """The figure a sentence reports for its event's dead, or None without any.

    A figure and the other sources' figures for it (``alternative``) conflict: the lowest stands for
    them. Of what remains, the lowest when the sentence contrasts reports, else the largest."""
    if not killed:
        return None
    reports: list[CasualtyMention] = []
    for mention in sorted(killed, key=lambda c: c.start):
        if mention.alternative and reports:
            reports[-1] = min(reports[-1], mention, key=lambda c: c.count)
        else:
            reports.append(mention)
    if len(reports) > 1 and _CONTRAST.search(sentence):
        return min(reports, key=lambda c: c.count)
    return max(reports, key=lambda c: c.count)


def split(total: int, parts: int) -> list[int]:
    """Codebook: a total over several days or places is split evenly, the remainder on the first."""
    base, rest = divmod(total, parts)
    return [base + (rest if i == 0 else 0) for i in range(parts)]


def days_of_toll(sentence: str) -> int | None:
    """How many days a sentence says its toll covers ("the two-day toll of 88" -> 2), or None for one
    day or a span longer than :data:`MAX_SPLIT_DAYS`."""
    # Every match holds "day" (any case: "DAYS" lowers to it): most sentences do not, and lowering is cheap.
    match = _DAYS_OF_TOLL.search(sentence) if "day" in sentence.lower() else None
    if match is None:
        return None
    days = parse_count(match["n"] or match["t"] or match["m"])
    return days if days is not None and 1 < days <= MAX_SPLIT_DAYS else None


def bombers(sentence: str) -> int:
    """How many suicide attackers a sentence about a suicide attack names: "two IS suicide bombers"
    -> 2; otherwise one (also for "suicide bombers" with no count: Rule, the fewest beyond doubt)."""
    match = _SUICIDE_ATTACKERS.search(sentence)
    if match is None:
        return 1
    words = sentence[: match.start()].split()[-_BOMBER_COUNT_REACH:]
    for word in reversed(words):
        if word[-1] in ",;:.":
            break
        count = parse_count(word)
        if count is not None:
            return count if count < _MAX_BOMBERS else 1
    return 1


def bomber_counted(sentence: str) -> bool:
    """Whether the sentence's reported toll already holds the bomber ("killing 11, including the
    bomber"); then the bomber is not added again."""
    return _BOMBER_COUNTED.search(sentence) is not None


def day_share(toll: CasualtyMention | None, days: int | None) -> tuple[int, str]:
    """A toll's count for the day the text dates, and the note of its split: codebook, a total over
    several days is split evenly, the remainder on the first (the day dated, where the span starts)."""
    if toll is None:
        return 0, ""
    if days is None:
        return toll.count, ""
    return split(toll.count, days)[0], f"a toll of {toll.count} over {days} days split evenly per day"

"""Days told relative to the story's own last date: "the next day", "two days later", "by the
following week".

A report or a retrospective narrative that has just dated one event ("On 20 July, ...") often dates
the next by a step from it, not from the publication date. :func:`find_steps` finds such steps; the
event stage adds them to the last day-precise date it has read (``frontlines.events.assemble``).

Rules (ours; the codebook only says to code the day an event happened):

- "the next/following day|morning|evening|night", "the day after" (alone: not "the day after the
  vote") step one day forward; "the previous/preceding day|night", "the day before" one back.
- "N days later|afterwards|after|earlier|before" (N a numeral or a number word up to ten, "a"/"one")
  step N days; "after"/"before" only when no noun phrase follows ("two days after the attack" is
  dated by the attack, which this rule cannot see).
- "the next/following week", "N weeks later" step 7*N days at week precision.
- Nothing longer than a few weeks: "months later" is no date at all.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from frontlines.model import TimeMention, TimePrecision
from frontlines.time.expressions import SMALL_NUMBERS

#: The largest step read, in days: a longer one is vaguer than a week's precision.
MAX_STEP_DAYS = 21

_NUMBER = r"(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)"
_PATTERN = re.compile(
    r"\bthe\s+(?P<dir>next|following|previous|preceding)\s+(?P<unit>day|morning|afternoon|evening|night|week)\b"
    r"|\bthe\s+day\s+(?P<dir_alone>after|before)(?=\s*[,.;]|\s+(?:that|this)\b)"
    rf"|\b{_NUMBER}\s+(?P<unit_n>days?|weeks?)\s+(?P<dir_n>later|afterwards|earlier"
    r"|after(?=\s*[,.;])|before(?=\s*[,.;]))",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Step:
    """A span of text that dates an event ``days`` from the story's last date, at ``precision``."""

    start: int
    end: int
    text: str
    days: int
    precision: TimePrecision


def _step(m: re.Match[str]) -> tuple[int, TimePrecision]:
    if m["dir"]:
        sign = 1 if m["dir"].lower() in ("next", "following") else -1
        if m["unit"].lower() == "week":
            return 7 * sign, TimePrecision.WEEK
        return sign, TimePrecision.DAY
    if m["dir_alone"]:
        return (1 if m["dir_alone"].lower() == "after" else -1), TimePrecision.DAY
    count = int(m["n"]) if m["n"].isdigit() else SMALL_NUMBERS[m["n"].lower()]
    sign = 1 if m["dir_n"].lower() in ("later", "afterwards", "after") else -1
    if m["unit_n"].lower().startswith("week"):
        return 7 * count * sign, TimePrecision.WEEK
    return count * sign, TimePrecision.DAY


def find_steps(text: str, start: int = 0, end: int | None = None) -> list[Step]:
    """The relative steps in ``text[start:end]``, in order, with offsets into ``text``."""
    out: list[Step] = []
    for m in _PATTERN.finditer(text, start, len(text) if end is None else end):
        days, precision = _step(m)
        if 0 < abs(days) <= MAX_STEP_DAYS:
            out.append(Step(m.start(), m.end(), m[0], days, precision))
    return out


def stepped_dates(anchor: TimeMention | None, text: str, start: int, end: int) -> list[TimeMention]:
    """Rule: a sentence ``text[start:end]`` dated only by a step from the story's last day ("The next
    day", "two days later") is dated that step from ``anchor``; with no day-precise anchor it gets no
    date of its own (an empty list)."""
    if anchor is None or anchor.precision != TimePrecision.DAY:
        return []  # nothing to step from: the sentence need not be read
    steps = find_steps(text, start, end)
    if not steps:
        return []
    step = steps[0]
    day = anchor.date + dt.timedelta(days=step.days)
    return [TimeMention(step.start, step.end, step.text, day, step.precision, relative=True)]

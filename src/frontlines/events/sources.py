"""Who reports an event: the outlet, plus monitors and agencies the text attributes it to."""

from __future__ import annotations

import re

from frontlines.folded_regex import FoldedPattern, lowered

#: Attributions worth naming in an event's ``source`` (monitors, agencies, state media), as canonical
#: name -> pattern. Generic attributions ("activists said") are kept as the word itself.
_ATTRIBUTION_WORDS: tuple[tuple[str, str], ...] = (
    (
        "Syrian Observatory for Human Rights",
        r"Syrian\s+Observatory(?:\s+for\s+Human\s+Rights)?|SOHR|the\s+Observatory",
    ),
    ("Local Coordination Committees", r"Local\s+Coordination\s+Committees|LCC"),
    ("Syrian Network for Human Rights", r"Syrian\s+Network\s+for\s+Human\s+Rights|SNHR"),
    ("Syrian Civil Defence", r"(?:Syrian\s+)?Civil\s+Defen[cs]e|White\s+Helmets"),
    ("SANA", r"SANA|Syrian\s+Arab\s+News\s+Agency"),
    ("AFP", r"AFP|Agence\s+France-Presse"),
    ("Reuters", r"Reuters"),
    ("Associated Press", r"Associated\s+Press|AP"),
    ("Al Jazeera", r"Al\s+Jazeera"),
    ("activists", r"activists"),
    ("state media", r"state\s+(?:media|television|TV|news\s+agency)"),
)


def _whole(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])")


ATTRIBUTIONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, _whole(pattern)) for name, pattern in _ATTRIBUTION_WORDS
)
#: Every attribution in one pattern: most sentences name none, and one search tells (instead of one
#: per attribution).
_ANY_ATTRIBUTION = _whole("|".join(f"(?:{pattern})" for _, pattern in _ATTRIBUTION_WORDS))

#: Searched lower-cased (``folded_regex``): a whole article is searched, most have no such phrase.
_UNVERIFIED = FoldedPattern(
    re.compile(
        r"(?:could|can)\s*(?:not|n[o']t)\s+(?:be\s+)?independently\s+verif(?:y|ied)|"
        r"(?:unable|impossible)\s+to\s+(?:independently\s+)?verify|not\s+(?:been\s+)?independently\s+verified",
        re.IGNORECASE,
    )
)


def attributions(text: str) -> list[str]:
    """Canonical names of the monitors and agencies ``text`` attributes information to, in the order
    of their first mention."""
    if _ANY_ATTRIBUTION.search(text) is None:
        return []
    firsts = ((pattern.search(text), name) for name, pattern in ATTRIBUTIONS)
    return [name for _, name in sorted((m.start(), name) for m, name in firsts if m is not None)]


def unverified(text: str) -> bool:
    """True when the text says the outlet could not verify what it reports."""
    return _UNVERIFIED.found(text, lowered(text))


def event_source(outlet: str | None, sentence_attributions: list[str]) -> str:
    """ACLED's ``source`` field: the outlet first, then whom it cites, separated by '; '."""
    names = [outlet] if outlet else []
    names += [a for a in sentence_attributions if a not in names]
    return "; ".join(names) if names else "Unknown"

"""Who reports an event: the outlet, plus monitors and agencies the text attributes it to."""

from __future__ import annotations

import re

from frontlines.folded_regex import FoldedPattern, lowered

#: Attributions worth naming in an event's ``source`` (monitors, agencies, state media), as canonical
#: name -> pattern. Generic attributions ("activists said") are kept as the word itself.
ATTRIBUTIONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])"))
    for name, pattern in (
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
)

#: Searched lower-cased (``folded_regex``): a whole article is searched, most have no such phrase.
_UNVERIFIED = FoldedPattern(
    re.compile(
        r"(?:could|can)\s*(?:not|n[o']t)\s+(?:be\s+)?independently\s+verif(?:y|ied)|"
        r"(?:unable|impossible)\s+to\s+(?:independently\s+)?verify|not\s+(?:been\s+)?independently\s+verified",
        re.IGNORECASE,
    )
)


def attributions(text: str) -> list[str]:
    """Canonical names of the monitors and agencies ``text`` attributes information to, in text order."""
    hits = [(m.start(), name) for name, pattern in ATTRIBUTIONS for m in pattern.finditer(text)]
    seen: list[str] = []
    for _, name in sorted(hits):
        if name not in seen:
            seen.append(name)
    return seen


def unverified(text: str) -> bool:
    """True when the text says the outlet could not verify what it reports."""
    return _UNVERIFIED.found(text, lowered(text))


def event_source(outlet: str | None, sentence_attributions: list[str]) -> str:
    """ACLED's ``source`` field: the outlet first, then whom it cites, separated by '; '."""
    names = [outlet] if outlet else []
    names += [a for a in sentence_attributions if a not in names]
    return "; ".join(names) if names else "Unknown"

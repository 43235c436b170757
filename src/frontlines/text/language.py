"""Language identification with py3langid, loaded once per process on first use."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import pycountry

#: Characters looked at: the opening of an article says its language; more only costs time.
SAMPLE_CHARS = 1000
#: The code returned for text with nothing to identify (no letters).
UNKNOWN = "und"
#: A preferred language wins when its log-score is within this much of the best one. Identifiers
#: confuse close relatives on short texts (English headlines scored as Nigerian Pidgin, gap 0.9-5.7
#: on FA-KES); real foreign text is far off (French, Spanish, German, Dutch, Indonesian headlines of
#: ~45 characters: gap 38-84 from English; longer text: more). Scores grow with length, so a fixed
#: margin is lenient only where the identifier is unsure.
PREFER_MARGIN = 10.0


@functools.cache
def identifier() -> Any:
    """The py3langid model (about 0.5 s to load), built once per process."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)


def detect_language(text: str, prefer: Sequence[str] = ()) -> str:
    """The ISO 639 code of the language of ``text`` (``en``, ``ar``, ``fr`` ...), from its first
    :data:`SAMPLE_CHARS` characters; :data:`UNKNOWN` when the text has no letters.

    A language in ``prefer`` (the languages the project reads) is returned when it scores within
    :data:`PREFER_MARGIN` of the best, so a near tie between close relatives does not reject a report.
    """
    sample = text[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return UNKNOWN
    ranked = identifier().rank(sample)
    best_code, best_score = ranked[0]
    if prefer and best_code not in prefer:
        scores = {str(code): float(score) for code, score in ranked}
        close = [code for code in prefer if code in scores and best_score - scores[code] <= PREFER_MARGIN]
        if close:
            return max(close, key=lambda code: scores[code])
    return str(best_code)


def language_name(code: str) -> str:
    """The English name of a language code (``ar`` -> ``Arabic``); the code itself when unknown."""
    if code == UNKNOWN:
        return "an undetermined language"
    try:
        found = pycountry.languages.get(**{"alpha_2" if len(code) == 2 else "alpha_3": code})
    except (KeyError, LookupError):  # older pycountry raises instead of returning None
        found = None
    return str(found.name) if found is not None else code

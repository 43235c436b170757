"""Full-text search over event notes: the user's text (the API's ``q``) turned into terms, and each
engine's safe form of them (an FTS5 ``MATCH`` string on SQLite, ``phraseto_tsquery`` texts on PostgreSQL).

The syntax is small and can never be a syntax error: words are matched as whole words, case-insensitive,
every term must match (AND); a ``"double-quoted phrase"`` matches those words in that order. Nothing else is
an operator: ``AND``, ``OR``, ``NOT``, ``*``, ``-``, ``:`` and unbalanced quotes are ordinary text.
Punctuation separates words on both engines (``al-Bab`` is the phrase ``al bab``).
"""

from __future__ import annotations

import re

from frontlines.errors import ConfigError

#: Typographic double quotes a pasted query may carry, read as ``"``.
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})
#: A quoted phrase or a run of non-space characters.
_TERM = re.compile(r'"([^"]*)"|(\S+)')
#: A term is searchable when it holds a letter or a digit (both engines split words at everything else).
_WORD_CHAR = re.compile(r"[^\W_]")
#: More terms than this is not a search but a paste of a document: refused with a hint.
MAX_TERMS = 32


def search_terms(text: str) -> tuple[str, ...]:
    """The terms of a search text, in order, each a word or the inside of a quoted phrase; terms with no
    letter or digit are dropped. ConfigError when none is left or there are more than ``MAX_TERMS``."""
    terms: list[str] = []
    for match in _TERM.finditer(text.translate(_QUOTES)):
        term = " ".join((match.group(1) if match.group(1) is not None else match.group(2)).split())
        if _WORD_CHAR.search(term):
            terms.append(term)
    if not terms:
        raise ConfigError(
            f"text search {text!r} has no word to search for",
            'give words (all must occur in the notes) or a "quoted phrase", e.g. q=air strike',
        )
    if len(terms) > MAX_TERMS:
        raise ConfigError(
            f"text search has {len(terms)} terms, more than {MAX_TERMS}",
            "search for a few words or a quoted phrase",
        )
    return tuple(terms)


def fts5_match(terms: tuple[str, ...]) -> str:
    """The FTS5 ``MATCH`` string of ``terms``: each an FTS5 string (double-quoted, inner quotes doubled),
    so it is a phrase of the words the table's tokenizer finds in it; juxtaposed strings are ANDed."""
    return " ".join('"' + term.replace('"', '""') + '"' for term in terms)

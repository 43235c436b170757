"""Sentence spans in cleaned text: paragraphs first, then sentencex inside each paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sentencex import segment

#: Where a paragraph ends: a blank line always; a single newline unless the next line continues the
#: sentence (starts with a lower-case letter or with , ; : ) ]), which is how hard-wrapped plain
#: text looks. Headlines and one-paragraph-per-line text get a break at every newline.
PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?![^\S\n]*[a-z,;:)\]])")


#: Titles sentencex's English list lacks: a sentence never ends on one ("Police found Ms. Odell").
_TITLE_END = re.compile(r"(?<![\w.])(?:Ms|Mx|Ft|Cdr|Pte)\.$")
#: How far before a sentence's end :data:`_TITLE_END` is searched from: its longest title and more
#: (its lookbehind still reads the character before the window).
_TITLE_REACH = 8


def _ends_on_title(text: str, end: int) -> bool:
    """Whether the sentence ending at ``end`` ends on a title (searching only its last characters,
    not the whole text before it)."""
    return _TITLE_END.search(text, max(0, end - _TITLE_REACH), end) is not None


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in PARAGRAPH_BREAK.finditer(text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str, language: str = "en") -> list[tuple[int, int]]:
    """Half-open ``(start, end)`` spans of the sentences of ``text``, in order, without surrounding
    whitespace. Paragraph breaks always end a sentence; inside a paragraph sentencex decides, so
    "Mr. Assad" and "U.S. troops" stay whole. ``language`` is an ISO 639-1 code for sentencex's
    abbreviation lists (unknown codes fall back to its defaults)."""
    spans: list[tuple[int, int]] = []
    for p_start, p_end in _paragraphs(text):
        paragraph = text[p_start:p_end]
        if not paragraph.strip():
            continue
        cursor = 0
        for piece in segment(language, paragraph):
            # sentencex's pieces partition the paragraph; if a version ever drops or changes
            # characters, find the piece from the cursor instead of trusting the lengths.
            if paragraph.startswith(piece, cursor):
                found = cursor
            else:
                found = paragraph.find(piece.strip(), cursor)
                if found < 0:
                    continue
                piece = piece.strip()
            start, end = _strip(paragraph, found, found + len(piece))
            cursor = found + len(piece)
            if end > start and spans and spans[-1][0] >= p_start and _ends_on_title(text, spans[-1][1]):
                spans[-1] = (spans[-1][0], p_start + end)  # the title belongs to the name after it
            elif end > start:
                spans.append((p_start + start, p_start + end))
    return spans

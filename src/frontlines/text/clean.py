"""Cleaning: boilerplate out, glued words apart, whitespace collapsed, with an exact offset map.

Cleaning never rewrites the original. Each pass finds *edits* (delete ``original[start:end]`` and
put ``insert`` in its place) with the named rules below, applies them, and composes the offset map,
so every character of the cleaned text knows the original position it came from
(:class:`~frontlines.model.CleanText`). Inserted characters (a repaired space, a tab turned into a
space) map to the original position of the character that follows them. Only whitespace is ever
inserted, so every other cleaned character is a verbatim original character.

Passes: ``normalize`` (line ends, invisible characters) once, then rounds of

1. ``whitespace``: runs collapsed to one space, one newline or one blank line; the ends stripped;
2. ``spacing``: a missing space after punctuation between two words;
3. ``boilerplate``: whole blocks that are not the report (newsletter boxes, captions, bylines,
   source trailers, read-more links, agency tags, wire credits);

until a round removes no boilerplate (a removal can expose more: a trailer before an agency tag,
a glued "said.(AFP Photo)The"). So the rules see collapsed whitespace, and cleaning cleaned text
changes nothing.
"""

from __future__ import annotations

import bisect
import functools
import re
from array import array
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from frontlines.model import CleanText


class Edit(NamedTuple):
    """Replace ``text[start:end]`` (possibly empty) by ``insert`` (possibly empty)."""

    start: int
    end: int
    insert: str = ""


# --------------------------------------------------------------------------------------------
# The rules. Every regex that changes text is here, named and explained.
# --------------------------------------------------------------------------------------------

# The normalize pass (once, first).
#: A carriage return: dropped before a newline (Windows line ends), else an old-Mac line end -> "\n".
CARRIAGE_RETURN = re.compile(r"\r(?=\n)|\r")
#: Zero-width space, word joiner, byte-order mark and soft hyphen: invisible, and they split words
#: for every later matcher. (Zero-width non-joiner is kept: it is spelling in Persian and Urdu.)
INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]+")

# The boilerplate pass. Each rule deletes its match, or only its group ``cut`` when it has one.
#: Capitalised name words for bylines: "John Smith", "JANE DOE", "Ahmed al-Masri", "J.R. Doe".
_NAME = r"[A-Z][\w'’.-]*(?:[ \t]+(?:(?:al|el|de|van|von|bin|ibn|da|di|du|le)-?)?[A-Z][\w'’.-]*){0,3}"
#: Social/share widget words that scrapers leave after a trailer ("(Source: X) Twitter").
_SHARE = r"(?:[ \t]+(?:Twitter|Facebook|WhatsApp|Telegram|Email|E-mail|Print|Share|Tweet|Comments?))*"

BOILERPLATE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # A newsletter or sign-up box on a line of its own: "Sign up for our newsletter ...",
    # "Subscribe to ...", "Get our daily newsletter".
    (
        "newsletter_line",
        re.compile(
            r"^[^\S\n]*(?:(?:sign[ -]?up|subscribe)\b"
            r"|(?:get|join)[ \t]+(?:our|the)\b[^\n]{0,60}\bnewsletters?\b)[^\n]*(?:\n|\Z)",
            re.IGNORECASE | re.MULTILINE,
        ),
    ),
    # The same sentence inside running text (scraped pages flattened to one line): it must start a
    # sentence with a capital ("Subscribe to our YouTube channel ...") so that "states that
    # subscribe to the treaty" stays.
    (
        "newsletter_sentence",
        re.compile(
            r"(?:^|(?<=[.!?]))[^\S\n]*(?:Sign[ -]?up|SIGN[ -]?UP|Subscribe|SUBSCRIBE)"
            r"[ \t]+(?:to|for|TO|FOR)[ \t]+(?:our|the|OUR|THE)\b[^.!?\n]{0,160}(?:[.!?]+|$)",
            re.MULTILINE,
        ),
    ),
    # A photo caption line: "Photo: ...", "Image caption ...", "File photo: ...", "Picture credit: ...".
    (
        "caption_line",
        re.compile(
            r"^[^\S\n]*(?:(?:file[ \t]+)?(?:photo|picture|image|pictured)"
            r"(?:[ \t]+(?:caption|credit|copyright))?[ \t]*:"
            r"|image[ \t]+(?:caption|copyright)\b)[^\n]*(?:\n|\Z)",
            re.IGNORECASE | re.MULTILINE,
        ),
    ),
    # A photo credit in parentheses inside text: "(Photo by Omar Haj Kadour/AFP)", "(AFP Photo)",
    # "(Photo: Reuters)". At most eight words, so a real parenthetical about photos survives.
    (
        "caption_parenthetical",
        re.compile(
            r"[^\S\n]*\((?=[^()\n]{1,120}\))(?:[^()\s]+[ \t]+){0,3}?(?:photo|picture|image)s?\b"
            r"(?:[ \t:]+[^()\s]+){0,5}[ \t]*\)",
            re.IGNORECASE,
        ),
    ),
    # A byline (or a run of them) on one of the first three lines: "By John Smith, Reuters".
    # Names must be capitalised and the line must end after them: "By Friday all but one ..." stays.
    (
        "byline",
        re.compile(
            r"\A(?:[^\n]{0,300}\n\s*){0,2}?(?P<cut>(?:[^\S\n]*(?:By|BY)[ \t]+"
            + _NAME
            + r"(?:[ \t]*(?:,|\band\b|&|\||[-–—])[ \t]*"
            + _NAME
            + r")*[ \t]*(?:\n|\Z))+)",
        ),
    ),
    # A "Source: ..." trailer at the very end, alone on its line or after the last sentence,
    # optionally in parentheses and followed by share-widget words.
    (
        "source_trailer",
        re.compile(
            r"(?:^|(?<=[.!?\"”’)]))[^\S\n]*\(?Sources?[ \t]*:[^\n.!?]{1,100}\)?\.?" + _SHARE + r"\s*\Z",
            re.MULTILINE,
        ),
    ),
    # A link line: "Read more: ...", "READ MORE ...", "Related: ...", "See also: ...", "Also read: ...".
    (
        "read_more_line",
        re.compile(
            r"^[^\S\n]*(?:(?:read[ \t]+more|related(?:[ \t]+(?:stories|articles|news))?|see[ \t]+also"
            r"|also[ \t]+read|more[ \t]+on[ \t]+this)[ \t]*:"
            r"|Read[ \t]+more\b|READ[ \t]+MORE\b|Read[ \t]+More\b)[^\n]*(?:\n|\Z)",
            re.IGNORECASE | re.MULTILINE,
        ),
    ),
    # An agency tag ending the text: "--Reuters", "— AFP", "said.--AFP", "-- Reuters/AP"; a run of
    # them goes at once (so cleaning twice changes nothing more).
    (
        "agency_tag",
        re.compile(
            r"(?:[^\S\n]*(?:--|[–—])[ \t]*[A-Z][A-Za-z.]{1,15}"
            r"(?:[ \t]*[/,&][ \t]*[A-Z][A-Za-z.]{1,15}){0,2}[ \t]*\.?)+\s*\Z"
        ),
    ),
    # A wire-service credit anywhere: "(Reporting by X; Editing by Y)".
    (
        "reporting_credit",
        re.compile(r"[^\S\n]*\((?:Additional[ \t]+)?(?:Reporting|Writing|Editing)[ \t]+by\b[^()]{0,300}\)"),
    ),
)

#: Words one of which every match of a boilerplate rule holds (where the rule has such words): a
#: substring test is cheap, the patterns are slow to fail, and most texts hold none of them.
BOILERPLATE_NEEDS: dict[str, tuple[str, ...]] = {
    "newsletter_sentence": ("Sign", "SIGN", "Subscribe", "SUBSCRIBE"),
    "source_trailer": ("Source",),
    "agency_tag": ("--", "–", "—"),
    "reporting_credit": ("Reporting", "Writing", "Editing"),
}

# The spacing pass. Each rule inserts one space where its match ends (after the punctuation).
#: A whitespace-delimited token holding one of these marks is a URL or an e-mail address and is
#: never repaired ("https://example.com/a,b", "www.example.org/x:y", "name@example.org").
URL_MARK = re.compile(r"://|www\.|@", re.IGNORECASE)
_SPACE = re.compile(r"\s")
#: Each pattern opens with its punctuation and looks behind after it, so that the regex engine scans
#: for the punctuation instead of trying the lookbehind at every character (the same matches).
SPACING_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "Saturday,forcing", "killed;others", "said:the": a comma, semicolon or colon between two letters.
    # Digits on either side are numbers or times ("1,000", "10:30") and stay.
    ("space_after_comma", re.compile(r"[,;:](?<=[^\W\d_][,;:])(?=[^\W\d_])")),
    # "Saturday.The": a full stop after a lower-case word of 2+ letters, before a capitalised word.
    # "U.S.", "3.5", "e.g." and "pic.twitter.com" do not match.
    ("space_after_full_stop", re.compile(r"\.(?<=[a-z]{2}\.)(?=[A-Z][a-z])")),
    # "fled?The", "enough!They".
    ("space_after_question_exclamation", re.compile(r"[?!](?<=[^\W\d_][?!])[?!]*(?=[A-Z])")),
)

# The whitespace pass.
#: A run of whitespace that may need collapsing to one blank line (2+ newlines), one newline or one
#: space: two or more characters, any single one but a plain space, or a space at either end.
#: (Single spaces between words, the vast majority, are not visited.) Written with the whitespace
#: character first ("\s{2,}|[^\S ]|\A |\s\Z" with the first \s taken out): a pattern that opens with a
#: character class lets the regex engine skip to where one is (twice as fast; the same matches).
WHITESPACE_RUN = re.compile(r"\s(?:\s+|(?<=[^\S ])|(?<=\A )|\Z)")


# --------------------------------------------------------------------------------------------
# Passes: each returns sorted, non-overlapping edits for the text it is given.
# --------------------------------------------------------------------------------------------


def _normalize(text: str) -> Iterator[Edit]:
    """Normalize: CR and CRLF to LF; invisible characters dropped."""
    found = [
        (m.start(), m.end(), "" if text.startswith("\n", m.end()) else "\n")
        for m in CARRIAGE_RETURN.finditer(text)
    ]
    found += [(m.start(), m.end(), "") for m in INVISIBLE.finditer(text)]
    for start, end, insert in sorted(found):
        yield Edit(start, end, insert)


def _boilerplate(text: str) -> Iterator[Edit]:
    """Boilerplate: delete the union of every boilerplate rule's matches."""
    spans: list[tuple[int, int]] = []
    for name, pattern in BOILERPLATE_RULES:
        needs = BOILERPLATE_NEEDS.get(name)
        if needs is not None and not any(word in text for word in needs):
            continue  # every match holds one of these words: a text without them has none
        for m in pattern.finditer(text):
            start, end = m.span("cut") if "cut" in pattern.groupindex else m.span()
            if end > start:
                spans.append((start, end))
    yield from (Edit(start, end) for start, end in _union(spans))


def _union(spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    current: list[int] | None = None
    for start, end in sorted(spans):
        if current is not None and start <= current[1]:
            current[1] = max(current[1], end)
            continue
        if current is not None:
            yield current[0], current[1]
        current = [start, end]
    if current is not None:
        yield current[0], current[1]


def _url_spans(text: str) -> list[tuple[int, int]]:
    """Sorted spans of the tokens that hold a URL mark; each token is scanned once."""
    spans: list[tuple[int, int]] = []
    for m in URL_MARK.finditer(text):
        if spans and m.start() < spans[-1][1]:
            continue
        start = m.start()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        after = _SPACE.search(text, m.end())
        spans.append((start, after.start() if after else len(text)))
    return spans


def _spacing(text: str) -> Iterator[Edit]:
    """Spacing: insert the space missing after punctuation between words, outside URLs."""
    urls = _url_spans(text)
    starts = [start for start, _end in urls]
    points: set[int] = set()
    for _name, pattern in SPACING_RULES:
        for m in pattern.finditer(text):
            k = bisect.bisect_right(starts, m.start()) - 1
            if k < 0 or m.start() >= urls[k][1]:
                points.add(m.end())
    yield from (Edit(point, point, " ") for point in sorted(points))


def _whitespace(text: str) -> Iterator[Edit]:
    """Whitespace: strip the ends; inner runs become "\\n\\n", "\\n" or " ", keeping original characters."""
    for m in WHITESPACE_RUN.finditer(text):
        start, end = m.span()
        run = m.group()
        if start == 0 or end == len(text):
            yield Edit(start, end)
            continue
        newlines = [start + i for i, ch in enumerate(run) if ch == "\n"]
        if newlines:
            keep = newlines[:2]
        elif " " in run:
            keep = [start + run.index(" ")]
        else:  # tabs, no-break spaces: one inserted plain space
            yield Edit(start, end, " ")
            continue
        cursor = start
        for position in keep:
            if position > cursor:
                yield Edit(cursor, position)
            cursor = position + 1
        if end > cursor:
            yield Edit(cursor, end)


#: Passes of one round, in order (see the module docstring).
ROUND: tuple[tuple[str, Callable[[str], Iterator[Edit]]], ...] = (
    ("whitespace", _whitespace),
    ("spacing", _spacing),
    ("boilerplate", _boilerplate),
)
#: Rounds at most; real text settles in two (one that removes, one that finds nothing more).
MAX_ROUNDS = 4


# --------------------------------------------------------------------------------------------
# Applying edits and composing offset maps.
# --------------------------------------------------------------------------------------------


def _apply(
    text: str, index: array[int], inserted: bytearray, edits: Iterable[Edit]
) -> tuple[str, array[int], bytearray]:
    """Apply sorted, non-overlapping edits to ``text``, carrying its map to the original along.

    ``index`` has ``len(text) + 1`` entries (the last one for "just after the end"); ``inserted``
    flags characters that are not verbatim original characters.
    """
    pieces: list[str] = []
    new_index: array[int] = array("q")
    new_inserted = bytearray()
    cursor = 0
    for edit in edits:
        if edit.start < cursor:
            raise ValueError(f"overlapping edits at {edit.start} (cursor {cursor})")
        pieces.append(text[cursor : edit.start])
        new_index.extend(index[cursor : edit.start])
        new_inserted.extend(inserted[cursor : edit.start])
        if edit.insert:
            pieces.append(edit.insert)
            new_index.extend([index[edit.end]] * len(edit.insert))
            new_inserted.extend(b"\x01" * len(edit.insert))
        cursor = edit.end
    pieces.append(text[cursor:])
    new_index.extend(index[cursor:])  # includes the sentinel
    new_inserted.extend(inserted[cursor:])
    return "".join(pieces), new_index, new_inserted


def _counting(size: int) -> array[int]:
    """``array("q", range(size))``, built from NumPy's bytes: the same array, forty times faster
    (filling it from a range converts every number; that was 1% of an extraction's time)."""
    import numpy as np  # loaded with the pipeline; imported here so that importing cleaning stays light

    index: array[int] = array("q")
    index.frombytes(np.arange(size, dtype=np.int64).tobytes())
    return index


def clean_traced(text: str) -> tuple[CleanText, bytes]:
    """Clean ``text``; returns the :class:`CleanText` and a flag per cleaned character, 1 if inserted.

    The flags are for audits and tests; :func:`clean` is the everyday entry point.
    """
    index = _counting(len(text) + 1)
    inserted = bytearray(len(text))
    current, index, inserted = _apply(text, index, inserted, _normalize(text))
    for _round in range(MAX_ROUNDS):
        removed = False
        for name, find_edits in ROUND:
            edits = list(find_edits(current))
            if edits:
                current, index, inserted = _apply(current, index, inserted, edits)
                removed = removed or name == "boilerplate"
        if not removed:
            break
    else:  # still removing after MAX_ROUNDS: at least leave the seams collapsed
        current, index, inserted = _apply(current, index, inserted, _whitespace(current))
    # The sentinel: just after the original character of the last cleaned character.
    if current:
        last = index[len(current) - 1]
        index[len(current)] = last if inserted[-1] else last + 1
    else:
        index[0] = 0
    return CleanText(current, index), bytes(inserted)


@functools.lru_cache(maxsize=8)
def clean(text: str) -> CleanText:
    """Clean one article's original text for extraction; returns the cleaned text and its offset map.

    Removes newsletter and sign-up blocks, photo captions, a top byline, a closing "Source: ..."
    trailer, read-more and related-link lines, a closing agency tag and wire credits; repairs a
    missing space after punctuation (not in numbers, abbreviations or URLs); collapses whitespace.

    Cached for the last few texts: ingestion cleans an article to check it, and the pipeline's
    cleaning stage then finds the same result (a :class:`CleanText` is never changed in place).
    """
    return clean_traced(text)[0]

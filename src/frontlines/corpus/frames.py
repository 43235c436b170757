"""A corpus item's whole article, for ``frontlines eval corpus --frame article``.

Held-out tests score the events found in whole reports, where a sentence is read with everything
around it: the story's places and dates, the sentences that retell or set the scene. The article frame
runs an item taken from an FA-KES article or a Wikipedia battle page inside that article, so the corpus
measures what the sentence alone hides. The article is

- for FA-KES (``fakes/FA-KES-Dataset.csv``): the ``article_content`` cell that holds the item, published
  on its row's ``date``;
- for a Wikipedia page (``*.md``): the page's body after its front matter, published as the sentence
  alone would be (the page has no date of its own).

Items of other sources (headlines, LGL and TR-News spans, team-written text) have no article here.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from frontlines.corpus.items import CorpusItem, SharedTexts

#: The FA-KES columns read: the article and its date (M/D/YYYY).
FAKES_TEXT, FAKES_DATE = "article_content", "date"


@dataclass(frozen=True, slots=True)
class ArticleFrame:
    """The article an item sits in, where its sentence starts there, and the article's own date."""

    text: str
    offset: int
    published: dt.date | None


def csv_cells(raw: str) -> Iterator[tuple[int, int, int, int]]:
    """``(row, column, start, end)`` of every cell of a CSV text (RFC 4180: a quoted cell may hold
    commas, line breaks and doubled quotes); a quoted cell's span leaves its quotes out."""
    row = column = 0
    i, n = 0, len(raw)
    while i < n:
        if raw[i] == '"':
            start = i = i + 1
            while i < n and not (raw[i] == '"' and raw[i + 1 : i + 2] != '"'):
                i += 2 if raw[i] == '"' else 1
            yield row, column, start, i
            i += 1  # the closing quote
        else:
            start = i
            while i < n and raw[i] not in ",\r\n":
                i += 1
            yield row, column, start, i
        if raw[i : i + 1] == ",":
            column, i = column + 1, i + 1
            continue
        i += 2 if raw[i : i + 2] == "\r\n" else 1
        row, column = row + 1, 0


class _CsvArticles:
    """One CSV file's article cells, found by the offset of a span inside them."""

    def __init__(self, raw: str) -> None:
        cells = list(csv_cells(raw))
        header = {raw[s:e]: c for r, c, s, e in cells if r == 0}
        text_column, date_column = header.get(FAKES_TEXT), header.get(FAKES_DATE, -1)
        by_row = {(r, c): (s, e) for r, c, s, e in cells}
        self._raw = raw
        self._spans = sorted(
            (s, e, by_row.get((r, date_column))) for r, c, s, e in cells if r > 0 and c == text_column
        )
        self._starts = [s for s, _, _ in self._spans]

    def frame(self, start: int, text: str) -> ArticleFrame | None:
        at = bisect.bisect_right(self._starts, start) - 1
        if at < 0:
            return None
        cell_start, cell_end, date_span = self._spans[at]
        if not start + len(text) <= cell_end:
            return None
        raw = self._raw
        article = raw[cell_start:cell_end].replace('""', '"')
        offset = start - cell_start - raw[cell_start:start].count('""')
        if article[offset : offset + len(text)] != text:
            return None  # a sentence holding doubled quotes: its raw span is not the article's text
        return ArticleFrame(article, offset, _us_date(raw[slice(*date_span)]) if date_span else None)


def _us_date(value: str) -> dt.date | None:
    try:
        month, day, year = (int(part) for part in value.strip().split("/"))
        return dt.date(year, month, day)
    except ValueError:
        return None


def _page_body_start(raw: str) -> int:
    """Where a Markdown page's body starts: after its ``---`` front matter, if it has one."""
    if not raw.startswith("---\n"):
        return 0
    end = raw.find("\n---\n", 4)
    return 0 if end < 0 else end + len("\n---\n")


class ArticleFrames:
    """The articles of the corpus's real-text items, each file read and indexed once."""

    def __init__(self, texts: SharedTexts) -> None:
        self._texts = texts
        self._csv: dict[str, _CsvArticles] = {}

    def of(self, item: CorpusItem) -> ArticleFrame | None:
        """The article ``item`` sits in, or None (no article here: see the module docs)."""
        if item.file is None or item.start is None:
            return None
        raw = self._texts.text(item.file)
        if raw is None:
            return None
        if item.source == "fakes" and item.file.endswith(".csv"):
            if item.file not in self._csv:
                self._csv[item.file] = _CsvArticles(raw)
            return self._csv[item.file].frame(item.start, item.text)
        if item.file.endswith(".md"):
            body = _page_body_start(raw)
            if item.start < body:
                return None
            return ArticleFrame(raw[body:], item.start - body, None)
        return None

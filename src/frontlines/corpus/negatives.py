"""Non-event sentences from real news for the classifier: local news of the LGL geoparsing corpus
(crime, accidents, courts, councils, weather) in ../shared/data, none of it political violence.

The corpus's own LGL items are scored as non-events (``frontlines eval corpus``), so no article that
holds one of them is read here: what the classifier learns from and what it is scored on never share
an article. The sample is fixed (a seeded shuffle), so a model trains the same way every time.
"""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

from frontlines.text.sentences import split_sentences

#: The LGL file, relative to the shared data folder.
LGL_FILE = "geoparsing_dev/lgl.xml"
#: How many sentences are taken: chosen on the corpus's leave-country-out figures (1,000 lowered
#: false alarms 0.136 -> 0.116 at detection 0.892 -> 0.887; 2,500 cost more detection, 0.883).
NEWS_NEGATIVES = 1000
#: Sentences shorter or longer than these (characters) are headlines, lists or run-ons.
MIN_CHARS, MAX_CHARS = 40, 400
SEED = 0


def _articles(path: Path) -> Iterator[str]:
    for _, element in ET.iterparse(path, events=("end",)):
        if element.tag == "article":
            text = element.findtext("text") or ""
            element.clear()
            yield text


def news_negatives(
    shared: Path | None, held: Iterable[str] = (), limit: int = NEWS_NEGATIVES
) -> tuple[str, ...]:
    """Up to ``limit`` sentences of LGL articles that contain none of the texts ``held`` (the
    corpus's items from LGL); none when the shared folder or the file is absent."""
    path = shared / LGL_FILE if shared is not None else None
    if path is None or not path.is_file():
        return ()
    held = [h for h in held if h]
    sentences = [  # LGL repeats some articles: each sentence once
        *dict.fromkeys(
            text[start:end]
            for text in _articles(path)
            if not any(h in text for h in held)
            for start, end in split_sentences(text)
            if MIN_CHARS < end - start < MAX_CHARS
        )
    ]
    random.Random(SEED).shuffle(sentences)
    return tuple(sentences[:limit])

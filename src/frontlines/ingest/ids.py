"""Content-hash article ids: the same report read twice, from any file, gets the same id."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

#: Hex digits kept from the sha256: 64 bits, collision-free in practice for any news corpus.
ID_LENGTH = 16


def article_id(*, text: str, title: str | None, published: dt.date | None, source: str | None) -> str:
    """The id of an article: sha256 of a canonical JSON of source, published, title and text.

    Takes the fields that make a report what it is (not where it was read from, so a copy in two
    files is one article); returns the first :data:`ID_LENGTH` hex digits.
    """
    canonical = json.dumps(
        {
            "published": published.isoformat() if published else None,
            "source": source,
            "text": text,
            "title": title,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:ID_LENGTH]

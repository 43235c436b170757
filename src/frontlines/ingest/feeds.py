"""RSS and Atom feeds: one article per entry."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from frontlines.ingest.decode import HEAD_BYTES, nul_problem, too_large
from frontlines.ingest.draft import Context, Draft, from_problem, reject
from frontlines.ingest.markup import html_to_text
from frontlines.model import Rejection

EXTENSIONS = frozenset({".rss", ".atom", ".xml"})


def _entry_text(entry: Any) -> str:
    """The fullest text of an entry: its longest ``content`` value or its summary, HTML stripped."""
    candidates = [part.get("value", "") for part in entry.get("content", []) or []]
    candidates.append(entry.get("summary", "") or "")
    best = max(candidates, key=len)
    return html_to_text(best)


def read_feed(path: Path, ctx: Context) -> Iterator[Draft | Rejection]:
    """Read an RSS/Atom file; origins are ``path#N`` with N counted from 1 in feed order.

    Each entry gives title, text (content or summary, HTML stripped), published (or updated when
    there is no published date), link as url, and the entry's own source title or else the feed's
    title as source. The whole file must fit in ``ingest.max_bytes``.
    """
    origin = str(path)
    size = path.stat().st_size
    if size > ctx.settings.max_bytes:
        yield from_problem(origin, too_large(size, ctx.settings.max_bytes))
        return
    data = path.read_bytes()
    problem = nul_problem(data[:HEAD_BYTES])
    if problem:
        yield from_problem(origin, problem)
        return
    if not data.strip():
        yield reject(origin, "empty", "file is empty; give an RSS or Atom feed")
        return
    import feedparser  # loaded on first use: most commands never read this format

    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo"):
            error = " ".join(str(parsed.get("bozo_exception", "unknown error")).split())
            yield reject(origin, "format", f"not a readable RSS/Atom feed ({error}); check that it is a feed")
        elif not parsed.get("version"):
            yield reject(origin, "format", "XML but not an RSS or Atom feed; give a feed or the pages")
        else:
            yield reject(origin, "empty", "feed has no entries")
        return
    feed_title = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        source = (entry.get("source") or {}).get("title") or feed_title
        extra = {"entry_id": entry["id"]} if entry.get("id") else {}
        yield Draft(
            origin=f"{origin}#{number}",
            text=_entry_text(entry),
            title=entry.get("title") or None,
            published=entry.get("published") or entry.get("updated") or None,
            source=source,
            url=entry.get("link") or None,
            extra=extra,
        )

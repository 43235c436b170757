"""HTML pages: the article's main text, title and publication date via trafilatura and htmldate."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from frontlines.ingest.decode import Problem, read_text_file
from frontlines.ingest.draft import Context, Draft, from_problem, reject, with_invalid_bytes
from frontlines.model import Rejection

EXTENSIONS = frozenset({".html", ".htm"})


def read_html(path: Path, ctx: Context) -> Iterator[Draft | Rejection]:
    """Read one saved web page as one article draft.

    trafilatura keeps the main text and drops navigation, cookie banners, captions, comments and
    newsletter boxes; the date comes from htmldate with ``extensive_search=False`` (page metadata
    and markup only, so a "(c) 2013" footer is not taken for the date), the original publication
    date preferred over a later update, and never after ``ctx.today``.
    """
    origin = str(path)
    decoded = read_text_file(path, ctx.settings.max_bytes)
    if isinstance(decoded, Problem):
        yield from_problem(origin, decoded)
        return
    content = decoded.text
    if not content.strip():
        yield reject(origin, "empty", "file is empty or only whitespace; save the article page itself")
        return
    import trafilatura  # loaded on first use: most commands never read this format

    doc = trafilatura.bare_extraction(
        content,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={
            "extensive_search": False,
            "original_date": True,
            "max_date": ctx.today.isoformat(),
        },
    )
    text = getattr(doc, "text", None) or ""
    if not text.strip():
        yield reject(
            origin,
            "empty",
            "no article text in the page (only scripts, navigation or boilerplate); "
            "save the article page itself, not an index or a script-rendered shell",
        )
        return
    author = getattr(doc, "author", None)
    draft = Draft(
        origin=origin,
        text=text,
        title=getattr(doc, "title", None),
        published=getattr(doc, "date", None),
        source=getattr(doc, "sitename", None),
        url=getattr(doc, "url", None),
        extra={"author": author} if author else {},
    )
    yield with_invalid_bytes(draft, decoded.invalid_bytes)

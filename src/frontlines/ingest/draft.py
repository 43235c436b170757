"""What readers produce (a :class:`Draft`) and the checks that turn it into an :class:`Article`.

Every reader, whatever the format, hands over the same draft, so the rules for dates, defaults,
empty text, language and ids are written once, here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from frontlines.config import IngestSettings
from frontlines.ingest.dates import parse_date
from frontlines.ingest.decode import Problem
from frontlines.ingest.ids import article_id
from frontlines.model import INVALID_BYTES, Article, Rejection
from frontlines.text.clean import clean
from frontlines.text.language import detect_language, language_name

STAGE = "ingest"


@dataclass(frozen=True, slots=True)
class Draft:
    """One record as a reader found it; ``published`` may still be the text written in the file."""

    origin: str
    text: str
    title: str | None = None
    published: str | dt.date | None = None
    source: str | None = None
    url: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Context:
    """What every reader and the finishing checks are given: settings, defaults and today's date."""

    settings: IngestSettings
    today: dt.date
    field_map: Mapping[str, str] = field(default_factory=dict)
    published: dt.date | None = None
    source: str | None = None


def with_invalid_bytes(draft: Draft, count: int) -> Draft:
    """``draft`` with the number of bytes its reader replaced recorded in its extra (when any)."""
    return replace(draft, extra={**draft.extra, INVALID_BYTES: count}) if count else draft


def reject(origin: str, code: str, detail: str, article: str | None = None) -> Rejection:
    """An ingest rejection (one-line detail)."""
    one_line = " ".join(detail.split())
    return Rejection(origin=origin, stage=STAGE, code=code, detail=one_line, article_id=article)


def from_problem(origin: str, problem: Problem) -> Rejection:
    return reject(origin, problem.code, problem.detail)


def _text_or_none(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def finish(draft: Draft, ctx: Context) -> Article | Rejection:
    """Check one draft and build its article: date, defaults, enough text, language, id.

    Rejection codes: ``date`` (impossible, unreadable, or after ``ctx.today``), ``empty`` (no text,
    or fewer than ``ingest.min_chars`` characters after cleaning), ``language`` (not one of
    ``ingest.languages``; an empty tuple accepts every language). It is :func:`prepare` then
    :func:`check`.
    """
    prepared = prepare(draft, ctx)
    return prepared if isinstance(prepared, Rejection) else check(prepared, ctx.settings)


def prepare(draft: Draft, ctx: Context) -> Article | Rejection:
    """The cheap half of :func:`finish`: text present, date, defaults and id; the article's
    ``language`` is None until :func:`check` has looked at its cleaned text.

    ``frontlines batch`` prepares on the client (ids are what it de-duplicates on) and checks on the
    workers, where the pipeline then finds the cleaned text in :func:`~frontlines.text.clean`'s cache.
    """
    settings = ctx.settings
    if not draft.text.strip():
        return reject(draft.origin, "empty", "record has no text; give the article body")
    published: dt.date | None
    if isinstance(draft.published, str) and draft.published.strip():
        try:
            published = parse_date(draft.published, dayfirst=settings.dayfirst)
        except ValueError as exc:
            return reject(draft.origin, "date", f"published: {exc}")
    elif isinstance(draft.published, dt.date):
        published = draft.published
    else:
        published = ctx.published
    if published is not None and published > ctx.today:
        return reject(
            draft.origin,
            "date",
            f"published {published.isoformat()} is after today ({ctx.today.isoformat()}); "
            "fix the date, or give --published for records without one",
        )
    title = _text_or_none(draft.title)
    source = _text_or_none(draft.source) or ctx.source
    return Article(
        article_id=article_id(text=draft.text, title=title, published=published, source=source),
        text=draft.text,
        origin=draft.origin,
        title=title,
        published=published,
        source=source,
        url=_text_or_none(draft.url),
        extra=dict(draft.extra),
    )


def check(article: Article, settings: IngestSettings) -> Article | Rejection:
    """The costly half of :func:`finish`: enough text after cleaning (``empty``) and a language the
    project reads (``language``); returns ``article`` with its language set.

    The outcome depends only on the text and ``settings``: two records with one article id (the
    same text) are both kept or both rejected, with the same code and detail.
    """
    cleaned = clean(article.text)
    if len(cleaned.text) < settings.min_chars:
        return reject(
            article.origin,
            "empty",
            f"only {len(cleaned.text)} characters of text after removing boilerplate "
            f"(ingest.min_chars={settings.min_chars}); check that the record holds the article body",
            article.article_id,
        )
    language = detect_language(cleaned.text, prefer=settings.languages)
    if settings.languages and language not in settings.languages:
        reads = ", ".join(settings.languages)
        return reject(
            article.origin,
            "language",
            f"article is in {language_name(language)} ({language}); frontlines reads {reads}; "
            f"translate it, or add the language with --set ingest.languages={reads},{language} "
            "(extraction rules are written for English)",
            article.article_id,
        )
    return replace(article, language=language)

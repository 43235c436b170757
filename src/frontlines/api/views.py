"""What the API answers with: event records, GeoJSON features, CSV, an event's full story (reports,
sources, evidence in context) and an article with its evidence spans. Built from the store's reads and
the records the CLI prints (:func:`frontlines.export.event_to_record`,
:func:`frontlines.export.canonical_to_record`), so the API and the CLI say the same thing."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from frontlines.export import CANONICAL_COLUMNS, EVENT_COLUMNS, event_to_record, evidence_to_record
from frontlines.export import canonical_to_record as canonical_record
from frontlines.merge.reconcile import CanonicalEvent
from frontlines.model import Article, Event
from frontlines.store.base import EventQuery
from frontlines.store.sqlite import SqliteRepository

#: Characters of article text shown on each side of an evidence quote.
CONTEXT_CHARS = 240


def record_of(item: CanonicalEvent | Event) -> dict[str, Any]:
    """The JSON record of a canonical event (with its corroboration fields) or of a report."""
    return canonical_record(item) if isinstance(item, CanonicalEvent) else event_to_record(item)


def feature_of(record: dict[str, Any]) -> dict[str, Any]:
    """A GeoJSON Point feature of an event record; evidence is left out (``evidence_count`` instead)."""
    properties = {k: v for k, v in record.items() if k != "evidence"}
    properties["evidence_count"] = len(record["evidence"])
    return {
        "type": "Feature",
        "id": record["event_id"],
        "geometry": {"type": "Point", "coordinates": [record["longitude"], record["latitude"]]},
        "properties": properties,
    }


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value


def records_csv(records: Iterable[dict[str, Any]], *, canonical: bool) -> str:
    """CSV with ACLED's column names (the CLI's ``--format csv`` columns); list values as JSON,
    ``article_ids`` joined by ';'."""
    columns = [*EVENT_COLUMNS, *CANONICAL_COLUMNS] if canonical else list(EVENT_COLUMNS)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for record in records:
        row = {k: _cell(v) for k, v in record.items()}
        row["article_ids"] = ";".join(record["article_ids"])
        writer.writerow(row)
    return out.getvalue()


def article_record(article: Article) -> dict[str, Any]:
    """The stored article's fields (``text`` is the original text every offset points into)."""
    return {
        "article_id": article.article_id,
        "title": article.title,
        "published": None if article.published is None else article.published.isoformat(),
        "source": article.source,
        "url": article.url,
        "origin": article.origin,
        "language": article.language,
        "text": article.text,
    }


class Articles:
    """Articles read once per request (an event's evidence cites few articles, many times)."""

    def __init__(self, repository: SqliteRepository) -> None:
        self._repository = repository
        self._seen: dict[str, Article | None] = {}

    def get(self, article_id: str) -> Article | None:
        if article_id not in self._seen:
            self._seen[article_id] = self._repository.article(article_id)
        return self._seen[article_id]


def evidence_in_context(event: Event, articles: Articles) -> list[dict[str, Any]]:
    """Each evidence quote of ``event`` with up to :data:`CONTEXT_CHARS` of article text each side and
    whether the stored text still holds the quote at its offsets (``verbatim``)."""
    out = []
    for ev in event.evidence:
        record = evidence_to_record(ev)
        article = articles.get(ev.article_id)
        text = "" if article is None else article.text
        record["before"] = text[max(0, ev.start - CONTEXT_CHARS) : ev.start]
        record["after"] = text[ev.end : ev.end + CONTEXT_CHARS]
        record["verbatim"] = article is not None and text[ev.start : ev.end] == ev.quote
        out.append(record)
    return out


def sources_of(article_ids: Sequence[str], articles: Articles) -> list[dict[str, Any]]:
    """The articles an event rests on: id, title, outlet, date, URL (no text)."""
    out = []
    for aid in article_ids:
        article = articles.get(aid)
        if article is None:
            out.append({"article_id": aid, "title": None, "source": None, "published": None, "url": None})
        else:
            record = article_record(article)
            out.append({k: record[k] for k in ("article_id", "title", "source", "published", "url")})
    return out


def event_detail(repository: SqliteRepository, event_id: str) -> dict[str, Any] | None:
    """An event by id (a canonical event, else a report) with its reports, sources, contradictions
    and evidence in context; None when the store has no event of that id."""
    ids = EventQuery(ids=(event_id,))
    canon = next(iter(repository.canonical_events(ids)), None)
    if canon is not None:
        kind, event, record = "canonical", canon.event, canonical_record(canon)
        reports = repository.reports_by_id(list(canon.report_ids))
        contradictions = record["contradictions"]
        canonical_id: str | None = canon.canonical_id
    else:
        report = next(iter(repository.events(ids)), None)
        if report is None:
            return None
        kind, event, record, reports, contradictions = "report", report, event_to_record(report), [report], []
        canonical_id = repository.canonical_owner([event_id]).get(event_id)
    articles = Articles(repository)
    return {
        "kind": kind,
        "event": record,
        "canonical_id": canonical_id,
        "reports": [event_to_record(r) for r in reports],
        "sources": sources_of(event.article_ids, articles),
        "contradictions": contradictions,
        "evidence": evidence_in_context(event, articles),
    }


def article_detail(repository: SqliteRepository, article_id: str) -> dict[str, Any] | None:
    """An article's original text and every evidence span stored for it; None when absent."""
    article = repository.article(article_id)
    if article is None:
        return None
    spans = [
        {"report_id": c.report_id, "canonical_id": c.canonical_id, **evidence_to_record(c.evidence)}
        for c in repository.article_evidence(article_id)
    ]
    return {"article": article_record(article), "evidence": spans}

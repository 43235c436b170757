"""Reads the API and the map need beyond event lists: one article, the evidence that cites it, and
event counts over time. A mixin of :class:`~frontlines.store.sqlite.SqliteRepository`; it uses the
repository's connection and the same filters as event queries.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from typing import Literal, NamedTuple

from frontlines.model import Article, Evidence
from frontlines.store.base import EventQuery, haversine_km

Period = Literal["day", "week", "month"]

#: How an event date (ISO text) becomes the first day of its period, in SQLite: weeks start on Monday.
_PERIOD_SQL: dict[str, str] = {
    "day": "event_date",
    "week": "date(event_date, '-' || ((CAST(strftime('%w', event_date) AS INTEGER) + 6) % 7) || ' days')",
    "month": "strftime('%Y-%m-01', event_date)",
}


@dataclass(frozen=True, slots=True)
class PeriodCount:
    """Events and their fatalities in the period starting on ``start``."""

    start: dt.date
    events: int
    fatalities: int


#: The columns of a map point, in :class:`EventPoint` order.
POINT_COLUMNS = (
    "event_id", "event_date", "event_type", "sub_event_type",
    "location", "fatalities", "latitude", "longitude",
)  # fmt: skip


class EventPoint(NamedTuple):
    """What a map needs of an event to draw it: no actors, notes or evidence."""

    event_id: str
    event_date: str
    event_type: str
    sub_event_type: str
    location: str
    fatalities: int
    latitude: float
    longitude: float


@dataclass(frozen=True, slots=True)
class CitedEvidence:
    """One evidence quote in an article, with the report that carries it and that report's canonical
    event (None while unmerged)."""

    report_id: str
    canonical_id: str | None
    evidence: Evidence


class ReadingSqlite:
    """Article and aggregate reads for a SQLite repository (a mixin)."""

    _conn: sqlite3.Connection

    def article(self, article_id: str) -> Article | None:
        """The stored article with this id (its original text), or None."""
        row = self._conn.execute(
            "SELECT article_id, text, origin, title, published, source, url, language, extra"
            " FROM articles WHERE article_id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        aid, text, origin, title, published, source, url, language, extra = row
        return Article(
            article_id=aid,
            text=text,
            origin=origin,
            title=title,
            published=None if published is None else dt.date.fromisoformat(published),
            source=source,
            url=url,
            language=language,
            extra=json.loads(extra),
        )

    def article_evidence(self, article_id: str) -> list[CitedEvidence]:
        """Every evidence quote stored for this article, by offset, with its report and canonical event."""
        rows = self._conn.execute(
            'SELECT e.event_id, c.canonical_id, e.field, e.quote, e.start, e."end" FROM evidence e'
            " LEFT JOIN canonical_reports c ON c.event_id = e.event_id"
            ' WHERE e.article_id = ? ORDER BY e.start, e."end", e.event_id, e.seq',
            (article_id,),
        )
        return [
            CitedEvidence(report, canon, Evidence(article_id, field, quote, start, end))
            for report, canon, field, quote, start, end in rows
        ]

    def event_counts(self, query: EventQuery, by: Period, *, canonical: bool = True) -> list[PeriodCount]:
        """Events matching ``query`` (canonical ones, or reports) and their fatalities per period,
        oldest first. ``query.near`` is applied as its bounding box; ``limit`` and ``after`` are ignored."""
        from frontlines.store.where import where_clause as _where

        table = "canonical_events" if canonical else "events"
        where, params = _where(
            EventQuery(
                since=query.since,
                until=query.until,
                country=query.country,
                admin1=query.admin1,
                event_type=query.event_type,
                actor=query.actor,
                near=query.near,
                sub_event_type=query.sub_event_type,
                bbox=query.bbox,
                text=query.text,
                ids=query.ids,
            ),
            table=table,
        )
        period = _PERIOD_SQL[by]
        sql = f"SELECT {period} AS period, count(*), coalesce(sum(fatalities), 0) FROM {table}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " GROUP BY period ORDER BY period"
        return [
            PeriodCount(dt.date.fromisoformat(start), int(n), int(deaths))
            for start, n, deaths in self._conn.execute(sql, params)
        ]

    def event_points(self, query: EventQuery, *, canonical: bool = True) -> list[EventPoint]:
        """The map points of the events matching ``query`` (canonical ones, or reports), in the order and
        with the filters, ``after`` and ``limit`` of :meth:`events`; no evidence is read."""
        from frontlines.store.pages import page_rows

        table = "canonical_events" if canonical else "events"
        circle = query.circle
        rows = page_rows(self._conn, table, POINT_COLUMNS, query)
        points = [EventPoint(*row) for row in rows]
        if circle is not None:
            points = [
                p
                for p in points
                if haversine_km(circle.lat, circle.lon, p.latitude, p.longitude) <= circle.km
            ]
            points = points if query.limit is None else points[: query.limit]
        return points

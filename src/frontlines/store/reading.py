"""Reads the API and the map need beyond event lists: one article, the evidence that cites it, and
event counts over time. A mixin of :class:`~frontlines.store.sqlite.SqliteRepository`; it uses the
repository's connection and the same filters as event queries.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, replace
from typing import Literal, NamedTuple

from frontlines.model import Article, Evidence
from frontlines.store.base import EventQuery, haversine_km

Period = Literal["day", "week", "month"]


def period_start(day: dt.date, by: Period) -> dt.date:
    """The first day of the period of ``by`` holding ``day``: the day, its week's Monday or the first of
    its month (PostgreSQL's ``date_trunc`` periods)."""
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    return day


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
        from frontlines.store.where import country_parts, where_clause

        table = "canonical_events" if canonical else "events"
        rest = replace(query, country=None, limit=None, after=None)  # country: by parts below
        where, params = where_clause(rest, table=table)
        parts = [("", "", [])] if query.country is None else country_parts(query.country, table)
        # per day in SQL (in index order, no sort), then per period here: one pass over a few thousand days
        totals: dict[dt.date, list[int]] = {}
        for index, condition, values in parts:
            conditions = [condition, *where] if condition else where
            source = f"{table} INDEXED BY {index}" if index else table
            sql = f"SELECT event_date, count(*), coalesce(sum(fatalities), 0) FROM {source}"
            if conditions:
                sql += " WHERE " + " AND ".join(conditions)
            sql += " GROUP BY event_date"
            for day, n, deaths in self._conn.execute(sql, [*values, *params]):
                total = totals.setdefault(period_start(dt.date.fromisoformat(day), by), [0, 0])
                total[0] += n
                total[1] += deaths
        return [PeriodCount(start, n, deaths) for start, (n, deaths) in sorted(totals.items())]

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

"""The reads the API and the map need, in PostgreSQL: the same methods and answers as
:class:`~frontlines.store.reading.ReadingSqlite` (one article, the evidence citing it, counts per
period, map points)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import psycopg

from frontlines.model import Article, Evidence
from frontlines.store.base import EventQuery, haversine_km
from frontlines.store.reading import POINT_COLUMNS, CitedEvidence, EventPoint, Period, PeriodCount
from frontlines.store.where import where_clause

#: The first day of an event date's period as ISO text: weeks start on Monday (ISO), as in SQLite.
_PERIOD_SQL: dict[str, str] = {
    "day": "event_date",
    "week": "to_char(date_trunc('week', event_date::date), 'YYYY-MM-DD')",
    "month": "to_char(date_trunc('month', event_date::date), 'YYYY-MM-DD')",
}


class ReadingPostgres:
    """Article and aggregate reads for a PostgreSQL repository (a mixin)."""

    _conn: psycopg.Connection

    def article(self, article_id: str) -> Article | None:
        """The stored article with this id (its original text), or None."""
        row = self._conn.execute(
            "SELECT article_id, text, origin, title, published, source, url, language, extra"
            " FROM articles WHERE article_id = %s",
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
            ' WHERE e.article_id = %s ORDER BY e.start, e."end", e.event_id, e.seq',
            (article_id,),
        )
        return [
            CitedEvidence(report, canon, Evidence(article_id, field, quote, start, end))
            for report, canon, field, quote, start, end in rows
        ]

    def event_counts(self, query: EventQuery, by: Period, *, canonical: bool = True) -> list[PeriodCount]:
        """Events matching ``query`` (canonical ones, or reports) and their fatalities per period,
        oldest first. ``query.near`` is applied as PostGIS's prefilter (as SQLite applies its box);
        ``limit`` and ``after`` are ignored."""
        table = "canonical_events" if canonical else "events"
        where, params = where_clause(
            replace(query, limit=None, after=None),
            "postgresql",
            table=table,
        )
        sql = f"SELECT {_PERIOD_SQL[by]} AS period, count(*), coalesce(sum(fatalities), 0) FROM {table}"
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
        table = "canonical_events" if canonical else "events"
        where, params = where_clause(query, "postgresql", table=table)
        sql = f"SELECT {', '.join(POINT_COLUMNS)} FROM {table}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY event_date, event_id"
        circle = query.circle
        if query.limit is not None and circle is None:
            sql += " LIMIT %s"
            params.append(query.limit)
        points = [EventPoint(*row) for row in self._conn.execute(sql, params)]
        if circle is not None:
            points = [
                p
                for p in points
                if haversine_km(circle.lat, circle.lon, p.latitude, p.longitude) <= circle.km
            ]
            points = points if query.limit is None else points[: query.limit]
        return points

"""The SQL conditions of an :class:`~frontlines.store.base.EventQuery`, shared by the reports and the
canonical events tables (same column names)."""

from __future__ import annotations

from typing import Any

from frontlines.store.base import EventQuery, bounding_box, country_iso3, normalise_event_type


def where_clause(query: EventQuery) -> tuple[list[str], list[Any]]:
    """SQL conditions and parameters for the filters of ``query`` (``near`` as a bounding box)."""
    where: list[str] = []
    params: list[Any] = []
    if query.since is not None:
        where.append("event_date >= ?")
        params.append(query.since.isoformat())
    if query.until is not None:
        where.append("event_date <= ?")
        params.append(query.until.isoformat())
    if query.country is not None:
        iso3 = country_iso3(query.country)
        where.append("(country = ? COLLATE NOCASE OR iso3 = ?)")
        params += [query.country.strip(), iso3 or ""]
    if query.admin1 is not None:
        where.append("admin1 = ? COLLATE NOCASE")
        params.append(query.admin1.strip())
    if query.event_type is not None:
        where.append("(event_type = ? OR sub_event_type = ?)")
        kind = normalise_event_type(query.event_type).value
        params += [kind, kind]
    if query.sub_event_type is not None:
        where.append("sub_event_type = ?")
        params.append(normalise_event_type(query.sub_event_type).value)
    if query.text is not None:
        where.append("instr(fl_casefold(notes), ?)")
        params.append(query.text.strip().casefold())
    if query.ids is not None:
        where.append(f"event_id IN ({', '.join('?' * len(query.ids))})")
        params += list(query.ids)
    if query.after is not None:
        where.append("(event_date > ? OR (event_date = ? AND event_id > ?))")
        params += [query.after[0], query.after[0], query.after[1]]
    if query.bbox is not None:
        west, south, east, north = query.bbox
        where.append("latitude BETWEEN ? AND ?")
        params += [south, north]
        if west <= east:
            where.append("longitude BETWEEN ? AND ?")
            params += [west, east]
        else:  # across the antimeridian
            where.append("(longitude >= ? OR longitude <= ?)")
            params += [west, east]
    if query.actor is not None:
        needle = query.actor.strip().casefold()
        where.append(
            "(instr(fl_casefold(actor1), ?) OR instr(fl_casefold(actor2), ?)"
            " OR instr(fl_casefold(assoc_actor_1), ?) OR instr(fl_casefold(assoc_actor_2), ?))"
        )
        params += [needle] * 4
    circle = query.circle
    if circle is not None:
        box = bounding_box(circle)
        where.append("latitude BETWEEN ? AND ?")
        params += [box.lat_min, box.lat_max]
        if box.lon_ranges is not None:
            where.append("(" + " OR ".join("longitude BETWEEN ? AND ?" for _ in box.lon_ranges) + ")")
            params += [bound for pair in box.lon_ranges for bound in pair]
    return where, params

"""The API's routes: events (filtered, paged, as JSON, GeoJSON or CSV), one event with its evidence
in context, articles, control, stats, rejections, the offline base layer, and the one write,
``POST /api/articles``, behind the bearer token. Each request opens its own connection to the SQLite
file (a connection stays in its thread; WAL lets readers run beside the one writer)."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from frontlines.api.errors import ERROR_RESPONSES, ApiError, ErrorBody
from frontlines.api.ingest import Ingestor
from frontlines.api.layers import basemap, control_geojson, control_records
from frontlines.api.params import EventFilters, encode_cursor, parse_date, parse_limit
from frontlines.api.views import article_detail, event_detail, feature_of, records_csv
from frontlines.config import Settings
from frontlines.errors import ConfigError
from frontlines.model import EVENT_TYPE_OF, EventType
from frontlines.store.base import EventQuery
from frontlines.store.sqlite import SqliteRepository

router = APIRouter(responses=ERROR_RESPONSES)
#: The 200 answers of routes that send GeoJSON (and, for /api/events, CSV).
_GEOJSON: dict[int | str, dict[str, Any]] = {
    200: {"content": {"application/geo+json": {"schema": {"type": "object"}}}}
}
_EVENT_FORMATS: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {
            "application/json": {"schema": {"type": "object"}},
            "application/geo+json": {"schema": {"type": "object"}},
            "text/csv": {"schema": {"type": "string"}},
        }
    }
}


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """What ``frontlines serve`` passes to the app."""

    settings: Settings
    token: str | None = None
    tiles: str | None = None
    today: Callable[[], dt.date] = dt.date.today


@dataclass(slots=True)
class State:
    """What every route needs: the configuration, a way to open the store, the ingest runner."""

    config: ServeConfig
    ingestor: Ingestor = field(init=False)

    def __post_init__(self) -> None:
        self.ingestor = Ingestor(self.config.settings, self.config.today)

    @contextmanager
    def store(self) -> Iterator[SqliteRepository]:
        """A connection to the store for one request, closed after it."""
        repository = SqliteRepository(self.config.settings.store.db)
        try:
            yield repository
        finally:
            repository.close()


def app_state(request: Request) -> State:
    """The :class:`State` of the app serving ``request``."""
    state: State = request.app.state.frontlines
    return state


AppState = Annotated[State, Depends(app_state)]


def event_filters(
    since: Annotated[str | None, Query(description="First day, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(description="Last day, YYYY-MM-DD.")] = None,
    country: Annotated[str | None, Query(description="Country name or ISO code.")] = None,
    admin1: Annotated[str | None, Query(description="First-level region name.")] = None,
    type: Annotated[str | None, Query(description="Event type or sub-event type.")] = None,
    sub_type: Annotated[str | None, Query(description="Sub-event type.")] = None,
    actor: Annotated[str | None, Query(description="Part of an actor's name.")] = None,
    near: Annotated[str | None, Query(description="LAT,LON,KM: within KM of a point.")] = None,
    bbox: Annotated[str | None, Query(description="WEST,SOUTH,EAST,NORTH in degrees.")] = None,
    q: Annotated[
        str | None,
        Query(
            description='Words that must all be in the notes (whole words, case-insensitive), or a "quoted'
            ' phrase"; punctuation separates words and no character is an operator.'
        ),
    ] = None,
) -> EventFilters:
    """The filters shared by /api/events and /api/stats."""
    return EventFilters(since, until, country, admin1, type, sub_type, actor, near, bbox, q)


Filters = Annotated[EventFilters, Depends(event_filters)]
Reports = Annotated[bool, Query(description="Per-article reports instead of canonical events.")]


@router.get("/api/events", summary="Events matching the filters, a page at a time", responses=_EVENT_FORMATS)
def events(
    state: AppState,
    filters: Filters,
    limit: Annotated[int | None, Query(description="Events per page, 1 to 10000 (1000).")] = None,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page.")] = None,
    format: Literal["json", "geojson", "csv"] = "json",
    reports: Reports = False,
    download: Annotated[bool, Query(description="Send as a file attachment.")] = False,
) -> Response:
    size = parse_limit(limit)
    query = filters.query(limit=size + 1, cursor=cursor)
    with state.store() as repository:
        found = repository.event_records(query) if reports else repository.canonical_records(query)
        records = list(found)
    more = len(records) > size
    records = records[:size]
    next_cursor = encode_cursor(records[-1]["event_date"], records[-1]["event_id"]) if more else None
    headers = {"X-Next-Cursor": next_cursor} if next_cursor else {}
    if download:
        extension = {"json": "json", "geojson": "geojson", "csv": "csv"}[format]
        headers["Content-Disposition"] = f'attachment; filename="events.{extension}"'
    if format == "csv":
        body = records_csv(records, canonical=not reports)
        return Response(body, media_type="text/csv; charset=utf-8", headers=headers)
    if format == "geojson":
        collection = {
            "type": "FeatureCollection",
            "features": [feature_of(r) for r in records],
            "next_cursor": next_cursor,
        }
        return JSONResponse(collection, media_type="application/geo+json", headers=headers)
    return JSONResponse(
        {"count": len(records), "next_cursor": next_cursor, "events": records}, headers=headers
    )


@router.get(
    "/api/points",
    summary="Map points of the events (GeoJSON, a few properties), a page at a time",
    responses=_GEOJSON,
)
def points(
    state: AppState,
    filters: Filters,
    limit: Annotated[int | None, Query(description="Points per page, 1 to 10000 (1000).")] = None,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page.")] = None,
    reports: Reports = False,
) -> JSONResponse:
    size = parse_limit(limit)
    query = filters.query(limit=size + 1, cursor=cursor)
    with state.store() as repository:
        found = repository.event_points(query, canonical=not reports)
    more = len(found) > size
    found = found[:size]
    next_cursor = encode_cursor(found[-1].event_date, found[-1].event_id) if more else None
    features = [
        {
            "type": "Feature",
            "id": p.event_id,
            "geometry": {"type": "Point", "coordinates": [p.longitude, p.latitude]},
            "properties": p._asdict(),
        }
        for p in found
    ]
    collection = {"type": "FeatureCollection", "features": features, "next_cursor": next_cursor}
    headers = {"X-Next-Cursor": next_cursor} if next_cursor else {}
    return JSONResponse(collection, media_type="application/geo+json", headers=headers)


@router.get("/api/events/{event_id}", summary="One event: reports, sources, evidence in its article text")
def event(event_id: str, state: AppState) -> dict[str, Any]:
    with state.store() as repository:
        detail = event_detail(repository, event_id)
    if detail is None:
        raise ApiError(404, "not_found", f"no event {event_id}", "take ids from /api/events")
    return detail


@router.get("/api/articles/{article_id}", summary="An article's original text and its evidence spans")
def article(article_id: str, state: AppState) -> dict[str, Any]:
    with state.store() as repository:
        detail = article_detail(repository, article_id)
    if detail is None:
        raise ApiError(404, "not_found", f"no article {article_id}", "take ids from an event's article_ids")
    return detail


@router.get("/api/control", summary="Who held a place (and the places inside it), when, on whose word")
def control(
    state: AppState,
    place: Annotated[str | None, Query(description="A place name, e.g. Homs.")] = None,
    at: Annotated[str | None, Query(description="Only who held it on this day.")] = None,
    country: Annotated[str | None, Query(description="Every place of a country.")] = None,
) -> dict[str, Any]:
    if not place and not country:
        raise ConfigError("no place given", "pass place=NAME or country=CODE")
    day = parse_date(at, "at")
    with state.store() as repository:
        records = control_records(repository, place or None, country or None, day)
    return {"count": len(records), "intervals": records}


@router.get(
    "/api/control/map", summary="GeoJSON of who held each place of a country on a day", responses=_GEOJSON
)
def control_map(
    state: AppState,
    country: Annotated[str | None, Query(description="Country name or ISO code.")] = None,
    at: Annotated[str | None, Query(description="The day, YYYY-MM-DD (default: every interval).")] = None,
) -> JSONResponse:
    day = parse_date(at, "at")
    if country is not None:
        EventQuery(country=country)  # validates the code
    with state.store() as repository:
        records = control_records(repository, None, country or None, day)
    return JSONResponse(control_geojson(records), media_type="application/geo+json")


@router.get("/api/stats", summary="Events and fatalities per day, week or month for the filters")
def stats(
    state: AppState, filters: Filters, by: Literal["day", "week", "month"] = "day", reports: Reports = False
) -> dict:
    query = filters.query()
    with state.store() as repository:
        periods = repository.event_counts(query, by, canonical=not reports)
    return {
        "by": by,
        "events": sum(p.events for p in periods),
        "fatalities": sum(p.fatalities for p in periods),
        "periods": [
            {"start": p.start.isoformat(), "events": p.events, "fatalities": p.fatalities} for p in periods
        ],
    }


@router.get("/api/rejections", summary="What was rejected, where and why")
def rejections(state: AppState) -> dict[str, Any]:
    with state.store() as repository:
        rows = [
            {
                "origin": r.origin,
                "stage": r.stage,
                "code": r.code,
                "detail": r.detail,
                "article_id": r.article_id,
            }
            for r in repository.rejections()
        ]
    return {"count": len(rows), "rejections": rows}


@router.get("/api/meta", summary="What the store holds and how the page is set up")
def meta(state: AppState) -> dict[str, Any]:
    with state.store() as repository:
        counts = repository.counts()
        canonical, unmerged = repository.canonical_count(), repository.unmerged_count()
    types: dict[str, list[str]] = {str(t): [] for t in EventType}
    for sub, parent in EVENT_TYPE_OF.items():
        types[str(parent)].append(str(sub))
    return {
        "event_types": types,
        "counts": asdict(counts),
        "canonical_events": canonical,
        "unmerged": unmerged,
        "tiles": state.config.tiles,
    }


@router.get(
    "/api/basemap", summary="Offline base layer: country and admin1 outlines (GeoJSON)", responses=_GEOJSON
)
def base_layer(state: AppState) -> JSONResponse:
    layer = basemap(state.config.settings.gazetteer_path())
    return JSONResponse(layer, media_type="application/geo+json")


@router.post(
    "/api/articles",
    summary="Ingest articles (JSON or JSONL); needs the bearer token",
    responses={
        401: {"model": ErrorBody, "description": "No or a wrong bearer token, or a read-only server."}
    },
)
async def post_articles(request: Request, state: AppState) -> dict[str, Any]:
    _authorise(request, state.config.token)
    body = await request.body()

    return await run_in_threadpool(state.ingestor, body, request.headers.get("content-type", ""))


def _authorise(request: Request, token: str | None) -> None:
    """ApiError 401 unless the request carries ``Authorization: Bearer <token>``."""
    challenge = {"WWW-Authenticate": "Bearer"}
    if token is None:
        raise ApiError(
            401,
            "unauthorized",
            "this server is read-only",
            "start it with --token-file to accept articles",
            challenge,
        )
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(
            401,
            "unauthorized",
            "missing or wrong bearer token",
            "send Authorization: Bearer TOKEN",
            challenge,
        )

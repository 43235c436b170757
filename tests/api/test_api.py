"""The REST API over a store ingested from examples/: filters, paging, formats, an event's evidence in
its article, articles, control, stats, rejections and the page's static files."""

from __future__ import annotations

import csv
import dataclasses
import io
import re

import pytest
from fastapi.testclient import TestClient

from api.examples_db import build_examples_db
from frontlines.api import ServeConfig, create_app
from frontlines.export import EVENT_COLUMNS
from frontlines.store.reading import POINT_COLUMNS


@pytest.fixture(scope="module")
def client(tmp_path_factory, settings, resources) -> TestClient:
    db = build_examples_db(tmp_path_factory.mktemp("api"), settings, resources)
    config = ServeConfig(dataclasses.replace(settings, store=dataclasses.replace(settings.store, db=str(db))))
    return TestClient(create_app(config))


@pytest.fixture(scope="module")
def everything(client) -> list[dict]:
    body = client.get("/api/events", params={"limit": 10000}).json()
    assert body["next_cursor"] is None
    return body["events"]


def test_api_events_are_the_canonical_events_with_evidence(client, everything):
    meta = client.get("/api/meta").json()
    assert len(everything) == meta["canonical_events"] > 0
    assert meta["counts"]["events"] >= len(everything)
    first = everything[0]
    assert list(first)[: len(EVENT_COLUMNS)] == list(EVENT_COLUMNS)
    assert first["sources_count"] >= 1 and first["evidence"]
    assert [(e["event_date"], e["event_id"]) for e in everything] == sorted(
        (e["event_date"], e["event_id"]) for e in everything
    )


def test_api_reports_true_gives_per_article_reports(client, everything):
    reports = client.get("/api/events", params={"reports": "true", "limit": 10000}).json()["events"]
    assert len(reports) == client.get("/api/meta").json()["counts"]["events"]
    assert "sources_count" not in reports[0]
    assert len(reports) > len(everything)


def test_api_cursor_pages_cover_every_event_once(client, everything):
    seen, cursor = [], None
    while True:
        params = {"limit": 7} | ({"cursor": cursor} if cursor else {})
        response = client.get("/api/events", params=params)
        body = response.json()
        assert body["count"] <= 7
        seen += [e["event_id"] for e in body["events"]]
        cursor = body["next_cursor"]
        assert response.headers.get("x-next-cursor") == cursor
        if cursor is None:
            break
    assert seen == [e["event_id"] for e in everything]


@pytest.mark.parametrize(
    ("params", "keep"),
    [
        (
            {"since": "2016-01-01", "until": "2017-12-31"},
            lambda e: "2016-01-01" <= e["event_date"] <= "2017-12-31",
        ),
        ({"country": "SY"}, lambda e: e["iso3"] == "SYR"),
        ({"type": "Battles"}, lambda e: e["event_type"] == "Battles"),
        ({"sub_type": "Air/drone strike"}, lambda e: e["sub_event_type"] == "Air/drone strike"),
        (
            {"actor": "rebels"},
            lambda e: any(
                "rebels" in (e[k] or "").lower()
                for k in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
            ),
        ),
        (
            {"bbox": "35.5,32,42.5,37.5"},
            lambda e: 32 <= e["latitude"] <= 37.5 and 35.5 <= e["longitude"] <= 42.5,
        ),
        ({"q": '"air strikes"'}, lambda e: re.search(r"\bair strikes\b", e["notes"], re.IGNORECASE)),
        (
            {"q": "strikes AIR"},
            lambda e: {"air", "strikes"} <= set(re.findall(r"\w+", e["notes"].lower())),
        ),
    ],
)
def test_api_events_filters_keep_exactly_the_matching_events(client, everything, params, keep):
    found = client.get("/api/events", params=params | {"limit": 10000}).json()["events"]
    expected = [e["event_id"] for e in everything if keep(e)]
    assert expected, f"the examples have no event for {params}"
    assert len(expected) < len(everything)
    assert [e["event_id"] for e in found] == expected


def test_api_bbox_across_the_antimeridian_keeps_both_sides(client, everything):
    found = client.get("/api/events", params={"bbox": "170,-90,-170,90"}).json()["events"]
    assert all(e["longitude"] >= 170 or e["longitude"] <= -170 for e in found)
    assert len(
        client.get("/api/events", params={"bbox": "-180,-90,180,90", "limit": 10000}).json()["events"]
    ) == len(everything)


def test_api_geojson_and_csv_carry_the_same_events(client, everything):
    collection = client.get("/api/events", params={"format": "geojson", "limit": 10000})
    assert collection.headers["content-type"].startswith("application/geo+json")
    features = collection.json()["features"]
    assert [f["id"] for f in features] == [e["event_id"] for e in everything]
    lon, lat = features[0]["geometry"]["coordinates"]
    assert (lat, lon) == (everything[0]["latitude"], everything[0]["longitude"])
    response = client.get("/api/events", params={"format": "csv", "limit": 10000, "download": "true"})
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["event_id"] for r in rows] == [e["event_id"] for e in everything]
    assert rows[0]["article_ids"] == ";".join(everything[0]["article_ids"])


@pytest.mark.parametrize("params", [{}, {"country": "SY"}, {"near": "33.51,36.29,30"}, {"reports": "true"}])
def test_api_points_are_the_events_light(client, params):
    events = client.get("/api/events", params=params | {"limit": 10000}).json()["events"]
    ids, cursor = [], None
    while True:
        page = client.get(
            "/api/points", params=params | {"limit": 5} | ({"cursor": cursor} if cursor else {})
        )
        assert page.headers["content-type"].startswith("application/geo+json")
        body = page.json()
        ids += [f["id"] for f in body["features"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert ids == [e["event_id"] for e in events] and ids
    first = client.get("/api/points", params=params).json()["features"][0]
    assert tuple(first["properties"]) == POINT_COLUMNS
    assert first["geometry"]["coordinates"] == [events[0]["longitude"], events[0]["latitude"]]


def test_api_event_detail_shows_each_quote_in_its_article(client, everything):
    event = max(everything, key=lambda e: len(e["evidence"]))
    detail = client.get(f"/api/events/{event['event_id']}").json()
    assert detail["kind"] == "canonical" and detail["event"]["event_id"] == event["event_id"]
    assert sorted(r["event_id"] for r in detail["reports"]) == sorted(event["report_ids"])
    assert {s["article_id"] for s in detail["sources"]} == set(event["article_ids"])
    assert all(s["title"] for s in detail["sources"])
    texts = {
        aid: client.get(f"/api/articles/{aid}").json()["article"]["text"] for aid in event["article_ids"]
    }
    for ev in detail["evidence"]:
        text = texts[ev["article_id"]]
        assert ev["verbatim"] and text[ev["start"] : ev["end"]] == ev["quote"]
        assert text[: ev["start"]].endswith(ev["before"]) and text[ev["end"] :].startswith(ev["after"])
    report = detail["reports"][0]["event_id"]
    as_report = client.get(f"/api/events/{report}").json()
    assert as_report["kind"] == "report" and as_report["canonical_id"] == event["event_id"]


def test_api_article_lists_the_evidence_spans_of_its_events(client, everything):
    event = everything[0]
    body = client.get(f"/api/articles/{event['article_ids'][0]}").json()
    text = body["article"]["text"]
    assert body["evidence"]
    assert all(text[s["start"] : s["end"]] == s["quote"] for s in body["evidence"])
    assert event["event_id"] in {s["canonical_id"] for s in body["evidence"]}


def test_api_stats_count_the_filtered_events_per_period(client, everything):
    stats = client.get("/api/stats", params={"by": "month", "country": "Syria"}).json()
    syria = [e for e in everything if e["country"] == "Syria"]
    assert stats["events"] == len(syria) == sum(p["events"] for p in stats["periods"])
    assert stats["fatalities"] == sum(e["fatalities"] for e in syria)
    assert all(p["start"].endswith("-01") for p in stats["periods"])
    weeks = client.get("/api/stats", params={"by": "week"}).json()["periods"]
    import datetime as dt

    assert all(dt.date.fromisoformat(p["start"]).weekday() == 0 for p in weeks)


def test_api_control_and_its_map_agree(client):
    timeline = client.get("/api/control", params={"country": "SY"}).json()
    assert timeline["count"] > 0
    interval = next(i for i in timeline["intervals"] if i["start"])
    on_day = client.get("/api/control/map", params={"country": "SY", "at": interval["start"]}).json()
    held = [f["properties"] for f in on_day["features"] if f["properties"]["place"] == interval["place"]]
    assert held and held[0]["controller"] == interval["controller"]
    assert held[0]["evidence"]


def test_api_rejections_and_basemap(client):
    assert client.get("/api/rejections").json() == {"count": 0, "rejections": []}
    layer = client.get("/api/basemap").json()
    codes = {
        f["properties"]["country_code"] for f in layer["features"] if f["properties"]["kind"] == "country"
    }
    assert {"SY", "UA", "SD", "MX", "CO", "ML"} <= codes


def test_api_page_and_docs_are_served_from_the_package(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/openapi.json").json()["paths"]["/api/events"]
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()

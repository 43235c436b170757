"""POST /api/articles with the bearer token ingests through the same reader, pipeline and merge as
`frontlines ingest`; posting the same article again adds nothing."""

from __future__ import annotations

import dataclasses

from fastapi.testclient import TestClient

from frontlines.api import ServeConfig, create_app
from frontlines.store.sqlite import SqliteRepository

TOKEN = "another-test-token-long-enough"
ARTICLE = {
    "id": "post-1",
    "title": "Shelling kills four in Kharkiv",
    "published": "2024-05-12",
    "source": "Test Wire",
    "text": (
        "KHARKIV, May 12 (Test Wire) - Russian forces shelled a residential district of Kharkiv on "
        "Saturday, killing four civilians and wounding 15, the regional governor said."
    ),
}


def test_api_post_articles_ingests_and_merges_once(tmp_path, settings):
    db = tmp_path / "post.db"
    SqliteRepository(db).close()
    config = ServeConfig(
        dataclasses.replace(settings, store=dataclasses.replace(settings.store, db=str(db))), token=TOKEN
    )
    client = TestClient(create_app(config))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    first = client.post("/api/articles", json=ARTICLE, headers=auth)
    assert first.status_code == 200, first.text
    summary = first.json()
    assert summary["new_articles"] == 1 and summary["new_events"] >= 1 and summary["rejections"] == []
    events = client.get("/api/events").json()["events"]
    assert len(events) == summary["canonical_total"] >= 1
    assert any(e["location"] == "Kharkiv" and e["fatalities"] == 4 for e in events)
    for reports in ("false", "true"):  # what a POST writes is in the notes' text index at once
        found = client.get("/api/events", params={"q": "KHARKIV", "reports": reports}).json()["events"]
        assert found and all("kharkiv" in e["notes"].lower() for e in found)
    jsonl = b'{"text": "too short"}\n'
    again = client.post("/api/articles", content=b"", headers=auth | {"Content-Type": "application/jsonl"})
    assert again.status_code == 400
    second = client.post("/api/articles", json=[ARTICLE], headers=auth).json()
    assert second["new_articles"] == 0 and second["articles_skipped"] == 1
    rejected = client.post(
        "/api/articles", content=jsonl, headers=auth | {"Content-Type": "application/jsonl"}
    )
    assert rejected.json()["rejections"][0]["origin"].startswith("POST-api-articles.jsonl")
    assert client.get("/api/rejections").json()["count"] == 1

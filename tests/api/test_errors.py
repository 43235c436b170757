"""The one error shape: every 4xx and 5xx of the API is {"error": {"code", "message", "hint"}},
and writes need the bearer token."""

from __future__ import annotations

import dataclasses

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from frontlines.api import ServeConfig, create_app
from frontlines.store.sqlite import SqliteRepository

TOKEN = "a-test-token-of-enough-length"


@pytest.fixture(scope="module")
def clients(tmp_path_factory, settings) -> tuple[TestClient, TestClient]:
    db = tmp_path_factory.mktemp("errors") / "empty.db"
    SqliteRepository(db).close()
    config = ServeConfig(dataclasses.replace(settings, store=dataclasses.replace(settings.store, db=str(db))))
    read_only = TestClient(create_app(config), raise_server_exceptions=False)
    writable = TestClient(create_app(dataclasses.replace(config, token=TOKEN)), raise_server_exceptions=False)
    return read_only, writable


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    content_type = response.headers["content-type"]
    content_type = content_type[0] if isinstance(content_type, list) else content_type  # schemathesis: a list
    assert content_type.startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "hint"}
    error = body["error"]
    assert error["code"] == code and error["message"] and "\n" not in error["message"]
    assert error["hint"]
    return error


@pytest.mark.parametrize(
    ("path", "params", "names"),
    [
        ("/api/events", {"since": "2016-13-01"}, "since"),
        ("/api/events", {"until": "yesterday"}, "until"),
        ("/api/events", {"since": "2017-01-01", "until": "2016-01-01"}, "since"),
        ("/api/events", {"bbox": "35,30,45"}, "bbox"),
        ("/api/events", {"bbox": "35,40,45,30"}, "bbox"),
        ("/api/events", {"bbox": "35,30,200,40"}, "bbox"),
        ("/api/events", {"near": "33.5,36.3"}, "near"),
        ("/api/events", {"near": "95,36.3,10"}, "near"),
        ("/api/events", {"limit": "0"}, "limit"),
        ("/api/events", {"limit": "10001"}, "limit"),
        ("/api/events", {"limit": "many"}, "limit"),
        ("/api/events", {"cursor": "not-a-cursor"}, "cursor"),
        ("/api/events", {"format": "xml"}, "format"),
        ("/api/events", {"type": "Skirmish"}, "event type"),
        ("/api/events", {"sub_type": "Battles"}, "sub-event type"),
        ("/api/events", {"country": "XX"}, "country code"),
        ("/api/events", {"q": '" * ( ) "'}, "no word to search for"),
        ("/api/stats", {"q": "-"}, "no word to search for"),
        ("/api/stats", {"by": "year"}, "by"),
        ("/api/control", {}, "place"),
        ("/api/control", {"place": "Homs", "at": "2016"}, "at"),
        ("/api/control/map", {"country": "ZZ"}, "country code"),
    ],
)
def test_api_error_bad_parameter_is_400_with_a_hint(clients, path, params, names):
    error = assert_error(clients[0].get(path, params=params), 400, "invalid_parameter")
    assert names in error["message"]


def test_api_error_unknown_ids_and_paths_are_404(clients):
    assert_error(clients[0].get("/api/events/0123456789abcdef"), 404, "not_found")
    assert_error(clients[0].get("/api/articles/0123456789abcdef"), 404, "not_found")
    assert_error(clients[0].get("/api/nothing-here"), 404, "not_found")


def test_api_error_wrong_method_is_405(clients):
    assert_error(clients[0].delete("/api/events"), 405, "method_not_allowed")


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong-token-of-some-length"}, {"Authorization": f"Basic {TOKEN}"}],
)
def test_api_error_post_without_the_token_is_401(clients, headers):
    for client in clients:
        response = client.post("/api/articles", json={"text": "x"}, headers=headers)
        assert_error(response, 401, "unauthorized")
        assert response.headers["www-authenticate"] == "Bearer"


def test_api_error_bad_bodies_with_the_token_are_400(clients):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    writable = clients[1]
    assert_error(writable.post("/api/articles", content=b"", headers=auth), 400, "invalid_input")
    bad_json = auth | {"Content-Type": "application/json"}
    assert_error(writable.post("/api/articles", content=b"{not json", headers=bad_json), 400, "invalid_input")
    assert_error(writable.post("/api/articles", json=[1, 2], headers=auth), 400, "invalid_input")


def test_api_error_unexpected_failure_is_500_in_the_shape(clients, monkeypatch):
    def broken(self, article_id):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(SqliteRepository, "article", broken)
    error = assert_error(clients[0].get("/api/articles/abc"), 500, "internal")
    assert "RuntimeError" in error["message"] and "disk on fire" not in error["message"]


def test_api_error_any_generated_request_gets_a_documented_answer(clients):
    """Requests generated by schemathesis from the OpenAPI schema, for every operation: never a 5xx,
    every status code and body as documented, and every error in the one shape. (Values the schema
    allows may still be refused with a 400 and a hint: a bbox out of range, a cursor not ours.)"""
    schemathesis = pytest.importorskip("schemathesis")
    from schemathesis.specs.openapi.checks import positive_data_acceptance

    schema = schemathesis.openapi.from_asgi("/openapi.json", clients[0].app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
        def check(case) -> None:
            response = case.call()
            case.validate_response(response, excluded_checks=[positive_data_acceptance])
            if response.status_code >= 400:
                assert_error(response, response.status_code, response.json()["error"]["code"])

        check()

"""``frontlines geoparse`` and ``frontlines eval geoparse`` end to end on the installed gazetteer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontlines.cli.main import app
from helpers import SHARED_DATA

runner = CliRunner()
ENV = {"FRONTLINES_TODAY": "2026-01-01"}
LGL = SHARED_DATA / "geoparsing_dev" / "lgl.xml"
#: Cleaning collapses the double spaces and the tab: offsets must still point into this text.
TEXT = "Jets  struck\tIdlib  on Monday,   the London-based Syrian Observatory said. Thousands fled to Turkey."
FIELDS = [
    "article_id", "start", "end", "text", "name", "latitude", "longitude", "country", "admin1",
    "feature_code", "geonameid", "geo_precision", "score", "role", "demonym",
]  # fmt: skip


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    folder = tmp_path_factory.mktemp("geoparse")
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    lines = [{"id": f"r{i}", "text": f"{TEXT} Report {i}."} for i in range(3)]
    (folder / "b.jsonl").write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    result = runner.invoke(app, ["geoparse", str(folder), "--format", "jsonl"], env=ENV)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_geoparse_command_prints_one_line_per_toponym_with_every_field(records) -> None:
    assert len({r["article_id"] for r in records}) == 4  # one .txt and three JSONL records
    assert all(list(r) == FIELDS for r in records)


def test_geoparse_command_offsets_point_into_the_original_text(records) -> None:
    assert records and all(TEXT[r["start"] : r["end"]] == r["text"] for r in records)


def test_geoparse_command_roles_and_precision(records) -> None:
    first = {r["text"]: r for r in records if r["article_id"] == records[0]["article_id"]}
    assert (first["Idlib"]["role"], first["Idlib"]["country"], first["Idlib"]["geo_precision"]) == (
        "event",
        "SY",
        1,
    )
    assert first["London"]["role"] == "organisation_base"
    assert first["Turkey"]["role"] == "destination" and first["Turkey"]["geo_precision"] == 3
    assert first["Syrian"]["demonym"] and first["Syrian"]["role"] == "other"


def test_geoparse_command_table(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["geoparse", str(tmp_path / "a.txt")], env=ENV)
    assert result.exit_code == 0 and "Idlib" in result.stdout and "toponyms" in result.stdout


@pytest.mark.skipif(not LGL.exists(), reason=f"shared data absent: {LGL}")
def test_geoparse_command_eval_scores_a_corpus_sample() -> None:
    result = runner.invoke(app, ["eval", "geoparse", str(LGL), "--limit", "40", "--format", "json"], env=ENV)
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["corpus"] == "lgl" and scores["articles"] == 40
    assert 0.0 < scores["accuracy_161"] <= scores["recall"] <= 1.0
    assert 0.0 < scores["auc"] < 1.0

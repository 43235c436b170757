"""The evaluation gate: the pipeline on the team's ACLED dev gold must stay at or above the pinned
floors of ``baseline.toml``; and the dev gold itself must stay a valid ACLED-format set."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
import tomllib
from pathlib import Path

import pytest

from frontlines.evaluation.acled import FIGURES, evaluate_acled, load_floors
from frontlines.mentions.actors import ActorDictionary
from frontlines.model import EVENT_TYPE_OF, EventType, SubEventType
from helpers import FAKES_CSV, ROOT, SHARED_DATA

HERE = Path(__file__).parent
DEV = HERE / "acled_dev.csv"
BASELINE = HERE / "baseline.toml"
ACTORS_TOML = ROOT / "src" / "frontlines" / "data" / "actors.toml"
WIKI_PAGES = SHARED_DATA / "wikipedia_syria_battles" / "pages"
COLUMNS = [
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "article_id",
]
#: ACLED notes give the date; relative phrasing would test the wrong thing.
RELATIVE = re.compile(
    r"\b(yesterday|today|tomorrow|last (night|week|month)|this (week|month)|overnight)\b", re.I
)


def _rows() -> list[dict[str, str]]:
    with DEV.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@functools.cache
def _spelled_out_names() -> frozenset[str]:
    return ActorDictionary.load(ACTORS_TOML).names()


def _canonical_actor(name: str) -> bool:
    """A name of actors.toml: a named actor, a per-country, per-period role name, or a template filled in."""
    data = tomllib.loads(ACTORS_TOML.read_text(encoding="utf-8"))
    names = _spelled_out_names()
    templates = [e["template"] for e in data.get("role", []) + data.get("actor", []) if "template" in e]
    patterns = [re.escape(t).replace(re.escape("{country}"), r"[A-Z][\w .'-]+") for t in templates]
    return name in names or any(re.fullmatch(p, name) for p in patterns)


def test_eval_acled_gate_figures_at_or_above_baseline(settings, resources):
    scores = evaluate_acled(DEV, settings, resources)
    failures = scores.below(load_floors(BASELINE))
    assert not failures, (
        "ACLED dev gold figures fell below tests/eval/baseline.toml:\n  "
        + "\n  ".join(failures)
        + "\nsee `frontlines eval acled tests/eval/acled_dev.csv --format json` for the rows"
    )


def test_eval_acled_baseline_pins_every_figure():
    assert set(load_floors(BASELINE)) == set(FIGURES)


def test_eval_acled_dev_set_is_valid_acled():
    rows = _rows()
    assert len(rows) >= 150
    assert list(rows[0]) == COLUMNS
    assert {r["event_type"] for r in rows} == {e.value for e in EventType}
    assert len({r["event_id_cnty"] for r in rows}) == len(rows)
    for r in rows:
        where = r["event_id_cnty"]
        sub = SubEventType(r["sub_event_type"])
        assert EVENT_TYPE_OF[sub].value == r["event_type"], where
        dt.date.fromisoformat(r["event_date"])
        assert r["time_precision"] in {"1", "2", "3"} and r["geo_precision"] in {"1", "2", "3"}, where
        assert int(r["fatalities"]) >= 0, where
        assert r["notes"] and not RELATIVE.search(r["notes"]), where
        assert r["admin1"] and r["location"] and r["country"] and r["source"], where
        if r["latitude"] or r["longitude"]:
            assert re.fullmatch(r"-?\d{1,2}\.\d{4}", r["latitude"]), where
            assert re.fullmatch(r"-?\d{1,3}\.\d{4}", r["longitude"]), where
        for column in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"):
            assert not r[column] or _canonical_actor(r[column]), f"{where}: {column} {r[column]!r}"
        assert r["actor1"], where


@pytest.mark.skipif(not SHARED_DATA.exists(), reason=f"shared data absent: {SHARED_DATA}")
def test_eval_acled_dev_set_articles_exist():
    with FAKES_CSV.open(encoding="utf-8", errors="replace", newline="") as fh:
        unit_ids = {r["unit_id"] for r in csv.DictReader(fh)}
    for r in _rows():
        ident = r["article_id"]
        assert ident in unit_ids if ident.isdigit() else (WIKI_PAGES / ident).exists(), ident


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Military Forces of Syria (2000-2024)", True),
        ("Military Forces of Lebanon", True),
        ("Islamic State (Syria)", True),
        ("Syrian Army", False),
        ("Jaish al-Islam", False),
    ],
)
def test_eval_acled_canonical_actor_check(name, canonical):
    assert _canonical_actor(name) is canonical

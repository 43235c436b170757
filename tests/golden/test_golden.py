"""Golden files: whole articles with the events a careful ACLED coder would write, reviewed by hand.

Each ``tests/golden/*.toml`` names its input (an example file, optionally one record of it, or a
FA-KES unit id read from ../shared/data) and lists the expected events. The pipeline must produce
exactly those events: same date, sub-event type, actor pair, location and fatalities.
"""

from __future__ import annotations

import csv
import datetime as dt
import tomllib
from pathlib import Path

import pytest
from helpers import EXAMPLES, FAKES_CSV, FAKES_MAP, ROOT

from frontlines.model import Event, SubEventType, VICTIM_SUB_TYPES
from frontlines.run import extract

CASES = sorted(Path(__file__).parent.glob("*.toml"))
TODAY = dt.date(2026, 1, 1)


def _fakes_row(unit_id: int) -> dict[str, str]:
    with FAKES_CSV.open(encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["unit_id"] == str(unit_id):
                return row
    raise LookupError(f"FA-KES unit_id {unit_id} not found")


def _inputs(case: dict, tmp_path: Path) -> tuple[list[Path], dict[str, str] | None]:
    if "fakes_unit_id" in case:
        if not FAKES_CSV.exists():
            pytest.skip(f"shared data absent: {FAKES_CSV}")
        row = _fakes_row(case["fakes_unit_id"])
        one = tmp_path / "fakes_one.csv"
        with one.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(row))
            writer.writeheader()
            writer.writerow(row)
        return [one], FAKES_MAP
    return [ROOT / case["input"]], None


def _record_matches(origin: str, article_id_fields: dict, record: str) -> bool:
    return record in {str(v) for v in article_id_fields.values() if v is not None} or origin.endswith(record)


def _key(event_date: str, sub: str, actors: tuple[str | None, str | None], location: str, fatalities: int):
    actor1, actor2 = actors
    pair = (actor1 or "", actor2 or "")
    if sub not in {s.value for s in VICTIM_SUB_TYPES}:
        pair = tuple(sorted(pair))
    return (event_date, sub, pair, location.casefold(), fatalities)


def _produced_key(event: Event, expected_locations: set[str]) -> tuple:
    quotes = {e.quote.casefold() for e in event.evidence if e.field == "location"}
    location = event.location.casefold()
    for wanted in expected_locations:
        if wanted == location or wanted in quotes:
            location = wanted
            break
    return _key(event.event_date.isoformat(), event.sub_event_type.value, (event.actor1, event.actor2), location,
                event.fatalities)


@pytest.mark.parametrize("case_path", CASES, ids=[p.stem for p in CASES])
def test_golden_article_events(case_path: Path, tmp_path: Path, settings, resources) -> None:
    case = tomllib.loads(case_path.read_text(encoding="utf-8"))
    paths, field_map = _inputs(case, tmp_path)
    results = list(extract(paths, settings, resources, today=TODAY, field_map=field_map))
    docs = [r.doc for r in results if r.doc is not None]
    if "record" in case:
        docs = [d for d in docs if _record_matches(d.article.origin, dict(d.article.extra) | {
            "title": d.article.title, "url": d.article.url}, str(case["record"]))]
    assert len(docs) == 1, f"{case_path.name}: expected one article, got {len(docs)}: {[r.rejection for r in results]}"
    expected_events = case.get("event", [])
    wanted_locations = {e["location"].casefold() for e in expected_events}
    expected = sorted(
        _key(e["event_date"], e["sub_event_type"], (e.get("actor1"), e.get("actor2")), e["location"], e["fatalities"])
        for e in expected_events
    )
    produced = sorted(_produced_key(ev, wanted_locations) for ev in docs[0].events)
    assert produced == expected, f"{case_path.name}: {case.get('note', '')}"


def test_golden_cases_are_valid_and_enough() -> None:
    assert len(CASES) >= 10
    for path in CASES:
        case = tomllib.loads(path.read_text(encoding="utf-8"))
        assert ("input" in case) != ("fakes_unit_id" in case), path.name
        if "input" in case:
            assert (ROOT / case["input"]).exists(), path.name
            assert (ROOT / case["input"]).is_relative_to(EXAMPLES), path.name
        assert case.get("event") or case.get("no_events"), path.name
        for event in case.get("event", []):
            SubEventType(event["sub_event_type"])  # raises on a misspelt type

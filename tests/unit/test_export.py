"""Exports: the flat record, JSON Lines, ACLED CSV, GeoJSON and the atomic file writer."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.errors import ConfigError
from frontlines.export import (
    EVENT_COLUMNS,
    FORMAT_NAMES,
    FORMATS,
    event_from_record,
    event_to_record,
    export_events,
    write_acled_csv,
    write_geojson,
    write_jsonl,
)
from frontlines.export_acled import ACLED_COLUMNS, acled_region, disorder_type
from frontlines.model import Event, Evidence
from unit.store.store_strategies import events, make_event

EVENTS = [
    make_event("e1", latitude=33.529512, longitude=36.331849, article_ids=("a1", "a2")),
    make_event(
        "e2",
        actor2=None,
        inter2=None,
        admin1=None,
        notes="«قصف» on “Jobar”, 3 killed\nsecond line",
        evidence=(),
        article_ids=(),
    ),
]


# -- the record ----------------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(events())
def test_export_record_roundtrips_through_json(event: Event) -> None:
    record = json.loads(json.dumps(event_to_record(event), ensure_ascii=False))
    assert event_from_record(record) == event


@settings(max_examples=50, deadline=None)
@given(events())
def test_export_record_is_plain_json_in_column_order(event: Event) -> None:
    record = event_to_record(event)
    assert tuple(record) == EVENT_COLUMNS
    assert type(record["event_type"]) is str and type(record["sub_event_type"]) is str
    assert all(type(record[k]) is int for k in ("time_precision", "inter1", "geo_precision", "interaction"))
    assert record["event_date"] == event.event_date.isoformat()
    assert record["evidence"] == [
        {"article_id": e.article_id, "field": e.field, "quote": e.quote, "start": e.start, "end": e.end}
        for e in event.evidence
    ]


@pytest.mark.parametrize(
    ("inter1", "inter2", "interaction"), [(1, 7, 17), (7, 1, 17), (2, 2, 22), (6, None, 60), (8, 3, 38)]
)
def test_export_record_interaction_lowest_code_first(
    inter1: int, inter2: int | None, interaction: int
) -> None:
    record = event_to_record(make_event(inter1=inter1, inter2=inter2, actor2=None if inter2 is None else "X"))
    assert record["interaction"] == interaction


# -- JSON Lines ----------------------------------------------------------------------------------------


def test_export_jsonl_one_record_per_line() -> None:
    out = io.StringIO()
    assert write_jsonl(EVENTS, out) == 2
    lines = out.getvalue().splitlines()
    assert [json.loads(line) for line in lines] == [event_to_record(e) for e in EVENTS]
    assert "قصف" in lines[1]  # unicode kept readable, not \u-escaped


# -- ACLED CSV -----------------------------------------------------------------------------------------


def _csv_rows(events_: list[Event]) -> tuple[list[str], list[dict[str, str]]]:
    out = io.StringIO(newline="")
    write_acled_csv(events_, out, timestamp=1767225600)
    reader = csv.reader(io.StringIO(out.getvalue(), newline=""))
    header = next(reader)
    return header, [dict(zip(header, row, strict=True)) for row in reader]


def test_export_csv_has_acleds_columns_in_acleds_order() -> None:
    header, rows = _csv_rows(EVENTS)
    assert tuple(header) == ACLED_COLUMNS
    assert header[:4] == ["event_id_cnty", "event_date", "year", "time_precision"]
    assert header[-3:] == ["fatalities", "tags", "timestamp"]
    assert [r["event_id_cnty"] for r in rows] == ["SYRe1", "SYRe2"]


@pytest.mark.parametrize(
    ("event_index", "column", "cell"),
    [
        (0, "event_date", "2017-03-19"),
        (0, "year", "2017"),
        (0, "latitude", "33.5295"),
        (0, "longitude", "36.3318"),
        (0, "event_type", "Explosions/Remote violence"),
        (0, "disorder_type", "Political violence"),
        (0, "time_precision", "1"),
        (0, "inter1", "1"),
        (0, "inter2", "7"),
        (0, "interaction", "17"),
        (0, "civilian_targeting", "Civilian targeting"),
        (0, "iso", "760"),
        (0, "region", "Middle East"),
        (0, "timestamp", "1767225600"),
        (0, "source_scale", ""),
        (1, "actor2", ""),
        (1, "inter2", "0"),
        (1, "interaction", "10"),
        (1, "civilian_targeting", ""),
        (1, "admin1", ""),
        (1, "notes", "«قصف» on “Jobar”, 3 killed\nsecond line"),
    ],
)
def test_export_csv_cells(event_index: int, column: str, cell: str) -> None:
    _, rows = _csv_rows(EVENTS)
    assert rows[event_index][column] == cell


@pytest.mark.parametrize(
    ("sub", "kind", "disorder"),
    [
        ("Armed clash", "Battles", "Political violence"),
        ("Peaceful protest", "Protests", "Demonstrations"),
        ("Excessive force against protesters", "Protests", "Political violence; Demonstrations"),
        ("Mob violence", "Riots", "Political violence"),
        ("Violent demonstration", "Riots", "Demonstrations"),
        ("Agreement", "Strategic developments", "Strategic developments"),
    ],
)
def test_export_csv_disorder_type(sub: str, kind: str, disorder: str) -> None:
    assert disorder_type(kind, sub) == disorder


@pytest.mark.parametrize(
    ("iso3", "region"),
    [
        ("SYR", "Middle East"),
        ("SDN", "Northern Africa"),
        ("MMR", "Southeast Asia"),
        ("MEX", "Central America"),
        ("UKR", "Europe"),
        ("MLI", "Western Africa"),
        ("COD", "Middle Africa"),
        ("MOZ", "Southern Africa"),
        ("ARM", "Caucasus and Central Asia"),
        ("IRN", "Middle East"),
        ("AFG", "South Asia"),
        ("HTI", "Caribbean"),
        ("XXX", ""),
    ],
)
def test_export_csv_acled_region(iso3: str, region: str) -> None:
    assert acled_region(iso3) == region


@settings(max_examples=60, deadline=None)
@given(st.lists(events(), max_size=4))
def test_export_csv_text_survives_quoting(batch: list[Event]) -> None:
    _, rows = _csv_rows(batch)
    assert [(r["notes"], r["actor1"], r["location"]) for r in rows] == [
        (e.notes, e.actor1, e.location) for e in batch
    ]


def test_export_csv_sidecar_holds_what_acled_lacks(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    assert export_events(EVENTS, "acled-csv", path, with_evidence=True) == 2
    side = [json.loads(line) for line in (tmp_path / "events.csv.evidence.jsonl").read_text().splitlines()]
    assert [s["event_id_cnty"] for s in side] == ["SYRe1", "SYRe2"]
    assert side[0]["evidence"] == event_to_record(EVENTS[0])["evidence"]
    assert side[0]["article_ids"] == ["a1", "a2"] and side[0]["event_id"] == "e1"


# -- Parquet -------------------------------------------------------------------------------------------


def test_export_parquet_round_trips_the_records(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    assert export_events(iter(EVENTS), "parquet", path) == 2
    rows = pq.read_table(path).to_pylist()
    assert [list(r) for r in rows] == [list(EVENT_COLUMNS)] * 2
    for row, event in zip(rows, EVENTS, strict=True):
        expected = event_to_record(event)
        expected["event_date"] = event.event_date
        assert row == expected


# -- GeoJSON -------------------------------------------------------------------------------------------


def _geojson(events_: list[Event]) -> dict:
    out = io.StringIO()
    count = write_geojson(events_, out)
    data = json.loads(out.getvalue())
    assert count == len(events_)
    return data


def test_export_geojson_feature_collection() -> None:
    data = _geojson(EVENTS)
    assert data["type"] == "FeatureCollection"
    assert [f["type"] for f in data["features"]] == ["Feature", "Feature"]
    for feature, event in zip(data["features"], EVENTS, strict=True):
        assert feature["geometry"] == {"type": "Point", "coordinates": [event.longitude, event.latitude]}
        assert feature["id"] == event.event_id


def test_export_geojson_properties_without_evidence() -> None:
    first = _geojson(EVENTS)["features"][0]["properties"]
    expected = event_to_record(EVENTS[0])
    del expected["evidence"]
    assert first == {**expected, "evidence_count": 2}


def test_export_geojson_empty_collection_is_valid() -> None:
    assert _geojson([]) == {"type": "FeatureCollection", "features": []}


@settings(max_examples=40, deadline=None)
@given(st.lists(events(), max_size=4))
def test_export_geojson_coordinates_lon_lat(batch: list[Event]) -> None:
    features = _geojson(batch)["features"]
    for feature, event in zip(features, batch, strict=True):
        lon, lat = feature["geometry"]["coordinates"]
        assert (lon, lat) == (event.longitude, event.latitude)
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["evidence_count"] == len(event.evidence)


# -- files ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_events_writes_the_format(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"out.{fmt}"
    assert export_events(iter(EVENTS), fmt, path) == 2
    expected = io.StringIO(newline="")
    FORMATS[fmt](EVENTS, expected)
    assert path.read_bytes() == expected.getvalue().encode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_export_events_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"unknown export format 'xlsx'.*geojson"):
        export_events(EVENTS, "xlsx", tmp_path / "out.xlsx")
    assert list(tmp_path.iterdir()) == []


def _failing_events() -> Iterator[Event]:
    yield EVENTS[0]
    raise RuntimeError("store went away")


@pytest.mark.parametrize("fmt", sorted(FORMAT_NAMES))
@pytest.mark.parametrize("existing", [None, "old contents\n"])
def test_export_events_failure_leaves_no_partial_file(tmp_path: Path, fmt: str, existing: str | None) -> None:
    path = tmp_path / "events.out"
    if existing is not None:
        path.write_text(existing)
    with pytest.raises(RuntimeError, match="store went away"):
        export_events(_failing_events(), fmt, path)
    assert [p.name for p in tmp_path.iterdir()] == ([] if existing is None else [path.name])
    if existing is not None:
        assert path.read_text() == existing


def test_export_events_bad_record_leaves_no_file(tmp_path: Path) -> None:
    bad = make_event("bad", evidence=(Evidence("a1", "x", "q", 0, 1),), latitude="north")
    with pytest.raises(ValueError):
        export_events([EVENTS[0], bad], "geojson", tmp_path / "x.geojson")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("where", ["missing-folder", "folder-as-target"])
def test_export_events_unwritable_path(tmp_path: Path, where: str) -> None:
    if where == "missing-folder":
        path = tmp_path / "nope" / "out.jsonl"
    else:
        path = tmp_path / "adir"
        path.mkdir()
    with pytest.raises(ConfigError, match=str(path)):
        export_events(EVENTS, "jsonl", path)
    assert not any(p.name.endswith(".tmp") for p in tmp_path.rglob("*"))

"""The Parquet reader: the same articles as the same records in JSON Lines, rows read across row
groups with their row numbers, the field map, typed dates, and one rejection per bad row or file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from frontlines.errors import ConfigError
from frontlines.model import Article, Rejection


def records(report: str, count: int) -> list[dict[str, Any]]:
    return [
        {
            "id": f"r{k}",
            "title": f"Shelling #{k}",
            "text": report.replace("five", str(k + 5)),
            "published": f"2019-05-{k + 1:02d}",
            "source": "Wire",
            "governorate": "Idlib",
        }
        for k in range(count)
    ]


def write(path: Path, rows: list[dict[str, Any]], row_group_size: int = 2) -> Path:
    """``rows`` as a Parquet file of ``row_group_size`` rows per row group."""
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=row_group_size)
    return path


def test_ingest_parquet_reads_what_jsonl_reads(tmp_path: Path, read, report: str) -> None:
    rows = records(report, 5)
    jsonl = tmp_path / "corpus.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    parquet = write(tmp_path / "corpus.parquet", rows)  # three row groups
    assert pq.ParquetFile(parquet).num_row_groups == 3
    from_jsonl, from_parquet = read(jsonl), read(parquet)
    assert [a.origin for a in from_parquet] == [f"{parquet}:{k}" for k in range(1, 6)]
    assert all(isinstance(a, Article) for a in from_parquet)
    strip = [(a.article_id, a.title, a.text, a.published, a.source, a.extra) for a in from_jsonl]
    assert [(a.article_id, a.title, a.text, a.published, a.source, a.extra) for a in from_parquet] == strip
    assert from_parquet[0].extra == {"governorate": "Idlib", "id": "r0"}


def test_ingest_parquet_field_map_and_typed_dates(tmp_path: Path, read, report: str) -> None:
    rows = [
        {"unit_id": 17, "article_content": report, "day": dt.date(2017, 4, 7)},
        {"unit_id": 18, "article_content": report + " Again.", "day": dt.datetime(2016, 12, 25, 23, 30)},
    ]
    path = tmp_path / "corpus.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path)
    first, second = read(path, field_map={"text": "article_content", "published": "day", "id": "unit_id"})
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.published, second.published) == (dt.date(2017, 4, 7), dt.date(2016, 12, 25))
    assert first.extra == {"id": 17}


def test_ingest_parquet_bad_rows_are_rejected_and_the_others_read(tmp_path: Path, read, report: str) -> None:
    rows = records(report, 4)
    rows[1]["text"] = None
    rows[2]["published"] = "the day after"
    path = write(tmp_path / "corpus.parquet", rows)
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Article", "Rejection", "Rejection", "Article"]
    assert [(i.origin, i.code) for i in items if isinstance(i, Rejection)] == [
        (f"{path}:2", "empty"),
        (f"{path}:3", "date"),
    ]


def test_ingest_parquet_text_column_not_strings_rejects_each_row(tmp_path: Path, read) -> None:
    path = tmp_path / "numbers.parquet"
    pq.write_table(pa.table({"text": [1, 2]}), path)
    items = read(path)
    assert [(i.origin, i.code) for i in items] == [(f"{path}:1", "format"), (f"{path}:2", "format")]
    assert "must be a string, not int" in items[0].detail


def test_ingest_parquet_missing_columns(tmp_path: Path, read, report: str) -> None:
    path = write(tmp_path / "corpus.parquet", [{"title": "Shelling", "body": report}])
    with pytest.raises(ConfigError, match=r"article_content.*columns are: title, body") as err:
        read(path, field_map={"text": "article_content"})
    assert err.value.exit_code == 2
    [rejection] = read(path)
    assert isinstance(rejection, Rejection) and rejection.code == "format"
    assert "--map text=COLUMN" in rejection.detail


def test_ingest_parquet_unreadable_or_empty_file_is_one_rejection(tmp_path: Path, read, report: str) -> None:
    garbage = tmp_path / "garbage.parquet"
    garbage.write_bytes(b"not parquet at all\n")
    truncated = tmp_path / "truncated.parquet"
    whole = write(tmp_path / "whole.parquet", records(report, 3)).read_bytes()
    truncated.write_bytes(whole[: len(whole) // 2] + whole[-300:])
    empty = tmp_path / "empty.parquet"
    pq.write_table(pa.table({"text": pa.array([], pa.string())}), empty)
    for path, code in ((garbage, "format"), (truncated, "format"), (empty, "empty")):
        [rejection] = read(path)
        assert isinstance(rejection, Rejection), path
        assert (rejection.origin, rejection.code) == (str(path), code)


def test_ingest_parquet_folder_is_read_in_sorted_order(tmp_path: Path, read, report: str) -> None:
    rows = records(report, 4)
    folder = tmp_path / "parts"
    folder.mkdir()
    write(folder / "part-1.parquet", rows[2:])
    write(folder / "part-0.parquet", rows[:2])
    items = read(folder)
    assert [i.title for i in items] == [f"Shelling #{k}" for k in range(4)]
    assert items[2].origin == f"{folder / 'part-1.parquet'}:1"

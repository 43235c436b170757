"""The team-coded place set's loader: text by reference, changed or absent text left out and counted,
malformed items refused with the line named, and the shipped set itself."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from frontlines.corpus.items import split_of
from frontlines.errors import ConfigError
from frontlines.evaluation.places_gold import load_places
from frontlines.model import GeoPrecision
from helpers import PLACE_ARTICLE, PLACE_GOLD, SHARED_DATA, place_record, place_world


def _gold(folder: Path, *records: dict | str) -> Path:
    path = folder / "gold.jsonl"
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n", encoding="utf-8"
    )
    return path


def test_places_read_text_and_context_by_reference(tmp_path: Path) -> None:
    _, shared, gold = place_world(tmp_path)
    places = load_places(gold, shared)
    assert places.left_out == {}
    first = places.items[0]
    assert first.text == PLACE_GOLD[0][1]
    assert first.context == PLACE_ARTICLE
    assert first.context[first.offset : first.offset + len(first.text)] == first.text
    assert first.text[slice(*first.name_span)] == "Idlib"
    assert first.geo_precision is GeoPrecision.PLACE and first.split == split_of("t-1")
    assert str(first.published) == "2016-05-10" and first.has_point


def test_places_left_out_when_the_span_changed_or_the_file_is_absent(tmp_path: Path) -> None:
    _, shared, _ = place_world(tmp_path)
    good = place_record(*PLACE_GOLD[0])
    changed = {**place_record(*PLACE_GOLD[1]), "sha1": "0" * 12}
    absent = {**place_record(*PLACE_GOLD[2]), "file": "news/gone.txt"}
    places = load_places(_gold(tmp_path, good, changed, absent), shared)
    assert [item.id for item in places.items] == ["t-1"]
    assert places.left_out == {"span changed": 1, "file absent": 1}
    # without the shared folder at all, every item is left out and counted
    assert load_places(_gold(tmp_path, good), tmp_path / "nowhere").left_out == {"file absent": 1}


def test_places_without_a_point_count_for_admin1_only(tmp_path: Path) -> None:
    _, shared, _ = place_world(tmp_path)
    item = load_places(_gold(tmp_path, place_record(*PLACE_GOLD[2][:5], None)), shared).items[0]
    assert not item.has_point and item.latitude is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"name": "Aleppo"}, "the name 'Aleppo' is not in the sentence"),
        ({"kind": "hamlet"}, "kind 'hamlet' is not one of"),
        ({"geo_precision": 4}, "geo_precision is 1, 2 or 3"),
        ({"context_end": 10}, "the sentence is not inside its context span"),
        ({"longitude": None}, "a latitude without a longitude"),
        ({"coded_by": None, "__drop__": "coded_by"}, "no coded_by"),
    ],
)
def test_places_refuse_malformed_items_naming_the_line(tmp_path: Path, change: dict, message: str) -> None:
    _, shared, _ = place_world(tmp_path)
    record = {**place_record(*PLACE_GOLD[0]), **change}
    if "__drop__" in change:
        record.pop(change["__drop__"])
        record.pop("__drop__")
    with pytest.raises(ConfigError, match="line 2") as caught:
        load_places(_gold(tmp_path, "", record), shared)
    assert message in str(caught.value)


def test_places_refuse_an_id_used_twice(tmp_path: Path) -> None:
    _, shared, _ = place_world(tmp_path)
    record = place_record(*PLACE_GOLD[0])
    with pytest.raises(ConfigError, match="place ids used twice: t-1"):
        load_places(_gold(tmp_path, record, record), shared)


@pytest.mark.shared_data
@pytest.mark.skipif(not SHARED_DATA.exists(), reason="needs ../shared/data")
def test_shipped_place_set_is_whole_and_mixed() -> None:
    """Issue 11: at least 150 team-coded places, at least half from the world battle pages, the rest
    FA-KES; every span still hashes the same; villages to provinces, every precision code."""
    places = load_places(None, SHARED_DATA)
    assert places.left_out == {}
    items = places.items
    sources = Counter(item.source for item in items)
    assert len(items) >= 150 and sources["wikipedia_world"] * 2 >= len(items) and sources["fakes"] > 0
    assert {item.coded_by for item in items} == {"team"}
    assert {int(item.geo_precision) for item in items} == {1, 2, 3}
    assert {"village", "neighbourhood", "near", "front", "province"} <= {item.kind for item in items}
    assert all(item.coords_from for item in items if item.has_point)
    assert Counter(item.split for item in items)["sealed"] > len(items) // 10

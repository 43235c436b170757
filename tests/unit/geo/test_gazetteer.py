"""The SQLite gazetteer: lookups, the writer, errors."""

from __future__ import annotations

import pickle
import sqlite3
from pathlib import Path

import pytest

from frontlines.geo import Gazetteer, GazetteerMissing, PlaceRecord, SqliteGazetteer, write_gazetteer
from frontlines.model import Place


def test_gazetteer_is_a_gazetteer(tiny: SqliteGazetteer) -> None:
    assert isinstance(tiny, Gazetteer)


@pytest.mark.parametrize(
    "name, country, first",
    [
        ("Damascus", None, ("SY", "city")),
        ("Damascus", "US", ("US", "city")),
        ("Tripoli", None, ("LY", "city")),
        ("Tripoli", "LB", ("LB", "city")),
        ("Homs", None, ("SY", "city")),  # Al Khums (LY) is also "Homs": the larger place first
        ("Deir Ezzor", None, ("SY", "city")),  # only via folding
        ("Britain", None, ("GB", "country")),
        ("Aleppo Governorate", None, ("SY", "admin1")),
    ],
)
def test_gazetteer_lookup_best_first(
    tiny: SqliteGazetteer, name: str, country: str | None, first: tuple
) -> None:
    places = tiny.lookup(name, country)
    assert (places[0].country_code, places[0].kind) == first


def test_gazetteer_lookup_exact_spelling_first(tiny: SqliteGazetteer) -> None:
    # "Hims" is an exact name of Homs only; "Homs" exactly names both, Homs (SY) being larger.
    assert [p.country_code for p in tiny.lookup("Homs")] == ["SY", "LY"]
    assert tiny.lookup("Hims")[0].place_id == "g:169577"


@pytest.mark.parametrize("junk", ["THE", "aleppo", "Russian", "Nowhere"])
def test_gazetteer_lookup_junk_names_absent(tiny: SqliteGazetteer, junk: str) -> None:
    assert all(junk not in (p.name,) for p in tiny.lookup(junk))
    assert junk not in set(tiny.names())


def test_gazetteer_place_by_id(tiny: SqliteGazetteer) -> None:
    place = tiny.place("g:170063")
    assert place is not None and (place.name, place.admin1, place.population) == (
        "Aleppo",
        "Aleppo",
        2_098_210,
    )
    assert tiny.place("g:0") is None


def test_gazetteer_pickles_by_path(tiny: SqliteGazetteer) -> None:
    clone = pickle.loads(pickle.dumps(tiny))
    assert clone.lookup("Beirut") == tiny.lookup("Beirut")


def test_gazetteer_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerMissing, match="does not exist"):
        SqliteGazetteer(tmp_path / "nope.sqlite")


def test_gazetteer_foreign_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE x (a)").connection.commit()
    with pytest.raises(GazetteerMissing, match="not a gazetteer"):
        SqliteGazetteer(path)


def test_gazetteer_write_is_atomic(tmp_path: Path, tiny_records: list[PlaceRecord]) -> None:
    path = tmp_path / "g.sqlite"
    places, names = write_gazetteer(path, tiny_records, {"source": "tests"})
    assert places == len(tiny_records) and names > places
    assert [p.name for p in tmp_path.iterdir()] == ["g.sqlite"]

    def broken():
        yield from tiny_records[:3]
        raise RuntimeError("source broke")

    with pytest.raises(RuntimeError):
        write_gazetteer(path, broken(), {})
    assert [p.name for p in tmp_path.iterdir()] == ["g.sqlite"]
    assert SqliteGazetteer(path).meta()["source"] == "tests"


def test_gazetteer_prefetch_finds_what_lookup_finds(tiny_path: Path) -> None:
    """One query for many names fills the cache with exactly what one lookup per name finds: the
    same places in the same order (exact spellings, then population), the same exact spellings."""
    plain, batched = SqliteGazetteer(tiny_path), SqliteGazetteer(tiny_path)
    names = [*plain.names(), "Sham", "Jowbar", "Aleppo", "no such place"]
    batched.prefetch(names)
    for name in names:
        assert (name, None) in batched._cache
        assert batched.lookup(name) == plain.lookup(name)
        assert batched.spelled_as(name) == plain.spelled_as(name)
    assert any(plain.lookup(name) for name in names)


@pytest.mark.parametrize("queries", [1000, 2])  # answered id by id, or from the whole set after 2
def test_gazetteer_capital_ids_answer_as_the_whole_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, queries: int
) -> None:
    monkeypatch.setattr("frontlines.geo.gazetteer.CAPITAL_QUERIES", queries)
    rows = [
        ("g:1", "Khartoum", "SD", "PPLC"),
        ("g:2", "Omdurman", "SD", "PPL"),
        ("g:3", "Kyiv", "UA", "PPLC"),
        ("g:4", "Culiacán", "MX", "PPLA"),
        ("g:5", "Naypyidaw", "MM", "PPLC"),
        ("g:6", "Mandalay", "MM", None),
    ]
    records = [
        PlaceRecord(Place(pid, name, cc, 0.0, 0.0, "city", 1000), feature_code=code)
        for pid, name, cc, code in rows
    ]
    path = tmp_path / "g.sqlite"
    write_gazetteer(path, records, {"source": "tests"})
    capitals = SqliteGazetteer(path).capital_ids()
    asked = ["g:2", "g:1", "g:1", "g:9", "g:3", "g:4", "g:5", "g:6", 42]
    assert [pid in capitals for pid in asked] == [False, True, True, False, True, False, True, False, False]

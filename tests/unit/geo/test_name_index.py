"""The name index: the place matcher's words in SQLite, found exactly as the automaton finds them."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.geo import PlaceMatcher, SqliteGazetteer
from frontlines.geo.matcher import MATCHER_FORMAT, matcher_path
from frontlines.geo.name_index import INDEX_FORMAT, NameIndex, index_path
from helpers import FAKES_CSV

TEXTS = [
    "Shelling hit Aleppo.",
    "shelling hit aleppo.",
    "The Alepponians met. XAleppo and Aleppo's, Aleppo’s, Aleppo'ite",
    "London-based monitors in Deir ez-Zor and Deir el-Zour today",
    "Human rights in the Syrian Arab Republic, Of course",
    "BEIRUT (Reuters) - Jets struck Idlib. TRIPOLI, Libya -",
    "AIRSTRIKES HIT DAMASCUS AND HOMS\nThe army said",
    "attack in Dar’ā, Dar'ā and Dar`ā; Al-Bab",
    "",
    "Aleppo",
    "  Aleppo Governorate\t(Idleb)Idlib.",
    "Damascus\x00Homs \ud800Beirut",
]


def _pair(gazetteer: SqliteGazetteer) -> tuple[PlaceMatcher, PlaceMatcher]:
    """The matcher with its automaton in memory and the one reading the name index."""
    loaded = PlaceMatcher.for_gazetteer(gazetteer, loaded=True)
    indexed = PlaceMatcher.for_gazetteer(gazetteer, budget=10**12)
    assert loaded.loaded and not indexed.loaded
    return loaded, indexed


def _copy(gazetteer: SqliteGazetteer, tmp_path: Path) -> SqliteGazetteer:
    path = tmp_path / "g.sqlite"
    path.write_bytes(gazetteer.path.read_bytes())
    return SqliteGazetteer(path)


@pytest.fixture(scope="module")
def tiny_pair(tiny: SqliteGazetteer) -> tuple[PlaceMatcher, PlaceMatcher]:
    return _pair(tiny)


@pytest.mark.parametrize("text", TEXTS)
def test_name_index_finds_what_the_automaton_finds(tiny_pair, text: str) -> None:
    loaded, indexed = tiny_pair
    assert indexed.find(text) == loaded.find(text)
    assert len(indexed) == len(loaded)


@pytest.mark.parametrize("surface", ["Halab", "Aleppo", "Human Rights", "Dar'a", "Kfar Souseh", "\ud800"])
def test_name_index_answers_skeletons_and_arabic_names_alike(tiny_pair, surface: str) -> None:
    loaded, indexed = tiny_pair
    assert indexed.similar(surface) == loaded.similar(surface)
    assert indexed.may_be_arabic_named(surface) == loaded.may_be_arabic_named(surface)


#: Pieces of the tiny gazetteer's names and the characters around them in news text.
_NAMES = ["Aleppo", "ALEPPO", "Deir", " ez-Zor", " el-Zour", "Dar", "‘ā", "'ā", "Al", "-Bab", "Homs"]
_MORE = ["Syrian Arab Republic", "Syria", "BEIRUT", "London", "Of", "Human", "Governorate", "Tripoli"]
_AROUND = [" ", "  ", ",", ".", "(", ")", "-", "\n", "'s", "x", "9", "é", "\u0301", "ʿ"]
_PIECES = st.sampled_from(_NAMES + _MORE + _AROUND)


@given(st.lists(_PIECES, max_size=30).map("".join))
@settings(max_examples=300, deadline=None)
def test_name_index_matches_the_automaton_on_any_text(tiny_pair, text: str) -> None:
    loaded, indexed = tiny_pair
    assert indexed.find(text) == loaded.find(text)


@pytest.mark.embedded
@pytest.mark.shared_data
def test_name_index_matches_the_automaton_on_news(embedded, tmp_path: Path) -> None:
    """Every FA-KES article (../shared/data), against the real embedded gazetteer's 100,000+ names."""
    if not FAKES_CSV.exists():
        pytest.skip(f"{FAKES_CSV} not found (needs ../shared/data)")
    loaded, indexed = _pair(_copy(embedded[0], tmp_path))
    with FAKES_CSV.open(encoding="utf-8", errors="replace", newline="") as fh:
        texts = [row["article_content"] for row in csv.DictReader(fh)]
    found = 0
    for text in texts:
        expected = loaded.find(text)
        assert indexed.find(text) == expected
        found += len(expected)
        for _, _, surface in expected:
            assert indexed.similar(surface) == loaded.similar(surface)
            assert indexed.may_be_arabic_named(surface) == loaded.may_be_arabic_named(surface)
    assert found > 1000


def test_name_index_is_built_once_reused_and_rebuilt_when_stale(
    tiny: SqliteGazetteer, tmp_path: Path
) -> None:
    gazetteer = _copy(tiny, tmp_path)
    target = index_path(gazetteer.path)
    assert target.name == f"g.sqlite.names-{INDEX_FORMAT}.sqlite"
    first = PlaceMatcher.for_gazetteer(gazetteer)
    assert first.loaded and target.exists() and matcher_path(gazetteer.path).exists()
    built = target.stat().st_mtime_ns
    second = PlaceMatcher.for_gazetteer(gazetteer)
    assert not second.loaded and len(second) == len(first)
    assert target.stat().st_mtime_ns == built  # read, not written again
    gazetteer.path.touch()  # the gazetteer changed
    third = PlaceMatcher.for_gazetteer(SqliteGazetteer(gazetteer.path))
    assert third.loaded and target.stat().st_mtime_ns != built
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # written atomically


def test_name_index_of_another_matcher_format_is_not_read(tiny: SqliteGazetteer, tmp_path: Path) -> None:
    gazetteer = _copy(tiny, tmp_path)
    PlaceMatcher.for_gazetteer(gazetteer, loaded=True)
    stamp = (gazetteer.path.stat().st_size, gazetteer.path.stat().st_mtime_ns)
    assert NameIndex.open(index_path(gazetteer.path), MATCHER_FORMAT, stamp) is not None
    assert NameIndex.open(index_path(gazetteer.path), MATCHER_FORMAT + 1, stamp) is None


def test_corrupt_name_index_is_rebuilt(tiny: SqliteGazetteer, tmp_path: Path) -> None:
    gazetteer = _copy(tiny, tmp_path)
    index_path(gazetteer.path).write_bytes(b"not a database")
    assert PlaceMatcher.for_gazetteer(gazetteer).find("in Beirut")
    assert not PlaceMatcher.for_gazetteer(gazetteer).loaded  # the rebuilt index is read


def test_matcher_loads_the_automaton_once_its_budget_is_spent(tiny: SqliteGazetteer, tmp_path: Path) -> None:
    gazetteer = _copy(tiny, tmp_path)
    PlaceMatcher.for_gazetteer(gazetteer)
    matcher = PlaceMatcher.for_gazetteer(gazetteer, budget=40)
    text = "Jets struck Aleppo and Homs."  # 28 characters
    assert [m[2] for m in matcher.find(text)] == ["Aleppo", "Homs"]
    assert not matcher.loaded
    assert [m[2] for m in matcher.find(text)] == ["Aleppo", "Homs"]  # 56 > 40: the automaton now
    assert matcher.loaded


def test_matcher_without_its_pickle_builds_it_when_the_budget_is_spent(
    tiny: SqliteGazetteer, tmp_path: Path
) -> None:
    gazetteer = _copy(tiny, tmp_path)
    PlaceMatcher.for_gazetteer(gazetteer)
    matcher_path(gazetteer.path).unlink()
    matcher = PlaceMatcher.for_gazetteer(gazetteer, budget=0)
    assert [m[2] for m in matcher.find("Jets struck Idlib.")] == ["Idlib"]
    assert matcher.loaded and matcher_path(gazetteer.path).exists()

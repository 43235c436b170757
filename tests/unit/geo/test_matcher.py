"""The Aho-Corasick name matcher."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.geo import PlaceMatcher, SqliteGazetteer
from frontlines.geo.matcher import dateline_spans, matcher_path


@pytest.mark.parametrize(
    "text, found",
    [
        ("Shelling hit Aleppo.", ["Aleppo"]),
        ("shelling hit aleppo.", []),  # case-sensitive
        ("The Alepponians met.", []),  # whole words only
        ("XAleppo and Aleppo's", ["Aleppo"]),
        ("Aleppo’s and the Aleppo'ite", ["Aleppo"]),  # an apostrophe joins more letters: "Shi'ite"
        ("London-based monitors", ["London"]),
        ("in Deir ez-Zor today", ["Deir ez-Zor"]),  # longest match, not "Deir"
        ("in Deir Ezzor and Deir el-Zour", ["Deir Ezzor", "Deir el-Zour"]),
        ("Human rights in the Syrian Arab Republic", ["Syrian Arab Republic"]),
        ("Of course", []),  # small places named by English words are not in the matcher
        ("Russian jets", []),
        # datelines in capitals: with punctuation, or followed straight by the story's first words
        ("BEIRUT (Reuters) - Jets struck Idlib.", ["BEIRUT", "Idlib"]),
        ("Jets struck. BEIRUT  It was calm on Monday.", ["BEIRUT"]),
        ("BEIRUT Officials said jets struck Idlib.", ["BEIRUT", "Idlib"]),
        ("UN officials met. BEIRUT is calm, the UN said.", []),  # capitals mid-sentence are not a dateline
        # rule cp1252-dash: an em dash read from Windows-1252 bytes, or a dash right after the name
        ("Jets struck. BEIRUT \x97 It was calm on Monday.", ["BEIRUT"]),
        ("Jets struck. BEIRUT—It was calm on Monday.", ["BEIRUT"]),
        ("Jets struck. BEIRUT \x85 It was calm on Monday.", []),  # an ellipsis is no dateline's dash
    ],
)
def test_matcher_find(tiny_matcher: PlaceMatcher, text: str, found: list[str]) -> None:
    matches = tiny_matcher.find(text)
    assert [surface for _, _, surface in matches] == found
    assert all(text[start:end] == surface for start, end, surface in matches)


@pytest.mark.parametrize("text", ["attack in A’zaz city", "attack in A'zaz city", "attack in A`zaz city"])
def test_matcher_reads_every_ayn_mark_as_one(text: str) -> None:
    """The news writes an ayn or hamza with whatever apostrophe it has; GeoNames with another."""
    matcher = PlaceMatcher.build(["A`zaz", "Ma‘arrat al-Nu‘man"])
    assert [surface for _, _, surface in matcher.find(text)] == [text[10:15]]
    assert [m[2] for m in matcher.find("in Ma'arrat al-Nu’man")] == ["Ma'arrat al-Nu’man"]


def test_matcher_pickle_is_reused_and_rebuilt_when_stale(tiny: SqliteGazetteer, tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite"
    path.write_bytes(tiny.path.read_bytes())
    gazetteer = SqliteGazetteer(path)
    first = PlaceMatcher.for_gazetteer(gazetteer)
    pickled = matcher_path(path)
    assert pickled.exists()
    stamp = pickled.stat().st_mtime_ns
    assert len(PlaceMatcher.for_gazetteer(gazetteer)) == len(first)
    assert pickled.stat().st_mtime_ns == stamp  # loaded, not rebuilt
    path.touch()  # the gazetteer changed
    PlaceMatcher.for_gazetteer(SqliteGazetteer(path))
    assert pickled.stat().st_mtime_ns != stamp


def test_matcher_corrupt_pickle_is_rebuilt(tiny: SqliteGazetteer, tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite"
    path.write_bytes(tiny.path.read_bytes())
    matcher_path(path).write_bytes(b"not a pickle")
    assert PlaceMatcher.for_gazetteer(SqliteGazetteer(path)).find("in Beirut")


def test_matcher_leaves_out_names_inside_dates(tiny_matcher: PlaceMatcher) -> None:
    text = "Clashes broke out in Tripoli."
    assert [m[2] for m in tiny_matcher.find(text)] == ["Tripoli"]
    start = text.index("Tripoli")
    assert tiny_matcher.find(text, dates=[(start - 3, start + 2)]) == []
    assert [m[2] for m in tiny_matcher.find(text, dates=[(0, start)])] == ["Tripoli"]


@pytest.mark.parametrize(
    ("surface", "may"),
    [
        ("Damascus", True),  # a Syrian name
        ("Edlub", True),  # spelled otherwise: the consonant skeleton of Idlib
        ("Dar'a", True),  # folds like Daraa
        ("Human Rights", False),  # no name or spelling of a place of an Arabic-named country
        ("London", False),
    ],
)
def test_matcher_may_be_arabic_named(tiny_matcher: PlaceMatcher, surface: str, may: bool) -> None:
    """Rule 6's searches are skipped only for runs no place of an Arabic-named country can bear."""
    assert tiny_matcher.may_be_arabic_named(surface) is may


def test_matcher_dateline_spans_are_a_fresh_list_each_time() -> None:
    """The spans are cached per text; a caller changing its list changes no other caller's."""
    text = "BEIRUT, March 20 (Reuters) - Shelling hit Aleppo."
    first = dateline_spans(text)
    assert first == [(0, 6)]
    first.append((9, 9))
    assert dateline_spans(text) == [(0, 6)]

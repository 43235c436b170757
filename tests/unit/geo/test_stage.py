"""The places stage and opening the default gazetteer."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import frontlines.geo as geo
from frontlines.config import EMBEDDED_GAZETTEER, GeoSettings, Settings
from frontlines.geo import (
    GazetteerMissing,
    PlaceMatcher,
    SqliteGazetteer,
    open_default_gazetteer,
    place_stage,
)
from frontlines.model import ActorMention, ActorRef, Article, CleanText, Doc
from frontlines.pipeline import Pipeline, PipelineError


def _doc(text: str, split, extra: dict | None = None) -> Doc:
    article = Article("a1", text, "test", extra=extra or {})
    return Doc(article, CleanText(text, list(range(len(text) + 1))), split(text))


def test_stage_places_declares_requirements(tiny: SqliteGazetteer, tiny_matcher: PlaceMatcher) -> None:
    stage = place_stage(tiny, tiny_matcher)
    assert stage.requires == {"clean", "sentences", "times", "actors"}
    assert stage.provides == {"places", "focus_country"}
    with pytest.raises(PipelineError):
        Pipeline([stage])  # type: ignore[list-item]  # pipeline.Stage wants settable attributes


@pytest.mark.parametrize(
    "text, hint, focus, tripoli",
    [
        ("Clashes broke out in Tripoli.", "LB", "LB", "LB"),
        ("Clashes broke out in Tripoli.", "LY", "LY", "LY"),
        ("Clashes broke out in Tripoli.", None, None, "LY"),
    ],
)
def test_stage_places_uses_country_hint(
    tiny: SqliteGazetteer, tiny_matcher: PlaceMatcher, split_sentences, text, hint, focus, tripoli
) -> None:
    extra = {"country": hint.lower()} if hint else {}
    doc = place_stage(tiny, tiny_matcher)(_doc(text, split_sentences, extra))
    assert isinstance(doc, Doc)
    assert doc.focus_country == focus
    assert doc.places[0].candidates[0].country_code == tripoli


@pytest.mark.parametrize(
    "home, kept",
    [
        ("NG", False),  # rule group-name: the group's home has no Tripoli, so its name is no place
        ("LY", True),  # a group named after its base in its own country keeps the place
        (None, False),
    ],
)
def test_stage_places_skip_names_inside_a_group_name(
    tiny: SqliteGazetteer, tiny_matcher: PlaceMatcher, split_sentences, home: str | None, kept: bool
) -> None:
    text = "Fighters of the Tripoli Brigade raided a village."
    start = text.index("Tripoli")
    name = "Tripoli Brigade"
    group = ActorMention(start, start + len(name), name, ActorRef("actor", "X", home))
    doc = dataclasses.replace(_doc(text, split_sentences), actors=[group])
    found = place_stage(tiny, tiny_matcher)(doc)
    assert isinstance(found, Doc)
    assert [p.text for p in found.places] == (["Tripoli"] if kept else [])
    if kept:
        assert found.places[0].candidates[0].country_code == "LY"


def test_stage_open_default_builds_embedded_once(
    tiny_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[Path] = []

    def fake_build(path: Path, min_population: int = 500) -> None:
        built.append(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(tiny_path.read_bytes())

    monkeypatch.setenv("FRONTLINES_DATA", str(tmp_path / "data"))
    monkeypatch.setattr(geo, "build_embedded", fake_build)
    gazetteer, matcher = open_default_gazetteer(Settings())
    assert built == [tmp_path / "data" / EMBEDDED_GAZETTEER]
    assert matcher.find("in Beirut") and gazetteer.lookup("Beirut")
    open_default_gazetteer(Settings())
    assert len(built) == 1


def test_stage_open_configured_missing_file_is_an_error(tmp_path: Path) -> None:
    settings = dataclasses.replace(Settings(), geo=GeoSettings(gazetteer=str(tmp_path / "missing.sqlite")))
    with pytest.raises(GazetteerMissing, match=r"\[E301\].*missing\.sqlite"):
        open_default_gazetteer(settings)

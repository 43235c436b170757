"""Paths and markers the test modules share (importable: `tests/` is on pytest's pythonpath)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from frontlines.ingest import article_id
from frontlines.model import Article, Doc
from frontlines.run import build_pipeline

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED_DATA = ROOT.parent / "shared" / "data"
FAKES_CSV = SHARED_DATA / "fakes" / "FA-KES-Dataset.csv"
FAKES_MAP = {"text": "article_content", "published": "date", "title": "article_title", "id": "unit_id"}

#: An example the classifier decides: trained without ../shared/data's corpus items (a clone without the
#: shared data), it may read it otherwise.
model_decides = pytest.mark.xfail(
    not SHARED_DATA.exists(), reason="classifier trained without ../shared/data", strict=False
)


def rule_examples(rules: Any, decided_by_model: set[str]) -> tuple[list[Any], list[Any]]:
    """The ``fires`` and ``misses`` examples of a rule table as pytest params ("RULE-fires-N"), those
    in ``decided_by_model`` marked :data:`model_decides`."""
    fires = [
        pytest.param(
            rule,
            text,
            id=f"{rule.id}-fires-{i}",
            marks=[model_decides] if f"{rule.id}-fires-{i}" in decided_by_model else [],
        )
        for rule in rules
        for i, text in enumerate(rule.fires)
    ]
    misses = [
        pytest.param(rule, text, id=f"{rule.id}-misses-{i}")
        for rule in rules
        for i, text in enumerate(rule.misses)
    ]
    return fires, misses


needs_fakes = pytest.mark.skipif(not FAKES_CSV.exists(), reason=f"shared data absent: {FAKES_CSV}")


def run_article(text: str, resources: Any, settings: Any, published: dt.date | None) -> Doc:
    """One short article through the whole default pipeline (source "Test Wire"); its doc."""
    article = Article(
        article_id=article_id(text=text, title=None, published=published, source="Test Wire"),
        text=text,
        origin="test",
        published=published,
        source="Test Wire",
    )
    result = build_pipeline(settings, resources).run_one(article)
    assert result.doc is not None, result.rejection
    return result.doc


#: The article of the place-set tests: a town the tiny world knows, a "near" one, a village it lacks.
PLACE_ARTICLE = (
    "Government aircraft bombed Idlib on Monday, killing five civilians, a monitor said. "
    "Rebels shelled army positions near Homs on Monday, killing two soldiers. "
    "Militants attacked the village of Kafr Nabudah on Monday, killing three people."
)
#: (id, sentence, name as written, gold precision, gold admin1, gold point or None)
PLACE_GOLD: list[tuple[str, str, str, int, str, tuple[float, float] | None]] = [
    ("t-1", "Government aircraft bombed Idlib on Monday, killing five civilians, a monitor said.",
     "Idlib", 1, "Idleb", (35.93, 36.63)),
    ("t-2", "Rebels shelled army positions near Homs on Monday, killing two soldiers.",
     "Homs", 2, "Homs", (34.73, 36.71)),
    ("t-3", "Militants attacked the village of Kafr Nabudah on Monday, killing three people.",
     "Kafr Nabudah", 1, "Hama", (35.44, 36.50)),
]  # fmt: skip
#: The tiny world's places: (place_id, name, country, lat, lon, kind, population, admin1).
PLACE_WORLD = [
    ("c:SY", "Syria", "SY", 35.0, 38.5, "country", 17_000_000, None),
    ("a:SY-ID", "Idlib", "SY", 35.8, 36.6, "admin1", 0, "Idlib"),
    ("g:169389", "Idlib", "SY", 35.93, 36.63, "city", 128_840, "Idlib"),
    ("g:169577", "Homs", "SY", 34.73, 36.71, "city", 775_404, "Homs"),
    ("g:170063", "Aleppo", "SY", 36.20, 37.16, "city", 2_098_210, "Aleppo"),
]


def place_record(item_id: str, sentence: str, name: str, precision: int, admin1: str,
                 point: tuple[float, float] | None, text: str = PLACE_ARTICLE) -> dict[str, Any]:  # fmt: skip
    """A place-set item referring to ``sentence`` in ``news/a.txt`` (whose text is ``text``)."""
    from frontlines.corpus.items import span_digest

    start = text.index(sentence)
    return {
        "id": item_id, "source": "fakes", "file": "news/a.txt", "start": start,
        "end": start + len(sentence), "sha1": span_digest(sentence), "context_start": 0,
        "context_end": len(text), "published": "2016-05-10", "name": name, "kind": "town",
        "geo_precision": precision, "country": "Syria", "admin1": admin1,
        "latitude": point[0] if point else None, "longitude": point[1] if point else None,
        "coords_from": "test" if point else None, "coded_by": "team",
    }  # fmt: skip


def place_world(folder: Path) -> tuple[Path, Path, Path]:
    """A tiny gazetteer, a shared folder holding :data:`PLACE_ARTICLE` and a gold file of
    :data:`PLACE_GOLD`, written under ``folder``: (gazetteer, shared folder, gold file)."""
    import json

    from frontlines.geo import PlaceRecord, write_gazetteer
    from frontlines.model import Place

    gazetteer = folder / "tiny.sqlite"
    records = [PlaceRecord(Place(*row[:7], admin1=row[7])) for row in PLACE_WORLD]  # type: ignore[arg-type, misc]
    write_gazetteer(gazetteer, records, {"source": "tests"})
    shared = folder / "shared"
    (shared / "news").mkdir(parents=True)
    (shared / "news" / "a.txt").write_text(PLACE_ARTICLE, encoding="utf-8")
    gold = folder / "places.jsonl"
    lines = [json.dumps(place_record(*row)) for row in PLACE_GOLD]
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return gazetteer, shared, gold


def build_language_copy(folder: str) -> str:
    """Build the language-ID model copy in ``folder`` (a spawned worker's task: it lives here, in a
    module the workers import by name whichever way pytest was started)."""
    from frontlines.text.language import model_copy

    return str(model_copy(Path(folder)))

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

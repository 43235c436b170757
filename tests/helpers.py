"""Paths and markers the test modules share (importable: `tests/` is on pytest's pythonpath)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED_DATA = ROOT.parent / "shared" / "data"
FAKES_CSV = SHARED_DATA / "fakes" / "FA-KES-Dataset.csv"
FAKES_MAP = {"text": "article_content", "published": "date", "title": "article_title", "id": "unit_id"}

needs_fakes = pytest.mark.skipif(not FAKES_CSV.exists(), reason=f"shared data absent: {FAKES_CSV}")

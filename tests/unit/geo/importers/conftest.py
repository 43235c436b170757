"""Fixtures of the importer tests: source files written per test, a private copy of the tiny gazetteer."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from unit.geo.importers.sources import GEONAMES_SY, counts, write_cod


@pytest.fixture(name="cod")
def cod_fixture(tmp_path: Path) -> Callable[[str], Path]:
    """Write the COD-AB fixture package in a format ("geojson", "shp" or "zip"); returns its path."""
    return lambda fmt: write_cod(tmp_path / f"cod-{fmt}", fmt)


@pytest.fixture(name="sy_txt")
def sy_txt_fixture(tmp_path: Path) -> Path:
    path = tmp_path / "SY.txt"
    path.write_text("".join(GEONAMES_SY), encoding="utf-8")
    return path


@pytest.fixture(name="counts")
def counts_fixture() -> Callable[[Path], tuple[int, int, int]]:
    return counts


@pytest.fixture(name="base")
def base_fixture(tiny_path: Path, tmp_path: Path) -> Path:
    """A private copy of the tiny test gazetteer to import into."""
    target = tmp_path / "base.sqlite"
    shutil.copy(tiny_path, target)
    return target

"""Given names and common surnames read from the census files of the ``names`` package."""

from __future__ import annotations

from importlib import resources

import pytest

from frontlines.geo import persons
from frontlines.geo.persons import COMMON_SURNAME_PERCENT, GIVEN_NAME_PERCENT


def _every_line(name: str, threshold: float) -> frozenset[str]:
    """The names at least ``threshold`` percent common, from a scan of the whole file."""
    text = resources.files("names").joinpath(name).read_text(encoding="ascii")
    rows = [line.split() for line in text.splitlines()]
    return frozenset(p[0].capitalize() for p in rows if len(p) >= 2 and float(p[1]) >= threshold)


@pytest.mark.parametrize(
    ("name", "threshold"),
    [
        ("dist.male.first", GIVEN_NAME_PERCENT),
        ("dist.female.first", GIVEN_NAME_PERCENT),
        ("dist.all.last", COMMON_SURNAME_PERCENT),
    ],
)
def test_persons_reading_stops_where_the_whole_file_would(name: str, threshold: float) -> None:
    """The reader stops at the first name rarer than the threshold: the same names as a full scan,
    because each file lists its names from the most common down."""
    text = resources.files("names").joinpath(name).read_text(encoding="ascii")
    shares = [float(p[1]) for p in (line.split() for line in text.splitlines()) if len(p) >= 2]
    assert shares == sorted(shares, reverse=True)
    assert persons._read(name, threshold) == _every_line(name, threshold)


@pytest.mark.parametrize(
    ("word", "given", "surname"),
    [("James", True, True), ("Kristina", True, False), ("Jones", False, True), ("Aleppo", False, False)],
)
def test_persons_names(word: str, given: bool, surname: bool) -> None:
    assert persons.is_given_name(word) is given
    assert persons.is_common_surname(word) is surname

"""Rule unit-by-alias (rule 2 of ``geo.scoring``): a first-level unit that bears the text's name only
as an alternate name ranks below a town whose own name it is ("Lamu", Kenya, not the Maldivian atoll
GeoNames also lists as "Lamu"); a unit named so itself, or with no such town beside it, keeps its
prominence."""

from __future__ import annotations

from frontlines.geo import scoring
from frontlines.model import Place


def _place(place_id: str, name: str, kind: str, country: str, population: int) -> Place:
    return Place(place_id, name, country, 0.0, 0.0, kind, population)


LAMU = _place("g:lamu", "Lamu", "city", "KE", 25_385)
ATOLL = _place("g:hdh", "Hahdhunmathi", "admin1", "MV", 2_456)


def test_unit_by_alias_ranks_the_town_of_that_name_first() -> None:
    candidates = [LAMU, ATOLL]
    priors = {p.place_id: scoring.name_prior(p, "Lamu", candidates) for p in candidates}
    assert priors["g:lamu"] > priors["g:hdh"]


def test_unit_by_alias_spares_a_unit_with_no_town_of_that_name() -> None:
    alone = scoring.name_prior(ATOLL, "Lamu", [ATOLL])
    assert alone == scoring.prominence(ATOLL)


def test_unit_by_alias_spares_a_unit_named_so_itself() -> None:
    """Negative: "Beni" the Bolivian department is named Beni; the Congolese town does not demote it."""
    department = _place("g:beni-bo", "Beni", "admin1", "BO", 294_757)
    town = _place("g:beni-cd", "Beni", "city", "CD", 140_731)
    assert scoring.name_prior(department, "Beni", [department, town]) == scoring.prominence(department)

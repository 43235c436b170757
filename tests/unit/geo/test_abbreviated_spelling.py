"""Rule abbreviated-spelling (rule 2 of ``geo.scoring``): a name written with "St.", "Ste.", "Mt." or
"Ft." is spelled as the place whose name writes the word out, so that place does not lose the
alternate-name penalty to a namesake that happens to be listed abbreviated ("St. Paul": Saint Paul,
Minnesota, not St. Paul, Alberta; "St. Petersburg": Saint Petersburg, Russia)."""

from __future__ import annotations

import pytest

from frontlines.geo import scoring
from frontlines.model import Place


def _town(place_id: str, name: str, population: int) -> Place:
    return Place(place_id, name, "XX", 0.0, 0.0, "city", population)


@pytest.mark.parametrize(
    ("query", "name", "penalised"),
    [
        ("St. Paul", "Saint Paul", False),
        ("ST. PAUL", "Saint Paul", False),
        ("Mt. Pleasant", "Mount Pleasant", False),
        ("Ft. Worth", "Fort Worth", False),
        ("Sault Ste. Marie", "Sault Sainte Marie", False),
        ("Saint Paul", "St. Paul", False),
        # negative: only whole abbreviations count ("Stanton" is not "Saint anton")
        ("Stanton", "Saint Anton", True),
        ("Mtwara", "Mount Wara", True),
        # negative: another name altogether stays an alternate name
        ("St. Paul", "Saint Peter", True),
    ],
)
def test_abbreviated_spelling_is_the_same_spelling(query: str, name: str, penalised: bool) -> None:
    place = _town("g:a", name, 100_000)
    prior = scoring.name_prior(place, query, [place])
    assert (prior == pytest.approx(5.0 - scoring.ALTERNATE_PENALTY)) is penalised


def test_abbreviated_spelling_ranks_the_larger_town_first() -> None:
    """Saint Paul, Minnesota (303,176) beats St. Paul, Alberta (5,728) on "St. Paul" alone."""
    mn = _town("g:saint-paul-mn", "Saint Paul", 303_176)
    ab = _town("g:st-paul-ab", "St. Paul", 5_728)
    priors = {p.place_id: scoring.name_prior(p, "St. Paul", [mn, ab]) for p in (mn, ab)}
    assert priors["g:saint-paul-mn"] > priors["g:st-paul-ab"]

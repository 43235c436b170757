"""Country names and codes as ACLED and coders write them."""

from __future__ import annotations

import pytest

from frontlines.countries import country_code, country_name


@pytest.mark.parametrize(
    "name, code",
    [
        ("Ivory Coast", "CI"),  # ACLED's name
        ("Côte d'Ivoire", "CI"),  # pycountry's
        ("Cote d'Ivoire", "CI"),  # written without accents
        ("Curacao", "CW"),
        ("Democratic Republic of Congo", "CD"),
        ("Palestine", "PS"),
        ("sd", "SD"),
        ("MMR", "MM"),
        ("Atlantis", None),
    ],
)
def test_country_code(name: str, code: str | None) -> None:
    assert country_code(name) == code


def test_country_name_is_acleds() -> None:
    assert [country_name(c) for c in ("RU", "CI", "SD")] == ["Russia", "Ivory Coast", "Sudan"]

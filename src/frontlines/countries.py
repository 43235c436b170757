"""Country names and codes as ACLED writes them (``Syria``, ``Russia``, ``Turkey``), from pycountry."""

from __future__ import annotations

import unicodedata
from functools import cache

import pycountry

# ACLED's country names where pycountry's common or official names differ.
_ACLED_NAMES = {
    "RU": "Russia",
    "TR": "Turkey",
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "PS": "Palestine",
    "CI": "Ivory Coast",
    "KR": "South Korea",
    "KP": "North Korea",
    "MM": "Myanmar",
    "CZ": "Czech Republic",
}


@cache
def country_name(code: str) -> str:
    """ISO 3166-1 alpha-2 code -> the country's short English name (ACLED's spelling where it has one)."""
    code = code.upper()
    if code in _ACLED_NAMES:
        return _ACLED_NAMES[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


@cache
def iso3(code: str) -> str:
    """ISO 3166-1 alpha-2 -> alpha-3 (``SY`` -> ``SYR``); the input unchanged when unknown."""
    country = pycountry.countries.get(alpha_2=code.upper())
    return country.alpha_3 if country is not None else code.upper()


@cache
def country_code(name_or_code: str) -> str | None:
    """A country's name, ACLED name, alpha-2 or alpha-3 code -> alpha-2 code, or None when unknown."""
    value = name_or_code.strip()
    for code, name in _ACLED_NAMES.items():
        if value.lower() == name.lower():
            return code
    try:
        found = pycountry.countries.lookup(value)
    except LookupError:
        return _unaccented().get(_fold(value))
    return str(found.alpha_2)


def _fold(name: str) -> str:
    """``name`` without accents, lower-cased: "Côte d'Ivoire" -> "cote d'ivoire"."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


@cache
def _unaccented() -> dict[str, str]:
    """Countries by their names written without accents ("Cote d'Ivoire", "Curacao")."""
    return {
        _fold(name): str(c.alpha_2)
        for c in pycountry.countries
        for name in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None))
        if name and _fold(name) != name.lower()
    }

"""Given names and common surnames, to tell "Tom Jones" and "Jones said" from the town of Jones.

The lists come from the ``names`` package (the US Census 1990 name frequency files it ships:
given names of men and women, surnames with their share of the population), loaded once per
process. US-centred, so the resolver also keeps its own list of names common in war reporting
(``wordlists.NON_PLACE_NAMES``).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

#: A surname at least this common (percent of the US population; Jones 0.621, Scott 0.185,
#: Lincoln 0.006) makes a small town of that name need locative context in an article.
COMMON_SURNAME_PERCENT = 0.02
#: A given name at least this common (percent) makes the capitalised word after it a surname.
GIVEN_NAME_PERCENT = 0.002


def _read(name: str, threshold: float) -> frozenset[str]:
    """The names of one census file at least ``threshold`` percent common. The files list names from
    the most common down, so reading stops at the first rarer one (606 of the 88,799 surnames are
    read; ``tests/unit/geo/test_persons.py`` checks the order)."""
    out: set[str] = set()
    with resources.files("names").joinpath(name).open("r", encoding="ascii") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 2:
                continue
            if float(parts[1]) < threshold:
                break
            out.add(parts[0].capitalize())
    return frozenset(out)


@cache
def given_names() -> frozenset[str]:
    """Given names ("James", "Kristina"), capitalised."""
    return _read("dist.male.first", GIVEN_NAME_PERCENT) | _read("dist.female.first", GIVEN_NAME_PERCENT)


@cache
def common_surnames() -> frozenset[str]:
    """Common surnames ("Jones", "Scott"), capitalised."""
    return _read("dist.all.last", COMMON_SURNAME_PERCENT)


@cache
def surnames() -> frozenset[str]:
    """Every surname of the census file (88,799: "Godlewski", "Moayyad"), capitalised; many are
    English words too ("High", "Public"), so callers rule those out."""
    return _read("dist.all.last", 0.0)


def is_surname(word: str) -> bool:
    """True for any surname of the census file written with a capital ("Godlewski")."""
    return word in surnames()


def is_given_name(word: str) -> bool:
    """True for a common given name written with a capital ("Tom")."""
    return word in given_names()


def is_common_surname(word: str) -> bool:
    """True for a common surname written with a capital ("Jones")."""
    return word in common_surnames()

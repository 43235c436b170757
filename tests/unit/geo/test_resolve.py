"""Toponym resolution on the tiny gazetteer: roles, exclusions, focus country, candidate order."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from frontlines.geo import PlaceMatcher, SqliteGazetteer, resolve_places
from frontlines.geo.focus import focus_country
from frontlines.model import PlaceMention

Splitter = Callable[[str], list[tuple[int, int]]]


@pytest.fixture
def resolve(tiny: SqliteGazetteer, tiny_matcher: PlaceMatcher, split_sentences: Splitter):
    def run(text: str, hint: str | None = None) -> tuple[dict[str, PlaceMention], str | None]:
        mentions, focus = resolve_places(text, split_sentences(text), tiny_matcher.find(text), tiny, hint)
        return {m.text: m for m in mentions}, focus

    return run


@pytest.mark.parametrize(
    "text, name, role, near",
    [
        ("The London-based Syrian Observatory reported clashes.", "London", "organisation_base", False),
        ("the Britain-based Observatory said", "Britain", "organisation_base", False),
        ("a monitor based in London said", "London", "organisation_base", False),
        ("a monitor headquartered in London said", "London", "organisation_base", False),
        # a headquarters in a place is a building there: the site of what happens at it
        ("Protesters gathered outside the police headquarters in Damascus.", "Damascus", "event", False),
        ("Thousands fled to Lebanon last year.", "Lebanon", "destination", False),
        ("Refugees in Turkey protested.", "Turkey", "destination", False),
        ("Peace talks in Geneva resumed.", "Geneva", "venue", False),
        ("The envoy said in Geneva that talks failed.", "Geneva", "venue", False),
        ("Clashes erupted in Homs on Monday.", "Homs", "event", False),
        ("Jets struck near Idlib overnight.", "Idlib", "event", True),
        ("Shells fell on the outskirts of Damascus.", "Damascus", "event", True),
        ("Fighting raged in the Idlib countryside.", "Idlib", "event", True),
        ("Fighting raged in Idlib province.", "Idlib", "event", True),
        # rule off-coast: at sea near a place, as "near" it; not "off" as a verb's particle
        ("A tanker was attacked off Beirut on Monday.", "Beirut", "event", True),
        ("A boat sank off the coast of Beirut.", "Beirut", "event", True),
        ("Police cordoned off Beirut after the blast.", "Beirut", "other", False),
        ("Rebels shelled Aleppo and Homs.", "Homs", "event", False),
        # a city's centre named after it is the city, not an organisation's base
        ("Police fired tear gas at protesters in Damascus CBD.", "Damascus", "event", False),
        ("Aleppo is an old city.", "Aleppo", "other", False),
    ],
)
def test_resolve_roles(resolve, text: str, name: str, role: str, near: bool) -> None:
    mentions, _ = resolve(text)
    assert (mentions[name].role, mentions[name].near) == (role, near)


@pytest.mark.parametrize(
    "text, absent",
    [
        ("President Damascus spoke.", "Damascus"),
        ("Mr. Aleppo left.", "Aleppo"),
        ("Bashar Al-Bab ruled.", "Al-Bab"),
        ("Reading the report, officials said nothing.", "Reading"),
        ("Mobile phones were cut.", "Mobile"),
        ("Bath time is over.", "Bath"),
    ],
)
def test_resolve_excludes_non_places(resolve, text: str, absent: str) -> None:
    mentions, _ = resolve(text)
    assert absent not in mentions


@pytest.mark.parametrize(
    "text, name",
    [
        ("The Aleppo Media Center reported shelling.", "Aleppo"),
        ("Fighters of the Islamic State of Syria withdrew.", "Syria"),
        ("A statement from the Damascus Council was read.", "Damascus"),
    ],
)
def test_resolve_places_in_organisation_names_are_bases(resolve, text: str, name: str) -> None:
    mentions, _ = resolve(text)
    assert mentions[name].role == "organisation_base"


@pytest.mark.parametrize(
    "text, present",
    [
        ("Floods hit Reading. Residents of Reading fled.", "Reading"),  # located elsewhere in the text
        ("He met the President. Aleppo was calm.", "Aleppo"),  # a title in the previous sentence
        ("Storms hit Mobile, officials said.", "Mobile"),
        ("Government forces shelled the Aleppo International Airport.", "Aleppo"),  # a facility keeps it
        ("Clashes in Damascus Tuesday left three dead.", "Damascus"),
    ],
)
def test_resolve_keeps_places_in_locative_context(resolve, text: str, present: str) -> None:
    mentions, _ = resolve(text)
    assert present in mentions


def test_resolve_province_prefers_admin1(resolve) -> None:
    assert resolve("Airstrikes hit Idlib province.")[0]["Idlib"].candidates[0].kind == "admin1"
    assert resolve("Airstrikes hit the province of Idlib.")[0]["Idlib"].candidates[0].kind == "admin1"
    assert resolve("Airstrikes hit Idlib city.")[0]["Idlib"].candidates[0].kind == "city"
    assert resolve("Airstrikes hit Idlib.")[0]["Idlib"].candidates[0].kind == "city"


@pytest.mark.parametrize(
    "text, focus, tripoli",
    [
        ("Clashes broke out in Tripoli. Beirut called for calm in Lebanon.", "LB", "LB"),
        ("Clashes broke out in Tripoli. Militias from Benghazi joined, Libya said.", "LY", "LY"),
    ],
)
def test_resolve_tripoli_follows_the_story(resolve, text: str, focus: str, tripoli: str) -> None:
    mentions, found = resolve(text)
    assert found == focus
    assert mentions["Tripoli"].candidates[0].country_code == tripoli


def test_resolve_damascus_in_a_syrian_story(resolve) -> None:
    mentions, focus = resolve("Jets struck Damascus and Aleppo, the London-based Observatory said.")
    assert focus == "SY"
    assert mentions["Damascus"].candidates[0].country_code == "SY"


def test_resolve_organisation_base_does_not_vote(resolve) -> None:
    assert resolve("The London-based group condemned shelling in Damascus.")[1] == "SY"
    assert resolve("The London-based group spoke.")[1] is None
    assert resolve("The London-based group spoke.", "YE")[1] == "YE"


def test_resolve_dateline_does_not_vote(resolve) -> None:
    # where the report was filed is not where its story is set
    mentions, focus = resolve("BEIRUT, March 20 (Levant Wire) - Jets struck Idlib on Monday.")
    assert focus == "SY"
    assert mentions["BEIRUT"].candidates[0].country_code == "LB"
    assert resolve("BEIRUT (Levant Wire) - The minister spoke.")[1] is None


@pytest.mark.parametrize(
    "votes, hint, expected",
    [
        ({}, "SY", "SY"),
        ({}, None, None),
        ({"SY": 2.0, "LB": 2.0}, "LB", "LB"),
        ({"SY": 2.0, "LB": 1.0}, "LB", "SY"),
    ],
)
def test_resolve_focus_country_hint_wins_ties(
    votes: dict[str, float], hint: str | None, expected: str | None
) -> None:
    assert focus_country(votes, hint) == expected

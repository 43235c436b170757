"""Roles: places named only as an organisation's base, a destination of people fleeing or a venue of
diplomacy are never event places; the places stage keeps them with that role."""

from __future__ import annotations

import pytest

from frontlines.geo import PlaceMatcher, SqliteGazetteer, resolve_places
from frontlines.geo.context import not_a_place


@pytest.fixture
def roles(tiny: SqliteGazetteer, tiny_matcher: PlaceMatcher, split_sentences):
    def run(text: str) -> dict[str, str]:
        mentions, _ = resolve_places(text, split_sentences(text), tiny_matcher.find(text), tiny)
        return {m.text: m.role for m in mentions}

    return run


@pytest.mark.parametrize(
    "text, name",
    [
        ("The London-based Syrian Observatory reported shelling in Homs.", "London"),
        ("The Britain-based monitor said jets struck Idlib.", "Britain"),
        ("The Observatory, based in London, said jets struck Idlib.", "London"),
        ("A group headquartered in Beirut said Homs was shelled.", "Beirut"),
        ("The Aleppo Media Center said jets struck Idlib.", "Aleppo"),
    ],
)
def test_roles_organisation_bases_are_not_event_places(roles, text: str, name: str) -> None:
    assert roles(text)[name] == "organisation_base"


@pytest.mark.parametrize(
    "text, name",
    [
        ("Thousands fled to Lebanon after the shelling of Homs.", "Lebanon"),
        ("Families fleeing Idlib crossed into Turkey.", "Turkey"),
        ("Refugees in Lebanon said Homs was shelled.", "Lebanon"),
        ("Hundreds of displaced families arrived in Beirut on Monday.", "Beirut"),
        ("The wounded were evacuated to Turkey for treatment.", "Turkey"),
    ],
)
def test_roles_destinations_are_not_event_places(roles, text: str, name: str) -> None:
    assert roles(text)[name] == "destination"


@pytest.mark.parametrize(
    "text, name",
    [
        ("Peace talks in Geneva resumed as jets struck Idlib.", "Geneva"),
        ("Foreign ministers meeting in Geneva condemned the attack on Homs.", "Geneva"),
        ("The envoy said in Geneva that Aleppo was under siege.", "Geneva"),
        ("The Geneva talks failed while shelling hit Homs.", "Geneva"),
        ("Delegations gathered in Beirut for a conference on Aleppo.", "Beirut"),
    ],
)
def test_roles_venues_are_not_event_places(roles, text: str, name: str) -> None:
    assert roles(text)[name] == "venue"


@pytest.mark.parametrize(
    "text, name",
    [
        ("Jets struck Idlib, the London-based Observatory said.", "Idlib"),
        ("Thousands fled to Lebanon after the shelling of Homs.", "Homs"),
        ("Peace talks in Geneva resumed as jets struck Idlib.", "Idlib"),
    ],
)
def test_roles_the_place_of_the_action_is_the_event_place(roles, text: str, name: str) -> None:
    assert roles(text)[name] == "event"


@pytest.mark.parametrize(
    "text, name",
    [
        # a place that opens a longer proper name is that name's base: a toponym, never an event place
        (
            "Jets struck Idlib early on Monday, a statement by the Aleppo Revolutionary Command said.",
            "Aleppo",
        ),
        ("The Homs Coordination Committee reported shelling in Idlib.", "Homs"),
        ("Reading Borough officials said Idlib was shelled.", "Reading"),
    ],
)
def test_roles_place_opening_a_longer_name_is_its_base(roles, text: str, name: str) -> None:
    assert roles(text)[name] == "organisation_base"


@pytest.mark.parametrize(
    "surface, right, reason",
    [
        ("Jordan", " Dyer, a witness, said", "person"),  # a given name and a surname
        ("Vladimir", " Putin said on Monday", "person"),  # before a public figure's surname
        ("Jordan", " Valley Authority said", "organisation"),
        ("Laurel County", " Adult Education said", "organisation"),
        # a road word followed by an organisation word names a body, not a street
        ("Laurel County", " Highway Patrol said", "organisation"),
        ("Laurel County", " Highway and Main Street", "street"),
    ],
)
def test_roles_capitalised_words_after_a_place(surface: str, right: str, reason: str) -> None:
    found = not_a_place(
        surface, "A statement from the ", right, before="A statement from the ", sentence_initial=False,
        title_like=False, prev_is_place=False, next_is_place=False,
    )  # fmt: skip
    assert found == reason


def test_roles_sentence_opening_preposition_is_not_a_given_name(roles) -> None:
    # "In" is in the census list of given names; "In Homs, ..." is still a place
    assert roles("In Homs, jets struck a market.")["Homs"] == "event"

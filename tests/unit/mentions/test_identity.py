"""Identity militias for every country (mentions/identity.py, ``[[identity_group]]`` in actors.toml):
the armed forms of a group's name find its militia, named after the event's country; its people alone
are no militia."""

from __future__ import annotations

import datetime as dt
import tomllib
from importlib import resources as package_files

import pytest

from frontlines.mentions.actors import ActorDictionary
from frontlines.mentions.identity import identity_actors
from frontlines.model import Inter
from helpers import run_article

DAY = dt.date(2024, 3, 2)


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


@pytest.fixture(scope="module")
def raw() -> dict:
    return tomllib.loads(package_files.files("frontlines").joinpath("data/actors.toml").read_text("utf-8"))


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("Hema militiamen attacked", "CD", "Hema Ethnic Militia (Democratic Republic of Congo)"),
        ("armed Lendu youths attacked", "CD", "Lendu Ethnic Militia (Democratic Republic of Congo)"),
        ("Marehan clansmen attacked", "SO", "Marehan Clan Militia (Somalia)"),
        ("a Habar Gedir clan militia attacked", "SO", "Habar Gidir Clan Militia (Somalia)"),
        ("Murad tribesmen attacked", "YE", "Murad Tribal Militia (Yemen)"),
        ("Murle cattle raiders attacked", "SS", "Murle Ethnic Militia (South Sudan)"),
        # a group of several countries takes the event's country (its template)
        ("Fulani gunmen attacked", "ML", "Fulani Ethnic Militia (Mali)"),
        ("Peul militiamen attacked", "BF", "Fulani Ethnic Militia (Burkina Faso)"),
        ("Tuareg militiamen attacked", "NE", "Tuareg Ethnic Militia (Niger)"),
        ("Arab militias attacked", "SD", "Arab Ethnic Militia (Sudan)"),
        # a hand-written actor of the same name keeps its own aliases and gains the generated ones
        ("Misseriya tribesmen attacked", "SD", "Misseriya Ethnic Militia (Sudan)"),
        ("Kuki-Zo militants attacked", "IN", "Kuki Ethnic Militia (India)"),
        ("Kuki gunmen attacked", "IN", "Kuki Ethnic Militia (India)"),
    ],
)
def test_identity_armed_forms_name_the_groups_militia(actors, text, country, expected) -> None:
    [mention] = actors.find(text)
    actor = actors.resolve(mention.ref, country, DAY)
    assert (actor.name, actor.inter) == (expected, Inter.IDENTITY_MILITIAS)


@pytest.mark.parametrize(
    "text",
    [
        "Dinka herders were killed",
        "Hema villagers fled",
        "the Fulani of Mopti",
        "Somali clans met in Baidoa",
        # a narrow group: only its militia forms ("an alliance of Kurdish and Arab fighters" is the SDF)
        "an alliance of Kurdish and Arab fighters",
        "Oromo fighters",
    ],
)
def test_identity_a_people_alone_is_no_militia(actors, text) -> None:
    names = [actors.resolve(m.ref, "SS", DAY).name for m in actors.find(text)]
    assert not any("Ethnic Militia" in n or "Clan Militia" in n for n in names), names


def test_identity_covers_eighty_groups_of_current_conflicts(actors, raw) -> None:
    groups = raw["identity_group"]
    assert len(groups) >= 80
    assert {c for g in groups for c in g["countries"]} >= {
        "SD", "SS", "CD", "ET", "NG", "CM", "CF", "ML", "BF", "NE", "TD", "KE", "SO", "GH", "IN", "MM", "PG",
        "YE", "LY", "SY", "IQ", "LB",
    }  # fmt: skip
    militias = {n for n in actors.names() if n.endswith(")") and " Militia (" in n}
    assert len(militias) >= len(groups)


def test_identity_aliases_are_armed_forms_never_the_bare_name(raw) -> None:
    generated = {e["name"]: e for e in identity_actors(raw)}
    for group in raw["identity_group"]:
        spellings = {s.lower() for s in group.get("spellings", [group["name"]])}
        full = next(n for n in generated if n.startswith(f"{group['name']} {group['kind']} Militia ("))
        aliases = {a.lower() for a in generated[full]["aliases"]}
        assert aliases and not aliases & spellings, full


def test_identity_an_alias_another_actor_has_is_an_error(raw) -> None:
    clash = {**raw, "identity_group": [{"name": "Zintan", "kind": "Communal", "countries": ["LY"]}]}
    with pytest.raises(ValueError, match="Zintan militia"):
        identity_actors(clash)


def test_identity_militia_is_the_events_actor(resources, settings) -> None:
    doc = run_article(
        "Hema militiamen attacked a village in Djugu territory on Saturday, killing seven civilians.",
        resources,
        settings,
        DAY,
    )
    assert [e.actor1 for e in doc.events] == ["Hema Ethnic Militia (Democratic Republic of Congo)"]
    doc = run_article(
        "Dinka herders were killed by gunmen near Bor on Saturday, officials said.", resources, settings, DAY
    )
    assert doc.events
    assert all("Ethnic Militia" not in f"{e.actor1} {e.actor2}" for e in doc.events)

"""Identity militias for every country, generated from the ``[[identity_group]]`` table of
``data/actors.toml``.

Codebook: an armed group that fights for an ethnic group, a clan, a tribe or a community, without a
name of its own, is an identity militia (inter 4) named after that identity and its country: "Hema
Ethnic Militia (Democratic Republic of Congo)", "Habar Gidir Clan Militia (Somalia)". Each group is
expanded into an ``[[actor]]`` entry whose aliases are the armed forms of its spellings only ("Hema
militiamen", "armed Dinka youths", "Marehan clansmen"): a bare ethnonym names a people, and its
members are civilians ("Dinka herders were killed"). A group of several countries takes the country
of the event through ``template``, as a hand-written ``[[actor]]`` does.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from frontlines.countries import country_name
from frontlines.model import ActorRef

#: The kinds of identity and, for each, the armed forms of a spelling ``{x}`` it adds to the common ones.
_KIND_FORMS: dict[str, tuple[str, ...]] = {
    "Ethnic": ("{x} ethnic militia", "{x} ethnic militias", "{x} ethnic militiamen"),
    "Communal": (
        "{x} communal militia", "{x} communal militias", "{x} community militia", "{x} community militias",
    ),
    "Clan": (
        "{x} clan militia", "{x} clan militias", "{x} clan militiamen", "{x} clan fighters",
        "{x} clan gunmen", "{x} clansmen", "armed {x} clansmen", "{x} sub-clan militia",
        "{x} subclan militia",
    ),
    "Tribal": (
        "{x} tribal militia", "{x} tribal militias", "{x} tribal fighters", "{x} tribal gunmen",
        "{x} tribesmen", "armed {x} tribesmen", "{x} tribe fighters", "{x} tribe militia",
    ),
}  # fmt: skip

#: Armed forms every kind has: a militia, its fighters, armed youths or herders, a self-defence group,
#: cattle raiders. Never the bare spelling, nor its people ("Dinka herders", "Hema villagers").
_COMMON_FORMS: tuple[str, ...] = (
    "{x} militia", "{x} militias", "{x} militiamen", "{x} militiaman", "{x} militia members",
    "{x} gunmen", "{x} fighters", "{x} armed men", "{x} armed youths", "{x} armed youth",
    "{x} armed groups", "{x} armed group", "armed {x} men", "armed {x} youths", "armed {x} youth",
    "armed {x} herders", "armed {x} herdsmen", "armed {x} groups", "{x} youth militia", "{x} youth militias",
    "{x} self-defence group", "{x} self-defense group", "{x} self-defence groups", "{x} self-defense groups",
    "{x} self-defence militia", "{x} self-defense militia", "{x} raiders", "{x} cattle raiders",
    "armed {x} cattle raiders", "{x} attackers", "{x} assailants",
)  # fmt: skip


def _forms(kind: str, spellings: Iterable[str], narrow: bool = False) -> Iterator[str]:
    """The armed forms of every spelling of one group of ``kind``; ``narrow``: only its militia forms
    (where its fighters, gunmen or attackers are mostly a named rebel group's or an alliance's: "an
    alliance of Kurdish and Arab fighters" is the SDF, "Oromo fighters" the OLA)."""
    if kind not in _KIND_FORMS:
        raise ValueError(f"actors.toml [[identity_group]]: kind {kind!r} is not one of {sorted(_KIND_FORMS)}")
    for spelling in spellings:
        for form in (*_COMMON_FORMS, *_KIND_FORMS[kind]):
            if not narrow or "militia" in form:
                yield form.format(x=spelling)


def _owners(data: dict[str, Any]) -> dict[str, str]:
    """Who each alias of the hand-written dictionary names, by its folded form."""
    owner: dict[str, str] = {}
    for entry in data.get("role", []):
        owner.update((a.lower(), f"role {entry['role']}") for a in entry["aliases"])
    for entry in data.get("role_alias", []):
        owner.update((a.lower(), f"role {entry['role']} of {entry['country']}") for a in entry["aliases"])
    for entry in data.get("actor", []):
        owner.update((a.lower(), entry["name"]) for a in entry["aliases"])
    return owner


def identity_actors(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The ``[[actor]]`` entries of ``data`` with its ``[[identity_group]]`` entries expanded into actors
    (or merged into the hand-written actor of the same name, whose fields stay). An alias another
    actor or a role already has is an error of the data, not silently dropped."""
    actors: dict[str, dict[str, Any]] = {e["name"]: e for e in data.get("actor", [])}
    owner = _owners(data)
    for group in data.get("identity_group", []):
        countries: list[str] = group["countries"]
        name, full = _militia_names(group)
        entry = dict(actors.get(full) or {"name": full, "inter": 4, "country": countries[0], "aliases": []})
        if len(countries) > 1:
            entry.setdefault("template", f"{name} ({{country}})")
        aliases = {a.lower(): a for a in entry["aliases"]}
        for alias in _forms(
            group["kind"], group.get("spellings", [group["name"]]), group.get("narrow", False)
        ):
            taken = owner.setdefault(alias.lower(), full)
            if taken != full:
                raise ValueError(f"actors.toml [[identity_group]] {full}: {alias!r} already names {taken}")
            aliases.setdefault(alias.lower(), alias)
        entry["aliases"] = list(aliases.values())
        actors[full] = entry
    return list(actors.values())


def _militia_names(group: dict[str, Any]) -> tuple[str, str]:
    """The militia of an ``[[identity_group]]``: its name without and with its home country."""
    name = f"{group['name']} {group['kind']} Militia"
    return name, f"{name} ({country_name(group['countries'][0])})"


def community_refs(data: dict[str, Any]) -> dict[str, ActorRef]:
    """Every spelling of every ``[[identity_group]]`` and the militia it names where the community is
    a party to a deal (``mentions.parties``, rule community-as-party); the first group to use a
    spelling keeps it."""
    refs: dict[str, ActorRef] = {}
    for group in data.get("identity_group", []):
        ref = ActorRef("actor", _militia_names(group)[1], group["countries"][0])
        for spelling in group.get("spellings", [group["name"]]):
            refs.setdefault(spelling, ref)
    return refs

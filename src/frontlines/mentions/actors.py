"""Actor mentions from the curated dictionary in ``data/actors.toml``.

A mention is found once (``ActorDictionary.find``) and resolved to a canonical ACLED actor for a
country and a day (``ActorDictionary.resolve``): "the army" in a Syrian story of 2013 is
``Military Forces of Syria (2000-2024)``; "Russian jets" anywhere are ``Military Forces of Russia
(2000-)``. A state's forces acting outside their country get inter 8 (ACLED: external forces).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import ahocorasick

from frontlines.config import default_data_dir
from frontlines.countries import country_name
from frontlines.mentions import agent_patterns as ap
from frontlines.mentions.identity import community_refs, identity_actors
from frontlines.mentions.nonsides import heads_of_named, named_within, names_no_side
from frontlines.mentions.parties import PARTY, PartyFinder
from frontlines.model import Actor, ActorMention, ActorRef, Inter
from frontlines.toml_cache import load_toml

#: Aliases this short that contain an uppercase letter are acronyms: matched case-sensitively.
_ACRONYM_MAX = 5


@dataclass(frozen=True, slots=True)
class _Period:
    name: str
    since: dt.date | None
    until: dt.date | None

    def covers(self, day: dt.date | None) -> bool:
        if day is None:
            return self.until is None
        return (self.since is None or day >= self.since) and (self.until is None or day < self.until)


@dataclass(frozen=True, slots=True)
class _Role:
    role: str
    inter: Inter
    template: str
    periods: dict[str, tuple[_Period, ...]]
    #: A force a host country names ("peacekeepers": the mission in the event's country); a demonym
    #: names the state that sent them, whose military they are where the country hosts no mission.
    hosted: bool = False


@dataclass(frozen=True, slots=True)
class _Named:
    name: str
    inter: Inter
    country: str
    template: str | None
    aggregate: bool = False
    #: The day the group was formed; before it its aliases name the generic role ``earlier``
    #: ("Turkish-backed rebels" of 2016 are not yet the Syrian National Army of December 2017).
    since: dt.date | None = None
    earlier: str | None = None
    #: The day the group became (part of) a state's forces; from it on its aliases name the role
    #: ``later`` of ``later_country`` (the Taliban of 15 August 2021 are the Military Forces of
    #: Afghanistan (2021-); the Donbas separatists of October 2022 are Russia's forces).
    until: dt.date | None = None
    later: str | None = None
    later_country: str | None = None
    #: The name ACLED gave the group before ``renamed`` ("Islamic State (Greater Sahara)").
    formerly: str | None = None
    renamed: dt.date | None = None
    #: Country code -> the named actor that is the group's branch there, where ACLED names the branch
    #: by its province rather than by ``template`` (the Islamic State in Nigeria is ISWAP).
    branches: dict[str, str] = field(default_factory=dict)
    #: A political party (``political = true``): see :attr:`frontlines.model.Actor.political`.
    political: bool = False


#: Case and line breaks folded without changing the text's length, so offsets hold: ASCII capitals to
#: lower case (every alias is ASCII) and a line break or tab to a space.
_FOLD = str.maketrans(string.ascii_uppercase + "\n\t", string.ascii_lowercase + "  ")
#: Line breaks and tabs to spaces, case kept: the text the acronyms are matched in.
_SPACE = str.maketrans("\n\t", "  ")


#: Inter codes of groups tied to one country's conflict: rebels, political and communal militias.
_LOCAL_INTERS = frozenset({Inter.REBEL_GROUPS, Inter.POLITICAL_MILITIAS, Inter.IDENTITY_MILITIAS})


#: How far before a state's name (characters) the head of "the army of X" is read.
_HEAD_OF_REACH = 40
#: A compound after a group's name that still names the group as the doer ("AQAP-claimed attack",
#: "STC-aligned forces"), unlike "pro-Russian" or "Hamas-run".
_DOER_COMPOUND = re.compile(r"-(?:claimed|led|linked|aligned|affiliated)\b", re.IGNORECASE)


def _end_edge(text: str, index: int, ref: ActorRef) -> bool:
    """True when a name may end at ``index``: a word edge, or a named group's doer compound (a role
    word's is no side: "junta-aligned militia", "a rebel-aligned association")."""
    if ap.word_edge(text, index):
        return True
    return ref.kind != "role" and _DOER_COMPOUND.match(text, index) is not None


def _automaton(keys: Iterable[tuple[str, ActorRef]]) -> ahocorasick.Automaton:
    """An Aho-Corasick automaton over ``keys`` (the text to find, what it names)."""
    automaton = ahocorasick.Automaton()
    for key, ref in keys:
        automaton.add_word(key, (len(key), ref))
    automaton.make_automaton()
    return automaton


def _whole_words(automaton: ahocorasick.Automaton, folded: str, text: str) -> Iterator[ActorMention]:
    """Every whole-word match of ``automaton`` in ``folded`` (``text`` folded without changing its
    length), overlapping ones included, with the words as ``text`` has them."""
    if not len(automaton):
        return
    for last, (length, ref) in automaton.iter(folded):
        start, end = last - length + 1, last + 1
        if ap.word_edge(text, start - 1) and _end_edge(text, end, ref):
            yield ActorMention(start, end, text[start:end], ref)


def _leftmost_longest(matches: Iterable[ActorMention]) -> list[ActorMention]:
    """The matches a scan from left to right keeps: at each start the longest, then on after its end
    (a shorter alias inside a longer one, "jets" in "regime jets", is not a mention of its own)."""
    kept: list[ActorMention] = []
    for match in sorted(matches, key=lambda a: (a.start, -(a.end - a.start))):
        if not kept or match.start >= kept[-1].end:
            kept.append(match)
    return kept


def _state_periods(template: str, code: str, starts: list[dt.date], name: str) -> list[_Period]:
    """A state role's names by period from the days each period began: the first period also covers
    every earlier day, each one ends when the next begins ("Military Forces of Sudan (1989-2019)",
    then "(2019-)"). Codebook: state forces are named by regime or head-of-state period."""
    if sorted(starts) != starts or len({d.year for d in starts}) != len(starts):
        raise ValueError(f"actors.toml [states] {code}: period starts must rise, one per year: {starts}")
    periods = []
    for i, since in enumerate(starts):
        until = starts[i + 1] if i + 1 < len(starts) else None
        # The last year is that of the period's last day: a term that ends on 1 January ends the year before.
        label = f"{since.year}-{(until - dt.timedelta(days=1)).year if until else ''}"
        periods.append(_Period(f"{template.format(country=name)} ({label})", since if i else None, until))
    return periods


def _roles(data: dict) -> dict[str, _Role]:
    """The generic roles of ``data``: a role with ``by_state = true`` gets a name per period of each
    state of ``[states]``; ``[[role.country]]`` entries set (or replace) one country's names."""
    state_names: dict[str, str] = data.get("state_names", {})
    roles: dict[str, _Role] = {}
    for entry in data.get("role", []):
        periods: dict[str, list[_Period]] = {}
        if entry.get("by_state", False):
            for code, starts in data.get("states", {}).items():
                name = state_names.get(code) or country_name(code)
                periods[code] = _state_periods(entry["template"], code, starts, name)
        explicit: dict[str, list[_Period]] = {}
        for c in entry.get("country", []):
            explicit.setdefault(c["code"], []).append(_Period(c["name"], c.get("since"), c.get("until")))
        periods.update(explicit)
        roles[entry["role"]] = _Role(
            entry["role"],
            Inter(entry["inter"]),
            entry["template"],
            {k: tuple(v) for k, v in periods.items()},
            entry.get("hosted", False),
        )
    return roles


@dataclass(frozen=True, slots=True)
class _Shared:
    """An acronym two actors share: ``actor`` (a named actor's name), unless the event's country has
    its own meaning in ``by_country`` (country code -> that country's role)."""

    actor: str
    by_country: dict[str, str]


@dataclass(frozen=True, slots=True)
class _RemoteAttacker:
    """Who fires the unnamed strikes of a war in one country (``[[remote_attacker]]``)."""

    country: str
    state: str
    period: _Period
    sub_event_types: frozenset[str]
    #: The war is fought in ``country``: an unplaced strike of ``state``'s forces is coded there.
    front: bool


class ActorDictionary:
    """The compiled actor dictionary. Load once per process with :meth:`load`."""

    def __init__(self, data: dict) -> None:
        self._roles: dict[str, _Role] = _roles(data)
        self._named: dict[str, _Named] = {}
        self._alias: dict[str, ActorRef] = {}
        exact: dict[str, ActorRef] = {}
        demonym_heads: dict[str, str] = {}
        for entry in data.get("role", []):
            for alias in entry["aliases"]:
                self._alias.setdefault(alias.lower(), ActorRef("role", entry["role"]))
            for head in entry.get("demonym_heads", []):
                demonym_heads.setdefault(head.lower(), entry["role"])
        for entry in data.get("role_alias", []):
            for alias in entry["aliases"]:
                exact[alias] = ActorRef("role", entry["role"], entry["country"])
        for entry in identity_actors(data):  # [[actor]] with [[identity_group]] expanded (identity.py)
            named = _Named(
                entry["name"],
                Inter(entry["inter"]),
                entry["country"],
                entry.get("template"),
                entry.get("aggregate", False),
                entry.get("since"),
                entry.get("earlier"),
                entry.get("until"),
                entry.get("later"),
                entry.get("later_country", entry["country"]),
                entry.get("formerly"),
                entry.get("renamed"),
                entry.get("branches", {}),
                entry.get("political", False),
            )
            self._named[named.name] = named
            for alias in entry["aliases"]:
                exact[alias] = ActorRef("actor", named.name, named.country)
        if unknown := {b for n in self._named.values() for b in n.branches.values()} - self._named.keys():
            raise ValueError(f"actors.toml: branches name no [[actor]]: {sorted(unknown)}")
        self._shared = {
            e["alias"]: _Shared(e["actor"], e.get("by_country", {})) for e in data.get("shared_acronym", [])
        }
        for alias in self._shared:
            exact[alias] = ActorRef("shared", alias)
        self._remote = [
            _RemoteAttacker(
                e["country"],
                e["state"],
                _Period("", e["since"], e.get("until")),
                frozenset(e["sub_event_types"]),
                e.get("front", False),
            )
            for e in data.get("remote_attacker", [])
        ]
        # One table of demonyms for places and actors (geo.wordlists), the dictionary's own on top.
        self._demonyms: dict[str, str] = {**ap.country_demonyms(), **data.get("demonyms", {})}
        #: Country names (and "US") as the doers of a military act (rule state-as-agent); with "'s"
        #: they are demonyms too ("Russia's forces").
        self._states: dict[str, str] = {**ap.country_names(), **data.get("formal_state_names", {})}
        for name, code in self._states.items():
            self._demonyms.setdefault(f"{name}'s", code)
            self._demonyms.setdefault(f"{name}’s", code)
        self._demonym_heads = demonym_heads
        for alias, ref in exact.items():
            self._alias[alias.lower()] = ref
        case_sensitive = [a for a in exact if len(a) <= _ACRONYM_MAX and any(ch.isupper() for ch in a)]
        self._case_sensitive = {a: exact[a] for a in case_sensitive}
        folded_acronyms = {c.lower() for c in case_sensitive}
        insensitive = [a for a in self._alias if a not in folded_acronyms]
        demonym = ap.by_first_char(self._demonyms)
        heads = ap.alternation(demonym_heads)
        # No look-behind before the demonyms: a pattern that opens with a literal alternation lets the
        # regex engine skip to where one can start (three times faster); _demonym_matches checks the edge.
        # "Russian Shahed drones", "Turkish Bayraktar TB2 drones", "a Russian Mi-24 attack helicopter":
        # up to three model names or words for a craft's role may stand between demonym and head.
        self._demonym_re = re.compile(
            rf"(?P<dem>{demonym})\s+(?:(?:[A-Z][\w-]*|{ap.CRAFT_ROLES})\s+){{0,3}}(?P<head>(?i:{heads}))(?![\w-])"
        )
        self._craft_re = re.compile(rf"(?P<dem>{demonym})\s+(?P<head>{ap.CRAFT_MODEL})(?![\w-])")
        states = ap.by_first_char(self._states)
        # Two patterns, each opening with a literal alternation the regex engine can skip to.
        self._state_agent_re = re.compile(rf"(?P<state>{states})\s+{ap.AGENT_FILLERS}(?:{ap.AGENT_VERBS})\b")
        peoples = ap.peoples()
        self._peoples = peoples
        self._people_agent_re = re.compile(
            rf"(?P<state>{ap.by_first_char(peoples)})\s+{ap.AGENT_FILLERS}(?P<verb>{ap.AGENT_VERBS}|looted)\b"
        )
        # "Russia and Ukraine each returned", "Druze elders ... reached a ceasefire" (parties.py)
        self._parties = PartyFinder(self._states, community_refs(data))
        # "troops of the Russian Federation", "the army of Sudan": a head whose state follows it.
        self._state_name_re = re.compile(rf"(?P<state>{states})(?![\w-])")
        self._head_of_re = re.compile(
            rf"(?<![\w-])(?:(?i:the)\s+)?(?P<head>(?i:{heads}))\s+of\s+(?:the\s+)?$"
        )
        self._state_by_re = re.compile(
            rf"(?:{ap.PASSIVE_VERBS}|{ap.ACT_NOUNS}),?\s+(?:(?:{ap.HEDGES})\s+)?by\s+(?:the\s+)?(?P<state>{states})(?![\w-])"
        )
        # Its end alone, which opens with a literal the regex engine skips to: a text without it
        # holds no match of the whole (most texts), which tries its verbs at every small letter.
        self._by_state_re = re.compile(rf"by\s+(?:the\s+)?(?:{states})(?![\w-])")
        # "Russian and Syrian air strikes": a demonym joined to the next one shares its head.
        self._joined_demonym_re = re.compile(rf"(?<![\w-])(?P<dem>{demonym})\s*(?:,\s*and|,|and|or)\s+$")
        # "warplanes believed to be Russian": a head whose state is named after it.
        self._believed_re = re.compile(
            rf"(?<![\w-])(?P<head>(?i:{heads}))\s+(?:(?:also|widely|likely|probably)\s+)?"
            rf"(?:(?:believed|thought|suspected|said|reported)\s+to\s+"
            rf"(?:be|have\s+been)|identified\s+as)\s+(?P<dem>{demonym})(?![\w-])"
        )
        # Hundreds of aliases: an Aho-Corasick automaton over their folded forms is ten times faster
        # than a regular expression alternating over them; one for the acronyms, matched as written.
        self._ci = _automaton((" ".join(a.split()).translate(_FOLD), self._alias[a]) for a in insensitive)
        self._cs = _automaton((" ".join(a.split()), self._case_sensitive[a]) for a in case_sensitive)

    @classmethod
    def load(cls, path: Path | None = None) -> ActorDictionary:
        """Read the dictionary from ``path`` or the embedded ``data/actors.toml`` (the latter through
        its parsed copy in the data directory: :mod:`frontlines.toml_cache`)."""
        if path is None:
            raw = resources.files("frontlines").joinpath("data/actors.toml").read_bytes()
            return cls(load_toml(raw, default_data_dir(), "actors"))
        import tomllib

        return cls(tomllib.loads(path.read_bytes().decode("utf-8")))

    def find(self, text: str) -> list[ActorMention]:
        """Every actor mention in ``text``, non-overlapping, longest first where two overlap."""
        # The dictionary's aliases first: on a tie of span the sort keeps them ("Libyan National Army"
        # is a named group, not "Libyan ... Army").
        found: list[ActorMention] = _leftmost_longest(_whole_words(self._cs, text.translate(_SPACE), text))
        found.extend(_leftmost_longest(_whole_words(self._ci, text.translate(_FOLD), text)))
        # The "believed to be" pattern is slow (every head at every word): run it only where its verb is.
        believed = self._believed_re.finditer(text) if ap.BELIEVED_CUE.search(text) else iter(())
        demonymed: list[ActorMention] = []
        for m in itertools.chain(self._demonym_matches(text), believed):
            country = self._demonyms[m["dem"]]
            role = self._demonym_heads[re.sub(r"\s+", " ", m["head"]).lower()]
            demonymed.append(ActorMention(m.start(), m.end(), m[0], ActorRef("role", role, country)))
            found.append(demonymed[-1])
            start = m.start()
            while m.re is self._demonym_re and (
                joined := self._joined_demonym_re.search(text, max(0, start - 40), start)
            ):
                # Rule: "Russian and Syrian government air strikes": each state named is a side.
                ref = ActorRef("role", role, self._demonyms[joined["dem"]])
                found.append(ActorMention(joined.start(), joined.end("dem"), joined["dem"], ref))
                start = joined.start()
        crafts = self._craft_re.finditer(text) if ap.MODEL_CUE.search(text) else iter(())
        for m in crafts:
            if ap.word_edge(text, m.start() - 1):
                ref = ActorRef("role", "military", self._demonyms[m["dem"]])
                found.append(ActorMention(m.start(), m.end(), m[0], ref))
        found.extend(list(self._parties.find(text, found)))  # before the agents: on a tie of span they win
        for m in self._state_agent_re.finditer(text):
            if not ap.word_edge(text, m.start() - 1) or ap.PLACE_BEFORE.search(
                text, max(0, m.start() - 12), m.start()
            ):
                continue  # "clashes in Syria killed five": a place, not a doer
            found.append(self._state_mention(m))
        by_state = self._state_by_re.finditer(text) if self._by_state_re.search(text) else iter(())
        for m in by_state:
            if ap.word_edge(text, m.start() - 1):
                found.append(self._state_mention(m))
        found.extend(self._people_agents(text))
        found.extend(self._heads_of_states(text))
        within = named_within(demonymed, found)  # "Chadian MINUSMA peacekeepers" name MINUSMA
        kept = _leftmost_longest(m for m in found if m not in within)
        heads = heads_of_named(text, kept)  # "RSF troops": the RSF's own fighters
        return [m for m in kept if m not in heads and not names_no_side(text, m)]

    def _heads_of_states(self, text: str) -> Iterator[ActorMention]:
        """Rule head-of-state-name: a role's head before "of" and a state ("the armed forces of the
        Russian Federation", "the army of Sudan") names that state's role."""
        for m in self._state_name_re.finditer(text):
            if not ap.word_edge(text, m.start() - 1):
                continue
            head = self._head_of_re.search(text, max(0, m.start() - _HEAD_OF_REACH), m.start())
            if head is not None:
                role = self._demonym_heads[re.sub(r"\s+", " ", head["head"]).lower()]
                ref = ActorRef("role", role, self._states[re.sub(r"\s+", " ", m["state"])])
                yield ActorMention(head.start(), m.end(), text[head.start() : m.end()], ref)

    def _people_agents(self, text: str) -> Iterator[ActorMention]:
        """Rule people-as-agent: a plural demonym before a military act's verb, as its state's forces."""
        for m in self._people_agent_re.finditer(text):
            if (
                not ap.word_edge(text, m.start() - 1)
                or ap.COUNT_BEFORE.search(text, max(0, m.start() - 12), m.start())
                or ap.PEOPLE_PASSIVE_AFTER.match(text, m.end())
            ):
                continue
            ref = ActorRef("role", "military", self._peoples[re.sub(r"\s+", " ", m["state"])])
            yield ActorMention(m.start("state"), m.end("state"), m["state"], ref)

    def _state_mention(self, m: re.Match[str]) -> ActorMention:
        """Rule state-as-agent: the state a match names, as its military."""
        ref = ActorRef("role", "military", self._states[re.sub(r"\s+", " ", m["state"])])
        return ActorMention(m.start("state"), m.end("state"), m["state"], ref)

    def _demonym_matches(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of the demonym pattern that begin a word ("pro-Russian forces" is not one)."""
        pos = 0
        while m := self._demonym_re.search(text, pos):
            if ap.word_edge(text, m.start() - 1):
                yield m
                pos = m.end()
            else:
                pos = m.start() + 1

    def resolve(self, ref: ActorRef, country: str | None, day: dt.date | None) -> Actor:
        """The canonical actor ``ref`` names for an event in ``country`` (ISO2) on ``day``.

        Codebook: state forces are named by country and period; a state's forces abroad are inter 8.
        A generic role with no country known falls back to the role's template with "Unknown".
        """
        if ref.kind == "shared":
            shared = self._shared[ref.key]
            own = shared.by_country.get(country or "")
            meant = ActorRef("role", own, country) if own else ActorRef("actor", shared.actor)
            return self.resolve(meant, country, day)
        if ref.kind == "role" and ref.key == PARTY:
            return self.resolve(ActorRef("role", "government", ref.country), country, day)
        if ref.kind == "actor":
            return self._named_actor(self._named[ref.key], country, day)
        role = self._roles[ref.key]
        if role.hosted:
            return self._hosted(role, ref, country, day)
        home = ref.country or country
        if home is None:
            return Actor(role.template.format(country="Unknown"), role.inter, None, generic=True)
        name = next((p.name for p in role.periods.get(home, ()) if p.covers(day)), None)
        if name is None:
            name = role.template.format(country=country_name(home))
        inter = role.inter
        if country and home != country and inter == Inter.STATE_FORCES:
            inter = Inter.EXTERNAL_FORCES
        return Actor(name, inter, home, generic=True)

    def _named_actor(self, named: _Named, country: str | None, day: dt.date | None) -> Actor:
        """A named group as ACLED names it for an event in ``country`` on ``day``: a generic role
        before it was formed or after it became a state's forces, its country's branch abroad
        (``template``) unless ACLED names that branch apart (``branches``, rule named-branch), the
        name it had before it was ``renamed``."""
        if named.since and named.earlier and day is not None and day < named.since:
            return self.resolve(ActorRef("role", named.earlier), country, day)
        if named.until and named.later and day is not None and day >= named.until:
            return self.resolve(ActorRef("role", named.later, named.later_country), country, day)
        if named.template and country and country != named.country:
            if country in named.branches:  # rule named-branch
                return self._named_actor(self._named[named.branches[country]], country, day)
            return Actor(
                named.template.format(country=country_name(country)), named.inter, country, named.aggregate
            )
        inter = named.inter
        if inter == Inter.STATE_FORCES and country and country != named.country:
            inter = Inter.EXTERNAL_FORCES
        before = named.renamed is not None and day is not None and day < named.renamed
        called = named.formerly if before and named.formerly else named.name
        return Actor(called, inter, named.country, named.aggregate, named.political)

    def _hosted(self, role: _Role, ref: ActorRef, country: str | None, day: dt.date | None) -> Actor:
        """Rule hosted-mission: "peacekeepers" in a country that hosts a mission on ``day`` are that
        mission, whoever sent them ("Chadian peacekeepers" in Mali are MINUSMA); elsewhere a demonym
        names the state whose military they are ("Russian peacekeepers" in Karabakh), else the role's
        template."""
        mission = next((p.name for p in role.periods.get(country or "", ()) if p.covers(day)), None)
        if mission is not None:
            return Actor(mission, role.inter, country)
        if ref.country:
            return self.resolve(ActorRef("role", "military", ref.country), country, day)
        return Actor(role.template, role.inter, None, generic=True)

    def remote_attacker(self, sub_event_type: str, country: str | None, day: dt.date | None) -> Actor | None:
        """The military forces that fire the unnamed ``sub_event_type`` strikes of ``country`` on
        ``day`` (rule unnamed-remote-attacker, ``[[remote_attacker]]``); None where no entry says."""
        if country is None or day is None:
            return None
        for entry in self._remote:
            if (
                entry.country == country
                and sub_event_type in entry.sub_event_types
                and entry.period.covers(day)
            ):
                return self.resolve(ActorRef("role", "military", entry.state), country, day)
        return None

    def war_country(self, state: str | None, sub_event_type: str | None, day: dt.date | None) -> str | None:
        """The country where ``state``'s forces fight a war with ``sub_event_type`` strikes on ``day``
        (a ``[[remote_attacker]]`` entry with ``front``): where such a strike of theirs most likely fell.
        ``sub_event_type`` None: any act of their military (a capture, a raid), on the war's front."""
        if state is None or day is None:
            return None
        return next(
            (
                e.country
                for e in self._remote
                if e.front
                and e.state == state
                and e.period.covers(day)
                and (sub_event_type is None or sub_event_type in e.sub_event_types)
            ),
            None,
        )

    def home_of(self, ref: ActorRef) -> str | None:
        """The one country a named non-state group fights in (ISO2), or None: for roles, states'
        forces, foreign forces and groups active in many countries (a ``template``)."""
        named = self._named.get(ref.key) if ref.kind == "actor" else None
        if named is None or named.template or named.inter not in _LOCAL_INTERS:
            return None
        return named.country

    def names(self) -> frozenset[str]:
        """Every canonical name the dictionary spells out: named actors and the per-country, per-period
        names of roles ("Military Forces of Sudan (2019-)"); not the names a template fills in."""
        periods = (p.name for role in self._roles.values() for ps in role.periods.values() for p in ps)
        return frozenset(itertools.chain(self._named, periods))

    def is_generic(self, ref: ActorRef) -> bool:
        """True for a generic role ("rebels") or an aggregate actor ("Islamist Rebels"): a named group
        of the same kind in the same sentence is who such a reference means."""
        return ref.kind == "role" or (ref.kind == "actor" and self._named[ref.key].aggregate)

    def role_actor(self, role: str, country: str | None, day: dt.date | None) -> Actor:
        """The canonical actor of a generic role ("civilians", "protesters") for a country and day."""
        return self.resolve(ActorRef("role", role), country, day)

"""The parties of a deal, an exchange or a fight named as such: states, and communities by their elders.

Codebook: an agreement's actors are its parties. A state that signs a ceasefire or swaps prisoners is its
government; a community, clan or tribe whose elders or leaders sign a peace accord is its identity militia
("Habar Gidir Clan Militia (Somalia)"), the armed side that the accord binds. Such mentions are
``party`` mentions (:class:`ActorMention`): sides of an agreement only (``events.roles``), since "a
day after Russia and the US agreed a truce" or "Fulani leaders condemned the attack" names no side of
the act the sentence reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from frontlines.mentions import agent_patterns as ap
from frontlines.model import ActorMention, ActorRef

#: The role of a state named as a party to a deal (rule state-as-party): its government, in an
#: agreement only (``events.roles``).
PARTY = "party"

#: "and" between two parties ("Israel and Hamas", "Israel and the TPLF").
_AND_AFTER = re.compile(r"\s+and\s+(?:the\s+)?")
_AND_BEFORE = re.compile(r"\s+and\s+(?:the\s+)?$")
#: The people who speak for a community at a deal: its elders, leaders, chiefs ...
_SPOKESMEN = r"elders|leaders|representatives|chiefs|notables|delegates|delegations|dignitaries"
#: A community named as a whole: its clans, tribes, communities.
_WHOLE = r"clans|tribes|communities|sub-clans|subclans"
#: How far before a community's name (characters) its spokesmen are read ("clan elders of the rival").
_SPOKESMEN_REACH = 50


class PartyFinder:
    """Rules state-as-party, state-with-group-party and community-as-party over one dictionary's states
    (``states``: name -> ISO2) and identity groups (``communities``: spelling -> militia ref)."""

    def __init__(self, states: dict[str, str], communities: dict[str, ActorRef]) -> None:
        self._states, self._communities = states, communities
        names = ap.by_first_char(states)
        self._pair_re = re.compile(rf"(?P<a>{names})\s+and\s+(?:the\s+)?(?P<b>{names})(?![\w-])")
        self._state_re = re.compile(rf"(?P<state>{names})(?![\w-])")
        spellings = ap.by_first_char(communities)
        kind = r"(?:(?:clan|tribal|tribe|community|communal|ethnic)\s+)?"
        # one community or two ("the Habar Gidir and Marehan"): the pattern opens with the spellings,
        # a literal alternation the regex engine skips to; the words around them are read after
        self._community_re = re.compile(
            rf"(?P<a>{spellings})(?:\s*(?:,|and)\s+(?:the\s+)?(?P<b>{spellings}))?(?![\w-])"
        )
        # "elders of the Habar Gidir and Marehan clans", "leaders from the Fulani and Berom communities"
        self._spokesmen_of = re.compile(
            rf"(?i:{kind}(?:{_SPOKESMEN})\s+(?:of|from)\s+(?:the\s+)?(?:rival\s+)?)$"
        )
        # "Druze elders", "Habar Gidir and Marehan clan leaders", "warring Tuareg clans"
        self._spokesmen_after = re.compile(rf"\s+(?i:{kind}(?:{_SPOKESMEN}|{_WHOLE}))(?![\w-])")

    def find(self, text: str, named: Sequence[ActorMention]) -> Iterator[ActorMention]:
        """The party mentions of ``text``, whose named-group mentions are ``named``."""
        if not ap.PARTY_CUE.search(text):
            return
        yield from self._state_pairs(text)
        yield from self._states_with_groups(text, named)
        if self._communities:
            yield from self._community_parties(text)

    def _sides(self, text: str, start: int, end: int) -> str:
        """The words that make the pair at ``start:end`` parties: what they do or what is between them."""
        cues = (ap.PARTY_AFTER.match(text, end), ap.PARTY_BEFORE.search(text, max(0, start - 90), start))
        return " ".join(c[0] for c in cues if c is not None)

    def _state_mention(self, match: re.Match[str], group: str, words: str) -> ActorMention:
        # fighting names the states' forces; a deal its parties, sides of an agreement alone
        fight = ap.FIGHT_CUE.search(words) is not None
        state = self._states[re.sub(r"\s+", " ", match[group])]
        ref = ActorRef("role", "military" if fight else PARTY, state)
        return ActorMention(match.start(group), match.end(group), match[group], ref, party=not fight)

    def _state_pairs(self, text: str) -> Iterator[ActorMention]:
        """Rule state-as-party (:data:`agent_patterns.PARTY_CUE`): two states named as the parties of a
        fight are each its forces; of a deal or an exchange, each its government ("Russia and Ukraine
        each returned 390 prisoners", "a truce between Armenia and Azerbaijan")."""
        for m in self._pair_re.finditer(text):
            words = self._sides(text, m.start(), m.end()) if ap.word_edge(text, m.start() - 1) else ""
            if words:
                yield self._state_mention(m, "a", words)
                yield self._state_mention(m, "b", words)

    def _states_with_groups(self, text: str, named: Sequence[ActorMention]) -> Iterator[ActorMention]:
        """Rule state-with-group-party: a state paired with a named group as the parties of a deal or a
        fight ("a ceasefire between Israel and Hezbollah", "a pause agreed by Israel and Hamas") is
        one, as a pair of states is."""
        starts = {m.start: m for m in named if m.ref.kind != "role"}
        ends = {m.end: m for m in named if m.ref.kind != "role"}
        if not starts:
            return
        for m in self._state_re.finditer(text):
            if not ap.word_edge(text, m.start() - 1):
                continue
            after = _AND_AFTER.match(text, m.end())
            before = _AND_BEFORE.search(text, max(0, m.start() - 12), m.start())
            group = starts.get(after.end()) if after else None
            if group is None and before is not None:
                group = ends.get(before.start())
            if group is None:
                continue
            words = self._sides(text, min(m.start(), group.start), max(m.end(), group.end))
            if words:
                yield self._state_mention(m, "state", words)

    def _community_parties(self, text: str) -> Iterator[ActorMention]:
        """Rule community-as-party: a community named by those who speak for it, or as a whole, in a
        text about a deal ("elders of the Habar Gidir and Marehan clans signed an agreement",
        "Druze elders and the interior ministry reached a ceasefire") is its identity militia, a
        party of the agreement only."""
        for m in self._community_re.finditer(text):
            if not ap.word_edge(text, m.start() - 1):
                continue
            before = self._spokesmen_of.search(text, max(0, m.start() - _SPOKESMEN_REACH), m.start())
            if before is None and self._spokesmen_after.match(text, m.end()) is None:
                continue
            for group in ("a", "b"):
                if m[group] is not None:
                    ref = self._communities[re.sub(r"\s+", " ", m[group])]
                    yield ActorMention(m.start(group), m.end(group), m[group], ref, party=True)

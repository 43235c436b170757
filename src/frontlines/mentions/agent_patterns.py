"""The word tables and patterns of the actor rules that read a state from its name or people
(state-as-agent, people-as-agent, craft-model, believed-to-be): :class:`frontlines.mentions.actors.
ActorDictionary` compiles them with its own demonyms and heads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from frontlines.countries import country_code
from frontlines.geo.wordlists import DEMONYM_PLACES


def country_demonyms() -> dict[str, str]:
    """Demonyms of countries ("Cambodian" -> KH) from the gazetteer's word list, singular forms only
    (a plural is a people, not a state's forces)."""
    out = {}
    for word, place in DEMONYM_PLACES.items():
        code = country_code(place)
        if code is not None and not (word.endswith("s") and word[:-1] in DEMONYM_PLACES):
            out[word] = code
    return out


def country_names() -> dict[str, str]:
    """Country names ("Russia" -> RU) from the demonym table's places, and "US" / "U.S."."""
    out = {"US": "US", "U.S.": "US"}
    for place in DEMONYM_PLACES.values():
        code = country_code(place)
        if code is not None and place[:1].isupper():
            out[place] = code
    return out


def peoples() -> dict[str, str]:
    """Plural demonyms ("Russians" -> RU): a people, the doers of a military act only by rule
    people-as-agent ("after the Russians shelled the city")."""
    out = {}
    for word, place in DEMONYM_PLACES.items():
        code = country_code(place)
        if code is not None and word.endswith("s") and word[:-1] in DEMONYM_PLACES:
            out[word] = code
    return out


#: Words for what a craft or weapon is for, which may stand before its head ("attack helicopter").
CRAFT_ROLES = (
    "attack|combat|fighter|reconnaissance|surveillance|transport|cargo|strike|kamikaze|military|ballistic"
    "|cruise|guided|hypersonic|anti-ship|surface-to-surface|explosive|suicide|unmanned|heavy"
)


#: Rule state-as-agent: a country's name as the doer of a military act names its military forces:
#: "Russia launched Kalibr missiles", "Ukraine retook the village", "was retaken by Ukraine".
AGENT_VERBS = (
    r"launched|fired|struck|shelled|bombed|bombarded|attacked|retook|recaptured|captured|seized|sank|sunk"
    r"|shot\s+down|downed|deployed|hit|targeted|intercepted|destroyed|liberated|invaded|pounded|conducted"
    r"|carried\s+out|raided|ambushed|killed|advanced|redeployed|sent\s+(?:troops|reinforcements)"
    r"|withdrew|pulled\s+out|completed\s+(?:its|their)\s+withdrawal|took\s+(?:full\s+)?control|repelled"
    r"|(?:was|were|is|are)\s+redeploying"
)
PASSIVE_VERBS = (
    r"retaken|recaptured|captured|taken|seized|liberated|launched|fired|carried\s+out|shot\s+down|downed"
    r"|destroyed|hit|struck|intercepted|deployed|conducted|bombed|shelled|attacked|invaded|occupied|killed"
)
#: "came under bombardment, reportedly by Azerbaijan", "strikes by Israel": an act's noun before its doer.
ACT_NOUNS = r"bombardment|shelling|strikes?|airstrikes?|attacks?|fire|offensive|assault"
HEDGES = r"reportedly|allegedly|apparently|probably|likely|presumably"
#: Rule people-as-agent: a plural demonym as the doer of a military act names that state's forces
#: ("after Russians shelled the city", "the Israelis struck"), unless a count stands before it ("five
#: Syrians killed") or the verb is a headline's passive ("Syrians killed in an air strike").
PEOPLE_PASSIVE_AFTER = re.compile(r"\s+(?:in|by|as|when|while|during|after|at|near|on)\b")
COUNT_BEFORE = re.compile(
    r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|several|many"
    r"|some|of|more))\s+$",
    re.IGNORECASE,
)
#: A preposition before a country's name makes it a place ("in Syria killed").
PLACE_BEFORE = re.compile(
    r"\b(?:in|of|from|to|into|across|near|within|throughout|inside|at|over|on)\s+$", re.IGNORECASE
)
#: Words that may stand between the state and its verb ("Russia reportedly launched").
AGENT_FILLERS = (
    r"(?:(?:has|had|have|reportedly|also|then|again|later|allegedly|apparently|now|forces)\s+){0,2}"
    # "France said it killed seven insurgents": a state that says it did an act is its doer
    r"(?:(?:said|says|announced|claimed|reported|stated)\s+(?:that\s+)?it\s+(?:had\s+|has\s+)?)?"
)
#: Rule craft-model: a demonym before a craft's model ("two Russian Sukhoi Su-25s", "a Ukrainian
#: Mi-8") names that state's military: the model, with a digit, is the head.
CRAFT_MODEL = r"(?:[A-Z][\w-]*\s+){0,2}[A-Z][A-Za-z]*-?\d[\w-]*"
#: A craft's model ("Su-25", "TB2"): a cheap test that a text can hold a craft-model mention.
MODEL_CUE = re.compile(r"\b[A-Z][A-Za-z]*-?\d")
#: The verbs of ``_believed_re``: a cheap test that a text can hold such a mention at all.
BELIEVED_CUE = re.compile(r"(?:believed|thought|suspected|said|reported)\s+to\s+(?:be|have)|identified\s+as")


#: Rule state-as-party: two states named as the parties of a deal, an exchange or a fight are each a
#: side ("Russia and Ukraine each returned 390 prisoners", "a ceasefire between Armenia and Azerbaijan",
#: "agreed to by both Armenia and Azerbaijan"): their governments in an agreement, else their forces.
#: A cheap test that a text can hold such a pair, or a community as a party (``mentions.parties``), at all.
PARTY_CUE = re.compile(
    r"\b(?:sign|agree|exchang|swap|return|releas|cease|truce|deal|talks|accord|negotiat|clash|fight|peace|pact)",
    re.IGNORECASE,
)
#: What the pair does ("signed", "each returned", "have agreed").
PARTY_AFTER = re.compile(
    r"\s+(?:(?:each|both|have|had|also|finally|jointly|reportedly|on\s+\w+day)\s+){0,2}"
    r"(?:signed|agreed|exchanged|swapped|returned|released|handed\s+over|reached|accepted|concluded"
    r"|carried\s+out|held|began|resumed|clashed|traded)\b"
)
#: What stands before the pair: a deal or a fight "between" them, a deal "agreed to by (both)" them.
PARTY_BEFORE = re.compile(
    r"(?:\b(?:exchanges?|swaps?|ceasefire|cease-fire|truce|agreements?|deals?|talks|negotiations|accords?"
    r"|treaty|clashes|fighting)\b[^.;:]{0,60}\bbetween|\b(?:agreed(?:\s+to|\s+upon)?|signed|accepted"
    r"|ratified)\s+by(?:\s+both)?)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: A fight's words among those cues: the pair are then the states' forces.
FIGHT_CUE = re.compile(r"clash|fight|traded", re.IGNORECASE)


def word_edge(text: str, index: int) -> bool:
    """True when ``index`` is outside ``text`` or on a character that cannot continue a word."""
    if index < 0 or index >= len(text):
        return True
    ch = text[index]
    return not (ch.isalnum() or ch in "_-")


def _escaped(phrase: str) -> str:
    """A phrase as a pattern: its characters literal, a space any run of whitespace."""
    return re.escape(phrase).replace(r"\ ", r"\s+")


def _ordered(phrases: Iterable[str]) -> list[str]:
    return sorted(set(phrases), key=lambda p: (-len(p), p))  # longest first, ties alphabetical


def alternation(phrases: Iterable[str]) -> str:
    """The phrases as one alternation, longest first (spaces: any run of whitespace)."""
    return "|".join(_escaped(p) for p in _ordered(phrases))


def by_first_char(phrases: Iterable[str]) -> str:
    """:func:`alternation` for a case-sensitive pattern, grouped by first character
    ("R(?:ussia's|ussian)|S(?:yrian)"): where the text has an "R" the regex engine tries the phrases
    that start with one, not all of the hundreds of demonyms or states (``ActorDictionary.find`` a
    quarter faster on FA-KES). It finds the same matches: a phrase that starts otherwise cannot
    match there, and those that can are tried in the same order."""
    ordered = _ordered(phrases)
    if any(p[:1].isspace() or not p for p in ordered):
        return alternation(ordered)
    groups: dict[str, list[str]] = {}
    for phrase in ordered:
        groups.setdefault(phrase[0], []).append(_escaped(phrase[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in sorted(groups.items()))

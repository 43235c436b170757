"""Actor words that name no side of their own (``ActorDictionary.find`` drops them).

- Rule disguise: a role played, not held. "A gunman posing as a police officer", "a bomber dressed as
  a soldier": the police or the army is what the attacker looked like, and the attacker is
  unidentified unless the text names him. Not "men in army uniform": coders take those for the army
  unless the text says they were not.
- Rule named-within-demonym: a demonym and a head around a named group ("Russian Africa Corps
  troops", "Turkish Sadat mercenaries") name that group, not the state's forces at large.
- Rule named-group-head: a role's word right after a named group's name ("RSF troops", "Wazalendo
  militiamen", "Hamas gunmen") is the group's own fighters, not a second side ("RSF troops shelled El
  Fasher" names no Sudanese army); not after "anti-" ("anti-Houthi forces" are not the Houthis).
- Rule civil-body: a role word that names a civil body or place ("the regional military
  administration", "a military court", "the military hospital") names no side: an administration
  reports a toll, a court sentences, a hospital is hit.
- Rule no-longer-serving: a role its bearer has left or a side mourned ("a former soldier", "retired
  police officers", "ex-rebels", "the wake of a fallen soldier") names no side in the event: former
  fighters are civilians to the codebook.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from frontlines.model import ActorMention

#: Words before a mention that make it a disguise ("posing as", "dressed as a", "impersonating").
_DISGUISE_BEFORE = re.compile(
    r"\b(?:(?:posing|posed|poses|disguised|dressed|masquerading)\s+as|impersonating|pretending\s+to\s+be)"
    r"\s+(?:(?:an?|the|fake)\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
#: How far before a mention (characters) its disguise's verb is read.
_DISGUISE_REACH = 40


def disguised(text: str, mention: ActorMention) -> bool:
    """Rule disguise: ``mention`` is a role the doer played, not one the doer held."""
    return _DISGUISE_BEFORE.search(text, max(0, mention.start - _DISGUISE_REACH), mention.start) is not None


#: Words before a role that say its bearer no longer holds it ("a former", "retired", "ex-", "fallen").
_NO_LONGER_BEFORE = re.compile(
    r"(?:\b(?:former|retired|demobili[sz]ed|fallen|late)\s+(?:[A-Z][\w-]*\s+)?|\bex-)$", re.IGNORECASE
)
#: How far before a mention (characters) the words of rule no-longer-serving are read.
_NO_LONGER_REACH = 30


def no_longer_serving(text: str, mention: ActorMention) -> bool:
    """Rule no-longer-serving: ``mention`` is a role its bearer has left, or one of the dead mourned."""
    if mention.ref.kind != "role":
        return False
    return _NO_LONGER_BEFORE.search(text, max(0, mention.start - _NO_LONGER_REACH), mention.start) is not None


#: The civil bodies and places a role word may name (rule civil-body).
_CIVIL_BODY_AFTER = re.compile(
    r"[ \t]+(?:administrations?|courts?|tribunals?|prosecutors?|governors?|hospitals?|academy|academies|"
    r"cemetery|cemeteries|museums?)\b",
    re.IGNORECASE,
)


def civil_body(text: str, mention: ActorMention) -> bool:
    """Rule civil-body: ``mention`` is a role word naming a civil body or place, not a side."""
    return mention.ref.kind == "role" and _CIVIL_BODY_AFTER.match(text, mention.end) is not None


def names_no_side(text: str, mention: ActorMention) -> bool:
    """Rules disguise, no-longer-serving and civil-body: ``mention`` names no side of its own."""
    return disguised(text, mention) or no_longer_serving(text, mention) or civil_body(text, mention)


def named_within(demonymed: Sequence[ActorMention], found: Sequence[ActorMention]) -> set[ActorMention]:
    """Rule named-within-demonym: the demonym mentions (``demonymed``) that hold a named group's
    mention of ``found`` inside them, words to spare, and the role words inside those ("fighters" in
    "Russian Wagner Group fighters"): the named group is the one side they name."""
    named = [m for m in found if m.ref.kind != "role"]
    spans = [
        d
        for d in demonymed
        if any(d.start <= n.start and n.end <= d.end and (n.start, n.end) != (d.start, d.end) for n in named)
    ]
    return {
        m for m in found if m.ref.kind == "role" and any(d.start <= m.start and m.end <= d.end for d in spans)
    }


#: Only spaces between a named group's name and the head that follows it.
_SPACES_BEFORE = re.compile(r"[ \t]+$")
#: A named group named as what its fighters oppose ("anti-Houthi forces").
_AGAINST_BEFORE = re.compile(r"\banti-$", re.IGNORECASE)


def heads_of_named(text: str, found: Sequence[ActorMention]) -> set[ActorMention]:
    """Rule named-group-head: the role mentions of ``found`` that head a named group's name."""
    ends = {
        m.end
        for m in found
        if m.ref.kind != "role" and not _AGAINST_BEFORE.search(text, max(0, m.start - 5), m.start)
    }
    heads = set()
    for m in found:
        if m.ref.kind == "role" and m.ref.country is None:
            gap = _SPACES_BEFORE.search(text, max(0, m.start - 8), m.start)
            if gap is not None and gap.start() in ends:
                heads.add(m)
    return heads

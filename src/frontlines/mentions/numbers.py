"""Casualty counts: how many were killed or wounded, as reported (ACLED "Fatalities").

:func:`find_casualties` finds count phrases ("at least 70", "twelve", "two dozen", "dozens") and
casualty cues ("killed", "dead", "death toll", "wounded") sentence by sentence and links them:

1. a cue verb right before a count: "killing at least 70", "a car bomb killed 12 people and wounded
   30", "shot dead at least 2"; not when a cue of its own follows the count ("6 citizens killed 22
   injured": 22 injured);
2. a toll and the first count after it: "the death toll rose to 112", "putting the toll at 70";
3. a count before its cue, across up to :data:`MAX_GAP_WORDS` words of noun phrase and auxiliaries:
   "4 students were killed", "50 military personnel are believed to have died", "N bodies",
   "N people lost their lives", "left 11 people dead". A count after "including"/"among them" is
   a part of another count and is skipped ("53 civilians including 21 children died": 53);
   "Seventeen children and six women were among those killed" adds up to 23;
4. a verb's object of several groups adds up: "killed 30 soldiers and 29 insurgents" 59, "17
   militants and a child" 18 (a comma list counts only when "and" closes it and it does not name
   the people just counted: "3 people, 2 soldiers and a child" 3);
5. a second source's bare figure after a linked one is a mention of the same kind, marked
   ``alternative``: "SOHR counted 7 dead and SANA 4" gives 7 and 4 (the coder picks the lowest of
   conflicting figures).

One person named by role ("killing a woman", "a 5-year-old child", "the imam", "his wife") counts 1,
right after a pre-cue or right before a post-cue across auxiliaries only ("a child was killed"); an
age is never a count of its own ("the 12-year-old was killed": no count). "claimed 8" counts only
when people follow or the clause ends ("claimed 3 attacks" is no toll). So does one person named by
name after a title ("killing US journalist Brent Renaud") or with a common given name first ("killed
Mohamed Hilal Zatima"), and "him"/"her" ("killing him instantly").

Rules chosen where the codebook is silent (count phrases: :mod:`frontlines.mentions.counts`;
running totals: :mod:`frontlines.mentions.cumulative`):

- "casualties", "killed or wounded", "killed and injured dozens" mix the dead and the hurt: the
  count is consumed but no mention is emitted (ACLED: "casualties" alone -> 0 fatalities).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from frontlines.geo.persons import is_given_name
from frontlines.mentions.counts import (
    COUNT,
    PEOPLE,
    SUBSET,
    Count,
    find_counts,
    first_letter_alternation,
)
from frontlines.mentions.cumulative import is_cumulative
from frontlines.model import CasualtyKind, CasualtyMention

#: A post-cue links to a count at most this many words before it ("50 military personnel are
#: believed to have died": six words between).
MAX_GAP_WORDS = 9
#: A toll links to the first count at most this many characters after it.
MAX_TOLL_GAP = 100

#: Casualty cues; the group says the kind and whether a count comes before (post), after (pre) or both.
CUE = re.compile(
    r"\b(?:(?P<mixed>casualties|(?:killed|dead)\s+(?:or|and)\s+(?:wounded|injured)"
    r"|(?:wounded|injured)\s+(?:or|and)\s+(?:killed|dead))"
    r"|(?P<toll_killed>(?:death\s+)?toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|victims|fatalities|martyrs"
    r"|(?:people|those)\s+killed))"
    r"|(?P<toll_wounded>number\s+of\s+(?:the\s+)?(?:wounded|injured|injuries))"
    r"|(?P<both_killed>killed|executed|beheaded|massacred|martyred|slaughtered|murdered|assassinated|crucified"
    r"|shot\s+dead|gunned\s+down|lynched|(?:stoned|beaten|hacked|stabbed|clubbed|tortured|burned|burnt)\s+to\s+death"
    r"|(?:burned|burnt)\s+(?:(?:him|her|them)\s+)?alive)"
    r"|(?P<pre_killed>kills?|killing|execut(?:e|es|ing)|execution\s+of|behead(?:s|ing)|massacring|slaughtering"
    r"|assassinat(?:e|es|ing)|crucif(?:y|ies|ying)"
    r"|claim(?:ed|ing|s)?\s+the\s+lives\s+of|(?:took|taking|takes|take)\s+the\s+lives\s+of|bodies\s+of"
    r"|(?:cut|cutting|slit|slitting)\s+the\s+throats?\s+of)"
    r"|(?P<claim_killed>claim(?:ed|ing|s)?)"
    r"|(?P<post_killed>dead|died|dies|die|deaths|bodies|corpses|martyrs|slain|perished|fatalities"
    r"|lost\s+their\s+lives|lost\s+(?:his|her)\s+life)"
    r"|(?P<both_wounded>wounded|injured|hurt|wounds)"
    r"|(?P<pre_wounded>wounding|injuring|injures|wound)"
    r"|(?P<post_wounded>injuries))\b",
    re.IGNORECASE,
)


#: Every cue starts with one of these stems; CUE is tried only where one starts (5x faster on 1 MB).
CUE_STEMS = re.compile(
    first_letter_alternation(
        [
            "kill",
            "assassinat",
            "crucif",
            "dea",
            "die",
            "toll",
            "took",
            "tak",
            "wound",
            "injur",
            "hurt",
            "casualt",
            "claim",
            "corpse",
            "execut",
            "behead",
            "bodies",
            "massac",
            "martyr",
            "murder",
            "slaughter",
            "slain",
            "perish",
            "fatalit",
            "lost",
            "number",
            r"shot\s+dead",
            r"gunned\s+down",
            "lynched",
            "stoned",
            "beaten",
            "hacked",
            "stabbed",
            "clubbed",
            "tortured",
            "burn",
            r"cut(?:ting)?\s+the\s+throat",
            r"slit(?:ting)?\s+the\s+throat",
        ]
    )
)


#: Words that end the noun phrase between a count and its cue.
_GAP_BLOCK = re.compile(
    r"[;:()\"“”\[\]]|\b(?:after|before|when|while|because|but|if|than|whereas|although|though|since|until"
    r"|as|then|the)\s*$|\b(?:after|before|when|while|because|but|if|than|whereas|although|though|since"
    r"|until|as|then)\b",
    re.IGNORECASE,
)
_COORDINATION = re.compile(r"\s+[A-Za-z][\w\s-]{0,40}?\s+and\s+$")
#: Nouns for one person: "killing a woman", "the imam was killed", "executed a man and his wife".
_ONE_PERSON = (
    "man|woman|child|boy|girl|baby|infant|toddler|teenager|teen|youth|person|civilian|resident|soldier"
    "|officer|policeman|policewoman|fighter|militant|rebel|jihadist|militiaman|gunman|commander|leader"
    "|emir|imam|cleric|sheikh|priest|bishop|journalist|reporter|photographer|cameraman|doctor|nurse|medic"
    "|paramedic|teacher|student|farmer|shepherd|worker|driver|guard|member|protester|demonstrator"
    "|activist|official|judge|mayor|governor|head|chief|wife|husband|son|daughter|mother|father|brother"
    "|sister|pilot|colonel|general|captain|lieutenant|sergeant|volunteer|pilgrim|worshipper|passenger"
    "|elder|bomber|attacker|defector|detainee|prisoner|hostage|employee|engineer|lawyer|politician"
    "|thief|robber|suspect|councillor|councilor|bodyguard|principal|vice-principal|trader|vendor|herder"
    "|herdsman|fisherman|miner|villager|informant|preacher|pastor|monk|nun|headman|businessman"
    "|shopkeeper|customer|host|presenter|candidate|chairman|chairwoman|spokesman"
)
_NOT_MODIFIER = (
    r"(?:and|or|of|in|on|at|to|for|with|by|from|who|whom|which|that|was|were|is|are|had|has|have|been"
    r"|a|an|the|his|her|their|its|this|these|those)\b"
)
#: One named-by-role victim: a determiner, up to three modifiers ("a 5-year-old", "a local Nusra"), a
#: noun of :data:`_ONE_PERSON`. It counts 1; an age is a modifier, never a count of its own.
VICTIM = re.compile(
    rf"\b(?:an?|the|his|her|their)\s+(?:(?!{_NOT_MODIFIER})(?:\d{{1,3}}-(?:year|month|week|day)-old"
    rf"|[A-Za-z][\w'’-]*)\s+){{0,3}}?(?:{_ONE_PERSON})(?![\w-])",
    re.IGNORECASE,
)
#: One victim named by name: a title ("journalist", "deputy head") and a name of two to four capitalised
#: words ("killing American journalist Brent Renaud", "the deputy head Vitaly Gura was shot dead"), or
#: a name whose first word is a common given name ("killed Mohamed Hilal Zatima"); or "him"/"her".
NAMED_VICTIM = re.compile(
    rf"\b(?:(?P<title>(?:(?!(?:dead|killed|killing|shot|executed|assassinated)\b)[A-Za-z][\w'’-]*\s+){{0,2}}?"
    rf"(?:{_ONE_PERSON}))\s+)?"
    r"(?P<name>[A-Z][a-z'’-]+(?:\s+(?:al-|el-|bin\s+|ibn\s+|de\s+|van\s+)?[A-Z][a-z'’-]+){1,3})(?![\w-])"
    r"|\b(?:him|her)\b(?![\w-])"
)
#: What every :data:`NAMED_VICTIM` match holds: the first two capitalised words of its name, or
#: "him"/"her". A window without them has no match: this quick search spares it the costly pattern.
_NAMED_VICTIM_CUE = re.compile(
    r"[A-Z][a-z'’-]+\s+(?:al-|el-|bin\s+|ibn\s+|de\s+|van\s+)?[A-Z]|\bh(?:im|er)\b"
)
#: How far around a cue a victim phrase is looked for.
VICTIM_REACH = 120
#: What may stand between a victim and its post-cue: where the victim was ("a woman in the town of
#: Hadar, Quneitra,"), then auxiliaries only ("a child was reportedly killed").
_VICTIM_GAP = re.compile(
    r"(?:\s+(?:in|at|near|from)(?:\s+(?!(?:and|or|who|which|that)\b)[\w'’-]+){1,5}"
    r"(?:,(?:\s+(?!(?:and|or|who|which|that)\b)[\w'’-]+){1,3})?,?)?"
    r"(?:\s+(?:was|were|is|are|has|have|had|been|being|be|also|reportedly|later|allegedly|subsequently"
    r"|both|all))*\s+",
    re.IGNORECASE,
)
#: Between two counts of one verb's object: a noun phrase and "and" ("killed 30 soldiers and 29 ...").
_CHAIN = re.compile(r"(?:\s+[A-Za-z][\w'’.-]*){0,6}(?P<sep>\s*,\s*|,?\s+(?:and|as\s+well\s+as|plus)\s+)")
#: After a count, words that make it a part of the count before ("5 of them", "3 of whom").
_PART_AFTER = re.compile(r"\s+of\s+(?:them|whom|those|these|which)\b", re.IGNORECASE)
#: A parenthetical part inside a coordination: "13 fighters, including an emir, and 7 others".
_PARENTHETICAL = re.compile(
    r",\s+(?:including|among\s+them|among\s+whom|mostly|mainly)\b[^,;:]{0,60},", re.IGNORECASE
)
#: A second source's figure after a first ("SOHR counted 7 dead and SANA 4"): its name, then the count.
_ELLIPSIS = re.compile(
    r"(?:\s*,\s*(?:and|while|whereas|but)?|\s+(?:and|while|whereas|but))\s+"
    r"(?P<source>(?:the\s+)?[A-Za-z][\w'’.-]*(?:\s+[A-Za-z][\w'’.-]*){0,3}?)\s+",
    re.IGNORECASE,
)
#: What may follow an elliptical figure: the clause ends, or the source is named.
_ELLIPSIS_END = re.compile(r"\s*(?:[;.,)]|$|\s+(?:said|says|reported|reports|according)\b)", re.IGNORECASE)
#: After "claimed 8" (strict cue) the count is people: the clause ends or a people word follows.
_CLAIM_OBJECT = re.compile(
    rf"\s*(?:[;.,:)]|$|(?:lives|victims|others|more|{'|'.join(sorted(PEOPLE))}"
    r"|in|on|at|including|among|when|after|as|and|during)\b)",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[;:]|\s[–—]\s")
_SPACES = re.compile(r"\s*")
_OWN_VERB = re.compile(
    r"(?:\s+(?!(?:who|which|that|in|on|at|and)\b)[A-Za-z][\w'’-]*){0,4}?\s+(?:was|were|is|are|has|have|had"
    r"|will|would|could|remain(?:ed|s)?|went|fled|escaped|managed|surrendered)\b",
    re.IGNORECASE,
)
_WHOLE = re.compile(r"\b(?:people|persons|individuals|others|victims)\s*$", re.IGNORECASE)
_CUE_WORD = re.compile(r"\b(?:kill|dead|die|wound|injur|hurt|death|casualt|toll)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    kind: CasualtyKind | None  # None: "casualties", "killed or wounded"
    pre: bool  # the count comes after it ("killing 70")
    post: bool  # the count comes before it ("70 killed")
    toll: bool
    strict: bool = False  # "claimed 8": the count must be people ("claimed 3 attacks" is no toll)


@dataclass(slots=True)
class _Link:
    start: int
    end: int
    value: int
    kind: CasualtyKind | None
    alternative: bool = False  # another source's figure for the link before it


def _cues(text: str, start: int, end: int) -> list[_Cue]:
    cues: list[_Cue] = []
    last_end = start
    for stem in CUE_STEMS.finditer(text, start, end):
        m = CUE.match(text, stem.start(), end) if stem.start() >= last_end else None
        if m is None:
            continue
        last_end = m.end()
        group = m.lastgroup or ""
        kind: CasualtyKind | None = "wounded" if group.endswith("wounded") else "killed"
        if group == "mixed":
            kind = None
        toll = group.startswith("toll")
        pre = group.startswith(("pre", "both", "mixed", "claim"))
        post = group.startswith(("post", "both", "mixed"))
        cues.append(_Cue(m.start(), m.end(), kind, pre, post, toll, group == "claim_killed"))
    return cues


def _after_space(text: str, pos: int) -> int:
    """The first position at or after ``pos`` that is not whitespace."""
    return _SPACES.match(text, pos).end()  # type: ignore[union-attr]  # r"\s*" always matches


def _victims(text: str, counts: list[Count], cues: list[_Cue], start: int, end: int) -> list[Count]:
    """``counts`` with the victims named by role ("a woman", "the imam") near the cues added, by start.

    A victim overlapping a count ("one civilian") is left out: the count already stands for it."""
    found: list[Count] = []
    low = start
    for cue in cues:
        lo, hi = max(low, cue.start - VICTIM_REACH), min(end, cue.end + VICTIM_REACH)
        for m in VICTIM.finditer(text, lo, hi) if lo < hi else ():
            words_before = text[max(0, m.start() - 30) : m.start()].split()
            subset = " ".join(words_before[-2:]).lower().endswith(SUBSET)
            found.append(Count(m.start(), m.end(), 1, subset, victim=True))
        named = lo < hi and _NAMED_VICTIM_CUE.search(text, lo, hi) is not None
        for m in NAMED_VICTIM.finditer(text, lo, hi) if named else ():
            name = m["name"]
            if name is None or m["title"] is not None or is_given_name(name.split()[0]):
                found.append(Count(m.start(), m.end(), 1, False, victim=True))
        low = max(low, hi)
    if not found:
        return counts
    starts, ends = [c.start for c in counts], [c.end for c in counts]
    kept = []
    for victim in found:
        i = bisect.bisect_left(starts, victim.end)
        if i == 0 or ends[i - 1] <= victim.start:
            kept.append(victim)
    return sorted([*counts, *kept], key=lambda c: c.start)


def _link(text: str, counts: list[Count], cues: list[_Cue]) -> list[_Link]:
    """Pair counts and cues in one sentence by the rules of the module docstring."""
    claimed: set[int] = set()
    used: set[int] = set()  # cues linked as verbs with their object are no post-cues
    links: list[_Link] = []
    by_start = {c.start: i for i, c in enumerate(counts)}
    count_starts = [c.start for c in counts]
    cue_starts = [c.start for c in cues]
    # 1. cue right before a count: "killing at least 70", "killed 30 soldiers and 29 insurgents"
    for k, cue in enumerate(cues):
        i = by_start.get(_after_space(text, cue.end)) if cue.pre else None
        if i is None or i in claimed:
            continue
        if cue.strict and (counts[i].victim or not _CLAIM_OBJECT.match(text, counts[i].end)):
            continue  # "claimed 3 attacks"
        own = _own_post_cue(text, counts[i], cues, cue_starts)
        if own is not None and own.kind != cue.kind:
            continue  # "6 citizens killed 22 injured": 22 belongs to "injured"
        chain = _chain(text, counts, i, cues, cue_starts, claimed)
        claimed.update(chain)
        used.add(k)
        value = sum(counts[j].value for j in chain)
        links.append(_Link(cue.start, counts[chain[-1]].end, value, cue.kind))
    # 2. a toll and the first count after it: "the death toll rose to 112"
    for k, cue in enumerate(cues):
        i = bisect.bisect_left(count_starts, cue.end)
        while i < len(counts) and counts[i].victim:
            i += 1
        if not cue.toll or i == len(counts) or i in claimed:
            continue
        next_cue = cues[k + 1].start if k + 1 < len(cues) else len(text)
        gap = text[cue.end : counts[i].start]
        if len(gap) <= MAX_TOLL_GAP and counts[i].start < next_cue and not _GAP_BLOCK.search(gap):
            claimed.add(i)
            links.append(_Link(cue.start, counts[i].end, counts[i].value, cue.kind))
    # 3. a count before its cue: "4 students were killed"
    count_ends = [c.end for c in counts]
    for k, cue in enumerate(cues):
        if cue.post and k not in used:
            link = _post_link(text, counts, bisect.bisect_right(count_ends, cue.start), cue, claimed)
            if link is not None:
                links.append(link)
    # 4. a second source's figure: "SOHR counted 7 dead and SANA 4"
    return links + _ellipses(text, counts, links, claimed)


def _chain(
    text: str, counts: list[Count], i: int, cues: list[_Cue], cue_starts: list[int], claimed: set[int]
) -> list[int]:
    """``[i]`` and the counts joined to it as one verb's object ("30 soldiers and 29 insurgents", "17
    militants and a child"); a list joined by commas only counts when an "and" closes it."""
    chain, closed = [i], 1
    j = i
    while j + 1 < len(counts) and (j + 1) not in claimed:
        nxt = counts[j + 1]
        joint = _CHAIN.fullmatch(text, counts[j].end, nxt.start)
        if joint is None or nxt.subset or _GAP_BLOCK.search(joint.group(0)):
            break
        k = bisect.bisect_left(cue_starts, counts[j].end)
        if k < len(cues) and cues[k].start < nxt.start:
            break  # "killed 5 and wounding 3"
        if _PART_AFTER.match(text, nxt.end) or _post_cue_after(text, counts, j + 1, cues, cue_starts):
            break  # "killed 10 soldiers, 5 of them officers", "killed 3 and 2 were wounded"
        if _OWN_VERB.match(text, nxt.end):
            break  # "killed 7 soldiers and 4 others were captured"
        if "," in joint.group("sep") and _WHOLE.search(text, counts[j].end, joint.start("sep")):
            break  # "killing 3 people, 2 soldiers and a child": the list says who the 3 were
        j += 1
        chain.append(j)
        if "," not in joint.group("sep") or "and" in joint.group("sep"):
            closed = len(chain)
    return chain[:closed]


def _post_cue_after(text: str, counts: list[Count], i: int, cues: list[_Cue], cue_starts: list[int]) -> bool:
    """Whether a post-cue follows ``counts[i]`` across a noun phrase, before any other count."""
    k = bisect.bisect_left(cue_starts, counts[i].end)
    if k == len(cues) or not cues[k].post:
        return False
    if i + 1 < len(counts) and counts[i + 1].start < cues[k].start:
        return False
    gap = text[counts[i].end : cues[k].start]
    return len(gap.split()) <= MAX_GAP_WORDS and not _GAP_BLOCK.search(gap)


def _ellipses(text: str, counts: list[Count], links: list[_Link], claimed: set[int]) -> list[_Link]:
    """Figures that repeat a linked one for another source ("7 dead and SANA 4", "12 killed and the
    LCC 13"): a name, a bare count, the end of the clause. Each takes the kind of the first link of
    the run of links it follows ("10 killed and 22 wounded, SOHR 12": killed)."""
    found: list[_Link] = []
    by_start = {c.start: i for i, c in enumerate(counts)}
    run_kind: CasualtyKind | None = None
    previous_end = -1
    for link in sorted(links, key=lambda x: x.start):
        if link.start - previous_end > 12 or run_kind is None:
            run_kind = link.kind
        previous_end = link.end
        m = _ELLIPSIS.match(text, link.end)
        i = by_start.get(m.end()) if m is not None else None
        if m is None or i is None or i in claimed or counts[i].victim or run_kind is None:
            continue
        if _CUE_WORD.search(m.group("source")) or not _ELLIPSIS_END.match(text, counts[i].end):
            continue
        claimed.add(i)
        found.append(_Link(m.start("source"), counts[i].end, counts[i].value, run_kind, alternative=True))
        previous_end = counts[i].end
    return found


def _own_post_cue(text: str, count: Count, cues: list[_Cue], cue_starts: list[int]) -> _Cue | None:
    """The post-cue a word or two after ``count``, unless a count follows it too ("wounded 12")."""
    k = bisect.bisect_left(cue_starts, count.end)
    if k == len(cues) or not cues[k].post:
        return None
    cue = cues[k]
    gap = text[count.end : cue.start]
    if len(gap.split()) > 2 or " and " in gap or _GAP_BLOCK.search(gap):
        return None
    return None if cue.pre and COUNT.match(text, _after_space(text, cue.end)) else cue


def _post_link(text: str, counts: list[Count], before: int, cue: _Cue, claimed: set[int]) -> _Link | None:
    """Link ``cue`` to the nearest count among ``counts[:before]``, skipping parts ("including 4") and
    victims not right before it ("the boy, aged 12, was killed")."""
    for i in range(before - 1, -1, -1):
        count = counts[i]
        gap = text[count.end : cue.start]
        if i in claimed or len(gap.split()) > MAX_GAP_WORDS or _GAP_BLOCK.search(gap):
            return None
        if count.victim and not _VICTIM_GAP.fullmatch(gap):
            continue
        claimed.add(i)
        if count.subset:
            continue  # a part of the count before it
        start, value = count.start, count.value
        j = i - 1
        while j >= 0 and counts[j].subset and j not in claimed:
            j -= 1  # "13 fighters, including an emir, and 7 others"
        if j >= 0 and j not in claimed and _coordinated(text, counts[j], count):
            claimed.update(range(j, i))  # "Seventeen children and six women were killed": 23
            start, value = counts[j].start, counts[j].value + value
        return _Link(start, cue.end, value, cue.kind)
    return None


def _coordinated(text: str, previous: Count, count: Count) -> bool:
    """Whether ``previous`` and ``count`` are two parts of one subject ("17 children and 6 women",
    "a man and his wife", "13 fighters, including an emir, and 7 others")."""
    between = _PARENTHETICAL.sub("", text[previous.end : count.start])
    if previous.victim and re.fullmatch(r"\s+and\s+", between):
        return True
    return _COORDINATION.fullmatch(between) is not None


def find_casualties(text: str, sentences: Sequence[tuple[int, int]]) -> list[CasualtyMention]:
    """Killed and wounded counts in ``text``, sorted by start (rules in the module docstring).

    Takes the (cleaned) text and its sentence spans (counts and cues are paired only within a
    sentence; an empty list reads the whole text as one sentence). Returns one mention per linked
    count; ``text`` of each mention is the span from the count to its cue, or the reverse.
    """
    spans = list(sentences) or [(0, len(text))]
    mentions: list[CasualtyMention] = []
    for s_start, s_end in spans:
        cues = _cues(text, s_start, s_end)
        if not cues:
            continue
        counts = _victims(text, find_counts(text, s_start, s_end), cues, s_start, s_end)
        links = sorted(_link(text, counts, cues), key=lambda link: link.start)
        # clause boundaries: the sentence's ends and every ';', ':' or dash inside
        bounds = [s_start, *(m.start() for m in _CLAUSE_BREAK.finditer(text, s_start, s_end)), s_end]
        for j, link in enumerate(links):
            if link.kind is None:
                continue
            clause = bisect.bisect_right(bounds, link.start) - 1
            left = max(bounds[clause], links[j - 1].end if j > 0 else s_start)
            right = min(bounds[clause + 1], links[j + 1].start if j + 1 < len(links) else s_end)
            cumulative = is_cumulative(
                text, link.start, link.end, link.value, min(left, link.start), max(right, link.end)
            )
            span = text[link.start : link.end]
            mentions.append(
                CasualtyMention(
                    link.start, link.end, span, link.value, link.kind, cumulative, link.alternative
                )
            )
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions

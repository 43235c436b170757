"""The decisions of the sentence rules (:mod:`frontlines.events.sentence_rules`), one function per rule.

Each takes the sentence being coded and the story told before it, applies its rule and returns why it
fired (the ``doc.trace`` detail), or None when it does not apply. The patterns and reaches they read
are named here.
"""

from __future__ import annotations

import re

from frontlines.events import retelling
from frontlines.events.cascade import MODEL_MADE
from frontlines.events.nonevents import RULE_IDS as NON_EVENT_IDS
from frontlines.events.sentence import Clause, Story
from frontlines.events.sentence import day_range as span_of_days
from frontlines.events.triggers import is_territorial
from frontlines.folded_regex import FoldedPattern, lowered
from frontlines.model import EVENT_TYPE_OF, EventType, SubEventType, Trigger
from frontlines.time import is_background_phrase
from frontlines.time.calendar import MONTH_NAMES

#: The cascade steps of a sentence a non-event rule drops (``events.nonevents``).
NON_EVENT_STEPS = frozenset(f"drop:{rule_id}" for rule_id in NON_EVENT_IDS)
#: How many trigger-less sentences after an event may still report its toll ("Five people died.").
TOLL_LOOKAHEAD = 2
#: How many sentences open a story (where an accident or disaster makes it a non-event story).
STORY_LEAD = 2
#: The reach, in characters before a trigger, of the windows the trigger and irrealis rules read.
PRIOR_REACH = 25
ANAPHORIC_REACH = 20
TOPIC_REACH = 30
IRREALIS_REACH = 60
#: Datelines open a report with its own date ("BEIRUT, Sept 10 (Levant Wire) -"): not an event's date.
DATELINE_REACH = 80

#: Words just before a trigger that put it before the reported events.
_PRIOR = re.compile(
    r"\b(?:recently|previously|formerly|already|once|had(?:\s+been)?|have\s+been)\s+$", re.IGNORECASE
)
#: "after weeks of fighting": a stretch of fighting told as what led to the sentence's event.
_AFTER_STRETCH = re.compile(
    r"\b(?:after|following|ending|ended|to\s+end|halting)\s+(?:(?:several|many|more\s+than\s+a|a|two|three|four|"
    r"\d+)\s+)?(?:hours|days|weeks|months|years)\s+of\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
#: "those sheltering had fled fighting", "a landmine left from the 2019-2020 fighting": what people
#: fled or what a weapon was left from came before the sentence's event.
_FLED_FROM = re.compile(
    r"\b(?:fled|fleeing|flee|escap(?:e|ed|ing)|displaced\s+by|left\s+(?:over\s+)?from)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
#: "a day after Kurdish forces retook Sinjar", "after retaking the town", "after the town was retaken":
#: an act told as what came before the sentence's own event.
_AFTER_ACT = re.compile(
    r"\b(?:(?:a|one|the|two|three|four|five|\d+)\s+(?:days?|weeks?|hours?)|shortly|soon|hours|days|weeks)\s+"
    r"after\s+(?:[\w'’-]+\s+){0,4}$|\b(?:after|since|following)\s+$"
    # "after the town was retaken", "since the area had been captured": a passive told as what came first
    r"|\b(?:after|since|once)\s+(?:the|its|their)\s+(?:[\w-]+\s+){1,2}(?:was|were|had\s+been|has\s+been)\s+$",
    re.IGNORECASE,
)
#: "the Arakan Army said on Wednesday it had captured": a past perfect in reported speech is the news
#: itself, not background.
_REPORTED_PERFECT = re.compile(
    r"\b(?:said|says|announced|claimed|reported|stated|added|confirmed)\b[^.;]{0,40}?(?:\b(?:it|they|he|she|we)"
    # "said on Sunday that Azerbaijani forces had taken control": the reported act, not background
    r"|\bthat\s+(?:(?!(?:which|who|where|when)\b)[\w'’-]+\s+){1,4}?)\s*had(?:\s+been)?\s+$",
    re.IGNORECASE,
)
_MONTH_NAME = "(?:" + "|".join(MONTH_NAMES) + ")"
#: "As of 20 October, ...", "Between January and September 2020, ...": a sentence that opens by
#: counting up to a day or over months (a span of days, "Between 25 and 27 July", is one event).
_RUNNING_TOTAL = re.compile(
    rf"^\W*(?:as\s+of\s+(?:\d{{1,2}}\s+)?{_MONTH_NAME}|(?:between|from)\s+(?:early\s+|late\s+|mid-?)?"
    rf"{_MONTH_NAME}(?:\s+\d{{4}})?\s+(?:and|to|until|through)\s+(?:early\s+|late\s+|mid-?)?{_MONTH_NAME})\b",
    re.IGNORECASE,
)
#: How far back the reported-speech and stretch patterns read.
REPORTED_REACH = 70
#: "the clashes", "the protests", "the attack": a trigger that refers back to an event already told.
_ANAPHORIC = re.compile(r"\b(?:the|these|those|this|that|its|their|such)\s+(?:\w+\s+)?$", re.IGNORECASE)
#: A trigger that is a whole clause ("Air Force struck", "jets bombed"): a determiner before it is its
#: subject's ("the Ukrainian Air Force struck"), not a reference back to an event told.
_CLAUSE_TRIGGER = re.compile(r"\s(?:\w+ed|struck|hit|hits)$", re.IGNORECASE)
#: ... unless its subject is the weapon or craft ("The jets bombed Kanan village", after an air strike
#: was told): "the jets" refer back as "the strike" does.
_WEAPON_LED = re.compile(
    r"(?:jets?|warplanes?|planes?|aircraft|helicopters?|drones?|shells?|rockets?|missiles?|mortars?)\s",
    re.IGNORECASE,
)
#: "against the kidnapping of", "over the arrest of": what a protest is about.
_TOPIC = re.compile(
    r"\b(?:against|over|denouncing|condemning|about|at|for)\s+(?:the\s+|a\s+|an\s+|recent\s+|their\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
#: "protested after the militia kidnapped ...": what follows such a word is the protest's cause.
_CAUSE = re.compile(r"\b(?:after|over|against|because|when)\b", re.IGNORECASE)
#: A demonstration's own violent act ("set fire to tyres", "hurling stones", "torched"): what the
#: crowd does, never what it protests about.
_CROWD_ACT = re.compile(r"(?:set|threw|throwing|hurled|hurling|torched|burn(?:ed|t|ing))\b", re.IGNORECASE)
#: "in 2011", "since 2011": a bare year before the report's year marks history, not the news.
_PAST_YEAR = re.compile(r"\b(?:in|since|during|by|of|from)\s+(?:early\s+|late\s+|mid-?)?((?:19|20)\d\d)\b")
#: Habits and spans of time, not one day's event ("in recent months", "almost daily", "a year ago").
#: Searched lower-cased (``folded_regex``: the same answers, faster).
_HABITUAL = FoldedPattern(
    re.compile(
        r"\b(?:in\s+recent\s+(?:days|weeks|months|years)|over\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:days|weeks|months|years?)|"
        r"(?:almost|nearly)\s+(?:daily|every\s+day)|regularly|routinely|repeatedly\s+since|"
        r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|"
        r"\d+)\s+(?:years?|months?|decades?)\s+ago|last\s+year|earlier\s+this\s+year|during\s+(?:the\s+)?"
        r"(?:World\s+War|Second\s+World\s+War|First\s+World\s+War|civil\s+war\s+of)|"
        r"for\s+(?:months|years)|in\s+the\s+past|campaign\s+of|on\s+multiple\s+occasions|per\s+day|"
        r"(?:hundreds|dozens|thousands|scores|numerous)\s+of\s+(?:cases|incidents|instances)|"
        # a tally since a date or over months: "in 47 months since", "strikes since 21 May have killed"
        r"in\s+\d+\s+(?:days|weeks|months|years)\s+since|"
        rf"since\s+(?:\d{{1,2}}\s+)?{_MONTH_NAME}(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?\s+(?:have|has)\b|"
        # a span of months: "shelling continued throughout April and May", "during the months of shelling"
        rf"throughout\s+(?:the\s+)?(?:{_MONTH_NAME}(?:\s+and\s+{_MONTH_NAME})?|months|weeks|year|spring|summer|"
        r"autumn|winter)|during\s+(?:the\s+)?(?:months|weeks|years)\s+of|"
        # many acts told as one: "frequent bombing", "numerous massacres"
        r"(?:frequent|numerous|countless)\s+(?:\w+\s+)?(?:bombings?|shelling|attacks|strikes|airstrikes|raids|"
        r"massacres))\b",
        re.IGNORECASE,
    )
)
#: "will" as a modal, not the noun ("a 'free will' rally", "the will of the people").
_MODAL_WILL = (
    r"(?<!free\s)(?<!good\s)(?<!ill\s)(?<!own\s)(?<!the\s)(?<!popular\s)(?<!'s\s)(?<!’s\s)will(?!\s+of\b)"
)
#: Words before a trigger that make it hypothetical, a threat or a denial: no event.
_IRREALIS = re.compile(
    r"\b(?:threat(?:en|ened|ens)?|vow(?:ed|s)?|plan(?:s|ned|ning)?|(?-i:would|could|may|might)|warn(?:ed|s|ing)?|"
    r"prepar(?:e|es|ed|ing)|expected|call(?:ed|s)?\s+(?:for|on)|den(?:y|ied|ies)|fear(?:s|ed)?|risk|"
    rf"(?:to|would|will)\s+(?:halt|stop|suspend)|(?-i:{_MODAL_WILL}|not|never)|failed\s+to|ordered\s+(?:\w+\s+){{0,3}}to|"
    r"if|unless|without\s+(?:an?\s+)?agree(?:ment|ing)|(?:ended|concluded|broke\s+(?:up|down))\s+without(?:\s+an?)?|"
    r"reached\s+no|dismissed\s+as|avoid|prevent(?:ed)?|ahead\s+of|"
    r"anniversary|condemn(?:ed|s)?\s+the\s+use|"
    r"attempt(?:s|ed|ing)?\s+to|(?:in\s+)?an\s+attempt|(?:in\s+)?a\s+bid|tr(?:y|ies|ied|ying)\s+to|"
    r"s(?:eek|eeks|eeking|ought)\s+to|aim(?:s|ed|ing)?\s+(?:to|at)|in\s+order\s+to)\b(?:(?!\bbut\b)[^.]){0,40}$",
    re.IGNORECASE,
)


#: The cues of ``_IRREALIS`` that name an attempt or aim: they govern their own infinitive ("trying to
#: advance on the village"), not a past verb after it ("... exchanged fire": the clause's own act).
_ATTEMPT = re.compile(
    r"(?:attempt(?:s|ed|ing)?\s+to|(?:in\s+)?an\s+attempt|(?:in\s+)?a\s+bid|tr(?:y|ies|ied|ying)\s+to|"
    r"s(?:eek|eeks|eeking|ought)\s+to|aim(?:s|ed|ing)?\s+(?:to|at)|in\s+order\s+to)\b",
    re.IGNORECASE,
)
#: A trigger that opens on a past verb ("exchanged fire", "had been mined").
_PAST_VERB = re.compile(r"[a-z]+ed\b", re.IGNORECASE)
#: The cues of ``_IRREALIS`` that say a whole sentence tells no act (for a model-made trigger).
_IRREALIS_ANYWHERE = re.compile(
    r"\b(?:threat(?:en|ened|ens)?|vow(?:ed|s)?|plan(?:s|ned)?\s+to|(?-i:would|could|may|might)|warn(?:ed|s)?|"
    r"call(?:ed|s)?\s+(?:for|on)|urg(?:e|ed|es)|ahead\s+of|or\s+face|den(?:y|ied|ies))\b",
    re.IGNORECASE,
)
#: A relative clause ("..., which denied responsibility", "residents who could not flee"): its cues
#: are about someone else, not about whether the act happened.
_RELATIVE_CLAUSE = re.compile(r"(?:,\s*|\b)(?:which|who|whom|whose)\b[^,;]*", re.IGNORECASE)
#: A relative clause closed before a trigger ("those who could not flee, police said"): its cues are
#: about someone else; one still open runs up to the trigger and holds it ("which denied shelling").
_CLOSED_RELATIVE_CLAUSE = re.compile(r"(?:,\s*|\b)(?:which|who|whom|whose)\b[^,;]*(?=[,;])", re.IGNORECASE)


# --- detect and trailing ------------------------------------------------------------------------------


def non_event_story(c: Clause, story: Story) -> str | None:
    """Rule ``non-event-story`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    if c.decision.step in MODEL_MADE and story.non_event_story:
        return "the story is an accident or disaster"
    return None


def model_retell(c: Clause, story: Story) -> str | None:
    """Rule ``model-retell`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    if c.decision.step not in MODEL_MADE:
        return None
    if retelling.retold(c.doc, story.told_events(), c.triggers[0], c.start, c.end, c.times):
        return "retells an event of the same type told before"
    return None


def later_toll(c: Clause, story: Story) -> str | None:
    """Rule ``later-toll`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    if not (story.last and story.since_last <= TOLL_LOOKAHEAD and (c.killed or c.hurt)):
        return None
    if not c.killed:
        named = retelling.name_wounded(story.actors, c.doc, story.last, c.hurt, c.end)
        return f"names the wounded of the {named} event(s) told just before" if named else None
    took = retelling.add_toll(story.actors, c.doc, story.last, c.killed, c.start, c.end)
    return f"the toll of the {took} event(s) told just before" if took else None


# --- trigger ------------------------------------------------------------------------------------------


def _narrowed(c: Clause, kept: list[Trigger], why: str) -> str | None:
    """Keep ``kept`` (all of the sentence's triggers when it is empty); the reason when it narrowed."""
    if not kept or len(kept) == len(c.triggers):
        return None
    c.triggers = kept
    return why


def prior(c: Clause, story: Story) -> str | None:
    """Rule ``prior`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    kept = [t for t in c.triggers if not _told_before(c, t)]
    return _narrowed(c, kept, "a trigger told as past background")


def _told_before(c: Clause, t: Trigger) -> bool:
    """Whether a trigger is told as what came before the sentence's event ("a town recently captured
    by", "after weeks of fighting"), not as the news ("said it had captured")."""
    wide = c.before(t.start, REPORTED_REACH)
    near = c.before(t.start, PRIOR_REACH + 10)
    if _AFTER_STRETCH.search(wide) or _AFTER_ACT.search(near) or _FLED_FROM.search(near):
        return True
    return _PRIOR.search(c.before(t.start, PRIOR_REACH)) is not None and not _REPORTED_PERFECT.search(wide)


def aside(c: Clause, story: Story) -> str | None:
    """Rule ``aside`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    asides = c.asides()
    kept = [t for t in c.triggers if not any(a <= t.start < b for a, b in asides)]
    return _narrowed(c, kept, "a trigger in a clause beside the sentence's event")


def anaphoric(c: Clause, story: Story) -> str | None:
    """Rule ``anaphoric`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    c.fresh = [
        t
        for t in c.triggers
        if is_territorial(t)
        or (_CLAUSE_TRIGGER.search(t.text) and not _WEAPON_LED.match(t.text))
        or not _ANAPHORIC.search(c.before(t.start, ANAPHORIC_REACH))
    ]
    return None if len(c.fresh) == len(c.triggers) else "a trigger that refers back to an event told"


def _is_protest(t: Trigger) -> bool:
    return EVENT_TYPE_OF[t.sub_event_type] == EventType.PROTESTS


#: A riot trigger that opens on its crowd ("protesters attacked", "mobs looted"): the crowd's own act.
_CROWD_LED = re.compile(
    r"(?:protesters|demonstrators|rioters|youths|supporters|crowds?|mobs?)\b", re.IGNORECASE
)


def _crowd_acts(t: Trigger) -> bool:
    """A protest, or a riot its words open on the crowd ("protesters attacked")."""
    if _is_protest(t):
        return True
    return EVENT_TYPE_OF[t.sub_event_type] == EventType.RIOTS and _CROWD_LED.match(t.text) is not None


def protest_topic(c: Clause, story: Story) -> str | None:
    """Rule ``protest-topic`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    protests = [t for t in c.triggers if _crowd_acts(t)]
    fresh = c.triggers if c.fresh is None else c.fresh
    if not protests:
        return None
    kept = [
        t
        for t in fresh
        if _crowd_acts(t)
        or (t.sub_event_type == SubEventType.VIOLENT_DEMONSTRATION and _CROWD_ACT.match(t.text))
        or not (
            _TOPIC.search(c.before(t.start, TOPIC_REACH)) or _CAUSE.search(c.text[protests[0].end : t.start])
        )
    ]
    if not kept or len(kept) == len(fresh):
        c.fresh = fresh
        return None
    c.fresh = kept
    return "what a protest is about is its topic, not an event"


def aside_actors(c: Clause, story: Story) -> str | None:
    """Rule ``aside-actors`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    trigger = c.trigger
    outside = [(a, b) for a, b in c.asides() if not a <= trigger.start < b]
    kept = [m for m in c.sides if not any(a <= m.start < b for a, b in outside)]
    if len(kept) == len(c.sides):
        return None
    c.sides = kept
    return "actors of a clause beside the event are not its sides"


# --- drop ---------------------------------------------------------------------------------------------


def background_date(c: Clause, story: Story) -> str | None:
    """Rule ``background-date`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    return "a date over a month before publication" if len(c.times) < len(c.all_times) else None


def running_total(c: Clause, story: Story) -> str | None:
    """Rule ``running-total`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    return "a running total over weeks or months" if _RUNNING_TOTAL.match(c.sentence) else None


def background(c: Clause, story: Story) -> str | None:
    """Rule ``background`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    published = c.published
    past = published is not None and any(int(y) < published.year for y in _PAST_YEAR.findall(c.sentence))
    return "told as background or of a past year" if is_background_phrase(c.sentence) or past else None


def habitual(c: Clause, story: Story) -> str | None:
    """Rule ``habitual`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    sentence = c.sentence
    return "a habit or span of time, not one day" if _HABITUAL.found(sentence, lowered(sentence)) else None


def retell(c: Clause, story: Story) -> str | None:
    """Rule ``retell`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    if not c.refers_back or c.times:
        return None
    if retelling.retell(c.doc, story.told_events(), c.trigger, c.killed, c.start, c.end, c.times):
        return "retells the event before it"
    return None


def irrealis(c: Clause, story: Story) -> str | None:
    """Rule ``irrealis`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    found = _IRREALIS.search(_CLOSED_RELATIVE_CLAUSE.sub(" ", c.before(c.trigger.start, IRREALIS_REACH)))
    if found is not None and _ATTEMPT.match(found[0]) and _PAST_VERB.match(c.doc.text, c.trigger.start):
        found = None  # "troops trying to advance on the village exchanged fire"
    if found is not None:
        # "launched a counterattack in an attempt to recapture the town": the attempt is not coded, the
        # act told before it is
        real = [t for t in c.fresh or c.triggers if not _IRREALIS.search(c.before(t.start, IRREALIS_REACH))]
        if real and all(t.end <= c.trigger.start for t in real):
            c.triggers = [t for t in c.triggers if t in real]
            c.fresh = None if c.fresh is None else [t for t in c.fresh if t in real]
            return None
    if found is None and c.decision.step in MODEL_MADE:
        # a trigger the model made sits after the first actor, not on the verb: read the whole sentence
        found = _IRREALIS_ANYWHERE.search(_RELATIVE_CLAUSE.sub(" ", c.sentence))
    return "a threat, plan, denial or attempt" if found else None


def undated(c: Clause, story: Story) -> str | None:
    """Rule ``undated`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    if not any(c.start <= u_start < c.end for u_start, _ in c.doc.unresolved_times):
        return None
    c.doc.undated += 1  # a relative date and no publication date: never the ingestion day
    return "a relative date and no publication date"


# --- date ---------------------------------------------------------------------------------------------


def dateline_date(c: Clause, story: Story) -> str | None:
    """Rule ``dateline-date`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    kept = [
        t for t in c.times if not (t.start < DATELINE_REACH and t.date == c.published and len(c.times) > 1)
    ]
    if len(kept) == len(c.times):
        return None
    c.times = kept
    return "the dateline's date is the publication date"


def carried_date(c: Clause, story: Story) -> str | None:
    """Rule ``carried-date`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    own = c.own
    if own is not None:
        story.carry_date = own
        return None
    if story.carry_date is None:
        return None
    c.carried = story.carry_date
    return f"dated by the sentence before ({story.carry_date.text})"


def publication_day(c: Clause, story: Story) -> str | None:
    """Rule ``publication-day`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    if c.own is not None or c.carried is not None or c.published is None:
        return None
    c.on_publication = True
    return "no day named: the day of publication"


def day_range(c: Clause, story: Story) -> str | None:
    """Rule ``day-range`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    if c.own is None:
        return None
    c.span = span_of_days(c.times, c.text)
    return None if c.span is None else f"a span of {len(c.span[2])} days: one event each"


def no_date(c: Clause, story: Story) -> str | None:
    """Rule ``no-date`` (the table in :mod:`frontlines.events.sentence_rules`)."""
    if c.dated() is not None:
        return None
    c.doc.undated += 1
    return "no date and no publication date"

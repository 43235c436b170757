"""The coding cascade of one sentence: the trigger rules and the learned classifier together.

Each decision is a named step with its threshold in :class:`frontlines.config.EventSettings`; the
values were chosen on the corpus's leave-country-out dev figures (``frontlines eval corpus``), never on
its sealed split:

- ``model-detects``: a sentence no trigger rule fires on is an event when the classifier names a
  sub-event type at ``classifier_threshold`` or more (``classifier_threshold_long`` in a text longer
  than ``long_text_chars``: in a whole report a sentence without an event word mostly retells or sets
  the scene of an event told with one; only in sentences that report people killed or hurt while
  ``classifier_needs_toll`` is set). In a short text every sentence is read, and one that names no
  actor and no toll needs ``classifier_threshold_bare`` (rule ``model-reads-short``: a one-line
  description often tells its event with no word the trigger rules know). Its trigger is anchored
  on the word after the sentence's first actor (so that actor stays the subject), else on the toll,
  else on the sentence's first word.
- ``model-reads-violence``: in a short text, a sentence no trigger rule fires on that tells a violent
  act (killed, shot, attacked, raided, beat to death...) with an actor or a toll is an event of the
  classifier's likeliest sub-event type when that type has ``classifier_violence`` or more, even if
  "no event" is likelier: the model's "no event" there mostly means it has not seen the country's
  words (chosen on leave-country-out figures).
- ``model-detects`` in a whole report, a sentence that tells a violent act (killed, shot, attacked...)
  or a change of control (occupied, cleared of, withdrew...) with an actor or a toll:
  ``classifier_threshold_long_violence`` (chosen on the article frame of
  ``eval corpus``, by its leave-country-out figures).
- ``model-overrides``: a trigger rule fired, and the classifier names another sub-event type at
  ``classifier_override`` or more (``classifier_override_within`` when both types are of one event
  type: the rules' weapon and act words are precise there): the classifier's type is kept on the
  rule's words. Rule ``weapon-not-clash``: a weapon's explosion (an IED, a blast, shelling) is never
  overridden into an armed clash unless the sentence tells of fire both ways, a battle or a ground assault;
  rule ``weapon-not-attack``: nor into an Attack (civilians hit by remote violence are its actor 2).
  Rule ``unpeaceful-protest``: a violent demonstration, a protest with intervention or excessive force
  against protesters is never overridden into a peaceful protest: the rules' words told of the violence
  or the force ("threw Molotov cocktails at police", "police arrested traders who protested").
  Rule ``force-on-protesters``: nor is excessive force against protesters overridden into an Attack
  ("police shot dead 2 worshippers protesting"): the codebook codes it as the protest's.
  Rule ``people-captured``: nor are arrests overridden into a territorial capture: the rules read
  "captured three commanders" as a capture of people, and only their capture words take a place.
  Rule ``base-not-battle``: nor is a base, camp or command post set up overridden into a battle unless
  the sentence tells of fighting ("installed a permanent camp and a checkpoint on the road").
- ``model-vetoes``: a trigger rule fired, and the classifier says "no event" at ``classifier_veto`` or
  more: the sentence makes no event (disasters, crime, commentary told with war words). Rule
  ``armed-actor-no-veto``: not when the rule's event is violence (a battle, an explosion, violence
  against civilians) and the sentence names an armed side (a named group, a state's military, rebels,
  a militia) and a day or a toll: that is war, not a disaster or a crime ("IS executes 12 in Palmyra
  yard").
- ``drop:RULE_ID``: before any of these, a sentence one of the non-event rules
  (:mod:`frontlines.events.nonevents`: accidents, disasters, ordinary crime) applies to is dropped.
- ``rule``: otherwise the trigger rules decide.

A territorial battle label becomes the rules' ``TERRITORY`` trigger, whose sub-type the actors decide.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from frontlines.config import EventSettings
from frontlines.events.classifier import Label, Reading, SubEventClassifier
from frontlines.events.nonevents import WHOLE_SENTENCE, NonEventRule, non_event
from frontlines.events.role_decisions import ACT_NOUN
from frontlines.events.sides import names_armed_side
from frontlines.events.triggers import PLANTED_DEVICES, TERRITORY, priority
from frontlines.model import EVENT_TYPE_OF, ActorMention, CasualtyMention, EventType, SubEventType, Trigger

_WORD = re.compile(r"[A-Za-z][\w'-]*")
#: Words of a change of control (in a whole report read at the lower bar, like a violent act).
_TERRITORIAL_ACT = re.compile(
    r"\b(?:occupied|occupation|captur(?:ed|ing)|seiz(?:ed|ing)|took\s+(?:full\s+)?control|under\s+(?:\w+\s+)?"
    r"control|cleared\s+of|liberat(?:ed|ing)|recaptur(?:ed|ing)|retook|re-?entered|entered|withdr[ea]w(?:n)?"
    r"|retreat(?:ed|ing)|pulled\s+out|repelled|repulsed)\b",
    re.IGNORECASE,
)
#: Sub-event types whose trigger words name the weapon itself ("drone", "suicide bomber", "grenade",
#: "sarin"): within their event type the rules' reading is kept (rule ``weapon-named``).
WEAPON_NAMED = frozenset(
    {
        SubEventType.AIR_DRONE_STRIKE,
        SubEventType.SUICIDE_BOMB,
        SubEventType.GRENADE,
        SubEventType.CHEMICAL_WEAPON,
    }
)


#: Rule weapon-named for planted explosives: the words that name the device itself ("an IED", "a
#: landmine", "a roadside bomb"), not an explosion that any weapon may cause ("a blast").
_PLANTED_WEAPON = re.compile(rf"\b(?:{PLANTED_DEVICES})", re.IGNORECASE)
#: The cascade's own rules that ``EventSettings.rules_off`` switches off (module docs).
CASCADE_RULE_IDS = frozenset(
    {"model-reads-short", "non-event-story", "model-reads-violence", "armed-actor-no-veto"}
)
#: The steps whose trigger the model made (anchored on a word, not found by a rule).
MODEL_MADE = frozenset({"model-detects", "model-reads-violence"})
#: Words of a violent act (rule ``model-reads-violence``): the deed itself, not its aftermath.
_VIOLENT_ACT = re.compile(
    r"\b(?:kill(?:s|ed|ing)|shot|shoot(?:s|ing)?|gunned|stabb(?:ed|ing)|hacked|beat(?:en)?\s+\w+(?:\s+\w+)?\s+to\s+death"
    r"|behead(?:ed|ing)|lynch(?:ed|ing)|massacred?|execut(?:ed|es|ing)|attack(?:s|ed)?|struck|raid(?:s|ed)?|"
    r"ambush(?:ed)?|fired\s+(?:on|upon|at|into|shots)|bomb(?:s|ed|ing)?|torched|set\s+fire|burn(?:ed|t)\s+(?:down\s+)?"
    r"(?:\w+\s+)?(?:houses|homes|villages?|vehicles|cars|trucks)|abduct(?:ed|s)|kidnapp(?:ed|ing)|clash(?:es|ed)"
    r"|fighting|wounded|injur(?:ed|ing))\b",
    re.IGNORECASE,
)


#: Words of fighting both ways or on the ground (rule ``weapon-not-clash``): "exchanged artillery fire",
#: "during a battle", "blew himself up during the assault".
_TWO_SIDED = re.compile(
    r"\b(?:exchang\w*|each\s+other|battles?|fighting|clash(?:es|ed)?|fire\s*fights?|gun\s*fights?|raid(?:s|ed)?"
    r"|assaults?|stormed)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Decision:
    """The triggers a sentence keeps, the step that decided (module docs) and the model's view."""

    triggers: list[Trigger]
    step: str
    label: Label = None
    confidence: float = 0.0
    #: Why a rule decided, when one did (the codebook rule a non-event rule applies).
    reason: str = ""


def _rule_label(label: SubEventType) -> SubEventType:
    """The trigger type of a model label: a territorial battle is the rules' territory trigger."""
    if EVENT_TYPE_OF[label] == EventType.BATTLES and label != SubEventType.ARMED_CLASH:
        return TERRITORY
    return label


#: An act noun whose target is the actor right after it ("An attack on a Malian army base ...").
_TARGET_OF_ACT = re.compile(
    rf"\b({ACT_NOUN})\s+(?:on|against|targeting)\s+(?:[\w'’-]+\s+){{0,2}}$", re.IGNORECASE
)
#: How far before the first actor its act noun may stand.
_ACT_REACH = 40
#: An actor who speaks ("..., police said", "the army told reporters"): the source, not the subject;
#: not one that tells its own act ("the army said it had neutralised about a dozen terrorists").
_SPEAKS = re.compile(
    r"\s+(?:also\s+|later\s+)?(?:said|says|told|reported|added|stated)\b"
    r"(?!\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:it|they|its|their|we|our)\b)",
    re.IGNORECASE,
)


def _anchor(
    text: str, start: int, end: int, actors: Sequence[ActorMention], hurt: Sequence[CasualtyMention]
) -> tuple[int, int] | None:
    """Where a model-made trigger sits: the act noun the first actor is the target of ("An attack on
    a Malian army base", so that it is not taken for the attacker), else the word after the first
    actor who is not the speaker ("..., police said"), else the largest toll, else the first word of
    the sentence."""
    actors = [m for m in actors if not _SPEAKS.match(text, m.end)]
    first = min(actors, key=lambda m: m.start, default=None)
    if first is not None:
        act = _TARGET_OF_ACT.search(text, max(start, first.start - _ACT_REACH), first.start)
        if act is not None:
            return act.start(1), act.end(1)
    for mention in sorted(actors, key=lambda m: m.start):
        if m := _WORD.search(text, mention.end, end):
            return m.start(), m.end()
    if hurt:
        toll = max(hurt, key=lambda c: c.count)
        return toll.start, toll.end
    m = _WORD.search(text, start, end)
    return (m.start(), m.end()) if m else None


def _crime_around(
    text: str, sentence: tuple[int, int] | None, clause: tuple[int, int], off: frozenset[str]
) -> NonEventRule | None:
    """A rule of ``nonevents.WHOLE_SENTENCE`` that drops the whole sentence a clause was cut from."""
    if sentence is None or sentence == clause:
        return None
    rule = non_event(text[sentence[0] : sentence[1]], off)
    return rule if rule is not None and rule.id in WHOLE_SENTENCE else None


#: Rule armed-actor-no-veto: the event types it keeps (violence; strategic developments stay vetoable).
_VIOLENT_TYPES = frozenset({EventType.BATTLES, EventType.EXPLOSIONS, EventType.VIOLENCE_AGAINST_CIVILIANS})


def _armed_named(
    triggers: Sequence[Trigger], actors: Sequence[ActorMention], rules_off: Sequence[str]
) -> bool:
    """Rule armed-actor-no-veto: a sentence a trigger rule fired on that names an armed side (a named
    group, a state's military, rebels, a militia) and a day or a toll tells of war, not of a
    disaster or a crime: the classifier's "no event" does not drop it ("IS executes 12 in Palmyra",
    "Russian forces also bombarded Voznesensk that morning"). Without a day or a toll such a sentence
    is mostly analysis or background ("the RSF lacks the heavy artillery it would need")."""
    if "armed-actor-no-veto" in rules_off:
        return False
    if EVENT_TYPE_OF[max(triggers, key=priority).sub_event_type] not in _VIOLENT_TYPES:
        return False
    return any(names_armed_side(a) for a in actors)


#: Rule unpeaceful-protest: protests the model may not make peaceful.
_UNPEACEFUL = frozenset(
    {
        SubEventType.VIOLENT_DEMONSTRATION,
        SubEventType.PROTEST_WITH_INTERVENTION,
        SubEventType.EXCESSIVE_FORCE,
    }
)


def _override_barred(
    main: Trigger, wanted: SubEventType, same_type: bool, text: str, start: int, end: int
) -> bool:
    """Whether the rules' reading of trigger ``main`` stands whatever the model says (``wanted``)."""
    rule_type = EVENT_TYPE_OF[main.sub_event_type]
    if wanted == SubEventType.PEACEFUL_PROTEST and main.sub_event_type in _UNPEACEFUL:
        # rule unpeaceful-protest: a protest the rules' words tell of as violent or met with force
        # ("threw Molotov cocktails at police", "police arrested traders who protested") is not peaceful
        return True
    if main.sub_event_type == SubEventType.EXCESSIVE_FORCE and wanted == SubEventType.ATTACK:
        # rule force-on-protesters (codebook): people killed while protesting met excessive force against
        # protesters, not an attack on civilians
        return True
    if wanted == TERRITORY and main.sub_event_type == SubEventType.ARRESTS:
        # rule people-captured: the rules read a capture of people ("captured three commanders") as an
        # arrest; the model's territory needs a place taken
        return True
    named = main.sub_event_type in WEAPON_NAMED or (
        main.sub_event_type == SubEventType.REMOTE_EXPLOSIVE and _PLANTED_WEAPON.match(main.text) is not None
    )
    if same_type and (named or wanted == TERRITORY):
        # rule weapon-named: "drones struck" is an air strike, "a truck struck an IED" a planted
        # explosive, whatever the model says; rule
        # capture-words: only the rules' capture words ("seized", "fell to") make a battle territorial
        return True
    if (
        main.sub_event_type == SubEventType.DISRUPTED_WEAPONS_USE
        and EVENT_TYPE_OF[wanted] == EventType.EXPLOSIONS
    ):
        # rule stopped-weapon: a bomb defused or a missile intercepted is a disrupted weapons use,
        # not the explosion it prevented
        return True
    if (
        main.sub_event_type == SubEventType.HEADQUARTERS_ESTABLISHED
        and EVENT_TYPE_OF[wanted] == EventType.BATTLES
        and not _TWO_SIDED.search(text, start, end)
    ):
        # rule base-not-battle: a base, camp or command post set up is no battle unless the sentence
        # tells of fighting
        return True
    if rule_type != EventType.EXPLOSIONS:
        return False
    if wanted == SubEventType.ATTACK:
        # rule weapon-not-attack (codebook): civilians killed by a shell, an air raid or a bomb are
        # victims of remote violence, an explosion's actor 2, not of an Attack
        return True
    # rule weapon-not-clash: soldiers killed by an IED, a blast or shelling are hit by remote violence,
    # not in a clash, unless the sentence tells of fire both ways, a battle or a ground assault
    return wanted == SubEventType.ARMED_CLASH and not _TWO_SIDED.search(text, start, end)


class Cascade:
    """Decides a sentence's triggers from the rules' triggers and the classifier (module docs)."""

    def __init__(self, classifier: SubEventClassifier | None, settings: EventSettings) -> None:
        self.classifier = classifier
        self.settings = settings
        self._read: dict[str, Reading] = {}

    def prime(self, sentences: Sequence[str]) -> None:
        """Read ``sentences`` in one batch (one article's candidates): :meth:`decide` then looks them
        up instead of calling the classifier sentence by sentence."""
        self._read = {}
        if self.classifier is not None and sentences:
            self._read = dict(zip(sentences, self.classifier.read(sentences), strict=True))

    def _predict(self, sentence: str) -> Reading:
        assert self.classifier is not None
        found = self._read.get(sentence)
        return found if found is not None else self.classifier.read([sentence])[0]

    def decide(
        self,
        text: str,
        start: int,
        end: int,
        triggers: list[Trigger],
        actors: Sequence[ActorMention],
        hurt: Sequence[CasualtyMention],
        *,
        may_detect: bool = True,
        dated: bool = False,
        sentence: tuple[int, int] | None = None,
    ) -> Decision:
        """The triggers sentence ``text[start:end]`` keeps. ``may_detect`` false: the sentence may
        only keep or lose rule triggers (it may still report the toll of the event before it);
        ``dated``: the sentence names a day; ``sentence``: the whole sentence a clause was cut from."""
        cfg = self.settings
        long_text = len(text) > cfg.long_text_chars
        if not (triggers or actors or hurt) and (long_text or "model-reads-short" in cfg.rules_off):
            # rule model-reads-short: in a short text (a description, a wire sentence) the model reads
            # every sentence; in a whole report only those with an event word, an actor or a toll
            return Decision(triggers, "rule")
        off = frozenset(cfg.rules_off)
        if rule := non_event(text[start:end], off) or _crime_around(text, sentence, (start, end), off):
            return Decision([], f"drop:{rule.id}", reason=rule.codebook)
        if self.classifier is None:
            return Decision(triggers, "rule")
        if not triggers and (not may_detect or (cfg.classifier_needs_toll and not hurt)):
            return Decision(triggers, "rule")
        reading = self._predict(text[start:end])
        label, confidence = reading.label, reading.confidence
        if not triggers:
            return self._detect(text, start, end, actors, hurt, reading)
        if label is None:
            told = dated or bool(hurt)  # an act of a day or with a toll, not analysis or background
            if confidence >= cfg.classifier_veto and not (
                told and _armed_named(triggers, actors, cfg.rules_off)
            ):
                return Decision([], "model-vetoes", label, confidence)
            return Decision(triggers, "rule", label, confidence)
        main = max(triggers, key=priority)
        wanted = _rule_label(label)
        same_type = EVENT_TYPE_OF[wanted] == EVENT_TYPE_OF[main.sub_event_type]
        bar = cfg.classifier_override_within if same_type else cfg.classifier_override
        if _override_barred(main, wanted, same_type, text, start, end):
            bar = 1.01
        if confidence >= bar and all(t.sub_event_type != wanted for t in triggers):
            kept = Trigger(main.start, main.end, main.text, wanted)
            return Decision([kept], "model-overrides", label, confidence)
        return Decision(triggers, "rule", label, confidence)

    def _detect(
        self,
        text: str,
        start: int,
        end: int,
        actors: Sequence[ActorMention],
        hurt: Sequence[CasualtyMention],
        reading: Reading,
    ) -> Decision:
        """Steps ``model-detects`` and ``model-reads-violence`` for a sentence no trigger rule fired on."""
        cfg = self.settings
        long_text = len(text) > cfg.long_text_chars
        label, confidence, step = reading.label, reading.confidence, "model-detects"
        bar = cfg.classifier_threshold_long if long_text else cfg.classifier_threshold
        if (
            long_text
            and (actors or hurt)
            and (_VIOLENT_ACT.search(text, start, end) or _TERRITORIAL_ACT.search(text, start, end))
        ):
            # in a whole report, a violent act with a side or a toll is read at a lower bar
            bar = min(bar, cfg.classifier_threshold_long_violence)
        if not (actors or hurt):
            bar = max(bar, cfg.classifier_threshold_bare)
        if (
            (label is None or confidence < bar)
            and not long_text
            and (actors or hurt)
            and reading.event is not None
            and reading.event_confidence >= cfg.classifier_violence
            and "model-reads-violence" not in cfg.rules_off
            and _VIOLENT_ACT.search(text, start, end)
        ):
            label, confidence, step = reading.event, reading.event_confidence, "model-reads-violence"
        elif label is None or confidence < bar:
            return Decision([], "rule", label, confidence)
        span = _anchor(text, start, end, actors, hurt)
        if span is None:
            return Decision([], "rule", label, confidence)
        made = Trigger(span[0], span[1], text[span[0] : span[1]], _rule_label(label))
        return Decision([made], step, label, confidence)

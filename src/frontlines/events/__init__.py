"""Event coding to ACLED's codebook: triggers, actor roles, fatalities, assembly, notes."""

from __future__ import annotations

from collections.abc import Callable

from frontlines.config import EventSettings
from frontlines.events.assemble import EventAssembler
from frontlines.events.classifier import SubEventClassifier
from frontlines.events.triggers import find_triggers
from frontlines.mentions.actors import ActorDictionary
from frontlines.mentions.numbers import find_casualties
from frontlines.model import Doc, Place
from frontlines.pipeline import FunctionStage, stage

__all__ = ["EventAssembler", "actor_stage", "casualty_stage", "event_stage", "find_triggers", "trigger_stage"]


@stage("casualties", requires={"clean", "sentences"}, provides={"casualties"})
def casualty_stage(doc: Doc) -> Doc:
    """Find counts of people killed or wounded, cumulative totals flagged."""
    doc.casualties = find_casualties(doc.text, doc.sentences)
    return doc


@stage("triggers", requires={"clean"}, provides={"triggers"})
def trigger_stage(doc: Doc) -> Doc:
    """Find event triggers in the cleaned text."""
    doc.triggers = find_triggers(doc.text)
    return doc


def actor_stage(dictionary: ActorDictionary) -> FunctionStage:
    """A stage that finds actor mentions with ``dictionary``."""

    def run(doc: Doc) -> Doc:
        doc.actors = dictionary.find(doc.text)
        return doc

    return FunctionStage("actors", frozenset({"clean"}), frozenset({"actors"}), run)


def event_stage(
    dictionary: ActorDictionary,
    settings: EventSettings,
    classifier: SubEventClassifier | None = None,
    seat: Callable[[Place], Place | None] | None = None,
    country_place: Callable[[str], Place | None] | None = None,
    capital_place: Callable[[str], Place | None] | None = None,
) -> FunctionStage:
    """A stage that assembles events from every mention found before it; ``classifier`` names the
    events of sentences no trigger rule fires on (the cascade's second step); ``seat`` gives a
    province's capital, where province-level events are coded; ``country_place`` a country's own
    entry, where events of unknown places are coded; ``capital_place`` its national capital ("the
    capital")."""
    assembler = EventAssembler(dictionary, settings, classifier, seat, country_place, capital_place)
    return FunctionStage(
        "events",
        frozenset({"sentences", "places", "actors", "times", "casualties", "triggers"}),
        frozenset({"events"}),
        assembler.assemble,
    )

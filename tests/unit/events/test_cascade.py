"""The coding cascade (rules and the classifier), clause units and unknown places, end to end."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from frontlines.config import Settings
from frontlines.events.cascade import Cascade, Decision
from frontlines.events.classifier import Reading
from frontlines.events.clauses import clause_units
from frontlines.events.training import team_sentences, train_classifier
from frontlines.model import ActorMention, ActorRef, SubEventType, Trigger
from frontlines.run import Resources
from helpers import run_article

S = SubEventType
DAY = dt.date(2024, 3, 20)


def test_cascade_two_events_told_in_one_sentence_are_two_events(
    resources: Resources, settings: Settings
) -> None:
    text = (
        "RSF shelling killed 12 civilians in El Fasher on Sunday, while a separate army air strike hit "
        "Nyala the same day, killing 5."
    )
    doc = run_article(text, resources, settings, DAY)
    coded = sorted((e.location, e.sub_event_type, e.fatalities) for e in doc.events)
    assert coded == [("El Fasher", S.SHELLING, 12), ("Nyala", S.AIR_DRONE_STRIKE, 5)]


def test_cascade_clause_units_cut_only_where_both_sides_fire_a_rule() -> None:
    text = "Jets struck the town; rebels shelled the road. Talks went on; nobody came."
    triggers = [Trigger(0, 4, "Jets", S.AIR_DRONE_STRIKE), Trigger(28, 35, "shelled", S.SHELLING)]
    assert clause_units(text, [(0, 45), (46, 73)], triggers) == [(0, 20), (22, 45), (46, 73)]


def test_cascade_drones_of_a_named_state_strike_for_it(resources: Resources, settings: Settings) -> None:
    text = "Russian Shahed drones struck Kharkiv overnight on March 20, killing two civilians."
    doc = run_article(text, resources, settings, DAY)
    assert [(e.sub_event_type, e.actor1, e.event_date) for e in doc.events] == [
        (S.AIR_DRONE_STRIKE, "Military Forces of Russia (2000-)", dt.date(2024, 3, 20))
    ]


def test_cascade_unknown_place_is_coded_to_the_story_country(
    resources: Resources, settings: Settings
) -> None:
    text = "Gunmen shot dead four farmers in Qwertyvale on Sunday, Nigerian police said."
    doc = run_article(text, resources, settings, DAY)
    assert len(doc.events) == 1
    assert doc.events[0].country == "Nigeria"
    assert any(step.step == "place-unknown" for step in doc.trace)


def test_cascade_accident_with_war_words_makes_no_event(resources: Resources, settings: Settings) -> None:
    text = "A fuel tanker overturned and exploded near Lokoja on Sunday, killing 8 people, police said."
    doc = run_article(text, resources, settings, DAY)
    assert doc.events == []
    assert [s.step for s in doc.trace] == ["drop:accident-or-disaster"]


def _cascade(settings: Settings, **events: float) -> Cascade:
    model = train_classifier(team_sentences())
    return Cascade(model, replace(settings.events, **events))  # type: ignore[arg-type]


def test_cascade_steps_are_switched_by_their_thresholds(settings: Settings) -> None:
    text = "Gunmen opened fire on worshippers at a mosque, killing nine people."
    gunmen = [ActorMention(0, 6, "Gunmen", ActorRef("role", "unidentified"))]
    detect = _cascade(settings, classifier_threshold=0.0).decide(text, 0, len(text), [], gunmen, [])
    assert detect.step == "model-detects" and detect.triggers
    assert detect.triggers[0].text == "opened"  # the word after the first actor: it stays the subject
    off = _cascade(settings, classifier_threshold=1.01, classifier_violence=1.01).decide(
        text, 0, len(text), [], gunmen, []
    )
    assert (off.step, off.triggers) == ("rule", [])
    fired = [Trigger(7, 13, "opened", S.ARMED_CLASH)]
    vetoed = _cascade(settings, classifier_veto=0.0).decide("The weather was fine.", 0, 21, fired, gunmen, [])
    assert vetoed.step in {"model-vetoes", "rule"}
    kept = _cascade(settings, classifier_veto=1.01, classifier_override=1.01, classifier_override_within=1.01)
    assert kept.decide(text, 0, len(text), fired, gunmen, []).triggers == fired


def test_cascade_model_reads_a_violent_act_its_no_event_reading_would_lose(settings: Settings) -> None:
    """Rule model-reads-violence: a violent act told with an actor is the model's likeliest sub-event
    type however likely "no event" is; without a violent act, or switched off, it is not read."""
    gunmen = [ActorMention(0, 6, "Gunmen", ActorRef("role", "unidentified"))]
    reads = _cascade(settings, classifier_threshold=1.01, classifier_violence=0.0)
    shot = "Gunmen shot dead a bus driver in the market."
    decision = reads.decide(shot, 0, len(shot), [], gunmen, [])
    assert decision.step == "model-reads-violence" and decision.triggers[0].text == "shot"
    calm = "Gunmen gathered near the market on Sunday."
    assert reads.decide(calm, 0, len(calm), [], gunmen, []).triggers == []
    off = _cascade(settings, classifier_threshold=1.01, classifier_violence=0.0)
    off.settings = replace(off.settings, rules_off=("model-reads-violence",))
    assert off.decide(shot, 0, len(shot), [], gunmen, []).triggers == []


def test_cascade_in_a_whole_report_a_violent_act_with_a_side_needs_less(settings: Settings) -> None:
    """In a text over long_text_chars a sentence with no trigger is an event at classifier_threshold_long,
    or at classifier_threshold_long_violence when it tells a violent act or a change of control with a
    side or a toll."""
    filler = " ".join(["The city was quiet for the rest of the week."] * 20)
    shot = "Russian soldiers also killed two volunteers at the park."
    calm = "Russian soldiers also gathered two volunteers at the park."
    soldiers = ActorMention(0, 16, "Russian soldiers", ActorRef("role", "military", "RU"))

    def decide(sentence: str, **events: float) -> Decision:
        text = f"{sentence} {filler}"
        return _cascade(settings, **events).decide(text, 0, len(sentence), [], [soldiers], [])

    levels = {"classifier_threshold_long": 1.01, "classifier_threshold_long_violence": 0.0}
    assert decide(shot, **levels).step == "model-detects"
    # a change of control is read at the same bar
    assert decide("Russian soldiers captured the town of Polohy.", **levels).step == "model-detects"
    assert decide(calm, **levels).triggers == []
    never = {"classifier_threshold_long": 1.01, "classifier_threshold_long_violence": 1.01}
    assert decide(shot, **never).triggers == []


def test_cascade_no_model_detections_in_a_disaster_story(resources: Resources, settings: Settings) -> None:
    eager = replace(
        settings,
        events=replace(settings.events, classifier_threshold=0.0, classifier_threshold_long=0.0),
    )
    rescue = "Soldiers and villagers dug through the rubble of houses in Herat through the night."
    quake = f"An earthquake struck western Afghanistan on Saturday, killing 2,000 people. {rescue}"
    doc = run_article(quake, resources, eager, DAY)
    assert doc.events == []
    steps = ["drop:accident-or-disaster", "model-detects", "drop:non-event-story"]
    assert [s.step for s in doc.trace] == steps
    # the same sentence after a lead that is no disaster is read by the model
    told = run_article(f"Talks resumed in Doha on Saturday. {rescue}", resources, eager, DAY)
    assert "model-detects" in [s.step for s in told.trace]


def test_cascade_model_reads_every_sentence_of_a_short_text(resources: Resources, settings: Settings) -> None:
    text = "Eleven oil drums packed with TNT rained on Daraa al-Balad on Sunday."  # no trigger, actor or toll
    eager = replace(settings.events, classifier_threshold=0.0, classifier_threshold_bare=0.0)
    read = run_article(text, resources, replace(settings, events=eager), DAY)
    assert [s.step for s in read.trace][:1] == ["model-detects"]
    off = replace(eager, rules_off=("model-reads-short",))
    assert run_article(text, resources, replace(settings, events=off), DAY).trace == []
    # in a whole report such a sentence is not read
    report = text + " " + " ".join(["The city was quiet for the rest of the week."] * 20)
    assert "model-detects" not in [
        s.step for s in run_article(report, resources, replace(settings, events=eager), DAY).trace
    ]


def test_cascade_unknown_place_takes_the_country_of_a_place_named_in_another_role(
    resources: Resources, settings: Settings
) -> None:
    text = (
        "On 12 March 2022, the Bucha City Council announced that Russian forces had fully occupied the city."
    )
    doc = run_article(text, resources, settings, dt.date(2022, 3, 13))
    assert [(e.country, e.sub_event_type, e.actor1) for e in doc.events] == [
        ("Ukraine", S.NON_STATE_OVERTAKES_TERRITORY, "Military Forces of Russia (2000-)")
    ]


class _Says:
    """A classifier that reads every sentence as one sub-event type, sure of it."""

    def __init__(self, sub: SubEventType) -> None:
        self.sub = sub

    def read(self, sentences: list[str]) -> list[Reading]:
        return [Reading(self.sub, 0.99, self.sub, 0.99) for _ in sentences]


def test_cascade_a_weapons_explosion_is_no_clash_unless_fire_went_both_ways(settings: Settings) -> None:
    """Rule weapon-not-clash: the model may not turn soldiers killed by an IED into an armed clash; an
    exchange of artillery fire it may."""
    cascade = Cascade(_Says(S.ARMED_CLASH), settings.events)  # type: ignore[arg-type]
    ied = "Two soldiers were killed by an IED in Mopti."
    fired = [Trigger(ied.index("IED"), ied.index("IED") + 3, "IED", S.REMOTE_EXPLOSIVE)]
    assert cascade.decide(ied, 0, len(ied), fired, [], []).triggers == fired
    both = "Artillery fire was exchanged between the two armies near Tovuz."
    shells = [Trigger(0, 9, "Artillery", S.SHELLING)]
    decision = cascade.decide(both, 0, len(both), shells, [], [])
    assert decision.step == "model-overrides" and decision.triggers[0].sub_event_type == S.ARMED_CLASH


def test_cascade_a_planted_device_named_stays_one_whatever_the_model_says(settings: Settings) -> None:
    """Rule weapon-named: "an IED" names the weapon, so the model may not make it an air strike; "a
    blast" names no weapon, and it may."""
    cascade = Cascade(_Says(S.AIR_DRONE_STRIKE), settings.events)  # type: ignore[arg-type]
    ied = "An army truck struck an IED near Mbau."
    named = [Trigger(ied.index("IED"), ied.index("IED") + 3, "IED", S.REMOTE_EXPLOSIVE)]
    assert cascade.decide(ied, 0, len(ied), named, [], []).triggers == named
    blast = "A blast hit an army truck near Mbau."
    unnamed = [Trigger(2, 7, "blast", S.REMOTE_EXPLOSIVE)]
    assert cascade.decide(blast, 0, len(blast), unnamed, [], []).step == "model-overrides"


def test_cascade_civilians_killed_by_a_weapon_are_no_attack(settings: Settings) -> None:
    """Rule weapon-not-attack: an air raid that killed civilians stays an air strike, whatever the
    model says; a trigger of another event type it may still override."""
    cascade = Cascade(_Says(S.ATTACK), settings.events)  # type: ignore[arg-type]
    raid = "At least 17 civilians were killed by an air raid on the market in al-Asharah."
    fired = [Trigger(raid.index("air raid"), raid.index("air raid") + 8, "air raid", S.AIR_DRONE_STRIKE)]
    assert cascade.decide(raid, 0, len(raid), fired, [], []).triggers == fired
    seized = [Trigger(raid.index("killed"), raid.index("killed") + 6, "killed", S.ARMED_CLASH)]
    assert cascade.decide(raid, 0, len(raid), seized, [], []).step == "model-overrides"


def test_cascade_a_protest_told_as_violent_or_met_with_force_is_not_peaceful(settings: Settings) -> None:
    """Rule unpeaceful-protest: the model may not make a violent demonstration or a protest met with
    arrests peaceful; an armed clash it may still override."""
    cascade = Cascade(_Says(S.PEACEFUL_PROTEST), settings.events)  # type: ignore[arg-type]
    text = "Students threw Molotov cocktails at police; police arrested ten who protested."
    for sub in (S.VIOLENT_DEMONSTRATION, S.PROTEST_WITH_INTERVENTION, S.EXCESSIVE_FORCE):
        fired = [Trigger(9, 14, "threw", sub)]
        assert cascade.decide(text, 0, len(text), fired, [], []).triggers == fired
    clash = [Trigger(9, 14, "threw", S.ARMED_CLASH)]
    assert cascade.decide(text, 0, len(text), clash, [], []).step == "model-overrides"


def test_cascade_protesters_killed_met_excessive_force_not_an_attack(
    resources: Resources, settings: Settings
) -> None:
    """Rule force-on-protesters: people shot dead while protesting stay excessive force against
    protesters, whatever the model says; the protesters are actor 1, the forces actor 2."""
    cascade = Cascade(_Says(S.ATTACK), settings.events)  # type: ignore[arg-type]
    text = "Police shot dead 2 worshippers protesting outside a church."
    fired = [Trigger(7, 16, "shot dead", S.EXCESSIVE_FORCE)]
    assert cascade.decide(text, 0, len(text), fired, [], []).triggers == fired
    text = "On Sunday, soldiers shot dead a man among crowds marching with flags in Bamenda."
    [event] = run_article(text, resources, settings, DAY).events
    assert event.sub_event_type == S.EXCESSIVE_FORCE
    assert event.actor1.startswith("Protesters") and event.actor2.startswith("Military Forces of Cameroon")


def test_cascade_people_captured_are_arrested_not_territory(resources: Resources, settings: Settings) -> None:
    """Rule people-captured: a capture of people the rules read as arrests stays arrests, whatever the
    model says, and the rules read no capture of a place in it."""
    cascade = Cascade(_Says(S.NON_STATE_OVERTAKES_TERRITORY), settings.events)  # type: ignore[arg-type]
    text = "Troops captured three Boko Haram commanders near Bama."
    fired = [Trigger(7, 15, "captured", S.ARRESTS)]
    assert cascade.decide(text, 0, len(text), fired, [], []).triggers == fired
    text = "On Sunday, troops captured three Boko Haram commanders near Bama."
    [event] = run_article(text, resources, settings, DAY).events
    assert event.sub_event_type == S.ARRESTS


def test_cascade_a_base_set_up_is_no_battle_unless_fighting_is_told(settings: Settings) -> None:
    """Rule base-not-battle: the model may not turn a camp set up into an armed clash; a base set up
    during fighting it may."""
    cascade = Cascade(_Says(S.ARMED_CLASH), settings.events)  # type: ignore[arg-type]
    text = "FARC dissidents installed a permanent camp and a checkpoint on the road into El Plateado."
    start = text.index("installed")
    fired = [Trigger(start, start + 26, text[start : start + 26], S.HEADQUARTERS_ESTABLISHED)]
    assert cascade.decide(text, 0, len(text), fired, [], []).triggers == fired
    fight = "After heavy fighting, the rebels set up a base in the town."
    start = fight.index("set up")
    based = [Trigger(start, start + 15, fight[start : start + 15], S.HEADQUARTERS_ESTABLISHED)]
    assert cascade.decide(fight, 0, len(fight), based, [], []).step == "model-overrides"


def test_cascade_wounded_people_make_a_whole_reports_sentence_worth_reading(
    resources: Resources, settings: Settings
) -> None:
    """In a whole report the model reads a sentence with no event word only when it names an actor or
    a toll; people wounded are a toll as the killed are ("Ten visitors were wounded by a mine")."""
    filler = "The talks in the capital went on for a third week without a result. " * 10
    sentence = "Ten visitors were wounded by a roadside mine near Kidal on Sunday."
    eager = replace(settings, events=replace(settings.events, classifier_threshold_long=0.0))
    doc = run_article(filler + sentence, resources, eager, DAY)
    start = len(filler)
    assert [s.step for s in doc.trace if s.start >= start] == ["model-detects"]


def test_cascade_an_actor_an_act_is_on_is_its_target(settings: Settings) -> None:
    """A model-made trigger sits on the act noun when the first actor is what the act hit ("An attack
    on a Malian army base"), so that the actor is not read as the attacker."""
    text = "An attack on a Malian army base left 53 soldiers dead."
    army = [ActorMention(15, 26, "Malian army", ActorRef("role", "military", "ML"))]
    decision = _cascade(settings, classifier_threshold=0.0).decide(text, 0, len(text), [], army, [])
    assert decision.triggers[0].text == "attack"


def test_cascade_the_army_an_attack_hit_is_actor2(resources: Resources, settings: Settings) -> None:
    text = "On Sunday, an attack on a Malian army base in Kidal left 53 soldiers dead."
    [event] = run_article(text, resources, settings, DAY).events
    assert (event.actor1, event.actor2) == (
        "Unidentified Armed Group (Mali)",
        "Military Forces of Mali (2021-)",
    )


class _SaysNoEvent:
    """A classifier that reads every sentence as no event, sure of it."""

    def read(self, sentences: list[str]) -> list[Reading]:
        return [Reading(None, 0.99, S.ATTACK, 0.01) for _ in sentences]


def test_cascade_an_armed_side_keeps_its_violence_from_the_veto(settings: Settings) -> None:
    """Rule armed-actor-no-veto: the model's "no event" does not drop violence a rule found where the
    sentence names an armed side and a day or a toll; it still drops it with no armed side named,
    with no day and no toll (analysis, background), and a strategic event."""
    cascade = Cascade(_SaysNoEvent(), settings.events)  # type: ignore[arg-type]
    text = "IS executes 12 in Palmyra yard on Sunday"
    executes = [Trigger(3, 11, "executes", S.ATTACK)]
    armed = [ActorMention(0, 2, "IS", ActorRef("actor", "Islamic State (Syria)"))]
    assert cascade.decide(text, 0, len(text), executes, armed, [], dated=True).triggers == executes
    assert cascade.decide(text, 0, len(text), executes, armed, []).step == "model-vetoes"
    assert cascade.decide(text, 0, len(text), executes, [], [], dated=True).step == "model-vetoes"
    police = [ActorMention(0, 2, "IS", ActorRef("role", "police"))]
    assert cascade.decide(text, 0, len(text), executes, police, [], dated=True).step == "model-vetoes"
    truce = [Trigger(3, 11, "executes", S.AGREEMENT)]
    assert cascade.decide(text, 0, len(text), truce, armed, [], dated=True).step == "model-vetoes"
    off = Cascade(_SaysNoEvent(), replace(settings.events, rules_off=("armed-actor-no-veto",)))  # type: ignore[arg-type]
    assert off.decide(text, 0, len(text), executes, armed, [], dated=True).step == "model-vetoes"

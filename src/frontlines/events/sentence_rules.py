"""What one sentence makes: the sentence rules, as an ordered table (:data:`RULES`).

Each rule has an id, the codebook rule or project choice it implements, the named window of text it
reads, and example articles that run as tests through the whole pipeline
(``tests/unit/events/test_sentence_rules.py``): in each of ``fires`` the rule decides, in each of
``misses`` it does not. A rule belongs to a stage:

- ``detect``: a sentence only the classifier calls an event may be dropped before anything else;
- ``trailing``: a sentence with no trigger may still add to the events just told;
- ``trigger``: which of a sentence's triggers names its event (and which actors are its sides);
- ``drop``: a sentence that tells no event of its own day;
- ``date`` and ``place``: the event's day and place.

:meth:`frontlines.events.assemble.EventAssembler.assemble` runs the rules of each stage in table order
on each sentence. A rule that drops a sentence leaves ``drop:RULE_ID`` in ``doc.trace`` (with its
reason, shown by ``frontlines extract --explain``); a rule that chooses leaves ``RULE_ID``. A rule's id
in ``EventSettings.rules_off`` (``frontlines eval acled --ablate RULE_ID``) switches it off, except the
``required`` ones: an event needs a day and a place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from frontlines.events import sentence_decisions as d
from frontlines.events import sentence_places as pl
from frontlines.events.sentence import MAX_RANGE_DAYS, Clause, Story

Stage = Literal["detect", "trailing", "trigger", "drop", "date", "place"]
#: What a rule does when it fires: drop the sentence, or choose something of its event.
Effect = Literal["drop", "choose"]
#: A rule's decision: the reason it fired (for the trace), or None when it does not apply.
Decide = Callable[[Clause, Story], str | None]


@dataclass(frozen=True, slots=True)
class SentenceRule:
    """One rule: ``decide`` applies it to a sentence and says why when it fires (module docs)."""

    id: str
    stage: Stage
    effect: Effect
    codebook: str
    #: The text the rule reads, named.
    window: str
    decide: Decide
    fires: tuple[str, ...]
    misses: tuple[str, ...] = ()
    #: An event needs a day and a place: such a rule cannot be switched off.
    required: bool = False
    #: The examples run with a publication date (the default) or without one.
    dated: bool = True

    @property
    def step(self) -> str:
        """The name of the rule's decision in ``doc.trace``."""
        return f"drop:{self.id}" if self.effect == "drop" else self.id


# --- the table ----------------------------------------------------------------------------------------

_TRIGGER_WINDOW = "{} characters of the sentence before each trigger"

RULES: tuple[SentenceRule, ...] = (
    SentenceRule(
        "non-event-story",
        "detect",
        "drop",
        "codebook: accidents and disasters are not political violence; in a report that opens with one, "
        "a sentence without an event word tells of the rescue or the toll",
        f"the story's first {d.STORY_LEAD} sentences (a non-event rule applies to one of them)",
        d.non_event_story,
        fires=(
            "An earthquake struck western Afghanistan on Saturday, killing 2,000 people. Soldiers and "
            "villagers dug through the rubble of houses in Herat through the night.",
        ),
        misses=(
            "Talks resumed in Doha on Saturday. Soldiers and villagers dug through the rubble of houses in "
            "Herat through the night.",
        ),
    ),
    SentenceRule(
        "model-retell",
        "detect",
        "drop",
        "codebook: one event is coded once; a sentence only the classifier calls an event, after an "
        "event of its type was told, retells that event; one that names its own event place retells "
        "only an event at, in or near it (ACLED: one event per place and day)",
        "the events the article told before the sentence",
        d.model_retell,
        fires=(
            "Government troops clashed with rebels in Aleppo on Sunday, killing 6 fighters.\n\nState "
            "television said the army restored security to the city and killed dozens of terrorists.",
        ),
        misses=(
            "Talks resumed in Doha on Sunday.\n\nState television said the army restored security to the "
            "city and killed dozens of terrorists.",
            "Government troops clashed with rebels in Aleppo on Sunday, killing 6 fighters.\n\nState "
            "television said the army killed dozens of terrorists in Homs.",
        ),
    ),
    SentenceRule(
        "later-toll",
        "trailing",
        "choose",
        "codebook: fatalities are those of the event, all sides together; a toll told in the next "
        "sentences with no event word of its own is the toll of the events just told ('were also killed': "
        "added to it)",
        f"the {d.TOLL_LOOKAHEAD} sentences after an event",
        d.later_toll,
        fires=(
            "Government jets bombarded Idlib on Sunday. Activists said seven people died.",
            "Rebels attacked an army post in Idlib on Sunday, killing 3 soldiers. The army said 4 rebels "
            "were also killed.",
            "Government jets bombarded Idlib on Sunday. Five people were injured.",
        ),
        misses=(
            "Government jets bombarded Idlib on Sunday, killing 3 people. Activists said seven people died.",
            "Government jets bombarded Idlib on Sunday.\n\nActivists said seven people died.",
        ),
    ),
    SentenceRule(
        "prior",
        "trigger",
        "choose",
        "project rule: a trigger told as past background ('a town recently captured by', 'ending weeks of "
        "fighting', 'a day after retaking it') does not name the sentence's event",
        _TRIGGER_WINDOW.format(d.PRIOR_REACH),
        d.prior,
        fires=(
            "On Sunday, Ukrainian troops shelled Avdiivka, a town recently captured by Russian forces.",
            "The RSF said on Thursday it had captured the army base in Nyala after weeks of fighting.",
            "Clan elders signed a ceasefire agreement in Dhusamareb on Sunday, ending weeks of fighting.",
            "RSF fighters looted shops in Al-Hilaliya on Friday, a day after taking control of it.",
            "Soldiers looted shops in Lalibela on Sunday after retaking the town.",
            "A drone strike hit a camp in Dedebit on Sunday, where many had fled fighting in the west.",
            "Soldiers looted shops in Izium on Sunday, after the town was retaken.",
        ),
        misses=(
            "On Sunday, Russian forces captured Avdiivka.",
            "Two days after the talks failed, rebels captured Kidal on Sunday.",
            "The Arakan Army said on Wednesday it had captured the town of Ann.",
            "Aliyev said on Sunday that Azerbaijani forces had taken control of Shusha.",
        ),
    ),
    SentenceRule(
        "aside",
        "trigger",
        "choose",
        "project rule: a clause beside the event ('where forces were fighting', 'who also shelled') sets "
        "the scene or adds a lesser act; the sentence's event is its main clause's",
        "the clauses from 'where/as/while ... were V-ing' or ', who also' to the next comma",
        d.aside,
        fires=(
            "On Sunday, Russian aircraft bombed Bakhmut, where Ukrainian troops were fighting Wagner "
            "fighters.",
        ),
        misses=("On Sunday, Russian aircraft bombed Bakhmut.",),
    ),
    SentenceRule(
        "anaphoric",
        "trigger",
        "choose",
        "project rule: 'the clashes', 'the attack' refer back to an event told; a sentence's own event is "
        "named by a trigger that does not, when it has one (a capture names its place: no reference)",
        _TRIGGER_WINDOW.format(d.ANAPHORIC_REACH),
        d.anaphoric,
        fires=(
            "Troops clashed with al-Shabaab in Afgoye on Sunday. The clashes killed 5 fighters.",
            "Government jets bombed a village in Idlib province on Sunday, killing 7 people. The jets "
            "bombed the village at about 10 a.m., residents said.",
        ),
        misses=(
            "Troops clashed with al-Shabaab in Afgoye on Sunday, killing 5 fighters.",
            "On Sunday, the Ukrainian Air Force struck the TV tower in Kherson with a missile.",
        ),
    ),
    SentenceRule(
        "protest-topic",
        "trigger",
        "choose",
        "codebook: a demonstration is coded by what the crowd does; what it protests against (a "
        "kidnapping, an arrest) is its topic, not an event",
        f"{_TRIGGER_WINDOW.format(d.TOPIC_REACH)}, and the text from the protest's trigger to each other",
        d.protest_topic,
        fires=(
            "Protesters attacked and set fire to several embassies in Kinshasa on Tuesday over the fall of "
            "Goma.",
            "On Sunday, residents protested in Goma after gunmen kidnapped a local chief.",
        ),
        misses=(
            "On Sunday, residents protested in Goma, and police arrested 12 of them.",
            # the crowd's own violent act is what it does, whatever cause comes before it
            "On Sunday, protesters angry over the death of a youth in custody set fire to tyres in Imphal.",
        ),
    ),
    SentenceRule(
        "aside-actors",
        "trigger",
        "choose",
        "project rule: the actors of a clause beside the event (rule aside) are not the event's sides",
        "the aside clauses that do not hold the chosen trigger",
        d.aside_actors,
        fires=(
            "On Sunday, Russian aircraft bombed Bakhmut, where Ukrainian troops were fighting Wagner "
            "fighters.",
        ),
        misses=("On Sunday, Russian aircraft bombed Ukrainian troops in Bakhmut.",),
    ),
    SentenceRule(
        "background-date",
        "drop",
        "drop",
        "codebook: events are coded on the day they happened; a date over ``background_days`` before "
        "publication tells history",
        "the dates the sentence names",
        d.background_date,
        fires=("Rebels seized the town of Kidal on 2 February 2016, a local official said.",),
        misses=("Rebels attacked the town of Kidal on Sunday, a local official said.",),
    ),
    SentenceRule(
        "running-total",
        "drop",
        "drop",
        "codebook: running totals are not events ('As of 20 October, 40 soldiers were killed'; "
        "'Between January and September, 16 soldiers were killed in sporadic clashes')",
        "the sentence's opening words",
        d.running_total,
        fires=("As of 1 May, the authorities said at least 40 soldiers had been killed in the fighting.",),
        misses=("Between 25 and 27 July 2024, soldiers and rebels clashed near Tinzaouaten, killing 12.",),
    ),
    SentenceRule(
        "background",
        "drop",
        "drop",
        "codebook: background is not an event: a phrase that dates the war's start, or a bare year before "
        "the report's",
        "the sentence",
        d.background,
        fires=("Houthi forces captured Sanaa in 2014 and have held it since.",),
        misses=("Houthi forces shelled the city of Taiz on Sunday, residents said.",),
    ),
    SentenceRule(
        "habitual",
        "drop",
        "drop",
        "codebook: an event is of one day; habits, campaigns and spans of time are not",
        "the sentence",
        d.habitual,
        fires=(
            "Government forces have shelled the town of Kidal regularly, residents said on Sunday.",
            "Ten years ago, rebels shelled the town of Kidal, killing three civilians, residents recalled.",
            "The United States has carried out a campaign of drone strikes on targets in North Waziristan.",
            "The army said it had recorded hundreds of cases in which rebel drones dropped grenades on its "
            "positions in Kidal.",
            "Islamist fighters have executed 290 civilians in Kidal in 47 months since they took the town.",
            "Frequent bombing by Russian jets has caused numerous massacres in Kidal, killing 300 people.",
            "Russian shelling killed 12 civilians in Kidal throughout April and May, officials said.",
        ),
        misses=("Government jets bombarded the city of Idlib on Sunday, residents said.",),
    ),
    SentenceRule(
        "dateline-date",
        "date",
        "choose",
        "project rule: a dateline's date is the publication date, not the day of the events reported",
        f"the article's first {d.DATELINE_REACH} characters",
        d.dateline_date,
        fires=(
            "KHARTOUM, May 9 (Wire) - The Rapid Support Forces shelled Omdurman on Saturday, killing 5 "
            "civilians.",
        ),
        misses=("The Rapid Support Forces shelled Omdurman on Saturday, killing 5 civilians.",),
    ),
    SentenceRule(
        "retell",
        "drop",
        "drop",
        "codebook: one event is coded once; a sentence whose every trigger refers back (rule anaphoric) "
        "and that names no date retells the latest event of that type (at, in or near the event place "
        "the sentence names, if it names one)",
        "the events the article told before the sentence",
        d.retell,
        fires=(
            "Troops clashed with al-Shabaab in Afgoye on Sunday. The clashes killed 5 fighters.",
            "The RSF shelled Omdurman on Thursday, killing 12 civilians. The shells landed on a crowded "
            "market in the Karari district, the Sudan Doctors Network said.",
        ),
        misses=(
            "The clashes in Afgoye killed 5 fighters on Sunday.",
            "Troops clashed with al-Shabaab in Afgoye on Sunday. The clashes in Kismayo killed 5 fighters.",
        ),
    ),
    SentenceRule(
        "irrealis",
        "drop",
        "drop",
        "codebook: only events that happened are coded: no threat, plan, denial or failed attempt; an act "
        "told before the planned one is coded",
        _TRIGGER_WINDOW.format(d.IRREALIS_REACH).replace("each trigger", "the chosen trigger")
        + "; the whole sentence, less its relative clauses ('which denied'), when the model made the "
        "trigger",
        d.irrealis,
        fires=(
            "On Sunday, the militia denied that it had shelled Ituri.",
            "On Sunday, 33 factions called on the government to halt airstrikes on the town of Rastan.",
            "On Sunday, the minister said the army had not recaptured the town of Konna from the rebels.",
            "On Sunday, rebels trying to retake the town of Konna were seen near the river.",
            "On Sunday, negotiations between the army and the M23 rebels in Goma broke down without an "
            "agreement.",
        ),
        misses=(
            "On Sunday, the army shelled the city of Goma, a local official said.",
            "Gunmen killed nine people in an attack on a village in Oromia on Wednesday, residents said, "
            "blaming the Oromo Liberation Army, which denied responsibility.",
            "FNDC coordinator Oumar Sylla was arrested in Conakry on 30 July 2022, ahead of a planned "
            "demonstration.",
            "On Sunday, the opposition held a 'free will' rally in Istanbul demanding the release of its "
            "leader.",
            "At least 26 people were killed when warriors raided hamlets near Wapenamanda on Sunday, "
            "cutting down those who could not flee, police said.",
            "Soldiers trying to advance on the village of Hlyboke exchanged fire with Russian troops on "
            "Sunday.",
        ),
    ),
    SentenceRule(
        "undated",
        "drop",
        "drop",
        "project rule: a relative date ('yesterday') with no publication date to resolve it is never the "
        "day the article was read",
        "the sentence's unresolved relative dates",
        d.undated,
        fires=("Government jets bombarded Idlib yesterday, killing 12 people.",),
        misses=("Government jets bombarded Idlib on 8 May 2016, killing 12 people.",),
        dated=False,
    ),
    SentenceRule(
        "carried-date",
        "date",
        "choose",
        "project rule: a sentence that names no day tells of the day the sentences before named",
        "the last date named by a sentence before",
        d.carried_date,
        fires=("Rebels attacked Kidal on Saturday. Troops shelled Tessalit, killing 3 rebels.",),
        misses=("Troops shelled Tessalit, killing 3 rebels.",),
    ),
    SentenceRule(
        "publication-day",
        "date",
        "choose",
        "project rule: a report that names no day speaks of the day it was published",
        "the article's publication date",
        d.publication_day,
        fires=("Troops shelled Tessalit, killing 3 rebels.",),
        misses=("Troops shelled Tessalit on Saturday, killing 3 rebels.",),
    ),
    SentenceRule(
        "no-date",
        "date",
        "drop",
        "an event has a day: with no date named and no publication date, none is made",
        "the sentence and the article's publication date",
        d.no_date,
        fires=("Troops shelled Tessalit, killing 3 rebels.",),
        misses=("Troops shelled Tessalit on 7 May 2016, killing 3 rebels.",),
        dated=False,
        required=True,
    ),
    SentenceRule(
        "day-range",
        "date",
        "choose",
        "codebook: an event is of one day; 'between Friday and Sunday' tells one event a day, the toll "
        "split evenly (noted)",
        f"two days the sentence names, joined by 'between ... and' or 'from ... to', up to "
        f"{MAX_RANGE_DAYS} days apart",
        d.day_range,
        fires=("Troops and rebels clashed in Kidal between Friday and Sunday, killing 9 fighters.",),
        misses=("Troops and rebels clashed in Kidal on Friday and in Gao on Sunday, killing 9 fighters.",),
    ),
    SentenceRule(
        "home-far-place",
        "place",
        "choose",
        "project rule: a small town named for an event, lying far (over 3,000 km) from the one country "
        "where every named side of the sentence fights, is a namesake of a place the gazetteer lacks there: "
        "the event is coded to that country (geo_precision 3) rather than abroad",
        "the sentence's event place and its named sides",
        pl.home_far_place,
        fires=("On Thursday, G9 gunmen and the rival G-Pep shot at each other in Bel Air, residents said.",),
        misses=("On Thursday, G9 gunmen and the rival G-Pep shot at each other in Cite Soleil.",),
    ),
    SentenceRule(
        "whole-region",
        "place",
        "choose",
        "codebook: geo_precision 3 when the event is the province itself; a trigger whose object is a "
        "whole region or an area of it ('captured the entire Luhansk Oblast', 'captured 2500 sqkm in the "
        "Kharkiv region') is placed at the region, not at a town the sentence names besides",
        f"the {pl.WHOLE_REGION_REACH} characters after the trigger, up to a region the sentence names",
        pl.whole_region,
        fires=(
            "Russian forces captured the entire Luhansk Oblast on Sunday, with the capture of Lysychansk.",
            "Government troops recaptured about 300 sq km in Idlib province on Sunday, including Saraqib.",
        ),
        misses=(
            "Russian forces captured Lysychansk in Luhansk Oblast on Sunday.",
            "Government jets bombarded Idlib province on Sunday, hitting Saraqib.",
        ),
    ),
    SentenceRule(
        "region-of-country",
        "place",
        "choose",
        "codebook: geo_precision 3 when only a larger region is known ('in northwestern Syria', 'central "
        "Mali', 'near the Mali border', 'a village in Niger'): the event is coded at its country "
        "approximately, not lost; the whole country ('across Yemen') makes no event",
        "the 25 characters around each country the sentence names as the event place; the sentence's "
        "words for a spot ('a village', 'the army base') and for the whole country ('across')",
        pl.region_of_country,
        fires=(
            "Air strikes on Saturday near a hospital in northwestern Syria killed 10 civilians.",
            "Three policemen were shot dead by AQIM fighters in a Niger village on Monday.",
            "On Monday, militants in Burkina Faso attacked an Ivory Coast border post, killing 10 soldiers.",
        ),
        misses=(
            "Clashes continued across Yemen on Sunday, residents said.",
            "Clashes continued in the city of Taiz on Sunday, residents said.",
        ),
    ),
    SentenceRule(
        "country-level",
        "place",
        "drop",
        "codebook: no country-level events ('fighting continued across the country')",
        "the places the sentence names",
        pl.country_level,
        fires=("Clashes continued across Yemen on Sunday, residents said.",),
        misses=("Clashes continued in the city of Taiz on Sunday, residents said.",),
    ),
    SentenceRule(
        "told-place",
        "place",
        "choose",
        "project rule: the capture of 'the town' is of the town told before; places named only after it "
        "(where the losers went) do not locate it",
        "40 characters after the trigger, and the places the sentence names",
        pl.told_place,
        fires=(
            "Fighting raged around Palmyra on Saturday. On Sunday, the Islamic State took control of the "
            "town as government troops retreated towards Homs.",
        ),
        misses=("On Sunday, the Islamic State took control of Palmyra.",),
    ),
    SentenceRule(
        "place-carries",
        "place",
        "choose",
        "project rule: a sentence that names no place ('the city') happened where the paragraph last "
        "placed events, else where the story is set (its first event place); one that names a place the "
        "gazetteer lacks ('near Hadrut') is placed there approximately (geo_precision 2, 3 at a province)",
        "the paragraph's last event place, else the article's first; the names after 'in', 'near', 'at'",
        pl.place_carries,
        fires=(
            "Rebels attacked Kidal on Saturday. On Sunday, troops shelled rebel positions, killing 4.",
            "Rebels attacked Kidal on Saturday. On Sunday, troops shelled rebel positions near Qwertyvale.",
        ),
        misses=("On Sunday, troops shelled rebel positions in Kidal, killing 4.",),
    ),
    SentenceRule(
        "the-capital",
        "place",
        "choose",
        "project rule: an event 'in the capital' ('the Honduran capital', 'Haiti's capital') that names no "
        "place the gazetteer knows, in a text that placed no event before, happened in the national "
        "capital of its country (geo_precision 2 in a part of it or near it); not '600 km from the capital'",
        "the sentence; its country as rule place-unknown finds it",
        pl.the_capital,
        fires=(
            "Gunmen shot dead two bus drivers in the capital on Sunday, Honduran police said.",
            "Gang members set fire to homes in the Haitian capital's Solino neighbourhood on Sunday.",
        ),
        misses=(
            "A shootout north of the capital of Kabardino-Balkaria left four gunmen dead on Sunday.",
            "Gunmen shot dead two bus drivers in the Honduran capital Tegucigalpa on Sunday.",
            "Gunmen shot dead two bus drivers 60 km from the capital on Sunday, Honduran police said.",
        ),
    ),
    SentenceRule(
        "place-unknown",
        "place",
        "choose",
        "project rule: an event whose place the gazetteer lacks is coded to its country (geo_precision 3) "
        "rather than lost",
        "a place the sentence names in another role, else people's country ('Ukrainian civilians'), else "
        "the front where a state's strikes fall ([[remote_attacker]] front), else the story's focus "
        "country, else an actor's home",
        pl.place_unknown,
        fires=(
            "Gunmen shot dead four farmers in Qwertyvale on Sunday, Nigerian police said.",
            "On 24 March 2022, a Russian airstrike hit a Nova Poshta office, killing six civilians.",
            "After fighting, the city was captured by Russian forces on 1 March 2022.",
        ),
        misses=("Gunmen shot dead four farmers in Kaduna on Sunday.",),
    ),
    SentenceRule(
        "no-place",
        "place",
        "drop",
        "codebook: an event has a location; one with no place in the sentence, the paragraph or the story "
        "is not made",
        "the sentence, the paragraph and the story's places",
        pl.no_place,
        fires=("Gunmen shot dead four farmers on Sunday.",),
        misses=("Gunmen shot dead four farmers in Kaduna on Sunday.",),
        required=True,
    ),
)
RULE_IDS = frozenset(rule.id for rule in RULES)
#: Rules that cannot be switched off.
REQUIRED = frozenset(rule.id for rule in RULES if rule.required)


def stage_rules(*stages: Stage) -> tuple[SentenceRule, ...]:
    """The rules of ``stages``, in table order."""
    return tuple(rule for rule in RULES if rule.stage in stages)

"""An event's geo_precision tells the truth (issue 11), through the whole default pipeline on the
suite's own gazetteer: a sentence that names its event place with a name the gazetteer lacks and is
placed where the paragraph is set is placed there approximately (rule place-carries)."""

from __future__ import annotations

import datetime as dt

from frontlines.events.locate import names_unknown_place
from frontlines.model import Doc
from helpers import run_article

MONDAY = dt.date(2013, 2, 11)


def run(text: str, resources, settings) -> Doc:
    return run_article(text, resources, settings, MONDAY)


def test_locate_unknown_place_carried_is_approximate(resources, settings) -> None:
    doc = run(
        "Rebels attacked Kidal on Saturday, killing 3 soldiers.\n\n"
        "On Sunday, troops shelled rebel positions near Qwertyvale, killing 4 fighters.",
        resources,
        settings,
    )
    precision = {e.event_date: int(e.geo_precision) for e in doc.events if e.location == "Kidal"}
    assert precision == {dt.date(2013, 2, 9): 1, dt.date(2013, 2, 10): 2}


def test_locate_carried_place_without_a_name_stays_exact(resources, settings) -> None:
    doc = run(
        "Rebels attacked Kidal on Saturday, killing 3 soldiers. "
        "On Sunday, troops shelled rebel positions, killing 4 fighters.",
        resources,
        settings,
    )
    assert {int(e.geo_precision) for e in doc.events if e.location == "Kidal"} == {1}


def test_locate_names_unknown_place_reads_names_not_dates_or_actors() -> None:
    text = "Heavy clashes occurred near Hadrut in March, the army said."
    assert names_unknown_place(text, 0, len(text), [], [], None)
    for other in ("Heavy clashes occurred in March, the army said.", "Clashes broke out on Monday."):
        assert not names_unknown_place(other, 0, len(other), [], [], None)

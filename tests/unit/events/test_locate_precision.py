"""An event's geo_precision tells the truth (issue 11), through the whole default pipeline on the
suite's own gazetteer: a sentence that names its event place with a name the gazetteer lacks and is
placed where the paragraph is set is placed there approximately (rule place-carries); a town named only
as a reference point ("X, just south of Y") does not place the event (rule reference-point)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from frontlines.events.locate import (
    coordinated,
    event_places,
    facility_namesakes,
    names_unknown_place,
    reference_points,
    stands_in,
)
from frontlines.model import Doc, Place, PlaceMention
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


def _mentions(text: str, *named: tuple[str, str, bool]) -> list[PlaceMention]:
    """Place mentions of ``text``: (name, role, near) each, resolved to a town of its own."""
    out = []
    for name, role, near in named:
        start = text.index(name)
        town = Place(f"t:{name}", name, "UA", 48.0, 38.0)
        out.append(PlaceMention(start, start + len(name), name, (town,), role, near))  # type: ignore[arg-type]
    return out


def test_locate_reference_point_is_not_the_event_place() -> None:
    for text, first, second in (
        ("Russian forces began to shell Sievierodonetsk, located just southeast of Rubizhne.",
         "Sievierodonetsk", "Rubizhne"),
        ("Russian forces captured Bobryk, just south of Romny, on Monday.", "Bobryk", "Romny"),
        ("Drones destroyed a base at Kulychka near Lebedyn.", "Kulychka", "Lebedyn"),
        ("RSF fighters stormed Tawila, 60 km west of El Fasher.", "Tawila", "El Fasher"),
    ):  # fmt: skip
        places = _mentions(text, (first, "other", False), (second, "event", True))
        assert reference_points(places, text) == places[1:]
        assert [p.text for p in event_places(places, "UA", text=text)] == [first]


def test_locate_second_place_of_the_event_is_no_reference_point() -> None:
    for text, first, second in (
        ("Fighting raged in Kharkiv and in villages north of Izium.", "Kharkiv", "Izium"),
        ("Troops shelled Douma and Harasta on Sunday.", "Douma", "Harasta"),
        ("Clashes in Culiacan spread to settlements south of Navolato.", "Culiacan", "Navolato"),
    ):  # fmt: skip
        places = _mentions(text, (first, "event", False), (second, "event", True))
        assert reference_points(places, text) == []
    text = "Russian forces attacked settlements south of Bakhmut."
    alone = _mentions(text, ("Bakhmut", "event", True))
    assert reference_points(alone, text) == []
    assert [p.text for p in event_places(alone, "UA", text=text)] == ["Bakhmut"]


def test_locate_far_namesake_leaves_the_reference_point() -> None:
    text = "Russian forces captured Bobryk, just south of Romny, on Monday."
    places = _mentions(text, ("Bobryk", "other", False), ("Romny", "event", True))
    far = Place("t:far", "Bobryk", "UA", 50.41, 34.24)  # 65 km from the Romny below: a namesake
    places = [
        replace(places[0], candidates=(far,)),
        replace(places[1], candidates=(Place("t:r", "Romny", "UA", 50.74, 33.50),)),
    ]
    assert reference_points(places, text) == []
    stated = "Russian forces captured Bobryk, 70 km east of Romny, on Monday."
    assert reference_points(_mentions(stated, ("Bobryk", "other", False), ("Romny", "event", True)), stated)


def test_locate_listed_places_past_a_long_coordinator_are_event_places() -> None:
    for text, named in (
        ("The rebels seized Kidal, the capital of Kidal Region, as well as Ansongo and Bourem.",
         ("Kidal", "Ansongo", "Bourem")),
        ("Russian troops shelled Sumy and other towns in Sumy Oblast, in particular Nedryhailiv and Lebedyn.",
         ("Sumy", "Nedryhailiv", "Lebedyn")),
        ("Militants attacked Maiduguri as well as the town of Konduga.", ("Maiduguri", "Konduga")),
    ):  # fmt: skip
        places = _mentions(text, (named[0], "event", False), *((n, "other", False) for n in named[1:]))
        assert [p.text for p in coordinated(event_places(places, "UA", text=text), text)] == list(named)


def test_locate_a_part_or_a_place_in_another_role_is_no_listed_place() -> None:
    for text, first, second in (
        ("Fighting raged in Aleppo, including the Salaheddin neighbourhood.", "Aleppo", "Salaheddin"),
        ("Troops shelled Kidal, and the army said rebels fled towards Gao.", "Kidal", "Gao"),
        ("Troops shelled Kidal; rebels based in Gao denied it.", "Kidal", "Gao"),
    ):  # fmt: skip
        places = _mentions(text, (first, "event", False), (second, "other", False))
        assert [p.text for p in coordinated(event_places(places, "UA", text=text), text)] == [first]


def test_locate_facility_namesake_gives_way_to_the_place_it_lies_in() -> None:
    for text, facility, town in (
        ("Explosions occurred at the Saky airbase in the city of Novofedorivka on Tuesday.",
         "Saky", "Novofedorivka"),
        ("Ukrainian artillery struck Kherson International Airport at Chornobaivka.",
         "Kherson", "Chornobaivka"),
    ):  # fmt: skip
        places = _mentions(text, (facility, "event", True), (town, "event", False))
        assert facility_namesakes(places, text) == places[:1]
        assert [p.text for p in event_places(places, "UA", text=text)] == [town]


def test_locate_facility_alone_or_far_namesake_stays_the_event_place() -> None:
    text = "A Russian missile attack targeted the Chuhuiv air base and Kharkiv."
    places = _mentions(text, ("Chuhuiv", "event", True), ("Kharkiv", "event", False))
    assert facility_namesakes(places, text) == []
    far = "Explosions occurred at the Saky airbase in the city of Novofedorivka on Tuesday."
    places = _mentions(far, ("Saky", "event", True), ("Novofedorivka", "event", False))
    places[1] = replace(places[1], candidates=(Place("t:far", "Novofedorivka", "UA", 47.0, 32.0),))
    assert facility_namesakes(places, far) == []


def test_locate_known_place_holding_an_unknown_one_stands_in_for_it() -> None:
    for text, known in (
        ("Armenia stated that heavy clashes took place near Qacar in Fuzuli.", "Fuzuli"),
        ("Jets struck a school in the village of Qwertyvale in Kidal, killing 4.", "Kidal"),
        # a coder's "village (district, province)": the first known place in the brackets holds it
        ("Ukrainian forces liberated Qwertyvale (Polohy, Zaporizhia) on Monday.", "Polohy"),
        ("Troops clashed with rebels around Qwertyvale (Zyxbury, Gao).", "Gao"),
    ):
        places = _mentions(text, (known, "event", False))
        assert stands_in(text, places[0], places, [], "UA")


def test_locate_known_place_named_alone_or_holding_a_known_one_is_itself() -> None:
    text = "Heavy clashes took place near Hadrut in Fuzuli."
    both = _mentions(text, ("Hadrut", "event", True), ("Fuzuli", "event", False))
    assert not stands_in(text, both[1], both, [], "UA")
    bracketed = "Heavy clashes took place in Hadrut (Fuzuli)."
    both = _mentions(bracketed, ("Hadrut", "event", True), ("Fuzuli", "event", False))
    assert not stands_in(bracketed, both[1], both, [], "UA")
    for alone in (
        "Heavy clashes took place in Fuzuli.",
        "Heavy clashes took place on Monday in Fuzuli.",
        "Heavy clashes took place on Monday (Fuzuli).",  # a day is no unknown place
        "Police fired tear gas on Kaplan Street (Fuzuli).",  # a street, a square: in the place itself
        "Police fired tear gas at protesters at D-Chowk (Fuzuli).",
    ):
        places = _mentions(alone, ("Fuzuli", "event", False))
        assert not stands_in(alone, places[0], places, [], "UA")


def test_locate_a_place_in_no_country_places_no_event() -> None:
    text = "Rebels attacked a base in Africa near Kidal."
    continent = Place("c:africa", "Africa", "", 5.0, 20.0, kind="other")
    town = Place("t:kidal", "Kidal", "ML", 18.4, 1.4)
    africa = PlaceMention(text.index("Africa"), text.index("Africa") + 6, "Africa", (continent,), "event")
    kidal = PlaceMention(text.index("Kidal"), text.index("Kidal") + 5, "Kidal", (town,), "other", True)
    assert event_places([africa], None) == []
    assert event_places([africa, kidal], None) == [kidal]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # rule across-the-border: state forces or another named country say which side it was on
        ("On Sunday, 28 Nigerien soldiers were killed in an ambush near the Mali border.", "Niger"),
        (
            "On Sunday, an attack on a Malian army base near the border with Niger left 53 soldiers dead.",
            "Mali",
        ),
        ("On Sunday, troops clashed with insurgents in Mali, close to the Burkina Faso border.", "Mali"),
        # nothing else named: the border area of the one country named
        (
            "On Sunday, militants attacked an army outpost near the border with Mali, killing 12 soldiers.",
            "Mali",
        ),
    ],
)
def test_locate_the_country_across_a_border_is_not_the_events(text, country, resources, settings) -> None:
    doc = run(text, resources, settings)
    assert [(e.country, int(e.geo_precision)) for e in doc.events] == [(country, 3)]


def test_locate_a_country_after_an_unknown_name_is_where_it_is(resources, settings) -> None:
    """Rule place-carries does not carry the paragraph's place into a sentence that sets an unknown
    name in another country ("in Qwertyvale, Burkina Faso"): the event is coded to that country."""
    doc = run(
        "Rebels attacked Kidal on Saturday, killing 3 soldiers. "
        "On Sunday, militants attacked a church in Qwertyvale, Burkina Faso, killing 14 people.",
        resources,
        settings,
    )
    assert sorted((e.country, int(e.geo_precision)) for e in doc.events) == [("Burkina Faso", 3), ("Mali", 1)]


@pytest.mark.parametrize(
    ("text", "location"),
    [
        # the reporter filed from Aleppo; the event is in Idlib province
        (
            "ALEPPO, Feb 11 (Reuters) - Government jets bombed a village in Idlib province on Sunday, "
            "killing 7 people.",
            "Idlib",
        ),
        # no other place: the dateline's town is all the report gives
        ("ALEPPO, Feb 11 (Reuters) - Government jets bombed the city on Sunday, killing 7 people.", "Aleppo"),
    ],
)
def test_locate_a_dateline_town_places_the_event_only_when_no_other_place_is_named(
    text, location, resources, settings
) -> None:
    assert [e.location for e in run(text, resources, settings).events] == [location]

"""Rule exact-retelling (``EventDraft.absorb``): an event told once approximately ("near X") and once
at the place itself ("in X") is placed exactly; two approximate reports stay approximate. Rule
undated-retelling: when only one of the two reports names its day, that one's precision stands."""

from __future__ import annotations

import datetime as dt

from frontlines.events.drafts import EventDraft
from frontlines.events.sides import Roles
from frontlines.model import Actor, Evidence, GeoPrecision, Inter, Place, SubEventType, TimePrecision

DAY = dt.date(2022, 3, 2)
TOWNS = {
    "UA": Place("t:ua", "Bakhmut", "UA", 48.59, 38.0),
    "SD": Place("t:sd", "El Fasher", "SD", 13.63, 25.35),
    "MM": Place("t:mm", "Myawaddy", "MM", 16.69, 98.51),
    "MX": Place("t:mx", "Culiacan", "MX", 24.80, -107.39),
    "SY": Place("t:sy", "Manbij", "SY", 36.53, 37.95),
}


def _draft(place: Place, precision: GeoPrecision, fatalities: int = 0) -> EventDraft:
    roles = Roles(
        SubEventType.ARMED_CLASH,
        Actor("Military Forces", Inter.STATE_FORCES),
        Actor("Rebels", Inter.REBEL_GROUPS),
    )
    return EventDraft(DAY, TimePrecision.DAY, place, precision, roles, fatalities, [])


def test_drafts_exact_retelling_makes_the_place_exact() -> None:
    for place in TOWNS.values():
        near_first = _draft(place, GeoPrecision.NEAR)
        near_first.absorb(_draft(place, GeoPrecision.PLACE, 3))
        assert near_first.geo_precision == GeoPrecision.PLACE
        exact_first = _draft(place, GeoPrecision.PLACE)
        exact_first.absorb(_draft(place, GeoPrecision.NEAR))
        assert exact_first.geo_precision == GeoPrecision.PLACE


def test_drafts_approximate_retellings_stay_approximate() -> None:
    for place in TOWNS.values():
        near = _draft(place, GeoPrecision.NEAR)
        near.absorb(_draft(place, GeoPrecision.NEAR, 2))
        assert near.geo_precision == GeoPrecision.NEAR
        assert near.fatalities == 2


def _dated(draft: EventDraft) -> EventDraft:
    """``draft`` as a report that names its day ("On 10 November, ...")."""
    draft.evidence.append(Evidence("a", "event_date", "On 10 November", 0, 14))
    return draft


def test_drafts_undated_exact_report_leaves_a_dated_near_report_approximate() -> None:
    for place in TOWNS.values():
        # "The Battle of Bakhmut is a battle..." then "On 10 November, ... fighting near Bakhmut."
        undated_host = _draft(place, GeoPrecision.PLACE)
        undated_host.absorb(_dated(_draft(place, GeoPrecision.NEAR)))
        assert undated_host.geo_precision == GeoPrecision.NEAR
        dated_host = _dated(_draft(place, GeoPrecision.NEAR))
        dated_host.absorb(_draft(place, GeoPrecision.PLACE))
        assert dated_host.geo_precision == GeoPrecision.NEAR


def test_drafts_dated_exact_report_makes_the_place_exact() -> None:
    for place in TOWNS.values():
        undated_near = _draft(place, GeoPrecision.NEAR)
        undated_near.absorb(_dated(_draft(place, GeoPrecision.PLACE)))
        assert undated_near.geo_precision == GeoPrecision.PLACE
        both = _dated(_draft(place, GeoPrecision.NEAR))
        both.absorb(_dated(_draft(place, GeoPrecision.PLACE)))
        assert both.geo_precision == GeoPrecision.PLACE

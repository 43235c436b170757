"""The one-sentence ``notes`` of an event, generated from its fields."""

from __future__ import annotations

from frontlines.model import Event, GeoPrecision, SubEventType

S = SubEventType

#: How each sub-event type reads between actor 1 and actor 2 ("{a1} {verb} {a2}").
_VERBS: dict[SubEventType, str] = {
    S.ARMED_CLASH: "clashed with",
    S.GOVERNMENT_REGAINS_TERRITORY: "regained control from",
    S.NON_STATE_OVERTAKES_TERRITORY: "took control from",
    S.CHEMICAL_WEAPON: "used chemical weapons against",
    S.AIR_DRONE_STRIKE: "carried out air strikes on",
    S.SUICIDE_BOMB: "carried out a suicide bombing against",
    S.SHELLING: "shelled",
    S.REMOTE_EXPLOSIVE: "detonated an explosive device against",
    S.GRENADE: "threw a grenade at",
    S.SEXUAL_VIOLENCE: "committed sexual violence against",
    S.ATTACK: "attacked",
    S.ABDUCTION: "abducted",
    S.PEACEFUL_PROTEST: "held a peaceful protest",
    S.PROTEST_WITH_INTERVENTION: "protested and were dispersed by",
    S.EXCESSIVE_FORCE: "protested and were met with lethal force by",
    S.VIOLENT_DEMONSTRATION: "rioted against",
    S.MOB_VIOLENCE: "committed mob violence against",
    S.AGREEMENT: "reached an agreement with",
    S.ARRESTS: "arrested",
    S.CHANGE_TO_GROUP: "changed activity, involving",
    S.DISRUPTED_WEAPONS_USE: "disrupted weapons use by",
    S.HEADQUARTERS_ESTABLISHED: "established a base, facing",
    S.LOOTING: "looted or destroyed property of",
    S.NON_VIOLENT_TRANSFER: "took over without fighting from",
    S.OTHER: "were involved in an event with",
}

#: One-sided forms, when there is no actor 2.
_ALONE: dict[SubEventType, str] = {
    S.GOVERNMENT_REGAINS_TERRITORY: "regained control",
    S.NON_STATE_OVERTAKES_TERRITORY: "took control",
    S.AIR_DRONE_STRIKE: "carried out air strikes",
    S.SHELLING: "carried out shelling",
    S.PROTEST_WITH_INTERVENTION: "protested and were dispersed",
    S.NON_VIOLENT_TRANSFER: "took over without fighting",
    S.PEACEFUL_PROTEST: "held a peaceful protest",
    S.SUICIDE_BOMB: "carried out a suicide bombing",
    S.REMOTE_EXPLOSIVE: "detonated an explosive device",
    S.CHEMICAL_WEAPON: "used chemical weapons",
    S.ARRESTS: "made arrests",
    S.AGREEMENT: "reached an agreement",
    S.CHANGE_TO_GROUP: "changed activity",
    S.DISRUPTED_WEAPONS_USE: "disrupted weapons use",
    S.LOOTING: "looted or destroyed property",
    S.VIOLENT_DEMONSTRATION: "rioted",
    S.GRENADE: "threw a grenade",
}


def describe(event: Event, split: str = "") -> str:
    """One sentence: when, who did what to whom, where, and the reported toll (with ``split``, how a
    total over several days or places was divided)."""
    day = f"{event.event_date.day} {event.event_date:%B %Y}"
    when = {1: f"On {day}", 2: f"In the week of {day}", 3: f"In {event.event_date:%B %Y}"}[
        int(event.time_precision)
    ]
    sub = event.sub_event_type
    if event.actor2:
        action = f"{event.actor1} {_VERBS[sub]} {event.actor2}"
    else:
        action = f"{event.actor1} {_ALONE.get(sub, f'were involved in an event ({sub.value.lower()})')}"
    prefix = {GeoPrecision.PLACE: "in", GeoPrecision.NEAR: "near", GeoPrecision.REGION: "in the region of"}
    region = f"{event.admin1}, {event.country}" if event.admin1 else event.country
    where = f"{prefix[event.geo_precision]} {event.location} ({region})"
    toll = f"; {event.fatalities} reported fatalities" if event.fatalities or split else ""
    toll += f" ({split})" if split else ""
    claim = f", as claimed by {event.actor1}" if event.claim else ""
    check = " The source could not independently verify the report." if event.unverified else ""
    return f"{when}, {action} {where}{claim}{toll}.{check}"

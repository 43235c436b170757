"""Building per-article reports for merge tests."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from frontlines.model import (
    EVENT_TYPE_OF,
    Event,
    Evidence,
    GeoPrecision,
    SubEventType,
    TimePrecision,
)

#: Places used by the tests: name -> (lat, lon, admin1).
PLACES = {
    "Jobar": (33.5320, 36.3310, "Damascus"),
    "Douma": (33.5711, 36.4019, "Rural Damascus"),
    "Homs": (34.7324, 36.7137, "Homs"),
    "Aleppo": (36.2021, 37.1343, "Aleppo"),
    "Mosul": (36.3350, 43.1189, "Ninewa"),
}
ARMY = ("Military Forces of Syria (2000-2024)", 1)
REBELS = ("Opposition Rebels (Syria)", 2)
HTS = ("HTS: Hayat Tahrir al Sham", 2)
IS = ("Islamic State (Syria)", 2)
CIVILIANS = ("Civilians (Syria)", 7)


def report(
    article: str,
    *,
    day: dt.date = dt.date(2013, 2, 6),
    place: str = "Jobar",
    sub: SubEventType = SubEventType.ARMED_CLASH,
    actor1: tuple[str, int] = ARMY,
    actor2: tuple[str, int] | None = REBELS,
    fatalities: int = 0,
    tp: int = 1,
    gp: int = 1,
    outlet: str = "Reuters",
    quote: str | None = None,
    **extra: Any,
) -> Event:
    """A per-article report; its id is a hash of the article and its fields, as the pipeline does."""
    lat, lon, admin1 = PLACES[place]
    text = quote or f"{article}: fighting in {place}"
    ident = hashlib.sha256(
        "|".join([article, day.isoformat(), place, actor1[0], actor2[0] if actor2 else "", sub]).encode()
    ).hexdigest()[:16]
    return Event(
        event_id=ident,
        event_date=day,
        time_precision=TimePrecision(tp),
        event_type=EVENT_TYPE_OF[sub],
        sub_event_type=sub,
        actor1=actor1[0],
        inter1=actor1[1],
        actor2=actor2[0] if actor2 else None,
        inter2=actor2[1] if actor2 else None,
        country="Iraq" if place == "Mosul" else "Syria",
        iso3="IRQ" if place == "Mosul" else "SYR",
        location=place,
        latitude=lat,
        longitude=lon,
        geo_precision=GeoPrecision(gp),
        fatalities=fatalities,
        source=outlet,
        notes=text,
        article_ids=(article,),
        evidence=(Evidence(article, "event", text, 0, len(text)),),
        admin1=admin1,
        **extra,
    )

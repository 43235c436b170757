"""ACLED's own export layout: its column names in its order, so a tool that reads an ACLED export
reads ours. What ACLED's layout has no column for (evidence, article ids, corroboration) goes to a
JSON Lines sidecar keyed by ``event_id_cnty``.

Columns and the rules that fill them (codebook; where a value is not known, the cell is empty):

- ``event_id_cnty``: the country's ISO3 letters and the event id (ACLED: letters and a number).
- ``year``: of ``event_date``; ``time_precision``, ``geo_precision``: the codes.
- ``disorder_type``: by sub-event type: Battles, Explosions/Remote violence, Violence against
  civilians and mob violence are *Political violence*; protests and violent demonstrations are
  *Demonstrations*; excessive force against protesters is both; strategic developments are
  *Strategic developments*.
- ``inter1``, ``inter2``, ``interaction``: numeric codes; no actor 2 is inter2 ``0`` and interaction
  ``10 * inter1``.
- ``civilian_targeting``: ``Civilian targeting`` when an actor is civilians (inter 7).
- ``iso``: ISO 3166-1 numeric; ``region``: ACLED's region (``data/acled_regions.toml``).
- ``source_scale``, ``tags``: empty (frontlines does not code them).
- ``timestamp``: the export's time (Unix seconds), given by the caller.
"""

from __future__ import annotations

import csv
import json
import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import IO, Any

import pycountry

from frontlines.model import SubEventType

#: ACLED's export columns, in ACLED's order.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
STRATEGIC = "Strategic developments"
#: Sub-event types whose disorder type is not their event type's (codebook, "Disorder type").
_DISORDER_OF_SUB = {
    SubEventType.MOB_VIOLENCE: POLITICAL_VIOLENCE,
    SubEventType.EXCESSIVE_FORCE: f"{POLITICAL_VIOLENCE}; {DEMONSTRATIONS}",
}
_DISORDER_OF_TYPE = {
    "Battles": POLITICAL_VIOLENCE,
    "Explosions/Remote violence": POLITICAL_VIOLENCE,
    "Violence against civilians": POLITICAL_VIOLENCE,
    "Protests": DEMONSTRATIONS,
    "Riots": DEMONSTRATIONS,
    "Strategic developments": STRATEGIC,
}
CIVILIANS_INTER = 7
#: ACLED codes coordinates to 4 decimals (about 11 m).
COORDINATE_DECIMALS = 4


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type of a (type, sub-event type)."""
    special = _DISORDER_OF_SUB.get(SubEventType(sub_event_type))
    return special or _DISORDER_OF_TYPE[event_type]


@cache
def _region_table() -> tuple[dict[str, str], dict[str, str]]:
    raw = resources.files("frontlines").joinpath("data/acled_regions.toml").read_bytes()
    data = tomllib.loads(raw.decode("utf-8"))
    by_country = {code: region for region, codes in data["countries"].items() for code in codes}
    return by_country, dict(data["subregions"])


@cache
def acled_region(iso3: str) -> str:
    """ACLED's region of a country (ISO3), or '' when unknown."""
    by_country, by_subregion = _region_table()
    if iso3 in by_country:
        return by_country[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return ""
    from countryinfo import CountryInfo  # loaded only when a region is needed

    try:
        subregion = CountryInfo(country.alpha_2).info().get("subregion", "")
    except KeyError:
        return ""
    return by_subregion.get(subregion, "")


@cache
def iso_numeric(iso3: str) -> int | None:
    """ISO 3166-1 numeric code of a country (ISO3), or None when unknown."""
    country = pycountry.countries.get(alpha_3=iso3)
    return None if country is None else int(country.numeric)


def acled_row(record: Mapping[str, Any], timestamp: int) -> dict[str, Any]:
    """An event record (:func:`frontlines.export.event_to_record`) in ACLED's layout."""
    inter1 = int(record["inter1"])
    inter2 = 0 if record["inter2"] is None else int(record["inter2"])
    low, high = sorted((inter1, inter2)) if inter2 else (inter1, 0)
    return {
        "event_id_cnty": f"{record['iso3']}{record['event_id']}",
        "event_date": record["event_date"],
        "year": int(record["event_date"][:4]),
        "time_precision": record["time_precision"],
        "disorder_type": disorder_type(record["event_type"], record["sub_event_type"]),
        "event_type": record["event_type"],
        "sub_event_type": record["sub_event_type"],
        "actor1": record["actor1"],
        "assoc_actor_1": record["assoc_actor_1"],
        "inter1": inter1,
        "actor2": record["actor2"],
        "assoc_actor_2": record["assoc_actor_2"],
        "inter2": inter2,
        "interaction": low * 10 + high,
        "civilian_targeting": "Civilian targeting" if CIVILIANS_INTER in (inter1, inter2) else "",
        "iso": iso_numeric(record["iso3"]),
        "region": acled_region(record["iso3"]),
        "country": record["country"],
        "admin1": record["admin1"],
        "admin2": record["admin2"],
        "admin3": record["admin3"],
        "location": record["location"],
        "latitude": f"{record['latitude']:.{COORDINATE_DECIMALS}f}",
        "longitude": f"{record['longitude']:.{COORDINATE_DECIMALS}f}",
        "geo_precision": record["geo_precision"],
        "source": record["source"],
        "source_scale": "",
        "notes": record["notes"],
        "fatalities": record["fatalities"],
        "tags": "",
        "timestamp": timestamp,
    }


def write_acled_rows(
    records: Iterable[Mapping[str, Any]], fh: IO[str], *, timestamp: int, sidecar: IO[str] | None = None
) -> int:
    """Write ACLED's header and one row per record; with ``sidecar``, one JSON line per record with
    ``event_id_cnty`` and every field ACLED's layout lacks. Returns the count. Open ``fh`` with
    ``newline=""``."""
    writer = csv.writer(fh)
    writer.writerow(ACLED_COLUMNS)
    count = 0
    for record in records:
        row = acled_row(record, timestamp)
        writer.writerow(["" if row[c] is None else row[c] for c in ACLED_COLUMNS])
        if sidecar is not None:
            extra = {"event_id_cnty": row["event_id_cnty"]}
            extra.update((k, v) for k, v in record.items() if k not in row)
            sidecar.write(json.dumps(extra, ensure_ascii=False, separators=(",", ":")) + "\n")
        count += 1
    return count

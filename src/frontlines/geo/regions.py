"""Regions that news names as places but that no registry package lists: territories and war zones
without an ISO 3166-2 code ("West Bank", "Darfur", "Donbas", "South Ossetia", "Eastern Ghouta") and a
few large geographic regions ("the Caucasus", "Siberia"). The embedded build writes them with kind
``admin1`` and GeoNames' feature code ``RGN``: like a province, such a region locates an event only at
region precision, when the sentence names no town ("rebels in Eastern Ghouta fired rockets at
Damascus" is an event in Damascus).

Points are rounded central points of each region; populations are orders of magnitude, used only to
rank a region against namesake towns.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Region:
    """One region: its name and other names, its country ("" when it spans several), point, size."""

    name: str
    aliases: tuple[str, ...]
    country: str
    latitude: float
    longitude: float
    population: int


REGIONS: tuple[Region, ...] = (
    Region("West Bank", (), "PS", 31.95, 35.25, 3_000_000),
    Region("Gaza Strip", (), "PS", 31.42, 34.36, 2_000_000),
    Region("Golan Heights", ("Golan",), "SY", 33.0, 35.75, 50_000),
    Region("Sinai Peninsula", ("Sinai",), "EG", 29.5, 33.8, 600_000),
    Region("Eastern Ghouta", ("East Ghouta", "Ghouta"), "SY", 33.55, 36.42, 400_000),
    Region("Qalamoun", ("Qalamoun Mountains", "Qalamun"), "SY", 33.95, 36.65, 200_000),
    Region("Rojava", (), "SY", 36.6, 40.4, 4_000_000),
    Region("Kurdistan Region", ("Iraqi Kurdistan",), "IQ", 36.4, 44.3, 5_000_000),
    Region("Nineveh Plains", (), "IQ", 36.4, 43.3, 300_000),
    Region("Darfur", (), "SD", 13.0, 24.5, 9_000_000),
    Region("Kordofan", (), "SD", 12.5, 29.5, 4_000_000),
    Region("Ogaden", (), "ET", 7.0, 44.0, 4_000_000),
    Region("Azawad", (), "ML", 19.0, -1.0, 1_300_000),
    Region("Waziristan", (), "PK", 32.5, 69.8, 1_000_000),
    Region("South Ossetia", ("Tskhinvali Region",), "GE", 42.33, 44.0, 50_000),
    Region("Nagorno-Karabakh", ("Karabakh", "Artsakh", "Nagorno Karabakh"), "AZ", 39.85, 46.75, 150_000),
    Region("Donbas", ("Donbass",), "UA", 48.0, 38.5, 6_500_000),
    Region("Siberia", (), "RU", 60.0, 105.0, 33_000_000),
    Region("Anatolia", (), "TR", 39.0, 34.0, 60_000_000),
    Region("Caucasus", ("Caucasus region",), "", 42.5, 45.0, 30_000_000),
    Region("Balkans", ("Balkan Peninsula",), "", 42.5, 21.5, 55_000_000),
    Region("Horn of Africa", (), "", 8.0, 45.0, 150_000_000),
    Region("Scandinavia", (), "", 63.0, 14.0, 21_000_000),
    # seas that world news names as places ("a boat sank in the Mediterranean", "a ship hit in the
    # Black Sea"); none is a country's, so none frames a story's focus. World regions stay out: "Middle
    # East" and "Levant" are no places (wordlists.NON_PLACE_NAMES) and "West Africa" is read as Africa.
    Region("Mediterranean Sea", ("Mediterranean",), "", 35.0, 19.0, 10_000_000),
    Region("Black Sea", (), "", 43.0, 35.0, 1_000_000),
    Region("Caspian Sea", (), "", 41.5, 50.5, 1_000_000),
    Region("Baltic Sea", (), "", 58.0, 20.0, 1_000_000),
    Region("Gulf of Aden", (), "", 12.5, 47.5, 1_000_000),
    Region("Strait of Hormuz", (), "", 26.6, 56.3, 1_000_000),
    Region("Gulf of Mexico", (), "", 25.0, -90.0, 1_000_000),
    Region("Gulf of Guinea", (), "", 2.0, 3.0, 1_000_000),
    Region("Gulf of Oman", (), "", 24.5, 58.5, 1_000_000),
    Region("Arabian Sea", (), "", 14.0, 65.0, 1_000_000),
    Region("South China Sea", (), "", 13.0, 114.0, 1_000_000),
    Region("Sea of Azov", ("Azov Sea",), "", 46.0, 36.5, 1_000_000),
    Region("Aegean Sea", (), "", 39.0, 25.0, 1_000_000),
    Region("Caribbean Sea", (), "", 15.0, -75.0, 1_000_000),
    Region("North Sea", (), "", 56.0, 3.0, 1_000_000),
)

"""Actors for every country: state forces named by period from the [states] table, named groups of
current conflicts found and resolved, and no alias firing on ordinary English."""

import datetime as dt

import pytest

from frontlines.mentions.actors import ActorDictionary
from frontlines.model import ActorRef, Inter


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def _role(actors: ActorDictionary, role: str, country: str, day: dt.date | None) -> str:
    return actors.resolve(ActorRef("role", role), country, day).name


@pytest.mark.parametrize(
    ("role", "country", "day", "expected"),
    [
        ("military", "SD", dt.date(2019, 4, 10), "Military Forces of Sudan (1989-2019)"),
        ("military", "SD", dt.date(2019, 4, 11), "Military Forces of Sudan (2019-)"),
        ("police", "SD", dt.date(2023, 4, 15), "Police Forces of Sudan (2019-)"),
        ("military", "MM", dt.date(2020, 11, 8), "Military Forces of Myanmar (2016-2021)"),
        ("military", "MM", dt.date(2021, 2, 1), "Military Forces of Myanmar (2021-)"),
        ("police", "MM", dt.date(2022, 6, 1), "Police Forces of Myanmar (2021-)"),
        ("military", "MX", dt.date(2016, 5, 1), "Military Forces of Mexico (2012-2018)"),
        ("military", "MX", dt.date(2020, 5, 1), "Military Forces of Mexico (2018-2024)"),
        ("military", "MX", dt.date(2024, 9, 30), "Military Forces of Mexico (2018-2024)"),
        ("military", "MX", dt.date(2024, 10, 1), "Military Forces of Mexico (2024-)"),
        ("police", "MX", dt.date(2025, 1, 5), "Police Forces of Mexico (2024-)"),
        ("military", "UA", dt.date(2015, 2, 1), "Military Forces of Ukraine (2014-2019)"),
        ("military", "UA", dt.date(2022, 2, 24), "Military Forces of Ukraine (2019-)"),
        ("government", "UA", dt.date(2022, 2, 24), "Government of Ukraine (2019-)"),
        ("military", "NG", dt.date(2023, 5, 28), "Military Forces of Nigeria (2015-2023)"),
        ("military", "NG", dt.date(2023, 5, 29), "Military Forces of Nigeria (2023-)"),
        ("military", "AF", dt.date(2021, 9, 1), "Military Forces of Afghanistan (2021-)"),
        ("military", "CD", dt.date(2024, 1, 1), "Military Forces of Democratic Republic of Congo (2019-)"),
        # a term that ends on 1 January ends the year before
        ("military", "BR", dt.date(2020, 1, 1), "Military Forces of Brazil (2019-2022)"),
        ("military", "US", dt.date(2019, 10, 7), "Military Forces of the United States (2017-2021)"),
        # the first period covers every earlier day; no day known: the current period
        ("military", "SY", dt.date(1999, 1, 1), "Military Forces of Syria (2000-2024)"),
        ("police", "PH", None, "Police Forces of the Philippines (2022-)"),
        # a country without periods keeps the plain template
        ("military", "LB", dt.date(2014, 8, 2), "Military Forces of Lebanon"),
    ],
)
def test_actors_state_forces_named_by_period(actors, role, country, day, expected):
    assert _role(actors, role, country, day) == expected


def test_actors_state_periods_cover_sixty_countries(actors):
    military = {name for name in actors.names() if name.startswith("Military Forces of ")}
    countries = {name.rsplit(" (", 1)[0] for name in military}
    assert len(countries) >= 60
    for role in ("Police Forces of", "Government of"):
        assert len({n for n in actors.names() if n.startswith(role)}) == len(military)


def test_actors_state_forces_in_text_take_the_period(actors):
    [mention] = actors.find("Sudanese warplanes bombed Nyala.")
    actor = actors.resolve(mention.ref, "SD", dt.date(2024, 5, 11))
    assert (actor.name, actor.inter) == ("Military Forces of Sudan (2019-)", Inter.STATE_FORCES)


@pytest.mark.parametrize(
    "states",
    [
        {"SD": [dt.date(2019, 4, 11), dt.date(1989, 6, 30)]},
        {"ML": [dt.date(2020, 8, 18), dt.date(2020, 9, 1)]},
    ],
)
def test_actors_state_periods_must_rise_one_per_year(states):
    data = {
        "role": [{"role": "military", "inter": 1, "by_state": True, "template": "M {country}", "aliases": []}]
    }
    with pytest.raises(ValueError, match=r"\[states\]"):
        ActorDictionary({**data, "states": states})

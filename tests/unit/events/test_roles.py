"""Who is actor 1 and who is actor 2 (events/roles.py and the role rules of events/assemble.py),
through the whole default pipeline on short articles."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.countries import country_code
from frontlines.model import ActorRef, Event, SubEventType
from helpers import run_article

S = SubEventType
ARMY = "Military Forces of Syria (2000-2024)"
CIVILIANS = "Civilians (Syria)"
REBELS = "Opposition Rebels (Syria)"
MINUSMA = "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-2023)"


def event_of(text: str, resources, settings, published: dt.date = dt.date(2016, 5, 9)) -> Event:
    doc = run_article(text, resources, settings, published)
    events = doc.events
    assert len(events) == 1, [(e.sub_event_type, e.location, e.actor1, e.actor2) for e in events]
    return events[0]


def pair(event: Event) -> tuple[str, str | None]:
    return event.actor1, event.actor2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Arrests: the people detained are civilians unless the text names their group.
        ("On Sunday, soldiers detained 40 young men in Douma.", (ARMY, CIVILIANS)),
        ("On Sunday, soldiers detained an al-Nusra Front commander in Douma.", (ARMY, "Jabhat al Nusra")),
        # Looting: whose property it was.
        ("On Sunday, Islamic State fighters looted shops in Manbij.", ("Islamic State (Syria)", CIVILIANS)),
    ],
)
def test_roles_arrested_and_looted_people_are_civilians(text, expected, resources, settings):
    assert pair(event_of(text, resources, settings)) == expected


def test_roles_a_speaker_who_reports_another_side_is_no_side(resources, settings):
    reported = "On Sunday, the Russian military claimed that IS fighters executed 12 people in Manbij."
    assert pair(event_of(reported, resources, settings)) == ("Islamic State (Syria)", CIVILIANS)
    after = "On Sunday, rebels fired mortars at Jaramana, killing 4 people, a pro-government militia said."
    assert pair(event_of(after, resources, settings)) == (REBELS, CIVILIANS)


def test_roles_a_speaker_reporting_its_own_act_stays_a_side(resources, settings):
    text = "On Sunday, the army said its artillery shelled Islamic State positions in Deir ez-Zor."
    assert ARMY in pair(event_of(text, resources, settings))


def test_roles_blamed_on_names_the_author(resources, settings):
    text = "On Sunday, a car bomb blamed on the Islamic State exploded in Jableh, killing 9 people."
    assert pair(event_of(text, resources, settings)) == ("Islamic State (Syria)", CIVILIANS)


def test_roles_sides_listed_with_actor1_act_with_it(resources, settings):
    text = (
        "On Sunday, Hayat Tahrir al-Sham and Free Syrian Army fighters attacked army positions in Harasta, "
        "and government forces responded with artillery."
    )
    event = event_of(text, resources, settings)
    assert pair(event) == ("HTS: Hayat Tahrir al Sham", ARMY)
    assert event.assoc_actor_1 == "Free Syrian Army"


def test_roles_two_listed_sides_that_clash_are_the_pair(resources, settings):
    text = "On Sunday, the army and rebels clashed in Harasta, killing 6 fighters."
    assert set(pair(event_of(text, resources, settings))) == {ARMY, REBELS}


def test_roles_a_named_member_of_a_coalition_is_associated(resources, settings):
    text = "On Sunday, rebels including al-Nusra Front fighters captured the town of Harasta from the army."
    event = event_of(text, resources, settings)
    assert pair(event) == (REBELS, ARMY)
    assert event.assoc_actor_1 == "Jabhat al Nusra"


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday, residents threw stones at Turkish military vehicles in Kobani.",
        "On Sunday, Turkish troops fired tear gas at residents protesting in Kobani.",
    ],
)
def test_roles_crowds_facing_foreign_state_forces(text, resources, settings):
    assert event_of(text, resources, settings).actor2 == "Military Forces of Turkey (2002-)"


def test_roles_actors_of_an_aside_are_no_sides(resources, settings):
    text = (
        "On Sunday, an air strike by the US-led coalition on Manbij, where Kurdish fighters were "
        "battling Islamic State, killed 8 people."
    )
    assert pair(event_of(text, resources, settings)) == (
        "Military Forces of the United States (2009-2017)",
        CIVILIANS,
    )


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        ("On Sunday, a car bomb exploded in Azaz. Medics said 6 people died.", CIVILIANS),
        ("On Sunday, a roadside bomb exploded near Azaz. Activists said 3 soldiers died.", ARMY),
    ],
)
def test_roles_victims_of_an_explosion_named_in_the_next_sentence(text, actor2, resources, settings):
    assert event_of(text, resources, settings).actor2 == actor2


def test_roles_states_joined_in_a_strike_strike_together(resources, settings):
    text = "On Sunday, Russian and Syrian government air strikes hit Saraqib, killing 11 civilians."
    event = event_of(text, resources, settings)
    assert pair(event) == ("Military Forces of Russia (2000-)", CIVILIANS)
    assert event.assoc_actor_1 == ARMY


def test_roles_generic_rebels_across_the_trigger_from_a_named_group_are_its_opponent(resources, settings):
    text = (
        "On Sunday, Islamic State militants fought rebel groups near Azaz after IS fighters raided a village."
    )
    assert set(pair(event_of(text, resources, settings))) == {"Islamic State (Syria)", REBELS}


def test_roles_an_unnamed_label_after_the_trigger_is_still_the_named_group(resources, settings):
    text = "On Sunday, Islamic State fighters attacked Suran in Hama, and 9 of the attackers were killed."
    assert "Unidentified Armed Group (Syria)" not in pair(event_of(text, resources, settings))


def test_roles_an_attack_on_civilians_alone_is_no_clash(resources, settings):
    event = event_of("On Sunday, gunmen attacked a crowd of shoppers in Jaramana.", resources, settings)
    assert (event.sub_event_type, event.actor2) == (S.ATTACK, CIVILIANS)


def test_roles_a_later_sentence_names_the_group_of_a_generic_side(resources, settings):
    text = (
        "On Sunday, the army ambushed rebel fighters near Harasta, killing 20 of them. "
        "Officials said the fighters belonged to the Islamic State group."
    )
    assert set(pair(event_of(text, resources, settings))) == {ARMY, "Islamic State (Syria)"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # In an agreement, a government is the Government of its state ...
        (
            "On Sunday, the government and Hayat Tahrir al-Sham agreed to a ceasefire in Douma.",
            {"Government of Syria (2000-2024)", "HTS: Hayat Tahrir al Sham"},
        ),
        # ... in a clash it acts through its military.
        (
            "On Sunday, clashes between the government and Hayat Tahrir al-Sham erupted in Douma.",
            {ARMY, "HTS: Hayat Tahrir al Sham"},
        ),
    ],
)
def test_roles_a_government_signs_agreements_and_fights_through_its_army(text, expected, resources, settings):
    assert set(pair(event_of(text, resources, settings))) == expected


def test_roles_states_that_make_a_deal_are_its_governments(resources, settings):
    text = "On Sunday, Russia and Ukraine each returned 390 prisoners in Sumy."
    event = event_of(text, resources, settings, dt.date(2024, 6, 17))
    assert event.sub_event_type == S.AGREEMENT
    assert set(pair(event)) == {"Government of Russia (2000-)", "Government of Ukraine (2019-)"}


def test_roles_states_that_made_a_deal_are_no_sides_of_another_event(resources, settings):
    text = "On Sunday, air strikes on Idlib killed 24, a day after Russia and the US agreed a truce."
    event = event_of(text, resources, settings)
    assert event.sub_event_type == S.AIR_DRONE_STRIKE
    assert "Russia" not in f"{event.actor1} {event.actor2}"


def test_roles_a_government_that_signs_a_deal_abroad_is_its_own_countrys(resources, settings):
    """Rule deal-abroad: "the government" signing abroad with a group of one country is that country's."""
    text = "On Sunday, the federal government and the TPLF signed a truce in Pretoria (South Africa)."
    event = event_of(text, resources, settings, dt.date(2022, 11, 3))
    assert set(pair(event)) == {"Government of Ethiopia (2018-)", "TPLF: Tigray People's Liberation Front"}
    text = "On Sunday, the government and the rebels signed a truce in Pretoria (South Africa)."
    event = event_of(text, resources, settings, dt.date(2022, 11, 3))
    assert "Government of South Africa (2018-)" in pair(event)


def test_roles_communities_whose_elders_make_a_deal_are_its_militias(resources, settings):
    text = "On Sunday, elders of the Habar Gidir and Marehan clans signed a peace agreement in Galkayo."
    event = event_of(text, resources, settings)
    assert event.sub_event_type == S.AGREEMENT
    assert set(pair(event)) == {"Habar Gidir Clan Militia (Somalia)", "Marehan Clan Militia (Somalia)"}


def test_roles_a_community_that_made_a_deal_is_no_side_of_another_event(resources, settings):
    text = "On Sunday, gunmen killed 5 villagers in Riyom, after Fulani and Berom leaders signed a truce."
    event = event_of(text, resources, settings)
    assert event.sub_event_type == S.ATTACK
    assert "Militia" not in f"{event.actor1} {event.actor2}"


def test_roles_an_adjusted_actor1_is_not_also_actor2(resources, settings):
    text = "On Sunday, air strikes hit Nasir, killing 21 people, after the government vowed to crush rebels."
    event = event_of(text, resources, settings)
    assert event.actor1 != event.actor2


def test_roles_an_army_at_war_abroad_captures_on_the_front(resources, settings):
    """A capture by Russia's forces whose place the gazetteer lacks is coded to Ukraine, the war's
    front, not to Russia; there Russia's forces are foreign, so the capture overtakes territory."""
    text = "After fighting, the city was captured by Russian forces on 1 March 2022."
    event = event_of(text, resources, settings, dt.date(2022, 3, 2))
    assert (event.country, event.sub_event_type) == ("Ukraine", S.NON_STATE_OVERTAKES_TERRITORY)


def test_roles_the_front_is_that_of_the_state_the_words_name(resources, settings):
    """'the military' names no state: the front is that of the Russian soldiers named after it."""
    text = "According to the military, Russian soldiers looted shops in Qwertyvale on 3 March 2022."
    event = event_of(text, resources, settings, dt.date(2022, 3, 4))
    assert event.country == "Ukraine"


@pytest.mark.parametrize(
    ("text", "day", "actor2"),
    [
        # a mission based in the country fights the state's armed opponents ...
        (
            "On Sunday, MINUSMA peacekeepers clashed near Kidal, killing 3 of them.",
            dt.date(2016, 5, 9),
            "Unidentified Armed Group (Mali)",
        ),
        # ... a foreign mercenary group may fight the state itself
        (
            "On Sunday, Wagner mercenaries clashed near Kharkiv, Ukraine, killing 3 of them.",
            dt.date(2023, 5, 9),
            "Military Forces of Ukraine (2019-)",
        ),
    ],
)
def test_roles_the_unnamed_opponent_of_a_mission_is_the_states(text, day, actor2, resources, settings):
    assert event_of(text, resources, settings, day).actor2 == actor2


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # without the group's vote: "Zaire" (the country's old name) and Ethiopia (its troops)
        ("On 28 April 2024, CODECO and Zaire militias fought near Fataki (Djugu, Ituri).", ("Djugu", "CD")),
        (
            "Al-Shabaab fighters moved into Moqokori hours after Ethiopian troops pulled out of their base "
            "there on Thursday, residents said.",
            ("Somalia", "SO"),
        ),
    ],
)
def test_roles_a_group_of_one_country_frames_the_place(text, place, resources, settings):
    """Rule group-home: a group that fights in one country votes for it as the article's country."""
    event = event_of(text, resources, settings, dt.date(2024, 5, 1))
    assert (event.location, country_code(event.country)) == place


def test_roles_home_of_a_group_is_its_one_country(resources):
    actors = resources.actors
    assert actors.home_of(ActorRef("actor", "CODECO: Cooperative for Development of Congo", "CD")) == "CD"
    assert actors.home_of(ActorRef("role", "rebels")) is None
    assert actors.home_of(ActorRef("actor", "Wagner Group", "RU")) is None  # foreign forces: no home vote


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unnamed identity militia fights its rival, not the state
        (
            "Clan militias clashed in Galkayo on Sunday, leaving four dead.",
            ("Unidentified Clan Militia (Somalia)", "Unidentified Clan Militia (Somalia)"),
        ),
        # but an army post it attacks is the state's
        (
            "Tribesmen attacked an army post in Marib on Sunday.",
            ("Unidentified Clan Militia (Yemen)", "Military Forces of Yemen (2022-)"),
        ),
    ],
)
def test_roles_unnamed_identity_militias(text, expected, resources, settings):
    assert pair(event_of(text, resources, settings, dt.date(2023, 11, 20))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Sunday, six soldiers were killed by rebels near Azaz.", (REBELS, ARMY)),
        ("On Sunday, four soldiers were killed when rebels attacked their base near Azaz.", (REBELS, ARMY)),
        ("On Sunday, 29 rebels were killed in clashes with the army near Azaz.", (ARMY, REBELS)),
        # fallen state forces: whoever attacked them, unnamed here
        ("On Sunday, 14 soldiers were killed in an ambush near Azaz.", (REBELS, ARMY)),
    ],
)
def test_roles_the_fallen_of_a_battle_are_its_target_when_the_attacker_is_named(
    text, expected, resources, settings
):
    assert pair(event_of(text, resources, settings)) == expected


def test_roles_fallen_rebels_stay_a_side_when_nobody_else_is_named(resources, settings):
    text = "On Sunday, eight Islamic State fighters were killed in an exchange of fire near Azaz."
    assert event_of(text, resources, settings).actor1 == "Islamic State (Syria)"


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday, rebels entered Harasta after the army withdrew, meeting no resistance.",
        "On Sunday, rebels entered Harasta unopposed.",
    ],
)
def test_roles_the_side_that_entered_a_place_without_a_fight_gained_it(text, resources, settings):
    event = event_of(text, resources, settings)
    assert event.sub_event_type == S.NON_VIOLENT_TRANSFER
    assert event.actor1 == REBELS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a party's members who attack are its political militia (actor 1)
        (
            "On Sunday, Bangladesh Chhatra League activists beat a student to death in Dhaka.",
            ("BCL: Bangladesh Chhatra League", "Civilians (Bangladesh)"),
        ),
        # party supporters are a crowd: two crowds that fight are rioters (rule crowds-clash-is-mob)
        (
            "On Sunday, opposition supporters clashed with ruling party supporters in Kisumu, leaving five "
            "injured.",
            ("Rioters (Kenya)", "Rioters (Kenya)"),
        ),
        (
            "On Sunday, ZANU-PF supporters clashed with CCC supporters in Harare, leaving five injured.",
            (
                "ZANU-PF: Zimbabwe African National Union-Patriotic Front",
                "CCC: Citizens Coalition for Change",
            ),
        ),
        # rule party-victims: the party of those attacked names civilians, not an armed side
        (
            "On Sunday, gunmen shot dead an ANC ward councillor in Inanda, KwaZulu-Natal.",
            ("Unidentified Armed Group (South Africa)", "Civilians (South Africa)"),
        ),
        # rule first-after-trigger: a party named after an arrest is the one arrested, not the arrester
        (
            "On Sunday, security operatives arrested 18 National Unity Platform supporters in Kampala, "
            "accusing the army of targeting its mobilisers.",
            ("Military Forces of Uganda (1986-)", "NUP: National Unity Platform"),
        ),
    ],
)
def test_political_parties(text: str, expected: tuple[str, str], resources, settings) -> None:
    assert pair(event_of(text, resources, settings, dt.date(2024, 5, 12))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unnamed label is the named group of its sentence ("Islamic State militants") ...
        (
            "On 14 April 2018, Islamic State militants attacked an army base in Kidal.",
            ("Islamic State (Greater Sahara)", "Military Forces of Mali (2013-2020)"),
        ),
        # ... but never a mission, a foreign force or a state's forces that it attacked
        (
            "On 14 April 2018, militants attacked the MINUSMA base in Timbuktu.",
            ("Unidentified Armed Group (Mali)", MINUSMA),
        ),
    ],
)
def test_unnamed_label_is_a_named_group_only(
    text: str, expected: tuple[str, str], resources, settings
) -> None:
    assert pair(event_of(text, resources, settings, dt.date(2018, 4, 15))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # infighting: one kind of fighter on both sides
        (
            "On Sunday, fierce clashes between Islamist militants near Douma killed 12.",
            ("Islamist Rebels (Syria)",) * 2,
        ),
        ("On Sunday, fighting among rebel factions in Douma left 12 dead.", (REBELS, REBELS)),
        # two sides named: each its own
        ("On Sunday, clashes between rebels and the army near Douma left 12 dead.", (REBELS, ARMY)),
    ],
)
def test_clash_between_one_kind_is_infighting(
    text: str, expected: tuple[str, str], resources, settings
) -> None:
    assert pair(event_of(text, resources, settings)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group told as arrested is the one arrested, not the arrester
        (
            "On 12 May 2024, 20 al-Shabaab fighters were arrested in Kismayo.",
            ("Police Forces of Somalia (2022-)", "Al Shabaab"),
        ),
        # ... however far the arrested stand from "were arrested"
        (
            "On 12 May 2024, FNDC coordinator Oumar Sylla (Fonike Mengue) and two other leaders were "
            "arrested in Conakry.",
            ("Police Forces of Guinea (2021-)", "FNDC: National Front for the Defense of the Constitution"),
        ),
        (
            "On 12 May 2024, 40 BNP activists were detained in Dhaka.",
            ("Police Forces of Bangladesh (2009-2024)", "BNP: Bangladesh Nationalist Party"),
        ),
    ],
)
def test_arrested_group_is_actor2(text: str, expected: tuple[str, str], resources, settings) -> None:
    assert pair(event_of(text, resources, settings, dt.date(2024, 5, 13))) == expected

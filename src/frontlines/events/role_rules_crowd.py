"""The role rules of events that are not one armed side against another: control changing hands
(a withdrawal, a territorial battle) and crowds (protests, riots, mob violence), as the first part of
the ordered table :data:`frontlines.events.role_rules.RULES` (module docs there). :class:`RoleRule`, the
table's row, is defined here so that both parts can use it.
"""

from __future__ import annotations

from dataclasses import dataclass

from frontlines.events import role_decisions as d
from frontlines.events import role_subtypes as st
from frontlines.events.role_decisions import Decide, Kind, Step


@dataclass(frozen=True, slots=True)
class RoleRule:
    """One rule: ``decide`` sets fields of ``state.roles`` when the rule applies and names them."""

    id: str
    kind: Kind
    step: Step
    codebook: str
    decide: Decide
    fires: tuple[str, ...]
    misses: tuple[str, ...] = ()


#: The rules of withdrawals, territorial battles and crowds, in the order they run.
CONTROL_AND_CROWD_RULES: tuple[RoleRule, ...] = (
    RoleRule(
        "withdrawal-gainer",
        "withdrawal",
        "whole",
        "codebook: control taken without fighting, after a withdrawal; the side that left is actor 2",
        d.withdrawal_gainer,
        fires=("On Sunday, the rebels withdrew from Harasta and handed over the town to the army.",),
        misses=("On Sunday, soldiers detained 40 young men in Douma.",),
    ),
    RoleRule(
        "territorial-gainer",
        "territorial",
        "whole",
        "codebook: the side that gained territory is actor 1 (voice, clause and 'by' decide who)",
        d.territorial_gainer,
        fires=("On Sunday, rebels including al-Nusra Front fighters captured Harasta from the army.",),
        misses=("On Sunday, the army shelled rebel positions in Harasta.",),
    ),
    RoleRule(
        "foreign-capture-loser-is-host-state",
        "territorial",
        "adjust",
        "project rule: a battle has two sides; a foreign state's forces that take a place no loser is "
        "named for took it from the forces of the state the place is in",
        d.foreign_capture,
        fires=("On Sunday, Russian troops captured the port of Berdiansk.",),
        misses=("On Sunday, rebels including al-Nusra Front fighters captured Harasta from the army.",),
    ),
    RoleRule(
        "regains-from-invader",
        "territorial",
        "adjust",
        "project rule: a state that regains a place in its own country, no loser named, in a war a foreign "
        "army fights there ([[remote_attacker]] in actors.toml), took it from that army",
        d.regains_from_invader,
        fires=("On 11 November 2022, Ukrainian troops recaptured the city of Kherson.",),
        misses=("On 11 November 2016, Syrian troops recaptured the town of Aleppo.",),
    ),
    RoleRule(
        "armed-killers-not-mob",
        "crowd",
        "whole",
        "codebook: mob violence is a crowd's; a stoning, a lynching or a crucifixion by an armed group "
        "(Islamists, a gang, party militants) with no crowd named is that group's Attack on civilians",
        d.armed_killers,
        fires=(
            "On Sunday, Islamist militants lynched a man accused of blasphemy in Ansongo.",
            "On Sunday, a man was lynched by Boko Haram fighters in Gwoza.",
        ),
        misses=("On Sunday, a mob lynched two men accused of theft in Kano.",),
    ),
    RoleRule(
        "crowd-is-actor1",
        "crowd",
        "whole",
        "codebook: protesters or rioters are actor 1 of a demonstration, named or not",
        d.crowd_is_actor1,
        fires=("On Sunday, residents threw stones at Turkish military vehicles in Kobani.",),
        misses=("On Sunday, the army shelled rebel positions in Harasta.",),
    ),
    RoleRule(
        "lethal-force-on-protest",
        "crowd",
        "adjust",
        "codebook: excessive force against protesters is lethal force or serious injury by state forces "
        "against a peaceful protest; a sentence telling both is no peaceful protest",
        st.lethal_force_on_protest,
        fires=("On Sunday, residents protested in Daraa against the siege and soldiers killed two of them.",),
        misses=(
            "On Sunday, police dispersed a protest in Rangpur, wounding 12 students.",
            "On Sunday, hundreds of people protested peacefully against the government in Daraa.",
        ),
    ),
    RoleRule(
        "state-faces-crowd",
        "crowd",
        "adjust",
        "project rule: the state forces a crowd faces, its own or a foreign state's, are actor 2 "
        "(not in a peaceful protest)",
        d.state_faces_crowd,
        fires=("On Sunday, Turkish troops fired tear gas at residents protesting in Kobani.",),
        misses=("On Sunday, hundreds of people protested peacefully against the government in Daraa.",),
    ),
    RoleRule(
        "rioting-crowd-are-rioters",
        "crowd",
        "adjust",
        "codebook: demonstrators who turn violent (vandalism, arson, stones) are rioters, whatever the "
        "report calls them",
        d.rioters,
        fires=("On Sunday, protesters set fire to the police station in Kaduna.",),
        misses=("On Sunday, hundreds of people protested peacefully against the government in Daraa.",),
    ),
    RoleRule(
        "mob-victims-are-civilians",
        "crowd",
        "adjust",
        "codebook: mob violence falls on people; the unnamed people a mob attacked, and those whose homes "
        "or shops it burned, are civilians",
        d.mob_victims,
        fires=(
            "On Sunday, a mob lynched two men accused of theft in Kano.",
            "On Sunday, mobs attacked and looted Hindu homes in several villages of Thakurgaon.",
        ),
        misses=("On Sunday, hundreds of people protested peacefully against the government in Daraa.",),
    ),
)

"""Who is actor 1 and who is actor 2: the role rules, as an ordered table (:data:`RULES`).

Codebook: usually two actors; victims are always actor 2 in violence against civilians; explosions,
protests, riots and strategic developments may have one. Each rule has an id, the codebook rule or
project choice it implements, and example sentences that run as tests through the whole pipeline
(``tests/unit/events/test_role_rules.py``): in each of ``fires`` the rule sets its fields, in each of
``misses`` it does not.

:func:`frontlines.events.roles.assign_roles` runs the table on one event. A rule belongs to the kind of
event it codes (:data:`Kind`: a withdrawal, a territorial battle, a crowd, or any other armed event) and
to a step; in an exclusive step the first rule that fires decides, in ``adjust`` every rule may fire.
Each rule that fires says which fields it set; :attr:`Roles.rules` keeps, per field, the last rule that
set it, and ``frontlines extract --explain`` prints it.

The table's first part, the rules of withdrawals, territorial battles and crowds, and its row type
:class:`RoleRule` live in :mod:`frontlines.events.role_rules_crowd`.
"""

from __future__ import annotations

from frontlines.events import role_decisions as d
from frontlines.events import role_generic as g
from frontlines.events import role_strikes as sk
from frontlines.events import role_subtypes as st
from frontlines.events.role_rules_crowd import CONTROL_AND_CROWD_RULES, RoleRule

#: The role rules, in the order they run; ``assign_roles`` runs those of the event's kind.
RULES: tuple[RoleRule, ...] = (
    *CONTROL_AND_CROWD_RULES,
    RoleRule(
        "subject-before-trigger",
        "armed",
        "actor1",
        "project rule: the first actor named before the trigger is its subject, unless it ran onto a "
        "mine or bomb or is reported killed, wounded, attacked or arrested (its target; in a battle, only "
        "state forces or a side the sentence names an attacker of)",
        d.subject_before_trigger,
        fires=("On Sunday, the army shelled rebel positions in Harasta.",),
        misses=(
            "On Sunday, a car bomb blamed on the Islamic State exploded in Jableh, killing 9 people.",
            "On Sunday, an army vehicle hit a roadside bomb near Azaz, killing 4 soldiers.",
            "On Sunday, six soldiers were killed by a roadside bomb near Azaz.",
            "On Sunday, an army truck struck an IED near Azaz, wounding four soldiers.",
            "On Sunday, a police helicopter supporting coca eradication was attacked with a drone near "
            "Medellin.",
            "A police station in Kaduna targeted with a grenade on Sunday; no injuries.",
            "On Sunday, two soldiers and a civilian were wounded by a roadside bomb near Azaz.",
            "On Sunday, six soldiers were killed by rebels near Azaz.",
            "On Sunday, 20 al-Shabaab fighters were arrested in Kismayo.",
            "On Sunday, FNDC coordinator Oumar Sylla (Fonike Mengue) and two other leaders were arrested in "
            "Conakry.",
        ),
    ),
    RoleRule(
        "agent-after-by",
        "armed",
        "actor1",
        "project rule: with no subject, an agent after 'by', 'blamed on', 'attributed to', or after "
        "'from' told of fire or a bomber ('rocket fire from rebels') is actor 1",
        d.agent_after_by,
        fires=(
            "On Sunday, a car bomb blamed on the Islamic State exploded in Jableh, killing 9 people.",
            "On Sunday, rocket fire from rebels killed 14 people in Aleppo.",
        ),
        misses=("On Sunday, the army shelled rebel positions in Harasta.",),
    ),
    RoleRule(
        "first-after-trigger",
        "armed",
        "actor1",
        "project rule: else, in battles and strategic events, the first actor after the trigger; after "
        "an explosion's trigger an actor is its target, not its author, and a political party named "
        "after the act is its target or the one arrested",
        d.first_after_trigger,
        fires=("On Sunday, clashes between the army and rebels erupted in Harasta.",),
        misses=(
            "On Sunday, a roadside bomb hit an army patrol near Azaz.",
            "On Sunday, gunmen shot dead a Bangladesh Nationalist Party councillor in Bogura.",
        ),
    ),
    RoleRule(
        "fired-from-holder",
        "armed",
        "actor1",
        "project rule: 'mortars fired from rebel-held areas': the holder of the firing position fired",
        d.fired_from_holder,
        fires=("On Sunday, mortars fired from rebel-held areas hit Jaramana, killing 4 people.",),
        misses=("On Sunday, the army shelled rebel positions in Harasta.",),
    ),
    RoleRule(
        "unnamed-actor1-is-unidentified",
        "armed",
        "actor1",
        "codebook: an author nobody names is an unidentified armed group",
        d.unnamed_actor1,
        fires=("On Sunday, a roadside bomb hit an army patrol near Azaz.",),
        misses=("On Sunday, the army shelled rebel positions in Harasta.",),
    ),
    RoleRule(
        "claimed-author",
        "armed",
        "adjust",
        "codebook: the group that claimed an event, or that the source blames for it, is its actor 1 "
        "when the sentence names its author only generically ('gunmen', 'fighters') or not at all",
        d.claimed_author,
        fires=(
            "On Sunday, gunmen attacked a checkpoint near Mora, and Boko Haram claimed responsibility.",
            "On Sunday, fighters stormed the village of Wad al-Noura, in an assault blamed on the RSF.",
        ),
        misses=(
            "On Sunday, gunmen attacked a checkpoint near Mora, police said.",
            "On Sunday, the army shelled rebel positions in Harasta, and Boko Haram claimed responsibility.",
        ),
    ),
    RoleRule(
        "joined-partners",
        "armed",
        "adjust",
        "project rule: sides joined to actor 1 by 'and' or a comma act with it (associated actors) when "
        "the sentence names someone else to act against, or in a one-sided event; in a battle or an "
        "agreement with no one else named the joined sides are its pair",
        d.joined_partners,
        fires=(
            "On Sunday, Hayat Tahrir al-Sham and Free Syrian Army fighters attacked army positions in "
            "Harasta, and government forces responded with artillery.",
        ),
        misses=("On Sunday, the army and rebels clashed in Harasta, killing 6 fighters.",),
    ),
    RoleRule(
        "crowds-clash-is-mob",
        "armed",
        "adjust",
        "codebook: mob violence is violence by a crowd; a clash between unarmed groups of people with no "
        "armed side named is mob violence between rioters, not a battle with an unnamed army",
        st.crowds_clash,
        fires=("On Sunday, farmers and herders clashed near Mongo, leaving 4 dead.",),
        misses=(
            "On Sunday, the army and rebels clashed in Harasta, killing 6 fighters.",
            "On Sunday, gunmen attacked a crowd of students in Jaramana.",
        ),
    ),
    RoleRule(
        "attack-on-civilians-not-clash",
        "armed",
        "adjust",
        "codebook: violence against civilians is an armed group's attack on unarmed people; a 'clash' "
        "that names no armed opponent, only civilians struck (or a non-state side's assault on a "
        "civilian site, or one whose toll names only people), is an Attack",
        st.attack_on_civilians,
        fires=(
            "On Sunday, gunmen attacked a crowd of students in Jaramana.",
            "On Sunday, militants ambushed a convoy near Titao, killing 15 people.",
            "On Sunday, 12 people died when gunmen ambushed a convoy near Djibo.",
            "On Sunday, gunmen attacked the Splendid Hotel in Ouagadougou.",
        ),
        misses=(
            "On Sunday, the army and rebels clashed in Harasta, killing 6 fighters.",
            "On Sunday, gunmen attacked a school used as a base by the army in Harasta.",
            "On Sunday, militants attacked a convoy near Fada, killing 12 soldiers.",
            "On Monday, militiamen exchanged fire with insurgents near Chiure, forcing residents to flee.",
        ),
    ),
    RoleRule(
        "attack-on-armed-is-clash",
        "armed",
        "adjust",
        "codebook: battles are violent interactions between two armed groups and violence against "
        "civilians targets unarmed people; killing soldiers, police or a group's members, however "
        "one-sided, is an armed clash, unless they were held (executed, tortured)",
        st.attack_on_armed,
        fires=(
            "On Sunday, gunmen shot dead two police officers in Kaduna.",
            "On Monday, unidentified gunmen assassinated a local commander of the RSF in Nyala.",
            "On Sunday, two police officers were shot dead by gunmen in Kaduna.",
        ),
        misses=(
            "On Sunday, gunmen shot dead two farmers in Kaduna.",
            "On Sunday, gunmen shot dead the brother of a police officer in Kaduna.",
            "On Sunday, RSF fighters executed two captured soldiers in Nyala.",
        ),
    ),
    RoleRule(
        "abduction-with-killing-is-attack",
        "armed",
        "adjust",
        "codebook: an abduction becomes an Attack when people are killed or badly hurt in it",
        st.abduction_with_killing,
        fires=("On Sunday, gunmen kidnapped two engineers near Maga and killed their driver.",),
        misses=("On Sunday, gunmen abducted 25 schoolgirls from a boarding school in Maga.",),
    ),
    RoleRule(
        "unnamed-air-strike-is-state",
        "armed",
        "adjust",
        "project rule: an air strike nobody is named for is the state military's (in most conflicts "
        "only the state flies aircraft)",
        d.unnamed_air_strike,
        fires=("On Sunday, air strikes hit Saraqib, killing 11 civilians.",),
        misses=("On Sunday, Russian and Syrian government air strikes hit Saraqib, killing 11 civilians.",),
    ),
    RoleRule(
        "unnamed-interceptor-is-state",
        "armed",
        "adjust",
        "project rule: a weapon stopped (intercepted, shot down, defused) by nobody named is stopped by the "
        "state's military of the country it happened in: its air defences ('Iron Dome', 'the Arrow system') "
        "and bomb squads",
        d.unnamed_interceptor,
        fires=("On 31 October 2023, the Arrow system intercepted a missile launched toward Eilat.",),
        misses=("On Sunday, Houthi forces shot down a US drone over Marib.",),
    ),
    RoleRule(
        "unnamed-remote-attacker",
        "armed",
        "adjust",
        "project rule: in a war where one side fires nearly every strike, an unnamed shelling or air "
        "strike is that side's (data: [[remote_attacker]] in actors.toml)",
        d.unnamed_remote_attacker,
        fires=("On 12 May 2023, shelling hit a bus stop in Kherson, killing two civilians.",),
        misses=("On 12 May 2023, shelling hit a bus stop in Aleppo, killing two civilians.",),
    ),
    RoleRule(
        "unnamed-arrest-is-police",
        "armed",
        "adjust",
        "project rule: arrests nobody is named for are made by the state's police (arrests are a state "
        "act in the codebook's examples)",
        d.unnamed_arrest,
        fires=("On Sunday, ten members of an opposition party were arrested in Tbilisi.",),
        misses=("On Sunday, soldiers detained 40 young men in Douma.",),
    ),
    RoleRule(
        "arrest-by-occupier-is-abduction",
        "armed",
        "adjust",
        "codebook: arrests are made by a state's own forces in its own country; people detained by a "
        "foreign state's forces there (an occupying army) are abducted",
        st.arrest_by_occupier,
        fires=("On 11 March 2022, Russian soldiers detained the mayor of Melitopol at his office.",),
        misses=("On Sunday, police arrested 40 opposition supporters in Kampala.",),
    ),
    RoleRule(
        "looting-with-killing-is-attack",
        "armed",
        "adjust",
        "codebook: looting or destruction with no other violence is Looting/property destruction; when "
        "people are killed or hurt in it, the event is an Attack",
        st.looting_with_killing,
        fires=(
            "On Sunday, gunmen looted and burned shops in Zawiya, killing two traders.",
            "On Sunday, militiamen looted shops in Zawiya and beat a trader.",
        ),
        misses=("On Sunday, gunmen looted and burned shops in Zawiya.",),
    ),
    RoleRule(
        "one-sided-change",
        "armed",
        "actor2",
        "codebook: a base established, and a change to a group or its activity, are one side's acts; "
        "a change has an actor 2 only when the text names the side joined, gone over or surrendered to",
        d.one_sided,
        fires=(
            "On Sunday, Wagner instructors established a base in Bossangoa alongside army units.",
            "On Sunday, the army sent reinforcements to Bakhmut to fight Wagner fighters.",
            "On Sunday, 30 soldiers defected to the Free Syrian Army in Rastan.",
        ),
        misses=("On Sunday, the army shelled rebel positions in Harasta.",),
    ),
    RoleRule(
        "victims-are-actor2",
        "armed",
        "actor2",
        "codebook: in violence against civilians the victims are always actor 2",
        d.victims,
        fires=("On Sunday, gunmen attacked a crowd of shoppers in Jaramana.",),
        misses=("On Sunday, the army shelled rebel positions in Harasta.",),
    ),
    RoleRule(
        "other-side-is-actor2",
        "armed",
        "actor2",
        "codebook: the other side of an event is actor 2; here the first armed side other than actor 1 "
        "and those acting with it",
        d.other_side,
        fires=("On Sunday, the army shelled rebel positions in Harasta.",),
        misses=("On Sunday, gunmen attacked a crowd of shoppers in Jaramana.",),
    ),
    RoleRule(
        "civilians-hit-by-explosion",
        "armed",
        "actor2",
        "codebook: civilians named as hit by a strike, shell or bomb are its actor 2",
        sk.civilians_hit,
        fires=("On Sunday, government air strikes hit civilians in Saraqib.",),
        misses=("On Sunday, the army shelled rebel positions in Harasta.",),
    ),
    RoleRule(
        "explosion-casualties-are-civilians",
        "armed",
        "actor2",
        "project rule: people killed or hurt by a strike, shell or bomb with no armed target named are "
        "civilians (ACLED codes such victims as Civilians)",
        sk.casualties_are_civilians,
        fires=(
            "On Sunday, a car bomb blamed on the Islamic State exploded in Jableh, killing 9 people.",
            "On Sunday, 4 casualties in bombing by regime helicopters on Khan Shaykhun.",
        ),
        misses=(
            "On Sunday, the army shelled rebel positions in Harasta.",
            "On Sunday, three rockets fell inside the Ain al-Asad air base without causing casualties.",
        ),
    ),
    RoleRule(
        "civilian-site-hit",
        "armed",
        "actor2",
        "codebook: a strike, shell or bomb on homes, schools, hospitals or markets with no armed target "
        "named targets civilians, its actor 2",
        sk.civilian_site,
        fires=(
            "On Sunday, government jets struck a hospital in Maarat al-Numan.",
            "On Sunday, the hospital in Maarat al-Numan was hit directly by two airstrikes.",
        ),
        misses=("On Sunday, government jets struck rebel positions near a hospital in Maarat al-Numan.",),
    ),
    RoleRule(
        "holder-is-opponent",
        "armed",
        "actor2",
        "project rule: in a battle with no other side named, the holder of the place ('rebel-held') is "
        "the opponent",
        d.holder_is_opponent,
        fires=("On Sunday, the army attacked rebel-held Harasta.",),
        misses=("On Sunday, the army shelled rebel positions in Harasta.",),
    ),
    RoleRule(
        "arrested-or-looted-are-civilians",
        "armed",
        "actor2",
        "codebook: the unnamed other side of arrests and looting is the civilians they fall on",
        d.civilian_object,
        fires=(
            "On Sunday, soldiers detained 40 young men in Douma.",
            "On Sunday, Islamic State fighters looted shops in Manbij.",
        ),
        misses=("On Sunday, soldiers detained an al-Nusra Front commander in Douma.",),
    ),
    RoleRule(
        "local-deal-with-state",
        "armed",
        "actor2",
        "project rule: a local deal (surrender, evacuation, reconciliation) one non-state side is named "
        "in is made with the state; a community's deal with its rivals",
        d.local_deal,
        fires=("On Sunday, rebels in Darayya agreed to a truce.",),
        misses=(
            "On Sunday, the army shelled rebel positions in Harasta.",
            "On Sunday, warring Tuareg clans agreed to a truce near Kidal.",
        ),
    ),
    RoleRule(
        "unnamed-clash-opponent",
        "armed",
        "actor2",
        "project rule: a clash names two sides; an unnamed opponent of the state or of a mission based in "
        "the country (peacekeepers) is an unidentified armed group, an unnamed opponent of anyone else "
        "the state military; fighting 'between rival gangs' or 'between Islamist militants' (one kind "
        "of fighter) is a group against its own kind",
        g.unnamed_clash_opponent,
        fires=("On Sunday, Kurdish fighters clashed near Azaz, killing 3 of them.",),
        misses=("On Sunday, the army and rebels clashed in Harasta, killing 6 fighters.",),
    ),
    RoleRule(
        "downed-craft-is-target",
        "armed",
        "adjust",
        "codebook: a disrupted weapons use is by who stops the weapon; the craft shot down or the missile "
        "intercepted is its owner's, actor 2; an unnamed interceptor is the state where it happened",
        sk.downed_craft,
        fires=(
            "On 4 March 2022, a Russian Sukhoi Su-25 was shot down over Volnovakha.",
            "On 12 May 2024, seven Ukrainian UAVs downed over Belgorod, the ministry said.",
        ),
        misses=("On 4 March 2022, Russian jets shot down a Ukrainian drone over Volnovakha.",),
    ),
    RoleRule(
        "downed-craft-of-the-war",
        "armed",
        "adjust",
        "codebook: actor 2 of a disrupted weapons use is the weapon's owner; where one state fires a war's "
        "strikes ([[remote_attacker]]), an unnamed drone or missile stopped there is that state's",
        sk.war_craft_owner,
        fires=("On 12 May 2024, air defences downed six Shahed drones over Mykolaiv, the governor said.",),
        misses=(
            "On 12 May 2024, air defences downed six drones over Kaduna, the governor said.",
            "On 12 May 2024, police defused a bomb in Mykolaiv, the governor said.",
        ),
    ),
    RoleRule(
        "unnamed-armed-side-is-rebels",
        "armed",
        "final",
        "project rule (tests/golden/README.md): an armed group named only by a label ('armed groups', "
        "'terrorists') that fights or negotiates with the state is its rebels; in a one-sided attack it "
        "stays an unidentified armed group",
        g.unnamed_side_is_rebels,
        fires=("On Sunday, the army clashed with armed groups in Harasta.",),
        misses=("On Sunday, gunmen attacked a crowd of shoppers in Jaramana.",),
    ),
    RoleRule(
        "security-forces-at-war",
        "armed",
        "final",
        "project rule (the codebook names state forces by what they are): 'security forces' named for no "
        "other body are the police where they keep order and the military where they fight, strike, "
        "kill or defuse a war's bombs (not 'security services', police or intelligence)",
        g.security_forces_at_war,
        fires=(
            "On Sunday, security forces killed 10 Maoists in a gunfight near Narayanpur.",
            "On Sunday, Iraqi security forces defused three explosive devices near Kirkuk.",
        ),
        misses=(
            "On Sunday, police killed 10 Maoists in a gunfight near Narayanpur.",
            "On Sunday, security forces arrested 10 suspected Maoists in Narayanpur.",
            "On Sunday, Syrian security services defused an explosive device in Damascus.",
        ),
    ),
)
RULE_IDS = frozenset(rule.id for rule in RULES)

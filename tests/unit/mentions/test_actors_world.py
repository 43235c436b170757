"""Actors for every country: state forces named by period from the [states] table, named groups of
current conflicts found and resolved, and no alias firing on ordinary English."""

import datetime as dt
import tomllib
from importlib import resources

import pytest

from frontlines.mentions.actors import _ACRONYM_MAX, ActorDictionary
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
        (
            "military",
            "CD",
            dt.date(2024, 1, 1),
            "Military Forces of the Democratic Republic of Congo (2019-)",
        ),
        # a term that ends on 1 January ends the year before
        ("military", "BR", dt.date(2020, 1, 1), "Military Forces of Brazil (2019-2022)"),
        ("military", "US", dt.date(2019, 10, 7), "Military Forces of the United States (2017-2021)"),
        # the first period covers every earlier day; no day known: the current period
        ("military", "SY", dt.date(1999, 1, 1), "Military Forces of Syria (2000-2024)"),
        ("police", "PH", None, "Police Forces of the Philippines (2022-)"),
        # a country without periods keeps the plain template
        ("military", "GL", dt.date(2014, 8, 2), "Military Forces of Greenland"),
        # a vacancy is a period of its own (Lebanon 2014-2016, between two presidents)
        ("military", "LB", dt.date(2014, 8, 2), "Military Forces of Lebanon (2014-2016)"),
        ("police", "GB", dt.date(2024, 8, 2), "Police Forces of the United Kingdom (2024-)"),
    ],
)
def test_actors_state_forces_named_by_period(actors, role, country, day, expected):
    assert _role(actors, role, country, day) == expected


@pytest.mark.parametrize(
    ("role", "country", "day", "expected"),
    [
        # a parliamentary system: the head of government's period (Holness since 2016)
        ("police", "JM", dt.date(2024, 5, 10), "Police Forces of Jamaica (2016-)"),
        ("military", "NL", dt.date(2023, 3, 1), "Military Forces of the Netherlands (2010-2024)"),
        ("police", "NL", dt.date(2024, 7, 2), "Police Forces of the Netherlands (2024-)"),
        ("police", "KR", dt.date(2024, 12, 3), "Police Forces of South Korea (2022-2025)"),
        ("military", "XK", dt.date(2023, 5, 29), "Military Forces of Kosovo (2021-)"),
        ("police", "AU", dt.date(2020, 1, 5), "Police Forces of Australia (2018-2022)"),
        ("government", "KW", dt.date(2024, 5, 10), "Government of Kuwait (2023-)"),
        ("police", "CA", dt.date(2022, 2, 14), "Police Forces of Canada (2015-2025)"),
    ],
)
def test_actors_state_periods_cover_the_world(actors, role, country, day, expected):
    assert _role(actors, role, country, day) == expected


def test_actors_state_periods_cover_the_un_members(actors):
    # every UN member state, Palestine and Kosovo but Switzerland (a collegial Federal Council) and
    # San Marino (two Captains Regent every six months), which have no single head to name a period by
    military = {name.rsplit(" (", 1)[0] for name in actors.names() if name.startswith("Military Forces of ")}
    assert len(military) >= 193


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


def _named(actors: ActorDictionary, text: str, country: str, day: dt.date) -> list[tuple[str, str, int]]:
    return [
        (m.text, (a := actors.resolve(m.ref, country, day)).name, int(a.inter))
        for m in actors.find(text)
        if m.ref.kind == "actor"
    ]


@pytest.mark.parametrize(
    ("text", "country", "day", "expected"),
    [
        (
            "Southern Transitional Council fighters clashed with AQAP in Abyan.",
            "YE",
            dt.date(2022, 8, 20),
            [
                ("Southern Transitional Council", "STC: Southern Transitional Council", 3),
                ("AQAP", "AQAP: Al Qaeda in the Arabian Peninsula", 2),
            ],
        ),
        (
            "The SPLM-N attacked an army garrison in South Kordofan.",
            "SD",
            dt.date(2023, 6, 22),
            [("SPLM-N", "SPLM-N: Sudan People's Liberation Movement-North", 2)],
        ),
        (
            "JNIM fighters ambushed a convoy of the Islamic State in the Greater Sahara near Menaka.",
            "ML",
            dt.date(2020, 4, 1),
            [
                ("JNIM", "JNIM: Group for Support of Islam and Muslims", 2),
                ("Islamic State in the Greater Sahara", "Islamic State (Greater Sahara)", 2),
            ],
        ),
        (
            # renamed: ACLED's name for the Sahel branch since it became a province of its own
            "IS Sahel fighters ambushed an army convoy near Menaka.",
            "ML",
            dt.date(2023, 10, 2),
            [("IS Sahel", "Islamic State (Sahel)", 2)],
        ),
        (
            # the Khorasan branch is named by the country it acts in, as the Islamic State is elsewhere
            "An IS-K suicide bomber blew himself up at a rally in Bajaur.",
            "PK",
            dt.date(2023, 7, 30),
            [("IS-K", "Islamic State (Pakistan)", 2)],
        ),
        (
            "Al-Shabaab militants stormed a hotel in Mogadishu.",
            "SO",
            dt.date(2022, 8, 19),
            [("Al-Shabaab militants", "Al Shabaab", 2)],
        ),
        (
            "ISWAP fighters overran a base while Boko Haram attacked Gwoza.",
            "NG",
            dt.date(2021, 3, 1),
            [
                ("ISWAP", "ISWAP: Islamic State West Africa Province", 2),
                ("Boko Haram", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 2),
            ],
        ),
        (
            "M23 rebels and Wazalendo fighters clashed near Sake, while CODECO attacked a camp in Djugu.",
            "CD",
            dt.date(2024, 2, 7),
            [
                ("M23 rebels", "M23: March 23 Movement", 2),
                ("Wazalendo fighters", "Wazalendo", 3),
                ("CODECO", "CODECO: Cooperative for Development of Congo", 3),
            ],
        ),
        (
            "Fano militias seized the town from the army; the OLA attacked a bus.",
            "ET",
            dt.date(2023, 8, 3),
            [("Fano militias", "Fano Militia", 3), ("OLA", "OLA: Oromo Liberation Army", 2)],
        ),
        (
            "The Arakan Army and the TNLA captured junta bases.",
            "MM",
            dt.date(2024, 1, 10),
            [
                ("Arakan Army", "AA: Arakan Army", 2),
                ("TNLA", "TNLA: Ta'ang National Liberation Army", 2),
            ],
        ),
        (
            "The Pakistani Taliban and the Balochistan Liberation Army claimed the attacks.",
            "PK",
            dt.date(2024, 8, 26),
            [
                ("Pakistani Taliban", "TTP: Tehreek-i-Taliban Pakistan", 2),
                ("Balochistan Liberation Army", "BLA: Balochistan Liberation Army", 2),
            ],
        ),
        (
            "Kataib Hezbollah fired drones at a base held by the Popular Mobilization Forces.",
            "IQ",
            dt.date(2024, 1, 28),
            [
                ("Kataib Hezbollah", "Kataib Hezbollah", 3),
                ("Popular Mobilization Forces", "PMF: Popular Mobilization Forces", 3),
            ],
        ),
        (
            "Hamas and Palestinian Islamic Jihad fired rockets.",
            "PS",
            dt.date(2023, 10, 7),
            [("Hamas", "Hamas", 2), ("Palestinian Islamic Jihad", "PIJ: Palestinian Islamic Jihad", 2)],
        ),
        (
            "Hezbollah and Amal Movement fighters were killed.",
            "LB",
            dt.date(2024, 10, 1),
            [("Hezbollah", "Hezbollah", 3), ("Amal Movement", "Amal Movement", 3)],
        ),
        (
            "The Freedom of Russia Legion and the Russian Volunteer Corps raided Belgorod.",
            "RU",
            dt.date(2023, 5, 22),
            [
                ("Freedom of Russia Legion", "Freedom of Russia Legion", 2),
                ("Russian Volunteer Corps", "RDK: Russian Volunteer Corps", 2),
            ],
        ),
        (
            "Gunmen of the Jalisco New Generation Cartel fought the Sinaloa Cartel.",
            "MX",
            dt.date(2021, 6, 1),
            [
                ("Jalisco New Generation Cartel", "CJNG: Jalisco New Generation Cartel", 3),
                ("Sinaloa Cartel", "Sinaloa Cartel", 3),
            ],
        ),
        (
            "The ELN clashed with FARC dissidents and the Clan del Golfo in Catatumbo.",
            "CO",
            dt.date(2025, 1, 16),
            [
                ("ELN", "ELN: National Liberation Army", 2),
                ("FARC dissidents", "FARC Dissidents", 2),
                ("Clan del Golfo", "AGC: Gaitanist Self-Defense Forces of Colombia", 3),
            ],
        ),
        (
            "Comando Vermelho and PCC members exchanged fire in a favela.",
            "BR",
            dt.date(2024, 3, 1),
            [("Comando Vermelho", "CV: Comando Vermelho", 3), ("PCC", "PCC: First Capital Command", 3)],
        ),
        (
            "The 444th Brigade and the Stability Support Apparatus clashed; Asayish members died.",
            "LY",
            dt.date(2025, 5, 13),
            [
                ("444th Brigade", "444th Combat Brigade", 3),
                ("Stability Support Apparatus", "Stability Support Apparatus", 3),
                ("Asayish", "Asayish", 3),
            ],
        ),
        (
            "MOJWA and the Islamic Movement for Azawad fought the Ganda Iso; CSP fighters stayed out.",
            "ML",
            dt.date(2013, 1, 30),
            [
                ("MOJWA", "MUJAO: Movement for Unity and Jihad in West Africa", 2),
                ("Islamic Movement for Azawad", "MIA: Islamic Movement for Azawad", 2),
                ("Ganda Iso", "Ganda Iso", 3),
                (
                    "CSP fighters",
                    "CSP-DPA: Permanent Strategic Framework for the Defense of the People of Azawad",
                    2,
                ),
            ],
        ),
        (
            "Siriri fighters and the MLCJ clashed as Mai-Mai Kifuafua and SSUF/A fighters moved north.",
            "CF",
            dt.date(2024, 5, 1),
            [
                ("Siriri fighters", "Siriri", 2),
                ("MLCJ", "MLCJ: Movement of Central African Liberators for Justice", 2),
                ("Mai-Mai Kifuafua", "Mai-Mai Militia (Kifuafua)", 3),
                ("SSUF/A", "SSUF/A: South Sudan United Front/Army", 2),
            ],
        ),
        (
            "PLFI cadres and the Kangleipak Communist Party clashed; KYKL and NLFT stayed away.",
            "IN",
            dt.date(2024, 5, 1),
            [
                ("PLFI", "PLFI: People's Liberation Front of India", 2),
                ("Kangleipak Communist Party", "KCP: Kangleipak Communist Party", 2),
                ("KYKL", "KYKL: Kanglei Yawol Kanna Lup", 2),
                ("NLFT", "NLFT: National Liberation Front of Tripura", 2),
            ],
        ),
        (
            "The Pa-O National Liberation Army and the Mon National Liberation Army took a junta post.",
            "MM",
            dt.date(2024, 5, 1),
            [
                ("Pa-O National Liberation Army", "PNLA: Pa-O National Liberation Army", 2),
                ("Mon National Liberation Army", "MNLA: Mon National Liberation Army", 2),
            ],
        ),
        (
            "Gente Nueva gunmen fought Los Aztecas, and Los Metros clashed with Los Ciclones in Reynosa.",
            "MX",
            dt.date(2024, 5, 1),
            [
                ("Gente Nueva", "Gente Nueva", 3),
                ("Los Aztecas", "Los Aztecas", 3),
                ("Los Metros", "Los Metros", 3),
                ("Los Ciclones", "Los Ciclones", 3),
            ],
        ),
        (
            "Troops clashed with Dawlah Islamiyah-Maute militants; Nusrat al-Islam ambushed a convoy.",
            "PH",
            dt.date(2023, 2, 18),
            [
                ("Dawlah Islamiyah-Maute", "Dawlah Islamiyah", 2),
                ("Nusrat al-Islam", "JNIM: Group for Support of Islam and Muslims", 2),
            ],
        ),
        (
            "Maoists ambushed a police patrol in Bijapur.",
            "IN",
            dt.date(2023, 4, 26),
            [("Maoists", "CPI (Maoist): Communist Party of India (Maoist)", 2)],
        ),
        (
            "The NPA and the Abu Sayyaf were blamed for the attacks.",
            "PH",
            dt.date(2019, 1, 27),
            [("NPA", "NPA: New People's Army", 2), ("Abu Sayyaf", "Abu Sayyaf Group", 2)],
        ),
        (
            "Insurgents of Ahlu Sunnah Wa-Jama'a attacked Mocimboa da Praia.",
            "MZ",
            dt.date(2020, 8, 12),
            [("Ahlu Sunnah Wa-Jama'a", "Islamic State (Mozambique)", 2)],
        ),
        (
            "Ambazonian separatists burned a school in Bamenda.",
            "CM",
            dt.date(2019, 5, 1),
            [("Ambazonian separatists", "Ambazonian Separatists (Cameroon)", 2)],
        ),
        (
            "3R fighters and the UPC attacked anti-Balaka positions.",
            "CF",
            dt.date(2020, 12, 20),
            [
                ("3R", "3R: Return, Reclamation, Rehabilitation", 2),
                ("UPC", "UPC: Union for Peace in the Central African Republic", 2),
                ("anti-Balaka", "Anti-Balaka", 4),
            ],
        ),
        (
            "The Libyan National Army shelled positions of the Rada Special Deterrence Force.",
            "LY",
            dt.date(2019, 4, 10),
            [
                ("Libyan National Army", "LNA: Libyan National Army", 2),
                ("Rada Special Deterrence Force", "Rada Special Deterrence Force", 3),
            ],
        ),
        (
            "Viv Ansanm gangs, including 400 Mawozo and G9, attacked Cite Soleil.",
            "HT",
            dt.date(2024, 3, 2),
            [
                ("Viv Ansanm", "Viv Ansanm", 3),
                ("400 Mawozo", "400 Mawozo", 3),
                ("G9", "G9 an Fanmi e Alye", 3),
            ],
        ),
    ],
)
def test_actors_named_groups_of_current_conflicts_found_and_resolved(actors, text, country, day, expected):
    assert _named(actors, text, country, day) == expected


@pytest.mark.parametrize(
    ("text", "country", "day", "expected"),
    [
        # the Taliban: an armed group until they took Kabul, the state's forces after
        ("Taliban fighters attacked Kunduz.", "AF", dt.date(2021, 6, 1), ("Taliban", Inter.REBEL_GROUPS)),
        (
            "Taliban fighters attacked the resistance.",
            "AF",
            dt.date(2022, 6, 1),
            ("Military Forces of Afghanistan (2021-)", Inter.STATE_FORCES),
        ),
        (
            "Taliban forces fired across the border.",
            "PK",
            dt.date(2025, 10, 12),
            ("Military Forces of Afghanistan (2021-)", Inter.EXTERNAL_FORCES),
        ),
        # the Donbas separatists: a rebel group until Russia annexed their republics
        (
            "DPR forces shelled Avdiivka.",
            "UA",
            dt.date(2017, 1, 30),
            ("NAF: United Armed Forces of Novorossiya", Inter.REBEL_GROUPS),
        ),
        (
            "DPR forces shelled Avdiivka.",
            "UA",
            dt.date(2023, 1, 30),
            ("Military Forces of Russia (2000-)", 8),
        ),
        # unnamed separatists in Cameroon are ACLED's Ambazonian Separatists; elsewhere unidentified
        (
            "Separatist fighters burned a school in Bamenda.",
            "CM",
            dt.date(2019, 5, 1),
            ("Ambazonian Separatists (Cameroon)", Inter.REBEL_GROUPS),
        ),
        (
            "Separatist fighters shot dead a village headman in Pattani.",
            "TH",
            dt.date(2019, 5, 1),
            ("Unidentified Armed Group (Thailand)", Inter.REBEL_GROUPS),
        ),
        # unnamed Islamists are Syria's Islamist Rebels there and unidentified elsewhere
        (
            "Islamists attacked the town of Gao.",
            "ML",
            dt.date(2013, 2, 19),
            ("Unidentified Armed Group (Mali)", Inter.REBEL_GROUPS),
        ),
        (
            "Islamist militants kidnapped three men.",
            "SY",
            dt.date(2014, 2, 19),
            ("Islamist Rebels (Syria)", Inter.REBEL_GROUPS),
        ),
        # militiamen of no named group: Rio's milicias are ACLED's Militia (Brazil); elsewhere unidentified
        (
            "Militiamen executed a driver in Campo Grande.",
            "BR",
            dt.date(2024, 3, 2),
            ("Militia (Brazil)", Inter.POLITICAL_MILITIAS),
        ),
        (
            "Militiamen executed a driver near Bunia.",
            "CD",
            dt.date(2024, 3, 2),
            ("Unidentified Armed Group (Democratic Republic of Congo)", Inter.POLITICAL_MILITIAS),
        ),
        # vigilantes of no named group: Nigeria's vigilante groups and Cameroon's vigilance committees are
        # one ACLED actor each; elsewhere unidentified
        (
            "Local vigilantes repelled a raid near Kankara.",
            "NG",
            dt.date(2023, 8, 12),
            ("Vigilante Group (Nigeria)", Inter.POLITICAL_MILITIAS),
        ),
        (
            "Members of the vigilance committee repelled an incursion near Mozogo.",
            "CM",
            dt.date(2023, 8, 12),
            ("Vigilance Committee (Cameroon)", Inter.POLITICAL_MILITIAS),
        ),
        (
            "Vigilantes set up roadblocks in Kaya.",
            "BF",
            dt.date(2023, 8, 12),
            ("Unidentified Armed Group (Burkina Faso)", Inter.POLITICAL_MILITIAS),
        ),
        (
            "Armed bandits struck near Gusau.",
            "NG",
            dt.date(2023, 8, 12),
            ("Unidentified Armed Group (Nigeria)", Inter.POLITICAL_MILITIAS),
        ),
        # cow vigilantes who beat cattle traders are a mob
        (
            "Cow vigilantes stopped a truck near Alwar.",
            "IN",
            dt.date(2017, 4, 1),
            ("Rioters (India)", Inter.RIOTERS),
        ),
        # unnamed resistance fighters in Myanmar after the PDF was formed are the PDF; elsewhere unidentified
        (
            "Resistance fighters ambushed a convoy near Yinmabin.",
            "MM",
            dt.date(2023, 3, 2),
            ("PDF: People's Defense Force", Inter.REBEL_GROUPS),
        ),
        (
            "Resistance fighters ambushed a convoy near Yinmabin.",
            "MM",
            dt.date(2021, 3, 2),
            ("Unidentified Armed Group (Myanmar)", Inter.REBEL_GROUPS),
        ),
        (
            "Resistance fighters ambushed a convoy near Melitopol.",
            "UA",
            dt.date(2022, 9, 2),
            ("Unidentified Armed Group (Ukraine)", Inter.REBEL_GROUPS),
        ),
        # a group named by the country it fights in
        (
            "Fulani militiamen attacked a village.",
            "ML",
            dt.date(2019, 3, 23),
            ("Fulani Ethnic Militia (Mali)", 4),
        ),
        # a unit of a state's forces is that state's forces, at home or abroad
        (
            "The FARDC repelled the attack.",
            "CD",
            dt.date(2024, 2, 7),
            ("Military Forces of the Democratic Republic of Congo (2019-)", 1),
        ),
        (
            "The Africa Corps struck near Kidal.",
            "ML",
            dt.date(2024, 7, 27),
            ("Military Forces of Russia (2000-)", 8),
        ),
    ],
)
def test_actors_groups_that_change_what_they_are(actors, text, country, day, expected):
    [mention] = actors.find(text)
    actor = actors.resolve(mention.ref, country, day)
    assert (actor.name, actor.inter) == expected


#: Ordinary English with no armed actor in it: news of weather, sport, business, science and daily life,
#: with words that an alias could take (a lion's den, a security belt, the Sea of Azov, fact, mend, pdf).
ORDINARY_ENGLISH = """
The city council met on Tuesday to discuss the new budget. The mayor said the plan would mend the roads
and build a new library, and that a PDF of the proposal is on the council's website. In fact, most
residents agreed. A local baker, Amal, said she hoped the market would reopen before the holidays.

Heavy rain is expected across the region this weekend, forecasters said. Fishermen on the Sea of Azov
were told to stay in port. Farmers welcomed the rain after a long dry summer; the harvest of wheat and
barley was poor, and prices rose at the market. The national weather service issued a flood warning.

In football, the home side won three-nil in front of a full stadium. The coach walked into the lion's den
of the visitors' supporters to thank them, and the captain said the team would keep its shape. Tickets
for the final go on sale next week. The league said the security belt around the ground worked well.

Shares rose on Wednesday after the central bank held interest rates. Analysts said inflation was easing
and that the company would announce results next month. The chief executive told reporters the firm
would hire more staff, open a new plant and invest in research, development and training.

Scientists at the university published a study of sleep in teenagers. Students who slept eight hours did
better in tests, the authors wrote, and the effect was larger in girls. The team plans a second study with
families in three countries, and said the opera season, Wagner's Ring, would open the festival in July.

The film festival opened with a comedy about a family road trip. Critics praised the acting and the music.
The director thanked the crew, her parents and the people of the small town where it was shot. A retired
teacher won the lottery and said he would buy a house by the sea and travel with his grandchildren.

Police said a man was arrested for drunk driving after his car hit a lamp post. No one was hurt. The
hospital opened a new wing for children, and the health minister praised the doctors and nurses who work
night shifts. The school board voted to start classes later in the morning from next year.
"""


def test_actors_no_named_actor_in_ordinary_english(actors):
    named = [m.text for m in actors.find(ORDINARY_ENGLISH) if m.ref.kind == "actor" or m.ref.country]
    assert named == []


def test_actors_dictionary_loads_with_codes_and_unique_aliases(actors):
    raw = tomllib.loads(resources.files("frontlines").joinpath("data/actors.toml").read_text("utf-8"))
    entries = raw["role"] + raw["actor"]
    assert all(1 <= e["inter"] <= 8 for e in entries)
    groups = [a for a in raw["actor"] if a["inter"] != Inter.STATE_FORCES]
    assert len(groups) >= 300
    assert len({a["name"] for a in raw["actor"]}) == len(raw["actor"])
    owner: dict[str, str] = {}
    for entry in raw["actor"] + raw["role_alias"]:
        who = entry.get("name") or f"{entry['role']}:{entry['country']}"
        for alias in entry["aliases"]:
            key = alias if len(alias) <= _ACRONYM_MAX and alias != alias.lower() else alias.lower()
            assert owner.setdefault(key, who) == who, f"{alias!r} names both {owner[key]} and {who}"
    for entry in raw["actor"]:
        assert entry["country"] == entry["country"].upper() and len(entry["country"]) == 2, entry["name"]
        assert isinstance(entry.get("since", dt.date.min), dt.date), entry["name"]
        assert 1900 <= entry.get("founded", 1900) <= 2026, entry["name"]


def test_actors_demonyms_of_every_country_name_its_forces() -> None:
    """The gazetteer's demonym list is the actors' too: 'Thai and Cambodian troops' are two states."""
    dictionary = ActorDictionary.load()
    found = {(m.text, m.ref.country) for m in dictionary.find("Thai and Cambodian troops exchanged fire.")}
    assert {("Thai", "TH"), ("Cambodian troops", "KH")} <= found


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("On 23 July, Russia launched Kalibr missiles at the port.", "Russia", "RU"),
        ("The village of Ruska Lozova was retaken by Ukraine.", "Ukraine", "UA"),
        ("Two Russian Sukhoi Su-25s conducted airstrikes in Irpin.", "Russian Sukhoi Su-25s", "RU"),
        ("An airstrike by the Russian Air Force hit a barracks in Desna.", "Russian Air Force", "RU"),
        ("Sudan's army shelled the market.", "Sudan's army", "SD"),
        ("Five people died after Russians shelled the city.", "Russians", "RU"),
        ("The Israelis struck a building in Rafah.", "Israelis", "IL"),
        ("Russian MLRS fire hit Korabelnyi district.", "Russian MLRS fire", "RU"),
        ("Azerbaijani occupation forces shelled Stepanakert.", "Azerbaijani occupation forces", "AZ"),
        ("An Iranian ballistic missile hit a building in Bat Yam.", "Iranian ballistic missile", "IR"),
        ("On 5 April, Russia completed their withdrawal from the oblast.", "Russia", "RU"),
        ("France said it killed seven insurgents in Mopti.", "France", "FR"),
        ("Russia reported it had shot down one drone.", "Russia", "RU"),
        ("The Russian air forces attacked Lebedyn.", "Russian air forces", "RU"),
        ("The cathedral came under bombardment, reportedly by Azerbaijan.", "Azerbaijan", "AZ"),
        ("Strikes by Israel hit the port of Hodeidah.", "Israel", "IL"),
    ],
)
def test_actors_states_named_as_doers_name_their_forces(actors, text, mention, country) -> None:
    found = {m.text: m.ref for m in actors.find(text)}
    assert found[mention] == ActorRef("role", "military", country)


@pytest.mark.parametrize(
    "text",
    [
        "Clashes in Syria killed five people on Monday.",
        "Fighting across Ukraine killed dozens overnight.",
        "Refugees from Ukraine said it had been a long winter.",
    ],
)
def test_actors_a_country_that_is_a_place_is_no_doer(actors, text) -> None:
    assert [m for m in actors.find(text) if m.text in ("Syria", "Ukraine")] == []


@pytest.mark.parametrize(
    "text",
    [
        "Five Syrians killed in an air strike on Idlib.",
        "Dozens of Afghans killed as a bus hit a mine.",
        "Sudanese fled the town after the attack.",
    ],
)
def test_actors_a_people_counted_or_in_a_passive_is_no_doer(actors, text) -> None:
    """Rule people-as-agent stays off for victims: a count before the people, or a headline passive."""
    assert [m.text for m in actors.find(text) if m.text.endswith(("Syrians", "Afghans", "Sudanese"))] == []


@pytest.mark.parametrize(
    ("country", "expected"),
    [("SO", "Military Forces of Somalia (2022-)"), ("SY", "SNA: Syrian National Army")],
)
def test_actors_a_shared_acronym_means_what_the_events_country_says(actors, country, expected) -> None:
    """[[shared_acronym]]: "SNA" is the Somali National Army in Somalia, the Syrian one elsewhere."""
    (mention,) = actors.find("On Sunday, SNA units took positions near the town.")
    assert actors.resolve(mention.ref, country, dt.date(2023, 1, 8)).name == expected


@pytest.mark.parametrize(
    ("sub", "country", "day", "expected"),
    [
        ("Shelling/artillery/missile attack", "UA", dt.date(2023, 5, 1), "Military Forces of Russia (2000-)"),
        ("Air/drone strike", "RU", dt.date(2024, 8, 10), "Military Forces of Ukraine (2019-)"),
        ("Shelling/artillery/missile attack", "UA", dt.date(2021, 5, 12), None),  # before the invasion
        ("Remote explosive/landmine/IED", "UA", dt.date(2023, 5, 12), None),  # a mine is nobody's by default
        ("Air/drone strike", "SY", dt.date(2016, 5, 12), None),
    ],
)
def test_actors_a_wars_unnamed_strikes_are_its_striking_sides(actors, sub, country, day, expected) -> None:
    """[[remote_attacker]]: who fires a war's unnamed strikes, by country, period and sub-event type."""
    found = actors.remote_attacker(sub, country, day)
    assert (found.name if found else None) == expected
    if found:
        assert found.inter == Inter.EXTERNAL_FORCES  # a state's forces outside their country


def test_actors_people_named_by_their_country_are_its_civilians(actors) -> None:
    found = {m.text: m.ref for m in actors.find("Russian forces killed three unarmed Ukrainian civilians.")}
    assert found["Ukrainian civilians"] == ActorRef("role", "civilians", "UA")


@pytest.mark.parametrize(
    ("state", "sub", "expected"),
    [
        ("RU", "Air/drone strike", "UA"),  # Russia's strikes fall on Ukraine
        ("UA", "Air/drone strike", None),  # Ukraine's mostly on occupied Ukraine: no front in Russia
        ("RU", "Attack", None),
        ("IL", "Air/drone strike", "PS"),
        ("RU", None, "UA"),  # any act of Russia's army, a capture or a raid, on the war's front
        ("UA", None, None),
        ("SD", None, None),  # no front entry: no guess
    ],
)
def test_actors_the_front_of_a_states_strikes(actors, state, sub, expected) -> None:
    assert actors.war_country(state, sub, dt.date(2024, 3, 24)) == expected


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("The FSB said it had detained a man in Moscow.", "FSB", "RU"),
        ("Officers of the KGB detained a journalist in Minsk.", "KGB", "BY"),
        ("Hooded SEBIN agents seized the opposition leader.", "SEBIN", "VE"),
        ("A bomb disposal squad defused an IED near Lethpora.", "bomb disposal squad", None),
        ("Taliban police detained her in Kabul for improper hijab.", "Taliban police", "AF"),
    ],
)
def test_actors_security_services_are_the_states_police(actors, text, mention, country) -> None:
    found = {m.text: m.ref for m in actors.find(text)}
    assert found[mention] == ActorRef("role", "police", country)


@pytest.mark.parametrize(
    ("text", "mention", "role", "country"),
    [
        ("Students threw stones at carabineros in Santiago.", "carabineros", "police", "CL"),
        ("A Brimob armoured vehicle ran over a driver in Jakarta.", "Brimob", "police", "ID"),
        ("Suspected militants hurled a grenade at a CRPF bunker.", "CRPF", "police", "IN"),
        ("An IED struck a Frontier Corps vehicle near Turbat.", "Frontier Corps", "military", "PK"),
        ("SANDF soldiers were deployed to Soweto.", "SANDF", "military", "ZA"),
        ("Eritrean Defence Forces entered Adigrat.", "Eritrean Defence Forces", "military", "ER"),
    ],
)
def test_actors_state_forces_named_by_their_own_names(actors, text, mention, role, country) -> None:
    found = {m.text: m.ref for m in actors.find(text)}
    assert found[mention] == ActorRef("role", role, country)


def test_actors_guards_of_the_state_are_its_military(actors) -> None:
    found = {m.text: m.ref for m in actors.find("Members of the presidential guard detained the president.")}
    assert found["presidential guard"] == ActorRef("role", "military", None)


@pytest.mark.parametrize(
    ("text", "country", "day", "expected"),
    [
        # rule hosted-mission: the mission of the country they serve in, whoever sent them
        ("Two Chadian peacekeepers were killed in Tessalit.", "ML", dt.date(2019, 10, 23), "MINUSMA"),
        ("UN peacekeepers set up a base in Sam Ouandja.", "CF", dt.date(2023, 5, 2), "MINUSCA"),
        ("African Union troops repelled the attack.", "SO", dt.date(2023, 5, 2), "ATMIS"),
        ("African Union troops repelled the attack.", "SO", dt.date(2019, 5, 2), "AMISOM"),
        # no mission there: a demonym names the state whose forces they are
        ("Russian peacekeepers took the road.", "AZ", dt.date(2020, 12, 13), "Military Forces of Russia"),
        # no mission and no demonym: the template
        ("Peacekeepers left the camp.", "AZ", dt.date(2024, 3, 1), "UN"),
    ],
)
def test_actors_peacekeepers_are_the_mission_of_their_host_country(
    actors, text, country, day, expected
) -> None:
    [mention] = actors.find(text)
    actor = actors.resolve(mention.ref, country, day)
    assert actor.name.startswith((f"{expected}: ", f"{expected} ("))  # the acronym or the state's forces
    assert actor.inter == Inter.EXTERNAL_FORCES


@pytest.mark.parametrize(
    ("country", "day", "expected"),
    [
        # rule named-branch: ACLED names the Islamic State's provinces apart where it has one
        ("NG", dt.date(2024, 1, 5), "ISWAP: Islamic State West Africa Province"),
        ("TD", dt.date(2024, 1, 5), "ISWAP: Islamic State West Africa Province"),
        ("ML", dt.date(2023, 1, 5), "Islamic State (Sahel)"),
        # the branch's own history holds: the Sahel province before its March 2022 name
        ("BF", dt.date(2019, 1, 5), "Islamic State (Greater Sahara)"),
        ("CD", dt.date(2024, 1, 5), "ADF: Allied Democratic Forces"),
        # elsewhere the country's branch by the template, and Syria's own
        ("SO", dt.date(2024, 1, 5), "Islamic State (Somalia)"),
        ("SY", dt.date(2016, 1, 5), "Islamic State (Syria)"),
    ],
)
def test_actors_islamic_state_is_the_branch_acled_names(actors, country, day, expected) -> None:
    [mention] = actors.find("Islamic State fighters attacked the town.")
    assert actors.resolve(mention.ref, country, day).name == expected


def test_actors_a_branch_must_name_an_actor() -> None:
    raw = tomllib.loads(resources.files("frontlines").joinpath("data/actors.toml").read_text("utf-8"))
    raw["actor"][0]["branches"] = {"NG": "No Such Group"}
    with pytest.raises(ValueError, match="No Such Group"):
        ActorDictionary(raw)

"""Casualty counts: parsing count phrases, linking them to killed/wounded cues, cumulative totals."""

from __future__ import annotations

import csv
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.mentions import counts, numbers
from frontlines.mentions.counts import parse_count
from frontlines.mentions.numbers import find_casualties
from helpers import FAKES_CSV, needs_fakes

P = pytest.param


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("12", 12),
        ("1,200", 1200),
        ("300000", 300000),
        ("twelve", 12),
        ("twenty-nine", 29),
        ("one hundred and twenty", 120),
        ("a hundred", 100),
        ("two dozen", 24),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("dozens", 12),
        ("scores", 12),
        ("tens", 10),
        ("hundreds", 100),
        ("several", 3),
        ("a few", 3),
        ("many", 10),
        ("several hundred", 300),
        ("hundreds of thousands", 100_000),
        ("1.2 million", 1_200_000),
        ("a quarter of a million", 250_000),
        ("at least 70", 70),
        ("more than 20", 20),
        ("nearly 70", 70),
        ("up to 15", 15),
        ("between 10 and 15", 10),
        ("10-15", 10),
        ("two or three", 2),
        ("At  least   seventy", 70),
        ("0914", None),
        ("2.5", None),
        ("killed", None),
    ],
)
def test_numbers_parse_count(phrase: str, expected: int | None) -> None:
    assert parse_count(phrase) == expected


def found(text: str) -> list[tuple[int, str, bool]]:
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.?", text)]
    return [(m.count, m.kind, m.cumulative) for m in find_casualties(text, sentences)]


K, W = "killed", "wounded"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        P("50 military personnel are believed to have died.", [(50, K, False)], id="long-noun-phrase"),
        P("4 students were killed.", [(4, K, False)], id="passive"),
        P(
            "A car bomb killed 12 people and wounded 30.",
            [(12, K, False), (30, W, False)],
            id="verb-object-pairs",
        ),
        P("The attack ended, killing at least 70.", [(70, K, False)], id="killing-at-least"),
        P("WHO put the death toll at at least 70.", [(70, K, False)], id="toll-at"),
        P("The death toll rose to 112 on Sunday.", [(112, K, False)], id="toll-rose-to"),
        P("Rescuers carted away at least 100 bodies.", [(100, K, False)], id="bodies"),
        P("Fourteen people lost their lives.", [(14, K, False)], id="lost-their-lives"),
        P("The shelling left 11 people dead.", [(11, K, False)], id="left-dead"),
        P("Three citizens were martyred.", [(3, K, False)], id="martyred"),
        P("Seven dead 20 wounded in blast.", [(7, K, False), (20, W, False)], id="headline-pairs"),
        P("6 citizens killed 22 injured in attacks.", [(6, K, False), (22, W, False)], id="commaless-pairs"),
        P(
            "An attack that killed at least 58 and injured dozens.",
            [(58, K, False), (12, W, False)],
            id="vague-wounded",
        ),
        P("At least 53 civilians including 21 children died.", [(53, K, False)], id="subset-skipped"),
        P(
            "Seventeen children and six women were among those killed.",
            [(23, K, False)],
            id="coordination-adds",
        ),
        P("Several other people were hurt.", [(3, W, False)], id="several-hurt"),
        P("Dozens of people were injured.", [(12, W, False)], id="dozens-injured"),
        P("Two dozen soldiers were killed.", [(24, K, False)], id="two-dozen"),
        P("Between 10 and 15 fighters died.", [(10, K, False)], id="lowest-of-range"),
        P(
            "Shells fell near Baron Street; 6 people were killed.",
            [(6, K, False)],
            id="clause-break-ends-a-label",
        ),
    ],
)
def test_numbers_links_counts_to_cues(text: str, expected: list[tuple[int, str, bool]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        P("More than 120,000 people have been killed since 2011.", [(120_000, K, True)], id="since-year"),
        P("The war has killed more than 3,000 people.", [(3000, K, True)], id="war-has-killed"),
        P("At least 900 civilians were killed in the conflict.", [(900, K, True)], id="in-the-conflict"),
        P("Some 500 have died since the start of the uprising.", [(500, K, True)], id="since-start"),
        P("At least 40 were killed so far this year.", [(40, K, True)], id="so-far-this-year"),
        P("Scores are killed every day.", [(12, K, True)], id="every-day"),
        P("In total 35 people had died.", [(35, K, True)], id="in-total"),
        P("Overall, 400 people have been killed in the province.", [(400, K, True)], id="overall-perfect"),
        P(
            "Two rocket barrages hit the district, killing 9 people in total.",
            [(9, K, False)],
            id="in-total-sums-one-event",
        ),
        P("The death toll in the war stands at 9000.", [(9000, K, True)], id="toll-in-the-war"),
        P("900 people were killed over the past six months.", [(900, K, True)], id="past-months"),
        P("12 people were killed across the country.", [(12, K, True)], id="across-the-country"),
        P("About 280000 people were killed.", [(280_000, K, True)], id="too-large-for-an-event"),
        P(
            "At least 20 were killed on Sunday in a war that has killed 300,000 since 2011.",
            [(20, K, False), (300_000, K, True)],
            id="event-and-total-in-one-sentence",
        ),
        P(
            "Strikes killed two civilians in the city that has been divided between rebels since 2012.",
            [(2, K, False)],
            id="far-since-is-not-a-total",
        ),
    ],
)
def test_numbers_marks_cumulative(text: str, expected: list[tuple[int, str, bool]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        P("In 2011 killed protesters were mourned.", id="year-after-preposition"),
        P("Fri 07 Apr 2017 at 0914 killed", id="clock-time"),
        P("The 12-year-old was killed.", id="age-alone"),
        P("The boy, aged 12, was killed.", id="aged"),
        P("He was killed 5 km from the town.", id="distance"),
        P("Prices rose 20 percent and 3% were hurt by it.", id="percentages"),
        P("They paid $5,000 to the families of the dead.", id="money"),
        P("Those killed on 5 March were buried.", id="date"),
        P("An F-16 killed nobody.", id="model-name"),
        P("Resolution 2254 says nothing about the dead.", id="resolution"),
        P("The strike caused 20 casualties.", id="casualties-alone"),
        P("30 people were killed or wounded.", id="killed-or-wounded"),
        P("One of them was killed.", id="one-of"),
        P("No one was killed.", id="no-one"),
        P("The attack killed civilians; 3 buildings were destroyed.", id="no-count"),
        P("A spokesman said nobody was killed.", id="role-far-from-cue"),
        P("The group claimed 3 attacks in the city.", id="claimed-things"),
        P("The shell hit the man's house, killing cattle.", id="victim-not-object"),
        P("Islamic State killed Syrian soldiers near Palmyra.", id="named-group-is-no-victim"),
    ],
)
def test_numbers_never_counts(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        P("A landmine exploded, killing a woman.", [(1, K, False)], id="killing-a-woman"),
        P(
            "A mortar round killed a 5-year-old child and injured six civilians.",
            [(1, K, False), (6, W, False)],
            id="age-is-a-modifier",
        ),
        P("A 12-year-old boy was killed.", [(1, K, False)], id="age-then-noun"),
        P("A man and his wife were killed in the city.", [(2, K, False)], id="man-and-wife"),
        P("Militants executed a man and his wife.", [(2, K, False)], id="executed-pair"),
        P(
            "A bomb exploded, killing the imam, Sheikh Salman, and wounding five worshippers.",
            [(1, K, False), (5, W, False)],
            id="killing-the-imam",
        ),
        P("A child was killed.", [(1, K, False)], id="a-child-was-killed"),
        P("One civilian died.", [(1, K, False)], id="one-civilian"),
        P("The strike killed a family of nine.", [(9, K, False)], id="family-of"),
        P("A child and 3 women were reportedly killed.", [(4, K, False)], id="victim-then-count"),
        P("12 soldiers, including the commander, were killed.", [(12, K, False)], id="victim-as-part"),
        P(
            "A farmer in the village of Tell Kalakh, Homs, died of his wounds.",
            [(1, K, False)],
            id="victim-where-then-cue",
        ),
        P("A child in Douma was killed by a shell.", [(1, K, False)], id="victim-in-place-auxiliary"),
        P("Shelling killed Mohamed Hilal Zatima, a commander.", [(1, K, False)], id="named-by-given-name"),
        P("Troops fired on a car, killing US journalist Brent Renaud.", [(1, K, False)], id="title-name"),
        P("The deputy head Vitaly Gura was shot dead at home.", [(1, K, False)], id="title-name-post-cue"),
        P("A landmine exploded beneath him, killing him instantly.", [(1, K, False)], id="killing-him"),
        P("ISIS assassinates 4 technicians in the oilfield.", [(4, K, False)], id="assassinates"),
        P("IS crucifies 3 men in the square.", [(3, K, False)], id="crucifies"),
        P("A video shows the execution of 17 young men.", [(17, K, False)], id="execution-of"),
    ],
)
def test_numbers_single_victims(text: str, expected: list[tuple[int, str, bool]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        P("Clashes killed 13 ISIL fighters and 7 local fighters.", [(20, K, False)], id="two-groups"),
        P("An air strike hit a camp, killing 17 militants and a child.", [(18, K, False)], id="and-a-child"),
        P("Strikes killed at least 20 IS fighters and one civilian.", [(21, K, False)], id="and-one"),
        P("A battle that killed 30 regime soldiers and 29 insurgents.", [(59, K, False)], id="battle"),
        P("Fighting went on, killing 45 rebels and 43 soldiers.", [(88, K, False)], id="killing-and"),
        P("Troops killed a local emir and at least 10 of his men.", [(11, K, False)], id="emir-and-men"),
        P("Strikes killed 10 soldiers, 5 civilians and 2 children.", [(17, K, False)], id="comma-list"),
        P(
            "13 ISIL fighters, including a Libyan emir, and 7 local fighters were killed.",
            [(20, K, False)],
            id="passive-with-parenthetical",
        ),
        P("Strikes killed 10 soldiers, 5 of them officers.", [(10, K, False)], id="part-of-them"),
        P("Strikes killed 3 people, 2 soldiers and a child.", [(3, K, False)], id="list-names-the-people"),
        P("Strikes killed 7 soldiers, wounding 4.", [(7, K, False), (4, W, False)], id="comma-then-cue"),
        P(
            "Strikes killed 3 people and 2 civilians were wounded.",
            [(3, K, False), (2, W, False)],
            id="next-count-has-own-cue",
        ),
        P("Strikes killed 5 people and wounded a child.", [(5, K, False), (1, W, False)], id="and-wounded"),
    ],
)
def test_numbers_adds_groups_of_one_object(text: str, expected: list[tuple[int, str, bool]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        P("The blast hit the market, claiming eight.", [(8, K, False)], id="claiming"),
        P("The fire claimed 12 lives.", [(12, K, False)], id="claimed-lives"),
        P("The blast claimed the lives of eight.", [(8, K, False)], id="claimed-the-lives-of"),
        P("SOHR's updated toll was 43 dead.", [(43, K, False)], id="toll-was-dead"),
        P("The shelling left 12 dead.", [(12, K, False)], id="left-dead"),
        P("Security forces shot dead at least 2 protesters.", [(2, K, False)], id="shot-dead-first"),
        P("Two protesters were shot dead.", [(2, K, False)], id="shot-dead-after"),
        P("IS cut the throats of 33 young men.", [(33, K, False)], id="throats"),
        P("Three suspected thieves were beaten to death by a mob.", [(3, K, False)], id="beaten-to-death"),
        P("Two men were burned alive outside the town hall.", [(2, K, False)], id="burned-alive"),
        P("Villagers lynched four herders on Sunday.", [(4, K, False)], id="lynched"),
        P("A suspected motorcycle thief was beaten to death by a mob.", [(1, K, False)], id="one-thief"),
    ],
)
def test_numbers_other_killing_phrases(text: str, expected: list[tuple[int, str, bool]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        P(
            "SOHR counted 7 dead and SANA 4; the lower figure is coded.",
            [(7, K, False), (4, K, True)],
            id="dead-and-source",
        ),
        P(
            "SOHR reported 12 killed and the LCC 13; fatalities coded.",
            [(12, K, False), (13, K, True)],
            id="the-source",
        ),
        P(
            "State media reported 30 dead and SOHR 34, it said.",
            [(30, K, False), (34, K, True)],
            id="comma-after",
        ),
        P(
            "The governor reported 10 killed and 22 wounded, SOHR 12.",
            [(10, K, False), (22, W, False), (12, K, True)],
            id="first-of-run",
        ),
        P("Strikes killed 7 soldiers and 4 civilians.", [(11, K, False)], id="a-sum-is-no-alternative"),
    ],
)
def test_numbers_second_source_figure(text: str, expected: list[tuple[int, str, bool]]) -> None:
    """A second source's bare figure is a mention of the kind the first figure of its run has, marked
    as an alternative to it (the coder picks the lowest of conflicting figures)."""
    assert [(m.count, m.kind, m.alternative) for m in find_casualties(text, [])] == expected


@pytest.mark.parametrize(
    "text",
    [
        P("Strikes killed 7 soldiers and Brigade 4 withdrew.", id="label-after-and"),
        P("Strikes killed 7 soldiers and 4 others were captured.", id="next-count-has-own-verb"),
        P("Strikes killed 7 soldiers and 4 more fled.", id="next-count-flees"),
        P("Strikes killed 7 soldiers while Hezbollah 313 fighters fled.", id="count-with-noun"),
    ],
)
def test_numbers_second_source_needs_a_bare_figure(text: str) -> None:
    assert [m.count for m in find_casualties(text, [])] == [7]


def test_numbers_links_only_within_a_sentence() -> None:
    text = "Rebels said 12 fighters joined. Several were killed."
    assert [(m.text, m.count) for m in find_casualties(text, [(0, 31), (32, len(text))])] == [
        ("Several were killed", 3)
    ]


def test_numbers_mentions_sorted_and_verbatim() -> None:
    text = "A bomb killed six people and injured 32 in Aleppo; 4 students were killed"
    mentions = find_casualties(text, [])
    assert [(m.text, m.count, m.kind) for m in mentions] == [
        ("killed six", 6, "killed"),
        ("injured 32", 32, "wounded"),
        ("4 students were killed", 4, "killed"),
    ]


_FRAGMENTS = st.sampled_from(
    [
        "killed",
        "12",
        "1,200",
        "twelve",
        "dozens of",
        "at least",
        "people",
        "were",
        "wounded",
        "and",
        "2011",
        "since",
        "the war has",
        "death toll",
        "rose to",
        "0914",
        "12-year-old",
        "5 km",
        ".",
        ";",
        "including",
        "bodies",
        "casualties",
        "martyrs",
        "one of",
        "injured",
        "several",
        "between 3 and 4",
        "in total",
    ]
)


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(st.one_of(_FRAGMENTS, st.text(max_size=6)), max_size=30), cut=st.integers(0, 400))
def test_numbers_spans_are_verbatim_slices(parts: list[str], cut: int) -> None:
    text = " ".join(parts)
    cut = min(cut, len(text))
    mentions = find_casualties(text, [(0, cut), (cut, len(text))])
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.count >= 0
        assert m.kind in ("killed", "wounded")
        assert m.end <= cut or m.start >= cut  # never across a sentence boundary
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    # scanning only near anchors finds exactly what a scan of every position finds
    assert [m.span() for m in counts.count_matches(text, 0, len(text))] == [
        m.span() for m in counts.COUNT.finditer(text)
    ]
    assert [(c.start, c.end) for c in numbers._cues(text, 0, len(text))] == [
        m.span() for m in numbers.CUE.finditer(text)
    ]


@needs_fakes
def test_numbers_fakes_headline_counts() -> None:
    """FA-KES headlines of the form "... kills N ..." give N killed, and every span is verbatim."""
    with FAKES_CSV.open(encoding="utf-8", errors="replace", newline="") as handle:
        rows = list(csv.DictReader(handle))
    checked = 0
    for row in rows:
        title = row["article_title"]
        headline = re.search(r"\bkills (\d+)\b", title)
        mentions = find_casualties(title, [(0, len(title))])
        assert all(title[m.start : m.end] == m.text for m in mentions)
        if headline:
            checked += 1
            assert (int(headline.group(1)), "killed") in [(m.count, m.kind) for m in mentions], title
    assert checked >= 20


def test_numbers_label_word_of_the_sentence_before_is_no_label() -> None:
    """ "... on Route. 5 people died": the word that could label a number ends the sentence before."""
    text = "The convoy was hit on the coastal road near the junction of the old Route. 5 people died."
    cut = text.index("5 people")
    assert [m.count for m in find_casualties(text, [(0, cut - 1), (cut, len(text))])] == [5]

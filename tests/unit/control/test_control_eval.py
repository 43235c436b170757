"""Control-timeline evaluation: the gold read from a battle infobox, matching, and a whole page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontlines.config import Settings
from frontlines.control.evaluate import (
    Page,
    end_date,
    evaluate_control,
    gold_place,
    read_gold,
    read_page,
    score_page,
)
from frontlines.mentions.actors import ActorDictionary
from frontlines.model import Rejection, SubEventType
from frontlines.run import Resources
from unit.merge.factory import ARMY, REBELS, report

ACTORS = ActorDictionary.load()
TAKE = SubEventType.NON_STATE_OVERTAKES_TERRITORY
RETAKE = SubEventType.GOVERNMENT_REGAINS_TERRITORY

#: A tiny battle page in the corpus's shape: YAML front matter with an infobox, then the narrative.
FIXTURE_PAGE = """---
title: Battle of Douma (test)
infoboxes:
  - conflict:
      text: Battle of Douma (test)
    date:
      text: 3–6 March 2013
    place:
      text: Douma, Rif Dimashq Governorate, Syria
    result:
      text: |-
        Decisive rebel victory
        * Rebels capture the town
    combatant1:
      text: Free Syrian Army
    combatant2:
      text: Syrian Arab Republic
---

## Battle
On 3 March, fighting broke out in Douma. On 6 March, rebels captured Douma after the army withdrew.

## References
* [A source](https://example.org)
"""


def _page(
    result: str, *, date: str = "3–6 March 2013", place: str = "Douma, Syria", territory: str = ""
) -> Page:
    box = {"result": result, "date": date, "place": place}
    if territory:
        box["territory"] = territory
    return Page("test.md", "test", box, "")


def test_control_eval_reads_fixture_page(tmp_path: Path) -> None:
    path = tmp_path / "douma.md"
    path.write_text(FIXTURE_PAGE, encoding="utf-8")
    page = read_page(path)
    assert isinstance(page, Page)
    gold = read_gold(page, ACTORS)
    assert not isinstance(gold, Rejection)
    assert (gold.place, gold.actor.name, gold.date) == ("Douma", REBELS[0], dt.date(2013, 3, 6))


def test_control_eval_rejects_page_without_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "plain.md"
    path.write_text("# Just a heading\n", encoding="utf-8")
    page = read_page(path)
    assert isinstance(page, Rejection) and page.code == "no-front-matter"


@pytest.mark.parametrize(
    ("result", "territory", "actor"),
    [
        ("Syrian Army victory", "", ARMY[0]),
        ("Decisive Syrian Army & Hezbollah victory", "", ARMY[0]),
        ("ISIL victory\n* ISIL captures the town", "", "Islamic State (Syria)"),
        ("YPG-led victory", "", "YPG: People's Protection Units"),
        ("Major SDF victory", "* The SDF captures the city", "QSD: Syrian Democratic Forces"),
        ("FSA victory | * FSA takes full control", "", "Free Syrian Army"),
        ("al-Nusra Front victory", "", "Jabhat al Nusra"),
    ],
)
def test_control_eval_gold_winner(result: str, territory: str, actor: str) -> None:
    gold = read_gold(_page(result, territory=territory), ACTORS)
    assert not isinstance(gold, Rejection)
    assert gold.actor.name == actor


@pytest.mark.parametrize(
    ("result", "date", "place", "code"),
    [
        ("Stalemate", "3–6 March 2013", "Douma, Syria", "no-change"),
        ("Indecisive | * Rebels capture most of the town", "3–6 March 2013", "Douma, Syria", "no-change"),
        ("Partial rebel victory", "3–6 March 2013", "Douma, Syria", "no-change"),
        ("Syrian Army victory | * Rebel offensive repelled", "3–6 March 2013", "Douma, Syria", "no-change"),
        (
            "FSA victory after the first phase. Syrian Army victory after the second",
            "3–6 March 2013",
            "Douma, Syria",
            "no-change",
        ),
        ("Rebel victory", "14 November 2011 – present", "Douma, Syria", "no-date"),
        ("Rebel victory", "March 2013", "Douma, Syria", "no-date"),
        ("Rebel victory", "3–6 March 2013", "Daraa Governorate, Syria", "area-place"),
        ("Rebel victory", "3–6 March 2013", "Eastern Ghouta, Rif Dimashq Governorate, Syria", "area-place"),
        ("Suwaydan militia victory", "3–6 March 2013", "Douma, Syria", "unknown-winner"),
    ],
)
def test_control_eval_gold_skips_unclear_pages(result: str, date: str, place: str, code: str) -> None:
    gold = read_gold(_page(result, date=date, place=place), ACTORS)
    assert isinstance(gold, Rejection)
    assert gold.code == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16–31 December 2012", dt.date(2012, 12, 31)),
        ("20 June – 14 August 2017", dt.date(2017, 8, 14)),
        ("5 August 2015 | (1 day)", dt.date(2015, 8, 5)),
        ("June 18, 2015 – July 27, 2015", dt.date(2015, 7, 27)),
        ("15 November 2012 – 14 February 2013", dt.date(2013, 2, 14)),
        ("29 July 2011 – present", None),
        ("Spring 2013", None),
    ],
)
def test_control_eval_end_date(text: str, expected: dt.date | None) -> None:
    assert end_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Al-Qaryatayn, Homs Governorate, Syria", "Al-Qaryatayn"),
        ("Syria\n* Jobar, Damascus Governorate\n* Ein Tarma", "Jobar"),
        ("Qaboun, Barzeh and Jobar, Damascus, Syria", "Qaboun"),
        ("Idlib city, Idlib Governorate, Syria", "Idlib"),
        ("Palmyra region, Homs Governorate, Syria", None),
        ("Syria, neighbouring countries", None),
    ],
)
def test_control_eval_gold_place(text: str, expected: str | None) -> None:
    assert gold_place(text, "Syria") == expected


@pytest.mark.parametrize(
    ("day", "actor", "place", "found"),
    [
        (dt.date(2013, 3, 6), REBELS, "Douma", True),
        (dt.date(2013, 3, 12), REBELS, "Douma", True),  # 6 days off: within tolerance
        (dt.date(2013, 3, 20), REBELS, "Douma", False),  # two weeks off
        (dt.date(2013, 3, 6), ("Free Syrian Army", 2), "Douma", True),  # a named group for "rebels"
        (dt.date(2013, 3, 6), ("Islamic State (Syria)", 2), "Douma", True),  # same inter, gold generic
        (dt.date(2013, 3, 6), ARMY, "Douma", False),  # the wrong side
        (dt.date(2013, 3, 6), REBELS, "Homs", False),  # the wrong place
    ],
)
def test_control_eval_score_page(day: dt.date, actor: tuple[str, int], place: str, found: bool) -> None:
    gold = read_gold(_page("Rebel victory"), ACTORS)
    assert not isinstance(gold, Rejection)
    events = [report("a1", day=day, place=place, sub=TAKE, actor1=actor, actor2=ARMY)]
    assert (score_page(gold, events, ACTORS, None).found is not None) is found


def test_control_eval_named_gold_needs_that_group() -> None:
    gold = read_gold(_page("FSA victory"), ACTORS)
    assert not isinstance(gold, Rejection)
    events = [report("a1", day=dt.date(2013, 3, 6), place="Douma", sub=TAKE, actor1=("Jabhat al Nusra", 2))]
    assert score_page(gold, events, ACTORS, None).found is None
    generic = [report("a2", day=dt.date(2013, 3, 6), place="Douma", sub=TAKE, actor1=REBELS)]
    assert score_page(gold, generic, ACTORS, None).found is not None


def test_control_eval_whole_fixture_page(tmp_path: Path, settings: Settings, resources: Resources) -> None:
    (tmp_path / "douma.md").write_text(FIXTURE_PAGE, encoding="utf-8")
    (tmp_path / "stalemate.md").write_text(
        FIXTURE_PAGE.replace("Decisive rebel victory", "Stalemate"), encoding="utf-8"
    )
    result = evaluate_control(tmp_path, settings, resources, "end")
    assert [s.code for s in result.skipped] == ["no-change"]
    assert len(result.results) == 1
    page = result.results[0]
    assert page.territorial_events >= 1
    assert page.found is not None and page.found.start == dt.date(2013, 3, 6)
    assert result.share == 1.0

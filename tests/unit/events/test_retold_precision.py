"""Rules exact-retelling and undated-retelling through the whole default pipeline on the suite's own
gazetteer: an event no report dated ("The battle of Kidal is ...", dated by default to the publication
day) told again by a sentence that names its day and places it near the town is placed near the town
(geo_precision 2), whether that sentence makes an event of its own (``EventDraft.absorb``) or only
retells it (``retelling.retell``, ``retelling.retold``); told again without a day, it stays exact.
Rule stand-in-retelling: a report placed at the town only because the finer place it names is unknown
("in the neighbourhood of Qwertyvale") keeps the event approximate (2) whatever another report says."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import model_decides, run_article

PUBLISHED = dt.date(2016, 5, 9)
BACKGROUND = "The battle of Kidal is a battle between the Malian army and rebels for the town of Kidal."


@pytest.mark.parametrize(
    ("retold", "precision"),
    [
        ("On 9 May, the rebels clashed with the army near Kidal.", 2),
        ("The rebels clashed with the army near Kidal.", 1),
        # the classifier reads these two: one trained without ../shared/data may read them otherwise
        pytest.param(
            "\n\nOn 9 May, fighting was reported in almost all the villages near Kidal.",
            2,
            marks=model_decides,
        ),
        ("\n\nFighting was reported in almost all the villages near Kidal.", 1),
        pytest.param(
            "\n\nThe army repelled a rebel attack in Gao on 2 May.\n\n"
            "On 9 May, the rebels launched massive ground attacks on settlements south of Kidal.",
            2,
            marks=model_decides,
        ),
    ],
)
def test_retold_precision_is_the_dated_reports(retold: str, precision: int, resources, settings) -> None:
    doc = run_article(f"{BACKGROUND} {retold}", resources, settings, PUBLISHED)
    kidal = [e for e in doc.events if e.location == "Kidal"]
    assert [int(e.geo_precision) for e in kidal] == [precision]
    assert all(e.event_date == PUBLISHED for e in kidal)


@pytest.mark.parametrize(
    ("retold", "precision"),
    [
        ("On Saturday, troops and rebels clashed in the neighbourhood of Qwertyvale.", 2),
        ("Troops and rebels also clashed in the neighbourhood of Qwertyvale.", 2),
        ("On Saturday, troops and rebels clashed again, killing 2 rebels.", 1),
    ],
)
def test_retold_stand_in_report_keeps_the_town_approximate(
    retold: str, precision: int, resources, settings
) -> None:
    text = f"Rebels attacked Kidal on Saturday, killing 3 soldiers. {retold}"
    doc = run_article(text, resources, settings, PUBLISHED)
    assert [int(e.geo_precision) for e in doc.events if e.location == "Kidal"] == [precision]

"""The ACLED scorer on tiny hand-made gold files, with a stub pipeline whose events are known."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontlines.cli.main import app
from frontlines.errors import ConfigError
from frontlines.evaluation.acled import (
    FIGURES,
    GoldRow,
    choose_event,
    evaluate_acled,
    f1_scores,
    haversine_km,
    load_floors,
    normalise_actor,
    parse_acled_date,
    same_admin1,
)
from frontlines.model import (
    EVENT_TYPE_OF,
    Doc,
    Event,
    GeoPrecision,
    SubEventType,
    TimePrecision,
)
from frontlines.pipeline import FunctionStage, Pipeline

AIR, SHELL = SubEventType.AIR_DRONE_STRIKE, SubEventType.SHELLING
ATTACK = SubEventType.ATTACK
SYRIA_ARMY, REBELS, CIVILIANS = (
    "Military Forces of Syria (2000-2024)",
    "Opposition Rebels (Syria)",
    "Civilians (Syria)",
)
DOUMA = (33.5718, 36.4027)


def make_event(
    sub: SubEventType = AIR,
    *,
    day: dt.date = dt.date(2016, 6, 4),
    actor1: str = SYRIA_ARMY,
    actor2: str | None = CIVILIANS,
    admin1: str | None = "Rural Damascus",
    point: tuple[float, float] = DOUMA,
    fatalities: int = 3,
) -> Event:
    return Event(
        event_id="e",
        event_date=day,
        time_precision=TimePrecision.DAY,
        event_type=EVENT_TYPE_OF[sub],
        sub_event_type=sub,
        actor1=actor1,
        inter1=1,
        actor2=actor2,
        inter2=None,
        country="Syria",
        iso3="SYR",
        location="Douma",
        latitude=point[0],
        longitude=point[1],
        geo_precision=GeoPrecision.PLACE,
        fatalities=fatalities,
        source="",
        notes="",
        article_ids=("a",),
        evidence=(),
        admin1=admin1,
    )


def stub_pipeline(events: Mapping[str, Sequence[Event]], seen: list[Doc] | None = None) -> Pipeline:
    """A pipeline whose only stage returns the events listed for the article's text."""

    def run(doc: Doc) -> Doc:
        doc.events = list(events.get(doc.article.text, ()))
        if seen is not None:
            seen.append(doc)
        return doc

    return Pipeline([FunctionStage("stub", frozenset({"article"}), frozenset({"events"}), run)])


def write_gold(path: Path, rows: Sequence[Mapping[str, object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def gold_row(notes: str, sub: SubEventType = AIR, **extra: object) -> dict[str, object]:
    row: dict[str, object] = {
        "event_date": "2016-06-04",
        "event_type": EVENT_TYPE_OF[sub].value,
        "sub_event_type": sub.value,
        "actor1": SYRIA_ARMY,
        "actor2": CIVILIANS,
        "admin1": "Rural Damascus",
        "location": "Douma",
        "latitude": DOUMA[0],
        "longitude": DOUMA[1],
        "fatalities": 3,
        "notes": notes,
    }
    row.update(extra)
    return row


NOTE_A = "On 4 June 2016, regime aircraft bombed Douma, killing 3 civilians, activists said."
NOTE_B = "On 4 June 2016, rebels shelled a market in Douma, killing 3 civilians, SANA reported."


def test_acled_perfect_prediction_scores_one(tmp_path, settings, resources):
    gold = write_gold(tmp_path / "gold.csv", [gold_row(NOTE_A), gold_row(NOTE_B, SHELL, actor1=REBELS)])
    pipeline = stub_pipeline({NOTE_A: [make_event()], NOTE_B: [make_event(SHELL, actor1=REBELS)]})
    scores = evaluate_acled(gold, settings, resources, pipeline=pipeline)
    for name in FIGURES:
        assert scores.figures[name] == (0.0 if name == "fatalities_mae" else 1.0), name
        assert scores.scored[name] == 2, name
    assert scores.below(dict.fromkeys(FIGURES[:-1], 1.0) | {"fatalities_mae": 0.0}) == []


def test_acled_known_confusion_gives_known_f1s(tmp_path, settings, resources):
    notes = [f"On 4 June 2016, report number {n} on Douma." for n in range(4)]
    gold_types = [AIR, AIR, AIR, SHELL]
    predicted = [AIR, AIR, SHELL, SHELL]
    gold = write_gold(tmp_path / "gold.csv", [gold_row(n, s) for n, s in zip(notes, gold_types, strict=True)])
    pipeline = stub_pipeline({n: [make_event(p)] for n, p in zip(notes, predicted, strict=True)})
    scores = evaluate_acled(gold, settings, resources, pipeline=pipeline)
    # Air: P 2/2, R 2/3, F1 0.8; Shelling: P 1/2, R 1/1, F1 2/3.
    assert scores.figures["sub_event_type_macro_f1"] == pytest.approx((0.8 + 2 / 3) / 2)
    assert scores.figures["sub_event_type_weighted_f1"] == pytest.approx((3 * 0.8 + 2 / 3) / 4)
    # Both are Explosions/Remote violence: the event type is right every time.
    assert scores.figures["event_type_accuracy"] == 1.0
    assert scores.confusion[AIR.value] == {AIR.value: 2, SHELL.value: 1}


@pytest.mark.parametrize(
    ("gold", "predicted", "macro", "weighted"),
    [
        (["a", "b"], ["a", "b"], 1.0, 1.0),
        (["a", "a"], ["b", "b"], 0.0, 0.0),  # b is predicted but never gold: F1 0, support 0
        (["a", "a", "b"], ["a", "(no event)", "b"], (2 / 3 + 1) / 2, (2 * 2 / 3 + 1) / 3),
    ],
)
def test_acled_f1_by_hand(gold, predicted, macro, weighted):
    assert f1_scores(gold, predicted) == pytest.approx((macro, weighted))


@pytest.mark.parametrize("text", ["2020-05-09", "9 May 2020", "09 May 2020", "9-May-20", "09-May-2020"])
def test_acled_date_styles(text):
    assert parse_acled_date(text) == dt.date(2020, 5, 9)


@pytest.mark.parametrize("text", ["May 2020", "9-Mai-20", "2020-13-01"])
def test_acled_date_unreadable_raises(text):
    with pytest.raises(ValueError):
        parse_acled_date(text)


def test_acled_event_date_is_the_publication_date(tmp_path, settings, resources):
    seen: list[Doc] = []
    rows = [gold_row(NOTE_A, event_date="9-May-20"), gold_row(NOTE_B, event_date="")]
    gold = write_gold(tmp_path / "gold.csv", rows)
    evaluate_acled(gold, settings, resources, pipeline=stub_pipeline({}, seen))
    assert [d.article.published for d in seen] == [dt.date(2020, 5, 9), None]


def test_acled_missing_columns_are_not_scored(tmp_path, settings, resources):
    gold = write_gold(tmp_path / "gold.csv", [{"NOTES": NOTE_A, "Sub_Event_Type": AIR.value, "tags": "x"}])
    scores = evaluate_acled(gold, settings, resources, pipeline=stub_pipeline({NOTE_A: [make_event()]}))
    assert scores.figures["sub_event_type_weighted_f1"] == 1.0
    assert {name for name, value in scores.figures.items() if value is None} == set(FIGURES) - {
        "sub_event_type_weighted_f1",
        "sub_event_type_macro_f1",
    }
    failures = scores.below({"actor1_accuracy": 0.5})
    assert len(failures) == 1 and "actor1_accuracy" in failures[0] and "not measured" in failures[0]


def test_acled_without_notes_column_is_a_config_error(tmp_path, settings, resources):
    gold = write_gold(tmp_path / "gold.csv", [{"event_date": "2020-05-09", "sub_event_type": AIR.value}])
    with pytest.raises(ConfigError, match="notes"):
        evaluate_acled(gold, settings, resources, pipeline=stub_pipeline({}))


def test_acled_row_with_no_event_is_wrong_for_every_field(tmp_path, settings, resources):
    gold = write_gold(tmp_path / "gold.csv", [gold_row(NOTE_A), gold_row(NOTE_B, fatalities=5)])
    scores = evaluate_acled(gold, settings, resources, pipeline=stub_pipeline({NOTE_A: [make_event()]}))
    assert scores.rows == 2 and scores.rows_with_event == 1
    for name in FIGURES[:-1]:
        if name not in ("event_type_macro_f1", "sub_event_type_macro_f1", "sub_event_type_weighted_f1"):
            assert scores.figures[name] == 0.5, name
    assert scores.figures["fatalities_mae"] == 2.5  # the miss counts as 0 reported fatalities
    assert scores.confusion[AIR.value] == {AIR.value: 1, "(no event)": 1}


def test_acled_actor_order_matters_only_for_violence_against_civilians(tmp_path, settings, resources):
    rows = [
        gold_row(
            NOTE_A, actor1=REBELS, actor2=SYRIA_ARMY, sub_event_type="Armed clash", event_type="Battles"
        ),
        gold_row(NOTE_B, ATTACK, actor1=SYRIA_ARMY, actor2=CIVILIANS),
    ]
    swapped = {
        NOTE_A: [make_event(SubEventType.ARMED_CLASH, actor1=SYRIA_ARMY, actor2=REBELS)],
        NOTE_B: [make_event(ATTACK, actor1=CIVILIANS, actor2=SYRIA_ARMY)],
    }
    scores = evaluate_acled(
        write_gold(tmp_path / "g.csv", rows), settings, resources, pipeline=stub_pipeline(swapped)
    )
    assert scores.figures["actor1_accuracy"] == 0.5 and scores.figures["actor2_accuracy"] == 0.5
    assert scores.figures["actor1_in_order"] == 0.0  # the codebook's order counts in every type


def test_acled_empty_actor2_cell_means_one_sided(tmp_path, settings, resources):
    rows = [gold_row(NOTE_A, actor2=""), gold_row(NOTE_B, actor2="")]
    events = {NOTE_A: [make_event(actor2=None)], NOTE_B: [make_event(actor2=CIVILIANS)]}
    scores = evaluate_acled(
        write_gold(tmp_path / "g.csv", rows), settings, resources, pipeline=stub_pipeline(events)
    )
    assert scores.figures["actor2_accuracy"] == 0.5 and scores.scored["actor2_accuracy"] == 2


def test_acled_choose_event_prefers_type_and_place_over_order():
    gold = GoldRow(
        row=2,
        ident="x",
        notes="n",
        event_date=dt.date(2016, 6, 4),
        event_type="Explosions/Remote violence",
        sub_event_type=SHELL.value,
        latitude=DOUMA[0],
        longitude=DOUMA[1],
    )
    far_air = make_event(AIR, point=(36.2, 37.16))
    far_shell = make_event(SHELL, point=(36.2, 37.16))
    near_shell = make_event(SHELL)
    assert choose_event(gold, [far_air, far_shell, near_shell]) is near_shell
    assert choose_event(gold, [far_air, far_shell]) is far_shell
    assert choose_event(gold, []) is None


@pytest.mark.parametrize(
    ("gold", "predicted", "same"),
    [
        ("Idlib", "Idleb", True),
        ("Daraa", "Dar'a Governorate", True),
        ("Al-Hasakah", "Al-Hasakeh", True),
        ("As-Suwayda", "As-Sweida", True),
        ("Raqqa", "Ar-Raqqah", True),
        ("Deir ez-Zor", "Dayr az Zawr", True),
        ("Latakia", "Lattakia", True),
        ("Rural Damascus", "rural damascus", True),
        ("Homs", "Hama", False),
        ("Damascus", "Rural Damascus", False),
        ("Aleppo", None, False),
    ],
)
def test_acled_admin1_folding(gold, predicted, same):
    assert same_admin1(gold, predicted) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("HTS: Hayat Tahrir al Sham", "Hayat Tahrir al-Sham", True),
        (
            "Military Forces of Syria (2000-2024) Syrian Arab Air Force",
            "Military Forces of Syria (2000-2024)",
            True,
        ),
        ("Civilians (Syria)", "civilians (syria)", True),
        ("Military Forces of Syria (2024-)", "Military Forces of Syria (2000-2024)", False),
        ("Islamic State (Syria)", "Islamic State (Iraq)", False),
        ("Artsakh Defence Army", "Artsakh Defense Army", True),
        ("", None, True),
    ],
)
def test_acled_actor_normalisation(a, b, same):
    assert (normalise_actor(a) == normalise_actor(b)) is same


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((0.0, 0.0), (1.0, 0.0), 111.195),
        ((33.5, 36.3), (33.5, 36.3), 0.0),
        ((0.0, 0.0), (0.0, 180.0), 20015.1),
    ],
)
def test_acled_haversine_known_distances(a, b, km):
    assert haversine_km(*a, *b) == pytest.approx(km, abs=0.1)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("event_accuracy = 0.5\n", "unknown figure"),
        ('actor1_accuracy = "high"\n', "not a number"),
        ("x = [\n", "cannot read baseline"),
    ],
)
def test_acled_bad_baseline_is_a_config_error(tmp_path, content, message):
    path = tmp_path / "baseline.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_floors(path)


def test_acled_mae_floor_is_a_ceiling(tmp_path, settings, resources):
    gold = write_gold(tmp_path / "gold.csv", [gold_row(NOTE_A, fatalities=7)])
    scores = evaluate_acled(gold, settings, resources, pipeline=stub_pipeline({NOTE_A: [make_event()]}))
    assert scores.figures["fatalities_mae"] == 4.0
    assert scores.below({"fatalities_mae": 5.0}) == []
    assert scores.below({"fatalities_mae": 3.0}) == ["fatalities_mae: 4.000 is above its ceiling 3.0"]


@pytest.mark.parametrize(("floor", "code"), [(0.0, 0), (1.01, 1)])
def test_acled_cli_exit_code_follows_the_baseline(tmp_path, floor, code):
    gold = write_gold(tmp_path / "gold.csv", [gold_row(NOTE_A)])
    baseline = tmp_path / "baseline.toml"
    baseline.write_text(f"event_date_exact = {floor}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "acled", str(gold), "--baseline", str(baseline)])
    assert result.exit_code == code, result.output
    assert "event_date_exact" in result.stdout
    assert ("below baseline: event_date_exact" in result.stderr) is (code == 1)


def test_acled_cli_json_lists_figures_and_outcomes(tmp_path):
    import json

    gold = write_gold(tmp_path / "gold.csv", [gold_row(NOTE_A)])
    result = CliRunner().invoke(app, ["eval", "acled", str(gold), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report["figures"]) == set(FIGURES) and report["rows"] == 1
    assert report["outcomes"][0]["gold"]["sub_event_type"] == AIR.value

"""The control timeline: intervals by actor from territorial events, with status and confidence."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from frontlines.control import UnknownPlace, control_timeline, controller_at
from frontlines.merge import merge_events
from frontlines.model import SubEventType
from unit.merge.factory import ARMY, REBELS, report

TAKE = SubEventType.NON_STATE_OVERTAKES_TERRITORY
RETAKE = SubEventType.GOVERNMENT_REGAINS_TERRITORY
D1, D2 = dt.date(2012, 7, 20), dt.date(2012, 9, 1)


def test_control_intervals_follow_changes() -> None:
    events = [
        report("a1", day=D1, sub=TAKE, actor1=REBELS, actor2=ARMY),
        report("a2", day=D2, sub=RETAKE, actor1=ARMY, actor2=REBELS),
        report("x1", day=D1, place="Homs", sub=TAKE, actor1=REBELS, actor2=ARMY),  # another place
        report("c1", day=D1 + dt.timedelta(days=3), actor1=ARMY, actor2=REBELS),  # a clash: no change
    ]
    intervals = control_timeline(events, "Jobar")
    assert [(i.controller, i.start, i.end) for i in intervals] == [
        (ARMY[0], None, D1),
        (REBELS[0], D1, D2),
        (ARMY[0], D2, None),
    ]
    assert [i.controller for i in controller_at(intervals, D1 + dt.timedelta(days=10))] == [REBELS[0]]


@pytest.mark.parametrize(
    ("second_day", "claim", "status"),
    [(D2, False, "held"), (D1 + dt.timedelta(days=3), False, "contested"), (D2, True, "claimed")],
)
def test_control_status(second_day: dt.date, claim: bool, status: str) -> None:
    events = [
        report("a1", day=D1, sub=TAKE, actor1=REBELS, actor2=ARMY, claim=claim),
        report("a2", day=second_day, sub=RETAKE, actor1=ARMY, actor2=REBELS),
    ]
    assert control_timeline(events, "Jobar")[1].status == status


def test_control_confidence_grows_with_independent_sources() -> None:
    one = control_timeline([report("a1", day=D1, sub=TAKE, actor1=REBELS, actor2=ARMY)], "Jobar")
    merged = merge_events(
        [
            report("a1", day=D1, sub=TAKE, actor1=REBELS, actor2=ARMY, quote="Rebels seized Jobar."),
            report("a2", day=D1, sub=TAKE, actor1=REBELS, actor2=ARMY, outlet="AFP", quote="Jobar fell."),
        ]
    )
    two = control_timeline(merged, "Jobar")
    assert two[-1].confidence > one[-1].confidence
    assert len(two[-1].evidence) == 2


def test_control_place_contains_its_districts() -> None:
    district = dataclasses.replace(
        report("a1", day=D1, sub=TAKE, actor1=REBELS, actor2=ARMY), location="Damascus - Jobar"
    )
    assert [i.place for i in control_timeline([district], "Damascus")] == ["Damascus - Jobar"] * 2
    with pytest.raises(UnknownPlace, match="Damascus - Jobar"):  # the hint names the closest place
        control_timeline([district], "Dam")


def test_control_uses_only_places_named_exactly() -> None:
    """Issue 11: "fighting near Homs" (geo_precision 2) is no change of control of Homs city."""
    near = report("n1", day=D1, place="Homs", sub=TAKE, actor1=REBELS, actor2=ARMY, gp=2)
    exact = report("e1", day=D2, place="Homs", sub=RETAKE, actor1=ARMY, actor2=REBELS)
    assert [i.start for i in control_timeline([near, exact], "Homs")] == [None, D2]
    with pytest.raises(UnknownPlace, match="only near it"):
        control_timeline([near], "Homs")
    assert control_timeline([near], None) == []


def test_control_unknown_place_is_an_error_with_a_hint(tmp_path) -> None:
    from typer.testing import CliRunner

    from frontlines.cli.main import app
    from frontlines.store import SqliteRepository

    db = tmp_path / "f.db"
    with SqliteRepository(db) as repo:
        repo.add_batch([], [report("a1", day=D1, sub=TAKE, actor1=REBELS, actor2=ARMY)], [], run_config="t")
    runner = CliRunner()
    assert runner.invoke(app, ["--db", str(db), "merge"]).exit_code == 0
    result = runner.invoke(app, ["--db", str(db), "control", "Atlantis"])
    assert result.exit_code == 2
    assert "[E110]" in result.stderr and "Atlantis" in result.stderr and "check the spelling" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_control_cli_jsonl(tmp_path) -> None:
    import json

    from typer.testing import CliRunner

    from frontlines.cli.main import app
    from frontlines.store import SqliteRepository

    db = tmp_path / "f.db"
    with SqliteRepository(db) as repo:
        repo.add_batch(
            [],
            [
                report("a1", day=D1, sub=TAKE, actor1=REBELS, actor2=ARMY),
                report("a2", day=D2, sub=RETAKE, actor1=ARMY, actor2=REBELS),
            ],
            [],
            run_config="t",
        )
    runner = CliRunner()
    assert runner.invoke(app, ["--db", str(db), "merge"]).exit_code == 0
    result = runner.invoke(app, ["--db", str(db), "control", "Jobar", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["controller"] for r in rows] == [ARMY[0], REBELS[0], ARMY[0]]
    assert set(rows[0]) == {
        "place",
        "latitude",
        "longitude",
        "controller",
        "status",
        "start",
        "end",
        "confidence",
        "evidence",
    }
    at = runner.invoke(app, ["--db", str(db), "control", "Jobar", "--at", "2012-08-01", "--format", "jsonl"])
    assert [json.loads(line)["controller"] for line in at.stdout.splitlines()] == [REBELS[0]]


def test_control_cli_geojson_country(tmp_path) -> None:
    import json

    from typer.testing import CliRunner

    from frontlines.cli.main import app
    from frontlines.store import SqliteRepository

    db = tmp_path / "f.db"
    with SqliteRepository(db) as repo:
        repo.add_batch(
            [],
            [
                report("a1", day=D1, sub=TAKE, actor1=REBELS, actor2=ARMY),
                report("h1", day=D2, place="Homs", sub=RETAKE, actor1=ARMY, actor2=REBELS),
            ],
            [],
            run_config="t",
        )
    runner = CliRunner()
    assert runner.invoke(app, ["--db", str(db), "merge"]).exit_code == 0
    args = ["--db", str(db), "control", "--country", "SY", "--at", "2012-08-01", "--format", "geojson"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    features = json.loads(result.stdout)["features"]
    held = {f["properties"]["place"]: f["properties"]["controller"] for f in features}
    assert held == {"Jobar": REBELS[0], "Homs": REBELS[0]}
    assert runner.invoke(app, ["--db", str(db), "control"]).exit_code == 2

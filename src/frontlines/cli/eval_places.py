"""``frontlines eval places``: the mirror of :func:`frontlines.evaluation.places.evaluate_places`."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from frontlines.cli.common import err, errors, resolve_settings
from frontlines.cli.evaluate import eval_app
from frontlines.errors import ConfigError


class PlacesFormat(StrEnum):
    table = "table"
    json = "json"


class PlacesFrame(StrEnum):
    article = "article"
    sentence = "sentence"


#: Table columns: (heading, figure key); figures are shares, counts are whole numbers.
_COLUMNS = (
    ("items", "items"), ("point", "with_point"), ("event", "with_event"),
    ("ev5km", "event_within_5km"), ("ev25km", "event_within_25km"), ("evadm1", "event_admin1"),
    ("evprec", "event_precision"), ("nm5km", "name_within_5km"), ("nm25km", "name_within_25km"),
    ("nmadm1", "name_admin1"), ("nmprec", "name_precision"),
)  # fmt: skip


def _print_table(report: dict[str, object]) -> None:
    groups = report["groups"]
    assert isinstance(groups, dict)
    print(f"  {'group':<22}" + "".join(f"{heading:>8}" for heading, _ in _COLUMNS))
    for name, figs in groups.items():
        cells = []
        for heading, key in _COLUMNS:
            value = figs[key]
            if value is None:
                cells.append(f"{'-':>8}")
            elif heading in ("items", "point"):
                cells.append(f"{int(value):>8}")
            else:
                cells.append(f"{value:>8.3f}")
        print(f"  {name:<22}" + "".join(cells))


@eval_app.command("places")
def places_cmd(
    gold: Annotated[
        Path | None, typer.Argument(help="A place set (.jsonl; default: the team-coded set shipped).")
    ] = None,
    gazetteer: Annotated[
        Path | None, typer.Option("--gazetteer", help="Gazetteer file to geocode with (geo.gazetteer).")
    ] = None,
    frame: Annotated[
        PlacesFrame, typer.Option("--frame", help="Run each sentence in its whole article, or alone.")
    ] = PlacesFrame.article,
    format: Annotated[
        PlacesFormat, typer.Option("--format", "-f", help="Output format.")
    ] = PlacesFormat.table,
) -> None:
    """Score where events are placed on the team-coded place set: within 5 and 25 km of the coder's
    point, admin1 and geo_precision right, for the event coded in each sentence and for the written
    name's own toponym, per split, source and gold precision."""
    from dataclasses import replace

    from frontlines.evaluation.places import evaluate_places  # loaded when the command runs
    from frontlines.evaluation.places_gold import load_places
    from frontlines.run import load_resources

    with errors():
        settings = resolve_settings()
        if gazetteer is not None:
            if not gazetteer.is_file():
                raise ConfigError(f"no gazetteer at {gazetteer}", "give a gazetteer .sqlite file")
            settings = replace(settings, geo=replace(settings.geo, gazetteer=str(gazetteer)))
        places = load_places(gold)
        for why, n in sorted(places.left_out.items()):
            err.print(f"left out {n} items: {why} (is ../shared/data there? FRONTLINES_SHARED_DATA)")
        report = evaluate_places(places, settings, load_resources(settings), frame.value)
        if format is PlacesFormat.json:
            json.dump({"items": len(places.items), "gazetteer": str(settings.gazetteer_path()), **report},
                      sys.stdout, indent=1)  # fmt: skip
            sys.stdout.write("\n")
            return
        left = sum(places.left_out.values())
        print(f"place set: {len(places.items)} items ({left} left out); frame: {frame.value}; "
              f"gazetteer: {settings.gazetteer_path()}")  # fmt: skip
        print("event: the event coded in the sentence; name: the written name's own toponym")
        _print_table(report)

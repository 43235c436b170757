"""``frontlines eval acled``: the mirror of :func:`frontlines.evaluation.acled.evaluate_acled`."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from frontlines.cli.common import err, errors, resolve_settings
from frontlines.cli.evaluate import eval_app

if TYPE_CHECKING:  # the scorer loads when the command runs, not for every command
    from frontlines.evaluation.acled import AcledScores, RowOutcome


class EvalFormat(StrEnum):
    table = "table"
    json = "json"


def _outcome_record(outcome: RowOutcome) -> dict[str, Any]:
    gold, event = outcome.gold, outcome.predicted
    record: dict[str, Any] = {
        "row": gold.row,
        "id": gold.ident,
        "gold": {
            "event_date": gold.event_date.isoformat() if gold.event_date else None,
            "sub_event_type": gold.sub_event_type,
            "actor1": gold.actor1,
            "actor2": gold.actor2,
            "admin1": gold.admin1,
            "location": gold.location,
            "fatalities": gold.fatalities,
        },
        "events_found": outcome.events_found,
        "predicted": None,
    }
    if outcome.rejection:
        record["rejection"] = outcome.rejection
    if event is not None:
        record["predicted"] = {
            "event_date": event.event_date.isoformat(),
            "sub_event_type": event.sub_event_type.value,
            "actor1": event.actor1,
            "actor2": event.actor2,
            "admin1": event.admin1,
            "location": event.location,
            "latitude": event.latitude,
            "longitude": event.longitude,
            "fatalities": event.fatalities,
        }
    return record


def _print_json(scores: AcledScores, failures: list[str]) -> None:
    report = {
        "gold": scores.gold_path,
        "rows": scores.rows,
        "rows_with_event": scores.rows_with_event,
        "events_found": scores.events_found,
        "figures": dict(scores.figures),
        "scored_rows": dict(scores.scored),
        "sub_event_type_confusion": {k: dict(v) for k, v in scores.confusion.items()},
        "below_baseline": failures,
        "skipped": list(scores.skipped),
        "outcomes": [_outcome_record(o) for o in scores.outcomes],
    }
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def _print_table(scores: AcledScores) -> None:
    from frontlines.evaluation.acled import FIGURES, LOWER_IS_BETTER, NO_EVENT

    print(f"gold: {scores.gold_path}")
    print(
        f"rows: {scores.rows}, with an extracted event: {scores.rows_with_event}, "
        f"events extracted: {scores.events_found}, skipped: {len(scores.skipped)}"
    )
    print()
    print(f"{'figure':<28} {'value':>7} {'rows':>5}")
    for name in FIGURES:
        value = scores.figures[name]
        shown = "-" if value is None else f"{value:.3f}"
        note = "  (lower is better)" if name in LOWER_IS_BETTER else ""
        print(f"{name:<28} {shown:>7} {scores.scored[name]:>5}{note}")
    if scores.confusion:
        print()
        print("sub_event_type confusion (gold: rows, right; then what was predicted instead)")
        ranked = sorted(scores.confusion.items(), key=lambda item: (-sum(item[1].values()), item[0]))
        for gold, predicted in ranked:
            total = sum(predicted.values())
            wrong = ", ".join(f"{p} {n}" for p, n in predicted.items() if p != gold)
            print(f"  {gold:<36} {total:>4} {predicted.get(gold, 0):>4}  {wrong}")
        misses = sum(v.get(NO_EVENT, 0) for v in scores.confusion.values())
        print(f"  rows with no extracted event: {misses}")


def _print_ablation(whole: AcledScores, ablated: AcledScores, ids: list[str]) -> None:
    """The figures with every rule and with ``ids`` switched off, side by side."""
    print(f"gold: {whole.gold_path}")
    print(f"ablated: {', '.join(ids)}")
    changed = sum(
        _outcome_record(a) != _outcome_record(b)
        for a, b in zip(whole.outcomes, ablated.outcomes, strict=True)
    )
    print(f"rows: {whole.rows}, whose chosen event changed: {changed}")
    print(
        f"events extracted: {whole.events_found} with, {ablated.events_found} without; rows with an "
        f"event: {whole.rows_with_event} with, {ablated.rows_with_event} without"
    )
    print()
    from frontlines.evaluation.acled import FIGURES, LOWER_IS_BETTER

    print(f"{'figure':<28} {'with':>7} {'without':>8} {'change':>7} {'rows':>5}")
    for name in FIGURES:
        on, off = whole.figures[name], ablated.figures[name]
        change = "-" if on is None or off is None else f"{off - on:+.3f}"
        note = "  (lower is better)" if name in LOWER_IS_BETTER else ""
        shown = ["-" if v is None else f"{v:.3f}" for v in (on, off)]
        print(f"{name:<28} {shown[0]:>7} {shown[1]:>8} {change:>7} {whole.scored[name]:>5}{note}")


def _ablation_json(whole: AcledScores, ablated: AcledScores, ids: list[str]) -> None:
    report = {
        "gold": whole.gold_path,
        "ablated": ids,
        "rows": whole.rows,
        "with": {"events_found": whole.events_found, "figures": dict(whole.figures)},
        "without": {"events_found": ablated.events_found, "figures": dict(ablated.figures)},
        "scored_rows": dict(whole.scored),
    }
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


@eval_app.command("acled")
def acled_cmd(
    gold: Annotated[Path, typer.Argument(help="An ACLED-format CSV with at least a notes column.")],
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="A TOML file of floors: figure = number.")
    ] = None,
    format: Annotated[EvalFormat, typer.Option("--format", "-f", help="Output format.")] = EvalFormat.table,
    ablate: Annotated[
        list[str] | None,
        typer.Option(
            "--ablate",
            help="Switch off a cascade step or a rule by its id (`frontlines eval rules`) and print the "
            "figures with and without it; repeatable.",
        ),
    ] = None,
) -> None:
    """Score event coding against gold ACLED rows: each row's notes are run as an article."""
    from frontlines.evaluation.acled import evaluate_acled, load_floors
    from frontlines.events.ablation import switch_off
    from frontlines.run import load_resources

    failures: list[str] = []
    with errors():
        floors = load_floors(baseline) if baseline is not None else {}
        settings = resolve_settings()
        ablated = replace(settings, events=switch_off(settings.events, ablate or []))
        resources = load_resources(settings)
        scores = evaluate_acled(gold, settings, resources)
        failures = scores.below(floors)
        if ablate:
            without = evaluate_acled(gold, ablated, resources)
            (_ablation_json if format is EvalFormat.json else _print_ablation)(scores, without, ablate)
        elif format is EvalFormat.json:
            _print_json(scores, failures)
        else:
            _print_table(scores)
        for line in scores.skipped:
            err.print(f"skipped: {line}", markup=False)
        for line in failures:
            err.print(f"below baseline: {line}", markup=False)
    raise typer.Exit(1 if failures else 0)

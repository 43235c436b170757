"""``frontlines eval merge``: the mirror of :func:`frontlines.merge.evaluate.evaluate_merge`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from frontlines.cli.common import err, errors, resolve_settings
from frontlines.cli.evaluate import eval_app

#: Where the FA-KES CSV is looked for by default: the shared data folder next to the project.
DEFAULT_FAKES = Path("../shared/data/fakes/FA-KES-Dataset.csv")


@eval_app.command("merge")
def merge_eval_cmd(
    gold: Annotated[Path, typer.Argument(help="A dedup gold TOML file, e.g. tests/merge/dedup.toml.")],
    fakes: Annotated[
        Path, typer.Option("--fakes", help="The FA-KES CSV that [[fakes]] entries refer to.")
    ] = DEFAULT_FAKES,
    json_out: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Score cross-source merging on a dedup set: pairwise precision/recall/F1 and B-cubed F1."""
    from frontlines.merge.evaluate import evaluate_merge  # loaded when the command runs
    from frontlines.run import load_resources

    with errors():
        settings = resolve_settings()

        result = evaluate_merge(gold, settings, load_resources(settings), fakes)
        s = result.scores
        figures = {
            "pairwise_precision": s.pairwise_precision,
            "pairwise_recall": s.pairwise_recall,
            "pairwise_f1": s.pairwise_f1,
            "bcubed_precision": s.bcubed_precision,
            "bcubed_recall": s.bcubed_recall,
            "bcubed_f1": s.bcubed_f1,
        }
        if json_out:
            json.dump(
                {
                    "gold": str(gold),
                    "articles": result.articles,
                    "articles_without_event": result.articles_without_event,
                    "canonical_events": result.canonical_events,
                    "gold_pairs": s.gold_pairs,
                    "predicted_pairs": s.predicted_pairs,
                    "figures": figures,
                    "skipped": list(result.skipped),
                },
                sys.stdout,
                indent=1,
            )
            sys.stdout.write("\n")
        else:
            print(f"gold: {gold}")
            print(
                f"articles: {result.articles} ({result.articles_without_event} without an event), "
                f"canonical events: {result.canonical_events}, "
                f"gold pairs: {s.gold_pairs}, predicted pairs: {s.predicted_pairs}"
            )
            for name, value in figures.items():
                print(f"{name:<20} {value:.3f}")
        for line in result.skipped:
            err.print(f"skipped: {line}", markup=False)

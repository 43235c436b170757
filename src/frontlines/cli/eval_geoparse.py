"""``frontlines eval geoparse``: the mirror of :func:`frontlines.evaluation.geoparse.evaluate_geoparse`."""

from __future__ import annotations

import json
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from frontlines.cli.common import errors, resolve_settings
from frontlines.cli.evaluate import eval_app


class ScoreFormat(StrEnum):
    text = "text"
    json = "json"


@eval_app.command("geoparse")
def eval_geoparse_cmd(
    gold: Annotated[
        list[Path], typer.Argument(help="Gold corpora in the LGL / TR-News / GeoWebNews XML format.")
    ],
    format: Annotated[ScoreFormat, typer.Option("--format", "-f", help="text or json.")] = ScoreFormat.text,
    limit: Annotated[int | None, typer.Option(help="Score only the first N articles of each corpus.")] = None,
) -> None:
    """Score geoparsing end to end from raw text, per corpus: recognition P/R/F1 (span overlap),
    accuracy@161km over all gold toponyms with coordinates (a miss is wrong), median and mean error in
    km (recognised toponyms only), AUC of the log error curve (misses at 20039 km)."""
    from frontlines.evaluation.geoparse import evaluate_geoparse  # loaded when the command runs
    from frontlines.run import load_resources

    with errors():
        resources = load_resources(resolve_settings())
        for path in gold:
            scores = evaluate_geoparse(path, resources, limit=limit)
            if format is ScoreFormat.json:
                print(json.dumps(asdict(scores)))
            else:
                print("\n".join(scores.lines()))

"""``frontlines train``: train the models the pipeline uses from labelled data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from frontlines.cli.common import err, errors

train_app = typer.Typer(help="Train models from labelled data.", no_args_is_help=True)


@train_app.command("classifier")
def train_classifier_cmd(
    data: Annotated[
        Path | None,
        typer.Argument(
            help="ACLED-format CSV with `notes` and `sub_event_type` (default: the team's sentences)."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Model file (default: the pipeline's default model)."),
    ] = None,
    team_data: Annotated[
        bool,
        typer.Option(
            "--team-data/--no-team-data", help="Add the team's sentences (the only 'none' examples)."
        ),
    ] = True,
    folds: Annotated[int, typer.Option("--folds", help="Cross-validation folds to report (0: none).")] = 5,
    force: Annotated[
        bool, typer.Option("--force", help="Rebuild the default model even if it is current.")
    ] = False,
) -> None:
    """Train the sentence classifier of ACLED sub-event types and report cross-validated figures."""
    from frontlines.events.classifier import SubEventClassifier, default_classifier_path, model_state
    from frontlines.events.training import train_classifier_file

    with errors():
        path = output or default_classifier_path()
        if data is None and not force and path.exists():
            state = model_state(SubEventClassifier.load(path))
            if state in {"current", "custom"}:
                kind = "from the team's sentences and corpus" if state == "current" else "from other data"
                print(f"classifier already built {kind} at {path} (use --force to rebuild)")
                return
        err.print(f"training the classifier into {path} ...")
        report = train_classifier_file(data, path, team=team_data, folds=folds)
        sources = ", ".join(name for name, _ in report.data.sources)
        skipped = ", ".join(f"{n} {why}" for why, n in sorted(report.data.skipped.items())) or "none"
        print(f"read {len(report.data.texts)} labelled sentences from {sources} (rows skipped: {skipped})")
        cv = report.cross_validation
        if cv is not None:
            _print_cv(cv)
        print(
            f"model written to {path}: {report.size_bytes / 1e6:.1f} MB, {report.features} features, "
            f"trained in {report.seconds:.1f} s"
        )


def _print_cv(cv: object) -> None:
    from frontlines.events.training import CrossValidation

    assert isinstance(cv, CrossValidation)
    from rich.table import Table  # only to print a report: the CLI starts without it

    table = Table("label", "precision", "recall", "F1", "support", title=f"{cv.folds}-fold cross-validation")
    for s in cv.per_class:
        table.add_row(s.label, f"{s.precision:.2f}", f"{s.recall:.2f}", f"{s.f1:.2f}", str(s.support))
    Console().print(table)
    print(
        f"accuracy {cv.accuracy:.3f}, weighted F1 {cv.weighted_f1:.3f}, macro F1 {cv.macro_f1:.3f}, "
        f"event-type accuracy {cv.event_type_accuracy:.3f}, log-loss {cv.log_loss:.3f}"
    )
    print(
        "confidence >= threshold: "
        + "; ".join(
            f"{t:.2f}: {share:.0%} of sentences, accuracy {acc:.3f}" for t, share, acc in cv.thresholds
        )
    )

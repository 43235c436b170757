"""``frontlines eval``: score the pipeline against gold data. Each scorer adds its command here from
its own module (``cli/eval_*.py``), imported by ``cli/main.py``."""

from __future__ import annotations

import typer

eval_app = typer.Typer(
    help="Score the pipeline against gold data and print per-field figures.", no_args_is_help=True
)

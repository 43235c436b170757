"""The ``frontlines`` command-line interface (Typer + Rich)."""

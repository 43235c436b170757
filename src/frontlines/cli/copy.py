"""``frontlines copy --from SRC --to DST``: the mirror of :func:`frontlines.store.copy.copy_store`."""

from __future__ import annotations

from typing import Annotated

import typer

from frontlines.cli.common import errors, open_existing
from frontlines.cli.merge import canonical_store


def copy_cmd(
    source: Annotated[
        str, typer.Option("--from", help="The store to copy: a SQLite path or URL, or postgresql://...")
    ],
    target: Annotated[
        str,
        typer.Option(
            "--to", help="Where to copy it (created or migrated): sqlite:///path or postgresql://..."
        ),
    ],
) -> None:
    """Copy a store to another engine (SQLite <-> PostgreSQL), then verify counts and checksums.

    Ids and timestamps are kept; running it again after a kill completes the copy.
    """
    from frontlines.store import open_repository
    from frontlines.store.copy import copy_store

    with errors():
        with open_existing(source) as src, open_repository(target) as dst:
            summary = copy_store(canonical_store(src), canonical_store(dst))
        rows = summary.digest.rows
        print(
            f"copied {sum(summary.written.values())} new rows; both stores hold"
            f" {rows['articles']} articles, {rows['events']} reports, {rows['evidence']} evidence quotes,"
            f" {rows['rejections']} rejections, {rows['runs']} runs, {rows['canonical_events']} canonical"
            f" events; canonical checksum {summary.digest.canonical_sha256[:16]},"
            f" reports checksum {summary.digest.reports_sha256[:16]}"
        )


def register(app: typer.Typer) -> None:
    """Add ``copy`` to the ``frontlines`` command."""
    app.command("copy")(copy_cmd)

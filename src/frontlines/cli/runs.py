"""``frontlines runs``: the record of ``ingest --since-last`` runs (what each read and added)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from frontlines.cli.common import err, errors, open_existing, plural, resolve_settings
from frontlines.errors import StoreError

if TYPE_CHECKING:
    from frontlines.incremental import SinceLastReport


def print_run(run: SinceLastReport) -> None:
    """The lines ``ingest --since-last`` prints about its run."""
    for earlier in run.unfinished_before:
        err.print(f"run {earlier} did not finish; this run completes its work", markup=False)
    print(
        f"run {run.run_id}: read {plural(run.files_read, 'file')} new or changed,"
        f" {plural(run.files_unchanged, 'file')} unchanged since an earlier run"
    )


def runs_cmd(
    files: Annotated[bool, typer.Option("--files", help="Also list each run's files.")] = False,
) -> None:
    """List the `ingest --since-last` runs: when, finished or not, files read, what they added."""
    from frontlines.store.runlog import RunLog

    with errors():
        repository = open_existing(resolve_settings().store.db)
        if not isinstance(repository, RunLog):
            raise StoreError("this store keeps no run log", "runs are recorded by SQLite stores")
        for run in repository.ingest_runs():
            c = run.counts
            state = f"finished {run.finished}" if run.finished else "did not finish"
            added = (
                f"added {plural(c.get('articles_added', 0), 'article')}, "
                f"{plural(c.get('events_added', 0), 'event')}"
                if run.finished
                else f"{plural(len(run.files), 'file')} finished"
            )
            print(
                f"{run.run_id}  started {run.started}, {state}:"
                f" {plural(c.get('files_read', 0), 'file')} read,"
                f" {c.get('files_unchanged', 0)} unchanged; {added}"
            )
            if files:
                for f in run.files:
                    print(f"    {f.path}  {plural(f.articles, 'new article')}, {plural(f.events, 'event')}")
        repository.close()

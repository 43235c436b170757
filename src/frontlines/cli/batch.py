"""``frontlines batch``: ingest a large corpus on Dask workers (:func:`frontlines.distributed.batch`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from frontlines.cli.common import err, errors, field_map, plural, published_opt, resolve_settings, today
from frontlines.cli.merge import report_summary


def batch_cmd(
    inputs: Annotated[
        list[Path], typer.Argument(help="Files or directories (.txt .jsonl .csv .parquet .html .rss).")
    ],
    workers: Annotated[
        int | None, typer.Option("--workers", help="Worker processes of a new local cluster (default: CPUs).")
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="An existing Dask scheduler, tcp://host:port.")
    ] = None,
    partitions: Annotated[
        int | None,
        typer.Option("--partitions", help="Cut the input into K partitions (read first to count it)."),
    ] = None,
    partition_size: Annotated[
        int | None,
        typer.Option("--partition-size", help="Articles per partition without --partitions (default 200)."),
    ] = None,
    into: Annotated[
        str | None, typer.Option("--into", help="The store to write (default: --db or frontlines.db).")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the reports as Parquet parts in this folder instead.")
    ] = None,
    dashboard: Annotated[bool, typer.Option("--dashboard", help="Serve Dask's dashboard on :8787.")] = False,
    map_: Annotated[
        list[str], typer.Option("--map", help="FIELD=COLUMN for CSV/JSONL/Parquet: text=article_content.")
    ] = [],  # noqa: B006
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date for records without one.")
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Outlet name for records without one.")
    ] = None,
) -> None:
    """Extract events on Dask workers, partition by partition, into a store (then merge) or Parquet."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from frontlines.distributed import batch, open_client  # dask loads only for this command
    from frontlines.store import open_repository

    with errors():
        settings = resolve_settings()
        if into is not None and out is not None:
            from frontlines.errors import ConfigError

            raise ConfigError("--into and --out both given", "pass one of them")
        db = into or settings.store.db
        repository = None if out is not None else open_repository(db)
        progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total} partitions, {task.fields[articles]} articles"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        )
        with open_client(workers, scheduler, dashboard=dashboard) as client, progress:
            task = progress.add_task("extracting", total=partitions, articles=0)

            def tick(done: int, total: int | None, articles: int) -> None:
                progress.update(task, completed=done, total=total, articles=articles)

            report = batch(
                inputs,
                settings,
                client,
                today=today(),
                repository=repository,
                out=out,
                partitions=partitions,
                partition_size=partition_size,
                field_map=field_map(map_),
                published=published_opt(published),
                source=source,
                progress=tick,
            )
        for warning in report.warnings:
            err.print(f"warning: {warning}", markup=False)
        print(
            f"{plural(report.workers, 'worker')}, {plural(report.partitions, 'partition')}"
            + (f" ({report.parts_kept} written before)" if report.parts_kept else "")
            + f": read {plural(report.articles_read, 'article')} ({report.duplicates} repeated in the input,"
            f" {report.articles_skipped} already stored), found {plural(report.events_found, 'event')},"
            f" rejected {plural(report.rejected, 'record')},"
            f" {plural(report.undated_events, 'undated event')} left out"
        )
        where = f"database {db}" if repository is not None else f"folder {out}"
        print(
            f"added {plural(report.new_articles, 'article')}, {plural(report.new_events, 'event')}, "
            f"{plural(report.new_rejections, 'rejection')} to {where}"
        )
        if repository is not None:
            repository.close()
        if report.merge is not None:
            report_summary(report.merge)
    raise typer.Exit(1 if report.rejected else 0)

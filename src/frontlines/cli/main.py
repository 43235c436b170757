"""The ``frontlines`` command: a thin mirror of the library's functions.

Exit codes: 0 clean, 1 some records rejected, 2 usage or configuration error. Errors are one line;
``--debug`` shows tracebacks.

Start-up: this module and the command modules it registers import only Typer, Rich's console and the
small modules (config, errors); each command imports the stages it runs in its body, so ``--help``
and the store commands never load the extraction stack, and ``extract`` loads nothing it does not
use (``tests/cli/test_startup.py`` checks the list).
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from frontlines.cli import (
    eval_acled,  # noqa: F401  (registers `frontlines eval acled`)
    eval_control,  # noqa: F401  (registers `frontlines eval control`)
    eval_corpus,  # noqa: F401  (registers `frontlines eval corpus`)
    eval_geoparse,  # noqa: F401  (registers `frontlines eval geoparse`)
    eval_merge,  # noqa: F401  (registers `frontlines eval merge`)
    eval_places,  # noqa: F401  (registers `frontlines eval places`)
    eval_rules,  # noqa: F401  (registers `frontlines eval rules`)
)
from frontlines.cli.batch import batch_cmd
from frontlines.cli.common import (
    State,
    err,
    errors,
    field_map,
    loading,
    open_existing,
    plural,
    published_opt,
    resolve_settings,
    today,
)
from frontlines.cli.control import register as register_control
from frontlines.cli.copy import register as register_copy
from frontlines.cli.evaluate import eval_app
from frontlines.cli.gazetteer import gazetteer_app
from frontlines.cli.geoparse import geoparse_cmd
from frontlines.cli.merge import canonical_store, print_canonical, report_summary, warn_unmerged
from frontlines.cli.merge import register as register_merge
from frontlines.cli.output import OutputFormat, print_events, print_rejections
from frontlines.cli.runs import print_run, runs_cmd
from frontlines.cli.serve import register as register_serve
from frontlines.cli.train import train_app
from frontlines.errors import ConfigError

if TYPE_CHECKING:
    from frontlines.pipeline import Result

app = typer.Typer(
    name="frontlines",
    help="Turn news reports of armed conflict into ACLED-style events with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(gazetteer_app, name="gazetteer")
app.add_typer(train_app, name="train")
app.add_typer(eval_app, name="eval")
app.command("geoparse")(geoparse_cmd)
app.command("batch")(batch_cmd)
app.command("runs")(runs_cmd)
register_merge(app)
register_control(app)
register_copy(app)
register_serve(app)


def _report(result: Result) -> None:
    """One line on stderr for a rejected record, and one per warning about an article read."""
    if result.rejection is not None:
        r = result.rejection
        err.print(f"rejected {r.origin}: [{r.code}] {r.detail}", markup=False)
    elif result.doc is not None:
        for warning in result.doc.warnings:
            err.print(f"warning: {result.doc.article.origin}: {warning}", markup=False)


@app.callback()
def main(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
    config: Annotated[Path | None, typer.Option("--config", help="A TOML settings file.")] = None,
    set_: Annotated[list[str], typer.Option("--set", help="Override a setting: section.key=value.")] = [],  # noqa: B006
    db: Annotated[str | None, typer.Option("--db", help="SQLite database (env FRONTLINES_DB).")] = None,
) -> None:
    """Turn news reports of armed conflict into ACLED-style events with evidence."""
    State.debug, State.config, State.overrides, State.db = debug, config, tuple(set_), db


InputsArg = Annotated[
    list[Path], typer.Argument(help="Files or directories (.txt .jsonl .csv .parquet .html .rss).")
]
MapOpt = Annotated[
    list[str], typer.Option("--map", help="FIELD=COLUMN for CSV/JSONL/Parquet: text=article_content.")
]
PublishedOpt = Annotated[
    str | None, typer.Option("--published", help="Publication date for records without one.")
]
SourceOpt = Annotated[str | None, typer.Option("--source", help="Outlet name for records without one.")]


@app.command("extract")
def extract_cmd(
    inputs: InputsArg,
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.jsonl,
    map_: MapOpt = [],  # noqa: B006
    published: PublishedOpt = None,
    source: SourceOpt = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="Per event, which rule or model set each field; per dropped sentence, why."
        ),
    ] = False,
) -> None:
    """Extract events from articles and print them (no database)."""
    with errors():
        settings = resolve_settings()
        with loading():
            from frontlines.run import events_of, extract, is_bulk, load_resources

            resources = load_resources(settings, bulk=is_bulk(inputs))
        rejected = 0

        def results() -> Iterator[Result]:
            nonlocal rejected
            for result in extract(
                inputs,
                settings,
                resources,
                today=today(),
                field_map=field_map(map_),
                published=published_opt(published),
                source=source,
            ):
                rejected += result.rejection is not None
                _report(result)
                yield result

        if explain:
            from frontlines.events.explain import explain as explain_doc

            for result in results():
                if result.doc is not None:
                    print("\n".join(explain_doc(result.doc)))
        else:
            print_events(events_of(results()), format)
    raise typer.Exit(1 if rejected else 0)


@app.command("prepare")
def prepare_cmd() -> None:
    """Build what extraction loads (gazetteer, place matcher, classifier, unpacked language-ID model)
    when missing or stale, so the first run only loads them; `make install` runs it."""
    with errors():
        settings = resolve_settings()
        with loading():
            from frontlines.run import prepare

            built = prepare(settings)
        for what, where in built:
            print(f"{what}: {where}")


@app.command("ingest")
def ingest_cmd(
    inputs: InputsArg,
    map_: MapOpt = [],  # noqa: B006
    published: PublishedOpt = None,
    source: SourceOpt = None,
    since_last: Annotated[
        bool,
        typer.Option(
            "--since-last",
            help="Read only files no earlier --since-last run finished (by content hash); keep a run record.",
        ),
    ] = False,
) -> None:
    """Extract events from articles and store articles, events and rejections."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with errors():
        settings = resolve_settings()
        with loading():
            from frontlines.incremental import ingest_since_last
            from frontlines.run import ingest, is_bulk, load_resources
            from frontlines.store import open_repository

            resources = load_resources(settings, bulk=is_bulk(inputs))
        repository = open_repository(settings.store.db)
        progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.completed} {task.fields[unit]}"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        )
        with progress:
            task = progress.add_task("ingesting", total=None, unit="records")
            merging = None

            def tick(result: Result) -> None:
                progress.advance(task)
                _report(result)

            def merge_tick(phase: str, done: int, total: int | None) -> None:
                nonlocal merging
                if merging is None:
                    merging = progress.add_task(phase, total=total, unit="reports")
                progress.update(merging, description=phase, completed=done, total=total)

            options: dict[str, Any] = {
                "today": today(),
                "field_map": field_map(map_),
                "published": published_opt(published),
                "source": source,
                "progress": tick,
                "merge_progress": merge_tick,
            }
            run = None
            if since_last:
                run = ingest_since_last(inputs, settings, resources, repository, **options)
                report = run.ingest
            else:
                report = ingest(inputs, settings, resources, repository, **options)
        counts = repository.counts()
        repository.close()
        if run is not None:
            print_run(run)
        print(
            f"read {plural(report.articles_read, 'article')} ({report.duplicates} repeated in the input,"
            f" {report.articles_skipped} already stored), found {plural(report.events_found, 'event')},"
            f" rejected {plural(report.rejected, 'record')},"
            f" {plural(report.undated_events, 'undated event')} left out"
        )
        print(
            f"added {plural(report.new_articles, 'article')}, {plural(report.new_events, 'event')}, "
            f"{plural(report.new_rejections, 'rejection')}; database {settings.store.db} now holds "
            f"{plural(counts.articles, 'article')}, {plural(counts.events, 'event')},"
            f" {plural(counts.rejections, 'rejection')}"
        )
        if report.merge is not None:
            report_summary(report.merge)
    raise typer.Exit(1 if report.rejected else 0)


def date_opt(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{name} {value!r} is not a date", "use YYYY-MM-DD") from None


def _near(value: str | None) -> tuple[float, float, float] | None:
    if value is None:
        return None
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError:
        raise ConfigError(f"--near {value!r} is not LAT,LON,KM", "e.g. --near 33.51,36.29,10") from None
    return lat, lon, km


@app.command("events")
def events_cmd(
    since: Annotated[str | None, typer.Option(help="First day, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last day, YYYY-MM-DD.")] = None,
    country: Annotated[str | None, typer.Option(help="Country name or ISO code.")] = None,
    admin1: Annotated[str | None, typer.Option(help="First-level region name.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="Event type or sub-event type.")] = None,
    actor: Annotated[str | None, typer.Option(help="Part of an actor's name.")] = None,
    near: Annotated[str | None, typer.Option(help="LAT,LON,KM: events within KM of a point.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.table,
    reports: Annotated[
        bool, typer.Option("--reports", help="Per-article reports instead of canonical (merged) events.")
    ] = False,
) -> None:
    """List stored canonical events (merged across sources), or per-article reports, filtered."""
    from frontlines.store.base import EventQuery

    with errors():
        repository = open_existing(resolve_settings().store.db)
        query = EventQuery(
            since=date_opt(since, "--since"),
            until=date_opt(until, "--until"),
            country=country,
            admin1=admin1,
            event_type=type_,
            actor=actor,
            near=_near(near),
            limit=limit,
        )
        if reports:
            print_events(repository.events(query), format)
        else:
            store = canonical_store(repository)
            warn_unmerged(store)
            print_canonical(store.canonical_events(query), format)
        repository.close()


@app.command("export")
def export_cmd(
    format: Annotated[str, typer.Option("--format", "-f", help="acled-csv, geojson, jsonl or parquet.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write (atomically).")],
    reports: Annotated[
        bool, typer.Option("--reports", help="Per-article reports instead of canonical (merged) events.")
    ] = False,
    with_evidence: Annotated[
        bool,
        typer.Option(
            "--with-evidence",
            help="acled-csv: also write FILE.evidence.jsonl with the evidence and frontlines-only fields.",
        ),
    ] = False,
) -> None:
    """Export the stored canonical events (what `events` lists), or the per-article reports, to a file."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from frontlines.export import export_events
    from frontlines.store.base import EventQuery

    with errors():
        repository = open_existing(resolve_settings().store.db)
        if reports:
            items: Iterator[Any] = repository.events(EventQuery())
        else:
            store = canonical_store(repository)
            warn_unmerged(store)
            items = store.canonical_events(EventQuery())
        progress = Progress(
            SpinnerColumn(),
            TextColumn("exporting {task.completed} rows"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        )
        with progress:
            task = progress.add_task("exporting", total=None)

            def counted(rows: Iterator[Any]) -> Iterator[Any]:
                for row in rows:
                    progress.advance(task)
                    yield row

            count = export_events(
                counted(items), format, output, with_evidence=with_evidence, timestamp=int(time.time())
            )
        repository.close()
        print(f"wrote {plural(count, 'report' if reports else 'canonical event')} to {output}")


@app.command("rejections")
def rejections_cmd(
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.table,
) -> None:
    """List what was rejected, where and why."""
    with errors():
        repository = open_existing(resolve_settings().store.db)
        print_rejections(repository.rejections(), format)
        repository.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())

"""The ``frontlines`` command: a thin mirror of the library's functions.

Exit codes: 0 clean, 1 some records rejected, 2 usage or configuration error. Errors are one line;
``--debug`` shows tracebacks.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from frontlines.cli.output import OutputFormat, print_events, print_rejections
from frontlines.config import Settings, load_settings
from frontlines.errors import ConfigError, FrontlinesError
from frontlines.export import export_events
from frontlines.ingest.dates import parse_published
from frontlines.pipeline import Result
from frontlines.run import events_of, extract, ingest, load_resources
from frontlines.store import open_repository
from frontlines.store.base import EventQuery, Repository

app = typer.Typer(
    name="frontlines",
    help="Turn news reports of armed conflict into ACLED-style events with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
gazetteer_app = typer.Typer(help="Build and query the gazetteer.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")

err = Console(stderr=True, highlight=False, soft_wrap=True)


class State:
    debug = False
    config: Path | None = None
    overrides: tuple[str, ...] = ()
    db: str | None = None


def _fail(exc: FrontlinesError) -> NoReturn:
    err.print(f"error: {exc}", markup=False)
    raise typer.Exit(exc.exit_code)


@contextmanager
def _errors() -> Iterator[None]:
    """Turn expected errors into one line on stderr and an exit code; bugs too unless --debug."""
    try:
        yield
    except FrontlinesError as exc:
        if State.debug:
            raise
        _fail(exc)
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except Exception as exc:
        if State.debug:
            raise
        err.print(
            f"error: [E999] unexpected {type(exc).__name__}: {exc}. Rerun with --debug and report it.",
            markup=False,
        )
        raise typer.Exit(2) from exc


def _settings() -> Settings:
    return load_settings(State.config, list(State.overrides), State.db)


def _today() -> dt.date:
    """The edge of the system reads the clock; FRONTLINES_TODAY pins it (tests, reproducible runs)."""
    pinned = os.environ.get("FRONTLINES_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


def _field_map(items: list[str]) -> dict[str, str]:
    mapping = {}
    for item in items:
        ours, sep, theirs = item.partition("=")
        if not sep or not ours or not theirs:
            raise ConfigError(f"--map {item!r} is not FIELD=COLUMN", "e.g. --map text=article_content")
        mapping[ours.strip()] = theirs.strip()
    return mapping


def _published(value: str | None) -> dt.date | None:
    if value is None:
        return None
    parsed = parse_published(value)
    if parsed is None:
        raise ConfigError(f"--published {value!r} is not a date", "use YYYY-MM-DD")
    return parsed


def _open_existing(db: str) -> Repository:
    """Open a database that an ingest has made; a missing file is a usage error, not a new database."""
    if not db.startswith(("sqlite:", ":memory:")) and not Path(db).exists():
        raise ConfigError(f"no database at {db}", "run `frontlines ingest INPUT...` first, or pass --db")
    return open_repository(db)


def _report_rejection(result: Result) -> None:
    if result.rejection is not None:
        r = result.rejection
        err.print(f"rejected {r.origin}: [{r.code}] {r.detail}", markup=False)


@app.callback()
def main(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
    config: Annotated[Path | None, typer.Option("--config", help="A TOML settings file.")] = None,
    set_: Annotated[list[str], typer.Option("--set", help="Override a setting: section.key=value.")] = [],  # noqa: B006
    db: Annotated[str | None, typer.Option("--db", help="SQLite database (env FRONTLINES_DB).")] = None,
) -> None:
    """Turn news reports of armed conflict into ACLED-style events with evidence."""
    State.debug, State.config, State.overrides, State.db = debug, config, tuple(set_), db


InputsArg = Annotated[list[Path], typer.Argument(help="Files or directories (.txt .jsonl .csv .html .rss).")]
MapOpt = Annotated[
    list[str], typer.Option("--map", help="FIELD=COLUMN for CSV/JSONL, e.g. text=article_content.")
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
) -> None:
    """Extract events from articles and print them (no database)."""
    with _errors():
        settings = _settings()
        resources = load_resources(settings)
        rejected = 0

        def results() -> Iterator[Result]:
            nonlocal rejected
            for result in extract(
                inputs,
                settings,
                resources,
                today=_today(),
                field_map=_field_map(map_),
                published=_published(published),
                source=source,
            ):
                if result.rejection is not None:
                    rejected += 1
                    _report_rejection(result)
                elif result.doc is not None:
                    for warning in result.doc.warnings:
                        err.print(f"warning: {result.doc.article.origin}: {warning}", markup=False)
                yield result

        print_events(events_of(results()), format)
    raise typer.Exit(1 if rejected else 0)


@app.command("ingest")
def ingest_cmd(
    inputs: InputsArg,
    map_: MapOpt = [],  # noqa: B006
    published: PublishedOpt = None,
    source: SourceOpt = None,
) -> None:
    """Extract events from articles and store articles, events and rejections."""
    with _errors():
        settings = _settings()
        resources = load_resources(settings)
        repository = open_repository(settings.store.db)
        progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.completed} records"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        )
        with progress:
            task = progress.add_task("ingesting", total=None)

            def tick(result: Result) -> None:
                progress.advance(task)
                _report_rejection(result)

            report = ingest(
                inputs,
                settings,
                resources,
                repository,
                today=_today(),
                field_map=_field_map(map_),
                published=_published(published),
                source=source,
                progress=tick,
            )
        counts = repository.counts()
        repository.close()
        for warning in report.warnings:
            err.print(f"warning: {warning}", markup=False)
        print(
            f"read {report.articles_read} articles ({report.articles_skipped} already stored), "
            f"found {report.events_found} events, rejected {report.rejected} records, "
            f"{report.undated_events} undated events left out"
        )
        print(
            f"added {report.new_articles} articles, {report.new_events} events, "
            f"{report.new_rejections} rejections; database {settings.store.db} now holds "
            f"{counts.articles} articles, {counts.events} events, {counts.rejections} rejections"
        )
    raise typer.Exit(1 if report.rejected else 0)


def _date_opt(value: str | None, name: str) -> dt.date | None:
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
) -> None:
    """List stored events, filtered."""
    with _errors():
        repository = _open_existing(_settings().store.db)
        query = EventQuery(
            since=_date_opt(since, "--since"),
            until=_date_opt(until, "--until"),
            country=country,
            admin1=admin1,
            event_type=type_,
            actor=actor,
            near=_near(near),
            limit=limit,
        )
        print_events(repository.events(query), format)
        repository.close()


@app.command("export")
def export_cmd(
    format: Annotated[str, typer.Option("--format", "-f", help="acled-csv, geojson or jsonl.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write (atomically).")],
) -> None:
    """Export every stored event to a file."""
    with _errors():
        repository = _open_existing(_settings().store.db)
        count = export_events(repository.events(EventQuery()), format, output)
        repository.close()
        print(f"wrote {count} events to {output}")


@app.command("rejections")
def rejections_cmd(
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.table,
) -> None:
    """List what was rejected, where and why."""
    with _errors():
        repository = _open_existing(_settings().store.db)
        print_rejections(repository.rejections(), format)
        repository.close()


@gazetteer_app.command("build")
def gazetteer_build_cmd(
    force: Annotated[bool, typer.Option("--force", help="Rebuild even if it exists.")] = False,
) -> None:
    """Build the embedded gazetteer from the installed registry packages (GeoNames towns, ISO regions)."""
    from frontlines.geo.embedded import build_embedded

    with _errors():
        settings = _settings()
        path = settings.gazetteer_path()
        if path.exists() and not force:
            print(f"gazetteer already built at {path} (use --force to rebuild)")
            return
        err.print(f"building the embedded gazetteer at {path} ...")
        stats = build_embedded(path, settings.geo.min_population)
        print(f"gazetteer built at {path}: {stats}")


@gazetteer_app.command("lookup")
def gazetteer_lookup_cmd(
    name: Annotated[str, typer.Argument(help="A place name.")],
    country: Annotated[str | None, typer.Option(help="ISO2 country code.")] = None,
) -> None:
    """List the gazetteer's candidates for a name."""
    from rich.table import Table

    with _errors():
        resources = load_resources(_settings())
        table = Table("place_id", "name", "kind", "country", "admin1", "lat", "lon", "population")
        for p in resources.gazetteer.lookup(name, country):
            table.add_row(
                p.place_id,
                p.name,
                p.kind,
                p.country_code,
                p.admin1 or "",
                f"{p.latitude:.4f}",
                f"{p.longitude:.4f}",
                str(p.population),
            )
        Console().print(table)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())

"""``frontlines merge`` and the printing of canonical events (``frontlines events`` without --reports).

``merge`` is the mirror of :func:`frontlines.merge.store.merge_store` (everything again) and, with
``--pending``, of :func:`frontlines.merge.store.merge_pending` (only reports new since the last merge).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from frontlines.cli.common import err, errors, open_existing, plural, resolve_settings
from frontlines.cli.output import OutputFormat, print_records
from frontlines.errors import StoreError

if TYPE_CHECKING:
    from rich.progress import TaskID

    from frontlines.merge.store import MergeProgress, MergeSummary
    from frontlines.model import CanonicalEvent
    from frontlines.store.base import CanonicalRepository, Repository

_TABLE_COLUMNS = (
    "event_date",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "admin1",
    "country",
    "fatalities",
    "sources_count",
    "independent_sources",
)


def print_canonical(events: Iterable[CanonicalEvent], fmt: OutputFormat) -> int:
    """Print canonical events to stdout in ``fmt``; returns how many were printed."""
    from frontlines.export import CANONICAL_COLUMNS, EVENT_COLUMNS, canonical_to_record

    return print_records(
        (canonical_to_record(canon) for canon in events),
        fmt,
        columns=[*EVENT_COLUMNS, *CANONICAL_COLUMNS],
        table_columns=_TABLE_COLUMNS,
        title="canonical events",
    )


def canonical_store(repository: Repository) -> CanonicalRepository:
    """The repository as a canonical store, or StoreError when it cannot keep canonical events."""
    from frontlines.store.base import CanonicalRepository

    if not isinstance(repository, CanonicalRepository):
        raise StoreError(
            f"store {type(repository).__name__} keeps no canonical events", "use a SQLite database"
        )
    return repository


def report_summary(summary: MergeSummary) -> None:
    print(
        f"merged {plural(summary.reports, 'report')}: removed {summary.dropped} and wrote"
        f" {plural(summary.written, 'canonical event')}; the database now holds"
        f" {plural(summary.canonical_total, 'canonical event')}"
    )


@contextmanager
def merge_progress() -> Iterator[MergeProgress]:
    """A progress bar on stderr (when it is a terminal) for the phases of a merge."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} reports"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    with progress:
        task: TaskID | None = None

        def tick(phase: str, done: int, total: int | None) -> None:
            nonlocal task
            if task is None:
                task = progress.add_task(phase, total=total)
            progress.update(task, description=phase, completed=done, total=total)

        yield tick


def merge_cmd(
    pending: Annotated[
        bool, typer.Option("--pending", help="Merge only reports stored since the last merge.")
    ] = False,
) -> None:
    """Merge stored per-article reports into canonical events (one per day, place, actor pair, type)."""
    from frontlines.merge.store import merge_pending, merge_store

    with errors():
        repository = canonical_store(open_existing(resolve_settings().store.db))
        with merge_progress() as tick:
            summary = merge_pending(repository, tick) if pending else merge_store(repository, tick)
        repository.close()
        report_summary(summary)


def warn_unmerged(repository: CanonicalRepository) -> None:
    """Say on stderr when stored reports are not merged yet."""
    left = repository.unmerged_count()
    if left:
        err.print(
            f"warning: {plural(left, 'report')} {'is' if left == 1 else 'are'} not merged yet:"
            " run `frontlines merge --pending`",
            markup=False,
        )


def register(app: typer.Typer) -> None:
    """Add ``merge`` to the ``frontlines`` command."""
    app.command("merge")(merge_cmd)

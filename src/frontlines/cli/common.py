"""What every command shares: global state, settings, one-line errors, option parsing."""

from __future__ import annotations

import atexit
import datetime as dt
import gc
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from rich.console import Console

from frontlines.config import Settings, default_data_dir, load_settings
from frontlines.errors import ConfigError, FrontlinesError

if TYPE_CHECKING:
    from frontlines.store.base import Repository

err = Console(stderr=True, highlight=False, soft_wrap=True)


def _flags_show_no_type() -> None:
    """Typer's Rich help prints a type after every option, flags included (``--force <bool>``); a flag
    takes no value, so its help shows none, as click's plain help does."""
    from typer.core import TyperOption

    shows_type = TyperOption.display_type_rich
    if getattr(shows_type, "frontlines_flags", False):
        return

    def display_type_rich(self: TyperOption, ctx: Any) -> str | None:  # typer's own click.Context
        if self.is_flag or self.count:
            return None
        return shows_type(self, ctx)

    display_type_rich.frontlines_flags = True  # type: ignore[attr-defined]
    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]


_flags_show_no_type()


class State:
    #: Whether ``loading`` registered the heap's freeze at exit (once per process).
    freeze_at_exit = False
    debug = False
    config: Path | None = None
    overrides: tuple[str, ...] = ()
    db: str | None = None


def _fail(exc: FrontlinesError) -> NoReturn:
    err.print(f"error: {exc}", markup=False)
    raise typer.Exit(exc.exit_code)


@contextmanager
def loading() -> Iterator[None]:
    """Wrap the import and resource loading of the extraction stack, which allocate a great many
    long-lived objects and little garbage: the regular expressions they compile come from the data
    directory's cache (``frontlines.regex_cache``, about 0.1 s sooner), and the cyclic garbage
    collector waits until the block ends (56 collections took 7-8% of a one-article run). At exit
    the heap is frozen (``gc.freeze``) before the interpreter's final collections, which would walk
    every loaded object only to free memory the process returns anyway (0.06-0.1 s under load)."""
    from frontlines.regex_cache import cached_patterns

    collecting = gc.isenabled()
    gc.disable()
    try:
        with cached_patterns(default_data_dir()):
            yield
    finally:
        if collecting:
            gc.enable()
        if not State.freeze_at_exit:
            # the freeze only spares the collector: atexit handlers after it still run, the
            # interpreter still closes what it holds
            atexit.register(gc.freeze)
            State.freeze_at_exit = True


@contextmanager
def errors() -> Iterator[None]:
    """Turn expected errors into one line on stderr and an exit code; bugs too unless --debug."""
    try:
        yield
    except FrontlinesError as exc:
        if State.debug:
            raise
        _fail(exc)
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except BrokenPipeError:
        # the reader of our output went away (`frontlines events | head`): nothing to report
        _silence_stdout()
        raise typer.Exit(0) from None
    except Exception as exc:
        if State.debug:
            raise
        err.print(
            f"error: [E999] unexpected {type(exc).__name__}: {exc}. Rerun with --debug and report it.",
            markup=False,
        )
        raise typer.Exit(2) from exc


def plural(n: int, singular: str, many: str | None = None) -> str:
    """``n`` and the noun that goes with it: ``1 event``, ``2 events``, ``0 canonical events``."""
    return f"{n} {singular if n == 1 else many or singular + 's'}"


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail again."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test runner's buffer)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def resolve_settings() -> Settings:
    return load_settings(State.config, list(State.overrides), State.db)


def today() -> dt.date:
    """The edge of the system reads the clock; FRONTLINES_TODAY pins it (tests, reproducible runs)."""
    pinned = os.environ.get("FRONTLINES_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


def field_map(items: list[str]) -> dict[str, str]:
    mapping = {}
    for item in items:
        ours, sep, theirs = item.partition("=")
        if not sep or not ours or not theirs:
            raise ConfigError(f"--map {item!r} is not FIELD=COLUMN", "e.g. --map text=article_content")
        mapping[ours.strip()] = theirs.strip()
    return mapping


def published_opt(value: str | None) -> dt.date | None:
    if value is None:
        return None
    from frontlines.ingest.dates import parse_published

    parsed = parse_published(value)
    if parsed is None:
        raise ConfigError(f"--published {value!r} is not a date", "use YYYY-MM-DD")
    return parsed


def open_existing(db: str) -> Repository:
    """Open a database that an ingest has made; a missing file is a usage error, not a new database.

    A PostgreSQL URL is opened as it is (its server says whether the database exists)."""
    from frontlines.store import is_postgres_url, open_repository

    if is_postgres_url(db):
        return open_repository(db)
    if not db.startswith(("sqlite:", ":memory:")) and not Path(db).exists():
        raise ConfigError(f"no database at {db}", "run `frontlines ingest INPUT...` first, or pass --db")
    return open_repository(db)

"""``frontlines eval control``: the mirror of :func:`frontlines.control.evaluate.evaluate_control`."""

from __future__ import annotations

import dataclasses
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from frontlines.cli.common import err, errors, resolve_settings
from frontlines.cli.evaluate import eval_app
from frontlines.errors import ConfigError

if TYPE_CHECKING:  # the scorer loads when the command runs, not for every command
    from frontlines.control.evaluate import ControlEvaluation, PageResult
    from frontlines.control.timeline import ControlInterval

#: Where the battle pages are looked for by default: the shared data folder next to the project.
DEFAULT_PAGES = Path("../shared/data/wikipedia_syria_battles/pages")


class EvalFormat(StrEnum):
    text = "text"
    json = "json"


class PublishedMode(StrEnum):
    end = "end"
    none = "none"


def _interval(i: ControlInterval) -> dict[str, Any]:
    return {
        "place": i.place,
        "controller": i.controller,
        "status": i.status,
        "start": i.start.isoformat() if i.start else None,
        "end": i.end.isoformat() if i.end else None,
        "confidence": i.confidence,
        "quote": i.evidence[0].quote if i.evidence else None,
    }


def _page(r: PageResult) -> dict[str, Any]:
    g = r.gold
    return {
        "page": g.origin,
        "gold": {
            "place": g.place,
            "actor": g.actor.name,
            "inter": int(g.actor.inter),
            "date": g.date.isoformat(),
            "result": g.headline,
        },
        "found": r.found is not None,
        "match": _interval(r.found) if r.found is not None else None,
        "events": r.events,
        "territorial_events": r.territorial_events,
        "intervals_at_place": [_interval(i) for i in r.intervals if i.start is not None],
    }


def _json(result: ControlEvaluation) -> dict[str, Any]:
    return {
        "published": result.published,
        "gold_changes": len(result.results),
        "found": result.found,
        "share": round(result.share, 4),
        "pages": [_page(r) for r in result.results],
        "skipped": [dataclasses.asdict(s) for s in result.skipped],
    }


@eval_app.command("control")
def control_eval_cmd(
    pages: Annotated[
        Path, typer.Argument(help="A folder of battle pages (Markdown with an infobox in YAML front matter).")
    ] = DEFAULT_PAGES,
    format: Annotated[
        EvalFormat, typer.Option("--format", "-f", help="text or json (per page).")
    ] = EvalFormat.text,
    published: Annotated[
        PublishedMode,
        typer.Option("--published", help="Anchor for yearless dates: the infobox end date, or none."),
    ] = PublishedMode.end,
) -> None:
    """Score the control timeline on battle pages: the share of the infobox's control changes found
    with the right actor and a date within 7 days."""
    from frontlines.control.evaluate import DATE_TOLERANCE_DAYS, evaluate_control
    from frontlines.run import load_resources

    with errors():
        if not pages.is_dir():
            raise ConfigError(f"{pages} is not a folder", "give the folder of battle pages (*.md)")
        settings = resolve_settings()
        result = evaluate_control(pages, settings, load_resources(settings), published.value)
        if format is EvalFormat.json:
            json.dump(_json(result), sys.stdout, indent=1, ensure_ascii=False)
            sys.stdout.write("\n")
        else:
            print(f"pages: {pages} (published: {result.published})")
            print(
                f"gold control changes: {len(result.results)} "
                f"({len(result.skipped)} pages skipped by the gold reading)"
            )
            print(
                f"found with the right actor within {DATE_TOLERANCE_DAYS} days: "
                f"{result.found}/{len(result.results)} = {result.share:.3f}"
            )
            for r in result.results:
                mark = "found" if r.found is not None else "MISSED"
                print(
                    f"  {mark:<6} {Path(r.gold.origin).name}: {r.gold.place} -> {r.gold.actor.name} "
                    f"on {r.gold.date}",
                )
        for s in result.skipped:
            err.print(f"skipped: [{s.code}] {s.detail}", markup=False)

"""``frontlines gazetteer``: build, import and query gazetteers."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from frontlines.cli.common import err, errors, resolve_settings
from frontlines.run import load_resources

gazetteer_app = typer.Typer(help="Build and query the gazetteer.", no_args_is_help=True)


@gazetteer_app.command("build")
def gazetteer_build_cmd(
    force: Annotated[bool, typer.Option("--force", help="Rebuild even if it exists.")] = False,
) -> None:
    """Build the embedded gazetteer from the installed registry packages (GeoNames towns, ISO regions)."""
    from frontlines.geo.embedded import build_embedded

    with errors():
        settings = resolve_settings()
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

    with errors():
        resources = load_resources(resolve_settings())
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

"""``frontlines gazetteer``: build, import and query gazetteers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from frontlines.cli.common import err, errors, plural, resolve_settings
from frontlines.cli.output import print_table

if TYPE_CHECKING:
    from frontlines.geo.importers import ImportStats

#: Columns of ``gazetteer lookup``; their narrowest widths; those left out first in a narrow terminal.
LOOKUP_COLUMNS = (
    "place_id", "name", "kind", "country", "admin1", "admin2", "admin3", "lat", "lon", "population",
)  # fmt: skip
LOOKUP_MIN_WIDTH = {"place_id": 16, "kind": 8, "country": 7, "lat": 8, "lon": 9, "population": 10}
LOOKUP_DROP = ("admin3", "admin2", "population", "kind")

gazetteer_app = typer.Typer(help="Build and query the gazetteer.", no_args_is_help=True)


@gazetteer_app.command("build")
def gazetteer_build_cmd(
    force: Annotated[bool, typer.Option("--force", help="Rebuild even if it exists.")] = False,
) -> None:
    """Build the embedded gazetteer from the installed registry packages (GeoNames towns, ISO regions).
    --force also undoes imports into the default gazetteer."""
    from frontlines.geo import open_default_gazetteer
    from frontlines.geo.embedded import build_embedded

    with errors():
        settings = resolve_settings()
        path = settings.gazetteer_path()
        if path.exists() and not force:
            print(f"gazetteer already built at {path} (use --force to rebuild)")
        else:
            err.print(f"building the embedded gazetteer at {path} ...")
            stats = build_embedded(path, settings.geo.min_population)
            print(f"gazetteer built at {path}: {stats}")
        # the place matcher's caches live next to the gazetteer: build them now, not on the first extract
        open_default_gazetteer(settings, loaded=True)[0].close()


@gazetteer_app.command("lookup")
def gazetteer_lookup_cmd(
    name: Annotated[str, typer.Argument(help="A place name.")],
    country: Annotated[str | None, typer.Option(help="ISO2 country code.")] = None,
) -> None:
    """List the gazetteer's candidates for a name."""
    from frontlines.run import load_resources

    with errors():
        resources = load_resources(resolve_settings())
        rows = [
            {
                "place_id": p.place_id,
                "name": p.name,
                "kind": p.kind,
                "country": p.country_code,
                "admin1": p.admin1,
                "admin2": p.admin2,
                "admin3": p.admin3,
                "lat": f"{p.latitude:.4f}",
                "lon": f"{p.longitude:.4f}",
                "population": p.population,
            }
            for p in resources.gazetteer.lookup(name, country)
        ]
        print_table(
            rows, LOOKUP_COLUMNS, title=f"places named {name}", caption=plural(len(rows), "place"),
            min_width=LOOKUP_MIN_WIDTH, drop=LOOKUP_DROP,
        )  # fmt: skip


IMPORT_HELP = """Import places into the gazetteer (default: the active one; --into another file, created
if missing).

PATH may be a file, a folder or a zip of:

- GeoNames dump files: a country file (SY.txt, allCountries.txt or its zip), alternateNamesV2.txt,
  admin1CodesASCII.txt, admin2Codes.txt;

- OCHA COD-AB boundaries from HDX: shapefiles or GeoJSON (admin0-3 outlines, neighbourhoods);
  towns inside the outlines then get their admin1-3 names;

- a CSV of custom places with a header row: name,latitude,longitude,country (ISO2) and optionally
  id,kind,admin1,admin2,admin3,population,alternate_names (spellings separated by |), e.g.
  "Tadamon,33.478,36.312,SY,district,Damascus,,,,Tadamun|Al-Tadamon".

Importing the same source again replaces its rows; a failed import changes nothing. Importing into
the default embedded gazetteer is allowed: `frontlines gazetteer build --force` restores it.
"""


@gazetteer_app.command("import", help=IMPORT_HELP)
def gazetteer_import_cmd(
    path: Annotated[Path, typer.Argument(help="File, folder or zip to import.")],
    into: Annotated[Path | None, typer.Option("--into", help="Gazetteer file to write.")] = None,
    country: Annotated[
        str | None, typer.Option(help="ISO2 country of COD-AB layers that do not name theirs.")
    ] = None,
    classes: Annotated[
        str | None, typer.Option(help="GeoNames feature classes to keep, e.g. AP (default: all).")
    ] = None,
) -> None:
    from frontlines.geo.importers import import_path

    with errors():
        target = into or _active_gazetteer()
        err.print(f"importing {path} into {target} ...")
        stats = import_path(path, target, country=country, feature_classes=classes)
        _print_import(stats)


@gazetteer_app.command("pull")
def gazetteer_pull_cmd(
    countries: Annotated[list[str], typer.Argument(help="ISO2 country codes, e.g. SY UA.")],
    into: Annotated[Path | None, typer.Option("--into", help="Gazetteer file to write.")] = None,
    base_url: Annotated[
        str | None, typer.Option("--base-url", help="GeoNames dump base URL (setting geo.geonames_url).")
    ] = None,
    codab: Annotated[
        list[str], typer.Option("--codab", help="COD-AB package for a country: CC=URL (repeatable).")
    ] = [],  # noqa: B006
    sha256: Annotated[
        list[str], typer.Option("--sha256", help="Expected digest of a file: NAME.zip=HEX (repeatable).")
    ] = [],  # noqa: B006
) -> None:
    """Download each country's GeoNames file ({base}/CC.zip) and its configured COD-AB package
    (setting geo.codab_urls = ["SY=https://..."]), verify them and import them."""
    from frontlines.geo.pull import PullConfig, parse_pairs, pull

    with errors():
        settings = resolve_settings()
        geo = settings.geo
        config = PullConfig(
            geonames_url=base_url or geo.geonames_url,
            codab_urls={
                k.upper(): v for k, v in parse_pairs([*geo.codab_urls, *codab], "COD-AB URL").items()
            },
            sha256=parse_pairs([*geo.pull_sha256, *sha256], "checksum"),
        )
        target = into or _active_gazetteer()
        for stats in pull(countries, target, config):
            _print_import(stats)


def _active_gazetteer() -> Path:
    """The configured gazetteer file; the embedded default is built first when it is missing."""
    settings = resolve_settings()
    path = settings.gazetteer_path()
    if not settings.geo.gazetteer and not path.exists():
        from frontlines.geo.embedded import build_embedded

        err.print(f"building the embedded gazetteer at {path} first ...")
        build_embedded(path, settings.geo.min_population)
    return path


def _print_import(stats: ImportStats) -> None:
    for name in stats.files:
        err.print(f"  read {name}", markup=False)
    for name in stats.ignored:
        err.print(f"  ignored {name}", markup=False)
    print(
        f"imported {stats.path} into {stats.gazetteer} in {stats.seconds} s:"
        f" {plural(stats.added, 'place')} added, {stats.updated} updated, {stats.removed} removed,"
        f" {plural(stats.polygons, 'outline')}, {plural(stats.admin_filled, 'place')} given admin names;"
        f" now {plural(stats.places_total, 'place')}, {plural(stats.names_total, 'name')},"
        f" {plural(stats.polygons_total, 'outline')}"
    )

"""Import place data into a gazetteer file: ``import_path(path, gazetteer_path) -> ImportStats``.

What the path is decides what is read (a folder or zip may mix them; other files are listed as
ignored):
- GeoNames dump files (``SY.txt``, ``allCountries.txt``, ``alternateNamesV2.txt``,
  ``admin1CodesASCII.txt``, ``admin2Codes.txt``, or a zip of one), recognised by their columns;
- OCHA COD-AB layers: shapefiles (.shp with .dbf) and GeoJSON, in a folder or zip (a layer present
  both ways is read once, from the shapefile; CSV copies of layers are ignored);
- OCHA populated places (communities with P-codes): a JSON array of records or an .xlsx list,
  recognised by their fields (see :mod:`frontlines.geo.importers.communities`);
- a UCDP GED-style event CSV, whose exact locations become places (see
  :mod:`frontlines.geo.importers.ged`);
- a CSV of custom places (see :mod:`frontlines.geo.importers.csvfile`).

The whole import is one transaction (nothing changes when it fails); re-importing a source replaces
its rows. Afterwards, when the gazetteer has admin outlines, places without an outline get their
admin1-3 names from the outlines that contain them (``polygons.fill_admin``).
"""

from __future__ import annotations

import io
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from frontlines.geo.importers import geonames
from frontlines.geo.importers.codab import CodabImport, classify
from frontlines.geo.importers.communities import (
    import_communities,
    is_community_header,
    is_community_json,
    sheet_header,
)
from frontlines.geo.importers.csvfile import import_csv, is_places_csv
from frontlines.geo.importers.ged import import_ged, is_ged_csv
from frontlines.geo.importers.layers import read_layer
from frontlines.geo.importers.writer import GazetteerImportError, GazetteerWriter
from frontlines.geo.polygons import fill_admin

__all__ = ["GazetteerImportError", "ImportStats", "import_path"]

LAYER_SUFFIXES = (".shp", ".geojson", ".json")
#: Files in a folder or zip that are parts or companions of other files, never imports themselves.
COMPANIONS = frozenset(
    {".dbf", ".shx", ".prj", ".cpg", ".sbn", ".sbx", ".xml", ".qix", ".qmd", ".pdf", ".md"}
)
#: Order of work: places before their names and admin codes, admin layers before neighbourhoods and
#: communities (whose admin names come through the layers' P-codes; a JSON list before a sheet).
ORDER = {
    "places": 0,
    "alternate_names": 1,
    "admin_codes": 2,
    "layer": 3,
    "communities": 4,
    "csv": 5,
    "ged": 6,
}


@dataclass(frozen=True, slots=True)
class ImportStats:
    """What one import read and changed, and the gazetteer's size after it."""

    path: Path
    gazetteer: Path
    files: tuple[str, ...]
    ignored: tuple[str, ...]
    sources: tuple[str, ...]
    added: int
    updated: int
    removed: int
    names: int
    polygons: int
    admin_filled: int
    skipped: int
    places_total: int
    names_total: int
    polygons_total: int
    seconds: float


@dataclass(frozen=True, slots=True)
class _Task:
    kind: str
    label: str
    path: Path | None = None
    opener: Callable[[], TextIO] | None = None


def _first_line(opener: Callable[[], TextIO]) -> str:
    try:
        with opener() as fh:
            return fh.readline()
    except (OSError, UnicodeDecodeError):
        return ""


def _looks_geojson(path: Path) -> bool:
    """Whether a ``.json`` file opens as a GeoJSON object (an object naming a FeatureCollection in
    its first 4 KB) rather than, say, a list of records."""
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return head.lstrip().startswith("{") and "FeatureCollection" in head


def _file_task(path: Path, label: str, *, named: bool = False) -> _Task | None:
    """What to do with one file; ``named``: the user gave this file itself (a CSV is then read as a
    places CSV, and its missing columns reported)."""
    suffix = path.suffix.lower()
    if suffix == ".json" and is_community_json(path):
        return _Task("communities", label, path)
    if suffix == ".json" and not named and not _looks_geojson(path):
        return None  # another JSON table beside the layers (a list of records), not a layer: ignored
    if suffix in LAYER_SUFFIXES:
        return _Task("layer", label, path)
    if suffix == ".xlsx":
        return _Task("communities", label, path) if is_community_header(sheet_header(path) or []) else None
    if suffix == ".csv":
        if is_ged_csv(path):
            return _Task("ged", label, path)
        return _Task("csv", label, path) if named or is_places_csv(path) else None
    if suffix == ".txt":
        opener: Callable[[], TextIO] = lambda: path.open(encoding="utf-8", newline="")  # noqa: E731
        kind = geonames.sniff(_first_line(opener))
        return _Task(kind, label, path, opener) if kind else None
    return None


def _zip_tasks(path: Path, tmp: Path, ignored: list[str]) -> list[_Task]:
    try:
        archive = zipfile.ZipFile(path)
        bad = archive.testzip()
    except (zipfile.BadZipFile, OSError) as exc:
        raise GazetteerImportError(f"{path} is not a readable zip ({exc})", "download it again") from exc
    if bad is not None:
        raise GazetteerImportError(f"{path} is corrupt (member {bad} fails its CRC)", "download it again")
    members = [m for m in archive.namelist() if not m.endswith("/")]
    if any(m.lower().endswith((*LAYER_SUFFIXES, ".zip")) for m in members):
        target = tmp / path.stem
        archive.extractall(target)
        archive.close()
        return _folder_tasks(target, tmp, ignored, label_root=path)
    tasks = []
    for member in members:
        label = f"{path}!{member}"

        def opener(member: str = member) -> TextIO:
            return io.TextIOWrapper(archive.open(member), encoding="utf-8", newline="")

        kind = geonames.sniff(_first_line(opener)) if member.lower().endswith(".txt") else None
        if kind:
            tasks.append(_Task(kind, label, None, opener))
        else:
            ignored.append(label)
    return tasks


def _folder_tasks(folder: Path, tmp: Path, ignored: list[str], label_root: Path | None = None) -> list[_Task]:
    tasks: list[_Task] = []
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    layer_stems = {p.with_suffix("").as_posix().lower() for p in files if p.suffix.lower() in LAYER_SUFFIXES}
    shp_stems = {p.with_suffix("").as_posix().lower() for p in files if p.suffix.lower() == ".shp"}
    for file in files:
        label = f"{label_root}!{file.relative_to(folder)}" if label_root else str(file)
        suffix, stem = file.suffix.lower(), file.with_suffix("").as_posix().lower()
        if suffix in COMPANIONS or (suffix in (".geojson", ".json") and stem in shp_stems):
            continue
        if suffix == ".csv" and stem in layer_stems:
            continue  # a table copy of a layer
        task = _zip_tasks(file, tmp, ignored) if suffix == ".zip" else _file_task(file, label)
        if isinstance(task, list):
            tasks += task
        elif task is not None:
            tasks.append(task)
        else:
            ignored.append(label)
    return tasks


def _plan(path: Path, tmp: Path, ignored: list[str]) -> list[_Task]:
    if path.is_dir():
        tasks = _folder_tasks(path, tmp, ignored)
    elif path.suffix.lower() == ".zip":
        tasks = _zip_tasks(path, tmp, ignored)
    else:
        task = _file_task(path, str(path), named=True)
        if task is None:
            raise GazetteerImportError(
                f"{path} is not a file the gazetteer can import",
                "give a GeoNames dump file (SY.txt, alternateNamesV2.txt, admin1CodesASCII.txt), a COD-AB "
                "shapefile/GeoJSON/zip, an OCHA populated-places list (JSON or .xlsx with P-codes), a UCDP "
                "GED event CSV, or a places CSV with name, latitude, longitude, country columns",
            )
        tasks = [task]
    if not tasks:
        raise GazetteerImportError(
            f"{path} holds nothing the gazetteer can import", "see `frontlines gazetteer import --help`"
        )
    return sorted(tasks, key=lambda t: (ORDER[t.kind], t.label.lower().endswith(".xlsx")))


@contextmanager
def _text(task: _Task) -> Iterator[TextIO]:
    assert task.opener is not None
    try:
        with task.opener() as fh:
            yield fh
    except UnicodeDecodeError as exc:
        raise GazetteerImportError(f"{task.label} is not UTF-8 text ({exc})", "download it again") from exc


def import_path(
    path: Path | str,
    gazetteer_path: Path | str,
    *,
    country: str | None = None,
    feature_classes: str | None = None,
) -> ImportStats:
    """Import a file, folder or zip into the gazetteer at ``gazetteer_path`` (created when missing).

    ``country`` (ISO2) is used for COD-AB layers that do not name theirs; ``feature_classes`` (e.g.
    "AP") limits which GeoNames feature classes are kept. Raises :class:`GazetteerImportError` with
    the file and what to do; the gazetteer is then unchanged.
    """
    path, gazetteer_path = Path(path), Path(gazetteer_path)
    if not path.exists():
        raise GazetteerImportError(f"{path} does not exist", "check the path")
    start = time.perf_counter()
    ignored: list[str] = []
    with tempfile.TemporaryDirectory(prefix="frontlines-import-") as tmp:
        tasks = _plan(path, Path(tmp), ignored)
        with GazetteerWriter(gazetteer_path) as writer:
            layers = [read_layer(t.path) for t in tasks if t.kind == "layer" and t.path is not None]
            codab = CodabImport(writer, country)
            # admin layers coarse to fine, then neighbourhoods and points
            ranked = sorted(layers, key=lambda layer: (classify(layer)[0] != "admin", classify(layer)[1]))
            sources: list[str] = []
            for task in tasks:
                if task.kind == "places":
                    with _text(task) as fh:
                        geonames.import_places(writer, fh, task.label, feature_classes)
                elif task.kind == "alternate_names":
                    with _text(task) as fh:
                        geonames.import_alternate_names(writer, fh, task.label)
                elif task.kind == "admin_codes":
                    with _text(task) as fh:
                        geonames.import_admin_codes(writer, fh, task.label)
                elif task.kind == "csv" and task.path is not None:
                    sources.append(import_csv(writer, task.path))
                elif task.kind == "communities" and task.path is not None:
                    sources.append(import_communities(writer, task.path, task.label, country))
                elif task.kind == "ged" and task.path is not None:
                    sources.append(import_ged(writer, task.path, country))
                elif task.kind == "layer" and ranked:
                    for layer in ranked:
                        codab.add(layer)
                    ranked = []
                    writer.remove_stale(codab.sources)
            if writer.conn.execute("SELECT 1 FROM polygons LIMIT 1").fetchone():
                writer.counts.admin_filled += fill_admin(writer.conn)
            places, names, outlines = writer.totals()
            counts = writer.counts
    return ImportStats(
        path=path,
        gazetteer=gazetteer_path,
        files=tuple(f"{t.label} ({t.kind})" for t in tasks),
        ignored=tuple(ignored),
        sources=tuple(sorted(counts.sources)),
        added=counts.added,
        updated=counts.updated,
        removed=counts.removed,
        names=counts.names,
        polygons=counts.polygons,
        admin_filled=counts.admin_filled,
        skipped=counts.skipped,
        places_total=places,
        names_total=names,
        polygons_total=outlines,
        seconds=round(time.perf_counter() - start, 2),
    )

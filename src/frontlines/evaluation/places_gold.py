"""The team-coded place set: sentences that each locate one event, with the place an ACLED coder gives it.

Each item is one sentence of the shared public data (``../shared/data``: Wikipedia pages on the wars
in Ukraine, Nagorno-Karabakh and the Sahel; FA-KES articles on Syria) that places one event, and what
the team's coder decided by reading it: the place name as written, the gold point, the gold
``geo_precision`` by the codebook (1 the named place itself; 2 near a place, a neighbourhood placed at
its city, a village placed at its district; 3 a province, oblast or region, at its capital), the
country and admin1, and where the point came from (``coords_from``: a GeoNames id, a COD-AB P-code).
An item whose place no reference at hand lists has no point (``latitude`` null): it counts for admin1
and precision, not for distances. Items live in ``data/places.jsonl``.

Real text is never copied into the package, as in the world corpus
(:mod:`frontlines.corpus.items`): an item holds ``file``, ``start`` and ``end`` into that file's text
and the SHA-1 of the span, and ``context_start``/``context_end``, the span of the article the sentence
belongs to (an FA-KES article's cell, a Wikipedia page's body). The text is read from the shared
folder at load; an item whose file is absent, or whose span no longer hashes the same, is left out
and counted. The split (one item in five sealed) is fixed by the hash of the id
(:func:`frontlines.corpus.items.split_of`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from frontlines.corpus.items import SharedTexts, Split, shared_data_dir, span_digest, split_of
from frontlines.errors import ConfigError
from frontlines.model import GeoPrecision

#: Where the items' text comes from; the figures are given per source.
SOURCES = ("wikipedia_world", "fakes")
#: What the coder says the name is: a kind of place, or how the text locates the event.
KINDS = frozenset({"town", "village", "neighbourhood", "district", "near", "front", "province"})
_REQUIRED = (
    "id", "source", "file", "start", "end", "sha1", "context_start", "context_end", "published",
    "name", "kind", "geo_precision", "country", "admin1", "coded_by",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class PlaceItem:
    """One coded sentence. ``text`` is the sentence, ``context`` the article holding it; ``offset``
    is where the sentence starts in ``context``."""

    id: str
    source: str
    text: str
    context: str
    offset: int
    published: dt.date
    name: str
    kind: str
    geo_precision: GeoPrecision
    country: str
    admin1: str
    latitude: float | None
    longitude: float | None
    coords_from: str | None
    coded_by: str
    admin1_also: tuple[str, ...] = ()
    note: str | None = None

    @property
    def split(self) -> Split:
        return split_of(self.id)

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def name_span(self) -> tuple[int, int]:
        """Where the name as written first occurs in the sentence (offsets into ``text``)."""
        at = self.text.find(self.name)
        return at, at + len(self.name)


@dataclass(frozen=True, slots=True)
class PlaceSet:
    """The loaded items, and how many were left out and why (``file absent``, ``span changed``)."""

    items: tuple[PlaceItem, ...]
    left_out: dict[str, int] = field(default_factory=dict)


def _number(record: dict[str, object], key: str, where: str) -> float | None:
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"{where}: {key} {value!r} is not a number", "fix the item")
    return float(value)


def parse_place(record: dict[str, object], whole: str, where: str) -> PlaceItem:
    """A :class:`PlaceItem` from one JSON record and the text of its file (hash already checked)."""
    start, end = int(str(record["start"])), int(str(record["end"]))
    c_start, c_end = int(str(record["context_start"])), int(str(record["context_end"]))
    if not c_start <= start < end <= c_end:
        raise ConfigError(f"{where}: the sentence is not inside its context span", "fix the offsets")
    kind, source = str(record["kind"]), str(record["source"])
    if kind not in KINDS:
        raise ConfigError(f"{where}: kind {kind!r} is not one of {', '.join(sorted(KINDS))}", "fix the item")
    if source not in SOURCES:
        raise ConfigError(f"{where}: source {source!r} is not one of {', '.join(SOURCES)}", "fix the item")
    try:
        precision = GeoPrecision(int(str(record["geo_precision"])))
        published = dt.date.fromisoformat(str(record["published"]))
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}", "geo_precision is 1, 2 or 3; published is YYYY-MM-DD") from None
    text, name = whole[start:end], str(record["name"])
    if name not in text:
        raise ConfigError(f"{where}: the name {name!r} is not in the sentence", "give the name as written")
    latitude, longitude = _number(record, "latitude", where), _number(record, "longitude", where)
    if (latitude is None) != (longitude is None):
        raise ConfigError(f"{where}: a latitude without a longitude", "give both or neither")
    also = record.get("admin1_also") or []
    if not isinstance(also, list):
        raise ConfigError(f"{where}: admin1_also is not a list", "give a list of names")
    return PlaceItem(
        id=str(record["id"]), source=source, text=text, context=whole[c_start:c_end],
        offset=start - c_start, published=published, name=name, kind=kind,
        geo_precision=precision, country=str(record["country"]), admin1=str(record["admin1"]),
        latitude=latitude, longitude=longitude,
        coords_from=None if record.get("coords_from") is None else str(record["coords_from"]),
        coded_by=str(record["coded_by"]), admin1_also=tuple(str(a) for a in also),
        note=None if record.get("note") is None else str(record["note"]),
    )  # fmt: skip


def read_places(lines: Iterable[str], name: str, shared: Path | None) -> PlaceSet:
    """The items of one JSONL text; text is read from ``shared``. Raises :class:`ConfigError` on a
    malformed item; items whose text cannot be read are counted in ``left_out``."""
    files = SharedTexts(shared)
    left_out: Counter[str] = Counter()
    items: list[PlaceItem] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"place set {name} line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{where}: not JSON ({exc.msg})", "fix the line") from None
        if missing := [key for key in _REQUIRED if key not in record]:
            raise ConfigError(f"{where}: no {', '.join(missing)}", "add the missing keys to the item")
        whole = files.text(str(record["file"]))
        if whole is None:
            left_out["file absent"] += 1
            continue
        if span_digest(whole[int(record["start"]) : int(record["end"])]) != record["sha1"]:
            left_out["span changed"] += 1
            continue
        items.append(parse_place(record, whole, where))
    ids = Counter(item.id for item in items)
    if duplicates := sorted(i for i, n in ids.items() if n > 1):
        raise ConfigError(f"place ids used twice: {', '.join(duplicates[:5])}", "give each item its own id")
    return PlaceSet(tuple(items), dict(left_out))


def load_places(path: Path | None = None, shared: Path | None = None) -> PlaceSet:
    """The place set in ``path`` (default: the one shipped in the package), its text read from
    ``shared`` (default: :func:`frontlines.corpus.items.shared_data_dir`)."""
    if path is None:
        content = resources.files("frontlines").joinpath("data/places.jsonl").read_text(encoding="utf-8")
        name = "data/places.jsonl"
    else:
        try:
            content = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot read place set {path}: {exc.strerror}", "check the path") from None
        name = str(path)
    return read_places(content.splitlines(), name, shared if shared is not None else shared_data_dir())

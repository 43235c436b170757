"""The world-wide event-coding corpus: labelled items, where their text comes from, their split.

An item is one sentence or short passage with the event it tells in ACLED's terms (or none), the
country, and its register: ``wire`` (a news sentence), ``description`` (a short coder-style note) or
``narrative`` (long prose). Items live in ``data/corpus/*.jsonl``.

Real text is never copied into the package: an item taken from the shared public data
(``../shared/data``: FA-KES, UCDP GED headlines, Wikipedia battle pages, LGL and TR-News) holds a
reference (``file``, ``start``, ``end`` into that file's text and the SHA-1 of the span), and the text
is read from the shared folder when the corpus is loaded. Team-written items hold their text and are
marked ``source = "team"``. An item whose file is absent, or whose span no longer hashes the same, is
left out and counted, never silently guessed.

The split is fixed by the item's id alone (:func:`split_of`), so it was decided before any tuning and
never depends on what is in the corpus: ``sealed`` items are scored and reported but never used to
train a model or to choose a rule, a feature or a threshold.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Literal

from frontlines.errors import ConfigError
from frontlines.model import EVENT_TYPE_OF, SubEventType

Register = Literal["wire", "description", "narrative"]
Split = Literal["dev", "sealed"]
REGISTERS: tuple[Register, ...] = ("wire", "description", "narrative")
#: Sources of real text, each a folder of the shared data; ``team`` items carry their own text.
REAL_SOURCES = frozenset({"fakes", "ucdp", "wikipedia_syria", "wikipedia_world", "lgl", "trnews"})
#: One item in this many is sealed (by the hash of its id).
SEALED_ONE_IN = 5
#: Where the shared public data is looked for when ``FRONTLINES_SHARED_DATA`` is not set: beside the
#: working directory's project, then beside this source tree's project (an editable install).
_SHARED_CANDIDATES = (
    Path.cwd() / ".." / "shared" / "data",
    Path(__file__).resolve().parents[4] / "shared" / "data",
)


def split_of(item_id: str) -> Split:
    """``sealed`` for one id in :data:`SEALED_ONE_IN` (by SHA-1 of the id), else ``dev``."""
    digest = int(hashlib.sha1(item_id.encode()).hexdigest()[:8], 16)
    return "sealed" if digest % SEALED_ONE_IN == 0 else "dev"


def span_digest(text: str) -> str:
    """The short hash a reference stores of its span (the first 12 hex digits of SHA-1)."""
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def shared_data_dir() -> Path | None:
    """The shared public data folder: ``FRONTLINES_SHARED_DATA``, else the first candidate that
    exists; ``None`` when there is none."""
    env = os.environ.get("FRONTLINES_SHARED_DATA")
    if env:
        return Path(env) if Path(env).is_dir() else None
    return next((p.resolve() for p in _SHARED_CANDIDATES if p.is_dir()), None)


@dataclass(frozen=True, slots=True)
class CorpusItem:
    """One labelled item. ``sub_event_type`` ``None``: the text tells no codable event."""

    id: str
    text: str
    source: str
    register: Register
    country: str
    sub_event_type: SubEventType | None
    actor1: str | None = None
    actor2: str | None = None
    fatalities: int | None = None
    location: str | None = None
    #: For team-written items, the style imitated (agency wire, local press, NGO report ...).
    style: str | None = None
    #: For real text, the shared file it is read from and where it starts there.
    file: str | None = None
    start: int | None = None

    @property
    def split(self) -> Split:
        return split_of(self.id)

    @property
    def event_type(self) -> str | None:
        return None if self.sub_event_type is None else EVENT_TYPE_OF[self.sub_event_type].value

    @property
    def is_event(self) -> bool:
        return self.sub_event_type is not None

    @property
    def team_written(self) -> bool:
        return self.source == "team"


@dataclass(frozen=True, slots=True)
class Corpus:
    """The loaded items, and the items left out with the reason (``file absent``, ``span changed``)."""

    items: tuple[CorpusItem, ...]
    left_out: dict[str, int] = field(default_factory=dict)

    def split(self, name: Split) -> list[CorpusItem]:
        return [item for item in self.items if item.split == name]

    def countries(self) -> Counter[str]:
        return Counter(item.country for item in self.items)


def _sub_type(value: object, where: str) -> SubEventType | None:
    if value is None:
        return None
    try:
        return SubEventType(str(value))
    except ValueError:
        raise ConfigError(f"{where}: {value!r} is not an ACLED sub-event type", "fix the item") from None


def parse_item(record: dict[str, object], text: str, where: str) -> CorpusItem:
    """A :class:`CorpusItem` from one JSON record whose text is already resolved."""
    register = str(record.get("register"))
    if register not in REGISTERS:
        raise ConfigError(
            f"{where}: register {register!r} is not one of {', '.join(REGISTERS)}", "fix the item"
        )
    fatalities = record.get("fatalities")

    def optional(key: str) -> str | None:
        value = record.get(key)
        return None if value in (None, "") else str(value)

    return CorpusItem(
        id=str(record["id"]),
        text=text,
        source=str(record["source"]),
        register=register,
        country=str(record["country"]),
        sub_event_type=_sub_type(record.get("sub_event_type"), where),
        actor1=optional("actor1"),
        actor2=optional("actor2"),
        fatalities=int(fatalities) if isinstance(fatalities, int) else None,
        location=optional("location"),
        style=optional("style"),
        file=optional("file"),
        start=int(str(record["start"])) if "start" in record else None,
    )


#: Keys every item has; a real-text item also has :data:`_REFERENCE_KEYS` (its text by reference).
_TEAM_KEYS = frozenset({"id", "source", "register", "country"})
_REFERENCE_KEYS = frozenset({"file", "start", "end", "sha1"})


class SharedTexts:
    """Files of the shared folder, read once each (``None`` for a file that is not there)."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self._cache: dict[str, str | None] = {}

    def text(self, ref: str) -> str | None:
        if ref not in self._cache:
            path = self.root / ref if self.root else None
            self._cache[ref] = path.read_text(encoding="utf-8") if path and path.is_file() else None
        return self._cache[ref]

    def span(self, ref: str, start: int, end: int) -> str | None:
        whole = self.text(ref)
        return None if whole is None else whole[start:end]


def read_items(
    lines: Iterable[str], name: str, texts: SharedTexts, left_out: Counter[str]
) -> Iterator[CorpusItem]:
    """Items of one JSONL file; real-text references are resolved through ``texts``."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"corpus file {name} line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{where}: not JSON ({exc.msg})", "fix the line") from None
        needed = _TEAM_KEYS if record.get("source") == "team" else _TEAM_KEYS | _REFERENCE_KEYS
        if missing := sorted(needed - record.keys()):
            raise ConfigError(f"{where}: no {', '.join(missing)}", "add the missing keys to the item")
        if record.get("source") == "team":
            text = record.get("text")
        else:
            text = texts.span(str(record["file"]), int(record["start"]), int(record["end"]))
            if text is None:
                left_out["file absent"] += 1
                continue
            if span_digest(text) != record.get("sha1"):
                left_out["span changed"] += 1
                continue
        if not text:
            raise ConfigError(f"{where}: no text", "give `text` or a `file` reference")
        yield parse_item(record, str(text), where)


def _package_files() -> list[tuple[str, str]]:
    root = resources.files("frontlines").joinpath("data/corpus")
    return sorted(
        (f.name, f.read_text(encoding="utf-8")) for f in root.iterdir() if f.name.endswith(".jsonl")
    )


def corpus_stamp() -> str:
    """A digest of the shipped corpus files and of whether the shared data can be read: what a model
    trained on the corpus depends on (the references carry their spans' hashes)."""
    digest = hashlib.sha256(str(shared_data_dir() is not None).encode())
    for name, content in _package_files():
        digest.update(name.encode() + content.encode())
    return digest.hexdigest()


def load_corpus(folder: Path | None = None, shared: Path | None = None) -> Corpus:
    """Every item of ``folder`` (default: the corpus shipped in the package) with real text read
    from ``shared`` (default: :func:`shared_data_dir`). Raises :class:`ConfigError` on a malformed
    item; items whose real text cannot be read are counted in ``left_out``."""
    texts = SharedTexts(shared if shared is not None else shared_data_dir())
    left_out: Counter[str] = Counter()
    items: list[CorpusItem] = []
    if folder is None:
        files = _package_files()
    else:
        files = sorted((p.name, p.read_text(encoding="utf-8")) for p in folder.glob("*.jsonl"))
    for name, content in files:
        items.extend(read_items(content.splitlines(), name, texts, left_out))
    ids = Counter(item.id for item in items)
    if duplicates := [i for i, n in ids.items() if n > 1]:
        raise ConfigError(
            f"corpus ids used twice: {', '.join(sorted(duplicates)[:5])}", "give each item its own id"
        )
    return Corpus(tuple(items), dict(left_out))

"""Scoring the control timeline against battle pages whose infobox says who won what, and when.

Input: Markdown pages with YAML front matter holding an ``infoboxes`` list (the first entry with a
``result`` or ``territory`` field is the battle's infobox; each field has a ``text``), and a narrative
body. Nothing of a page is copied into the repository: the gold is read from each page at run time.

**Gold reading** (deterministic; a page that fails a rule is skipped with a :class:`Rejection`):

1. *Headline.* The result's first line, cut at the first bullet (``*``), ``|``, ``;`` or sentence
   end. It must name exactly one ``... victory`` (or ``... win``); ``Partial``/``Pyrrhic``/``Tactical``
   victories and results without a victory (stalemate, indecisive, ceasefire, stalled) are no clear
   change (code ``no-change``).
2. *Winner.* The words before "victory", minus intensifiers (Decisive, Major, Strategic ...) and a
   ``-led`` suffix, are read with the project's actor dictionary (the same aliases the pipeline uses,
   resolved for the page's country and end date); the first actor named is the new controller (a
   list such as "Syrian Army & Hezbollah" is led by its first member). No actor: ``unknown-winner``.
3. *Repelled attack.* When the result or territorial changes say an attack was repelled (repel,
   repulse, beaten back) and name no capture (capture, take/took control, seize, retake, recapture,
   regain, restore control, storm, overrun, fall), the winner defended and nothing changed hands
   (``no-change``).
4. *Place.* The place field's first line that is not just the country (bullets stripped), cut at
   the first comma, "/" or " and " (the first of several places), parentheses and a trailing
   "city"/"town"/"village" removed. A place that is an
   area rather than a locality (a governorate, province, district, region, mountains, border, a
   compass-named area like "Eastern Ghouta" ...) or only the country is ``area-place``.
5. *Date.* The latest full date (``D Month YYYY`` or ``Month D, YYYY``; in a range "16–31 December
   2012" the end day takes the range's month and year) in the date field: the battle's end, when the
   winner holds the place. "present" (ongoing) or no full date: ``no-date``.

**Matching.** A gold change is *found* when the timeline has an interval that starts within
:data:`DATE_TOLERANCE_DAYS` days of the gold date, at a location matching the gold place (the same
name once case, accents, hyphens and a leading "al-" article are ignored; or within
:data:`PLACE_KM` km of a gazetteer entry of the gold place), whose controller is the gold actor, or
has the same inter code when either of the two is generic (a role such as "rebels" or an aggregate
such as "Islamist Rebels": a named group of that kind may stand for it, and the reverse).

**Published date.** The narrative dates most events with a day and month only ("On 5 August"), so it
needs an anchor: ``published="end"`` uses the infobox end date, as if the page were a report written
when the battle ended (what a retrospective news report would be); ``published="none"`` runs
without one, so yearless dates are left out. The end date also is the gold date, so ``"end"`` can
only help an event whose date is the anchor itself; both figures are worth reading.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from frontlines.config import Settings
from frontlines.control.timeline import ControlInterval, control_timeline
from frontlines.geo.gazetteer import Gazetteer
from frontlines.ingest.ids import article_id
from frontlines.mentions.actors import ActorDictionary
from frontlines.merge.reconcile import TERRITORIAL
from frontlines.model import Actor, Article, Event, Rejection, SubEventType
from frontlines.run import Resources, build_pipeline

STAGE = "eval-control"
#: A found change starts at most this many days from the gold date (the issue's tolerance).
DATE_TOLERANCE_DAYS = 7
#: A timeline location this close to a gazetteer entry of the gold place is that place (a town with
#: its districts and outskirts).
PLACE_KM = 10.0

Published = Literal["end", "none"]

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY_MONTH_YEAR = re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{4}})\b")
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b")
_ONGOING = re.compile(r"\bpresent\b", re.IGNORECASE)
_HEADLINE_CUT = re.compile(r"\s*(?:\||\*|\n)")
_VICTORY = re.compile(r"\b(victory|win)\b", re.IGNORECASE)
_QUALIFIED = re.compile(r"\b(partial|pyrrhic|tactical|limited|initial)\b", re.IGNORECASE)
_INTENSIFIERS = re.compile(r"\b(decisive|major|strategic|overwhelming|total|complete|clear)\b", re.IGNORECASE)
_REPELLED = re.compile(r"\b(repel\w*|repuls\w*|beaten back|beat back)\b", re.IGNORECASE)
_CAPTURE = re.compile(
    r"\b(captur\w*|seiz\w*|retak\w*|recaptur\w*|regain\w*|restor\w* control|tak\w* control|took control|"
    r"tak\w* full control|storm\w*|overr[au]n\w*|fell|falls?)\b",
    re.IGNORECASE,
)
_AREA_WORDS = re.compile(
    r"\b(governorate|province|district|subdistrict|region|regions|mountains?|border|territor(y|ies)|"
    r"countryside|countries|outskirts|pocket|front|valley|desert|plains?|northern|southern|eastern|"
    r"western|north|south|east|west|central)\b",
    re.IGNORECASE,
)
#: A trailing word that says what kind of locality a name is ("Idlib city"), not part of the name.
_SETTLEMENT_WORD = re.compile(r"\s+(city|town|village)$", re.IGNORECASE)
_SECTION_END = re.compile(
    r"^#+\s*(references|notes|see also|external links|further reading)\s*$", re.I | re.M
)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


@dataclass(frozen=True, slots=True)
class Page:
    """One battle page: its file, title, infobox fields (name -> text) and narrative body."""

    origin: str
    title: str
    infobox: Mapping[str, str]
    body: str


@dataclass(frozen=True, slots=True)
class GoldChange:
    """A control change read from an infobox: ``actor`` took ``place`` by ``date``."""

    origin: str
    place: str
    actor: Actor
    date: dt.date
    headline: str
    country: str


@dataclass(frozen=True, slots=True)
class PageResult:
    """A gold change and what the timeline shows at its place: the matching interval, if any."""

    gold: GoldChange
    found: ControlInterval | None
    intervals: tuple[ControlInterval, ...]
    events: int
    territorial_events: int


@dataclass(frozen=True, slots=True)
class ControlEvaluation:
    """Per-page results, the pages skipped by the gold reading, and the share found."""

    results: tuple[PageResult, ...]
    skipped: tuple[Rejection, ...]
    published: Published

    @property
    def found(self) -> int:
        return sum(r.found is not None for r in self.results)

    @property
    def share(self) -> float:
        return self.found / len(self.results) if self.results else 0.0


def _text(value: Any) -> str:
    if isinstance(value, Mapping):
        return str(value.get("text") or "")
    return "" if value is None else str(value)


def read_page(path: Path) -> Page | Rejection:
    """A Markdown page with YAML front matter -> :class:`Page`, or a Rejection when it has none."""
    raw = path.read_text(encoding="utf-8")
    parts = raw.split("\n---", 1) if raw.startswith("---") else []
    if len(parts) != 2:
        return Rejection(str(path), STAGE, "no-front-matter", f"{path}: no YAML front matter; skip the file")
    try:
        meta = yaml.safe_load(parts[0][3:]) or {}
    except yaml.YAMLError as exc:
        return Rejection(str(path), STAGE, "bad-front-matter", f"{path}: front matter is not YAML ({exc})")
    boxes = [b for b in meta.get("infoboxes") or [] if isinstance(b, Mapping)]
    box = next((b for b in boxes if "result" in b or "territory" in b), {})
    body = parts[1].split("\n", 1)[1] if "\n" in parts[1] else ""
    return Page(str(path), str(meta.get("title") or path.stem), {k: _text(v) for k, v in box.items()}, body)


def narrative(body: str) -> str:
    """The page's prose: Markdown links to their text, headings and emphasis dropped, reference
    sections cut."""
    cut = _SECTION_END.search(body)
    text = body[: cut.start()] if cut else body
    text = _LINK.sub(r"\1", text)
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    return re.sub(r"\*\*|__", "", "\n".join(lines)).strip()


def end_date(text: str) -> dt.date | None:
    """The latest full date in an infobox date field, None when ongoing or none is complete."""
    if _ONGOING.search(text):
        return None
    found: list[dt.date] = []
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for m in pattern.finditer(text):
            try:
                found.append(dt.date(int(m["year"]), _MONTHS[m["month"].lower()], int(m["day"])))
            except ValueError:
                continue
    return max(found) if found else None


def _plain(name: str) -> str:
    """A name for comparison: no accents, case, punctuation or leading Arabic article."""
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_ = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    words = re.sub(r"[^\w]+", " ", ascii_.replace("'", "").replace("’", "")).split()
    if len(words) > 1 and words[0] in {"al", "el", "ar", "as", "ad", "ash", "at", "az", "an"}:
        words = words[1:]
    return " ".join(words)


def gold_place(text: str, country: str) -> str | None:
    """The locality a place field names first (rule 4 of the module docstring), None for an area."""
    for line in text.splitlines():
        line = line.strip().lstrip("*").strip()
        if not line or _plain(line) == _plain(country):
            continue
        first = re.split(r",| and |/", re.sub(r"\([^)]*\)", "", line), maxsplit=1)[0].strip()
        first = _SETTLEMENT_WORD.sub("", first).strip()
        if not first or _plain(first) == _plain(country) or _AREA_WORDS.search(first):
            return None
        return first
    return None


def _reject(page: Page, code: str, detail: str) -> Rejection:
    return Rejection(page.origin, STAGE, code, f"{page.origin}: {detail}")


def read_gold(
    page: Page, actors: ActorDictionary, country: str = "SY", gazetteer: Gazetteer | None = None
) -> GoldChange | Rejection:
    """The control change a page's infobox states (rules 1-5 of the module docstring), or why not.

    With a gazetteer, a place whose best entry in ``country`` is a first-level region or the country
    itself is an area too."""
    result = page.infobox.get("result", "")
    territory = page.infobox.get("territory", "")
    headline = _HEADLINE_CUT.split(result.strip(), maxsplit=1)[0].strip()
    victories = _VICTORY.findall(headline)
    if len(victories) != 1 or _QUALIFIED.search(headline):
        return _reject(page, "no-change", f"result {headline!r} states no single clear victory")
    if _REPELLED.search(f"{result}\n{territory}") and not _CAPTURE.search(f"{result}\n{territory}"):
        return _reject(page, "no-change", f"result {headline!r} is a repelled attack: nothing changed hands")
    day = end_date(page.infobox.get("date", ""))
    if day is None:
        return _reject(page, "no-date", f"date {page.infobox.get('date', '')!r} has no complete end date")
    place = gold_place(page.infobox.get("place", ""), "Syria" if country == "SY" else country)
    if place is None:
        return _reject(
            page, "area-place", f"place {page.infobox.get('place', '')!r} is an area, not a locality"
        )
    if gazetteer is not None:
        entries = gazetteer.lookup(place, country)
        if entries and entries[0].kind in ("country", "admin1"):
            return _reject(
                page, "area-place", f"place {place!r} is a region in the gazetteer, not a locality"
            )
    winner = _INTENSIFIERS.sub(" ", _VICTORY.split(headline, maxsplit=1)[0])
    winner = re.sub(r"-led\b", "", winner)
    mentions = actors.find(winner)
    if not mentions:
        return _reject(page, "unknown-winner", f"winner {winner.strip()!r} names no known actor")
    actor = actors.resolve(mentions[0].ref, country, day)
    return GoldChange(page.origin, place, actor, day, headline, country)


def page_article(page: Page, published: dt.date | None) -> Article:
    """The page's narrative as an :class:`Article` (source "Wikipedia")."""
    text = narrative(page.body)
    source = "Wikipedia"
    ident = article_id(text=text, title=page.title, published=published, source=source)
    return Article(ident, text, page.origin, title=page.title, published=published, source=source)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def place_matches(interval: ControlInterval, place: str, anchors: Sequence[tuple[float, float]]) -> bool:
    """Whether a timeline location is the gold place: same plain name, a district of it
    ("Aleppo - Salaheddine"), or within :data:`PLACE_KM` of one of its gazetteer entries."""
    want = _plain(place)
    location = _plain(interval.place.split(" - ")[0])
    if location == want:
        return True
    return any(_km(interval.latitude, interval.longitude, lat, lon) <= PLACE_KM for lat, lon in anchors)


def actor_matches(controller: str, inter: int | None, gold: Actor, actors: ActorDictionary) -> bool:
    """Same canonical actor, or the same inter code when either side is generic (module docstring)."""
    if controller == gold.name:
        return True
    return inter is not None and inter == int(gold.inter) and (gold.generic or is_generic(controller, actors))


def is_generic(name: str, actors: ActorDictionary) -> bool:
    """Whether a canonical name is a generic role ("Opposition Rebels (Syria)") or an aggregate
    ("Islamist Rebels (Syria)"): the dictionary finds only such references in it, no named group."""
    mentions = actors.find(name)
    return bool(mentions) and all(actors.is_generic(m.ref) for m in mentions)


def _inter_of(events: Iterable[Event]) -> dict[str, int]:
    out: dict[str, int] = {}
    for e in events:
        out.setdefault(e.actor1, e.inter1)
        if e.actor2 and e.inter2 is not None:
            out.setdefault(e.actor2, e.inter2)
    return out


def score_page(
    gold: GoldChange, events: Sequence[Event], actors: ActorDictionary, gazetteer: Gazetteer | None
) -> PageResult:
    """Build the timeline from one page's events and look for the gold change in it."""
    anchors: list[tuple[float, float]] = []
    if gazetteer is not None:
        anchors = [
            (p.latitude, p.longitude)
            for p in gazetteer.lookup(gold.place, gold.country)
            if p.kind not in ("country", "admin1", "admin2")
        ]
    intervals = [i for i in control_timeline(events, None) if place_matches(i, gold.place, anchors)]
    inter = _inter_of(events)
    found = next(
        (
            i
            for i in intervals
            if i.start is not None
            and abs((i.start - gold.date).days) <= DATE_TOLERANCE_DAYS
            and actor_matches(i.controller, inter.get(i.controller), gold.actor, actors)
        ),
        None,
    )
    territorial = sum(SubEventType(e.sub_event_type) in TERRITORIAL for e in events)
    return PageResult(gold, found, tuple(intervals), len(events), territorial)


def iter_pages(pages_dir: Path) -> Iterator[Path]:
    """The Markdown pages of a folder, sorted."""
    yield from sorted(p for p in pages_dir.glob("*.md") if p.is_file())


def evaluate_control(
    pages_dir: Path, settings: Settings, resources: Resources, published: Published = "end"
) -> ControlEvaluation:
    """Read the gold from every page's infobox, extract events from its narrative, build the control
    timeline and score it (module docstring: reading, matching and published-date rules)."""
    pipeline = build_pipeline(settings, resources)
    results: list[PageResult] = []
    skipped: list[Rejection] = []
    for path in iter_pages(pages_dir):
        page = read_page(path)
        if isinstance(page, Rejection):
            skipped.append(page)
            continue
        gold = read_gold(page, resources.actors, gazetteer=resources.gazetteer)
        if isinstance(gold, Rejection):
            skipped.append(gold)
            continue
        article = page_article(page, gold.date if published == "end" else None)
        result = pipeline.run_one(article)
        events = list(result.doc.events) if result.doc is not None else []
        results.append(score_page(gold, events, resources.actors, resources.gazetteer))
    return ControlEvaluation(tuple(results), tuple(skipped), published)

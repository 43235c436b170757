"""Score event coding against gold events in an ACLED-format CSV (``frontlines eval acled``).

Each gold row's ``notes`` are run through the pipeline as one article, published on the row's
``event_date`` (any of ACLED's date styles; no date when the column is absent or empty). Of the
events extracted from a row, one is compared with the gold event (:func:`choose_event`); a row with
no extracted event is a miss and counts as wrong for every field it has.

Fields are scored only when their column is present, and per row only when the gold cell is filled
(an empty ``actor2`` cell is a gold value: "no second actor"). Figures:

- ``event_type``: accuracy and macro-F1; ``sub_event_type``: support-weighted F1 and macro-F1. F1 per
  label is computed by hand: the labels are every type in the gold or predicted column (a miss
  predicts none), macro is their plain mean, weighted is weighted by gold support (scikit-learn's
  ``average="macro"/"weighted"`` with ``zero_division=0``).
- ``event_date``: exact day.
- ``location``: great-circle distance within 5 km / 25 km, on rows with gold latitude and longitude.
- ``admin1``: equal after :func:`fold_admin1` (case, accents, hyphens, "Governorate"; spellings that
  differ only in vowels or doubled letters, such as Idlib/Idleb or Daraa/Dar'a, are the same).
- ``actor1``/``actor2``: equal after :func:`normalise_actor`. Codebook: actor order carries no
  meaning except in Violence against civilians, where the victims are actor 2; so for every other
  gold event type the predicted pair is compared in whichever order agrees more.
- ``fatalities``: exact, and mean absolute error with a miss counted as 0 reported fatalities.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from frontlines.config import Settings
from frontlines.errors import ConfigError
from frontlines.ingest.dates import MONTHS, parse_date
from frontlines.ingest.draft import Context, Draft, finish
from frontlines.model import Event, EventType, Rejection, SubEventType
from frontlines.pipeline import Pipeline
from frontlines.run import Resources, build_pipeline

#: The figures, in report order. ``fatalities_mae`` is the only one where lower is better.
FIGURES: tuple[str, ...] = (
    "event_type_accuracy",
    "event_type_macro_f1",
    "sub_event_type_weighted_f1",
    "sub_event_type_macro_f1",
    "event_date_exact",
    "location_within_5km",
    "location_within_25km",
    "admin1_accuracy",
    "actor1_accuracy",
    "actor2_accuracy",
    "actor1_in_order",
    "fatalities_exact",
    "fatalities_mae",
)
LOWER_IS_BETTER = frozenset({"fatalities_mae"})
#: The predicted label of a row where the pipeline found no event.
NO_EVENT = "(no event)"
NEAR_KM, FAR_KM = 5.0, 25.0
EARTH_RADIUS_KM = 6371.0088
#: Gold columns read; any other column (ACLED exports have ~30) is ignored.
SCORED_COLUMNS = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "fatalities",
)
#: ``9-May-20``: ACLED's short style with a two-digit year (parse_date reads four-digit years only).
_SHORT_DATE = re.compile(r"(\d{1,2})[-\s]([A-Za-z]{3,9})\.?[-\s](\d{2})")
#: ``HTS: Hayat Tahrir al Sham``: ACLED's acronym prefix on some group names.
_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9&'.-]{1,9}:\s+")
#: ``Military Forces of Syria (2000-2024) Syrian Arab Air Force``: a unit after the period.
_UNIT = re.compile(r"^(.*?\(\d{4}-(?:\d{4})?\))\s+\S.*$")
#: Words that name a kind of region rather than the region.
_REGION_WORDS = re.compile(r"\b(governorate|province|prefecture|region|state|muhafazat)\b")
#: A leading Arabic article, as in Al-Hasakah, Ar-Raqqa, As-Suwayda.
_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|an|ash|at|az|ath)[\s'-]+")


@dataclass(frozen=True, slots=True)
class GoldRow:
    """One gold event. A field is ``None`` when its column is absent or its cell empty, except
    ``actor2``, which is ``""`` when the column is present and the cell empty (a one-sided event)."""

    row: int
    ident: str
    notes: str
    event_date: dt.date | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    fatalities: int | None = None


@dataclass(frozen=True, slots=True)
class RowOutcome:
    """What the pipeline made of one gold row: the compared event, how many it found, or why none."""

    gold: GoldRow
    predicted: Event | None
    events_found: int
    rejection: str | None = None


@dataclass(frozen=True, slots=True)
class AcledScores:
    """Per-field figures (``None``: the field was not in the gold), rows scored per figure, the
    sub-event-type confusion (gold -> predicted -> count) and every row's outcome."""

    gold_path: str
    figures: Mapping[str, float | None]
    scored: Mapping[str, int]
    confusion: Mapping[str, Mapping[str, int]]
    outcomes: tuple[RowOutcome, ...]
    skipped: tuple[str, ...] = field(default_factory=tuple)

    @property
    def rows(self) -> int:
        return len(self.outcomes)

    @property
    def rows_with_event(self) -> int:
        return sum(1 for o in self.outcomes if o.predicted is not None)

    @property
    def events_found(self) -> int:
        return sum(o.events_found for o in self.outcomes)

    def below(self, floors: Mapping[str, float]) -> list[str]:
        """One line per figure worse than its floor (a ceiling for :data:`LOWER_IS_BETTER`)."""
        failures = []
        for name, floor in floors.items():
            value = self.figures.get(name)
            if value is None:
                failures.append(f"{name}: not measured (its gold column is missing), floor {floor}")
            elif name in LOWER_IS_BETTER and value > floor:
                failures.append(f"{name}: {value:.3f} is above its ceiling {floor}")
            elif name not in LOWER_IS_BETTER and value < floor:
                failures.append(f"{name}: {value:.3f} is below its floor {floor}")
        return failures


def parse_acled_date(value: str) -> dt.date:
    """A date in any of ACLED's styles (``2020-05-09``, ``9 May 2020``, ``09 May 2020``,
    ``9-May-20``) or any other form :func:`frontlines.ingest.parse_date` reads. Raises ValueError."""
    text = value.strip()
    if m := _SHORT_DATE.fullmatch(text):
        month = MONTHS.get(m[2].lower())
        if month is None:
            raise ValueError(f"unknown month name {m[2]!r} in date {value!r}")
        year = int(m[3])
        return dt.date(year + (2000 if year < 70 else 1900), month, int(m[1]))
    return parse_date(text)


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def fold_admin1(name: str) -> str:
    """A first-level region name reduced for comparison: no case, accents, leading Arabic article,
    "Governorate"/"Province", spaces, hyphens or apostrophes (``Dar'a Governorate`` -> ``dara``)."""
    text = _REGION_WORDS.sub(" ", _plain(name)).strip()
    text = _ARTICLE.sub("", text)
    return "".join(ch for ch in text if ch.isalnum())


def _skeleton(folded: str) -> str:
    """The first letter, then consonants only, doubled letters once, no final h: transliteration
    variants agree."""
    consonants = folded[:1] + re.sub(r"[aeiouyw]", "", folded[1:])
    return re.sub(r"(.)\1+", r"\1", consonants).rstrip("h")


def same_admin1(gold: str | None, predicted: str | None) -> bool:
    """Whether two region names are the same after :func:`fold_admin1`, or spell the same
    consonants (Idlib/Idleb, Hasakah/Hasakeh, Raqqa/Ar-Raqqah, Latakia/Lattakia)."""
    if not gold or not predicted:
        return False
    a, b = fold_admin1(gold), fold_admin1(predicted)
    return a == b or (len(a) > 3 and _skeleton(a) == _skeleton(b))


#: British spellings in actor names compared as ACLED's American ones ("Artsakh Defence Army").
_SPELLING = {"defence": "defense"}


def normalise_actor(name: str | None) -> str:
    """An actor name reduced for comparison: ACLED's acronym prefix (``HTS: ``) and a unit after
    the period (``... (2000-2024) Syrian Arab Air Force``) dropped, no case, accents or
    punctuation, British spellings as American ones (:data:`_SPELLING`). ``None`` and ``""`` (no
    actor) give ``""``."""
    if not name:
        return ""
    text = _ACRONYM.sub("", name.strip())
    if m := _UNIT.match(text):
        text = m[1]
    words = re.sub(r"[^\w]+", " ", _plain(text)).split()
    return " ".join(_SPELLING.get(word, word) for word in words)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _cell(record: Mapping[str, str | None], column: str) -> str | None:
    value = (record.get(column) or "").strip()
    return value or None


def _gold_row(record: Mapping[str, str | None], row: int, columns: set[str], where: str) -> GoldRow:
    def number(column: str, kind: type[float] | type[int]) -> float | int | None:
        value = _cell(record, column)
        if value is None:
            return None
        try:
            return kind(float(value)) if kind is int else kind(value)
        except ValueError:
            raise ConfigError(
                f"{where} row {row}: {column} {value!r} is not a number", "fix the cell"
            ) from None

    date_text = _cell(record, "event_date")
    try:
        event_date = parse_acled_date(date_text) if date_text else None
    except ValueError as exc:
        raise ConfigError(f"{where} row {row}: event_date: {exc}", "write it as YYYY-MM-DD") from None
    for column, enum in (("event_type", EventType), ("sub_event_type", SubEventType)):
        value = _cell(record, column)
        if value is not None and value not in {e.value for e in enum}:
            raise ConfigError(f"{where} row {row}: unknown {column} {value!r}", "use ACLED's names")
    ident = _cell(record, "article_id") or _cell(record, "event_id_cnty") or _cell(record, "event_id_no_cnty")
    lat, lon = number("latitude", float), number("longitude", float)
    fatalities = number("fatalities", int)
    return GoldRow(
        row=row,
        ident=ident or f"row {row}",
        notes=_cell(record, "notes") or "",
        event_date=event_date,
        event_type=_cell(record, "event_type"),
        sub_event_type=_cell(record, "sub_event_type"),
        actor1=_cell(record, "actor1"),
        actor2=(_cell(record, "actor2") or "") if "actor2" in columns else None,
        admin1=_cell(record, "admin1"),
        location=_cell(record, "location"),
        latitude=None if lat is None else float(lat),
        longitude=None if lon is None else float(lon),
        fatalities=None if fatalities is None else int(fatalities),
    )


def read_gold(path: Path) -> tuple[list[GoldRow], set[str]]:
    """The gold rows of an ACLED-format CSV and the scored columns it has. Column names are matched
    case-insensitively; extra columns are ignored. Raises ConfigError without a ``notes`` column."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = {name: name.strip().lower() for name in reader.fieldnames or []}
            columns = set(header.values())
            if "notes" not in columns:
                raise ConfigError(f"{path} has no 'notes' column", "give an ACLED-format CSV with notes")
            rows = [
                _gold_row({header[k]: v for k, v in record.items() if k in header}, n, columns, str(path))
                for n, record in enumerate(reader, start=2)
            ]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ConfigError(
            f"cannot read gold file {path}: {exc}", "check the path and that it is UTF-8 CSV"
        ) from exc
    return rows, columns & set(SCORED_COLUMNS)


def _place_agrees(gold: GoldRow, event: Event) -> bool:
    if gold.latitude is not None and gold.longitude is not None:
        return haversine_km(gold.latitude, gold.longitude, event.latitude, event.longitude) <= FAR_KM
    if gold.admin1:
        return same_admin1(gold.admin1, event.admin1)
    return bool(gold.location) and normalise_actor(gold.location) == normalise_actor(event.location)


def choose_event(gold: GoldRow, events: Sequence[Event]) -> Event | None:
    """The extracted event compared with the gold row: the one agreeing on most of sub-event type,
    event type and place (within 25 km of the gold point; else same admin1; else same location
    name), then on the date, then the first in article order. ``None`` when nothing was extracted."""

    def agreement(item: tuple[int, Event]) -> tuple[int, int, int]:
        index, event = item
        votes = (
            int(event.sub_event_type.value == gold.sub_event_type)
            + int(event.event_type.value == gold.event_type)
            + int(_place_agrees(gold, event))
        )
        return votes, int(event.event_date == gold.event_date), -index

    if not events:
        return None
    return max(enumerate(events), key=agreement)[1]


def f1_scores(gold: Sequence[str], predicted: Sequence[str]) -> tuple[float, float]:
    """Macro and support-weighted F1 of paired labels. Labels are every value in either list except
    :data:`NO_EVENT`; a label never predicted or never in the gold has F1 0."""
    # sorted: the sums below then add in one order, so the figures do not depend on the hash seed
    labels = sorted((set(gold) | set(predicted)) - {NO_EVENT})
    support = Counter(gold)
    per_label = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        n_pred = sum(1 for p in predicted if p == label)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / support[label] if support[label] else 0.0
        per_label[label] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    if not labels:
        return 0.0, 0.0
    macro = sum(per_label.values()) / len(labels)
    total = sum(support[label] for label in labels)
    weighted = sum(per_label[label] * support[label] for label in labels) / total if total else 0.0
    return macro, weighted


def _actor_hits(gold: GoldRow, event: Event | None) -> tuple[bool, bool]:
    """Whether actor 1 and actor 2 agree; order-insensitive except in Violence against civilians."""
    if event is None:
        return False, False
    g1, g2 = normalise_actor(gold.actor1), normalise_actor(gold.actor2)
    p1, p2 = normalise_actor(event.actor1), normalise_actor(event.actor2)
    straight = (p1 == g1, p2 == g2)
    if gold.event_type == EventType.VIOLENCE_AGAINST_CIVILIANS.value:
        return straight
    swapped = (p2 == g1, p1 == g2)
    return swapped if sum(swapped) > sum(straight) else straight


def _ratio(hits: Iterable[bool]) -> tuple[float | None, int]:
    values = list(hits)
    return (sum(values) / len(values) if values else None), len(values)


def score_outcomes(
    outcomes: Sequence[RowOutcome], columns: set[str]
) -> tuple[dict[str, float | None], dict[str, int]]:
    """The figures of :data:`FIGURES` and how many rows each was computed on."""
    figures: dict[str, float | None] = dict.fromkeys(FIGURES)
    scored: dict[str, int] = dict.fromkeys(FIGURES, 0)

    def put(name: str, result: tuple[float | None, int]) -> None:
        figures[name], scored[name] = result

    for column, acc, macro_name, weighted_name in (
        ("event_type", "event_type_accuracy", "event_type_macro_f1", None),
        ("sub_event_type", None, "sub_event_type_macro_f1", "sub_event_type_weighted_f1"),
    ):
        rows = [o for o in outcomes if getattr(o.gold, column)]
        if column not in columns or not rows:
            continue
        gold = [str(getattr(o.gold, column)) for o in rows]
        pred = [getattr(o.predicted, column).value if o.predicted else NO_EVENT for o in rows]
        macro, weighted = f1_scores(gold, pred)
        if acc:
            put(acc, _ratio(g == p for g, p in zip(gold, pred, strict=True)))
        put(macro_name, (macro, len(rows)))
        if weighted_name:
            put(weighted_name, (weighted, len(rows)))
    if "event_date" in columns:
        put(
            "event_date_exact",
            _ratio(
                o.predicted is not None and o.predicted.event_date == o.gold.event_date
                for o in outcomes
                if o.gold.event_date
            ),
        )
    located = [o for o in outcomes if o.gold.latitude is not None and o.gold.longitude is not None]
    if {"latitude", "longitude"} <= columns:
        distances = [
            haversine_km(o.gold.latitude, o.gold.longitude, o.predicted.latitude, o.predicted.longitude)  # type: ignore[arg-type]
            if o.predicted is not None
            else math.inf
            for o in located
        ]
        put("location_within_5km", _ratio(d <= NEAR_KM for d in distances))
        put("location_within_25km", _ratio(d <= FAR_KM for d in distances))
    if "admin1" in columns:
        put(
            "admin1_accuracy",
            _ratio(
                same_admin1(o.gold.admin1, o.predicted.admin1 if o.predicted else None)
                for o in outcomes
                if o.gold.admin1
            ),
        )
    if "actor1" in columns:
        put("actor1_accuracy", _ratio(_actor_hits(o.gold, o.predicted)[0] for o in outcomes if o.gold.actor1))
        # the codebook's order (actor 1 acted), which actor1_accuracy forgives outside violence on civilians
        in_order = (
            o.predicted is not None and normalise_actor(o.predicted.actor1) == normalise_actor(o.gold.actor1)
            for o in outcomes
            if o.gold.actor1
        )
        put("actor1_in_order", _ratio(in_order))
    if "actor2" in columns:
        put(
            "actor2_accuracy",
            _ratio(_actor_hits(o.gold, o.predicted)[1] for o in outcomes if o.gold.actor2 is not None),
        )
    counted = [o for o in outcomes if o.gold.fatalities is not None]
    if "fatalities" in columns and counted:
        predicted = [o.predicted.fatalities if o.predicted else None for o in counted]
        put(
            "fatalities_exact",
            _ratio(p == o.gold.fatalities for p, o in zip(predicted, counted, strict=True)),
        )
        errors = [abs((p or 0) - (o.gold.fatalities or 0)) for p, o in zip(predicted, counted, strict=True)]
        put("fatalities_mae", (sum(errors) / len(errors), len(errors)))
    return figures, scored


def confusion(outcomes: Iterable[RowOutcome]) -> dict[str, dict[str, int]]:
    """Gold sub-event type -> predicted sub-event type (or :data:`NO_EVENT`) -> rows."""
    table: dict[str, Counter[str]] = {}
    for o in outcomes:
        if o.gold.sub_event_type:
            predicted = o.predicted.sub_event_type.value if o.predicted else NO_EVENT
            table.setdefault(o.gold.sub_event_type, Counter())[predicted] += 1
    return {gold: dict(counts.most_common()) for gold, counts in table.items()}


def evaluate_acled(
    gold_csv: Path, settings: Settings, resources: Resources, *, pipeline: Pipeline | None = None
) -> AcledScores:
    """Run every gold row's notes through the pipeline and score the chosen events (module docs).

    ``pipeline`` defaults to the one :func:`frontlines.run.build_pipeline` makes from ``resources``
    (a test passes its own). Rows without notes are skipped and listed; a row whose text the readers
    reject (too short, not a language the settings read) is a miss. Raises ConfigError when the
    file cannot be read."""
    rows, columns = read_gold(gold_csv)
    pipeline = pipeline or build_pipeline(settings, resources)
    context = Context(settings.ingest, today=dt.date.max)
    outcomes: list[RowOutcome] = []
    skipped: list[str] = []
    for gold in rows:
        if not gold.notes:
            skipped.append(f"row {gold.row} ({gold.ident}): no notes")
            continue
        draft = Draft(origin=f"{gold_csv}:{gold.row}", text=gold.notes, published=gold.event_date)
        article = finish(draft, context)
        if isinstance(article, Rejection):
            outcomes.append(RowOutcome(gold, None, 0, f"[{article.code}] {article.detail}"))
            continue
        result = pipeline.run_one(article)
        if result.doc is None:
            reason = result.rejection.detail if result.rejection else "rejected"
            outcomes.append(RowOutcome(gold, None, 0, reason))
            continue
        events = result.doc.events
        outcomes.append(RowOutcome(gold, choose_event(gold, events), len(events)))
    figures, scored = score_outcomes(outcomes, columns)
    return AcledScores(
        gold_path=str(gold_csv),
        figures=figures,
        scored=scored,
        confusion=confusion(outcomes),
        outcomes=tuple(outcomes),
        skipped=tuple(skipped),
    )


def load_floors(path: Path) -> dict[str, float]:
    """The floors of a baseline TOML file (``figure = number``; ``fatalities_mae`` is a ceiling).
    Raises ConfigError for an unreadable file, an unknown figure or a value that is not a number."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read baseline {path}: {exc}", "fix the file or drop --baseline") from exc
    floors = {}
    for name, value in data.items():
        if name not in FIGURES:
            raise ConfigError(
                f"unknown figure '{name}' in baseline {path}", f"use one of: {', '.join(FIGURES)}"
            )
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"baseline {path}: {name} = {value!r} is not a number", "write e.g. 0.80")
        floors[name] = float(value)
    return floors

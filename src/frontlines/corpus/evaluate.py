"""Score event coding on the world corpus, honestly: leave-country-out, per register, sealed apart.

Protocol (``frontlines eval corpus``):

- **Leave-country-out.** The dev items' countries are dealt into :data:`FOLDS` groups (largest
  first, each to the lightest group), so every country's items are in exactly one group. For each
  group a classifier is trained on the team's sentences, the dev items of the *other* groups and real
  local news as non-events (LGL, no article of which holds a corpus item), and
  the pipeline codes that group's items with it. No item is ever coded by a model that saw its
  country.
- **Sealed.** The sealed items (:func:`frontlines.corpus.items.split_of`) are coded by a model trained
  on every dev item. Their figures are printed beside the dev figures and never used to choose
  anything.
- Each item's text runs through the whole pipeline as one article, published on the latest full date
  the text names (a report follows the events it tells), else on :data:`DEFAULT_PUBLISHED`. Of the
  events found, the one compared with the gold is chosen as in ``eval acled``.

Figures: detection recall (events found for event items), false alarms (non-event items that yield
an event), and over event items event-type accuracy, sub-event-type weighted F1, actor 1 and actor 2
(as ``eval acled`` compares them), fatalities exact. Every figure is given pooled and per register,
per source kind (real text, team-written) and per fold of countries.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from frontlines.config import Settings
from frontlines.corpus.frames import ArticleFrame, ArticleFrames
from frontlines.corpus.items import Corpus, CorpusItem
from frontlines.countries import country_code
from frontlines.evaluation.acled import GoldRow, RowOutcome, choose_event, score_outcomes
from frontlines.events.classifier import SubEventClassifier
from frontlines.events.training import corpus_training, news_training, team_sentences, train_classifier
from frontlines.ingest.dates import MONTHS
from frontlines.ingest.draft import Context, Draft, finish
from frontlines.model import Event, Rejection
from frontlines.run import Resources, build_pipeline

#: Groups of countries for leave-country-out.
FOLDS = 5
#: The publication date of an item whose text names no full date.
DEFAULT_PUBLISHED = dt.date(2024, 6, 15)
#: Figures reported, in order.
FIGURES = (
    "items",
    "detection_recall",
    "false_alarms",
    "event_type_accuracy",
    "sub_event_type_weighted_f1",
    "actor1_accuracy",
    "actor2_accuracy",
    "actor1_in_order",
    "fatalities_exact",
    "country_accuracy",
)
_MONTH = "|".join(sorted(MONTHS, key=lambda m: (-len(m), m)))
_YEAR = r"(?:,?\s+((?:19|20)\d\d))?"
#: An ordinal day ("17th"): its suffix.
_TH = r"(?:st|nd|rd|th)?"
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}}){_TH}\s+(?:of\s+)?({_MONTH})\b\.?{_YEAR}", re.IGNORECASE)
_MONTH_DAY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}){_TH}\b{_YEAR}", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\s+((?:19|20)\d\d)\b", re.IGNORECASE)


def published_for(text: str) -> dt.date:
    """When an item's report was published: the latest day the text names ("9 May 2020", "May 9,
    2020", "February 17th 1986"; a day without a year is of the year the text names last, else of the
    default's year), else the end of the latest month it names ("December 2020"), else
    :data:`DEFAULT_PUBLISHED`."""
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", text)]
    base = years[-1] if years else DEFAULT_PUBLISHED.year
    days = [(m[3], m[2], m[1]) for m in _DAY_MONTH.finditer(text)]
    days += [(m[3], m[1], m[2]) for m in _MONTH_DAY.finditer(text)]
    valid = []
    for year, month, day in days:
        with contextlib.suppress(ValueError):
            valid.append(dt.date(int(year) if year else base, MONTHS[month.lower()], int(day)))
    if valid:
        return max(valid)
    months = [(int(m[2]), MONTHS[m[1].lower()]) for m in _MONTH_YEAR.finditer(text)]
    if months:
        year, month = max(months)
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    return DEFAULT_PUBLISHED


def country_folds(items: Iterable[CorpusItem], folds: int = FOLDS) -> dict[str, int]:
    """Country -> fold: countries by size, largest first, each to the fold with fewest items so far
    (ties by fold number), so the folds are balanced and deterministic."""
    sizes: dict[str, int] = {}
    for item in items:
        sizes[item.country] = sizes.get(item.country, 0) + 1
    load = [0] * folds
    assignment = {}
    for country, size in sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0])):
        fold = min(range(folds), key=lambda f: (load[f], f))
        assignment[country] = fold
        load[fold] += size
    return assignment


def trainer(corpus: Corpus) -> Callable[[Sequence[CorpusItem]], SubEventClassifier]:
    """How the pipeline's classifier is trained, on given corpus items: the team's sentences, the
    items, and real local news as non-events from articles none of ``corpus``'s items comes from."""
    news = news_training(corpus)

    def train_on(items: Sequence[CorpusItem]) -> SubEventClassifier:
        return train_classifier(team_sentences() + corpus_training(items) + news)

    return train_on


@dataclass(frozen=True, slots=True)
class ItemOutcome:
    """One item, the events the pipeline found in it, and the one compared with the gold."""

    item: CorpusItem
    fold: int | None
    outcome: RowOutcome


def _gold(item: CorpusItem, row: int) -> GoldRow:
    return GoldRow(
        row=row,
        ident=item.id,
        notes=item.text,
        event_type=item.event_type,
        sub_event_type=item.sub_event_type.value if item.sub_event_type else None,
        actor1=item.actor1,
        actor2=item.actor2 or "",
        fatalities=item.fatalities,
    )


def code_items(
    items: Sequence[CorpusItem],
    settings: Settings,
    resources: Resources,
    fold: int | None = None,
    frames: ArticleFrames | None = None,
) -> list[ItemOutcome]:
    """Run each item through the pipeline built from ``resources`` and pick its compared event. With
    ``frames``, each item is read inside its article (items without one are skipped) and only the
    events told in its sentence are its own."""
    pipeline = build_pipeline(settings, resources)
    context = Context(settings.ingest, today=dt.date.max)
    docs: dict[tuple[str, dt.date], list[Event] | str] = {}

    def events_of(text: str, published: dt.date) -> list[Event] | str:
        """The events of one article (run once however many items it holds), or why it was rejected."""
        if (text, published) not in docs:
            article = finish(Draft(origin=f"corpus:{len(docs)}", text=text, published=published), context)
            if isinstance(article, Rejection):
                docs[text, published] = article.detail
            else:
                doc = pipeline.run_one(article).doc
                docs[text, published] = doc.events if doc is not None else []
        return docs[text, published]

    outcomes = []
    for row, item in enumerate(items, 1):
        gold = _gold(item, row)
        frame = ArticleFrame(item.text, 0, None) if frames is None else frames.of(item)
        if frame is None:
            continue
        found = events_of(frame.text, frame.published or published_for(item.text))
        if isinstance(found, str):
            outcomes.append(ItemOutcome(item, fold, RowOutcome(gold, None, 0, found)))
            continue
        told = found
        if frames is not None:
            span = (frame.offset, frame.offset + len(item.text))
            found, told = told_in(found, *span, ("event", "location")), first_told_in(found, *span)
        outcomes.append(ItemOutcome(item, fold, RowOutcome(gold, choose_event(gold, found), len(told))))
    return outcomes


def first_told_in(events: Sequence[Event], start: int, end: int) -> list[Event]:
    """The events first told in ``[start, end)`` of their article: a sentence that retells an event
    told before ("condemning the air strike") adds its words to that event and is no false alarm."""
    firsts = [(e, next((x for x in e.evidence if x.field == "event"), None)) for e in events]
    return [e for e, x in firsts if x is not None and x.start < end and start < x.end]


def told_in(events: Sequence[Event], start: int, end: int, fields: Sequence[str]) -> list[Event]:
    """The events whose evidence of ``fields`` overlaps ``[start, end)`` of their article: ``event``,
    the sentence that tells them (which may open with the article's dateline); ``location``, the words
    that place them (a sentence that retells an event the article told first is merged into that event
    and places it). An item's event is one told or placed in its sentence."""
    return [
        e for e in events if any(x.field in fields and x.start < end and start < x.end for x in e.evidence)
    ]


def leave_country_out(
    corpus: Corpus,
    settings: Settings,
    resources: Resources,
    train: Callable[[Sequence[CorpusItem]], SubEventClassifier] | None = None,
    frames: ArticleFrames | None = None,
) -> list[ItemOutcome]:
    """Every dev item coded by a model trained without its country's fold (module docs); with
    ``frames``, those that have an article, read in it."""
    train = train or trainer(corpus)
    dev = corpus.split("dev")
    folds = country_folds(dev)
    outcomes: list[ItemOutcome] = []
    for fold in range(FOLDS):
        held = [item for item in dev if folds[item.country] == fold]
        model = train([item for item in dev if folds[item.country] != fold])
        outcomes += code_items(held, settings, replace(resources, classifier=model), fold, frames)
    return outcomes


def sealed(
    corpus: Corpus,
    settings: Settings,
    resources: Resources,
    train: Callable[[Sequence[CorpusItem]], SubEventClassifier] | None = None,
    frames: ArticleFrames | None = None,
) -> list[ItemOutcome]:
    """The sealed items coded by a model trained on every dev item (with ``frames``: as above)."""
    train = train or trainer(corpus)
    model = train(corpus.split("dev"))
    return code_items(corpus.split("sealed"), settings, replace(resources, classifier=model), frames=frames)


def figures(outcomes: Sequence[ItemOutcome]) -> dict[str, float | None]:
    """The :data:`FIGURES` of a set of outcomes (``None`` where nothing was scored)."""
    events = [o for o in outcomes if o.item.is_event]
    negatives = [o for o in outcomes if not o.item.is_event]
    result: dict[str, float | None] = dict.fromkeys(FIGURES)
    result["items"] = float(len(outcomes))
    if events:
        result["detection_recall"] = sum(o.outcome.predicted is not None for o in events) / len(events)
        scored, _ = score_outcomes(
            [o.outcome for o in events], {"event_type", "sub_event_type", "actor1", "actor2", "fatalities"}
        )
        for name in FIGURES[3:-1]:
            result[name] = scored.get(name)
        result["country_accuracy"] = sum(right_country(o) for o in events) / len(events)
    if negatives:
        result["false_alarms"] = sum(o.outcome.events_found > 0 for o in negatives) / len(negatives)
    return result


def right_country(outcome: ItemOutcome) -> bool:
    """The event found is placed in the item's country (names or codes, spelled either way); a
    miss is wrong, like every other field's."""
    predicted = outcome.outcome.predicted
    if predicted is None:
        return False
    return country_code(predicted.country) == country_code(outcome.item.country)


def breakdown(outcomes: Sequence[ItemOutcome]) -> dict[str, dict[str, float | None]]:
    """Figures pooled, then per register, per source kind and per fold."""
    groups: dict[str, list[ItemOutcome]] = {"all": list(outcomes)}
    for o in outcomes:
        groups.setdefault(f"register {o.item.register}", []).append(o)
        groups.setdefault("team-written" if o.item.team_written else "real text", []).append(o)
        if o.fold is not None:
            groups.setdefault(f"fold {o.fold}", []).append(o)
    return {name: figures(group) for name, group in sorted(groups.items(), key=lambda kv: kv[0] != "all")}

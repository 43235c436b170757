"""Figures of the sentence classifier of ACLED sub-event types (issue 4, the cascade's second step).

1. Cross-validation on the team's sentences (``src/frontlines/data/training/sentences.tsv``).
2. A held-out check on the golden examples: for each expected event of ``tests/golden/*.toml``, its
   event sentence is the first sentence of the article that contains the event's ``location`` (or a
   ``location_alt``) and is not already another event's, labelled with the event's
   ``sub_event_type`` (four events whose sentence does not name their place are found by a phrase,
   :data:`SENTENCE_HINTS`); every sentence of a case with ``no_events`` is labelled "none". The
   classifier alone labels them; the trigger rules' choice (highest-priority trigger of the
   sentence) is printed beside it for comparison.
3. Training time, model size, load time and prediction speed (sentences per second).

Run: ``.venv/bin/python bench/classifier.py [--grid] [--verbose]``. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import tempfile
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

from frontlines.config import IngestSettings
from frontlines.events.classifier import SubEventClassifier, label_name
from frontlines.events.training import SCORE_SCALE, C, cross_validate, team_data, train_classifier
from frontlines.events.triggers import find_triggers, is_territorial, priority
from frontlines.ingest import read_inputs
from frontlines.model import EVENT_TYPE_OF, Article, SubEventType
from frontlines.text import clean, split_sentences

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
FAKES = ROOT.parent / "shared" / "data" / "fakes" / "FA-KES-Dataset.csv"
FAKES_MAP = {"text": "article_content", "published": "date", "title": "article_title", "id": "unit_id"}
TODAY = dt.date(2026, 1, 1)
#: Events whose sentence does not name the event's place: (case, sub-event type) -> a phrase of it.
SENTENCE_HINTS = {
    ("homs-al-zara-2014", "Armed clash"): "Fighting for the town began",
    ("wire-yarmouk-2016", "Armed clash"): "also clashed",
    ("damascus-midan-suicide-bomb-2012", "Disrupted weapons use"): "second bomb",
    ("fakes-1923848148-aleppo-bab-al-nayrab-2016", "Shelling/artillery/missile attack"): "rebel fire",
}
TERRITORIAL = {"Government regains territory", "Non-state actor overtakes territory"}


def _articles(case: dict, tmp: Path) -> list[Article]:
    if "fakes_unit_id" in case:
        if not FAKES.exists():
            return []
        with FAKES.open(encoding="utf-8", errors="replace", newline="") as fh:
            row = next(r for r in csv.DictReader(fh) if r["unit_id"] == str(case["fakes_unit_id"]))
        one = tmp / "one.csv"
        with one.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(row))
            writer.writeheader()
            writer.writerow(row)
        paths, field_map = [one], FAKES_MAP
    else:
        paths, field_map = [ROOT / case["input"]], None
    found = [
        a
        for a in read_inputs(paths, IngestSettings(), field_map=field_map, today=TODAY)
        if isinstance(a, Article)
    ]
    if "record" in case:
        record = str(case["record"])
        found = [a for a in found if record in {a.article_id, str(a.extra.get("id")), a.url or ""}]
    return found


def golden_sentences() -> Iterator[tuple[str, str, str]]:
    """``(case, gold label, sentence)`` for every event sentence and no-event sentence found."""
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(GOLDEN.glob("*.toml")):
            case = tomllib.loads(path.read_text(encoding="utf-8"))
            articles = _articles(case, Path(tmp))
            if len(articles) != 1:
                continue
            text = clean(articles[0].text).text
            sentences = [text[s:e] for s, e in split_sentences(text)]
            if case.get("no_events"):
                for sentence in sentences:
                    yield path.stem, "none", sentence
            used: set[str] = set()
            for event in case.get("event", []):
                hint = SENTENCE_HINTS.get((path.stem, event["sub_event_type"]))
                names = [hint] if hint else [event["location"], *event.get("location_alt", [])]
                hit = next(
                    (
                        s
                        for s in sentences
                        if s not in used and any(n.casefold() in s.casefold() for n in names)
                    ),
                    None,
                )
                if hit is not None:
                    used.add(hit)
                    yield path.stem, event["sub_event_type"], hit


def _rules(sentence: str) -> str:
    triggers = find_triggers(sentence)
    if not triggers:
        return "none"
    top = max(triggers, key=priority)
    return "(territorial)" if is_territorial(top) else top.sub_event_type.value


def _event_type(name: str) -> str:
    return "none" if name == "none" else EVENT_TYPE_OF[SubEventType(name)].value


def held_out(model: SubEventClassifier, verbose: bool) -> None:
    rows = list(golden_sentences())
    predicted = model.predict([s for _, _, s in rows])
    sub_ok = type_ok = rules_ok = 0
    for (case, gold, sentence), (label, p) in zip(rows, predicted, strict=True):
        name, rule = label_name(label), _rules(sentence)
        sub_ok += name == gold
        type_ok += _event_type(name) == _event_type(gold)
        rules_ok += rule == gold or (rule == "(territorial)" and gold in TERRITORIAL)
        if verbose or name != gold:
            mark = "ok " if name == gold else "BAD"
            print(f"  {mark} {case}: gold {gold} | classifier {name} ({p:.2f}) | rules {rule}")
            print(f"      {sentence[:150]}")
    n = len(rows)
    events = sum(1 for _, gold, _ in rows if gold != "none")
    print(
        f"held-out golden sentences: {n} ({events} event sentences, {n - events} from no-event articles); "
        f"sub-event type {sub_ok}/{n} = {sub_ok / n:.2f}, event type {type_ok}/{n} = {type_ok / n:.2f}; "
        f"trigger rules alone {rules_ok}/{n} = {rules_ok / n:.2f}"
    )
    for threshold in (0.5, 0.7, 0.9):
        kept = [
            (gold, label_name(lab))
            for (_, gold, _), (lab, p) in zip(rows, predicted, strict=True)
            if p >= threshold
        ]
        right = sum(g == name for g, name in kept)
        print(f"  confidence >= {threshold}: {len(kept)}/{n} sentences, {right}/{max(len(kept), 1)} right")


def speed(model: SubEventClassifier) -> None:
    sentences: list[str] = []
    if FAKES.exists():
        with FAKES.open(encoding="utf-8", errors="replace", newline="") as fh:
            for row in csv.DictReader(fh):
                text = clean(row["article_content"]).text
                sentences.extend(text[s:e] for s, e in split_sentences(text))
        source = "FA-KES articles"
    else:
        sentences = list(team_data().texts) * 5
        source = "team sentences x5"
    start = time.perf_counter()
    model.predict(sentences)
    seconds = time.perf_counter() - start
    print(
        f"prediction: {len(sentences)} sentences of {source} in {seconds:.2f} s "
        f"= {len(sentences) / seconds:,.0f}/s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--grid", action="store_true", help="cross-validate a grid of C and scale")
    parser.add_argument("--verbose", action="store_true", help="print every held-out sentence")
    args = parser.parse_args()
    data = team_data()
    print(f"team sentences: {len(data.texts)}; per label: {data.counts()}")
    grid = [(c, s) for c in (0.5, 1.0, 2.0) for s in (4.0, 8.0, 12.0)] if args.grid else [(C, SCORE_SCALE)]
    for c, scale in grid:
        cv = cross_validate(data, 5, c=c, scale=scale)
        print(
            f"5-fold CV (C={c}, scale={scale}): accuracy {cv.accuracy:.3f}, "
            f"weighted F1 {cv.weighted_f1:.3f}, macro F1 {cv.macro_f1:.3f}, "
            f"event type {cv.event_type_accuracy:.3f}, log-loss {cv.log_loss:.3f}"
        )
        print(
            "  " + "; ".join(f">={t:.2f}: {share:.0%} kept, acc {acc:.3f}" for t, share, acc in cv.thresholds)
        )
    if not args.grid:
        for s in cv.per_class:
            print(f"  {s.label:37s} P {s.precision:.2f}  R {s.recall:.2f}  F1 {s.f1:.2f}  n {s.support}")
    start = time.perf_counter()
    model = train_classifier(data)
    train_s = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.npz"
        model.save(path)
        start = time.perf_counter()
        model = SubEventClassifier.load(path)
        load_s = time.perf_counter() - start
        size = path.stat().st_size
    print(
        f"training: {train_s:.2f} s; model: {size / 1e6:.2f} MB, {len(model.feature_names)} features; "
        f"load: {load_s:.2f} s"
    )
    held_out(model, args.verbose)
    speed(model)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Scoring the merge against a dedup gold set: pairwise precision/recall/F1 and B-cubed F1.

The gold file (TOML) has ``[[article]]`` entries (``id``, ``group``, ``text``, optional ``source``,
``published``, ``title``) and ``[[fakes]]`` entries (``unit_id``, ``group``) that reference FA-KES
articles by id; their text is read from the FA-KES CSV and they are skipped when it is absent.

Each article runs through the pipeline; its events are merged with everyone else's. Two articles are
*predicted* the same event when their events share a canonical event (the partition is the connected
components of that relation; an article with no event is alone); two articles are *gold* the same
event when they have one ``group``. Scores are over article pairs (pairwise) and per article (B-cubed,
Bagga and Baldwin 1998).
"""

from __future__ import annotations

import csv
import datetime as dt
import tomllib
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from frontlines.config import Settings
from frontlines.errors import ConfigError
from frontlines.ingest.dates import parse_published
from frontlines.merge.cluster import merge_events
from frontlines.model import Article, Event
from frontlines.run import Resources, build_pipeline


@dataclass(frozen=True, slots=True)
class ClusterScores:
    """Pairwise and B-cubed precision, recall and F1 of a predicted partition against the gold one."""

    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    items: int
    gold_pairs: int
    predicted_pairs: int


@dataclass(frozen=True, slots=True)
class MergeEvaluation:
    """The scores, plus what was read and skipped."""

    scores: ClusterScores
    articles: int
    articles_without_event: int
    canonical_events: int
    skipped: tuple[str, ...]
    predicted: Mapping[str, int]
    gold: Mapping[str, str]


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def score_clusters(gold: Mapping[str, str], predicted: Mapping[str, object]) -> ClusterScores:
    """Compare two partitions of the same items (item -> cluster label). An empty pair set scores 1."""
    items = sorted(gold)
    if set(items) != set(predicted):
        raise ValueError("gold and predicted partitions cover different items")
    gold_pairs = {(a, b) for a, b in combinations(items, 2) if gold[a] == gold[b]}
    pred_pairs = {(a, b) for a, b in combinations(items, 2) if predicted[a] == predicted[b]}
    both = len(gold_pairs & pred_pairs)
    p = both / len(pred_pairs) if pred_pairs else 1.0
    r = both / len(gold_pairs) if gold_pairs else 1.0
    gold_members: dict[str, set[str]] = defaultdict(set)
    pred_members: dict[object, set[str]] = defaultdict(set)
    for item in items:
        gold_members[gold[item]].add(item)
        pred_members[predicted[item]].add(item)
    bp = br = 0.0
    for item in items:
        g, q = gold_members[gold[item]], pred_members[predicted[item]]
        overlap = len(g & q)
        bp += overlap / len(q)
        br += overlap / len(g)
    n = len(items) or 1
    bp, br = bp / n, br / n
    return ClusterScores(p, r, _f1(p, r), bp, br, _f1(bp, br), len(items), len(gold_pairs), len(pred_pairs))


def load_dedup_gold(path: Path, fakes_csv: Path | None) -> tuple[list[Article], dict[str, str], list[str]]:
    """The gold file's articles, their groups (article id -> group) and what was skipped (and why)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(
            f"cannot read dedup gold {path}: {exc}", "pass a TOML file like tests/merge/dedup.toml"
        ) from exc
    articles: list[Article] = []
    groups: dict[str, str] = {}
    skipped: list[str] = []
    for entry in data.get("article", []):
        try:
            ident, group, text = str(entry["id"]), str(entry["group"]), str(entry["text"])
        except KeyError as exc:
            raise ConfigError(f"{path}: an [[article]] lacks {exc}", "give id, group and text") from exc
        published = entry.get("published")
        if isinstance(published, str):
            published = dt.date.fromisoformat(published)
        articles.append(
            Article(ident, text, f"{path}#{ident}", entry.get("title"), published, entry.get("source"))
        )
        groups[ident] = group
    wanted = {str(e["unit_id"]): str(e["group"]) for e in data.get("fakes", [])}
    if wanted:
        if fakes_csv is None or not fakes_csv.exists():
            skipped.append(f"{len(wanted)} FA-KES articles: {fakes_csv} is absent")
        else:
            found = _read_fakes(fakes_csv, set(wanted))
            for unit_id in sorted(wanted):
                if unit_id not in found:
                    skipped.append(f"FA-KES unit_id {unit_id}: not in {fakes_csv}")
                    continue
                articles.append(found[unit_id])
                groups[found[unit_id].article_id] = wanted[unit_id]
    return articles, groups, skipped


def _read_fakes(path: Path, wanted: set[str]) -> dict[str, Article]:
    found: dict[str, Article] = {}
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.DictReader(fh):
            unit_id = row.get("unit_id", "")
            if unit_id in wanted:
                found[unit_id] = Article(
                    f"fakes:{unit_id}",
                    row.get("article_content", ""),
                    f"{path}#{unit_id}",
                    row.get("article_title"),
                    parse_published(row.get("date", "")),
                    row.get("source"),
                )
    return found


def evaluate_merge(
    gold_path: Path, settings: Settings, resources: Resources, fakes_csv: Path | None = None
) -> MergeEvaluation:
    """Run the gold articles through the pipeline, merge all their events, and score the partition."""
    articles, gold, skipped = load_dedup_gold(gold_path, fakes_csv)
    if not articles:
        raise ConfigError(f"dedup gold {gold_path} has no articles", "add [[article]] or [[fakes]] entries")
    pipeline = build_pipeline(settings, resources)
    events: list[Event] = []
    with_event: set[str] = set()
    for result in pipeline.run_many(articles):
        if result.doc is not None:
            events += result.doc.events
            with_event.update(a for e in result.doc.events for a in e.article_ids)
    canonical = merge_events(events)
    ids = sorted(gold)
    parent = {a: a for a in ids}

    def find(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for canon in canonical:
        members = sorted(a for a in canon.event.article_ids if a in parent)
        for other in members[1:]:
            ra, rb = find(members[0]), find(other)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    roots = sorted({find(a) for a in ids})
    label = {root: i for i, root in enumerate(roots)}
    predicted = {a: label[find(a)] for a in ids}
    return MergeEvaluation(
        scores=score_clusters(gold, predicted),
        articles=len(ids),
        articles_without_event=len(set(ids) - with_event),
        canonical_events=len(canonical),
        skipped=tuple(skipped),
        predicted=predicted,
        gold=gold,
    )

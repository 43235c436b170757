"""Scoring a merge against a dedup gold set."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.merge.evaluate import load_dedup_gold, score_clusters
from helpers import FAKES_CSV, ROOT, needs_fakes

DEDUP = ROOT / "tests" / "merge" / "dedup.toml"


@pytest.mark.parametrize(
    ("gold", "predicted", "pairwise", "bcubed"),
    [
        ({"a": 1, "b": 1, "c": 2}, {"a": 1, "b": 1, "c": 2}, (1.0, 1.0, 1.0), (1.0, 1.0, 1.0)),
        # everything apart: no predicted pair (precision 1 by convention), recall 0
        ({"a": 1, "b": 1, "c": 2}, {"a": 1, "b": 2, "c": 3}, (1.0, 0.0, 0.0), (1.0, 2 / 3, 0.8)),
        # everything together: one right pair of three
        ({"a": 1, "b": 1, "c": 2}, {"a": 1, "b": 1, "c": 1}, (1 / 3, 1.0, 0.5), (5 / 9, 1.0, 5 / 7)),
    ],
)
def test_merge_eval_scores(gold: dict, predicted: dict, pairwise: tuple, bcubed: tuple) -> None:
    s = score_clusters({k: str(v) for k, v in gold.items()}, predicted)
    assert (s.pairwise_precision, s.pairwise_recall, s.pairwise_f1) == pytest.approx(pairwise)
    assert (s.bcubed_precision, s.bcubed_recall, s.bcubed_f1) == pytest.approx(bcubed)


def test_merge_eval_gold_written_articles_load() -> None:
    articles, groups, skipped = load_dedup_gold(DEDUP, Path("/nonexistent/fakes.csv"))
    assert len({a.article_id for a in articles}) == len(articles) >= 20
    assert all(a.published is not None and a.source for a in articles)
    assert any("FA-KES" in line for line in skipped)
    sizes = sorted(list(groups.values()).count(g) for g in set(groups.values()))
    assert sizes[0] == 1 and sizes[-1] >= 3  # decoys and multi-outlet groups


@needs_fakes
def test_merge_eval_gold_fakes_references_resolve() -> None:
    articles, _, skipped = load_dedup_gold(DEDUP, FAKES_CSV)
    assert skipped == []
    assert sum(a.article_id.startswith("fakes:") for a in articles) >= 15


@pytest.mark.parametrize(
    ("content", "message"),
    [("not = [toml", "cannot read dedup gold"), ("[[article]]\nid = 'a'\n", "lacks")],
)
def test_merge_eval_broken_gold_is_a_one_line_usage_error(tmp_path: Path, content: str, message: str) -> None:
    from frontlines.errors import ConfigError

    gold = tmp_path / "gold.toml"
    gold.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as caught:
        load_dedup_gold(gold, None)
    assert "\n" not in str(caught.value)

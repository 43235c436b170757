"""Weighted and macro F1 add their labels in one order, so a figure never depends on the hash seed."""

from __future__ import annotations

import os
import subprocess
import sys

_SCRIPT = """
from frontlines.evaluation.acled import f1_scores
labels = [f"type {i}" for i in range(40)]
gold = [labels[(i * 7) % 40] for i in range(400)]
predicted = [labels[(i * 11) % 40] if i % 3 else gold[i] for i in range(400)]
print(repr(f1_scores(gold, predicted)))
"""


def _figures(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def test_f1_scores_do_not_depend_on_the_hash_seed() -> None:
    assert len({_figures(seed) for seed in ("1", "2", "3", "4")}) == 1

"""The table `frontlines eval corpus` prints: one head per figure, over its column."""

from __future__ import annotations

from frontlines.cli.eval_corpus import _print_table
from frontlines.corpus.evaluate import FIGURES


def test_table_heads_every_figure_over_its_own_column(capsys) -> None:
    figures = dict.fromkeys(FIGURES, 0.5) | {"items": 10.0, "actor1_in_order": 0.25}
    _print_table("title", {"all": figures})
    _, head, row = capsys.readouterr().out.splitlines()
    heads, cells = head.split()[1:], row.split()[1:]
    assert len(heads) == len(cells) == len(FIGURES)
    assert cells[heads.index("a1-order")] == "0.250"

"""Cutting the input into partitions: sizes, duplicates dropped as ingest does, stored articles apart."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.distributed.partitions import CutCounts, cut
from frontlines.ingest import article_id
from frontlines.model import Article, Rejection


def art(text: str) -> Article:
    ident = article_id(text=text, title=None, published=dt.date(2024, 1, 1), source="Wire")
    return Article(ident, text, origin=f"file:{text}", published=dt.date(2024, 1, 1), source="Wire")


def test_cut_makes_partitions_of_the_size_in_input_order() -> None:
    records = [art(f"a{i}") for i in range(7)]
    parts = list(cut(records, 3))
    assert [len(p.articles) for p in parts] == [3, 3, 1]
    assert [p.index for p in parts] == [0, 1, 2]
    assert [a for p in parts for a in p.articles] == records


def test_cut_drops_repeats_with_their_origins_and_sets_stored_articles_apart() -> None:
    a, b, c, d = (art(x) for x in "abcd")
    again = Article(a.article_id, a.text, origin="other:a", published=a.published, source=a.source)
    rejection = Rejection("bad.bin", "ingest", "binary", "not text")
    counts = CutCounts()
    stored = {b.article_id}
    parts = list(cut([a, b, again, rejection, c, d], 2, known=lambda ids: stored & set(ids), counts=counts))
    assert [[x.text for x in p.articles] for p in parts] == [["a"], ["c", "d"]]
    assert [[x.text for x in p.stored] for p in parts] == [["b"], []]
    assert parts[1].rejections == (rejection,)
    assert counts.duplicates == 1 and counts.repeats == {a.article_id: ["other:a"]}


def test_partition_digest_tells_stored_articles_from_new_ones() -> None:
    a = art("a")
    assert next(cut([a], 5)).digest != next(cut([a], 5, known=lambda ids: set(ids))).digest


def test_cut_keeps_rejections_of_an_input_without_articles() -> None:
    rejection = Rejection("empty.txt", "ingest", "empty", "no text")
    parts = list(cut([rejection], 5))
    assert len(parts) == 1 and parts[0].articles == () and parts[0].rejections == (rejection,)


def test_partition_digest_depends_on_its_articles_only() -> None:
    first = next(cut([art("x"), art("y")], 5))
    again = next(cut([art("x"), art("y")], 5))
    other = next(cut([art("x"), art("z")], 5))
    assert first.digest == again.digest != other.digest


def test_cut_refuses_a_size_below_one() -> None:
    with pytest.raises(ValueError, match="below 1"):
        list(cut([art("a")], 0))

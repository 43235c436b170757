"""The geoparsing scorer: reading the LGL/TR-News XML format, span matching, the figures."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from frontlines.errors import InputError
from frontlines.evaluation.geoparse import (
    MAX_ERROR_KM,
    auc_of_errors,
    distance_km,
    evaluate_gold,
    find_phrase,
    match_article,
    read_gold,
)
from frontlines.geo.toponyms import Toponym

GOLD_XML = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="a1">
    <text><![CDATA[Fire in Alexandria. Police from Pineville came. Smith Street was closed.]]></text>
    <toponyms>
      <toponym><start>8</start><end>18</end><phrase>Alexandria</phrase>
        <gaztag geonameid="4314550"><fcode>PPL</fcode><lat>31.3113</lat><lon>-92.4451</lon></gaztag></toponym>
      <toponym><start>32</start><end>41</end><phrase>Pineville</phrase>
        <gaztag geonameid="4338012"><fcode>PPL</fcode><lat>31.3224</lat><lon>-92.4343</lon></gaztag></toponym>
      <toponym><start>48</start><end>60</end><phrase>Smith Street</phrase></toponym>
    </toponyms>
  </article>
  <article docid="a2">
    <text><![CDATA[Talks in Cairo.]]></text>
    <toponyms>
      <toponym><start>9</start><end>14</end><phrase>Cairo</phrase>
        <gaztag geonameid="360630"><lat>30.0626</lat><lon>31.2497</lon></gaztag></toponym>
    </toponyms>
  </article>
</articles>
"""


def _toponym(article_id: str, start: int, end: int, lat: float, lon: float) -> Toponym:
    return Toponym(article_id, start, end, "x", "x", lat, lon, "US", None, "city", None, 1, 1.0, "other")


@pytest.fixture
def gold_path(tmp_path: Path) -> Path:
    path = tmp_path / "gold.xml"
    path.write_text(GOLD_XML, encoding="utf-8")
    return path


def test_geoparse_eval_reads_gold_and_skips_toponyms_without_coordinates(gold_path: Path) -> None:
    articles = read_gold(gold_path)
    assert [a.article_id for a in articles] == ["a1", "a2"]
    assert [t.phrase for t in articles[0].toponyms] == ["Alexandria", "Pineville"]
    assert articles[0].skipped == ((48, 60),)
    assert articles[0].text[8:18] == "Alexandria"
    assert articles[0].toponyms[0].geonameid == 4314550


@pytest.mark.parametrize("content", ["<articles><article>", "not xml at all"])
def test_geoparse_eval_unreadable_gold_is_an_input_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.xml"):
        read_gold(path)


def test_geoparse_eval_scores_recognition_and_resolution(gold_path: Path) -> None:
    articles = read_gold(gold_path)
    predictions = {
        "a1": [
            _toponym("a1", 8, 18, 31.31, -92.45),  # right place
            _toponym("a1", 32, 41, 38.80, -77.05),  # overlapping span, wrong place (Virginia)
            _toponym("a1", 48, 53, 31.0, -92.0),  # overlaps the gold span without coordinates: ignored
            _toponym("a1", 0, 4, 31.0, -92.0),  # no gold span: a false positive
        ],
        "a2": [],  # Cairo missed
    }
    scores, matches = evaluate_gold("tiny", articles, lambda article_id, _text: predictions[article_id])
    assert (scores.gold, scores.predicted, scores.matched) == (3, 3, 2)
    assert scores.precision == pytest.approx(2 / 3)
    assert scores.recall == pytest.approx(2 / 3)
    assert scores.f1 == pytest.approx(2 / 3)
    assert scores.accuracy_161 == pytest.approx(1 / 3)  # the miss counts as wrong
    far = distance_km(31.3224, -92.4343, 38.80, -77.05)
    near = distance_km(31.3113, -92.4451, 31.31, -92.45)
    assert scores.median_km == pytest.approx((far + near) / 2)  # misses excluded
    assert scores.mean_km == pytest.approx((far + near) / 2)
    assert scores.auc == pytest.approx(auc_of_errors([near, far, MAX_ERROR_KM]))
    assert scores.skipped_without_coordinates == 1
    assert matches[1].errors == (None,)


@pytest.mark.parametrize(
    "errors, expected",
    [
        ([0.0, 0.0], 0.0),
        ([MAX_ERROR_KM, MAX_ERROR_KM], 1.0),
        ([0.0, MAX_ERROR_KM], 0.5),
        (
            [0.0, 99.0, MAX_ERROR_KM],
            (math.log(100) / 2 + (math.log(100) + math.log1p(MAX_ERROR_KM)) / 2)
            / (2 * math.log(MAX_ERROR_KM)),
        ),
    ],
)
def test_geoparse_eval_auc_is_the_normalised_area_under_sorted_log_errors(
    errors: list[float], expected: float
) -> None:
    assert auc_of_errors(errors) == pytest.approx(expected, abs=1e-3)


def test_geoparse_eval_each_span_matches_once(gold_path: Path) -> None:
    article = read_gold(gold_path)[0]
    twice = [_toponym("a1", 8, 12, 31.31, -92.45), _toponym("a1", 12, 18, 31.31, -92.45)]
    match = match_article(article, twice)
    assert match.errors[0] is not None and len(match.false_positives) == 1


DRIFTED_XML = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="d1">
    <text><![CDATA[In Ontario, donors are few.
Ontario's largest cities, Toronto and Ottawa, have the fewest. Smith Street is quiet.]]></text>
    <toponyms>
      <toponym><start>3</start><end>10</end><phrase>Ontario</phrase>
        <gaztag geonameid="6093943"><lat>49.25</lat><lon>-84.5</lon></gaztag></toponym>
      <toponym><start>30</start><end>37</end><phrase>Ontario</phrase>
        <gaztag geonameid="6093943"><lat>49.25</lat><lon>-84.5</lon></gaztag></toponym>
      <toponym><start>56</start><end>63</end><phrase>Toronto</phrase>
        <gaztag geonameid="6167865"><lat>43.7</lat><lon>-79.42</lon></gaztag></toponym>
      <toponym><start>93</start><end>105</end><phrase>Smith Street</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""


def test_geoparse_eval_moves_drifted_gold_spans_onto_their_phrase(tmp_path: Path) -> None:
    """Offsets counted on a text with two more characters than the XML's (the second "Ontario" is
    stated at 30, written at 28) are moved onto the phrase; the drift carries to the spans after."""
    path = tmp_path / "drifted.xml"
    path.write_text(DRIFTED_XML, encoding="utf-8")
    (article,) = read_gold(path)
    assert [article.text[t.start : t.end] for t in article.toponyms] == ["Ontario", "Ontario", "Toronto"]
    assert [t.start for t in article.toponyms] == [3, 28, 54]
    assert article.realigned == 2
    start, end = article.skipped[0]
    assert article.text[start:end] == "Smith Street"


@pytest.mark.parametrize(
    "text, phrase, start, drift, expected",
    [
        ("Ontario, Ontario, Ontario", "Ontario", 9, 0, 9),  # at its offsets: unchanged
        ("Ontario, Ontario, Ontario", "Ontario", 11, 0, 9),  # the nearest occurrence
        ("Ontario, Ontario, Ontario", "Ontario", 11, 6, 18),  # ... to where the drift so far points
        ("Toronto", "Ontario", 0, 0, None),  # not in the text: left as it is
    ],
)
def test_geoparse_eval_find_phrase(
    text: str, phrase: str, start: int, drift: int, expected: int | None
) -> None:
    assert find_phrase(text, phrase, start, drift) == expected

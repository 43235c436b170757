"""The cleaning and sentence stages as the pipeline runs them, and language identification."""

from __future__ import annotations

import pytest

from frontlines.errors import PipelineError
from frontlines.model import Article, Doc, Rejection
from frontlines.pipeline import Pipeline
from frontlines.text import (
    MIN_CLEAN_CHARS,
    clean_stage,
    detect_language,
    language_name,
    make_clean_stage,
    sentence_stage,
)

TEXT = (
    "By John Smith, Reuters\nGovernment forces shelled the town of Saraqib on Monday,killing three "
    "civilians. Mr. Hassan, a resident, said the U.S. envoy arrived later.\n\nSource: News Agencies"
)


def article(text: str) -> Article:
    return Article(article_id="a" * 16, text=text, origin="test.txt", language="en")


def test_text_stages_clean_then_split_with_evidence_offsets() -> None:
    result = Pipeline([clean_stage, sentence_stage]).run_one(article(TEXT))
    assert result.rejection is None and result.doc is not None
    doc = result.doc
    assert doc.text == (
        "Government forces shelled the town of Saraqib on Monday, killing three civilians. "
        "Mr. Hassan, a resident, said the U.S. envoy arrived later."
    )
    assert [doc.text[s:e] for s, e in doc.sentences] == [
        "Government forces shelled the town of Saraqib on Monday, killing three civilians.",
        "Mr. Hassan, a resident, said the U.S. envoy arrived later.",
    ]
    start, end = doc.sentences[0]
    evidence = doc.evidence("sentence", start, end)
    assert evidence.quote == TEXT[evidence.start : evidence.end]
    assert evidence.quote.startswith("Government forces") and "Monday,killing" in evidence.quote


def test_text_stages_sentences_before_clean_fails_when_built() -> None:
    with pytest.raises(PipelineError, match="requires"):
        Pipeline([sentence_stage, clean_stage])


@pytest.mark.parametrize(
    "text",
    ["Photo: Smoke over the town (AFP)\nSign up for our newsletter\n", "Five killed. --Reuters", "   "],
)
def test_text_clean_stage_rejects_too_little_text(text: str) -> None:
    out = clean_stage(Doc(article=article(text)))
    assert isinstance(out, Rejection)
    assert (out.stage, out.code, out.article_id) == ("clean", "empty", "a" * 16)
    assert f"minimum {MIN_CLEAN_CHARS}" in out.detail


def test_text_make_clean_stage_threshold() -> None:
    doc = Doc(article=article("Five killed in shelling."))
    assert isinstance(make_clean_stage(10)(doc), Doc)
    assert isinstance(make_clean_stage(30)(doc), Rejection)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Government forces shelled the town on Thursday, killing five civilians.", "en"),
        ("Les forces gouvernementales ont bombardé la ville jeudi, tuant cinq civils.", "fr"),
        ("قصفت القوات الحكومية المدينة يوم الخميس مما أسفر عن مقتل خمسة مدنيين", "ar"),
        ("Правительственные войска обстреляли город в четверг", "ru"),
        ("1234 5678 !!!", "und"),
    ],
)
def test_text_detect_language(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_text_detect_language_prefers_close_read_language() -> None:
    headline = "Russian strikes kill 34 civilians in Syrias Deir Ezzor Monitor AFP Sunday 26 Nov 2017"
    assert detect_language(headline, prefer=("en",)) == "en"
    french = "Les forces gouvernementales ont bombardé la ville jeudi, tuant cinq civils."
    assert detect_language(french, prefer=("en",)) == "fr"  # a real other language is not overruled


def test_text_detect_language_margin_grows_with_length() -> None:
    # a 150-character coder note scored as Nigerian Pidgin by a gap above the fixed margin
    note = (
        "On 23 September 2024, an FDS truck struck an IED near Mbau (Mocimboa da Praia, Cabo Delgado). "
        "Soldiers wounded; no confirmed fatalities."
    )
    assert detect_language(note) != "en"
    assert detect_language(note, prefer=("en",)) == "en"
    pidgin = "Di police don arrest di pipo wey dey carry gun for Lagos, dem talk say na dem cause wahala."
    assert detect_language(pidgin, prefer=("en",)) == "pcm"


@pytest.mark.parametrize(("code", "name"), [("ar", "Arabic"), ("fr", "French"), ("qq", "qq")])
def test_text_language_name(code: str, name: str) -> None:
    assert language_name(code) == name

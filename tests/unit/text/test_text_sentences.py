"""Sentence spans: abbreviations kept whole, paragraphs split, offsets exact."""

from __future__ import annotations

import pytest

from frontlines.text import split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Mr. Assad met the envoy on Monday. U.S. troops withdrew from the base on Tuesday.",
            ["Mr. Assad met the envoy on Monday.", "U.S. troops withdrew from the base on Tuesday."],
            id="abbreviations",
        ),
        pytest.param(
            "The U.N. said 3.5 million people had fled. Gen. Smith arrived at 9 a.m. on Jan. 5.",
            ["The U.N. said 3.5 million people had fled.", "Gen. Smith arrived at 9 a.m. on Jan. 5."],
            id="numbers-and-titles",
        ),
        pytest.param(
            'He said: "We will not leave." Was it true? Nobody knew!',
            ['He said: "We will not leave."', "Was it true?", "Nobody knew!"],
            id="quotes-and-marks",
        ),
        pytest.param(
            "Shelling kills five in Idlib\n\nGovernment forces shelled the town.   Residents fled.",
            ["Shelling kills five in Idlib", "Government forces shelled the town.", "Residents fled."],
            id="blank-line",
        ),
        pytest.param(
            "Shelling kills five in Idlib\nGovernment forces shelled the town",
            ["Shelling kills five in Idlib", "Government forces shelled the town"],
            id="headline-newline",
        ),
        pytest.param(
            "Government forces shelled the town, killing\nfive civilians, the group said.",
            ["Government forces shelled the town, killing\nfive civilians, the group said."],
            id="hard-wrapped-line-kept",
        ),
        pytest.param("", [], id="empty"),
        pytest.param("  \n\n ", [], id="whitespace"),
    ],
)
def test_sentences_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_sentences_spans_are_ordered_stripped_and_inside_text() -> None:
    text = "  Five killed.  Ten wounded!\n\n\nThe army said so.  "
    spans = split_sentences(text)
    assert spans == sorted(spans)
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
    assert [text[s:e] for s, e in spans] == ["Five killed.", "Ten wounded!", "The army said so."]


def test_sentences_titles_sentencex_lacks_end_no_sentence():
    text = "Police found Ms. Odell in Newton County. She was safe.\n\nHe served at Ft. Hood."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Police found Ms. Odell in Newton County.",
        "She was safe.",
        "He served at Ft. Hood.",
    ]

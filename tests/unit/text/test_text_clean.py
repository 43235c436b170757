"""Cleaning rules, one parametrized case each, and the offset map's invariants (hypothesis)."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from frontlines.text.clean import (
    BOILERPLATE_NEEDS,
    BOILERPLATE_RULES,
    SPACING_RULES,
    WHITESPACE_RUN,
    clean,
    clean_traced,
)

BODY = "Government forces shelled the town on Thursday, killing five civilians, a monitoring group said."


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        pytest.param(
            f"{BODY}\nSign up for our newsletter to get the latest news every morning.\n\nResidents fled.",
            f"{BODY}\n\nResidents fled.",
            id="newsletter-line",
        ),
        pytest.param(
            f"{BODY}\nSUBSCRIBE to the daily briefing\nResidents fled.",
            f"{BODY}\nResidents fled.",
            id="subscribe-line",
        ),
        pytest.param(
            f"{BODY} Subscribe to our YouTube channel for all the latest reporting. Residents fled.",
            f"{BODY} Residents fled.",
            id="subscribe-sentence",
        ),
        pytest.param(
            "States that subscribe to the treaty met on Monday in Geneva to discuss it.",
            "States that subscribe to the treaty met on Monday in Geneva to discuss it.",
            id="subscribe-verb-kept",
        ),
        pytest.param(
            f"Photo: Smoke rises over the town after the strike. (AFP)\n{BODY}",
            BODY,
            id="photo-caption-line",
        ),
        pytest.param(
            f"Image caption Rescue workers search the rubble\n{BODY}",
            BODY,
            id="image-caption-line",
        ),
        pytest.param(
            "The strike hit a market (Photo by Omar Haj Kadour/AFP) in the town centre.",
            "The strike hit a market in the town centre.",
            id="photo-credit-parenthetical",
        ),
        pytest.param(
            "Smoke rises over the town on July 21 2015. (AFP Photo) Five civilians were killed.",
            "Smoke rises over the town on July 21 2015. Five civilians were killed.",
            id="agency-photo-parenthetical",
        ),
        pytest.param(f"By John Smith, Reuters\n{BODY}", BODY, id="byline-top"),
        pytest.param(
            f"Shelling kills five in Idlib\nBy JANE DOE and Ali Hassan\n\n{BODY}",
            f"Shelling kills five in Idlib\n\n{BODY}",
            id="byline-under-headline",
        ),
        pytest.param(
            "By Friday all but one of the villages had fallen to government forces.",
            "By Friday all but one of the villages had fallen to government forces.",
            id="by-friday-kept",
        ),
        pytest.param(f"{BODY}\n\nSource: News Agencies\n", BODY, id="source-trailer-line"),
        pytest.param(f"{BODY} (Source: Syrian Coalition) Twitter", BODY, id="source-trailer-inline"),
        pytest.param(
            f"{BODY}\nRead more: Ceasefire collapses in the north\nResidents fled.",
            f"{BODY}\nResidents fled.",
            id="read-more-line",
        ),
        pytest.param(
            f"{BODY}\nRelated: Five things to know about Idlib\nResidents fled.",
            f"{BODY}\nResidents fled.",
            id="related-line",
        ),
        pytest.param(f"{BODY} --Reuters", BODY, id="agency-tag"),
        pytest.param(f"{BODY[:-1]}.--AFP", BODY, id="agency-tag-glued"),
        pytest.param(
            f"{BODY} (Reporting by Suleiman Al-Khalidi; Editing by Jane Doe)",
            BODY,
            id="reporting-credit",
        ),
        pytest.param(
            "They left on Saturday,forcing residents out.The army said 1,000 people, 3.5 percent, fled.",
            "They left on Saturday, forcing residents out. The army said 1,000 people, 3.5 percent, fled.",
            id="missing-space-after-punctuation",
        ),
        pytest.param(
            "U.S. troops and U.N. staff at 10:30 read https://example.org/a,b.Then and a@b.org,too.",
            "U.S. troops and U.N. staff at 10:30 read https://example.org/a,b.Then and a@b.org,too.",
            id="numbers-abbreviations-urls-kept",
        ),
        pytest.param(
            "  Five   killed\t\tin  shelling.  \r\n\r\n\r\n\r\nResidents \u00a0fled.\u200b  \n",
            "Five killed in shelling.\n\nResidents fled.",
            id="whitespace-collapsed",
        ),
    ],
)
def test_clean_rule(original: str, expected: str) -> None:
    assert clean(original).text == expected


def test_clean_offsets_quote_the_original() -> None:
    original = "By John Smith, Reuters\nThe army shelled Jobar on Saturday,forcing  residents out. --Reuters"
    cleaned = clean(original)
    start = cleaned.text.index("Jobar")
    o_start, o_end = cleaned.to_original(start, start + len("Jobar on Saturday, forcing residents"))
    assert original[o_start:o_end] == "Jobar on Saturday,forcing  residents"


# ----- properties ------------------------------------------------------------------------------

#: Characters and snippets that exercise every rule, including the ones that insert characters.
PIECES = st.one_of(
    st.text(alphabet="abcXYZ019 .,;:!?-–()\n\r\t\u00a0\u200b\ufeff@/", max_size=12),
    st.sampled_from(
        [
            "Sign up for our newsletter",
            "Subscribe to our channel. ",
            "Photo: ",
            "(Photo by A B/AFP)",
            "By John Smith, Reuters\n",
            "Source: News Agencies",
            " --Reuters",
            "Read more: ",
            "Related: ",
            "(Reporting by X; Editing by Y)",
            "Saturday,forcing",
            "out.The",
            "https://x.org/a,b",
            "U.S.",
            "1,000",
            "\n\n\n",
            "\r\n",
            "Image caption ",
            "fled?They",
        ]
    ),
)
TEXTS = st.lists(PIECES, max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(original=TEXTS, data=st.data())
def test_clean_offsets_property(original: str, data: st.DataObject) -> None:
    cleaned, inserted = clean_traced(original)
    text, index = cleaned.text, cleaned.index
    assert len(index) == len(text) + 1
    assert all(index[i] <= index[i + 1] for i in range(len(text)))  # order is kept
    for i, ch in enumerate(text):
        if not inserted[i]:
            assert original[index[i]] == ch
        else:
            assert ch.isspace()  # only whitespace is ever inserted
    if text:
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
        o_start, o_end = cleaned.to_original(start, end)
        assert 0 <= o_start < o_end <= len(original)
        # Every non-space character of the span is found, in order, in the original span.
        quote = original[o_start:o_end]
        position = 0
        for ch in text[start:end]:
            if ch.isspace():
                continue
            position = quote.index(ch, position) + 1


@settings(max_examples=200, deadline=None)
@given(original=TEXTS)
@example(original=" --Reuters --Reuters --Reuters --Reuters(Photo by A B/AFP)")
def test_clean_is_idempotent(original: str) -> None:
    once = clean(original).text
    assert clean(once).text == once


@settings(max_examples=300, deadline=None)
@given(original=TEXTS)
@example(original="said. Sign up for our daily brief.\n\nSource: AFP -- Reuters (Editing by Y)")
def test_clean_boilerplate_needs_are_in_every_match(original: str) -> None:
    """The prefilter of a boilerplate rule skips only texts it cannot match: each match holds a word."""
    rules = dict(BOILERPLATE_RULES)
    for name, words in BOILERPLATE_NEEDS.items():
        for m in rules[name].finditer(original):
            assert any(word in m[0] for word in words), (name, m[0])


@pytest.mark.parametrize(
    ("name", "lookbehind_first"),
    [
        ("space_after_comma", r"(?<=[^\W\d_])[,;:](?=[^\W\d_])"),
        ("space_after_full_stop", r"(?<=[a-z]{2})\.(?=[A-Z][a-z])"),
        ("space_after_question_exclamation", r"(?<=[^\W\d_])[?!]+(?=[A-Z])"),
    ],
)
@settings(max_examples=200, deadline=None)
@given(original=TEXTS)
def test_clean_spacing_rules_match_as_written_lookbehind_first(
    name: str, lookbehind_first: str, original: str
) -> None:
    """A spacing rule opens with its punctuation for speed: the same matches as the plain spelling."""
    pattern = dict(SPACING_RULES)[name]
    assert [m.span() for m in pattern.finditer(original)] == [
        m.span() for m in re.finditer(lookbehind_first, original)
    ]


def test_clean_whitespace_run_matches_its_plain_form() -> None:
    """WHITESPACE_RUN opens with its character class for speed; it matches what the plain form does."""
    plain = re.compile(r"\s{2,}|[^\S ]|\A |\s\Z")
    pieces = [" ", "\n", "\t", "\u00a0", "a", "."]
    for size in range(5):
        for chars in itertools.product(pieces, repeat=size):
            text = "".join(chars)
            assert [m.span() for m in WHITESPACE_RUN.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ], repr(text)

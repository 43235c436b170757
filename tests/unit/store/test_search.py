"""Text search over event notes (EventQuery.text, the API's q) on every engine: whole words, phrases,
no match, hostile punctuation that is never a syntax error, and an index kept in step with the table:
rows stored before migration 0005 are found, and so are reports and canonical events written after it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from frontlines.errors import ConfigError
from frontlines.merge.store import merge_pending, merge_store
from frontlines.store import EventQuery
from frontlines.store.search import MAX_TERMS, fts5_match, search_terms
from unit.conftest import Engine
from unit.store.store_strategies import make_event

NOTES = {
    "strike": "On 3 March 2017, Russian air strikes hit the market of Douma; 12 killed.",
    "clash": "Clashes between the army and rebels near al-Bab; the strikes paused at dawn.",
    "quote": 'A commander said the town was "fully liberated" (unverified) after the Mi-8 landed.',
    "protest": "Peaceful protest in Khartoum; no injuries reported. AND OR NOT NEAR were its slogans.",
}
#: One year apart, so the merge keeps every event on its own.
EVENTS = [
    make_event(event_id, notes=notes, event_date=dt.date(2015 + i, 1, 1))
    for i, (event_id, notes) in enumerate(NOTES.items())
]


@pytest.fixture(scope="module")
def repo(engine: Engine) -> Iterator[Any]:
    with engine.new() as r:
        r.add_batch([], EVENTS, [], run_config="h")
        merge_store(r)
        yield r


def _found(repo: Any, text: str) -> list[str]:
    reports = [e.event_id for e in repo.events(EventQuery(text=text))]
    canonical = [c.report_ids[0] for c in repo.canonical_events(EventQuery(text=text))]
    assert canonical == reports, "the canonical index disagrees with the reports' index"
    return reports


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("strikes", ["strike", "clash"]),  # a word, anywhere in the notes
        ("STRIKES", ["strike", "clash"]),  # case-insensitive
        ("strikes air", ["strike"]),  # every word, any order
        ("strike", []),  # whole words, no stemming
        ("air strikes", ["strike"]),
        ('"air strikes"', ["strike"]),  # a phrase
        ('"strikes air"', []),  # a phrase keeps its order
        ('"the strikes paused"', ["clash"]),
        ("“the strikes paused”", ["clash"]),  # typographic quotes too
        ('"fully liberated" commander', ["quote"]),  # a phrase and a word
        ("al-Bab", ["clash"]),  # punctuation separates words: the phrase "al bab"
        ("bab", ["clash"]),
        ("Mi-8", ["quote"]),
        ("douma 12", ["strike"]),
        ("tanks", []),  # no match
        ("Douma Khartoum", []),  # all words must match
    ],
)
def test_search_words_and_phrases(repo: Any, text: str, expected: list[str]) -> None:
    assert _found(repo, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AND OR NOT NEAR", ["protest"]),  # operators of FTS5 and tsquery are plain words here
        ("NEAR(air strikes)", []),  # the phrase "near air" and the word "strikes"
        ('"unbalanced quote', []),
        ('commander "fully', ["quote"]),
        ('said the town was "fully liberated" (unverified)', ["quote"]),
        ("air* ^strikes", ["strike"]),
        ("notes:douma", []),  # no column filter: the phrase "notes douma"
        ("-rebels", ["clash"]),  # no negation
        ("rebels & !army |", ["clash"]),  # tsquery operators are punctuation
        ("douma ; DROP TABLE events; --", []),
        ("it's", []),
        ("'douma'", ["strike"]),
        ("douma \\ % _ ''", ["strike"]),  # terms with no letter or digit are dropped
    ],
)
def test_search_punctuation_is_never_a_syntax_error(repo: Any, text: str, expected: list[str]) -> None:
    assert _found(repo, text) == expected


@pytest.mark.parametrize("text", ["", "   ", '""', "* - ( ) ^", '" "'])
def test_search_without_a_word_is_a_config_error(text: str) -> None:
    with pytest.raises(ConfigError, match="no word to search for") as info:
        EventQuery(text=text)
    assert "quoted phrase" in (info.value.hint or "")


def test_search_too_many_terms_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="more than"):
        EventQuery(text=" ".join(f"w{i}" for i in range(MAX_TERMS + 1)))


@pytest.mark.parametrize(
    ("text", "terms", "match"),
    [
        ("air  strikes", ("air", "strikes"), '"air" "strikes"'),
        ('"air   strikes" now', ("air strikes", "now"), '"air strikes" "now"'),
        ('a"b', ('a"b',), '"a""b"'),
        ("OR ( 1", ("OR", "1"), '"OR" "1"'),
    ],
)
def test_search_terms_and_their_fts5_form(text: str, terms: tuple[str, ...], match: str) -> None:
    assert search_terms(text) == terms
    assert fts5_match(terms) == match


def test_search_combines_with_other_filters(repo: Any) -> None:
    query = EventQuery(text="strikes", since=dt.date(2016, 1, 1))
    assert [e.event_id for e in repo.events(query)] == ["clash"]
    assert [p.event_id for p in repo.event_points(query, canonical=False)] == ["clash"]
    assert [c.events for c in repo.event_counts(EventQuery(text="strikes"), "month", canonical=False)] == [
        1,
        1,
    ]


def test_search_finds_rows_from_before_the_migration_and_after_it(engine: Engine) -> None:
    target = engine.blank_target()
    before_search = [m for m in engine.migrations() if m.version < 5]
    with engine.open(target, migrations=before_search) as old:
        old.add_batch([], EVENTS[:2], [], run_config="h")
        merge_store(old)
    with engine.open(target) as repo:  # migration 0005 indexes what is there
        assert _found(repo, "strikes") == ["strike", "clash"]
        repo.add_batch([], EVENTS[2:], [], run_config="h")
        merge_pending(repo)
        assert _found(repo, "liberated") == ["quote"]
        later = make_event("later", notes="Drone strikes on Kherson.", event_date=dt.date(2024, 5, 1))
        repo.add_batch([], [later], [], run_config="h")
        assert [e.event_id for e in repo.events(EventQuery(text="kherson"))] == ["later"]
        merge_store(repo)  # every canonical event deleted and written again: the index follows
        assert _found(repo, "strikes") == ["strike", "clash", "later"]
        assert _found(repo, "protest") == ["protest"]

"""The corpus loader: real text read by reference, malformed items refused with the line named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontlines.corpus.items import load_corpus, span_digest, split_of
from frontlines.errors import ConfigError

TEAM = {
    "id": "t-1",
    "source": "team",
    "register": "wire",
    "country": "Sudan",
    "event_type": "Battles",
    "sub_event_type": "Armed clash",
    "actor1": "Rapid Support Forces",
    "text": "RSF fighters clashed with the army in El Fasher on Sunday.",
}


def _write(folder: Path, *records: dict | str) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    (folder / "items.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_corpus_reads_real_text_by_reference_and_counts_what_it_cannot(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    (shared / "news").mkdir(parents=True)
    (shared / "news" / "a.txt").write_text("Intro. Troops shelled Kadugli on Monday. End.", encoding="utf-8")
    span = "Troops shelled Kadugli on Monday."
    start = 7
    ref = {**TEAM, "source": "real", "file": "news/a.txt", "start": start, "end": start + len(span)}
    ref.pop("text")
    good = {**ref, "id": "r-1", "sha1": span_digest(span)}
    changed = {**ref, "id": "r-2", "sha1": "0" * 12}
    absent = {**good, "id": "r-3", "file": "news/missing.txt"}
    corpus = load_corpus(_write(tmp_path, TEAM, good, changed, absent), shared)
    assert [(i.id, i.text) for i in corpus.items] == [("t-1", TEAM["text"]), ("r-1", span)]
    assert corpus.left_out == {"span changed": 1, "file absent": 1}


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ("{not json", "line 1: not JSON"),
        ({**TEAM, "sub_event_type": "Skirmish"}, "'Skirmish' is not an ACLED sub-event type"),
        ({**TEAM, "register": "tweet"}, "register 'tweet' is not one of"),
        ({**TEAM, "text": ""}, "line 1: no text"),
        ({k: v for k, v in TEAM.items() if k != "country"}, "line 1: no country"),
        ({**TEAM, "source": "fakes"}, "line 1: no end, file, sha1, start"),
    ],
)
def test_corpus_refuses_a_malformed_item_naming_file_and_line(
    record: dict | str, message: str, tmp_path: Path
) -> None:
    with pytest.raises(ConfigError, match=r"items\.jsonl") as caught:
        load_corpus(_write(tmp_path, record), tmp_path)
    assert message in str(caught.value)


def test_corpus_refuses_an_id_used_twice(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="ids used twice: t-1"):
        load_corpus(_write(tmp_path, TEAM, TEAM), tmp_path)


def test_corpus_sealed_split_is_fixed_by_the_id() -> None:
    splits = [split_of(f"item-{n}") for n in range(1000)]
    assert splits == [split_of(f"item-{n}") for n in range(1000)]
    assert 150 < splits.count("sealed") < 250  # about one in five

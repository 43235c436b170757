"""The sentence classifier of ACLED sub-event types: training data, training, files, prediction."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from frontlines.cli.main import app
from frontlines.config import Settings
from frontlines.errors import ConfigError, ResourceError
from frontlines.events import classifier as K
from frontlines.events.classifier import SubEventClassifier, open_default_classifier
from frontlines.events.training import clean_note, read_training_data, team_data, train_classifier
from frontlines.model import SubEventType as S
from helpers import EXAMPLES

#: A few ACLED-style rows per type, with ACLED's own column names and extra columns around them.
TINY = [
    ("On 9 May 2020, regime jets bombed the town, killing 4 civilians.", "Air/drone strike"),
    ("On 10 May 2020, an air strike by warplanes hit a market in the village.", "Air/drone strike"),
    ("Around 11 May 2020 (week of), warplanes carried out air strikes on a hospital.", "Air/drone strike"),
    (
        "On 9 May 2020, about 200 people protested peacefully in the square against price rises.",
        "Peaceful protest",
    ),
    ("On 12 May 2020, residents protested in front of the town hall demanding water.", "Peaceful protest"),
    (
        "On 13 May 2020, teachers protested peacefully outside the ministry. [size=around 100]",
        "Peaceful protest",
    ),
    ("On 9 May 2020, army troops clashed with rebels near the town; 3 fatalities.", "Armed clash"),
    ("On 14 May 2020, rebels and army forces clashed on the front line.", "Armed clash"),
    ("On 15 May 2020, clashes between army troops and rebels in the hills.", "Armed clash"),
]


def _write_acled(
    path: Path, rows: list[tuple[str, str]], header: tuple[str, str] = ("notes", "sub_event_type")
) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["event_id_cnty", "event_date", header[1], "actor1", header[0], "fatalities"])
        for i, (note, sub) in enumerate(rows):
            writer.writerow([f"SYR{i}", "9 May 2020", sub, "Rebels", note, "0"])
    return path


@pytest.fixture(scope="module")
def team_model() -> SubEventClassifier:
    return train_classifier(team_data())


def test_classifier_team_data_is_large_varied_and_labelled() -> None:
    data = team_data()
    counts = Counter(data.labels)
    assert data.skipped == {} and len(data.texts) >= 600
    assert all(counts[sub] >= 15 for sub in S), {s.value: counts[s] for s in S if counts[s] < 15}
    assert counts[None] >= 200
    assert len(set(data.texts)) == len(data.texts), "duplicate sentences in sentences.tsv"


def test_classifier_team_data_shares_no_sentence_with_the_held_out_examples() -> None:
    """The examples are the held-out check (bench/classifier.py): none of their sentences may be
    in the training data, not even as a long shared run of words."""

    def runs(text: str, n: int = 8) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}

    examples = set().union(*(runs(p.read_text(encoding="utf-8")) for p in EXAMPLES.rglob("*.*")))
    shared = [t for t in team_data().texts if runs(t) & examples]
    assert shared == []


def test_classifier_trains_on_a_tiny_acled_csv(tmp_path: Path) -> None:
    data = read_training_data(_write_acled(tmp_path / "acled.csv", TINY))
    model = train_classifier(data)
    assert set(model.labels) == {S.AIR_DRONE_STRIKE, S.PEACEFUL_PROTEST, S.ARMED_CLASH}
    predicted = model.predict(
        ["Warplanes bombed the market.", "People protested in the square.", "Rebels clashed with troops."]
    )
    assert [label for label, _ in predicted] == [S.AIR_DRONE_STRIKE, S.PEACEFUL_PROTEST, S.ARMED_CLASH]
    assert all(0.0 < p <= 1.0 for _, p in predicted)


@pytest.mark.parametrize(
    ("header", "delimiter", "suffix"),
    [
        (("notes", "sub_event_type"), ",", ".csv"),
        (("NOTES", "SUB_EVENT_TYPE"), ",", ".csv"),
        (("Notes", "Sub-event type"), ";", ".csv"),
        (("sentence", "sub_event_type"), "\t", ".tsv"),
    ],
)
def test_classifier_reads_acled_column_spellings(
    tmp_path: Path, header: tuple[str, str], delimiter: str, suffix: str
) -> None:
    path = tmp_path / f"data{suffix}"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(["event_date", header[0], "admin1", header[1]])
        writer.writerow(["2020-05-09", "Jets bombed the town.", "Idlib", "air/drone  STRIKE"])
        writer.writerow(["2020-05-09", "Officials met in Geneva.", "Idlib", "none"])
    data = read_training_data(path)
    assert data.texts == ("Jets bombed the town.", "Officials met in Geneva.")
    assert data.labels == (S.AIR_DRONE_STRIKE, None)


def test_classifier_skips_rows_without_text_or_label_and_counts_them(tmp_path: Path) -> None:
    rows = [
        *TINY,
        ("", "Armed clash"),
        ("Troops fought rebels.", ""),
        ("Troops fought rebels.", "Battle-No change"),
    ]
    data = read_training_data(_write_acled(tmp_path / "acled.csv", rows))
    assert len(data.texts) == len(TINY)
    assert data.skipped == {"no text": 1, "no label": 1, "unknown label": 1}


@pytest.mark.parametrize(
    ("header", "missing"),
    [(("text_body", "sub_event_type"), "notes"), (("notes", "event_type"), "sub_event_type")],
)
def test_classifier_missing_columns_is_a_one_line_error_naming_the_file(
    tmp_path: Path, header: tuple[str, str], missing: str
) -> None:
    path = _write_acled(tmp_path / "export.csv", TINY, header)
    with pytest.raises(ConfigError) as info:
        read_training_data(path)
    message = str(info.value)
    assert "\n" not in message and str(path) in message and f"no {missing} column" in message


def test_classifier_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read training file"):
        read_training_data(tmp_path / "absent.csv")


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("On 9 May 2020, rebels shelled the town.", "rebels shelled the town."),
        ("Between 1 and 3 May 2020, rebels shelled the town.", "rebels shelled the town."),
        ("Around 9 May 2020 (week of), rebels shelled the town.", "rebels shelled the town."),
        ("On or about 9 May 2020, rebels shelled the town. [size=no report]", "rebels shelled the town."),
        (
            "Rebels shelled the town on 9 May 2020, killing 2.",
            "Rebels shelled the town on 9 May 2020, killing 2.",
        ),
    ],
)
def test_classifier_clean_note_drops_acled_date_and_tags(note: str, expected: str) -> None:
    assert clean_note(note) == expected


def test_classifier_save_load_round_trip(tmp_path: Path, team_model: SubEventClassifier) -> None:
    path = tmp_path / "model.npz"
    team_model.save(path)
    loaded = SubEventClassifier.load(path)
    sentences = ["Jets struck a market, killing 12.", "The talks will resume next week."]
    assert loaded.labels == team_model.labels
    np.testing.assert_allclose(
        loaded.probabilities(sentences), team_model.probabilities(sentences), atol=1e-4
    )
    assert [x for x, _ in loaded.predict(sentences)] == [x for x, _ in team_model.predict(sentences)]


def _rewrite(path: Path, **changes: np.ndarray) -> None:
    with np.load(path, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    arrays.update(changes)
    with path.open("wb") as fh:
        np.savez(fh, **arrays)


def test_classifier_refuses_a_model_of_another_format(tmp_path: Path, team_model: SubEventClassifier) -> None:
    path = tmp_path / "old.npz"
    team_model.save(path)
    _rewrite(path, format=np.array([K.CLASSIFIER_FORMAT + 1]))
    with pytest.raises(ResourceError) as info:
        SubEventClassifier.load(path)
    message = str(info.value)
    assert f"has format {K.CLASSIFIER_FORMAT + 1}" in message and "frontlines train classifier" in message
    assert "\n" not in message


@pytest.mark.parametrize("damage", ["not a zip", "labels"])
def test_classifier_refuses_a_broken_model(
    tmp_path: Path, team_model: SubEventClassifier, damage: str
) -> None:
    path = tmp_path / "broken.npz"
    if damage == "not a zip":
        path.write_bytes(b"hello")
    else:
        team_model.save(path)
        meta = {**team_model.meta, "labels": ["Air/drone strike"]}
        _rewrite(path, meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8))
    with pytest.raises(ResourceError, match=str(path)):
        SubEventClassifier.load(path)


def test_classifier_missing_model_is_a_resource_error(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="no classifier model"):
        SubEventClassifier.load(tmp_path / "absent.npz")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Warplanes bombed a hospital in the rebel-held town, killing nine patients.", S.AIR_DRONE_STRIKE),
        (
            "Several thousand people marched peacefully through the capital to demand elections.",
            S.PEACEFUL_PROTEST,
        ),
        ("Government soldiers and insurgents clashed for hours near the border post.", S.ARMED_CLASH),
        ("The foreign minister said the talks in Vienna would resume next month.", None),
    ],
)
def test_classifier_labels_clear_sentences(
    team_model: SubEventClassifier, sentence: str, expected: S | None
) -> None:
    label, confidence = team_model.predict([sentence])[0]
    assert label == expected
    assert confidence >= 0.5


def test_classifier_training_is_deterministic() -> None:
    data = team_data()
    first, second = train_classifier(data), train_classifier(data)
    sentences = ["Rockets hit the city.", "Police arrested the mayor.", "It rained."]
    assert np.array_equal(first.probabilities(sentences), second.probabilities(sentences))


def test_classifier_empty_and_unknown_sentences_get_a_label(team_model: SubEventClassifier) -> None:
    predicted = team_model.predict(["", "zzzz qqqq"])
    assert len(predicted) == 2 and all(0.0 < p <= 1.0 for _, p in predicted)
    assert team_model.predict([]) == []


def test_classifier_needs_two_labels(tmp_path: Path) -> None:
    data = read_training_data(_write_acled(tmp_path / "one.csv", TINY[:3]))
    with pytest.raises(ConfigError, match="at least two"):
        train_classifier(data)


def test_classifier_default_is_built_on_first_use_and_loaded_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRONTLINES_DATA", str(tmp_path))
    first = open_default_classifier(Settings())
    assert (tmp_path / K.DEFAULT_MODEL).exists()
    assert open_default_classifier(Settings()) is open_default_classifier(Settings())
    assert first.predict(["Jets bombed the town."])[0][0] == S.AIR_DRONE_STRIKE


def test_classifier_default_keeps_a_model_trained_from_other_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRONTLINES_DATA", str(tmp_path))
    custom = train_classifier(read_training_data(_write_acled(tmp_path / "acled.csv", TINY)))
    custom.save(tmp_path / K.DEFAULT_MODEL)
    assert set(open_default_classifier(Settings()).labels) == set(custom.labels)


def test_classifier_cli_trains_reports_and_fails_in_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    csv_path = _write_acled(tmp_path / "acled.csv", TINY * 2)
    out = tmp_path / "m.npz"
    result = runner.invoke(
        app, ["train", "classifier", str(csv_path), "-o", str(out), "--no-team-data", "--folds", "2"]
    )
    assert result.exit_code == 0, result.output
    assert "weighted F1" in result.output and "18 labelled sentences" in result.output
    assert SubEventClassifier.load(out).meta["trained_on"][0]["file"] == "acled.csv"
    bad = _write_acled(tmp_path / "bad.csv", TINY, ("description", "sub_event_type"))
    result = runner.invoke(app, ["train", "classifier", str(bad), "-o", str(out)])
    assert result.exit_code == 2
    assert "bad.csv" in result.output and "no notes column" in result.output


def test_classifier_batch_encoding_equals_the_feature_bags(team_model: SubEventClassifier) -> None:
    sentences = [
        "Government jets bombarded Douma on Sunday, killing 12.",
        "...",
        "RSF RSF drones drones hit Port Sudan; the the army said.",
    ]
    vocabulary = team_model._vocabulary
    rows, cols, weights = vocabulary.encode_batch(sentences)
    for row, sentence in enumerate(sentences):
        slow_cols, slow_weights = vocabulary.encode(K.features(sentence))
        order = np.argsort(slow_cols)
        assert cols[rows == row].tolist() == slow_cols[order].tolist()
        assert np.allclose(weights[rows == row], slow_weights[order])

"""The classifier's unpacked copy: the same probabilities, bit for bit; built once, reused, replaced."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import numpy as np
import pytest

from frontlines.config import Settings
from frontlines.events import classifier_copy as C
from frontlines.events.classifier import DEFAULT_MODEL, SubEventClassifier, open_default_classifier
from frontlines.events.training import read_training_data, train_classifier

ROWS = [
    ("Regime jets bombed the town, killing 4 civilians.", "Air/drone strike"),
    ("An air strike by warplanes hit a market in the village.", "Air/drone strike"),
    ("Drones struck a convoy on the highway near the border.", "Air/drone strike"),
    ("About 200 people protested peacefully in the square against price rises.", "Peaceful protest"),
    ("Residents protested in front of the town hall demanding water.", "Peaceful protest"),
    ("Teachers marched peacefully outside the ministry.", "Peaceful protest"),
    ("Army troops clashed with rebels near the town; 3 fatalities.", "Armed clash"),
    ("Rebels and army forces clashed on the front line.", "Armed clash"),
    ("The foreign minister said talks would resume next month.", "none"),
    ("The weather was mild and the markets were open.", "none"),
]
SENTENCES = [
    "Jets struck a market in Douma, killing 12.",
    "Thousands marched peacefully through Khartoum.",
    "Fighting between the army and the RSF went on for hours.",
    "Police in Sinaloa arrested the mayor.",
    "",
    "zzzz qqqq 123",
    "Ukrainian drones hit a refinery; Russian forces shelled Kharkiv.",
]


@pytest.fixture(scope="module")
def model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("model")
    source = folder / "acled.csv"
    with source.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["notes", "sub_event_type"])
        writer.writerows(ROWS * 2)
    path = folder / "model.npz"
    train_classifier(read_training_data(source)).save(path)
    return path


def _fresh(model_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / model_file.name
    path.write_bytes(model_file.read_bytes())
    return path


def test_classifier_copy_gives_the_same_probabilities_bit_for_bit(model_file: Path, tmp_path: Path) -> None:
    path = _fresh(model_file, tmp_path)
    direct = SubEventClassifier.load(path)
    C.load_through_copy(path)  # writes the copy
    copied = C.read_copy(C.copy_path(path))
    assert copied is not None
    assert copied.labels == direct.labels and copied.meta == direct.meta
    assert copied.feature_names == direct.feature_names
    assert copied.probabilities(SENTENCES).tobytes() == direct.probabilities(SENTENCES).tobytes()
    assert copied.read(SENTENCES) == direct.read(SENTENCES)


def test_classifier_copy_is_built_once_reused_and_replaced_when_the_model_changes(
    model_file: Path, tmp_path: Path
) -> None:
    path = _fresh(model_file, tmp_path)
    C.load_through_copy(path)
    folder = C.copy_path(path)
    built = folder.stat().st_mtime_ns
    C.load_through_copy(path)
    assert folder.stat().st_mtime_ns == built  # read, not written again
    os.utime(path, ns=(built + 10**9, built + 10**9))  # the model file changed (retrained)
    C.load_through_copy(path)
    assert C.copy_path(path) != folder and C.copy_path(path).is_dir()
    assert not folder.exists()  # the old copy is removed
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, C.copy_path(path).name])


@pytest.mark.parametrize("damage", ["missing array", "wrong shape", "bad meta"])
def test_classifier_copy_damaged_is_not_read_and_is_rebuilt(
    model_file: Path, tmp_path: Path, damage: str
) -> None:
    path = _fresh(model_file, tmp_path)
    C.load_through_copy(path)
    folder = C.copy_path(path)
    if damage == "missing array":
        (folder / "coef.npy").unlink()
    elif damage == "wrong shape":
        np.save(folder / "idf.npy", np.zeros(3))
    else:
        (folder / "meta.json").write_text("{not json", encoding="utf-8")
    assert C.read_copy(folder) is None
    reloaded = C.load_through_copy(path)
    assert C.read_copy(folder) is not None  # rebuilt
    expected = SubEventClassifier.load(path).probabilities(SENTENCES)
    assert reloaded.probabilities(SENTENCES).tobytes() == expected.tobytes()


def test_classifier_copy_unwritable_folder_loads_the_model_file(
    model_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _fresh(model_file, tmp_path)

    def refuse(*_: object) -> Path:
        raise PermissionError("read-only")

    monkeypatch.setattr(C, "write_copy", refuse)
    loaded = C.load_through_copy(path)
    assert (
        loaded.probabilities(SENTENCES).tobytes()
        == SubEventClassifier.load(path).probabilities(SENTENCES).tobytes()
    )


def test_classifier_default_model_is_read_through_its_copy(
    model_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRONTLINES_DATA", str(tmp_path))
    path = tmp_path / DEFAULT_MODEL
    path.write_bytes(model_file.read_bytes())  # trained from other data: kept as it is
    model = open_default_classifier(Settings())
    assert C.copy_path(path).is_dir()
    assert (
        model.probabilities(SENTENCES).tobytes()
        == SubEventClassifier.load(path).probabilities(SENTENCES).tobytes()
    )


@pytest.mark.parametrize(
    "keys",
    [
        [],
        ["w jets", "b air strike", " air", "strik", "w zzzznotaword", ""],
        ["x" * 500, "w j\x00ets", "w \ud800", "w jets"],  # too long for any name, a NUL, a surrogate
    ],
)
def test_classifier_copy_sorted_table_finds_what_the_dict_finds(
    model_file: Path, tmp_path: Path, keys: list[str]
) -> None:
    path = _fresh(model_file, tmp_path)
    C.load_through_copy(path)
    copied = C.read_copy(C.copy_path(path))
    assert copied is not None
    vocabulary = copied._vocabulary
    names = vocabulary.names
    sample = keys + names[:50] + names[-50:] + [n + "x" for n in names[:20]] + [n[:-1] for n in names[:20]]
    table = vocabulary._table
    assert table is not None
    index = {name: i for i, name in enumerate(names)}
    assert table.find(sample) == [index.get(key, -1) for key in sample]


def test_classifier_copy_vocabulary_builds_its_dict_only_after_the_table_budget(
    model_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _fresh(model_file, tmp_path)
    C.load_through_copy(path)
    copied = C.read_copy(C.copy_path(path))
    assert copied is not None
    copied.probabilities(SENTENCES[:2])
    assert copied._vocabulary._index is None  # a few sentences: the table alone
    monkeypatch.setattr("frontlines.events.classifier.TABLE_KEYS", 0)
    later = copied.probabilities(SENTENCES)
    assert copied._vocabulary._index is not None  # budget spent: the dict
    direct = SubEventClassifier.load(path)
    assert later.tobytes() == direct.probabilities(SENTENCES).tobytes()

"""The unpacked copy of py3langid's model: built once, reused, rebuilt when stale, written atomically,
and read to the same scores as the compressed model. Every test builds in its own tmp_path."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import numpy as np
import py3langid
import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from frontlines.text import language
from frontlines.text.language import load_identifier, model_copy, model_copy_path
from helpers import build_language_copy

TEXTS = [
    "Government jets bombarded Douma on 3 May 2016, killing five people.",
    "Le gouvernement a bombardé Douma le 3 mai 2016, tuant cinq personnes.",
    "Die Regierung bombardierte Duma am 3. Mai 2016 und tötete fünf Menschen.",
    "قصفت طائرات حكومية مدينة دوما في 3 أيار 2016 ما أسفر عن مقتل خمسة أشخاص",
    "SYRIA: TROOPS ADVANCE ON ALEPPO",
    "12 345",
]


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.iterdir()}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with the copy built once for the module."""
    folder = tmp_path_factory.mktemp("langid-data")
    model_copy(folder)
    return folder


def test_language_copy_scores_as_the_compressed_model(built: Path):
    packed = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    mapped = load_identifier(built)
    assert mapped.nb_classes == packed.nb_classes
    for text in TEXTS:
        assert mapped.rank(text) == packed.rank(text)


def test_language_copy_is_built_once_and_reused(built: Path):
    folder = model_copy_path(built)
    before = _files(folder)
    assert model_copy(built) == folder
    load_identifier(built)
    assert _files(folder) == before  # not written again
    assert [p.name for p in built.iterdir()] == [folder.name]  # no temporary folder left


def test_language_copy_is_named_by_version_and_model_file(built: Path):
    name = model_copy_path(built).name
    st = (Path(py3langid.langid.MODEL_DIR) / MODEL_FILE).stat()
    version, fmt = py3langid.__version__, language.MODEL_COPY_FORMAT
    assert name == f"langid-{version}-{fmt}-{st.st_size}-{st.st_mtime_ns}"


def test_language_copy_of_another_version_is_rebuilt_and_removed(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(py3langid, "__version__", "0.0.1")
    old = model_copy(tmp_path)
    monkeypatch.undo()
    new = model_copy(tmp_path)
    assert new != old
    assert [p.name for p in tmp_path.iterdir()] == [new.name]


def test_language_copy_of_another_format_is_not_read(tmp_path: Path, monkeypatch):
    old = model_copy(tmp_path)
    monkeypatch.setattr(language, "MODEL_COPY_FORMAT", language.MODEL_COPY_FORMAT + 1)
    assert model_copy_path(tmp_path) != old
    assert model_copy(tmp_path) == model_copy_path(tmp_path)
    assert not old.exists()


def test_language_copy_missing_a_file_is_rebuilt(tmp_path: Path):
    folder = model_copy(tmp_path)
    (folder / "ptc.npy").unlink()
    assert model_copy(tmp_path) == folder
    assert (folder / "ptc.npy").is_file()
    assert load_identifier(tmp_path).rank(TEXTS[0]) == LanguageIdentifier.from_model_file(
        MODEL_FILE, norm_probs=False
    ).rank(TEXTS[0])


def test_language_copy_interrupted_leaves_nothing(tmp_path: Path, monkeypatch):
    saved: list[str] = []
    real_save = np.save

    def failing_save(path, values, **kwargs):
        if len(saved) == 2:
            raise OSError(28, "No space left on device")
        saved.append(str(path))
        real_save(path, values, **kwargs)

    monkeypatch.setattr(np, "save", failing_save)
    with pytest.raises(OSError):
        model_copy(tmp_path)
    assert list(tmp_path.iterdir()) == []  # no half copy, under its name or a temporary one
    monkeypatch.undo()
    assert model_copy(tmp_path).is_dir()


def test_language_copy_built_by_two_processes_at_once(tmp_path: Path):
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        folders = pool.map(build_language_copy, [str(tmp_path)] * 2)
    assert folders[0] == folders[1] == str(model_copy_path(tmp_path))
    assert [p.name for p in tmp_path.iterdir()] == [model_copy_path(tmp_path).name]
    assert load_identifier(tmp_path).rank(TEXTS[1])[0][0] == "fr"


def test_language_unwritable_data_folder_reads_the_compressed_model(tmp_path: Path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    identifier = load_identifier(blocked / "data")  # mkdir fails: NotADirectoryError
    assert identifier.rank(TEXTS[0])[0][0] == "en"
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]

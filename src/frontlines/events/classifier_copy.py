"""An unpacked copy of the default classifier model, mapped instead of unpacked.

The model file (``classifier-3.npz``) is compressed and stores float32 arrays that every load
inflates and widens to float64, and the columns' kinds are recomputed from the 83,000 feature names:
0.06-0.2 s of a one-article ``frontlines extract``. The copy keeps the arrays as prediction uses them
(``idf``, ``coef``, ``intercept`` in float64, ``is_char``), one ``.npy`` file each that a process
maps (pages are read as a sentence's columns are touched), with the feature names and the metadata
as text. Both give the same probabilities: the same float64 values, the same arithmetic.

The copy is a folder next to the model, named by the model file's size and mtime and
:data:`COPY_FORMAT`, so a retrained model is never read through an old copy; it is written in a
temporary folder renamed into place (a reader never sees half a copy) and the model's other copies
are removed. ``frontlines prepare`` (``make install``) builds it; a run that finds none builds it; one
that cannot write the folder loads the model file as before.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
from pathlib import Path

import numpy as np

from frontlines.events.classifier import SubEventClassifier, Vocabulary, parse_label

#: Bump when the files of a copy change; copies of another format are then not read (and replaced).
COPY_FORMAT = 1
_ARRAYS = ("idf", "coef", "intercept", "is_char")
_NAMES = "names.txt"
_META = "meta.json"


def copy_path(model: Path) -> Path:
    """The folder of the unpacked copy of the model file ``model``."""
    st = model.stat()
    return model.with_name(f"{model.name}.copy-{COPY_FORMAT}-{st.st_size}-{st.st_mtime_ns}")


def write_copy(model: Path, classifier: SubEventClassifier) -> Path:
    """Write the unpacked copy of ``classifier`` (loaded from ``model``); remove the model's other
    copies. Raises OSError when the folder cannot be written."""
    target = copy_path(model)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=model.parent))
    tmp.chmod(0o755)  # mkdtemp makes it private; the copy is read by every user of the environment
    try:
        for name, values in classifier.arrays().items():
            np.save(tmp / f"{name}.npy", values, allow_pickle=False)
        (tmp / _NAMES).write_text("\n".join(classifier.feature_names), encoding="utf-8")
        (tmp / _META).write_text(json.dumps(classifier.meta, sort_keys=True), encoding="utf-8")
        if target.exists():  # a damaged copy (files deleted or rewritten by hand): replace it
            shutil.rmtree(target, ignore_errors=True)
        try:
            tmp.rename(target)
        except OSError:
            if read_copy(target) is None:  # else another process renamed its copy first: use that
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for old in model.parent.glob(f"{model.name}.copy-*"):
        if old != target:
            shutil.rmtree(old, ignore_errors=True)
    return target


def read_copy(folder: Path) -> SubEventClassifier | None:
    """The classifier of an unpacked copy, its arrays mapped; None when the folder is missing,
    incomplete or inconsistent."""
    try:
        mapped = {
            name: np.asarray(np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False))
            for name in _ARRAYS
        }
        names = (folder / _NAMES).read_text(encoding="utf-8").split("\n")
        meta = json.loads((folder / _META).read_text(encoding="utf-8"))
        labels = [parse_label(name) for name in meta["labels"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    coef = mapped["coef"]
    consistent = (
        coef.ndim == 2
        and coef.shape == (len(names), len(labels))
        and mapped["idf"].shape == mapped["is_char"].shape == (len(names),)
        and mapped["intercept"].shape == (len(labels),)
    )
    if not consistent:
        return None
    vocabulary = Vocabulary(names, mapped["idf"], mapped["is_char"])
    return SubEventClassifier(vocabulary, coef, np.array(mapped["intercept"]), labels, meta)


def load_through_copy(model: Path) -> SubEventClassifier:
    """The classifier of the model file ``model``: from its unpacked copy, built first when missing
    (when the folder cannot be written, from the model file alone). Raises what
    :meth:`SubEventClassifier.load` raises for a missing or unreadable model file."""
    with contextlib.suppress(OSError):
        found = read_copy(copy_path(model))
        if found is not None:
            return found
    classifier = SubEventClassifier.load(model)
    with contextlib.suppress(OSError):
        write_copy(model, classifier)
    return classifier

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
COPY_FORMAT = 2
_ARRAYS = ("idf", "coef", "intercept", "is_char")
#: The feature names in byte order (fixed-width UTF-8) and the column of each: the sorted table.
_KEYS, _KEY_COLUMNS = "keys", "key_columns"
_NAMES = "names.txt"
_META = "meta.json"


class SortedKeys:
    """Feature columns by binary search in the copy's sorted names (mapped, so a lookup reads a few
    pages): a few microseconds for a word's grams, where the dict of all names costs 0.02-0.06 s to
    build. Names hold no NUL byte (the copy has no table otherwise), so the fixed-width array's NUL
    padding orders and compares them exactly as their bytes."""

    def __init__(self, keys: np.ndarray, columns: np.ndarray) -> None:
        self._keys = keys
        self._columns = columns
        self._width = keys.dtype.itemsize

    def find(self, keys: list[str]) -> list[int]:
        """The column of each key, -1 for a key that is no feature."""
        if not keys or not len(self._keys):
            return [-1] * len(keys)
        encoded = [key.encode("utf-8", "surrogatepass") for key in keys]
        # a key wider than every name, or with a NUL, is none of them (numpy would cut or pad it)
        storable = np.array([len(b) <= self._width and b"\0" not in b for b in encoded])
        probe = np.array(encoded, dtype=self._keys.dtype)
        at = np.searchsorted(self._keys, probe).clip(max=len(self._keys) - 1)
        found = storable & (self._keys[at] == probe)
        return [int(c) for c in np.where(found, self._columns[at], -1)]


def _sorted_table(names: list[str]) -> dict[str, np.ndarray] | None:
    """The sorted table's arrays; None when a name holds a NUL byte (a fixed-width array could not
    tell it from its padding)."""
    encoded = [name.encode("utf-8", "surrogatepass") for name in names]
    if any(b"\0" in b for b in encoded):
        return None
    order = sorted(range(len(encoded)), key=encoded.__getitem__)
    keys = np.array([encoded[i] for i in order], dtype=f"S{max(map(len, encoded), default=1) or 1}")
    return {_KEYS: keys, _KEY_COLUMNS: np.array(order, dtype=np.int64)}


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
        table = _sorted_table(classifier.feature_names) or {}
        for name, values in {**classifier.arrays(), **table}.items():
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
    """The classifier of an unpacked copy, its arrays mapped and its names read only if a lookup
    outlasts the sorted table; None when the folder is missing, incomplete or inconsistent."""
    try:
        mapped = {
            name: np.asarray(np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False))
            for name in _ARRAYS
        }
        meta = json.loads((folder / _META).read_text(encoding="utf-8"))
        labels = [parse_label(name) for name in meta["labels"]]
        table = _read_table(folder, len(mapped["idf"]))
        text = (folder / _NAMES).read_text(encoding="utf-8")  # split into names only when needed
    except (OSError, ValueError, KeyError, TypeError):
        return None
    coef = mapped["coef"]
    width = len(mapped["idf"])
    consistent = (
        coef.ndim == 2
        and coef.shape == (width, len(labels))
        and mapped["is_char"].shape == (width,)
        and mapped["intercept"].shape == (len(labels),)
        and text.count("\n") == width - 1
    )
    if not consistent:
        return None
    vocabulary = Vocabulary(lambda: text.split("\n"), mapped["idf"], mapped["is_char"], table)
    return SubEventClassifier(vocabulary, coef, np.array(mapped["intercept"]), labels, meta)


def _read_table(folder: Path, width: int) -> SortedKeys | None:
    """The copy's sorted table (None when it has none); raises ValueError when it is inconsistent."""
    if not (folder / f"{_KEYS}.npy").is_file():
        return None
    keys = np.load(folder / f"{_KEYS}.npy", mmap_mode="r", allow_pickle=False)
    columns = np.load(folder / f"{_KEY_COLUMNS}.npy", mmap_mode="r", allow_pickle=False)
    if keys.dtype.kind != "S" or keys.shape != (width,) or columns.shape != (width,):
        raise ValueError(f"the sorted table of {folder} does not fit its {width} columns")
    return SortedKeys(np.asarray(keys), np.asarray(columns))


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

"""Language identification with py3langid, loaded once per process on first use.

py3langid ships its model LZMA-compressed (4.5 MB, 68 MB unpacked) and unpacks it on every load:
0.25 s of a 0.4 s load, paid by every one-article run. :func:`model_copy` keeps the unpacked arrays
in the data directory, one ``.npy`` file each, which the next process maps instead of unpacking
(pages are read as the identifier touches them): the load takes about 0.01 s. The copy is named by
the py3langid version, the model file's size and mtime and :data:`MODEL_COPY_FORMAT`, so a copy of
another model is never read; it is written in a temporary folder and renamed into place, so a
reader never sees half a copy. ``make install`` builds it (``frontlines prepare``); a run that finds
none builds it, and one that cannot write the data directory reads the compressed model as before.
"""

from __future__ import annotations

import functools
import json
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pycountry

from frontlines.config import default_data_dir

#: Characters looked at: the opening of an article says its language; more only costs time.
SAMPLE_CHARS = 1000
#: The code returned for text with nothing to identify (no letters).
UNKNOWN = "und"
#: A preferred language wins when its log-score is within this much of the best one, or within
#: :data:`PREFER_SHARE` of the best score, whichever is wider. Identifiers confuse close relatives
#: (English headlines and coder notes scored as Nigerian Pidgin: gap 0.9-5.7 on FA-KES headlines,
#: 11-16 on 150-character notes from the DRC and Mozambique, 2-3% of the best score); real foreign
#: text is far off (French, Spanish, Portuguese, Dutch, Afrikaans, Swahili and Pidgin sentences of
#: ~110 characters: 29-54% of the best score from English). Scores grow with length, so the share
#: keeps the margin as lenient on long text as on short.
PREFER_MARGIN = 10.0
PREFER_SHARE = 0.05
#: Bump when the files of the unpacked copy change; copies of another format are then rebuilt.
MODEL_COPY_FORMAT = 1
#: The arrays of py3langid's model, as its ``modelio.load_model`` returns them (with the class
#: names, kept in ``classes.json``): naive Bayes weights per feature and class, class priors, the
#: tokenizer's DFA (transition rows, a row per state, the feature each state emits).
_ARRAYS = ("ptc", "pc", "nextmove", "row", "output")
_CLASSES = "classes.json"


def _model_file() -> Path:
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return Path(MODEL_DIR) / MODEL_FILE


def model_copy_path(data_dir: Path) -> Path:
    """The folder of the unpacked copy of the installed py3langid model in ``data_dir``."""
    import py3langid

    st = _model_file().stat()
    return data_dir / f"langid-{py3langid.__version__}-{MODEL_COPY_FORMAT}-{st.st_size}-{st.st_mtime_ns}"


def _complete(folder: Path) -> bool:
    return all((folder / f"{name}.npy").is_file() for name in _ARRAYS) and (folder / _CLASSES).is_file()


def model_copy(data_dir: Path) -> Path:
    """The folder of the unpacked copy of the installed py3langid model in ``data_dir``, built when
    missing (about 0.5 s; 68 MB). Copies of other versions or models in ``data_dir`` are removed.
    Raises OSError when ``data_dir`` cannot be written."""
    import numpy as np
    from py3langid.modelio import load_model

    target = model_copy_path(data_dir)
    if _complete(target):
        return target
    ptc, pc, classes, nextmove, row, output = load_model(_model_file())
    arrays = {
        "ptc": np.asarray(ptc),
        "pc": np.asarray(pc),
        "nextmove": np.asarray(nextmove),  # a stdlib array: its item type is kept
        "row": np.asarray(row),
        "output": np.asarray(output, dtype=np.int32),  # read from int32, returned as a list
    }
    data_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=data_dir))
    tmp.chmod(0o755)  # mkdtemp makes it private; the copy is read by every user of the environment
    try:
        for name, values in arrays.items():
            np.save(tmp / f"{name}.npy", values, allow_pickle=False)
        (tmp / _CLASSES).write_text(json.dumps(list(classes)), encoding="utf-8")
        if target.exists():  # a broken copy (files deleted by hand): replace it
            shutil.rmtree(target, ignore_errors=True)
        try:
            tmp.rename(target)
        except OSError:
            if not _complete(target):  # else another process renamed its copy first: use that
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for old in data_dir.glob("langid-*"):
        if old != target:
            shutil.rmtree(old, ignore_errors=True)
    return target


def load_identifier(data_dir: Path) -> Any:
    """py3langid's ``LanguageIdentifier`` (raw scores) over the unpacked copy of its model in
    ``data_dir`` (:func:`model_copy`, built when missing); over the compressed model when
    ``data_dir`` cannot be written. Both give the same scores (the same arrays and dtypes)."""
    import numpy as np
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    try:
        folder = model_copy(data_dir)
    except OSError:
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    mapped = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in _ARRAYS}
    classes = json.loads((folder / _CLASSES).read_text(encoding="utf-8"))
    # the DFA is only indexed item by item: a memoryview over the map reads ints as py3langid's
    # stdlib arrays do, and only the pages a text walks through
    return LanguageIdentifier(
        np.asarray(mapped["ptc"]),
        np.array(mapped["pc"]),
        classes,
        np.asarray(mapped["nextmove"]).data,
        np.asarray(mapped["output"]).data,
        norm_probs=False,
        tk_row=np.asarray(mapped["row"]).data,
    )


@functools.cache
def identifier() -> Any:
    """The py3langid model, loaded once per process from the data directory (:func:`load_identifier`)."""
    return load_identifier(default_data_dir())


def detect_language(text: str, prefer: Sequence[str] = ()) -> str:
    """The ISO 639 code of the language of ``text`` (``en``, ``ar``, ``fr`` ...), from its first
    :data:`SAMPLE_CHARS` characters; :data:`UNKNOWN` when the text has no letters.

    A language in ``prefer`` (the languages the project reads) is returned when it scores within
    :data:`PREFER_MARGIN` (or :data:`PREFER_SHARE`) of the best, so a near tie between close
    relatives does not reject a report.
    """
    sample = text[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return UNKNOWN
    ranked = identifier().rank(sample)
    best_code, best_score = ranked[0]
    if prefer and best_code not in prefer:
        scores = {str(code): float(score) for code, score in ranked}
        margin = max(PREFER_MARGIN, PREFER_SHARE * abs(float(best_score)))
        close = [code for code in prefer if code in scores and best_score - scores[code] <= margin]
        if close:
            return max(close, key=lambda code: scores[code])
    return str(best_code)


def language_name(code: str) -> str:
    """The English name of a language code (``ar`` -> ``Arabic``); the code itself when unknown."""
    if code == UNKNOWN:
        return "an undetermined language"
    try:
        found = pycountry.languages.get(**{"alpha_2" if len(code) == 2 else "alpha_3": code})
    except (KeyError, LookupError):  # older pycountry raises instead of returning None
        found = None
    return str(found.name) if found is not None else code

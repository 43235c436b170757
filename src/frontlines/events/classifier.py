"""A trainable sentence classifier of ACLED's 25 sub-event types plus "no event" (``None``).

It is the cascade's second step: the trigger rules (:mod:`frontlines.events.triggers`) decide first,
and this model labels the sentences they leave uncertain. It reads one sentence at a time and knows
nothing of dates, places or actors, so it cannot tell an event of the report's day from the same
words told as history; the assembly's checks of those stay in charge.

Features: lower-cased words and word pairs, and character 3-5 grams inside each word (robust to
spellings: "airstrike", "air-strike"), digits folded to ``0``; sublinear tf-idf, l2-normalised.
Model: a linear SVM, one-vs-rest, classes weighted by inverse frequency (scikit-learn, needed for
training only); its margins times a scale (``training.SCORE_SCALE``) go through a softmax to give
probabilities. Prediction uses NumPy alone, so loading a model costs no scikit-learn import.

A model is one ``.npz`` file read with ``allow_pickle=False`` (loading runs no code from the file),
stamped with :data:`CLASSIFIER_FORMAT`; a file of another format is refused with a one-line error.
The default model is trained from the team's sentences (``data/training/sentences.tsv``) at install
time, or on first use, into the data directory. Training, cross-validation and the reading of
labelled data live in :mod:`frontlines.events.training`.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from frontlines.config import Settings, default_data_dir
from frontlines.errors import ResourceError
from frontlines.model import SubEventType

#: The model file's layout and feature definition. Bump it whenever either changes: older files are
#: then refused by :meth:`SubEventClassifier.load` and the default model is rebuilt under a new name.
CLASSIFIER_FORMAT = 3
#: The default model's file name in the data directory (carries the format, like the gazetteer's).
DEFAULT_MODEL = f"classifier-{CLASSIFIER_FORMAT}.npz"
#: The label of a sentence that reports no event, in training files.
NONE_LABEL = "none"
#: Character n-gram sizes inside words.
CHAR_SIZES = (3, 4, 5)
#: Feature lookups a :class:`Vocabulary` answers from its column table (a model copy's sorted names,
#: about 2 us a key measured) before it builds the dict of all 83,000 names (0.02 s, then 0.1 us a
#: key): about the break-even, so a one-article run (about 100 keys a sentence) never builds it and a
#: corpus builds it within its first hundred sentences.
TABLE_KEYS = 10_000

#: What the classifier says of a sentence: a sub-event type, or None for "no event".
Label = SubEventType | None


@dataclass(frozen=True, slots=True)
class Reading:
    """The classifier's view of one sentence: its likeliest label and, leaving "no event" aside, its
    likeliest sub-event type, with their probabilities."""

    label: Label
    confidence: float
    event: Label
    event_confidence: float


_SUB_TYPES = {s.value.casefold(): s for s in SubEventType}
_TOKEN = re.compile(r"[A-Za-z0-9]+")
#: What a name becomes in the features.
NAME = "_name_"
_DIGITS = re.compile(r"\d+")


def tokens(sentence: str) -> list[str]:
    """The sentence's words as the features see them: digits folded to ``0``, lower-cased, and names
    masked (:func:`features`)."""
    return [
        NAME if (token.isupper() and len(token) > 1) or (i and token[0].isupper()) else token.lower()
        for i, token in enumerate(_TOKEN.findall(_DIGITS.sub("0", sentence)))
    ]


def token_grams(token: str) -> list[str]:
    """The features one word contributes on its own: ``w word`` and its character n-grams."""
    grams = ["w " + token]
    if token != NAME:
        padded = f" {token} "
        for size in CHAR_SIZES:
            grams += [padded[i : i + size] for i in range(len(padded) - size + 1)]
    return grams


def features(sentence: str) -> Counter[str]:
    """The features of one sentence with their counts: ``w word``, ``b word word`` (adjacent pair)
    and the character n-grams of each space-padded word (``" air"``, ``"strik"``). A character gram
    has spaces only at its ends, so it never equals a ``w``/``b`` feature.

    Names are masked: a capitalised word after the first, and an acronym, become :data:`NAME` with no
    character grams, so the model learns what happened rather than where and by whom (the names of
    one country's places and groups do not carry to another: chosen on leave-country-out figures)."""
    words = tokens(sentence)
    grams = [f"b {a} {b}" for a, b in itertools.pairwise(words)]
    for word in words:
        grams += token_grams(word)
    return Counter(grams)


def is_char_feature(name: str) -> bool:
    return not name.startswith(("w ", "b "))


def parse_label(value: str) -> Label:
    """``None`` for ``none``, else the :class:`SubEventType` spelled by ``value`` (case and spacing
    ignored). Raises ``ValueError`` when ``value`` names no sub-event type."""
    key = " ".join(value.split()).casefold()
    if key == NONE_LABEL:
        return None
    if key not in _SUB_TYPES:
        raise ValueError(f"{value!r} is not an ACLED sub-event type")
    return _SUB_TYPES[key]


def label_name(label: Label) -> str:
    return NONE_LABEL if label is None else label.value


def tfidf_weights(cols: np.ndarray, tf: np.ndarray, idf: np.ndarray, is_char: np.ndarray) -> np.ndarray:
    """Sublinear tf-idf weights of one sentence's feature columns; the word block and the character
    block are l2-normalised each on its own (as two concatenated vectorisers would be)."""
    weights = (1.0 + np.log(tf)) * idf[cols]
    chars = is_char[cols]
    for block in (chars, ~chars):
        norm = np.linalg.norm(weights[block])
        if norm:
            weights[block] /= norm
    return weights


class ColumnTable(Protocol):
    """Feature columns looked up without a dict of every feature name (an unpacked model copy's
    sorted table: :class:`frontlines.events.classifier_copy.SortedKeys`)."""

    def find(self, keys: list[str]) -> list[int]:
        """The column of each key, -1 for a key that is no feature."""
        ...


class Vocabulary:
    """Feature columns and their inverse document frequencies, learnt from training sentences."""

    def __init__(
        self,
        names: Sequence[str] | Callable[[], list[str]],
        idf: np.ndarray,
        is_char: np.ndarray | None = None,
        table: ColumnTable | None = None,
    ) -> None:
        """``names`` in column order, or a function that reads them when first needed; ``is_char``
        as stored with them (else computed); ``table``: lookups for the first :data:`TABLE_KEYS`
        keys, before the dict of every name is built."""
        self._names = None if callable(names) else list(names)
        self._read_names = names if callable(names) else None
        self._index: dict[str, int] | None = None
        self._table = table
        self._table_keys = 0
        self.idf = idf
        #: Which columns are character n-grams (given by a copy that stored them, else computed).
        self.is_char = (
            np.array([is_char_feature(name) for name in self.names], dtype=bool)
            if is_char is None
            else is_char
        )
        #: Known columns of each word met so far (:meth:`encode_sentence`).
        self._words: dict[str, np.ndarray] = {}

    @property
    def names(self) -> list[str]:
        if self._names is None:
            assert self._read_names is not None
            self._names = list(self._read_names())
        return self._names

    @property
    def index(self) -> dict[str, int]:
        """Column of each feature name, built on first use (a run whose sentences the trigger rules
        decide never needs it)."""
        if self._index is None:
            self._index = dict(zip(self.names, range(len(self.names)), strict=True))
        return self._index

    def _lookup(self, keys: list[str]) -> list[int]:
        """The columns of ``keys`` (-1: no feature): from the table while its :data:`TABLE_KEYS`
        last, then from the dict (built once)."""
        if self._index is None and self._table is not None and self._table_keys < TABLE_KEYS:
            self._table_keys += len(keys)
            return self._table.find(keys)
        index = self.index
        return [index.get(key, -1) for key in keys]

    def encode(self, bag: Counter[str]) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and weights of one sentence's features (unknown features dropped)."""
        cols = np.fromiter(map(self.index.get, bag, itertools.repeat(-1)), np.int64, len(bag))
        known = cols >= 0
        cols = cols[known]
        tf = np.fromiter(bag.values(), np.float64, len(bag))[known]
        return cols, tfidf_weights(cols, tf, self.idf, self.is_char)

    def encode_batch(self, sentences: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Rows, columns and tf-idf weights of many sentences' known features at once, as
        :meth:`encode` gives them one sentence at a time (rows ascending). Each word's known columns
        are looked up once per process (news repeats its words); the batch's columns are joined in
        one array, and counting, weighting and the two blocks' norms are done for the whole batch
        with NumPy."""
        width = len(self.idf)
        parts: list[np.ndarray] = []
        sizes: list[int] = []  # how many columns each sentence has, before counting
        for sentence in sentences:
            words = tokens(sentence)
            columns = [self._word_columns(word) for word in words]
            pairs = [c for c in self._lookup([f"b {a} {b}" for a, b in itertools.pairwise(words)]) if c >= 0]
            columns.append(np.array(pairs, dtype=np.int64))
            parts += columns
            sizes.append(sum(map(len, columns)))
        if not sentences:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, np.zeros(0)
        offsets = np.repeat(np.arange(len(sentences), dtype=np.int64) * width, sizes)
        unique, tf = np.unique(np.concatenate(parts) + offsets, return_counts=True)
        rows, cols = np.divmod(unique, width)
        weights = (1.0 + np.log(tf)) * self.idf[cols]
        block = rows * 2 + self.is_char[cols]
        norms = np.sqrt(np.bincount(block, weights=weights * weights, minlength=2 * len(sentences)))[block]
        return rows, cols, weights / np.where(norms > 0, norms, 1.0)

    def _word_columns(self, word: str) -> np.ndarray:
        cached = self._words.get(word)
        if cached is None:
            found = self._lookup(token_grams(word))
            cached = self._words[word] = np.array([c for c in found if c >= 0], dtype=np.int64)
        return cached


class SubEventClassifier:
    """Labels sentences with a sub-event type or ``None`` (no event), with a probability.

    Build one with :func:`train_classifier` or :meth:`load`; it is immutable and safe to share
    across threads and to load once per process."""

    def __init__(
        self,
        vocabulary: Vocabulary,
        coef: np.ndarray,
        intercept: np.ndarray,
        labels: Sequence[Label],
        meta: dict[str, Any],
    ) -> None:
        self._vocabulary = vocabulary
        self._coef = coef
        self._intercept = intercept
        self.labels: tuple[Label, ...] = tuple(labels)
        self.meta = meta

    @property
    def feature_names(self) -> list[str]:
        return self._vocabulary.names

    def arrays(self) -> dict[str, np.ndarray]:
        """The arrays prediction reads, as it reads them (what an unpacked copy stores:
        :mod:`frontlines.events.classifier_copy`)."""
        vocabulary = self._vocabulary
        return {
            "idf": vocabulary.idf,
            "coef": self._coef,
            "intercept": self._intercept,
            "is_char": vocabulary.is_char,
        }

    def probabilities(self, sentences: Sequence[str]) -> np.ndarray:
        """A ``(len(sentences), len(self.labels))`` array of label probabilities (rows sum to 1)."""
        scores = np.tile(self._intercept, (len(sentences), 1))
        rows, cols, weights = self._vocabulary.encode_batch(sentences)
        if len(rows):
            filled, starts = np.unique(rows, return_index=True)  # one product for the batch, per row
            # the features' rows of the model, weighted in place: one array the size of the batch's
            # features instead of two (a third less time)
            terms = self._coef.take(cols, axis=0)
            np.multiply(terms, weights[:, None], out=terms)
            scores[filled] += np.add.reduceat(terms, starts, axis=0)
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores

    def predict(self, sentences: Sequence[str]) -> list[tuple[Label, float]]:
        """For each sentence its most probable label (``None``: no event) and that probability."""
        probs = self.probabilities(sentences)
        best = probs.argmax(axis=1)
        return [(self.labels[i], float(probs[row, i])) for row, i in enumerate(best)]

    def read(self, sentences: Sequence[str]) -> list[Reading]:
        """For each sentence its most probable label and, apart from "no event", its most probable
        sub-event type, each with its probability (one pass of the model)."""
        probs = self.probabilities(sentences)
        best = probs.argmax(axis=1)
        events = [i for i, label in enumerate(self.labels) if label is not None]
        best_event = probs[:, events].argmax(axis=1) if events else np.zeros(len(sentences), dtype=np.int64)
        out = []
        for row, (i, j) in enumerate(zip(best, best_event, strict=True)):
            event = self.labels[events[j]] if events else None
            out.append(
                Reading(
                    self.labels[i],
                    float(probs[row, i]),
                    event,
                    float(probs[row, events[j]]) if events else 0.0,
                )
            )
        return out

    def save(self, path: Path) -> None:
        """Write the model to ``path`` atomically (a ``.npz`` file without pickled objects)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        meta = {**self.meta, "format": CLASSIFIER_FORMAT, "labels": [label_name(x) for x in self.labels]}
        try:
            with tmp.open("wb") as fh:
                np.savez_compressed(
                    fh,
                    format=np.array([CLASSIFIER_FORMAT]),
                    meta=np.frombuffer(json.dumps(meta, sort_keys=True).encode(), dtype=np.uint8),
                    names=np.frombuffer("\n".join(self._vocabulary.names).encode(), dtype=np.uint8),
                    idf=self._vocabulary.idf.astype(np.float32),
                    coef=self._coef.astype(np.float32),
                    intercept=self._intercept.astype(np.float32),
                )
            tmp.replace(path)
        finally:
            tmp.unlink(missing_ok=True)

    @classmethod
    def load(cls, path: Path) -> SubEventClassifier:
        """Read a model written by :meth:`save`. Raises :class:`ResourceError` when the file is
        missing, unreadable or of another :data:`CLASSIFIER_FORMAT`."""
        hint = f"retrain it: `frontlines train classifier DATA.csv -o {path}`"
        try:
            with np.load(path, allow_pickle=False) as data:
                fmt = int(data["format"][0])
                if fmt != CLASSIFIER_FORMAT:
                    raise ResourceError(
                        f"classifier model {path} has format {fmt}; this frontlines reads format "
                        f"{CLASSIFIER_FORMAT}",
                        hint,
                    )
                meta = json.loads(data["meta"].tobytes().decode())
                names = data["names"].tobytes().decode().split("\n")
                idf, coef, intercept = data["idf"], data["coef"], data["intercept"]
        except FileNotFoundError:
            raise ResourceError(f"no classifier model at {path}", hint) from None
        except (OSError, ValueError, KeyError, IndexError, zipfile.BadZipFile, UnicodeDecodeError) as exc:
            raise ResourceError(f"cannot read classifier model {path}: {exc}", hint) from None
        try:
            labels = [parse_label(name) for name in meta["labels"]]
        except (KeyError, ValueError, AttributeError):
            labels = []
        if len(labels) != coef.shape[1] or len(names) != coef.shape[0] or len(idf) != len(names):
            raise ResourceError(f"classifier model {path} is inconsistent (labels or features)", hint)
        vocabulary = Vocabulary(names, idf.astype(np.float64))
        return cls(vocabulary, coef.astype(np.float64), intercept.astype(np.float64), labels, meta)


def default_classifier_path() -> Path:
    """Where the default model lives: :data:`DEFAULT_MODEL` in the data directory."""
    return default_data_dir() / DEFAULT_MODEL


def model_state(model: SubEventClassifier) -> str:
    """``current`` (built from the team's sentences and corpus as shipped), ``stale`` (from an older
    version of them) or ``custom`` (trained from other data)."""
    trained_on = [(x.get("file"), x.get("sha256")) for x in model.meta.get("trained_on", [])]
    if [name for name, _ in trained_on] != ["sentences.tsv", "corpus"]:
        return "custom"
    from frontlines.events.training import team_stamp  # the training stack: only when it can matter

    return "current" if trained_on == team_stamp() else "stale"


_LOADED: dict[tuple[str, int, int], SubEventClassifier] = {}


def open_default_classifier(settings: Settings) -> SubEventClassifier:
    """The classifier the pipeline uses, loaded once per process (cached by file and its stamp):
    ``settings.events.classifier`` when that setting exists and is set, else the default model,
    built from the team's sentences when missing or stale (a custom model there is kept) and read
    through its unpacked copy (:mod:`frontlines.events.classifier_copy`). A read-only data directory
    only loses the saved copies of a model built here."""
    configured = str(getattr(settings.events, "classifier", "") or "")
    path = Path(configured) if configured else default_classifier_path()
    if not configured and not path.exists():
        return build_default_classifier(path)
    st = path.stat() if path.exists() else None
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns) if st else None
    model = _LOADED.get(key) if key else None
    if model is None:
        from frontlines.events.classifier_copy import load_through_copy

        # a missing configured file raises the one-line error; the default model is read from its
        # unpacked copy in the data directory
        model = SubEventClassifier.load(path) if configured else load_through_copy(path)
        if key:
            _LOADED[key] = model
    if not configured and model_state(model) == "stale":
        return build_default_classifier(path)
    return model


def build_default_classifier(path: Path | None = None) -> SubEventClassifier:
    """Train the default model from the team's sentences and save it at ``path`` (default
    :func:`default_classifier_path`); an unwritable location only loses the saved copy."""
    from frontlines.events.training import team_data, train_classifier

    model = train_classifier(team_data())
    with contextlib.suppress(OSError):
        model.save(path or default_classifier_path())
    return model

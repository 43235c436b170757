"""Training the sentence classifier (:mod:`frontlines.events.classifier`): labelled data from
ACLED-format files or the team's own sentences, fitting, cross-validation.

scikit-learn is imported here only, inside the functions that fit, so the pipeline that only
predicts never pays for it.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import time
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import numpy as np

from frontlines.corpus.items import Corpus, CorpusItem, corpus_stamp, load_corpus, shared_data_dir
from frontlines.corpus.negatives import NEWS_NEGATIVES, news_negatives
from frontlines.errors import ConfigError
from frontlines.events.classifier import (
    CHAR_SIZES,
    NONE_LABEL,
    Label,
    SubEventClassifier,
    Vocabulary,
    features,
    label_name,
    parse_label,
    tfidf_weights,
)
from frontlines.model import EVENT_TYPE_OF

#: The smallest number of training sentences a feature must occur in (1 keeps every feature of
#: the small team set).
MIN_DF = 1
#: At most this many features (the most frequent): bounds the model size for large ACLED files.
MAX_FEATURES = 200_000
#: Inverse regularisation strength of the linear SVM (classes weighted by their inverse frequency),
#: and the factor applied to its one-vs-rest margins before a softmax turns them into probabilities
#: (a temperature: it leaves the ranking alone). Both chosen by cross-validation on the team's
#: sentences (``bench/classifier.py``): accuracy for ``C``, log-loss for the scale.
C = 1.0
SCORE_SCALE = 8.0
SEED = 0
#: Columns that hold the text and the label; names are compared lower-cased with spaces and
#: hyphens as ``_``, so ACLED's exports (``notes``, ``NOTES``, ``Sub-event type``) all fit.
TEXT_COLUMNS = ("notes", "sentence", "text")
LABEL_COLUMN = "sub_event_type"
#: ACLED notes open with the date ("On 9 May 2020,", "Between 1 and 3 May 2020,", "Around 9 May
#: 2020 (week of),") and may end with tags ("[size=no report]"): neither says what happened.
_NOTE_DATE = re.compile(
    r"^\s*(?:on\s+or\s+about|on|around|between|from|overnight\s+on|as\s+of|in|during)\s+"
    r"[^,]{0,40}?\d{4}(?:\s*\([^)]*\))?\s*,\s*",
    re.IGNORECASE,
)
_NOTE_TAG = re.compile(r"\[[^\]]*\]")


def clean_note(note: str) -> str:
    """An ACLED note without its opening date and bracketed tags (what happened is left)."""
    return _NOTE_TAG.sub(" ", _NOTE_DATE.sub("", note, count=1)).strip()


@dataclass(frozen=True, slots=True)
class TrainingSet:
    """Labelled sentences read from one or more files, with what was skipped and why."""

    texts: tuple[str, ...]
    labels: tuple[Label, ...]
    sources: tuple[tuple[str, str], ...] = ()
    #: Rows left out, by reason: ``no text``, ``no label``, ``unknown label``.
    skipped: dict[str, int] = field(default_factory=dict)

    def __add__(self, other: TrainingSet) -> TrainingSet:
        skipped = Counter(self.skipped)
        skipped.update(other.skipped)
        return TrainingSet(
            self.texts + other.texts, self.labels + other.labels, self.sources + other.sources, dict(skipped)
        )

    def counts(self) -> dict[str, int]:
        """Sentences per label name, most frequent first."""
        return dict(Counter(label_name(label) for label in self.labels).most_common())


def _column_key(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lower())


def _delimiter(header: str, path: Path) -> str:
    if path.suffix.lower() in {".tsv", ".tab"}:
        return "\t"
    return max(",\t;", key=header.count)


def read_training_data(path: Path, data: bytes | None = None) -> TrainingSet:
    """Read labelled text from a CSV/TSV file (ACLED's export, or the team's ``sentences.tsv``):
    a text column (``notes``, ``sentence`` or ``text``) and ``sub_event_type`` (a sub-event type or
    ``none``); other columns are ignored. Rows with an empty text or label, or a label that names no
    sub-event type, are skipped and counted. ACLED notes lose their opening date (:func:`clean_note`).
    Raises :class:`ConfigError` when the file cannot be read or lacks the columns."""
    try:
        raw = path.read_bytes() if data is None else data
    except OSError as exc:
        raise ConfigError(f"cannot read training file {path}: {exc.strerror}", "check the path") from None
    text = raw.decode("utf-8-sig", errors="replace")
    header = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(header, path))
    columns = [_column_key(c) for c in next(reader, [])]
    text_col = next((columns.index(c) for c in TEXT_COLUMNS if c in columns), None)
    if text_col is None or LABEL_COLUMN not in columns:
        missing = " or ".join(
            name
            for name, absent in (("notes", text_col is None), (LABEL_COLUMN, LABEL_COLUMN not in columns))
            if absent
        )
        raise ConfigError(
            f"training file {path} has no {missing} column (columns: {', '.join(columns) or 'none'})",
            "give an ACLED-format CSV with `notes` and `sub_event_type` columns",
        )
    label_col = columns.index(LABEL_COLUMN)
    texts: list[str] = []
    labels: list[Label] = []
    skipped: Counter[str] = Counter()
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        sentence = clean_note(row[text_col]) if text_col < len(row) else ""
        value = row[label_col].strip() if label_col < len(row) else ""
        if not sentence:
            skipped["no text"] += 1
        elif not value:
            skipped["no label"] += 1
        else:
            try:
                labels.append(parse_label(value))
            except ValueError:
                skipped["unknown label"] += 1
            else:
                texts.append(sentence)
    digest = hashlib.sha256(raw).hexdigest()
    return TrainingSet(tuple(texts), tuple(labels), ((path.name, digest),), dict(skipped))


def team_sentences() -> TrainingSet:
    """The team's own labelled sentences shipped with the package (``data/training/sentences.tsv``)."""
    resource = resources.files("frontlines").joinpath("data/training/sentences.tsv")
    return read_training_data(Path("sentences.tsv"), resource.read_bytes())


def corpus_training(items: Sequence[CorpusItem], stamp: str = "") -> TrainingSet:
    """Corpus items as training sentences (coder notes lose their opening date)."""
    texts = tuple(clean_note(item.text) for item in items)
    return TrainingSet(texts, tuple(item.sub_event_type for item in items), (("corpus", stamp),))


def news_training(corpus: Corpus) -> TrainingSet:
    """Non-event sentences of real local news (:mod:`frontlines.corpus.negatives`), from no article
    that holds one of ``corpus``'s LGL items; empty where the shared data cannot be read."""
    held = [item.text for item in corpus.items if item.source == "lgl"]
    texts = news_negatives(shared_data_dir(), held)
    return TrainingSet(texts, (None,) * len(texts), (("lgl-negatives", str(len(texts))),))


def team_stamp() -> list[tuple[str, str]]:
    """What :func:`team_data` is made of, cheaply: the sentences file's and the corpus's digests
    (the corpus's also says whether the shared data, LGL's negatives included, can be read)."""
    resource = resources.files("frontlines").joinpath("data/training/sentences.tsv")
    return [
        ("sentences.tsv", hashlib.sha256(resource.read_bytes()).hexdigest()),
        ("corpus", corpus_stamp()),
        ("lgl-negatives", str(NEWS_NEGATIVES)),
    ]


def team_data() -> TrainingSet:
    """What the default model learns from: the team's sentences, the world corpus's dev items (never
    its sealed items; real-text items only where the shared data can be read) and real local news
    as non-events."""
    corpus = load_corpus()
    return team_sentences() + corpus_training(corpus.split("dev"), corpus_stamp()) + news_training(corpus)


class _Corpus:
    """Training sentences as arrays of feature ids into one string table: features are computed
    once (shared by every cross-validation fold) and held compactly (large ACLED files fit)."""

    def __init__(self, texts: Sequence[str]) -> None:
        table: dict[str, int] = {}
        self.ids: list[np.ndarray] = []
        self.counts: list[np.ndarray] = []
        for text in texts:
            bag = features(text)
            self.ids.append(np.fromiter((table.setdefault(k, len(table)) for k in bag), np.int64, len(bag)))
            self.counts.append(np.fromiter(bag.values(), np.float64, len(bag)))
        self.names = list(table)

    def fit(self, rows: Sequence[int]) -> tuple[Vocabulary, Any]:
        """The vocabulary of ``rows`` (features in at least :data:`MIN_DF` of them, the
        :data:`MAX_FEATURES` most frequent) and the design matrix of those rows."""

        df = np.bincount(np.concatenate([self.ids[r] for r in rows]), minlength=len(self.names))
        kept = np.flatnonzero(df >= MIN_DF)
        if len(kept) > MAX_FEATURES:
            kept = np.sort(sorted(kept, key=lambda i: (-df[i], self.names[i]))[:MAX_FEATURES])
        column = np.full(len(self.names), -1)
        column[kept] = np.arange(len(kept))
        vocabulary = Vocabulary([self.names[i] for i in kept], np.log((1 + len(rows)) / (1 + df[kept])) + 1)
        return vocabulary, self.design(rows, vocabulary, column)

    def design(self, rows: Sequence[int], vocabulary: Vocabulary, column: np.ndarray) -> Any:
        from scipy.sparse import csr_matrix

        indptr, indices, values = [0], [], []
        for r in rows:
            cols = column[self.ids[r]]
            known = cols >= 0
            cols = cols[known]
            indices.append(cols)
            values.append(tfidf_weights(cols, self.counts[r][known], vocabulary.idf, vocabulary.is_char))
            indptr.append(indptr[-1] + len(cols))
        return csr_matrix(
            (np.concatenate(values), np.concatenate(indices), indptr),
            shape=(len(rows), len(vocabulary.names)),
        )


def _fit(
    corpus: _Corpus, rows: Sequence[int], labels: Sequence[str], c: float, scale: float, seed: int
) -> SubEventClassifier:
    """A classifier fitted on ``rows`` of ``corpus``: a linear SVM (classes weighted by inverse
    frequency) whose one-vs-rest margins, times ``scale``, go through a softmax at prediction."""
    from sklearn.svm import LinearSVC

    vocabulary, matrix = corpus.fit(rows)
    model = LinearSVC(C=c, class_weight="balanced", random_state=seed)
    model.fit(matrix, [labels[r] for r in rows])
    classes = [parse_label(str(x)) for x in model.classes_]
    coef, intercept = model.coef_, model.intercept_
    if len(classes) == 2:  # scikit-learn keeps one row for two classes: positive means the second
        coef, intercept = np.vstack([-coef[0], coef[0]]) / 2, np.array([-intercept[0], intercept[0]]) / 2
    return SubEventClassifier(
        vocabulary, np.ascontiguousarray(coef.T) * scale, intercept * scale, classes, {}
    )


def train_classifier(
    data: TrainingSet, *, c: float = C, scale: float = SCORE_SCALE, seed: int = SEED
) -> SubEventClassifier:
    """Train a classifier on ``data`` (at least two labels). Deterministic for a given ``seed``."""
    names = [label_name(label) for label in data.labels]
    if len(set(names)) < 2:
        raise ConfigError(
            f"training data has {len(names)} usable rows with {len(set(names))} label(s)",
            "it needs sentences of at least two sub-event types (or 'none')",
        )
    model = _fit(_Corpus(data.texts), range(len(names)), names, c, scale, seed)
    model.meta.update(
        frontlines=_version(),
        trained_on=[{"file": name, "sha256": digest} for name, digest in data.sources],
        sentences=len(names),
        per_label=data.counts(),
        features={"char_sizes": list(CHAR_SIZES), "min_df": MIN_DF, "count": len(model.feature_names)},
        model={"kind": "linear SVM, softmax of scaled margins", "C": c, "scale": scale, "seed": seed},
    )
    return model


def _version() -> str:
    try:
        return metadata.version("frontlines")
    except metadata.PackageNotFoundError:
        return "unknown"


@dataclass(frozen=True, slots=True)
class ClassScore:
    """Precision, recall and F1 of one label, and how many sentences carry it."""

    label: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True, slots=True)
class CrossValidation:
    """Figures of a stratified k-fold cross-validation (each fold's vocabulary learnt on its own
    training part). ``thresholds`` holds ``(threshold, share of sentences whose confidence reaches
    it, accuracy on those)``: what a cascade gains by trusting only confident predictions."""

    folds: int
    accuracy: float
    weighted_f1: float
    macro_f1: float
    #: Mean negative log-probability given to the right label (lower: better-calibrated confidence).
    log_loss: float
    event_type_accuracy: float
    per_class: tuple[ClassScore, ...]
    thresholds: tuple[tuple[float, float, float], ...]


#: Confidence thresholds reported by :func:`cross_validate`.
REPORTED_THRESHOLDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


def _event_type(name: str) -> str:
    label = parse_label(name)
    return NONE_LABEL if label is None else EVENT_TYPE_OF[label].value


def cross_validate(
    data: TrainingSet, folds: int = 5, *, c: float = C, scale: float = SCORE_SCALE, seed: int = SEED
) -> CrossValidation:
    """Cross-validate a classifier on ``data`` with ``folds`` stratified folds (shuffled with
    ``seed``): accuracy, weighted and macro F1 over the labels present, per-label scores, event-type
    accuracy, and accuracy above confidence thresholds."""

    from sklearn.metrics import precision_recall_fscore_support
    from sklearn.model_selection import StratifiedKFold

    names = [label_name(label) for label in data.labels]
    if not 2 <= folds <= len(names):
        raise ConfigError(f"cannot cross-validate {len(names)} sentences in {folds} folds", "use --folds 0")
    corpus = _Corpus(data.texts)
    predicted: list[str] = [""] * len(names)
    confidence = np.zeros(len(names))
    truth = np.zeros(len(names))  # the probability given to the right label
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # classes smaller than the number of folds
        splits = list(StratifiedKFold(folds, shuffle=True, random_state=seed).split(names, names))
    for train_rows, test_rows in splits:
        model = _fit(corpus, train_rows, names, c, scale, seed)
        classes = [label_name(x) for x in model.labels]
        probs = model.probabilities([data.texts[i] for i in test_rows])
        for row, i in enumerate(test_rows):
            best = int(probs[row].argmax())
            predicted[i], confidence[i] = classes[best], probs[row, best]
            truth[i] = probs[row, classes.index(names[i])] if names[i] in classes else 0.0
    present = sorted(set(names))
    precision, recall, f1, support = precision_recall_fscore_support(
        names, predicted, labels=present, zero_division=0
    )
    total = len(names)
    correct = np.array([a == b for a, b in zip(names, predicted, strict=True)])
    thresholds = []
    for t in REPORTED_THRESHOLDS:
        kept = confidence >= t
        thresholds.append((t, float(kept.mean()), float(correct[kept].mean()) if kept.any() else 0.0))
    return CrossValidation(
        folds=folds,
        accuracy=float(correct.mean()),
        weighted_f1=float(np.dot(f1, support) / total),
        macro_f1=float(np.mean(f1)),
        log_loss=float(-np.mean(np.log(np.clip(truth, 1e-12, 1.0)))),
        event_type_accuracy=float(
            np.mean([_event_type(a) == _event_type(b) for a, b in zip(names, predicted, strict=True)])
        ),
        per_class=tuple(
            ClassScore(label, float(p), float(r), float(f), int(s))
            for label, p, r, f, s in zip(present, precision, recall, f1, support, strict=True)
        ),
        thresholds=tuple(thresholds),
    )


@dataclass(frozen=True, slots=True)
class TrainReport:
    """What :func:`train_classifier_file` read, measured and wrote."""

    path: Path
    data: TrainingSet
    cross_validation: CrossValidation | None
    seconds: float
    size_bytes: int
    features: int


def train_classifier_file(
    source: Path | None, output: Path, *, team: bool = True, folds: int = 5
) -> TrainReport:
    """Train a classifier from an ACLED-format file ``source`` plus, when ``team``, the team's
    sentences (ACLED rows always report an event: the team's are the only "none" examples); report
    a ``folds``-fold cross-validation (0: none) and save the model to ``output``."""
    parts = ([read_training_data(source)] if source is not None else []) + ([team_data()] if team else [])
    if not parts:
        raise ConfigError("nothing to train on", "give an ACLED-format CSV or leave out --no-team-data")
    data = sum(parts[1:], parts[0])
    cv = cross_validate(data, folds) if folds else None
    start = time.perf_counter()
    model = train_classifier(data)
    seconds = time.perf_counter() - start
    model.save(output)
    return TrainReport(output, data, cv, seconds, output.stat().st_size, len(model.feature_names))

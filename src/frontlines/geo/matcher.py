"""Find gazetteer names in text with one Aho-Corasick automaton (pyahocorasick).

Case-sensitive (gazetteer names are proper names: "Reading" matches, "reading" does not), whole
words only (the characters either side of a match are not letters or digits), the longest match
wins where two overlap ("Deir ez-Zor" over "Deir"). Only Latin-script names go in: the pipeline reads
English text. The automaton is pickled next to the gazetteer (``<gazetteer>.matcher.pickle``) and
rebuilt when the gazetteer file changes, so a process loads it in about 0.2 s instead of building it.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import ahocorasick

from frontlines.geo.gazetteer import SqliteGazetteer
from frontlines.geo.names import MIN_NAME_CHARS, is_common_word, is_demonym, is_latin

#: Bump when the pickled layout changes; an old pickle is then rebuilt, not trusted.
MATCHER_FORMAT = 1
#: A name that is also an English word ("Human", "Council", "Reading") is matched only when one of its
#: places is at least this large (Reading, Mobile, Bath, Nice) or is a country/admin1 unit; the villages
#: called "Human" or "Front" would otherwise turn every sentence into a place mention.
COMMON_WORD_MIN_POPULATION = 50_000


def matcher_path(gazetteer_path: Path) -> Path:
    """Where the pickled matcher of a gazetteer file lives."""
    return gazetteer_path.with_name(gazetteer_path.name + ".matcher.pickle")


def _stamp(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns


class PlaceMatcher:
    """Finds gazetteer names in text: ``find(text) -> [(start, end, surface)]``, sorted by start."""

    def __init__(self, automaton: Any) -> None:
        self._automaton = automaton

    @classmethod
    def build(cls, names: Iterable[str]) -> PlaceMatcher:
        """An automaton over the Latin-script names of ``names`` that are at least 3 characters long."""
        automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
        for name in names:
            if len(name) >= MIN_NAME_CHARS and is_latin(name):
                automaton.add_word(name)
        automaton.make_automaton()
        return cls(automaton)

    def __len__(self) -> int:
        return len(self._automaton)

    def save(self, path: Path, stamp: tuple[int, int] = (0, 0)) -> None:
        """Pickle the matcher atomically, tagged with the stamp (size, mtime) of its gazetteer."""
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            with tmp.open("wb") as fh:
                pickle.dump((MATCHER_FORMAT, stamp, self._automaton), fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
        finally:
            tmp.unlink(missing_ok=True)

    @classmethod
    def load(cls, path: Path, stamp: tuple[int, int] | None = None) -> PlaceMatcher | None:
        """The pickled matcher at ``path``; None when it is missing, of another format or (when a
        stamp is given) was built from a different gazetteer file."""
        try:
            with path.open("rb") as fh:
                fmt, saved, automaton = pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
            return None
        if fmt != MATCHER_FORMAT or (stamp is not None and tuple(saved) != stamp):
            return None
        return cls(automaton)

    @classmethod
    def for_gazetteer(cls, gazetteer: SqliteGazetteer) -> PlaceMatcher:
        """The matcher of a gazetteer file: the pickle next to it when fresh, else built and saved.
        Demonyms and small places named by an English word are left out (see
        ``COMMON_WORD_MIN_POPULATION``)."""
        stamp = _stamp(gazetteer.path)
        target = matcher_path(gazetteer.path)
        matcher = cls.load(target, stamp)
        if matcher is None:
            matcher = cls.build(
                name
                for name, population, region in gazetteer.latin_names()
                if not is_demonym(name)
                and (region or population >= COMMON_WORD_MIN_POPULATION or not is_common_word(name))
            )
            with contextlib.suppress(OSError):  # a read-only data directory: use it uncached
                matcher.save(target, stamp)
        return matcher

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Whole-word, case-sensitive matches of gazetteer names in ``text``, longest first on overlap,
        returned as (start, end, surface) sorted by start."""
        candidates: list[tuple[int, int]] = []
        size = len(text)
        for last, length in self._automaton.iter(text):
            start, end = last - length + 1, last + 1
            if start > 0 and text[start - 1].isalnum():
                continue
            if end < size and text[end].isalnum():
                continue
            candidates.append((start, end))
        if not candidates:
            return []
        candidates.sort(key=lambda span: (span[0] - span[1], span[0]))
        taken: list[tuple[int, int]] = []
        occupied: set[int] = set()
        for start, end in candidates:
            if start in occupied or (end - 1) in occupied or any(i in occupied for i in range(start, end)):
                continue
            occupied.update(range(start, end))
            taken.append((start, end))
        taken.sort()
        return [(start, end, text[start:end]) for start, end in taken]

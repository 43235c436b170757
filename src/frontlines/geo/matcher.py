"""Find gazetteer names in text with one Aho-Corasick automaton (pyahocorasick).

Case-sensitive (gazetteer names are proper names: "Reading" matches, "reading" does not), whole
words only (the characters either side of a match are not letters or digits), the longest match
wins where two overlap ("Deir ez-Zor" over "Deir"). Only Latin-script names go in: the pipeline reads
English text. The automaton is pickled next to the gazetteer (``<gazetteer>.matcher.pickle``) and
rebuilt when the gazetteer file changes, so a process loads it in about 0.2 s instead of building it.

With it goes a small index of transliterated names by consonant skeleton (``names.skeleton``), for
the places of countries whose names are transliterated (``names.TRANSLITERATED_COUNTRIES``):
``similar("Kfar Souseh")`` gives the stored spellings "Kafar Soussa", "Kafr Sousa"... that the
automaton cannot find because the text spells them another way.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pickle
import re
import sqlite3
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import ahocorasick

from frontlines.geo.gazetteer import SqliteGazetteer, lookup_key
from frontlines.geo.names import (
    ARABIC_NAMED_COUNTRIES,
    MIN_NAME_CHARS,
    TRANSLITERATED_COUNTRIES,
    is_common_word,
    is_demonym,
    is_latin,
    skeleton,
)

#: Bump when the pickled layout changes; an old pickle is then rebuilt, not trusted.
MATCHER_FORMAT = 5
#: The marks transliteration writes for an ayn or a hamza (and typists for an apostrophe), all one
#: mark in the names and in the text searched: "A’zaz" in the news is "A`zaz" / "A‘zāz" in GeoNames.
#: One character for one keeps every offset.
_MARKS = str.maketrans(dict.fromkeys("’‘`´ʿʾʻʼ", "'"))
#: Skeletons shorter than this ("mz", "hm") match too many names to index.
MIN_SKELETON_CHARS = 2
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

    def __init__(
        self,
        automaton: Any,
        skeletons: Mapping[str, tuple[str, ...]] | None = None,
        arabic_keys: frozenset[str] | None = None,
    ) -> None:
        self._automaton = automaton
        self._skeletons: Mapping[str, tuple[str, ...]] = skeletons or {}
        #: The lookup keys of every name of the Arabic-named countries; None: unknown (all may be).
        self._arabic_keys = arabic_keys

    @classmethod
    def build(
        cls,
        names: Iterable[str],
        transliterated: Iterable[str] = (),
        arabic_keys: frozenset[str] | None = None,
    ) -> PlaceMatcher:
        """An automaton over the Latin-script names of ``names`` that are at least 3 characters long,
        and a skeleton index over the ``transliterated`` names."""
        automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
        for name in names:
            if len(name) >= MIN_NAME_CHARS and is_latin(name):
                automaton.add_word(name.translate(_MARKS))
        automaton.make_automaton()
        index: dict[str, set[str]] = defaultdict(set)
        for name in transliterated:
            key = skeleton(name)
            if len(key) >= MIN_SKELETON_CHARS:
                index[key].add(name)
        return cls(automaton, {key: tuple(sorted(found)) for key, found in index.items()}, arabic_keys)

    def similar(self, surface: str) -> tuple[str, ...]:
        """Stored spellings of transliterated place names with the skeleton of ``surface``."""
        return self._skeletons.get(skeleton(surface), ())

    def may_be_arabic_named(self, surface: str) -> bool:
        """Whether a place of an Arabic-named country may bear ``surface`` or a spelling of it: one of
        their names folds like it, or a transliterated name shares its skeleton. False lets the
        resolver skip the searches of rule 6 for a run of capitalised words ("Human Rights")."""
        if self._arabic_keys is None:
            return True
        return lookup_key(surface) in self._arabic_keys or bool(self.similar(surface))

    def __len__(self) -> int:
        return len(self._automaton)

    def save(self, path: Path, stamp: tuple[int, int] = (0, 0)) -> None:
        """Pickle the matcher atomically, tagged with the stamp (size, mtime) of its gazetteer."""
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            with tmp.open("wb") as fh:
                state = (MATCHER_FORMAT, stamp, self._automaton, dict(self._skeletons), self._arabic_keys)
                pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
        finally:
            tmp.unlink(missing_ok=True)

    @classmethod
    def load(cls, path: Path, stamp: tuple[int, int] | None = None) -> PlaceMatcher | None:
        """The pickled matcher at ``path``; None when it is missing, of another format or (when a
        stamp is given) was built from a different gazetteer file."""
        try:
            with path.open("rb") as fh:
                state = pickle.load(fh)
            fmt, saved, automaton, skeletons, arabic_keys = state
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
            return None
        if fmt != MATCHER_FORMAT or (stamp is not None and tuple(saved) != stamp):
            return None
        return cls(automaton, skeletons, arabic_keys)

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
                (
                    name
                    for name, population, region in gazetteer.latin_names()
                    if not is_demonym(name)
                    and (region or population >= COMMON_WORD_MIN_POPULATION or not is_common_word(name))
                ),
                transliterated_names(gazetteer.path),
                arabic_keys(gazetteer.path),
            )
            with contextlib.suppress(OSError):  # a read-only data directory: use it uncached
                matcher.save(target, stamp)
        return matcher

    def find(self, text: str, dates: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
        """Whole-word, case-sensitive matches of gazetteer names in ``text``, longest first on overlap,
        returned as (start, end, surface) sorted by start. Words in capitals are matched as if
        title-cased where news writes places in capitals: a dateline ("CHARLESTON, W.Va. -") and a
        line written all in capitals; the surface stays as written. A match inside one of ``dates``
        (the spans of the text's date expressions) is a date, not a place: "23 August" is a day
        and a village in Romania, "Sunday" a day and a town in Nigeria."""
        taken = self._find(text)
        titled = _title_capitals(text)
        if titled is not text:
            seen = bytearray(len(text))
            for start, end in taken:
                seen[start:end] = b"\x01" * (end - start)
            for start, end in self._find(titled):
                if titled[start:end] != text[start:end] and 1 not in seen[start:end]:
                    taken.append((start, end))
            taken.sort()
        in_date = _Overlaps(dates)
        return [(start, end, text[start:end]) for start, end in taken if not in_date(start, end)]

    def _find(self, text: str) -> list[tuple[int, int]]:
        candidates: list[tuple[int, int]] = []
        size = len(text)
        for last, length in self._automaton.iter(text.translate(_MARKS)):
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
        occupied = bytearray(size)  # 1 where a longer name was taken
        for start, end in candidates:
            if 1 in occupied[start:end]:
                continue
            occupied[start:end] = b"\x01" * (end - start)
            taken.append((start, end))
        taken.sort()
        return taken


class _Overlaps:
    """Whether a range overlaps one of a set of ranges, by bisection (no scan of all of them)."""

    def __init__(self, ranges: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(ranges)
        self._starts = [start for start, _ in ordered]
        self._reach = list(itertools.accumulate((end for _, end in ordered), max))

    def __call__(self, start: int, end: int) -> bool:
        i = bisect_left(self._starts, end) - 1  # the last range starting before ``end``
        return i >= 0 and self._reach[i] > start


def arabic_keys(path: Path) -> frozenset[str]:
    """The lookup keys of every name of the places of ``ARABIC_NAMED_COUNTRIES`` in a gazetteer file."""
    countries = sorted(ARABIC_NAMED_COUNTRIES)
    sql = (
        "SELECT DISTINCT n.folded FROM names n JOIN places p ON p.id = n.place"
        f" WHERE p.country_code IN ({', '.join('?' * len(countries))})"
    )
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return frozenset(key for (key,) in conn.execute(sql, countries))
    finally:
        conn.close()


def transliterated_names(path: Path) -> list[str]:
    """The Latin-script names of the places of ``TRANSLITERATED_COUNTRIES`` in a gazetteer file (read
    with its own read-only connection: the file's ``names``/``places`` tables are its format)."""
    countries = sorted(TRANSLITERATED_COUNTRIES)
    sql = (
        "SELECT DISTINCT n.name FROM names n JOIN places p ON p.id = n.place WHERE n.latin = 1"
        f" AND p.country_code IN ({', '.join('?' * len(countries))})"
    )
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [name for (name,) in conn.execute(sql, countries) if not is_common_word(name)]
    finally:
        conn.close()


#: A dateline's place in capitals at the start of a line ("BEIRUT (Reuters) -", "CHARLESTON, W.Va.",
#: "NEWARK  Police said", "WASHINGTON Christopher Steele, ...": the story goes on in ordinary case).
_DATELINE = re.compile(
    r"(?=[ \t]*[A-Z][A-Z'’.])"  # two capitals first: most positions fail here, cheaply
    r"(?:^[ \t]*|(?<=[.!?] )|(?<=[.!?][\"”] )|(?<=\d\d\d\d ))"  # a line, sentence or dated byline start
    r"([A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]+)*)(?=[,:]|[ \t]*\(|[ \t]+[-—–]|[ \t]{2,}\S|[ \t]+[A-Z][a-z])",
    re.MULTILINE,
)
#: A whole line in capitals (a headline), at least two words.
_CAPITALS_LINE = re.compile(r"^[^a-z\n]*[A-Z]{2,}[^a-z\n]*[ ][^a-z\n]*[A-Z]{2,}[^a-z\n]*$", re.MULTILINE)
_CAPITAL_WORD = re.compile(r"[A-Z][A-Z'’]+")


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the places in capitals that open datelines ("BEIRUT, March 20 (Levant Wire) -")."""
    return [m.span(1) for m in _DATELINE.finditer(text)]


def _title_capitals(text: str) -> str:
    """``text`` with the words in capitals of datelines and capitalised lines title-cased (same
    length, so offsets hold); ``text`` itself when there are none."""
    spans = dateline_spans(text) + [m.span() for m in _CAPITALS_LINE.finditer(text)]
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for word in _CAPITAL_WORD.finditer(text, start, end):
            w_start, w_end = word.span()
            chars[w_start + 1 : w_end] = text[w_start + 1 : w_end].lower()
    return "".join(chars)

"""Find gazetteer names in text with one Aho-Corasick automaton (pyahocorasick).

Case-sensitive (gazetteer names are proper names: "Reading" matches, "reading" does not), whole
words only (the characters either side of a match are not letters or digits), the longest match
wins where two overlap ("Deir ez-Zor" over "Deir"). Only Latin-script names go in: the pipeline reads
English text. The automaton is pickled next to the gazetteer (``<gazetteer>.matcher.pickle``) and
rebuilt when the gazetteer file changes, so a process loads it in about 0.25 s instead of building it.
A process that reads little text does not even load it: the same words are written to a SQLite name
index (``name_index``), which the matcher searches for its first ``INDEX_BUDGET_CHARS`` characters.

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
import threading
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import ahocorasick

from frontlines.geo.gazetteer import SqliteGazetteer, lookup_key
from frontlines.geo.name_index import NameIndex, index_path, word_goes_on
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
#: A matcher opened with a name index searches this many characters of text through the index, then
#: loads the automaton. The index costs about 1 us a character (0.9-1.4 us measured: news repeats its
#: words), the automaton's load about 0.25 s, so a process never spends much more than twice what
#: the better choice would have cost (a one-article extract reads a few thousand characters).
INDEX_BUDGET_CHARS = 200_000


def matcher_path(gazetteer_path: Path) -> Path:
    """Where the pickled matcher of a gazetteer file lives."""
    return gazetteer_path.with_name(gazetteer_path.name + ".matcher.pickle")


def _stamp(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns


class _Loaded:
    """The matcher's names in memory: the automaton, the skeleton index, the Arabic-named keys."""

    def __init__(
        self, automaton: Any, skeletons: Mapping[str, tuple[str, ...]], arabic_keys: frozenset[str] | None
    ) -> None:
        self.automaton = automaton
        self.skeletons = skeletons
        self.arabic_keys = arabic_keys

    def __len__(self) -> int:
        return len(self.automaton)

    def spans(self, text: str, translated: str) -> list[tuple[int, int]]:
        """Every whole-word occurrence of a name: one scan of ``translated`` by the automaton."""
        found: list[tuple[int, int]] = []
        size = len(text)
        for last, length in self.automaton.iter(translated):
            start, end = last - length + 1, last + 1
            if start > 0 and text[start - 1].isalnum():
                continue
            if end < size and (text[end].isalnum() or word_goes_on(text, end)):
                continue
            found.append((start, end))
        return found

    def similar(self, key: str) -> tuple[str, ...]:
        return self.skeletons.get(key, ())

    def is_arabic_key(self, key: str) -> bool | None:
        return None if self.arabic_keys is None else key in self.arabic_keys


class PlaceMatcher:
    """Finds gazetteer names in text: ``find(text) -> [(start, end, surface)]``, sorted by start.

    Its names are either in memory (the automaton, :meth:`build`, :meth:`load`) or, for a process
    that reads little text, first in the name index file (``name_index``), with a loader that brings
    in the automaton once ``budget`` characters were searched that way (:meth:`for_gazetteer`).
    Both find exactly the same names."""

    def __init__(
        self,
        names: _Loaded | NameIndex,
        load: Callable[[], _Loaded] | None = None,
        budget: int = INDEX_BUDGET_CHARS,
    ) -> None:
        self._names = names
        self._load = load
        self._budget = budget
        self._lock = threading.Lock()

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
        skeletons = {key: tuple(sorted(found)) for key, found in index.items()}
        return cls(_Loaded(automaton, skeletons, arabic_keys))

    @property
    def loaded(self) -> bool:
        """Whether the automaton is in memory (else names are looked up in the index file)."""
        return isinstance(self._names, _Loaded)

    def _source(self, chars: int) -> _Loaded | NameIndex:
        """The names to search ``chars`` more characters with: the index while the budget lasts,
        then the automaton (loaded once, under a lock: the API shares one matcher across threads)."""
        if self._load is not None:
            with self._lock:
                if self._load is not None:
                    self._budget -= chars
                    if self._budget < 0:
                        self._names, self._load = self._load(), None
        return self._names

    def similar(self, surface: str) -> tuple[str, ...]:
        """Stored spellings of transliterated place names with the skeleton of ``surface``."""
        return self._names.similar(skeleton(surface))

    def may_be_arabic_named(self, surface: str) -> bool:
        """Whether a place of an Arabic-named country may bear ``surface`` or a spelling of it: one of
        their names folds like it, or a transliterated name shares its skeleton. False lets the
        resolver skip the searches of rule 6 for a run of capitalised words ("Human Rights")."""
        known = self._names.is_arabic_key(lookup_key(surface))
        return known is None or known or bool(self.similar(surface))

    def __len__(self) -> int:
        return len(self._names)

    def save(self, path: Path, stamp: tuple[int, int] = (0, 0)) -> None:
        """Pickle the matcher's in-memory names atomically, tagged with the stamp (size, mtime) of
        its gazetteer."""
        names = self._names
        if not isinstance(names, _Loaded):
            raise TypeError("only a matcher with its automaton in memory can be saved")
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            with tmp.open("wb") as fh:
                state = (MATCHER_FORMAT, stamp, names.automaton, dict(names.skeletons), names.arabic_keys)
                pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
        finally:
            tmp.unlink(missing_ok=True)

    def write_index(self, path: Path, stamp: tuple[int, int]) -> None:
        """Write the name index of the in-memory names (``name_index``) atomically at ``path``."""
        names = self._names
        if not isinstance(names, _Loaded):
            raise TypeError("only a matcher with its automaton in memory can write its index")
        NameIndex.write(
            path, names.automaton.keys(), names.skeletons, names.arabic_keys, MATCHER_FORMAT, stamp
        )

    @classmethod
    def load(cls, path: Path, stamp: tuple[int, int] | None = None) -> PlaceMatcher | None:
        """The pickled matcher at ``path``; None when it is missing, of another format or (when a
        stamp is given) was built from a different gazetteer file."""
        names = _read_pickle(path, stamp)
        return None if names is None else cls(names)

    @classmethod
    def for_gazetteer(
        cls, gazetteer: SqliteGazetteer, *, loaded: bool = False, budget: int = INDEX_BUDGET_CHARS
    ) -> PlaceMatcher:
        """The matcher of a gazetteer file. With a current name index next to it (and ``loaded``
        false), one that searches that index first and loads the automaton from its pickle after
        ``budget`` characters; else the automaton at once (from the pickle when fresh, else built and
        pickled) and, when the index is missing or stale, the index written from it. Demonyms and
        small places named by an English word are left out (see ``COMMON_WORD_MIN_POPULATION``)."""
        path = gazetteer.path
        stamp = _stamp(path)
        index = NameIndex.open(index_path(path), MATCHER_FORMAT, stamp)
        if index is not None and not loaded:
            return cls(index, lambda: cls._loaded_names(path, stamp), budget)
        matcher = cls(cls._loaded_names(path, stamp))
        if index is not None:
            index.close()
        else:
            with contextlib.suppress(OSError, sqlite3.Error):  # a read-only data directory
                matcher.write_index(index_path(path), stamp)
        return matcher

    @classmethod
    def _loaded_names(cls, path: Path, stamp: tuple[int, int]) -> _Loaded:
        """The in-memory names of the gazetteer file at ``path``: its pickle when fresh, else built
        from the file and pickled."""
        names = _read_pickle(matcher_path(path), stamp)
        if names is not None:
            return names
        gazetteer = SqliteGazetteer(path)
        try:
            matcher = cls.build(
                (
                    name
                    for name, population, region in gazetteer.latin_names()
                    if not is_demonym(name)
                    and (region or population >= COMMON_WORD_MIN_POPULATION or not is_common_word(name))
                ),
                transliterated_names(path),
                arabic_keys(path),
            )
        finally:
            gazetteer.close()
        with contextlib.suppress(OSError):  # a read-only data directory: use it uncached
            matcher.save(matcher_path(path), stamp)
        return cast(_Loaded, matcher._names)

    def find(self, text: str, dates: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
        """Whole-word, case-sensitive matches of gazetteer names in ``text``, longest first on overlap,
        returned as (start, end, surface) sorted by start. Words in capitals are matched as if
        title-cased where news writes places in capitals: a dateline ("CHARLESTON, W.Va. -") and a
        line written all in capitals; the surface stays as written. A match inside one of ``dates``
        (the spans of the text's date expressions) is a date, not a place: "23 August" is a day
        and a village in Romania, "Sunday" a day and a town in Nigeria."""
        names = self._source(len(text))
        taken = self._find(text, names)
        titled = _title_capitals(text)
        if titled is not text:
            seen = bytearray(len(text))
            for start, end in taken:
                seen[start:end] = b"\x01" * (end - start)
            for start, end in self._find(titled, names):
                if titled[start:end] != text[start:end] and 1 not in seen[start:end]:
                    taken.append((start, end))
            taken.sort()
        in_date = _Overlaps(dates)
        return [(start, end, text[start:end]) for start, end in taken if not in_date(start, end)]

    def _find(self, text: str, names: _Loaded | NameIndex) -> list[tuple[int, int]]:
        candidates = names.spans(text, text.translate(_MARKS))
        size = len(text)
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


def _read_pickle(path: Path, stamp: tuple[int, int] | None) -> _Loaded | None:
    try:
        with path.open("rb") as fh:
            state = pickle.load(fh)
        fmt, saved, automaton, skeletons, arabic_keys = state
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
        return None
    if fmt != MATCHER_FORMAT or (stamp is not None and tuple(saved) != stamp):
        return None
    return _Loaded(automaton, skeletons, arabic_keys)


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
#: Rule cp1252-dash: a dash may be an em or en dash read from Windows-1252 bytes as Latin-1 (U+0097,
#: U+0096: "NEWARK \x97 It was"), and an em or en dash may follow the name without a space
#: ("FALLS VILLAGE—The board").
_DATELINE = re.compile(
    r"(?=[ \t]*[A-Z][A-Z'’.])"  # two capitals first: most positions fail here, cheaply
    r"(?:^[ \t]*|(?<=[.!?] )|(?<=[.!?][\"”] )|(?<=\d\d\d\d ))"  # a line, sentence or dated byline start
    r"([A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]+)*)"
    r"(?=[,:]|[ \t]*\(|[ \t]+-|[ \t]*[—–\x96\x97]|[ \t]{2,}\S|[ \t]+[A-Z][a-z])",
    re.MULTILINE,
)
#: A whole line in capitals (a headline), at least two words.
_CAPITALS_LINE = re.compile(r"^[^a-z\n]*[A-Z]{2,}[^a-z\n]*[ ][^a-z\n]*[A-Z]{2,}[^a-z\n]*$", re.MULTILINE)
_CAPITAL_WORD = re.compile(r"[A-Z][A-Z'’]+")


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the places in capitals that open datelines ("BEIRUT, March 20 (Levant Wire) -")."""
    return list(_dateline_spans(text))


@lru_cache(maxsize=4)
def _dateline_spans(text: str) -> tuple[tuple[int, int], ...]:
    """``dateline_spans`` of a text, kept for the last few texts: the matcher and the resolver both
    ask for each article's (a pure function of the text; callers get a list of their own)."""
    return tuple(m.span(1) for m in _DATELINE.finditer(text))


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

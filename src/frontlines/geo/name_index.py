"""The place matcher's names in a small SQLite file, to match a few texts without loading the automaton.

Loading the Aho-Corasick automaton of every gazetteer name takes about 0.25 s (a 120 MB pickle),
more than a one-article ``frontlines extract`` should spend on everything. This index holds the very
words the automaton holds (written from its keys, so the two cannot disagree), the skeleton index
and the Arabic-named keys, in B-trees a process opens in a millisecond. ``spans`` finds in a text
every whole-word occurrence of a word, as the automaton's scan does: for each place a word may
start, it walks the places a word may end, one indexed seek each, and stops as soon as no word
begins with what it has read. That costs a few microseconds a word of text, so the matcher uses it
only for its first ``INDEX_BUDGET_CHARS`` characters (``matcher.PlaceMatcher``) and loads the
automaton after that.

The file is ``<gazetteer>.names-<INDEX_FORMAT>.sqlite``, written atomically, stamped with the
gazetteer's (size, mtime) and the matcher's format; a stale or unreadable one is rebuilt.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from pathlib import Path

#: Bump when the file's tables change; the file name carries it, so an old file is never read.
INDEX_FORMAT = 1

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE words (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE skeletons (key TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (key, name)) WITHOUT ROWID;
CREATE TABLE arabic (key TEXT PRIMARY KEY) WITHOUT ROWID;
"""
#: The smallest word at or after a text: it equals the text (a match), begins with it (read on) or
#: neither (no word begins with the text: stop).
#: At most this many answers of ``_NEXT_WORD`` are remembered (about 100 bytes each).
MEMO_SIZE = 100_000
_NEXT_WORD = "SELECT word FROM words WHERE word >= ? ORDER BY word LIMIT 1"


def index_path(gazetteer_path: Path) -> Path:
    """Where the name index of a gazetteer file lives."""
    return gazetteer_path.with_name(f"{gazetteer_path.name}.names-{INDEX_FORMAT}.sqlite")


def _stamp_text(matcher_format: int, stamp: tuple[int, int]) -> str:
    return f"{matcher_format}:{stamp[0]}:{stamp[1]}"


class NameIndex:
    """Read-only lookups in a name index file: ``spans``, ``similar``, ``is_arabic_key``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        meta = dict(self._conn.execute("SELECT key, value FROM meta"))
        self.stamp = meta["stamp"]
        self._count = int(meta["words"])
        #: The first characters of the words: a text position holding another starts no word.
        self._initials = frozenset(meta["initials"])
        self._arabic_known = meta["arabic_known"] == "1"
        #: Answers of ``_NEXT_WORD`` so far: news repeats its words ("the", "said", "forces").
        self._seen: dict[str, str | None] = {}

    @classmethod
    def open(cls, path: Path, matcher_format: int, stamp: tuple[int, int]) -> NameIndex | None:
        """The index at ``path`` when it exists, is readable and was written for this matcher format
        from the gazetteer file with this stamp; else None."""
        if not path.is_file():
            return None
        try:
            index = cls(path)
        except (sqlite3.Error, KeyError, ValueError):
            return None
        if index.stamp != _stamp_text(matcher_format, stamp):
            index.close()
            return None
        return index

    @staticmethod
    def write(
        path: Path,
        words: Iterable[str],
        skeletons: Mapping[str, Iterable[str]],
        arabic_keys: frozenset[str] | None,
        matcher_format: int,
        stamp: tuple[int, int],
    ) -> None:
        """Write an index atomically (a temporary file renamed over ``path``): ``words`` are the
        automaton's keys exactly as it matches them."""
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.unlink(missing_ok=True)
        try:
            conn = sqlite3.connect(tmp)
            try:
                conn.executescript(_SCHEMA)
                ordered = sorted(set(words))
                conn.executemany("INSERT INTO words VALUES (?)", ((w,) for w in ordered))
                rows = ((key, name) for key, names in skeletons.items() for name in names)
                conn.executemany("INSERT OR IGNORE INTO skeletons VALUES (?, ?)", rows)
                conn.executemany("INSERT INTO arabic VALUES (?)", ((k,) for k in sorted(arabic_keys or ())))
                meta = {
                    "stamp": _stamp_text(matcher_format, stamp),
                    "words": str(len(ordered)),
                    "initials": "".join(sorted({w[0] for w in ordered})),
                    "arabic_known": "0" if arabic_keys is None else "1",
                }
                conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
                conn.commit()
            finally:
                conn.close()
            tmp.replace(path)
        finally:
            tmp.unlink(missing_ok=True)

    def close(self) -> None:
        self._conn.close()

    def __len__(self) -> int:
        return self._count

    def spans(self, text: str, translated: str) -> list[tuple[int, int]]:
        """Every (start, end) where ``translated[start:end]`` is a word and ``text`` (of the same
        length) has no letter or digit just before ``start`` nor just after ``end`` (nor an apostrophe
        that joins more letters: ``word_goes_on``): what the
        automaton finds in ``translated`` and ``PlaceMatcher`` keeps, in no particular order."""
        size = len(text)
        ends = [
            e for e in range(1, size + 1) if e == size or not (text[e].isalnum() or word_goes_on(text, e))
        ]
        found: list[tuple[int, int]] = []
        for start in range(size):
            if (start and text[start - 1].isalnum()) or translated[start] not in self._initials:
                continue
            for i in range(bisect_right(ends, start), len(ends)):
                probe = translated[start : ends[i]]
                word = self._next_word(probe)
                if word is None or not word.startswith(probe):
                    break  # no word begins with the probe, so none with a longer one
                if word == probe:
                    found.append((start, ends[i]))
        return found

    def _next_word(self, probe: str) -> str | None:
        if probe in self._seen:
            return self._seen[probe]
        try:
            row = self._conn.execute(_NEXT_WORD, (probe,)).fetchone()
        except UnicodeEncodeError:  # a lone surrogate: no stored word (valid UTF-8) begins with it
            row = None
        word = None if row is None else str(row[0])
        if len(self._seen) < MEMO_SIZE:
            self._seen[probe] = word
        return word

    def similar(self, key: str) -> tuple[str, ...]:
        """The stored transliterated names with skeleton ``key``, sorted."""
        with contextlib.suppress(UnicodeEncodeError):
            rows = self._conn.execute("SELECT name FROM skeletons WHERE key = ? ORDER BY name", (key,))
            return tuple(str(name) for (name,) in rows)
        return ()

    def is_arabic_key(self, key: str) -> bool | None:
        """Whether a place of an Arabic-named country has a name with lookup key ``key``; None when
        the index was written without those keys (unknown)."""
        if not self._arabic_known:
            return None
        with contextlib.suppress(UnicodeEncodeError):
            return self._conn.execute("SELECT 1 FROM arabic WHERE key = ?", (key,)).fetchone() is not None
        return False


def word_goes_on(text: str, end: int) -> bool:
    """Whether an apostrophe at ``end`` joins the name to more letters ("Shi'ite", "Ta'izz"): not a
    possessive ("Pakistan's") or a closing quote."""
    if text[end] not in "'’" or end + 1 >= len(text) or not text[end + 1].isalpha():
        return False
    return not (text[end + 1] in "sS" and (end + 2 >= len(text) or not text[end + 2].isalnum()))

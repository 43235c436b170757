"""Compiled regular expressions kept between processes, for a fast start.

Importing the extraction stack compiles about 300 regular expressions and loading the actor
dictionary seven large ones: about 0.12 s of a one-article ``frontlines extract``, nearly all of it in
``re``'s parser and code generator. What they produce for a pattern and its flags is a list of
integers (the regex engine's program) and the group names, which ``_sre.compile`` turns into a
pattern object in microseconds. Inside ``with cached_patterns(data_dir):`` every pattern ``re``
compiles is looked up by (pattern, flags) in a cache file and built from its stored program; a
pattern not found is compiled as usual (by ``re`` itself) and its program added to the file when the
block ends. Outside the block ``re`` is untouched.

The file (``regex-<format>-<interpreter>-<version>-<engine magic>.marshal`` in the data directory)
is written atomically and holds a SHA-256 of its content: an interpreter of another version never
reads it, a damaged one is ignored, and ``_sre.compile`` validates each program it is given (a
program it refuses is compiled afresh). It holds the patterns of the last block that had to compile
one, so a change to a pattern rewrites it once. ``frontlines prepare`` (``make install``) writes it.
"""

from __future__ import annotations

import _sre
import contextlib
import hashlib
import marshal
import os
import re
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

#: Bump when the file's layout changes.
CACHE_FORMAT = 1
_DIGEST = hashlib.sha256().digest_size
#: ``re.DEBUG`` prints while parsing: such patterns are left to ``re``.
_DEBUG = int(re.DEBUG)

#: (pattern, flags) -> (flags with the pattern's inline flags, program, groups, group index, index group):
#: the arguments ``_sre.compile`` takes after the pattern.
Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
Key = tuple[str | bytes, int]

_active = threading.Lock()


def cache_path(data_dir: Path) -> Path:
    """The cache file of this interpreter in ``data_dir``."""
    version = f"{sys.implementation.name}-{sys.hexversion:x}-{_sre.MAGIC}"
    return data_dir / f"regex-{CACHE_FORMAT}-{version}.marshal"


def read_cache(path: Path) -> dict[Key, Entry]:
    """The entries of a cache file; empty when it is missing, damaged or not one."""
    try:
        blob = path.read_bytes()
        if hashlib.sha256(blob[_DIGEST:]).digest() != blob[:_DIGEST]:
            return {}
        table = marshal.loads(blob[_DIGEST:])
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return table if isinstance(table, dict) else {}


def write_cache(path: Path, table: dict[Key, Entry]) -> None:
    """Write the entries atomically (a temporary file renamed over ``path``)."""
    payload = marshal.dumps(table)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(hashlib.sha256(payload).digest() + payload)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def program(pattern: str | bytes, flags: int, compiled: Any) -> Entry:
    """What ``_sre.compile`` needs besides ``pattern`` to build ``compiled`` (``pattern`` compiled with
    ``flags`` by ``re``): the program from ``re``'s own parser and code generator, the group facts
    read off ``compiled``."""
    code = _compiler._code(_parser.parse(pattern, flags), flags)
    names = dict(compiled.groupindex)
    index: list[str | None] = [None] * (compiled.groups + 1)
    for name, i in names.items():
        index[i] = name
    return int(compiled.flags), [int(op) for op in code], int(compiled.groups), names, tuple(index)


def from_program(pattern: str | bytes, entry: Entry) -> Any:
    """The compiled pattern built from a stored program (raises when ``_sre`` refuses it)."""
    return _sre.compile(pattern, *entry)


@contextlib.contextmanager
def cached_patterns(data_dir: Path) -> Iterator[None]:
    """Compile the patterns ``re`` meets inside the block from the cache in ``data_dir`` when it has
    them; add the others to it at the end (when the folder is writable). Re-entering, or entering from
    a second thread while one block runs, leaves ``re`` as it is."""
    if not _active.acquire(blocking=False):
        yield
        return
    path = cache_path(data_dir)
    stored = read_cache(path)
    used: dict[Key, Entry] = {}
    fresh = 0
    original = _compiler.compile

    def compile_cached(pattern: Any, flags: int = 0) -> Any:
        nonlocal fresh
        if not isinstance(pattern, str | bytes) or not isinstance(flags, int) or flags & _DEBUG:
            return original(pattern, flags)
        key = (pattern, flags)
        entry = stored.get(key)
        if entry is not None:
            with contextlib.suppress(RuntimeError, TypeError, ValueError, OverflowError):
                compiled = from_program(pattern, entry)
                used[key] = entry
                return compiled
        compiled = original(pattern, flags)
        # re's internals are private: on an interpreter where they differ, compile as usual and
        # store nothing rather than fail
        with contextlib.suppress(AttributeError, TypeError, ValueError):
            used[key] = program(pattern, flags, compiled)
            fresh += 1
        return compiled

    _compiler.compile = compile_cached
    try:
        yield
    finally:
        _compiler.compile = original
        _active.release()
        if fresh:
            with contextlib.suppress(OSError):
                write_cache(path, used)

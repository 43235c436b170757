"""The compiled-pattern cache builds what ``re`` builds, and is rebuilt when it cannot be used."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import types
from pathlib import Path
from re import _compiler  # type: ignore[attr-defined]

import pytest

import frontlines
from frontlines.regex_cache import cache_path, cached_patterns, from_program, read_cache, write_cache

PATTERNS: list[tuple[str | bytes, int]] = [
    (r"(?P<n>\d+)\s+(?:people|civilians)\b", 0),
    (r"(?i)air\s*strikes?", 0),
    (r"(?<![\w-])(?P<dem>Russian|Syrian|Sudanese)\s+(?P<head>(?i:jets|drones))(?![\w-])", 0),
    (r"^[A-Z][A-Z'’.]+(?=[,:])", re.MULTILINE),
    (r"Deir ez-Zor|Dar‘ā|Ḩalab", re.IGNORECASE),
    (r"(a)(b)?(?P<c>c)(?(2)d|e)", 0),
    (rb"\x00[\x01-\x7f]+", 0),
    (r"[^\W\d_]+", re.ASCII),
]


def _same(pattern: str | bytes, flags: int, built: re.Pattern) -> bool:
    """Whether ``built`` is the pattern ``re`` compiles (same program, flags and groups)."""
    fresh = _compiler.compile(pattern, flags)
    return built == fresh and built.groupindex == fresh.groupindex and built.groups == fresh.groups


def _compile_all() -> list[re.Pattern]:
    re.purge()  # else ``re`` answers from its own in-process cache and never compiles
    return [re.compile(pattern, flags) for pattern, flags in PATTERNS]


def test_regex_cache_builds_what_re_builds(tmp_path: Path) -> None:
    with cached_patterns(tmp_path):
        first = _compile_all()  # compiled by re, programs stored
    table = read_cache(cache_path(tmp_path))
    assert set(table) == set(PATTERNS)
    written = cache_path(tmp_path).stat().st_mtime_ns
    with cached_patterns(tmp_path):
        second = _compile_all()  # built from the stored programs
    assert cache_path(tmp_path).stat().st_mtime_ns == written  # nothing new: not written again
    for (pattern, flags), a, b in zip(PATTERNS, first, second, strict=True):
        assert _same(pattern, flags, a) and _same(pattern, flags, b)
    assert second[0].search("killing 12 civilians").group("n") == "12"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # written atomically


def test_regex_cache_leaves_re_alone_outside_its_block(tmp_path: Path) -> None:
    original = _compiler.compile
    with cached_patterns(tmp_path):
        assert _compiler.compile is not original
        with cached_patterns(tmp_path / "other"):  # nested: a no-op
            re.purge()
            re.compile("nested")
    assert _compiler.compile is original
    assert not (tmp_path / "other").exists()


def test_regex_cache_damaged_file_is_ignored_and_rewritten(tmp_path: Path) -> None:
    with cached_patterns(tmp_path):
        _compile_all()
    path = cache_path(tmp_path)
    blob = bytearray(path.read_bytes())
    blob[-5] ^= 0xFF
    path.write_bytes(bytes(blob))
    assert read_cache(path) == {}
    with cached_patterns(tmp_path):
        built = _compile_all()
    assert all(_same(p, f, b) for (p, f), b in zip(PATTERNS, built, strict=True))
    assert set(read_cache(path)) == set(PATTERNS)


def test_regex_cache_program_the_engine_refuses_is_compiled_afresh(tmp_path: Path) -> None:
    pattern, flags = PATTERNS[0]
    with cached_patterns(tmp_path):
        _compile_all()
    path = cache_path(tmp_path)
    table = read_cache(path)
    good = table[(pattern, flags)]
    table[(pattern, flags)] = (good[0], [999_999, 1, 2], *good[2:])  # not a program _sre accepts
    write_cache(path, table)
    with pytest.raises(RuntimeError):
        from_program(pattern, table[(pattern, flags)])
    with cached_patterns(tmp_path):
        built = _compile_all()
    assert _same(pattern, flags, built[0])
    assert read_cache(path)[(pattern, flags)] == good


def test_regex_cache_is_named_by_interpreter(tmp_path: Path) -> None:
    name = cache_path(tmp_path).name
    assert f"{sys.hexversion:x}" in name and sys.implementation.name in name


def test_regex_cache_of_the_extraction_stack_matches_re(tmp_path: Path) -> None:
    """The real thing: a fresh interpreter imports the extraction stack and loads the actor dictionary
    inside the block (every program is stored), a second one builds them all from the file."""
    code = """
        import sys
        from pathlib import Path
        from frontlines.regex_cache import cached_patterns
        with cached_patterns(Path(sys.argv[1])):
            import frontlines.run
            from frontlines.mentions.actors import ActorDictionary
            ActorDictionary.load()
    """
    src = str(Path(frontlines.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": src}
    written = []
    for _ in range(2):
        subprocess.run(
            [sys.executable, "-c", textwrap.dedent(code), str(tmp_path)],
            env=env, check=True, timeout=120, capture_output=True,
        )  # fmt: skip
        written.append(cache_path(tmp_path).stat().st_mtime_ns)
    assert written[0] == written[1]  # the second process found every pattern in the file
    table = read_cache(cache_path(tmp_path))
    assert len(table) > 250  # the stack's ~300 patterns and the actor dictionary's
    mismatched = [key for key, entry in table.items() if not _same(*key, from_program(key[0], entry))]
    assert mismatched == []


def test_regex_cache_without_re_internals_compiles_as_usual(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An interpreter whose private ``re`` internals differ: patterns compile as ``re`` compiles
    them, nothing is stored."""
    monkeypatch.setattr("frontlines.regex_cache._parser", types.SimpleNamespace())  # no parse()
    with cached_patterns(tmp_path):
        built = _compile_all()
    assert all(_same(p, f, b) for (p, f), b in zip(PATTERNS, built, strict=True))
    assert not cache_path(tmp_path).exists()

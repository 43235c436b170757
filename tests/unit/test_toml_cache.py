"""Parsed TOML kept in the data directory: what tomllib gives, reused, replaced, never trusted blindly."""

from __future__ import annotations

import pickle
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from frontlines.toml_cache import cache_path, load_toml

TEXT = b"""
title = "t"
[[actor]]
name = "Rapid Support Forces"
since = 2013-08-01
aliases = ["RSF", "Janjaweed"]
[[actor]]
name = "Cartel de Sinaloa"
at = 2024-09-09T10:00:00+01:00
[nested.table]
n = 3
x = 1.5
ok = true
"""


def test_toml_cache_gives_what_tomllib_gives(tmp_path: Path) -> None:
    first = load_toml(TEXT, tmp_path, "t")  # parsed, then kept
    assert cache_path(TEXT, tmp_path, "t").is_file()
    second = load_toml(TEXT, tmp_path, "t")  # from the kept copy
    assert first == second == tomllib.loads(TEXT.decode())


def test_toml_cache_of_the_actor_dictionary(tmp_path: Path) -> None:
    raw = resources.files("frontlines").joinpath("data/actors.toml").read_bytes()
    load_toml(raw, tmp_path, "actors")
    assert load_toml(raw, tmp_path, "actors") == tomllib.loads(raw.decode())


def test_toml_cache_is_reused_and_replaced_when_the_text_changes(tmp_path: Path) -> None:
    load_toml(TEXT, tmp_path, "t")
    path = cache_path(TEXT, tmp_path, "t")
    written = path.stat().st_mtime_ns
    load_toml(TEXT, tmp_path, "t")
    assert path.stat().st_mtime_ns == written  # read, not written again
    edited = b"added = 1\n" + TEXT
    assert load_toml(edited, tmp_path, "t")["added"] == 1
    assert [p.name for p in tmp_path.iterdir()] == [cache_path(edited, tmp_path, "t").name]


class _Boom:
    def __reduce__(self):
        return (print, ("this must never run",))


@pytest.mark.parametrize("content", [b"not a pickle", pickle.dumps({"x": _Boom()}), pickle.dumps([1, 2])])
def test_toml_cache_refuses_what_is_not_its_data_and_parses_again(
    tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    cache_path(TEXT, tmp_path, "t").write_bytes(content)
    assert load_toml(TEXT, tmp_path, "t") == tomllib.loads(TEXT.decode())
    assert "must never run" not in capsys.readouterr().out
    assert load_toml(TEXT, tmp_path, "t") == tomllib.loads(TEXT.decode())  # rewritten


def test_toml_cache_text_that_is_not_toml_raises(tmp_path: Path) -> None:
    with pytest.raises(tomllib.TOMLDecodeError):
        load_toml(b"= nothing", tmp_path, "t")

"""Start-up: a command loads only what it uses. Each case runs in a fresh interpreter and lists the
modules it ended with, so an import added at the top of a command module shows up here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import frontlines

#: Loaded by extraction only; never by importing the CLI or asking it for help.
EXTRACTION = ("frontlines.run", "frontlines.events", "frontlines.geo", "frontlines.ingest", "numpy")
#: Loaded only by the commands (and input formats) that use them.
ON_DEMAND = ("trafilatura", "py3langid", "frontlines.evaluation", "frontlines.corpus.evaluate", "dask")


def modules_after(args: list[str] | None, tmp_path: Path) -> set[str]:
    """The modules a fresh interpreter holds after importing the CLI and, with ``args``, running it."""
    listing = tmp_path / "modules.json"
    code = f"""
        import json, sys
        from frontlines.cli.main import app
        args = {args!r}
        if args is not None:
            try:
                app(args)
            except SystemExit:
                pass
        with open({str(listing)!r}, "w") as fh:
            json.dump(sorted(sys.modules), fh)
    """
    src = str(Path(frontlines.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": src, "FRONTLINES_TODAY": "2026-01-01"}
    subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], env=env, check=True, timeout=120, capture_output=True
    )
    return set(json.loads(listing.read_text()))


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


@pytest.mark.parametrize("args", [None, ["--help"], ["eval", "--help"], ["extract", "--help"]])
def test_startup_cli_and_help_load_no_extraction_stack(args, tmp_path):
    modules = modules_after(args, tmp_path)
    assert "frontlines.cli.main" in modules
    assert _loaded(modules, EXTRACTION + ON_DEMAND) == []


def test_startup_extract_loads_no_scorer_and_no_html_reader(resources, tmp_path):
    one = tmp_path / "one.jsonl"
    one.write_text(
        json.dumps(
            {
                "id": "a1",
                "text": "Government jets bombarded Douma on 3 May 2016, killing five people.",
                "published": "2016-05-04",
            }
        )
        + "\n"
    )
    modules = modules_after(["extract", str(one)], tmp_path)
    assert "frontlines.run" in modules and "py3langid" in modules  # it did extract
    unused = ("trafilatura", "frontlines.evaluation", "frontlines.corpus.evaluate", "dask")
    assert _loaded(modules, unused) == []

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


def _one_article(tmp_path: Path) -> Path:
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
    return one


def test_startup_extract_loads_no_scorer_and_no_html_reader(resources, tmp_path):
    modules = modules_after(["extract", str(_one_article(tmp_path))], tmp_path)
    assert "frontlines.run" in modules and "py3langid" in modules  # it did extract
    unused = ("trafilatura", "frontlines.evaluation", "frontlines.corpus.evaluate", "dask")
    assert _loaded(modules, unused) == []


def test_startup_prepare_builds_the_caches_a_run_loads(resources, data_dir, tmp_path):
    """`make install` runs `frontlines prepare`: after it, the place name index and the compiled
    patterns are there, and a one-article extract opens the index instead of loading the automaton."""
    from frontlines.geo.name_index import index_path
    from frontlines.regex_cache import cache_path, read_cache

    src = str(Path(frontlines.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": src, "FRONTLINES_DATA": str(data_dir)}
    cli = [sys.executable, "-c", "from frontlines.cli.main import app; app()"]
    out = subprocess.run([*cli, "prepare"], env=env, check=True, timeout=300, capture_output=True, text=True)
    assert "place name index" in out.stdout
    assert index_path(resources.gazetteer.path).is_file()
    assert len(read_cache(cache_path(data_dir))) > 250
    code = """
        import datetime as dt, sys
        from pathlib import Path
        from frontlines.config import load_settings
        from frontlines.run import extract, load_resources
        settings = load_settings()
        resources = load_resources(settings)
        results = list(extract([Path(sys.argv[1])], settings, resources, today=dt.date(2026, 1, 1)))
        print(len(results[0].doc.events), resources.matcher.loaded)
    """
    one = str(_one_article(tmp_path))
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), one],
        env=env,
        check=True,
        timeout=120,
        capture_output=True,
        text=True,
    )
    assert out.stdout.split() == ["1", "False"]  # an event, and the automaton was never loaded


def test_startup_loading_pauses_the_garbage_collector_and_gives_it_back(data_dir):
    """The extraction stack loads with the cyclic collector paused; after the block (even one that
    fails) it collects again, and a collector the caller had turned off stays off."""
    import gc

    from frontlines.cli.common import State, loading

    assert gc.isenabled()
    with loading():
        assert not gc.isenabled()
    assert gc.isenabled() and State.freeze_at_exit  # the heap is frozen at exit, once
    with pytest.raises(RuntimeError), loading():
        raise RuntimeError("a resource failed to load")
    assert gc.isenabled()
    gc.disable()
    try:
        with loading():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_startup_a_run_that_reads_much_loads_the_automaton_at_once(resources, settings, tmp_path):
    """Past the name index's budget the automaton would load anyway: it loads with the resources,
    before the run's caches grow (its unpickling needs 120 MB more for a moment)."""
    from frontlines.geo.matcher import INDEX_BUDGET_CHARS
    from frontlines.ingest import input_bytes
    from frontlines.run import is_bulk, load_resources

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("x" * 1000)
    (tmp_path / "in" / "a.json").write_text("{}")  # a .txt sidecar: not read, not counted
    (tmp_path / "in" / "README.md").write_text("y" * 50)  # documentation: skipped
    big = tmp_path / "big.jsonl"
    big.write_bytes(b"z" * (INDEX_BUDGET_CHARS + 10))
    assert input_bytes([tmp_path / "in", tmp_path / "missing.txt"]) == 1000
    assert input_bytes([big, tmp_path / "in"], stop=INDEX_BUDGET_CHARS) == INDEX_BUDGET_CHARS + 10
    assert not is_bulk([tmp_path / "in"]) and is_bulk([big])
    assert not load_resources(settings, bulk=is_bulk([tmp_path / "in"])).matcher.loaded
    assert load_resources(settings, bulk=is_bulk([big])).matcher.loaded

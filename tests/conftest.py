"""Shared fixtures: settings and the loaded resources, built once per session in a temporary data folder.

The suite is hermetic: before any test runs, ``FRONTLINES_DATA`` points at a fresh temporary folder
and the user's ``FRONTLINES_CONFIG`` / ``FRONTLINES_DB`` are set aside, so nothing a user imported
into their own data folder (a COD-AB import, a retrained classifier) changes what a test sees, and
no test writes there. The embedded gazetteer and the default classifier are built into that folder
on first use (about 40 s, once per session) by the same code ``make install`` runs.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from frontlines.config import Settings, default_data_dir, load_settings
from frontlines.run import Resources, load_resources

#: Environment variables that point the code at the user's own files; set aside for the session.
_USER_VARIABLES = ("FRONTLINES_DATA", "FRONTLINES_CONFIG", "FRONTLINES_DB")
_saved: dict[str, str | None] = {}
_data_dir: list[Path] = []


def pytest_configure(config: pytest.Config) -> None:
    """Point the data folder at a temporary one before collection imports anything that reads it."""
    for name in _USER_VARIABLES:
        _saved[name] = os.environ.pop(name, None)
    folder = Path(tempfile.mkdtemp(prefix="frontlines-test-data-"))
    _data_dir.append(folder)
    os.environ["FRONTLINES_DATA"] = str(folder)
    config.addinivalue_line("markers", "hermetic: reads only resources the suite built itself")


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the session's data folder and give the user's environment back."""
    for folder in _data_dir:
        shutil.rmtree(folder, ignore_errors=True)
    _data_dir.clear()
    for name, value in _saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The session's own data folder (``FRONTLINES_DATA``): empty until a resource is first loaded."""
    folder = default_data_dir()
    assert _data_dir and folder == _data_dir[0], "the data folder is not the session's temporary one"
    return folder


@pytest.fixture(scope="session")
def settings(data_dir: Path) -> Settings:
    return load_settings()


@pytest.fixture(scope="session")
def resources(settings: Settings) -> Resources:
    """The embedded gazetteer (built here, into the session's data folder) and the actor dictionary."""
    return load_resources(settings)

"""Shared fixtures: settings and the loaded resources (once per session)."""

from __future__ import annotations

import pytest

from frontlines.config import Settings, load_settings
from frontlines.run import Resources, load_resources


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings()


@pytest.fixture(scope="session")
def resources(settings: Settings) -> Resources:
    """The real embedded gazetteer and actor dictionary (built by `make install`)."""
    return load_resources(settings)

"""The REST API and web map of ``frontlines serve`` (FastAPI)."""

from __future__ import annotations

from frontlines.api.app import create_app
from frontlines.api.routes import ServeConfig

__all__ = ["ServeConfig", "create_app"]

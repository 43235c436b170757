"""The REST API and web map of ``frontlines serve`` (FastAPI)."""

from __future__ import annotations

from frontlines.api.app import ServeConfig, create_app

__all__ = ["ServeConfig", "create_app"]

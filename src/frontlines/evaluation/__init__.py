"""Scorers against gold data: each prints per-field figures and is mirrored by a ``frontlines eval``
command."""

from __future__ import annotations

from frontlines.evaluation.geoparse import GeoparseScores, evaluate_geoparse, read_gold

__all__ = ["GeoparseScores", "evaluate_geoparse", "read_gold"]

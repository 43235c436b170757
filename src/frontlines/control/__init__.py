"""Territorial control: who holds a place, since when, and on whose word (from territorial events)."""

from __future__ import annotations

from frontlines.control.timeline import ControlInterval, UnknownPlace, control_timeline, controller_at

__all__ = ["ControlInterval", "UnknownPlace", "control_timeline", "controller_at"]

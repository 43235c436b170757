"""The suite never reads the user's data folder: its gazetteer is built by the session (issue 11, item 5)."""

from __future__ import annotations

import sys
from pathlib import Path

from frontlines.config import Settings
from frontlines.run import Resources


def test_hermetic_gazetteer_is_built_in_the_session_folder(
    data_dir: Path, settings: Settings, resources: Resources
) -> None:
    user_folder = Path(sys.prefix) / "share" / "frontlines"
    path = settings.gazetteer_path()
    assert path.parent == data_dir and path.is_file()
    assert user_folder not in path.parents
    assert getattr(resources.gazetteer, "path", None) == path

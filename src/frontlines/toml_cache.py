"""Parsed TOML kept between processes, for a fast start.

``data/actors.toml`` (about 1,900 keys) takes 0.015-0.02 s to parse, every run; what it parses to
(dicts, lists, strings, numbers and dates) loads from a pickle in about a millisecond.
:func:`load_toml` keeps that pickle in the data directory, named by the TOML's SHA-256, so an edited
file is parsed again and never read through an old pickle (the old one is removed). Written
atomically; unpickled with only the ``datetime`` types TOML can hold allowed (anything else in the
file is refused as damaged and the TOML parsed again); a read-only data directory only loses the
saved copy.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import os
import pickle
from pathlib import Path
from typing import Any

#: Bump when the pickled layout changes.
CACHE_FORMAT = 1
#: The only classes a cached pickle may name: what ``tomllib`` returns besides builtins.
_ALLOWED = {
    ("datetime", name): getattr(dt, name) for name in ("date", "datetime", "time", "timezone", "timedelta")
}


class _DataOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        found = _ALLOWED.get((module, name))
        if found is None:
            raise pickle.UnpicklingError(f"{module}.{name} is not TOML data")
        return found


def cache_path(raw: bytes, data_dir: Path, name: str) -> Path:
    """Where the parsed form of the TOML text ``raw`` (known as ``name``) is kept in ``data_dir``."""
    return data_dir / f"{name}-{CACHE_FORMAT}-{hashlib.sha256(raw).hexdigest()[:24]}.pickle"


def load_toml(raw: bytes, data_dir: Path, name: str) -> dict[str, Any]:
    """``tomllib.loads`` of the UTF-8 text ``raw``, from the data directory's pickle of it when there
    is one, else parsed and pickled there. Raises what ``tomllib`` raises for text that is not TOML."""
    path = cache_path(raw, data_dir, name)
    with contextlib.suppress(OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
        data = _DataOnly(io.BytesIO(path.read_bytes())).load()
        if isinstance(data, dict):
            return data
    import tomllib  # only on a miss: a run that finds the pickle never loads the parser

    data = tomllib.loads(raw.decode("utf-8"))
    with contextlib.suppress(OSError):
        _write(path, data)
        for old in data_dir.glob(f"{name}-{CACHE_FORMAT}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    return data


def _write(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)

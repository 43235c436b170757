"""One Settings object, a section per stage; resolved once at the edge, then passed down.

Precedence: defaults < TOML file (``--config`` or ``FRONTLINES_CONFIG``) < environment
(``FRONTLINES_DB``, ``FRONTLINES_DATA``) < explicit overrides (``section.key=value``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontlines.errors import ConfigError


def default_data_dir() -> Path:
    """Where built resources (the embedded gazetteer) live: inside the active environment."""
    env = os.environ.get("FRONTLINES_DATA")
    if env:
        return Path(env)
    return Path(sys.prefix) / "share" / "frontlines"


@dataclass(frozen=True, slots=True)
class IngestSettings:
    #: Articles larger than this are rejected: no news report is 5 MB of text.
    max_bytes: int = 5_000_000
    #: Fewer characters than this after cleaning: nothing to read (a caption, an empty page).
    min_chars: int = 25
    #: Languages the extraction stages read. Others are rejected with code ``language``.
    languages: tuple[str, ...] = ("en",)
    #: Day-first reading of ambiguous dates like 4/7/2017 (default: month first, as in FA-KES).
    dayfirst: bool = False


@dataclass(frozen=True, slots=True)
class GeoSettings:
    #: The gazetteer file; empty means the embedded default in the data directory.
    gazetteer: str = ""
    #: Smallest population for a GeoNames town to enter the embedded gazetteer.
    min_population: int = 500
    #: Where `gazetteer pull` downloads GeoNames country files ({base}/{CC}.zip).
    geonames_url: str = "https://download.geonames.org/export/dump"
    #: COD-AB packages to pull per country, as "CC=URL".
    codab_urls: tuple[str, ...] = ()
    #: Expected checksums of pulled files, as "NAME.zip=HEX" or "URL=HEX".
    pull_sha256: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EventSettings:
    #: An explicit date this many days before publication marks a sentence as background.
    background_days: int = 31
    #: ... unless at least this share of the dates the text names are that old (and it names at least
    #: ``retrospective_dates``): a text that tells history (a report, a chronicle) codes each event on
    #: its own day (rule ``retrospective-text``).
    retrospective_share: float = 0.5
    retrospective_dates: int = 3
    #: The sentence classifier's model file; empty means the default model in the data directory.
    classifier: str = ""
    #: The coding cascade's thresholds (``events/cascade.py``), chosen on the world corpus's
    #: leave-country-out dev figures (``frontlines eval corpus``), never on its sealed split.
    #: The classifier names the event of a sentence no trigger rule fires on at this confidence ...
    classifier_threshold: float = 0.4
    #: ... or at this confidence in a text longer than ``long_text_chars`` (a whole report).
    classifier_threshold_long: float = 0.8
    long_text_chars: int = 600
    #: ... or at this one in a whole report's sentence that tells a violent act with a side or a toll.
    classifier_threshold_long_violence: float = 0.5
    #: ... and at least this in a sentence with no actor and no toll either (read in short texts only).
    classifier_threshold_bare: float = 0.8
    #: ... and only in sentences that report deaths while this is set.
    classifier_needs_toll: bool = False
    #: Rule ``model-reads-violence``: in a short text, a sentence that tells a violent act with an actor
    #: or a toll is an event of the model's likeliest sub-event type at this probability or more, even
    #: when "no event" is likelier still (above 1: never).
    classifier_violence: float = 0.3
    #: The classifier's sub-event type replaces the rules' at this confidence (above 1: never).
    classifier_override: float = 0.7
    #: ... when the rules' type and the classifier's are of the same event type.
    classifier_override_within: float = 0.7
    #: The classifier's "no event" drops a sentence the rules fired on at this confidence (above 1: never).
    classifier_veto: float = 0.8
    #: Ids of rules switched off (``frontlines eval corpus --ablate RULE_ID``).
    rules_off: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoreSettings:
    db: str = "frontlines.db"
    #: Articles written per transaction.
    batch_size: int = 200


@dataclass(frozen=True, slots=True)
class Settings:
    ingest: IngestSettings = field(default_factory=IngestSettings)
    geo: GeoSettings = field(default_factory=GeoSettings)
    events: EventSettings = field(default_factory=EventSettings)
    store: StoreSettings = field(default_factory=StoreSettings)

    def hash(self) -> str:
        """A short, stable hash of every setting, stored with the results of a run."""
        blob = json.dumps(dataclasses.asdict(self), sort_keys=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]

    def gazetteer_path(self) -> Path:
        if self.geo.gazetteer:
            return Path(self.geo.gazetteer)
        return default_data_dir() / EMBEDDED_GAZETTEER


#: The embedded gazetteer's file name; the number changes whenever its build changes, so an old
#: build is never used by newer code (the new one is built on first use).
EMBEDDED_GAZETTEER = "gazetteer-11.sqlite"


def _coerce(current: Any, value: Any, where: str) -> Any:
    if isinstance(current, bool):
        if isinstance(value, bool):
            return value
        if str(value).lower() in {"1", "true", "yes", "on"}:
            return True
        if str(value).lower() in {"0", "false", "no", "off"}:
            return False
    elif isinstance(current, float):
        try:
            return float(value)
        except (TypeError, ValueError):
            pass
    elif isinstance(current, int):
        try:
            return int(value)
        except (TypeError, ValueError):
            pass
    elif isinstance(current, tuple):
        return tuple(value) if isinstance(value, list) else tuple(str(value).split(","))
    elif isinstance(current, str):
        return str(value)
    raise ConfigError(f"setting {where}={value!r} has the wrong type", f"expected {type(current).__name__}")


def _apply(settings: Settings, values: dict[str, dict[str, Any]], origin: str) -> Settings:
    sections = {}
    for name, items in values.items():
        section = getattr(settings, name, None)
        if section is None or not isinstance(items, dict):
            raise ConfigError(f"unknown settings section '{name}' in {origin}", "see `frontlines --help`")
        changes = {}
        for key, value in items.items():
            if not hasattr(section, key):
                raise ConfigError(f"unknown setting '{name}.{key}' in {origin}", "check the spelling")
            changes[key] = _coerce(getattr(section, key), value, f"{name}.{key}")
        sections[name] = dataclasses.replace(section, **changes)
    return dataclasses.replace(settings, **sections)


def load_settings(
    config_file: Path | None = None, overrides: list[str] | None = None, db: str | None = None
) -> Settings:
    """Resolve the settings from defaults, a TOML file, the environment and ``key=value`` overrides."""
    settings = Settings()
    path = config_file or (
        Path(os.environ["FRONTLINES_CONFIG"]) if "FRONTLINES_CONFIG" in os.environ else None
    )
    if path is not None:
        import tomllib  # only with a config file: a plain run never parses TOML here

        try:
            settings = _apply(settings, tomllib.loads(path.read_text(encoding="utf-8")), str(path))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config file {path}: {exc}", "fix or remove the file") from exc
    if "FRONTLINES_DB" in os.environ:
        settings = _apply(settings, {"store": {"db": os.environ["FRONTLINES_DB"]}}, "FRONTLINES_DB")
    nested: dict[str, dict[str, Any]] = {}
    for item in overrides or []:
        key, sep, value = item.partition("=")
        section, dot, name = key.partition(".")
        if not sep or not dot:
            raise ConfigError(
                f"--set {item!r} is not of the form section.key=value", "e.g. --set store.batch_size=100"
            )
        nested.setdefault(section, {})[name] = value
    settings = _apply(settings, nested, "--set")
    if db is not None:
        settings = _apply(settings, {"store": {"db": db}}, "--db")
    return settings

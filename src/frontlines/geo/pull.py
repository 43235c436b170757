"""Download and import gazetteer data for whole countries (for users with internet).

``pull(["SY"], gazetteer_path, PullConfig(...))`` fetches ``{geonames_url}/{CC}.zip`` (the GeoNames
country dump) and, where ``codab_urls`` has one for the country, its COD-AB package; every file is
verified (a readable zip whose members pass their CRC; its SHA-256 when ``sha256`` lists the file
name or URL) before anything is imported, so an offline or broken download changes nothing. Plain
``urllib``: no extra dependency. Only the CLI calls this; no pipeline stage downloads anything.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from frontlines.errors import ResourceError
from frontlines.geo.importers import ImportStats, import_path

DEFAULT_GEONAMES_URL = "https://download.geonames.org/export/dump"
#: Seconds to wait for a server before giving up.
TIMEOUT = 60.0
_CHUNK = 1 << 20


class PullError(ResourceError):
    """A download failed or did not verify; nothing was imported."""

    code = "E303"


@dataclass(frozen=True, slots=True)
class PullConfig:
    """Where to download from: the GeoNames dump base URL, COD-AB package URLs per ISO2 country and
    expected SHA-256 digests (keyed by file name such as ``SY.zip`` or by full URL)."""

    geonames_url: str = DEFAULT_GEONAMES_URL
    codab_urls: Mapping[str, str] = field(default_factory=dict)
    sha256: Mapping[str, str] = field(default_factory=dict)
    timeout: float = TIMEOUT


def parse_pairs(items: Sequence[str], what: str) -> dict[str, str]:
    """``["SY=https://...", ...]`` as a dict; raises PullError naming a malformed item."""
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise PullError(f"{what} {item!r} is not KEY=VALUE", "e.g. SY=https://example.org/syr_cod.zip")
        out[key.strip()] = value.strip()
    return out


def download(url: str, target: Path, timeout: float = TIMEOUT) -> Path:
    """Stream ``url`` into ``target``; raises PullError with the URL and the reason."""
    hint = (
        "check the network connection and the URL (--base-url); offline, fetch the file on another"
        " machine and run `frontlines gazetteer import FILE`"
    )
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response, target.open("wb") as out:
            shutil.copyfileobj(response, out, _CHUNK)
    except urllib.error.HTTPError as exc:
        raise PullError(f"cannot download {url} (HTTP {exc.code} {exc.reason})", hint) from exc
    except urllib.error.URLError as exc:
        raise PullError(f"cannot download {url} ({exc.reason})", hint) from exc
    except (TimeoutError, OSError, ValueError) as exc:
        raise PullError(f"cannot download {url} ({exc})", hint) from exc
    return target


def verify(path: Path, url: str, sha256: Mapping[str, str]) -> None:
    """Check a downloaded zip: readable, every member's CRC, and the expected SHA-256 if configured."""
    expected = sha256.get(url) or sha256.get(url.rsplit("/", 1)[-1])
    if expected:
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(_CHUNK), b""):
                digest.update(block)
        if digest.hexdigest().lower() != expected.lower():
            raise PullError(
                f"{url} has SHA-256 {digest.hexdigest()}, expected {expected}",
                "download again; if it persists, the file changed upstream: update the checksum",
            )
    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
    except (zipfile.BadZipFile, OSError) as exc:
        raise PullError(f"{url} is not a zip file ({exc})", "check the URL; it should end in .zip") from exc
    if bad is not None:
        raise PullError(f"{url} is corrupt (member {bad})", "download it again")


def urls_for(country: str, config: PullConfig) -> list[str]:
    """The files to fetch for one ISO2 country."""
    urls = [f"{config.geonames_url.rstrip('/')}/{country}.zip"]
    if country in config.codab_urls:
        urls.append(config.codab_urls[country])
    return urls


def pull(
    countries: Sequence[str], gazetteer_path: Path, config: PullConfig | None = None
) -> list[ImportStats]:
    """Download, verify and import the data of each country (ISO2 codes) into ``gazetteer_path``.
    All downloads are verified before the first import; each file is then imported atomically."""
    config = config or PullConfig()
    codes = [c.strip().upper() for c in countries]
    for code in codes:
        if not re.fullmatch(r"[A-Z]{2}", code):
            raise PullError(f"{code!r} is not an ISO 3166-1 alpha-2 country code", "e.g. SY, UA, YE")
    with tempfile.TemporaryDirectory(prefix="frontlines-pull-") as tmp:
        files: list[tuple[Path, str]] = []
        for code in codes:
            for i, url in enumerate(urls_for(code, config)):
                name = f"{code}.zip" if i == 0 else f"{code}-cod-ab.zip"
                target = download(url, Path(tmp) / name, config.timeout)
                verify(target, url, config.sha256)
                files.append((target, code))
        return [import_path(file, gazetteer_path, country=code) for file, code in files]

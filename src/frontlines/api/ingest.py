"""``POST /api/articles``: articles in (JSON or JSON Lines), through the same reader, pipeline, store
and merge as ``frontlines ingest``. The body is written as a JSONL file in a temporary folder so the
reader's checks and rejections apply unchanged."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
import threading
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from frontlines.api.errors import ApiError
from frontlines.config import Settings
from frontlines.merge.store import merge_pending
from frontlines.pipeline import Result
from frontlines.run import Resources, ingest, load_resources
from frontlines.store.sqlite import SqliteRepository

#: Bytes one POST may carry (a few thousand articles).
MAX_BODY_BYTES = 20_000_000
#: The name the upload gets, seen in each record's origin (``POST-api-articles.jsonl:LINE``).
UPLOAD_NAME = "POST-api-articles.jsonl"


def body_to_jsonl(body: bytes, content_type: str) -> bytes:
    """JSON Lines from a JSON object or array (``application/json``), or the body as it is (JSONL)."""
    if len(body) > MAX_BODY_BYTES:
        raise ApiError(
            413, "payload_too_large", f"body of {len(body)} bytes", f"send at most {MAX_BODY_BYTES}"
        )
    if not body.strip():
        raise ApiError(400, "invalid_input", "empty body", "send a JSON object, an array of them, or JSONL")
    if "json" in content_type and "jsonl" not in content_type and "ndjson" not in content_type:
        try:
            value = json.loads(body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise ApiError(
                400, "invalid_input", f"body is not JSON: {exc}", "send JSONL as application/jsonl"
            ) from None
        items = value if isinstance(value, list) else [value]
        if not all(isinstance(item, dict) for item in items):
            raise ApiError(
                400, "invalid_input", "body holds a non-object", "each article is an object with text"
            )
        return b"".join(json.dumps(item, ensure_ascii=False).encode() + b"\n" for item in items)
    return body


class Ingestor:
    """Runs uploads one at a time (one writer), loading the pipeline's resources on first use."""

    def __init__(self, settings: Settings, today: Callable[[], dt.date]) -> None:
        self._settings = settings
        self._today = today
        self._lock = threading.Lock()
        self._resources: Resources | None = None

    def __call__(self, body: bytes, content_type: str) -> dict[str, Any]:
        """Ingest the articles of ``body`` and merge them; what was read, added and rejected."""
        data = body_to_jsonl(body, content_type)
        with self._lock, tempfile.TemporaryDirectory(prefix="frontlines-post-") as folder:
            if self._resources is None:
                self._resources = load_resources(self._settings)
            path = Path(folder) / UPLOAD_NAME
            path.write_bytes(data)
            repository = SqliteRepository(self._settings.store.db)
            try:
                rejected: list[dict[str, str | None]] = []

                def note(result: Result) -> None:
                    if result.rejection is not None:
                        r = result.rejection
                        origin = r.origin.replace(folder + "/", "")
                        rejected.append({"origin": origin, "code": r.code, "detail": r.detail})

                report = ingest(
                    [path], self._settings, self._resources, repository, today=self._today(), progress=note
                )
                merged = merge_pending(repository)
            finally:
                repository.close()
        summary = asdict(report)
        summary["rejections"] = rejected
        summary["canonical_total"] = merged.canonical_total
        return summary

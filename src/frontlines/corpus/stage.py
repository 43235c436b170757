"""Turn hand-coded staging items into corpus items: real text becomes a reference into the shared
data (``file``, ``start``, ``end``, ``sha1``), so no shared text is copied into the package.

Usage (maintainers): ``python -m frontlines.corpus.stage STAGED.jsonl OUT.jsonl``. Items whose real
text is not found verbatim in their file are reported and left out.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from frontlines.corpus.items import REAL_SOURCES, shared_data_dir, span_digest

#: The fields an item keeps, in this order.
FIELDS = (
    "id",
    "source",
    "register",
    "country",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "fatalities",
    "location",
    "style",
)


def reference(record: dict[str, object], shared: Path, files: dict[str, str]) -> dict[str, object] | None:
    """The corpus form of one staging record: real text replaced by its first occurrence in its
    file; ``None`` when the text is not in the file."""
    out: dict[str, object] = {key: record.get(key) for key in FIELDS}
    if record.get("source") not in REAL_SOURCES:
        out["text"] = record["text"]
        return out
    name = str(record["file"])
    if name not in files:
        path = shared / name
        files[name] = path.read_text(encoding="utf-8") if path.is_file() else ""
    text = str(record["text"])
    start = files[name].find(text)
    if start < 0:
        return None
    out.update(file=name, start=start, end=start + len(text), sha1=span_digest(text))
    return out


def main(argv: list[str]) -> int:
    staged, target = Path(argv[0]), Path(argv[1])
    shared = shared_data_dir()
    if shared is None:
        print("no shared data folder (set FRONTLINES_SHARED_DATA)", file=sys.stderr)
        return 2
    files: dict[str, str] = {}
    kept, dropped = [], 0
    for number, line in enumerate(staged.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        item = reference(json.loads(line), shared, files)
        if item is None:
            dropped += 1
            print(f"{staged}:{number}: text not found verbatim in its file; left out", file=sys.stderr)
            continue
        kept.append(json.dumps(item, ensure_ascii=False))
    target.write_text("\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} items written to {target}, {dropped} left out")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Weak location check on FA-KES: do an article's events fall in the governorate it is labelled with?

FA-KES labels each of its 804 articles with one Syrian governorate (column ``location``). An article
usually reports events in that governorate, so the share of articles with events at least one of
which lies there is a rough, label-noisy check of place resolution and admin1 assignment.

Run: `.venv/bin/python eval/fakes_admin1.py` (skips when ../shared/data is absent). Prints figures.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from frontlines.config import load_settings
from frontlines.run import extract, load_resources

FAKES = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "fakes" / "FA-KES-Dataset.csv"
FIELD_MAP = {"text": "article_content", "published": "date", "title": "article_title", "id": "unit_id"}


def fold(name: str | None) -> str:
    """Lower-case letters only, accents and Arabic articles dropped: 'Al-Ḩasakah' -> 'hasakah'."""
    plain = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    letters = "".join(ch for ch in plain.lower() if ch.isalpha())
    for article in ("al", "ar", "as", "ad"):
        if letters.startswith(article) and len(letters) > 5:
            letters = letters[len(article) :]
            break
    return letters.replace("governorate", "")


def same_governorate(label: str, admin1: str | None) -> bool:
    """Spellings differ ('lattakia'/'Latakia', 'hasakeh'/'Al-Hasakah', 'deir ezzor'/'Deir ez-Zor'):
    compare the first four folded letters."""
    a, b = fold(label), fold(admin1)
    return bool(a and b) and a[:4] == b[:4]


def main() -> int:
    if not FAKES.exists():
        print(f"skipped: {FAKES} not found (needs ../shared/data)")
        return 0
    with FAKES.open(encoding="utf-8", errors="replace", newline="") as fh:
        labels = {row["unit_id"]: row["location"] for row in csv.DictReader(fh)}
    settings = load_settings()
    resources = load_resources(settings)
    with_events = agree = 0
    countries: Counter[str] = Counter()
    for result in extract([FAKES], settings, resources, today=dt.date(2026, 1, 1), field_map=FIELD_MAP):
        if result.doc is None or not result.doc.events:
            continue
        label = labels.get(str(result.doc.article.extra.get("id")), "")
        countries.update(e.country for e in result.doc.events)
        with_events += 1
        agree += any(same_governorate(label, e.admin1) for e in result.doc.events)
    events = sum(countries.values())
    print(f"articles with events:             {with_events} of {len(labels)}")
    print(f"an event in the labelled province: {agree / with_events:.3f} ({agree} articles)")
    print(
        f"events placed in Syria:            {countries['Syria'] / events:.3f} "
        f"({countries['Syria']} of {events})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

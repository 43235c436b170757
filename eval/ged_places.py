"""How close events land to the place UCDP GED coded, on the Syria GED rows (``../shared/data``).

For each GED row whose ``where_prec`` is 1 (the coordinates are the named location itself), the row's
``source_headline`` (and nothing else: not ``where_coordinates``, not the point) is run through the
pipeline as one article published on ``date_start``; ``frontlines eval acled`` picks the event to
compare (:func:`frontlines.evaluation.acled.choose_event`). Figures over all rows, a row without an
event counting as wrong: the event's point within 5 km and 25 km of GED's, its admin1 the row's
``adm_1`` (GED spells "Rif Dimashq" where COD-AB says "Rural Damascus": both count), and the event's
geo_precision. Many GED rows share one headline that names a province or another place, so even a
perfect geocoder is far below 1 here: compare gazetteers, not against 1.

Run: ``.venv/bin/python eval/ged_places.py [--gazetteer FILE] [--years 2018,2019]``; ``--names-out
OUT.csv --years 2016,2017`` instead writes those years' rows as a GED CSV to import (a split: import
names from some years, evaluate on the others). Skips when the data is absent.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
import tempfile
from collections import Counter
from pathlib import Path

from frontlines.config import load_settings
from frontlines.evaluation.acled import RowOutcome, evaluate_acled, same_admin1
from frontlines.geo.importers.ged import admin_name, split_name
from frontlines.run import load_resources

GED = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "data"
    / "ucdp_ged_syria"
    / "ged_syria_2016-2019.csv"
)
#: GED admin1 spellings that COD-AB writes as other words (vowel and article variants are folded by
#: ``same_admin1`` already).
ADMIN1_SYNONYMS = {"Rif Dimashq": "Rural Damascus"}
NEAR_KM, FAR_KM = 5.0, 25.0


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 12742.0 * math.asin(math.sqrt(a))


def ged_rows(years: set[int] | None) -> list[dict[str, str]]:
    """The exact-location GED rows with a headline, of ``years`` (all when None), in file order."""
    with GED.open(encoding="utf-8", newline="") as fh:
        rows = [
            r
            for r in csv.DictReader(fh)
            if r["where_prec"] in ("1", "1.0") and r["source_headline"].strip()
            and (years is None or int(float(r["year"])) in years)
        ]  # fmt: skip
    return rows


def write_gold(rows: list[dict[str, str]], path: Path) -> None:
    """The rows as an ACLED-format CSV: notes = the headline; the gold place, admin1 and date."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(
            ["event_id_cnty", "event_date", "admin1", "location", "latitude", "longitude", "notes"]
        )
        for row in rows:
            location = split_name(row["where_coordinates"])[0]
            writer.writerow([row["id"], row["date_start"], admin_name(row["adm_1"]) or "", location,
                             row["latitude"], row["longitude"], row["source_headline"]])  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gazetteer", type=Path, help="gazetteer file (default: the configured one)")
    parser.add_argument("--years", help="comma-separated years to use (default: all)")
    parser.add_argument("--names-out", type=Path, help="write the rows as a GED CSV to import, and stop")
    args = parser.parse_args()
    if not GED.exists():
        print(f"skipped: {GED} not found (needs ../shared/data)")
        return 0
    years = {int(y) for y in args.years.split(",")} if args.years else None
    rows = ged_rows(years)
    if args.names_out:
        with args.names_out.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        print(f"wrote {len(rows)} rows to {args.names_out}")
        return 0
    settings = load_settings(None, [f"geo.gazetteer={args.gazetteer}"] if args.gazetteer else [])
    resources = load_resources(settings)
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "ged_gold.csv"
        write_gold(rows, gold)
        scores = evaluate_acled(gold, settings, resources)
    print(f"gazetteer: {settings.gazetteer_path()}")
    print(f"GED rows (where_prec 1, years {args.years or 'all'}): {len(scores.outcomes)}")
    named = [o for o in scores.outcomes if _names_place(o.gold.location, o.gold.notes)]
    for label, outcomes in (("all rows", scores.outcomes), ("headline names the place", named)):
        _report(label, outcomes)
    return 0


def _names_place(location: str | None, text: str | None) -> bool:
    """Whether the headline spells GED's location name (letters only, any case)."""
    squeeze = lambda value: "".join(ch for ch in (value or "").casefold() if ch.isalnum())  # noqa: E731
    return bool(location) and squeeze(location) in squeeze(text)


def _report(label: str, outcomes: list[RowOutcome]) -> None:
    near = far = admin1 = with_event = 0
    precision: Counter[int] = Counter()
    for outcome in outcomes:
        event, truth = outcome.predicted, outcome.gold
        if event is None or truth.latitude is None or truth.longitude is None:
            continue
        with_event += 1
        km = _km(truth.latitude, truth.longitude, event.latitude, event.longitude)
        near, far = near + (km <= NEAR_KM), far + (km <= FAR_KM)
        gold_admin1 = truth.admin1 or ""
        admin1 += same_admin1(gold_admin1, event.admin1) or same_admin1(
            ADMIN1_SYNONYMS.get(gold_admin1), event.admin1
        )
        precision[int(event.geo_precision)] += 1
    total = max(len(outcomes), 1)
    print(f"{label}: {len(outcomes)} rows, with an event: {with_event}")
    for name, count in (("within 5 km", near), ("within 25 km", far), ("admin1 right", admin1)):
        print(f"  {name:<14} {count / total:.3f}  ({count})")
    shares = ", ".join(f"{p}: {n / max(with_event, 1):.3f}" for p, n in sorted(precision.items()))
    print(f"  geo_precision of the events: {shares}")


if __name__ == "__main__":
    sys.exit(main())

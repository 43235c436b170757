"""How many events the pipeline codes in whole articles of local, mostly non-conflict news.

The LGL and TR-News geoparsing corpora (``../shared/data/geoparsing_dev``) are local and world news
from before any of the project's conflict corpora: courts, fires, elections, police blotters, and a
few real conflict reports (South Ossetia, Dagestan, Gaza). Each article runs through the default
pipeline whole, as a user would run it, published on 2009-03-20 (relative dates need a day; the
figure does not depend on it much). Fewer events is better only when the ones removed were not
events: read the list (``--list``) before trusting a change in the count. Complements the sentence-level
false-alarm figure of ``frontlines eval corpus``, whose negatives are single sentences.

Run: ``.venv/bin/python eval/news_false_alarms.py [--list] [--json OUT.json]``. Skips when the data
is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from frontlines.config import load_settings
from frontlines.ingest.draft import Context, Draft, finish
from frontlines.model import Rejection
from frontlines.run import build_pipeline, load_resources

CORPORA = [Path("../shared/data/geoparsing_dev") / name for name in ("lgl.xml", "TR-News.xml")]
#: The publication day every article gets: these corpora were collected around it.
PUBLISHED = dt.date(2009, 3, 20)


def coded_events(paths: list[Path]) -> list[dict[str, str]]:
    """One row per event coded in any article of ``paths``: the article, sub-event type, actor 1,
    location and the sentence it was read from."""
    settings = load_settings()
    pipeline = build_pipeline(settings, load_resources(settings))
    context = Context(settings.ingest, today=dt.date.max)
    rows = []
    for path in paths:
        for article in ET.parse(path).getroot().iter("article"):
            text = (article.findtext("text") or "").strip()
            ident = article.get("docid") or article.findtext("url") or "?"
            draft = finish(Draft(origin=f"news:{ident}", text=text, published=PUBLISHED), context)
            if not text or isinstance(draft, Rejection):
                continue
            result = pipeline.run_one(draft)
            for event in result.doc.events if result.doc is not None else []:
                quote = next((e.quote for e in event.evidence if e.field == "event"), "")
                rows.append(
                    {
                        "article": ident,
                        "sub_event_type": event.sub_event_type.value,
                        "actor1": event.actor1,
                        "location": event.location,
                        "sentence": quote,
                    }
                )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print every event coded")
    parser.add_argument("--json", type=Path, help="write the events as JSON to this file")
    args = parser.parse_args()
    paths = [p for p in CORPORA if p.exists()]
    if not paths:
        print(f"skipped: {CORPORA[0].parent} is absent")
        return 0
    rows = coded_events(paths)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    if args.list:
        for row in rows:
            print(f"{row['article']:>10} {row['sub_event_type']:<36} {row['sentence'][:110]}")
    print(f"{len(rows)} events coded in the articles of {', '.join(p.name for p in paths)}")
    for sub, count in Counter(r["sub_event_type"] for r in rows).most_common():
        print(f"  {count:4d}  {sub}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

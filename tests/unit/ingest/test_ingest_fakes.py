"""FA-KES (804 English reports on the Syrian war) loads through a field map, without editing."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from frontlines.config import IngestSettings
from frontlines.ingest import read_inputs
from frontlines.model import Article, Rejection
from helpers import FAKES_CSV, FAKES_MAP, needs_fakes


@needs_fakes
def test_ingest_fakes_reads_every_row_via_field_map() -> None:
    items = list(read_inputs([FAKES_CSV], IngestSettings(), field_map=FAKES_MAP, today=dt.date(2024, 6, 1)))
    assert len(items) == 804
    codes = Counter(item.code for item in items if isinstance(item, Rejection))
    assert codes == Counter(), codes  # none rejected: not for format, date, language or length
    first = items[0]
    assert isinstance(first, Article)
    assert first.origin == f"{FAKES_CSV}:2"
    assert first.published == dt.date(2017, 4, 5)
    assert first.extra["id"] == "1914947530"
    assert first.source == "nna"
    assert len({item.article_id for item in items}) > 700  # content ids; FA-KES has some duplicates

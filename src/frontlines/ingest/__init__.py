"""Readers: text, JSON Lines, CSV, Parquet, HTML and RSS/Atom files -> :class:`~frontlines.model.Article`.

Every record read becomes an ``Article`` or a ``Rejection`` (stage ``ingest``) saying why not.
"""

from frontlines.ingest.dates import parse_date, parse_published
from frontlines.ingest.ids import article_id
from frontlines.ingest.read import READERS, input_bytes, iter_files, read_inputs

__all__ = [
    "READERS",
    "article_id",
    "input_bytes",
    "iter_files",
    "parse_date",
    "parse_published",
    "read_inputs",
]

"""Temporal expressions resolved against the publication date (ACLED "When").

Public surface: :func:`find_times` for any caller (the event stage uses it directly),
:func:`is_background_phrase`, and :data:`time_stage` (``clean`` -> ``times``), the pipeline stage
that fills ``doc.times``; :func:`make_time_stage` builds one with another ``dayfirst``.
"""

from __future__ import annotations

from dataclasses import replace

from frontlines.model import Doc, Rejection
from frontlines.pipeline import FunctionStage, stage
from frontlines.time.background import is_background_phrase
from frontlines.time.dateline import contradicted, read_dateline
from frontlines.time.expressions import find_times

__all__ = ["find_times", "is_background_phrase", "make_time_stage", "time_stage"]


def make_time_stage(dayfirst: bool | None = None) -> FunctionStage:
    """The stage "times": requires {"clean"}, provides {"times"}.

    Fills ``doc.times`` from the cleaned text and ``doc.article.published``. Relative expressions
    that cannot be resolved because the article has no publication date are never dated to the day
    of ingestion: they are counted in one ``doc.warnings`` entry. ``dayfirst`` is how to read
    ambiguous numeric dates such as 05/03/2013 (None: skip them unless only one reading fits).
    A dateline whose explicit date contradicts the publication date (:mod:`frontlines.time.dateline`)
    is a ``doc.warnings`` entry, and its date becomes the article's publication date.
    """

    @stage("times", requires={"clean"}, provides={"times"})
    def find_article_times(doc: Doc) -> Doc | Rejection:
        given = doc.article.published
        line = read_dateline(doc.text, given)
        if line is not None and contradicted(line, given):
            doc.warnings.append(
                f"the dateline {line.quote!r} dates the report {line.date.isoformat()}, but it was given "
                f"as published {given}: the text's date is used (check the feed or --published)"
            )
            doc.article = replace(doc.article, published=line.date)
        mentions, unresolved = find_times(doc.text, doc.article.published, dayfirst=dayfirst)
        doc.unresolved_times = unresolved
        doc.times = mentions
        if doc.article.published is None:
            doc.warnings.append(
                f"no publication date: {len(unresolved)} relative date(s) left unresolved; events they "
                "alone would date are left out (give --published or a published field)"
            )
        return doc

    return find_article_times


#: The default stage: ambiguous numeric dates are read only when one reading fits.
time_stage = make_time_stage()

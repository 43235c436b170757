"""Text: cleaning with an exact offset map, sentence spans, language identification.

Pipeline stages: :data:`clean_stage` (``article`` -> ``clean``) and :data:`sentence_stage`
(``clean`` -> ``sentences``).
"""

from __future__ import annotations

import dataclasses

from frontlines.config import IngestSettings
from frontlines.model import Doc, Rejection
from frontlines.pipeline import FunctionStage, stage
from frontlines.text.clean import clean, clean_traced
from frontlines.text.language import detect_language, language_name
from frontlines.text.sentences import split_sentences

__all__ = [
    "MIN_CLEAN_CHARS",
    "clean",
    "clean_stage",
    "clean_traced",
    "detect_language",
    "language_name",
    "make_clean_stage",
    "sentence_stage",
    "split_sentences",
]

#: Fewer cleaned characters than this and there is nothing to extract from: the same default as
#: ``ingest.min_chars`` (25, about one short headline), so an article that passed ingestion with the
#: default settings passes here too. Articles that come from elsewhere (a store, the API) are
#: checked again because cleaning is where boilerplate-only pages turn out to be empty.
MIN_CLEAN_CHARS = IngestSettings().min_chars


def make_clean_stage(min_chars: int = MIN_CLEAN_CHARS) -> FunctionStage:
    """A cleaning stage that rejects articles with fewer than ``min_chars`` cleaned characters."""

    @stage("clean", requires={"article"}, provides={"clean"})
    def clean_article(doc: Doc) -> Doc | Rejection:
        cleaned = clean(doc.article.text)
        if len(cleaned.text) < min_chars:
            return Rejection(
                origin=doc.article.origin,
                stage="clean",
                code="empty",
                detail=(
                    f"only {len(cleaned.text)} characters of text after removing boilerplate "
                    f"(minimum {min_chars}); check that the file holds the article body"
                ),
                article_id=doc.article.article_id,
            )
        return dataclasses.replace(doc, clean=cleaned)

    return clean_article


#: The default cleaning stage (threshold :data:`MIN_CLEAN_CHARS`).
clean_stage = make_clean_stage()


@stage("sentences", requires={"clean"}, provides={"sentences"})
def sentence_stage(doc: Doc) -> Doc | Rejection:
    """Split the cleaned text into sentence spans (offsets into ``doc.text``)."""
    return dataclasses.replace(doc, sentences=split_sentences(doc.text, doc.article.language or "en"))

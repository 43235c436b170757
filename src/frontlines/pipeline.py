"""Stages and the only loops that run them.

A stage is a callable from :class:`Doc` to :class:`Doc` (or a :class:`Rejection` when the article
cannot be used) that declares which ``Doc`` fields it requires and provides. :class:`Pipeline`
checks the order when it is built, so a mis-ordered pipeline fails before it touches a corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from frontlines.errors import PipelineError, StageError
from frontlines.model import INVALID_BYTES, Article, Doc, Rejection

#: ``Doc`` fields that exist before any stage runs.
INITIAL_FIELDS = frozenset({"article"})


@runtime_checkable
class Stage(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def requires(self) -> frozenset[str]: ...
    @property
    def provides(self) -> frozenset[str]: ...

    def __call__(self, doc: Doc) -> Doc | Rejection: ...


@dataclass(frozen=True, slots=True)
class FunctionStage:
    """Wraps a plain function ``doc -> doc | rejection`` as a :class:`Stage`."""

    name: str
    requires: frozenset[str]
    provides: frozenset[str]
    func: Callable[[Doc], Doc | Rejection]

    def __call__(self, doc: Doc) -> Doc | Rejection:
        return self.func(doc)


def stage(
    name: str, requires: Iterable[str], provides: Iterable[str]
) -> Callable[[Callable[[Doc], Doc | Rejection]], FunctionStage]:
    """Decorator: declare a function as a stage with what it requires and provides."""

    def wrap(func: Callable[[Doc], Doc | Rejection]) -> FunctionStage:
        return FunctionStage(name, frozenset(requires), frozenset(provides), func)

    return wrap


@dataclass(frozen=True, slots=True)
class Result:
    """What running one article produced: a finished doc or a rejection."""

    doc: Doc | None
    rejection: Rejection | None


def read_warnings(article: Article) -> list[str]:
    """What a reader noted about an article it kept: bytes it could not decode (U+FFFD in the text)."""
    invalid = article.extra.get(INVALID_BYTES)
    if not invalid:
        return []
    noun = "byte" if invalid == 1 else "bytes"
    return [
        f"{invalid} invalid {noun} replaced by U+FFFD; re-save the file as UTF-8 to keep those characters"
    ]


class Pipeline:
    """An ordered list of stages, checked for order when built."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        available = set(INITIAL_FIELDS)
        for st in stages:
            missing = st.requires - available
            if missing:
                raise PipelineError(
                    f"stage '{st.name}' requires {sorted(missing)}, which no earlier stage provides",
                    "put the stages that provide them before it",
                )
            available |= st.provides
        self.stages = tuple(stages)

    def run_one(self, article: Article) -> Result:
        """Run every stage on one article. Unexpected errors are wrapped with stage and article."""
        doc = Doc(article=article, warnings=read_warnings(article))
        for st in self.stages:
            try:
                out = st(doc)
            except Exception as exc:
                raise StageError(
                    f"stage '{st.name}' failed on article {article.article_id} ({article.origin}): {exc!r}",
                    "rerun with --debug for the traceback and report it",
                ) from exc
            if isinstance(out, Rejection):
                return Result(None, out)
            doc = out
        return Result(doc, None)

    def run_many(self, articles: Iterable[Article]) -> Iterator[Result]:
        """Run the pipeline over many articles, lazily, one result per article."""
        for article in articles:
            yield self.run_one(article)

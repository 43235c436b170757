"""One recognised place name while it is being resolved: its span, context, candidates and scores."""

from __future__ import annotations

from dataclasses import dataclass, field

from frontlines.geo.context import Context
from frontlines.geo.recognise import Span
from frontlines.model import Place


@dataclass(slots=True)
class Item:
    span: Span
    ctx: Context
    candidates: list[Place]
    sentence: int
    container: Item | None = None  # the item naming the place that contains this one
    scores: list[float] = field(default_factory=list)
    #: Candidates found only by another spelling (rule 6), not by the text's own.
    respelled: set[str] = field(default_factory=set)
    #: Ids of the resolution rules that changed this item (``geo.frame``), for ``--explain``.
    rules: list[str] = field(default_factory=list)

"""``frontlines eval corpus``: the mirror of :mod:`frontlines.corpus.evaluate` (leave-country-out
and sealed figures, pooled and per register, source kind and fold)."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from frontlines.cli.common import err, errors, resolve_settings
from frontlines.cli.evaluate import eval_app
from frontlines.config import Settings


class CorpusFormat(StrEnum):
    table = "table"
    json = "json"


class CorpusFrame(StrEnum):
    sentence = "sentence"
    article = "article"


def _ablated(settings: Settings, ids: list[str]) -> Settings:
    from frontlines.events.ablation import switch_off

    return replace(settings, events=switch_off(settings.events, ids))


#: Column heads of the corpus figures (:data:`frontlines.corpus.evaluate.FIGURES`).
_HEADS = {
    "items": "items",
    "detection_recall": "detect",
    "false_alarms": "false+",
    "event_type_accuracy": "type",
    "sub_event_type_weighted_f1": "subW-F1",
    "actor1_accuracy": "actor1",
    "actor2_accuracy": "actor2",
    "actor1_in_order": "a1-order",
    "fatalities_exact": "fatal",
    "country_accuracy": "country",
}


def _print_table(title: str, groups: dict[str, dict[str, float | None]]) -> None:
    from frontlines.corpus.evaluate import FIGURES

    print(title)
    print(f"  {'group':<22}" + "".join(f"{_HEADS[name]:>9}" for name in FIGURES))
    for name, figs in groups.items():
        cells = [f"{int(figs['items'] or 0):>9}"]
        cells += ["        -" if figs[k] is None else f"{figs[k]:>9.3f}" for k in FIGURES[1:]]
        print(f"  {name:<22}" + "".join(cells))


@eval_app.command("corpus")
def corpus_cmd(
    folder: Annotated[
        Path | None, typer.Argument(help="A folder of corpus .jsonl files (default: the shipped corpus).")
    ] = None,
    ablate: Annotated[
        list[str] | None,
        typer.Option(
            "--ablate",
            help="Switch off a cascade step or a rule by its id (`frontlines eval rules`); repeatable.",
        ),
    ] = None,
    format: Annotated[
        CorpusFormat, typer.Option("--format", "-f", help="Output format.")
    ] = CorpusFormat.table,
    frame: Annotated[
        CorpusFrame,
        typer.Option(
            "--frame",
            help="sentence: each item alone; article: each item taken from an FA-KES article or a "
            "Wikipedia page read in that whole text (other items left out), scored on the events told "
            "or placed in its sentence.",
        ),
    ] = CorpusFrame.sentence,
) -> None:
    """Score event coding on the world corpus: leave-country-out dev figures and the sealed split."""
    # the scorers load when the command runs, not for every command
    from frontlines.corpus.evaluate import breakdown, leave_country_out, sealed, trainer
    from frontlines.corpus.frames import ArticleFrames
    from frontlines.corpus.items import SharedTexts, load_corpus, shared_data_dir
    from frontlines.run import load_resources

    with errors():
        corpus = load_corpus(folder)
        settings = _ablated(resolve_settings(), ablate or [])
        resources = load_resources(settings)
        for why, n in sorted(corpus.left_out.items()):
            err.print(f"left out {n} items: {why} (is ../shared/data there? FRONTLINES_SHARED_DATA)")
        train = trainer(corpus)  # the local news it adds is read once for both splits
        frames = None
        if frame is CorpusFrame.article:
            frames = ArticleFrames(SharedTexts(shared_data_dir()))
            alone = sum(frames.of(item) is None for item in corpus.items)
            err.print(f"left out {alone} items: no article to read them in (team-written, headlines)")
        dev = breakdown(leave_country_out(corpus, settings, resources, train, frames))
        held = breakdown(sealed(corpus, settings, resources, train, frames))
        if format is CorpusFormat.json:
            json.dump({"leave_country_out": dev, "sealed": held}, sys.stdout, indent=1)
            sys.stdout.write("\n")
            return
        countries = len(corpus.countries())
        switched_off = ", ".join(ablate or []) or "none"
        print(
            f"corpus: {len(corpus.items)} items, {countries} countries; ablated: {switched_off}; "
            f"frame: {frame.value}"
        )
        _print_table("dev, leave-country-out (each fold coded by a model trained without its countries)", dev)
        print()
        _print_table("sealed (coded by a model trained on every dev item; never used to choose)", held)

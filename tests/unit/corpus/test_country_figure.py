"""The corpus evaluation's country figure: the event found is placed in the item's country."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from frontlines.corpus.evaluate import right_country


def _outcome(gold: str, predicted: str | None) -> SimpleNamespace:
    event = None if predicted is None else SimpleNamespace(country=predicted)
    return SimpleNamespace(item=SimpleNamespace(country=gold), outcome=SimpleNamespace(predicted=event))


@pytest.mark.parametrize(
    "gold, predicted, right",
    [
        ("Cote d'Ivoire", "Ivory Coast", True),
        ("Nigeria", "Nigeria", True),
        ("Nigeria", "Norway", False),  # "Boko Haram" read as the Norwegian village
        ("Sudan", None, False),  # a miss is wrong
    ],
)
def test_right_country(gold: str, predicted: str | None, right: bool) -> None:
    assert right_country(_outcome(gold, predicted)) is right  # type: ignore[arg-type]

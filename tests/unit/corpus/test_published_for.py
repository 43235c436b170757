"""The publication date the corpus evaluation gives an item: the latest full day its text names."""

import datetime as dt

import pytest

from frontlines.corpus.evaluate import DEFAULT_PUBLISHED, published_for


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("On 9 May 2020, gunmen killed two farmers in Kaduna.", dt.date(2020, 5, 9)),
        ("On May 9, 2020, gunmen killed two farmers in Kaduna.", dt.date(2020, 5, 9)),
        # an ordinal day is a day too, not a bare year
        ("On February 17th 1986, jets bombed the airport at N'Djamena.", dt.date(1986, 2, 17)),
        ("On the 3rd of March 2022 a mine exploded near Izium.", dt.date(2022, 3, 3)),
        ("On August 25th, forces bombed Faya-Largeau.", dt.date(DEFAULT_PUBLISHED.year, 8, 25)),
        ("In December 2020 the army retook the town.", dt.date(2020, 12, 31)),
        ("Gunmen killed two farmers in Kaduna on Sunday.", DEFAULT_PUBLISHED),
    ],
)
def test_published_for(text: str, published: dt.date) -> None:
    assert published_for(text) == published

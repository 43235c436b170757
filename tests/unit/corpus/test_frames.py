"""The article frame of the corpus: an item read inside the whole FA-KES article or Wikipedia page it
was taken from, and the events told or placed in its sentence."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from frontlines.corpus.evaluate import first_told_in, told_in
from frontlines.corpus.frames import ArticleFrames, csv_cells
from frontlines.corpus.items import CorpusItem, SharedTexts, load_corpus, span_digest
from frontlines.model import Event

FAKES_CSV = (
    "unit_id,article_title,article_content,source,date,location,labels\n"
    '1,Title,"Intro, with a comma. Troops shelled ""Kadugli"".\nRebels fled.",SANA,7/3/2016,Homs,1\n'
    "2,Other,Plain text without quotes. Jets struck Idlib.,AFP,12/25/2015,Idlib,0\n"
)
PAGE = "---\ntitle: Battle of X\n---\nThe battle began. On 3 May, troops captured Kidal.\n"


def test_csv_cells_are_the_cells_the_csv_module_reads() -> None:
    cells: dict[tuple[int, int], str] = {}
    for row, column, start, end in csv_cells(FAKES_CSV):
        cells[row, column] = FAKES_CSV[start:end].replace('""', '"')
    rows = list(csv.reader(io.StringIO(FAKES_CSV, newline="")))
    assert [[cells[r, c] for c in range(len(row))] for r, row in enumerate(rows)] == rows


def _corpus(tmp_path: Path, *spans: tuple[str, str, str]) -> list:
    shared = tmp_path / "shared"
    (shared / "fakes").mkdir(parents=True)
    (shared / "fakes" / "FA-KES-Dataset.csv").write_text(FAKES_CSV, encoding="utf-8")
    (shared / "pages").mkdir()
    (shared / "pages" / "x.md").write_text(PAGE, encoding="utf-8")
    records = []
    for number, (source, file, span) in enumerate(spans):
        whole = (shared / file).read_text(encoding="utf-8")
        start = whole.index(span)
        records.append(
            {"id": f"r-{number}", "source": source, "register": "wire", "country": "Sudan", "file": file,
             "start": start, "end": start + len(span), "sha1": span_digest(span)}
        )  # fmt: skip
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "items.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return [*load_corpus(folder, shared).items, SharedTexts(shared)]


def test_an_item_sits_in_its_fakes_article_published_on_its_row_date(tmp_path: Path) -> None:
    item, later, texts = _corpus(
        tmp_path,
        ("fakes", "fakes/FA-KES-Dataset.csv", "Rebels fled."),
        ("fakes", "fakes/FA-KES-Dataset.csv", "Jets"),
    )
    frames = ArticleFrames(texts)
    frame = frames.of(item)
    assert frame is not None and frame.published == dt.date(2016, 7, 3)
    assert frame.text.startswith('Intro, with a comma. Troops shelled "Kadugli".')  # quotes undoubled
    assert frame.text[frame.offset : frame.offset + len(item.text)] == "Rebels fled."
    assert frames.of(later).published == dt.date(2015, 12, 25)


def test_an_item_of_a_page_sits_in_its_body_and_others_have_no_article(tmp_path: Path) -> None:
    item, texts = _corpus(tmp_path, ("wikipedia_world", "pages/x.md", "troops captured Kidal"))
    frame = ArticleFrames(texts).of(item)
    assert frame is not None and frame.published is None
    assert frame.text == "The battle began. On 3 May, troops captured Kidal.\n"
    assert frame.text[frame.offset :].startswith("troops captured Kidal")
    team = CorpusItem(id="t", text="x", source="team", register="wire", country="Mali", sub_event_type=None)
    assert ArticleFrames(texts).of(team) is None


@pytest.mark.parametrize(
    ("fields", "expected"), [(("event",), ["told"]), (("event", "location"), ["told", "placed"])]
)
def test_events_of_a_sentence_are_those_told_or_placed_in_it(fields, expected) -> None:
    from types import SimpleNamespace

    def event(name: str, field: str, start: int, end: int) -> Event:
        return SimpleNamespace(name=name, evidence=[SimpleNamespace(field=field, start=start, end=end)])

    events = [
        event("told", "event", 0, 30),
        event("placed", "location", 25, 29),
        event("else", "event", 40, 60),
    ]
    assert [e.name for e in told_in(events, 20, 35, fields)] == expected


def test_a_false_alarm_is_an_event_first_told_in_the_sentence() -> None:
    from types import SimpleNamespace

    def event(name: str, *starts: int) -> Event:
        return SimpleNamespace(
            name=name, evidence=[SimpleNamespace(field="event", start=s, end=s + 10) for s in starts]
        )

    # "condemning the air strike": a retelling merged into the event the article told first
    events = [event("retold", 0, 25), event("new", 22)]
    assert [e.name for e in first_told_in(events, 20, 35)] == ["new"]


def test_an_item_outside_any_article_or_in_a_broken_csv_has_no_article(tmp_path: Path) -> None:
    # a span in the header row, and a file whose last quote is never closed: no article, no hang
    [header, texts] = _corpus(tmp_path, ("fakes", "fakes/FA-KES-Dataset.csv", "article_content"))
    assert ArticleFrames(texts).of(header) is None
    broken = tmp_path / "shared" / "fakes" / "FA-KES-Dataset.csv"
    broken.write_text(FAKES_CSV + '3,T,"Jets struck Kidal and', encoding="utf-8")
    assert [c[:2] for c in csv_cells(broken.read_text(encoding="utf-8"))][-1] == (3, 2)
    assert ArticleFrames(SharedTexts(tmp_path / "shared")).of(header) is None

"""Each reader on well-formed input: fields, origins, defaults, order and stable ids."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from frontlines.config import IngestSettings
from frontlines.errors import ConfigError
from frontlines.ingest import article_id, read_inputs
from frontlines.model import Article, Rejection

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Shelling kills five in Idlib market town | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2019-05-09T08:30:00+03:00">
<link rel="canonical" href="https://news.example.org/world/idlib-shelling">
<script>window.analytics = {id: 42};</script>
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> |
<a href="/signup">Sign up for our newsletter</a></nav>
<article>
<h1>Shelling kills five in Idlib market town</h1>
<p>Government forces shelled the town of Maarat al-Numan in Idlib province on Thursday, killing five
civilians and wounding a dozen others, a monitoring group said.</p>
<p>Residents said the shells hit a market in the centre of the town early in the morning, when it was
crowded with people buying food before the start of the working day.</p>
</article>
<footer>Copyright (c) 2013 Example News. All rights reserved.</footer>
</body></html>
"""

RSS_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Example Wire</title>
<link>https://wire.example.org/</link>
<item>
  <title>Shelling kills five in Idlib</title>
  <link>https://wire.example.org/idlib-shelling</link>
  <pubDate>Thu, 09 May 2019 06:30:00 +0000</pubDate>
  <description>Short teaser.</description>
  <content:encoded><![CDATA[<p>Government forces shelled the town of Maarat al-Numan on Thursday,
  killing <b>five</b> civilians, a monitoring group said.</p><p>Residents said the shells hit a market
  &amp; a school.</p>]]></content:encoded>
</item>
<item>
  <title>Clashes near Kobani</title>
  <link>https://wire.example.org/kobani</link>
  <pubDate>Fri, 10 May 2019 12:00:00 +0000</pubDate>
  <description>&lt;p&gt;Kurdish-led fighters clashed with Turkish-backed groups west of Kobani on Friday,
  the Syrian Observatory for Human Rights said, with casualties on both sides.&lt;/p&gt;</description>
</item>
</channel></rss>
"""

ATOM_FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Conflict Monitor</title>
<id>urn:uuid:feed-1</id>
<updated>2020-03-02T10:00:00Z</updated>
<entry>
  <title>Airstrikes hit Saraqib</title>
  <id>urn:uuid:entry-1</id>
  <link href="https://monitor.example.org/saraqib"/>
  <updated>2020-03-02T09:00:00Z</updated>
  <summary type="html">&lt;p&gt;Russian warplanes carried out airstrikes on the town of Saraqib on Monday,
  killing three civilians, according to local rescue workers.&lt;/p&gt;</summary>
</entry>
</feed>
"""


def test_ingest_txt_reads_one_article_per_file(tmp_path: Path, read, report: str) -> None:
    path = tmp_path / "report.txt"
    path.write_text(report, encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert article.text == report
    assert article.origin == str(path)
    assert article.title is None
    assert article.published is None
    assert article.language == "en"


def test_ingest_txt_header_gives_metadata_and_body_offsets(tmp_path: Path, read, report: str) -> None:
    path = tmp_path / "report.txt"
    header = (
        "Title: Shelling kills five\nPUBLISHED: 9 May 2019\nsource: Example News\n"
        "URL: https://news.example.org/a\n\n"
    )
    path.write_text(header + report, encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert (article.title, article.published, article.source, article.url) == (
        "Shelling kills five",
        dt.date(2019, 5, 9),
        "Example News",
        "https://news.example.org/a",
    )
    assert article.text == report  # offsets point into the body after the header


def test_ingest_txt_without_blank_line_has_no_header(tmp_path: Path, read, report: str) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Source: a resident of the town told us\n" + report, encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert article.source is None
    assert article.text.startswith("Source: a resident")


def test_ingest_txt_sidecar_json_gives_metadata(tmp_path: Path, read, report: str) -> None:
    (tmp_path / "report.txt").write_text(report, encoding="utf-8")
    (tmp_path / "report.json").write_text(
        json.dumps({"title": "Shelling kills five", "published": "2019-05-09", "source": "Example News"}),
        encoding="utf-8",
    )
    items = read(tmp_path)
    assert len(items) == 1, "the sidecar is not read as an input of its own"
    [article] = items
    assert isinstance(article, Article)
    assert (article.title, article.published, article.source) == (
        "Shelling kills five",
        dt.date(2019, 5, 9),
        "Example News",
    )


def test_ingest_jsonl_reads_fields_and_keeps_unknown_ones(tmp_path: Path, read, report: str) -> None:
    path = tmp_path / "corpus.jsonl"
    records = [
        {
            "id": "a1",
            "title": "Shelling",
            "text": report,
            "published": "2019-05-09",
            "source": "Wire",
            "url": "https://x.example/a",
            "governorate": "Idlib",
        },
        {"id": 2, "text": report.replace("Thursday", "Friday")},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8")
    first, second = read(path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.origin == f"{path}:1" and second.origin == f"{path}:2"
    assert first.extra == {"governorate": "Idlib", "id": "a1"}
    assert (first.title, first.published, first.source, first.url) == (
        "Shelling",
        dt.date(2019, 5, 9),
        "Wire",
        "https://x.example/a",
    )
    assert second.extra == {"id": 2}
    assert second.published is None


def test_ingest_csv_field_map_and_row_origins(tmp_path: Path, read, report: str) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text(
        "unit_id,article_title,article_content,source,date,location\n"
        f'17,"Shelling, again","{report}",wire,4/7/2017,idlib\n'
        f'18,Clashes,"{report.replace("Thursday", "Friday")}",wire,12/25/2016,aleppo\n',
        encoding="utf-8",
    )
    field_map = {"text": "article_content", "published": "date", "title": "article_title", "id": "unit_id"}
    first, second = read(path, field_map=field_map)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.origin == f"{path}:2" and second.origin == f"{path}:3"  # the header is row 1
    assert first.title == "Shelling, again"
    assert first.published == dt.date(2017, 4, 7)  # month first
    assert second.published == dt.date(2016, 12, 25)
    assert first.extra == {"location": "idlib", "id": "17"}
    assert first.source == "wire"


def test_ingest_csv_dayfirst_setting(tmp_path: Path, read, report: str) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text(f'text,published\n"{report}",4/7/2017\n', encoding="utf-8")
    [article] = read(path, settings=IngestSettings(dayfirst=True))
    assert isinstance(article, Article)
    assert article.published == dt.date(2017, 7, 4)


def test_ingest_csv_semicolon_delimiter(tmp_path: Path, read, report: str) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text(f'title;text;published\nShelling;"{report}";2019-05-09\n', encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert (article.title, article.published) == ("Shelling", dt.date(2019, 5, 9))


def test_ingest_csv_field_map_unknown_column_is_a_usage_error(tmp_path: Path, read, report: str) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text(f'title,body\nShelling,"{report}"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"article_content.*columns are: title, body") as err:
        read(path, field_map={"text": "article_content"})
    assert err.value.exit_code == 2


def test_ingest_field_map_unknown_field_is_a_usage_error(tmp_path: Path, read, report: str) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text(f'body\n"{report}"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown field"):
        read(path, field_map={"body_text": "body"})


def test_ingest_html_main_text_title_and_date(tmp_path: Path, read) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert "killing five" in article.text and "crowded with people" in article.text
    assert "newsletter" not in article.text and "analytics" not in article.text
    assert "All rights reserved" not in article.text
    assert article.published == dt.date(2019, 5, 9)  # the page's metadata, not the (c) 2013 footer
    assert article.title is not None and article.title.startswith("Shelling kills five")
    assert article.source == "Example News"
    assert article.url == "https://news.example.org/world/idlib-shelling"


def test_ingest_rss_one_article_per_entry(tmp_path: Path, read) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS_FEED, encoding="utf-8")
    first, second = read(path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.origin == f"{path}#1" and second.origin == f"{path}#2"
    assert first.title == "Shelling kills five in Idlib"
    assert first.published == dt.date(2019, 5, 9)
    assert first.url == "https://wire.example.org/idlib-shelling"
    assert first.source == "Example Wire"  # the feed's title when the entry names no source
    assert "killing five civilians" in first.text  # the full content, HTML stripped
    assert "<" not in first.text and "market & a school" in first.text
    assert second.text.startswith("Kurdish-led fighters clashed")


def test_ingest_atom_entry_uses_updated_when_no_published(tmp_path: Path, read) -> None:
    path = tmp_path / "monitor.atom"
    path.write_text(ATOM_FEED, encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert article.published == dt.date(2020, 3, 2)
    assert article.source == "Conflict Monitor"
    assert article.extra == {"entry_id": "urn:uuid:entry-1"}
    assert article.text.startswith("Russian warplanes")


@pytest.mark.parametrize(
    ("given", "expected"),
    [(None, None), (dt.date(2019, 1, 2), dt.date(2019, 1, 2))],
)
def test_ingest_published_and_source_defaults_fill_missing_fields(
    tmp_path: Path, read, report: str, given: dt.date | None, expected: dt.date | None
) -> None:
    (tmp_path / "a.txt").write_text(report, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Published: 2019-05-09\nSource: Own\n\n" + report, encoding="utf-8")
    a, b = read(tmp_path, published=given, source="Default Wire")
    assert isinstance(a, Article) and isinstance(b, Article)
    assert (a.published, a.source) == (expected, "Default Wire")
    assert (b.published, b.source) == (dt.date(2019, 5, 9), "Own")  # a record's own values win


def test_ingest_directory_is_read_recursively_in_sorted_order(tmp_path: Path, read, report: str) -> None:
    for name in ["b.txt", "a/z.txt", "a/c.txt", ".hidden/x.txt", "c.TXT"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(report + " " + name, encoding="utf-8")
    items = read(tmp_path)
    assert [Path(item.origin).relative_to(tmp_path).as_posix() for item in items] == [
        "a/c.txt",
        "a/z.txt",
        "b.txt",
        "c.TXT",
    ]


def test_ingest_ids_are_stable_across_reads_and_depend_on_content(tmp_path: Path, read, report: str) -> None:
    (tmp_path / "one.txt").write_text("Source: Wire\n\n" + report, encoding="utf-8")
    (tmp_path / "two.txt").write_text(report.replace("five", "six"), encoding="utf-8")
    (tmp_path / "copy.txt").write_text("Source: Wire\n\n" + report, encoding="utf-8")
    first = [item.article_id for item in read(tmp_path)]
    second = [item.article_id for item in read(tmp_path)]
    assert first == second
    copy, one, two = first  # sorted: copy.txt, one.txt, two.txt
    assert copy == one, "the same report in two files is one article"
    assert one != two
    assert len(one) == 16 and int(one, 16) >= 0
    assert one == article_id(text=report, title=None, published=None, source="Wire")


def test_ingest_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found") as err:
        read_inputs([tmp_path / "nope.txt"], IngestSettings(), today=dt.date(2024, 1, 1))
    assert err.value.exit_code == 2


def test_ingest_languages_setting_accepts_other_languages(tmp_path: Path, read) -> None:
    text = "Les forces gouvernementales ont bombardé la ville jeudi, tuant cinq civils, selon un groupe."
    (tmp_path / "fr.txt").write_text(text, encoding="utf-8")
    [article] = read(tmp_path, settings=IngestSettings(languages=("en", "fr")))
    assert isinstance(article, Article) and article.language == "fr"


def test_ingest_short_english_headline_is_not_taken_for_a_creole(tmp_path: Path, read) -> None:
    # py3langid scores this FA-KES headline as Nigerian Pidgin by a hair; English must win.
    text = "Russian strikes kill 34 civilians in Syrias Deir Ezzor Monitor AFP Sunday 26 Nov 2017"
    (tmp_path / "short.txt").write_text(text, encoding="utf-8")
    [item] = read(tmp_path)
    assert not isinstance(item, Rejection), item
    assert item.language == "en"


def test_ingest_directory_skips_documentation_and_hidden_files(tmp_path: Path, read, report: str) -> None:
    (tmp_path / "report.txt").write_text(report, encoding="utf-8")
    for name in ["README.md", "LICENSE", "SOURCE.txt", ".DS_Store", "readme.txt"]:
        (tmp_path / name).write_text("About this corpus: where it came from and its licence terms.\n")
    items = read(tmp_path)
    assert [Path(item.origin).name for item in items] == ["report.txt"]
    assert isinstance(items[0], Article)

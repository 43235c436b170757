"""Real local news as non-event training sentences: articles holding a scored item are never read."""

from pathlib import Path

from frontlines.corpus.negatives import LGL_FILE, news_negatives

ARTICLE = "<article><title>t</title><text><![CDATA[{}]]></text></article>"


def _lgl(root: Path, *texts: str) -> Path:
    path = root / LGL_FILE
    path.parent.mkdir(parents=True)
    path.write_text(
        "<articles>" + "".join(ARTICLE.format(t) for t in texts) + "</articles>", encoding="utf-8"
    )
    return root


def test_negatives_skip_articles_that_hold_a_scored_item(tmp_path: Path) -> None:
    shared = _lgl(
        tmp_path,
        "The county council approved a new budget for road repairs on Monday evening. "
        "The mayor said the work would begin in the spring after a public hearing.",
        "A man was arrested after a car crash on the interstate near the river bridge. "
        "Police said he was driving well above the speed limit at the time.",
    )
    found = news_negatives(shared, held=["Police said he was driving well above the speed limit"])
    assert found and all("council" in s or "mayor" in s for s in found)


def test_negatives_are_a_fixed_sample_of_at_most_the_limit(tmp_path: Path) -> None:
    shared = _lgl(
        tmp_path, " ".join(f"Sentence number {i} of the long local news story here." for i in range(30))
    )
    first = news_negatives(shared, limit=5)
    assert len(first) == 5 and first == news_negatives(shared, limit=5)


def test_negatives_none_without_the_shared_data(tmp_path: Path) -> None:
    assert news_negatives(None) == () and news_negatives(tmp_path) == ()

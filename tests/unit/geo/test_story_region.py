"""Rule story-region (``focus.story_regions``, ``ranking.story_bonus``): the first-level unit that an
article's other resolved places share frames an ambiguous name, in whatever country, where the focus
country's own region does not already frame it. On a small world of namesakes in Canada, Britain,
the United States and Mexico."""

from __future__ import annotations

from functools import partial

import pytest

from frontlines.geo import PlaceMatcher, SqliteGazetteer, focus, ranking
from frontlines.geo.localframe import RULES
from frontlines.geo.resolve import resolve_scored

#: (place_id, name, country, lat, lon, kind, population, admin1)
WORLD = [
    ("g:london-gb", "London", "GB", 51.51, -0.13, "city", 8_961_989, "England"),
    ("g:london-on", "London", "CA", 42.98, -81.23, "city", 422_324, "Ontario"),
    ("g:sarnia", "Sarnia", "CA", 42.98, -82.40, "city", 72_125, "Ontario"),
    ("g:brampton", "Brampton", "CA", 43.68, -79.77, "city", 656_480, "Ontario"),
    ("g:tulsa", "Tulsa", "US", 36.15, -95.99, "city", 413_066, "Oklahoma"),
    ("g:leeds", "Leeds", "GB", 53.80, -1.55, "city", 455_123, "England"),
    ("g:monterrey", "Monterrey", "MX", 25.67, -100.31, "city", 1_135_512, "Nuevo Leon"),
    ("g:apodaca", "Apodaca", "MX", 25.78, -100.19, "city", 352_064, "Nuevo Leon"),
    ("g:juarez-nl", "Juárez", "MX", 25.65, -100.09, "city", 142_000, "Nuevo Leon"),
    ("g:juarez-chih", "Juárez", "MX", 31.72, -106.46, "city", 1_512_354, "Chihuahua"),
    ("g:cdmx", "Mexico City", "MX", 19.43, -99.13, "city", 12_294_193, "Mexico City"),
]

#: A hockey report from Tulsa: the visitors' town is the Ontario London its players' towns frame.
KNIGHTS = (
    "The Knights lost in Tulsa on Friday. London coach Dale Hunter said Sarnia and Brampton fans "
    "had come to Tulsa, and the team returns to Tulsa next week."
)
#: The Mexican example: Monterrey and Apodaca frame "Juárez" (Nuevo León), Mexico City notwithstanding.
JUAREZ = (
    "Police in Monterrey and Apodaca found the bodies. Juárez police said Mexico City officials "
    "would take the case."
)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, small_world) -> tuple[SqliteGazetteer, PlaceMatcher]:
    return small_world(tmp_path_factory.mktemp("story") / "gazetteer.sqlite", WORLD)


@pytest.fixture
def geoparse(world, scored_by_name):
    return partial(scored_by_name, world)


def test_story_region_rule_is_listed_with_examples() -> None:
    rule = next(r for r in RULES if r.id == "story-region")
    assert rule.summary and len(rule.examples) == 2


@pytest.mark.parametrize(
    "text, name, place_id",
    [
        # a region abroad: the players' towns put London in Ontario, in a story filed from Erie
        (KNIGHTS, "London", "g:london-on"),
        # the focus country's region where its own vote is too split to frame the name
        (JUAREZ, "Juárez", "g:juarez-nl"),
        # negative: the other names share no region (Sarnia in Ontario, Leeds in England): prominence
        ("London coach Dale Hunter said Sarnia and Leeds fans came.", "London", "g:london-gb"),
    ],
)
def test_story_region_frames_an_ambiguous_name(geoparse, text: str, name: str, place_id: str) -> None:
    assert geoparse(text)[name].mention.candidates[0].place_id == place_id


@pytest.mark.parametrize("text, name, without", [(KNIGHTS, "London", "g:london-gb")])
def test_story_region_is_what_decides(geoparse, monkeypatch, text: str, name: str, without: str) -> None:
    """Without the rule's bonus the Knights example resolves otherwise: the rule, not another cue,
    decides it (in the Juárez example nearness to Monterrey agrees with the rule)."""
    monkeypatch.setattr(ranking, "STORY_REGION_BONUS", 0.0)
    assert geoparse(text)[name].mention.candidates[0].place_id == without


def test_story_region_votes_count_each_name_once(world, split_sentences) -> None:
    """Tulsa named three times is one place; Sarnia and Brampton are two: Ontario frames London."""
    gazetteer, matcher = world
    seen: list[dict[str, tuple[str, str] | None]] = []
    votes: list[dict[str, dict[tuple[str, str], float]]] = []
    original = focus.story_regions

    def spy(items):  # type: ignore[no-untyped-def]
        votes.append(focus.story_region_votes(items))
        found = original(items)
        seen.append(found)
        return found

    import frontlines.geo.resolve as resolve

    monkeypatch_target = resolve.story_regions
    resolve.story_regions = spy
    try:
        resolve_scored(KNIGHTS, split_sentences(KNIGHTS), matcher.find(KNIGHTS), gazetteer)
    finally:
        resolve.story_regions = monkeypatch_target
    assert seen and seen[0]["lundun"] == ("CA", "Ontario")
    assert max(votes[0]["tulsa"].values()) <= 1.0  # three mentions, one vote


def test_story_region_leaves_a_trace(world, split_sentences) -> None:
    """The rule's id is recorded on the names whose place it decided (the ``--explain`` trace)."""
    from frontlines.geo import localframe

    gazetteer, matcher = world
    traced: list[tuple[str, list[str]]] = []
    original = localframe.country_namesake_towns

    def spy(items, text, datelines):  # type: ignore[no-untyped-def]
        traced.extend((i.span.surface, list(i.rules)) for i in items)
        original(items, text, datelines)

    import frontlines.geo.resolve as resolve

    resolve.country_namesake_towns = spy
    try:
        resolve_scored(KNIGHTS, split_sentences(KNIGHTS), matcher.find(KNIGHTS), gazetteer)
    finally:
        resolve.country_namesake_towns = original
    assert ("London", ["story-region"]) in traced
    assert all(rules == [] for name, rules in traced if name != "London")

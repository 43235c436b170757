"""Score end-to-end geoparsing (recognition + resolution from raw text) against gold corpora in the
XML format of LGL, TR-News and GeoWebNews (Gritta et al., "A Pragmatic Guide to Geoparsing
Evaluation"): ``<article>`` elements with a ``<text>`` and ``<toponym>`` elements giving
``start``/``end`` character offsets and the gold point (``<gaztag><lat>/<lon>``).

Gold offsets that do not point at the toponym's phrase (TR-News: 117 of 1,319 spans in 19 articles
drift by a few characters, whatever counted them counted characters the XML text lacks) are moved to
the occurrence of the phrase that the article's drift so far predicts, within ``REALIGN_WINDOW``
characters; the number moved is reported (``realigned``). A span whose phrase is not found there keeps
its offsets.

Metrics, over the gold toponyms that have coordinates (the others are skipped, and a prediction
overlapping one of them is neither right nor wrong):

- recognition precision / recall / F1: a predicted span is right when it overlaps a gold span
  (each gold and each predicted span is matched at most once);
- accuracy@161km: the share of ALL gold toponyms resolved within 161 km (100 miles); a gold toponym
  that was not recognised counts as wrong;
- median and mean error (km) over the recognised gold toponyms only (misses have no error);
- AUC: the area under the curve of the sorted ``log(1 + error_km)``, divided by ``log(20039)``
  (half the Earth's circumference, the largest possible error) and by ``n - 1``, computed by the
  trapezoidal rule over ALL gold toponyms with misses at 20039 km. Lower is better (0 is perfect).
"""

from __future__ import annotations

import itertools
import math
import statistics
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from frontlines.errors import InputError
from frontlines.geo.toponyms import GeoResources, Toponym, geoparse_articles
from frontlines.model import Article

#: accuracy@k: within 161 km (100 miles), the field's standard.
ACCURACY_KM = 161.0
#: The largest possible error on Earth (km): misses count as this in the AUC.
MAX_ERROR_KM = 20039.0
EARTH_RADIUS_KM = 6371.0088
#: How far (characters) from its stated start a gold phrase is looked for when the offsets miss it.
REALIGN_WINDOW = 400


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    latitude: float
    longitude: float
    geonameid: int | None = None
    feature_code: str | None = None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One gold article: its text and its toponyms with coordinates; ``skipped`` spans have none."""

    article_id: str
    text: str
    toponyms: tuple[GoldToponym, ...]
    skipped: tuple[tuple[int, int], ...] = ()
    #: How many of its spans were moved onto their phrase (see the module docstring).
    realigned: int = 0


@dataclass(frozen=True, slots=True)
class GeoparseScores:
    """End-to-end figures for one gold corpus (see the module docstring for the definitions)."""

    corpus: str
    articles: int
    gold: int
    skipped_without_coordinates: int
    predicted: int
    matched: int
    precision: float
    recall: float
    f1: float
    accuracy_161: float
    #: accuracy@161km over the gold toponyms that are not countries (GeoNames PCL* codes): the gold
    #: point of a country differs between corpora (LGL puts Canada at 60N 96W, TR-News at 60N 114W).
    accuracy_161_local: float
    local: int
    median_km: float | None
    mean_km: float | None
    auc: float
    seconds: float
    #: Gold spans moved onto their phrase because their offsets missed it.
    realigned: int = 0

    def lines(self) -> list[str]:
        """The figures as aligned ``name value`` lines."""
        km = lambda v: "n/a" if v is None else f"{v:.1f}"  # noqa: E731 - a tiny formatter
        return [
            f"corpus {self.corpus}: {self.articles} articles, {self.gold} gold toponyms with coordinates "
            f"({self.skipped_without_coordinates} without, skipped), {self.predicted} predicted"
            + (f"; {self.realigned} gold spans realigned onto their phrase" if self.realigned else ""),
            f"  recognition  P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}",
            f"  accuracy@161km {self.accuracy_161:.3f} (all gold toponyms; a miss is wrong)",
            f"  accuracy@161km {self.accuracy_161_local:.3f} without countries ({self.local} gold toponyms)",
            f"  error km     median {km(self.median_km)}  mean {km(self.mean_km)} "
            f"({self.matched} recognised toponyms; misses excluded)",
            f"  AUC          {self.auc:.3f} (misses at {MAX_ERROR_KM:.0f} km; lower is better)",
            f"  time         {self.seconds:.1f} s",
        ]


def _number(node: ET.Element, *paths: str) -> float | None:
    for path in paths:
        value = node.findtext(path)
        if value is not None and value.strip():
            try:
                return float(value)
            except ValueError:
                return None
    return None


def read_gold(path: Path) -> list[GoldArticle]:
    """Read a gold corpus in the LGL / TR-News / GeoWebNews XML format.

    Raises :class:`InputError` naming the file when it is not such XML.
    """
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise InputError(
            f"cannot read gold corpus {path}: {exc}", "pass an LGL/TR-News/GeoWebNews XML file"
        ) from exc
    articles: list[GoldArticle] = []
    for index, node in enumerate(root.iter("article")):
        text = node.findtext("text")
        if text is None:
            raise InputError(f"{path}: article {index + 1} has no <text>", "check the file's format")
        article_id = node.get("docid") or node.get("id") or str(index + 1)
        toponyms: list[GoldToponym] = []
        skipped: list[tuple[int, int]] = []
        for top in node.iter("toponym"):
            start, end = _number(top, "start"), _number(top, "end")
            if start is None or end is None:
                raise InputError(
                    f"{path}: a toponym of article {article_id} has no start/end", "check the file"
                )
            lat = _number(top, "gaztag/lat", "lat", "latitude")
            lon = _number(top, "gaztag/lon", "lon", "longitude")
            if lat is None or lon is None:
                skipped.append((int(start), int(end)))
                continue
            gaztag = top.find("gaztag")
            gid = gaztag.get("geonameid") if gaztag is not None else None
            toponyms.append(
                GoldToponym(
                    int(start), int(end), (top.findtext("phrase") or "").strip(), lat, lon,
                    int(gid) if gid and gid.isdigit() else None, top.findtext("gaztag/fcode"),
                )
            )  # fmt: skip
        toponyms, skipped, moved = _realigned(text, toponyms, skipped)
        articles.append(GoldArticle(article_id, text, tuple(toponyms), tuple(skipped), moved))
    return articles


def _realigned(
    text: str, toponyms: list[GoldToponym], skipped: list[tuple[int, int]]
) -> tuple[list[GoldToponym], list[tuple[int, int]], int]:
    """The article's gold spans moved onto their phrases where their offsets miss them, in text order
    so that each span's drift predicts the next's; and how many were moved. Skipped spans (no
    coordinates) move by the drift of the last span that starts before them."""
    drift, moved = 0, 0
    out: list[GoldToponym] = []
    drifts: list[tuple[int, int]] = []  # (stated start, drift found there), in text order
    for top in sorted(toponyms, key=lambda t: t.start):
        start = find_phrase(text, top.phrase, top.start, drift)
        if start is not None:
            drift = start - top.start
            drifts.append((top.start, drift))
            if drift:
                top = replace(top, start=start, end=start + len(top.phrase))
                moved += 1
        out.append(top)

    def shift(at: int) -> int:
        before = [d for s, d in drifts if s <= at]
        return before[-1] if before else 0

    return out, [(a + shift(a), b + shift(a)) for a, b in skipped], moved


def find_phrase(text: str, phrase: str, start: int, drift: int = 0) -> int | None:
    """Where ``phrase`` starts: at ``start`` when the text has it there, else its occurrence nearest
    to ``start + drift`` within ``REALIGN_WINDOW`` characters (None: not found)."""
    if not phrase or text[start : start + len(phrase)] == phrase:
        return start
    stop = start + REALIGN_WINDOW + len(phrase)
    found: list[int] = []
    at = text.find(phrase, max(0, start - REALIGN_WINDOW), stop)
    while at != -1:
        found.append(at)
        at = text.find(phrase, at + 1, stop)
    return min(found, key=lambda at: abs(at - start - drift)) if found else None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


@dataclass(frozen=True, slots=True)
class ArticleMatch:
    """How one article's predictions met its gold toponyms: per gold toponym, the error in km of
    the overlapping prediction (None when missed); and the predictions that match no gold span."""

    article_id: str
    errors: tuple[float | None, ...]
    false_positives: tuple[Toponym, ...]
    predicted: int
    #: Per gold toponym: whether it is a country (GeoNames feature code PCL*).
    countries: tuple[bool, ...] = ()


def match_article(gold: GoldArticle, predicted: Sequence[Toponym]) -> ArticleMatch:
    """Pair gold toponyms with overlapping predictions (largest overlap first, each used once).

    Predictions that overlap only a gold toponym without coordinates are ignored (not counted)."""
    pairs: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold.toponyms):
        for pi, p in enumerate(predicted):
            size = _overlap((g.start, g.end), (p.start, p.end))
            if size > 0:
                pairs.append((-size, gi, pi))
    pairs.sort()
    used_gold: dict[int, int] = {}
    used_pred: set[int] = set()
    for _, gi, pi in pairs:
        if gi not in used_gold and pi not in used_pred:
            used_gold[gi] = pi
            used_pred.add(pi)
    errors: list[float | None] = []
    for gi, g in enumerate(gold.toponyms):
        index = used_gold.get(gi)
        if index is None:
            errors.append(None)
        else:
            p = predicted[index]
            errors.append(distance_km(g.latitude, g.longitude, p.latitude, p.longitude))
    ignored = {
        pi
        for pi, p in enumerate(predicted)
        if pi not in used_pred and any(_overlap(span, (p.start, p.end)) > 0 for span in gold.skipped)
    }
    false_positives = tuple(p for pi, p in enumerate(predicted) if pi not in used_pred and pi not in ignored)
    countries = tuple((g.feature_code or "").startswith("PCL") for g in gold.toponyms)
    return ArticleMatch(
        gold.article_id, tuple(errors), false_positives, len(predicted) - len(ignored), countries
    )


def auc_of_errors(errors: Sequence[float]) -> float:
    """Area under the sorted log(1 + km) error curve, normalised to [0, 1] (trapezoidal rule)."""
    if len(errors) < 2:
        return math.log1p(errors[0]) / math.log(MAX_ERROR_KM) if errors else 0.0
    logs = sorted(math.log1p(e) for e in errors)
    area = sum((a + b) / 2 for a, b in itertools.pairwise(logs))
    return area / (math.log(MAX_ERROR_KM) * (len(logs) - 1))


def score_matches(corpus: str, matches: Sequence[ArticleMatch], seconds: float = 0.0) -> GeoparseScores:
    """Corpus figures from per-article matches."""
    errors = [e for m in matches for e in m.errors]
    found = [e for e in errors if e is not None]
    predicted = sum(m.predicted for m in matches)
    gold = len(errors)
    local = [
        e
        for m in matches
        for e, country in zip(m.errors, m.countries or (False,) * len(m.errors), strict=True)
        if not country
    ]
    precision = len(found) / predicted if predicted else 0.0
    recall = len(found) / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return GeoparseScores(
        corpus=corpus,
        articles=len(matches),
        gold=gold,
        skipped_without_coordinates=0,
        predicted=predicted,
        matched=len(found),
        precision=precision,
        recall=recall,
        f1=f1,
        accuracy_161=sum(1 for e in found if e <= ACCURACY_KM) / gold if gold else 0.0,
        accuracy_161_local=(
            sum(1 for e in local if e is not None and e <= ACCURACY_KM) / len(local) if local else 0.0
        ),
        local=len(local),
        median_km=statistics.median(found) if found else None,
        mean_km=statistics.fmean(found) if found else None,
        auc=auc_of_errors([MAX_ERROR_KM if e is None else e for e in errors]),
        seconds=seconds,
    )


Geoparser = Callable[[str, str], list[Toponym]]


def evaluate_gold(
    corpus: str, articles: Sequence[GoldArticle], geoparser: Geoparser
) -> tuple[GeoparseScores, list[ArticleMatch]]:
    """Run ``geoparser(article_id, text)`` on every gold article and score it; also returns the
    per-article matches (for error analysis)."""
    started = time.perf_counter()
    matches = [match_article(a, geoparser(a.article_id, a.text)) for a in articles]
    scores = score_matches(corpus, matches, time.perf_counter() - started)
    skipped = sum(len(a.skipped) for a in articles)
    realigned = sum(a.realigned for a in articles)
    return replace(scores, skipped_without_coordinates=skipped, realigned=realigned), matches


def iter_toponyms(matches: Sequence[ArticleMatch]) -> Iterator[Toponym]:
    """The false-positive predictions of a run, article by article."""
    for m in matches:
        yield from m.false_positives


def geoparser_for(resources: GeoResources) -> Geoparser:
    """A geoparser over raw text with the pipeline's own stages (cleaning, sentences, places)."""

    def run(article_id: str, text: str) -> list[Toponym]:
        result = next(geoparse_articles([Article(article_id, text, origin=article_id)], resources))
        return list(result.toponyms)

    return run


def evaluate_geoparse(path: Path, resources: GeoResources, *, limit: int | None = None) -> GeoparseScores:
    """Score end-to-end geoparsing of the gold corpus at ``path`` (LGL/TR-News/GeoWebNews XML) with
    the loaded resources; ``limit`` scores only the first articles. The corpus is named after the
    file. Raises :class:`InputError` when the file cannot be read."""
    articles = read_gold(path)[:limit]
    scores, _ = evaluate_gold(path.stem, articles, geoparser_for(resources))
    return scores

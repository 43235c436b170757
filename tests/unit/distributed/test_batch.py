"""``batch`` on a real LocalCluster of 2 worker processes (one per module): the store it makes equals
what ``ingest`` makes of the same input, a re-run adds nothing, a worker killed mid-run loses and
duplicates nothing, and ``--out`` writes Parquet parts (through ``--scheduler``)."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from distributed import Client, LocalCluster
from typer.testing import CliRunner

from frontlines.cli.main import app
from frontlines.config import Settings
from frontlines.distributed import ClusterError, batch, open_client
from frontlines.run import IngestReport, Resources, ingest
from frontlines.store import SqliteRepository
from frontlines.store.base import EventQuery
from helpers import EXAMPLES
from unit.distributed.corpus import TODAY, copy_records, write_copies


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with open_client(2) as c:
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, settings: Settings) -> Path:
    """The examples folder plus a JSONL of one more copy of each example article."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(EXAMPLES, folder / "examples")
    write_copies(folder / "copies.jsonl", settings, 1)
    return folder


@pytest.fixture(scope="module")
def ingested(
    tmp_path_factory: pytest.TempPathFactory, corpus: Path, settings: Settings, resources: Resources
) -> Path:
    db = tmp_path_factory.mktemp("ingest") / "ingest.db"
    with SqliteRepository(db) as repo:
        ingest([corpus], settings, resources, repo, today=TODAY)
    return db


def view(db: Path) -> tuple[object, ...]:
    """Everything a store holds that a run decides: counts, reports, canonical events, rejections."""
    with SqliteRepository(db) as repo:
        canonical = sorted(
            (c.canonical_id, c.report_ids, c.event, c.sources_count, c.independent_sources, c.contradictions)
            for c in repo.canonical_events(EventQuery())
        )
        reports = sorted(repo.events(EventQuery()), key=lambda e: e.event_id)
        rejections = sorted((r.origin, r.code) for r in repo.rejections())
        return repo.counts(), repo.unmerged_count(), reports, canonical, rejections


def test_batch_stores_what_ingest_stores(
    client: Client, corpus: Path, ingested: Path, settings: Settings, tmp_path: Path
) -> None:
    db = tmp_path / "batch.db"
    with SqliteRepository(db) as repo:
        report = batch([corpus], settings, client, today=TODAY, repository=repo, partitions=5)
    assert report.workers == 2 and report.partitions == 5
    expected = view(ingested)
    assert report.new_articles == expected[0].articles and report.new_events == expected[0].events
    assert len(expected[3]) > 0
    assert view(db) == expected
    with SqliteRepository(db) as repo:
        again = batch([corpus], settings, client, today=TODAY, repository=repo)
    assert (again.new_articles, again.new_events, again.articles_read) == (0, 0, 0)
    assert again.articles_skipped == expected[0].articles
    assert view(db) == expected


def test_batch_with_a_worker_killed_mid_run_loses_and_duplicates_nothing(
    client: Client, corpus: Path, ingested: Path, settings: Settings, tmp_path: Path
) -> None:
    before = client.run(os.getpid)
    killed: list[int] = []

    def kill_one_worker(done: int, total: int | None, articles: int) -> None:
        if not killed:  # the first partition is written; the others are running or queued
            pid = next(iter(before.values()))
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    db = tmp_path / "killed.db"
    with SqliteRepository(db) as repo:
        report = batch(
            [corpus], settings, client, today=TODAY, repository=repo, partitions=12, progress=kill_one_worker
        )
    assert killed and report.partitions >= 10  # 76 articles in partitions of 7
    client.wait_for_workers(2, timeout=60)
    assert killed[0] not in client.run(os.getpid).values()  # the nanny started a new worker process
    assert view(db) == view(ingested)


def test_cli_batch_out_writes_parquet_parts_through_a_scheduler(
    client: Client, corpus: Path, ingested: Path, tmp_path: Path
) -> None:
    out = tmp_path / "reports.parquet"
    address = client.scheduler.address
    args = ["batch", str(corpus), "--scheduler", address, "--partitions", "3", "--out", str(out)]
    runner = CliRunner()
    result = runner.invoke(app, args, env={"FRONTLINES_TODAY": TODAY.isoformat()})
    assert result.exit_code == 0, result.output
    parts = sorted(out.glob("part-*.parquet"))
    assert len(parts) == 3
    ids = sorted(row for p in parts for row in pq.read_table(p, columns=["event_id"]).column(0).to_pylist())
    with SqliteRepository(ingested) as repo:
        assert ids == sorted(e.event_id for e in repo.events(EventQuery()))
    again = runner.invoke(app, args, env={"FRONTLINES_TODAY": TODAY.isoformat()})
    assert again.exit_code == 0 and "(3 written before)" in again.stdout
    assert sorted(out.glob("part-*.parquet")) == parts


def test_cli_batch_parquet_gives_what_ingest_of_the_same_jsonl_gives(
    client: Client, settings: Settings, resources: Resources, tmp_path: Path
) -> None:
    """The same records, one with an unreadable date: a Parquet file of row groups of 4 rows with the
    text in a 'body' column (``--map text=body``), partitions of 5 rows, against ingest of JSONL."""
    records = copy_records(settings, 1)
    records.insert(3, {**records[0], "title": "undated", "published": "the day after"})
    jsonl = tmp_path / "records.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    parquet = tmp_path / "records.parquet"
    table = pa.Table.from_pylist([{("body" if k == "text" else k): v for k, v in r.items()} for r in records])
    pq.write_table(table, parquet, row_group_size=4)
    with SqliteRepository(tmp_path / "ingest.db") as repo:
        ingest([jsonl], settings, resources, repo, today=TODAY)
    args = ["batch", str(parquet), "--scheduler", client.scheduler.address, "--map", "text=body"]
    args += ["--partition-size", "5", "--into", str(tmp_path / "batch.db")]
    result = CliRunner().invoke(app, args, env={"FRONTLINES_TODAY": TODAY.isoformat()})
    assert result.exit_code == 1, result.output  # one record rejected
    assert "rejected 1 record" in result.stdout
    counts, unmerged, reports, canonical, rejections = view(tmp_path / "batch.db")
    expected = view(tmp_path / "ingest.db")
    assert len(canonical) > 0 and unmerged == 0
    assert (counts, unmerged, reports, canonical) == expected[:4]
    assert rejections == [(f"{parquet}:4", "date")] and expected[4] == [(f"{jsonl}:4", "date")]


FRENCH = (
    "Les forces gouvernementales ont bombardé jeudi la ville de Maarat al-Numan, dans la province "
    "d'Idleb, tuant cinq civils et en blessant une douzaine d'autres, selon un groupe de surveillance."
)


def counts_of(report: IngestReport) -> tuple[int, ...]:
    return (
        report.articles_read,
        report.articles_skipped,
        report.duplicates,
        report.rejected,
        report.new_articles,
        report.new_events,
        report.new_rejections,
    )


def test_batch_checks_text_on_workers_as_ingest_checks_it(
    client: Client, settings: Settings, resources: Resources, tmp_path: Path
) -> None:
    """The workers check the text (cleaned length, language), as ingest's reader does: a repeated
    record of a rejected article is rejected again under its own origin, not counted as a repeat;
    and a stored article that fails stricter checks on a re-run is rejected, as ingest rejects it."""
    records = copy_records(settings, 1)
    french = {"title": "Idleb", "text": FRENCH, "published": "2019-05-09", "source": "AFP"}
    short = {"title": "Photo", "text": "Photo: AFP. Read more.", "published": "2019-05-09", "source": "AFP"}
    records[2:2] = [french, short, french, records[0], short]
    jsonl = tmp_path / "records.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    with SqliteRepository(tmp_path / "ingest.db") as repo:
        by_ingest = ingest([jsonl], settings, resources, repo, today=TODAY)
    with SqliteRepository(tmp_path / "batch.db") as repo:
        by_batch = batch([jsonl], settings, client, today=TODAY, repository=repo, partition_size=3)
    assert by_ingest.duplicates == 1 and by_ingest.rejected == 4  # records[0] again; french, short twice
    assert counts_of(by_batch) == counts_of(by_ingest)
    assert view(tmp_path / "batch.db") == view(tmp_path / "ingest.db")

    lengths = sorted(len(r["text"]) for r in records)
    strict = dataclasses.replace(
        settings, ingest=dataclasses.replace(settings.ingest, min_chars=lengths[len(lengths) // 2])
    )
    with SqliteRepository(tmp_path / "ingest.db") as repo:
        again_ingest = ingest([jsonl], strict, resources, repo, today=TODAY)
    with SqliteRepository(tmp_path / "batch.db") as repo:
        again_batch = batch([jsonl], strict, client, today=TODAY, repository=repo, partition_size=3)
    assert again_ingest.rejected > 4 and again_ingest.articles_skipped > 0
    assert counts_of(again_batch) == counts_of(again_ingest)
    assert view(tmp_path / "batch.db") == view(tmp_path / "ingest.db")


def test_open_client_names_an_unreachable_scheduler() -> None:
    with (
        pytest.raises(ClusterError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"),
        open_client(scheduler="tcp://127.0.0.1:9", timeout=1),
    ):
        pass


def test_batch_names_a_scheduler_without_workers(settings: Settings, tmp_path: Path) -> None:
    with (
        LocalCluster(n_workers=0, processes=False, dashboard_address=None) as cluster,
        Client(cluster) as empty,
        pytest.raises(ClusterError, match="has no worker"),
    ):
        batch([EXAMPLES], settings, empty, today=TODAY, out=tmp_path / "reports.parquet")

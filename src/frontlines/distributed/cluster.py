"""Connecting to Dask: a LocalCluster of worker processes by default, or an existing scheduler."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from distributed import Client, LocalCluster

from frontlines.errors import FrontlinesError

#: Seconds to wait for an existing scheduler to answer.
CONNECT_TIMEOUT_S = 20


class ClusterError(FrontlinesError):
    """The Dask cluster cannot be reached or started, or a partition kept killing its workers."""

    code = "E600"


@contextmanager
def open_client(
    workers: int | None = None,
    scheduler: str | None = None,
    *,
    dashboard: bool = False,
    timeout: float = CONNECT_TIMEOUT_S,
) -> Iterator[Client]:
    """A Dask client: connected to ``scheduler`` (``tcp://host:port``) when given, else to a new
    LocalCluster of ``workers`` single-threaded worker processes (default: one per CPU), without
    a memory limit (the machine may be shared) and with the dashboard only when ``dashboard``.
    The LocalCluster is closed on exit; an existing cluster is left running. ``timeout``: seconds to
    wait for an existing scheduler."""
    if scheduler is not None and workers is not None:
        raise ClusterError("--workers and --scheduler both given", "pass one of them")
    if workers is not None and workers < 1:
        raise ClusterError(f"--workers {workers} is below 1", "pass 1 or more")
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=timeout)
        except (OSError, TimeoutError) as exc:
            raise ClusterError(
                f"cannot reach the Dask scheduler at {scheduler}: {exc}",
                "start it with `dask scheduler` and workers with `dask worker ADDRESS`, or drop --scheduler",
            ) from None
        with client:
            yield client
        return
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        memory_limit=0,
        # the scheduler serves HTTP (health, metrics) even without the dashboard: on a free port then
        dashboard_address=":8787" if dashboard else ":0",
        scheduler_kwargs={"dashboard": dashboard},
        silence_logs=logging.ERROR,
    )
    with cluster, Client(cluster) as client:
        yield client

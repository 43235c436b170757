"""Dask adapter: partitions in, results out, nothing else.

``batch`` cuts the inputs into partitions, runs the pipeline on Dask workers (each process loads its
resources once) and writes the results partition by partition; ``open_client`` starts a
LocalCluster or connects to an existing scheduler.
"""

from __future__ import annotations

from frontlines.distributed.batch import BatchReport, batch
from frontlines.distributed.cluster import ClusterError, open_client
from frontlines.distributed.partitions import Partition, PartitionResult, cut

__all__ = ["BatchReport", "ClusterError", "Partition", "PartitionResult", "batch", "cut", "open_client"]

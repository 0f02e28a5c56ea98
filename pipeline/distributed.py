"""Run the same stages on a Dask distributed cluster and write a partitioned Parquet dataset.

Contract
--------
``run_dask(input_dir, output_dir, scheduler=None, workers=None, partition_size=256)``
splits the input into partitions of about ``partition_size`` pages, runs
``runner.process_task`` over each partition on a Dask worker
(``scheduler`` = address of an existing cluster, e.g. ``tcp://10.0.0.5:8786``;
``None`` starts a ``LocalCluster`` of ``workers`` single-threaded processes on
this machine), and writes, for every table, a directory
``output_dir/<table>/part-00000.parquet, part-00001.parquet, …`` — a Parquet
dataset that pandas, DuckDB (``'out/people/*.parquet'``), Polars and Spark read
directly. Parts are numbered in input order, so reading the parts in name
order gives exactly the rows of the local run (tested).

A partition holds descriptors, not text: page files by path, ``.jsonl`` and
``.parquet`` corpora as ``CorpusSlice`` ranges (``ingest.discover`` with
``slice_records``) that the worker reads itself. The client only lists files,
finds line ends in ``.jsonl`` files and reads Parquet footers, so neither it
nor the scheduler ever holds corpus text. Workers must see the input and output
paths (a shared file system or the same mount on every node); each worker
loads the heavy resources once, like a local worker. The dataset is written
under ``output_dir/.tmp-<table>`` and moved into place when every partition
succeeded.
"""
from __future__ import annotations

import os
import shutil
import time
import uuid
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .emit import TableWriter
from .ingest import DEFAULT_MAX_BYTES, CorpusSlice, Discovered, discover, expand
from .runner import RunSummary, process_task
from .schema import TABLES


def partitions(items: Iterable[Discovered], size: int) -> Iterator[list[Discovered]]:
    """Consecutive groups of discovered items holding about ``size`` pages each (a page file
    counts one, a corpus slice its records), in input order."""
    group: list[Discovered] = []
    pages = 0
    for item in items:
        group.append(item)
        pages += item.count if isinstance(item, CorpusSlice) else 1
        if pages >= size:
            yield group
            group, pages = [], 0
    if group:
        yield group


def _process_partition(items: list[Discovered], part_dir: str, index: int, max_bytes: int) -> dict:
    """Runs on a Dask worker: read and process one partition, write its part files."""
    summary = RunSummary()
    staging = Path(part_dir) / f".part-{index:05d}"
    with TableWriter(staging) as writer:
        for task in expand(items):
            result = process_task(task, max_bytes=max_bytes)
            summary.count(result)
            writer.add(result)
    for table in TABLES:
        target = Path(part_dir) / f".tmp-{table}"
        target.mkdir(parents=True, exist_ok=True)
        os.replace(staging / f"{table}.parquet", target / f"part-{index:05d}.parquet")
    shutil.rmtree(staging, ignore_errors=True)
    return {"pages_read": summary.pages_read, "pages_rejected": summary.pages_rejected,
            "rows": dict(writer.rows_written), "reasons": dict(summary.reject_reasons),
            "seconds": dict(summary.stage_seconds)}


def run_dask(input_dir: os.PathLike | str, output_dir: os.PathLike | str, scheduler: Optional[str] = None,
             workers: Optional[int] = None, partition_size: int = 256,
             max_bytes: int = DEFAULT_MAX_BYTES) -> RunSummary:
    from dask.distributed import Client, LocalCluster, as_completed

    if partition_size < 1:
        raise ValueError("partition_size must be at least 1")
    t0 = time.perf_counter()
    run_id = uuid.uuid4().hex[:12]
    source = Path(input_dir).resolve()  # workers may run elsewhere: absolute paths only
    out = Path(output_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    for stale in list(out.glob(".tmp-*")) + list(out.glob(".part-*")) + list(out.glob(".old-*")):
        shutil.rmtree(stale, ignore_errors=True)  # debris of an interrupted run
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    summary = RunSummary()
    # A few partitions per worker in flight: enough to keep every worker busy, while the
    # client never holds more than a window of the corpus.
    max_in_flight = 2 * max(1, len(client.scheduler_info().get("workers", {})) or (workers or 1))
    try:
        in_flight = as_completed()
        n_parts = 0
        for index, chunk in enumerate(partitions(discover(source, slice_records=partition_size), partition_size)):
            in_flight.add(client.submit(_process_partition, chunk, str(out), index, max_bytes,
                                        pure=False, key=f"cnnews-partition-{run_id}-{index}"))
            n_parts += 1
            if in_flight.count() >= max_in_flight:
                _merge(summary, next(in_flight).result())
        for future in in_flight:
            _merge(summary, future.result())
        if n_parts == 0:  # empty input: every table still exists, with its schema
            _process_partition([], str(out), 0, max_bytes)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    for table in TABLES:
        staged, final, old = out / f".tmp-{table}", out / table, out / f".old-{table}-{run_id}"
        if final.exists():
            os.replace(final, old)  # swap by renames: the table is never half old, half new
        os.replace(staged, final)
        shutil.rmtree(old, ignore_errors=True)
        (out / f"{table}.parquet").unlink(missing_ok=True)  # a previous local run's file
    summary.wall_seconds = time.perf_counter() - t0
    return summary


def _merge(summary: RunSummary, part: dict) -> None:
    summary.pages_read += part["pages_read"]
    summary.pages_rejected += part["pages_rejected"]
    summary.reject_reasons.update(part["reasons"])
    summary.stage_seconds.update(part["seconds"])
    for table, n in part["rows"].items():
        summary.rows[table] = summary.rows.get(table, 0) + n

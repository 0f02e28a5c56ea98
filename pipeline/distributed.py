"""Run the same stages on a Dask distributed cluster and write a partitioned Parquet dataset.

Contract
--------
``run_dask(input_dir, output_dir, scheduler=None, workers=None, partition_size=256, sentences=False)``
splits the input into partitions of about ``partition_size`` pages, runs
``runner.process_task`` over each partition on a Dask worker
(``scheduler`` = address of an existing cluster, e.g. ``tcp://10.0.0.5:8786``;
``None`` starts a ``LocalCluster`` of ``workers`` single-threaded processes on
this machine), and writes, for every table, a directory
``output_dir/<table>/part-00000.parquet, part-00001.parquet, …`` — a Parquet
dataset that pandas, DuckDB (``'out/people/*.parquet'``), Polars and Spark read
directly; the optional ``sentences`` table only with ``sentences=True``, as in a local run. Parts are numbered in input order, so reading the parts in name
order gives exactly the rows of the local run (tested).

A partition holds descriptors, not text: page files by path, ``.jsonl`` and
``.parquet`` corpora as ``CorpusSlice`` ranges (``ingest.discover`` with
``slice_records``) that the worker reads itself. The client only lists files,
finds line ends in ``.jsonl`` files and reads Parquet footers, so neither it
nor the scheduler ever holds corpus text. Workers must see the input and output
paths (a shared file system or the same mount on every node); each worker
loads the heavy resources once, like a local worker. The parts are written
into the run's new generation folder (``commit.py``). Then the corpus-level step
(``pipeline/corpus``): each partition returned its articles' repost keys (ids, hashes, dates,
MinHash signatures: no text), the client groups the reposts and sends each part's new
``duplicate_group`` / ``is_canonical`` values to a worker that rewrites that ``articles`` part;
the linking step reads names and codes (no text) back from the parts, writes the two entity
tables as one part each and has the workers set ``person_id`` / ``org_id`` part by part.
The generation is committed in one step with
the local engine's commit when every partition succeeded: ``output_dir/<table>``
is a fixed link through ``output_dir/current``, so readers see the previous
complete dataset or the new one, never a mix. The client holds the output's lock.
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .commit import Generation
from .corpus import group_reposts, link_entities, repost_key, rewrite_articles, rewrite_columns
from .emit import TableWriter
from .ingest import DEFAULT_MAX_BYTES, CorpusSlice, Discovered, discover, expand
from .output_lock import OutputLock
from .resources import jieba_module
from .runner import RunSummary, process_task, run_manifest
from .schema import CORPUS_TABLES, output_tables


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


def _process_partition(items: list[Discovered], generation_dir: str, index: int, max_bytes: int,
                       sentences: bool = False, scratch_dir: Optional[str] = None) -> dict:
    """Runs on a Dask worker: read and process one partition, write its part files into the
    run's (uncommitted) generation folder. ``scratch_dir`` (the output's ``.cache``) holds jieba's
    dictionary cache, as on the local engine's workers."""
    jieba_module(scratch_dir)  # before the first page initialises jieba; later calls change nothing
    summary = RunSummary()
    staging = Path(generation_dir) / ".staging" / f"part-{index:05d}"
    keys = []
    tables = output_tables(["sentences"] if sentences else ())
    with TableWriter(staging, tables=tables) as writer:
        for task in expand(items):
            result = process_task(task, max_bytes=max_bytes, sentences=sentences)
            summary.count(result)
            writer.add(result)
            key = repost_key(result)
            if key is not None:
                keys.append(key)
    for table in tables:
        target = Path(generation_dir) / table
        target.mkdir(parents=True, exist_ok=True)
        os.replace(staging / f"{table}.parquet", target / f"part-{index:05d}.parquet")
    shutil.rmtree(staging, ignore_errors=True)
    return {"pages_read": summary.pages_read, "pages_rejected": summary.pages_rejected,
            "rows": dict(writer.rows_written), "reasons": dict(summary.reject_reasons),
            "seconds": dict(summary.stage_seconds), "index": index, "keys": keys}


def _rewrite_part(path: str, assignments: dict) -> bool:
    """Runs on a Dask worker: the corpus step's new values into one ``articles`` part."""
    return rewrite_articles(path, assignments)


def run_dask(input_dir: os.PathLike | str, output_dir: os.PathLike | str, scheduler: Optional[str] = None,
             workers: Optional[int] = None, partition_size: int = 256,
             max_bytes: int = DEFAULT_MAX_BYTES, sentences: bool = False) -> RunSummary:
    if partition_size < 1:
        raise ValueError("partition_size must be at least 1")
    t0 = time.perf_counter()
    source = Path(input_dir).resolve()  # workers may run elsewhere: absolute paths only
    out = Path(output_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    summary = RunSummary()
    with OutputLock(out), Generation(out) as generation:
        _run_partitions(source, str(generation.path), scheduler, workers, partition_size, max_bytes,
                        generation.id, summary, sentences, str(out / ".cache"))
        shutil.rmtree(generation.path / ".staging", ignore_errors=True)
        summary.rows.update(generation.rows("dataset", CORPUS_TABLES))
        generation.commit("dataset", run_manifest(source, "dask", summary),
                          tables=output_tables(["sentences"] if sentences else ()))
    summary.wall_seconds = time.perf_counter() - t0
    return summary


def _run_partitions(source: Path, generation_dir: str, scheduler: Optional[str], workers: Optional[int],
                    partition_size: int, max_bytes: int, run_id: str, summary: RunSummary,
                    sentences: bool = False, scratch_dir: Optional[str] = None) -> None:
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        # the cluster's scratch space (workers' spill and lock files) in the output's .cache,
        # not the system's temporary folder
        import dask

        with dask.config.set({"temporary-directory": str(Path(scratch_dir) / "dask")}):
            cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                                   processes=True, dashboard_address=None,
                                   local_directory=str(Path(scratch_dir) / "dask"))
        client = Client(cluster)
    # A few partitions per worker in flight: enough to keep every worker busy, while the
    # client never holds more than a window of the corpus.
    max_in_flight = 2 * max(1, len(client.scheduler_info().get("workers", {})) or (workers or 1))
    keys: dict[int, list] = {}  # the corpus step's keys of each part (a few hundred bytes per article)
    try:
        in_flight = as_completed()
        n_parts = 0
        for index, chunk in enumerate(partitions(discover(source, slice_records=partition_size), partition_size)):
            in_flight.add(client.submit(_process_partition, chunk, generation_dir, index, max_bytes, sentences,
                                        scratch_dir,
                                        pure=False, key=f"cnnews-partition-{run_id}-{index}"))
            n_parts += 1
            if in_flight.count() >= max_in_flight:
                _merge(summary, next(in_flight).result(), keys)
        for future in in_flight:
            _merge(summary, future.result(), keys)
        if n_parts == 0:  # empty input: every table still exists, with its schema
            _process_partition([], generation_dir, 0, max_bytes, sentences, scratch_dir)
        t0 = time.perf_counter()
        assignments = group_reposts(key for part in keys.values() for key in part)
        rewrites = []
        for index, part in sorted(keys.items()):
            changed = {k.article_id: assignments[k.article_id] for k in part
                       if assignments[k.article_id] != (k.article_id, True)}
            if changed:
                rewrites.append(client.submit(_rewrite_part, str(Path(generation_dir) / "articles" / f"part-{index:05d}.parquet"),
                                              changed, pure=False, key=f"cnnews-reposts-{run_id}-{index}"))
        client.gather(rewrites)
        summary.note_reposts(assignments, time.perf_counter() - t0)
        t0 = time.perf_counter()

        def on_workers(jobs):
            client.gather([client.submit(rewrite_columns, *job, pure=False,
                                         key=f"cnnews-linking-{run_id}-{i}") for i, job in enumerate(jobs)])

        summary.note_entities(link_entities(generation_dir, "dataset", on_workers), time.perf_counter() - t0)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _merge(summary: RunSummary, part: dict, keys: dict) -> None:
    keys[part["index"]] = part["keys"]
    summary.pages_read += part["pages_read"]
    summary.pages_rejected += part["pages_rejected"]
    summary.reject_reasons.update(part["reasons"])
    summary.stage_seconds.update(part["seconds"])
    for table, n in part["rows"].items():
        summary.rows[table] = summary.rows.get(table, 0) + n

"""Orchestration: run the stages over every page, in parallel, and emit the tables.

``process_task(task)`` runs the stages of ``stages.STAGES`` (ingest → clean →
metadata → segment → entities → geocode → statistics → sentences → minhash) over one
page and returns an ``ArticleResult``; each stage's time goes to ``result.seconds``.
With ``sentences=True`` the result also holds the rows of the optional sentences table. It never raises: a
page that cannot be read becomes a ``rejects`` row with its reason, and an
unexpected exception in any stage becomes a reject with reason ``error`` (and
the exception text), so one bad page never costs the other pages' rows.

``run(input_dir, output_dir, workers, sentences=False)`` streams tasks through a process pool
(``_WorkerPool.imap`` keeps input order, so output is deterministic) and into
``emit.TableWriter``, inside a new generation of the output that is committed
in one step at the end (``commit.py``), under the output's lock
(``output_lock.py``); the sentences table is written only with ``sentences=True``
(``schema.output_tables``), and the manifest lists the tables written. Each worker loads the heavy resources (NER model and
lexicon, jieba dictionary, gazetteer, OpenCC) once, in its initializer, and
ends itself if the main process dies (``lifecycle.py``).
"""
from __future__ import annotations


import dataclasses
import functools
import multiprocessing as mp
import os
import sys
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .cache import ResultCache, task_key
from .commit import Generation
from .corpus import group_reposts, groups_summary, link_entities, repost_key, rewrite_articles
from .emit import TableWriter, check_result
from .ingest import DEFAULT_MAX_BYTES, PageTask, discover
from .lifecycle import start_worker
from .output_lock import OutputLock
from .records import ArticleResult, PageRejected, RejectRow
from .schema import CORPUS_TABLES, OPTIONAL_TABLES, RESULT_FIELDS, TABLES, output_tables
from .resources import jieba_module
from .stages import STAGE_NAMES, STAGES, PageContext, article_id_for, warm_up  # noqa: F401 (article_id_for: API)

#: The tables whose rows a stage assigns as a list on the context (people, … statistics):
#: copied onto the page's ``ArticleResult`` under the same name.
_ROW_LIST_FIELDS = tuple(name for name in RESULT_FIELDS.values()
                         if name in {f.name for f in dataclasses.fields(PageContext)})
# the article row is built from the context, the rejects from exceptions; every other table's rows
# must be set by a stage, or the table would stay empty without a word
_unassigned = (set(RESULT_FIELDS.values()) - {"article", "rejects"}) - {
    name for stage in STAGES for name in stage.assigns}
if _unassigned:
    raise RuntimeError(f"no stage assigns the rows of {sorted(_unassigned)} (schemas/tables.toml "
                       "result_field must be a PageContext field a stage assigns)")


def process_task(task: PageTask, max_bytes: int = DEFAULT_MAX_BYTES, sentences: bool = False) -> ArticleResult:
    """Run every stage of ``stages.STAGES`` over one page; never raises (see the module docstring).
    ``sentences``: also build the rows of the optional sentences table (their words)."""
    result = ArticleResult()
    seconds = result.seconds
    context = PageContext(task, max_bytes, with_sentences=sentences)
    try:
        for stage in STAGES:
            t0 = time.perf_counter()
            try:
                stage(context)
            finally:  # a stage that raised still took its time
                seconds[stage.name] = time.perf_counter() - t0
    except PageRejected as rejected:
        result.rejects.append(RejectRow(task.source_path, rejected.reason, rejected.detail))
        return result
    except Exception as exc:  # any bug on one page must not lose the others
        detail = f"{type(exc).__name__}: {exc}"[:500]
        result.rejects.append(RejectRow(task.source_path, "error", detail))
        return result
    result.article = context.article_row()
    for name in _ROW_LIST_FIELDS:
        setattr(result, name, getattr(context, name))
    result.signature = context.signature
    try:
        check_result(result)  # a row the schema refuses must cost this page, not the run
    except Exception as exc:
        return ArticleResult(rejects=[RejectRow(task.source_path, "error",
                                                f"invalid row: {type(exc).__name__}: {exc}"[:500])],
                             seconds=result.seconds)
    return result


@dataclass
class RunSummary:
    pages_read: int = 0
    pages_rejected: int = 0
    rows: dict = field(default_factory=dict)
    stage_seconds: Counter = field(default_factory=Counter)
    reject_reasons: Counter = field(default_factory=Counter)
    wall_seconds: float = 0.0
    pages_cached: int = 0
    #: seconds of each corpus-level step (after every page: ``reposts``)
    corpus_seconds: Counter = field(default_factory=Counter)
    #: (groups of two or more articles, articles in them)
    repost_groups: tuple = (0, 0)
    #: linked entities: {"people": n, "organizations": n}
    entities: dict = field(default_factory=dict)

    def note_entities(self, counts: dict, seconds: float) -> None:
        self.corpus_seconds["linking"] += seconds
        self.entities = dict(counts)

    def note_reposts(self, assignments: dict, seconds: float) -> None:
        self.corpus_seconds["reposts"] += seconds
        self.repost_groups = groups_summary(assignments)

    def count(self, result: ArticleResult) -> None:
        """Add one page's result to the totals."""
        self.pages_read += 1
        self.pages_rejected += result.article is None
        for r in result.rejects:
            self.reject_reasons[r.reason] += 1
        self.stage_seconds.update(result.seconds)

    def format(self) -> str:
        lines = [f"pages read: {self.pages_read}   articles: {self.pages_read - self.pages_rejected}   "
                 f"rejected: {self.pages_rejected}"
                 + (f" ({', '.join(f'{k}: {v}' for k, v in sorted(self.reject_reasons.items()))})"
                    if self.reject_reasons else ""),
                 "rows: " + ", ".join(f"{t} {self.rows.get(t, 0)}" for t in TABLES
                                      if t in self.rows or t not in OPTIONAL_TABLES),
                 "seconds per stage (summed over workers): "
                 + ", ".join(f"{s} {self.stage_seconds.get(s, 0.0):.2f}" for s in STAGE_NAMES),
                 f"reposts: {self.repost_groups[0]} groups of copies holding {self.repost_groups[1]} "
                 f"articles (corpus step {self.corpus_seconds.get('reposts', 0.0):.2f} s)",
                 f"linked: {self.entities.get('people', 0)} people, {self.entities.get('organizations', 0)} "
                 f"organizations (corpus step {self.corpus_seconds.get('linking', 0.0):.2f} s)",
                 f"pages taken from the cache (unchanged since the last run): {self.pages_cached}",
                 f"wall time: {self.wall_seconds:.2f} s"]
        return "\n".join(lines)


def _init_worker(scratch_dir: Optional[str] = None) -> None:
    """Load every heavy resource once per process (jieba, NER model, gazetteer, OpenCC,
    dictionaries) by running one page through all the stages, so that no page pays a loading
    cost and the per-stage timings measure work, not start-up. ``scratch_dir`` (the output's
    ``.cache``) holds jieba's dictionary cache: a run writes nothing outside its output folder."""
    jieba_module(scratch_dir).initialize()  # the statistics stage segments some sentences
    warm_up()


def _process_star(args) -> ArticleResult:
    return process_task(*args)


def _refuse_start_while_bootstrapping() -> None:
    """A script that starts a run at import time is imported again by the forkserver (or spawn)
    to start the workers; a run started there would write the same output files and the outer
    pool would wait for workers forever. Python refuses such starts for ``multiprocessing``
    pools; this does the same for ours."""
    if getattr(mp.current_process(), "_inheriting", False):
        raise RuntimeError("a run was started while a worker process was importing the main "
                           "module; put the call under `if __name__ == \"__main__\":`")


class _WorkerPool:
    """Worker processes that stream results in input order and survive a crashing page.

    At most ``in_flight`` jobs are submitted ahead of the result being waited for, and a new
    job goes in as each result comes out, so the workers never wait for the main process
    (which writes Parquet meanwhile) and memory stays bounded on corpora of any size.

    ``concurrent.futures`` reports a worker killed mid-task (segfault, out of memory) as
    ``BrokenProcessPool`` instead of hanging like ``multiprocessing.Pool``. The jobs that
    were in flight are then redone one at a time on a fresh pool, so the page that kills
    its worker becomes an ``error`` reject and every other page keeps its rows.
    """

    def __init__(self, workers: int, job=None, initializer=None, in_flight: Optional[int] = None):
        _refuse_start_while_bootstrapping()
        # One BLAS thread per worker: N workers × N BLAS threads would oversubscribe the cores.
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(var, "1")
        self.workers = workers
        self.in_flight = in_flight or workers * 16
        self._job = job or _process_star
        self._initializer = initializer or _init_worker
        self._context = mp.get_context("forkserver" if sys.platform != "win32" else "spawn")
        self._executor = self._start()
        self._started = False

    def _check_started(self) -> None:
        """Before the first page: one worker up and initialised, or a clear error instead of
        every page rejected. Not in ``__init__``: a run served from the cache starts no worker."""
        if self._started:
            return
        try:
            self._executor.submit(os.getpid).result()
        except BrokenProcessPool as exc:
            self._executor.shutdown(wait=False, cancel_futures=True)
            raise RuntimeError("the worker processes could not start (their error is printed above); "
                               "--workers 1 runs without them") from exc
        self._started = True

    def _start(self) -> ProcessPoolExecutor:
        executor = ProcessPoolExecutor(self.workers, mp_context=self._context, initializer=start_worker,
                                       initargs=(os.getpid(), self._initializer))
        # Start every worker with the first job instead of one more per submit. CPython 3.11-3.13
        # spawn on submit while the executor's manager thread may be tearing the pool down after
        # a crash; a worker spawned in that window is never terminated, and the manager thread
        # (and interpreter exit) then waits for it forever.
        executor._safe_to_dynamically_spawn_children = False
        return executor

    def imap(self, items: Iterable[tuple]) -> Iterator[tuple]:
        """``(tag, result)`` for each ``(tag, job)``, in order. A job of ``None`` is not run and
        its result is ``None`` (the caller has it already, e.g. from the cache)."""
        items = iter(items)
        pending: deque = deque()  # (tag, job, future or None)

        def fill() -> None:
            while len(pending) < self.in_flight:
                item = next(items, None)
                if item is None:
                    return
                tag, job = item
                future = None
                if job is not None:
                    self._check_started()
                    try:
                        future = self._executor.submit(self._job, job)
                    except BrokenProcessPool:  # a worker died since the last result
                        future = _broken_future()
                pending.append((tag, job, future))

        fill()
        while pending:
            tag, job, future = pending.popleft()
            if future is None:
                yield tag, None
                fill()
                continue
            try:
                result = future.result()
            except BrokenProcessPool:
                # the page that killed its worker is this one or one still in flight: keep what
                # finished, redo the rest one page at a time on a fresh pool
                rest = list(pending)
                pending.clear()
                self._restart()
                yield tag, self._run_alone(job)
                for t, j, f in rest:
                    if j is None:
                        yield t, None
                    elif f is not None and f.done() and not f.cancelled() and f.exception() is None:
                        yield t, f.result()
                    else:
                        yield t, self._run_alone(j)
                fill()
                continue
            yield tag, result
            fill()

    def map(self, jobs: list) -> list[ArticleResult]:
        """Results of ``jobs`` in order (all of them; ``imap`` streams)."""
        return [result for _, result in self.imap((None, job) for job in jobs)]

    def _run_alone(self, job) -> ArticleResult:
        for _ in range(2):
            try:
                future = self._executor.submit(self._job, job)
            except BrokenProcessPool:  # broken before this page ran: one more try on a fresh pool
                self._restart()
                continue
            try:
                return future.result()
            except BrokenProcessPool:
                self._restart()
                break
        return ArticleResult(rejects=[RejectRow(
            job[0].source_path, "error", "the worker process died on this page (crash or out of memory)")])

    def _restart(self) -> None:
        broken = self._executor
        processes = list((getattr(broken, "_processes", None) or {}).values())
        broken.shutdown(wait=False, cancel_futures=True)
        for process in processes:  # a broken pool's workers are of no further use
            if process.is_alive():
                process.kill()
        self._executor = self._start()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def _broken_future() -> Future:
    future: Future = Future()
    future.set_exception(BrokenProcessPool("the pool broke before the job was submitted"))
    return future


def iter_results(tasks: Iterable[PageTask], workers: int, max_bytes: int, cache=None,
                 scratch_dir: Optional[str] = None, sentences: bool = False):
    """Results in task order; pages found in ``cache`` are not processed again. ``scratch_dir``:
    where the workers keep jieba's dictionary cache (see ``_init_worker``). ``sentences``: the
    results hold the sentences table's rows (part of the cache key: a page cached without them
    is processed again)."""
    pool = _WorkerPool(workers, initializer=functools.partial(_init_worker, scratch_dir)) if workers > 1 else None
    if pool is None:
        _init_worker(scratch_dir)

    def lookups():
        for task in tasks:
            key = task_key(task, max_bytes, sentences) if cache is not None else None
            hit = cache.get(key) if key else None
            if hit is None and key and not sentences:
                # a page cached by a --sentences run serves a run without the table (its other rows
                # are the same), so alternating runs do not re-extract; never the other way round
                hit = cache.get(task_key(task, max_bytes, True))
                if hit is not None:
                    hit.sentence_rows = []
            yield (key, hit), (None if hit is not None else (task, max_bytes, sentences))

    try:
        pairs = lookups()
        if pool is not None:
            outcomes = pool.imap(pairs)
        else:
            outcomes = (((key, hit), None if job is None else _process_star(job))
                        for (key, hit), job in pairs)
        for (key, hit), result in outcomes:
            if hit is not None:
                hit.seconds = {}  # no stage ran for it in this run
                yield hit
                continue
            if cache is not None:
                cache.put(key, result)
            yield result
    finally:
        if pool is not None:
            pool.close()


def run(input_dir: os.PathLike | str, output_dir: os.PathLike | str, workers: Optional[int] = None,
        max_bytes: int = DEFAULT_MAX_BYTES, progress: bool = False, use_cache: bool = True,
        sentences: bool = False) -> RunSummary:
    """Process every page under ``input_dir`` and commit the tables to ``output_dir``.

    The run holds the output's lock throughout (``OutputBusy`` if another run holds it), writes
    every table into a new generation and commits the set in one step (``commit.py``): if it
    fails or is interrupted at any point, the previous tables stay as they were.
    With ``use_cache`` (the default) per-page results are kept in
    ``output_dir/.cache`` and reused while the page and the code are unchanged.
    ``sentences`` also writes the optional sentences table (its words add about a third to the time).
    """
    _refuse_start_while_bootstrapping()
    t0 = time.perf_counter()
    workers = workers or os.cpu_count() or 1
    summary = RunSummary()
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    with OutputLock(out), Generation(out) as generation:
        cache = ResultCache.open(out / ".cache" / "results.sqlite") if use_cache else None
        tables = output_tables(["sentences"] if sentences else ())
        results = iter_results(discover(input_dir), workers, max_bytes, cache, scratch_dir=str(out / ".cache"),
                               sentences=sentences)
        closing_results = results
        if progress:
            results = _with_progress(results, summary)
        completed = False
        try:
            keys = []  # the corpus step's few bytes per article
            with TableWriter(generation.path, tables=tables) as writer:
                for result in results:
                    summary.count(result)
                    writer.add(result)
                    key = repost_key(result)
                    if key is not None:
                        keys.append(key)
            summary.rows = dict(writer.rows_written)
            t1 = time.perf_counter()
            assignments = group_reposts(keys)
            del keys
            rewrite_articles(generation.path / "articles.parquet", assignments)
            summary.note_reposts(assignments, time.perf_counter() - t1)
            t1 = time.perf_counter()
            summary.note_entities(link_entities(generation.path, "file"), time.perf_counter() - t1)
            summary.rows.update(generation.rows("file", CORPUS_TABLES))
            generation.commit("file", run_manifest(input_dir, "local", summary), tables=tables)
            completed = True
        finally:
            closing_results.close()  # stops the worker processes now, also on an error
            if cache is not None:
                summary.pages_cached = cache.hits
                cache.close(prune=completed)
    summary.wall_seconds = time.perf_counter() - t0
    return summary


def run_manifest(input_dir: os.PathLike | str, engine: str, summary: RunSummary) -> dict:
    """What the manifest says about the run (``commit.Generation.commit`` adds the rest)."""
    return {"input": str(Path(input_dir).resolve()), "engine": engine,
            "pages_read": summary.pages_read, "pages_rejected": summary.pages_rejected,
            "reject_reasons": dict(sorted(summary.reject_reasons.items()))}


def _with_progress(results, summary: RunSummary, interval: float = 0.25):
    """Yield ``results`` unchanged while keeping one status line on stderr up to date:
    pages done, rate and rejects so far (the total is unknown while pages stream in)."""
    t0 = last = time.perf_counter()
    count = 0
    for result in results:
        yield result
        count += 1
        now = time.perf_counter()
        if now - last >= interval:
            last = now
            sys.stderr.write(f"\r{count:,} pages  {count / (now - t0):,.1f} pages/s  "
                             f"{summary.pages_rejected:,} rejected ")
            sys.stderr.flush()
    now = time.perf_counter()
    sys.stderr.write(f"\r{count:,} pages  {count / max(now - t0, 1e-9):,.1f} pages/s  "
                     f"{summary.pages_rejected:,} rejected \n")
    sys.stderr.flush()


def ensure_writable(output_dir: Path) -> None:
    """Raise ``OSError`` with a clear message if ``output_dir`` cannot be written."""
    output_dir.mkdir(parents=True, exist_ok=True)
    probe = output_dir / f".write-probe-{os.getpid()}"
    probe.write_bytes(b"")
    probe.unlink()

"""Benchmark: end-to-end throughput against bare ``jieba.cut`` on the same text, same run.

    .venv/bin/python bench/run.py [--sizes 100,1000] [--workers N] [--no-sentences] [--no-append]

For each N it builds a corpus of N pages from the reference pages in ``data/raw/`` (repeated and
varied: paragraphs rotated, figures changed, every other copy converted to the other script with
OpenCC, so no two pages are identical and both scripts are present), runs the pipeline over it,
and reports:

* chars/s and pages/s, overall and per core (per worker process);
* peak RSS per worker (psutil samples every worker process every 0.1 s);
* the ratio of end-to-end speed per core to bare ``jieba.cut`` (HMM on, one core) over the same
  cleaned simplified text, measured in the same run — machines are noisy, the ratio is the stable
  figure;
* the cost of the optional sentences table: the same corpus run again with ``--sentences``
  (wall time with ÷ without, and the ``sentences`` stage's seconds); ``--no-sentences`` skips it.

Results are appended to ``bench/results.md`` with the machine and the date.
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import re
import shutil
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "work"
RESULTS = ROOT / "bench" / "results.md"
_COUNT = re.compile(r"\d+(?=\s*(?:万|余|多|名|个|位|人|户|家|条|支|件|元|吨|盒|套|只|天|小时))")


def build_corpus(n: int, out: Path) -> int:
    """Write n varied pages under out/; return the number of input characters."""
    import opencc

    s2t, t2s = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
    sources = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "raw").glob("*.txt"))]
    rng = random.Random(20200123)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    total = 0
    for i in range(n):
        page = sources[i % len(sources)]
        lines = page.split("\n")
        # rotate the middle paragraphs: same header/footer, different body order
        head, body, tail = lines[:6], lines[6:-4], lines[-4:]
        if body:
            k = rng.randrange(len(body))
            body = body[k:] + body[:k]
        text = "\n".join(head + body + tail)
        # change the counts, not the dates and times (a broken date would send every page
        # down metadata's slow dateparser fallback, which real pages rarely take)
        text = _COUNT.sub(lambda m: str(int(m.group()) + rng.randrange(1, 9)), text)
        if (i // len(sources)) % 2 == 1:
            traditional = sum(1 for a, b in zip(page[:3000], t2s.convert(page[:3000])) if a != b) > 30
            text = t2s.convert(text) if traditional else s2t.convert(text)
        (out / f"{i:06d}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    return total


class PeakRss:
    """Sample the RSS of every descendant process; keep the maximum per process."""

    def __init__(self, interval: float = 0.1):
        self.interval = interval
        self.peaks: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self):
        me = psutil.Process()
        while not self._stop.is_set():
            for child in me.children(recursive=True):
                try:
                    rss = child.memory_info().rss
                except psutil.Error:
                    continue
                self.peaks[child.pid] = max(self.peaks.get(child.pid, 0), rss)
            self._stop.wait(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def jieba_baseline(texts: list[str], min_seconds: float = 2.0, repeats: int = 3) -> float:
    """chars/s of bare jieba.cut over the given texts on one core: the best of ``repeats``
    timings of ≥ min_seconds each. The best is the conservative choice for the ratio (a slow
    baseline timing, e.g. while another tenant loads the machine, would flatter the pipeline)."""
    import jieba

    jieba.initialize()
    chars = sum(map(len, texts))
    best = 0.0
    for _ in range(repeats):
        done, t0 = 0, time.perf_counter()
        while True:
            for t in texts:
                for _ in jieba.cut(t):
                    pass
            done += chars
            elapsed = time.perf_counter() - t0
            if elapsed >= min_seconds:
                break
        best = max(best, done / elapsed)
    return best


def ner_backends(texts: list[str], min_seconds: float = 3.0) -> dict[str, float]:
    """chars/s of the NER model alone (one process) per encoder backend, over the same texts."""
    from pipeline.ner import DEFAULT_MODEL_DIR, NerModel

    out = {}
    chars = sum(map(len, texts))
    for backend in ("numpy", "onnx-int8"):
        model = NerModel(DEFAULT_MODEL_DIR, backend=backend)
        model.predict(texts[0])
        done, t0 = 0, time.perf_counter()
        while time.perf_counter() - t0 < min_seconds:
            for t in texts:
                model.predict(t)
            done += chars
        out[backend] = done / (time.perf_counter() - t0)
    return out


def timed_run(corpus: Path, out: Path, workers: int, sentences: bool = False):
    """(wall seconds, run summary, peak RSS sampler) of one run without the cache."""
    from pipeline.runner import run

    with PeakRss() as rss:
        t0 = time.perf_counter()
        summary = run(corpus, out, workers=workers, use_cache=False, sentences=sentences)
        wall = time.perf_counter() - t0
    return wall, summary, rss


def sentences_cost(n: int, workers: int, plain_wall: float) -> dict:
    """The corpus of ``bench_one(n)`` run again with ``--sentences``: what the table costs."""
    wall, summary, rss = timed_run(WORK / f"corpus_{n}", WORK / f"out_{n}_sentences", workers, sentences=True)
    stage_total = sum(summary.stage_seconds.values()) or 1.0
    return {"wall_s": wall, "cost": wall / plain_wall - 1, "rows": summary.rows.get("sentences", 0),
            "stage_s": summary.stage_seconds.get("sentences", 0.0),
            "stage_share": summary.stage_seconds.get("sentences", 0.0) / stage_total,
            "peak_rss_worker_mb": max(rss.peaks.values(), default=0) / 2**20}


def bench_one(n: int, workers: int) -> dict:
    import pyarrow.parquet as pq

    corpus = WORK / f"corpus_{n}"
    out = WORK / f"out_{n}"
    input_chars = build_corpus(n, corpus)
    wall, summary, rss = timed_run(corpus, out, workers)
    texts = pq.read_table(out / "articles.parquet", columns=["text"]).column("text").to_pylist()
    # the baseline reads the same cleaned text (a sample of ≤ 200 pages is enough to time it)
    jieba_cps = jieba_baseline(texts[:200])
    ner_cps = ner_backends(texts[:100])
    cores = max(1, workers)
    worker_peaks = sorted(rss.peaks.values(), reverse=True)[:workers]
    e2e_cps = input_chars / wall
    return {
        "pages": n, "workers": workers, "wall_s": wall, "input_chars": input_chars,
        "text_chars": sum(map(len, texts)),
        "chars_per_s": e2e_cps, "chars_per_s_core": e2e_cps / cores,
        "pages_per_s": n / wall, "pages_per_s_core": n / wall / cores,
        "peak_rss_worker_mb": (worker_peaks[0] / 2**20) if worker_peaks else float("nan"),
        "jieba_cut_chars_per_s": jieba_cps,
        "ratio_vs_jieba": (sum(map(len, texts)) / wall / cores) / jieba_cps,
        "rejected": summary.pages_rejected,
        "stage_seconds": dict(summary.stage_seconds),
        # the entities stage (NER model + rules) per core, from the workers' own stage clocks
        "entities_chars_per_s_core": sum(map(len, texts)) / max(summary.stage_seconds.get("entities", 0.0), 1e-9),
        "ner_chars_per_s": ner_cps,
        # reposts: the workers' minhash stage (per page) and the corpus step after every page
        # (grouping in the main process, then rewriting articles.parquet)
        "minhash_s": summary.stage_seconds.get("minhash", 0.0),
        "reposts_corpus_s": summary.corpus_seconds.get("reposts", 0.0),
        "repost_groups": summary.repost_groups,
        "linking_corpus_s": summary.corpus_seconds.get("linking", 0.0),
        "entities_linked": summary.entities,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "100,1000"))
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--no-sentences", action="store_true",
                    help="do not measure the cost of the sentences table (a second run of each corpus with --sentences)")
    ap.add_argument("--no-append", action="store_true", help="print only, do not touch results.md")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    for n in sizes:
        r = bench_one(n, args.workers)
        if not args.no_sentences:
            r["sentences"] = sentences_cost(n, args.workers, r["wall_s"])
        rows.append(r)
        print(f"N={n}: {r['wall_s']:.1f} s, {r['chars_per_s_core']:,.0f} chars/s/core, "
              f"{r['pages_per_s_core']:.2f} pages/s/core, peak RSS/worker {r['peak_rss_worker_mb']:.0f} MB, "
              f"jieba.cut {r['jieba_cut_chars_per_s']:,.0f} chars/s, ratio {r['ratio_vs_jieba']:.3f}, "
              f"entities stage {r['entities_chars_per_s_core']:,.0f} chars/s/core, "
              f"reposts: minhash {r['minhash_s']:.2f} s (workers), corpus step {r['reposts_corpus_s']:.2f} s, "
              f"linking {r['linking_corpus_s']:.2f} s"
              + (f", with --sentences {r['sentences']['wall_s']:.1f} s ({r['sentences']['cost']:+.1%}; "
                 f"sentences stage {r['sentences']['stage_s']:.2f} s, {r['sentences']['stage_share']:.1%} "
                 f"of worker time)" if "sentences" in r else ""),
              flush=True)
    report = _markdown(rows, args.workers)
    print(report)
    if not args.no_append:
        old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark history\n\n" \
            "Appended by `make bench` (bench/run.py). Newest last.\n"
        RESULTS.write_text(old.rstrip("\n") + "\n\n" + report, encoding="utf-8")
    return 0


def _installed(dist: str) -> str:
    """'yes'/'no': torch in the venv (after `make model`) slows worker start-up, since spaCy imports it."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        version(dist)
        return "yes"
    except PackageNotFoundError:
        return "no"


def _markdown(rows: list[dict], workers: int) -> str:
    cpu = platform.processor() or platform.machine()
    lines = [f"## {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC — {os.cpu_count()} cores ({cpu}), "
             f"{psutil.virtual_memory().total / 2**30:.0f} GiB, Python {platform.python_version()}, "
             f"workers={workers}, training-only torch installed: {_installed('torch')}", "",
             "| pages | wall s | chars/s/core | pages/s/core | peak RSS/worker MB | jieba.cut chars/s | "
             "end-to-end ÷ jieba.cut | time ÷ previous N |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    prev = None
    for r in rows:
        scale = "" if prev is None else f"{r['wall_s'] / prev['wall_s']:.2f} for {r['pages'] / prev['pages']:.0f}× pages"
        lines.append(f"| {r['pages']:,} | {r['wall_s']:.1f} | {r['chars_per_s_core']:,.0f} | "
                     f"{r['pages_per_s_core']:.2f} | {r['peak_rss_worker_mb']:.0f} | "
                     f"{r['jieba_cut_chars_per_s']:,.0f} | {r['ratio_vs_jieba']:.3f} | {scale} |")
        prev = r
    last = rows[-1]["stage_seconds"]
    total = sum(last.values()) or 1.0
    ner = rows[-1]["ner_chars_per_s"]
    lines += ["", "Share of worker time per stage (largest N): "
              + ", ".join(f"{k} {v / total:.0%}" for k, v in sorted(last.items(), key=lambda kv: -kv[1])),
              "",
              f"Entities stage (NER model + rules, workers' stage clocks, largest N): "
              f"{rows[-1]['entities_chars_per_s_core']:,.0f} chars/s per core. "
              f"NER model alone, one process, same text: int8 encoder {ner['onnx-int8']:,.0f} chars/s, "
              f"float32 numpy encoder {ner['numpy']:,.0f} chars/s ({ner['onnx-int8'] / ner['numpy']:.2f}×).", "",
              f"Reposts (largest N): minhash stage {rows[-1]['minhash_s']:.2f} s summed over workers "
              f"({rows[-1]['minhash_s'] / total:.1%} of worker time); corpus step (grouping + rewriting "
              f"articles) {rows[-1]['reposts_corpus_s']:.2f} s in the main process "
              f"({rows[-1]['reposts_corpus_s'] / rows[-1]['wall_s']:.1%} of wall time); "
              f"{rows[-1]['repost_groups'][0]:,} groups holding {rows[-1]['repost_groups'][1]:,} articles "
              f"(the corpus repeats 5 reference pages with changes: every page is a near copy).", "",
              f"Entity linking (largest N): {rows[-1]['linking_corpus_s']:.2f} s in the main process "
              f"({rows[-1]['linking_corpus_s'] / rows[-1]['wall_s']:.1%} of wall time); "
              f"{rows[-1]['entities_linked'].get('people', 0):,} people, "
              f"{rows[-1]['entities_linked'].get('organizations', 0):,} organizations linked.", ""]
    for r in rows:
        if "sentences" in r:
            s = r["sentences"]
            lines += [f"Sentences table (`--sentences`, N={r['pages']:,}): {s['wall_s']:.1f} s wall against "
                      f"{r['wall_s']:.1f} s without ({s['cost']:+.1%}); the sentences stage (words: jieba.cut "
                      f"over every sentence) {s['stage_s']:.2f} s summed over workers ({s['stage_share']:.1%} "
                      f"of worker time); {s['rows']:,} sentence rows; peak RSS/worker "
                      f"{s['peak_rss_worker_mb']:.0f} MB.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())

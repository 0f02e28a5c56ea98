"""Dump every output row for a fixed set of input folders, for refactoring checks.

    .venv/bin/python recipes/snapshot_tables.py OUT_DIR [--bench-pages 200]

Runs the pipeline (one worker, no cache) over ``data/raw``, ``tests/data``,
``tests/data/extra``, ``../shared/samples/extra`` and ``../shared/samples/html`` (when present) and
over the first N pages of the benchmark corpus (``bench/run.py``'s ``build_corpus``), and writes one
canonical JSON line per row to ``OUT_DIR/<input>/<table>.jsonl``. Two snapshots taken before and
after a change that must not alter the tables are compared with ``diff -r``.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from pipeline.schema import TABLES  # noqa: E402  (the tables of schemas/tables.toml, in order)


def _default(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def inputs() -> dict[str, Path]:
    found = {"raw": ROOT / "data" / "raw", "tests_data": ROOT / "tests" / "data",
             "tests_extra": ROOT / "tests" / "data" / "extra",
             "shared_extra": ROOT.parent / "shared" / "samples" / "extra",
             "shared_html": ROOT.parent / "shared" / "samples" / "html"}
    return {k: v for k, v in found.items() if v.is_dir()}


def main() -> int:
    import pyarrow.parquet as pq

    from pipeline.runner import run

    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--bench-pages", type=int, default=200)
    args = ap.parse_args()
    out = Path(args.out)
    with tempfile.TemporaryDirectory() as tmp:
        todo = inputs()
        if args.bench_pages:
            sys.path.insert(0, str(ROOT / "bench"))
            from run import build_corpus  # bench/run.py

            corpus = Path(tmp) / "bench_corpus"
            build_corpus(args.bench_pages, corpus)
            todo["bench"] = corpus
        for name, folder in todo.items():
            tables = Path(tmp) / name
            run(folder, tables, workers=1, use_cache=False)
            (out / name).mkdir(parents=True, exist_ok=True)
            for table in TABLES:
                rows = pq.read_table(tables / f"{table}.parquet").to_pylist()
                lines = [json.dumps(r, ensure_ascii=False, default=_default) for r in rows]
                (out / name / f"{table}.jsonl").write_text("".join(l + "\n" for l in lines),
                                                           encoding="utf-8")
            print(name, {t: sum(1 for _ in open(out / name / f"{t}.jsonl", encoding="utf-8"))
                         for t in TABLES})
    return 0


if __name__ == "__main__":
    sys.exit(main())

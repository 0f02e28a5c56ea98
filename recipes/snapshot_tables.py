"""Dump every output row for a fixed set of input folders, for refactoring checks.

    .venv/bin/python recipes/snapshot_tables.py OUT_DIR [--bench-pages 200]

Runs the pipeline (one worker, no cache) over ``data/raw``, ``tests/data/extra`` (the same pages as
``../shared/samples/extra``), ``../shared/samples/html`` (when present) and over the first N pages
of the benchmark corpus (``bench/run.py``'s ``build_corpus``), and writes one canonical JSON line
per row (``tests/golden.py``'s form) to ``OUT_DIR/<input>/<table>.jsonl``. Two snapshots taken before and
after a change that must not alter the tables are compared with ``diff -r``.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
from golden import table_lines  # noqa: E402  (tests/golden.py: one JSON line per row)
from pipeline.schema import TABLES  # noqa: E402  (the tables of schemas/tables.toml, in order)


def inputs() -> dict[str, Path]:
    found = {"raw": ROOT / "data" / "raw", "tests_extra": ROOT / "tests" / "data" / "extra",
             "shared_html": ROOT.parent / "shared" / "samples" / "html"}
    return {k: v for k, v in found.items() if v.is_dir()}


def main() -> int:
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
            run(folder, tables, workers=1, use_cache=False, sentences=True)  # every table
            (out / name).mkdir(parents=True, exist_ok=True)
            for table in TABLES:
                lines = table_lines(tables, table)
                (out / name / f"{table}.jsonl").write_text("".join(l + "\n" for l in lines),
                                                           encoding="utf-8")
            print(name, {t: sum(1 for _ in open(out / name / f"{t}.jsonl", encoding="utf-8"))
                         for t in TABLES})
    return 0


if __name__ == "__main__":
    sys.exit(main())

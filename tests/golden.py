"""Golden expected output for data/raw/: every row of every table, as reviewed JSON lines.

    .venv/bin/python tests/golden.py          # rewrite tests/golden/ after an intended change

Review the resulting ``git diff tests/golden`` like code: it shows exactly which rows a change
adds, removes or alters, in any stage.
"""
from __future__ import annotations

import json
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run as a script too
from pipeline.schema import TABLES  # noqa: E402  (the tables of schemas/tables.toml, in order)

GOLDEN = HERE / "golden"
RAW = HERE.parent / "data" / "raw"


def _default(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def table_lines(out_dir: Path, table: str) -> list[str]:
    rows = pq.read_table(out_dir / f"{table}.parquet").to_pylist()
    return [json.dumps(r, ensure_ascii=False, default=_default, sort_keys=False) for r in rows]


def build(out_dir: Path) -> None:
    """Every table, the optional ones included (``run --sentences``)."""
    from pipeline.runner import run

    run(RAW, out_dir, workers=1, sentences=True)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp))
        GOLDEN.mkdir(exist_ok=True)
        for table in TABLES:
            lines = table_lines(Path(tmp), table)
            (GOLDEN / f"{table}.jsonl").write_text("".join(l + "\n" for l in lines), encoding="utf-8")
            print(f"{table}: {len(lines)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())

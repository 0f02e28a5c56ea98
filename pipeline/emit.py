"""Stage 7 — emit: stream table rows into Parquet files, atomically.

Contract
--------
``TableWriter(output_dir)`` is a context manager. ``add(result)`` buffers one
``ArticleResult``; every ``batch_size`` articles the buffered rows become one
Parquet row group per table, so memory stays bounded whatever the corpus size.
On a clean exit each table is renamed from ``.<table>.parquet.tmp`` to
``<table>.parquet`` (``os.replace`` is atomic on POSIX): readers never see a
half-written table, and a crashed run leaves the previous tables in place.
A run writes into a fresh generation folder (``commit.Generation``), which is
what makes the whole table set, not each table alone, change in one step.
Every writer is closed even when one fails (disk full), and a failed exit
deletes the temporary files.
Every table is written, even when empty, with the schema from
``schemas/tables.toml`` — every table of ``tables`` (by default all but the optional ones:
``sentences`` only when a run asks for it, ``schema.output_tables``). The rows a page has for
a table not written (its sentence rows in a run without the table) are left out.

Given the same inputs in the same order, the files are identical run to run
(no timestamps are written; rows keep input order).

>>> import tempfile, pyarrow.parquet as pq
>>> from pipeline.records import ArticleResult, RejectRow
>>> out = tempfile.mkdtemp()
>>> with TableWriter(out) as w:
...     w.add(ArticleResult(rejects=[RejectRow("a.txt", "empty", "zero bytes")]))
>>> pq.read_table(f"{out}/rejects.parquet").to_pylist()
[{'source_path': 'a.txt', 'reason': 'empty', 'detail': 'zero bytes'}]
"""
from __future__ import annotations

import dataclasses
import os
from functools import lru_cache
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .records import ArticleResult
from .schema import RESULT_FIELDS, TABLES, arrow_schema, output_tables


def result_rows(result: ArticleResult, table: str) -> list:
    """The rows one page contributes to ``table`` (its article row as a one-item list; none for
    a table a corpus-level step fills)."""
    if table not in RESULT_FIELDS:
        return []
    rows = getattr(result, RESULT_FIELDS[table])
    if rows is None:
        return []
    return rows if isinstance(rows, list) else [rows]


@lru_cache(maxsize=None)
def _field_names(row_type: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(row_type))


def row_dict(row) -> dict:
    """A row dataclass as a column -> value dict. Rows hold only scalars and lists of strings,
    so a shallow dict suffices; ``dataclasses.asdict`` deep-copies every value and cost the
    main process an eighth of a core at 30 pages/s."""
    return {name: getattr(row, name) for name in _field_names(type(row))}


def check_result(result: ArticleResult) -> None:
    """Raise if any row of the page does not fit its table's Arrow schema (nulls in
    non-nullable columns, wrong types, text that is not valid UTF-8)."""
    for table in TABLES:
        rows = result_rows(result, table)
        if rows:
            pa.Table.from_pylist([row_dict(r) for r in rows], schema=arrow_schema(table))


class TableWriter:
    def __init__(self, output_dir: os.PathLike | str, batch_size: int = 256, tables=None):
        self.output_dir = Path(output_dir)
        self.batch_size = batch_size
        #: the tables written (default: every table but the optional ones, ``schema.output_tables``)
        self.tables: tuple[str, ...] = tuple(tables) if tables is not None else output_tables()
        unknown = set(self.tables) - set(TABLES)
        if unknown:
            raise ValueError(f"unknown tables {sorted(unknown)}")
        self.rows_written = {t: 0 for t in self.tables}
        self._buffers: dict[str, list[dict]] = {t: [] for t in self.tables}
        self._pending = 0
        self._writers: dict[str, pq.ParquetWriter] = {}

    def __enter__(self) -> "TableWriter":
        self.output_dir.mkdir(parents=True, exist_ok=True)
        try:
            for table in self.tables:
                self._writers[table] = pq.ParquetWriter(
                    self._tmp_path(table), arrow_schema(table), compression="zstd")
        except BaseException:
            self._close_writers(False)
            for table in self.tables:
                self._tmp_path(table).unlink(missing_ok=True)
            raise
        return self

    def _tmp_path(self, table: str) -> Path:
        return self.output_dir / f".{table}.parquet.tmp"

    def add(self, result: ArticleResult) -> None:
        for table in self.tables:
            self._buffers[table].extend(row_dict(r) for r in result_rows(result, table))
        self._pending += 1
        if self._pending >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        for table, rows in self._buffers.items():
            if rows:
                batch = pa.Table.from_pylist(rows, schema=arrow_schema(table))
                self._writers[table].write_table(batch)
                self.rows_written[table] += len(rows)
                rows.clear()
        self._pending = 0

    def __exit__(self, exc_type, exc, tb) -> None:
        ok = exc_type is None
        try:
            if ok:
                self.flush()
        except BaseException:
            ok = False
            raise
        finally:
            ok = self._close_writers(ok)
            for table in self.tables:
                tmp = self._tmp_path(table)
                if ok:
                    with open(tmp, "rb") as fh:  # on disk before it replaces the old table
                        os.fsync(fh.fileno())
                    os.replace(tmp, self.output_dir / f"{table}.parquet")
                else:
                    tmp.unlink(missing_ok=True)

    def _close_writers(self, ok: bool) -> bool:
        """Close every writer, even after one failed (disk full): a writer left open would try
        again, and print a traceback, when garbage-collected. Raises the first error on a clean
        exit; returns whether every table is complete."""
        first_error = None
        for writer in self._writers.values():
            try:
                writer.close()
            except BaseException as error:  # noqa: B902 - every writer must be closed
                first_error = first_error or error
                writer.is_open = False
                try:
                    if writer.file_handle is not None:
                        writer.file_handle.close()
                except BaseException:
                    pass
        if first_error is not None and ok:
            for table in self.tables:
                self._tmp_path(table).unlink(missing_ok=True)
            raise first_error
        return ok and first_error is None

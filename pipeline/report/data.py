"""The tables of an output folder, read with pyarrow for the report.

Contract
--------
``open_output(OUTPUT)`` pins the committed table set once (``current`` resolved, so every table
the report reads comes from one run even if another run commits meanwhile; an output written
before generations existed is read from the folder itself) and returns an ``Output``.
``Output.table(name, columns)`` reads one table of ``schemas/tables.toml``, whichever layout the
run wrote: one file ``<table>.parquet`` (local engine) or a folder of parts
``<table>/part-*.parquet`` (Dask engine). A committed set (one with a manifest) is read as
``pipeline.load`` reads it (``load.read_checked``): a missing, unreadable or short table raises
``OutputError``, and only a table the run did not write reads as empty. An output of the older
layout (no manifest) is read leniently: a table it lacks reads as empty, with its schema, so every
figure still has its columns. ``Output.manifest`` is the run's manifest
(``{}`` when the output has none). Only the columns asked for are read: the report never loads
the article texts.

Example
-------
>>> import tempfile, pathlib
>>> out = open_output(pathlib.Path(tempfile.mkdtemp()))
>>> out.table("rejects").num_rows, out.table("articles", ["article_id", "title"]).column_names
(0, ['article_id', 'title'])
>>> open_output(pathlib.Path("/no/such/output"))
Traceback (most recent call last):
...
FileNotFoundError: no output folder at /no/such/output
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

import pyarrow as pa
import pyarrow.parquet as pq

from ..commit import CURRENT, MANIFEST, snapshot
from ..load import read_checked
from ..schema import arrow_schema, output_tables


@dataclass(frozen=True)
class Output:
    """One committed table set: ``folder`` is the generation read, ``output`` the folder named."""

    output: Path
    folder: Path
    manifest: dict = field(default_factory=dict)

    def table(self, name: str, columns: Optional[Sequence[str]] = None) -> pa.Table:
        if self.manifest:
            # a committed set: read as pipeline.load reads it, so a missing, unreadable or short
            # table raises OutputError here too; a table the run did not write (sentences
            # without --sentences) is empty
            if name not in (self.manifest.get("tables") or output_tables()):
                return _schema(name, columns).empty_table()
            return read_checked(self.folder, name, self.manifest, None if columns is None else list(columns))
        return read_table(self.folder, name, columns)


def open_output(output_dir: Path) -> Output:
    output_dir = Path(output_dir)
    if not output_dir.is_dir():
        raise FileNotFoundError(f"no output folder at {output_dir}")
    # the generation, resolved once; an output of the older layout (plain files) has no `current`.
    # A `current` link that leads nowhere is a damaged output, not an older one: snapshot raises
    # (read as the folder itself, every table would be empty and the page would report nothing)
    folder = snapshot(output_dir) if (output_dir / CURRENT).is_symlink() else output_dir
    manifest_path = folder / MANIFEST
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else {}
    return Output(output_dir, folder, manifest)


def _schema(name: str, columns: Optional[Sequence[str]]) -> pa.Schema:
    schema = arrow_schema(name)
    return schema if columns is None else pa.schema([schema.field(c) for c in columns])


def read_table(folder: Path, name: str, columns: Optional[Sequence[str]] = None) -> pa.Table:
    """Table ``name`` of an output of the older layout (no manifest): ``<name>.parquet`` or the
    parts of ``<name>/``, cast to the schema of tables.toml, empty when absent."""
    schema = _schema(name, columns)
    for path in (folder / f"{name}.parquet", folder / name):
        if path.is_file() or (path.is_dir() and any(path.glob("*.parquet"))):
            return pq.read_table(path, columns=list(schema.names), schema=schema)
    return schema.empty_table()

"""The notebook entry point: an output folder → typed pandas DataFrames and a DuckDB connection.

Contract
--------
``pipeline.load(path, dedupe=True, tables=None)`` reads the committed table set of an output
folder as ``python -m pipeline run`` leaves it (``commit.py``): ``current`` is resolved once, so
every table comes from the same run even if another run commits meanwhile; a table is one file
(local engine) or a folder of parts (``--engine dask``), read in part order. ``path`` may also be
a generation folder itself (``commit.snapshot``). It returns ``Tables``:

* one pandas DataFrame per table (``tables.people`` or ``tables["people"]``), with Arrow-backed
  dtypes (``pd.ArrowDtype``): nullable integers stay ``int32`` with nulls (not floats), timestamps
  and dates stay typed (not objects), list columns hold lists;
* ``duckdb``, a DuckDB connection in which every loaded table is a view over the same Arrow data,
  and ``sql(query)``, its result as a DataFrame of the same dtypes.

Columns carry their analyst names (``analyst_name`` in ``schemas/tables.toml``, read by
``schema.analyst_names``; the files keep the stored names): ``start``/``end`` read
``person_start_char``/``person_end_char`` …, and a name several tables have gets its table's
prefix (``person_name``, ``org_name``, ``article_text``, ``claim_text``), so no name needs quoting
and two tables share only their join keys (article_id, source_path, person_id, org_id).

``dedupe=True`` (the default) drops every row of a repost that is not its story's canonical copy
(``articles.is_canonical`` false): from ``articles`` and from every table with an ``article_id``
column (people, organizations, places, statistics, sentences), so each story counts once. ``rejects`` and the
entity tables (``person_entities``, ``organization_entities``, whose ``articles`` counts include
reposts) are left whole. ``tables`` names the tables to load; the others are ``None``. By default
every table the run wrote is loaded: the optional ``sentences`` only after ``run --sentences``
(asking for it otherwise raises ``OutputError``).

A folder with no committed set, a table missing from the set, a table that is not readable
Parquet or whose row count is not the one its manifest recorded raises ``OutputError``, which
says what is wrong and where.

>>> import pathlib, tempfile
>>> from pipeline.runner import run
>>> pages, out = pathlib.Path(tempfile.mkdtemp()), pathlib.Path(tempfile.mkdtemp())
>>> _ = (pages / "sjz.txt").write_text("石家庄讯 1月20日，石家庄市20.1万名党员投身疫情防控一线。", encoding="utf-8")
>>> _ = run(pages, out, workers=1, use_cache=False)
>>> t = load(out)      # in a notebook: import pipeline; t = pipeline.load("data/processed")
>>> t
Tables('...', dedupe=True, rows: articles 1, people 0, organizations 0, places 1, statistics 1, rejects 0, ...)
>>> t.statistics[["claim_text", "value", "subject_class", "claim_start_char"]].to_dict("records")
[{'claim_text': '20.1万名党员', 'value': 201000.0, 'subject_class': 'party_members', 'claim_start_char': 10}]
>>> claim = t.statistics.iloc[0]
>>> t.articles.article_text[0][claim.claim_start_char:claim.claim_end_char]
'20.1万名党员'
>>> str(t.statistics.claim_start_char.dtype), str(t.articles.published_at.dtype)
('int32[pyarrow]', 'timestamp[us][pyarrow]')
>>> t.sql("select p.place_name, p.province from places p join articles a using (article_id)").to_dict("records")
[{'place_name': '石家庄市', 'province': '河北省'}]
"""
from __future__ import annotations

import json
import sys
import types
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Iterable, Optional

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from .commit import CURRENT, GENERATIONS, MANIFEST, snapshot
from .schema import TABLES, analyst_names, arrow_schema, column_names, output_tables


class OutputError(Exception):
    """The folder holds no complete committed table set (missing, never committed, damaged)."""


@dataclass(repr=False)
class Tables:
    """One committed table set as DataFrames (one attribute per table of the schema; ``None``
    when not loaded) and a DuckDB connection with a view of each loaded table."""

    path: Path  # the generation folder the tables were read from
    manifest: dict  # what the run that wrote them recorded (commit.py)
    dedupe: bool
    duckdb: duckdb.DuckDBPyConnection
    articles: Optional[pd.DataFrame] = None
    people: Optional[pd.DataFrame] = None
    organizations: Optional[pd.DataFrame] = None
    places: Optional[pd.DataFrame] = None
    statistics: Optional[pd.DataFrame] = None
    rejects: Optional[pd.DataFrame] = None
    person_entities: Optional[pd.DataFrame] = None
    organization_entities: Optional[pd.DataFrame] = None
    sentences: Optional[pd.DataFrame] = None  # optional: only from a `run --sentences`

    def __getitem__(self, table: str) -> pd.DataFrame:
        if table not in TABLES:
            raise KeyError(f"no table {table!r} (tables: {', '.join(TABLES)})")
        return getattr(self, table)

    @property
    def frames(self) -> dict[str, pd.DataFrame]:
        """The loaded tables by name, in the schema's order."""
        return {t: getattr(self, t) for t in TABLES if getattr(self, t) is not None}

    def sql(self, query: str) -> Optional[pd.DataFrame]:
        """Run ``query`` on the views; its result as a DataFrame with the tables' Arrow dtypes
        (list columns as the frames hold them). ``self.duckdb.sql`` gives DuckDB's own relation."""
        relation = self.duckdb.sql(query)
        return None if relation is None else _frame(_plain_lists(relation.to_arrow_table()))

    def __repr__(self) -> str:
        rows = ", ".join(f"{t} {len(f)}" for t, f in self.frames.items())
        return f"Tables({str(self.path)!r}, dedupe={self.dedupe}, rows: {rows})"


def load(path, dedupe: bool = True, tables: Optional[Iterable[str]] = None) -> Tables:
    """The committed tables of the output folder ``path`` (see the module docstring)."""
    unknown = set(tables or ()) - set(TABLES)
    if unknown:
        raise ValueError(f"unknown tables {sorted(unknown)} (tables: {', '.join(TABLES)})")
    generation = _generation(Path(path))
    manifest = _manifest(generation)
    # the tables the run wrote (an optional table such as sentences only when asked for)
    written = manifest.get("tables") or output_tables()
    if tables is None:
        wanted = [t for t in TABLES if t in written]
    else:
        wanted = [t for t in TABLES if t in set(tables)]
        absent = [t for t in wanted if t not in written]
        if absent:
            raise OutputError(f"{generation}: the run wrote no {', '.join(absent)} table "
                              f"(optional: run the pipeline with --{absent[0]})")
    data = {t: read_checked(generation, t, manifest) for t in wanted}
    if dedupe:
        data = _dedupe(data, generation, manifest)
    con = duckdb.connect()
    frames = {}
    for table, arrow in data.items():
        arrow = arrow.rename_columns([analyst_names(table)[c] for c in arrow.column_names])
        con.register(table, arrow)  # a view over the Arrow data, shared with the frame: no copy
        frames[table] = _frame(arrow)
    return Tables(path=generation, manifest=manifest, dedupe=dedupe, duckdb=con, **frames)


def _generation(out: Path) -> Path:
    """The committed generation folder of ``out`` (or ``out`` itself if it is one)."""
    if not out.is_dir():
        raise OutputError(f"{out}: no such output folder")
    if (out / CURRENT).is_symlink():
        try:
            return snapshot(out)
        except OSError as exc:
            raise OutputError(f"{out}: its `{CURRENT}` link leads to no table set ({exc}); "
                              f"the output is damaged: run the pipeline on it again") from exc
    if (out / MANIFEST).is_file() and not (out / MANIFEST).is_symlink():
        return out  # a generation folder, e.g. one pinned by commit.snapshot
    what = "a run may be writing its first table set, or died before committing one" \
        if (out / GENERATIONS).is_dir() else "no run has written to it"
    raise OutputError(f"{out}: no committed table set (no `{CURRENT}` link, no {MANIFEST}): {what}; "
                      f"run `python -m pipeline run --input PAGES --output {out}`")


def _manifest(generation: Path) -> dict:
    try:
        return json.loads((generation / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise OutputError(f"{generation}: no readable {MANIFEST} ({exc}): the table set is "
                          f"half-written or damaged") from exc


def read_checked(generation: Path, table: str, manifest: dict, columns: Optional[list[str]] = None) -> pa.Table:
    """``table`` of the generation as declared (stored names, declared types), checked against
    the row count its manifest recorded; ``OutputError`` when it is missing, unreadable or short.
    The report (``pipeline/report/data.py``) reads a committed set through it too."""
    single, parts = generation / f"{table}.parquet", generation / table
    schema = arrow_schema(table)
    try:
        if single.is_file():
            data = pq.read_table(single, schema=schema, columns=columns)
        elif parts.is_dir():
            # parts are numbered in input order (distributed.py): read in name order
            files = sorted(str(p) for p in parts.glob("*.parquet"))
            data = ds.dataset(files, schema=schema, format="parquet").to_table(columns=columns)
        else:
            raise OutputError(f"{generation}: table {table} is missing (neither {single.name} nor "
                              f"{parts.name}/): the table set is half-written or damaged")
    except (OSError, pa.ArrowException) as exc:
        raise OutputError(f"{generation}: table {table} is not readable Parquet ({exc})") from exc
    expected = manifest.get("rows", {}).get(table)
    if expected is not None and data.num_rows != expected:
        raise OutputError(f"{generation}: table {table} has {data.num_rows} rows, its manifest says "
                          f"{expected}: the table set is half-written or damaged")
    return data


def _dedupe(data: dict[str, pa.Table], generation: Path, manifest: dict) -> dict[str, pa.Table]:
    """``data`` without the rows of non-canonical reposts (tables keyed by article_id only)."""
    articles = data.get("articles")
    if articles is None:
        articles = read_checked(generation, "articles", manifest, columns=["article_id", "is_canonical"])
    canonical = articles.filter(articles["is_canonical"])["article_id"]
    out = {}
    for table, arrow in data.items():
        if "article_id" in column_names(table):  # rejects and the entity tables stay whole
            arrow = arrow.filter(pc.is_in(arrow["article_id"], value_set=canonical.combine_chunks()))
        out[table] = arrow
    return out


def _plain_lists(arrow: pa.Table) -> pa.Table:
    """DuckDB names a list's item ``l``; the tables name it ``item``: the same dtype either way."""
    def plain(t: pa.DataType) -> pa.DataType:
        return pa.list_(plain(t.value_type)) if pa.types.is_list(t) or pa.types.is_large_list(t) else t
    return arrow.cast(pa.schema([f.with_type(plain(f.type)) for f in arrow.schema]))


def _frame(arrow: pa.Table) -> pd.DataFrame:
    # pd.ArrowDtype keeps nulls in int columns and dates as dates (numpy dtypes would not)
    return arrow.to_pandas(types_mapper=pd.ArrowDtype)


def _check_fields() -> None:
    """``Tables`` has one field per table of the schema (the TOML adds tables; this says so)."""
    missing = set(TABLES) - {f.name for f in fields(Tables)}
    if missing:
        raise RuntimeError(f"pipeline.load.Tables has no field for tables {sorted(missing)}")


class _CallableModule(types.ModuleType):
    # Importing this submodule rebinds the package's attribute `pipeline.load` from anything
    # else to this module, so the module itself is what `pipeline.load(path)` calls.
    def __call__(self, *args, **kwargs) -> Tables:
        return load(*args, **kwargs)


_check_fields()
sys.modules[__name__].__class__ = _CallableModule

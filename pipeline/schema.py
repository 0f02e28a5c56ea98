"""Arrow schemas built from ``schemas/tables.toml`` (the single source of truth).

The TOML declares each table once: its columns, its row dataclass in ``records``
(``row_type``) and the ``ArticleResult`` field holding a page's rows (``result_field``).
``TABLES`` (in the TOML's order), ``ROW_TYPES`` and ``RESULT_FIELDS`` are read from it, and
``check_rows_match_schema`` (run at import) fails if a row dataclass or ``ArticleResult``
disagrees with it. A table marked ``optional`` is written only by a run that asks for it
(``output_tables``).

Analyst names: the files keep each column's ``name``; ``pipeline.load`` presents it under its
``analyst_name`` when the TOML gives one (``analyst_names``). Only a table's one-column key
(``join_keys``: article_id, source_path, person_id, org_id) may be shared by two tables, so a
join never yields two columns of one name; ``check_analyst_names`` (run at import) refuses
anything else.

>>> arrow_schema("statistics").field("value").type
DataType(double)
>>> TABLES[:2]
('articles', 'people')
>>> ROW_TYPES["people"].__name__, RESULT_FIELDS["articles"]
('PersonRow', 'article')
>>> analyst_names("statistics")["end"], analyst_names("statistics")["value"]
('claim_end_char', 'value')
>>> sorted(join_keys())
['article_id', 'org_id', 'person_id', 'sentence_id', 'source_path']
"""
from __future__ import annotations

import dataclasses
import re
import tomllib
from functools import lru_cache

import pyarrow as pa

from . import records
from .resources import SCHEMA_PATH

_ARROW_TYPES = {
    "string": pa.string(),
    "int32": pa.int32(),
    "int64": pa.int64(),
    "float64": pa.float64(),
    "bool": pa.bool_(),
    "timestamp": pa.timestamp("us"),
    "date": pa.date32(),
    "list<string>": pa.list_(pa.string()),
}


@lru_cache(maxsize=None)
def table_specs() -> dict:
    """The parsed TOML: ``{table: {"description", "key", "columns": [...]}}``."""
    with open(SCHEMA_PATH, "rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=None)
def arrow_schema(table: str) -> pa.Schema:
    spec = table_specs()[table]
    fields = []
    for col in spec["columns"]:
        fields.append(pa.field(col["name"], _ARROW_TYPES[col["type"]],
                               nullable=col.get("nullable", True),
                               metadata={"doc": col["doc"]}))
    return pa.schema(fields, metadata={"description": spec["description"]})


def table_layout(specs: dict, namespace=records) -> tuple[dict[str, type], dict[str, str]]:
    """``(row type of each table, ArticleResult field of each page table)`` as ``specs`` (the
    parsed TOML) names them; the row types are looked up in ``namespace`` (``pipeline.records``).
    A table of ``scope = "corpus"`` has a row type and no result field."""
    row_types, result_fields = {}, {}
    for table, spec in specs.items():
        row_type = getattr(namespace, spec.get("row_type", ""), None)
        if not dataclasses.is_dataclass(row_type):
            raise RuntimeError(f"table {table!r}: row_type {spec.get('row_type')!r} is not a row "
                               f"dataclass of {getattr(namespace, '__name__', namespace)}")
        for col in spec.get("columns", []):
            if col.get("type") not in _ARROW_TYPES:
                raise RuntimeError(f"table {table!r}, column {col.get('name')!r}: unknown type "
                                   f"{col.get('type')!r} (known: {', '.join(_ARROW_TYPES)})")
        row_types[table] = row_type
        if spec.get("scope", "page") == "corpus":  # written by a corpus-level step, no page rows
            if spec.get("result_field"):
                raise RuntimeError(f"table {table!r} of scope corpus cannot have a result_field")
            continue
        if not spec.get("result_field"):
            raise RuntimeError(f"table {table!r} names no result_field")
        if spec["result_field"] in result_fields.values():
            raise RuntimeError(f"table {table!r}: result_field {spec['result_field']!r} is another table's")
        result_fields[table] = spec["result_field"]
    return row_types, result_fields


#: The output tables, in the order of ``schemas/tables.toml``.
TABLES: tuple[str, ...] = tuple(table_specs())
#: Row dataclass of each table (``row_type``) and the ``ArticleResult`` field holding a page's
#: rows of it (``result_field``; page tables only).
ROW_TYPES, RESULT_FIELDS = table_layout(table_specs())
#: Tables a corpus-level step writes once every page is processed (``scope = "corpus"``:
#: pipeline/corpus); the page writer writes them empty, with their schema, and the step fills them.
CORPUS_TABLES: tuple[str, ...] = tuple(t for t in TABLES if t not in RESULT_FIELDS)
#: Tables a run writes only when it asks for them (``optional = true``: ``sentences``, written by
#: ``run --sentences``). A run that does not ask writes no file for them.
OPTIONAL_TABLES: tuple[str, ...] = tuple(t for t in TABLES if table_specs()[t].get("optional", False))


def output_tables(optional=()) -> tuple[str, ...]:
    """The tables a run writes, in ``TABLES`` order: all but the optional tables it did not ask
    for (``optional``: the names of those it asks for).

    >>> "sentences" in output_tables(), "sentences" in output_tables(["sentences"])
    (False, True)
    """
    unknown = set(optional) - set(OPTIONAL_TABLES)
    if unknown:
        raise ValueError(f"not an optional table: {sorted(unknown)} (optional: {list(OPTIONAL_TABLES)})")
    return tuple(t for t in TABLES if t not in OPTIONAL_TABLES or t in optional)


def column_names(table: str, specs: dict | None = None) -> list[str]:
    return [c["name"] for c in (specs or table_specs())[table]["columns"]]


def check_rows_match_schema(specs: dict | None = None, namespace=records) -> None:
    """Fail loudly if the row dataclasses or ``ArticleResult`` (of ``namespace``) and the TOML
    (``specs``, by default ``schemas/tables.toml``) disagree: each table's row type has its
    columns as fields, in order; its result field is a field of ``ArticleResult``; and every
    field of ``ArticleResult`` but ``RESULT_EXTRAS`` (``seconds``, ``signature``) belongs to a table."""
    specs = table_specs() if specs is None else specs
    row_types, result_fields = table_layout(specs, namespace)
    on_result = {f.name for f in dataclasses.fields(namespace.ArticleResult)}
    for table, row_type in row_types.items():
        declared = [f.name for f in dataclasses.fields(row_type)]
        if declared != column_names(table, specs):
            raise RuntimeError(f"{row_type.__name__} fields {declared} != schema columns "
                               f"{column_names(table, specs)} for table {table!r}")
        if table in result_fields and result_fields[table] not in on_result:
            raise RuntimeError(f"table {table!r}: ArticleResult has no field {result_fields[table]!r}")
    unclaimed = on_result - set(result_fields.values()) - set(getattr(namespace, "RESULT_EXTRAS", ("seconds",)))
    if unclaimed:
        raise RuntimeError(f"ArticleResult fields {sorted(unclaimed)} belong to no table of the schema")


#: A name SQL reads without quotes and pandas as an attribute (``df.claim_text``).
_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")


def analyst_names(table: str, specs: dict | None = None) -> dict[str, str]:
    """Each stored column name of ``table`` → the name ``pipeline.load`` presents: its
    ``analyst_name``, else the name itself."""
    return {c["name"]: c.get("analyst_name", c["name"]) for c in (specs or table_specs())[table]["columns"]}


def join_keys(specs: dict | None = None) -> frozenset[str]:
    """The column names two tables may share: every table's key that is one column
    (``articles.article_id`` is ``people.article_id``; ``people`` is keyed by two columns)."""
    return frozenset(spec["key"][0] for spec in (specs or table_specs()).values() if len(spec["key"]) == 1)


def check_analyst_names(specs: dict | None = None) -> None:
    """Fail loudly if the analyst names of ``specs`` (default: the TOML) are not plain SQL names,
    repeat within a table, rename a join key in a table it keys, or are shared by two tables other
    than as a join key (a join would then give two columns of one name, as ``text`` and ``name``
    did). A table may rename a key of another table that it holds as a plain attribute
    (``people.sentence_id`` → ``person_sentence_id``: people and organizations joined by article
    would otherwise have two ``sentence_id`` columns)."""
    specs = table_specs() if specs is None else specs
    keys = join_keys(specs)
    owner: dict[str, str] = {}
    for table in specs:
        names = analyst_names(table, specs)
        for stored, name in names.items():
            if not _IDENTIFIER.fullmatch(name):
                raise RuntimeError(f"{table}.{stored}: analyst name {name!r} needs quoting in SQL")
            if stored in keys and name != stored and stored in specs[table]["key"]:
                raise RuntimeError(f"{table}.{stored} is a join key and must keep its name (not {name!r})")
            if name in owner and name not in keys:
                raise RuntimeError(f"{table}.{stored}: analyst name {name!r} is also a column of "
                                   f"{owner[name]}; give it an analyst_name with the table's prefix")
            owner.setdefault(name, table)
        if len(set(names.values())) != len(names):
            raise RuntimeError(f"table {table!r}: two columns share an analyst name")


def data_dictionary_markdown() -> str:
    """The README's data dictionary, generated from the TOML."""
    out = []
    for table in TABLES:
        spec = table_specs()[table]
        out.append(f"### `{table}`\n\n{spec['description']} Key: "
                   f"{', '.join('`%s`' % k for k in spec['key'])}.\n")
        out.append("| column | in `pipeline.load` | type | nullable | meaning |\n|---|---|---|---|---|")
        for col in spec["columns"]:
            analyst = f"`{col['analyst_name']}`" if "analyst_name" in col else "same"
            out.append(f"| `{col['name']}` | {analyst} | {col['type']} | "
                       f"{'yes' if col.get('nullable', True) else 'no'} | {col['doc']} |")
        out.append("")
    return "\n".join(out)


check_rows_match_schema()
check_analyst_names()

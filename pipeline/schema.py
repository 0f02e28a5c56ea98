"""Arrow schemas built from ``schemas/tables.toml`` (the single source of truth).

>>> arrow_schema("statistics").field("value").type
DataType(double)
>>> TABLES[:2]
('articles', 'people')
"""
from __future__ import annotations

import dataclasses
import tomllib
from functools import lru_cache

import pyarrow as pa

from . import records
from .resources import SCHEMA_PATH

TABLES = ("articles", "people", "organizations", "places", "statistics", "rejects")

#: Row dataclass for each table; ``check_rows_match_schema`` keeps them in step.
ROW_TYPES = {
    "articles": records.ArticleRow,
    "people": records.PersonRow,
    "organizations": records.OrganizationRow,
    "places": records.PlaceRow,
    "statistics": records.NumericClaim,
    "rejects": records.RejectRow,
}

_ARROW_TYPES = {
    "string": pa.string(),
    "int32": pa.int32(),
    "int64": pa.int64(),
    "float64": pa.float64(),
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


def column_names(table: str) -> list[str]:
    return [c["name"] for c in table_specs()[table]["columns"]]


def check_rows_match_schema() -> None:
    """Fail loudly if a row dataclass and the TOML disagree on columns."""
    if set(table_specs()) != set(TABLES):
        raise RuntimeError(f"schemas/tables.toml defines {sorted(table_specs())}, expected {TABLES}")
    for table, row_type in ROW_TYPES.items():
        declared = [f.name for f in dataclasses.fields(row_type)]
        if declared != column_names(table):
            raise RuntimeError(f"{row_type.__name__} fields {declared} != schema columns "
                               f"{column_names(table)} for table {table!r}")


def data_dictionary_markdown() -> str:
    """The README's data dictionary, generated from the TOML."""
    out = []
    for table in TABLES:
        spec = table_specs()[table]
        out.append(f"### `{table}`\n\n{spec['description']} Key: "
                   f"{', '.join('`%s`' % k for k in spec['key'])}.\n")
        out.append("| column | type | nullable | meaning |\n|---|---|---|---|")
        for col in spec["columns"]:
            out.append(f"| `{col['name']}` | {col['type']} | "
                       f"{'yes' if col.get('nullable', True) else 'no'} | {col['doc']} |")
        out.append("")
    return "\n".join(out)


check_rows_match_schema()

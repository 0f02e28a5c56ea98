"""The rows behind a chart's bar, as the report lists them: the first few, and how many more.

Contract
--------
A ``RowTable`` is what a bar links to: column names, the cells of the first ``cap`` rows (text,
ready to print) and ``total``, the number of rows behind the bar, so the page can say how many it
leaves out. ``row_table(table, mask, columns, cap, articles)`` builds one from an Arrow table and a
boolean mask; the column ``article`` is filled from the article's title (its ``source_path`` when
it has none), through an ``ArticleIndex`` over the articles table. ``cell`` is how a value prints:
lists joined with 、, integral floats without a decimal point, times to the minute, long
sentences cut to ``SENTENCE_CHARS`` characters (which also keeps the embedded font small).

Example
-------
>>> import pyarrow as pa, pyarrow.compute as pc
>>> arts = ArticleIndex(pa.table({"article_id": ["a1"], "title": [None], "source_path": ["x/p01.txt"]}))
>>> t = pa.table({"article_id": ["a1", "a1", "a1"], "value": [201000.0, 2.5, 7.0]})
>>> rows = row_table(t, pc.greater(t["value"], 2), ("article", "value"), 1, arts)
>>> rows.cells, rows.total, rows.hidden
((('x/p01.txt', '201000'),), 3, 2)
>>> cell(["检验科主任", "党总支书记"]), cell(None), cell("疫" * 100)[-3:]
('检验科主任、党总支书记', '', '疫疫…')
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Iterable

import pyarrow as pa
import pyarrow.compute as pc

#: Sentences in row tables are cut to this many characters.
SENTENCE_CHARS = 60


@dataclass(frozen=True)
class RowTable:
    """The first rows behind a bar (``cells``, one tuple per row, one text per column) of ``total``."""

    columns: tuple[str, ...]
    cells: tuple[tuple[str, ...], ...]
    total: int

    @property
    def hidden(self) -> int:
        return self.total - len(self.cells)


class ArticleIndex:
    """Article id → how a row names its article (title, else source path), looked up in Arrow."""

    def __init__(self, articles: pa.Table):
        self._articles = articles.select(["article_id", "title", "source_path"])

    def labels(self, ids: Iterable[str]) -> dict[str, str]:
        wanted = pa.array(sorted(set(ids)), pa.string())
        found = self._articles.filter(pc.is_in(self._articles["article_id"], value_set=wanted))
        return {r["article_id"]: r["title"] or r["source_path"] for r in found.to_pylist()}


def row_table(table: pa.Table, mask, columns: tuple[str, ...], cap: int,
              articles: ArticleIndex) -> RowTable:
    """The rows of ``table`` where ``mask`` holds, first ``cap`` of them, as ``columns``."""
    chosen = table.filter(mask)
    shown = chosen.slice(0, cap).to_pylist()
    labels = articles.labels(r["article_id"] for r in shown) if "article" in columns else {}
    cells = tuple(tuple(cell(labels.get(r["article_id"], r["article_id"]) if c == "article" else r[c])
                        for c in columns) for r in shown)
    return RowTable(columns, cells, chosen.num_rows)


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "、".join(cell(v) for v in value)
    text = str(value)
    return text if len(text) <= SENTENCE_CHARS else text[:SENTENCE_CHARS - 1] + "…"

"""Corpus-level steps: what needs every page at once, run after all pages are processed.

Contract
--------
The page stages (``pipeline/stages.py``) see one page; a few answers need the whole corpus
(reposts, ``reposts.py``). Each engine collects a small key per article while the pages stream
through (``repost_key``: a few hundred bytes, never the text), and once every page is written
into the run's uncommitted generation it runs ``finish_reposts``: the groups are computed over
the keys, and the ``articles`` files are rewritten in place with the new column values
(``rewrite_articles``: row group by row group, to a temporary file, flushed, then renamed over
the old one). Nothing is visible before the generation's one commit (``commit.py``), so a run
killed during this step leaves the previous tables, like a run killed anywhere else.

The local engine rewrites ``articles.parquet``; the Dask engine sends each part's share of the
assignments to a worker, which rewrites that part (the client never holds corpus text).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping, Optional

from .reposts import RepostKey, group_reposts, groups_summary  # noqa: F401 (API)


def repost_key(result) -> Optional[RepostKey]:
    """The corpus step's key of one page's ``ArticleResult`` (``None`` for a reject)."""
    a = result.article
    if a is None:
        return None
    return RepostKey(a.article_id, a.text_sha1, a.published_at, a.source, a.n_chars,
                     getattr(result, "signature", None))


def rewrite_articles(path: os.PathLike | str, assignments: Mapping[str, tuple[str, bool]]) -> bool:
    """Set ``duplicate_group`` and ``is_canonical`` of the rows of the Parquet file ``path`` from
    ``assignments`` (``{article_id: (group, canonical)}``; ids not in it keep their values).
    Keeps the schema, the row groups and the compression; rewrites nothing (and returns False)
    when no value changes."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(path)
    source = pq.ParquetFile(path)
    ids = source.read(columns=["article_id", "duplicate_group", "is_canonical"]).to_pylist()
    if all(assignments.get(r["article_id"], (r["duplicate_group"], r["is_canonical"]))
           == (r["duplicate_group"], r["is_canonical"]) for r in ids):
        source.close()
        return False
    schema = source.schema_arrow
    group_at, canonical_at = schema.get_field_index("duplicate_group"), schema.get_field_index("is_canonical")
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
            for i in range(source.num_row_groups):
                table = source.read_row_group(i)
                values = [assignments.get(a) for a in table.column("article_id").to_pylist()]
                groups = [v[0] if v else g for v, g in zip(values, table.column("duplicate_group").to_pylist())]
                canon = [v[1] if v else c for v, c in zip(values, table.column("is_canonical").to_pylist())]
                table = table.set_column(group_at, schema.field(group_at), pa.array(groups, pa.string()))
                table = table.set_column(canonical_at, schema.field(canonical_at), pa.array(canon, pa.bool_()))
                writer.write_table(table)
        source.close()
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return True

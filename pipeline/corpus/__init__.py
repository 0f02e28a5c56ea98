"""Corpus-level steps: what needs every page at once, run after all pages are processed.

Contract
--------
The page stages (``pipeline/stages.py``) see one page; a few answers need the whole corpus
(reposts, ``reposts.py``; linked people and organizations, ``linking.py``). Each engine collects a small key per article while the pages stream
through (``repost_key``: a few hundred bytes, never the text), and once every page is written
into the run's uncommitted generation it runs ``finish_reposts``: the groups are computed over
the keys, and the ``articles`` files are rewritten in place with the new column values
(``rewrite_articles``: row group by row group, to a temporary file, flushed, then renamed over
the old one). Nothing is visible before the generation's one commit (``commit.py``), so a run
killed during this step leaves the previous tables, like a run killed anywhere else.

Then ``link_entities`` reads back the few columns the linker needs from the written tables
(ids, names, organizations, codes, dates: no text), links people and organizations across the
corpus, writes the two entity tables and sets ``person_id`` / ``org_id`` in the row tables the
same way.

The local engine rewrites its table files itself; the Dask engine sends each part's share of
the values to a worker, which rewrites that part (the client never holds corpus text).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping, Optional

from ..emit import row_dict
from ..settings import section
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
    ``assignments`` (``{article_id: (group, canonical)}``; ids not in it keep their values)."""
    return rewrite_columns(path, ("article_id",), ("duplicate_group", "is_canonical"),
                           {(k,): v for k, v in assignments.items()})


def rewrite_columns(path: os.PathLike | str, key_columns: tuple, columns: tuple, values: Mapping) -> bool:
    """Set ``columns`` of the rows of the Parquet file ``path`` from ``values`` (``{key: (value,
    …)}``, the key a tuple of the row's ``key_columns``; rows not in it keep their values).
    Keeps the schema, the row groups and the compression; rewrites nothing (and returns False)
    when no value changes."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(path)
    source = pq.ParquetFile(path)
    try:
        current = source.read(columns=[*key_columns, *columns]).to_pylist()
        if all(tuple(values.get(tuple(r[k] for k in key_columns), tuple(r[c] for c in columns)))
               == tuple(r[c] for c in columns) for r in current):
            return False
        schema = source.schema_arrow
        tmp = path.with_name(f".{path.name}.tmp")
        try:
            with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
                for i in range(source.num_row_groups):
                    table = source.read_row_group(i)
                    keys = list(zip(*(table.column(k).to_pylist() for k in key_columns)))
                    found = [values.get(key) for key in keys]
                    for j, name in enumerate(columns):
                        at = schema.get_field_index(name)
                        old = table.column(name).to_pylist()
                        new = [v[j] if v is not None else o for v, o in zip(found, old)]
                        table = table.set_column(at, schema.field(at), pa.array(new, schema.field(at).type))
                    writer.write_table(table)
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    finally:
        source.close()
    return True


def _table_files(generation: Path, table: str, layout: str) -> list[Path]:
    if layout == "file":
        return [generation / f"{table}.parquet"]
    return sorted((generation / table).glob("part-*.parquet"))


def _read(path: Path, columns: list[str]) -> list[dict]:
    import pyarrow.parquet as pq

    return pq.read_table(path, columns=columns).to_pylist()


_NATIONAL_TITLES = tuple(section("linking").national_titles)


def link_entities(generation: os.PathLike | str, layout: str, run_jobs=None) -> dict:
    """The linking step over a generation's written tables (``layout`` "file" or "dataset"):
    reads the columns it needs from ``articles``, ``people`` and ``organizations`` (names,
    codes, dates: no text), links them (``linking.py``; a person's place is their
    organization's code, else the article's, except for the national titles of
    ``settings.toml`` [linking]), writes ``person_entities`` and
    ``organization_entities`` (one file, or one part in a dataset), and sets ``person_id`` /
    ``org_id`` in every file of the two row tables. ``run_jobs(jobs)`` runs the rewrites
    (``(path, key_columns, columns, values)`` each; the Dask engine sends them to its workers);
    by default they run here. Returns ``{"people": n, "organizations": n}`` entities."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ..schema import arrow_schema
    from .linking import Mention, link_organizations, link_people, person_key

    generation = Path(generation)
    articles = {}
    for path in _table_files(generation, "articles", layout):
        for r in _read(path, ["article_id", "published_at", "place_adcode"]):
            day = r["published_at"].date() if r["published_at"] else None
            articles[r["article_id"]] = (day, r["place_adcode"])
    files = {t: _table_files(generation, t, layout) for t in ("people", "organizations")}
    people, orgs = [], []
    for path in files["people"]:
        for r in _read(path, ["article_id", "name", "role", "titles", "organization", "organization_completed",
                              "adcode", "mentions"]):
            day, article_place = articles.get(r["article_id"], (None, None))
            if any(t.endswith(_NATIONAL_TITLES) for t in r["titles"]):
                article_place = None  # not placed by the article they are mentioned in
            people.append(Mention(r["article_id"], person_key(r["name"]), r["organization_completed"] or r["organization"],
                                  r["adcode"] or article_place, day, r["name"], r["role"], tuple(r["titles"]),
                                  r["mentions"]))
    for path in files["organizations"]:
        for r in _read(path, ["article_id", "name", "org_type", "generic", "name_completed", "adcode", "mentions"]):
            day, article_place = articles.get(r["article_id"], (None, None))
            loose = r["generic"] and not r["name_completed"]  # which body depends on the article
            orgs.append(Mention(r["article_id"], r["name_completed"] or r["name"], None,
                                r["adcode"] or (article_place if loose else None), day, r["name"], r["org_type"],
                                (), r["mentions"], loose))
    person_ids, person_rows = link_people(people)
    org_ids, org_rows = link_organizations(orgs)
    del people, orgs, articles
    for table, rows in (("person_entities", person_rows), ("organization_entities", org_rows)):
        targets = _table_files(generation, table, layout)
        for extra in targets[1:]:  # a dataset's empty parts from the page writer: one part holds them all
            extra.unlink()
        target = targets[0] if targets else generation / table / "part-00000.parquet"
        tmp = target.with_name(f".{target.name}.tmp")
        pq.write_table(pa.Table.from_pylist([row_dict(r) for r in rows], schema=arrow_schema(table)), tmp,
                       compression="zstd")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    jobs = []
    for table, column, ids in (("people", "person_id", person_ids), ("organizations", "org_id", org_ids)):
        for path in files[table]:
            keys = [(r["article_id"], r["name"]) for r in _read(path, ["article_id", "name"])]
            jobs.append((str(path), ("article_id", "name"), (column,), {k: (ids.get(k),) for k in keys}))
    (run_jobs or _run_here)(jobs)
    return {"people": len(person_rows), "organizations": len(org_rows)}


def _run_here(jobs) -> None:
    for job in jobs:
        rewrite_columns(*job)

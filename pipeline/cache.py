"""Incremental rebuilds: per-page results cached by content hash.

Contract
--------
``ResultCache(path)`` stores one ``ArticleResult`` per page in a SQLite file
(``<output>/.cache/results.sqlite``), under the key

    sha1(code fingerprint, source_path, sha1 of the page's bytes)

The *code fingerprint* hashes everything that can change a row: the package's
source files, its data files, ``schemas/tables.toml`` and the NER model. So a
re-run over unchanged input with unchanged code does no extraction work;
editing one page re-extracts that page only; changing the code re-extracts
everything. Cached results are the same objects a fresh run would build, so
the tables are identical to a full rebuild (tested).

Entries not used by the latest run are deleted at its end, so the cache
mirrors the current input and does not grow without bound.

>>> import tempfile, pathlib
>>> from pipeline.records import ArticleResult, RejectRow
>>> cache = ResultCache(pathlib.Path(tempfile.mkdtemp()) / "c.sqlite")
>>> cache.put("k", ArticleResult(rejects=[RejectRow("a.txt", "empty", "")]))
>>> cache.get("k").rejects[0].reason
'empty'
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .ingest import PageTask
from .records import ArticleResult
from .resources import MODELS_DIR, PACKAGE_DIR, SCHEMA_PATH
from .settings import fingerprint as settings_fingerprint


# Libraries whose upgrade can change a row (segmentation, conversion, extraction, parsing).
_OUTPUT_DEPENDENCIES = ("spacy", "jieba", "opencc", "cn2an", "dateparser", "trafilatura",
                        "charset-normalizer", "numpy", "pyarrow", "onnxruntime", "numba")


@lru_cache(maxsize=None)
def code_fingerprint() -> str:
    """Hash of everything whose change can change an output row: the package's files,
    the schema, the NER model and the versions of the libraries that shape the output."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha1()
    for dist in _OUTPUT_DEPENDENCIES:
        try:
            h.update(f"{dist}=={version(dist)}\n".encode())
        except PackageNotFoundError:
            h.update(f"{dist} missing\n".encode())
    # the package's files, the schema and the model (links inside the package in a checkout)
    files = sorted(p for p in PACKAGE_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in dict.fromkeys(files + [SCHEMA_PATH] + sorted(MODELS_DIR.rglob("*"))):
        if path.is_file():
            h.update(str(path.relative_to(PACKAGE_DIR)).encode())
            h.update(path.read_bytes())
    h.update(settings_fingerprint().encode())  # an override file changes rows too
    return h.hexdigest()


def task_key(task: PageTask, max_bytes: int) -> str:
    """Cache key of a task: code fingerprint + source path + content hash."""
    h = hashlib.sha1(code_fingerprint().encode())

    def field(value: str) -> None:  # length-prefixed, so fields cannot run into each other
        data = value.encode("utf-8", "surrogatepass")
        h.update(f"{len(data)}:".encode())
        h.update(data)

    field(task.source_path)
    field(task.fmt)
    field(str(max_bytes))
    if task.problem:
        field(repr(task.problem))
    elif task.text is not None:
        field(task.text)
    else:
        try:
            size = os.path.getsize(task.path)
            if size > max_bytes:
                st = os.stat(task.path)  # never read an oversized file just to hash it
                h.update(f"{size}:{st.st_mtime_ns}".encode())
            else:
                with open(task.path, "rb") as fh:
                    h.update(fh.read())
        except OSError as exc:
            h.update(repr(exc).encode())
    return h.hexdigest()


class ResultCache:
    def __init__(self, path: os.PathLike | str):
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path)
        self.db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, used INTEGER, data BLOB)")
        self.db.execute("UPDATE results SET used = 0")
        self.hits = 0

    def get(self, key: str) -> Optional[ArticleResult]:
        row = self.db.execute("SELECT data FROM results WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        self.db.execute("UPDATE results SET used = 1 WHERE key = ?", (key,))
        self.hits += 1
        return pickle.loads(zlib.decompress(row[0]))

    def put(self, key: str, result: ArticleResult) -> None:
        if any(r.reason == "error" for r in result.rejects):
            return  # an unexpected failure may be transient (memory): try again next run
        blob = zlib.compress(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL), 3)
        self.db.execute("INSERT OR REPLACE INTO results (key, used, data) VALUES (?, 1, ?)", (key, blob))

    def close(self, prune: bool = True) -> None:
        if prune:
            self.db.execute("DELETE FROM results WHERE used = 0")
        self.db.commit()
        self.db.close()

"""Incremental rebuilds: per-page results cached by content hash.

Contract
--------
``ResultCache(path)`` stores one ``ArticleResult`` per page in a SQLite file
(``<output>/.cache/results.sqlite``), under the key

    sha1(code fingerprint, source_path, sha1 of the page's bytes, with or without sentences)

The *code fingerprint* hashes everything that can change a row: the package's
source files, its data files, ``schemas/tables.toml`` and the NER model. So a
re-run over unchanged input with unchanged code does no extraction work;
editing one page re-extracts that page only; changing the code re-extracts
everything. Cached results are the same objects a fresh run would build, so
the tables are identical to a full rebuild (tested).

Entries not used by the latest run are deleted at its end, so the cache
mirrors the current input and does not grow without bound.

It is only a cache: a file that is not a readable database is moved aside and
rebuilt, with a warning naming it; a cache that fails mid-run (deleted,
damaged) is dropped for the rest of the run with a warning. Only a full disk
(``CacheFull``, an ``OSError``) ends the run, since its tables could not be
written either.

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
import sys
import time
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .files import read_bounded
from .ingest import PageTask
from .records import ArticleResult, PageRejected
from .resources import MODELS_DIR, PACKAGE_DIR, SCHEMA_PATH
from .settings import fingerprint as settings_fingerprint


# Libraries whose upgrade can change a row (segmentation, conversion, extraction, parsing).
_OUTPUT_DEPENDENCIES = ("spacy", "jieba", "opencc", "cn2an", "dateparser", "trafilatura",
                        "charset-normalizer", "numpy", "pyarrow", "onnxruntime", "numba", "datasketch")


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


def task_key(task: PageTask, max_bytes: int, sentences: bool = False) -> str:
    """Cache key of a task: code fingerprint + source path + content hash + whether the result
    holds the sentences table's rows (a page cached by a run without ``--sentences`` has none,
    and must not be served to a run that writes the table as if the page had no sentence)."""
    h = hashlib.sha1(code_fingerprint().encode())

    def field(value: str) -> None:  # length-prefixed, so fields cannot run into each other
        data = value.encode("utf-8", "surrogatepass")
        h.update(f"{len(data)}:".encode())
        h.update(data)

    field(task.source_path)
    field(task.fmt)
    if task.url or task.crawled_at:  # a manifest's or a record's provenance is part of the result
        field(f"{task.url}\t{task.crawled_at}")
    field(str(max_bytes))
    field("sentences" if sentences else "")  # always a field: the raw bytes below are not length-prefixed
    if task.problem:
        field(repr(task.problem))
    elif task.text is not None:
        field(task.text)
    else:
        try:  # bounded like the page read: never more than max_bytes + 1, never a FIFO or device
            h.update(read_bounded(task.path, max_bytes))
        except PageRejected as rejected:
            try:
                mtime = os.stat(task.path).st_mtime_ns
            except OSError:
                mtime = 0
            h.update(f"{rejected.reason}:{rejected.detail}:{mtime}".encode())
    return h.hexdigest()


class CacheFull(OSError):
    """The disk filled up while the cache was written: the run cannot finish either."""


class ResultCache:
    """Per-page results in SQLite. The cache never decides a run's fate except on a full disk:
    a cache that cannot be opened as a database is moved aside and rebuilt (``open``), and one
    that fails later (deleted or damaged mid-run) is dropped for the rest of the run with one
    warning on stderr, the pages being processed instead."""

    def __init__(self, path: os.PathLike | str):
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path)
        try:
            self.db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, used INTEGER, data BLOB)")
            self.db.execute("UPDATE results SET used = 0")
        except BaseException:
            self.db.close()
            raise
        self.hits = 0

    @classmethod
    def open(cls, path: os.PathLike | str) -> "ResultCache":
        """The cache at ``path``; a file that is not a readable cache is renamed to
        ``<name>.corrupt-<time>`` with a warning naming it, and an empty cache takes its place."""
        try:
            return cls(path)
        except sqlite3.DatabaseError as exc:
            if _is_full(exc):
                raise CacheFull(28, f"disk full while opening the cache {path}") from None
            if isinstance(exc, sqlite3.OperationalError):
                raise  # locked, unwritable folder …: not the file's fault
            aside = _move_aside(Path(path))
            _warn(f"the cache {path} could not be read ({exc}); moved to {aside.name}, rebuilding it")
            return cls(path)

    def get(self, key: str) -> Optional[ArticleResult]:
        if self.db is None:
            return None
        try:
            row = self.db.execute("SELECT data FROM results WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            result = pickle.loads(zlib.decompress(row[0]))
            self.db.execute("UPDATE results SET used = 1 WHERE key = ?", (key,))
        except sqlite3.Error as exc:
            self._drop(exc)
            return None
        except Exception:  # a damaged entry: extract the page again
            return None
        self.hits += 1
        return result

    def put(self, key: str, result: ArticleResult) -> None:
        if self.db is None:
            return
        if any(r.reason == "error" for r in result.rejects):
            return  # an unexpected failure may be transient (memory): try again next run
        blob = zlib.compress(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL), 3)
        try:
            self.db.execute("INSERT OR REPLACE INTO results (key, used, data) VALUES (?, 1, ?)", (key, blob))
        except sqlite3.Error as exc:
            self._drop(exc)

    def close(self, prune: bool = True) -> None:
        """Commit (pruning entries this run did not use, after a complete run) and close; on
        an error, roll back instead (no journal is left behind)."""
        if self.db is None:
            return
        try:
            if prune:
                self.db.execute("DELETE FROM results WHERE used = 0")
            self.db.commit()
        except sqlite3.Error as exc:
            self._drop(exc, raise_full=False)
        finally:
            if self.db is not None:
                self.db.close()
                self.db = None

    def _drop(self, exc: sqlite3.Error, raise_full: bool = True) -> None:
        db, self.db = self.db, None
        try:
            db.rollback()
        except sqlite3.Error:
            pass
        db.close()
        if _is_full(exc):
            if Path(f"{self.path}-journal").exists():  # the rollback could not finish: the file is
                _discard(self.path)                    # not to be trusted, and it holds disk space
            if raise_full:
                raise CacheFull(28, f"No space left on device (writing the cache {self.path}: {exc})") from None
            return
        if type(exc) is sqlite3.DatabaseError:  # damaged, not merely unwritable
            _move_aside(self.path)
        _warn(f"the cache {self.path} failed ({exc}); this run goes on without it")


def _is_full(exc: sqlite3.Error) -> bool:
    """A full disk, a file size limit or a write error (SQLITE_FULL, SQLITE_IOERR)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return (code is not None and code & 0xFF in (10, 13)) or "disk is full" in str(exc)


def _discard(path: Path) -> None:
    for name in (str(path), f"{path}-journal", f"{path}-wal", f"{path}-shm"):
        Path(name).unlink(missing_ok=True)


def _move_aside(path: Path) -> Path:
    aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%dT%H%M%S')}")
    try:
        os.replace(path, aside)
    except OSError:
        pass
    for suffix in ("-journal", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return aside


def _warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr, flush=True)

"""One commit for the whole table set: a generation folder switched in by one atomic rename.

Contract
--------
An output folder looks like this::

    OUTPUT/.lock                          the output lock (output_lock.py)
    OUTPUT/.generations/<id>/             one complete table set and its manifest.json
    OUTPUT/current -> .generations/<id>   the committed set: the one name a commit changes
    OUTPUT/articles.parquet -> current/articles.parquet     (local engine, one file per table)
    OUTPUT/articles -> current/articles                     (Dask engine, a folder of parts)
    OUTPUT/manifest.json -> current/manifest.json
    OUTPUT/.cache/                        per-page results (cache.py)

A run writes every table into a fresh ``.generations/<id>/`` (``Generation``), which no reader
looks at. ``Generation.commit`` writes the manifest last, flushes everything to disk, then
replaces the ``current`` symlink with one ``os.replace`` (atomic on POSIX). The table names
readers open (``OUTPUT/people.parquet``, ``OUTPUT/people/``) are fixed links through ``current``
that no commit rewrites, so whichever moment a run dies at, every path a reader resolves leads
into the previous complete set or the new complete set, never a mix. A reader that opens several
tables one after another while another run commits can pin one set with ``snapshot(OUTPUT)``
(``current`` resolved once); the previous set is kept until the next commit for such readers.

The manifest says which run wrote the set: input folder, engine, layout, code version, the UTC
time of the commit, the pages read and rejected, the tables written (``tables``: every table but
the optional ones the run did not ask for, ``schema.output_tables``) and the row count of each
(read back from the Parquet footers just written), with the id of the previous generation. The
fixed name of a table the new set does not hold (``sentences.parquet`` after a run without
``--sentences``) leads into the previous set until the switch, then nowhere, and is removed.

``prepare(OUTPUT)`` runs at the start of every run, under the output lock: it deletes what dead
runs left (uncommitted generations, temporary links, the temp files of older versions) and
migrates an output written by an older version (plain table files or folders) into a
generation, so plain readers keep working. Tables are never half-replaced.

>>> import tempfile, pathlib
>>> from pipeline.emit import TableWriter
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> with Generation(out) as gen:
...     with TableWriter(gen.path):
...         pass
...     manifest = gen.commit("file", {"input": "in"})
>>> manifest["rows"]["articles"], (out / "articles.parquet").is_symlink(), read_manifest(out)["input"]
(0, True, 'in')
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import subprocess
import time
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .resources import PROJECT_ROOT
from .schema import TABLES, output_tables

GENERATIONS = ".generations"
CURRENT = "current"
MANIFEST = "manifest.json"
LAYOUTS = ("file", "dataset")


def table_entry(table: str, layout: str) -> str:
    """The name of a table in an output folder: ``people.parquet`` (file) or ``people`` (dataset)."""
    return f"{table}.parquet" if layout == "file" else table


def snapshot(output_dir: os.PathLike | str) -> Path:
    """The committed generation folder, resolved once: the tables read from it all come from
    one run, even if another run commits while they are being read."""
    return (Path(output_dir) / CURRENT).resolve(strict=True)


def read_manifest(output_dir: os.PathLike | str) -> dict:
    """The manifest of the committed table set."""
    return json.loads((snapshot(output_dir) / MANIFEST).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def code_version() -> str:
    """The package version, with ``git describe`` when running from a git checkout."""
    from . import __version__

    if not (PROJECT_ROOT / ".git").exists():
        return __version__
    try:
        described = subprocess.run(["git", "-C", str(PROJECT_ROOT), "describe", "--always", "--dirty", "--tags"],
                                   capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        described = ""
    return f"{__version__} ({described})" if described else __version__


class Generation:
    """A table set being written into ``path``; readers see it only after ``commit``.

    Use as a context manager while holding the output lock: entering runs ``prepare`` and
    creates the folder; leaving without a commit (an error, an interruption) deletes it, so
    nothing of the failed run stays on disk and the previous set stays committed."""

    def __init__(self, output_dir: os.PathLike | str):
        self.output_dir = Path(output_dir)
        self.id = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + f"-{os.getpid()}-{secrets.token_hex(3)}"
        self.path = self.output_dir / GENERATIONS / self.id
        self.committed = False

    def __enter__(self) -> "Generation":
        prepare(self.output_dir)
        self.path.mkdir(parents=True)
        return self

    def __exit__(self, *exc) -> None:
        if not self.committed:
            shutil.rmtree(self.path, ignore_errors=True)

    def rows(self, layout: str, tables) -> dict:
        """Row counts of ``tables`` as written into this generation (Parquet footers)."""
        return {t: _count_rows(self.path / table_entry(t, layout)) for t in tables}

    def commit(self, layout: str, manifest: dict, tables=None) -> dict:
        """Make this generation the output's table set in one atomic step; return its manifest.
        ``tables``: the tables the run wrote (default ``schema.output_tables()``)."""
        if layout not in LAYOUTS:
            raise ValueError(f"layout must be one of {LAYOUTS}")
        tables = tuple(tables) if tables is not None else output_tables()
        out = self.output_dir
        previous = _current_id(out)
        manifest = {**manifest, "generation": self.id, "previous": previous, "layout": layout,
                    "code_version": code_version(),
                    "committed_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                    "tables": list(tables),
                    "rows": {t: _count_rows(self.path / table_entry(t, layout)) for t in tables}}
        fault_point("tables-written")
        _write_json(self.path / MANIFEST, manifest)
        _fsync_dirs(self.path)
        fault_point("manifest-written")
        # the fixed names of this layout (dangling until the switch if the set now committed is of
        # the other layout: a reader then finds no table, never a table of the wrong set)
        for name in [table_entry(t, layout) for t in tables] + [MANIFEST]:
            _ensure_link(out / name, f"{CURRENT}/{name}")
            fault_point(f"linked-{name}")
        _switch(out, self.id)  # the commit point
        self.committed = True
        fault_point("switched")
        other = LAYOUTS[1 - LAYOUTS.index(layout)]
        # the other layout's names, and the names of tables this set does not hold, now lead nowhere
        gone = [table_entry(t, other) for t in TABLES] + [table_entry(t, layout) for t in TABLES if t not in tables]
        for entry in gone:
            name = out / entry
            if name.is_symlink():
                name.unlink()
                fault_point(f"unlinked-{name.name}")
        _remove_generations(out, keep={self.id, previous})
        fault_point("committed")
        return manifest


#: Fault injection for tests/test_faults.py: ``CNNEWS_FAULT=kill@<point>`` makes the process kill
#: itself with SIGKILL at that point of a commit (no cleanup code runs, as with ``kill -9``).
FAULT_ENV = "CNNEWS_FAULT"


def fault_point(name: str) -> None:
    """Die here with SIGKILL if ``CNNEWS_FAULT`` names this point (a no-op otherwise)."""
    if os.environ.get(FAULT_ENV) == f"kill@{name}":
        os.kill(os.getpid(), signal.SIGKILL)


def prepare(output_dir: os.PathLike | str) -> None:
    """Delete what dead runs left and migrate tables written by an older version (see the
    module docstring). Call with the output lock held."""
    out = Path(output_dir)
    for pattern in (".current-*", ".link-*", ".aside-*", ".*.parquet.tmp", ".tmp-*", ".part-*", ".old-*",
                    ".write-probe*"):
        for debris in out.glob(pattern):
            _remove(debris)
    current = _current_id(out)
    keep = {current}
    if current is not None:
        try:
            keep.add(read_manifest(out).get("previous"))
        except (OSError, ValueError):
            pass
    _remove_generations(out, keep)
    _migrate_plain_tables(out)


def _migrate_plain_tables(out: Path) -> None:
    """Tables of an older version (real files or folders where the fixed links go) become a
    generation: hard links (or copies) first, ``current`` switched to it, then each real name
    replaced by its link, so a reader sees the same rows at every moment."""
    real = [name for t in TABLES for name in (table_entry(t, "file"), table_entry(t, "dataset"))
            if (out / name).exists() and not (out / name).is_symlink()]
    if not real:
        return
    if _current_id(out) is None:
        legacy = Generation(out)
        legacy.path.mkdir(parents=True)
        for name in real:
            source = out / name
            if source.is_dir():
                shutil.copytree(source, legacy.path / name, copy_function=_link_or_copy)
            else:
                _link_or_copy(source, legacy.path / name)
        rows = {name.removesuffix(".parquet"): _count_rows(legacy.path / name) for name in real}
        _write_json(legacy.path / MANIFEST, {"generation": legacy.id, "previous": None, "legacy": True,
                                             "note": "tables written by an older version, taken over as they were",
                                             "rows": rows})
        _fsync_dirs(legacy.path)
        fault_point("legacy-copied")
        _switch(out, legacy.id)
    for name in real:
        _ensure_link(out / name, f"{CURRENT}/{name}")
        fault_point(f"legacy-linked-{name}")
    _ensure_link(out / MANIFEST, f"{CURRENT}/{MANIFEST}")


def _link_or_copy(source, target) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _current_id(out: Path) -> Optional[str]:
    link = out / CURRENT
    if not link.is_symlink():
        if link.exists():
            raise OSError(f"{link} is not a link made by this pipeline; move it away")
        return None
    return Path(os.readlink(link)).name


def _switch(out: Path, gen_id: str) -> None:
    tmp = out / f".current-{gen_id}"
    os.symlink(f"{GENERATIONS}/{gen_id}", tmp)
    os.replace(tmp, out / CURRENT)
    _fsync_dir(out)


def _ensure_link(path: Path, target: str) -> None:
    """``path`` becomes a symlink to ``target``, replaced atomically (a real folder in the way
    is moved aside first, then deleted)."""
    if path.is_symlink() and os.readlink(path) == target:
        return
    aside = None
    if path.is_dir() and not path.is_symlink():
        aside = path.parent / f".aside-{path.name}-{secrets.token_hex(3)}"
        os.rename(path, aside)
    tmp = path.parent / f".link-{path.name}-{secrets.token_hex(3)}"
    os.symlink(target, tmp)
    os.replace(tmp, path)
    if aside is not None:
        shutil.rmtree(aside, ignore_errors=True)


def _remove_generations(out: Path, keep: set) -> None:
    root = out / GENERATIONS
    if root.is_dir():
        for entry in root.iterdir():
            if entry.name not in keep:
                _remove(entry)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _count_rows(path: Path) -> int:
    import pyarrow.parquet as pq

    if path.is_dir():
        return sum(pq.ParquetFile(p).metadata.num_rows for p in sorted(path.glob("*.parquet")))
    return pq.ParquetFile(path).metadata.num_rows


def _write_json(path: Path, data: dict) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _fsync_dirs(root: Path) -> None:
    """Flush the entries of ``root`` and of every folder below it (files are flushed by their writer)."""
    for dirpath, _, _ in os.walk(root):
        _fsync_dir(Path(dirpath))


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

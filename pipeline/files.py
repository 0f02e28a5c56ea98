"""The files of an input folder, every one accounted for, and reads that cannot run away.

Contract
--------
``walk(root)`` yields ``(path, problem)`` for every entry under ``root`` that is not a folder,
hidden or not, in a stable order; ``problem`` is ``None`` for a regular file (or a symlink to
one) and a ``(reason, detail)`` pair of the ``rejects`` table otherwise:

* ``not_a_file`` — a FIFO, socket or device (also behind a symlink: a ``.txt`` linking to
  ``/dev/zero``), found with ``stat`` and never opened; or a symlinked folder that leads to a
  folder already read (a loop, or a second link to the same folder), listed once, not twice;
* ``unreadable`` — a folder that cannot be listed, a broken symlink, a file ``stat`` refuses.

``read_manifests(root, entries)`` finds the manifests among the walked entries (a ``.tsv`` with
``file`` and ``url`` columns, such as ``SOURCES.tsv``) and what they say of each page.

Symlinked folders are followed: the real folders of the tree are read first, then each link to
a folder not yet read (so a link to a folder inside the input reports the link, not the folder).

``read_bounded(path, max_bytes)`` reads one file with at most ``max_bytes + 1`` bytes asked of
the open file, whatever ``stat`` said (``/proc`` files report 0 bytes, a file may grow while it
is read), opened with ``O_NONBLOCK`` so a FIFO swapped in after the walk cannot hang the run, and
refuses anything that is not a regular file by ``fstat`` on the open descriptor.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / ".hidden.txt").write_text("x"); os.mkfifo(d / "pipe.txt")
>>> [(p.name, problem) for p, problem in walk(d)]
[('.hidden.txt', None), ('pipe.txt', ('not_a_file', 'a FIFO (named pipe), not a regular file'))]
"""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterator, Optional

from .records import PageRejected

Problem = Optional[tuple[str, str]]

_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def walk(root: os.PathLike | str) -> Iterator[tuple[Path, Problem]]:
    """Every non-folder entry under ``root``, sorted by path (see the module docstring)."""
    root = Path(root)
    found: list[tuple[Path, Problem]] = []
    seen: set[tuple[int, int]] = set()
    try:
        st = root.stat()
        seen.add((st.st_dev, st.st_ino))
    except OSError:
        pass
    links: list[Path] = []
    _read_tree(root, found, seen, links)
    while links:  # symlinked folders, after every real folder (in name order)
        link = links.pop(0)
        try:
            st = link.stat()
        except OSError as exc:
            found.append((link, ("unreadable", f"broken symlink: {exc.strerror}")))
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            found.append((link, ("not_a_file", "a symlink to a folder already read (a loop, or a "
                                               "second link to the same folder): its files are counted once")))
            continue
        seen.add(key)
        more: list[Path] = []
        _read_tree(link, found, seen, more)
        links = sorted(links + more)
    found.sort(key=lambda item: item[0])
    yield from found


def _read_tree(top: Path, found: list, seen: set, links: list) -> None:
    """Entries of ``top`` and its real subfolders into ``found``; symlinked folders into ``links``."""
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as entries:
                entries = list(entries)
        except OSError as exc:
            found.append((folder, ("unreadable", f"{type(exc).__name__}: {exc.strerror}")))
            continue
        for entry in entries:
            path = Path(entry.path)
            try:
                if entry.is_symlink():
                    if entry.is_dir(follow_symlinks=True):
                        links.append(path)
                        continue
                elif entry.is_dir(follow_symlinks=False):
                    st = entry.stat(follow_symlinks=False)
                    seen.add((st.st_dev, st.st_ino))
                    stack.append(path)
                    continue
            except OSError:
                pass  # reported by classify below
            found.append((path, classify(path)))


def classify(path: os.PathLike | str) -> Problem:
    """``None`` for a regular file (through symlinks); a reject reason otherwise. Never opens it."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return ("unreadable", "broken symlink (its target does not exist)")
    except OSError as exc:
        return ("unreadable", f"{type(exc).__name__}: {exc.strerror}")
    if stat.S_ISREG(st.st_mode):
        return None
    return ("not_a_file", f"{kind_of(st.st_mode)}, not a regular file")


def read_bounded(path: os.PathLike | str, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; ``PageRejected`` otherwise
    (``not_a_file``, ``too_large``, ``unreadable``)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise PageRejected("unreadable", f"{type(exc).__name__}: {exc.strerror}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise PageRejected("not_a_file", f"{kind_of(st.st_mode)}, not a regular file")
        if st.st_size > max_bytes:
            raise PageRejected("too_large", f"{st.st_size} bytes > limit {max_bytes}")
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = os.read(fd, min(max_bytes + 1 - total, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > max_bytes:
            raise PageRejected("too_large", f"more than {max_bytes} bytes read (the file said {st.st_size})")
        return b"".join(chunks)
    except OSError as exc:
        raise PageRejected("unreadable", f"{type(exc).__name__}: {exc.strerror}") from None
    finally:
        os.close(fd)


#: crawl time columns a manifest may have, first found wins
MANIFEST_CRAWL_COLUMNS = ("crawled_at", "crawl_time", "fetched_at", "retrieved_at")
MANIFEST_MAX_BYTES = 20 * 1024 * 1024


def read_manifests(root: Path, entries) -> dict:
    """The manifests among ``entries``: a ``.tsv`` file whose header row names a ``file`` column
    and a ``url`` column (``SOURCES.tsv``), with an optional crawl time column (``crawled_at``,
    ``crawl_time``, ``fetched_at``). Gives ``{manifest path: True}`` plus
    ``{(folder, file name): (url, crawl time)}`` for the pages it lists (names relative to the
    manifest's folder). A ``.tsv`` without those columns stays an unsupported file."""
    found: dict = {}
    for path, problem in entries:
        if problem is not None or path.suffix.lower() != ".tsv":
            continue
        try:
            text = read_bounded(path, MANIFEST_MAX_BYTES).decode("utf-8-sig")
        except (PageRejected, UnicodeDecodeError):
            continue
        rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
        if not rows:
            continue
        header = [h.strip().lower() for h in rows[0]]
        if "file" not in header or "url" not in header:
            continue
        found[path] = True
        at = {name: header.index(name) for name in header}
        crawl = next((at[c] for c in MANIFEST_CRAWL_COLUMNS if c in at), None)
        for row in rows[1:]:
            cell = lambda i: row[i].strip() if i is not None and i < len(row) and row[i].strip() else None
            name = cell(at["file"])
            if name:
                target = path.parent / name
                found[(target.parent, target.name)] = (cell(at["url"]), cell(crawl))
    return found

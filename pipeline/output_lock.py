"""One writer per output folder: an advisory lock every run takes before it touches the folder.

Contract
--------
``OutputLock(output_dir)`` is a context manager around ``OUTPUT/.lock``. Entering takes an
exclusive ``flock`` on that file without waiting; if another process holds it, ``OutputBusy``
is raised at once, its message naming the other run (pid, host, start time, as that run wrote
them into the file). The lock belongs to the open file, so the operating system releases it
when the process ends in any way (``kill -9`` included): a stale lock cannot exist, and the
file itself is never deleted (deleting a lock file while another process waits on it would let
two runs in).

Every run takes it, with or without the cache, local or Dask engine (on the client), so two
runs can never write one output at the same time.

>>> import tempfile
>>> out = tempfile.mkdtemp()
>>> with OutputLock(out):
...     try:
...         OutputLock(out).__enter__()
...     except OutputBusy as busy:
...         print(str(busy).split(" (")[0])
another run is writing to this output
"""
from __future__ import annotations

import json
import os
import socket
import sys
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, one writer is up to the user
    fcntl = None

LOCK_NAME = ".lock"


class OutputBusy(OSError):
    """Another live process holds the output's lock."""


class OutputLock:
    def __init__(self, output_dir: os.PathLike | str):
        self.path = Path(output_dir) / LOCK_NAME
        self._fd: int | None = None

    def __enter__(self) -> "OutputLock":
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _describe(os.pread(fd, 4096, 0))
                os.close(fd)
                raise OutputBusy(f"another run is writing to this output ({holder}); "
                                 f"wait for it to end (lock file {self.path})") from None
        info = {"pid": os.getpid(), "host": socket.gethostname(),
                "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "argv": sys.argv[:8]}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info, ensure_ascii=False).encode("utf-8"), 0)
        self._fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the file releases the lock
            self._fd = None


def _describe(data: bytes) -> str:
    try:
        info = json.loads(data.decode("utf-8"))
        return f"pid {info['pid']} on {info['host']}, started {info['started']}"
    except (ValueError, KeyError, TypeError):
        return "a run that has just started"

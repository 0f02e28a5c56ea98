"""Clean deaths: workers that never outlive the run, and signals that end a run in one line.

Contract
--------
``start_worker(main_pid, initializer)`` is the initializer of every worker process. It makes
the worker ignore SIGINT (a Ctrl-C reaches the whole process group; the main process alone
decides, and ends the workers itself, so no worker prints a traceback) and starts a watchdog
thread that ends the worker with ``os._exit`` as soon as the main process is gone (killed with
``-9``, out of memory). A worker's parent is the forkserver, not the main process, so the
parent-death signal of Linux would not see the main process die; the watchdog checks the main
process itself (``/proc/<pid>/stat``: gone, a zombie, or a new process under the same pid).
Once its workers are gone, the forkserver and the resource tracker end on their own.

``terminate_as_exception()`` turns SIGTERM into ``Terminated`` in the main thread, so a
``kill`` unwinds the run like a Ctrl-C (``KeyboardInterrupt``): the uncommitted generation is
deleted, the workers are stopped, the previous tables stay committed. The command line prints
one line and exits 130 (SIGINT) or 143 (SIGTERM).
"""
from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager
from typing import Callable, Optional

#: seconds between two looks at the main process
WATCH_INTERVAL = 0.5


class Terminated(BaseException):
    """SIGTERM received (a ``BaseException``, like ``KeyboardInterrupt``: not a page error)."""


def start_worker(main_pid: int, initializer: Optional[Callable[[], None]] = None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    watch_parent(main_pid)
    if initializer is not None:
        initializer()


def watch_parent(main_pid: int, interval: float = WATCH_INTERVAL) -> threading.Thread:
    """Start a daemon thread that ends this process when ``main_pid`` is gone."""
    started = _start_time(main_pid)

    def watch() -> None:
        while _alive(main_pid, started):
            threading.Event().wait(interval)
        os._exit(1)

    thread = threading.Thread(target=watch, name="cnnews-watch-main", daemon=True)
    thread.start()
    return thread


def _start_time(pid: int) -> Optional[str]:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        return fields[19].decode()  # field 22 of proc(5): start time since boot
    except (OSError, IndexError):
        return None


def _alive(pid: int, started: Optional[str]) -> bool:
    if started is None:  # no /proc (not Linux): signal 0 tells whether the pid exists
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
    except OSError:
        return False
    return fields[0] not in (b"Z", b"X") and fields[19].decode() == started


@contextmanager
def terminate_as_exception():
    """While inside, SIGTERM raises ``Terminated`` in the main thread."""
    def raise_terminated(signum, frame):
        raise Terminated()

    try:
        previous = signal.signal(signal.SIGTERM, raise_terminated)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)

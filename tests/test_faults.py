"""Fault injection: the output folder reads as the previous complete table set or the new one,
whatever happens to the run; every input file ends as an article or a reject.

Most trials run the real command line with a fast stand-in for the extraction stages
(tests/fault_stub.py): the lock, the reading, the worker pool, the writer and the commit are the
real ones. A reader here reads each table the way plain readers and ../shared/gold/score.py do
(``OUT/<table>.parquet``, else the ``OUT/<table>/`` dataset), one table after another.
"""
import os
import random
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.commit import FAULT_ENV, read_manifest
from pipeline.schema import output_tables

from conftest import ROOT, page_text

STUB = Path(__file__).resolve().parent / "fault_stub.py"
TABLES = output_tables()  # the tables a run without --sentences writes
ROW_TABLES = ("people", "organizations", "places", "statistics")


def make_pages(folder: Path, good: int, rejects: int = 1) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(good):
        (folder / f"p{i:03d}.txt").write_text(f"正文{i}", encoding="utf-8")
    for i in range(rejects):
        (folder / f"r{i:03d}.txt").write_text("REJECT", encoding="utf-8")
    return folder


def expected(good: int, rejects: int, rows: int) -> dict:
    """Rows per table of a stub run. The stub's people 张0, 张1 … and organizations 机构0 … are
    the same names with no place in every article: one linked entity each."""
    return {"articles": good, "rejects": rejects, **{t: good * rows for t in ROW_TABLES},
            "person_entities": rows if good else 0, "organization_entities": rows if good else 0}


def stub_env(tag: str, rows: int = 1, delay: float = 0.0, **extra) -> dict:
    env = {**os.environ, "FAULT_STUB_TAG": tag, "FAULT_STUB_ROWS": str(rows), "FAULT_STUB_DELAY": str(delay),
           "PYTHONPATH": str(ROOT)}
    env.pop(FAULT_ENV, None)
    env.update(extra)
    return env


def stub_cmd(inp: Path, out: Path, *more) -> list:
    return [sys.executable, str(STUB), "run", "--input", str(inp), "--output", str(out), "--no-progress", *map(str, more)]


def stub_run(inp, out, tag, *more, rows=1, timeout=60, **env):
    return subprocess.run(stub_cmd(inp, out, *more), env=stub_env(tag, rows, **env), capture_output=True,
                          text=True, timeout=timeout)


def read_set(out: Path) -> tuple[str, dict]:
    """(the run tag found in the rows, row count per table), reading table after table as a plain
    reader does; fails if a table is missing or holds rows of two runs."""
    tags, counts = set(), {}
    for table in TABLES:
        path = out / f"{table}.parquet"
        if not path.exists():
            path = out / table
        assert path.exists(), f"{table} missing"
        rows = pq.read_table(path).to_pylist()
        counts[table] = len(rows)
        for row in rows:
            if "article_id" in row:
                tags.add(row["article_id"].split("-")[0])
            elif ": stub reject" in row.get("detail", ""):
                tags.add(row["detail"].split(":")[0])
    assert len(tags) <= 1, f"tables of two runs mixed: {tags}"
    tag = tags.pop() if tags else ""
    assert counts == read_manifest(out)["rows"], "the manifest does not describe the tables"
    return tag, counts


def leftovers(out: Path) -> list:
    """Temporary names of any run (there must be none once a run has ended or the next started)."""
    names = [p.name for p in out.iterdir() if p.name.startswith((".current-", ".link-", ".aside-", ".write-probe"))
             or p.name.endswith(".tmp")]
    return names + [p.name for p in out.rglob("*") if p.name.endswith((".tmp", "-journal"))]


@pytest.fixture()
def previous(tmp_path):
    """An output holding run A's complete set (20 articles, one row per table per article)."""
    inp_a, out = make_pages(tmp_path / "a", 20), tmp_path / "out"
    done = stub_run(inp_a, out, "A", "--workers", 1, "--no-cache")
    assert done.returncode == 0, done.stderr
    assert read_set(out) == ("A", expected(20, 1, 1))
    return out


# ---------------------------------------------------------------- kill -9 at every commit step

COMMIT_POINTS = ["tables-written", "manifest-written", "linked-articles.parquet", "linked-rejects.parquet",
                 "linked-manifest.json", "switched", "committed"]


def test_kill_at_every_step_of_the_commit_leaves_one_complete_set(previous, tmp_path):
    inp_b = make_pages(tmp_path / "b", 35, rejects=3)
    for point in COMMIT_POINTS:
        killed = stub_run(inp_b, previous, "B", "--workers", 1, "--no-cache", rows=2, CNNEWS_FAULT=f"kill@{point}")
        assert killed.returncode == -signal.SIGKILL, (point, killed.stderr)
        want = ("B", expected(35, 3, 2)) if point in ("switched", "committed") else ("A", expected(20, 1, 1))
        assert read_set(previous) == want, point
        # the next run starts by clearing what the dead one left; return to A for the next trial
        again = stub_run(tmp_path / "a", previous, "A", "--workers", 1, "--no-cache")
        assert again.returncode == 0, again.stderr
        assert read_set(previous) == ("A", expected(20, 1, 1))
        assert not leftovers(previous)
        assert len(list((previous / ".generations").iterdir())) <= 2


def test_kill_at_random_moments_and_at_the_first_visible_change(previous, tmp_path):
    """kill -9 at random points of runs that alternate between two inputs, and once at the first
    change of the output folder seen by polling: always one complete set, the old or the new."""
    inputs = {"B": (make_pages(tmp_path / "b", 30, rejects=2), expected(30, 2, 2)),
              "C": (make_pages(tmp_path / "c", 25, rejects=4), expected(25, 4, 3))}
    known = {"A": expected(20, 1, 1), "B": inputs["B"][1], "C": inputs["C"][1]}
    rng = random.Random(16)
    committed = "A"
    trials = held = 0
    for trial in range(7):
        tag = "BC"[trial % 2]
        proc = subprocess.Popen(stub_cmd(inputs[tag][0], previous, "--workers", 2, "--no-cache"),
                                env=stub_env(tag, rows=3 if tag == "C" else 2, delay=0.02),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        if trial == 0:  # the first visible change of the output folder
            before = _listing(previous)
            deadline = time.monotonic() + 20
            while _listing(previous) == before and proc.poll() is None and time.monotonic() < deadline:
                pass
        else:
            time.sleep(rng.uniform(0.3, 1.8))
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:  # the run had ended already
            pass
        proc.wait()
        trials += 1
        tag_read, counts = read_set(previous)
        assert tag_read in (committed, tag) and counts == known[tag_read], (trial, tag_read, committed)
        committed = tag_read
        held += 1
    assert held == trials == 7


def _listing(out: Path) -> set:
    return {str(p.relative_to(out)) for p in out.rglob("*")}


def test_kill_while_switching_to_the_dataset_layout(previous):
    """A Dask run commits folders of parts: a kill at any step of the switch from the file layout
    leaves the old files readable or the new folders, never neither, never a mix."""
    code = ("import sys; from pipeline.commit import Generation; from pipeline.emit import TableWriter\n"
            "from pipeline.lifecycle import Terminated\n"
            "sys.path.insert(0, 'tests'); import fault_stub as s\n"
            "from pipeline.ingest import PageTask\n"
            "gen = Generation(sys.argv[1]).__enter__()\n"
            "for part in range(2):\n"
            "    with TableWriter(gen.path / '.staging') as w:\n"
            "        for i in range(4): w.add(s.stub_process_task(PageTask(f'p{part}{i}.txt', text='正文')))\n"
            "    for t in %r:\n"
            "        (gen.path / t).mkdir(exist_ok=True)\n"
            "        (gen.path / '.staging' / f'{t}.parquet').rename(gen.path / t / f'part-{part:05d}.parquet')\n"
            "import shutil; shutil.rmtree(gen.path / '.staging')\n"
            "gen.commit('dataset', {})\n" % (TABLES,))
    points = ["linked-articles", "linked-rejects", "switched"] + [f"unlinked-{t}.parquet" for t in TABLES] + [""]
    for point in points:
        env = stub_env("D", rows=2, **({FAULT_ENV: f"kill@{point}"} if point else {}))
        done = subprocess.run([sys.executable, "-c", code, str(previous)], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == (-signal.SIGKILL if point else 0), (point, done.stderr)
        state = read_set(previous)
        if point in ("linked-articles", "linked-rejects"):
            assert state == ("A", expected(20, 1, 1)), point
        else:
            assert state == ("D", {"articles": 8, "rejects": 0, **{t: 16 for t in ROW_TABLES},
                                   "person_entities": 0, "organization_entities": 0}), point  # no corpus step here
            assert (previous / "people").is_dir()
    assert not (previous / "people.parquet").exists()


def test_an_output_of_the_older_layout_is_taken_over_without_a_moment_of_mix(tmp_path):
    """Plain table files of an older version: a kill at any step of the migration leaves them
    readable (the same rows), and the run after it commits as usual."""
    inp = make_pages(tmp_path / "a", 5)
    out = tmp_path / "out"
    for point in ["legacy-copied", "legacy-linked-articles.parquet", "legacy-linked-rejects.parquet", ""]:
        if out.exists():
            import shutil
            shutil.rmtree(out)
        out.mkdir()
        from pipeline.emit import TableWriter
        sys.path.insert(0, str(STUB.parent))
        import fault_stub
        from pipeline.ingest import PageTask
        os.environ["FAULT_STUB_TAG"] = "L"
        try:
            with TableWriter(out) as writer:
                for i in range(3):
                    writer.add(fault_stub.stub_process_task(PageTask(f"l{i}.txt", text="正文")))
        finally:
            del os.environ["FAULT_STUB_TAG"]
        env = {FAULT_ENV: f"kill@{point}"} if point else {}
        done = stub_run(inp, out, "B", "--workers", 1, "--no-cache", **env)
        assert done.returncode == (-signal.SIGKILL if point else 0), (point, done.stderr)
        if point:
            tags = {r["article_id"].split("-")[0] for r in pq.read_table(out / "articles.parquet").to_pylist()}
            assert tags == {"L"} and pq.read_table(out / "people.parquet").num_rows == 3, point
            if (out / "current").exists():
                assert read_set(out)[0] == "L"
            done = stub_run(inp, out, "B", "--workers", 1, "--no-cache")
            assert done.returncode == 0, done.stderr
        assert read_set(out) == ("B", expected(5, 1, 1)), point


# ---------------------------------------------------------------- one writer per output

def test_a_second_run_on_the_same_output_fails_at_once_naming_the_first(previous, tmp_path):
    inp_b = make_pages(tmp_path / "b", 30, rejects=2)
    # 30 pages of 0.2 s: the first run must outlast the start of the second, also on a loaded machine
    first = subprocess.Popen(stub_cmd(inp_b, previous, "--workers", 1, "--no-cache"), env=stub_env("B", 2, 0.2),
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lock = previous / ".lock"
    deadline = time.monotonic() + 20
    while f'"pid": {first.pid}' not in lock.read_text() and time.monotonic() < deadline:
        time.sleep(0.02)
    for extra in (["--no-cache"], []):
        t0 = time.monotonic()
        second = stub_run(make_pages(tmp_path / "c", 3), previous, "C", "--workers", 1, *extra)
        assert time.monotonic() - t0 < 10
        assert second.returncode == 2
        lines = second.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: another run is writing to this output")
        assert f"pid {first.pid}" in lines[0]
    _, err = first.communicate(timeout=60)
    assert first.returncode == 0, err
    assert read_set(previous) == ("B", expected(30, 2, 2))
    # once the first run is over (or dead), the lock is free
    assert stub_run(tmp_path / "c", previous, "C", "--workers", 1, "--no-cache").returncode == 0
    assert read_set(previous)[0] == "C"


# ---------------------------------------------------------------- clean deaths

@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_ctrl_c_and_sigterm_end_in_one_line_and_leave_the_previous_tables(previous, tmp_path, sig, code):
    inp_b = make_pages(tmp_path / "b", 60)
    # a test run started in the background by a non-interactive shell (make test &) ignores SIGINT, and
    # a child inherits that: the run under test gets the default disposition, as from a terminal
    proc = subprocess.Popen(stub_cmd(inp_b, previous, "--workers", 2, "--no-cache"), env=stub_env("B", 2, 0.05),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    _wait_for_workers(proc.pid)
    time.sleep(0.5)
    os.killpg(proc.pid, sig)  # as a terminal's Ctrl-C does: the whole process group
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == code
    assert err.strip().splitlines() == ["interrupted; previous tables unchanged"]
    assert read_set(previous) == ("A", expected(20, 1, 1))
    assert len(list((previous / ".generations").iterdir())) == 1 and not leftovers(previous)
    _assert_no_descendants_left(proc.pid)


def test_workers_do_not_outlive_a_main_process_killed_with_sigkill(previous, tmp_path):
    inp_b = make_pages(tmp_path / "b", 200)
    proc = subprocess.Popen(stub_cmd(inp_b, previous, "--workers", 2, "--no-cache"), env=stub_env("B", 1, 0.05),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children = _wait_for_workers(proc.pid)
    proc.kill()
    proc.wait()
    gone, alive = psutil.wait_procs(children, timeout=10)
    assert not alive, [p.cmdline()[:3] for p in alive]  # workers, forkserver, resource tracker
    assert read_set(previous) == ("A", expected(20, 1, 1))


def _wait_for_workers(pid: int, count: int = 2) -> list:
    """The descendants of ``pid`` once ``count`` worker processes run (forkserver children)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            children = psutil.Process(pid).children(recursive=True)
        except psutil.NoSuchProcess:
            break
        if sum(1 for c in children if c.ppid() != pid) >= count:
            return children
        time.sleep(0.05)
    raise AssertionError("the workers did not start")


def _assert_no_descendants_left(pid: int) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        stray = [p for p in psutil.process_iter(["cmdline"]) if p.info["cmdline"]
                 and any(f"{pid}" in a for a in p.info["cmdline"] if "fault_stub" in a)]
        if not stray:
            return
        time.sleep(0.1)


def test_a_crashed_worker_costs_its_page_only(tmp_path):
    inp = make_pages(tmp_path / "in", 12)
    (inp / "p005.txt").write_text("CRASH", encoding="utf-8")
    out = tmp_path / "out"
    done = stub_run(inp, out, "B", "--workers", 2, "--no-cache")
    assert done.returncode == 0, done.stderr
    rejects = {r["source_path"]: r["reason"] for r in pq.read_table(out / "rejects.parquet").to_pylist()}
    assert rejects == {"p005.txt": "error", "r000.txt": "empty"}
    assert pq.read_table(out / "articles.parquet").num_rows == 11


@pytest.mark.parametrize("cache", [False, True])
def test_a_full_disk_ends_in_one_line_and_leaves_nothing_behind(previous, tmp_path, cache):
    """A file size limit (RLIMIT_FSIZE) in the run's process stands for a full disk."""
    inp_b = make_pages(tmp_path / "b", 150)

    def small_quota():
        resource.setrlimit(resource.RLIMIT_FSIZE, (48_000, 48_000))

    before = _listing(previous)
    done = subprocess.run(stub_cmd(inp_b, previous, "--workers", 1, *([] if cache else ["--no-cache"])),
                          env=stub_env("B", 2, FAULT_STUB_TEXT="400"), capture_output=True, text=True,
                          timeout=60, preexec_fn=small_quota)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: disk full") and "previous tables unchanged" in lines[0]
    assert read_set(previous) == ("A", expected(20, 1, 1))
    assert not leftovers(previous)
    assert {p for p in _listing(previous) if not p.startswith(".cache")} == \
        {p for p in before if not p.startswith(".cache")}


def test_a_corrupt_cache_is_moved_aside_and_rebuilt(tmp_path):
    inp, out = make_pages(tmp_path / "in", 4), tmp_path / "out"
    (out / ".cache").mkdir(parents=True)
    (out / ".cache" / "results.sqlite").write_bytes(b"not a database" * 100)
    done = stub_run(inp, out, "A", "--workers", 1)
    assert done.returncode == 0, done.stderr
    warning = [line for line in done.stderr.splitlines() if line.startswith("warning:")]
    assert len(warning) == 1 and str(out / ".cache" / "results.sqlite") in warning[0]
    assert len(list((out / ".cache").glob("results.sqlite.corrupt-*"))) == 1
    assert read_set(out)[0] == "A"
    again = stub_run(inp, out, "A", "--workers", 1)
    assert "pages taken from the cache (unchanged since the last run): 5" in again.stderr


def test_deleting_the_cache_mid_run_does_not_fail_the_run(tmp_path):
    import shutil

    inp, out = make_pages(tmp_path / "in", 40), tmp_path / "out"
    proc = subprocess.Popen(stub_cmd(inp, out, "--workers", 1), env=stub_env("A", 1, 0.03),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 20
    while not (out / ".cache" / "results.sqlite").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.3)
    shutil.rmtree(out / ".cache")
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert read_set(out) == ("A", expected(40, 1, 1))


@pytest.mark.parametrize("args", [["--workers", 0], ["--max-bytes", 0], ["--partition-size", 0]])
def test_a_refused_run_creates_nothing(tmp_path, args):
    inp = make_pages(tmp_path / "in", 1)
    out = tmp_path / "new" / "out"
    done = stub_run(inp, out, "A", *args)
    assert done.returncode == 2 and not (tmp_path / "new").exists()
    inside = stub_run(inp, inp / "out", "A")
    assert inside.returncode == 2 and not (inp / "out").exists()


# ---------------------------------------------------------------- every input accounted for

def test_special_files_are_rejected_without_being_opened(tmp_path):
    inp = make_pages(tmp_path / "in", 2, rejects=0)
    os.mkfifo(inp / "fifo.txt")
    (inp / "zero.txt").symlink_to("/dev/zero")
    (inp / "sub").mkdir()
    (inp / "sub" / "loop").symlink_to("..")
    (inp / "gone.txt").symlink_to(tmp_path / "nowhere")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(inp / "sock.txt"))
    (inp / ".hidden.txt").write_text("正文", encoding="utf-8")
    (inp / ".dir").mkdir()
    (inp / ".dir" / "x.txt").write_text("正文", encoding="utf-8")
    outside = make_pages(tmp_path / "outside", 1, rejects=0)
    (inp / "linked").symlink_to(outside)
    try:
        done = stub_run(inp, tmp_path / "out", "A", "--workers", 1, "--no-cache", "--max-bytes", 1000, timeout=60)
    finally:
        server.close()
    assert done.returncode == 0, done.stderr
    rejects = {r["source_path"]: (r["reason"], r["detail"])
               for r in pq.read_table(tmp_path / "out" / "rejects.parquet").to_pylist()}
    assert {k: v[0] for k, v in rejects.items()} == {
        "fifo.txt": "not_a_file", "zero.txt": "not_a_file", "sock.txt": "not_a_file", "sub/loop": "not_a_file",
        "gone.txt": "unreadable"}
    assert "character device" in rejects["zero.txt"][1] and "FIFO" in rejects["fifo.txt"][1]
    articles = pq.read_table(tmp_path / "out" / "articles.parquet").column("source_path").to_pylist()
    assert articles == [".dir/x.txt", ".hidden.txt", "linked/p000.txt", "p000.txt", "p001.txt"]


def test_reads_are_bounded_on_the_open_file_not_on_stat(tmp_path):
    from pipeline.files import read_bounded
    from pipeline.records import PageRejected

    with pytest.raises(PageRejected) as rejected:
        read_bounded("/proc/self/status", 10)  # stat says 0 bytes
    assert rejected.value.reason == "too_large"
    assert read_bounded("/proc/self/status", 1_000_000).startswith(b"Name:")


GOOD_LINES = [line for line in page_text("000_").splitlines() if len(line) > 30][:5]

KINDS = ("good", "good_gbk", "good_utf16", "empty", "binary", "late_nul", "unsupported", "bad_html",
         "fifo", "devzero", "broken_link", "loop_link")


@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(KINDS), st.sampled_from(["", "sub/", ".hid/", "sub/deep/"]),
                          st.booleans()), min_size=1, max_size=12))
def test_every_file_of_a_generated_tree_is_an_article_or_a_reject(tree):
    from pipeline.runner import run

    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "in"
        inp.mkdir()
        files = set()
        for i, (kind, folder, hidden) in enumerate(tree):
            name = f"{folder}{'.' if hidden else ''}f{i}"
            path = inp / name
            path.parent.mkdir(parents=True, exist_ok=True)
            _make(kind, path, i)
            files.add(str(path.relative_to(inp)) + (".html" if kind == "bad_html" else
                                                     ".dat" if kind == "unsupported" else
                                                     "" if kind == "loop_link" else ".txt"))
        summary = run(inp, Path(tmp) / "out", workers=1, use_cache=False, max_bytes=100_000)
        articles = pq.read_table(Path(tmp) / "out" / "articles.parquet").column("source_path").to_pylist()
        rejects = pq.read_table(Path(tmp) / "out" / "rejects.parquet").column("source_path").to_pylist()
        assert len(articles) + len(rejects) == len(files) == summary.pages_read
        assert set(articles) | set(rejects) == files


def _make(kind: str, path: Path, i: int) -> None:
    text = "\n".join(GOOD_LINES[: 1 + i % len(GOOD_LINES)])
    txt = path.with_name(path.name + ".txt")
    if kind == "good":
        txt.write_text(text, encoding="utf-8")
    elif kind == "good_gbk":
        txt.write_bytes(text.encode("gb18030"))
    elif kind == "good_utf16":
        txt.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    elif kind == "empty":
        txt.write_bytes(b"")
    elif kind == "binary":
        txt.write_bytes(bytes(range(256)) * 4)
    elif kind == "late_nul":
        txt.write_text(text + "。" * 5000 + "\x00", encoding="utf-8")
    elif kind == "unsupported":
        path.with_name(path.name + ".dat").write_text(text, encoding="utf-8")
    elif kind == "bad_html":
        path.with_name(path.name + ".html").write_text("<html><body><div></div></body></html>", encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(txt)
    elif kind == "devzero":
        txt.symlink_to("/dev/zero")
    elif kind == "broken_link":
        txt.symlink_to(path.parent / "nowhere")
    elif kind == "loop_link":
        path.symlink_to(path.parent)


# ---------------------------------------------------------------- the Dask engine, real stages

def _dataset_state(out: Path) -> dict:
    """Per table, the sorted article ids (or row count) a plain reader sees; one run's set only."""
    state = {}
    for table in TABLES:
        rows = pq.read_table(out / table).to_pylist()
        state[table] = sorted({r["article_id"] for r in rows}) if rows and "article_id" in rows[0] else len(rows)
    assert set(state) == set(TABLES) and state["articles"]  # every table read, and articles in it
    assert read_manifest(out)["rows"] == {t: len(pq.read_table(out / t)) for t in TABLES}
    return state


def test_kill_during_a_dask_commit_leaves_one_complete_set_and_no_process(tmp_path):
    """The Dask engine commits through the same generation switch: kill -9 of the main process at
    a commit step leaves the previous set or the new one, and no scheduler, nanny or worker."""
    pytest.importorskip("distributed")
    raw = sorted((ROOT / "data" / "raw").glob("*.txt"))
    inp_a, inp_b, out = tmp_path / "a", tmp_path / "b", tmp_path / "out"
    for folder, pages in ((inp_a, raw[:2]), (inp_b, raw[2:])):
        folder.mkdir()
        for page in pages:
            (folder / page.name).write_bytes(page.read_bytes())

    def dask_run(inp, fault=None):
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        env.pop(FAULT_ENV, None)
        if fault:
            env[FAULT_ENV] = f"kill@{fault}"
        proc = subprocess.Popen([sys.executable, "-m", "pipeline", "run", "--input", str(inp), "--output", str(out),
                                 "--engine", "dask", "--workers", "1", "--no-cache", "--no-progress"],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)
        _, err = proc.communicate(timeout=180)
        deadline = time.monotonic() + 10
        while _session(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _session(proc.pid), "processes of the run outlived it"
        return proc.returncode, err

    code, err = dask_run(inp_a)
    assert code == 0, err
    state_a = _dataset_state(out)
    assert len(state_a["articles"]) == 2
    code, err = dask_run(inp_b)
    assert code == 0, err
    state_b = _dataset_state(out)
    assert len(state_b["articles"]) == 3 and not set(state_b["articles"]) & set(state_a["articles"])
    for point, want in (("linked-articles", state_b), ("switched", state_a)):
        # the output holds B; a run over A killed at this step leaves B before the switch, A after
        code, _ = dask_run(inp_a, point)
        assert code == -signal.SIGKILL, point
        assert _dataset_state(out) == want, point
        if want is state_a:
            code, err = dask_run(inp_b)
            assert code == 0, err
    assert not leftovers(out)


def _session(sid: int) -> list:
    found = []
    for proc in psutil.process_iter():
        try:
            if proc.pid != sid and os.getsid(proc.pid) == sid:
                found.append(proc.pid)
        except (psutil.Error, ProcessLookupError, PermissionError):
            pass
    return found

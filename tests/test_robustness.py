"""Nothing lost: every bad page becomes a reject with a reason, and the run goes on."""
import pyarrow.parquet as pq
import pytest

import pipeline.runner as runner
import pipeline.stages as stages
from pipeline.runner import run

from conftest import page_text

BOILERPLATE_ONLY = """党纪法规| 审查调查| 通报曝光 | 巡视巡察| 信息公开| 廉政教育| 媒体聚焦| 学习园地
所在位置:首页>新闻播报>廉洁河北>
99在线免费观看,亚洲精品不卡在线,亚洲国产剧情在线,男女男精品网站免费观看
返回首页 | 设为首页 | 加入收藏 | 联系我们
版权所有 河北省纪委监委 冀ICP备05000000号
"""


@pytest.fixture()
def messy_input(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a_good.txt").write_text(page_text("000_"), encoding="utf-8")
    (d / "b_empty.txt").write_bytes(b"")
    (d / "c_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 8)
    (d / "d_undecodable.txt").write_bytes(bytes(range(128, 256)) * 40)
    with open(d / "e_huge.txt", "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (d / "f_nobody.html").write_bytes(b"<html><head><title>t</title></head><body><div></div></body></html>")
    (d / "g_boilerplate.txt").write_text(BOILERPLATE_ONLY, encoding="utf-8")
    (d / "h_good_gbk.txt").write_bytes(page_text("002_").encode("gb18030"))
    return d


EXPECTED_REJECTS = {
    "b_empty.txt": "empty", "c_binary.txt": "binary", "d_undecodable.txt": "undecodable",
    "e_huge.txt": "too_large", "f_nobody.html": "no_body", "g_boilerplate.txt": "boilerplate_only",
}


def test_bad_pages_are_reported_and_good_pages_kept(messy_input, tmp_path):
    out = tmp_path / "out"
    summary = run(messy_input, out, workers=1)
    rejects = {r["source_path"]: r["reason"] for r in pq.read_table(out / "rejects.parquet").to_pylist()}
    assert rejects == EXPECTED_REJECTS
    articles = pq.read_table(out / "articles.parquet").column("source_path").to_pylist()
    assert articles == ["a_good.txt", "h_good_gbk.txt"]
    assert summary.pages_read == 8 and summary.pages_rejected == 6


def test_an_exception_in_one_page_does_not_lose_the_others(messy_input, tmp_path, monkeypatch):
    real = stages.claim_mentions

    def explode_on_gbk_page(text, sentences, article_id=""):
        if "株洲" in text:
            raise ValueError("boom")
        return real(text, sentences, article_id)

    monkeypatch.setattr(stages, "claim_mentions", explode_on_gbk_page)
    out = tmp_path / "out"
    run(messy_input, out, workers=1)
    rejects = {r["source_path"]: (r["reason"], r["detail"])
               for r in pq.read_table(out / "rejects.parquet").to_pylist()}
    assert rejects["h_good_gbk.txt"] == ("error", "ValueError: boom")
    stats = pq.read_table(out / "statistics.parquet").to_pandas()
    assert (stats["value"] == 201000).any()  # the good page's rows are all there


def test_parallel_run_gives_the_same_tables_as_a_serial_run(raw_dir, tmp_path):
    run(raw_dir, tmp_path / "serial", workers=1)
    run(raw_dir, tmp_path / "parallel", workers=2)
    for table in ("articles", "people", "organizations", "places", "statistics", "rejects"):
        a = pq.read_table(tmp_path / "serial" / f"{table}.parquet")
        b = pq.read_table(tmp_path / "parallel" / f"{table}.parquet")
        assert a.equals(b), table


def _die_on_poison(job):
    """Stands in for process_task: kills its own worker process on one page."""
    import os

    from pipeline.records import ArticleResult, RejectRow

    task, _ = job
    if task.source_path == "poison.txt":
        os._exit(9)  # what a segfault or the out-of-memory killer looks like to the pool
    return ArticleResult(rejects=[RejectRow(task.source_path, "empty", "ok")])


def _no_setup():
    pass


def test_a_worker_that_dies_costs_only_its_page():
    from pipeline.ingest import PageTask
    from pipeline.runner import _WorkerPool

    names = ["a.txt", "b.txt", "poison.txt", "c.txt", "d.txt"]
    pool = _WorkerPool(2, job=_die_on_poison, initializer=_no_setup)
    try:
        results = pool.map([(PageTask(n), 0) for n in names])
    finally:
        pool.close()
    got = [(r.rejects[0].source_path, r.rejects[0].reason) for r in results]
    assert got == [("a.txt", "empty"), ("b.txt", "empty"), ("poison.txt", "error"),
                   ("c.txt", "empty"), ("d.txt", "empty")]
    assert "worker process died" in results[2].rejects[0].detail


def test_every_worker_starts_with_the_first_page():
    """No worker is spawned later, on a submit: in CPython 3.11 a worker spawned while the
    executor tears down a pool broken by a crash is never terminated, and the interpreter then
    hangs at exit waiting for it (seen once in a full test run after a worker crash)."""
    from pipeline.ingest import PageTask
    from pipeline.runner import _WorkerPool

    pool = _WorkerPool(2, job=_die_on_poison, initializer=_no_setup)
    try:
        (first,) = [r for _, r in pool.imap([("a.txt", (PageTask("a.txt"), 0))])]
        assert first.rejects[0].reason == "empty"
        alive = [p for p in pool._executor._processes.values() if p.is_alive()]
        assert len(alive) == 2
    finally:
        pool.close()


def test_pool_streams_in_order_with_a_bounded_window_and_skips_cached_pages():
    from pipeline.ingest import PageTask
    from pipeline.runner import _WorkerPool

    pulled = []

    def items():
        for i, name in enumerate(["a.txt", "cached.txt", "poison.txt", "b.txt", "c.txt", "d.txt", "e.txt"]):
            pulled.append(name)
            yield name, (None if name == "cached.txt" else (PageTask(name), 0))

    pool = _WorkerPool(2, job=_die_on_poison, initializer=_no_setup, in_flight=3)
    out = []
    try:
        for tag, result in pool.imap(items()):
            if not out:
                assert len(pulled) == 3  # nothing beyond the window was read before the first result
            out.append((tag, None if result is None else result.rejects[0].reason))
    finally:
        pool.close()
    assert out == [("a.txt", "empty"), ("cached.txt", None), ("poison.txt", "error"), ("b.txt", "empty"),
                   ("c.txt", "empty"), ("d.txt", "empty"), ("e.txt", "empty")]


def test_workers_never_import_spacy():
    """The run path builds no Doc; spaCy (0.5 s, 50 MB per process) stays out of the workers."""
    import subprocess
    import sys

    from conftest import ROOT

    code = ("import sys, pipeline.runner as r; r._init_worker(); "
            "result = r.process_task(next(iter(r.discover('data/raw')))); assert result.people; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc', 'torch')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_a_run_started_at_import_time_fails_fast_instead_of_hanging(tmp_path):
    """A script without ``if __name__ == "__main__":`` is imported again to start the workers;
    the run must stop with a clear error (it used to wait for its workers forever)."""
    import subprocess
    import sys

    from conftest import ROOT

    pages = tmp_path / "in"
    pages.mkdir()
    (pages / "a.txt").write_text(page_text("001"), encoding="utf-8")
    script = tmp_path / "unguarded.py"
    script.write_text("from pipeline.runner import run\n"
                      f"run({str(pages)!r}, {str(tmp_path / 'out')!r}, workers=2, use_cache=False)\n",
                      encoding="utf-8")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode != 0
    assert "put the call under `if __name__ == \"__main__\":`" in out.stderr
    assert "the worker processes could not start" in out.stderr

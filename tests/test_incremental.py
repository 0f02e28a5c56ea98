"""Incremental rebuild: unchanged pages are not extracted again; tables equal a full rebuild."""
import shutil

import pyarrow.parquet as pq
import pytest

import pipeline.runner as runner
from pipeline.runner import run
from pipeline.schema import output_tables


@pytest.fixture()
def pages(raw_dir, tmp_path):
    d = tmp_path / "in"
    shutil.copytree(raw_dir, d)
    return d


def counting_process_task(monkeypatch):
    calls = []
    real = runner.process_task

    def counted(task, *options):
        calls.append(task.source_path)
        return real(task, *options)

    monkeypatch.setattr(runner, "process_task", counted)
    return calls


def tables(out):
    return {t: pq.read_table(out / f"{t}.parquet") for t in output_tables()}


def test_unchanged_input_does_no_extraction_work(pages, tmp_path, monkeypatch):
    out = tmp_path / "out"
    first = run(pages, out, workers=1)
    before = tables(out)
    calls = counting_process_task(monkeypatch)
    second = run(pages, out, workers=1)
    assert calls == []
    assert second.pages_cached == 5 and first.pages_cached == 0
    after = tables(out)
    for t in output_tables():
        assert after[t].equals(before[t]), t


def test_changing_one_page_re_extracts_only_that_page(pages, tmp_path, monkeypatch):
    out = tmp_path / "out"
    run(pages, out, workers=1)
    page = pages / "002_2ce852fb66e9e90e.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("24万余名党员", "25万余名党员"), encoding="utf-8")
    calls = counting_process_task(monkeypatch)
    run(pages, out, workers=1)
    assert calls == ["002_2ce852fb66e9e90e.txt"]
    full = tmp_path / "full"
    run(pages, full, workers=1, use_cache=False)
    for t in output_tables():
        assert tables(out)[t].equals(tables(full)[t]), t
    values = pq.read_table(out / "statistics.parquet").column("value").to_pylist()
    assert 250000.0 in values and 240000.0 not in values


def test_a_removed_page_disappears_from_the_tables(pages, tmp_path):
    out = tmp_path / "out"
    run(pages, out, workers=1)
    (pages / "001_318863c880046f39.txt").unlink()
    run(pages, out, workers=1)
    paths = pq.read_table(out / "articles.parquet").column("source_path").to_pylist()
    assert "001_318863c880046f39.txt" not in paths and len(paths) == 4


def test_a_run_served_from_the_cache_starts_no_worker_process(pages, tmp_path, monkeypatch):
    out = tmp_path / "out"
    run(pages, out, workers=1)

    def no_workers(self):
        raise AssertionError("a worker process was started for a fully cached run")

    monkeypatch.setattr(runner._WorkerPool, "_check_started", no_workers)
    monkeypatch.setattr(runner._WorkerPool, "_start", lambda self: None)  # no executor either
    monkeypatch.setattr(runner._WorkerPool, "close", lambda self: None)
    summary = run(pages, out, workers=2)
    assert summary.pages_cached == summary.pages_read == 5

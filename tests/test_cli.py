"""Command line: the run command, its errors and exit codes, and the one-file stage commands."""
import json
import os
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from conftest import RAW, ROOT


def cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "pipeline", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, input=stdin, timeout=300)


def test_missing_input_dir_is_a_one_line_error(tmp_path):
    r = cli("run", "--input", tmp_path / "nope", "--output", tmp_path / "out")
    assert r.returncode == 2
    assert r.stderr.strip().splitlines() == [f"error: input directory not found: {tmp_path / 'nope'}"]


def test_unwritable_output_is_a_one_line_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = cli("run", "--input", RAW, "--output", blocker / "out")
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1
    assert r.stderr.startswith(f"error: cannot write to output directory {blocker / 'out'}")


def test_run_prints_a_summary_and_strict_fails_on_rejects(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text((RAW / "000_223767d5c64caf43.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    r = cli("run", "--input", d, "--output", tmp_path / "out", "--workers", 1)
    assert r.returncode == 0, r.stderr
    assert "pages read: 2" in r.stderr and "rejected: 1 (empty: 1)" in r.stderr
    assert "seconds per stage" in r.stderr and "statistics" in r.stderr
    assert pq.read_table(tmp_path / "out" / "rejects.parquet").num_rows == 1
    strict = cli("run", "--input", d, "--output", tmp_path / "out2", "--workers", 1, "--strict")
    assert strict.returncode == 1


def test_clean_prints_the_simplified_body():
    r = cli("clean", RAW / "004_853948ca1a560102.txt")
    assert r.returncode == 0, r.stderr
    assert "(chǎn)" not in r.stdout and "共产党员" in r.stdout
    assert "99在线免费观看" not in r.stdout


def test_extract_prints_rows_of_every_table():
    r = cli("extract", RAW / "000_223767d5c64caf43.txt")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    tables = {row["table"] for row in rows}
    assert {"articles", "people", "organizations", "places", "statistics"} <= tables
    assert any(row["table"] == "statistics" and row["row"]["value"] == 201000 for row in rows)


def test_metadata_command_prints_json():
    r = cli("metadata", RAW / "003_fabcc9bc47f57185.txt")
    meta = json.loads(r.stdout)
    assert meta["title"] == "疫线党员干部的“硬核”担当"
    assert meta["published_at"] == "2022-06-01T17:52:50"


def test_missing_file_for_a_stage_command():
    r = cli("clean", "no/such/file.txt")
    assert r.returncode == 2 and r.stderr.startswith("error: file not found")


def test_schema_command_prints_the_data_dictionary():
    r = cli("schema")
    assert "### `statistics`" in r.stdout and "| `value_max` |" in r.stdout


def test_output_inside_input_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    r = cli("run", "--input", tmp_path, "--output", tmp_path / "tables")
    assert r.returncode == 2 and "must not be inside --input" in r.stderr


def test_partition_size_must_be_positive(tmp_path):
    r = cli("run", "--input", RAW, "--output", tmp_path / "o", "--engine", "dask", "--partition-size", 0)
    assert r.returncode == 2 and "--partition-size" in r.stderr


def test_ner_tags_json_lines_and_refuses_other_input():
    sentence = "“只要城市和人民需要，我就要带头冲锋在抗击疫情的最前沿。”石家庄市人民医院检验科主任、有着多年党龄的宋国威曾在心底默默许下这样的誓言。"
    r = cli("ner", stdin=__import__("json").dumps({"text": sentence}, ensure_ascii=False) + "\n")
    assert r.returncode == 0, r.stderr
    out = __import__("json").loads(r.stdout)
    assert [out["text"][s:e] for s, e, t in out["entities"] if t == "PER"] == ["宋国威"]
    bad = cli("ner", stdin="[1]\n")
    assert bad.returncode == 2 and bad.stderr.startswith("error: stdin must be JSON lines")


def test_progress_line_counts_pages_and_rejects(capsys):
    from types import SimpleNamespace

    from pipeline.records import ArticleResult, RejectRow
    from pipeline.runner import RunSummary, _with_progress

    summary = RunSummary()
    article = SimpleNamespace(article=object(), rejects=[], seconds={})  # stands in for a page's result
    results = [article, ArticleResult(rejects=[RejectRow("x", "empty", "")]), article]
    for r in _with_progress(iter(results), summary, interval=0.0):
        summary.count(r)
    err = capsys.readouterr().err
    assert err.endswith(" pages/s  1 rejected \n") and "\r3 pages  " in err


def test_a_run_is_quiet_and_keeps_jiebas_cache_in_the_output(tmp_path):
    """No third-party chatter on stderr (jieba's "Building prefix dict" lines, the pkg_resources
    deprecation warning), and jieba's dictionary cache in <output>/.cache, not the system's
    temporary folder (issue #17)."""
    pages = tmp_path / "in"
    pages.mkdir()
    (pages / "a.txt").write_text((RAW / "000_223767d5c64caf43.txt").read_text(encoding="utf-8"), encoding="utf-8")
    done = cli("run", "--input", pages, "--output", tmp_path / "out", "--no-progress", "--workers", "2")
    assert done.returncode == 0, done.stderr
    assert "prefix dict" not in done.stderr + done.stdout and "pkg_resources" not in done.stderr, done.stderr
    assert (tmp_path / "out" / ".cache" / "jieba.cache").is_file()


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_a_run_writes_nothing_outside_its_output_folder(tmp_path, engine):
    """HOME, the temporary folder and the cache folder of the run are empty afterwards:
    onnxruntime's telemetry (a device id and an event database under ~/.cache/Microsoft), jieba's
    cache and Dask's scratch space stay out of them (issue #17)."""
    if engine == "dask":
        pytest.importorskip("distributed")
    pages = tmp_path / "in"
    pages.mkdir()
    (pages / "a.txt").write_text((RAW / "000_223767d5c64caf43.txt").read_text(encoding="utf-8"), encoding="utf-8")
    home, tmp, xdg = (tmp_path / name for name in ("home", "tmp", "xdg"))
    for folder in (home, tmp, xdg):
        folder.mkdir()
    env = {**os.environ, "HOME": str(home), "TMPDIR": str(tmp), "XDG_CACHE_HOME": str(xdg),
           "PYTHONPATH": str(ROOT)}
    env.pop("ORT_DISABLE_TELEMETRY", None)
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", "--input", str(pages), "--output",
                           str(tmp_path / "out"), "--no-progress", "--workers", "2" if engine == "local" else "1",
                           "--engine", engine], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert [p for folder in (home, tmp, xdg) for p in folder.rglob("*")] == []


@pytest.mark.parametrize("inherited", ["", "0"])
def test_the_ner_model_keeps_onnxruntime_telemetry_off_whatever_the_environment_says(tmp_path, inherited):
    """A user's environment with ORT_DISABLE_TELEMETRY empty or 0 must not let onnxruntime write
    its device id and event database under HOME (and a .ses file in TMPDIR) during a run."""
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    env = {**os.environ, "HOME": str(home), "TMPDIR": str(tmp), "XDG_CACHE_HOME": str(home / ".cache"),
           "PYTHONPATH": str(ROOT), "ORT_DISABLE_TELEMETRY": inherited}
    code = ("from pipeline.ner import load_ner_model; m = load_ner_model(); "
            "print(m.backend, m.predict_many(['石家庄市人民医院']) is not None)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["onnx-int8", "True"]
    assert [p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()] == []

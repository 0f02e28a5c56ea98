"""Emit: schema-true Parquet, atomic replacement, deterministic output."""
from datetime import datetime

import pyarrow.parquet as pq
import pytest

from pipeline.emit import TableWriter
from pipeline.records import ArticleResult, ArticleRow, NumericClaim, RejectRow
from pipeline.schema import TABLES, arrow_schema, data_dictionary_markdown, output_tables


def article(i: int) -> ArticleResult:
    text = "20.1万名党员投身抗疫防疫一线。"
    return ArticleResult(
        article=ArticleRow(f"id{i}", f"p{i}.txt", "sha", "标题", "河北日报", datetime(2021, 1, 23, 8, 11, 33),
                           ["张昊"], [], "simplified", text, text, [], len(text)),
        statistics=[NumericClaim(f"id{i}", "20.1万名党员", 201000.0, None, "名", "党员", None, 0, 8, text)])


def test_every_table_is_written_with_its_schema_even_when_empty(tmp_path):
    with TableWriter(tmp_path, tables=TABLES) as writer:
        writer.add(article(0))
    for table in TABLES:
        written = pq.read_table(tmp_path / f"{table}.parquet")
        assert written.schema.equals(arrow_schema(table), check_metadata=False)
    row = pq.read_table(tmp_path / "statistics.parquet").to_pylist()[0]
    assert (row["value"], row["unit"], row["subject"]) == (201000.0, "名", "党员")
    assert pq.read_table(tmp_path / "people.parquet").num_rows == 0


def test_an_optional_table_is_written_only_when_asked_for(tmp_path):
    with TableWriter(tmp_path / "default") as writer:
        writer.add(article(0))
    assert sorted(p.name for p in (tmp_path / "default").iterdir()) == sorted(
        f"{t}.parquet" for t in TABLES if t != "sentences")
    assert writer.tables == output_tables() and "sentences" not in writer.rows_written


def test_rows_are_written_in_row_groups_and_in_input_order(tmp_path):
    with TableWriter(tmp_path, batch_size=2) as writer:
        for i in range(5):
            writer.add(article(i))
    meta = pq.ParquetFile(tmp_path / "articles.parquet").metadata
    assert meta.num_row_groups == 3
    ids = pq.read_table(tmp_path / "articles.parquet").column("article_id").to_pylist()
    assert ids == ["id0", "id1", "id2", "id3", "id4"]


def test_a_failed_run_leaves_the_previous_tables_untouched(tmp_path):
    with TableWriter(tmp_path) as writer:
        writer.add(article(0))
    before = (tmp_path / "articles.parquet").read_bytes()
    with pytest.raises(RuntimeError):
        with TableWriter(tmp_path) as writer:
            writer.add(article(1))
            raise RuntimeError("worker crashed")
    assert (tmp_path / "articles.parquet").read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp"))


def test_same_rows_give_byte_identical_files(tmp_path):
    for run in ("a", "b"):
        with TableWriter(tmp_path / run, tables=TABLES) as writer:
            writer.add(article(0))
            writer.add(ArticleResult(rejects=[RejectRow("x.txt", "empty", "zero bytes")]))
    for table in TABLES:
        assert (tmp_path / "a" / f"{table}.parquet").read_bytes() == \
            (tmp_path / "b" / f"{table}.parquet").read_bytes()


def test_data_dictionary_documents_every_column():
    doc = data_dictionary_markdown()
    for table in TABLES:
        for field in arrow_schema(table):
            assert f"| `{field.name}` |" in doc


def test_readme_data_dictionary_is_up_to_date():
    from pipeline.docs import render
    from pipeline.resources import PROJECT_ROOT

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert render(readme) == readme, "run `make docs`"

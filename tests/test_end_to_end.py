"""End to end over data/raw/: real facts from the reference pages, and the golden output."""
import difflib

import pyarrow.parquet as pq
import pytest

from golden import GOLDEN, TABLES, build, table_lines


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    d = tmp_path_factory.mktemp("out")
    build(d)
    return d


@pytest.fixture(scope="module")
def tables(out):
    # plain Python rows: exact values, None stays None (pandas would turn it into NaN)
    return {t: pq.read_table(out / f"{t}.parquet").to_pylist() for t in TABLES}


def article_of(tables, stem):
    return next(a for a in tables["articles"] if a["source_path"].startswith(stem))


def rows_of(tables, table, article, **equal):
    return [r for r in tables[table] if r["article_id"] == article["article_id"]
            and all(r[k] == v for k, v in equal.items())]


def test_every_reference_page_becomes_an_article(tables):
    assert len(tables["articles"]) == 5 and len(tables["rejects"]) == 0
    assert len({a["article_id"] for a in tables["articles"]}) == 5


def test_statistics_row_for_201_thousand_party_members(tables):
    a = article_of(tables, "000_")
    (row,) = rows_of(tables, "statistics", a, value=201000.0)
    assert (row["unit"], row["subject"], row["qualifier"]) == ("名", "党员", None)
    assert a["text"][row["start"]:row["end"]] == row["text"] == "20.1万名党员"


def test_song_guowei_with_title(tables):
    a = article_of(tables, "000_")
    (row,) = rows_of(tables, "people", a, name="宋国威")
    assert "检验科主任" in row["titles"]
    assert row["organization"] == "石家庄市人民医院"
    assert a["text"][row["start"]:row["end"]] == "宋国威"


def test_traditional_page_is_simplified_and_free_of_pinyin(tables):
    a = article_of(tables, "004_")
    assert a["script"] == "traditional"
    assert "(chǎn)" not in a["text"] and "(chǎn)" not in a["text_original"]
    assert "共产党员" in a["text"] and "共產黨員" in a["text_original"]
    (guo,) = rows_of(tables, "people", a, name="郭猛")
    assert guo["party_years"] == 12


def test_navigation_and_spam_lines_are_gone_from_every_text(tables):
    for text in (a["text"] for a in tables["articles"]):
        assert "党纪法规| 审查调查|" not in text
        assert "在线免费观看" not in text
        assert "下载APP" not in text


def test_all_offsets_point_at_the_mention(tables):
    texts = {a["article_id"]: a["text"] for a in tables["articles"]}
    checked = 0
    for table, column in (("people", "name"), ("organizations", "name"), ("places", "name"),
                          ("statistics", "text")):
        for row in tables[table]:
            if row["start"] is None:  # named only in a byline or caption
                continue
            assert texts[row["article_id"]][row["start"]:row["end"]] == row[column], (table, row)
            assert row[column] in row["sentence"]
            checked += 1
    assert checked > 300


def test_rerun_gives_identical_tables(out, tmp_path):
    build(tmp_path)
    for table in TABLES:
        assert table_lines(out, table) == table_lines(tmp_path, table), table


@pytest.mark.parametrize("table", TABLES)
def test_golden_output(out, table):
    expected = (GOLDEN / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
    actual = table_lines(out, table)
    if actual != expected:
        diff = "\n".join(difflib.unified_diff(expected, actual, "golden", "now", lineterm="", n=0))
        pytest.fail(f"{table} differs from tests/golden/{table}.jsonl "
                    f"(if intended, run `.venv/bin/python tests/golden.py` and review the diff):\n{diff[:6000]}")

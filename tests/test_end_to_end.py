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
    return {t: pq.read_table(out / f"{t}.parquet").to_pandas() for t in TABLES}


def article_of(tables, stem):
    a = tables["articles"]
    return a[a.source_path.str.startswith(stem)].iloc[0]


def test_every_reference_page_becomes_an_article(tables):
    assert len(tables["articles"]) == 5 and len(tables["rejects"]) == 0
    assert tables["articles"].article_id.is_unique


def test_statistics_row_for_201_thousand_party_members(tables):
    a = article_of(tables, "000_")
    s = tables["statistics"]
    row = s[(s.article_id == a.article_id) & (s.value == 201000)].iloc[0]
    assert (row.unit, row.subject, row.qualifier) == ("名", "党员", None)
    assert a.text[row.start:row.end] == row.text == "20.1万名党员"


def test_song_guowei_with_title(tables):
    a = article_of(tables, "000_")
    p = tables["people"]
    row = p[(p.article_id == a.article_id) & (p.name == "宋国威")].iloc[0]
    assert "检验科主任" in list(row.titles)
    assert row.organization == "石家庄市人民医院"
    assert a.text[row.start:row.end] == "宋国威"


def test_traditional_page_is_simplified_and_free_of_pinyin(tables):
    a = article_of(tables, "004_")
    assert a.script == "traditional"
    assert "(chǎn)" not in a.text and "(chǎn)" not in a.text_original
    assert "共产党员" in a.text and "共產黨員" in a.text_original
    p = tables["people"]
    guo = p[(p.article_id == a.article_id) & (p.name == "郭猛")]
    assert len(guo) == 1


def test_navigation_and_spam_lines_are_gone_from_every_text(tables):
    for text in tables["articles"].text:
        assert "党纪法规| 审查调查|" not in text
        assert "在线免费观看" not in text
        assert "下载APP" not in text


def test_all_offsets_point_at_the_mention(tables):
    texts = dict(zip(tables["articles"].article_id, tables["articles"].text))
    for table, column in (("people", "name"), ("organizations", "name"), ("places", "name"),
                          ("statistics", "text")):
        for row in tables[table].itertuples():
            if row.start is None or row.start != row.start:  # null: named only in a byline/caption
                continue
            assert texts[row.article_id][int(row.start):int(row.end)] == getattr(row, column), (table, row)


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

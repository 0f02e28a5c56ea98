"""The optional sentences table (``run --sentences``) and the ``sentence_id`` of every row (issue #17)."""
import re

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline import stages
from pipeline.cli import main as cli_main
from pipeline.commit import read_manifest
from pipeline.ingest import PageTask
from pipeline.resources import jieba_module

from test_incremental import counting_process_task
from pipeline.runner import process_task, run
from pipeline.schema import TABLES, output_tables
from pipeline.segment import sentence_spans
from pipeline.sentences import name_pattern, words

from conftest import EXTRA, RAW, ROOT

ROW_TABLES = ("people", "organizations", "places", "statistics")


@pytest.fixture(scope="module")
def raw_tables(tmp_path_factory):
    """Every table of data/raw with --sentences, as lists of rows."""
    out = tmp_path_factory.mktemp("sentences") / "out"
    run(RAW, out, workers=1, use_cache=False, sentences=True)
    return {t: pq.read_table(out / f"{t}.parquet").to_pylist() for t in TABLES}


@pytest.fixture(scope="module")
def extra_tables(tmp_path_factory):
    out = tmp_path_factory.mktemp("sentences_extra") / "out"
    run(EXTRA, out, workers=1, use_cache=False, sentences=True)
    return {t: pq.read_table(out / f"{t}.parquet").to_pylist() for t in TABLES}


def test_a_sentence_s_words_keep_the_person_and_the_organization_whole():
    result = process_task(PageTask("000.txt", path=str(RAW / "000_223767d5c64caf43.txt")), sentences=True)
    aid = result.article.article_id
    row = result.sentence_rows[1]
    assert (row.sentence_id, row.index, row.start, row.end) == (f"{aid}:1", 1, 29, 67)
    assert row.text == "石家庄市人民医院检验科主任、有着多年党龄的宋国威曾在心底默默许下这样的誓言。"
    assert row.words == ["石家庄市人民医院", "检验科", "主任", "、", "有着", "多年", "党龄", "的", "宋国威",
                         "曾", "在", "心底", "默默", "许下", "这样", "的", "誓言", "。"]
    # jieba alone cuts the hospital in three: the page's names are what keep it whole
    assert jieba_module().lcut(row.text)[:3] == ["石家庄市", "人民", "医院"]
    # and the person and the organization rows point at that sentence
    assert [p.sentence_id for p in result.people if p.name == "宋国威"] == [f"{aid}:1"]
    assert [o.sentence_id for o in result.organizations if o.name == "石家庄市人民医院"] == [f"{aid}:1"]


def test_names_jieba_cannot_hold_stay_whole_and_the_longest_name_wins():
    sentence = "雪克来提·扎克尔在乌鲁木齐市沙依巴克区八楼社区调研。"
    assert jieba_module().lcut(sentence)[:3] == ["雪克来", "提", "·"]
    names = name_pattern(["雪克来提·扎克尔", "乌鲁木齐", "乌鲁木齐市", "沙依巴克区", "八楼社区"])
    assert words(sentence, names) == ["雪克来提·扎克尔", "在", "乌鲁木齐市", "沙依巴克区", "八楼社区", "调研", "。"]
    assert name_pattern(["区", "宋 国威"]) is None  # one character, or a space inside: not forced
    assert words("宋 国威 说", None) == ["宋", "国威", "说"]  # whitespace dropped, spaced names not forced


def test_the_words_are_those_of_a_per_page_user_dictionary(raw_tables, tmp_path):
    """What the module docstring promises: cutting at the names gives the words a fresh jieba
    dictionary with every name of the page forced whole gives, on every sentence of data/raw."""
    jieba = jieba_module()
    by_article = {}
    for table in ("people", "organizations", "places"):
        for row in raw_tables[table]:
            by_article.setdefault(row["article_id"], set()).add(row["name"])
    compared = differ = 0
    for article in raw_tables["articles"]:
        tokenizer = jieba.Tokenizer()
        tokenizer.tmp_dir = str(tmp_path)
        for name in by_article.get(article["article_id"], ()):
            if len(name) >= 2:
                tokenizer.suggest_freq(name, True)
        for s in raw_tables["sentences"]:
            if s["article_id"] == article["article_id"]:
                compared += 1
                differ += s["words"] != [w for w in tokenizer.cut(s["text"]) if not w.isspace()]
    assert (compared, differ) == (336, 0)


def test_sentence_text_is_the_article_text_at_its_offsets(raw_tables):
    texts = {a["article_id"]: a["text"] for a in raw_tables["articles"]}
    sentences = raw_tables["sentences"]
    assert len(sentences) == 336
    for aid, text in texts.items():
        mine = [s for s in sentences if s["article_id"] == aid]
        assert [(s["start"], s["end"]) for s in mine] == sentence_spans(text)
        assert [s["index"] for s in mine] == list(range(len(mine)))
        for s in mine:
            assert text[s["start"]:s["end"]] == s["text"]
            assert s["sentence_id"] == f"{aid}:{s['index']}"
            assert s["words"] and "".join(s["words"]) == re.sub(r"\s", "", s["text"])


@pytest.mark.parametrize("pages, expected", [("raw", (334, 27)), ("extra", (461, 45))])
def test_sentence_id_joins_every_row_to_the_sentence_holding_its_offsets(pages, expected, raw_tables, extra_tables):
    tables = raw_tables if pages == "raw" else extra_tables
    by_id = {s["sentence_id"]: s for s in tables["sentences"]}
    with_offsets = without = 0
    for table in ROW_TABLES:
        for row in tables[table]:
            if row["start"] is None:
                assert row["sentence_id"] is None, (table, row)
                without += 1
                continue
            s = by_id[row["sentence_id"]]
            assert s["article_id"] == row["article_id"]
            assert s["start"] <= row["start"] < row["end"] <= s["end"], (table, row)
            assert s["text"] == row["sentence"], (table, row)  # the row's own sentence column agrees
            with_offsets += 1
    assert (with_offsets, without) == expected


def test_without_the_flag_the_stage_builds_no_sentence_yet_sets_every_sentence_id(monkeypatch):
    def refuse(*args):
        raise AssertionError("sentence rows built for a run without --sentences")

    monkeypatch.setattr(stages, "sentence_rows", refuse)
    result = process_task(PageTask("000.txt", path=str(RAW / "000_223767d5c64caf43.txt")))
    assert result.article is not None and result.sentence_rows == []
    assert all(row.sentence_id for row in result.statistics)
    assert [p.sentence_id for p in result.people if p.name == "宋国威"] == [f"{result.article.article_id}:1"]


def _tables(out, names):
    return {t: pq.read_table(out / f"{t}.parquet") for t in names}


def test_the_cache_keeps_runs_with_and_without_sentences_apart(tmp_path, monkeypatch):
    """A page cached by a run without --sentences is processed again for a run with it (else its
    sentences would be missing); a page cached with sentences serves both kinds of run."""
    calls = counting_process_task(monkeypatch)
    out = tmp_path / "out"
    args = ["run", "--input", str(RAW), "--output", str(out), "--workers", "1", "--no-progress"]

    assert cli_main(args) == 0
    assert len(calls) == 5 and not (out / "sentences.parquet").exists()
    assert read_manifest(out)["tables"] == list(output_tables()) and "sentences" not in read_manifest(out)["rows"]
    plain = _tables(out, output_tables())

    calls.clear()
    assert cli_main(args + ["--sentences"]) == 0
    assert len(calls) == 5  # nothing served from the plain run's entries
    assert pq.read_table(out / "sentences.parquet").num_rows == 336
    assert read_manifest(out)["rows"]["sentences"] == 336
    with_sentences = _tables(out, output_tables())
    for t in output_tables():
        assert with_sentences[t].equals(plain[t]), t  # the flag adds a table and changes no other

    calls.clear()
    assert cli_main(args) == 0
    assert calls == []  # served by the --sentences entries
    assert not (out / "sentences.parquet").exists() and not (out / "sentences.parquet").is_symlink()
    assert "sentences" not in read_manifest(out)["tables"]
    for t, table in _tables(out, output_tables()).items():
        assert table.equals(plain[t]), t

    calls.clear()
    assert cli_main(args + ["--sentences"]) == 0
    assert calls == [] and pq.read_table(out / "sentences.parquet").num_rows == 336


def test_the_readme_cooccurrence_recipe_counts_sentences(raw_tables, tmp_path, monkeypatch):
    """The README's recipe, run as written on the sentences of data/raw."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.search(r"<!-- recipe: co-occurrence -->\n```python\n(.*?)```", readme, re.S).group(1)
    folder = tmp_path / "data" / "processed"
    folder.mkdir(parents=True)
    pd.DataFrame(raw_tables["sentences"]).to_parquet(folder / "sentences.parquet")
    monkeypatch.chdir(tmp_path)
    namespace = {}
    exec(code, namespace)
    assert namespace["both"] == 7
    top = namespace["near"].head(5)
    assert list(top.items()) == [("的", 40), ("疫情", 36), ("在", 29), ("防控", 28), ("了", 19)]


"""pipeline.load (issue #17): an output folder as typed DataFrames and DuckDB views, under names
that need no quoting and do not clash, each story once, from one committed set, over the session's
sample output (conftest.sample_output: 35 real pages and two reposts of the 石家庄 page)."""
import copy
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import pipeline
from conftest import ROOT
from pipeline.commit import Generation, snapshot
from pipeline.load import OutputError, load
from pipeline.schema import TABLES, analyst_names, check_analyst_names, data_dictionary_markdown, join_keys, \
    table_specs

REPOSTS = {"reposts/big5.txt", "reposts/mirror.txt"}  # the two non-canonical copies of raw/000
ARTICLE_TABLES = ("articles", "people", "organizations", "places", "statistics", "sentences")


@pytest.fixture(scope="module")
def tables(sample_output):
    return load(sample_output)


@pytest.fixture(scope="module")
def everything(sample_output):
    return load(sample_output, dedupe=False)


# --------------------------------------------------------------------------- names

def test_tables_share_only_their_join_keys():
    owners = {}
    for table in TABLES:
        for name in analyst_names(table).values():
            owners.setdefault(name, []).append(table)
    shared = {name: owner for name, owner in owners.items() if len(owner) > 1}
    assert set(shared) == {"article_id", "source_path", "person_id", "org_id"} == join_keys() - {"sentence_id"}
    # a row's sentence is joined explicitly: two row tables joined by article share no sentence_id
    assert {analyst_names(t)["sentence_id"] for t in ("people", "organizations", "places", "statistics")} == {
        "person_sentence_id", "org_sentence_id", "place_sentence_id", "claim_sentence_id"}
    assert shared["source_path"] == ["articles", "rejects"]
    assert shared["org_id"] == ["organizations", "organization_entities"]


def test_no_name_needs_quoting_in_duckdb():
    keywords = dict(duckdb.sql("select keyword_name, keyword_category from duckdb_keywords()").fetchall())
    assert keywords["end"] == "reserved"  # why `end` is renamed
    names = {name for table in TABLES for name in analyst_names(table).values()}
    assert {n for n in names if keywords.get(n, "unreserved") != "unreserved"} == set()
    con = duckdb.connect()
    for table in TABLES:  # every name reads unquoted
        con.sql(f"create table {table} ({', '.join(f'{n} integer' for n in analyst_names(table).values())})")
        con.sql(f"select {', '.join(analyst_names(table).values())} from {table}").fetchall()


def test_offsets_read_start_char_and_end_char_and_clashing_names_take_the_table_prefix():
    assert [analyst_names(t)["start"] for t in ("people", "organizations", "places", "statistics")] == \
        ["person_start_char", "org_start_char", "place_start_char", "claim_start_char"]
    assert analyst_names("statistics")["end"] == "claim_end_char"
    assert (analyst_names("people")["name"], analyst_names("organizations")["name"], analyst_names("places")["name"],
            analyst_names("articles")["text"], analyst_names("statistics")["text"],
            analyst_names("statistics")["organization"]) == \
        ("person_name", "org_name", "place_name", "article_text", "claim_text", "claim_organization")
    assert analyst_names("articles")["title"] == "title"  # a name no other table has stays


def test_a_clashing_or_renamed_key_is_refused_at_import():
    specs = copy.deepcopy(table_specs())
    for table in ("people", "organizations"):
        del next(c for c in specs[table]["columns"] if c["name"] == "name")["analyst_name"]
    with pytest.raises(RuntimeError, match="analyst name 'name' is also a column of people"):
        check_analyst_names(specs)
    specs = copy.deepcopy(table_specs())
    specs["people"]["columns"][0]["analyst_name"] = "person_article_id"
    with pytest.raises(RuntimeError, match="people.article_id is a join key"):
        check_analyst_names(specs)


def test_the_data_dictionary_shows_the_analyst_names():
    doc = data_dictionary_markdown()
    assert "| `end` | `claim_end_char` | int32 | no |" in doc
    assert "| `title` | same | string | yes |" in doc


def test_frames_carry_the_analyst_names_in_the_tables_order(tables):
    for table in TABLES:
        assert list(tables[table].columns) == list(analyst_names(table).values())


# --------------------------------------------------------------------------- dtypes

def test_nullable_ints_stay_ints_timestamps_dates_and_lists_stay_typed(tables):
    people, articles = tables.people, tables.articles
    assert str(people.age.dtype) == "int32[pyarrow]" and str(people.party_years.dtype) == "int32[pyarrow]"
    assert people.age.isna().sum() == len(people) - 2  # two people have a stated age
    guo = people[people.person_name == "郭猛"].iloc[0]
    assert guo.party_years == 12 and isinstance(guo.party_years, int) and pd.isna(guo.age)
    assert str(articles.published_at.dtype) == "timestamp[us][pyarrow]"
    sjz = articles.set_index("source_path").loc["raw/000_223767d5c64caf43.txt"]
    assert sjz.published_at == pd.Timestamp("2021-01-23 08:11:33")
    assert articles.published_at.isna().sum() == 18  # of 35: pages with no date
    assert str(tables.statistics.date.dtype) == "date32[day][pyarrow]"
    assert str(articles.authors.dtype) == "list<item: string>[pyarrow]"
    assert list(sjz.authors) == ["张昊", "董昌"]
    assert list(people[people.person_name == "宋国威"].iloc[0].person_titles) == ["检验科主任"]
    assert str(tables.person_entities.person_entity_first_date.dtype) == "date32[day][pyarrow]"


def test_offsets_index_the_article_text(tables):
    text = dict(zip(tables.articles.article_id, tables.articles.article_text))
    claims = tables.statistics
    assert all(text[a][s:e] == c for a, s, e, c in
               zip(claims.article_id, claims.claim_start_char, claims.claim_end_char, claims.claim_text))


# --------------------------------------------------------------------------- dedupe

def test_dedupe_drops_exactly_the_rows_of_non_canonical_reposts(tables, everything):
    full = everything.articles
    dropped = set(full.article_id[~full.is_canonical])
    assert set(full.source_path[~full.is_canonical]) == REPOSTS and len(dropped) == 2
    counts = {}
    for table in ARTICLE_TABLES:
        kept = everything[table][~everything[table].article_id.isin(dropped)].reset_index(drop=True)
        pd.testing.assert_frame_equal(tables[table], kept)
        counts[table] = (len(everything[table]), len(tables[table]))
    assert counts == {"articles": (37, 35), "people": (190, 162), "organizations": (237, 211),
                      "places": (274, 240), "statistics": (292, 254), "sentences": (791, 655)}
    for table in ("rejects", "person_entities", "organization_entities"):  # left whole
        pd.testing.assert_frame_equal(tables[table], everything[table])
    song = tables.person_entities[tables.person_entities.person_entity_name == "宋国威"].iloc[0]
    assert song.person_entity_articles == 3  # the entity tables count reposts


def test_a_subset_of_tables_is_deduplicated_the_same(sample_output, tables):
    subset = load(sample_output, tables=["statistics"])
    assert subset.articles is None and list(subset.frames) == ["statistics"]
    pd.testing.assert_frame_equal(subset.statistics, tables.statistics)
    with pytest.raises(ValueError, match="unknown tables"):
        load(sample_output, tables=["claims"])


# --------------------------------------------------------------------------- DuckDB

def test_every_table_is_a_duckdb_view_equal_to_its_frame(tables, everything):
    views = dict(tables.duckdb.sql("select table_name, table_type from information_schema.tables").fetchall())
    assert views == {table: "VIEW" for table in TABLES}
    for t in (tables, everything):
        for table in TABLES:
            pd.testing.assert_frame_equal(t.sql(f"select * from {table}"), t[table])


def test_joins_give_no_duplicate_columns(tables):
    joined = tables.sql("select * from people join organizations using (article_id) "
                        "join statistics using (article_id) join articles using (article_id)")
    assert len(set(joined.columns)) == len(joined.columns)
    merged = tables.people.merge(tables.person_entities, on="person_id")
    assert not [c for c in merged.columns if c.endswith(("_x", "_y"))]


# --------------------------------------------------------------------------- layouts and faults

def dask_style_copy(source: Path, target: Path, rows_per_part: int = 20) -> None:
    """``source``'s committed tables as the Dask engine lays them out: a folder of numbered parts
    per table (more than ten parts for the bigger tables, so name order matters), committed."""
    current = snapshot(source)
    with Generation(target) as generation:
        for table in TABLES:
            data = pq.read_table(current / f"{table}.parquet")
            (generation.path / table).mkdir()
            for i, start in enumerate(range(0, max(data.num_rows, 1), rows_per_part)):
                pq.write_table(data.slice(start, rows_per_part), generation.path / table / f"part-{i:05d}.parquet")
        generation.commit("dataset", {"input": "split"}, tables=TABLES)


def test_a_partitioned_output_loads_the_same(sample_output, tables, tmp_path):
    dask_style_copy(sample_output, tmp_path / "dask")
    assert len(list((tmp_path / "dask" / "statistics").glob("part-*.parquet"))) == 15  # 292 rows
    parted = load(tmp_path / "dask")
    for table in TABLES:
        pd.testing.assert_frame_equal(parted[table], tables[table])


def test_a_pinned_generation_folder_loads_the_same(sample_output, tables):
    pinned = load(snapshot(sample_output))
    assert pinned.path == tables.path
    pd.testing.assert_frame_equal(pinned.people, tables.people)


def copy_output(sample_output: Path, target: Path) -> Path:
    shutil.copytree(sample_output, target, symlinks=True)
    return snapshot(target)


def test_a_missing_or_uncommitted_output_says_so(tmp_path):
    with pytest.raises(OutputError, match="no such output folder"):
        load(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(OutputError, match="no committed table set .* no run has written to it"):
        load(tmp_path / "empty")
    # a first run that died before its commit: a generation folder, no `current`
    (tmp_path / "died" / ".generations" / "20261205T000000Z-1-abcdef").mkdir(parents=True)
    with pytest.raises(OutputError, match="a run may be writing its first table set, or died before"):
        load(tmp_path / "died")


def test_a_half_written_or_damaged_set_says_which_table(sample_output, tmp_path):
    generation = copy_output(sample_output, tmp_path / "missing")
    (generation / "places.parquet").unlink()
    with pytest.raises(OutputError, match="table places is missing"):
        load(tmp_path / "missing")

    generation = copy_output(sample_output, tmp_path / "truncated")
    data = (generation / "people.parquet").read_bytes()
    (generation / "people.parquet").write_bytes(data[: len(data) // 2])
    with pytest.raises(OutputError, match="table people is not readable Parquet"):
        load(tmp_path / "truncated")

    generation = copy_output(sample_output, tmp_path / "short")
    people = pq.read_table(generation / "people.parquet")
    pq.write_table(people.slice(0, 10), generation / "people.parquet")
    with pytest.raises(OutputError, match=f"table people has 10 rows, its manifest says {people.num_rows}"):
        load(tmp_path / "short")

    copy_output(sample_output, tmp_path / "gone")
    shutil.rmtree(snapshot(tmp_path / "gone"))
    with pytest.raises(OutputError, match="its `current` link leads to no table set"):
        load(tmp_path / "gone")

    generation = copy_output(sample_output, tmp_path / "manifest")
    (generation / "manifest.json").write_text("{", encoding="utf-8")
    with pytest.raises(OutputError, match="no readable manifest.json"):
        load(tmp_path / "manifest")


# --------------------------------------------------------------------------- the entry point

def test_pipeline_load_works_from_a_bare_import_without_the_run_time_modules(sample_output):
    code = f"""
import sys
import pipeline
assert "pandas" not in sys.modules and "duckdb" not in sys.modules, "import pipeline is not light"
t = pipeline.load({str(sample_output)!r})
import pipeline.load                      # importing the submodule keeps pipeline.load callable
assert pipeline.load({str(sample_output)!r}, tables=["rejects"]).rejects is not None
heavy = [m for m in ("pipeline.runner", "pipeline.stages", "jieba", "spacy", "onnxruntime", "numba", "opencc",
                     "trafilatura", "dask") if m in sys.modules]
print(len(t.articles), heavy)
"""
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout == "35 []\n"


def test_the_repr_names_the_set_and_its_row_counts(tables):
    assert repr(tables) == (f"Tables({str(tables.path)!r}, dedupe=True, rows: articles 35, people 162, "
                            "organizations 211, places 240, statistics 254, sentences 655, rejects 0, "
                            "person_entities 160, organization_entities 202)")
    assert tables.manifest["rows"]["articles"] == 37 and tables.path.parent.name == ".generations"
    with pytest.raises(KeyError, match="no table 'claims'"):
        tables["claims"]
    assert callable(pipeline.load)


def test_a_run_without_sentences_loads_without_them_and_says_so_when_asked(tmp_path):
    from pipeline.runner import run

    pages = tmp_path / "in"
    pages.mkdir()
    page = next((ROOT / "data" / "raw").glob("000_*.txt"))
    (pages / page.name).write_bytes(page.read_bytes())
    run(pages, tmp_path / "out", workers=1, use_cache=False)
    plain = load(tmp_path / "out")
    assert plain.sentences is None and len(plain.articles) == 1
    with pytest.raises(OutputError, match="--sentences"):
        load(tmp_path / "out", tables=["sentences"])


def test_dedupe_drops_the_sentences_of_reposts(tables, everything):
    assert set(tables.sentences.article_id) == set(tables.articles.article_id)
    assert len(everything.sentences) > len(tables.sentences)

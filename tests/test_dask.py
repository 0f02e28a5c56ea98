"""The same stages on a Dask cluster: a partitioned dataset with exactly the local run's rows."""
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from pipeline.runner import run
from pipeline.schema import CORPUS_TABLES, TABLES, output_tables

pytest.importorskip("distributed")


def test_dask_local_cluster_gives_the_same_tables_as_the_local_run(raw_dir, tmp_path):
    """Every table, the optional sentences table included (``--sentences`` on both engines)."""
    from pipeline.distributed import run_dask

    run(raw_dir, tmp_path / "local", workers=1, use_cache=False, sentences=True)
    summary = run_dask(raw_dir, tmp_path / "dask", workers=2, partition_size=2, sentences=True)
    assert summary.pages_read == 5 and summary.pages_rejected == 0
    assert summary.rows["sentences"] == 336
    for table in TABLES:
        parts = sorted((tmp_path / "dask" / table).glob("part-*.parquet"))
        assert [p.name for p in parts] == (["part-00000.parquet"] if table in CORPUS_TABLES else
                                           ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"])
        local = pq.read_table(tmp_path / "local" / f"{table}.parquet")
        distributed = ds.dataset(tmp_path / "dask" / table, format="parquet").to_table()
        assert distributed.equals(local), table
    assert summary.rows["articles"] == 5


def test_corpora_are_read_on_the_workers_and_give_the_local_run_s_tables(raw_dir, tmp_path):
    """.jsonl and .parquet corpora travel as slice descriptors; the rows are the local run's."""
    import json
    import shutil

    import pyarrow as pa

    from pipeline.distributed import partitions, run_dask
    from pipeline.ingest import CorpusSlice, discover

    pages = sorted(p.read_text(encoding="utf-8") for p in raw_dir.glob("*.txt"))
    mixed = tmp_path / "in"
    shutil.copytree(raw_dir, mixed / "pages")
    lines = [json.dumps({"text": t}, ensure_ascii=False) for t in pages[:3]] + ["{broken", ""]
    (mixed / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    pq.write_table(pa.table({"text": pages[2:] + [None]}), mixed / "corpus.parquet", row_group_size=2)

    groups = list(partitions(discover(mixed, slice_records=2), 2))
    assert all(isinstance(i, CorpusSlice) or i.text is None for g in groups for i in g)

    run(mixed, tmp_path / "local", workers=1, use_cache=False)
    summary = run_dask(mixed, tmp_path / "dask", workers=2, partition_size=2)
    assert summary.pages_read == 5 + 4 + 4 and summary.pages_rejected == 2  # broken line, null row
    assert not (tmp_path / "dask" / "sentences").exists()  # not asked for: not written
    for table in output_tables():
        local = pq.read_table(tmp_path / "local" / f"{table}.parquet")
        distributed = ds.dataset(tmp_path / "dask" / table, format="parquet").to_table()
        assert distributed.equals(local), table

"""The same stages on a Dask cluster: a partitioned dataset with exactly the local run's rows."""
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from pipeline.runner import run
from pipeline.schema import TABLES

pytest.importorskip("distributed")


def test_dask_local_cluster_gives_the_same_tables_as_the_local_run(raw_dir, tmp_path):
    from pipeline.distributed import run_dask

    run(raw_dir, tmp_path / "local", workers=1, use_cache=False)
    summary = run_dask(raw_dir, tmp_path / "dask", workers=2, partition_size=2)
    assert summary.pages_read == 5 and summary.pages_rejected == 0
    for table in TABLES:
        parts = sorted((tmp_path / "dask" / table).glob("part-*.parquet"))
        assert [p.name for p in parts] == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
        local = pq.read_table(tmp_path / "local" / f"{table}.parquet")
        distributed = ds.dataset(tmp_path / "dask" / table, format="parquet").to_table()
        assert distributed.equals(local), table
    assert summary.rows["articles"] == 5

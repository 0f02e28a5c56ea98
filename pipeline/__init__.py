"""cnnews-pipeline: Chinese news pages → clean, structured Parquet tables.

Stages, one module or package each: ingest → clean → metadata → segment →
entities → statistics (``claims/``) → emit, declared once in ``pipeline/stages.py``
(see ``pipeline/records.py`` for the records between them). Language knowledge
lives in ``pipeline/data/lexicons/`` (loaded by ``pipeline/lexicons.py``),
thresholds in ``pipeline/settings.toml``, shared text tools in ``pipeline/text/``.

In a notebook, ``pipeline.load("data/processed")`` reads the tables back as typed
DataFrames and DuckDB views (``pipeline/load.py``).
"""

__version__ = "0.1.0"


def __getattr__(name: str):
    # `pipeline.load` is imported on first use, so `import pipeline` stays light (no pandas,
    # DuckDB or run-time stages); the module is callable: pipeline.load(path).
    if name == "load":
        import importlib

        return importlib.import_module(".load", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""cnnews-pipeline: Chinese news pages → clean, structured Parquet tables.

Stages, one module each: ingest → clean → metadata → segment → entities →
statistics → emit (see ``pipeline/records.py`` for the records between them).
"""

__version__ = "0.1.0"

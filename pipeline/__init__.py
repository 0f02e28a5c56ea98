"""cnnews-pipeline: Chinese news pages → clean, structured Parquet tables.

Stages, one module or package each: ingest → clean → metadata → segment →
entities → statistics (``claims/``) → emit, declared once in ``pipeline/stages.py``
(see ``pipeline/records.py`` for the records between them). Language knowledge
lives in ``pipeline/data/lexicons/`` (loaded by ``pipeline/lexicons.py``),
thresholds in ``pipeline/settings.toml``, shared text tools in ``pipeline/text/``.
"""

__version__ = "0.1.0"

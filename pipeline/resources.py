"""Heavy, read-only resources, loaded once per process and shared by stages.

Workers are separate processes; each pays the load cost once (``lru_cache``),
never once per page.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SCHEMA_PATH = PROJECT_ROOT / "schemas" / "tables.toml"
MODELS_DIR = PROJECT_ROOT / "models"


@lru_cache(maxsize=None)
def _opencc_t2s():
    import opencc

    # "t2s" is phrase-aware (OpenCC's dictionaries match longest phrases first).
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese (OpenCC ``t2s``); simplified text passes unchanged.

    >>> to_simplified("共產黨員")
    '共产党员'
    """
    if not text:
        return text
    return _opencc_t2s().convert(text)

"""Heavy, read-only resources, loaded once per process and shared by stages.

Workers are separate processes; each pays the load cost once (``lru_cache``),
never once per page.
"""
from __future__ import annotations

import logging
import os
import re
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Optional

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
# In a checkout these two are links to schemas/tables.toml and models/ner (the single sources of
# truth); a wheel carries copies of them inside the package, so an installed wheel finds them too.
SCHEMA_PATH = PACKAGE_DIR / "data" / "tables.toml"
MODELS_DIR = PACKAGE_DIR / "data" / "models"


_JIEBA_CACHE_DIR: list[Optional[str]] = [None]


def jieba_module(cache_dir: Optional[os.PathLike | str] = None):
    """The ``jieba`` module, imported quietly: its import-time ``pkg_resources`` deprecation
    warning and its "Building prefix dict" log lines are not the user's concern. ``cache_dir``
    (the run's ``<output>/.cache``) is where jieba keeps its prefix-dictionary cache instead of the
    system's temporary folder, so a run writes nothing outside the output folder; the first call
    that gives one wins.

    >>> jieba_module().lcut("党员")
    ['党员']
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # jieba/_compat.py: pkg_resources is deprecated
        import jieba
    jieba.setLogLevel(logging.WARNING)
    if cache_dir is not None and _JIEBA_CACHE_DIR[0] is None and not jieba.dt.initialized:
        Path(cache_dir).mkdir(parents=True, exist_ok=True)
        _JIEBA_CACHE_DIR[0] = jieba.dt.tmp_dir = str(cache_dir)
    return jieba


@lru_cache(maxsize=None)
def _opencc_t2s():
    import opencc

    # "t2s" is phrase-aware (OpenCC's dictionaries match longest phrases first).
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese (OpenCC ``t2s``); simplified text passes unchanged.

    >>> to_simplified("共產黨員"), to_simplified("有著12年黨齡的郭猛"), to_simplified("著名的顯著成績")
    ('共产党员', '有着12年党龄的郭猛', '著名的显著成绩')
    """
    if not text:
        return text
    return _ZHE_PARTICLE.sub("着", _opencc_t2s().convert(text))


def to_simplified_lines(lines: list[str]) -> list[str]:
    """``to_simplified`` of each line, in one OpenCC call: OpenCC never converts across a line
    break, so the lines are joined and split again (one by one if a line held a break itself).

    >>> to_simplified_lines(["黨員", "", "有著"])
    ['党员', '', '有着']
    """
    if not lines:
        return []
    out = to_simplified("\n".join(lines)).split("\n")
    return out if len(out) == len(lines) else [to_simplified(x) for x in lines]


# OpenCC keeps 著 (it is also simplified, in 著名, 显著), but after a verb the
# traditional 著 is the particle 着: 践行著 → 践行着, 有著 → 有着.
_ZHE_PARTICLE = re.compile(r"(?<![显昭卓土编巨原论名专合遗译拙])著(?![名作称述录者书])")


@lru_cache(maxsize=None)
def jieba_word_tags() -> dict[str, str]:
    """Word → part-of-speech tag from jieba's bundled dictionary (``dict.txt``).

    A plain lookup, loaded once (~0.3 s): tagging a known word this way costs a
    dict access, where ``jieba.posseg`` runs an HMM over the whole text.

    >>> jieba_word_tags()["北京"]
    'ns'
    """
    import os

    jieba = jieba_module()

    tags = {}
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags

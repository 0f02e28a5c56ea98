"""Shared fixtures and helpers: the committed sample pages and their hand-written expectations."""
import json
from functools import lru_cache
from pathlib import Path

import pytest

from pipeline.records import RawPage

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
EXTRA = Path(__file__).resolve().parent / "data" / "extra"  # copies of ../shared/samples/extra
#: Per-page cleaning and metadata expectations (tests/expected/clean_metadata.json).
EXPECTED = json.loads((ROOT / "tests/expected/clean_metadata.json").read_text(encoding="utf-8"))["pages"]


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    return RAW


def page_text(stem: str) -> str:
    return next(RAW.glob(f"{stem}*.txt")).read_text(encoding="utf-8")


def page_path(entry: dict) -> Path:
    """File of an EXPECTED entry: a reference page under the repo root, else an extra page."""
    p = ROOT / entry["path"]
    return p if p.exists() else EXTRA / entry["path"]


def raw_page(text: str, name: str = "t.txt", **hints) -> RawPage:
    """A RawPage as ingest would build it from a plain-text file."""
    return RawPage(source_path=name, text=text, fmt="text", encoding="utf-8", content_sha1="test", **hints)


@lru_cache(maxsize=None)
def expected_page(stem: str) -> RawPage:
    """The RawPage of an EXPECTED entry (every such page is committed under data/ or tests/data/)."""
    entry = EXPECTED[stem]
    return raw_page(page_path(entry).read_text(encoding="utf-8"), entry["path"])


@pytest.fixture(scope="session")
def sample_output(tmp_path_factory) -> Path:
    """An output folder as `python -m pipeline run` leaves it, built once per session over the
    35 committed pages (data/raw, tests/data/extra with its SOURCES.tsv) and two reposts of the
    石家庄 page (data/raw/000): a mirror's exact copy and the story in traditional script; the
    three are one duplicate group (pipeline.load's dedupe and the README's recipes read it).
    Written with the optional sentences table (`run --sentences`), so every table is there."""
    import shutil

    import opencc

    from pipeline.runner import run

    pages = tmp_path_factory.mktemp("sample_pages")
    shutil.copytree(RAW, pages / "raw")
    shutil.copytree(EXTRA, pages / "extra")
    (pages / "reposts").mkdir()
    original = next(RAW.glob("000_*.txt")).read_text(encoding="utf-8")
    (pages / "reposts" / "mirror.txt").write_text(original, encoding="utf-8")
    (pages / "reposts" / "big5.txt").write_text(opencc.OpenCC("s2t").convert(original), encoding="utf-8")
    out = tmp_path_factory.mktemp("sample_output")
    run(pages, out, workers=1, use_cache=False, sentences=True)
    return out

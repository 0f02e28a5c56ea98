"""Shared fixtures: paths to the committed sample pages."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    return RAW


def page_text(stem: str) -> str:
    return next(RAW.glob(f"{stem}*.txt")).read_text(encoding="utf-8")

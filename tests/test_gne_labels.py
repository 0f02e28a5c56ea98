"""The GNE page set of issue #15 (recipes/fetch_gne_pages.py): its committed selection and labels.

The pages are fetched from PyPI by the recipe and never committed, so what is tested here is the
draw (split by site, at most two pages a site, the seed's result) and the shape of every label
file (tests/gne/gold: metadata, cleaning lines, people, statistics). Figures over the pages:
``recipes/quality_report.py --sets gne-tune,gne-heldout``.
"""
from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SELECTION = REPO / "tests" / "gne" / "selection.tsv"
GOLD = REPO / "tests" / "gne" / "gold"


def _recipe():
    spec = importlib.util.spec_from_file_location("fetch_gne_pages", REPO / "recipes" / "fetch_gne_pages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_selection_splits_sites_not_pages():
    rows = _recipe().read_selection()
    assert len(rows) == 44 and len({stem for stem, *_ in rows}) == 44
    sites = {}
    for stem, path, sha1, part in rows:
        assert part in ("heldout", "tune") and len(sha1) == 40 and path.endswith(".html")
        sites.setdefault(path.split("/")[1], set()).add(part)
    assert all(len(parts) == 1 for parts in sites.values()), "a site in both parts"
    per_part = Counter(next(iter(parts)) for parts in sites.values())
    assert per_part == {"heldout": 17, "tune": 17}
    assert max(Counter(path.split("/")[1] for _, path, _, _ in rows).values()) <= 2


def test_the_site_split_is_the_seeded_one():
    # the sdist is not here: the seed's shuffle of the 34 sites is redone over the selected paths
    # (which pages of a site were taken needs the whole sdist: recipes/fetch_gne_pages.py --select)
    recipe = _recipe()
    rows = recipe.read_selection()
    pages = {path: sha1.encode() for _, path, sha1, _ in rows}
    redrawn = {(stem, path, part) for stem, path, _, part in recipe.select(pages)}
    # select() hashes the bytes it is given; compare what does not depend on them
    assert redrawn == {(stem, path, part) for stem, path, _, part in rows}


@pytest.mark.parametrize("stem", [row[0] for row in _recipe().read_selection()])
def test_every_selected_page_has_a_valid_label_file(stem):
    data = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    assert data["doc"] == stem
    assert set(data) == {"doc", "source_note", "metadata", "boilerplate", "body_must_keep", "people", "statistics"}
    meta = data["metadata"]
    assert {"title", "source", "published_at", "published_precision", "authors", "editors", "script", "url"} <= set(meta)
    assert meta["published_precision"] in (None, "day", "minute", "second")
    assert isinstance(meta["authors"], list) and isinstance(meta["editors"], list)
    for table in ("people", "statistics"):
        assert set(data[table]) == {"required", "optional"}
    for claim in data["statistics"]["required"]:
        assert {"text", "value", "unit", "subject", "qualifier"} <= set(claim)
        assert isinstance(claim["value"], (int, float))
    for person in data["people"]["required"]:
        assert person["name"] and isinstance(person.get("titles", []), list)

"""Fetch (and select) a second set of saved HTML news pages, from other sites than
../shared/samples/html, for issue #15: the article pages that GeneralNewsExtractor ships as its test
fixtures in its PyPI source distribution.

    .venv/bin/python recipes/fetch_gne_pages.py            # writes data/gne/<stem>.html
    .venv/bin/python recipes/fetch_gne_pages.py --select   # (re)draws tests/gne/selection.tsv

Source: ``gne-0.4.3.tar.gz`` from PyPI (sha256 26ed77fc…; MIT licence, © GeneralNewsExtractor
authors). Its ``tests/`` and ``visiable_test/`` folders hold 70 article pages saved from 34 Chinese
sites (163, sina, ifeng, thepaper, toutiao, people, xinhuanet, huanqiu, guancha, WeChat, government
and university sites, …) as rendered in a browser. GNE was tuned on them; our pipeline never was.
The sdist is fetched from the package registry (the only network this project uses, and only by
this recipe, never at run time); the pages are not committed — ``tests/gne/selection.tsv`` records
each page's path in the sdist and the SHA-1 of its bytes, and this recipe refuses pages that differ.
Only our labels (``tests/gne/gold/<stem>.json``, by ../shared/gold/GUIDELINES.md) are committed.

How the pages were drawn (``--select``, 2026-12-05): the 34 sites are shuffled with
``random.Random(20261209)``; the first 17 are ``heldout`` (never read while writing or tuning rules,
only scored), the other 17 ``tune``. Splitting by site, not by page, keeps a held-out site's layout
unseen. At most two pages per site (the first two of a seeded shuffle of its pages) keep one site
from dominating.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SDIST = "gne-0.4.3.tar.gz"
SDIST_SHA256 = "26ed77fc2b96d5e9dd28b288ebfdeaf6bf7f034a92b8f75067c64eefffd0b4a9"
SELECTION = ROOT / "tests" / "gne" / "selection.tsv"
PAGES = ROOT / "data" / "gne"
CACHE = ROOT / "data" / "gne" / ".sdist"
SEED = 20261209
PER_SITE = 2


def _sdist() -> Path:
    """The pinned sdist, downloaded once into data/gne/.sdist and checked against its sha256."""
    path = CACHE / SDIST
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                        "--dest", str(CACHE), "gne==0.4.3"], check=True)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != SDIST_SHA256:
        raise SystemExit(f"{path}: sha256 {digest} is not the pinned {SDIST_SHA256}")
    return path


def _article_pages(tar: tarfile.TarFile) -> dict[str, bytes]:
    """sdist path (below gne-0.4.3/) → bytes of every article page (list pages left out)."""
    pages = {}
    for member in tar.getmembers():
        parts = member.name.split("/")
        if member.isfile() and len(parts) == 4 and parts[1] in ("tests", "visiable_test") and parts[3].endswith(".html"):
            pages["/".join(parts[1:])] = tar.extractfile(member).read()
    return pages


def _stem(path: str) -> str:
    folder, site, name = path.split("/")
    # visiable_test/cmse/1.html and tests/cmse/1.html are two pages: the first gets a "v"
    return f"{site}_{'v' if folder == 'visiable_test' else ''}{name.removesuffix('.html')}"


def select(pages: dict[str, bytes]) -> list[tuple[str, str, str, str]]:
    """(stem, sdist path, SHA-1, part) rows of the draw described in the module docstring."""
    rng = random.Random(SEED)
    by_site: dict[str, list[str]] = {}
    for path in sorted(pages):
        by_site.setdefault(path.split("/")[1], []).append(path)
    sites = sorted(by_site)
    rng.shuffle(sites)
    rows = []
    for rank, site in enumerate(sites):
        part = "heldout" if rank < len(sites) // 2 else "tune"
        chosen = list(by_site[site])
        rng.shuffle(chosen)
        for path in sorted(chosen[:PER_SITE]):
            rows.append((_stem(path), path, hashlib.sha1(pages[path]).hexdigest(), part))
    return sorted(rows)


def read_selection() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in SELECTION.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            stem, path, sha1, part = line.split("\t")
            rows.append((stem, path, sha1, part))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--select", action="store_true", help="(re)draw tests/gne/selection.tsv")
    args = parser.parse_args()
    with tarfile.open(_sdist()) as tar:
        pages = _article_pages(tar)
    if args.select:
        SELECTION.parent.mkdir(parents=True, exist_ok=True)
        lines = ["# GNE's test pages (recipes/fetch_gne_pages.py): random.Random(20261209) over sites, "
                 "17 held-out sites (never tuned on), 17 tune sites, <= 2 pages a site.",
                 "# stem\tsdist path\tsha1\tpart"]
        lines += ["\t".join(row) for row in select(pages)]
        SELECTION.write_text("\n".join(lines) + "\n", encoding="utf-8")
    PAGES.mkdir(parents=True, exist_ok=True)
    for stem, path, sha1, _part in read_selection():
        data = pages.get(path)
        if data is None or hashlib.sha1(data).hexdigest() != sha1:
            raise SystemExit(f"{path}: missing from {SDIST} or its bytes changed")
        (PAGES / f"{stem}.html").write_bytes(data)
    print(f"{len(read_selection())} pages in {PAGES.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

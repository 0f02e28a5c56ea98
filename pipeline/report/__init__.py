"""The report (issue #17): one self-contained HTML page over an output folder's tables.

Contract
--------
``write_report(OUTPUT, HTML=None)`` reads the committed tables of ``OUTPUT`` (``data.py``: one
generation, either layout), gathers the figures (``figures.py``), renders the page with its
charts (``charts.py``, inline SVG) and its own CJK font subset (``font.py``), and writes it to
``HTML`` (default ``OUTPUT/report.html``) through a temporary file and one rename, so a reader
never opens half a page. It returns a ``ReportFile``: where it went, its size, and the
characters of the page that the embedded font lacks (the command line warns about them; the page
is written all the same). ``python -m pipeline report --output DIR [--html FILE]`` calls it;
``make report`` runs it over data/processed.

Example
-------
>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> report = write_report(out)
>>> report.path == out / "report.html", report.missing, report.path.read_text(encoding="utf-8")[:15]
(True, '', '<!DOCTYPE html>')
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

REPORT_NAME = "report.html"


@dataclass(frozen=True)
class ReportFile:
    path: Path
    bytes: int
    glyph_bytes: int  # of the embedded font
    missing: str  # characters of the page the embedded font has no glyph for


def write_report(output_dir: os.PathLike | str, html_path: Optional[os.PathLike | str] = None) -> ReportFile:
    from .data import open_output
    from .figures import gather
    from .render import render

    output = open_output(Path(output_dir))
    page = render(gather(output))
    path = Path(html_path) if html_path is not None else Path(output_dir) / REPORT_NAME
    data = page.html.encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return ReportFile(path, len(data), len(page.font.woff2), page.font.missing)

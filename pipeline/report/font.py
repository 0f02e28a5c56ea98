"""The report's own font: Noto Sans SC cut down to the characters of the page, embedded as WOFF2.

Contract
--------
The report must show Chinese on a machine with no Chinese font, so it carries one. The source is
Noto Sans SC Regular 2.004 (Adobe / Google, SIL Open Font License 1.1: embedding and subsetting
are allowed; the licence travels in the font's own name table, which the subset keeps), shipped
by the PyPI package ``pylopdf-fonts-zh-cn`` (pinned in requirements.lock; nothing is downloaded at
run time). It covers 30,890 code points, all 20,976 of the unified CJK block among them, plus
Latin, digits and CJK punctuation.

``embed(text)`` → ``EmbeddedFont``: a ``@font-face`` rule for ``FAMILY`` whose ``src`` is a
``data:`` URL of a WOFF2 subset holding only the glyphs of ``text`` (fontTools' subsetter, layout
features and hinting dropped: the page needs neither), and ``missing``, the characters of
``text`` the font does not have. Those are not an error: the browser draws them with the
reader's own fonts, and the caller says so in a warning line. Control characters (line breaks)
are not looked up.

Example
-------
>>> font = embed("党员 20.1万名 𰀀")          # U+30000, CJK extension G: not in Noto Sans SC
>>> font.missing, font.css.startswith('@font-face{font-family:"ReportCJK";src:url(data:font/woff2;base64,')
('𰀀', True)
>>> sorted(covered(font.woff2) & set("党员万名0A"))    # no A: the text has none
['0', '万', '党', '名', '员']
"""
from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FAMILY = "ReportCJK"


@dataclass(frozen=True)
class EmbeddedFont:
    css: str  # the @font-face rule
    woff2: bytes
    missing: str  # the characters of the text the font has no glyph for, in code point order


def source_font() -> Path:
    """The full Noto Sans SC (OpenType/CFF) from the pinned PyPI package."""
    import pylopdf_fonts_zh_cn

    return pylopdf_fonts_zh_cn.sans_path()


@lru_cache(maxsize=1)
def _source_cmap() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(str(source_font()), lazy=True) as font:
        return frozenset(font.getBestCmap())


def embed(text: str) -> EmbeddedFont:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    chars = {c for c in text if c >= " "}
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = []  # no kerning or vertical forms: a horizontal report needs none
    options.hinting = False
    options.name_IDs = ["*"]  # keep the copyright and licence records (the OFL asks for them)
    options.notdef_outline = True
    font = TTFont(str(source_font()), lazy=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(chars)))
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.flavor = "woff2"
    font.save(buffer)
    font.close()
    woff2 = buffer.getvalue()
    data = base64.b64encode(woff2).decode("ascii")
    css = (f'@font-face{{font-family:"{FAMILY}";src:url(data:font/woff2;base64,{data}) format("woff2");'
           f"font-display:block}}")
    return EmbeddedFont(css, woff2, missing(text))


def missing(text: str) -> str:
    """The characters of ``text`` (control characters aside) the source font has no glyph for."""
    cmap = _source_cmap()
    return "".join(sorted({c for c in text if c >= " " and ord(c) not in cmap}))


def covered(font_bytes: bytes) -> set[str]:
    """The characters a font file (e.g. an embedded subset) has glyphs for."""
    from fontTools.ttLib import TTFont

    with TTFont(io.BytesIO(font_bytes)) as font:
        return {chr(c) for c in font.getBestCmap()}

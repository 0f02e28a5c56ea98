"""Line normalisation shared by the clean and metadata stages: markup remnants out, full-width
letters and digits to ASCII, pinyin annotations removed, spaces collapsed.

Contract
--------
``untag(text)`` drops tags (a block tag ends a line) and decodes entities, also those whose
``&``/``;`` a bad scrape lost (抗ldquo疫); ``normalise_line(line)`` gives one line as every stage
compares it; ``strip_pinyin(line)`` removes pinyin inserted after CJK characters.

>>> normalise_line("２０．１万名党员　投身一线 。")
'20.1万名党员 投身一线。'
>>> untag("<p>第一段</p><a href='x' title='" + "很长" * 200 + "'>链接</a>").split()
['第一段', '链接']
"""
from __future__ import annotations

import html
import re

from ..lexicons import lexicon
from .chars import CJK

_TONE_LETTERS = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ"

# Block-level tags (and the mojibake form "?/p>" where "<" was lost) end a line.
_BLOCK_TAG = re.compile(r"(?:<|\?)/?(?:p|br|div|li|tr|h[1-6])\b[^>]*>", re.I)
# a tag with long attributes (an aria-label of 300 characters) is still a tag
_ANY_TAG = re.compile(r"</?[A-Za-z][^<>]{0,4000}>")
# Entities whose "&" / ";" were lost by a bad scrape (抗ldquo疫) — only when not inside a Latin word.
_BARE_ENTITY_CHAR = {name: chr(int(code[2:], 16))
                     for name, code in lexicon("html_entity_remnants").mapping().items()}
_BARE_ENTITY = re.compile(rf"(?<![A-Za-z])&?({'|'.join(_BARE_ENTITY_CHAR)});?(?![a-z])")
# Full-width ASCII letters/digits and the ideographic space only; Chinese punctuation stays.
FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}
FULLWIDTH.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})
FULLWIDTH.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})
FULLWIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20,
                   0x200B: None, 0xFEFF: None, 0x200C: None, 0x200D: None})

# Pinyin after a CJK character: 產(chǎn), 黨(dang)␠, 國(guo)(guo); the trailing
# space belongs to the annotation style that pads with a blank.
_PINYIN = re.compile(rf"(?<=[{CJK}])(?:[(（][{_TONE_LETTERS}]{{1,7}}[1-5]?[)）])+")
# Toneless annotations are padded with one blank ("黨(dang) 旗"); toned ones are not,
# and a blank after them is a real separator ("中新網(wǎng) 點擊").
_PINYIN_PADDED = re.compile(rf"(?<=[{CJK}])(?:[(（][a-z]{{1,7}}[1-5]?[)）])+ ")
# An annotation cut off by the end of a truncated page: 作為(we
_PINYIN_CUT = re.compile(rf"(?<=[{CJK}])[(（][{_TONE_LETTERS}]{{1,6}}$")

_SPACES = re.compile(r"[ \t\r\f\v]+")
_PUNCT_CJK = "，。、；：？！“”‘’（）《》【】…—,.;:?!()"
# Spaces next to punctuation between CJK text are layout noise ("作用 。 楚雄").
_SPACE_AROUND_PUNCT = re.compile(rf"(?<=[{CJK}{re.escape(_PUNCT_CJK)}]) +(?=[{re.escape(_PUNCT_CJK)}])"
                                 rf"|(?<=[{re.escape(_PUNCT_CJK)}]) +(?=[{CJK}“‘（(《【])")


def strip_pinyin(line: str) -> str:
    """Remove pinyin annotations inserted after CJK characters.

    >>> strip_pinyin("中國共產(chǎn)黨讓黨(dang) 旗飄揚,一(yi)次(ci)(ci)大考(右三)(CCtalk)")
    '中國共產黨讓黨旗飄揚,一次大考(右三)(CCtalk)'
    """
    if "(" in line or "（" in line:  # cheap guard: most lines carry no annotation
        line = _PINYIN.sub("", _PINYIN_PADDED.sub("", line))
        if line[-1:].isascii() and line[-1:].isalpha():
            line = _PINYIN_CUT.sub("", line)
    return line


# Number punctuation: "２０．１" is a decimal, "５％" a percent sign — not Chinese punctuation.
_FULLWIDTH_DECIMAL = re.compile(r"(?<=\d)．(?=\d)")


def normalise_line(line: str, widths_done: bool = False) -> str:
    if not widths_done:
        line = line.translate(FULLWIDTH)
    if "．" in line:
        line = _FULLWIDTH_DECIMAL.sub(".", line)
    line = line.replace("％", "%")
    line = strip_pinyin(line)
    line = _SPACES.sub(" ", line).strip()
    return _SPACE_AROUND_PUNCT.sub("", line) if " " in line else line


def untag(text: str) -> str:
    text = _BLOCK_TAG.sub("\n", text)
    text = _ANY_TAG.sub("", text)
    text = html.unescape(text)
    if any(name in text for name in _BARE_ENTITY_CHAR):  # substring tests are far cheaper than the regex
        text = _BARE_ENTITY.sub(lambda m: _BARE_ENTITY_CHAR[m.group(1)], text)
    return text

"""Character classes of Chinese text, written once.

>>> cjk_count("共产党员 Party 20名"), bool(CJK_CHAR.match("黨"))
(5, True)
"""
from __future__ import annotations

import re

from pipeline.lexicons import lexicon

#: CJK ideographs (extension A, unified, compatibility), as a character-class body.
CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: The unified block only (U+4E00-U+9FFF), as a character-class body: the narrower class that
#: the entity rules were written with (names, titles, places).
HAN = r"\u4e00-\u9fff"
#: Extension A and the unified block (U+3400-U+9FFF): the class the claim grammar reads.
HAN_EXT = r"\u3400-\u9fff"

#: Opening and closing quotation marks of Chinese text (double, single, corner) and the ASCII one.
OPEN_QUOTES = "“‘「『\""
CLOSE_QUOTES = "”’」』\""
#: The closing double quotes (curly and corner) a quoted name ends with before the word it
#: qualifies (“世越”号, “人权观察”执行主席)
CLOSE_DOUBLE_QUOTES = "”」"
CJK_CHAR = re.compile(f"[{CJK}]")
#: The dots pages write for the name dot · (本尼・甘茨, 雪克来提•扎克尔) and never for anything
#: else (name_dot_variants.tsv, model_input = yes), each mapped to ·
NAME_DOTS = str.maketrans({c: "·" for c in lexicon("name_dot_variants").flagged("model_input")})
_NAME_DOT_CHARS = frozenset("·") | frozenset(lexicon("name_dot_variants").flagged("model_input"))


def has_name_dot(name: str) -> bool:
    """``name`` holds the name dot · or a dot pages write for it (本尼・甘茨).

    >>> has_name_dot("本尼・甘茨"), has_name_dot("李强")
    (True, False)
    """
    return not _NAME_DOT_CHARS.isdisjoint(name)
NON_CJK_RUN = re.compile(f"[^{CJK}]+")


def cjk_count(s: str) -> int:
    """Number of CJK ideographs in ``s``."""
    return len(NON_CJK_RUN.sub("", s))


def is_rare_for_prose(ch: str) -> bool:
    """``ch`` is in the private use area or CJK extension A (U+3400-U+4DBF): characters real
    prose hardly uses, but text decoded with the wrong codec is full of."""
    return "\ue000" <= ch <= "\uf8ff" or "\u3400" <= ch <= "\u4dbf"


def is_han(ch: str) -> bool:
    """``ch`` is in the unified block (U+4E00-U+9FFF)."""
    return "\u4e00" <= ch <= "\u9fff"

"""What the words around a figure say about its unit: a figure in 度 after a word of temperature is a
temperature (a claim), where 度 alone is an angle or a position; a figure in 公斤 or 千克 before 级 near a
sports word is a weight class (an event's name), no weight.

Contract: ``temperature(sh, s, e)`` and ``weight_class(sh, s, e, unit)`` on the shadow text ``sh`` and
the span ``[s, e)`` of a grammar match up to its unit; the words are lexicon files
(claim_temperature_words.tsv, claim_weight_class_cues.tsv), the windows settings.toml [claims]
(temperature_word_max_chars, weight_class_cue_max_chars). ``grammar._unit_fits`` reads them.

>>> sh = "北京气温骤降10度左右，样品倾斜45度角。"
>>> temperature(sh, 6, 9), temperature(sh, 17, 20)
(True, False)
>>> sh = "女子举重48公斤级决赛，载重500公斤级。"
>>> weight_class(sh, 4, 8, "公斤"), weight_class(sh, 13, 18, "公斤")
(True, False)
"""
from __future__ import annotations

from pipeline.settings import section

from . import words as W

#: Lengths from ``pipeline/settings.toml`` [claims], bound once per process.
_T = section("claims")

_WEIGHT_UNITS = ("公斤", "千克")
_CLASS = "级"
#: what ends a clause in a window before a figure
_CLAUSE_BREAKS = "，。；！？：,;!?:\n"
#: after 度, what makes it an angle whatever the words before (倾斜45度角)
_ANGLE = "角"


def temperature(sh: str, s: int, e: int) -> bool:
    """A word of temperature stands shortly before ``s`` in its clause (最高气温将在25度上下) and no
    角 follows the unit (室温下将样品倾斜45度角: an angle)."""
    window = sh[max(0, s - _T.temperature_word_max_chars):s]
    return W.TEMPERATURE_WORD_RE.search(window, _clause_start(window)) is not None and not sh.startswith(_ANGLE, e)


def weight_class(sh: str, s: int, e: int, unit: str) -> bool:
    """A figure in 公斤/千克 right before 级 with a sports word shortly before it in its clause or right
    after 级 (女子举重48公斤级, 53公斤级A组决赛); 500公斤级标准载重, a class of a thing, is none."""
    if unit not in _WEIGHT_UNITS or not sh.startswith(_CLASS, e):
        return False
    window = sh[max(0, s - _T.weight_class_cue_max_chars):s]
    return W.WEIGHT_CLASS_BEFORE_RE.search(window, _clause_start(window)) is not None \
        or sh.startswith(W.WEIGHT_CLASS_AFTER, e + len(_CLASS))


def _clause_start(window: str) -> int:
    """Where the last clause of ``window`` starts: after its last punctuation or line break."""
    return max(window.rfind(c) for c in _CLAUSE_BREAKS) + 1

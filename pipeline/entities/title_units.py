"""The unit a title opens with: 鑫港社区干部 → 鑫港社区 + 干部, 惩教署署长 → 惩教署 + 署长, and where a
dictionary noun runs across a cut (街道办|事处: no unit ends inside it).

Contract: functions of a title (or text and an offset) → (unit or None, the rest of the title);
``titles.py`` and ``affiliations.py`` decide whose the unit is. Heads and endings are lexicons read
through ``heads`` and ``name_words`` (org_heads.tsv, title_heads.tsv, place_suffixes.tsv).

>>> organization_in_title("鑫港社区干部"), organization_in_title("检验科主任")
(('鑫港社区', '干部'), (None, '检验科主任'))
"""
from __future__ import annotations

import re
from typing import Optional

from ..resources import jieba_module, jieba_word_tags
from ..text.chars import HAN
from .heads import COMPANY_WORDS, KNOWN_ORGANIZATIONS, TITLE_UNIT_ENDINGS
from .name_words import PLACE_SUFFIX_CHARS, TITLE_HEADS
from .organizations import is_generic_org

# words that open no unit before a title: an envoy's post (驻), a verb of leading or of charge (分管),
# an ordinal of office (首任律政司司长: the first to hold it)
_NO_UNIT_OPENERS = ("驻", "带领", "打开", "分管", "主管", "负责", "首任")


def verbal_word(word: str) -> bool:
    """A verb of two characters or more, by the dictionary's tag."""
    return len(word) >= 2 and jieba_word_tags().get(word, "")[:1] == "v"


# a unit's one-character head written again as the head of its chief's title (警务处处长, 惩教署署长,
# 北京天文馆馆长): the unit is everything up to the first of the two (title_heads.tsv: the heads X长)
# (not a place's: 和平区区长, 伊利诺伊州州长 are titles whole, a place being no body)
_DOUBLED_HEAD_CHARS = "".join(sorted({h[0] for h in TITLE_HEADS if len(h) == 2 and h[1] == "长"} - PLACE_SUFFIX_CHARS))
_DOUBLED_HEAD = re.compile(rf"^([{HAN}]{{2,}}([{_DOUBLED_HEAD_CHARS}]))(\2长)$")


def organization_in_title(title: str) -> tuple[Optional[str], str]:
    """Split the unit off the front of a title: (unit or None, remaining title).

    >>> organization_in_title("惩教署署长"), organization_in_title("代表团团长")
    (('惩教署', '署长'), (None, '代表团团长'))
    """
    tags = jieba_word_tags()
    if (doubled := _DOUBLED_HEAD.match(title)) and _names_a_unit(doubled.group(1), tags):
        return doubled.group(1), doubled.group(3)
    for cut in range(len(title) - 2, 1, -1):
        unit, rest = title[:cut], title[cut:]
        # (a company's name is a unit too: 暴风科技 + 董事长)
        if (unit.endswith(TITLE_UNIT_ENDINGS) or len(unit) >= 4 and unit.endswith(COMPANY_WORDS)) \
                and rest.endswith(TITLE_HEADS) \
                and rest not in ("委员", "员") and not unit.startswith(_NO_UNIT_OPENERS) \
                and not _noun_across(title, cut, tags):
            if _posted_to(unit):
                return None, title  # 叙利亚常驻联合国代表: the body they are posted to is not theirs
            return unit, rest
    return None, title


def _names_a_unit(unit: str, tags) -> bool:
    """``unit`` (before its head written again: 惩教署 + 署长) names one body: not a common noun of
    the dictionary (代表团, 疗养院: the article names which one elsewhere), not a task group (调查组 +
    组长: the person's body is the chain's other one), nothing a clause holds (调查组由…总局)."""
    return (len(unit) >= 4 or unit not in tags) and not unit.endswith("组") \
        and not unit.startswith(_NO_UNIT_OPENERS) and not is_generic_org(unit) \
        and not any(tags.get(w, "")[:1] == "p" or verbal_word(w) for w in jieba_module().cut(unit))


def _posted_to(unit: str) -> bool:
    """The unit ends with the body a person is posted to, after 驻 (常驻联合国, 驻欧盟): an envoy's
    own body is their country's (中国驻日本大使馆 is a body: its head follows the place)."""
    return any(c == "驻" and unit[k + 1:] in KNOWN_ORGANIZATIONS for k, c in enumerate(unit))


def _noun_across(title: str, cut: int, tags) -> bool:
    """A dictionary noun of three or more characters runs across ``cut`` (科技|馆, 街道办|事处):
    the unit does not end there."""
    return end_of_noun_across(title, cut, tags) is not None


def end_of_noun_across(text: str, cut: int, tags) -> Optional[int]:
    """End of the longest dictionary noun of three or more characters that runs across ``cut``; a
    noun ending in a title head (乡党委|书记: 党委书记) is the title, no unit."""
    ends = [b for a in range(max(0, cut - 3), cut) for b in range(cut + 1, min(len(text), cut + 3) + 1)
            if b - a >= 3 and tags.get(text[a:b], "")[:1] == "n" and not text[a:b].endswith(TITLE_HEADS)]
    return max(ends) if ends else None

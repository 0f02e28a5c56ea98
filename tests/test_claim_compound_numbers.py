"""A number written across both multipliers, 亿 then 万 (1亿5462万张, 两亿一千万亩), is one value
(claims/grammar.py ``_TEN_THOUSANDS_AFTER_YI`` and ``_numeral``). Until 2026-12-07 (ninth session) the
arabic form gave only its last group (5462万张 → 54,620,000, a wrong value in 325 sentences of the
unlabelled CCTV text) and the Chinese form gave no row. Sentences from the unlabelled CCTV corpus
(../shared/corpora/unlabelled) and the tuned-on tune20 and tune22 labels (超1亿2516万例)."""
from __future__ import annotations

import pytest

from pipeline.claims import extract_statistics


def rows(text):
    return [(c.text, c.value, c.unit, c.qualifier) for c in extract_statistics(text, [])]


@pytest.mark.parametrize("text, expected", [
    ("中国铁路总公司最新统计，截至今天凌晨，全国铁路累计发售火车票1亿5462万张，其中，通过12306网站发售的车票占比达到48%。",
     [("累计发售火车票1亿5462万张", 154_620_000.0, "张", None), ("48%", 48.0, "%", None)]),
    ("十二五以来，自治区共落实“兴边富民”行动项目资金9亿4185万元，发展特色产业、促进民族创业。",
     [("行动项目资金9亿4185万元", 941_850_000.0, "元", None)]),
    ("全球累计新冠肺炎确诊病例超1亿2516万例。",
     [("确诊病例超1亿2516万例", 125_160_000.0, "例", "more_than")]),
    ("全球新冠肺炎确诊病例超1亿959万例。", [("确诊病例超1亿959万例", 109_590_000.0, "例", "more_than")]),
    ("黑龙江全省粮食种植面积达到两亿一千万亩，比去年增加五百多万亩。",
     [("面积达到两亿一千万亩", 210_000_000.0, "亩", None), ("五百多万亩", 5_000_000.0, "亩", "more_than")]),
    ("涉案总金额约一亿一千万元。", [("总金额约一亿一千万元", 110_000_000.0, "元", "about")]),
    ("共投入3亿零500万元。", [("3亿零500万元", 305_000_000.0, "元", None)]),
    ("最终，美国珠宝商哈利·温斯顿公司以2670万美元、约合1亿6千万元人民币的价格，拍下这颗钻石，创下了无色钻石的新拍卖纪录。",
     [("2670万美元", 26_700_000.0, "美元", None), ("1亿6千万元", 160_000_000.0, "元", None)]),
])
def test_a_number_across_yi_and_wan_is_one_value(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    # one multiplier: as before
    ("该项目投资3亿元。", [("项目投资3亿元", 300_000_000.0, "元", None)]),
    ("1亿至1.5亿元", [("1亿至1.5亿元", 100_000_000.0, "元", "range"), ("1.5亿元", 150_000_000.0, "元", "range_max")]),
    ("有十二万三千人参加。", [("十二万三千人", 123_000.0, "人", None)]),
])
def test_a_number_with_one_multiplier_is_unchanged(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize("text", ["共有13亿5000人。", "总额达1.2亿3000万元。"])
def test_the_last_group_of_a_number_read_no_whole_is_no_row(text):
    """13亿5000人 (no 万) and 1.2亿3000万 (a decimal before 亿, which cn2an rejects) are not read
    whole: no row, rather than the last group's 5000 or 30,000,000 as the value."""
    assert rows(text) == []

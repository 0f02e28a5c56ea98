"""A figure in a clause that names no noun of its own is of the noun of the figure before it
(claims/extract.py ``_continues_the_topic``, 2026-12-07 ninth session, from the tuned-on sets' claims
with no subject: tune6 xwlb_48864, xwlb_41236, tune8 xwlb_40152); and the clauses that name another
set, or whose verb is one of their own, lend nothing. Sentences of the tuned-on sets and of the
unlabelled CCTV articles the rule was checked on (b<line>: the corpus line)."""
from __future__ import annotations

import pytest

from pipeline.claims import extract_statistics


def subjects(text):
    return [(c.text, c.subject) for c in extract_statistics(text, [])]


@pytest.mark.parametrize("text, expected", [
    # tune6 xwlb_48864: a length of time between lends no noun
    ("日本东京都今天报告新增病例4566例，连续四天超过4000例。",
     [("新增病例4566例", "新增病例"), ("四天", None), ("超过4000例", "新增病例")]),
    # tune6 xwlb_41236: the rate's clause goes on about the price
    ("截至当天收盘，纽约商品交易所5月交货的轻质原油期货价格下跌55.90美元，收于每桶-37.63美元。",
     [("轻质原油期货价格下跌55.90美元", "轻质原油期货价格"), ("-37.63美元", "轻质原油期货价格")]),
    # tune8 xwlb_40152: a change after a figure written with its currency (_CHANGE_OF_PREVIOUS)
    ("1月份，我国对外承包工程新签合同额1082.5亿元人民币，同比增长74.2%。",
     [("新签合同额1082.5亿元", "新签合同额"), ("74.2%", "新签合同额")]),
    # unlabelled CCTV: a comparison in another unit, the same unit with a linking word
    ("当月的社会融资规模达到1.29万亿元，比上年同期多出5038亿元，显示金融对实体经济的支持力度持续增强。",
     [("社会融资规模达到1.29万亿元", "社会融资规模"), ("5038亿元", "社会融资规模")]),
    ("库管员小李负责的这个仓库，现在每天出货两万多台平板电视，比半年前增加了一倍。",
     [("两万多台平板电视", "平板电视"), ("一倍", "平板电视")]),
    ("本土病例93例，含1例由无症状感染者转为确诊病例。", [("本土病例93例", "本土病例"), ("1例", "本土病例")]),
])
def test_a_clause_with_no_noun_goes_on_about_the_figure_before_it(text, expected):
    assert subjects(text) == expected


@pytest.mark.parametrize("text, figure", [
    # another set (另有, 共有), a verb of its own (挣了), a size (宽), a subject that is a verb (救出)
    ("搜救人员共在震区废墟下救出238人，另有2100人因无家可归暂住临时安置点。", "2100人"),
    ("本次国考计划招录2.78万人，共有139.46万人通过资格审查。", "139.46万人"),
    ("在攀枝花，罗兴华已经接到200多个订单，挣了10000多元。", "10000多元"),
    ("车坑长约33米，宽4米。", "4米"),
    # a share lends nothing to a change after it (the revenue grew, not the share)
    ("全年收入为预算的100.2%，比2013年增长7.1%。", "7.1%"),
    # a review of the change: a total, an average, a part, another dimension (unlabelled CCTV forms)
    ("全国当日新增确诊病例20例，累计达到8万例。", "8万例"),
    ("全国铁路累计发送旅客3亿人次，日均750万人次。", "750万人次"),
    ("现场共有男子12人，女子8人，一共20人。", "20人"),
    ("两条隧洞内径为7米，长为4250米。", "4250米"),
    ("规模以上工业增加值同比下降1.3%，降幅比一季度收窄7.1个百分点，其中二季度增长4.4%。", "4.4%"),
])
def test_a_clause_naming_another_set_or_with_its_own_verb_lends_nothing(text, figure):
    assert dict(subjects(text))[figure] is None

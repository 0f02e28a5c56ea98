"""Numeric claims in general news (issue #15): the forms the issue names, sentences from the saved
HTML pages that claim rules are tuned on (tests/html/split.tsv part ``tune``; never a ``heldout``
page) with exact expected rows, and properties that hold for any number written in these forms.
The table of real sentences is ``test_statistics_real.py``.

The gold conventions these follow (tests/html/gold): 万元/亿元 → 元; a count with no measure word
takes its counted noun as unit (900多万人口 → 人口) or "" when no noun follows (开价425万);
余/多/开外 → more_than, 接近 → nearly, 约莫/大概 → about.
"""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.claims import extract_statistics
from pipeline.claims.extract import significant_digits


def rows(text):
    return [(c.text, c.value, c.unit, c.subject, c.qualifier) for c in extract_statistics(text, [])]


# --------------------------------------------------------------------------- the issue's forms
# (real sentences with their exact rows: tests/test_statistics_real.py)


def test_the_forms_the_issue_names():
    """大约2000名, 20多万华商, 1万多单, 近50万, 3倍, 10公里, 320多万, 42种 (issue #15)."""
    found = {c.text: (c.value, c.unit, c.qualifier) for t in (
        "大约2000名游客在现场。", "海外有20多万华商。", "全年完成1万多单。", "累计接待游客近50万。",
        "出口增长了3倍。", "该线路全长10公里。", "全省320多万。", "目前共有42种药品。")
        for c in extract_statistics(t, [])}
    assert found == {
        "大约2000名游客": (2000.0, "名", "about"),
        "20多万华商": (200_000.0, "华商", "more_than"),
        "完成1万多单": (10_000.0, "单", "more_than"),
        "游客近50万": (500_000.0, "", "nearly"),
        "出口增长了3倍": (3.0, "倍", None),
        "线路全长10公里": (10.0, "公里", None),
        "320多万": (3_200_000.0, "", "more_than"),
        "42种药品": (42.0, "种", None),
    }


def test_a_frame_word_after_no_verb_is_no_claim():
    assert rows("9天来,这个卡点没有松懈。") == []
    assert rows("3天后，他回来了。") == []
    assert rows("一個多月前,北京新發疫情突至。") == []


def test_a_precise_figure_mentioned_again_is_one_claim_but_round_prices_are_not():
    text = "进出口总值13.81万亿元。外贸规模13.81万亿元。儿童票原价：449元\n老人票原价：449元"
    assert [(c.value, c.subject) for c in extract_statistics(text, [])] == [
        (13_810_000_000_000.0, "进出口总值"), (449.0, "儿童票原价"), (449.0, "老人票原价")]
    assert [significant_digits(v) for v in (13.81e12, 449.0, 9e6, 131132.5)] == [4, 3, 1, 7]


# --------------------------------------------------------------------------- properties

_NOUNS = ("华商", "人口", "记录", "游客", "群众", "用户")


@given(st.integers(min_value=1, max_value=9_999), st.integers(min_value=0, max_value=2),
       st.sampled_from([("万", 10**4), ("亿", 10**8), ("万亿", 10**12)]), st.sampled_from(["", "多", "余"]),
       st.sampled_from(_NOUNS), st.booleans())
@settings(max_examples=200, deadline=None)
def test_a_number_with_no_measure_word_counts_the_noun_after_it(digits, decimals, multiplier, more, noun,
                                                                 more_after):
    """N[多|余]万/亿/万亿[多|余] + noun: one claim, the exact product, the noun as subject and unit."""
    written = str(Decimal(digits).scaleb(-decimals))
    if more and "." in written and not more_after:
        return  # 1.5多万 is not written
    word, factor = multiplier
    text = f"全国共有{written}{word}{more}{noun}。" if more_after else f"全国共有{written}{more}{word}{noun}。"
    claims = extract_statistics(text, [])
    assert [(c.value, c.unit, c.subject, c.qualifier) for c in claims] == [
        (float(Decimal(written) * factor), noun, noun, "more_than" if more else None)], (text, claims)
    assert text[claims[0].start:claims[0].end] == claims[0].text


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["观光厅", "免费参观", "的办公室", "。", ""]))
@settings(max_examples=100, deadline=None)
def test_a_floor_is_never_a_count(n, after):
    """N层 is a count only before 楼/高 (30层楼); otherwise it is a floor (88层观光厅)."""
    assert rows(f"大厦{n}层{after}") == []
    assert [c.value for c in extract_statistics(f"高度接近{n}层楼。", [])] == [float(n)]


@given(st.integers(min_value=1, max_value=99), st.sampled_from(["天", "年", "个月", "小时"]),
       st.sampled_from(["后", "来", "以来"]), st.sampled_from(["", "据悉，", "同时，"]))
@settings(max_examples=150, deadline=None)
def test_a_time_frame_opening_a_clause_is_never_a_claim(n, unit, frame, lead):
    if frame == "以来" and unit != "年":
        frame = "来"
    assert rows(f"{lead}{n}{unit}{frame}，这个卡点没有松懈。") == []


@given(st.integers(min_value=1, max_value=9999), st.sampled_from(["余", "多"]), st.sampled_from(["斤", "元", "名"]))
@settings(max_examples=100, deadline=None)
def test_a_qualified_and_a_plain_mention_of_one_number_are_two_claims(n, more, unit):
    """20多斤 and 20斤 are two quantities, whatever the number (the gold counts both)."""
    text = f"一个月减了{n}{more}{unit}。后来又瘦了{n}{unit}。"
    assert [(c.value, c.qualifier) for c in extract_statistics(text, [])] == [
        (float(n), "more_than"), (float(n), None)]


def test_a_verb_after_a_bare_multiplier_is_no_counted_noun():
    # Boson boson_0693: 430万变成 had the unit and subject 变成
    assert rows("总兵力从430万变成127万。")[0] == ("430万", 4_300_000.0, "", None, None)


@given(st.integers(min_value=1, max_value=9999), st.sampled_from(["名党员", "块", "%"]))
@settings(max_examples=100, deadline=None)
def test_a_spaced_number_is_read_only_when_spaced_on_both_sides(n, unit):
    """共有 30 名党员 / 一共 30 块 (spaces around an arabic number); 共30 块 and 第 3 轮 are no claims."""
    assert [c.value for c in extract_statistics(f"共有 {n} {unit}。", [])] == [float(n)]
    assert rows(f"共有{n} {unit}。") == []
    assert rows(f"第 {n} 轮检测。") == []
    # a spaced plus between parts (gne wechat_1: 1200 万主摄 +6400 万长焦); glued, it is no spacing
    assert [c.value for c in extract_statistics(f"采用 {n} {unit} +{n + 1} {unit}。", [])] == [float(n), float(n + 1)]
    assert rows(f"采用+{n} {unit}。") == []


@given(st.integers(min_value=1, max_value=99), st.sampled_from(["的共产党员", "的老人", "时"]))
@settings(max_examples=100, deadline=None)
def test_an_age_of_a_person_is_never_a_claim_but_a_changed_limit_is(n, after):
    assert rows(f"社区{n}岁{after}积极参与。") == []
    assert [(c.value, c.subject) for c in extract_statistics(f"把退休年龄提高到{n}岁{after}。", [])] == [
        (float(n), "退休年龄")]


@given(st.integers(min_value=1, max_value=500), st.integers(min_value=1, max_value=500),
       st.sampled_from(["-", "至", "到", "~"]), st.sampled_from(["名党员", "斤", "%"]))
@settings(max_examples=150, deadline=None)
def test_a_range_gives_a_row_for_each_bound(low, more, sep, unit):
    """The gold counts both bounds of a range: 10-20名 → 10 (range, value_max 20) and 20 (range_max)."""
    high = low + more
    text = f"今年共组建{low}{sep}{high}{unit}。"
    claims = extract_statistics(text, [])
    assert [(c.value, c.value_max, c.qualifier) for c in claims] == [
        (float(low), float(high), "range"), (float(high), None, "range_max")], (text, claims)
    assert all(text[c.start:c.end] == c.text for c in claims)
    assert claims[1].text.startswith(str(high))


# ------------------------------------------------ units of the GNE tune pages (tests/gne/selection.tsv)

@pytest.mark.parametrize("text, expected", [
    # wechat_1: Latin units right after the number, or after a space
    ("电池容量为 4000mAh，支持 45W 快充。", [(4000.0, "mAh"), (45.0, "W")]),  # W+ (10W+阅读) writes 万: below
    # ednchina_1: watts, and the IPS/W of efficiency
    ("单路视频功耗2.8W，峰值能效达到500IPS/W。", [(2.8, "W"), (500.0, "IPS/W")]),
    ("120Hz 刷新率只能在 1080P 分辨率下运行。", [(120.0, "Hz")]),
    ("Galaxy S20 的屏幕尺寸为 6.2 英寸，重量只有 163 克。", [(6.2, "英寸"), (163.0, "克")]),
    # ednchina_1: milliseconds; sina_3: basis points and euros; qq_2: 成, 块钱
    ("端到端延时300ms。", [(300.0, "ms")]),
    ("美联储将再降息20个基点。", [(20.0, "个基点")]),
    ("欧洲央行每月购买约300亿欧元资产。", [(30_000_000_000.0, "欧元")]),
    ("超过6成企业的数据来自爬虫，每项10块钱。", [(6.0, "成"), (10.0, "块钱")]),
    # njxfhn_1: cases
    ("全市立电信网络诈骗案件1187宗，破案559宗。", [(1187.0, "宗"), (559.0, "宗")]),
    # xinhuanet_1: fractions, a share with no unit even before a noun (五分之一运力)
    ("法航取消四分之一的国内航班，铁路只能保证五分之一运力。", [(0.25, ""), (0.2, "")]),
])
def test_units_of_general_and_technology_news(text, expected):
    assert [(v, u) for _, v, u, _, _ in rows(text)] == expected


@pytest.mark.parametrize("text", ["三星发布 Galaxy S20 系列，支持5G网络和8K视频录制。", "LPDDR5 内存和 Exynos 990 处理器。",
                                  "欧盟27成员国领导人出席会议。", "2024首届论坛举行，文章获得10W+阅读。"])
def test_names_with_digits_stay_no_claims(text):
    assert rows(text) == []


def test_a_range_may_have_a_space_after_its_dash():
    """sina_3: 区间大概率在1.35- 2.7%之间 is one range (a space only after a dash, before a digit)."""
    assert [(c.value, c.value_max, c.qualifier) for c in extract_statistics("区间在1.35- 2.7%之间。", [])] == [
        (1.35, 2.7, "range"), (2.7, None, "range_max")]
    assert extract_statistics("2019- 2020年", []) == []


def test_fractions_read_as_shares_at_the_precision_of_a_millionth():
    """三分之一 is 0.333333, not 0.3333333333333333; 以上 qualifies it; 百分之 stays a percentage."""
    assert rows("三分之二以上的企业恢复生产，千分之五的样本，百分之三十的人。") == [
        ("三分之二以上", 0.666667, "", "企业", "more_than"), ("千分之五", 0.005, "", "样本", None),
        ("百分之三十", 30.0, "%", "人", None)]


def test_a_spaced_latin_unit_reaches_its_noun_and_a_spaced_number_its_topic():
    """25W 快充 → 快充; 屏幕为 6.2 英寸 → 屏幕 (wechat_1); the span never starts at a space."""
    assert rows("支持 25W 快充。") == [("25W", 25.0, "W", "快充", None)]
    assert rows("屏幕为 6.2 英寸。") == [("屏幕为 6.2 英寸", 6.2, "英寸", "屏幕", None)]
    assert rows("一共 30 块。") == [("30 块", 30.0, "块", None, None)]


def test_a_number_after_an_acronym_is_still_a_count():
    # NBA, CPU: an acronym is what the number counts or measures (Exynos 990 is a model)
    assert [(v, u) for _, v, u, _, _ in rows("NBA 30支球队参赛，CPU 3.2GHz主频。")] == [(30.0, "支"), (3.2, "GHz")]


@pytest.mark.parametrize("text, subject", [
    # guancha_2 (GNE tune page): the noun before a verb of change and its adverb
    ("但封测业增速回落到20%以下。", "封测业增速"),
    ("其中，芯片制造业增速最高达到25.6%。", "芯片制造业增速"),
])
def test_the_subject_before_a_verb_of_change(text, subject):
    assert [s for _, _, _, s, _ in rows(text)] == [subject]


@pytest.mark.parametrize("text, expected", [
    # ednchina_1: a year and a half; qq_qq: songs; shares and multiples in words (近三成, 一倍, 一半)
    ("这块芯片从设计到流片只用了一年半时间。", [("一年半", 1.5, "年")]),
    ("两天半就完成了。", [("两天半", 2.5, "天")]),
    ("他们采风积累出的新儿歌有一千余首。", [("新儿歌有一千余首", 1000.0, "首")]),
    ("近三成企业恢复生产，出口增长了一倍。", [("近三成企业", 3.0, "成"), ("出口增长了一倍", 1.0, "倍")]),
    ("公交发车频次仅为平日的一半。", [("一半", 0.5, "")]),
    ("出生率为3‰。", [("出生率为3‰", 3.0, "‰")]),
])
def test_halves_shares_and_songs(text, expected):
    assert [(c.text, c.value, c.unit) for c in extract_statistics(text, [])] == expected


@pytest.mark.parametrize("text", [
    "上半年，全国GDP同比增长。", "下半场比赛开始了。", "2024首届论坛举行。", "他首次出席，3首次发布。",
    "三成店村工作队捐赠抗议物资。", "他的另一半也来了。"])
def test_halves_of_periods_first_times_and_names_are_no_claims(text):
    assert extract_statistics(text, []) == []


# ------------------------------------------------ found by the review of 2026-12-06 night

@pytest.mark.parametrize("text, expected", [
    # a share's noun ends before the clause's verb
    ("全球一半以上人口生活在城市。", [("一半以上人口", 0.5, "", "人口", "more_than")]),
    ("近一半受访企业表示订单增加。", [("近一半受访企业", 0.5, "", "受访企业", "nearly")]),
    # 一半 as a half of something, not a figure
    ("房间里一半是书，一半是杂物。", []), ("他吃了一半就走了。", []),
    ("成本减少了一半。", [("成本减少了一半", 0.5, "", "成本", None)]),
    # government-work-report phrasing: the topic before 控制在 / 稳定在
    ("居民消费价格涨幅控制在3%左右。", [("3%左右", 3.0, "%", "居民消费价格涨幅", "about")]),
    ("粮食播种面积稳定在17.7亿亩以上。", [("17.7亿亩以上", 1_770_000_000.0, "亩", "粮食播种面积", "more_than")]),
    # 一年半载 is no 1.5 years, 半价 no half day
    ("用一年半载的时间就能完成。", []), ("连续3天半价促销。", [("3天", 3.0, "天", "半价促销", None)]),
])
def test_review_findings_on_shares_halves_and_topics(text, expected):
    assert rows(text) == expected


# ------------------------------------------------ deadlines and limits (GNE tune sxmu_1, html tune 40_bbc)

@pytest.mark.parametrize("text, expected", [
    # a length of time before 内 / 以内 is a deadline, a claim even in a small word numeral
    ("应当在一个月内补充调查完毕。", [("一个月", 1.0, "个月", "补充调查完毕", None)]),
    ("复核机关应当在二个月内作出复核决定。", [("二个月", 2.0, "个月", "作出复核决定", None)]),
    ("辞职、退休三年内不得从事相关工作。", [("三年", 3.0, "年", "辞职退休", None)]),
    ("强调承诺将在两周内解决问题。", [("两周", 2.0, "周", "解决问题", None)]),
    ("应当在查明后三日内解除冻结。", [("三日", 3.0, "日", None, None)]),
    # a limit prefix makes it a claim too (the activity: 时间 is a duration tail word); the modal
    # 不得 is no subject, its negation makes the limit an upper one
    ("留置时间超过三个月。", [("超过三个月", 3.0, "个月", "留置", "more_than")]),
    ("每次不得超过三个月。", [("不得超过三个月", 3.0, "个月", None, "less_than")]),
    # the activity after 内, never the 内 itself (arabic numbers were read so before)
    ("全市在48小时内完成核酸检测。", [("48小时", 48.0, "小时", "完成核酸检测", None)]),
])
def test_deadlines_in_word_numerals_are_claims(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize("text", [
    "12月3日内蒙古自治区召开会议。",  # 内蒙古: a date before the province
    "他三日内瓦解了敌军的防线。",  # 内瓦 of 瓦解 … and 日内瓦 (Geneva) is no deadline
    "5月三日内完成报名。",  # a date in words
    "三个月以来，我们走访了各村。", "近三年，全县发展迅速。", "两个孩子在玩耍。",
])
def test_small_word_durations_without_a_limit_stay_no_claims(text):
    assert extract_statistics(text, []) == []


# ------------------------------------------------ specifications (GNE tune wechat_1)

@pytest.mark.parametrize("text, expected", [
    # values joined by × / + share the Latin unit written after the last one
    ("机身尺寸为 69.1×151.7×7.9mm。", [(69.1, "mm"), (151.7, "mm"), (7.9, "mm")]),
    ("12/16GB 运存", [(12.0, "GB"), (16.0, "GB")]),
    # a value written with its own unit is the grammar's claim, once
    ("提供 12GB+128/256/512GB 版本", [(12.0, "GB"), (128.0, "GB"), (256.0, "GB"), (512.0, "GB")]),
    ("配备 8GB+1TB 存储", [(8.0, "GB"), (1.0, "TB")]),
    # a model's number before + is no value (LPDDR4)
    ("存储为 8GB LPDDR4+256GB。", [(8.0, "GB"), (256.0, "GB")]),
    # pages that space out numbers write a space before the multiplier too
    ("前置 1000 万像素摄像头。", [(10_000_000.0, "像素")]),
    ("共1000 万元", []),  # no space before the number: the space is no pangu spacing
    ("比分为 3/4。", []),
])
def test_specification_values_share_their_unit(text, expected):
    assert [(c.value, c.unit) for c in extract_statistics(text, [])] == expected


@pytest.mark.parametrize("text, expected", [
    # GNE tune wechat_1: an amount converted to another currency is the first amount's, converted
    ("投资额为1.2亿美元（约合人民币8.3亿元）。",
     [("投资额为1.2亿美元", 120_000_000.0, "美元", "投资额", None), ("8.3亿元", 830_000_000.0, "元", "投资额", "about")]),
    ("总价为500万欧元，折合人民币3900万元。",
     [("总价为500万欧元", 5_000_000.0, "欧元", "总价", None), ("3900万元", 39_000_000.0, "元", "总价", None)]),
])
def test_a_converted_amount_takes_the_subject_of_the_amount_before_it(text, expected):
    assert rows(text) == expected


# ------------------------------------------------ the claims of the sixth tune set (tests/tune6/claims)

@pytest.mark.parametrize("text, expected", [
    ("5月交货的原油期货价格跌至每桶-37.63美元。", [(-37.63, "美元", None)]),  # a minus before the number
    ("一季度增长-3%。", [(-3.0, "%", None)]),
    ("河北近七成半。", [(7.5, "成", "nearly")]),  # 成 + 半
    ("全国3000多部作品参展，20集大型纪录片播出。", [(3000.0, "部", "more_than"), (20.0, "集", None)]),
    ("963.4万生活困难残疾人得到最低生活保障。", [(9_634_000.0, "残疾人", None)]),
])
def test_tune6_claim_forms(text, expected):
    assert [(c.value, c.unit, c.qualifier) for c in extract_statistics(text, [])] == expected


@pytest.mark.parametrize("text", [
    "中非建交50周年。", "他3周岁了。",  # an anniversary and an age, no weeks
    "国务院3部门联合发文。", "第80集团军。", "同盾科技2016年-2018年的营业收入。",  # a year range, no minus
])
def test_tune6_no_claims(text):
    assert extract_statistics(text, []) == []


def test_a_change_after_a_comparison_is_the_previous_figures():
    # tests/tune6/claims xwlb_49650: 比上年增加…，增长… (claim_change_adverbs.tsv comparisons)
    assert rows("全国研发经费投入总量突破2.4万亿元，比上年增加2249.5亿元，增长10.2%。")[1:] == [
        ("2249.5亿元", 224_950_000_000.0, "元", "总量", None), ("10.2%", 10.2, "%", "总量", None)]
    # the time before a share's noun is no part of it (占同期全国进出口总值的20%)
    assert rows("广东外贸进出口3.21万亿元，占同期全国进出口总值的20%。")[1][3] == "进出口总值"


@pytest.mark.parametrize("text, expected", [
    # found by the review of 2026-12-06 morning: a range's second end is no negative value
    ("该岗位年薪30万元-50万元。", [(300_000.0, "元"), (500_000.0, "元")]),
    ("气温降至-5℃。", [(-5.0, "℃")]),
    ("调查显示，超过七成年轻人愿意在家乡就业。", [(7.0, "成")]),  # 成年 only after 万/亿
    ("全国七成半导体企业集中在长三角。", []),  # 半导体, no 七成半
    ("全县现有15集贸市场。", []),
    ("近三年内地居民来访。", []),  # 内地, no deadline
])
def test_review_findings_claims(text, expected):
    assert [(c.value, c.unit) for c in extract_statistics(text, [])] == expected


# ------------------------------------------------ the claims of the seventh tune set (tests/tune7/claims)

@pytest.mark.parametrize("text, expected", [
    ("一个6斤半的婴儿顺利出生。", [(6.5, "斤", None)]),  # xwlb_40425: claim_units.tsv half_after
    ("花了一年半时间。", [(1.5, "年", None)]),
    ("各级应急管理部门共检查零售店（点）10万家次。", [(100_000.0, "家次", None)]),  # xwlb_46164
    ("目前，数量仅存1000头左右。", [(1000.0, "头", "about")]),
    ("今年他盖了130平米的新房。", [(130.0, "平米", None)]),  # xwlb_42914
    ("应当在二十四小时以内通知家属。", [(24.0, "小时", None)]),  # a phrase that is the whole quantity
])
def test_tune7_claim_forms(text, expected):
    # (one-character subjects: claim_one_char_subjects.tsv; a currency after the unit is no noun)
    assert [(c.value, c.unit, c.qualifier) for c in extract_statistics(text, [])] == expected


@pytest.mark.parametrize("text", [
    "这里十年九旱。", "这是百年大计。", "十年磨一剑。",  # set phrases of jieba's dictionary (i, l)
    "他登上了头条新闻。",
])
def test_tune7_no_claims(text):
    assert extract_statistics(text, []) == []


def test_tune7_subjects():
    # xwlb_39562, xwlb_42914: a division word alone is what is counted (claim_one_char_subjects.tsv)
    assert [(c.text, c.subject) for c in extract_statistics("我国13个省（区、市）累计报告病例。全乡19个村都是贫困村。", [])] == [
        ("13个省", "省"), ("19个村", "村")]
    # xwlb_40264, xwlb_41248: the currency after 元 belongs to the unit, the noun comes after it
    assert [c.subject for c in extract_statistics("中国债券市场存量规模达100.4万亿元人民币。", [])] == ["中国债券市场存量规模"]
    assert [c.subject for c in extract_statistics("签下超200亿元人民币订单。", [])] == ["订单"]



def test_figures_after_a_distributive_word_go_one_to_each_listed_item():
    # tuned-on HTML 37_toutiao: 分别 (claim_predicate_words.tsv kind distributive)
    assert [(c.text, c.subject) for c in extract_statistics(
        "其中出口额和进口额分别提升8.9个百分点和10.2个百分点，彰显较强韧性。", [])] == [
        ("出口额和进口额分别提升8.9个百分点", "出口额"), ("10.2个百分点", "进口额")]
    # one word (进出口) is one item; without 分别 the figures stay the list's
    assert [c.subject for c in extract_statistics("进出口分别增长8%和4.4%。", [])] == ["进出口", "进出口"]


@pytest.mark.parametrize("text, subject", [
    ("由近60万个零部件组成。", "零部件"),  # 18_southcn: jieba tags 零部件 mq (claim_segmenter_nouns.tsv)
    ("骚乱造成21名警察受伤。", "警察"),  # sweep 17 xwlb_20517: jieba tags 警察 v (was 造成)
    ("目前，N95医用口罩的日产量达到32.4万只。", "日产量"),  # sweep 18 xwlb_49553: 日产 + 量 is no rate marker
    ("长庆油田日产气量攀上1.3亿立方米。", "长庆油田日产气量"),  # sweep 18 xwlb_50622: 攀上 (claim_predicate_words.tsv)
    ("统调电厂日均供煤连续突破800万吨。", "统调电厂日均供煤"),  # sweep 18 xwlb_40891: 连续, an adjective to jieba
    ("建成后，两地通行时间将缩短至1小时。", "两地通行时间"),  # sweep 18 xwlb_46809
    ("2022年全国硕士研究生招生考试457万名考生报名参加。", "考生"),  # CCTV xwlb_51174 (was none)
    ("贾玲瘦了100斤。", "贾玲"),  # 36_39: a one-character verb of change with 了 (claim_change_verbs.tsv)
    ("猪肉价格涨了3%。", "猪肉价格"),
])
def test_html_tune_subjects(text, subject):
    assert [c.subject for c in extract_statistics(text, [])] == [subject]


@pytest.mark.parametrize("text, expected", [
    ("沙特将每日原油出口量从1000万桶提升至1060万桶。", [(1e7, "桶", "原油出口量"), (1.06e7, "桶", "原油出口量")]),  # sweep 18
    ("运输货物超10000标箱。", [(1e4, "标箱", "运输货物")]),  # CCTV xwlb_53440
    ("天安门广场鸣放21响礼炮。", [(21.0, "响", "礼炮")]),  # CCTV xwlb_58214
    ("该片票房突破10亿元，工人三班倒工作。", [(1e9, "元", "票房")]),  # 票房, 三班倒: no 票 or 班 unit
    # a review of this day's claim rules on 2012-2019 CCTV text
    # no 元: the currency is the unit (claim_units.tsv since sweep 41), what it pays for the subject
    ("融资20亿港币。", [(2e9, "港币", "融资")]),
    ("出口200吨半成品。", [(200.0, "吨", "半成品")]),  # 半 opens a word after 吨
    ("退耕还林工程十几年来，成效明显。", [(10.0, "年", "退耕还林工程")]),  # 十几年来: only 来 past it
    ("接连4头牛死亡。", [(4.0, "头", "牛")]),
])
def test_review_claims_of_2026_12_06_day(text, expected):
    assert [(c.value, c.unit, c.subject) for c in extract_statistics(text, [])] == expected



@pytest.mark.parametrize("text", [
    "为实现“两个一百年”奋斗目标而努力。",  # a slogan (claim_slogans.tsv), swept CCTV text
    "2月8日元宵节当天，游客如织。",  # a date, then 元宵节: no 8 yen
])
def test_sweep_no_claims(text):
    assert extract_statistics(text, []) == []


@pytest.mark.parametrize("text, expected", [
    # a sweep of unlabelled CCTV articles (2020-2022, outside every evaluation set), 2026-12-06
    # afternoon: units a number lost (claim_units.tsv) ...
    ("煤电机组容量超55万千瓦。", [("煤电机组容量超55万千瓦", 550_000.0, "千瓦", "煤电机组容量", "more_than")]),
    ("全省造林677万公顷。", [("造林677万公顷", 6_770_000.0, "公顷", "造林", None)]),
    ("山东613万株花卉。", [("613万株花卉", 6_130_000.0, "株", "花卉", None)]),
    ("共有300万羽家禽。", [("300万羽家禽", 3_000_000.0, "羽", "家禽", None)]),
    # ... a noun after the unit that opens with a stop character (中 上 里 都) ...
    ("共有5名中国公民受伤。", [("5名中国公民", 5.0, "名", "中国公民", None)]),
    ("帮助100家中小企业。", [("100家中小企业", 100.0, "家", "中小企业", None)]),
    ("有3家上市公司。", [("3家上市公司", 3.0, "家", "上市公司", None)]),
    ("放流1万尾中华鲟。", [("1万尾中华鲟", 10_000.0, "尾", "中华鲟", None)]),
    # ... and a verb after the counted noun, its predicate, not part of it
    ("3万余名医务人员驰援湖北。", [("3万余名医务人员", 30_000.0, "名", "医务人员", "more_than")]),
    ("192家企业获得投资。", [("192家企业", 192.0, "家", "企业", None)]),
])
def test_sweep_claims_of_2026_12_06_afternoon(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize("text, subject", [
    ("紧急调配了公司几十台核酸扩增检测仪。", "核酸扩增检测仪"),  # a verb before a common noun: a compound
    ("株洲3株病毒。", "病毒"),  # 株 before 洲 is no unit
    ("3人在医院。", None),  # 在 after the unit is a preposition, not the start of a noun
])
def test_stop_characters_and_compounds_after_the_unit(text, subject):
    assert [c.subject for c in extract_statistics(text, [])][-1:] == [subject]


@pytest.mark.parametrize("text, subjects", [
    # the tuned-on sixth tune set (tests/tune6/claims): a change "from" one figure "to" another is
    # the change of the noun before 从 / 由 (xwlb_54445, xwlb_52489) ...
    ("湖南地区生产总值从2.2万亿增加到4.6万亿元。", ["湖南地区生产总值", "湖南地区生产总值"]),
    ("实际税负由10%降至5%。", ["实际税负", "实际税负"]),
    ("进出口总额从2012年的219亿元增加到5988亿元。", ["进出口总额", "进出口总额"]),
    ("月租从100元到150元不等。", [None, None]),  # a range that varies, no change: no subject
    # ... and a verb of change, a time word or a comparison link a topic to its number
    ("价格也大幅下跌18.37%。", ["价格"]),  # xwlb_41236
    ("文化志愿者团队现在已经达到了1950支。", ["文化志愿者团队"]),  # xwlb_43391
    ("人均收入达到15660元，比2012年增长了15倍。", ["人均收入", "人均收入"]),  # xwlb_49621
    ("收入1.2万亿元，比2019年同期增长6.9%。", ["收入", "收入"]),  # xwlb_51038
])
def test_tune6_subjects_of_changes(text, subjects):
    assert [c.subject for c in extract_statistics(text, [])] == subjects


@pytest.mark.parametrize("text, expected", [
    # the same sweep (afternoon): 度, 升, 门 are units, not the start of the noun ...
    ("60亿度清洁水电。", [("60亿度清洁水电", 6e9, "度", "清洁水电", None)]),
    ("近48万升原油。", [("近48万升原油", 480_000.0, "升", "原油", "nearly")]),
    ("2.4万门优质课程。", [("2.4万门优质课程", 24_000.0, "门", "优质课程", None)]),
    # ... and after 万 or 亿 a unit character that opens the noun leaves the number without one
    ("支付200万款项。", [("200万款项", 2_000_000.0, "款项", "款项", None)]),
    # (成年 is a time word to the dictionary: before a noun it modifies it, 2026-12-06 later session)
    ("有300万成年残疾人。", [("300万成年残疾人", 3_000_000.0, "残疾人", "成年残疾人", None)]),
])
def test_sweep_units_of_2026_12_06_afternoon(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize("text", ["他一度成为焦点。", "三度获得冠军。", "2020年度报告。", "欧盟27成员国。"])
def test_no_claim_from_unit_characters_of_words(text):
    assert rows(text) == []


@pytest.mark.parametrize("text, subjects", [
    # a subject too long for the column keeps whole words (never 份全国城镇调查失业率) ...
    ("5月份全国城镇调查失业率为5.7%。", ["城镇调查失业率"]),  # (全国 and 月份 stripped)
    ("长三角地区国内生产总值达到24万亿元。", ["地区国内生产总值"]),
    # ... the end of a date opens no subject (claim_lead_strips.tsv: 月份)
    ("1—5月份城市轨道车辆产量增长10%。", ["城市轨道车辆产量"]),
    # ... and a comparison with a month, or 恢复至, links the topic to its number (tests/tune7 xwlb_41248)
    ("国内民航日均运输旅客已经恢复至53.09万人次，比3月份增长了15.8%。",
     ["国内民航日均运输旅客", "国内民航日均运输旅客"]),
])
def test_subjects_whole_words_dates_and_comparisons(text, subjects):
    assert [c.subject for c in extract_statistics(text, [])] == subjects


def test_a_half_after_a_range_goes_with_its_upper_bound():
    # a sweep of unlabelled CCTV articles: 为期3到4个半月 read 3.5 and 4 months
    assert [(c.value, c.qualifier) for c in extract_statistics("为期3到4个半月。", [])] == \
        [(3.0, "range"), (4.5, "range_max")]


@pytest.mark.parametrize("text, subjects", [
    # the tuned-on GNE pages (tests/gne/gold): the top of a range written with its unit twice takes
    # the subject of the bottom (qq_2, sina_3) ...
    ("数据成本普遍在2元—10元之间。", ["数据成本", "数据成本"]),
    ("收益率可能在1.125%至1.625%之间。", ["收益率", "收益率"]),
    # ... an adverb or adjective after the noun is the predicate's (guancha_guancha) ...
    ("工人工资一般只有100美元左右。", ["工人工资"]),
    # ... and a verb of thinking or saying ends the counted noun (claim_stop_words.tsv)
    ("在深圳证券交易所，60%投资者认为贸易战会长期持续。", ["投资者"]),
])
def test_gne_tune_subjects_of_ranges_adverbs_and_speech(text, subjects):
    assert [c.subject for c in extract_statistics(text, [])] == subjects


@pytest.mark.parametrize("text, expected", [
    # an approximate pair before a power (the GNE tune page guancha_guancha: 五六千元人民币)
    ("工资每月五六千元人民币。", [(5000.0, 6000.0, "about")]),
    ("来了三四十人。", [(30.0, 40.0, "about")]),
    ("花了两三千元。", [(2000.0, 3000.0, "about")]),
])
def test_approximate_pairs_before_a_power(text, expected):
    assert [(c.value, c.value_max, c.qualifier) for c in extract_statistics(text, [])] == expected


@pytest.mark.parametrize("text, expected", [
    # a review of the day's claim rules on 2012-2019 CCTV text: 度 only after 万 or 亿, or after
    # 零下 / 零上 (a temperature, negative below zero) ...
    ("零下25度到零上40度之间的环境。", [("环境", -25.0), ("环境", 40.0)]),
    ("180度转倒飞。", []),
    # ... a subject after the unit keeps whole words ...
    ("30尾国家一级保护动物中华鲟。", [("国家一级保护动物", 30.0)]),
    # ... after a length of time the clause goes on (no activity 中国队) ...
    ("这3天中国队共获得5枚金牌。", [(None, 3.0), ("金牌", 5.0)]),
    # ... a verb before a common noun or a word the dictionary calls a name is a compound ...
    ("第三十五、三十六颗北斗导航卫星。", [("北斗导航卫星", 36.0)]),
    ("198米的直线跨越塔基。", [("直线跨越塔基", 198.0)]),
    # ... the figure a change starts from takes the noun before 由 even when a verb follows it ...
    ("贷款利率由4.35%下调至3.85%。", [("贷款利率", 4.35), ("贷款利率", 3.85)]),
    # ... and a change after a share is not the share's
    ("收入64493.45亿元，为预算的100.2%，比2013年增长7.1%。",
     [("收入", 6_449_345_000_000.0), ("预算", 100.2), (None, 7.1)]),
])
def test_review_claims_of_2026_12_06_afternoon(text, expected):
    assert [(c.subject, c.value) for c in extract_statistics(text, [])] == expected


@pytest.mark.parametrize("text, expected", [
    # the third sweep: rainfall and snow depth (毫米, 厘米) and 个亿 for 亿
    ("降雨量达50.6毫米。", [(50.6, "毫米")]),
    ("积雪深度就达10厘米。", [(10.0, "厘米")]),
    ("投资8.8个亿。", [(880_000_000.0, "")]),
])
def test_third_sweep_units(text, expected):
    assert [(c.value, c.unit) for c in extract_statistics(text, [])] == expected


@pytest.mark.parametrize("text, expected", [
    # the third sweep: 州 as a one-character subject, 台套, and the end of a change written with its year
    ("美国50个州中有30个州都报告了新增病例。", [("州", 50.0), ("州", 30.0)]),
    ("广东地区生产总值从5.7万亿元增长到2021年的12.4万亿元。",
     [("广东地区生产总值", 5.7e12), ("广东地区生产总值", 1.24e13)]),
    ("100多台套各类机械设备。", [("机械设备", 100.0)]),  # (各类 says nothing of what is counted: sweep 39)
])
def test_third_sweep_subjects(text, expected):
    assert [(c.subject, c.value) for c in extract_statistics(text, [])] == expected


def test_spoken_ge_yi_takes_no_noun_after_it():
    # a second review: 拿出1000个亿用于职工的安置 took 职工 as the unit
    assert [(c.value, c.unit) for c in extract_statistics("中央财政将拿出1000个亿用于职工的安置。", [])] == \
        [(100_000_000_000.0, "")]


@pytest.mark.parametrize("text, expected", [
    # claims sweep 10 (unlabelled CCTV articles, 2026-12-06 night): the noun before a comparison
    # and a verb of change, an adverb before the verb, a change after a change of the same noun
    ("在线餐饮销售额比去年春节同期增长48.5%。", [("餐饮销售额", 48.5)]),
    ("中小企业复工率已达到76%。", [("中小企业复工率", 76.0)]),
    ("猪肉平均价格比前一周下降1.3%，同比下降19.9%。", [("猪肉平均价格", 1.3), ("猪肉平均价格", 19.9)]),
    # ... but not a word opening with 比, nor a share before a change
    ("比亚迪销量同比增长30%。", [("比亚迪销量", 30.0)]),
    ("一般公共预算收入为预算的100.2%，比2013年增长7.1%。", [("预算", 100.2), (None, 7.1)]),
    # a time word or an adverb after the unit is no counted noun
    ("江苏的三支医疗队一共350人今天下午返回。", [("医疗队", 350.0)]),
    # ... and it ends the noun written before it (sweep 20, xwlb_57802: 公务员当地时间)
    ("英国约10万名公务员当地时间1日举行罢工。", [("公务员", 100_000.0)]),
    ("支援湖北的医疗队2100多人继续有序撤离。", [("医疗队", 2100.0)]),
    ("广东1300多万亩早稻基本收割完成。", [("早稻", 13_000_000.0)]),
])
def test_claims_sweep_subjects(text, expected):
    assert [(c.subject, c.value) for c in extract_statistics(text, [])] == expected


@pytest.mark.parametrize("text, expected", [
    # claims sweeps 8 and 9: which count a case number is stays in its subject (a day's new
    # cases were read as the total: claim_count_kinds.tsv)
    ("美国单日新增确诊病例超过20万例。", [("单日新增确诊病例", 200_000.0)]),
    ("累计确诊病例达到1000例。", [("累计确诊病例", 1000.0)]),
    ("发放口罩2万只。", [("口罩", 20_000.0)]),
])
def test_the_kind_of_count_stays_in_the_subject(text, expected):
    assert [(c.subject, c.value) for c in extract_statistics(text, [])] == expected


@pytest.mark.parametrize("text, expected", [
    # sweep 22: nouns joined by 和/与 are counted together, and end the phrase
    ("来自147个国家和地区的企业参展。", [("国家和地区", 147.0)]),
    ("保障着5000名医护人员和患者的医疗救治。", [("医护人员和患者", 5000.0)]),
    ("截至目前，已有123个国家和地区累计向世卫组织报告确诊病例。", [("国家和地区", 123.0)]),
    # a word that opens with a stop character modifies the noun after it (就业岗位: 就 is no adverb)
    ("项目将提供超过千万个就业岗位。", [("就业岗位", 10_000_000.0)]),
])
def test_joined_and_modified_nouns_after_the_unit(text, expected):
    assert [(c.subject, c.value) for c in extract_statistics(text, [])] == expected


@pytest.mark.parametrize("text, expected", [
    # sweeps 20, 22, 24: the scale of an earthquake or a wind is a claim (as tune6's labels write
    # 8—10级大风); a rank is none
    ("新疆且末县发生5.8级地震，福建中南部沿海今天出现9级大风。", [("级", 5.8), ("级", 9.0)]),
    ("启动一级响应，三级医疗机构全部开放。", []),
    # the seconds of a game clock or a race time, and a year of an era, are no lengths
    ("首节还有6分20秒时，易建联上篮得分。", []),
    ("古罗马斗兽场修建于公元72年。", []),
])
def test_scales_clocks_and_eras(text, expected):
    assert [(c.unit, c.value) for c in extract_statistics(text, [])] == expected


@pytest.mark.parametrize("text, expected", [
    # a day's new count is of the noun the sentence counted before it, not of a figure in brackets
    ("截至2月23日24时，累计治愈出院病例24734例，当日新增1846例；累计死亡病例2592例，当日新增150例。",
     [("累计治愈出院病例", 24734.0), ("新增治愈出院病例", 1846.0), ("累计死亡病例", 2592.0), ("新增死亡病例", 150.0)]),
    ("累计治愈出院病例3996例（浙江核减1例），当日新增716例。",
     [("累计治愈出院病例", 3996.0), ("浙江核减", 1.0), ("新增治愈出院病例", 716.0)]),
    # a locative glued to the verb after the noun ends it (17个自治区 + 中有)
    ("调查的21个行业中有15个位于扩张区间。", [("行业", 21.0), (None, 15.0)]),
])
def test_a_day_s_count_and_a_locative_after_the_noun(text, expected):
    assert [(c.subject, c.value) for c in extract_statistics(text, [])] == expected


@pytest.mark.parametrize("text, expected", [
    # the parts of a count (其中…, brackets after it) with no noun of their own count what it counted
    # (tune16 xwlb_40255, tune11 xwlb_48982), or what a copula after them names (tune13 xwlb_41227)
    ("累计死亡病例2835例，当日新增47例（湖北45例，北京1例，河南1例）；",
     [("累计死亡病例", 2835.0), ("新增死亡病例", 47.0), ("新增死亡病例", 45.0), ("新增死亡病例", 1.0)]),
    ("目前已检测132万多人，其中6例阳性，5例来自隔离人员，1例来自封控小区。",
     [("检测", 1320000.0), ("阳性", 6.0), ("阳性", 5.0), ("阳性", 1.0)]),
    ("现有疑似病例37例，当日新增3例，其中2例为境外输入疑似病例，1例为本土疑似病例。",
     [("现有疑似病例", 37.0), ("新增疑似病例", 3.0), ("境外输入疑似病例", 2.0), ("本土疑似病例", 1.0)]),
    # …and outside such a breakdown a figure in a clause that names no noun of its own is of the
    # figure's noun before it (extract._continues_the_topic, 2026-12-07 ninth session; was None)
    ("186个项目，已经完成了185个。", [("项目", 186.0), ("项目", 185.0)]),
    # 中 of a risk level opens the noun, it is no locative (tune16 xwlb_48830)
    ("扬州有1个高风险地区，51个中风险地区。", [("高风险地区", 1.0), ("中风险地区", 51.0)]),
    # a one-character modal is no link where it ends a word (产能 + 可达: sweep 28, xwlb_44295); a
    # link the segmenter glued to another character still is (占|比均|超过)
    ("我国新冠疫苗的年产能可达6.1亿剂。", [("产能", 610000000.0)]),
    ("广东、福建、辽宁、海南等4个省份的核电发电量占比均超过15%。", [("省份", 4.0), ("核电发电量", 15.0)]),
    # a figure right after a length of time is of the noun written before that length (sweep 30),
    # not of an activity after it
    ("日新增确诊病例连续一个月超过6万例。", [("新增确诊病例", 1.0), ("新增确诊病例", 60000.0)]),
    ("粮食产量连续6年稳定在1.3万亿斤以上。", [("稳定", 6.0), (None, 1300000000000.0)]),
    # nouns the dictionary tags as numerals, and adverbs and 或 between the noun and the figure
    ("这批物资中，大米超过200吨。", [("大米", 200.0)]),
    ("贫困发生率一度超过24%。", [("贫困发生率", 24.0)]),
    ("残疾学生在普通学校就读的比例均接近或超过50%。", [("比例", 50.0)]),
    ("今年年初全国的贫困人口还有5575万。", [("贫困人口", 55750000.0)]),
    # a share written as A占B的N% is A's (sweep 30), not of 占有量
    ("美国人口占世界人口总数的约5%。", [("美国人口", 5.0)]),
    ("农村居民占全县人口的60%。", [("农村居民", 60.0)]),
    # a figure inside a title names the work and claims nothing (sweep 30: 《…的50条》, 《解码十年》)
    ("出台《推动经济循环畅通和稳定持续发展的50条》。", []),
    ("纪录片《解码十年》今晚播出。", []),
    # nouns the dictionary lists as idioms (珍贵文物, 粉末涂料), a demonstrative before the noun (该)
    ("1.6万余件珍贵文物同观众见面。", [("珍贵文物", 16000.0)]),
    ("查扣废粉末涂料900多吨。", [("废粉末涂料", 900.0)]),
    ("共逮捕了431名该网络成员。", [("网络成员", 431.0)]),
    ("在吉林莫莫格湿地，今年首批北迁的120多只东方白鹳给寂静的湿地带来勃勃生机。", [("湿地", 120.0)]),
    # an average growth after a figure is of that figure's noun (年均, 两年平均: sweeps 30-32)
    ("全国累计完成民间固定资产投资就达63万亿元，年均增长29.2%。",
     [("民间固定资产投资", 63000000000000.0), ("民间固定资产投资", 29.2)]),
    ("今年前三季度国内生产总值823131亿元，同比增长9.8%，两年平均增长5.2%。",
     [("国内生产总值", 82313100000000.0), ("国内生产总值", 9.8), ("国内生产总值", 5.2)]),
])
def test_the_parts_of_a_count_and_the_noun_before_a_modal(text, expected):
    assert [(c.subject, c.value) for c in extract_statistics(text, [])] == expected


@pytest.mark.parametrize("text, expected", [
    # a one-character verb of change after 同比/环比 (Boson boson_1039: the subject came out 比增); alone
    # the character is part of a word (新增3例 keeps its count kind)
    ("深发展基本每股收益0.56元，同比增30%。",
     [("收益0.56元", "收益", None), ("30%", "收益", None)]),
    ("今年1—8月我国自贸试验区进出口同比增4.7%", [("自贸试验区进出口同比增4.7%", "自贸试验区进出口", None)]),
    ("今年新增3例。", [("新增3例", "新增", None)]),
    # a prefix whose first character closes the verb of change before it (增|长达 is 增长|达)
    ("全市地区生产总值年均增长达8.5%。", [("地区生产总值年均增长达8.5%", "地区生产总值", None)]),
    # digits after Latin letters are part of the noun's name (广义货币M2, N95口罩)
    ("广义货币M2同比增9%。", [("广义货币M2同比增9%", "广义货币M2", None)]),
    ("累计生产N95口罩超过1100万只。", [("N95口罩超过1100万只", "N95口罩", "more_than")]),
    # a currency before the figure names its unit, not what it counts (boson_1552); after a
    # conversion word it names no noun at all
    ("归属于母公司股东净利润人民币200.50亿元。", [("200.50亿元", "母公司股东净利润", None)]),
    ("各地共罚款人民币352万余元。", [("罚款人民币352万余元", "罚款", "more_than")]),
    ("对他处以罚款，约合人民币65万元。", [("65万元", None, None)]),
    # a qualifier before 已有/还有 (boson_1575 至少已有12名官员)
    ("至少已有12名官员被撤职。", [("至少已有12名官员", "官员", "at_least")]),
    ("目前至少还有7人被困在隧道当中。", [("至少还有7人", None, "at_least")]),
    # units of audio and projectors (boson_1019 12声道, boson_56 300流明)
    ("配备12声道音响系统。", [("12声道音响系统", "音响系统", None)]),
    ("投影机亮度达到300流明。", [("投影机亮度达到300流明", "投影机亮度", None)]),
])
def test_boson_tune_sweep_of_the_third_session(text, expected):
    """Rules from a claims sweep of Boson paragraphs of the tune half (recipes/score_boson.py), 2026-12-07."""
    assert [(c.text, c.subject, c.qualifier) for c in extract_statistics(text, [])] == expected


@pytest.mark.parametrize("text, expected", [
    # a noun that acts (claim_agent_heads.tsv) ends before its predicate: verbs alone, or a verb and
    # its object (sweep 37: 企业生产, 机组投产发电, 省份开启春灌, 困难群众改善住房条件)
    ("带动100多家企业生产。", [("100多家企业", "企业", "more_than")]),
    ("目前已有4台机组投产发电。", [("4台机组", "机组", None)]),
    ("18000多名赛会志愿者活跃在各个场馆。", [("18000多名赛会志愿者", "赛会志愿者", "more_than")]),
    ("目前，全国已有16个省份开启春灌。", [("16个省份", "省份", None)]),
    ("帮助2亿多困难群众改善住房条件。", [("2亿多困难群众", "困难群众", "more_than")]),
    # …not a noun compound: after a thing (核酸检测), a verbal noun of three characters (示范岗), or
    # after 国家 (国家授权专利)
    ("开展3轮全员核酸检测。", [("3轮全员核酸检测", "全员核酸检测", None)]),
    ("全县3200多个党员示范岗。", [("3200多个党员示范岗", "党员示范岗", "more_than")]),
    ("拥有35项国家授权专利。", [("35项国家授权专利", "国家授权专利", None)]),
    # 过 before a round figure is more than it (新增过万例), not when it ends a word (经过十年)
    ("俄罗斯新增过万例。", [("俄罗斯新增过万例", "俄罗斯新增", "more_than")]),
    ("日均客流过万人次。", [("日均客流过万人次", "客流", "more_than")]),
    ("经过十年的努力。", [("十年", "努力", None)]),
    # a run of rises or falls (17连涨, 15连降)
    ("退休人员养老金实现17连涨。", [("17连涨", "人员养老金", None)]),
    ("粮食总产实现十一连增。", [("十一连增", "粮食总产", None)]),
    # a verb that ends a phrase and one character after it are one noun (化肥发出量); 进度 is a noun
    # the dictionary tags as an adverb
    ("每日化肥发出量比去年同期增长了240%。", [("化肥发出量比去年同期增长了240%", "化肥发出量", None)]),
    ("全国小麦收获进度8.2%。", [("进度8.2%", "进度", None)]),
])
def test_sweep_37_claims(text, expected):
    """Sweep 37 (90 topic CCTV articles of 2020-2022, tests/sweeps/read.tsv): subjects, qualifiers, units."""
    assert [(c.text, c.subject, c.qualifier) for c in extract_statistics(text, [])] == expected

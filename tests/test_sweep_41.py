"""Sweep 41 (90 general-news CCTV articles of 2012-2026, every row read by three helpers,
tests/sweeps/read.tsv): foreign leaders' bodies, foreign cities the model left untagged, and claims
in idioms, in quotes, before a mark passed and in other currencies — on the articles' own sentences."""
import pytest

from test_entities import entities
from test_statistics_general import rows  # (text, value, unit, subject, qualifier) of each claim


@pytest.mark.parametrize("text, expected", [
    # the body is in the clause that describes them (出席…的), and the next items of the list name
    # their own countries
    ("当天下午，李克强在阿布贾分别会见出席第24届世界经济论坛非洲峰会全会的坦桑尼亚总统基奎特、贝宁总统亚伊、"
     "多哥总统福雷和马里总理马拉。",
     {"李克强": None, "基奎特": "坦桑尼亚", "亚伊": "贝宁", "福雷": "多哥", "马拉": "马里"}),
    # 以及 joins two people, not two titles of one
    ("东盟十国领导人以及俄罗斯总统普京、韩国总统文在寅、日本首相安倍晋三、印度总理莫迪等共同出席。",
     {"普京": "俄罗斯", "文在寅": "韩国", "安倍晋三": "日本", "莫迪": "印度"}),
    # the body before the 、 is the previous person's when this one's title opens with a country
    ("国家副主席韩正在纽约出席联合国大会期间分别会见联合国秘书长古特雷斯、美国国务卿布林肯。",
     {"韩正": None, "古特雷斯": "联合国", "布林肯": "美国"}),
    # (a body in the next title still marks the list: 自治区人民政府 is 齐扎拉's)
    ("人大常委会主任洛桑江村、自治区人民政府主席齐扎拉出席。", {"洛桑江村": "人大常委会", "齐扎拉": "自治区人民政府"}),
])
def test_a_leader_whose_title_names_a_country_takes_no_other_body(text, expected):
    people, _, _ = entities(text)
    assert {p.name: p.organization for p in people} == expected


@pytest.mark.parametrize("text, places", [
    # the dictionary calls 首尔 an adverb and the model leaves it untagged: a locative puts it
    ("11日，朝鲜艺术团还将在首尔进行演出。", ["首尔", "朝鲜"]),
    ("朴槿惠也在首尔出席了日本驻韩使馆举办的纪念活动。", ["首尔", "日本"]),
    ("韩国首尔举行集会。", ["韩国", "首尔"]),
    # no place where the city's name opens a longer name or word
    ("他在纽约时报发表文章。", []),
    ("游客在巴黎圣母院前拍照。", []),
])
def test_a_known_foreign_city_after_a_locative_is_a_place(text, places):
    _, _, rows = entities(text)
    assert sorted(p.name for p in rows) == sorted(places)


@pytest.mark.parametrize("text, expected", [
    # the numbers of an idiom count nothing
    ("这个国庆中秋假期，成千上万劳动者坚守岗位。", []),
    ("人们欢乐出游的背后，成千上万的服务保障者坚守岗位。", []),
    ("成百上千名志愿者参与。", []),
    ("上万名党员参与。", [("上万名党员", 10000, "名", "党员", "at_least")]),
    # a quoted name before a common noun: the noun too (not a verb after it), and no predicate
    # read inside the quotes
    ("评选出10个“最美”家庭。", [("10个“最美”家庭", 10, "个", "“最美”家庭", None)]),
    ("俄军使用5枚“伊斯坎德尔”导弹袭击。", [("5枚“伊斯坎德尔”导弹", 5, "枚", "“伊斯坎德尔”导弹", None)]),
    ("李博亚等10名“最美警察”代表荣获荣誉称号。", [("10名“最美警察”代表", 10, "名", "“最美警察”代表", None)]),
    ("3个“直过民族”整族脱贫。", [("3个“直过民族”", 3, "个", "“直过民族”", None)]),
    ("共有5个“最美家庭”获得表彰。", [("5个“最美家庭”", 5, "个", "“最美家庭”", None)]),
    ("全市建成298个党建“小网格”。", [("298个党建“小网格”", 298, "个", "党建“小网格”", None)]),
    # the mark a figure passes is no counted noun: the noun before the verb is
    ("中国—中亚进出口总值首次突破1000亿美元大关。",
     [("突破1000亿美元", 100000000000, "美元", "中亚进出口总值", "more_than")]),
    # other currencies are units, with what follows them (以上)
    ("在2013年以前，一张手机卡售价就高达五十万缅币以上。",
     [("手机卡售价就高达五十万缅币以上", 500000, "缅币", "手机卡售价", "more_than")]),
    ("门票500泰铢。", [("门票500泰铢", 500, "泰铢", "门票", None)]),
])
def test_claims_of_general_news(text, expected):
    assert rows(text) == expected


# xwlb (sweep 41): an interview's speakers, each alone before a colon opening a line
INTERVIEWS = """有付出，就会有收获。下面我们选取了几位普通人，听听他们2015年的故事。
【这一年，什么让你最愧疚?】
陈研：我最初出来的时候，我在想一年四季，每个季节回去一次看看父母，后来都没有实现。
高峻驰：回家的时间太少。
韩雯：我也不知道为什么忙到回趟家的时候都没有。
雷宛听：他说这是怎么回事，突然就表扬他，然后他还蛮开心的。"""


def test_the_speakers_of_an_interview_are_people():
    people, _, _ = entities(INTERVIEWS)
    # (the model tags 陈 alone and cuts 雷宛听 to 雷宛: the label's whole name wins)
    assert [p.name for p in people] == ["陈研", "高峻驰", "韩雯", "雷宛听"]


@pytest.mark.parametrize("line", ["文章说：中国经济稳定增长。", "韩方：将继续推进合作。", "马政府：反对这一决定。",
                                  "顾女士：我很满意这里的服务。", "记者：您好，请介绍一下。", "北京：今天天气晴朗。"])
def test_a_source_a_title_or_a_place_before_a_colon_is_no_speaker(line):
    people, _, _ = entities(line)
    assert people == []

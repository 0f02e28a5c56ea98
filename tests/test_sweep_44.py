"""Sweep 44 (90 general-news CCTV articles of 2012-2026, every row read by three helpers,
tests/sweeps/read.tsv): a dotted name after a country, a Slavic woman's surname the model cut short,
a time zone and an award that hold a place's or a person's name — on the articles' own sentences."""
import pytest

from test_entities import entities


def test_a_dotted_name_after_a_country_is_a_person():
    # (a transliterated "person" right after a foreign country is a city there: 法国巴黎)
    people, _, places = entities("俄罗斯表示将继续对叙利亚巴沙尔·阿萨德政权的支持。")
    assert [p.name for p in people] == ["巴沙尔·阿萨德"]
    assert sorted(p.name for p in places) == ["俄罗斯", "叙利亚"]


def test_a_slavic_womans_surname_is_finished_over_its_ending():
    people, _, _ = entities("李强在北京会见国际货币基金组织总裁格奥尔基耶娃。")
    assert {p.name: (p.titles, p.organization) for p in people} == {
        "李强": ([], None), "格奥尔基耶娃": (["总裁"], "国际货币基金组织")}


@pytest.mark.parametrize("text, places", [
    ("北京时间今天凌晨，中国队在东京奥运会上夺得金牌。", ["东京"]),  # a time zone
    ("他是长江学者特聘教授。", []),  # an academic title
    ("北京今天召开会议，北京时间晚上8点开幕。", ["北京"]),  # the city itself, written once more
])
def test_set_phrases_that_hold_a_place_name_are_no_place(text, places):
    _, _, rows = entities(text)
    assert sorted(r.name for r in rows) == places


@pytest.mark.parametrize("text", ["三科学家分享诺贝尔生理学或医学奖",
                                  "瑞典卡罗琳医学院今天宣布，将2017年诺贝尔生理学或医学奖授予3名来自美国的科学家。"])
def test_an_award_named_after_a_person_is_no_mention_of_them(text):
    people, _, _ = entities(text)  # (诺贝尔 + 生理学或医学奖: six characters before 奖)
    assert people == []


def test_a_list_before_a_verb_and_a_medal_is_no_award_name():
    # (曹硕 + 和徐晓龙将向奖牌: the award rule once dropped 曹硕, and the list lost its title)
    people, _, _ = entities("今天晚上举行的男子三级跳决赛中，我国选手董斌、曹硕和徐晓龙将向奖牌发起冲击。")
    assert {p.name: p.titles for p in people} == {"董斌": ["选手"], "曹硕": ["选手"], "徐晓龙": ["选手"]}

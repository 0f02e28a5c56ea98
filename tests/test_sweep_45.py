"""Sweeps 44, 45 and 47 (CCTV articles read by three helpers, tests/sweeps/read.tsv; 47 the people rows of
articles of 2020-2022): a spokesman whose name reads as three countries' short names, a county's name after
a title, a Japanese name at a line's end, a county named in a pair of counties, titles of lists, chains,
former offices and 作为…， — on the articles' own sentences."""
import pytest

from test_entities import entities


def test_a_name_of_country_abbreviations_after_a_title_is_a_person():
    # 巴 + 加 + 埃 read as Pakistan, Canada and Egypt: a group of countries only with no title before it
    people, orgs, _ = entities("伊朗外交部发言人巴加埃21日说，伊朗已致信国际原子能机构抗议以色列威胁袭击伊朗核设施。")
    assert {p.name: (p.titles, p.organization) for p in people} == {"巴加埃": (["发言人"], "伊朗外交部")}
    people, _, _ = entities("卡俄土三方会议在阿斯塔纳举行。")
    assert people == []


def test_a_county_name_after_a_title_is_the_holder():
    people, _, places = entities(
        "会议听取了全国人大财政经济委员会主任委员钟山作的全国人大财政经济委员会关于2024年国民经济和社会发展计划执行情况"
        "与2025年国民经济和社会发展计划草案的审查结果报告有关情况的汇报，审议了审查结果报告。")
    assert {p.name: (p.titles, p.organization) for p in people} == {"钟山": (["主任委员"], "全国人大财政经济委员会")}
    assert "钟山" not in [p.name for p in places]


def test_a_japanese_name_at_a_lines_end():
    people, _, _ = entities("马来西亚总理纳吉布\n日本公明党党首山口那津男\n日本社民党党首福岛瑞穗\n向中央军委主席习近平致贺的有：")
    names = {p.name: p.titles for p in people}
    assert names["山口那津男"] == ["党首"] and names["福岛瑞穗"] == ["党首"] and "山口那津" not in names


def test_a_pair_of_counties_counted_as_counties_is_two_places():
    people, _, places = entities("过去，花江峡谷两岸的关岭和贞丰两个县间的车行时间为2小时，大桥通车后极大方便了群众出行。")
    assert people == []
    assert {"关岭", "贞丰"} <= {p.name for p in places}


def test_a_japanese_name_at_a_lines_end_needs_a_family_name_and_no_word_after():
    # (a reviewer's headlines: no person 通电话, the body 日本经济界代表团 kept, 菅义伟 not run into 内阁)
    people, _, _ = entities("习近平同日本首相通电话\n国家主席习近平今天下午同日本首相通电话。")
    assert [p.name for p in people] == ["习近平"]
    people, orgs, _ = entities("李克强会见日本经济界代表团并座谈\n国务院总理李克强今天会见日本经济界代表团。")
    assert [p.name for p in people] == ["李克强"] and "日本经济界代表团" in [o.name for o in orgs]


def test_a_village_with_its_suffix_after_a_title_stays_a_place():
    people, _, places = entities("2025年中国农民丰收节主场活动今天在山东烟台招远大户陈家村举办。")
    assert people == [] and "陈家村" in [p.name for p in places]


@pytest.mark.parametrize("text, expected", [
    # a listed name shares the whole chain written before the list
    ("中共中央政治局委员、国务院安委会主任刘鹤在会上讲话，国务委员、国务院安委会副主任王勇、赵克志出席会议。",
     {"刘鹤": (["中共中央政治局委员", "主任"], "国务院安委会"), "王勇": (["国务委员", "副主任"], "国务院安委会"),
      "赵克志": (["国务委员", "副主任"], "国务院安委会")}),
    # a former office (原…) goes on the chain
    ("20日，中央宣讲团成员、原中央党史研究室主任欧阳淞在福建福州作宣讲报告。",
     {"欧阳淞": (["中央宣讲团成员", "主任"], "中央党史研究室")}),
    ("3月30日，中央宣讲团成员、中央党校原副教育长柳建辉在吉林长春作宣讲报告。",
     {"柳建辉": (["中央宣讲团成员", "原副教育长"], "中央党校")}),
    # 作为 + an office, then the name opening the next clause
    ("作为北京大学第三医院的院长，乔杰在武汉与团队并肩作战已经37天了。", {"乔杰": (["院长"], "北京大学第三医院")}),
    # title heads the lexicon lacked (关员, 农机手)
    ("胡银宽是广州白云机场海关的一名卫生检疫关员，旅客自廊桥一下来，立即进入测温通道，胡银宽就开始忙着健康申明卡初筛和再次核验。",
     {"胡银宽": (["关员"], "广州白云机场海关")}),
    ("这两天，在山东莱西市马连庄镇抬上村，农机手赵振东的四台大型智能化拖拉机正在进行土地深耕、起垄。",
     {"赵振东": (["农机手"], None)}),
])
def test_titles_of_sweep_47(text, expected):
    people, _, _ = entities(text)
    assert {p.name: (p.titles, p.organization) for p in people} == expected

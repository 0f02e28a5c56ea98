"""Sweeps 44 and 45 (general-news CCTV articles of 2012-2026, every row read by three helpers,
tests/sweeps/read.tsv): a spokesman whose name reads as three countries' short names, a county's
name after a title, a Japanese name at a line's end, a county named in a pair of counties — on the
articles' own sentences."""
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

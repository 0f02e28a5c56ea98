"""Sweep 39 (90 general-news CCTV articles of 2020-2022, every row read by three helpers,
tests/sweeps/read.tsv): the body of a personnel announcement, the titles listed after a name, and the
subjects of claims whose verb of change or completion stood in them — on the articles' own sentences."""
import pytest

from pipeline.claims import extract_statistics
from pipeline.clean import clean_page

from conftest import raw_page
from test_entities import entities

# xwlb_50100: every line is a clause ending in a semicolon, the first lead-in in a colon
ANNOUNCEMENT = """黑龙江等7省区党委主要负责同志职务调整
央视网消息（新闻联播）：日前，中共中央决定：
许勤同志任黑龙江省委委员、常委、书记；
吴政隆同志任江苏省委书记，娄勤俭同志不再担任江苏省委书记、常委、委员职务；
张庆伟同志任湖南省委委员、常委、书记，不再担任黑龙江省委书记、常委、委员职务；许达哲同志不再担任湖南省委书记、常委、委员职务；
刘宁同志任广西壮族自治区党委委员、常委、书记，鹿心社同志不再担任广西壮族自治区党委书记、常委、委员职务。"""


def test_the_opening_clauses_of_an_announcement_are_its_body():
    page = clean_page(raw_page(ANNOUNCEMENT))
    assert page.text.split("\n")[:3] == ["日前，中共中央决定：", "许勤同志任黑龙江省委委员、常委、书记；",
                                         "吴政隆同志任江苏省委书记，娄勤俭同志不再担任江苏省委书记、常委、委员职务；"]


def test_a_dateline_lead_alone_opens_no_body():
    body = "应越南共产党中央委员会和越南祖国阵线邀请，中共中央政治局常委、全国政协主席俞正声将于12月下旬对越南进行正式访问。"
    page = clean_page(raw_page(f"俞正声将出访越南\n央视网消息(新闻联播)：本台消息：\n{body}"))
    assert page.text == body


def test_the_titles_listed_after_an_appointment_are_the_persons():
    people, orgs, _ = entities("\n".join(ANNOUNCEMENT.split("\n")[2:]))
    found = {p.name: (p.titles, p.organization) for p in people}
    assert found["许勤"] == (["委员", "常委", "书记"], "黑龙江省委")
    assert found["娄勤俭"] == (["书记", "常委", "委员"], "江苏省委")  # 不再担任…职务: the post left
    assert found["刘宁"] == (["委员", "常委", "书记"], "广西壮族自治区党委")
    assert not any(o.name.startswith("同志") for o in orgs)  # 同志任 is no part of a body's name


@pytest.mark.parametrize("text, titles", [
    # the next item is another clause: a title cue, a name; and what stands before the next name is
    # the previous one's appointment, no title of the next (王强任组长、李明)
    ("全县成立领导小组，王强任组长、李明任副组长。", {"王强": ["组长"], "李明": ["副组长"]}),
    ("因工作变动，严隽琪同志不再担任中央社会主义学院院长职务。", {"严隽琪": ["院长"]}),
])
def test_a_chain_after_a_name_stops_at_a_clause(text, titles):
    people, _, _ = entities(text)
    assert {p.name: p.titles for p in people} == titles


@pytest.mark.parametrize("text, expected", [
    # 完成 links the topic to its figure
    ("今年以来全国5G投资完成1849亿元。", [("1849亿元", "投资", None)]),
    ("全省水稻收割已完成70%。", [("70%", "水稻收割", None)]),
    ("目前，鲁甸县需要修复的民房已完成92%。", [("92%", "民房", None)]),
    # verbs of change that stood in the subject (大涨, 大增, 延长)
    ("荷兰TTF天然气期价大涨35%。", [("荷兰TTF天然气期价大涨35%", "荷兰TTF天然气期价", None)]),
    ("美国日均新增确诊病例大增47%。", [("新增确诊病例大增47%", "新增确诊病例", None)]),
    ("从2017年开始，南海伏季休渔期延长1个月。", [("1个月", "南海伏季休渔期", None)]),
    # 周期, 会期 are nouns, not times
    ("训练周期缩短三分之一。", [("训练周期缩短三分之一", "训练周期", None)]),
    ("国会会期大幅延长95天。", [("95天", "国会会期", None)]),
])
def test_sweep_39_claim_subjects(text, expected):
    assert [(c.text, c.subject, c.qualifier) for c in extract_statistics(text, [])] == expected


@pytest.mark.parametrize("text, people", [
    # a unit's head written again as its chief's title head: the unit is the person's body
    ("会上，惩教署署长胡英明介绍了情况。", [("胡英明", ["署长"], "惩教署")]),
    ("俄联邦安全局局长博尔特尼科夫说。", [("博尔特尼科夫", ["局长"], "俄联邦安全局")]),
    # …not a common noun the article names elsewhere, a task group, or a clause
    ("代表团团长陈文琪表示满意。", [("陈文琪", ["代表团团长"], None)]),
])
def test_a_unit_written_before_its_chiefs_title(text, people):
    found, _, _ = entities(text)
    assert [(p.name, p.titles, p.organization) for p in found] == people


@pytest.mark.parametrize("text, expected", [
    # the noun after 的 is counted when a verb alone, or a locative and a verb, modify it
    ("4个起火的储油罐中有一个已经坍塌。", [("4个", "储油罐", None)]),
    ("约3000名胸前佩戴白花的各界代表肃立。", [("约3000名", "各界代表", "about")]),
    ("共展出了120位健在的抗战老兵的照片。", [("120位", "抗战老兵", None)]),
    # …not a verb and its object, which as often make the counted noun's own phrase
    ("弗洛伊德死亡案件的4名涉事警察的听证会举行。", [("4名涉事警察", "涉事警察", None)]),
    ("交警部门在40个路口设定的拉链式交替通行方式。", [("40个路口", "路口", None)]),
    # 各界, 各类: determiners that open the noun
    ("包括被告人亲属在内的四百多名各界群众旁听了宣判。", [("四百多名各界群众", "各界群众", "more_than")]),
    ("全区整合各类资金270多亿元。", [("资金270多亿元", "资金", "more_than")]),  # (各类 stripped before a number)
])
def test_the_noun_a_modifier_clause_leads_to(text, expected):
    assert [(c.text, c.subject, c.qualifier) for c in extract_statistics(text, [])] == expected


@pytest.mark.parametrize("text, people, orgs", [
    # a government body's head after a place the model read as one place (土耳其总统府), and the
    # security councils (联邦安全会议, not 慕尼黑安全会议, a conference)
    ("土耳其总统府发言人卡林说。", [("卡林", ["发言人"], "土耳其总统府")], ["土耳其总统府"]),
    # (the model reads 俄罗斯联邦 as a place: the council is the person's body, read off the title,
    # but no body row of its own)
    ("俄罗斯联邦安全会议副主席梅德韦杰夫表示。", [("梅德韦杰夫", ["副主席"], "俄罗斯联邦安全会议")], []),
    ("正在德国参加慕尼黑安全会议的俄罗斯外长拉夫罗夫表示。", [("拉夫罗夫", ["外长"], "俄罗斯")], []),
    # the body where two meet is no body of the one whose title names a country
    ("李克强在柏林总理府同德国总理默克尔举行会谈。",
     [("李克强", [], None), ("默克尔", ["总理"], "德国")], ["柏林总理府"]),
    # 复信 ends the clause before a body; 候任 is no appointment of another
    ("国家主席习近平日前复信国际奥委会主席巴赫。", [("习近平", ["国家主席"], None), ("巴赫", ["主席"], "国际奥委会")],
     ["国际奥委会"]),
    ("澳门特区候任行政长官贺一诚表示。", [("贺一诚", ["澳门特区候任行政长官"], None)], []),
])
def test_bodies_of_general_news_from_sweep_39(text, people, orgs):
    found_people, found_orgs, _ = entities(text)
    assert [(p.name, p.titles, p.organization) for p in found_people] == people
    assert [o.name for o in found_orgs] == orgs


def test_a_cleft_after_a_share_keeps_its_verb():
    # 96%感染的是…: 的是 opens what they are, no noun the share counts (tune16 xwlb_48183)
    assert [(c.text, c.subject) for c in extract_statistics("英国近期新增确诊病例中，96%感染的是德尔塔变异毒株。", [])] \
        == [("96%感染", "感染")]


@pytest.mark.parametrize("text, places", [
    # two places the model cut at a country's name that make one known foreign place
    ("在重要港口城市马里乌波尔的巷战仍在持续。", ["马里乌波尔"]),
    ("乌军26日向马里乌波尔市郊区的住宅区发射炮弹。", ["马里乌波尔市"]),
])
def test_places_of_sweep_39(text, places):
    _, orgs, found = entities(text)
    assert [p.name for p in found] == places and orgs == []


def test_a_siren_sounded_is_no_body_and_no_place():
    # 拉响 ends the clause: no body 南京市拉响防空警报, no place 拉响防空 (sweep 39)
    _, orgs, places = entities("国歌唱毕，全场向南京大屠杀死难者默哀，南京市拉响防空警报，汽车停驶鸣笛，行人就地默哀。")
    assert not any("拉响" in o.name for o in orgs) and not any("拉响" in p.name for p in places)

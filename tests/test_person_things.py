"""Name-like words the text shows to be things are no people (pipeline/entities/things.py).

Sentences from the third tune set (tests/tune3, CCTV 2020-2022), the tune part of the saved HTML
pages (tests/html/split.tsv) and the labelled pages; each false person below was a row before
the rule, and the right person beside it must stay."""
import pytest

from pipeline.entities import extract_entities
from pipeline.records import ArticleMetadata, CleanPage, PersonRow
from pipeline.segment import sentence_spans
from pipeline.entities.things import drop_things


def people_of(text):
    clean = CleanPage("a.txt", "simplified", text, text)
    people, _, _ = extract_entities(clean, sentence_spans(text), ArticleMetadata(), "a")
    return {p.name for p in people}


@pytest.mark.parametrize("text, thing, person", [
    # a county written short (河北省阜平县): never a person of the story
    ("2012年12月，习近平总书记在阜平县考察工作时来到顾家台村。家里生活很困难。在阜平，村民唐荣斌说，日子越过越好。",
     "阜平", "唐荣斌"),
    # quoted at every mention: a typhoon, a code name
    ("今年第8号台风“巴威”今天登陆。台风“巴威”带来强风雨，渔民张国庆说，渔船都已回港。", "巴威", "张国庆"),
    # defined as a kind
    ("云南腾冲，连片的万寿菊竞相绽放。万寿菊是一种特色经济作物，种植户李春华说，今年收成好。", "万寿菊", "李春华"),
    # listed after a common noun, or with the places the model found
    ("这里主要种植油菜以及紫云英等绿肥作物，种粮大户刘军说，地力越养越好。", "紫云英", "刘军"),
    ("中国长城学会和山海关、黄崖关、金山岭、慕田峪、嘉峪关等兄弟长城机构发来祝贺视频，导演郎昆说。",
     "慕田峪", "郎昆"),
    # the surname of an anonymised person, read with the title before it
    ("在金宇车城董事长胡某的指使下，公司董秘罗某安排原员工唐某买入股票。记者王小伟报道。", "董秘罗", "王小伟"),
])
def test_a_word_the_text_shows_to_be_a_thing_is_no_person(text, thing, person):
    found = people_of(text)
    assert thing not in found and person in found


def row(text, name, titles=(), role="subject"):
    start = text.find(name)
    return PersonRow("a", name, role, list(titles), None, None, None, 1, start, start + len(name), text)


def test_people_listed_with_people_or_coworkers_stay():
    # tune2 xwlb_39609: 和 before a common noun of people (工友们) joins people, not things
    text = "一千多名工人坚守施工一线。张绍勇和工友们正在安装设备，王强、李明也在现场。"
    rows = [row(text, n) for n in ("张绍勇", "王强", "李明")]
    assert [p.name for p in drop_things(rows, text, [])] == ["张绍勇", "王强", "李明"]


def test_titled_and_credited_names_are_never_dropped():
    # the rule reads only untitled people of the story: a title or a byline credit is evidence
    text = "台风“巴威”登陆。万寿菊是一种作物。"
    rows = [row(text, "巴威", titles=["记者"]), row(text, "万寿菊", role="reporter")]
    assert [p.name for p in drop_things(rows, text, [])] == ["巴威", "万寿菊"]


def test_a_name_quoted_once_but_written_plainly_elsewhere_stays():
    text = "大家都叫他“王大林”。王大林每天第一个到岗。"
    assert [p.name for p in drop_things([row(text, "王大林")], text, [])] == ["王大林"]


def test_a_name_quoted_at_every_mention_is_dropped():
    # tune3 xwlb_53804: “双枢纽” (Beijing's two airports), four mentions, all quoted
    text = "北京围绕“双枢纽”将建成两个千亿级商圈，“双枢纽”及其临空经济区加快建设。"
    assert drop_things([row(text, "双枢纽")], text, []) == []


def test_a_division_is_a_person_only_where_the_article_never_writes_it_as_a_place():
    # 32_ifeng (saved HTML, tune part): 咸丰皇帝 is an emperor's reign name, no 咸丰县 in the story
    text = "这年10月，咸丰皇帝逃出紫禁城。"
    assert [p.name for p in drop_things([row(text, "咸丰")], text, [])] == ["咸丰"]
    text = "习近平总书记在阜平县考察工作。在阜平，习近平总书记强调，要把群众安危冷暖时刻放在心上。"
    assert drop_things([row(text, "阜平")], text, []) == []


def test_a_name_running_into_a_place_word_somewhere_is_that_place():
    # 20_021east (saved HTML, tune part): 上海朱家角古镇 … 仅朱家角景点联票
    text = "12、上海朱家角古镇景点联票，成人票原价：220元。备注：仅朱家角景点联票。"
    assert drop_things([row(text, "朱家角")], text, []) == []

"""Behaviour of pipeline.metadata.extract_metadata.

Table-driven part: title, source, published_at, authors, editors for every
page in tests/expected/clean_metadata.json (values read off the pages by hand;
known misses are marked ``xfail`` there). Unit tests cover each byline and
date style.
"""
from __future__ import annotations

from datetime import datetime
from functools import lru_cache

import pytest

from pipeline.clean import clean_page
from pipeline.metadata import extract_metadata, names_in, parse_datetime

from conftest import EXPECTED, expected_page, raw_page

FIELDS = ("title", "source", "published_at", "authors", "editors")




@lru_cache(maxsize=None)
def metadata_of(stem: str):
    page = expected_page(stem)
    return extract_metadata(page, clean_page(page))


@pytest.mark.parametrize("stem, field", [(s, f) for s in sorted(EXPECTED) for f in FIELDS])
def test_metadata_field(stem, field):
    reason = (EXPECTED[stem].get("xfail") or {}).get(field)
    if reason:
        pytest.xfail(reason)
    got = getattr(metadata_of(stem), field)
    want = EXPECTED[stem][field]
    if field == "published_at":
        got = got.isoformat() if got else None
    if field == "title" and got and want:  # spacing around punctuation is layout, as in the scorer
        got, want = "".join(got.split()), "".join(want.split())
    assert got == want


def test_metadata_strings_are_simplified_without_inner_spaces():
    for stem in sorted(EXPECTED):
        m = metadata_of(stem)
        for name in m.authors + m.editors:
            assert " " not in name and name == name.strip()
        if m.title:
            assert m.title == m.title.strip()


# --------------------------------------------------------------------------
# Dates


@pytest.mark.parametrize("line, when", [
    ("来源:河北日报发布时间:2021-01-23 08:11:33", datetime(2021, 1, 23, 8, 11, 33)),
    ("2020年07月16日08:13 來源:光明日報", datetime(2020, 7, 16, 8, 13)),
    ("发布时间:2022-06-01 17:52:50", datetime(2022, 6, 1, 17, 52, 50)),
    ("2020-02-01 13:30:17          来源:株洲日报 | 编辑:王珈 |", datetime(2020, 2, 1, 13, 30, 17)),
    ("文章來源:求是網  發布時間:2021-03-13", datetime(2021, 3, 13)),
    ("2022-03-22 10:56", datetime(2022, 3, 22, 10, 56)),
    ("日期:2020/1/29", datetime(2020, 1, 29)),
    ("湖南日報·新湖南客戶端1月29日訊", None),   # no year: not a publication date
    ("第RB03版:日报06版", None),
])
def test_parse_datetime(line, when):
    assert parse_datetime(line) == when


def test_date_in_body_is_not_the_publication_date():
    page = raw_page("2022年9月1日,南山东社区党委举办成立仪式,34名居家在职党员按时集合、整齐列队、斗志昂扬。\n"
                    "来源:城中区南滩街道办事处")
    m = extract_metadata(page, clean_page(page))
    assert m.published_at is None
    assert m.source == "城中区南滩街道办事处"


# --------------------------------------------------------------------------
# Names in bylines, captions and editor lines


@pytest.mark.parametrize("segment, names", [
    ("李支国 尹二荣 沈全华 邹怡敏", ["李支国", "尹二荣", "沈全华", "邹怡敏"]),
    ("董 昌", ["董昌"]),
    ("段晨茜、闫妍", ["段晨茜", "闫妍"]),
    ("云区组", []),            # a unit, not a person
    ("总医院  熊洁  /图", ["熊洁"]),
    # Boson news paragraphs (tune half): a name ending like a unit; names written together
    ("刘永会", ["刘永会"]),
    ("王金财陈兆洪", ["王金财", "陈兆洪"]),
    ("冯素琴任文学李文海", ["冯素琴", "任文学", "李文海"]),
    ("张家村", []),  # a village
])
def test_names_in(segment, names):
    assert names_in(segment) == names


BODY = "疾风知劲草,烈火炼真金。连日来,在石家庄市防控新冠肺炎疫情战场上,共产党员挺身而出。"


@pytest.mark.parametrize("text, authors", [
    (f"标题\n{BODY}口罩10万只。(河北日报记者 董 昌", ["董昌"]),
    (f"标题\n河北共产党员网讯(通讯员 吴树玲){BODY}", ["吴树玲"]),
    (f"标题\n株洲日报记者 李支国 尹二荣 沈全华 邹怡敏\n{BODY}", ["李支国", "尹二荣", "沈全华", "邹怡敏"]),
    (f"標題\n{BODY}\n(本報記者 章正 張景華 董城)", ["章正", "张景华", "董城"]),
    (f"标题\n本报讯 (记者 钱枫 通讯员云区组) {BODY}", ["钱枫"]),
    (f"标题\n人民政协网三亚8月10日电(记者陈启杰 通讯员李煜){BODY}", ["陈启杰", "李煜"]),
    (f"标题\n燕赵都市网讯(记者邢云通讯员王金财陈兆洪){BODY}", ["邢云", "王金财", "陈兆洪"]),
    (f"烏魯木齊7月28日訊 全媒體記者王永飛報道:{BODY}", ["王永飞"]),
    (f"标题\n中新網上海3月16日電 (張踐){BODY}", ["张践"]),
    (f"标题\n{BODY}支持所在街道(社区)疫情防控工作。(左丹丹)", ["左丹丹"]),
    (f"标题\n2020-02-05 17:59 作者:任俊峰 来源:青岛新闻网\n{BODY}", ["任俊峰"]),
    (f"标题\n作者:接种,疫苗,党员,老年人,好头\n{BODY}", []),   # SEO keywords in the author field
    (f"标题\n央视网消息（新闻联播）：{BODY}", []),   # a programme in the dateline, not a reporter
])
def test_authors_from_bylines(text, authors):
    page = raw_page(text)
    assert extract_metadata(page, clean_page(page)).authors == authors


@pytest.mark.parametrize("text", [
    f"国内联播快讯\n央视网消息（新闻联播）：\n即日起 减免部分涉企征信服务收费\n{BODY}",  # the dateline on its own line
    f"标题\n央视网消息（新闻联播）：{BODY}",
])
def test_source_from_a_dateline(text):
    page = raw_page(text)
    m = extract_metadata(page, clean_page(page))
    assert (m.source, m.authors) == ("央视网", [])


def test_photographer_from_caption_first_then_reporter():
    page = raw_page("标题\n来源:河北日报\n1月20日,医护党员突击队在社区为居民进行核酸咽拭子采样。河北日报记者 张 昊摄\n"
                    f"{BODY}(河北日报记者 董 昌)")
    m = extract_metadata(page, clean_page(page))
    assert m.authors == ["张昊", "董昌"]


def test_agency_credit_names_no_one():
    page = raw_page(f"标题\n6月29日,郭猛在豐臺區豐臺街道進行消殺工作。新華社發\n{BODY}")
    assert extract_metadata(page, clean_page(page)).authors == []


@pytest.mark.parametrize("line, editors", [
    ("(責編:段晨茜、閆妍)", ["段晨茜", "闫妍"]),
    ("责编:王珈", ["王珈"]),
    ("编辑:王强", ["王强"]),
    ("(责任编辑:赵睿)", ["赵睿"]),
    ("【编辑:胡嘉琛】", ["胡嘉琛"]),
    ("(编辑:朱 燕)", ["朱燕"]),
    ("(视频编辑：张双玲 文字编辑：温凤浩)", ["张双玲", "温凤浩"]),  # CCTV 2012 (sweep 17 xwlb_199): no editor 文字
])
def test_editors(line, editors):
    page = raw_page(f"标题\n{BODY}\n{line}")
    assert extract_metadata(page, clean_page(page)).editors == editors


def test_body_sentence_with_editor_word_gives_no_editor():
    page = raw_page(f"标题\n{BODY}据编辑:王强同志介绍,这些数据来源:市卫健委每日通报,来源可靠,内容经过反复核对。")
    m = extract_metadata(page, clean_page(page))
    assert m.editors == [] and m.source is None


# --------------------------------------------------------------------------
# Title and source


def test_title_skips_breadcrumb_site_name_and_prefers_headline_over_slogan():
    page = raw_page("所在位置:首页>新闻播报>廉洁河北>\n福州新闻网\n石家庄市20.1万名党员投身疫情防控一线\n"
                    f"我是共产党员,必须冲在最前线!\n来源:河北日报发布时间:2021-01-23 08:11:33\n{BODY}")
    m = extract_metadata(page, clean_page(page))
    assert m.title == "石家庄市20.1万名党员投身疫情防控一线"
    assert m.source == "河北日报"


def test_title_uses_html_title_hint():
    page = raw_page(f"我是共产党员,必须冲在最前线!\n石家庄市党员投身疫情防控一线\n{BODY}",
                    html_title="石家庄市党员投身疫情防控一线_河北日报")
    assert extract_metadata(page, clean_page(page)).title == "石家庄市党员投身疫情防控一线"


def test_title_from_original_title_line_when_nothing_else():
    page = raw_page(f"原標題:組建防汛突擊隊連夜奔赴大堤\n{BODY}")
    assert extract_metadata(page, clean_page(page)).title == "组建防汛突击队连夜奔赴大堤"


def test_source_traditional_and_fallback_to_dateline():
    page = raw_page(f"標題\n2020年07月16日08:13 來源:光明日報\n{BODY}")
    assert extract_metadata(page, clean_page(page)).source == "光明日报"
    page = raw_page(f"标题\n央视网消息:{BODY}")
    assert extract_metadata(page, clean_page(page)).source == "央视网"
    page = raw_page(f"标题\n本报讯 {BODY}")
    assert extract_metadata(page, clean_page(page)).source is None


def test_source_field_holding_a_truncated_headline_is_ignored():
    page = raw_page(f"江西:党员突击队冲锋在前\n时间: 2020-07-18 10:27:13 来源:江西:党员突击队 作者: 江西:党员突\n"
                    f"央视网消息:{BODY}")
    m = extract_metadata(page, clean_page(page))
    assert m.source == "央视网" and m.authors == []
    assert m.published_at == datetime(2020, 7, 18, 10, 27, 13)


def test_no_metadata_on_a_bare_body():
    page = raw_page(BODY)
    m = extract_metadata(page, clean_page(page))
    assert (m.title, m.source, m.published_at, m.authors, m.editors) == (None, None, None, [], [])

"""Behaviour tests for pipeline.claims.attach_context (place / organization / date).

Sentences are taken from the pages in data/raw/ (000: 河北日报 2021-01-23,
002: 株洲 2020-02-01, 004: 光明日报 2020-07-16, traditional script).
"""
from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from pipeline.records import OrganizationRow, PlaceRow
from pipeline.resources import to_simplified
from pipeline.claims import attach_context, extract_statistics

PUB_000 = datetime(2021, 1, 23, 8, 11, 33)


def place(name, level, mentions=1):
    return PlaceRow("a", name, level, mentions, None, None, None)


def org(name, org_type="company", mentions=1):
    return OrganizationRow("a", name, org_type, mentions, None, None, None)


def spans_of(text):
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in "。！？":
            out.append((start, i + 1))
            start = i + 1
    if start < len(text):
        out.append((start, len(text)))
    return out


class Claims(dict):
    """Claims by text; a key that is not a whole claim text picks the one claim containing it."""

    def __missing__(self, key):
        hits = [v for k, v in self.items() if key in k]
        assert len(hits) == 1, (key, list(self))
        return hits[0]


def run(text, places=(), orgs=(), published_at=PUB_000):
    spans = spans_of(text)
    claims = extract_statistics(text, spans, "a")
    out = attach_context(claims, text, spans, list(places), list(orgs), published_at)
    assert len(out) == len(claims)
    for before, after in zip(claims, out):  # nothing else changes
        assert (before.text, before.value, before.unit, before.start, before.end, before.sentence) == \
               (after.text, after.value, after.unit, after.start, after.end, after.sentence)
    return Claims((c.text, c) for c in out)


S_CITY = ("危急关头,中流砥柱显担当,据统计,在这场疫情防控歼灭战中,全市4050个农村党组织、727个社区党组织,"
          "齐心构筑防控疫情堡垒,20.1万名党员投身抗疫防疫一线。")
S_JIHUA = "目前,际华3502公司2条医用防护服生产线、3条平面口罩生产线满负荷运转,日供防护服、隔离衣2万套,口罩10万只。"
ARTICLE_PLACES = [place("石家庄", "city", 2), place("石家庄市", "city", 9), place("沧州", "city", 1),
                  place("深泽县", "county", 3), place("于家乡", "town", 1)]


# ----------------------------------------------------------------------------- place


def test_scope_word_gives_main_city():
    got = run(S_CITY, ARTICLE_PLACES)
    assert got["4050个农村党组织"].place == "石家庄市"
    assert got["727个社区党组织"].place == "石家庄市"
    assert got["20.1万名党员"].place == "石家庄市"


def test_scope_word_without_place_of_that_level_is_null():
    got = run(S_CITY, [place("深泽县", "county", 3)])
    assert got["4050个农村党组织"].place is None


def test_scope_county_and_town():
    text = "全县设置4个核酸检测点位。全镇共有300名党员。"
    got = run(text, ARTICLE_PLACES + [place("龙船镇", "town", 4)])
    assert got["4个核酸检测点位"].place == "深泽县"
    assert got["300名党员"].place == "龙船镇"


def test_scope_word_prefers_place_named_earlier_in_sentence():
    text = ("醴陵市公安局交警大队党总支实行三班24小时勤务制度,全警无休,奔赴全市7个高速公路互通口,"
            "与相关部门开展疫情设卡盘查工作。")
    got = run(text, [place("株洲市", "city", 20), place("醴陵市", "city", 2)],
              [org("醴陵市公安局交警大队党总支", "party")], datetime(2020, 2, 1))
    assert got["7个高速公路互通口"].place == "醴陵市"
    assert got["7个高速公路互通口"].organization == "醴陵市公安局交警大队党总支"


def test_named_place_nearest_before_number():
    text = "1月28日,位于株洲的湖南华源荣康药业有限公司连夜从邵阳调配5000个防护口罩。"
    got = run(text, [place("株洲", "city", 5), place("邵阳", "city", 1)],
              [org("湖南华源荣康药业有限公司")], datetime(2020, 2, 1))
    c = got["5000个防护口罩"]
    assert (c.place, c.organization, c.date) == ("邵阳", "湖南华源荣康药业有限公司", date(2020, 1, 28))


def test_longest_place_name_wins():
    text = "北京市新发地市场附近的3235个社区开展排查。"
    got = run(text, [place("北京", "city", 3), place("北京市", "city", 1)])
    assert got["3235个社区"].place == "北京市"


def test_place_inside_organization_name_is_not_the_place():
    text = "石家庄市人民医院10名医护人员连夜集结。"
    got = run(text, ARTICLE_PLACES, [org("石家庄市人民医院", "hospital")])
    c = got["10名医护人员"]
    assert (c.place, c.organization) == (None, "石家庄市人民医院")


def test_place_object_of_earlier_clause_is_not_the_place():
    text = "接到驰援湖北的紧急任务,市中心医院近300名医护人员主动请缨。"
    got = run(text, [place("湖北", "province", 3)], [org("市中心医院", "hospital")], datetime(2020, 2, 1))
    c = got["近300名医护人员"]
    assert (c.place, c.organization) == (None, "市中心医院")


def test_no_place_in_sentence_is_null():
    got = run("每天工作长达20个小时。", ARTICLE_PLACES)
    assert got["达20个小时"].place is None


# ----------------------------------------------------------------------------- organization


def test_organization_before_number():
    got = run(S_JIHUA, ARTICLE_PLACES, [org("际华3502公司"), org("石家庄四药有限公司")])
    for key in ("2条医用防护服生产线", "3条平面口罩生产线", "日供防护服、隔离衣2万套", "口罩10万只"):
        assert got[key].organization == "际华3502公司", key
        assert got[key].place is None


def test_unit_row_also_matches_parent_written_alone():
    got = run(S_JIHUA, ARTICLE_PLACES, [org("际华3502公司党委", "party")])
    assert got["2条医用防护服生产线"].organization == "际华3502公司"


def test_organization_in_list_is_not_owner():
    text = ("浚县在疫情防控一线迅速成立县疫情防控指挥部办公室临时党委、5个工作组临时党支部,"
            "1.2万余名党员第一时间奔赴抗击疫情一线。")
    got = run(text, [place("浚县", "county", 5)], [org("县疫情防控指挥部办公室临时党委", "party")], None)
    assert got["5个工作组临时党支部"].organization is None
    assert got["1.2万余名党员"].organization is None
    assert got["1.2万余名党员"].place == "浚县"


def test_organization_not_across_new_subject_or_semicolon():
    text = "际华3502公司调配设备,他们3天完成改造。际华3502公司扩产；全市4050个农村党组织行动。"
    got = run(text, ARTICLE_PLACES, [org("际华3502公司")])
    assert got["3天"].organization is None
    assert got["4050个农村党组织"].organization is None


def test_organization_after_number_or_in_other_sentence_is_null():
    text = "际华3502公司满负荷运转。20.1万名党员投身抗疫防疫一线,支援际华3502公司。"
    got = run(text, ARTICLE_PLACES, [org("际华3502公司")])
    assert got["20.1万名党员"].organization is None


# ----------------------------------------------------------------------------- date


def test_month_day_with_year_from_published_at():
    text = "1月19日,全市核酸检测点位增至4个核酸检测点位。"
    got = run(text, ARTICLE_PLACES)
    assert got["4个核酸检测点位"].date == date(2021, 1, 19)


def test_december_date_in_january_article_is_previous_year():
    text = "12月30日,深泽县调配生活必需品20余吨。"
    got = run(text, ARTICLE_PLACES)
    c = got["生活必需品20余吨"]
    assert (c.date, c.place) == (date(2020, 12, 30), "深泽县")


def test_sentence_without_date_is_null():
    got = run(S_CITY, ARTICLE_PLACES)
    assert got["4050个农村党组织"].date is None
    text = "春节期间,300余家门店照常营业。"
    assert run(text)["300余家"].date is None


def test_no_published_at_and_no_year_is_null():
    got = run("1月19日,全市4050个农村党组织投入战斗。", ARTICLE_PLACES, published_at=None)
    assert got["4050个农村党组织"].date is None


def test_date_range_takes_first_day():
    text = "1月21日至29日加急配送口罩110余万个,其他药品、器械和消毒用品90余万盒(瓶)。"
    got = run(text, published_at=datetime(2020, 2, 1, 13, 30))
    assert {c.date for c in got.values()} == {date(2020, 1, 21)}


def test_date_with_time_of_day():
    text = "6月27日凌晨1时10分,检测队伍集结了4名检测人员。"
    got = run(text, published_at=datetime(2020, 7, 16, 8, 13))
    assert got["4名检测人员"].date == date(2020, 6, 27)


@pytest.mark.parametrize("written, expected", [
    ("2020年2月1日", date(2020, 2, 1)),
    ("2019年12月30日", date(2019, 12, 30)),
    ("2020-02-01", date(2020, 2, 1)),
    ("二〇二〇年二月一日", date(2020, 2, 1)),
    ("1月19号", date(2021, 1, 19)),
    ("一月十九日", date(2021, 1, 19)),
    ("去年1月19日", date(2020, 1, 19)),
    ("2020年2月", None),
])
def test_written_date_forms(written, expected):
    text = f"{written},全市4050个农村党组织投入战斗。"
    assert run(text, ARTICLE_PLACES)["4050个农村党组织"].date == expected


def test_nearest_date_before_number_wins():
    text = "1月2日接到通知后,1月6日全市设置了4个核酸检测点位。"
    assert run(text, ARTICLE_PLACES)["4个核酸检测点位"].date == date(2021, 1, 6)


def test_invalid_date_is_null():
    assert run("2月30日,全市4050个农村党组织投入战斗。", ARTICLE_PLACES)["4050个农村党组织"].date is None


# ----------------------------------------------------------------------------- script, empty, speed


def test_traditional_input_gives_same_result_after_to_simplified():
    trad = "自今年1月24日開始,鐵二東院21名平均年齡67歲的老黨員們以帳篷為“家”,163天守護著524戶居民。" \
           "——北京的3235個社區、3876個行政村、近10萬名基層工作者投入戰疫一線。"
    simp = to_simplified(trad)
    assert simp != trad
    places = [place("北京", "city", 12), place("铁二东院", "compound", 2)]
    pub = datetime(2020, 7, 16, 8, 13)

    def rows(text):
        return [(c.text, c.place, c.organization, c.date) for c in run(text, places, (), pub).values()]

    got = rows(simp)
    as_dict = {t: (p, o, d) for t, p, o, d in got}
    assert as_dict["524户居民"] == ("铁二东院", None, date(2020, 1, 24))
    assert as_dict["3235个社区"] == ("北京", None, None)
    # the raw traditional text itself (same-length shadow) gives the same context
    trad_rows = [(p, o, d) for _, p, o, d in rows(trad)]
    assert trad_rows == [(p, o, d) for _, p, o, d in got]


def test_empty_claims():
    assert attach_context([], "", [], [], [], None) == []


def test_speed():
    text = (S_CITY + S_JIHUA + "1月21日至29日加急配送口罩110余万个。") * 400
    spans = spans_of(text)
    claims = extract_statistics(text, spans, "a")
    t0 = time.perf_counter()
    attach_context(claims, text, spans, ARTICLE_PLACES * 10, [org("际华3502公司")] * 10, PUB_000)
    dt = time.perf_counter() - t0
    assert len(text) / dt >= 200_000, f"{len(text) / dt:.0f} chars/s"

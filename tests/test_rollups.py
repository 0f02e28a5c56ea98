"""Roll-ups (pipeline/geocode: relative.py, article.py): relative names completed from the article,
codes on organizations, people and statistics, within codes of non-division places, and the
article's own place, on real pages of data/raw and tests/data/extra and on short real-looking
sentences; every code on every table is a division of the table."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.geocode import (article_place, complete_organizations, complete_people, divisions_table,
                              geocode_places, within_codes)
from pipeline.ingest import PageTask
from pipeline.records import OrganizationRow, PersonRow, PlaceRow
from pipeline.runner import process_task

REPO = Path(__file__).resolve().parent.parent
RAW = REPO / "data" / "raw"
EXTRA = REPO / "tests" / "data" / "extra"


def page(path: Path):
    return process_task(PageTask(path.name, path=str(path)))


@pytest.fixture(scope="module")
def hebi():
    return page(RAW / "001_318863c880046f39.txt")


@pytest.fixture(scope="module")
def zhuzhou():
    return page(RAW / "002_2ce852fb66e9e90e.txt")


def places_for(text: str, spec: list[tuple[str, str]]) -> list[PlaceRow]:
    rows = [PlaceRow("a", n, lv, text.count(n), text.find(n), text.find(n) + len(n), None) for n, lv in spec]
    return within_codes(geocode_places(rows, text), text)


def org(text: str, name: str) -> OrganizationRow:
    return OrganizationRow("a", name, "other", text.count(name), text.find(name), text.find(name) + len(name), None)


def completed(text: str, spec, names: list[str]) -> dict[str, tuple]:
    out = complete_organizations([org(text, n) for n in names], places_for(text, spec), text)
    return {o.name: (o.name_completed, o.adcode) for o in out}


# --------------------------------------------------------------------------- relative names

def test_the_hebi_page_completes_city_county_and_province_names(hebi):
    orgs = {o.name: o for o in hebi.organizations}
    assert (orgs["市人民医院"].name_completed, orgs["市人民医院"].adcode) == ("鹤壁市人民医院", "410600000000")
    assert orgs["市民政局机关党委"].name_completed == "鹤壁市民政局机关党委"
    # 浚县在疫情防控一线迅速成立县疫情防控指挥部办公室临时党委: the county written before it
    # (the article has two counties, 浚县 and 淇县, so only the sentence decides)
    assert orgs["县疫情防控指挥部办公室临时党委"].name_completed == "浚县疫情防控指挥部办公室临时党委"
    assert orgs["县疫情防控指挥部办公室临时党委"].adcode == "410621000000"
    assert (orgs["省委"].name_completed, orgs["省委"].adcode) == ("河南省委", "410000000000")
    assert orgs["抗疫突击队联合党支部"].name_completed is None  # no division word: nothing to complete
    assert "党工委" not in orgs  # a bare kind (generic_orgs.tsv), no organization row
    people = {p.name: p for p in hebi.people}
    assert (people["王新国"].organization, people["王新国"].organization_completed, people["王新国"].adcode) == \
        ("市人民医院", "鹤壁市人民医院", "410600000000")
    # 市第三人民医院联合门诊主任孙玲燕: the whole unit before the title (the qualifier limit once cut it to 人民医院)
    assert (people["孙玲燕"].organization, people["孙玲燕"].organization_completed, people["孙玲燕"].adcode) == \
        ("市第三人民医院", "鹤壁市第三人民医院", "410600000000")


def test_two_cities_in_the_article_leave_a_relative_name_null(zhuzhou):
    # the 株洲 page names 株洲, 邵阳, 武汉 and 黄冈 (and the county-level city 醴陵市)
    orgs = {o.name: o for o in zhuzhou.organizations}
    for name in ("市中心医院", "市卫健委党委", "市公安局党委"):
        assert (orgs[name].name_completed, orgs[name].adcode) == (None, None), name
    assert orgs["株洲市妇幼保健院"].adcode == "430200000000"


def test_a_county_name_from_the_article_and_a_village_from_the_sentence():
    text = "连云港市东海县组织党员下沉社区。县卫健委抽调医护人员支援卡口。"
    assert completed(text, [("连云港市", "city"), ("东海县", "county")], ["县卫健委"]) == \
        {"县卫健委": ("东海县卫健委", "320722000000")}
    text = "记者来到湖北省长阳土家族自治县榔坪镇关口垭村，村党支部书记带领党员上山巡查。"
    spec = [("湖北省", "province"), ("长阳土家族自治县", "county"), ("榔坪镇", "town"), ("关口垭村", "village")]
    assert completed(text, spec, ["村党支部", "镇党委"]) == {
        "村党支部": ("关口垭村党支部", "420528107203"),
        "镇党委": ("榔坪镇党委", "420528107000")}


def test_a_village_is_never_completed_from_the_article_alone():
    text = "湖北省长阳土家族自治县榔坪镇关口垭村的党员。第二天，村党支部召开会议。"
    spec = [("湖北省", "province"), ("长阳土家族自治县", "county"), ("榔坪镇", "town"), ("关口垭村", "village")]
    assert completed(text, spec, ["村党支部"]) == {"村党支部": (None, None)}


def test_words_that_only_start_with_a_division_character_are_not_relative():
    text = "鹤壁市淇滨区。市场监管局和镇平县人民医院的党员。"
    got = completed(text, [("鹤壁市", "city"), ("淇滨区", "district")], ["市场监管局", "镇平县人民医院"])
    assert got == {"市场监管局": (None, None), "镇平县人民医院": (None, None)}


def test_a_persons_community_is_completed_from_the_place_before_it():
    text = "长沙市芙蓉区四口塘社区党员很多，社区干部刘敏每天值守。"
    places = places_for(text, [("长沙市", "city"), ("芙蓉区", "district"), ("四口塘社区", "community")])
    person = PersonRow("a", "刘敏", "subject", ["干部"], "社区", None, None, 1, text.find("刘敏"),
                       text.find("刘敏") + 2, None)
    out = complete_people([person], [], places, text)[0]
    assert out.organization_completed == "四口塘社区"
    code = next(p.adcode for p in places if p.name == "四口塘社区")
    assert code is not None and out.adcode == code


# --------------------------------------------------------------------------- the article's place

def test_teams_sent_to_wuhan_leave_the_zhuzhou_page_in_zhuzhou(zhuzhou):
    assert (zhuzhou.article.place, zhuzhou.article.place_adcode) == ("株洲市", "430200000000")


def test_the_zhuzhou_weights_decide_without_the_outlet_too():
    text = "株洲市芦淞区党员驰援湖北武汉。株洲市党员值守株洲市各卡口，芦淞区龙船镇花石村的党员也在。"
    places = places_for(text, [("株洲市", "city"), ("芦淞区", "district"), ("湖北", "province"), ("武汉", "city"),
                               ("龙船镇", "town"), ("花石村", "village")])
    assert article_place(places, text, None) == ("株洲市", "430200000000")


def test_a_dateline_anchors_the_story():
    text = "新华社武汉1月20日电 株洲市医疗队抵达。株洲市、株洲市、株洲市的党员送行。"
    places = places_for(text, [("武汉", "city"), ("株洲市", "city")])
    assert article_place(places, text, None) == ("武汉市", "420100000000")


def test_conflicting_places_give_no_article_place_and_nothing_gives_none():
    text = "湖北的党员和湖南的党员。"
    assert article_place(places_for(text, [("湖北", "province"), ("湖南", "province")]), text, None) == (None, None)
    assert article_place([], "没有地名。", "河北日报") == (None, None)


def test_the_pages_own_places(hebi):
    assert (hebi.article.place, hebi.article.place_adcode) == ("鹤壁市", "410600000000")
    beijing = page(RAW / "004_853948ca1a560102.txt")  # 光明日报 (光明 is also 深圳's 光明区)
    assert (beijing.article.place, beijing.article.place_adcode) == ("北京市", "110000000000")


# --------------------------------------------------------------------------- within codes

def test_within_codes_of_compounds_and_landmarks():
    shijiazhuang = {p.name: p for p in page(RAW / "000_223767d5c64caf43.txt").places}
    # 裕华区东苑街道谈中园小区: the street written right before it
    assert shijiazhuang["谈中园小区"].within_adcode == "130102002000"
    # the page also names 武汉 and 沧州: no one city for a bare 保利花园小区
    assert shijiazhuang["保利花园小区"].within_adcode is None
    assert shijiazhuang["太行山"].within_adcode is None
    assert shijiazhuang["石家庄市"].within_adcode is None  # a division has its own code
    text = "石家庄市深泽县组织党员。谈固小区的居民排队检测，太行山下雪了。"
    got = {p.name: p.within_adcode for p in places_for(text, [("石家庄市", "city"), ("深泽县", "county"),
                                                              ("谈固小区", "compound"), ("太行山", "landmark")])}
    assert got == {"石家庄市": None, "深泽县": None, "谈固小区": "130100000000", "太行山": None}


# --------------------------------------------------------------------------- statistics and consistency

@pytest.fixture(scope="module")
def all_results():
    paths = sorted(RAW.glob("*.txt")) + sorted(p for p in EXTRA.glob("p*.txt"))
    return [page(p) for p in paths]


def test_statistics_carry_the_code_of_their_place(hebi, all_results):
    for result in all_results:
        # a place that is no division (a compound, a market) rolls up to the division around it
        code_of = {p.name: p.adcode or p.within_adcode for p in result.places}
        for claim in result.statistics:
            assert claim.adcode == (code_of.get(claim.place) if claim.place else None), claim
    assert sum(1 for r in all_results for c in r.statistics if c.adcode) >= 50


def test_every_code_on_every_table_is_a_division(all_results):
    table = divisions_table()
    seen = 0
    for r in all_results:
        codes = [r.article.place_adcode] + [p.adcode for p in r.places] + [p.within_adcode for p in r.places] + \
            [o.adcode for o in r.organizations] + [p.adcode for p in r.people] + [c.adcode for c in r.statistics]
        for code in codes:
            if code is not None:
                assert len(code) == 12 and int(code) in table, code
                seen += 1
        if r.article.place_adcode:
            assert r.article.place == table.name(int(r.article.place_adcode))
        for o in r.organizations:  # a completed name opens with the name of the division it is coded with
            if o.name_completed:
                assert o.adcode is None or o.name_completed.startswith(table.name(int(o.adcode))), o
    assert seen >= 300


def test_places_help_is_sent_to_are_no_evidence_of_the_story():
    # p10: a 郁南县 company buys protective goods 支援湖北和武汉; p18: a 宁夏 team 奔赴湖北, 抵达武汉
    # (宁夏 is named only inside 宁夏医科大学总医院): neither is a Hubei story
    assert (page(EXTRA / "p10.txt").article.place, page(EXTRA / "p18.txt").article.place) == ("郁南县", None)
    text = "株洲市医疗队驰援湖北。湖北和武汉的患者。株洲市送行。"
    places = places_for(text, [("株洲市", "city"), ("湖北", "province"), ("武汉", "city")])
    assert article_place(places, text, None) == (None, None)  # 湖北 1 + 武汉 1 against 株洲 2: no majority
    text = "株洲市医疗队驰援湖北、武汉。湖北的患者。株洲市送行。"
    places = places_for(text, [("株洲市", "city"), ("湖北", "province"), ("武汉", "city")])
    assert article_place(places, text, None) == ("株洲市", "430200000000")  # 株洲 2 against 湖北 1

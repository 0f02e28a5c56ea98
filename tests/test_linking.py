"""Entity linking across articles (issue #17): constructed cases for the rule of
pipeline/corpus/linking.py, then the same cases through a real run."""
import random
from datetime import date

import pyarrow.parquet as pq
import pytest

from pipeline.corpus.linking import Mention, link_organizations, link_people, person_key
from pipeline.runner import run

SJZ, ZZ, HB, QX = "130100000000", "430200000000", "410600000000", "130104000000"  # 石家庄 株洲 鹤壁 桥西区


def person(aid, name, org=None, place=None, day=None, titles=()):
    return Mention(aid, name, org, place, day, name, "subject", tuple(titles), 1)


def test_two_li_ming_of_two_cities_are_two_people_and_one_that_fits_both_is_not_guessed():
    ids, rows = link_people([person("a", "李明", place=SJZ), person("b", "李明", place=QX),
                             person("c", "李明", place=ZZ), person("d", "李明")])
    assert ids[("a", "李明")] == ids[("b", "李明")]  # 石家庄 contains 桥西区
    assert ids[("a", "李明")] != ids[("c", "李明")]
    assert ids[("d", "李明")] not in (ids[("a", "李明")], ids[("c", "李明")])
    assert sorted((r.adcode or "", r.articles, r.ambiguous) for r in rows) == [
        ("", 1, True), (QX, 2, False), (ZZ, 1, False)]


def test_song_guowei_with_and_without_her_hospital_is_one_person():
    ms = [person("a", "宋国威", "石家庄市人民医院", SJZ, date(2021, 1, 23), ["检验科主任"]),
          person("b", "宋国威", None, SJZ, date(2021, 1, 25)),                 # a 石家庄 article, no hospital
          person("c", "宋国威", "石家庄市人民医院检验科", None, date(2021, 2, 1)),
          person("d", "宋国威", None, None, date(2021, 1, 20))]               # nothing to tell: the one 宋国威
    ids, rows = link_people(ms)
    assert len(set(ids.values())) == 1
    (row,) = rows
    assert (row.organization, row.adcode, row.articles, row.titles) == ("石家庄市人民医院", SJZ, 4, ["检验科主任"])
    assert (row.first_date, row.last_date) == (date(2021, 1, 20), date(2021, 2, 1))
    assert row.organizations[0] in ("石家庄市人民医院", "石家庄市人民医院检验科")
    # another city's 宋国威, or another organization in the same city, is someone else
    ids2, _ = link_people(ms + [person("e", "宋国威", None, HB), person("f", "宋国威", "石家庄四药有限公司", SJZ)])
    assert ids2[("e", "宋国威")] != ids2[("a", "宋国威")] != ids2[("f", "宋国威")]


def test_a_name_written_with_another_dot_or_a_space_is_one_person_with_aliases():
    def written(aid, name, place=None):
        return Mention(aid, person_key(name), None, place, None, name, "subject", (), 1)

    ids, rows = link_people([written("a", "雪克来提·扎克尔"), written("b", "雪克来提•扎克尔"),
                             written("c", "雪克来提·扎克尔"), written("d", "宋 国威", SJZ), written("e", "宋国威", SJZ)])
    assert ids[("a", "雪克来提·扎克尔")] == ids[("b", "雪克来提•扎克尔")] == ids[("c", "雪克来提·扎克尔")]
    assert ids[("d", "宋 国威")] == ids[("e", "宋国威")]
    assert [(r.name, r.aliases, r.articles) for r in rows] == [
        ("宋国威", ["宋 国威"], 2), ("雪克来提·扎克尔", ["雪克来提•扎克尔"], 3)]


def test_ids_come_from_content_not_from_order():
    ms = [person(f"a{i}", n, o, p) for i, (n, o, p) in enumerate(
        [("李明", None, SJZ), ("李明", None, ZZ), ("宋国威", "石家庄市人民医院", SJZ), ("宋国威", None, None),
         ("张勇", "汇宁街社区党总支", QX), ("张勇", None, SJZ)])]
    expected = link_people(ms)
    rng = random.Random(3)
    for _ in range(5):
        rng.shuffle(ms)
        assert link_people(ms) == expected


def test_city_hospitals_of_two_cities_are_two_bodies_and_an_unplaced_generic_name_gets_no_id():
    def org(aid, name, place, generic, row_name=None):
        return Mention(aid, name, None, place, None, row_name or name, "hospital", (), 1, generic)

    ids, rows = link_organizations([
        org("a", "市人民医院", SJZ, True), org("b", "市人民医院", HB, True),
        org("c", "鹤壁市人民医院", HB, False, row_name="市人民医院"),  # completed by its article
        org("d", "鹤壁市人民医院", HB, False), org("e", "市人民医院", None, True)])
    assert ids[("a", "市人民医院")] != ids[("b", "市人民医院")]
    assert ids[("c", "市人民医院")] == ids[("d", "鹤壁市人民医院")]
    assert ids[("e", "市人民医院")] is None
    hebi = next(r for r in rows if r.name == "鹤壁市人民医院")
    assert hebi.aliases == ["市人民医院"] and hebi.articles == 2


PAGES = {
    "a_sjz.txt": "石家庄讯 1月20日，石家庄市人民医院检验科主任宋国威带领17名党员在青园街道连续奋战了18个昼夜。"
                 "石家庄市桥西区红旗街道汇宁街社区党支部书记李明带领党员排查。",
    "b_sjz.txt": "石家庄讯 1月22日，宋国威说，只要城市和人民需要，我就要带头冲锋在抗击疫情的最前沿。"
                 "石家庄市人民医院的医护人员坚守岗位。",
    "c_zz.txt": "株洲讯 2月1日，株洲市天元区栗雨街道月塘社区党总支书记李明在劝说社区居民取消婚礼。"
                "株洲各级基层党组织奋勇争先。",
}


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    d = tmp_path_factory.mktemp("linking")
    (d / "in").mkdir()
    for name, text in PAGES.items():
        (d / "in" / name).write_text(text, encoding="utf-8")
    run(d / "in", d / "out", workers=1, use_cache=False)
    return {t: pq.read_table(d / "out" / f"{t}.parquet").to_pylist()
            for t in ("articles", "people", "organizations", "person_entities", "organization_entities")}


def test_a_run_links_the_constructed_pages(tables):
    path = {a["article_id"]: a["source_path"] for a in tables["articles"]}
    people = {(path[r["article_id"]], r["name"]): r["person_id"] for r in tables["people"]}
    assert people[("a_sjz.txt", "宋国威")] == people[("b_sjz.txt", "宋国威")]
    assert people[("a_sjz.txt", "李明")] != people[("c_zz.txt", "李明")]
    assert all(r["person_id"] for r in tables["people"])
    assert {r["person_id"] for r in tables["people"]} == {r["person_id"] for r in tables["person_entities"]}
    song = next(r for r in tables["person_entities"] if r["name"] == "宋国威")
    assert song["articles"] == 2 and song["organization"] == "石家庄市人民医院" and song["adcode"] == SJZ
    for r in tables["organizations"]:
        if r["org_id"] is not None:
            assert r["org_id"] in {e["org_id"] for e in tables["organization_entities"]}

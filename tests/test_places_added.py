"""Places the tuned-on sets label and the pipeline missed (2026-12-07, ninth session): divisions made after
cpca's table (recipes/build_division_additions.py), zones named after the place before them, venues named
after a place — on the articles' own sentences and unlabelled CCTV ones, with the forms that stay as they were."""
import importlib.util
from pathlib import Path

import pytest

from pipeline.gazetteer import divisions
from test_entities import entities

ROOT = Path(__file__).resolve().parent.parent


def places(text):
    return [p.name for p in entities(text)[2]]


def test_the_division_additions_are_what_their_recipe_derives(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("build_division_additions", ROOT / "recipes" / "build_division_additions.py")
    recipe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(recipe)
    if not recipe.DEFAULT_INPUT.exists():
        pytest.skip("../shared/corpora not available")
    monkeypatch.setattr(recipe, "OUT", tmp_path / "divisions_added.tsv")
    monkeypatch.setattr("sys.argv", ["build_division_additions.py"])
    assert recipe.main() == 0
    committed = (ROOT / "pipeline" / "data" / "divisions_added.tsv").read_text(encoding="utf-8")
    assert (tmp_path / "divisions_added.tsv").read_text(encoding="utf-8") == committed


def test_divisions_made_after_cpcas_table_are_divisions():
    # 坪山区 (2016: tune3 xwlb_48413), 渌口区 (2018: the reference page 002's), 水城区 (2020: tune24 xwlb_46963), 临平区 (2021)
    assert {divisions().get(n) for n in ("坪山区", "渌口区", "水城区", "临平区")} == {"district"}
    assert divisions().get("那曲市") == "city" and divisions().get("龙港市") == "city"
    assert "石家庄高新技术产业开发区" not in divisions()  # a zone, no division


@pytest.mark.parametrize("text, expected", [
    ("浙江杭州临平区的企业陆续复工。", ["浙江", "杭州", "临平区"]),
    ("湖南株洲渌口区的村民。", ["湖南", "株洲", "渌口区"]),
])
def test_a_new_district_after_its_city_is_a_place(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize("text, expected", [
    # tune12 xwlb_54432, tune3 xwlb_53804: the model tags the place before a zone apart
    ("武汉东湖新技术开发区的企业陆续复工。", ["武汉东湖新技术开发区", "武汉"]),
    ("天竺综保区进口货物通关时间缩短。", ["天竺综保区"]),
    # a division of its own after its city stays apart; so does a zone after a mention ending in a city
    # (tune11 xwlb_40108: the model's 贸港海口 of 自贸港海口江东新区)
    ("天津滨海新区的企业。", ["天津", "滨海新区"]),
    ("海南自贸港海口江东新区建设提速。", ["海南", "贸港海口", "江东新区"]),
])
def test_a_zone_is_named_after_the_place_before_it(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize("text, expected", [
    # tune24 xwlb_46963, xwlb_42024 (tune8 xwlb_55287), tune10 xwlb_54877: venues named after a place
    ("游客来到南湖景区参观。", ["南湖景区"]),
    ("位于金沙江下游的白鹤滩水电站今天启动大坝基坑充水作业。", ["金沙江", "白鹤滩水电站"]),
    ("乌克兰扎波罗热核电站遭到炮击。", ["扎波罗热核电站", "乌克兰"]),
    ("三峡集团白鹤滩水电站大坝启动挡水作业。", ["白鹤滩水电站"]),  # tune24 xwlb_42024's headline
    # unlabelled CCTV (the check on 3,700 articles): an ordinal inside the name, a zone after a name
    ("福岛第一核电站营运商东京电力公司发表声明。", ["福岛第一核电站"]),
    ("张江高科片区被正式纳入上海自贸区版图。", ["张江高科片区", "上海"]),
    # a count before the ending names no venue
    ("美国一核电站泄漏事故隐瞒数月后公开。", ["美国"]),
    # a city's scenic spots name no venue; a city before the place leaves the venue as it was
    ("三亚景区迎来游客高峰。", ["三亚"]),
    ("嘉兴南湖景区这几天游客明显增多。", ["嘉兴", "南湖"]),
])
def test_a_venue_named_after_a_place_is_a_place(text, expected):
    assert places(text) == expected


def test_a_power_station_is_a_place_and_no_organization():
    _, orgs, _ = entities("位于金沙江下游的白鹤滩水电站今天启动大坝基坑充水作业。")
    assert orgs == []
    # the known body that runs it, written before it, is one
    _, orgs, _ = entities("三峡集团白鹤滩水电站大坝启动挡水作业。")
    assert [(o.name, o.org_type) for o in orgs] == [("三峡集团", "company")]


@pytest.mark.parametrize("text, name", [
    ("此前，伊朗原子能组织已宣布正在扩建布什尔核电站。", "布什尔核电站"),
    ("为保障游人安全，今天上午，九华山景区启动了旅游高峰期客流控制橙色预警。", "九华山景区"),
])
def test_a_venue_is_a_landmark(text, name):
    assert {p.name: p.level for p in entities(text)[2]}[name] == "landmark"

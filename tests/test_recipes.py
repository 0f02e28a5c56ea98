"""The README's "In a notebook" recipes run as written: every ```python block of that section, in
order, in one namespace, over the session's sample output (conftest.sample_output: the 35 pages of
data/raw and tests/data/extra and two reposts of the 石家庄 page), with exact results."""
import re

import pytest

from conftest import ROOT

SECTION = "## In a notebook"


def readme_blocks() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(f"\n{SECTION}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.S)


@pytest.fixture(scope="module")
def recipes(sample_output):
    """The names the blocks define. They read "data/processed", the output `make all` writes;
    here it is the sample output."""
    namespace = {}
    for block in readme_blocks():
        exec(compile(block.replace('"data/processed"', repr(str(sample_output))), SECTION, "exec"), namespace)
    return namespace


def rows(frame) -> list[tuple]:
    return [tuple(r.values()) for r in frame.to_dict("records")]


def test_the_section_holds_the_loading_block_and_five_recipes(recipes):
    blocks = readme_blocks()
    assert len(blocks) == 6
    assert sum('pipeline.load("data/processed"' in b for b in blocks) == 2  # dedupe, and the reposts' load
    assert recipes["t"].dedupe and not recipes["everything"].dedupe


def test_party_members_per_province(recipes):
    assert rows(recipes["members"]) == [
        ("吉林省", 375000.0, 2), ("湖南省", 240087.0, 3), ("河北省", 204988.0, 2), ("西藏自治区", 200000.0, 1),
        ("河南省", 27153.0, 7), ("福建省", 10000.0, 1), ("安徽省", 2400.0, 1), ("重庆市", 700.0, 1),
        ("黑龙江省", 78.0, 1), ("青海省", 34.0, 1), ("广西壮族自治区", 30.0, 1), ("北京市", 21.0, 1),
        ("海南省", 19.0, 1), ("内蒙古自治区", 15.0, 1)]
    # 河北: 石家庄's 20.1万名党员 (its 17名 and 52名 are counted in it, the reposts dropped) and
    # 滦平's 3988名无职党员; not its 268支 teams. 吉林: 20余万名党员干部 and 17.5万名农民党员, the
    # 1.8万 sent to 长春 and a community's 300 and 13 counted in them. 山东's 689名党员中心户 are households.
    assert 201000 + 3988 == 204988


def test_top_organizations_by_type(recipes):
    top = recipes["top"]
    assert list(top.columns) == ["org_type", "org_entity_name", "articles", "mentions"]
    assert rows(top) == [
        ("company", "万达", 1, 3), ("company", "亿能集团", 1, 2),
        ("government", "鹤壁市审计局", 1, 3), ("government", "海南省政协", 1, 2),
        ("hospital", "东方医院", 1, 2), ("hospital", "天坛医院", 1, 2),
        ("media", "新京报", 1, 1), ("media", "求是", 1, 1),
        ("military", "南昌消防救援支队特勤大队", 1, 1),
        ("ngo", "三亚志愿服务队", 1, 2), ("ngo", "郁南县慈善会", 1, 1),
        ("other", "万州区总工会", 1, 4), ("other", "党员中心", 1, 3),
        ("party", "疫情防控临时党支部", 2, 3), ("party", "党中央", 2, 2),
        ("police", "武定县公安局经侦大队", 1, 2), ("police", "交警第五中队", 1, 1),
        ("school", "首都师范大学", 1, 1), ("school", "鹤壁市外国语中学", 1, 1)]


def test_a_persons_appearances_over_time(recipes):
    appearances = recipes["appearances"]
    assert str(appearances.published_at.dtype) == "timestamp[us][pyarrow]"
    assert [(r["source_path"], r["person_titles"]) for r in appearances.to_dict("records")] == [
        ("extra/p02.txt", ["总书记"]), ("extra/p10.txt", ["总书记"]), ("extra/p17.txt", ["总书记"])]
    assert appearances.published_at.isna().all()  # these three pages give no date


def test_claims_of_one_outlet(recipes):
    claims = recipes["hebei_daily"]
    assert list(claims.claim_text) == [
        "17名党员", "4050个农村党组织", "727个社区党组织", "20.1万名党员", "18个昼夜", "长达20个小时", "几万个管子",
        "3天", "4个核酸检测点位", "生活必需品20余吨", "物资3万余元", "1.5万多名机关干部", "半个多月",
        "连花清瘟胶囊日产400万盒", "52名党员", "2条医用防护服生产线", "3条平面口罩生产线", "日供防护服、隔离衣2万套",
        "口罩10万只"]
    assert rows(claims)[3] == ("20.1万名党员", 201000.0, "名", "党员", "party_members")
    # the README's figure without dedupe: the story and its two reposts
    everything = recipes["everything"].sql("select count(*) as n from statistics s join articles a "
                                           "using (article_id) where a.outlet = '河北日报'")
    assert everything.n[0] == 57


def test_reposts(recipes):
    assert rows(recipes["reposts"]) == [
        ("2bf02dd9694a0181", 3, ["raw/000_223767d5c64caf43.txt", "reposts/big5.txt", "reposts/mirror.txt"])]

"""Measure words the tuned-on CCTV claim labels count with and the pipeline missed (claim_units.tsv, added
2026-12-07, eighth session), on the labelled articles' own sentences, and the words those units open that
stay no claim (claim_unit_not_next.tsv)."""
from __future__ import annotations

import pytest

from pipeline.claims import extract_statistics


def figures(text):
    return {(c.text, c.value, c.unit) for c in extract_statistics(text, [])}


@pytest.mark.parametrize("text, expected", [
    ("《中华人民共和国简史》共7章40节31万字，由人民出版社、当代中国出版社联合出版。",  # tune labels: 7章, 40节
     {(None, 7.0, "章"), (None, 40.0, "节")}),
    ("现在，玉普乡3个行政村有了5口取水井，天冷有取水井，天暖有自来水。", {(None, 5.0, "口")}),
    ("企业还面临着生死大考：一万多桌订餐陆续退订。", {(None, 10000.0, "桌")}),
    ("4月28日，非盟和非洲22国的疾控中心专家与中国专家举行了一场抗疫经验交流会。", {(None, 22.0, "国")}),
    ("日本政府今天宣布东京都及其周边3县进入紧急状态。", {(None, 3.0, "县")}),
    ("列车满载100个标箱的防疫、生活物资。", {(None, 100.0, "个标箱")}),
    ("南宁市18条内河38段黑臭水体中35段已基本消除，其余3段也计划在年内完成治理。",
     {(None, 38.0, "段"), (None, 35.0, "段"), (None, 3.0, "段")}),
])
def test_a_measure_word_the_labels_count_with(text, expected):
    found = {(v, u) for _, v, u in figures(text)}
    assert {(v, u) for _, v, u in expected} <= found


@pytest.mark.parametrize("text", [
    "第19届亚运会将于9月23日开幕。",  # an ordinal
    "中共十九届五中全会在北京举行。",  # a session's number (届 is left out as a unit)
    "两国元首就双边关系交换了意见。",  # a small count in words (optional by the guidelines)
    "今年3月国家统计局发布数据。",  # a date before 国家
    "318国道全线贯通。",  # a road's number
    "会议听取了县委工作报告，全县3县级领导参加。",
])
def test_the_new_units_open_no_claim_in_other_words(text):
    units = {u for _, _, u in figures(text)}
    assert not units & {"章", "节", "届", "口", "桌", "国", "县", "段"}


@pytest.mark.parametrize("text, subject", [
    ("实现了对31个省区市全覆盖。", "省区市"),  # the counted noun stays the subject (no unit 省区市)
    ("国务院19个部门联合印发通知。", "部门"),
])
def test_a_counted_division_or_department_keeps_its_subject(text, subject):
    assert [c.subject for c in extract_statistics(text, [])] == [subject]


def test_wells_counted_by_kou_keep_their_noun():
    # 3,700 unlabelled articles: the one row the unit 口 made worse until 井 became a one-character subject
    assert [(c.text, c.unit, c.subject) for c in extract_statistics("陈国南已经帮人探了6万多口井。", [])] \
        == [("6万多口井", "口", "井")]

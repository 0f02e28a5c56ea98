"""Measure words the tuned-on CCTV claim labels count with and the pipeline missed (claim_units.tsv, added
2026-12-07, eighth session), on the labelled articles' own sentences; the words those units open that stay
no claim (claim_unit_not_next.tsv); and the units tried and left out (届, 国, 县, 组, 段, 部门, 省区市)."""
from __future__ import annotations

import pytest

from pipeline.claims import extract_statistics


def figures(text):
    return {(c.value, c.unit) for c in extract_statistics(text, [])}


@pytest.mark.parametrize("text, expected", [
    ("《中华人民共和国简史》共7章40节31万字，由人民出版社、当代中国出版社联合出版。", {(7.0, "章"), (40.0, "节")}),
    ("现在，玉普乡3个行政村有了5口取水井，天冷有取水井，天暖有自来水。", {(5.0, "口")}),
    ("企业还面临着生死大考：一万多桌订餐陆续退订。", {(10000.0, "桌")}),
    ("列车满载100个标箱的防疫、生活物资。", {(100.0, "个标箱")}),
    ("展览共展出150多幅各类摄影作品。", {(150.0, "幅")}),
])
def test_a_measure_word_the_labels_count_with(text, expected):
    assert expected <= figures(text)


@pytest.mark.parametrize("text", [
    "第19届亚运会将于9月23日开幕。",  # an ordinal
    "中共十九届五中全会在北京举行。",  # a session's number (届 is no unit)
    "两国元首就双边关系交换了意见。",
    "318国道全线贯通。",
    "巩固人文交流这一两国关系的基石。",  # (国 is no unit: a review)
    "2021国考报名人数创新高。",
    "寨牙乡江口村4组、5组所在团寨发生特大火灾。",  # a village group's address (组 is no unit)
    "台北市忠孝东路4段发生火灾。",  # a road's section (段 is no unit)
    "春节期间口罩供应充足。",
])
def test_the_units_tried_and_the_words_they_open_make_no_claim(text):
    units = {u for _, u in figures(text)}
    assert not units & {"章", "节", "届", "口", "桌", "国", "县", "段", "组"}


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

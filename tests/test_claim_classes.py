"""statistics.subject_class: what a claim counts, by kind (issue #17), on real sentences of the
reference pages and as a promise over every claim of the golden output."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.claims import attach_context, extract_statistics, subject_class
from pipeline.lexicons import lexicon
from pipeline.segment import sentence_spans

GOLDEN = Path(__file__).resolve().parent / "golden" / "statistics.jsonl"
CLASSES = {r.subject_class for r in lexicon("claim_subject_classes").records()}


@pytest.mark.parametrize("sentence, expected", [
    ("石家庄市20.1万名党员投身疫情防控一线。", [("20.1万名党员", "party_members")]),
    ("全市4050个农村党组织、727个社区党组织迅速行动。", [("4050个农村党组织", "organizations"),
                                                     ("727个社区党组织", "organizations")]),
    ("他们捐款3万余元，购买生活必需品20余吨。", [("捐款3万余元", "money"), ("生活必需品20余吨", "goods")]),
    ("他连续奋战了18个昼夜。", [("18个昼夜", "time")]),
])
def test_classes_of_real_claims(sentence, expected):
    spans = sentence_spans(sentence)
    claims = attach_context(extract_statistics(sentence, spans, "a"), sentence, spans, [], [], None)
    assert [(c.text, subject_class(c.subject, c.unit)) for c in claims] == expected


def test_the_unit_decides_before_the_subject():
    assert subject_class("党员捐款", "元") == "money"
    assert subject_class("党员志愿者", "名") == "party_members"  # 党员 is before 志愿者 in the file
    assert subject_class("不明之物", "个") is None


def test_every_golden_claim_has_a_known_class_or_none():
    rows = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    assert rows and all(r["subject_class"] in CLASSES | {None} for r in rows)
    assert sum(r["subject_class"] == "party_members" for r in rows) >= 15

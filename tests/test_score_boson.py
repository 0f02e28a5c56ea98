"""recipes/score_boson.py: the split of the Boson paragraphs and which labels count as gold."""
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("score_boson", ROOT / "recipes" / "score_boson.py")
score_boson = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score_boson)


def test_the_two_halves_are_disjoint_and_cover_the_corpus():
    tune, heldout = score_boson.part_indexes("tune", 1800), score_boson.part_indexes("heldout", 1800)
    assert len(tune) == 900 and len(heldout) == 900
    assert not set(tune) & set(heldout) and set(tune) | set(heldout) == set(range(1800))
    assert tune == score_boson.part_indexes("tune", 1800)  # seeded: the same every run


def test_gold_people_are_full_names_and_organizations_both_kinds():
    text = "记者陈某、李先生和小李找到了张晓明与麦尔哈巴·亚库普，淘宝和工商局也来了。"
    spans = [(text.index(n), text.index(n) + len(n), kind) for n, kind in (
        ("陈某", "person_name"), ("李先生", "person_name"), ("小李", "person_name"), ("张晓明", "person_name"),
        ("麦尔哈巴·亚库普", "person_name"), ("淘宝", "company_name"), ("工商局", "org_name"))]
    gold = score_boson.gold_names({"text": text, "entities": spans})
    assert gold == {"people": {"张晓明", "麦尔哈巴·亚库普"}, "organizations": {"淘宝", "工商局"}}

"""recipes/silver_lac.py: sentence cutting, LAC's tags as spans, the agreement filter and the
draw's exclusion of the evaluation pages (the last needs ../shared; LAC itself is never run here)."""
import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("silver_lac", REPO / "recipes" / "silver_lac.py")
silver = importlib.util.module_from_spec(_spec)
sys.modules["silver_lac"] = silver  # dataclasses look their module up while the class is built
_spec.loader.exec_module(silver)


def test_sentences_of_a_real_page():
    text = (REPO / "data" / "raw" / "000_223767d5c64caf43.txt").read_text(encoding="utf-8")
    sentences = silver.split_sentences(text)
    assert sentences[2] == "石家庄市20.1万名党员投身疫情防控一线"
    assert sentences[3] == "我是共产党员,必须冲在最前线!"
    # whitespace goes (the photo credit's 张 昊), so offsets refer to the text as trained on
    assert "1月20日,医护党员突击队在石家庄聚和远见社区为居民进行核酸咽拭子采样。" in sentences
    assert "河北日报记者张昊摄" in sentences
    assert not any(ch.isspace() for s in sentences for ch in s)


def test_lead_in_of_the_programme_is_cut():
    assert silver.split_sentences("央视网消息(新闻联播):国务院总理李克强主持召开国务院常务会议。") == [
        "国务院总理李克强主持召开国务院常务会议。"]


def test_lac_tags_become_character_spans():
    words = ["石家庄市人民医院", "检验科", "主任", "宋国威", "带领", "17名", "党员"]
    tags = ["ORG", "n", "n", "PER", "v", "m", "n"]
    assert silver.lac_spans(words, tags) == [[0, 8, "ORG"], [13, 16, "PER"]]


def test_only_exact_agreement_is_kept():
    texts = ["习近平在北京会见拜登。", "石家庄市人民医院检验科主任宋国威", "今天天气很好。", "汤加"]
    lac = [{"ok": True, "entities": [[0, 3, "PER"], [4, 6, "LOC"], [8, 10, "PER"]]},
           {"ok": True, "entities": [[0, 8, "ORG"], [13, 16, "PER"]]},
           {"ok": True, "entities": []},
           {"ok": False, "entities": []}]
    model = [[[0, 3, "PER"], [4, 6, "LOC"], [8, 10, "PER"]],
             [[0, 11, "ORG"], [13, 16, "PER"]],  # the department kept: a boundary disagreement
             [],
             [[0, 2, "LOC"]]]
    kept, agree = silver.compare(texts, lac, model)
    assert kept == [{"text": texts[0], "entities": [[0, 3, "PER"], [4, 6, "LOC"], [8, 10, "PER"]]},
                    {"text": texts[2], "entities": []}]
    assert (agree.sentences, agree.lac_failed, agree.agreed, agree.agreed_with_entities) == (4, 1, 2, 1)
    assert (agree.with_entities_either, agree.lac_spans, agree.model_spans, agree.common_spans) == (2, 5, 5, 4)
    assert agree.kept_chars == len(texts[0]) + len(texts[2])
    assert dict(agree.kept_entities) == {"PER": 2, "LOC": 1}


@pytest.mark.skipif(not silver.CORPUS.exists(), reason="shared corpora not available")
def test_draw_never_takes_an_evaluation_page_or_its_sentences():
    import gzip
    import json

    sentences, drawn = silver.draw_sentences(20_000, seed=13)
    excluded = silver.eval_lines()
    assert len(excluded) == 90  # heldout, tune and tune2: 30 pages each
    eval_sentences = set()
    with gzip.open(silver.CORPUS, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n in excluded:
                eval_sentences.update(silver.split_sentences(json.loads(line)["text"]))
    assert not eval_sentences & set(sentences)
    assert drawn.chars == sum(map(len, sentences)) >= 20_000
    assert len(set(sentences)) == len(sentences) == drawn.sentences
    assert all(silver.MIN_CHARS <= len(s) <= silver.MAX_CHARS for s in sentences)

"""recipes/build_foreign_places.py: which runs of a text are candidate foreign place names, and when a
name the news writes after a country's name is written with it."""
import collections
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "recipes"))
import build_foreign_places as recipe  # noqa: E402
from pipeline.lexicons import lexicon  # noqa: E402
from pipeline.resources import jieba_word_tags  # noqa: E402

RUN = re.compile(f"[{''.join(sorted(lexicon('transliteration_chars').words()))}]+")


def candidates(text: str) -> set[str]:
    recipe._TAGS.update(jieba_word_tags())
    return {text[s:e] for m in RUN.finditer(text) for s, e in recipe._candidates(text, m.start(), m.end(), RUN)}


def test_one_character_before_the_run_opens_a_name():
    # 汗 is no transliteration character: 汗尤尼斯 was only ever read as 尤尼斯
    assert "汗尤尼斯" in candidates("以军袭击了南部城市汗尤尼斯。")


def test_but_not_a_character_that_ends_a_word_before_the_name():
    # 首府 + 霍姆斯 (府 ends 首府), 西藏 + 拉萨 (藏 ends 西藏), 仓库 + 里 (仓 opens a common word)
    assert not any(c.startswith("府") for c in candidates("在霍姆斯省首府霍姆斯，"))
    assert not any(c.startswith("藏") for c in candidates("来到西藏拉萨，"))


def test_a_name_nearly_always_written_after_a_country_is_written_with_it():
    with_lead = collections.Counter({"马里乌波尔": 79})
    assert recipe._whole_name("乌波尔", with_lead, 80) == "马里乌波尔"
    # 乌克兰 + 赫尔松: written alone as often as not, the name stays cut
    assert recipe._whole_name("赫尔松", collections.Counter({"乌克兰赫尔松": 40}), 300) == "赫尔松"

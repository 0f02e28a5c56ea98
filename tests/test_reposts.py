"""Reposts (issue #17): the same story under other chrome, with light edits, in the other script
→ one group; different stories on the same topic → apart. Real sample pages throughout."""
import random
import shutil
from datetime import datetime

import pyarrow.parquet as pq
import pytest

from conftest import EXTRA, RAW
from pipeline.corpus.reposts import RepostKey, _minhash, group_reposts, signature, text_sha1
from pipeline.ingest import PageTask
from pipeline.runner import process_task, run

ORIGINAL = next(RAW.glob("000_*.txt")).read_text(encoding="utf-8")  # 石家庄 party members (河北日报)
SAME_TOPIC = [next(RAW.glob("002_*.txt")).read_text(encoding="utf-8"),  # 株洲 party organizations
              next(RAW.glob("001_*.txt")).read_text(encoding="utf-8")]  # 鹤壁 party organizations

# the same article as another site saves it: other navigation, breadcrumb, date line and footer
OTHER_CHROME = ("首页 | 新闻中心 | 党建动态 | 基层风采 | 视频 | 专题 | 联系我们\n"
                "当前位置：首页 > 党建动态 > 正文\n"
                "石家庄市20.1万名党员投身疫情防控一线\n"
                "2021-01-23 10:25  来源：河北日报  作者：董昌  浏览次数：1024\n\n"
                + ORIGINAL.split("来源:河北日报发布时间:2021-01-23 08:11:33", 1)[1]
                + "\n\n责任编辑：刘洋\n版权所有 © 2021 某某党建网 备案号：冀ICP备12345678号\n"
                  "扫一扫 分享到微信朋友圈\n")


def light_edits(text: str) -> str:
    """What a repost desk does: a phrase reworded, a figure updated, a paragraph dropped."""
    text = text.replace("疾风知劲草，烈火炼真金。", "").replace("疾风知劲草,烈火炼真金。", "")
    text = text.replace("齐心构筑", "合力构筑").replace("争分夺秒", "分秒必争").replace("日产400万盒", "日产420万盒")
    paragraphs = text.split("\n\n")
    del paragraphs[len(paragraphs) // 2]
    return "\n\n".join(paragraphs)


def article(text: str, name: str):
    result = process_task(PageTask(name, text=text))
    assert result.article is not None, result.rejects
    return result


def similarity(a, b) -> float:
    return _minhash(a.signature).jaccard(_minhash(b.signature))


@pytest.fixture(scope="module")
def pages():
    import opencc

    return {"original": article(ORIGINAL, "hebei.txt"),
            "chrome": article(OTHER_CHROME, "other-site.txt"),
            "edited": article(light_edits(ORIGINAL), "edited.txt"),
            "traditional": article(opencc.OpenCC("s2t").convert(ORIGINAL), "big5-site.txt"),
            **{f"topic{i}": article(t, f"topic{i}.txt") for i, t in enumerate(SAME_TOPIC)}}


def test_the_same_article_under_other_chrome_is_the_same_text(pages):
    original, chrome = pages["original"].article, pages["chrome"].article
    assert original.content_sha1 != chrome.content_sha1
    assert similarity(pages["original"], pages["chrome"]) >= 0.9
    assert group_reposts(_keys(pages, "original", "chrome")) == {
        "original": ("original", True), "chrome": ("original", False)}


def test_light_edits_and_the_other_script_stay_in_the_group(pages):
    assert 0.5 <= similarity(pages["original"], pages["edited"]) < 1.0
    assert similarity(pages["original"], pages["traditional"]) >= 0.9
    groups = group_reposts(_keys(pages, "original", "edited", "traditional"))
    assert {g for g, _ in groups.values()} == {"original"}


def test_different_stories_on_the_same_topic_stay_apart(pages):
    for name in ("topic0", "topic1"):
        assert similarity(pages["original"], pages[name]) < 0.1
    groups = group_reposts(_keys(pages, "original", "topic0", "topic1"))
    assert sorted(g for g, _ in groups.values()) == ["original", "topic0", "topic1"]


def test_no_two_sample_pages_are_taken_for_reposts():
    """data/raw and tests/data/extra hold 35 different stories, many on one topic (party members
    against COVID-19): no pair comes near the threshold."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt")) + sorted(EXTRA.glob("*.txt"))]
    sigs = [s for s in (signature(t) for t in texts) if s]
    assert len(sigs) == 35
    hashes = [_minhash(s) for s in sigs]
    worst = max(a.jaccard(b) for i, a in enumerate(hashes) for b in hashes[i + 1:])
    assert worst < 0.15


def _key(aid, day, source, n=1000, sig=None, sha=None):
    return RepostKey(aid, sha or "same", day, source, n, sig)  # exact copies of one text


def test_canonical_rule_day_then_outlet_then_time_then_length():
    d = datetime
    # earliest day wins, whatever the outlet
    keys = [_key("late", d(2021, 1, 24), "河北日报"), _key("early", d(2021, 1, 23, 23), "某网")]
    assert group_reposts(keys)["early"] == ("early", True)
    # same day: the outlet most pages name beats an earlier time on another site, which beats none
    keys = [_key("copy", d(2021, 1, 23, 8), "新浪网"), _key("orig", d(2021, 1, 23, 11), "河北日报"),
            _key("repost", d(2021, 1, 23, 9), "河北日报"), _key("bare", d(2021, 1, 23, 7), None)]
    assert group_reposts(keys)["orig"] == ("repost", False)  # two name 河北日报: the earlier of them
    # an undated page never beats a dated one; then the longest text, then the smallest id
    keys = [_key("nodate", None, "河北日报", n=9000), _key("b", d(2021, 1, 23), None, n=10),
            _key("a", d(2021, 1, 23), None, n=10), _key("long", d(2021, 1, 23), None, n=500)]
    assert group_reposts(keys)["nodate"] == ("long", False)


def test_groups_do_not_depend_on_input_order(pages):
    keys = _keys(pages, *pages)
    expected = group_reposts(keys)
    rng = random.Random(17)
    for _ in range(5):
        rng.shuffle(keys)
        assert group_reposts(keys) == expected
    assert len({g for g, _ in expected.values()}) == 3  # the 石家庄 story (4 copies), 株洲, 鹤壁


def test_exact_copies_group_even_when_too_short_for_minhash():
    short = "通知：明日停水。"
    assert signature(short) is None
    keys = [RepostKey("x", text_sha1(short), None, None, 8, None), RepostKey("y", text_sha1(short), None, None, 8, None),
            RepostKey("z", text_sha1("通知：明日停电。"), None, None, 8, None)]
    assert group_reposts(keys) == {"x": ("x", True), "y": ("x", False), "z": ("z", True)}


def _keys(pages, *names):
    return [RepostKey(n, pages[n].article.text_sha1, pages[n].article.published_at, pages[n].article.source,
                      pages[n].article.n_chars, pages[n].signature) for n in names]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    import opencc

    d = tmp_path_factory.mktemp("reposts") / "in"
    d.mkdir()
    (d / "a_hebei.txt").write_text(ORIGINAL, encoding="utf-8")
    (d / "b_other.txt").write_text(OTHER_CHROME, encoding="utf-8")
    (d / "c_edited.txt").write_text(light_edits(ORIGINAL), encoding="utf-8")
    (d / "d_big5.txt").write_text(opencc.OpenCC("s2t").convert(ORIGINAL), encoding="utf-8")
    (d / "e_copy.txt").write_text(ORIGINAL + "\n", encoding="utf-8")  # an exact copy of the body
    for i, t in enumerate(SAME_TOPIC):
        (d / f"f_topic{i}.txt").write_text(t, encoding="utf-8")
    return d


def test_a_run_marks_reposts_in_the_articles_table(corpus, tmp_path):
    summary = run(corpus, tmp_path / "out", workers=1, use_cache=False)
    rows = {r["source_path"]: r for r in pq.read_table(tmp_path / "out" / "articles.parquet").to_pylist()}
    story = [rows[n] for n in ("a_hebei.txt", "b_other.txt", "c_edited.txt", "d_big5.txt", "e_copy.txt")]
    assert len({r["duplicate_group"] for r in story}) == 1
    assert rows["a_hebei.txt"]["text_sha1"] == rows["e_copy.txt"]["text_sha1"]
    # 2021-01-23 both; both name 河北日报 (the source the group names); 08:11 is earlier than 10:25
    canonical = [r["source_path"] for r in story if r["is_canonical"]]
    assert len(canonical) == 1 and story[0]["duplicate_group"] == rows[canonical[0]]["article_id"]
    for name in ("f_topic0.txt", "f_topic1.txt"):
        assert rows[name]["duplicate_group"] == rows[name]["article_id"] and rows[name]["is_canonical"]
    assert summary.repost_groups == (1, 5)
    assert sum(r["is_canonical"] for r in rows.values()) == 3


def test_the_dask_engine_marks_the_same_reposts(corpus, tmp_path):
    pytest.importorskip("distributed")
    import pyarrow.dataset as ds

    from pipeline.distributed import run_dask

    run(corpus, tmp_path / "local", workers=1, use_cache=False)
    summary = run_dask(corpus, tmp_path / "dask", workers=2, partition_size=2)
    local = pq.read_table(tmp_path / "local" / "articles.parquet")
    assert ds.dataset(tmp_path / "dask" / "articles", format="parquet").to_table().equals(local)
    assert summary.repost_groups == (1, 5)

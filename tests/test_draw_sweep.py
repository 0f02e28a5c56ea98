"""recipes/draw_sweep.py numbers articles as recipes/select_heldout.py does, so a sweep never reads an
article of an evaluation set and read.tsv names the articles that were read (sweeps 17 and 18 were
drawn by a script counting from 1, which named the article after the one read)."""
import doctest
import gzip
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "recipes"))
import draw_sweep  # noqa: E402
import select_heldout  # noqa: E402


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """A corpus of 40 articles (article k says 文章k) and a read.tsv recording lines 3 and 5."""
    path = tmp_path / "corpus.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for k in range(40):
            fh.write(json.dumps({"text": f"文章{k}：" + "党员在社区值守。" * 50}, ensure_ascii=False) + "\n")
    swept = tmp_path / "read.tsv"
    swept.write_text("# line\tsweep\n3\t1\n5\t2\n", encoding="utf-8")
    monkeypatch.setattr(select_heldout, "CORPUS", path)
    monkeypatch.setattr(select_heldout, "SWEPT", swept)
    monkeypatch.setattr(select_heldout, "_selection",
                        lambda which: {7: ("xwlb_7", "-")} if which == "heldout" else {})
    return tmp_path, swept


def test_a_drawn_stem_holds_the_article_of_that_line(corpus):
    tmp, _ = corpus
    out = tmp / "sweep"
    drawn = draw_sweep.draw(out, 36, seed=1)
    assert len(drawn) == 36  # of the 37 lines outside the set and the sweeps
    for n in drawn:
        assert (out / f"xwlb_{n}.txt").read_text(encoding="utf-8").startswith(f"文章{n}：")
    # the set's line 7 and the swept lines 3 and 5 are never drawn; every other line may be
    assert {3, 5, 7}.isdisjoint(drawn)
    assert (out / "lines.txt").read_text().split() == [str(n) for n in drawn]


def test_every_line_outside_the_sets_and_sweeps_is_a_candidate(corpus):
    tmp, _ = corpus
    drawn = draw_sweep.draw(tmp / "all", 100, seed=2)
    assert sorted(drawn) == [n for n in range(40) if n not in {3, 5, 7}]


def test_recording_keeps_the_first_sweep_of_a_line(corpus):
    tmp, swept = corpus
    stems = tmp / "stems.txt"
    stems.write_text("xwlb_5\nxwlb_12\n12\n30\n", encoding="utf-8")
    assert draw_sweep.record(9, [stems], swept) == 2
    assert draw_sweep.recorded(swept) == {3: 1, 5: 2, 12: 9, 30: 9}
    assert swept.read_text().splitlines()[0] == "# line\tsweep"
    assert draw_sweep.taken_lines() == {3, 5, 7, 12, 30}


def test_docstring_examples():
    assert doctest.testmod(draw_sweep).failed == 0

"""Derive pipeline/data/lexicons/foreign_places.tsv: foreign place names (cities, regions, front
lines) that Chinese news writes in transliteration characters, read off the contexts the unlabelled
news writes them in.

    .venv/bin/python recipes/build_foreign_places.py
    .venv/bin/python recipes/build_foreign_places.py --debug 莫斯科 赫尔松   # also print their counts

Source: ``../shared/corpora/unlabelled/xinwenlianbo.jsonl.gz`` (CCTV 新闻联播 transcripts
2012-2026, 38.5M characters), never copied into the repo; only this table of names and counts is.
Every article of an evaluation set (recipes/select_heldout.py: heldout and the tune sets) is left
out, so no held-out page lends a name.

A name is a run of two to seven transliteration characters (transliteration_chars.tsv) that stands
on its own, or such a run with one other character after it and the transliteration characters
after that (塔什干, 伊久姆: 干 and 久 stand in too few person names to be listed), or with one other
character before it (喀布尔, 汗尤尼斯, 明尼苏达) that ends no word of the dictionary or known place
with the characters before it (首府 + 霍姆斯, 西藏 + 拉萨) and opens no common word (仓库 + 里). A
name written after a country's name in nine of ten occurrences is written with it (马里乌波尔:
马里 + 乌波尔), unless the lists know the rest as a city (巴西 + 圣保罗). Each occurrence is counted as

* a place context: a place word right after it (州, 市, 地区, 方向, 前线, 附近, 机场 …) or a
  locative verb right before it (在, 抵达, 前往, 位于, 访问 …);
* a person context: a verb of saying (speech_verbs.tsv) or a person's word right after it (表示, 说,
  指出, 先生, 总统 …)
  or a title head right before it.

A name is kept when it has at least ``MIN_PLACE`` place contexts and at most one person context
for every ``PLACE_PER_PERSON`` place contexts; has three characters or more (two are as often a
piece of a longer name); is no country or Chinese division (places_by_name.tsv and the gazetteer
have those) and no common word of jieba's dictionary (历史, 法治); and stands after a character
that can end the clause before a name (在, 的, 对, 东部 …) in at least a fifth of its occurrences, so
that it is no piece of a longer name (尼苏达 of 明尼苏达) and, the same way, that it is followed by
a character that can start what comes after a name (的, 州, 和 …: not 路易斯安 of 路易斯安那); it
does not open with a country or a Chinese place (伊朗大 of 伊朗大使, 海南博 of 海南博鳌).
The entities stage reads a "person" the model tagged with one of these names as a place, unless a
title stands right before it or a speech verb right after it.
"""
from __future__ import annotations

import collections
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "recipes"))

from pipeline.lexicons import lexicon  # noqa: E402  (the repo on the path first)

CORPUS = ROOT.parent / "shared" / "corpora" / "unlabelled" / "xinwenlianbo.jsonl.gz"
OUT = ROOT / "pipeline" / "data" / "lexicons" / "foreign_places.tsv"
MIN_PLACE = 3
PLACE_PER_PERSON = 5
# the contexts, as this recipe's knowledge (the table is the artifact, not these words)
PLACE_AFTER = ("州", "市", "省", "地区", "方向", "前线", "附近", "机场", "港", "郊区", "市中心", "一带", "境内",
               "当地", "街头", "以南", "以北", "以东", "以西", "周边", "核电站", "战线", "集结")
PLACE_BEFORE = ("在", "抵达", "前往", "位于", "访问", "飞抵", "途经", "驻", "来自", "到达", "攻占", "撤出", "进入")
# characters a place name may follow without being the end of a longer name (在哈尔科夫, 东部哈尔科夫);
# any other character before it glues it to a longer name (明 + 尼苏达, 宾夕 + 法尼亚)
BOUNDARY_BEFORE = set("在的和与及、对从往到至赴向将把被由于是为了等也都还就而或其同跟给让使以自占省市州国部军队城南北东西中近达抵访经驻攻撤入首")
# characters a place name may stand before without being the start of a longer name
BOUNDARY_AFTER = set("的和与及、州市省等地区方向前线附近机场港郊一带境内当街以周核战集是在也都将已被遭受发举召，。；：")
MIN_CHARS = 3
MAX_GLUED_SHARE = 0.8
# after a person's name: a verb of saying (speech_verbs.tsv, read in main) or a person's word
PERSON_WORDS_AFTER = ("先生", "女士", "总统", "总理", "主席", "外长")


def main() -> int:
    from pipeline.entities.name_words import TITLE_HEADS
    from pipeline.gazetteer import divisions, place_level
    from pipeline.resources import jieba_word_tags
    import select_heldout

    person_after = tuple(lexicon("speech_verbs").words()) + PERSON_WORDS_AFTER
    tags = jieba_word_tags()
    _TAGS.update(tags)

    if not CORPUS.exists():
        print(f"{CORPUS} not found", file=sys.stderr)
        return 1
    taken = {n for which in select_heldout.SEEDS for n in select_heldout._selection(which)}
    place, person = collections.Counter(), collections.Counter()
    total, glued = collections.Counter(), collections.Counter()
    written_with_lead: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)

    def known(prefix: str) -> bool:
        """A country or a Chinese place (place_level's default for unknown names is region)."""
        return place_level(prefix) not in (None, "region") or prefix in divisions()

    chars = "".join(sorted(lexicon("transliteration_chars").words()))
    run = re.compile(rf"[{chars}]+")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for number, line in enumerate(fh):
            if number in taken:
                continue
            text = json.loads(line)["text"]
            for m in run.finditer(text):
                for s, e in _candidates(text, m.start(), m.end(), run):
                    name, before, after = text[s:e], text[max(0, s - 4):s], text[e:e + 3]
                    # 乌克兰赫尔松: a country (or Chinese place) written onto the name opens the run
                    lead = next((k for k in range(len(name) - 2, 1, -1) if known(name[:k])), 0)
                    if lead:
                        written_with_lead[name[lead:]][name] += 1
                        name, before = name[lead:], "在"  # counted as after a boundary
                    total[name] += 1
                    if before and _han(before[-1]) and before[-1] not in BOUNDARY_BEFORE \
                            or after and _han(after[0]) and after[0] not in BOUNDARY_AFTER:
                        glued[name] += 1
                    if after.startswith(PLACE_AFTER) or before.endswith(PLACE_BEFORE):
                        place[name] += 1
                    if after.startswith(person_after) or before.endswith(TITLE_HEADS) or "·" in (after[:1], before[-1:]):
                        person[name] += 1
    kept = sorted((n for n, c in place.items()
                   if c >= MIN_PLACE and person[n] * PLACE_PER_PERSON <= c and len(n) >= MIN_CHARS
                   and place_level(n) in (None, "region") and n not in divisions()
                   and tags.get(n, "ns")[:2] in ("ns", "nr", "nz") and glued[n] <= MAX_GLUED_SHARE * total[n]
                   and n[0] not in BOUNDARY_BEFORE and n[-1] not in BOUNDARY_AFTER
                   and not any(place_level(n[:k]) not in (None, "region") or n[:k] in divisions()
                               for k in range(2, len(n)))),
                  key=lambda n: (-place[n], n))
    # 马里乌波尔: a name the news writes after a country's name nearly always (马里 + 乌波尔) is
    # that whole name; 乌克兰 + 赫尔松 is written alone as often as not, and stays cut
    written = [(_whole_name(n, written_with_lead[n], total[n]), n) for n in kept]
    header = [
        "# concept: Foreign place names written in transliteration characters (哈尔科夫, 赫尔松, 塔什干): a \"person\" the model tags with one is a place, unless a title stands right before it or a speech verb right after it.",
        "# source: derived by recipes/build_foreign_places.py from the contexts of ../shared/corpora/unlabelled/xinwenlianbo.jsonl.gz (CCTV 新闻联播 2012-2026), leaving out every article of the evaluation sets (recipes/select_heldout.py): a name kept has at least "
        f"{MIN_PLACE} place contexts (a place word after it, a locative verb before it) and at most one person context for every {PLACE_PER_PERSON}; countries are in places_by_name.tsv. Written 2026-12-06 day for issue #13 after a sweep of 1,000 unlabelled articles of 2020-2022 outside every evaluation set found foreign places read as people in 48 articles.",
        "# used by: pipeline/entities/name_words.py",
        "# note: the rules that use it: pipeline/entities/sanitise.py, places.py (levels)",
        "# columns: word\tplace_contexts\tperson_contexts",
    ]
    if "--debug" in sys.argv:
        for n in sys.argv[sys.argv.index("--debug") + 1:]:
            print(n, "place", place[n], "person", person[n], "total", total[n], "glued", glued[n])
    OUT.write_text("\n".join(header + [f"{w}\t{place[n]}\t{person[n]}" for w, n in written]) + "\n", encoding="utf-8")
    print(f"{len(written)} names written to {OUT}")
    return 0


# what no leading character may be or open (read in main: the dictionary, the countries' short
# forms, the places the lists know by name)
_TAGS: dict = {}
_NO_LEAD = BOUNDARY_BEFORE | BOUNDARY_AFTER | set(lexicon("country_abbreviations").words())
_KNOWN_RUNS = set(lexicon("foreign_cities").words()) | set(lexicon("places_by_name").words())
_COUNTRIES = {w for w, level in lexicon("places_by_name").mapping("level").items() if level == "country"}
_CONTEXT_STARTS = {w[0] for w in PLACE_AFTER + PERSON_WORDS_AFTER + tuple(lexicon("speech_verbs").words())}


#: the share of a name's occurrences after one country's name that makes the two one name
WHOLE_WITH_LEAD_SHARE = 0.9


def _whole_name(name: str, with_lead: collections.Counter, total: int) -> str:
    """``name`` with the country's name it is written after, when it nearly always is."""
    if not with_lead or name in _KNOWN_RUNS:
        return name  # (巴西 + 圣保罗: a city the lists know stands on its own)
    whole, n = with_lead.most_common(1)[0]
    lead = whole[:len(whole) - len(name)]
    return whole if n >= WHOLE_WITH_LEAD_SHARE * total and lead in _COUNTRIES else name


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _candidates(text: str, s: int, e: int, run: re.Pattern):
    """The names a run of transliteration characters [s, e) may be: the run itself (two to seven
    characters), the run with one other character after it and the transliteration
    characters after that (塔什 + 干, 伊 + 久 + 姆, 扎波罗 + 热), three to seven characters in all,
    and either with one other character before the run (汗 + 尤尼斯, 扎 + 波罗热)."""
    ends = [e] if 2 <= e - s <= 7 else []
    if e < len(text) and _han(text[e]) and text[e] not in BOUNDARY_AFTER | BOUNDARY_BEFORE | _CONTEXT_STARTS:
        nxt = run.match(text, e + 1)
        end = nxt.end() if nxt else e + 1
        if 3 <= end - s <= 7:
            ends.append(end)
    yield from ((s, end) for end in ends)
    # one character before the run (喀 + 布尔, 汗 + 尤尼斯) opens the name only when it ends no
    # word of the dictionary with the character before it (首府 + 霍姆斯, 这里 + 安家), stands for no
    # country (俄 + 库尔斯克) and the run is no known place of its own (据 + 莫斯科)
    lead = s - 1
    if lead >= 0 and 3 <= e - lead <= 7 and _han(text[lead]) and text[lead] not in _NO_LEAD \
            and text[s:e] not in _KNOWN_RUNS and not _word_across(text, lead, s):
        yield lead, e


def _word_across(text: str, lead: int, s: int) -> bool:
    """A word of the dictionary or a known place ends at the leading character (首府 + 霍姆斯,
    以色列 + 特拉维夫), or a common word opens with it (仓库 + 里); a name's own word does not
    (佐治亚, 喀布尔)."""
    for x in range(max(0, lead - 3), lead + 1):
        for y in range(lead + 1, min(len(text), s + 3) + 1):
            word = text[x:y]
            if x < lead < y and (word in _TAGS or word in _KNOWN_RUNS):
                return True  # the character ends a word before the name (西藏 + 拉萨, 中欧 + 班列)
            if x == lead and s < y and (word in _KNOWN_RUNS or _TAGS.get(word, "nr")[:2] not in ("nr", "ns", "nz")):
                return True  # it opens a common word (仓库, 红利), not the name's own (喀布尔)
    return False


if __name__ == "__main__":
    sys.exit(main())

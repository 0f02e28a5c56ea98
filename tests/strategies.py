"""Hypothesis strategies for the property tests (tests/test_properties.py).

Two kinds of input, as the properties must hold on both:

* arbitrary text: random unicode, "news soup" (real words, numerals, qualifiers, units, dates,
  punctuation, HTML fragments, control and odd characters shuffled together), huge lines;
* real pages mutated: a page from ``data/raw/`` or ``tests/data/extra/`` with its paragraphs
  shuffled, cut, spliced with another page, duplicated or joined, and random characters,
  punctuation, numerals and markup inserted.

And, for the regex properties, strings rich in what the claim and date grammars look at, and
small random patterns in the shape the lexicons produce (alternations of short words, optional
groups, lookbehinds, character classes).
"""
from __future__ import annotations

import re
from pathlib import Path

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
PAGE_FILES = sorted((ROOT / "data" / "raw").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "extra").glob("p*.txt"))
#: Every committed sample page (5 reference pages + 30 extra pages, both scripts).
REAL_PAGES: tuple[str, ...] = tuple(p.read_text(encoding="utf-8") for p in PAGE_FILES)
#: Non-empty paragraphs of the real pages.
REAL_PARAGRAPHS: tuple[str, ...] = tuple(dict.fromkeys(
    line for page in REAL_PAGES for line in page.split("\n") if line.strip()))
#: Characters the real pages use: random text over them looks like (very bad) news.
REAL_CHARS: str = "".join(sorted({ch for page in REAL_PAGES for ch in page if not ch.isspace()}))

# ---------------------------------------------------------------------------
# Vocabulary of the claim and date grammars (pipeline/claims/words.py, the claim_*.tsv lexicons and
# pipeline/text/dates.py), as plain data here so the strategies do not depend on the modules' names.

ARABIC = "0123456789"
CN_DIGITS = "零〇一二三四五六七八九两"
CN_NUMERAL_CHARS = CN_DIGITS + "十百千万亿点"
QUALIFIERS = ("近", "将近", "约", "大约", "超过", "逾", "至少", "不少于", "不到", "不足", "多达", "高达",
              "长达", "仅", "达", "上", "几", "数", "余", "多", "以上", "以下", "左右", "之多", "百分之",
              "半", "共", "累计", "其中")
MULTIPLIERS = ("万", "亿", "千万", "百万", "十万", "千", "百", "十")
UNITS = ("名", "个", "位", "人", "人次", "户", "家", "支", "条", "件", "套", "只", "盒", "瓶", "份", "台",
         "辆", "吨", "公里", "平方米", "元", "万元", "美元", "天", "日", "小时", "个小时", "个多月", "个半小时",
         "个月", "个昼夜", "年", "岁", "例", "起", "次", "%", "％", "百分点", "个百分点", "千瓦", "千克", "批")
RANGE_SEPARATORS = ("至", "到", "-", "~", "—", "－", "～")
DATE_WORDS = ("年", "月", "日", "号", "月份", "今年", "去年", "前年", "明年", "2020", "2021", "1月", "12月",
              "二〇二〇年", "十二月", "三十一日", "20日", "/", "-", ".", "时", "分", "凌晨", "下午")
SUBJECT_WORDS = ("党员", "党员干部", "农村党组织", "社区党组织", "志愿者", "医护人员", "口罩", "防护服", "隔离衣",
                 "村民", "群众", "居民", "家庭", "物资", "捐款", "党支部", "临时党支部", "突击队", "生产线")
PLACE_ORG_PERSON_WORDS = ("石家庄市", "河北省", "深泽县", "大桥头村", "浚县", "株洲", "北京", "香港", "台湾",
                          "街道", "社区", "县委组织部", "人民医院", "有限公司", "党委", "党总支", "宋国威", "李建华",
                          "书记", "主任", "记者", "通讯员", "编辑", "责编", "来源", "本报讯", "摄")
PUNCTUATION = ("。", "，", ",", "、", "；", ";", "！", "？", "!", "?", "：", ":", "“", "”", "‘", "’", "（", "）",
               "(", ")", "【", "】", "《", "》", "——", "…", "……", "...", "·", "|", ">", "/", "#", ".", "□", "■")
WHITESPACE = (" ", "  ", "\t", "\n", "\n\n", "\r\n", "\u3000", "\xa0", "\u2003", "\u200b", "\ufeff")
ODD = ("\ufffd", "\x00", "\x01", "\x7f", "\x1b", "\u2028", "\u2029", "\U0001F600", "\U00020000", "\ud800",
       "\u0301", "\u202e", "\uFF10", "\uFF21", "ā", "ǎ", "é")
HTML_BITS = ("<p>", "</p>", "<div class=\"content\">", "</div>", "<br/>", "<br>", "&nbsp;", "&amp;", "&lt;",
             "<script>var a=1;</script>", "<style>p{}</style>", "<!--", "-->", "<a href=\"/\">首页</a>",
             "<img src=\"a.jpg\" alt=\"图\">", "<html><body>", "</body></html>", "<h1>", "</h1>", "<td>", "</td>")
CHROME_LINES = ("返回首页 | 设为首页 | 加入收藏 | 联系我们", "所在位置:首页>新闻播报>", "责任编辑:王强",
                "来源:河北日报", "2021-01-20 10:39", "版权所有 冀ICP备05000000号", "扫一扫分享到微信",
                "河北日报记者 董 昌", "原标题:", "IMG_0001.jpg", "分享到:", "【字体:大 中 小】")

#: Pieces of text that exercise the claim grammar (plus a little of everything else).
_CLAIM_PIECES = (QUALIFIERS + MULTIPLIERS + UNITS + RANGE_SEPARATORS + DATE_WORDS + SUBJECT_WORDS
                 + ("第", "初", "周", "后", "来", "级", "届", "党龄", "代", "A", "P", "x", "#", ".", ",", "，",
                    "、", "(瓶)", "（箱）", "(", "）", "萬", "億", "餘", "個", "兩", "幾", "１２", "．"))


def arabic_numbers() -> st.SearchStrategy[str]:
    """1 / 20.1 / 1,200 / 0005 / 3.14159 …"""
    plain = st.integers(0, 10 ** 9).map(str)
    grouped = st.integers(1000, 10 ** 9).map(lambda n: f"{n:,}")
    decimal = st.tuples(st.integers(0, 9999), st.integers(0, 999)).map(lambda t: f"{t[0]}.{t[1]}")
    raw = st.text(alphabet=ARABIC + ",.", min_size=1, max_size=8)
    return st.one_of(plain, grouped, decimal, raw)


def chinese_numbers() -> st.SearchStrategy[str]:
    """Regular numerals (两千三百, 十五, 二〇二〇) and random strings of numeral characters."""
    def words(n: int) -> str:
        digits = "零一二三四五六七八九"
        if n < 10:
            return digits[n]
        out = []
        for value, name in ((1000, "千"), (100, "百"), (10, "十")):
            if n >= value:
                out.append(digits[n // value] + name)
                n %= value
        if n:
            out.append(digits[n])
        return "".join(out)

    return st.one_of(st.integers(0, 9999).map(words),
                     st.text(alphabet=CN_NUMERAL_CHARS, min_size=1, max_size=6))


def claim_rich_text(max_pieces: int = 24) -> st.SearchStrategy[str]:
    """Strings dense in numerals, qualifier words, multipliers, units, dates and subjects, with a
    sprinkle of random characters: the claim and date regexes see many near-misses."""
    piece = st.one_of(
        arabic_numbers(), chinese_numbers(), st.sampled_from(_CLAIM_PIECES),
        st.sampled_from(PUNCTUATION), st.sampled_from(WHITESPACE[:4]),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.characters(codec="utf-8"),
    )
    return st.lists(piece, max_size=max_pieces).map("".join)


def news_soup(max_pieces: int = 60) -> st.SearchStrategy[str]:
    """Random text made of news vocabulary, numerals, punctuation, chrome, markup and odd characters."""
    piece = st.one_of(
        st.sampled_from(REAL_PARAGRAPHS), st.sampled_from(CHROME_LINES),
        st.sampled_from(SUBJECT_WORDS + PLACE_ORG_PERSON_WORDS + QUALIFIERS + UNITS),
        arabic_numbers(), chinese_numbers(),
        st.sampled_from(PUNCTUATION), st.sampled_from(WHITESPACE), st.sampled_from(ODD),
        st.sampled_from(HTML_BITS),
        st.text(alphabet=REAL_CHARS, max_size=30),
        st.characters(),
    )
    return st.lists(piece, max_size=max_pieces).map("".join)


def arbitrary_text() -> st.SearchStrategy[str]:
    """Any unicode (also lone surrogates and controls), random real characters, or news soup."""
    return st.one_of(
        st.text(),
        st.text(alphabet=st.characters(exclude_categories=()), max_size=200),
        st.text(alphabet=REAL_CHARS + "\n。，0123456789", max_size=400),
        news_soup(),
    )


def huge_lines() -> st.SearchStrategy[str]:
    """One very long line (a page whose paragraphs lost their breaks, or a minified dump)."""
    return st.tuples(st.lists(st.sampled_from(REAL_PARAGRAPHS), min_size=1, max_size=4),
                     st.integers(5, 40), st.sampled_from(("", " ", "。", "\t"))).map(
        lambda t: t[2].join(t[0] * t[1]))


# ---------------------------------------------------------------------------
# Mutations of real pages

NOISE = st.one_of(
    st.sampled_from(PUNCTUATION + WHITESPACE + ODD + HTML_BITS + CHROME_LINES + QUALIFIERS + UNITS
                    + MULTIPLIERS + DATE_WORDS + SUBJECT_WORDS + PLACE_ORG_PERSON_WORDS),
    arabic_numbers(), chinese_numbers(),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), st.characters(),
)


@st.composite
def _span(draw, text: str) -> tuple[int, int]:
    i = draw(st.integers(0, len(text)))
    j = draw(st.integers(i, min(len(text), i + draw(st.sampled_from((5, 50, 500, 5000))))))
    return i, j


def _shuffle_paragraphs(draw, text):
    lines = text.split("\n")
    return "\n".join(draw(st.permutations(lines)))


def _cut(draw, text):
    i, j = draw(_span(text))
    return text[i:] if draw(st.booleans()) else text[:j]


def _delete(draw, text):
    i, j = draw(_span(text))
    return text[:i] + text[j:]


def _splice(draw, text):
    other = draw(st.sampled_from(REAL_PAGES))
    i, j = draw(_span(other))
    at = draw(st.integers(0, len(text)))
    return text[:at] + other[i:j] + text[at:]


def _insert_noise(draw, text):
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(NOISE) + text[at:]
    return text


def _duplicate_paragraph(draw, text):
    lines = text.split("\n")
    k = draw(st.integers(0, len(lines) - 1))
    lines.insert(draw(st.integers(0, len(lines))), lines[k])
    return "\n".join(lines)


def _join_or_split_lines(draw, text):
    if "\n" in text and draw(st.booleans()):
        breaks = [m.start() for m in re.finditer("\n", text)]
        at = draw(st.sampled_from(breaks))
        return text[:at] + draw(st.sampled_from(("", " ", "。"))) + text[at + 1:]
    at = draw(st.integers(0, len(text)))
    return text[:at] + "\n" + text[at:]


MUTATIONS = (_shuffle_paragraphs, _cut, _delete, _splice, _insert_noise, _duplicate_paragraph,
             _join_or_split_lines)


@st.composite
def mutated_pages(draw, max_mutations: int = 4) -> str:
    """A real page after 0–``max_mutations`` random mutations (the first draws shrink to none)."""
    text = draw(st.sampled_from(REAL_PAGES))
    for mutate in draw(st.lists(st.sampled_from(MUTATIONS), max_size=max_mutations)):
        text = mutate(draw, text)
    return text


def framed(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """``inner`` between real paragraphs (same line or its own), so that the cleaner keeps it as
    body and the extractors see it: bare random text is mostly rejected as boilerplate."""
    return st.tuples(st.sampled_from(REAL_PARAGRAPHS), inner, st.sampled_from(REAL_PARAGRAPHS),
                     st.sampled_from(("", "\n", "。"))).map(lambda t: t[3].join(t[:3]))


def page_texts() -> st.SearchStrategy[str]:
    """Arbitrary text (bare or framed by real paragraphs) or a mutated real page."""
    return st.one_of(arbitrary_text(), framed(arbitrary_text()), mutated_pages())


# ---------------------------------------------------------------------------
# Small random regex patterns in the shape of pipeline.lexicons' alternations

_WORD_CHARS = "党员委县市区镇村一二三四五六七八九十0123456789"


def lexicon_words() -> st.SearchStrategy[str]:
    """Words of 1–4 characters: a few CJK characters and digits (collisions wanted), or any CJK."""
    return st.text(alphabet=st.one_of(st.sampled_from(_WORD_CHARS),
                                      st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)),
                   min_size=1, max_size=4)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@st.composite
def lexicon_patterns(draw) -> str:
    """A sequence of 1–4 items: an alternation group (optional, repeated or not), a character
    class, a literal word, a lookbehind/lookahead or an anchor. Capture groups included, so the
    groups of the two compiled forms are compared too."""
    items = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(("group", "group", "class", "word", "look", "anchor", "scoped")))
        if kind == "group":
            alt = _alternation(draw(st.lists(lexicon_words(), min_size=1, max_size=5)))
            opener = draw(st.sampled_from(("(?:", "(")))
            quant = draw(st.sampled_from(("", "", "?", "*", "+", "{0,2}", "{1,3}", "??")))
            items.append(f"{opener}{alt}){quant}")
        elif kind == "class":
            chars = draw(st.text(alphabet=_WORD_CHARS, min_size=1, max_size=5))
            quant = draw(st.sampled_from(("", "?", "+", "{2}")))
            items.append(f"[{re.escape(chars)}]{quant}")
        elif kind == "word":
            items.append(re.escape(draw(lexicon_words())))
        elif kind == "look":
            look = draw(st.sampled_from(("behind", "behind_digit", "ahead", "ahead_not")))
            if look == "behind":  # a lookbehind needs a fixed width: one word
                items.append(f"(?<!{re.escape(draw(lexicon_words()))})")
            elif look == "behind_digit":
                items.append("(?<![0-9])")
            else:
                body = _alternation(draw(st.lists(lexicon_words(), min_size=1, max_size=3)))
                items.append(f"(?={body})" if look == "ahead" else f"(?!{body})")
        elif kind == "scoped":  # a scoped inline flag: (?i:word)
            items.append(f"(?{draw(st.sampled_from(('i', 's', 'x')))}:{re.escape(draw(lexicon_words()))})")
        else:
            items.append(draw(st.sampled_from(("^", "$", r"\b", r"\B"))))
    # global inline flags stay at the start; a blank between items is a literal unless re.VERBOSE
    prefix = draw(st.sampled_from(("", "", "", "(?i)", "(?s)", "(?x)")))
    return prefix + draw(st.sampled_from(("", " "))).join(items)


def pattern_haystacks() -> st.SearchStrategy[str]:
    """Strings over the pattern words' characters (so matches happen), plus anything."""
    return st.one_of(
        st.text(alphabet=_WORD_CHARS + " ，。", max_size=60),
        st.lists(st.one_of(lexicon_words(), st.characters()), max_size=20).map("".join),
    )

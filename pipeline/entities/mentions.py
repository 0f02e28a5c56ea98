"""Mentions: where a person, place or organization is written in one text unit.

Contract
--------
``unit_mentions(text, spans, unit) -> list[Mention]``: the model's character spans
``(start, end, label)`` of one text (the body or a caption), completed by rules and
cleaned, sorted by start:

1. rule mentions for what the model misses (``rule_mentions.py``): national and international bodies by name
   (工业和信息化部, 全国政协, 世卫组织: ``known_organizations.tsv``) unless a dictionary word
   runs across their edge (教育部门, 东北约), organizations closed by a strong head noun
   (…有限公司, …党支部, …医院, …救援队), division names from the gazetteer (山城区), places
   closed by a sub-county ending after a locative or in a list (…村, …社区, …小区), and
   facility tails after a place (株洲 + 西收费站), short company names in a list, dictionary
   names before a title (习近平总书记);
2. trimming (``edges.py``): a name that ran into the clause before it is cut after the last stop
   character or clause verb (防控卡点纷纷成立临时党支部 → 临时党支部); a department written
   after its organization is cut off (石家庄市人民医院检验科 → 石家庄市人民医院);
3. sanitising (``sanitise.py``): mentions that are common words or parts of idioms (返乡,
   众志成城) are dropped, places the model called organizations relabelled;
4. foreign names finished over transliteration characters (埃尔多 + 安, ``edges.py``), then
   joins (here): a place
   tail the model tagged apart (株洲 + 西站) and chains LOC* ORG of
   adjacent mentions (鹿泉区 + 石井乡 + 黄岩村党支部) become one mention.

The records are in ``units.py``; the word lists (``pipeline/data/lexicons/*.tsv``) are loaded
once, in ``name_words.py``.

>>> text = "防控卡点纷纷成立临时党支部。鹿泉区石井乡黄岩村党支部书记到株洲西站。"
>>> model_spans = [(0, 13, "ORG"), (29, 31, "LOC"), (31, 33, "LOC")]  # 防控卡点…党支部, 株洲, 西站
>>> [(text[m.start:m.end], m.label) for m in unit_mentions(text, model_spans, 0)]
[('临时党支部', 'ORG'), ('鹿泉区石井乡黄岩村党支部', 'ORG'), ('株洲西站', 'LOC')]
"""
from __future__ import annotations

import re
from typing import Sequence

from ..gazetteer import COUNTRIES, ETHNIC_GROUPS, FOREIGN_COUNTRIES, PLACES_KNOWN_BY_NAME, division_holds, divisions, place_level
from ..resources import jieba_word_tags
from ..text.chars import HAN, has_name_dot, is_han
from .edges import finish_foreign_names, is_transliterated, split_department, trim_mention
from .heads import COMPANY_WORDS, GOVERNMENT_HEADS, HEADS_NOT_AFTER_A_PLACE, ORG_HEAD_ENDINGS, head_at
from .name_words import (ADMINISTRATIVE_SUFFIXES, COMMON_WORD_TAGS, CONJUNCTIONS, DEPARTMENT_IN_TITLE_ENDINGS,
                         FRAGMENT_JOINING_ENDINGS, LOCAL_SUFFIXES, NAME_STOP_CHARS, PLACE_TAILS,
                         TITLE_BREAK_VERBS, TOWN_SUFFIXES, COMMUNITY_SUFFIXES, VENUE_ENDINGS, ROUTE_TAILS,
                         FOREIGN_PLACES, KNOWN_FOREIGN_PLACES, SPEECH_VERBS, TITLE_HEADS, ZONE_ENDINGS)
from .units import FirstMention, FirstMentions, Mention, Position, TextUnit, uncovered_occurrences
from .rule_mentions import add_rule_mentions
from .sanitise import sanitise

# re-exported: the rest of the package and its tests read these names from here
__all__ = ["CONJUNCTIONS", "DEPARTMENT_IN_TITLE_ENDINGS", "NAME_STOP_CHARS", "TITLE_BREAK_VERBS", "FirstMention",
           "FirstMentions", "Mention", "Position", "TextUnit", "is_transliterated", "unit_mentions"]


def unit_mentions(text: str, spans: Sequence[tuple[int, int, str]], unit: int) -> list[Mention]:
    """The mentions of one text unit from the model's ``spans`` (see the module docstring)."""
    # the model may take a paper's book-title marks into its name (《今日美国报》): they go; a
    # country the model called an organization (驱逐斯洛伐克、立陶宛…驻俄外交官) is a place
    spans = [(s + 1, e - 1, label) if text[s:s + 1] == "《" and text[e - 1:e] == "》" and e - s > 3
             else (s, e, label) for s, e, label in spans]
    spans = [piece for span in spans for piece in _place_cut_into_the_next(text, span)]
    mentions = [Mention(s, e, "LOC" if label == "ORG" and text[s:e] in COUNTRIES else label, unit)
                for s, e, label in spans]
    mentions = _whole_country_names(text, _foreign_places_rejoined(text, mentions))
    mentions = add_rule_mentions(text, mentions, unit)
    mentions = [split_department(text, t)
                for t in (trim_mention(text, m) for m in mentions) if t is not None]
    mentions = [t for m in mentions for t in _split_at_spaces(text, m)]
    mentions = [t for t in (sanitise(text, m) for m in mentions) if t is not None]
    mentions = finish_foreign_names(text, mentions)
    mentions = _people_listed_among_places(text, _titled_names_read_as_places(text, mentions))
    return _repeated_names(text, _merge_organizations(text, _join_place_tails(text, mentions)))


def _whole_country_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A country the model read without the word before it that opens the country's whole name
    (赴南 + 苏丹 → 南苏丹, 北 + 马其顿): the whole country, unless another mention holds that word."""
    out = []
    for m in mentions:
        if m.label == "LOC" and text[m.start:m.end] in COUNTRIES:
            k = next((k for k in (1, 2) if m.start - k >= 0 and text[m.start - k:m.end] in COUNTRIES
                      and not (out and out[-1].end > m.start - k)), 0)
            m = Mention(m.start - k, m.end, m.label, m.unit)
        out.append(m)
    return out


def _foreign_places_rejoined(text: str, mentions: list[Mention]) -> list[Mention]:
    """Two places written together that make one known foreign place (foreign_places.tsv), with
    its 州 or 市 at most: the model cut it at a country's name (马里 + 乌波尔 → 马里乌波尔, 赫梅利 +
    尼茨基州 → 赫梅利尼茨基州)."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.label == m.label == "LOC" and prev.end == m.start:
            joined = text[prev.start:m.end]
            if joined in KNOWN_FOREIGN_PLACES or joined[-1] in "州市" and joined[:-1] in KNOWN_FOREIGN_PLACES:
                out[-1] = Mention(prev.start, m.end, "LOC", m.unit)
                continue
        out.append(m)
    return out


def _place_cut_into_the_next(text: str, span: tuple[int, int, str]) -> list[tuple[int, int, str]]:
    """A place the model ended inside the next one (广东河 + 源: 广东 and the city 河源 it holds;
    越南河 + 内: 越南 and 河内) is the two places: the first a division or country, the second a
    division it holds or a known foreign place, running past the model's end."""
    s, e, label = span
    name = text[s:e]
    if label != "LOC" or e - s < 3 or name in divisions() or name in COUNTRIES:
        return [span]
    for k in range(e - s - 1, 1, -1):
        head = name[:k]
        if head not in divisions() and head not in COUNTRIES:
            continue
        for length in (4, 3, 2):
            nxt = text[s + k:s + k + length]
            if s + k + length > e and len(nxt) == length and (
                    head in COUNTRIES and nxt in FOREIGN_PLACES or division_holds(head, nxt)):
                return [(s, s + k, "LOC"), (s + k, s + k + length, "LOC")]
        break
    return [span]


#: what closes a list of places (哈尔科夫、苏梅等方向, 特拉维夫、阿什杜德等地)
# 等地, 等方向, 等多州, 等4地, 等共7个府县: what closes a list of places
_PLACE_LIST_CLOSE = re.compile("等共?(?:[多几数]|[0-9一二三四五六七八九十]+个?)?(?:地区|地(?!方)|方向|城市|国家|国|州|省|市|府县|县)")
_PAIR_JOINERS = ("和", "与", "及")
#: a count of the places just named (关岭和贞丰两个县, 中俄两国, 甲、乙、丙三地)
_PLACE_COUNT_CLOSE = re.compile("(?:两|[二三四五六七八九十])个?(?:地区|地(?!方)|城市|国家|国|州|省|市|县|区|乡|镇|村)")


def _titled_names_read_as_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """A "place" of three characters or more, all of transliteration, that no list of places knows
    and that a person's title follows (应奥巴马总统邀请, 出席联合国大会的阿巴斯总统: jieba and the
    model read 奥巴马 as a place name) is a person; a country before a title (美国总统) and a people
    before an occupation (哈萨克牧民: 哈萨克族) stay."""
    from .titles import title_right_after  # (titles reads this module's names: imported when used)

    out = []
    for m in mentions:
        name = text[m.start:m.end]
        if m.label == "LOC" and len(name) >= 3 and is_transliterated(name) \
                and name not in PLACES_KNOWN_BY_NAME and name not in KNOWN_FOREIGN_PLACES \
                and not divisions().get(name) and name + "族" not in ETHNIC_GROUPS \
                and title_right_after(text, m.end) is not None:
            m = Mention(m.start, m.end, "PER", m.unit)
        out.append(m)
    return out


def _people_listed_among_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """A "person" written right after a foreign country (德国曼海姆, 阿富汗坎大哈) or in brackets after
    it (南苏丹（瓦乌）), unless a verb of saying or a word of a body's name follows it (伊朗马汉航空)
    or it is written with a name dot (叙利亚巴沙尔·阿萨德政权: a person's),
    or listed right after a place in a list of places closed by 等地 or 等方向 (哈尔科夫、苏梅等方向:
    the city of Sumy; 坎大哈、巴格拉姆等地) or by a count of places (关岭和贞丰两个县), is a place too."""
    out = list(mentions)
    for k, m in enumerate(out):
        if m.label != "PER" or k == 0:
            continue
        prev = out[k - 1]
        if prev.label != "LOC":
            continue
        if text[prev.start:prev.end] in FOREIGN_COUNTRIES and text[prev.end:m.start] in ("（", "(") \
                and text[m.end:m.end + 1] in ("）", ")"):
            out[k] = Mention(m.start, m.end, "LOC", m.unit)  # 南苏丹（瓦乌）: the country's town in brackets
            continue
        if prev.end == m.start and text[prev.start:prev.end] in FOREIGN_COUNTRIES \
                and not text.startswith(SPEECH_VERBS + COMPANY_WORDS + ORG_HEAD_ENDINGS, m.end) \
                and not text.startswith(TITLE_HEADS, m.start) and not has_name_dot(text[m.start:m.end]):
            # (卡塔尔埃米尔塔米姆: a title opens it; 叙利亚巴沙尔·阿萨德政权: a dotted name is a person's)
            out[k] = Mention(m.start, m.end, "LOC", m.unit)
            continue
        last = _list_end(text, out, k)  # the list's last item: the close follows it
        joiner = text[prev.end:m.start]
        if joiner == "、" and (_PLACE_LIST_CLOSE.match(text, out[last].end) or _PLACE_COUNT_CLOSE.match(text, out[last].end)) \
                or joiner in _PAIR_JOINERS and _PLACE_COUNT_CLOSE.match(text, m.end):
            out[k] = Mention(m.start, m.end, "LOC", m.unit)  # 关岭和贞丰两个县: the count says what they are
    return _items_of_place_lists(text, out)


def _list_end(text: str, mentions: list[Mention], k: int) -> int:
    """Index of the last mention of the 、-list that ``mentions[k]`` is an item of (k itself if none)."""
    last = k
    while last + 1 < len(mentions) and text[mentions[last].end:mentions[last + 1].start] == "、":
        last += 1
    return last


def _items_of_place_lists(text: str, mentions: list[Mention]) -> list[Mention]:
    """Every item of a 、-list closed by 等地 (or 等城市, 等方向 …) that holds a place is a place when
    its name is transliterated and holds no word of a body's name (梅赫拉巴德、伊斯法罕、设拉子等地:
    the model read a person and an organization before 设拉子)."""
    out = list(mentions)
    k = 0
    while k < len(out):
        last = _list_end(text, out, k)
        items = range(k, last + 1)
        if last > k and _PLACE_LIST_CLOSE.match(text, out[last].end) and any(out[i].label == "LOC" for i in items):
            for i in items:
                name = text[out[i].start:out[i].end]
                if out[i].label != "LOC" and len(name) >= 2 and is_transliterated(name, rare=1) \
                        and not name.endswith(ORG_HEAD_ENDINGS + COMPANY_WORDS):
                    out[i] = Mention(out[i].start, out[i].end, "LOC", out[i].unit)
        k = last + 1
    return out + _unread_items_of_place_lists(text, out)


_LIST_ITEM_BEFORE = re.compile(rf"([{HAN}]{{2,5}})、$")
_LAST_ITEM = re.compile(rf"([{HAN}]{{2,5}})$")
#: jieba tags of common words no list item of places is (jieba_common_tags.tsv), but numerals,
#: measure, time and place words and the rarer tags (千叶 is m to the dictionary)
_COMMON_ITEM_TAGS = COMMON_WORD_TAGS - {"m", "q", "t", "s", "z", "b", "an", "vd"}


def _unread_items_of_place_lists(text: str, mentions: list[Mention]) -> list[Mention]:
    """The items of a list closed by 等地 (等4地, 等多州 …) that the model read as nothing, when another
    item is a place: places too, unless the dictionary knows them as common words (将埼玉、千叶、
    神奈川、大阪等4地: the model read 神奈川 and 大阪 only)."""
    tags = jieba_word_tags()
    added: list[Mention] = []
    unit = mentions[0].unit if mentions else 0
    for close in _PLACE_LIST_CLOSE.finditer(text):
        items, pos, places = [], close.start(), 0
        while True:
            last = _LAST_ITEM.search(text[max(0, pos - 5):pos]) if pos == close.start() else \
                _LIST_ITEM_BEFORE.search(text, max(0, pos - 6), pos)
            if last is None:
                break
            s, e = (pos - len(last.group(1)), pos) if pos == close.start() else last.span(1)
            covering = [m for m in mentions if m.start < e and m.end > s]
            if covering:
                exact = next((m for m in covering if m.start <= s and m.end >= e), None)
                if exact is None or exact.label != "LOC":
                    break  # a mention crosses the item, or it is no place: no plain list of places
                places += 1
                s = exact.start
            else:
                if text[s - 1:s] != "、" and text[s - 1:s] not in NAME_STOP_CHARS:
                    # the list's first item opens after the clause's words (将 + 埼玉, 先后到 + 和田)
                    k = next((k for k in range(2, e - s) if text[e - k - 1] in NAME_STOP_CHARS), None)
                    if k is None and s > 0 and is_han(text[s - 1]):
                        break
                    s = e - k if k is not None else s
                item = text[s:e]
                if tags.get(item, "ns") in _COMMON_ITEM_TAGS or tags.get(item[-2:]) in ("n", "vn") \
                        or any(tags.get(item[i:i + 2], "")[:1] == "v" for i in range(len(item) - 1)):
                    break  # a common word, one ending in a noun (教育系统) or holding a verb (包括巴士拉)
                items.append(Mention(s, e, "LOC", unit))
            pos = s
            if text[pos - 1:pos] != "、":
                break
        if places and items:
            added += items
    return added


#: the shortest name looked for again wherever a unit writes it (two characters are as often a word)
_REPEATED_NAME_MIN_CHARS = 3


def _repeated_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A person's name of three characters or more that the model tagged once is the person
    wherever the unit writes it again and no mention covers it (国家主席习近平致贺信 … 习近平指出:
    the model, trained on 1998 text, tags the name alone but not after 国家主席)."""
    names = {text[m.start:m.end] for m in mentions if m.label == "PER" and m.end - m.start >= _REPEATED_NAME_MIN_CHARS
             and all(is_han(c) for c in text[m.start:m.end])}
    if not names:
        return mentions
    added = [Mention(s, e, "PER", mentions[0].unit) for s, e in uncovered_occurrences(text, sorted(names), mentions)]
    return sorted(mentions + added, key=lambda m: (m.start, m.end)) if added else mentions


def _split_at_spaces(text: str, m: Mention) -> list[Mention]:
    """A person's mention across a space: one name written with a space inside (宋 国威, 王 平:
    one character, then one or two), else names of a list written with spaces between them
    (丁学东 丁薛祥 万立骏, 李屹 李伟 …: each part of two characters or more is a name, a part of
    one is the start of the next name the model cut)."""
    name = text[m.start:m.end]
    if m.label != "PER" or " " not in name.strip():
        return [m]
    parts = [(p.start() + m.start, p.end() + m.start) for p in re.finditer(r"\S+", name)]
    if len(parts) == 2 and parts[0][1] - parts[0][0] == 1 and parts[1][1] - parts[1][0] <= 2:
        return [m]
    return [Mention(a, b, "PER", m.unit) for a, b in parts if b - a >= 2]


def _join_place_tails(text: str, mentions: list[Mention]) -> list[Mention]:
    """株洲 + 西站 → 株洲西站: the model sometimes tags a station or district tail apart.
    A "person" written right after a province or city (陕西 + 杨凌) is a place in it."""
    out: list[Mention] = []
    for m in mentions:
        if m.label == "PER" and out and out[-1].label == "LOC" and out[-1].end == m.start \
                and place_level(text[out[-1].start:out[-1].end]) in ("province", "city"):
            m = Mention(m.start, m.end, "LOC", m.unit)
        previous = text[out[-1].start:out[-1].end] if out else ""
        if out and m.label == "LOC" and out[-1].label == "LOC" and out[-1].end == m.start \
                and not (text[m.start:m.end] in ROUTE_TAILS and place_level(previous) != "region") \
                and (text[m.start:m.end] in PLACE_TAILS
                     # 星河 + 丽景小区: a bare fragment before a compound or community name
                     or (text[m.start:m.end].endswith(FRAGMENT_JOINING_ENDINGS)
                         and previous not in divisions()
                         and not previous.endswith(ADMINISTRATIVE_SUFFIXES))):
            out[-1] = Mention(out[-1].start, m.end, "LOC", m.unit)
            continue
        if out and m.label == "LOC" and out[-1].label == "LOC" and out[-1].end == m.start \
                and text[m.start:m.end].endswith(ZONE_ENDINGS) and text[m.start:m.end] not in divisions() \
                and not (previous in divisions() and previous[-1] in "省市县区旗州盟") \
                and place_level(previous) not in ("province", "city", "country") \
                and not any(divisions().get(previous[-k:]) in ("province", "city") for k in (2, 3, 4)):
            # 天竺 + 综保区, 武汉 + 东湖 + 新技术开发区: a zone is named after the place written before it
            # (not 天津 + 滨海新区, a division of its own, nor 深圳 + 光明新区, 四川 + 天府新区: a zone in a
            # city or province, named on its own; nor after any division, 河北 + 威县 + 经济开发区, or a
            # mention ending in a city, 贸港海口 + 江东新区)
            out[-1] = Mention(out[-1].start, m.end, "LOC", m.unit)
            while len(out) >= 2 and out[-2].label == "LOC" and out[-2].end == out[-1].start \
                    and place_level(text[out[-2].start:out[-2].end]) in ("province", "city"):
                out[-2:] = [Mention(out[-2].start, out[-1].end, "LOC", m.unit)]
            continue
        if out and m.label == "LOC" and out[-1].label == "LOC" and out[-1].end == m.start \
                and text[m.start:m.end].endswith(VENUE_ENDINGS) and place_level(previous) in ("province", "city") \
                and not text.startswith(LOCAL_SUFFIXES + ("小区",), m.end) \
                and not any(place_level(text[m.start:m.start + k]) in ("province", "city") for k in (2, 3, 4)):
            # (抚顺 + 东华园社区: a community; 河南 + 郑州国际机场: the venue has its city already)
            # 上海 + 野生动物园, 北京市 + 青年宫: the city's name is part of the venue's
            out[-1] = Mention(out[-1].start, m.end, "LOC", m.unit)
            continue
        name = text[m.start:m.end]
        if m.label == "LOC" and not name.endswith(ADMINISTRATIVE_SUFFIXES) \
                and (suffix := next((s for s in COMMUNITY_SUFFIXES if text.startswith(s, m.end)), None)) \
                and (name not in divisions() or (out and out[-1].label == "LOC" and out[-1].end == m.start
                                                 and previous.endswith(TOWN_SUFFIXES))):
            # 陈家坝 + 社区: the model stopped before the suffix of a community or village; a
            # city's name does so only inside a chain (向阳街道 + 昆明 + 社区: 昆明社区, not 昆明)
            m = Mention(m.start, m.end + len(suffix), "LOC", m.unit)
        out.append(m)
    return out


def _ends_with_government_head(name: str) -> bool:
    """A place's name before a government body's head (土耳其 + 总统府, 某市 + 政府)."""
    return GOVERNMENT_HEADS.longest_ending(name, min_rest=2) is not None


def _merge_organizations(text: str, mentions: list[Mention]) -> list[Mention]:
    """Merge chains LOC* ORG (directly adjacent) into one ORG; extend ORG over a following head."""
    merged: list[Mention] = []
    for m in mentions:
        if m.label == "ORG":
            start = m.start
            foreign = is_transliterated(text[m.start:m.end]) and not text[m.start:m.end].endswith(ORG_HEAD_ENDINGS)
            while merged and merged[-1].end == start and merged[-1].label in ("LOC", "ORG") \
                    and not (foreign and merged[-1].label == "LOC"
                             and place_level(text[merged[-1].start:merged[-1].end]) == "region"):
                # (加沙地带 + 哈马斯: a foreign body's name after a region is where it acts, not its
                # name; 京津冀 + 创业投资引导基金 is one)
                start = merged.pop().start
            m = Mention(start, m.end, "ORG", m.unit)
        elif m.label == "LOC" and _ends_with_government_head(text[m.start:m.end]):
            m = Mention(m.start, m.end, "ORG", m.unit)  # 土耳其总统府: the model read the body as a place
        elif m.label == "LOC":
            # A place directly followed by an organization head word is an organization
            # (黄岩村 + 党支部, 滦平县 + 公安局) the model cut short.
            head = head_at(text, m.end)
            # (中国 + 科技创新, 中关村 + 科技园: a place alone names no company by a short company
            # head; a county's or district's short name may be a brand's too: 平安 + 证券)
            if head and not (head in HEADS_NOT_AFTER_A_PLACE
                             and place_level(text[m.start:m.end]) not in ("county", "district")):
                start = m.start
                while merged and merged[-1].end == start and merged[-1].label in ("LOC", "ORG"):
                    start = merged.pop().start
                m = Mention(start, m.end + len(head), "ORG", m.unit)
        merged.append(m)
    # An ORG directly followed by another head (石家庄市委 + 组织部) is one name.
    for i, m in enumerate(merged):
        if m.label == "ORG":
            head = head_at(text, m.end)
            nxt = merged[i + 1].start if i + 1 < len(merged) else len(text)
            if head and m.end + len(head) <= nxt:
                merged[i] = Mention(m.start, m.end + len(head), "ORG", m.unit)
    return merged

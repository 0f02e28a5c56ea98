"""Edges of a name: where a mention the model or a rule found really starts and ends.

``trim_mention(text, m)`` cuts the clause a name ran into (防控卡点纷纷成立临时党支部 → 临时党支部,
据大源集团 → 大源集团); ``split_department(text, m)`` cuts a department off its organization
(石家庄市人民医院检验科 → 石家庄市人民医院); ``finish_foreign_names(text, mentions)`` finishes a
foreign name the model cut short (埃尔多 + 安 → 埃尔多安, 主席雪 + 克来提·扎克尔 → 雪克来提·扎克尔).

>>> text = "防控卡点纷纷成立临时党支部。"
>>> m = trim_mention(text, Mention(0, 13, "ORG", 0))
>>> text[m.start:m.end]
'临时党支部'
"""
from __future__ import annotations

import re
from typing import Optional

from ..gazetteer import COUNTRIES, country_at, division_prefix_cut, divisions
from ..lexicons import lexicon
from ..resources import jieba_word_tags
from ..text.chars import NAME_DOTS, has_name_dot, is_han
from .foreign_bodies import is_foreign_body
from .heads import (COMPANY_HEAD_ENDINGS, KNOWN_ORGANIZATIONS, KNOWN_ORGANIZATIONS_BY_FIRST, ORG_HEADS_BY_LENGTH, company_seat_ending_at,
                    sent_team_join)
from .name_words import (COMMON_SURNAMES, CONJUNCTIONS, COUNTRY_ABBREVIATIONS, DEPARTMENT, DEPARTMENT_ENDINGS, DIVISION_SUFFIX_CHARS, LOC_LEAD,
                         FOREIGN_PLACES, NAME_STOP_CHARS, NAME_STOP_VERBS_ANY, PREPOSITIONS_BEFORE_PLACES, NOT_DEPARTMENTS, STOP_CHAR_NAME_WORDS, TITLE_HEAD_RE, TITLE_HEADS, division_covering,
                         noun_word_opening, place_word_covering)
from .units import Mention


def trim_mention(text: str, m: Mention) -> Optional[Mention]:
    """Cut a LOC/ORG mention after the last character or verb that cannot be inside a name.

    The model and the rules sometimes run a name into the clause before it
    (悬挂党旗,各党支部 → 党支部, 防控卡点纷纷成立临时党支部 → 临时党支部).
    """
    if m.label == "ORG" and text[m.end:m.end + 1] == "》" and (opening := text.rfind("《", max(0, m.start - 1), m.end)) >= 0 \
            and m.end - opening > 2:
        # 《每日钟声报》 (the model: 印度《每日钟声报): a name in title marks is written whole, from them
        return Mention(opening + 1, m.end, m.label, m.unit)
    if m.label == "PER" or text[m.start:m.end] in KNOWN_ORGANIZATIONS \
            or m.label == "ORG" and is_foreign_body(text, m.start, m.end):
        return m  # 泰国为泰党: a foreign party's name may hold a function word
    if m.label == "LOC":
        m = _division_across_conjunction(text, m)
    if m.label == "ORG" and (known := _known_body_after_country_and_conjunction(text, m)) is not None:
        return known  # 中国同海合会, 中国与海合会: the known body after the country and 同/与
    if m.label == "ORG" and (join := sent_team_join(text, m.start, m.end)) is not None:
        # 云南第七批支援湖北医疗队: the sender before 支援 is trimmed on its own, 支援 stays
        sender = trim_mention(text, Mention(m.start, join[0], "ORG", m.unit))
        return Mention(sender.start if sender is not None else join[1], m.end, "ORG", m.unit)
    start = m.start
    i = m.end - 1
    # a known body opening the name holds its own stop characters (华为公司: 为)
    known = max((len(k) for k in KNOWN_ORGANIZATIONS_BY_FIRST.get(text[m.start], ())
                 if text.startswith(k, m.start) and m.start + len(k) <= m.end), default=0)
    while i >= m.start + known:
        if (opening := _quoted_part_opening(text, m.start, i)) is not None:
            i = opening - 1  # 中央广播电视总台“心连心”艺术团: a quoted name inside the body's name
            continue
        if m.label == "ORG" and has_name_dot(text[i]) and (opening := _dotted_name_opening(text, m.start, i)) is not None:
            # 约翰斯·霍普金斯大学: a foreign person's dotted name inside a body's name is whole; a
            # country before it is none of the name (美国 + 约翰斯·霍普金斯大学)
            if text[m.start:opening] in COUNTRIES:
                start = opening
                break
            i = opening - 1
            continue
        if m.label == "ORG" and text[i] in "）)" and text.endswith(COMPANY_HEAD_ENDINGS, 0, m.end) \
                and (seat := company_seat_ending_at(text, i + 1)) is not None and seat.start() > m.start:
            i = seat.start() - 1  # 联邦快递（中国）有限公司: the seat in brackets is inside the name
            continue
        if text[i] in NAME_STOP_CHARS and text[i] not in CONJUNCTIONS:
            # 余杭区人民医院, 本溪市, 土耳其: a stop character inside a known division or a
            # dictionary place name is part of it
            covering = division_covering(text, i, m.start)
            if covering is None:
                covering = place_word_covering(text, i, m.start, m.end)
            if covering is None and (noun_word_opening(text, i, m.end) is not None
                                     or text.startswith(STOP_CHAR_NAME_WORDS, i) and i + 2 < m.end):
                # 自治区农村信用社联合社: a dictionary noun opens with the character; 中华全国供销合作总社:
                # a word of names does (stop_char_name_words.tsv)
                covering = i
            if covering is None and i > m.start and text.startswith(STOP_CHAR_NAME_WORDS, i - 1) and i + 1 < m.end:
                covering = i - 1  # 自由 + 党: the stop character closes such a word (由 of 自由)
            if covering is None:
                start = i + 1
                break
            i = covering
        i -= 1
    if m.label == "LOC":
        lead = LOC_LEAD.match(text, start, m.end)
        if lead and m.end - lead.end() >= 2:
            start = lead.end()
    verb = None
    for found in NAME_STOP_VERBS_ANY.finditer(text, start, m.end):
        noun_end = noun_word_opening(text, found.start(), m.end)
        if noun_end is None or noun_end <= found.end():
            # 联合 of 信用社联合社 is inside the noun 联合社, no verb; 高度评价, which the dictionary
            # also calls a noun, is the verb itself
            verb = found
    if verb is not None and verb.end() < m.end:
        start = max(start, verb.end())
    if m.label == "ORG":
        # 经陕西省林业局, 死亡率比美国疾控中心: a preposition before the body's place ends the clause
        start = max([start] + [i + 1 for i in range(start, m.end - 3)
                               if text[i] in PREPOSITIONS_BEFORE_PLACES and _place_at(text, i + 1, m.end)])
    if m.label == "ORG":
        start = _clause_word_end(text, start, m.end)
        if start is None:
            return None
    end = m.end
    if m.label == "ORG" and TITLE_HEAD_RE.match(text, end) and \
            (opener := next((w for w in _TITLE_OPENERS_AFTER_BODIES if text.endswith(w, start, end)), None)):
        end -= len(opener)  # 提案委员会 + 驻会副主任: a word of the title after it is none of the body
    if end - start < 2:
        return None
    return Mention(start, end, m.label, m.unit)


#: words of title_opening_words.tsv of two characters or more (驻会): they open the title after a body
_TITLE_OPENERS_AFTER_BODIES = tuple(w for w in lexicon("title_opening_words").words() if len(w) >= 2)


def _place_at(text: str, start: int, end: int) -> bool:
    """A country or a Chinese division's name starts at ``start`` (and ends before ``end``)."""
    country = country_at(text, start)
    return country is not None and start + len(country) < end \
        or any(text[start:start + k] in divisions() for k in range(2, min(9, end - start)))


def _known_body_after_country_and_conjunction(text: str, m: Mention) -> Optional[Mention]:
    """The known body closing ``m`` when a country and a conjunction stand before it in ``m``
    (中国同海合会), or 同 and any words (全球发展倡议同二十国集团: an initiative's name, and 同
    the verb "agrees with")."""
    name = text[m.start:m.end]
    for k in range(2, len(name) - 1):
        # (同 joins the two sides as 与 does, though names hold it: 同济大学, 同仁医院)
        if (name[k] in CONJUNCTIONS or name[k] == "同") and name[k + 1:] in KNOWN_ORGANIZATIONS \
                and (name[:k] in COUNTRIES or name[k] == "同" and len(name) - k - 1 >= 3):
            return Mention(m.start + k + 1, m.end, m.label, m.unit)
    return None


def _dotted_name_opening(text: str, start: int, dot: int) -> Optional[int]:
    """Where the transliterated name before the name dot at ``dot`` opens (约翰斯 of
    约翰斯·霍普金斯), when two transliteration characters or more stand on each side of the dot."""
    opening = dot
    while opening > start and is_transliterated(text[opening - 1]):
        opening -= 1
    after = dot + 1
    while after < len(text) and is_transliterated(text[after]):
        after += 1
    return opening if dot - opening >= 2 and after - dot > 2 else None


#: closing quote → its opening quote
_QUOTE_PAIRS = {"”": "“", "」": "「", "』": "『", "’": "‘"}
#: the longest quoted part taken as a piece of a name (“心连心”, “光明道路”)
_QUOTED_PART_MAX_CHARS = 8


def _quoted_part_opening(text: str, start: int, i: int) -> Optional[int]:
    """Where the quoted part closed at ``i`` opens, when the whole part lies inside the name after
    at least two characters of it and holds no stop character (中央广播电视总台“心连心”艺术团);
    else ``None``."""
    opening_quote = _QUOTE_PAIRS.get(text[i])
    if opening_quote is None:
        return None
    opening = text.rfind(opening_quote, max(start, i - _QUOTED_PART_MAX_CHARS - 1), i)
    if opening < start + 2 or any(c in NAME_STOP_CHARS for c in text[opening + 1:i]):
        return None
    return opening


def _division_across_conjunction(text: str, m: Mention) -> Mention:
    """A place the model started after a conjunction character that opens a division's name
    (在祖国南疆和田塔瓦库勒乡: the model read 和 as "and", so 田塔瓦库勒乡) starts at it, when
    that division then cuts off a town or county it holds, and unless the mention opens with a
    division of its own (和平谷区 stays 平谷区)."""
    if m.start == 0 or text[m.start - 1] not in CONJUNCTIONS:
        return m
    names = divisions()
    if any(text[m.start:m.start + n] in names for n in range(2, min(8, m.end - m.start) + 1)):
        return m
    # only when the division then cuts off a town or a county it holds (和田 + 塔瓦库勒乡); a
    # village after 和 stays (王庄村和田庄村: 田庄村, not 和田 + 庄村)
    if division_prefix_cut(text[m.start - 1:m.end]) is not None:
        return Mention(m.start - 1, m.end, m.label, m.unit)
    return m


# Dictionary tags of words that never sit inside an organization's name: prepositions,
# conjunctions, pronouns, particles (据, 即便, 我国, 的).
_FUNCTION_WORD_TAGS = frozenset({"p", "c", "r", "u"})  # not d: the dictionary tags 首都 so


def _clause_word_end(text: str, start: int, end: int) -> Optional[int]:
    """Where an organization's name starts once the clause before it is cut off: after the last
    function word, or after the last verb that a place or a known body follows, both of two or
    more characters
    (据大源集团 → 大源集团, 促进二十国集团 → 二十国集团, 来认识四川小金县冒水村党支部 →
    四川小金县冒水村党支部, 移交市工作委员会 → 市工作委员会). ``None`` when only verbs and
    function words stand before the head (外出上大学: no name at all). The words come from a
    greedy longest match on the dictionary over the part before the head; verbs inside names
    (保障中心, 解放军) are kept because no place follows them."""
    tags = jieba_word_tags()
    if text[end - 1:end] == "党" and end - start >= 3 and text[start:end] in tags and text.startswith(TITLE_HEADS, end):
        # 亲民党主席, 联盟党总理候选人: a party's name the dictionary holds whole, before its leader's
        # title (亲 is a verb there; not 中央党 + 的群众路线…)
        return start
    head_start = end - 2  # the head (…集团, …党支部) is never cut into
    # a known body may be all that is left after a verb (评价 + 非盟: the head is the whole name)
    cut_limit = head_start + 1 if text[head_start:end] in KNOWN_ORGANIZATIONS else head_start
    cut = start
    i = start
    only_clause_words = head_start > start
    while i < head_start:
        for n in range(min(4, head_start - i), 0, -1):
            word = text[i:i + n]
            if n == 1 or word in tags:
                break
        tag = tags.get(word, "")
        nxt = i + n
        # one-character words are left to the stop characters (NAME_STOP_CHARS): 以 of
        # 石家庄以岭药业, 所 of 首儿所, 赴 of 赴湖北医疗队 sit inside names
        if (n >= 2 or i == start) and (tag in _FUNCTION_WORD_TAGS or i == start and n >= 2 and tag == "t"
                                       and not all(c in COUNTRY_ABBREVIATIONS for c in word)) \
                and nxt < head_start:
            # …or a preposition or a time word opening the mention: 据大源集团, 今天哈尔滨…中小学 (中日 of
            # 中日友好医院 is two countries, though the dictionary reads it as noon)
            cut = nxt
        elif n >= 2 and (tag == "v" or i == start and tag in ("d", "ad")) and nxt < cut_limit and (
                _starts_a_name(text, nxt, end, proper_names=only_clause_words)):
            # 随后 + 仙游县总医院; after clause words only, a dictionary name too: 遴选 + 清华大学 (not
            # 国务院联防 + 联控机制综合组)
            cut = nxt
        only_clause_words = only_clause_words and (tag in _FUNCTION_WORD_TAGS or tag[:1] in ("v", "f"))
        i = nxt
    return None if only_clause_words else cut


def _starts_a_name(text: str, i: int, end: int, proper_names: bool = False) -> bool:
    """A place (dictionary ns or a division), a known body or a relative unit (市…, 县…)
    starts at ``i``; with ``proper_names``, a dictionary name of a body, another name or an
    abbreviation too (清华大学, 北大; not 卫生院, a kind the dictionary tags nt)."""
    tags = jieba_word_tags()
    if text[i] in DIVISION_SUFFIX_CHARS and end - i >= 4:
        return True  # 市工作委员会, 县卫健委: the unit of the article's own city or county
    for n in range(min(7, end - i), 1, -1):
        word = text[i:i + n]
        if word in KNOWN_ORGANIZATIONS or word in divisions() or word in COUNTRIES or tags.get(word) == "ns":
            return True
        if proper_names and tags.get(word) in _PROPER_NOUN_TAGS and word not in ORG_HEADS_BY_LENGTH:
            return True
    return False


#: dictionary tags of the names of bodies, other names and abbreviations (清华大学, 清华, 北大)
_PROPER_NOUN_TAGS = frozenset({"nt", "nz", "j"})


def split_department(text: str, m: Mention) -> Mention:
    """A department written after its parent organization (石家庄市人民医院 + 检验科,
    石家庄四药有限公司 + 储运服务部) belongs in the person's title, not in the name."""
    if m.label != "ORG":
        return m
    name = text[m.start:m.end]
    if not name.endswith(DEPARTMENT_ENDINGS):
        return m  # every department ends with one of these (see DEPARTMENT)
    for head in ORG_HEADS_BY_LENGTH:
        i = name.find(head)
        while i > 0:
            cut = i + len(head)
            dept = name[cut:]
            if dept and DEPARTMENT.fullmatch(dept) and not dept.endswith(NOT_DEPARTMENTS) \
                    and cut >= 4:
                return Mention(m.start, m.start + cut, "ORG", m.unit)
            i = name.find(head, i + 1)
    return m


_TRANSLITERATION = frozenset(lexicon("transliteration_chars").words())
_FOREIGN_NAME_MAX_EXTRA = 3


def is_transliterated(name: str, rare: int = 0) -> bool:
    """Every character of ``name`` is one foreign names are written with (埃尔多安), or all but
    ``rare`` of them (久加诺夫, 谢尔格延科: 久 and 延 stand in too few names to be listed)."""
    return sum(ch not in _TRANSLITERATION for ch in name) <= rare


#: a monarch's or pope's ordinal after a foreign name (伊丽莎白二世, 穆罕默德六世, 卡尔十六世); not
#: 世纪, 世界, 世代 or 四世同堂
_REGNAL_NUMBER = re.compile(r"[一二三四五六七八九十]{1,3}世(?![纪界代同])")


def regnal_number_length(name: str) -> int:
    """Characters of a regnal number closing ``name`` (二世 of 伊丽莎白二世), 0 if none.

    >>> regnal_number_length("伊丽莎白二世"), regnal_number_length("卡尔十六世"), regnal_number_length("普京")
    (2, 3, 0)
    """
    for k in (4, 3, 2):
        if len(name) > k and _REGNAL_NUMBER.fullmatch(name, len(name) - k):
            return k
    return 0


#: the hyphens of a foreign double name (克利夫顿-布朗; full width in CCTV's text: 阿卜杜勒－迈赫迪)
NAME_HYPHENS = ("-", "－")
#: after two hyphened names: two people (穆雷-费德勒之战, …组合)
_NAME_PAIR_WORDS = tuple(lexicon("name_pair_words").words())
_CLAUSE_WORD_TAGS = ("v", "d", "p", "c", "u")


def _transliteration_run_end(text: str, end: int, limit: int, after_hyphen: bool = False) -> int:
    """End of the transliteration characters from ``end`` (before ``limit``) that go with a name:
    安 of 埃尔多安通电话 does (安通 is a word, but so is 通电, which then starts the clause);
    表 of 普京表示 does not (表示). After a hyphen the name part runs up to a word of the clause
    only (克利夫顿-布朗表示 → …布朗, though 布朗 is a dictionary word: a verb, adverb,
    preposition or conjunction ends it). A word of three or four characters that is no name ends
    the run either way (哈雷-戴维森 + 摩托车)."""
    tags = jieba_word_tags()
    while end < limit and text[end] in _TRANSLITERATION and text[end] not in NAME_STOP_CHARS:
        if any(tags.get(text[end:end + n], "nr")[:2] != "nr" for n in (3, 4)):
            break
        pair = text[end:end + 2]
        goes_on = tags.get(pair, "")[:1] not in _CLAUSE_WORD_TAGS if after_hyphen \
            else pair not in tags or text[end + 1:end + 3] in tags
        if not goes_on:
            break
        end += 1
    return end


def _halves_of_one_name(text: str, first: Mention, second: Mention) -> bool:
    """Two halves of one foreign name the model split, ``second`` a person: 萨利赫 + 阿巴迪,
    克利夫顿 - 布朗, 克利夫 + 顿-布朗 (the hyphen inside a half). A first half joined by a hyphen
    may have been called a place (阿卜杜勒 - 迈赫迪), unless it is a country or a foreign place
    we know (哈萨克斯坦-中国)."""
    hyphened = first.end + 1 == second.start and text[first.end] in NAME_HYPHENS
    if not (first.end == second.start or hyphened and not text.startswith(_NAME_PAIR_WORDS, second.end)):
        return False
    first_name = text[first.start:first.end]
    if first.label == "PER" and first.end == second.start and len(first_name) == 1 \
            and second.end - second.start == 1 and first_name in COMMON_SURNAMES and is_han(text[second.start]) \
            and text[second.start] not in NAME_STOP_CHARS and clause_goes_on_after(text, second.end):
        return True  # 陈 + 竺出席: a surname and a given name of one character the model tagged apart
    if first.label != "PER" and not (hyphened and first.label == "LOC" and first_name not in COUNTRIES
                                     and first_name not in FOREIGN_PLACES):
        return False
    second_name = text[second.start:second.end].translate(_NO_HYPHENS)
    # 赖因 + 费尔特: a first half read as a Chinese name after a title may hold one character no
    # other foreign name uses (赖), when the second half is foreign on its own
    rare = 1 if len(second_name) >= 2 and is_transliterated(second_name) else 0
    return is_transliterated((first_name + second_name).translate(_NO_HYPHENS), rare)


_NO_HYPHENS = str.maketrans("", "", "".join(NAME_HYPHENS))


def clause_goes_on_after(text: str, end: int) -> bool:
    """After a name ending at ``end`` the clause goes on: the text's end, punctuation, or a verb,
    adverb, preposition, conjunction or time word (陈竺出席, 汪洋近日; not 曹杨 + 新村, a place's name)."""
    if end >= len(text) or not is_han(text[end]):
        return True
    tags = jieba_word_tags()
    word = next((text[end:end + n] for n in (2, 1) if text[end:end + n] in tags), text[end])
    return tags.get(word, "")[:1] in ("v", "p", "d", "c", "t")


def finish_foreign_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A foreign name the model cut short is finished over the transliteration characters that
    follow it (埃尔多 + 安通电话 → 埃尔多安), unless the next character starts a dictionary word
    that the clause goes on with, or another mention, or is a function word."""
    out = []
    for i, m in enumerate(mentions):
        hyphen = next((k for k in range(m.start + 1, m.end - 1) if text[k] in NAME_HYPHENS), None)
        if m.label == "PER" and hyphen is not None and text.startswith(_NAME_PAIR_WORDS, m.end):
            out.append(Mention(m.start, hyphen, m.label, m.unit))  # 穆雷-费德勒之战: two people
            m = Mention(hyphen + 1, m.end, m.label, m.unit)
        name = text[m.start:m.end].translate(NAME_DOTS).replace("·", "")
        if m.label == "PER" and len(name) >= 2 and is_transliterated(name):
            limit = min(mentions[i + 1].start if i + 1 < len(mentions) else len(text),
                        m.end + _FOREIGN_NAME_MAX_EXTRA)
            end = _transliteration_run_end(text, m.end, limit)
            if text[end:end + 1] in NAME_HYPHENS:  # 克利夫顿-布朗: a double name joined by a hyphen
                nxt = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
                second = _transliteration_run_end(text, end + 1, min(nxt, end + 1 + _FOREIGN_NAME_MAX_EXTRA + 1),
                                                  after_hyphen=True)
                if second - end - 1 >= 2 and not text.startswith(_NAME_PAIR_WORDS, second):
                    end = second
            m = Mention(m.start, end, m.label, m.unit)
        if m.label == "PER" and (m.end - m.start >= 4 or m.end - m.start == 3 and is_transliterated(text[m.start:m.end], 1)) \
                and (regnal := _REGNAL_NUMBER.match(text, m.end)) \
                and not (i + 1 < len(mentions) and mentions[i + 1].start < regnal.end()):
            # 穆罕默德 + 六世, 费利佩 + 六世: a monarch's ordinal (a Chinese name of three is none's:
            # 王秀兰 + 四世同堂)
            m = Mention(m.start, regnal.end(), m.label, m.unit)
        if m.label == "PER" and has_name_dot(text[m.start:m.end]) and m.start >= 2 and is_han(text[m.start - 1]) \
                and text[m.start - 1] not in NAME_STOP_CHARS and text.endswith(TITLE_HEADS, 0, m.start - 1) \
                and not text.endswith(TITLE_HEADS, 0, m.start) and not (out and out[-1].end >= m.start - 1):
            # (秘书长 + 安东尼奥·古特雷斯: the character ends a longer title, 秘书 + 长, not the name)
            # 自治区主席雪 + 克来提·扎克尔: one character between a title and a dotted name is the
            # name's first (a title is written right before the name it belongs to)
            m = Mention(m.start - 1, m.end, m.label, m.unit)
        if m.label == "PER" and out and _halves_of_one_name(text, out[-1], m):
            m = Mention(out.pop().start, m.end, m.label, m.unit)
        out.append(m)
    return out

"""Person rules: names the model misses or misreads, found by what stands around them.

Each rule takes the mentions of one text unit and returns them with the names it finds added (or
put in place of the mentions they overlap); ``rule_mentions.add_rule_mentions`` runs them in
order, after the organization and place rules:

* dictionary names right before a title head (习近平总书记, 王沪宁主席), national leaders by name;
* a common surname and one or two characters right after a title head (社区书记程欢迎请缨);
* a foreign name right after a title head (总书记马加舒尔表示; one rare character after a foreign
  body's title: 主席久加诺夫);
* a Japanese name right after the title of a Japanese office or party (干事长二阶俊博、);
* the names of a list written with spaces (丁学东 丁薛祥 万立骏 …);
* names the model missed or misread inside a list of names (李克强、汪洋、王沪宁、韩正);
* Tibetan names, two name elements of ``tibetan_name_parts.tsv`` (主任洛桑江村: not a village);
* an interview's speakers, a full name alone before a colon opening a line (陈研：我最初出来的时候).

``titles`` are the spans of the text's title heads (``TITLE_HEAD_RE``), found once by the caller.

>>> text = "俄罗斯联邦共产党中央委员会主席久加诺夫表示。"
>>> titles = [t.span() for t in TITLE_HEAD_RE.finditer(text)]
>>> [text[m.start:m.end] for m in add_foreign_names_after_titles(text, [], 0, titles)]
['久加诺夫']
"""
from __future__ import annotations

import re
from typing import Optional

from ..gazetteer import COUNTRIES, divisions, place_level
from ..lexicons import alternation, lexicon
from ..resources import jieba_word_tags
from ..text.chars import HAN, has_name_dot, is_han
from ..text.numerals import CN_DIGITS, CN_POWERS
from .edges import clause_goes_on_after, is_transliterated
from .foreign_bodies import FOREIGN_COUNTRY_RE
from .name_words import (COMMON_SURNAMES, COMMON_WORD_TAGS, DOUBLE_SURNAMES, JAPANESE_SURNAMES, KNOWN_FOREIGN_PLACES,
                         LEADER_NAMES, NAME_FOLLOWERS, NAME_STOP_CHARS, TIBETAN_NAME_RE, TITLE_HEAD_RE, TITLE_HEADS,
                         TWO_CHAR_LEADER_NAMES)
from .units import Mention, replacing_overlaps, uncovered_occurrences


# a numeral opens no name (二十大代表): digits, powers and 万
_NUMERAL_CHARS = frozenset(CN_DIGITS) | frozenset(CN_POWERS) | {"万"}


def add_titled_dictionary_names(text: str, mentions: list[Mention], unit: int,
                                 titles: list[tuple[int, int]]) -> list[Mention]:
    """A person's name of three characters in the dictionary (nr) written right before a title
    head (习近平总书记, 王沪宁主席), where the model tagged nothing: the model, trained on 1998
    text, does not know today's names; and the national leaders of principal_offices.tsv wherever
    they are written (国家主席习近平致贺信)."""
    tags = jieba_word_tags()
    added = []
    for title_start, _ in titles:
        s = title_start - 3
        if s < 0 or not tags.get(text[s:title_start], "").startswith("nr") or text[s] in _NUMERAL_CHARS:
            continue  # 二十大代表: the dictionary calls 二十大 a name too
        if any(x.start < title_start and x.end > s for x in mentions + added):
            continue
        added.append(Mention(s, title_start, "PER", unit))
    # 国家主席习近平致贺信: the national leaders of principal_offices.tsv are found by name wherever
    # no mention covers them (names of three characters: 汪洋 is also a word)
    added += [Mention(s, e, "PER", unit) for s, e in uncovered_occurrences(text, LEADER_NAMES, mentions + added)]
    # 国家副主席韩正在北京: a leader of two characters right after a title, where the model read
    # the surname as a country's short name (韩) and the dictionary reads 正在 across the name
    for _, s in titles:
        e = s + 2
        if text[s:e] in TWO_CHAR_LEADER_NAMES and not any(x.start < e and x.end > s and x.end - x.start > 1
                                                          for x in mentions + added):
            mentions = [x for x in mentions if not (s <= x.start < e)]
            added.append(Mention(s, e, "PER", unit))
    return mentions + added






# jieba tags of a one-character word that, right after a title, is the clause going on
# (党员干部戴党徽: v; 民警严把入株通道: a) rather than a surname
_CLAUSE_CHAR_TAGS = frozenset({"v", "a", "p", "d", "r", "m"})


def _numeral_surname(text: str, s: int, tags) -> bool:
    """余 and 万 are numerals to the dictionary and surnames after a title (主任医师余追, 部长万钢)
    unless a numeral, a measure word or 人 follows them (队员万余人, 干部余名)."""
    nxt = text[s + 1:s + 2]
    return tags.get(text[s]) == "m" and bool(nxt) and nxt != "人" and tags.get(nxt, "")[:1] not in ("m", "q")


#: tags of the character after an adjective's surname, or of the word it opens, that make it the clause
#: going on (民警严 + 把入株通道, 严 + 把关) rather than a given name (村民黄 + 大会, 种粮大户高 + 志清)
_CLAUSE_AFTER_ADJECTIVE_CHAR_TAGS = ("v", "p", "d", "c", "u", "r", "m", "q")
_CLAUSE_AFTER_ADJECTIVE_WORD_TAGS = ("v", "a", "d", "p", "c")


def _adjective_surname(text: str, s: int, tags) -> bool:
    """黄, 高, 易 … are adjectives to the dictionary and surnames after a title where three characters and
    punctuation follow the title (村民黄大会，他…, 志愿者易春恒，每天…), the character after the surname
    no verb, preposition, adverb … nor the start of such a word (民警严把入株通道, 严把关), and the surname
    opening no dictionary word (官兵严阵以待: an idiom; 高度, 高兴). Run on into the clause, such a run is
    as often a product or a word (茶农白茶收入逐年增加, 果农黄桃卖出好价钱: a review), which the dictionary
    does not know."""
    nxt = text[s + 1:s + 2]
    return tags.get(text[s], "")[:1] == "a" \
        and s + 3 <= len(text) and all(map(is_han, text[s:s + 3])) and not is_han(text[s + 3:s + 4] or "，") \
        and not any(text[s:s + k] in tags for k in (2, 3, 4)) \
        and tags.get(nxt, "")[:1] not in _CLAUSE_AFTER_ADJECTIVE_CHAR_TAGS \
        and tags.get(text[s + 1:s + 3], "")[:1] not in _CLAUSE_AFTER_ADJECTIVE_WORD_TAGS


#: levels of places whose names are also people's (钟山, a district and 全国人大财经委主任委员钟山)
_NAME_LIKE_PLACE_LEVELS = ("district", "county", "town", "village")


def add_names_after_titles(text: str, mentions: list[Mention], unit: int,
                            titles: list[tuple[int, int]]) -> list[Mention]:
    """A name the model missed right after a title head (社区书记程欢迎请缨: 欢迎 is a word):
    a common surname and one or two characters, which the clause goes on after (punctuation,
    or a verb, adverb, preposition or conjunction); never a dictionary word of another kind
    (主任高度重视: 高度, and 重视 runs across the end). A name the model cut to two characters
    there gets its third back on the same terms (徐绍 → 徐绍史), one it read as the surname alone
    the whole name (潘 → 潘振声), one it read as a county's name the person (主任委员钟山作了汇报)."""
    tags = jieba_word_tags()
    added = []
    for _, s in titles:
        if s >= len(text) or text[s] not in COMMON_SURNAMES:
            continue
        placed = next((x for x in mentions if x.start == s and x.end == s + 2 and x.label == "LOC"), None)
        if placed is not None and place_level(text[s:placed.end]) in _NAME_LIKE_PLACE_LEVELS \
                and clause_goes_on_after(text, placed.end):
            # 主任委员钟山作了汇报: a county's short name of two characters right after a title, the
            # clause going on after it, is the holder's name (not 大户陈家村, 第一书记周庄村: a village
            # written with its suffix)
            mentions = [x if x is not placed else Mention(s, placed.end, "PER", unit) for x in mentions]
            continue
        cut = next((x for x in mentions if x.start == s and x.end == s + 2 and x.label == "PER"), None)
        if cut is not None:
            # 主任委员徐绍史作的报告: the model stopped a character short; the third is the name's
            # when the dictionary reads it as a name's character (史: nr) or knows it not at all
            # (俐), it opens no word (蔡奇参加, 李明明确) and the clause goes on after it
            others = [x for x in mentions if x is not cut]
            third = tags.get(text[s + 2:s + 3], "x")
            if (third.startswith("nr") or third == "x") and text[s + 2:s + 4] not in tags \
                    and _name_end(text, s, others, tags) == s + 3:
                mentions = others + [Mention(s, s + 3, "PER", unit)]
            continue
        # 音乐家潘振声说: the model read the surname alone, no name; 韩国总统文在寅: the last
        # character alone (寅); read the name as if untagged
        mentions = [x for x in mentions if not (s <= x.start < s + 3 and x.end == x.start + 1 and x.label == "PER")]
        if any(x.start < s + 2 and x.end > s for x in mentions):
            continue
        if tags.get(text[s], "")[:1] in _CLAUSE_CHAR_TAGS and not _numeral_surname(text, s, tags) \
                and not _adjective_surname(text, s, tags):
            continue  # 戴党徽, 严把关, 向社区: the surname is read as the clause's verb or adverb
        e = _name_end(text, s, mentions, tags)
        if e is not None:
            added.append(Mention(s, e, "PER", unit))
    return mentions + added


#: the shortest foreign name found after a title by its characters alone (two: 普京 the model
#: knows, and two characters are as often a word: 主席团), but two after the title of a foreign
#: country's office when they make no dictionary word (阿尔及利亚总统特本)
_FOREIGN_AFTER_TITLE_MIN_CHARS = 3
_FOREIGN_AFTER_TITLE_MAX_CHARS = 7
#: how far before the title a foreign country is looked for (南非非洲人国民大会总书记…)
_FOREIGN_CONTEXT_CHARS = 30
_CLAUSE_START_TAGS = ("v", "p", "d", "c", "t")  # (巴加埃 + 今天表示: a time word goes on the clause too)


def _foreign_name_end(text: str, s: int, foreign_context: bool, tags) -> Optional[int]:
    """End of a foreign name starting at ``s``: three to seven characters that no dictionary word
    of another kind makes, after which the clause goes on (punctuation, a digit, or a verb,
    preposition, adverb or conjunction: 表示, 说, 在); every character one foreign names are
    written with, or all but one after a title of a foreign body (久加诺夫, 谢尔格延科: 久 and
    延 are rare in names). None when there is none."""
    run, outside = s, 0
    while run < len(text) and run - s < _FOREIGN_AFTER_TITLE_MAX_CHARS and is_han(text[run]) \
            and (text[run] not in NAME_STOP_CHARS or run > s and is_transliterated(text[run])):
        # (a stop character foreign names are written with may stand inside one: 特本)
        outside += not is_transliterated(text[run])
        if outside > foreign_context:
            break
        run += 1
    # (the dictionary knows some foreign names as such, tag nrt: 拜登, whose 拜 no list holds)
    shortest = _FOREIGN_AFTER_TITLE_MIN_CHARS - (foreign_context and (text[s:s + 2] not in tags
                                                                    or tags[text[s:s + 2]] == "nrt"))
    for e in range(run, s + shortest - 1, -1):
        name, nxt = text[s:e], text[e:e + 1]
        if not is_transliterated(name, rare=int(foreign_context and len(name) >= 4)) \
                and not (foreign_context and tags.get(name) == "nrt"):
            continue
        word = next((text[e:e + n] for n in (2, 1) if text[e:e + n] in tags), nxt)
        if nxt and is_han(nxt) and tags.get(word, "")[:1] not in _CLAUSE_START_TAGS \
                and not (tags.get(nxt, "")[:1] == "v" and tags.get(word, "")[:1] not in ("n", "a")):
            # (拜登 + 通电话: the dictionary's 通电 is an abbreviation, the character alone a verb)
            continue
        if tags.get(text[e - 1:e + 1], "")[:1] in ("n", "v") or any(
                text[k:k + n] in tags and not tags[text[k:k + n]].startswith("nr")
                for n in (3, 2) for k in range(s, e - n + 1)):
            continue  # 主席团成员, 总裁办公室: dictionary words, no name
        return e
    return None


def add_foreign_names_after_titles(text: str, mentions: list[Mention], unit: int,
                                    titles: list[tuple[int, int]]) -> list[Mention]:
    """A foreign name the model missed right after a title (总书记马加舒尔表示, 主席久加诺夫表示)
    that no mention covers (``_foreign_name_end``)."""
    # (at most one rare character: the first or the second is a transliteration character)
    titles = [(a, b) for a, b in titles if b < len(text)
              and (is_transliterated(text[b]) or is_transliterated(text[b + 1:b + 2]))]
    if not titles:
        return mentions
    tags = jieba_word_tags()
    added = []
    covered = bytearray(len(text) + _FOREIGN_AFTER_TITLE_MIN_CHARS)
    for x in mentions:
        covered[x.start:x.end] = b"\x01" * (x.end - x.start)
    for title_start, s in titles:
        if any(covered[s:s + _FOREIGN_AFTER_TITLE_MIN_CHARS]):
            continue
        foreign = bool(FOREIGN_COUNTRY_RE.search(text, max(0, title_start - _FOREIGN_CONTEXT_CHARS), title_start))
        e = _foreign_name_end(text, s, foreign, tags)
        if e is not None and not any(covered[s:e]):
            added.append(Mention(s, e, "PER", unit))
            covered[s:e] = b"\x01" * (e - s)
    return mentions + added


#: how far before a title 日本 is looked for (日本自民党干事长二阶俊博, 日本公明党党首山口那津男)
_JAPAN_CONTEXT_CHARS = 12
#: tags of the dictionary's common words (电话 n, 内阁 n, 通电 j): a Japanese name ends with none
_WORD_TAGS_ENDING_NO_NAME = frozenset({"n", "vn", "v", "j"})
#: a Japanese name after a title: three to five kanji, then punctuation, a line's end or a verb of saying
_JAPANESE_NAME = re.compile(rf"[{HAN}]{{3,5}}(?=[、，。；：,;（(\n]|$|表示|说|指出|会见|发表)")
#: characters that make the run a clause, not a name (首相今天在东京表示: 在)
_JAPANESE_NAME_BREAKS = frozenset("在于对向从将把被也都就又已正和与同")
_JAPANESE_NAME_BREAK_TAGS = ("t", "v", "p", "d", "r", "c", "m", "f")


def add_japanese_names_after_titles(text: str, mentions: list[Mention], unit: int,
                                    titles: list[tuple[int, int]]) -> list[Mention]:
    """A Japanese name right after the title of a Japanese office or party (日本自民党干事长二阶俊博、
    日本公明党党首山口那津男、), in place of the model's pieces: three to five kanji up to the
    punctuation or verb of saying after them, when no word of the clause (a time word, verb,
    preposition …) is among them. The model reads such names as Chinese words and places (俊博 alone,
    山口那津男 a place)."""
    tags = None
    for title_start, s in titles:
        if "日本" not in text[max(0, title_start - _JAPAN_CONTEXT_CHARS):title_start]:
            continue
        found = _JAPANESE_NAME.match(text, s)
        if found is None or any(c in _JAPANESE_NAME_BREAKS for c in found.group()) \
                or TITLE_HEAD_RE.search(found.group()):
            continue
        tags = tags or jieba_word_tags()
        name = found.group()
        if tags.get(name[-2:], "") in _WORD_TAGS_ENDING_NO_NAME:
            continue  # 同日本首相通电话, 石破茂夫妇, 菅义伟内阁: a common word ends the run, no name
        if text[found.end():found.end() + 1] in ("\n", "") and name[:2] not in JAPANESE_SURNAMES:
            # 日本公明党党首山口那津男⏎ (a list of senders, one a line): at a line's end, where no verb
            # of saying vouches for the end, only a known family name opens a name (…代表团并座谈⏎)
            continue
        if any(tags.get(name[k:k + n], "")[:1] in _JAPANESE_NAME_BREAK_TAGS
               for n in (2, 3) for k in range(len(name) - n + 1)):
            continue
        if any(m.label == "PER" and (m.start < s or m.end > found.end()) and m.start < found.end() and m.end > s
               for m in mentions):
            continue  # a person the model found across the edge: its reading stands
        mentions = replacing_overlaps(mentions, Mention(s, found.end(), "PER", unit))
    return mentions


#: a list of names written with spaces (or an ethnicity or sex in brackets) between them, as CCTV
#: writes the members of a body (丁学东 丁薛祥 万立骏 … 张雨浦（回族）张国清): at least this many
_SPACED_LIST_MIN_NAMES = 4
# an item: two to four characters, or a dotted name (艾力更·依明巴海), then its bracket note
_SPACED_ITEM = rf"[{HAN}]{{2,4}}(?:·[{HAN}]{{2,6}})?"
_SPACED_NAME = re.compile(rf"({_SPACED_ITEM})(?:[(（][{HAN}，,、]{{1,8}}[)）][ \u3000]*|[ \u3000]+|(?![{HAN}·]))")
_SPACED_LIST = re.compile(rf"(?:{_SPACED_ITEM}(?:[(（][{HAN}，,、]{{1,8}}[)）])?[ \u3000]+){{{_SPACED_LIST_MIN_NAMES - 1},}}"
                          rf"{_SPACED_ITEM}(?:[(（][{HAN}，,、]{{1,8}}[)）])?")


def add_names_in_spaced_lists(text: str, mentions: list[Mention], unit: int) -> list[Mention]:
    """Each name of a list written with spaces between names (the model reads such a list as one
    long organization or cuts names across the spaces), when most of the items open with a
    common surname: the list is of people."""
    if text.count(" ") + text.count("\u3000") < _SPACED_LIST_MIN_NAMES - 1:
        return mentions  # no list written with spaces (most texts: the pattern is slow to rule out)
    tags = jieba_word_tags()
    for run in _SPACED_LIST.finditer(text):
        names = [(t.start(1), t.end(1)) for t in _SPACED_NAME.finditer(text, run.start(), run.end())]
        names = [(a, b) for a, b in names if b <= run.end()]
        if len(names) < _SPACED_LIST_MIN_NAMES or sum(text[a] in COMMON_SURNAMES for a, _ in names) * 2 < len(names):
            continue
        for k, (a, b) in enumerate(names):
            # an item opening with no surname at an end of the list is the clause around it (央视记者
            # …, … 报道); inside the list it is a name, unless a dictionary word of another kind
            named = text[a] in COMMON_SURNAMES or "·" in text[a:b] or tags.get(text[a:b], "")[:2] == "nr"
            inside = 0 < k < len(names) - 1 and tags.get(text[a:b], "nr")[:2] == "nr"
            if named or inside:
                mentions = replacing_overlaps(mentions, Mention(a, b, "PER", unit))
    return mentions


def add_names_in_person_lists(text: str, mentions: list[Mention], unit: int) -> list[Mention]:
    """A name the model missed or misread as a one- or two-character place inside a list of
    names (李克强、汪洋、王沪宁、韩正出席: 韩 read as Korea): after a person and 、, a common
    surname and one or two characters that the list or the clause goes on after."""
    tags = jieba_word_tags()
    for p in sorted((m for m in mentions if m.label == "PER"), key=lambda m: m.start):
        s = p.end + 1
        if text[p.end:s] != "、" or s >= len(text) or text[s] not in COMMON_SURNAMES:
            continue
        misread = [x for x in mentions if x.start < s + 3 and x.end > s]
        if any(x.label == "PER" or x.start < s or x.end - x.start > 2 for x in misread):
            continue  # found already, or a longer name stands there (、北京市)
        e = _name_end(text, s, [x for x in mentions if x not in misread], tags)
        if e is None:
            e = _name_between_people(text, s, mentions)
        if e is not None and all(x.end <= e for x in misread):
            mentions = replacing_overlaps(mentions, Mention(s, e, "PER", unit))
    return mentions


def _name_between_people(text: str, s: int, mentions: list[Mention]) -> Optional[int]:
    """End of a name of two or three characters at ``s`` that the dictionary reads otherwise (苏林:
    a place) but that stands between two people of one list (吴春历、苏林、阮文年): 、 and a person
    the model found follow it right away."""
    people_at = {m.start for m in mentions if m.label == "PER"}
    for length in (2, 3):
        e = s + length
        if all(map(is_han, text[s:e])) and text[e:e + 1] == "、" and e + 1 in people_at \
                and not any(m.start < e and m.end > s for m in mentions) and _ANONYMISED not in text[s:e]:
            return e
    return None


#: the character that stands for a withheld given name (刘某, 王某焘)
_ANONYMISED = "某"


def _name_end(text: str, s: int, mentions: list[Mention], tags) -> Optional[int]:
    """End of a name of two or three characters starting at the surname ``text[s]`` that no
    mention covers and no dictionary word of another kind makes (高度), after which the clause
    goes on (punctuation, or a verb, adverb, preposition, conjunction or time word) or a word that
    follows names (一家, 夫妇: name_followers.tsv); None if there is none."""
    for length in (3, 2):
        e = s + length
        name = text[s:e]
        if e > len(text) or not all(map(is_han, name)) or name[1] == _ANONYMISED:
            continue  # (刘某为宣泄…: a name withheld, 刘某, is nobody's full name)
        # a word across the end (…正出…) unless a word of two starts right after it (出席)
        runs_on = text[e - 1:e + 1] in tags and text[e:e + 2] not in tags
        if tags.get(name[:2], "nr")[:2] != "nr" or tags.get(name, "nr")[:2] != "nr" \
                or runs_on or any(x.start < e and x.end > s for x in mentions):
            continue
        if clause_goes_on_after(text, e) or text.startswith(NAME_FOLLOWERS, e):
            return e
    return None


def add_tibetan_names(text: str, mentions: list[Mention], unit: int) -> list[Mention]:
    """A Tibetan name (``TIBETAN_NAME_RE``: 洛桑江村, 白玛赤林) the model missed or read as a place:
    it replaces the places and persons it overlaps, unless a longer person (帕巴拉·格列朗杰) or
    an organization reaching past it holds it, or it is one part of a dotted name (帕巴拉·格列朗杰,
    joined later)."""
    for m in TIBETAN_NAME_RE.finditer(text):
        s, e = m.span()
        if has_name_dot(text[max(0, s - 1):s]) or has_name_dot(text[e:e + 1]):
            continue
        inside = [x for x in mentions if x.start < e and x.end > s]
        if any(x.label == "ORG" and (x.start < s or x.end > e) or x.label == "PER" and x.start <= s and x.end >= e
               for x in inside):
            continue
        mentions = replacing_overlaps(mentions, Mention(s, e, "PER", unit))
    return mentions


#: a name after a verb of removal and before the ordinal of a body's session (免去 + 苟仲文 + 第十四届全国政协)
_NAME_BEFORE_SESSION = re.compile(
    rf"(?:{alternation(lexicon('removal_verbs').words())})([{HAN}]{{2,3}}?)(?:同志)?的?(?=第[{CN_DIGITS}十]+届)")


def add_names_before_sessions(text: str, mentions: list[Mention], unit: int) -> list[Mention]:
    """A person named between a verb of removal and a body's session (免去苟仲文第十四届全国政协委员职务,
    撤销李佳同志第十三届全国政协委员资格): the name is a person's and the body starts at the session,
    where the model read the name into the body."""
    tags = None
    for found in _NAME_BEFORE_SESSION.finditer(text):
        s, e = found.span(1)
        tags = tags or jieba_word_tags()
        if tags.get(text[s], "")[:1] == "r" or any(
                text[k:k + 2] in tags and not tags[text[k:k + 2]].startswith("nr") for k in range(s, e - 1)):
            continue  # 撤销其 + 政协第十三届全国委员会: a pronoun, or a word of another kind, is no name
        body_start = found.end()
        bodies = [m for m in mentions if m.label == "ORG" and m.start <= s < m.end and m.end > body_start]
        mentions = replacing_overlaps(mentions, Mention(s, e, "PER", unit))
        for body in bodies:
            mentions = replacing_overlaps(mentions, Mention(body_start, body.end, "ORG", unit))
    return mentions


def named_before_a_session(text: str, start: int, name: str) -> bool:
    """``name`` at ``start`` is the one a verb of removal names before a body's session
    (``add_names_before_sessions``): a person, however unsure the model is of the name."""
    return any(found.start(1) == start and found.group(1) == name
               for found in _NAME_BEFORE_SESSION.finditer(text, max(0, start - 2), start + len(name) + 8))


#: an interview's speaker: two or three characters alone before a colon at the start of a line,
#: what they said after it (陈研：我最初出来的时候, 高峻驰：回家的时间太少)
_SPEAKER = re.compile(rf"([{HAN}]{{2,3}})[：:](?=[{HAN}“])")
#: endings of a speaker label that is no name: a source speaking (文章说, 韩方, 韩媒)
_NOT_A_SPEAKERS_NAME_END = ("说", "方", "媒", "某")


def add_speaker_names(text: str, mentions: list[Mention], unit: int) -> list[Mention]:
    """An interview's speakers the model left untagged: a common surname and one or two characters
    alone before a colon opening a line, no word of the dictionary but a name's, no place, no title
    or follower (韩总统, 顾女士), no source (文章说)."""
    tags = None
    for found in filter(None, (_SPEAKER.match(text, at) for at in _line_starts(text))):
        s, e = found.span(1)
        name = found.group(1)
        if any(m.start < e and m.end > s and not (m.label == "PER" and s <= m.start and m.end <= e) for m in mentions):
            continue  # the model read it as something else (a person cut short, 陈 or 雷宛, is this one)
        if not (name[0] in COMMON_SURNAMES or name[:2] in DOUBLE_SURNAMES and len(name) == 3):
            continue
        tags = tags or jieba_word_tags()
        # (the part after the surname a common word: 韩民众, 马政府, 吴大爷)
        if not tags.get(name, "nr").startswith("nr") or len(name) == 3 and tags.get(name[1:]) in COMMON_WORD_TAGS \
                or name.endswith(TITLE_HEADS + NAME_FOLLOWERS + _NOT_A_SPEAKERS_NAME_END) \
                or name in divisions() or name in COUNTRIES or name in KNOWN_FOREIGN_PLACES:
            continue
        mentions = replacing_overlaps(mentions, Mention(s, e, "PER", unit))
    return mentions


def _line_starts(text: str):
    at = 0
    while at >= 0:
        yield at
        at = text.find("\n", at) + 1 or -1


def named_as_a_speaker(text: str, start: int, name: str) -> bool:
    """``name`` at ``start`` is a speaker's label (``add_speaker_names``): a person, however unsure
    the model is of the name."""
    found = _SPEAKER.match(text, start) if start == 0 or text[start - 1] == "\n" else None
    return found is not None and found.group(1) == name

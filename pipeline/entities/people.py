"""People rows: full names with their titles, organization, age and party years; byline people.

Contract
--------
``people_rows(units, mentions_by_unit, meta, clean, article_id) -> list[PersonRow]``:
full names only (two to four characters, or with a middle dot); one-character mentions
(赵书记) are partial references, not people. ``titles`` are the role words written right
before the name (检验科主任宋国威), or after it as "NAME是…的TITLE"; ``organization`` the
organization written before the title (or the unit the title starts with, 鑫港社区干部);
``age`` from "61岁的…NAME", ``party_years`` from "有着24年党龄的…NAME". Names in a 、-list
share the list's title. Reporters, photographers and editors from bylines and captions
become people with titles 记者 / 通讯员 / 摄影 / 编辑 / 责编 and their outlet.

>>> organization_in_title("鑫港社区干部"), organization_in_title("检验科主任")
(('鑫港社区', '干部'), (None, '检验科主任'))
>>> is_full_name("宋国威"), is_full_name("欧阳春晓"), is_full_name("张三李四"), is_full_name("村民")
(True, True, False, False)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple, Optional

from ..lexicons import alternation, lexicon
from ..records import ArticleMetadata, CleanPage, PersonRow
from ..resources import jieba_word_tags, to_simplified_lines
from ..settings import setting
from ..text.chars import HAN, is_han
from .heads import INSTITUTION_TYPES, TITLE_UNIT_ENDINGS, org_type
from .mentions import (DEPARTMENT_IN_TITLE_ENDINGS, NAME_STOP_CHARS, TITLE_BREAK_VERBS, FirstMention, Mention,
                       TextUnit, is_transliterated)
from .name_words import COMMUNITY_SUFFIXES, STAFF_TITLES, TITLE_HEAD_RE, TITLE_HEADS
from .organizations import is_generic_org, outlet_names

_TITLE_HEAD_ALTERNATION = alternation(TITLE_HEADS)
_TITLE_STOP = lexicon("title_stop_chars")
# A title: up to title_qualifier_max_chars of qualifiers (检验科, 储运服务部, 产二科) then a head word.
_TITLE_BEFORE_NAME = re.compile(
    rf"((?:(?![{''.join(_TITLE_STOP.flagged('qualifier'))}])[{HAN}])"
    rf"{{0,{setting('entities', 'title_qualifier_max_chars')}}}?(?:{_TITLE_HEAD_ALTERNATION}))$")
_TITLE_AFTER_NAME = re.compile(
    rf"^(?:同志)?(?:{alternation(lexicon('title_after_cues').words())})"
    rf"([{HAN}、]{{0,{setting('entities', 'title_after_max_chars')}}}?)(?:的)?((?:{_TITLE_HEAD_ALTERNATION}))"
    rf"(?=[，。；、,;!！?？\n]|期间|$)")
# Verbs, conjunctions and counts never sit inside a title: 任命医疗队队长 → 医疗队队长.
_TITLE_BREAK = re.compile(rf"[{''.join(_TITLE_STOP.flagged('break'))}]|\d+[名个位]|"
                          + alternation(TITLE_BREAK_VERBS, escape=False, longest_first=False))
# One item of a title chain: a unit and a title head, nothing else (中共中央政治局常委).
_TITLE_ITEM = re.compile(rf"[{HAN}]{{0,{setting('entities', 'title_qualifier_max_chars')}}}(?:{_TITLE_HEAD_ALTERNATION})")
_AGE = re.compile(r"(\d{1,3})岁(?:的|高龄的)")
_PARTY_YEARS = re.compile(r"(\d{1,2})年党龄")
# Left context of a mention stops at these: they end the phrase a title could belong to.
_CLAUSE_BREAK = re.compile(r"[，。；：！？“”‘’\"(（)）\n,;:!?]")
_DEPARTMENT_IN_TITLE = re.compile(
    rf"[{HAN}]{{1,6}}(?:{alternation(DEPARTMENT_IN_TITLE_ENDINGS, longest_first=False)})[{HAN}]*$")

# Thresholds from pipeline/settings.toml [entities], bound once per process.
_TITLE_BEFORE_CHARS = setting("entities", "title_context_before_chars")
_TITLE_AFTER_CHARS = setting("entities", "title_context_after_chars")
_AGE_CONTEXT_CHARS = setting("entities", "age_context_chars")
_NAME_MIN_CHARS = setting("entities", "full_name_min_chars")
_NAME_MAX_CHARS = setting("entities", "full_name_max_chars")
_DOTTED_NAME_MAX_CHARS = setting("entities", "dotted_name_max_chars")

_SURNAME_DOUBLE = frozenset(lexicon("double_surnames").words())
_NOT_NAMES = frozenset(lexicon("not_names").flagged("body"))
_BYLINE_ROLE = re.compile(f"({alternation(lexicon('byline_roles').flagged('chrome'))})")
_BYLINE_OUTLET = re.compile(
    rf"([{HAN}]{{2,12}}?(?:{alternation(lexicon('outlet_suffixes').flagged('byline'))}))(?:讯)?[(（]?(?:记者|通讯员)")


@dataclass
class PersonDraft:
    """A person being collected over an article's mentions (becomes a ``PersonRow``)."""

    name: str
    titles: list[str] = field(default_factory=list)
    organization: Optional[str] = None
    age: Optional[int] = None
    party_years: Optional[int] = None
    first: Optional[FirstMention] = None  # None: named only in the chrome
    context: Optional[str] = None  # the chrome line that names a person the body does not
    role: str = "subject"  # the credit decides: a credited reporter named in the body is a reporter

    def add_title(self, title: Optional[str], organization: Optional[str]) -> None:
        if title and title not in self.titles:
            self.titles.append(title)
        if organization and not self.organization:
            self.organization = organization


class TitleMatch(NamedTuple):
    title: Optional[str]
    organization: Optional[str]


class BylineCredit(NamedTuple):
    """A reporter, photographer or editor credited in the chrome."""

    name: str
    title: str
    organization: Optional[str]
    context: Optional[str]

    @property
    def role(self) -> str:
        """The people table's role of the credit's title (记者 → reporter, 责编 → editor)."""
        return _PERSON_ROLE[self.title]


#: A credit's title → the person's role (byline_roles.tsv, column person_role).
_PERSON_ROLE = lexicon("byline_roles").mapping("person_role")


_NO_TITLE = TitleMatch(None, None)


def people_rows(units: list[TextUnit], mentions_by_unit: list[list[Mention]], meta: ArticleMetadata,
                clean: CleanPage, article_id: str) -> list[PersonRow]:
    people: dict[str, PersonDraft] = {}  # in order of first mention
    # a name the model reads as a person somewhere is that person where it reads it as a place
    # (金安社区的龙美婷: LOC in one sentence, PER in six)
    person_names = {units[m.unit].text[m.start:m.end] for ms in mentions_by_unit for m in ms if m.label == "PER"}
    mentions_by_unit = [[Mention(m.start, m.end, "PER", m.unit)
                         if m.label == "LOC" and units[m.unit].text[m.start:m.end] in person_names
                         and is_full_name(units[m.unit].text[m.start:m.end]) else m for m in ms]
                        for ms in mentions_by_unit]
    for mentions in mentions_by_unit:
        orgs = [m for m in mentions if m.label == "ORG"]
        previous_person: Optional[PersonDraft] = None
        previous_end = -10
        for m in mentions:
            if m.label != "PER":
                continue
            text = units[m.unit].text
            name = text[m.start:m.end].replace(" ", "")
            if not is_full_name(name) and (m := _name_run_into_word(text, m)) is not None:
                name = text[m.start:m.end]
            if m is None or not is_full_name(name):
                continue
            person = people.get(name)
            if person is None:
                person = people[name] = PersonDraft(name, first=FirstMention(m.unit, m.start, m.end))
            title, org = _title_before(text, m.start, orgs)
            for earlier in _titles_chained_before(text, m.start, title, org):
                person.add_title(earlier, None)  # 党委副书记、院长雷冬竹: 党委副书记 first
            if title is None:
                title, org_after = _title_after(text, m.end, orgs)
                org = org or org_after
            if title is None:
                # 习近平、李克强、栗战书等党和国家领导人: a list closed by 等 and a title
                title = _title_closing_list(text, m, mentions)
            if title is None and previous_person is not None and text[previous_end:m.start] == "、":
                # 教师周然、于瑞雪、李芳: a listed name shares the list's title
                title = previous_person.titles[-1] if previous_person.titles else None
                org = previous_person.organization
            if org and org.startswith(_INSTITUTION_SELF) and len(org) <= 4:
                # 在清华大学，校党委书记邱勇: 校党委 is the university's; the person belongs to it
                org = _paragraph_institution(text, m.start, orgs) or org
            if org is None:
                # 金安社区的龙美婷; 在…铭新社区，“90后”党委书记叶德添: the community or village
                # the sentence is about is where a resident or its secretary belongs
                org = _community_of(text, m.start, mentions, title)
            if title and org is None and (_DEPARTMENT_IN_TITLE.search(title) or title in STAFF_TITLES):
                # 检验科主治医师刘淑静 with 北京天坛医院 earlier in the paragraph: a department
                # belongs to the institution the paragraph is about
                org = _paragraph_institution(text, m.start, orgs)
            person.add_title(title, org)
            person.add_title(title_right_after(text, m.end), None)  # 习近平总书记, 古小红书记
            left = text[max(0, m.start - _AGE_CONTEXT_CHARS):m.start]
            left = left[_last_break(left):]
            if person.age is None and (age := _AGE.search(left)):
                person.age = int(age.group(1))
            if person.party_years is None and (years := _PARTY_YEARS.search(left)):
                person.party_years = int(years.group(1))
            previous_person, previous_end = person, m.end

    for credit in _byline_credits(meta, clean):
        person = people.get(credit.name)
        if person is None:
            person = people[credit.name] = PersonDraft(credit.name, context=credit.context)
        person.add_title(credit.title, credit.organization)
        if person.role == "subject":
            person.role = credit.role

    body = units[0].text
    for short in [n for n in people if len(n) == 2]:
        # 叶德 in one sentence, 叶德添 in three: a name every mention of which is the start of
        # a longer name of the article is that name cut short
        longer = [n for n in people if len(n) > 2 and n.startswith(short)]
        if len(longer) == 1 and body.count(short) == body.count(longer[0]) and people[short].role == "subject":
            people[longer[0]].titles.extend(t for t in people[short].titles if t not in people[longer[0]].titles)
            del people[short]
    rows = []
    for name, p in people.items():
        first = p.first
        if first is not None and not units[first.unit].in_body:
            pos = body.find(name)
            first = FirstMention(0, pos, pos + len(name)) if pos >= 0 else first
        if first is not None:
            s, e, sentence = units[first.unit].position(first.start, first.end)
            if s is not None and body[s:e] != name:
                # written with a space inside (宋 国威): offsets must point at the name as
                # given, so use an unspaced mention if there is one, else none
                pos = body.find(name)
                s, e = (pos, pos + len(name)) if pos >= 0 else (None, None)
                sentence = units[0].sentence_at(pos) if pos >= 0 else sentence
        else:
            pos = body.find(name)
            s, e, sentence = ((pos, pos + len(name), units[0].sentence_at(pos)) if pos >= 0
                              else (None, None, p.context))
        rows.append(PersonRow(article_id, name, p.role, p.titles, p.organization, p.age,
                              p.party_years, body.count(name), s, e, sentence))
    return rows


def _community_of(text: str, start: int, mentions: list[Mention], title: Optional[str]) -> Optional[str]:
    """The community or village a person belongs to by the sentence around the name: one written
    right before it with 的 (金安社区的龙美婷), or, for a secretary or director (党委书记, 主任), the
    last one named earlier in the sentence (在武汉江岸区铭新社区，“90后”党委书记叶德添)."""
    sentence_start = max(text.rfind(c, 0, start) for c in "。！？\n") + 1
    places = [m for m in mentions if m.label == "LOC" and sentence_start <= m.start and m.end <= start
              and text[m.start:m.end].endswith(COMMUNITY_SUFFIXES)]
    if not places:
        return None
    last = places[-1]
    if text[last.end:start] == "的" or (title and title.endswith(_COMMUNITY_POSTS)):
        return text[last.start:last.end]
    return None


def _paragraph_institution(text: str, start: int, orgs: list[Mention]) -> Optional[str]:
    """The last institution (not a party branch) named earlier in the same paragraph."""
    paragraph_start = text.rfind("\n", 0, start) + 1
    for o in reversed(orgs):
        if paragraph_start <= o.start and o.end <= start:
            name = text[o.start:o.end]
            if org_type(name) in INSTITUTION_TYPES and not is_generic_org(name):
                return name
    return None


def _name_run_into_word(text: str, m: Mention) -> Optional[Mention]:
    """A four-character "name" whose last character opens the next word (吴德启平静地说 →
    吴德启 + 平静): the name without it, else ``None``."""
    if m.end - m.start != 4 or not all(map(is_han, text[m.start:m.end])):
        return None
    if jieba_word_tags().get(text[m.end - 1:m.end + 1], "")[:1] not in ("a", "d", "v"):
        return None
    return Mention(m.start, m.end - 1, m.label, m.unit)


def is_full_name(name: str) -> bool:
    if name in _NOT_NAMES:
        return False
    if "·" in name:
        return 3 <= len(name) <= _DOTTED_NAME_MAX_CHARS
    longest = _DOTTED_NAME_MAX_CHARS if is_transliterated(name) else _NAME_MAX_CHARS  # 米尔济约耶夫
    if not _NAME_MIN_CHARS <= len(name) <= longest or not all(map(is_han, name)):
        return False
    if len(name) == 4 and name[:2] not in _SURNAME_DOUBLE and not is_transliterated(name):
        return False  # four characters: a double surname, or a foreign name (埃尔多安)
    if len(name) == 2 and (name[0] == name[1] or jieba_word_tags().get(name) == "t"):
        return False  # 殷殷: a reduplicated word; 周四, 明治: a time word, not surname + given name
    return True


def _last_break(s: str) -> int:
    last = 0
    for m in _CLAUSE_BREAK.finditer(s):
        last = m.end()
    return last


def _title_before(text: str, start: int, orgs: list[Mention]) -> TitleMatch:
    """The title and organization written right before a name: ORG? TITLE NAME."""
    left = text[max(0, start - _TITLE_BEFORE_CHARS):start]
    base = start - len(left)
    cut = _last_break(left)
    left, base = left[cut:], base + cut
    # Skip a "的" modifier between title and name: 检验科主任、有着多年党龄的宋国威.
    modifier = re.search(r"、[^、]{1,14}的$", left) or re.search(rf"(?<=[{HAN}])(?:的|、)$", left)
    core = left[:modifier.start()] if modifier else left
    org_end = 0
    org_name = None
    for o in orgs:
        if base <= o.start and o.end <= base + len(core):
            org_end, org_name = o.end - base, text[o.start:o.end]
    segment = core[org_end:]
    m = _TITLE_BEFORE_NAME.search(segment)
    if not m:
        # 石家庄市妇产医院的赵婷婷: an organization right before the name, no title
        if org_name and not segment and not is_generic_org(org_name):
            return TitleMatch(None, org_name)
        return _NO_TITLE
    title = m.group(1)
    # Verbs and conjunctions never sit inside a title: keep the part after them.
    # A head word is whole even with a break character in it (党和国家领导人).
    title = _TITLE_BREAK.split(title)[-1] if len(title) > 2 and title not in TITLE_HEADS else title
    if not title or not any(title.endswith(h) for h in TITLE_HEADS):
        return _NO_TITLE
    if is_generic_org(org_name or "x"):
        org_name = None
    if org_name is None:
        org_name, title = organization_in_title(title)
    return TitleMatch(title, org_name)


def _titles_chained_before(text: str, start: int, title: Optional[str], org: Optional[str],
                           limit: int = 3) -> list[str]:
    """Titles listed with 、 before the one right before a name, first written first, each as
    written with its unit (中共中央政治局常委、国务院副总理韩正 → 中共中央政治局常委;
    临时党支部书记、金域医学集团副总裁侯生根 → 临时党支部书记). A listed item that is not a
    title (80后党员, a clause) ends the chain."""
    if not title:
        return []
    pos = start - len(title)
    if text[pos:start] != title:
        return []  # a title split off its unit by organization_in_title: not a plain run
    if org and text[pos - len(org):pos] == org:
        pos -= len(org)
    chain: list[str] = []
    while pos >= 1 and text[pos - 1] == "、" and len(chain) < limit:
        item_start = pos - 1
        while item_start > 0 and text[item_start - 1] != "、" and not _CLAUSE_BREAK.match(text[item_start - 1]):
            item_start -= 1
        item = text[item_start:pos - 1]
        if not _TITLE_ITEM.fullmatch(item) or _TITLE_BREAK.search(item):
            break
        chain.insert(0, item)
        pos = item_start
    return chain


def _title_closing_list(text: str, mention: Mention, mentions: list[Mention]) -> Optional[str]:
    """The title after 等 that closes a 、-list of names starting at ``mention``
    (习近平、李克强等党和国家领导人来到…, 张三、李四等院士): every name in the list holds it.
    The title must end the phrase: punctuation, or a verb or preposition after it."""
    starts = {m.start: m for m in mentions if m.label == "PER"}
    end = mention.end
    while text[end:end + 1] == "、" and end + 1 in starts:
        end = starts[end + 1].end
    if text[end:end + 1] != "等":
        return None
    item = _TITLE_ITEM.match(text, end + 1)
    if not item or _TITLE_BREAK.search(item.group()) and item.group() not in TITLE_HEADS:
        return None
    after = item.end()
    if after < len(text) and is_han(text[after]) and \
            jieba_word_tags().get(text[after:after + 2], "")[:1] not in ("v", "p", "d", "c"):
        return None
    return item.group()


def organization_in_title(title: str) -> tuple[Optional[str], str]:
    """Split the unit off the front of a title: (unit or None, remaining title)."""
    for cut in range(len(title) - 2, 1, -1):
        unit, rest = title[:cut], title[cut:]
        if unit.endswith(TITLE_UNIT_ENDINGS) and any(rest.endswith(h) for h in TITLE_HEADS) \
                and rest not in ("委员", "员") and not unit.startswith(("驻", "带领", "打开")):
            return unit, rest
    return None, title


def _title_after(text: str, end: int, orgs: list[Mention]) -> TitleMatch:
    """The title and organization written as NAME是ORG…的TITLE."""
    right = text[end:end + _TITLE_AFTER_CHARS]
    m = _TITLE_AFTER_NAME.match(right)
    if not m:
        return _NO_TITLE
    head = m.group(2)
    org_name = None
    title = head
    for o in orgs:
        if end + m.start(1) <= o.start and o.end <= end + m.end(1):
            org_name = text[o.start:o.end]
            rest = text[o.end:end + m.end(1)]
            # the department between organization and head belongs to the title (产二科护士)
            if rest and len(rest) <= 8 and "的" not in rest and "、" not in rest:
                title = rest + head
    if org_name is None:
        org_name, title = organization_in_title(title)
    return TitleMatch(title, org_name)


_INSTITUTION_SELF = tuple(lexicon("institution_self_prefixes").words())
# Posts that run a community or village (its secretary, its director): heads of title_heads.tsv
_COMMUNITY_POSTS = ("书记", "主任")
# jieba tags (first letter) of the word after a title head that show the clause going on
_CLAUSE_GOES_ON = frozenset("vpdcmanli")  # l, i: set phrases and idioms (重要讲话)


def title_right_after(text: str, end: int) -> Optional[str]:
    """A title head written right after a name, where the clause goes on after it
    (习近平总书记指出, 古小红书记带领, 习近平主席在…): punctuation, a function word or a verb
    follows it; never the head of a longer word (李明代表团: 代表 + 团).

    >>> title_right_after("习近平总书记指出", 3), title_right_after("古小红书记带领大家", 3)
    ('总书记', '书记')
    >>> title_right_after("李明代表团到达", 2) is None, title_right_after("李明说", 2) is None
    (True, True)
    """
    m = TITLE_HEAD_RE.match(text, end)
    if not m:
        return None
    after = m.end()
    if after >= len(text) or not re.match(f"[{HAN}]", text[after]) or text[after] in NAME_STOP_CHARS:
        return m.group()
    tags = jieba_word_tags()
    if any(text[m.start():after + k] in tags for k in (1, 2)):
        return None  # the head opens a longer word (代表团, 书记处)
    # the word that follows (longest in the dictionary): the clause goes on with a verb,
    # preposition, adverb, adjective or noun (习近平主席同…, 总书记重要讲话, 教授团队)
    word = next((text[after:after + n] for n in (4, 3, 2) if text[after:after + n] in tags), text[after])
    return m.group() if tags.get(word, "")[:1] in _CLAUSE_GOES_ON else None


def _byline_credits(meta: ArticleMetadata, clean: CleanPage) -> list[BylineCredit]:
    """Authors and editors named in the chrome, with their role and outlet."""
    out = []
    chrome = list(clean.bylines) + list(clean.captions) + list(clean.footer) + list(clean.header)
    # bylines and chrome are in the page's script; roles and names are matched in simplified,
    # and the line a credit comes from is reported in simplified like every other string
    compact = to_simplified_lines([c.replace(" ", "").replace("\u3000", "") for c in chrome])
    compact_chrome = list(zip(to_simplified_lines(chrome), compact))
    source_outlet = next(iter(outlet_names(meta.source)), None)
    for name in meta.authors:
        title, org, context = "记者", None, None
        for raw, compact in compact_chrome:
            i = compact.find(name)
            if i < 0:
                continue
            context = raw
            before = compact[:i]
            role = None
            for r in _BYLINE_ROLE.finditer(before):
                role = r.group(1)
            if role in ("通讯员",):
                title = "通讯员"
            elif role in ("摄影", "摄") and "记者" not in before:
                title = "摄影"
            m = _BYLINE_OUTLET.search(before)
            if m and not m.group(1).startswith("本"):
                org = m.group(1)
            break
        out.append(BylineCredit(name, title, org or source_outlet, context))
    for name in meta.editors:
        context = next((raw for raw, compact in compact_chrome if name in compact), None)
        title = "责编" if context and "责编" in context else "编辑"
        out.append(BylineCredit(name, title, source_outlet, context))
    return out

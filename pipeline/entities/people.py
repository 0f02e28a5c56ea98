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
become people with titles 记者 / 通讯员 / 摄影 / 编辑 / 责编 and their outlet (``credits.py``). Where no
organization is written with the title, the sentence supplies it: a community or village written
before the name with 的, or named earlier in the sentence for its secretary or director; 校党委 /
院党委 are the paragraph's institution (those rules are ``affiliations.py``'s). The titles
themselves are read by ``titles.py``.

>>> is_full_name("宋国威"), is_full_name("欧阳春晓"), is_full_name("张三李四"), is_full_name("村民")
(True, True, False, False)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..gazetteer import COUNTRIES, country_at
from ..lexicons import alternation, lexicon
from ..records import ArticleMetadata, CleanPage, PersonRow
from ..resources import jieba_word_tags
from ..settings import setting
from ..text.chars import HAN, has_name_dot, is_han
from .affiliations import (INSTITUTION_SELF, SELF_TYPES, body_before_gloss, body_named_earlier, body_of_title,
                           body_opening_the_sentence, body_right_before, chain_affiliation, community_of,
                           company_of_title, inside_a_body, paragraph_institution, written_in_full)
from .heads import KNOWN_ORGANIZATIONS, ORG_HEADS
from .mentions import DEPARTMENT_IN_TITLE_ENDINGS, FirstMention, Mention, TextUnit, is_transliterated
from .edges import NAME_HYPHENS, regnal_number_length
from .name_words import (COMMUNITY_SUFFIXES, DOUBLE_SURNAMES, JAPANESE_SURNAMES, MEMBERSHIP_TITLE_WORDS,
                         MODEL_NUMBER_AFTER, POST_INSTITUTION_TYPES, PRINCIPAL_BODIES, STAFF_TITLES, TITLE_HEADS,
                         TITLE_VERB_HEADS, is_tibetan_name, listed_word_after)
from .credits import byline_credits
from .organizations import is_generic_org
from .list_titles import list_end, title_closing_list
from .title_units import organization_in_title
from .title_chains import titles_chained_before
from .titles import TITLE_ITEM, last_break, title_after, title_before, title_right_after, titles_chained_after

#: 作为 + an office + a comma right before a name that opens the next clause (作为北京大学第三医院的院长，乔杰在
#: 武汉…; 作为校长，张桂梅…), the office opening its sentence
_ACTING_AS = re.compile(r"(?:^|[。！？\n])作为(?:一名|一位)?([^，。；！？、\n]{2,24})，$")
_ACTING_AS_WINDOW = 32

_AGE = re.compile(r"(\d{1,3})岁(?:的|高龄的)")
_PARTY_YEARS = re.compile(r"(\d{1,2})年党龄")
_DEPARTMENT_IN_TITLE = re.compile(
    rf"[{HAN}]{{1,6}}(?:{alternation(DEPARTMENT_IN_TITLE_ENDINGS, longest_first=False)})[{HAN}]*$")

# Thresholds from pipeline/settings.toml [entities], bound once per process.
_AGE_CONTEXT_CHARS = setting("entities", "age_context_chars")
_NAME_MIN_CHARS = setting("entities", "full_name_min_chars")
_NAME_MAX_CHARS = setting("entities", "full_name_max_chars")
_DOTTED_NAME_MAX_CHARS = setting("entities", "dotted_name_max_chars")

#: a country's name, then a title, up to the name after it, within one clause (乌克兰总统 + 波罗申科)
_COUNTRY_BEFORE_TITLE = re.compile(f"(?:{alternation(COUNTRIES)})[{HAN}]{{1,12}}$")
_NOT_NAMES = frozenset(lexicon("not_names").flagged("body"))
#: words after a name that make it a people's or a faction's (布朗 + 族): people_words_after_names.tsv
_PEOPLE_WORDS_AFTER_PERSON = tuple(lexicon("people_words_after_names").flagged("person"))


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


#: what joins the last name of a list written with 、 (袁永刚、袁富根和袁永峰)
_LIST_LAST_JOINERS = ("和", "及", "与")


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
    # 麒麟980芯片 … 麒麟990搭载了…: a name written once before a product's model number is a brand's
    # in the whole article, no person's
    brands = {units[m.unit].text[m.start:m.end] for ms in mentions_by_unit for m in ms
              if m.label == "PER" and MODEL_NUMBER_AFTER.match(units[m.unit].text, m.end)}
    # 苏豪副总裁丁海 after 江苏省苏豪控股集团有限公司: a "name" written inside a body the article
    # names, right before a title, is that body's short name
    org_names = [units[m.unit].text[m.start:m.end] for ms in mentions_by_unit for m in ms if m.label == "ORG"]
    brands |= {units[m.unit].text[m.start:m.end] for ms in mentions_by_unit for m in ms
               if m.label == "PER" and units[m.unit].text.startswith(TITLE_HEADS, m.end)
               and inside_a_body(units[m.unit].text[m.start:m.end], org_names)}
    for mentions in mentions_by_unit:
        orgs = [m for m in mentions if m.label == "ORG"]
        previous_person: Optional[PersonDraft] = None
        previous_end = -10
        previous_listed = False  # the previous name was an item of a list after 、
        previous_title: Optional[str] = None
        previous_org: Optional[str] = None
        previous_chain: list[str] = []
        for m in mentions:
            if m.label != "PER" or units[m.unit].text[m.start:m.end] in brands:
                continue
            text = units[m.unit].text
            name = text[m.start:m.end].replace(" ", "")
            # 主席谢尔格延科: right after a title, a foreign name may hold one rare character; two
            # after a foreign state's title (乌克兰总统波罗申科, 赞比亚新任驻华大使丰达丰达); a
            # title right after the name allows the one too (范德贝伦总统就…: 范), not at the name's
            # end, where it may open the title (阿罗约 + 众议长)
            after_title = text.endswith(TITLE_HEADS, 0, m.start) \
                or title_right_after(text, m.end) is not None and is_transliterated(name[-2:])
            foreign_title = after_title and _COUNTRY_BEFORE_TITLE.search(text, max(0, m.start - 20), m.start) is not None
            if not is_full_name(name, after_title, foreign_title) and (m := _name_run_into_word(text, m)) is not None:
                name = text[m.start:m.end]
            if m is None or not is_full_name(name, after_title, foreign_title) or _names_a_people(text, m.end):
                continue
            person = people.get(name)
            if person is None:
                person = people[name] = PersonDraft(name, first=FirstMention(m.unit, m.start, m.end))
            title, org = title_before(text, m.start, orgs)
            verb_head = next((h for h in TITLE_VERB_HEADS if title and title.endswith(h)), None)
            if verb_head and any(x.label == "PER" and x.end == m.start - len(verb_head) for x in mentions):
                # 马特维延科代表普京总统: a head that is also a verb (代表: title_verb_heads.tsv) right
                # after another person's name is that person's verb, no title of this one
                title, org = None, None
            listed_title, listed_org = None, None  # what the next name of a list shares
            chain = titles_chained_before(text, m.start, title, org)
            listed_chain = chain
            nearest_org = org  # the body the title right before the name names
            for earlier in chain:
                person.add_title(earlier, None)  # 党委副书记、院长雷冬竹: 党委副书记 first
            joiner = text[previous_end:m.start]
            if title is None and previous_person is not None \
                    and (joiner == "、" or joiner in _LIST_LAST_JOINERS and previous_listed):
                # 教师周然、于瑞雪、李芳: a listed name shares the title written before the list
                # (only that one: 习近平、李克强 … 汪洋 do not share what each is called elsewhere);
                # the last item of a list may come after 和 (一致行动人袁永刚、袁富根和袁永峰)
                title, org = previous_title, previous_org
                listed_chain = previous_chain  # (国务委员、国务院安委会副主任王勇、赵克志: the whole chain)
                for earlier in previous_chain:
                    person.add_title(earlier, None)
            previous_listed = joiner == "、" and previous_person is not None
            if title is not None:
                listed_title, listed_org = title, org
            title_also = None  # a second title, written after the name
            if title is None:
                title, org_after = title_after(text, m.end, orgs, m.start)
                org = org or org_after
            elif text[m.end:m.end + 1] not in ("（", "("):  # (李荣灿（时任…副省长）: a former office)
                # 二十大代表郑志明是广西汽车集团有限公司首席技能专家, 全国人大代表罗杰代表是…医院院长: a title
                # before the name and one after it; the body of the one after is the person's when the
                # one before names none or is a seat (MEMBERSHIP_TITLE_WORDS), and is no bare head
                # (任命医疗队队长李秀忠为党支部书记: which 党支部 the paragraph says)
                title_also, org_after = title_after(text, m.end, orgs, m.start)
                if org_after and not is_generic_org(org_after) \
                        and (org is None or title.endswith(MEMBERSHIP_TITLE_WORDS)):
                    org = org_after
            if title is None and text[m.end:m.end + 1] == "、":
                # 任命喻红秋、傅奎为国家监察委员会副主任: the names of a list share the title after it
                listed = title_after(text, list_end(text, m.end, mentions), orgs)
                if listed.title is not None:
                    title, org = listed.title, org or listed.organization
            if title is None:
                # 习近平、李克强、栗战书等党和国家领导人: a list closed by 等 and a title
                title = title_closing_list(text, m, mentions)
            if title is None:
                title, acted_org = _title_acted_as(text, m.start, orgs)  # 作为…医院的院长，乔杰…
                org = org or acted_org
            if org and org.startswith(INSTITUTION_SELF) and len(org) <= 4:
                # 在清华大学，校党委书记邱勇: 校党委 is the university's; the person belongs to it
                word = next(w for w in INSTITUTION_SELF if org.startswith(w))
                org = paragraph_institution(text, m.start, orgs, SELF_TYPES[word]) or org
            if org is None and title is None:
                # 南滩街道办事处付军弢副主任, 区妇联教育中心的程宏菊: a body written right before the
                # name, or with 的, is the person's
                org = body_right_before(text, m.start, orgs)
            if org is None and title and text.endswith(title, 0, m.start):
                org = body_before_gloss(text, m.start - len(title), orgs)
            if org is None or org in COMMUNITY_SUFFIXES:
                # 金安社区的龙美婷; 在…铭新社区，“90后”党委书记叶德添: the community or village
                # the sentence is about is where a resident or its secretary belongs (在朵努社区…，
                # 社区第一书记黎夏: the title's bare 社区 is that one)
                org = community_of(text, m.start, mentions, title) or org
            right_after = title_right_after(text, m.end)  # 习近平总书记, 古小红书记
            if title and org is None and (_DEPARTMENT_IN_TITLE.search(title) or title in STAFF_TITLES):
                # 检验科主治医师刘淑静 with 北京天坛医院 earlier in the paragraph: a department
                # belongs to the institution the paragraph is about
                org = paragraph_institution(text, m.start, orgs)
            elif title is None and org is None and right_after in POST_INSTITUTION_TYPES:
                # 武汉金银潭医院隔离4病房…，当班余亭医生: a post after the name, of the paragraph's
                # institution of its kind (a teacher's school, never the hospital that treated him)
                org = paragraph_institution(text, m.start, orgs, POST_INSTITUTION_TYPES[right_after])
            if title and (org is None or org in ORG_HEADS):
                # 领导小组成员丁薛祥 after 中央应对新冠肺炎疫情工作领导小组; 等8位代表 after
                # 解放军和武警部队代表团: the body the article named in full earlier; a bare head
                # split off the title (论坛 + 理事长 after 博鳌亚洲论坛) too
                org = body_named_earlier((org or "") + title, text, m.start, orgs) or org
            post = title or right_after
            if org is None and post and name not in PRINCIPAL_BODIES and not post.endswith(_TITLES_OF_OTHER_BODIES):
                # 南京大学，…的丁明德教授: a titled person, not a national leader, an envoy or a reporter
                # visiting the body (清华大学，习近平总书记走进实验室; 复旦大学，美国驻华大使伯恩斯…)
                org = body_opening_the_sentence(text, m.start, mentions)
            if chain and org and org == nearest_org:
                # 中共中央政治局委员、国务院副总理、中央指导组组长孙春兰: the first body of the chain
                # that is no seat and no task group is the person's (国务院); a nearest title with no
                # body of its own leaves the organization to the rules above (为泰党战略委员会副主席、
                # 前副总理颇钦: the party, read from the paragraph)
                org = chain_affiliation(chain, title, org, text, m.start, orgs)
                if org != nearest_org and title and text.endswith(nearest_org + title, 0, m.start):
                    title = nearest_org + title  # …国家主席、中央军委主席习近平: the title keeps its own body
            person.add_title(title, org)
            person.add_title(title_also, None)
            for chained in titles_chained_after(text, m.end):
                person.add_title(chained, None)  # 许勤同志任黑龙江省委委员、常委、书记
            person.add_title(right_after, None)
            left = text[max(0, m.start - _AGE_CONTEXT_CHARS):m.start]
            left = left[last_break(left):]
            if person.age is None and (age := _AGE.search(left)):
                person.age = int(age.group(1))
            if person.party_years is None and (years := _PARTY_YEARS.search(left)):
                person.party_years = int(years.group(1))
            previous_person, previous_end = person, m.end
            previous_title, previous_org = listed_title, listed_org
            previous_chain = listed_chain if listed_title is not None else []

    for credit in byline_credits(meta, clean):
        person = people.get(credit.name)
        if person is None:
            person = people[credit.name] = PersonDraft(credit.name, context=credit.context)
        person.add_title(credit.title, credit.organization)
        if person.role == "subject":
            person.role = credit.role

    body = units[0].text
    article_orgs = {units[m.unit].text[m.start:m.end] for ms in mentions_by_unit for m in ms if m.label == "ORG"}
    _merge_name_parts(people, body)
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
        # 中共中央政治局常委、国务院总理、…领导小组组长李克强: a national leader belongs to the body
        # of their principal office when one of the titles written names it
        organization = next((body for body in PRINCIPAL_BODIES.get(name, ()) if any(body in title for title in p.titles)),
                            None) or written_in_full(p.organization, article_orgs) or p.organization \
            or body_of_title(p.titles, article_orgs, sentence) or company_of_title(p.titles, article_orgs)
        # 本台记者 张琦：, 总台记者徐平: the outlet's own reporter, named in the body, is credited as a byline is
        role = "reporter" if p.role == "subject" and _own_reporter(p.titles, organization) else p.role
        titles, country = _titles_without_country(p.titles)
        rows.append(PersonRow(article_id, name, role, titles, organization or country, p.age,
                              p.party_years, body.count(name), s, e, sentence))
    return rows


#: titles held in a body other than the one a sentence opens with (a visitor's): envoys, reporters
_TITLES_OF_OTHER_BODIES = ("记者", "通讯员", "大使", "公使", "领事", "总书记")

#: a former or deputy holder's title after a country (美国前总统, 俄罗斯副总理)
_TITLE_RANK_OPENERS = ("前", "副")
_TITLE_WORDS = frozenset(TITLE_HEADS)


def _titles_without_country(titles: list[str]) -> tuple[list[str], Optional[str]]:
    """Titles with the country they open with left out where the rest is a title word alone (俄罗斯总统
    → 总统, 美国前总统 → 前总统, 中国选手 → 选手), and the first country so left out, which becomes the
    person's organization when the text names none (the state whose office it is): the role is then
    the same whoever holds it. Kept as written when a country's body or a qualifier follows the country
    (中国工程院院士, 朝鲜劳动党委员长, 巴基斯坦驻华大使), the country opens a known body's name (中国共产党员),
    or the country's name runs on (中非共和国总统); a country written by one character (俄总统) too."""
    out: list[str] = []
    first_country: Optional[str] = None
    for title in titles:
        country = country_at(title, 0) or ""
        rest = title[len(country):]
        if country and (rest in _TITLE_WORDS or rest[:1] in _TITLE_RANK_OPENERS and rest[1:] in _TITLE_WORDS) \
                and not any(title[:k] in KNOWN_ORGANIZATIONS for k in range(len(country) + 1, len(title) + 1)):
            title = rest
            first_country = first_country or country
        if title not in out:
            out.append(title)
    return out, first_country


#: words of an outlet naming itself (本台, 总台, 央视): own_outlet_words.tsv
_OWN_OUTLET_WORDS = tuple(lexicon("own_outlet_words").words())
#: the byline words of a reporter (记者, 通讯员, 评论员 …: byline_roles.tsv, flagged reporter, role reporter)
_REPORTER_TITLE_ENDINGS = tuple(w for w in lexicon("byline_roles").flagged("reporter")
                                if lexicon("byline_roles").mapping("person_role")[w] == "reporter")


def _own_reporter(titles: list[str], organization: Optional[str]) -> bool:
    """Every title is a reporter's, and the outlet is the story's own: written before the title
    (本台记者) or as the title's body (总台 + 记者)."""
    return bool(titles) and all(t.endswith(_REPORTER_TITLE_ENDINGS) for t in titles) \
        and (any(t.startswith(_OWN_OUTLET_WORDS) for t in titles) or organization in _OWN_OUTLET_WORDS)


def _merge_name_parts(people: dict[str, "PersonDraft"], body: str) -> None:
    """One person written in part and in whole is one row (the whole name's), its titles merged:

    * 叶德 in one sentence, 叶德添 in three: a name every mention of which is the start of a
      longer name of the article is that name cut short (a foreign one, the end too: 拉比什维利 of
      祖拉比什维利); a dotted name, the end of one (克来提·扎克尔 of 雪克来提·扎克尔);
    * 巴兹·奥尔德林 … 巴兹当时, 阿什拉夫·加尼 … 加尼表示: the first or the last name of one dotted
      name, written alone, is that person;
    * 姜鹏 … 总工程师姜鹏正带领, 廷·巴特尔 … 廷·巴特尔光荣加入: a name written once that runs on
      into an adverb, verb or word of the clause (正, 光荣) is the shorter name the article writes
      alone twice or more.
    """
    tags = jieba_word_tags()
    dotted = [n for n in people if has_name_dot(n)]
    # (罗伯特·马尔尚 … 马尔尚曾: a part of a dotted name is a short form whatever its characters)
    for short in [n for n in people if len(n) == 2 or has_name_dot(n) or is_transliterated(n)
                  or any(d.endswith(n) and has_name_dot(d[-len(n) - 1]) for d in dotted if d != n)]:
        dotted_parts = [n for n in people if has_name_dot(n) and not has_name_dot(short)
                        and (n.startswith(short) and has_name_dot(n[len(short):len(short) + 1])
                             or n.endswith(short) and has_name_dot(n[-len(short) - 1:-len(short)]))]
        longer = [n for n in people if len(n) > len(short)
                  and (n.endswith(short) if has_name_dot(short) else
                       n.startswith(short) or is_transliterated(short) and n.endswith(short))]
        whole = dotted_parts if len(dotted_parts) == 1 else longer
        # (阿卜杜拉国王 … 阿卜杜拉二世: a monarch's name without the ordinal is that monarch too)
        if len(whole) == 1 and (whole is dotted_parts or body.count(short) == body.count(whole[0])
                                or regnal_number_length(whole[0]) == len(whole[0]) - len(short)) \
                and people[short].role == "subject":
            people[whole[0]].titles.extend(t for t in people[short].titles if t not in people[whole[0]].titles)
            del people[short]
    for long in list(people):
        for short in [n for n in people if n != long and long.startswith(n) and 1 <= len(long) - len(n) <= 2]:
            rest = long[len(short):]
            tag = tags.get(rest, "")
            # written once, the shorter name alone twice or more (叶德添 three times and 叶德 once
            # is the other way round: a name cut short, merged above)
            alone = body.count(short) - body.count(long)
            once = body.count(long) == 1 and alone >= _OVERRUN_SHORT_MIN_ALONE
            # or alone once when the character is a verb, adverb or a bound one the clause goes on
            # with (佩洛西窜访, 孔特通电话, 冯玮所在)
            into_word = body.count(long) == 1 and alone >= 1 and len(rest) == 1 and (
                tag[:1] in _OVERRUN_CHAR_TAGS or tag[:1] in ("a", "z") and is_transliterated(short))
            # (an adjective ends many Chinese given names: 张伟强 and his neighbour 张伟 are two)
            if (once or into_word) and people[long].role == "subject" and (
                    len(rest) == 1 and (tag[:1] in _OVERRUN_CHAR_TAGS or into_word) or len(rest) == 2 and tag):
                people[short].titles.extend(t for t in people[long].titles if t not in people[short].titles)
                del people[long]
                break


#: jieba tags of one character a name may run on into: adverb, preposition, verb, conjunction, particle
_OVERRUN_CHAR_TAGS = ("d", "p", "v", "c", "u")
#: how often the shorter name must stand alone for a longer one written once to be its overrun
_OVERRUN_SHORT_MIN_ALONE = 2


def _name_run_into_word(text: str, m: Mention) -> Optional[Mention]:
    """A four-character "name" whose last character opens the next word (吴德启平静地说 →
    吴德启 + 平静): the name without it, else ``None``."""
    if m.end - m.start != 4 or not all(map(is_han, text[m.start:m.end])):
        return None
    if jieba_word_tags().get(text[m.end - 1:m.end + 1], "")[:1] not in ("a", "d", "v"):
        return None
    return Mention(m.start, m.end - 1, m.label, m.unit)


def _names_a_people(text: str, end: int) -> bool:
    """A word of people_words_after_names.tsv follows the name (布朗 + 族) and opens no longer
    dictionary word there (王氏 + 族人): the name is a people's or a faction's, no person's."""
    return listed_word_after(text, end, _PEOPLE_WORDS_AFTER_PERSON)


def is_full_name(name: str, after_title: bool = False, foreign_title: bool = False) -> bool:
    """A person's whole name: two to four characters of a Chinese name, a foreign name of
    transliteration characters (all of them, or all but one rare one when the name stands
    ``after_title``: 主席久加诺夫, 主任谢尔格延科; alone 顿涅茨克 and 南丁格尔 are a city and a
    prize), dotted or hyphened names, Japanese names of four or five characters that open with a
    family name of ``japanese_surnames.tsv`` (岸田文雄); never a listed non-name."""
    if name in _NOT_NAMES:
        return False
    if (regnal := regnal_number_length(name)) and len(name) - regnal >= 2:
        name = name[:-regnal]  # 伊丽莎白二世: a monarch's name and ordinal
        after_title = True
    if has_name_dot(name):  # 本尼·甘茨, 本尼・甘茨
        return 3 <= len(name) <= _DOTTED_NAME_MAX_CHARS
    hyphen = next((h for h in NAME_HYPHENS if h in name), None)
    if hyphen:  # 克利夫顿-布朗: a foreign double name, each part written with transliteration characters
        parts = name.split(hyphen)
        return len(parts) == 2 and all(len(x) >= 2 and is_transliterated(x) for x in parts) \
            and len(name) <= _DOTTED_NAME_MAX_CHARS
    if 4 <= len(name) <= 5 and name[:2] in JAPANESE_SURNAMES and all(map(is_han, name)):
        return True  # 岸田文雄, 山口那津男: a Japanese family name and a given name
    # 米尔济约耶夫, 谢尔格延科: a foreign name of four characters or more may hold one rare one
    # after a title, one of five or more two (吉尔吉斯斯坦总统热恩别科夫: 热 and 别)
    foreign = is_transliterated(name, rare=(2 if len(name) >= 5 or foreign_title else 1) if after_title and len(name) >= 4 else 0)
    longest = _DOTTED_NAME_MAX_CHARS if foreign else _NAME_MAX_CHARS
    if not _NAME_MIN_CHARS <= len(name) <= longest or not all(map(is_han, name)):
        return False
    if len(name) == 4 and name[:2] not in DOUBLE_SURNAMES and not foreign and not is_tibetan_name(name):
        return False  # four characters: a double surname, a foreign name (埃尔多安) or a Tibetan one (洛桑江村)
    if len(name) == 2 and (name[0] == name[1] or jieba_word_tags().get(name) == "t"):
        return False  # 殷殷: a reduplicated word; 周四, 明治: a time word, not surname + given name
    return True


def _title_acted_as(text: str, start: int, orgs: list[Mention]) -> tuple[Optional[str], Optional[str]]:
    """(title, organization) of ``作为…，`` right before the name at ``start``: the office after the last 的,
    its body the organization mention before 的 or the unit the office opens with (村党支部第一书记);
    (None, None) when the words are no title (作为一名来自农村基层的全国人大代表 gives 代表 of 全国人大)."""
    acted = _ACTING_AS.search(text, max(0, start - _ACTING_AS_WINDOW), start)
    if acted is None:
        return None, None
    owner, _, office = acted.group(1).rpartition("的")
    unit, title = organization_in_title(office)
    if not title or not TITLE_ITEM.fullmatch(title):
        return None, None
    named = owner if owner and any(text[o.start:o.end] == owner for o in orgs) else None
    return title, named or unit

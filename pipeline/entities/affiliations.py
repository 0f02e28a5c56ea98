"""Whose organization a person is: the body a title, the sentence or the paragraph names.

Contract
--------
Functions of (text, positions, organization mentions) → the body's name or ``None``, read by
``people.py`` where no organization is written with a person's title:

* ``chain_affiliation``: in a chain of titles, the first body that is no seat, task group or rank
  (中共中央政治局委员、北京市委书记蔡奇 → 北京市委);
* ``body_right_before``: a body written right before an untitled name, with 的, or as 在 + body +
  a verb of working (南滩街道办事处付军弢副主任, 驻村工作队的魏杰, 在北京协和医院工作的王辰);
* ``body_before_gloss``: a body glossed in brackets before a title (纽约州立大学（SUNY）…教授);
* ``community_of``: the community or village of the sentence (金安社区的龙美婷);
* ``paragraph_institution``: the paragraph's institution for a staff title (检验科主任);
* ``body_named_earlier``, ``written_in_full``, ``body_of_title``, ``company_of_title``: the full
  name of a body the title or a short name points at (苏豪副总裁 → 江苏省苏豪控股集团有限公司);
* ``inside_a_body``: a "name" written inside a company's name (苏豪 of 苏豪控股) is no person.

>>> company_of_title(["华坚董事长"], {"华坚集团东莞总部"})
'华坚集团'
"""
from __future__ import annotations

import re
from typing import Optional

from ..gazetteer import place_level
from ..lexicons import lexicon
from ..resources import jieba_word_tags
from .credits import abbreviates, left_out
from .foreign_bodies import FOREIGN_COUNTRY_RE
from .heads import COMPANY_HEAD_ENDINGS, COMPANY_WORDS, INSTITUTION_TYPES, org_type
from .mentions import Mention
from .name_words import (COMMUNITY_SUFFIXES, MEMBERSHIP_TITLE_WORDS, RANK_TITLES, TASK_GROUP_WORDS, TITLE_BODIES,
                         MEETING_VERB_BEFORE_RE, TITLE_HEADS, WORKPLACE_VERBS)
from .organizations import is_generic_org
from .title_units import end_of_noun_across, organization_in_title
from .titles import head_of

INSTITUTION_SELF = tuple(lexicon("institution_self_prefixes").words())
#: the institution types a self-reference may mean (公司 → company; - any institution)
SELF_TYPES = {w: frozenset(INSTITUTION_TYPES) if t == "-" else frozenset(t.split("|"))
               for w, t in lexicon("institution_self_prefixes").mapping("types").items()}
# Posts that run a community or village (its secretary, its director): heads of title_heads.tsv
_COMMUNITY_POSTS = ("书记", "主任")


def body_of_title(titles: list[str], article_orgs: set[str], sentence: Optional[str]) -> Optional[str]:
    """The one body a title names (title_bodies.tsv: 委员长 → 全国人大常委会) when an organization of
    the article holds it (十三届全国人大常委会), else None; never for a person whose sentence names a
    foreign country (朝鲜 … 金正恩委员长, 南非审计长: the title is another state's)."""
    body = next((TITLE_BODIES[t] for t in titles
                 if t in TITLE_BODIES and any(TITLE_BODIES[t] in org for org in article_orgs)), None)
    # (the titles first: the sentence is searched for countries for these few people only)
    return None if body is None or sentence and FOREIGN_COUNTRY_RE.search(sentence) else body


_LOCAL_ROLES = [(row.title_opening, tuple(row.place_endings.split("|")), frozenset(row.not_titles.split("|")))
                for row in lexicon("local_role_units").records()]


def place_of_local_title(titles: list[str], article_places: set[str]) -> Optional[str]:
    """The one village or community of the article that a local role belongs to (村支书 → 小坡村,
    社区书记 → 洪珞社区: local_role_units.tsv; not a resident, 村民), when the article names exactly
    one place of that kind; else None.

    >>> place_of_local_title(["村支书"], {"大荔县", "小坡村"}), place_of_local_title(["村支书"], {"小坡村", "大坡村"})
    ('小坡村', None)
    """
    for title in titles:
        for opening, endings, residents in _LOCAL_ROLES:
            if title.startswith(opening) and len(title) > len(opening) and title not in residents:
                found = {p for p in article_places if p.endswith(endings) and len(p) > max(map(len, endings))}
                return found.pop() if len(found) == 1 else None
    return None


def company_of_title(titles: list[str], article_orgs: set[str]) -> Optional[str]:
    """The company a title names by its short name (华坚董事长 → 华坚集团) when the article writes it
    in full as that name and a word of company names (集团, 公司, 科技 …), or opens a longer name with
    them (华坚集团东莞总部), else None."""
    for title in titles:
        head = head_of(title)
        unit = title[:-len(head)] if head else ""
        if len(unit) < 2 or place_level(unit) not in (None, "region"):
            continue  # (美国副总统: a country's title names no company of it, 美国食品…)
        # the company's own name, out of a longer one (华坚集团 of 华坚集团东莞总部), the place
        # it is registered in kept (苏豪副总裁 → 江苏省苏豪控股集团 of 江苏省苏豪控股集团有限公司)
        found = {org if org.endswith(COMPANY_HEAD_ENDINGS) else org[:at] + unit + word
                 for org in article_orgs for at in _place_openings(org)
                 if org.startswith(unit, at) for word in COMPANY_WORDS if org.startswith(word, at + len(unit))}
        if len(found) == 1:
            return found.pop()
    return None


def inside_a_body(name: str, org_names: list[str]) -> bool:
    """``name`` is written inside a company's name, before a word of company names (苏豪 + 控股 of
    江苏省苏豪控股集团有限公司; not 罗杰 of a 罗杰工作室)."""
    return any(org.find(name + word) >= 0 for org in org_names for word in COMPANY_WORDS)


def _place_openings(org: str) -> list[int]:
    """0 and the end of a division's name that opens ``org`` (江苏省 of 江苏省苏豪控股集团)."""
    return [0] + [k for k in (4, 3, 2) if len(org) > k + 2 and place_level(org[:k]) not in (None, "region")][:1]


def body_right_before(text: str, start: int, orgs: list[Mention]) -> Optional[str]:
    """The organization mention that ends right before the name at ``start``, or a 的 before it;
    the model may stop inside the body's last word (南滩街道办 + 事处付军弢: the word 办事处). Also
    在 + body + a verb of working or studying + 的 (WORKPLACE_VERBS)."""
    tags = jieba_word_tags()
    for o in orgs:
        gap = text[o.end:start]
        if o.end <= start and (gap in ("", "的") or end_of_noun_across(text, o.end, tags) == start):
            if gap == "的" and MEETING_VERB_BEFORE_RE.search(text, max(0, o.start - 4), o.start):
                return None  # 出席联合国大会的阿巴斯总统: the body is what the person attends
            return text[o.start:start if gap != "的" else o.end]
        if text[o.start - 1:o.start] == "在" and gap.endswith("的") and gap[:-1] in WORKPLACE_VERBS:
            return text[o.start:o.end]  # 在法国里昂国立应用科学院留学的卢宇
    return None


def body_before_gloss(text: str, title_start: int, orgs: list[Mention]) -> Optional[str]:
    """An organization glossed in brackets right before a title (纽约州立大学（State University of
    New York，SUNY）社会学荣誉教授): the title's body."""
    if text[title_start - 1:title_start] not in ("）", ")"):
        return None
    return next((text[o.start:o.end] for o in orgs if text[o.end:o.end + 1] in ("（", "(")
                 and o.end < title_start - 1 and not re.search("[（()）]", text[o.end + 1:title_start - 1])), None)


def community_of(text: str, start: int, mentions: list[Mention], title: Optional[str]) -> Optional[str]:
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


def chain_affiliation(chain: list[str], title: Optional[str], org: Optional[str], text: str, start: int,
                       orgs: list[Mention]) -> Optional[str]:
    """The organization of a person whose titles are chained before the name: the body of the
    first title that names one and is neither a seat on it (委员, 常委), a post in a task group
    (指导组, 代表团) nor a state leader's rank (全国政协副主席: chain_titles_not_affiliation.tsv);
    ``org`` (the body of the title nearest the name) when no such title comes before it, or when
    the first is a deputy's post and the nearest title heads its body.

    朝鲜劳动党委员长、朝鲜国务委员会委员长金正恩 → 朝鲜劳动党; 中共中央政治局委员、北京市委书记蔡奇 →
    北京市委 (``org``)."""
    lo = max(0, start - sum(len(t) + 1 for t in chain) - len(title or "") - len(org or ""))
    if org and org + chain[0] in text[lo:start]:
        return org  # 泰国为泰党战略委员会副主席、前副总理颇钦: the body opens the chain, its titles follow
    names = sorted({text[o.start:o.end] for o in orgs if lo <= o.start < start}, key=len, reverse=True)
    # the nearest title heads its own body (国家统计局局长): a deputy's post before it is the lesser one
    heads_nearest = bool(org and title and not title.startswith("副") and _affiliation(title, org))
    for item in chain:
        if item in RANK_TITLES:
            continue  # 全国政协副主席、国家发展改革委主任何立峰: a rank, the office after it is theirs
        body = organization_in_title(item)[0] or next(
            (n for n in names if item.startswith(n) and head_of(item[len(n):]) == item[len(n):]), None)
        if body and body.startswith("原") and is_generic_org(body[1:]):
            continue  # 原党委副书记: a former office
        if body and _affiliation(item[len(body):], body):
            if heads_nearest and item[len(body):].startswith("副"):
                return org  # 国家发展改革委副主任、国家统计局局长宁吉喆: the body he heads
            # (予丰县县委副书记、县长: the body the nearest title names is the same one, without the
            # verb's character the chain item ran into; 联合国副秘书长、联合国开发计划署署长: a part of
            # the first body, named more precisely)
            return org if org and (body.endswith(org) or org.startswith(body)) else body
    return org


def _affiliation(title: str, body: str) -> bool:
    """A title held in ``body`` makes the person its member: not a seat on it (政治局 + 委员) nor a
    post in a task group (中央指导组 + 组长)."""
    return not title.endswith(MEMBERSHIP_TITLE_WORDS) and not body.endswith(TASK_GROUP_WORDS)


def body_named_earlier(title: str, text: str, start: int, orgs: list[Mention]) -> Optional[str]:
    """The one organization named before ``start`` that a title written with its short unit
    refers to: 领导小组成员 → the …领导小组 named earlier, 代表 → the …代表团 named earlier."""
    found = set()
    for o in orgs:
        if o.end > start:
            break
        name = text[o.start:o.end]
        if name.endswith(title + "团") or any(
                title.startswith(name[-k:]) and title[k:] in TITLE_HEADS for k in range(2, min(len(name), len(title) - 1))):
            found.add(name)
    if not found:
        return None
    # one body named in full and short (中央应对新冠肺炎疫情工作领导小组, 中央应对疫情工作领导小组):
    # the full name; two bodies (解放军代表团, 香港代表团) are no answer
    longest = max(found, key=len)
    return longest if all(abbreviates(name, longest) for name in found) else None


#: a short name this long at least is completed to the full name the article writes (世卫组织)
_SHORT_NAME_MIN_CHARS = 4


def written_in_full(organization: Optional[str], article_orgs: set[str]) -> Optional[str]:
    """The one organization of the article that ``organization`` abbreviates (世卫组织 →
    世界卫生组织, 美疾控中心 → 美国疾病控制和预防中心), when the article writes it in full; None
    when it does not, or writes two such names."""
    if not organization or len(organization) < _SHORT_NAME_MIN_CHARS \
            or jieba_word_tags().get(organization) == "nt":
        return None  # 北京大学 is a whole name (the dictionary's), not 北京师范大学 written short
    # the full form ends as the short one does (世界卫生组织); a longer name it opens is a unit of
    # the body (中共中央 → 中共中央政治局, 北京大学 → 北京大学第三医院), no full form
    full = [o for o in article_orgs if len(o) > len(organization) and o.endswith(organization[-2:])
            and not o.startswith(organization) and abbreviates(organization, o)
            and not _ORDINAL_OR_NUMBER.search(left_out(organization, o)[0])]  # 市人民医院 ≠ 市第三人民医院
    return full[0] if len(full) == 1 else None


_ORDINAL_OR_NUMBER = re.compile(r"[第0-9一二三四五六七八九十]")


def paragraph_institution(text: str, start: int, orgs: list[Mention],
                           types: frozenset[str] = frozenset(INSTITUTION_TYPES)) -> Optional[str]:
    """The last institution (not a party branch) of one of ``types`` named earlier in the same
    paragraph."""
    paragraph_start = text.rfind("\n", 0, start) + 1
    for o in reversed(orgs):
        if paragraph_start <= o.start and o.end <= start:
            name = text[o.start:o.end]
            if org_type(name) in types and not is_generic_org(name):
                return name
    return None


#: the ends of a sentence a scene-setting body opens (陕西工业职业技术学院，…的大国工匠何小虎…)
_SENTENCE_ENDS = "。！？\n"


def body_opening_the_sentence(text: str, start: int, mentions: list[Mention]) -> Optional[str]:
    """The institution a sentence opens with, alone before a comma, when the name at ``start`` is
    the first person after it: news sets the scene with the body and then names who works there
    (陕西工业职业技术学院，曾参与…的大国工匠何小虎正在…; 南京大学，助力…的丁明德教授团队;
    俄罗斯联邦委员会，也就是议会上院主席马特维延科). Not a generic name (医院党委), nor a body
    whose clause goes on (武汉金银潭医院隔离4病房…)."""
    sentence_start = max(text.rfind(c, 0, start) for c in _SENTENCE_ENDS) + 1
    while sentence_start < start and text[sentence_start] in " \u3000\t":
        sentence_start += 1
    body = next((o for o in mentions if o.label == "ORG" and o.start == sentence_start), None)
    if body is None or text[body.end:body.end + 1] != "，":
        return None
    if any(o.label == "PER" and body.end <= o.start < start for o in mentions):
        return None  # the first person of the sentence only
    name = text[body.start:body.end]
    return name if org_type(name) in INSTITUTION_TYPES and not is_generic_org(name) else None

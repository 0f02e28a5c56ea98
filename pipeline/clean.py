"""clean: separate the article body of a Chinese news page from its site chrome.

Contract
--------
``clean_page(page: RawPage) -> CleanPage`` (raises ``PageRejected``)

* ``PageRejected("no_body", …)`` when the page text is empty after tag
  stripping, ``PageRejected("boilerplate_only", …)`` when no line looks like
  article prose (a page of menus and spam).
* ``text_original`` is the body in the page's own script, one paragraph per
  line; ``text`` is ``to_simplified(text_original)`` on a traditional page and
  ``text_original`` itself on a simplified one (OpenCC would rewrite the
  simplified 乾 of 乾安县 as 干).
* ``header`` / ``footer`` hold the lines above / below the body (pinyin
  stripped, original script) — chrome included, because ``metadata`` reads the
  title, outlet, date and editors from them. Chrome lines found *inside* the
  body span (rare) are appended to ``footer`` so that nothing is lost.
* ``bylines`` holds the byline fragments cut out of the body or found as
  stand-alone lines (``河北日报记者 董 昌``, ``河北共产党员网讯(通讯员 吴树玲)``);
  ``captions`` the photo captions, simplified, photographer credit included.
* ``removed_lines`` counts the non-empty input lines that are not body lines.

Rules (all general: line features and small keyword lexicons, no site names)
---------------------------------------------------------------------------
1. Normalise: drop HTML tags (``<p>``/``<br>``/``</div>`` become line
   breaks), unescape entities (also bare ``ldquo``-style remnants), full-width
   ASCII letters/digits, U+3000/U+00A0, the decimal point between digits and
   ``％`` → half-width; Chinese punctuation (，。“”：) is kept. Pinyin annotations are removed: a parenthesis holding only lowercase
   Latin letters (tone marks / digits 1-5 allowed) that directly follows a
   CJK character — ``產(chǎn)`` → ``產``, ``黨(dang) 旗`` → ``黨旗``,
   ``國(guo)(guo)`` → ``國``; ``(右三)``, ``(CCtalk)``, ``(记者 …)`` stay.
2. Classify every line (on its simplified form) as
   *chrome*  — navigation (≥2 ``|`` separators of short items), breadcrumbs
   (``>``/``>>``/``当前位置``), field lines (``来源:``/``发布时间:``/``浏览量``/
   ``编辑:`` … when short or starting with the label), bare dates, share /
   print / app prompts, related-article headers, copyright/ICP/licence and
   reprint disclaimers, spam keyword lines, URLs, edition markers, hotlines,
   image hashes, Latin/number debris (``cb``, ``0``), ``原标题:`` lines and
   repetitions of the headline;
   *caption* — ``▲…``, ``图为…``, ``… 张 昊摄``, ``…新华社发``, ``…受访者供图``, a
   short line right after an image hash, a short (≤15 CJK) sentence with no
   inner punctuation (``党员网格员合影。``);
   *byline* — stand-alone credit lines (``株洲日报记者 李支国 尹二荣``,
   ``(本报记者 章正 张景华 董城)``, ``(总医院 熊洁 /图``);
   *text* — anything else.
   A keyword alone never removes a long sentence: field, prompt and spam rules
   only fire on short lines or lines that *start* with the label, so
   ``…数据来源于…,编辑部门…。`` stays in the body.
3. The body starts at the first *prose* line (text line with ≥15 CJK and a
   sentence end or an inner ``。``, or ≥60 CJK) — extended backwards over
   short complete sentences ending in ``。`` (``越是风急浪骤,越需中流砥柱。``) —
   and ends at the last prose line, extended forwards over trailing text lines
   (a truncated last paragraph) until the first chrome line; it ends before a
   line that ends the article (``阅读剩余全文``, ``相关阅读``), before teasers
   of other stories (``…【详细】``) and before a list of them closing the text
   (``- …``), all three read by ``pipeline/text/teasers.py``. Text lines
   between are kept (section headings); chrome/caption/byline lines inside
   are removed.
4. Inside body lines, inline bylines are cut out: a dateline lead at the start
   (``河北共产党员网讯(通讯员 吴树玲)``, ``本报讯 ``, ``央视网消息:``, ``…电 (张践)``),
   a credit in parentheses after the final sentence (``…10万只。(河北日报记者 董 昌``),
   and edition continuation marks (``上接第一版)``).
5. ``script`` is "traditional" when ≥4 % of the body's CJK characters (and at
   least 3) change under OpenCC t2s.

Example
-------
>>> from pipeline.records import RawPage
>>> page = RawPage("a.txt", "党纪法规| 审查调查| 通报曝光\\n标题在这里\\n来源:河北日报\\n"
...     "疾风知劲草,烈火炼真金。连日来,共产党员挺身而出,党旗高高飘扬。(河北日报记者 董 昌)",
...     "text", "utf-8", "x")
>>> c = clean_page(page)
>>> c.text, c.bylines, c.header
('疾风知劲草,烈火炼真金。连日来,共产党员挺身而出,党旗高高飘扬。', ['河北日报记者 董 昌'], ['党纪法规| 审查调查| 通报曝光', '标题在这里', '来源:河北日报'])
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicons import alternation, lexicon, lexicon_alternation
from .records import CleanPage, LineKind, PageRejected, RawPage
from .resources import jieba_word_tags, to_simplified, to_simplified_lines
from .settings import section
from .text.chars import CJK, CJK_CHAR, cjk_count
from .text.chrome import BYLINE_ROLE, BYLINE_ROLE_RE, FIELD_LABEL_RE, FIELD_LABELS, SITE_NAME_RE, strip_inline_chrome
from .text.dates import CHROME_DATE_RE as _DATE  # the chrome variant of the one date grammar
from .text.normalise import FULLWIDTH, normalise_line, untag
from .text.teasers import article_end

#: Thresholds from ``pipeline/settings.toml`` [clean], bound once per process.
_T = section("clean")

# --------------------------------------------------------------------------
# Step 1: normalisation (pipeline/text/normalise.py: tags, entities, widths, pinyin, spaces)

# --------------------------------------------------------------------------
# Step 2: line classification (patterns run on the simplified line)

_SENTENCE_PUNCT = re.compile(r"[，,。；;！!？?]")
_SENTENCE_END = re.compile(r"[。！？!?]")
_CLAUSE_PUNCT = re.compile(r"[，,、；;：:“”！？!?]")

_NAV_SEP = re.compile(r"\s*[|｜]\s*")
_BREADCRUMB = re.compile(r"(?:^|\s)(?:>>?|＞|»|›)\s*|(?:>>?|＞|»|›)\s*$|>\s*\S")
_BREADCRUMB_LABEL = re.compile(rf"^(?:{lexicon_alternation('chrome_breadcrumb_labels')})\s*[:：]"
                               r"|^(?:返回首页\s*)?您当前的位置|^首页\s*(?:>|＞|»)")
_FIELD = FIELD_LABEL_RE
_FIELD_START = re.compile(rf"^[\s(（【\[]*(?:{FIELD_LABELS})\s*[:：]")
_PROMPT = re.compile(lexicon_alternation("chrome_prompts"), re.I)
_LAYOUT_PROMPT = re.compile(alternation(lexicon("chrome_prompts").flagged("layout"), escape=False, longest_first=False))
_COPYRIGHT = re.compile(lexicon_alternation("chrome_copyright"), re.I)
_SPAM = re.compile(lexicon_alternation("chrome_spam"), re.I)
_SPAM_ALONE = re.compile(alternation(lexicon("chrome_spam").flagged("alone"), escape=False, longest_first=False), re.I)
# A notice that opens with its cue as a label (中国日报网版权说明：…, 特别声明：…) is chrome at any length.
_COPYRIGHT_LABEL = re.compile(rf"^[^，。：:]{{0,10}}(?:{lexicon_alternation('chrome_copyright')})\s*[:：]", re.I)
_URL = re.compile(r"https?://|www\.[a-z0-9-]+\.|\.(?:com|cn|net|html?)\b", re.I)
_EDITION = re.compile(r"^第?\s*[A-Z]{0,3}\d{1,3}\s*版\s*[:：]|^[^，。]{0,8}第\s*[A-Z]{0,3}\d{1,3}\s*版$|日报\s*\d{1,3}\s*版$|^《[^》]{2,12}》\s*[(（]\d{4}年\d{1,2}月\d{1,2}日\s*第?\s*\d{1,3}\s*版[)）]$")
_HOTLINE = re.compile(rf"(?:{lexicon_alternation('chrome_hotline_labels')})\s*[:：]?\s*[\d\-()（）]{{7,}}|^[\d\-\s]{{11,}}$")
_IMAGE_HASH = re.compile(r"^[0-9a-f]{16,64}(?:\.(?:jpe?g|png|gif|webp))?$|\.(?:jpe?g|png|gif|webp)$", re.I)
_ORIGINAL_TITLE = re.compile(r"^(?:[-*•]\s*)?原标题\s*[:：]")  # "- 原标题：" as an extractor writes a list item
_ELLIPSIS_ONLY = re.compile(r"^[….。·\s]+$")
# a line of a page's script the extractor let through (description = "…";  //要分享的链接地址;
# "title" : '…',  var shareUrl = …): a comment, or an ASCII key assigned a quoted or bracketed value
_SCRIPT_CODE = re.compile(r"""^\s*(?://(?!@)|/\*|\*/|(?:var|let|const|function)\s|(?:window|document)\.|["']?[A-Za-z_$][A-Za-z0-9_.$]+["']?\s*[:=]\s*["'{\[])""")
# A line of quoted speech with a clause inside (“妈妈，为什么还不能出去？”): a story can open with it.
_ADOPTION_NOTE = re.compile(r"[(（][^()（）]*\d{4}年\d{1,2}月\d{1,2}日[^()（）]*(?:通过|修正|修订|公布)[)）]")
_QUOTED_SENTENCE = re.compile(r"“[^“”]*[，,][^“”]*[。？！?!…]”")
# A clause of a list ending in a semicolon (许勤同志任黑龙江省委委员、常委、书记；) or a lead-in ending in
# a colon (日前，中共中央决定：) opens the text below it; neither ends a headline or a menu item.
_OPENS_WHAT_FOLLOWS = re.compile(r"[；;：:]$")

_CAPTION_START = re.compile(rf"^(?:{lexicon_alternation('caption_markers')})")
_CAPTION_END = re.compile(rf"(?:{lexicon_alternation('caption_credits')})\s*[)）]?$")
# a short sentence with one of these is the report's (王晨出席座谈会。), no photo's caption
_REPORT_SENTENCE = re.compile(lexicon_alternation("report_sentence_cues"))
# Unambiguous forms (no nested quantifiers over the same characters) keep matching linear.
_NAMES_ONLY = re.compile(rf"^[{CJK}·]{{1,4}}(?:(?:\s+|\s*、\s*)[{CJK}·]{{1,4}}){{0,5}}$")
# A slash credit: 王煌忠／台中报导 (name, desk or place, 报导) or 编译/林靖东 (label, names).
_SLASH_CREDIT = re.compile(
    rf"^[{CJK}·、\s]{{2,12}}[／/][{CJK}]{{0,6}}(?:报导|报道)$"
    rf"|^(?:{lexicon_alternation('credit_slash_labels')})\s*[／/]\s*[{CJK}·]{{2,4}}(?:\s*[、\s]\s*[{CJK}·]{{2,4}}){{0,3}}$")
_BYLINE_LINE = re.compile(
    rf"^[\s□■●◎\-—(（【\[]*[{CJK}·《》]{{0,14}}?{BYLINE_ROLE}[\s:：]*(?:[{CJK}·、，,]\s*){{2,50}}[)）】\]]?$")
_CREDIT_LINE = re.compile(rf"^[(（【]?\s*[{CJK}·]{{1,8}}(?:\s+[{CJK}·]{{1,8}}){{0,3}}\s*[/／]\s*(?:图|文)\s*[)）】]?$")


@dataclass
class _Line:
    raw: str      # pinyin-stripped, normalised, original script
    simp: str     # simplified form used for matching
    kind: str = "text"   # text | chrome | caption | byline
    why: str = ""
    n_cjk: int = 0


def _is_nav(s: str) -> bool:
    parts = [p for p in _NAV_SEP.split(s) if p]
    if s.count("|") + s.count("｜") < 2 or "。" in s:
        return False
    return sum(len(p) for p in parts) / max(len(parts), 1) <= _T.nav_item_mean_chars


def _is_breadcrumb(s: str) -> bool:
    if _BREADCRUMB_LABEL.search(s):
        return True
    return bool(_BREADCRUMB.search(s)) and "。" not in s and len(s) <= _T.breadcrumb_max_chars


def _is_field_line(s: str) -> bool:
    labels = _FIELD.findall(s)
    if not labels:
        return False
    if _FIELD_START.search(s) and "。" not in s[:-1]:
        return True
    # A long sentence that merely mentions 来源/编辑 is body text.
    return cjk_count(s) <= _T.field_sentence_max_cjk and "。" not in s and (
        len(labels) >= 2 or bool(_DATE.search(s)) or len(s) <= _T.field_bare_max_chars)


def classify_line(s: str, n_cjk: int | None = None) -> LineKind:
    """How one simplified, normalised line reads (see module docstring): ``LineKind(kind, why)``."""
    if n_cjk is None:
        n_cjk = cjk_count(s)
    short = n_cjk <= _T.short_line_cjk and "。" not in s[:-1]
    if n_cjk == 0:
        if _ELLIPSIS_ONLY.match(s):
            return LineKind("text", "ellipsis")
        return LineKind("chrome", "debris")
    if _IMAGE_HASH.search(s):
        return LineKind("chrome", "image")
    if _ORIGINAL_TITLE.match(s):
        return LineKind("chrome", "original_title")
    if _SCRIPT_CODE.match(s):
        return LineKind("chrome", "code")
    if _is_nav(s):
        return LineKind("chrome", "nav")
    if _is_breadcrumb(s):
        return LineKind("chrome", "breadcrumb")
    # 人 民 网 版 权 所 有: a copyright line may be letter-spaced
    if (_COPYRIGHT.search(s) or " " in s and _COPYRIGHT.search(s.replace(" ", ""))) \
            and (n_cjk <= _T.copyright_max_cjk or _COPYRIGHT_LABEL.match(s)):
        return LineKind("chrome", "copyright")
    if _EDITION.search(s):
        return LineKind("chrome", "edition")
    if _HOTLINE.search(s) and n_cjk <= _T.hotline_max_cjk:
        return LineKind("chrome", "hotline")
    spam_hits = len(set(_SPAM.findall(s)))  # distinct cues: 亚洲 twice is one cue
    spam_needed = _T.spam_prose_min_cues if n_cjk >= _T.prose_min_cjk and "。" in s else _T.spam_min_cues
    # one unambiguous cue on a short line, unless the line is a sentence (武汉体育中心改为方舱医院。)
    alone = spam_hits and short and not _SENTENCE_END.search(s) and _SPAM_ALONE.search(s)
    if spam_hits >= spam_needed or alone or (n_cjk <= _T.url_line_max_cjk and _URL.search(s)):
        return LineKind("chrome", "spam")
    if n_cjk <= _T.field_line_max_cjk and _is_field_line(s):
        return LineKind("chrome", "field")
    if _PROMPT.search(s) and (short and n_cjk <= _T.prompt_max_cjk) \
            or n_cjk <= _T.layout_prompt_max_cjk and _LAYOUT_PROMPT.search(s):
        return LineKind("chrome", "prompt")
    if _DATE.search(s) and cjk_count(_DATE.sub("", s)) <= 2:
        return LineKind("chrome", "date")
    if n_cjk <= _T.credit_line_max_cjk and _CREDIT_LINE.match(s):
        return LineKind("byline", "credit")
    if _CAPTION_START.match(s) and n_cjk <= _T.caption_marker_max_cjk:
        return LineKind("caption", "marker")
    if _CAPTION_END.search(s) and n_cjk <= _T.caption_credit_max_cjk:
        return LineKind("caption", "credit")
    if n_cjk <= _T.byline_line_max_cjk and _BYLINE_LINE.match(s) and not _SENTENCE_PUNCT.search(s.replace("，", "")):
        return LineKind("byline", "byline")
    if n_cjk <= _T.short_caption_max_cjk and s.endswith("。") and not _CLAUSE_PUNCT.search(s[:-1]) \
            and "。" not in s[:-1] and not _REPORT_SENTENCE.search(s):
        return LineKind("caption", "short_caption")
    return LineKind("text", "")



def is_prose(s: str, n: int | None = None) -> bool:
    """A line that can only be article text: a long enough sentence."""
    if n is None:
        n = cjk_count(s)
    last = s.rstrip()[-1:]
    if n >= _T.prose_min_cjk or (n >= _T.prose_sentence_min_cjk and ("。" in s or last in "。！？!?…")):
        return True
    # A truncated last paragraph has no sentence end, but several clauses.
    if n >= _T.prose_clauses_min_cjk and len(re.findall(r"[，,；;]", s)) >= 2:
        return True
    # A closing quote ends a sentence only if the line reads as one (headlines quote too).
    return n >= _T.prose_sentence_min_cjk and last in "”」』" and bool(re.search(r"[，,。！？!?]", s))


def _title_key(s: str) -> str:
    return re.sub(rf"[^{CJK}A-Za-z0-9]", "", s)


def headline_candidate(lines) -> str | None:
    """First header text line that reads like a headline (used for repeats and by metadata)."""
    for ln in lines:
        if ln.kind != "text":
            continue
        s = ln.simp
        if cjk_count(s) < 4 or SITE_NAME_RE.match(s) or _ELLIPSIS_ONLY.match(s):
            continue
        if re.search(rf"[{CJK}“”][a-z]{{2,}}(?:[{CJK}“”]|$)", s):  # scrape garbage such as 抗ldquo疫rd
            continue
        return ln.raw
    return None


# --------------------------------------------------------------------------
# Step 4: inline bylines

_LEAD = re.compile(
    rf"^(?P<lead>[^，,。！？!?“”\"()（）\s]{{0,28}}?(?:讯|电|消息))"
    rf"(?=[\s(（:：?“]|(?:[{CJK}]{{0,8}}记者))\s*[:：]?\s*"
    rf"(?:[(（](?P<paren>[^()（）]{{2,40}})[)）])?[?\s]*[:：]?\s*"
    rf"(?P<reporter>[{CJK}]{{0,8}}记者\s*[{CJK}·]{{2,5}}\s*报道\s*[:：])?\s*")
_DESK_LEAD = re.compile(rf"^\s*[〔【\[]\s*(?P<credit>[^〔〕【】\[\]]{{1,16}}[／/][^〔〕【】\[\]]{{0,12}}?(?:报导|报道|记者)[^〔〕【】\[\]]{{0,12}})\s*[〕】\]]\s*")
_TRAILING_CREDIT = re.compile(r"(?<=[。！？!?”…])\s*[(（](?P<credit>[^()（）]{2,40})(?:[)）]|$)\s*$")
_EDITION_NUMBER = r"第?[\d一二三四五六七八九十]{1,3}版"
_CONTINUED = re.compile(
    rf"^[(（]?(?:{alternation(lexicon('edition_continuations').where('position', 'start'))}){_EDITION_NUMBER}[)）]?"
    rf"|[(（](?:{alternation(lexicon('edition_continuations').where('position', 'end'))}){_EDITION_NUMBER}[)）]?$")


def _is_credit(content: str) -> bool:
    content = content.strip()
    if _SLASH_CREDIT.match(content):
        return True
    if BYLINE_ROLE_RE.search(content) and not _SENTENCE_PUNCT.search(content):
        return True
    return len(content) <= 30 and bool(_NAMES_ONLY.match(content)) and len(content.split()) <= 4 \
        and cjk_count(content) <= 12


def _is_lead_in(simp: str) -> bool:
    """A line ending in a semicolon or colon that says something once its dateline leads are cut
    (日前，中共中央决定：, 许勤同志任黑龙江省委委员、常委、书记；), not a lead alone (央视网消息：本台消息：).

    >>> _is_lead_in("央视网消息（新闻联播）：日前，中共中央决定："), _is_lead_in("央视网消息(新闻联播)：本台消息：")
    (True, False)
    """
    if not _OPENS_WHAT_FOLLOWS.search(simp):
        return False
    rest, cut = cut_inline_bylines(simp, simp)
    while cut and rest:
        rest, cut = cut_inline_bylines(rest, rest)
    return cjk_count(rest) >= _T.lead_in_min_cjk


def cut_inline_bylines(raw: str, simp: str) -> tuple[str, list[str]]:
    """Cut dateline leads and trailing credits out of one body line (works on both scripts:
    offsets are taken on the simplified form, which has the same length)."""
    found = []
    if len(raw) != len(simp):  # OpenCC changed the length: match on the original
        simp = raw
    m = _CONTINUED.search(simp)
    while m:
        raw, simp = raw[:m.start()] + raw[m.end():], simp[:m.start()] + simp[m.end():]
        m = _CONTINUED.search(simp)
    m = _DESK_LEAD.match(simp)
    if m:  # 〔即时新闻／综合报导〕 / 【记者张三／台北报导】: the desk or reporter before the story
        found.append(raw[m.start("credit"):m.end("credit")].strip())
        raw, simp = raw[m.end():], simp[m.end():]
    m = _LEAD.match(simp)
    if m and (m.group("paren") is None or _is_credit(m.group("paren"))) and \
            not re.search(r"\d{1,2}[时点]", m.group("lead")):
        found.append(raw[:m.end()].strip(" ?"))
        raw, simp = raw[m.end():], simp[m.end():]
    m = _TRAILING_CREDIT.search(simp)
    if m and _is_credit(m.group("credit")):
        found.append(raw[m.start("credit"):m.end("credit")].strip())
        raw, simp = raw[:m.start()], simp[:m.start()]
    return raw.strip(), found


# --------------------------------------------------------------------------
# Step 5: script

def detect_script(original: str, simplified: str) -> str:
    n = cjk_count(original)
    if not n:
        return "simplified"
    if len(original) == len(simplified):
        changed = sum(map(str.__ne__, original, simplified))
    else:
        changed = sum(1 for c in set(original) if CJK_CHAR.match(c) and to_simplified(c) != c)
    return ("traditional" if changed >= _T.traditional_min_chars and changed / n >= _T.traditional_min_share
            else "simplified")


# --------------------------------------------------------------------------

def _lines_of(text: str) -> list[_Line]:
    text = text.translate(FULLWIDTH)  # once per page, not per line
    raws = [strip_inline_chrome(normalise_line(x, widths_done=True)) for x in text.split("\n")]
    raws = [x for x in raws if x]
    return [_Line(r, s) for r, s in zip(raws, to_simplified_lines(raws))]


_MENU_ITEM = re.compile(r"^[A-Za-z\s\u4e00-\u9fff]+$")
_MENU_WORDS = frozenset(lexicon("chrome_menu_words").words())
# jieba tags of a menu's words: nouns, verbs, adjectives, adverbs; not names (nr, ns, nt)
_COMMON_TAG_STARTS = ("n", "v", "a", "d")
_NAME_TAGS = ("nr", "ns", "nt")


def _mark_menus(lines: list[_Line]) -> None:
    """Mark a site's menu written one item per line (要闻 / 财经 / 体育 …) as chrome: a run of
    ``[clean] menu_run_min_lines`` short lines, letters only, mostly common dictionary words, with
    ``menu_min_site_words`` items of a site's menu (chrome_menu_words.tsv). A list of names one per
    line, or a list a line ending in a colon introduces (富强 / 民主 / 文明 …), stays."""
    def item(ln: _Line) -> bool:
        return 0 < ln.n_cjk <= _T.menu_line_max_cjk and _MENU_ITEM.match(ln.simp.strip()) is not None

    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and item(lines[j]):
            j += 1
        introduced = i > 0 and lines[i - 1].simp.rstrip().endswith((":", "："))  # 基本内容是： 富强 / 民主 …
        if j - i >= _T.menu_run_min_lines and not introduced:
            tags = jieba_word_tags()  # the dictionary loads once per process, on first use
            items = [ln.simp.strip() for ln in lines[i:j]]
            common = sum(1 for tag in (tags.get(w, "") for w in items)
                         if tag.startswith(_COMMON_TAG_STARTS) and not tag.startswith(_NAME_TAGS))
            if common >= _T.menu_common_share * (j - i) and sum(w in _MENU_WORDS for w in items) >= _T.menu_min_site_words:
                for ln in lines[i:j]:
                    ln.kind, ln.why = "chrome", "menu"
        i = max(j, i + 1)


def clean_page(page: RawPage) -> CleanPage:
    """Split one page into body / header / footer / captions / bylines (see module docstring)."""
    lines = _lines_of(untag(page.text or ""))
    if not lines:
        raise PageRejected("no_body", "page text is empty after tag stripping")
    n_input = len(lines)

    after_image = False
    for ln in lines:
        ln.n_cjk = cjk_count(ln.simp)
        ln.kind, ln.why = classify_line(ln.simp, ln.n_cjk)
        # A short line right below an image file name is its caption.
        if after_image and ln.kind == "text" and ln.n_cjk <= _T.after_image_caption_max_cjk \
                and not ln.simp.endswith("。"):
            ln.kind, ln.why = "caption", "after_image"
        after_image = ln.why == "image"

    _mark_menus(lines)
    prose = [i for i, ln in enumerate(lines) if ln.kind == "text" and is_prose(ln.simp, ln.n_cjk)]
    if not prose:
        raise PageRejected("boilerplate_only", f"no article prose among {n_input} lines")
    start, end = prose[0], prose[-1]
    # Short complete sentences opening the article (越是风急浪骤,越需中流砥柱。), and the note of
    # a law's or decision's adoption above its text ((2007年6月29日…会议通过)).
    while start > 0:
        s = lines[start - 1]
        if s.kind == "text" and (s.simp.endswith("。") and re.search(r"[，,]", s.simp)
                                 or _QUOTED_SENTENCE.fullmatch(s.simp) or _ADOPTION_NOTE.fullmatch(s.simp)
                                 or _is_lead_in(s.simp)):
            start -= 1
        else:
            break
    # Trailing text of a truncated page, up to the first chrome line.
    nxt = end + 1
    while nxt < len(lines) and lines[nxt].kind != "chrome":
        if lines[nxt].kind == "text" and lines[nxt].n_cjk >= _T.trailing_text_min_cjk:
            end = nxt
        elif lines[nxt].kind == "text":
            break
        nxt += 1

    end = article_end(lines, start, end)

    # Repetitions of the headline below it (image alt text, footer copies) are chrome;
    # what follows a repeated headline on the same line may be the byline.
    title = headline_candidate(lines[:start])
    bylines: list[str] = []
    if title:
        tkey = _title_key(to_simplified(title))
        for ln in lines[start:]:
            key = _title_key(ln.simp)
            common = 0
            for a, b in zip(key, tkey):
                if a != b:
                    break
                common += 1
            if len(tkey) >= _T.title_repeat_min_chars and common >= _T.title_repeat_shared_fraction * len(tkey) \
                    and len(key) <= len(tkey) + _T.title_repeat_extra_chars:
                ln.kind, ln.why = "chrome", "title_repeat"
                tail = re.split(r"[。！？!?]\s*|\s{2,}", ln.raw)[-1].strip()
                if tail and tail != ln.raw and len(tail) <= _T.title_tail_byline_max_chars and _NAMES_ONLY.match(tail):
                    bylines.append(tail)

    header, footer, captions, body_orig, body = [], [], [], [], []
    header_kinds: list[LineKind] = []
    for i, ln in enumerate(lines):
        if ln.kind == "caption":
            captions.append(ln.simp)
        elif ln.kind == "byline":
            bylines.append(ln.raw)
        elif i < start:
            kept, cut = cut_inline_bylines(ln.raw, ln.simp)
            if cut and not kept:  # a dateline alone on its line (央视网消息（新闻联播）：), the body below
                bylines.extend(cut)
                continue
            header.append(ln.raw)
            header_kinds.append(LineKind(ln.kind, ln.why))
        elif i > end or ln.kind == "chrome":
            footer.append(ln.raw)
        else:
            kept, cut = cut_inline_bylines(ln.raw, ln.simp)
            bylines.extend(cut)
            if kept and (cjk_count(kept) or _ELLIPSIS_ONLY.match(kept)):
                body_orig.append(kept)
                # OpenCC never converts across a line break, so an uncut line keeps its conversion
                body.append(ln.simp if kept == ln.raw else to_simplified(kept))
    # Chrome found inside the body span was appended after the footer proper; keep footer order stable.
    if not body_orig:
        raise PageRejected("boilerplate_only", "nothing left after removing chrome")

    text_original = "\n".join(body_orig)
    text = "\n".join(body)
    script = detect_script(text_original, text)
    if script == "simplified":
        # a simplified page is kept as written: OpenCC would turn the simplified 乾 of 乾安县 and
        # 寀 of 寀卢村 into 干 and 采 (the conversion is for traditional pages only)
        text = text_original
    return CleanPage(
        source_path=page.source_path,
        script=script,
        text=text,
        text_original=text_original,
        captions=captions,
        header=header,
        footer=footer,
        bylines=bylines,
        removed_lines=n_input - len(body_orig),
        header_kinds=header_kinds,
    )

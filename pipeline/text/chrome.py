"""Chrome cues shared by ``clean`` (which removes chrome lines) and ``metadata`` (which reads
values out of them), built from the lexicons so the two stages always agree on what a field
line, a byline role or a site name looks like.

>>> bool(FIELD_LABEL_RE.match("责任编辑:王强")), bool(BYLINE_ROLE_RE.search("河北日报记者 张 昊"))
(True, True)
>>> bool(SITE_NAME_RE.match("河北共产党员网")), bool(SITE_NAME_RE.match("疫线党员干部的硬核担当"))
(True, False)
"""
import re

from ..lexicons import alternation, lexicon, lexicon_alternation
from .chars import CJK

#: Alternation of the field labels, longest first (责任编辑 before 编辑, 字体大小 before 字体).
FIELD_LABELS = alternation(lexicon("field_labels").flagged("chrome"))
FIELD_LABEL_RE = re.compile(rf"(?:{FIELD_LABELS})\s*[:：]")

#: A reporter / correspondent / photographer role in a byline (本报记者, 通讯员, 摄影).
BYLINE_ROLE = (rf"(?:{lexicon_alternation('byline_role_prefixes')})?"
               rf"(?:{alternation(lexicon('byline_roles').flagged('reporter'))})")
BYLINE_ROLE_RE = re.compile(BYLINE_ROLE)

#: A line that is only a site or channel name (河北共产党员网, 承德频道).
SITE_NAME_RE = re.compile(rf"^[{CJK}·]{{2,10}}(?:{alternation(lexicon('outlet_suffixes').flagged('site_name'))})$")

#: Chrome written inside a body line (chrome_inline.tsv): a stock quote, an update stamp, a link home.
INLINE_CHROME_RE = re.compile(rf"\s*(?:{lexicon_alternation('chrome_inline')})")


def strip_inline_chrome(line: str) -> str:
    """``line`` without the chrome written inside it.

    >>> strip_inline_chrome("包括先锋领航、摩根大通(115.395, 2.79, 2.47%)等")
    '包括先锋领航、摩根大通等'
    """
    return INLINE_CHROME_RE.sub("", line).strip() if re.search(r"[(（:：]|>>", line) else line

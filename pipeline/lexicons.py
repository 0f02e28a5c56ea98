"""Page-chrome lexicons shared by ``clean`` (which removes chrome lines) and
``metadata`` (which reads values out of them), so the two stages always agree
on what a field line, a byline role or a site name looks like.

>>> bool(FIELD_LABEL_RE.match("责任编辑:王强")), bool(BYLINE_ROLE_RE.search("河北日报记者 张 昊"))
(True, True)
>>> bool(SITE_NAME_RE.match("河北共产党员网")), bool(SITE_NAME_RE.match("疫线党员干部的硬核担当"))
(True, False)
"""
import re

#: CJK ideographs (extension A, unified, compatibility).
CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

# Labels of metadata fields (来源:…, 发布时间:…, 浏览量:…), longest first so an
# alternation matches 责任编辑 before 编辑 and 字体大小 before 字体.
_FIELD_LABELS = sorted(set(
    "来源 文章来源 稿件来源 信息来源 发布时间 发布日期 发表时间 更新时间 时间 日期 作者 撰稿 编辑 责编 "
    "责任编辑 编审 审核 校对 浏览量 浏览次数 浏览 阅读量 阅读 点击数 点击量 点击 字体大小 字体 字号 "
    "发布人 发布者 供稿 访问量 评论".split()), key=lambda w: (-len(w), w))
FIELD_LABELS = "|".join(_FIELD_LABELS)
FIELD_LABEL_RE = re.compile(rf"(?:{FIELD_LABELS})\s*[:：]")

#: A reporter / correspondent / photographer role in a byline (本报记者, 通讯员, 摄影).
BYLINE_ROLE = r"(?:本报|本台|本网|特约|首席|实习|见习|全媒体|融媒体|摄影)?(?:记者|通讯员|实习生|摄影|撰稿)"
BYLINE_ROLE_RE = re.compile(BYLINE_ROLE)

#: A line that is only a site or channel name (河北共产党员网, 承德频道).
SITE_NAME_RE = re.compile(rf"^[{CJK}·]{{2,10}}(?:网|频道|客户端|新闻|在线)$")

"""The same-length simplified "shadow" of a text that the claim rules match on.

Claims are reported with offsets into the text as written, but the grammar and the word
lists are simplified: the shadow maps, one character for one character, every traditional
(or full-width) character the rules read to its simplified form, so an offset in the shadow
is the same offset in the text. When full OpenCC conversion keeps the length it is used
instead (it knows more characters). The map is ``claim_shadow_chars.tsv``.

The two claim steps (``extract_statistics`` then ``attach_context``) read the same page one
after the other: ``shadow`` keeps the last text's shadow (a one-entry memo keyed on the
text object itself).

>>> shadow("口罩110餘萬個")
'口罩110余万个'
>>> shadow_of("１２％")
'12%'
"""
from __future__ import annotations

from pipeline.lexicons import lexicon

_pairs = lexicon("claim_shadow_chars")
SHADOW_MAP = str.maketrans("".join(_pairs.column("traditional")), "".join(_pairs.column("simplified")))

_last: tuple = (None, None)  # (text, shadow) of the last page


def shadow(text: str) -> str:
    """``shadow_of(text)``, computed once for the page both claim steps read."""
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    sh = shadow_of(text)
    _last = (text, sh)
    return sh


def shadow_of(text: str) -> str:
    sh = text.translate(SHADOW_MAP)
    if sh != text:  # traditional (or full-width) input: try full OpenCC, keep offsets
        try:
            from pipeline.resources import to_simplified

            full = to_simplified(sh)
            if len(full) == len(text):
                return full
        except Exception:  # pragma: no cover - opencc missing
            pass
    return sh

"""The class of what a numeric claim counts (``statistics.subject_class``).

Contract
--------
``subject_class(subject, unit) -> str | None``: ``money``, ``share``, ``time``, ``area``,
``distance`` or ``goods`` when the unit decides it (元, %, 天, 平方米, 公里, 吨); else
``party_members``, ``organizations``, ``staff``, ``people``, ``households`` or ``goods`` from the first word of
``claim_subject_classes.tsv`` the subject holds (党员志愿者 → party_members); ``None`` when neither
says. The knowledge is the lexicon's; the order of its rows is the order of the rules.

>>> subject_class("党员", "名"), subject_class("物资", "元"), subject_class("农村党组织", "个")
('party_members', 'money', 'organizations')
>>> subject_class("党员志愿者", "名"), subject_class("连续奋战", "个昼夜"), subject_class(None, "名")
('party_members', 'time', None)
"""
from __future__ import annotations

from typing import Optional

from ..lexicons import lexicon

_ROWS = lexicon("claim_subject_classes").records()
_BY_UNIT = {r.word: r.subject_class for r in _ROWS if r.match == "unit"}
_BY_SUBJECT = tuple((r.word, r.subject_class) for r in _ROWS if r.match == "subject")


def subject_class(subject: Optional[str], unit: Optional[str]) -> Optional[str]:
    if unit in _BY_UNIT:
        return _BY_UNIT[unit]
    if subject:
        for word, cls in _BY_SUBJECT:
            if word in subject:
                return cls
    return None

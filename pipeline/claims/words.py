"""The claim rules' word lists, loaded once from ``pipeline/data/lexicons/claim_*.tsv``.

Every list the claim grammar, the subject rules and the context rules read is a lexicon
file (word, attribute columns, provenance header); this module only turns them into the
sets, maps and alternations the rules use, at import.

>>> PREFIX_QUALIFIER["将近"], POST_QUALIFIER["之多"], MULTIPLIER_VALUE["十万"]
('nearly', None, 100000.0)
>>> unit_key("个钟头"), "个月" in DURATION_UNITS
('小时', True)
"""
from __future__ import annotations

import re

from pipeline.lexicons import alternation, lexicon, lexicon_alternation, word_at

# ---------------------------------------------------------------------------
# Grammar (claim_units, claim_prefix_qualifiers, claim_post_qualifiers, claim_multipliers)


def _qualifier(kind: str):
    return None if kind == "none" else kind


_units = lexicon("claim_units")
UNITS = _units.words()
#: units of time: a duration's span is the quantity as written, its subject the activity
DURATION_UNITS = frozenset(_units.flagged("duration"))
#: units of a share or a multiple (三成, 一倍): a one-digit Chinese numeral before them counts
SHARE_UNITS = frozenset(_units.flagged("share"))
#: units a 半 after which adds a half (一年半, 七成半, 6斤半)
HALF_AFTER_UNITS = tuple(_units.flagged("half_after"))
#: units that never follow 万 or 亿 (300万成年: 成 starts a word there)
NOT_AFTER_MULTIPLIER = frozenset(w for w in _units.words() if w not in _units.flagged("after_multiplier"))
#: unit two mentions are compared by (个小时 = 小时)
UNIT_KEY = {w: k for w, k in _units.mapping("same_as").items() if k != w}
#: unit written in the row (个钟头 → 个小时)
REPORTED_UNIT = {w: r for w, r in _units.mapping("reported_as").items() if r != w}
#: units that count only before one of these characters (层: 30层楼, not 88层观光厅)
UNIT_NEXT = lexicon("claim_unit_next").mapping("next_chars")
#: units read only after 万 or 亿 (60亿度; claim_multiplier_only_units.tsv)
MULTIPLIER_ONLY_UNITS = frozenset(lexicon("claim_multiplier_only_units").words())
UNIT_NOT_NEXT = lexicon("claim_unit_not_next").mapping("next_chars")
#: qualifiers a copula 为 may follow before their figure (约为2%, 至少为18分钟: claim_copula_qualifiers.tsv)
COPULA_QUALIFIERS = tuple(lexicon("claim_copula_qualifiers").words())
#: words of temperature: a figure in 度 after one is a temperature (claim_temperature_words.tsv)
TEMPERATURE_WORD_RE = re.compile(lexicon_alternation("claim_temperature_words"))
_weight_cues = lexicon("claim_weight_class_cues")
#: words before (男, 女子, 举重 …) or after (决赛, 冠军 …) a figure in 公斤级 that make it a sports weight class
WEIGHT_CLASS_BEFORE_RE = re.compile(alternation(_weight_cues.where("side", "before")))
WEIGHT_CLASS_AFTER = tuple(_weight_cues.where("side", "after"))
#: the medals of a tally (3金2银3铜): unit → the medal counted (claim_medal_units.tsv)
MEDAL_UNITS = lexicon("claim_medal_units").mapping("medal")


def unit_key(unit: str) -> str:
    return UNIT_KEY.get(unit, unit)


_prefixes = lexicon("claim_prefix_qualifiers")
PREFIX_QUALIFIER = {w: _qualifier(q) for w, q in _prefixes.mapping("qualifier").items()}
#: qualifier words written before any number (近, 超过, 达)
PREFIX_WORDS = _prefixes.where("before", "any")
#: 上 / 几 / 数: qualify only a bare round number (上千名, 几十个, 数万人次)
ROUND_PREFIX_WORDS = _prefixes.where("before", "round")

#: negations before a comparison word (不得 + 超过: claim_negations.tsv), longest first
NEGATIONS = tuple(sorted(lexicon("claim_negations").words(), key=len, reverse=True))
#: the qualifier a negation turns a comparison's into (不得超过 → at most, 不低于 → at least)
NEGATED_QUALIFIER = {"more_than": "less_than", "less_than": "at_least"}

_post = lexicon("claim_post_qualifiers")
POST_QUALIFIER = {w: _qualifier(q) for w, q in _post.mapping("qualifier").items()}

_mult = lexicon("claim_multipliers")
MULTIPLIER_VALUE = {w: float(v) for w, v in _mult.mapping("value").items()}
#: characters after which a multiplier word is part of a unit (千瓦, 百分之)
MULTIPLIER_NOT_BEFORE = {w: nb for w, nb in _mult.mapping("not_before").items() if nb != "-"}

#: notes in brackets after a unit, no alternative unit: 1米（不含）以下 (but 90余万盒（瓶）)
BRACKET_NOTES = lexicon("claim_bracket_notes").words()
#: nouns that start with a unit character: a number before them has no measure word (900多万人口)
UNIT_LIKE_NOUNS = lexicon("claim_unit_like_nouns").words()
NO_UNIT_NOT_BEFORE = lexicon("claim_no_unit_not_before").words()
DAY_CONTEXT = lexicon("claim_day_context").words()
#: between two amounts: the second is the first converted (约合人民币6300元), and its qualifier
CONVERSION_QUALIFIER = {w: (q if q != "-" else None) for w, q in lexicon("claim_conversion_words").mapping("qualifier").items()}
#: the currencies a conversion names between its word and the amount (约合人民币)
CONVERSION_CURRENCIES = lexicon("claim_currencies").words()
#: slogans written with numbers that count nothing (两个一百年: claim_slogans.tsv)
SLOGANS = tuple(lexicon("claim_slogans").words())
SLOGAN_RE = re.compile(alternation(SLOGANS))
SLOGAN_MAX_CHARS = max(map(len, SLOGANS))
#: nouns the segmenter's dictionary tags as numerals (零部件: mq)
SEGMENTER_NOUNS = frozenset(lexicon("claim_segmenter_nouns").words())
#: one-character nouns that may be a whole subject (20人, 19个村)
ONE_CHAR_SUBJECTS = frozenset(lexicon("claim_one_char_subjects").words())

#: after a duration: a limit or deadline (三日内, 一个月以内), a claim even in small word numerals
DURATION_LIMIT_WORDS = lexicon("claim_duration_limits").mapping("not_before")


def limit_word_length(text: str, pos: int) -> int:
    """Length of the limit word (内, 以内, 之内) at ``pos`` after a duration, 0 when none stands
    there or it starts another word (3日内蒙古, 日内瓦).

    >>> limit_word_length("三日内解除", 2), limit_word_length("3日内蒙古", 2)
    (1, 0)
    """
    return word_at(text, pos, DURATION_LIMIT_WORDS)
_ordinals = lexicon("claim_ordinal_markers")
ORDINAL_MARKERS = _ordinals.where("before", "any")
#: before 半 only: 上半年, 下半场 (a half of a period)
HALF_ORDINAL_MARKERS = _ordinals.where("before", "half")
#: …and before a count of months (今年前8个月: a reporting period, no length)
MONTH_PERIOD_MARKERS = _ordinals.flagged("months")
YEAR_NOT_BEFORE = lexicon("claim_year_not_before").words()
_frames = lexicon("claim_time_frames")
#: after a duration: a time frame (3天后); after 年 only (5年间)
DURATION_FRAME_WORDS = _frames.where("after", "duration")
YEAR_FRAME_WORDS = _frames.where("after", "year")
#: frame words after which a duration written right after a verb is a claim (逗留1000天后, 实施5年来)
VERB_FRAME_WORDS = _frames.where("after_verb", "yes")

# ---------------------------------------------------------------------------
# Subject (noun phrase) rules

_stops = lexicon("claim_stop_words")
#: cut the characters after a unit at these words (substring search, longest first)
STOP_ALTERNATION = alternation(_stops.flagged("after_unit"))
#: segmented words that end a noun phrase whatever their dictionary tag says
END_WORDS = frozenset(_stops.flagged("ends_phrase"))
VERB_WORDS = frozenset(lexicon("claim_verb_words").words())
#: verbs that open the predicate after a counted noun, whatever follows them (claim_predicate_verbs.tsv)
PREDICATE_VERBS = frozenset(lexicon("claim_predicate_verbs").words())
ADVERBIALS = frozenset(lexicon("claim_adverbials").words())
#: words that say which count a noun is (新增, 累计): kept in the subject (claim_count_kinds.tsv)
COUNT_KINDS = tuple(lexicon("claim_count_kinds").words())
#: units that count persons (名, 人, 位: claim_units.tsv person)
PERSON_UNITS = frozenset(lexicon("claim_units").flagged("person"))
#: time words that open no counted noun after a number (350人今天下午返回)
TIME_WORDS_AFTER = tuple(lexicon("claim_time_words").words())
#: locatives that open an unknown word after a counted noun (中有, 里有)
LOCATIVE_OPENERS = frozenset(lexicon("claim_locative_openers").words())
ORIGIN_VERBS = frozenset(lexicon("claim_origin_verbs").words())
#: verbs before a length of time that give how long an event lasts (为期6天, 持续近4个月); those that
#: always do (为期) also when neither 的 nor the end of the clause follows the length
_lasting = lexicon("claim_lasting_verbs")
LASTING_VERBS = tuple(sorted(_lasting.words(), key=len, reverse=True))
ALWAYS_LASTING_VERBS = frozenset(_lasting.flagged("always"))
#: verbs that open, close or hold an event after its name (为期7天的停火结束)
EVENT_CLOSING_VERBS = frozenset(lexicon("claim_event_verbs").words())
GENERIC_HEADS = frozenset(lexicon("claim_generic_heads").words())
#: endings of nouns that act in a clause: a verb right after one is its predicate (claim_agent_heads.tsv)
AGENT_HEADS = tuple(lexicon("claim_agent_heads").words())
#: the head words of people's titles (大使, 委员): a word ending with one is a noun of people (驻华|大使)
PERSON_TITLE_HEADS = frozenset(lexicon("title_heads").words())
#: verbs of speech: a clause 某某说 / 介绍 is an attribution, no topic for the clause after it
SPEECH_VERBS = frozenset(lexicon("speech_verbs").words())
#: units after a slash that make a claim's unit a rate (13元/斤)
_rates = lexicon("claim_rate_denominators")
RATE_DENOMINATORS = tuple(_rates.words())
#: …of them, the ones a price is per item or per period of (800元/辆, 5元/小时): the currency is the unit
PER_ITEM_DENOMINATORS = frozenset(w for w, k in _rates.mapping("kind").items() if k in ("count", "period"))
#: currencies (claim_units.tsv, money)
MONEY_UNITS = frozenset(_units.flagged("money"))
#: size adjectives between a length and its noun (1.2米高的海浪)
DIMENSION_WORDS = frozenset(lexicon("claim_dimension_words").words())
#: labels before a colon that name no counted thing (备注：5元)
GENERIC_LABELS = frozenset(lexicon("claim_generic_labels").words())
ONE_CHAR_VERBS = frozenset(lexicon("claim_one_char_verbs").words())
NOUN_PREFIXES = frozenset(lexicon("claim_noun_prefixes").words())
COMMON_PLACE_NOUNS = frozenset(lexicon("place_stop_words").flagged("claims"))

_fused = lexicon("claim_fused_words")
#: (first, second) segmenter words read as one word (在|岗 → 在岗)
FUSED = {(r.first, r.second): r.word for r in _fused.records()}
#: nouns the segmenter cuts apart (可|支配|收入), joined back in a claim's window
COMPOUND_NOUNS = frozenset(lexicon("claim_compound_nouns").words())
FUSED_WORDS = _fused.words()

_duration = lexicon("claim_duration_adverbs")
DURATION_VERB_ADVERBS = frozenset(_duration.flagged("verb_phrase"))
DURATION_ACTIVITY_MODIFIERS = frozenset(_duration.flagged("activity_modifier"))
DURATION_TAIL_ALTERNATION = alternation(lexicon("claim_duration_tail").words())

_leads = lexicon("claim_number_leads")
NUMBER_LEAD_ALTERNATION = alternation(_leads.words())
RATE_MARKER_ALTERNATION = alternation(_leads.flagged("rate"))
LEAD_STRIP_ALTERNATION = alternation(lexicon("claim_lead_strips").words())
#: demonstratives before the noun (这一比例): dropped when two characters or more are left
DEMONSTRATIVES = tuple(lexicon("claim_demonstratives").words())
_change_verbs = lexicon("claim_change_verbs")
CHANGE_VERBS = frozenset(_change_verbs.where("written", "alone"))
CHANGE_VERB_ALTERNATION = alternation(CHANGE_VERBS)
#: one-character verbs of change, only after a comparison or an adverb of change (同比增30%)
SHORT_CHANGE_VERB_ALTERNATION = alternation(_change_verbs.where("written", "after_comparison"))
#: a verb of change (增长, 下跌), wherever it is searched or matched
CHANGE_VERB_RE = re.compile(CHANGE_VERB_ALTERNATION)
CHANGE_ADVERB_ALTERNATION = alternation(lexicon("claim_change_adverbs").words())
PERIOD_ALTERNATION = lexicon_alternation("claim_period_words")
#: a verb of change with its adverbs (同比下降了, 分别增长, 提升至)
#: a comparison before a verb of change (比2019年同期, 比3月份, 较上月)
#: the base period of a comparison (2019年同期, 3月份, 上月)
_COMPARED_PERIOD = (r"(?:[0-9]{4}年|(?:[0-9]{1,2}[至到—-])?[0-9]{1,2}月份?|上年|去年|上月|上半年|上季度"
                    r"|[一二三四]季度|上周|前一周|年初)(?:同期)?")
COMPARISON = (rf"(?:[比较]{_COMPARED_PERIOD}"
              # 与去年同期相比, 和2019年同期相比，: the base named between 与 and 相比
              r"|[与和同跟][^，,。；;、：:0-9]{0,2}(?:[0-9]{4}年)?[^，,。；;、：:0-9]{0,6}相比[，,]?)")
CHANGE_PHRASE = (rf"(?:(?:[均都]?{COMPARISON}|{CHANGE_ADVERB_ALTERNATION})*"  # 比2019年同期增长, 均比11月份收窄
                 rf"(?:{CHANGE_VERB_ALTERNATION})了?(?:至|到)?了?"  # 增加到了374万标准箱
                 rf"|(?:[均都]?{COMPARISON}|{CHANGE_ADVERB_ALTERNATION})+(?:{SHORT_CHANGE_VERB_ALTERNATION})了?"  # 同比增30%
                 rf"|(?:{COMPARISON})[高低多少]"  # 比上年同期低1.1个百分点: a comparative after a comparison
                 rf"|(?:{CHANGE_ADVERB_ALTERNATION})*[高低多少]于{_COMPARED_PERIOD})")  # 高于上月0.3个百分点
#: verbs, modals and adverbials between a clause's topic and its number (参会人数超过了700人)
PREDICATE_ALTERNATION = alternation(lexicon("claim_predicate_words").words())
#: the linking words and modals of claim_predicate_words.tsv, as a set (a clause of only these and verbs of
#: change goes on about the figure before it: extract.py)
PREDICATE_WORDS = frozenset(lexicon("claim_predicate_words").words())
#: what opens the parts of a count (其中) and what names a part after its figure (为, 是): claim_breakdown_words.tsv
_breakdown = lexicon("claim_breakdown_words")
BREAKDOWN_OPENERS = tuple(_breakdown.where("role", "opener"))
BREAKDOWN_COPULAS = frozenset(_breakdown.where("role", "copula"))
#: the predicate words that are verbs (为, 达到, 占比), not modals or adverbials
LINKING_VERB_ALTERNATION = alternation(lexicon("claim_predicate_words").where("kind", "verb"))
#: 分别: the figures after it go one to each item of the topic before it
DISTRIBUTIVE_ALTERNATION = alternation(lexicon("claim_predicate_words").where("kind", "distributive"))
#: the modals of that chain (预计, 将, 要): between a noun and its verb (本轮对话预计持续5天)
MODAL_WORDS = frozenset(lexicon("claim_predicate_words").where("kind", "modal"))

_connectives = lexicon("claim_connectives")
LIST_MEMBER_ALTERNATION = alternation(_connectives.flagged("list_member"))
SUBJECT_JOINERS = frozenset(_connectives.flagged("joins_subject"))
PREPOSITION_ALTERNATION = alternation(_connectives.flagged("preposition"))

_place_suffixes = lexicon("place_suffixes")
#: place suffixes written as a separate word after a name in a subject (那曲|市)
PLACE_SUFFIXES_AFTER_NAME = frozenset(_place_suffixes.flagged("after_name"))

# ---------------------------------------------------------------------------
# Context rules

#: 全/我/本/该 + suffix → the article's place of that level (全市 → city)
SCOPE_LEVEL = {row.suffix: row.level for row in _place_suffixes.records() if row.scope == "yes"}
CLAUSE_OPENER_ALTERNATION = alternation(lexicon("claim_clause_openers").words())
_new_subjects = lexicon("claim_new_subjects")
NEW_SUBJECT_PRONOUNS = alternation(_new_subjects.where("role", "pronoun"))
NEW_SUBJECT_CONNECTIVES = alternation(_new_subjects.where("role", "connective"))
_org_heads = lexicon("org_heads")  # the organization heads the entity rules read, two columns for claims
ORG_UNIT_ALTERNATION = alternation(_org_heads.flagged("claim_unit"))
ORG_PARENT_HEAD_ALTERNATION = alternation(_org_heads.flagged("claim_parent"))

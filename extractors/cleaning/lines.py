"""Line normalisation and the line shapes the cleaner reasons with.

Shapes are about form, not content: a prose line is long and punctuated, a
heading is short and unpunctuated, a navigation bar is a row of tiny tokens,
a breadcrumb is short segments joined by ``>``.
"""

from __future__ import annotations

import re

from extractors.dates import TIMESTAMP_RE, ascii_digits

_WIDE_SPACES = r"\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"  # spaces other than ' '
_INVISIBLES = r"\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\u00ad"  # incl. bidi marks
_SPACES = re.compile(f"[ {_WIDE_SPACES}]+")
_INVISIBLE = re.compile(f"[{_INVISIBLES}]")
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# "營(yíng)收": a pinyin reading glossed after a character, with at least one tone mark
# (so an English gloss such as "(leader)" stays)
_PINYIN_GLOSS = re.compile(rf"(?<=[{_CJK}])[(（](?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,6}}[)）]")
_SENTENCE_PUNCT = re.compile(r"[，。！？；：、,;!?:…“”「」]")
_LONE_NUMBER = re.compile(
    r"^[\(（\[【]?(?:\d{1,3}|[一二三四五六七八九十]{1,3}|[IVX]{1,4})[\)）\]】.、]?$"
)
_BREADCRUMB_SEP = re.compile(r"\s*[>›»＞]\s*")
_BREADCRUMB_MARK = re.compile(r"[>›»＞]")
# A nav bar's tokens are split at spaces and the separators '|｜·•/' (the runs of other
# characters), its bar pieces at the bars '|｜丨'.
_NAV_TOKEN = re.compile(r"[^\s|｜·•/]+")
_BAR_PIECE = re.compile(r"[^|｜丨]+")
_CSS_TOKEN = re.compile(r"\s+[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+\b")
_NAME_CHARS = re.compile(r"^[\w\u00b7\u30fb·.\- ]{1,24}$")
_MAX_STAMP_EXTRA = 24


def drop_pinyin_glosses(text: str) -> str:
    """``text`` without the pinyin some sites print after characters ("營(yíng)收" is
    營收): a gloss splits the word it reads, so no cue or name would be found across it."""
    return _PINYIN_GLOSS.sub("", text) if "(" in text or "（" in text else text


def normalise_text(raw: str) -> list[str]:
    """Split a page into lines: unify newlines, drop invisible characters, collapse
    runs of (full-width) spaces to one ASCII space and strip each line.  Chinese
    characters and punctuation are left exactly as they are."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = _SPACES.sub(" ", _INVISIBLE.sub("", text))
    return [line.strip() for line in text.split("\n")]


_CITATION = re.compile(
    r"^[（(\[【]\s*(资料|資料|数据|數據|消息)?(来源|來源|出处|出處)\s*[:：].*[）)\]】]$"
)


CLOSING_PUNCT = re.compile(r"[。！？!?]")
_TRAILING_STAMP = re.compile(
    r"(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}[-/]\d{1,2})(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$"
)
_TRAILING_COUNTER = re.compile(
    r"(?:阅读|閱讀|浏览|瀏覽|评论|評論|点赞|點讚|views?|reads?)\s*[:：]?\s*[\d.,]+\s*[万萬wWkK]?$"
)
_STORY_ITEM_MAX = 90


def is_story_item(line: str) -> bool:
    """A headline of another story: no closing punctuation, and a date or a read counter
    at its end ('· 某公司发布新模型 2024-05-14 08:12', '1 某某新闻 阅读 12.6万')."""
    if len(line) > _STORY_ITEM_MAX or CLOSING_PUNCT.search(line):
        return False
    tail = _TRAILING_STAMP.search(line) or _TRAILING_COUNTER.search(line)
    return tail is not None and tail.start() >= 6


def is_citation(line: str) -> bool:
    """'（资料来源：…）' or '（来源：…）' on a line of its own."""
    return bool(_CITATION.match(line))


def is_lone_number(line: str) -> bool:
    """'01', '2', '（三）' alone on a line: section numbers and share counters."""
    return bool(_LONE_NUMBER.match(line))


def is_prose(line: str) -> bool:
    """A sentence-bearing line: long enough and punctuated like running text."""
    size = len(line)
    return size >= 40 or (size >= 12 and _SENTENCE_PUNCT.search(line) is not None)


def is_breadcrumb(line: str) -> bool:
    """'首页 > 科技 > 正文': two or more short segments joined by '>'; the last of three or
    more may be the article's headline ('首页 > 汽车笔记 > 半年不到 DeepSeek已跌落神坛')."""
    if len(line) > 120 or not _BREADCRUMB_MARK.search(line):
        return False
    parts = [p for p in _BREADCRUMB_SEP.split(line) if p]
    if len(parts) >= 3:
        return all(len(p) <= 16 for p in parts[:-1]) and len(parts[-1]) <= 64
    return len(parts) >= 2 and all(len(p) <= 16 for p in parts)


def breadcrumb_parts(line: str) -> list[str]:
    return [p for p in _BREADCRUMB_SEP.split(line) if p]


_DECIMAL = re.compile(r"\d\.\d")
_MEASURED_NUMBER = re.compile(r"\d[\d.,]*\s*(?:%|％|亿|億|万|萬|元|美元)|[$￥¥]\s*\d")


_UNIT_DECLARATION = re.compile(
    r"[(（][ ]?(?:单位|單位)?[:：]?[ ]?以?"
    r"(?:百万|百萬|千万|千萬|亿|億|万|萬|千)?(?:美元|元|人民币|人民幣|港元)"
)


# A cell holding a figure, with its unit if any: "| 3052 |", "| +782.1% |", "| 117B |",
# "| 80GB |", "| 1.2万 |".
_CELL_NUMBER = re.compile(
    r"(?:^|\|)\s*[$￥¥+\-~约]?\d[\d.,]*\s*"
    r"(?:[%％]|[A-Za-z]{1,6}(?:/s)?|[万萬亿億千兆]?[元个颗张台块卡]?)\s*(?=\||$)"
)


_RULE_CHARS = frozenset(
    "─━│┃┄┅┈┉┌┍┎┏┐┑┒┓└┕┖┗┘┙┚┛├┝┞┟┠┡┢┣┤┥┦┧┨┩┪┫┬┭┮┯┰┱┲┳┴┵┶┷┸┹┺┻┼┽┾┿╀╁╂╃╄╅╆╇╈╉╊╋═║╔╗╚╝╠╣╦╩╬-=|+:_ "
)


def is_rule_line(line: str) -> bool:
    """A table's ruling ("┌────┬───┐", "|---|---|"): drawn, not written."""
    return bool(line) and all(ch in _RULE_CHARS for ch in line)


def is_spaced_table_row(line: str) -> bool:
    """A row of a table whose cells only spaces split, one of them an amount: "总营收
    312亿元 -7% 略超预期"."""
    return len(line.split()) >= 3 and _MEASURED_NUMBER.search(line) is not None


def is_table_row(line: str) -> bool:
    """A row of a table that holds figures: cells split by two bars or more, one of
    them a number ("| 2024年 | 3052 | +782.1% |")."""
    return line.count("|") >= 2 and _CELL_NUMBER.search(line) is not None


def is_figures_row(line: str) -> bool:
    """A row of a table: a Markdown row, two measured figures or three decimals or more
    with no closing punctuation ("收入$22,103$18,120$6,051", "Pass@153.746.937.0"), or a
    unit declaration ("(以百万美元计)").
    Tables repeat such rows (GAAP and non-GAAP) without being furniture."""
    if _UNIT_DECLARATION.search(line) or (line.startswith("|") and line.count("|") >= 3):
        return True  # (a table's header row repeats with each of its tables)
    if CLOSING_PUNCT.search(line):
        return False
    # a flattened row of scores, its cells run together: "Single Patch51.836.639.450.2"
    return len(_MEASURED_NUMBER.findall(line)) >= 2 or len(_DECIMAL.findall(line)) >= 3


# A spec line: a label and one figure closing it, "总参数量1万亿", "上下文长度12万8千",
# "注意力头数量64" (a "label value" list with its separator lost).
_SPEC_LINE = re.compile(
    r"(?!第)[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z ()（）\-]{1,15}?\s*[:：]?\s*"
    r"\d[\d.,]*\s*(?:[万萬亿億千百兆]+[\d万萬亿億千百兆]*)?\s*(?:[A-Za-z%％]{1,6}|[\u4e00-\u9fff]{0,2})"
)


def is_spec_line(line: str) -> bool:
    """A line of a "label value" list: a label, then one figure that ends the line."""
    return _SPEC_LINE.fullmatch(line.strip()) is not None


def is_nav_bar(line: str) -> bool:
    """A row of tiny tokens: four or more ('首页 新闻 体育 财经 科技'), or three or more
    short ones between explicit bars ('手机看 | 客户端下载 | 登录')."""
    if _SENTENCE_PUNCT.search(line):
        return False
    if _MEASURED_NUMBER.search(line) or is_table_row(line) or line.startswith("|"):
        return False  # a table's row ("| 营收 | $43 亿 | 30% |", "|项目名称 |营业收入"), not links
    tokens = _NAV_TOKEN.findall(line)
    if len(tokens) >= 4 and all(len(t) <= 4 for t in tokens):
        return True
    barred = [t for t in (piece.strip() for piece in _BAR_PIECE.findall(line)) if t]
    return len(barred) >= 3 and all(len(t) <= 6 for t in barred)


# A label right before a line's time says it is the page's: "时间:2026-02-17 00:10".
_STAMP_LABEL = re.compile(r"(?:时间|時間|日期|发布于|發布於|发表于|發表於)\s*[:：]?\s*$")
_MAX_LABELLED_LINE = 80


def timestamp_in(line: str) -> re.Match[str] | None:
    """The first date-with-time in a line, if any."""
    for m in TIMESTAMP_RE.finditer(ascii_digits(line)):
        if m["hour"] is not None:
            return m
    return None


def is_timestamp_line(line: str) -> bool:
    """A line that is mostly a date/time stamp (possibly with a source name)."""
    return timestamp_line_match(line) is not None


def timestamp_line_match(line: str) -> re.Match[str] | None:
    """The date-with-time of a timestamp line (see :func:`is_timestamp_line`), else None."""
    m = timestamp_in(line)
    if m is None:
        return None
    if len(line) - (m.end() - m.start()) > _MAX_STAMP_EXTRA and not (
        len(line) <= _MAX_LABELLED_LINE
        and (_STAMP_LABEL.search(line, 0, m.start()) or _barred_alone(line, m))
    ):
        # (a byline may carry the time after its label, "编辑:某某 时间:…", or between
        # bars: "www.example.net | 2025-04-13 08:56:11 某报 | 0条评论")
        return None
    return m


_STAMP_PIECE_EXTRA = 8  # characters beside the time in its piece of a barred byline


def _barred_alone(line: str, m: re.Match[str]) -> bool:
    """Whether the time stands in a piece of its own between bars, give or take a name."""
    if line.count("|") < 2:
        return False
    start = line.rfind("|", 0, m.start()) + 1
    stop = line.find("|", m.end())
    piece = line[start : stop if stop >= 0 else len(line)].strip()
    return len(piece) - (m.end() - m.start()) <= _STAMP_PIECE_EXTRA


def timestamp_lines(lines: list[str]) -> list[re.Match[str] | None]:
    """:func:`timestamp_line_match` of every line."""
    return [timestamp_line_match(line) for line in lines]


def date_line(line: str) -> re.Match[str] | None:
    """A line that is mostly a date without a time of day ('2025年03月20日 某某网'), the
    byline's counters and IP location aside ('某某社 1765浏览 2025-02-19 IP属地: 未知')."""
    m = TIMESTAMP_RE.search(ascii_digits(line))
    if m is None or m["hour"] is not None:
        return None
    rest = len(_BYLINE_NOISE.sub("", line)) - (m.end() - m.start())
    return m if rest <= 16 else None


# What a byline holds beside its date: read counts and the poster's IP location.
_BYLINE_NOISE = re.compile(
    r"\d[\d.,]*\s*[万萬wWkK]?\s*(?:浏览|瀏覽|阅读|閱讀|评论|評論|点赞|點讚)|IP\s*属地\s*[:：]?\s*\S{0,6}"
)


def strip_css_tokens(line: str) -> str:
    """Drop class-name leftovers that text dumps glue onto names ('张三 some-icon')."""
    return _CSS_TOKEN.sub("", line).strip()


def is_name_like(line: str) -> bool:
    """Could be a person's or account's name: short, no sentence punctuation, not a number."""
    line = strip_css_tokens(line)
    if not 2 <= len(line) <= 24 or _SENTENCE_PUNCT.search(line):
        return False
    if line.replace(" ", "").isdigit() or is_timestamp_line(line):
        return False
    return bool(_NAME_CHARS.match(line))


def has_title_size(line: str) -> bool:
    """A headline's shape, for a line known to be no breadcrumb, nav bar or timestamp
    line: 6-100 characters (160 for a headline in English, whose words are longer) with
    some Chinese (four characters) or words (three), not a lone number."""
    if not 6 <= len(line) <= (160 if line.isascii() else 100) or is_lone_number(line):
        return False
    return len(_CJK_CHAR.findall(line)) >= 4 or len(line.split()) >= 3

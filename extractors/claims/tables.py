"""Claims from tables: rows of cells split by ``|`` (Markdown, or HTML tables as text).

A table tells with its layout what a sentence tells with words: the row's label
("营收", "C-Eval(中文评测)", a model's name) and the column's header ("得分",
"上下文长度") say what each number in a cell measures and whom it is about. So
each number in a cell is read against a short text made of its row label and its
column header, with the metric cues the sentences use; the subject is a name in
the row (a model's row in a leaderboard), else the name the table follows (the
last actor named before it, or the article's topic).

Only numbers whose metric is told by a cue become claims; bare scores under a
benchmark or score header are benchmark scores in points.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.claims.metric import MetricCues, choose_metric, dropped
from extractors.models import Quantity
from extractors.quantities.declared_units import column_unit
from extractors.quantities.lexicon import lexicon_key, load_lexicon
from extractors.quantities.quantity_model import at_written_precision
from extractors.rule_words import WORDS
from extractors.subjects import Mention

_MIN_CELLS = 2
_CELL_SEPARATOR = re.compile(r"\|")
_RULE_ROW = re.compile(r"^[\s|:\-—=+_\u2500-\u257f]*$")  # "|---|", "├──┼──┤"
# An amount inside a cell with words around it ("约910亿美元(由850亿美元上调)"); a year
# ("2025年资本开支") is none.
_AMOUNT_IN_CELL = re.compile(r"\d[\d.,]*\s*(?:亿|万|兆|美元|元|%|％|倍)")
_NUMERIC_CELL = re.compile(r"^[\s$￥¥+\-~约≈<>≥≤]*[\d.,]+\s*(?:[%％万亿兆KkMBT]|亿元|万元|元)?\s*$")
_SCORE_HEADER = re.compile(
    r"(?i)得分|总分|分数|成绩|score|评分|准确率|通过率|pass@|MMLU|C-?Eval|CMMLU|GSM8K|MATH|"
    r"HumanEval|GPQA|AIME|Arena|SWE|LiveCodeBench|BBH|ARC|榜"
)
_WORDY = re.compile(r"[A-Za-z\u4e00-\u9fff]")
_ACTOR_TYPES = frozenset({"organization", "model", "product", "chip"})


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Row:
    line_start: int
    cells: tuple[Cell, ...]

    @property
    def is_header_like(self) -> bool:
        """Mostly words: a header row (its cells name the columns)."""
        filled = [c for c in self.cells if c.text]
        numeric = sum(
            bool(_NUMERIC_CELL.match(c.text) or _AMOUNT_IN_CELL.search(c.text)) for c in filled
        )
        return bool(filled) and numeric * 2 < len(filled) and numeric == 0


@dataclass(frozen=True)
class Table:
    header: Row | None
    rows: tuple[Row, ...]
    caption: str = ""
    """The line of text right above the table ("价格：元/M tokens" may say its unit)."""

    @property
    def start(self) -> int:
        return (self.header or self.rows[0]).line_start


@dataclass(frozen=True)
class TableCell:
    """A number in a table with the words that say what it measures."""

    quantity: Quantity
    row: Row
    label: str
    """The row's label and the column's header, as one short text."""
    column: str
    scored: bool = False
    """In a leaderboard's score columns (at or right of its first score header)."""
    name_cell: Cell | None = None
    """The cell under a "模型"/"model" header: whom the row is about."""
    caption: str = ""
    """The table's caption (:attr:`Table.caption`)."""


def _cells(line: str, offset: int) -> tuple[Cell, ...]:
    cells = []
    position = 0
    for piece in _CELL_SEPARATOR.split(line):
        stripped = piece.strip()
        lead = len(piece) - len(piece.lstrip())
        cells.append(
            Cell(offset + position + lead, offset + position + lead + len(stripped), stripped)
        )
        position += len(piece) + 1
    # a leading or trailing bar leaves an empty edge cell: not a column (an empty cell
    # inside the row is one: "| |万元) |")
    if cells and line.lstrip().startswith("|") and not cells[0].text:
        cells.pop(0)
    if cells and line.rstrip().endswith("|") and not cells[-1].text:
        cells.pop()
    return tuple(cells)


def find_tables(text: str) -> list[Table]:
    """Runs of two or more lines with two or more ``|``-separated cells.

    A header row may stand apart, a line or two above the rows (a long header wrapped
    over several lines): a header-like row of two cells or more within three lines above
    a run that has no header of its own is its header.
    """
    tables: list[Table] = []
    run: list[Row] = []
    header_above: tuple[Row, int] | None = None  # a header-like row and its line number
    caption = above = ""  # the text line before the run, and the last text line seen
    offset = 0
    for number, line in enumerate([*text.split("\n"), ""]):
        cells = _cells(line, offset) if "|" in line else ()
        if len(cells) >= _MIN_CELLS and not _RULE_ROW.match(line):
            if not run:
                caption = above
            run.append(Row(offset, cells))
        elif not (_RULE_ROW.match(line) and line.strip() and run):
            table = _table_of(run, header_above, number)
            if table is not None:
                tables.append(dataclasses.replace(table, caption=caption))
            if len(run) == 1 and run[0].is_header_like:
                header_above = (run[0], number)
            run = []
            above = line.strip() or above
        offset += len(line) + 1
    return tables


def _table_of(run: list[Row], header_above: tuple[Row, int] | None, number: int) -> Table | None:
    if not run or (len(run) < 2 and header_above is None):
        return None
    if run[0].is_header_like:
        header, rows = run[0], tuple(run[1:])
        if rows and rows[0].is_header_like and len(rows[0].cells) == len(header.cells):
            header, rows = _joined(header, rows[0]), rows[1:]  # a header wrapped in two rows
    elif header_above is not None and number - len(run) - header_above[1] <= 3:
        header, rows = header_above[0], tuple(run)
    else:
        header, rows = None, tuple(run)
    if not rows or (header is None and len(rows) < 2):
        return None
    return Table(header, rows)


def _joined(top: Row, bottom: Row) -> Row:
    """A header printed over two rows ("营业收入(" above "万元)"), cell by cell."""
    cells = tuple(
        Cell(a.start, b.end, (a.text + b.text).strip())
        for a, b in zip(top.cells, bottom.cells, strict=True)
    )
    return Row(top.line_start, cells)


def _column_of(row: Row, cell_index: int, header: Row | None) -> str:
    """The header of the cell's column. Headers align on the left; a row with one cell
    more than its header has a label column the header leaves out (aligned on the right).
    A column the header does not reach is told by the header's score word, if any."""
    if header is None:
        return ""
    names = header.cells
    index = cell_index - 1 if len(row.cells) == len(names) + 1 else cell_index
    if 0 <= index < len(names):
        return names[index].text
    scored = [c.text for c in names if _SCORE_HEADER.search(c.text)]
    return scored[0] if scored else ""


def _tier_under_merged_name(row: Row, previous: Row | None, name_column: int | None) -> bool:
    """A price tier whose model's name cell spans it and the row above ("glm-4.5 | 0-32K |
    0.003元" then "32K-96K | 0.004元"): the row starts at the header's second column."""
    if name_column != 0 or previous is None or len(previous.cells) < 2:
        return False
    return is_size_label(row.cells[0].text) and is_size_label(previous.cells[1].text)


def _score_column(header: Row | None) -> tuple[int | None, str]:
    """Where a leaderboard's scores begin: the first header cell naming a score ("总分")."""
    for index, cell in enumerate(header.cells if header else ()):
        if _SCORE_HEADER.search(cell.text):
            return index, cell.text
    return None, ""


_NAME_HEADER = re.compile(
    r"(?i)^(?:模型|模型名称|大模型|model|模型名|产品|名称)(?:\s?(?:ID|name|名))?$"
)


def _name_column(header: Row | None) -> int | None:
    for index, cell in enumerate(header.cells if header else ()):
        if _NAME_HEADER.match(cell.text):
            return index
    return None


def _name_cell(row: Row, column: int | None) -> Cell | None:
    if column is None or column >= len(row.cells):
        return None
    cell = row.cells[column]
    return cell if _WORDY.search(cell.text) else None


def table_cells(tables: Sequence[Table], quantities: Sequence[Quantity]) -> list[TableCell]:
    """Each quantity standing alone in a table cell, with its row label and column header."""
    found = []
    for table in tables:
        score_column, score_word = _score_column(table.header)
        name_column = _name_column(table.header)
        previous: Row | None = None
        for row in table.rows:
            shift = 1 if _tier_under_merged_name(row, previous, name_column) else 0
            previous = row
            words = [
                c for c in row.cells if _WORDY.search(c.text) and not _NUMERIC_CELL.match(c.text)
            ]
            label = words[0].text if words else ""
            for index, cell in enumerate(row.cells):
                inside = [q for q in quantities if cell.start <= q.start and q.end <= cell.end]
                figure = _cell_figure(cell, inside)
                if figure is None:
                    continue
                inside = [figure]
                column = _column_of(row, index + shift, table.header)
                scored = score_column is not None and index >= score_column
                if scored and not column:
                    column = score_word
                found.append(
                    TableCell(
                        inside[0],
                        row,
                        f"{label} {column}".strip(),
                        column,
                        scored,
                        _name_cell(row, name_column),
                        table.caption,
                    )
                )
    return found


def _cell_figure(cell: Cell, inside: Sequence[Quantity]) -> Quantity | None:
    """The one figure a cell holds: a number alone ("12.5%", "3.2亿"), or an amount with
    its qualifier and a note in brackets after it ("约910亿美元(由850亿美元上调)",
    "700亿–720亿美元")."""
    if len(inside) == 1 and _NUMERIC_CELL.match(cell.text):
        return inside[0]
    if not inside or inside[0].unit is None:
        return None
    first = inside[0]
    text = _CELL_NOTE.sub("", cell.text)
    head = text[: first.start - cell.start]
    tail = text[first.end - cell.start :]
    return first if WORDS.qualifier_gap.fullmatch(head) and not tail.strip() else None


# A note in brackets closing a cell.
_CELL_NOTE = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")


@dataclass(frozen=True)
class TableReading:
    metric: str
    unit: str
    scale: float = 1.0
    """What the cell's value is multiplied by (a price per thousand tokens: 1000)."""


_PERCENT_HEADER = re.compile(r"[(（]\s*[%％]\s*[)）]")
_PER_TOKENS = re.compile(r"(?i)每\s*(千|1K|百万|1M|百萬)\s*(?:个\s*)?(?:tokens?|词元)")
_PER_TOKENS_SCALE = {"千": 1000.0, "1k": 1000.0, "百万": 1.0, "1m": 1.0, "百萬": 1.0}
# A price unit per tokens, said over a table or in a column's header: "元/M tokens" (the
# text is in simplified script; the quantity lexicon names the currency and the count).
_PRICE_UNIT = re.compile(
    r"(?i)(?P<cur>美元|元|\$|USD|CNY|RMB)\s*/\s*(?:每\s*)?(?P<per>千|1K|K|百万|1M|M)"
    r"\s*(?:个\s*)?(?:tokens?|词元)"
)
_PRICE_COLUMN = re.compile(r"价|(?i:price)")


def _declared_price(priced: re.Match[str]) -> tuple[str, float]:
    """The unit and the scale to per-million-tokens of a price unit :data:`_PRICE_UNIT`
    found."""
    lexicon = load_lexicon()
    word = priced.group("cur")
    currency = lexicon.symbols.get(word) or lexicon.currencies[lexicon_key(word)].unit
    return f"{currency}/Mtok", 1e6 / lexicon.price_per[lexicon_key(priced.group("per"))]


def read_cell(cell: TableCell, cues: MetricCues) -> TableReading | None:
    """The metric and unit of a table number, told by its row label and column header."""
    q = cell.quantity
    if q.unit is None and _PERCENT_HEADER.search(cell.column):
        q = q.model_copy(update={"unit": "%", "kind": "percent"})  # "毛利率(%)"
        return _read_with_cues(cell, q, cues)
    declared = column_unit(cell.column)
    if declared is not None and q.unit is None:
        scale, currency = declared
        value = at_written_precision(q.value * scale)
        q = q.model_copy(update={"value": value, "unit": currency, "kind": "money"})
        reading = _read_with_cues(cell, q, cues)
        return None if reading is None else TableReading(reading.metric, currency, scale)
    per_tokens = _PER_TOKENS.search(cell.column)
    if per_tokens and q.kind == "money" and q.unit:
        scale = _PER_TOKENS_SCALE[per_tokens.group(1).lower()]
        return TableReading("api_price", f"{q.unit}/Mtok", scale)
    priced = _PRICE_UNIT.search(f"{cell.column} {cell.caption}")
    if priced and q.unit is None and _PRICE_COLUMN.search(cell.column):
        # "价格：元/M tokens" over the table, "输入价 | 2.00" in it
        return TableReading("api_price", *_declared_price(priced))
    if (cell.scored or _SCORE_HEADER.search(cell.label)) and q.unit in (None, "%"):
        return TableReading("benchmark_score", q.unit or "points")
    return _read_with_cues(cell, q, cues)


def dropped_cells(
    tables: Sequence[Table], quantities: Sequence[Quantity], cues: MetricCues
) -> set[int]:
    """Starts of the numbers whose cell says they are no claim ("营收 | 同比增长 | 62%": a
    rate of growth): read across the row as a sentence, the next cell's words would give
    them a metric ("| 65% | 净利率约 56% |")."""
    out = set()
    for cell in table_cells(tables, quantities):
        sentence, local = _as_sentence(cell, cell.quantity)
        if dropped(local, sentence, 0, cues):
            out.add(cell.quantity.start)
    return out


def _as_sentence(cell: TableCell, q: Quantity) -> tuple[str, Quantity]:
    """The cell's label and number as one clause ("净利润 同比增长 65%"), and the number
    placed in it."""
    sentence = f"{cell.label} {q.text}"
    return sentence, q.model_copy(update={"start": len(cell.label) + 1, "end": len(sentence)})


def _read_with_cues(cell: TableCell, q: Quantity, cues: MetricCues) -> TableReading | None:
    """The metric cues read over the cell's label and its number, as if one sentence."""
    sentence, local = _as_sentence(cell, q)
    choice = choose_metric(local, sentence, 0, cues)
    if choice is None or choice.cue is None:
        return None  # a unit alone (a bare GB, a %) says too little in a table
    return TableReading(choice.metric, choice.unit)


# "0-32K", "32K-96K", "128K": sizes (a price tier's input length), never a model's name.
_SIZE_LABEL = re.compile(
    r"\s*\d+(?:\.\d+)?\s*[KkMmBbTtGg]?\s*(?:[-~～至到]\s*\d+(?:\.\d+)?\s*[KkMmBbTtGg]?)?\s*"
)


def is_size_label(text: str) -> bool:
    """Whether a name cell holds a size or a range of sizes rather than a name."""
    return _SIZE_LABEL.fullmatch(text) is not None


def row_subject(
    cell: TableCell, mentions: Sequence[Mention], types: frozenset[str]
) -> Mention | None:
    """A name in the cell's row, of a type the metric allows (the first); under a
    "模型" header, the name in that column, or the cell's words as a model's name."""
    if cell.name_cell is not None:
        named = cell.name_cell
        inside = [m for m in mentions if named.start <= m.start and m.end <= named.end]
        fitting = [m for m in inside if m.type in types]
        if fitting:
            # "deepseek-ai/DeepSeek-V3": the model the cell names (the fullest name), not
            # its maker
            return min(fitting, key=lambda m: (m.type == "organization", m.start - m.end))
        if any(m.end - m.start == len(named.text.strip()) for m in inside):
            return None  # the cell names an actor the metric cannot have
        # a name only partly known ("智谱清言" holds the firm 智谱): the cell names a model
        if is_size_label(named.text):
            return None  # "32K-96K": a tier of the model named in a row above
        return Mention(named.start, named.end, named.text, named.text, "model", "table")
    row_start = cell.row.cells[0].start
    row_end = cell.row.cells[-1].end
    return next(
        (
            m
            for m in mentions
            if row_start <= m.start
            and m.end <= row_end
            and m.type in types
            and m.type in _ACTOR_TYPES
            and not m.outlet
        ),
        None,
    )

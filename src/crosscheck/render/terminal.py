"""The terminal report (rich): summary, the fact table, then each conflict and possible conflict
with its quotes; agreements are rows of the table (``quotes`` prints theirs too) and single-source
claims are counted (``single_source`` lists them), in the reading order of `render.sections`.

Every quote names its source and date and shows the claim highlighted inside its sentence. Control
characters from the sources (an escape sequence in a document, a newline in a source) are written
out, ``\\x1b]0;…``, so that a document can never set the window title, clear the screen or colour
the rest of the output; the documents and their spans are unchanged.
"""

from __future__ import annotations

import io

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.table import Table
from rich.text import Text
from rich.theme import Theme

from ..model import Claim, Document, Report, Verdict
from ..model import Group as ClaimGroup
from ._common import (
    FactTable,
    cell_text,
    fact_table,
    group_label,
    origin_line,
    quote_window,
    quoted_claims,
    single_source_line,
    summary_line,
    verdict_mark,
    verdict_text,
    visible,
    visible_quote,
    why_line,
    why_said,
)
from ._common import source_line as _plain_source_line
from .sections import sections

__all__ = ["MARKS", "THEME", "FactTableView", "ReportView", "quote_window", "render_terminal"]

ALL_HINT = "--all lists them"
QUOTES_HINT = "--all quotes them"
_STYLES = {
    Verdict.CONFLICT: "crosscheck.conflict",
    Verdict.POSSIBLE_CONFLICT: "crosscheck.possible",
    Verdict.AGREEMENT: "crosscheck.agree",
    Verdict.SINGLE_SOURCE: "crosscheck.single",
}
_TOPIC_WIDTH = (18, 32)  # the fact column's least and widest width
_VERDICT_WIDTH = 17
_CELL_WIDTH = 26  # a source column's widest, when the width leaves room to spare
_SOURCE_WIDTH = 12  # a source column narrower than this folds the table
_PADDING = 2  # what a column adds to its text: the space between columns (padding collapsed)

THEME = Theme(
    {
        "crosscheck.conflict": "bold red",
        "crosscheck.agree": "bold green",
        "crosscheck.possible": "bold magenta",
        "crosscheck.single": "bold yellow",
        "crosscheck.value": "bold reverse",
        "crosscheck.source": "cyan",
        "crosscheck.dim": "dim",
    }
)


def _source_line(doc: Document) -> str:
    return visible(_plain_source_line(doc))


MARKS = ("«", "»")  # around the claim inside its quote when there is no colour to highlight it


def _marked(text: str, start: int, end: int, mark: bool) -> tuple[str, int, int]:
    """``text`` with the claim ``text[start:end]`` between `MARKS` when ``mark``, and the claim's
    offsets (marks included) in the result."""
    if not mark:
        return text, start, end
    return f"{text[:start]}{MARKS[0]}{text[start:end]}{MARKS[1]}{text[end:]}", start, end + 2


def _quote(doc: Document, claim: Claim, mark: bool = False) -> Text:
    text, start, end = _marked(*visible_quote(doc, claim), mark)
    line = Text("   ")
    line.append(_source_line(doc), style="crosscheck.source")
    line.append("  ")
    quoted = Text(f'"{text}"', style="crosscheck.dim")
    quoted.stylize("crosscheck.value", start + 1, end + 1)
    line.append_text(quoted)
    return line


class FactTableView:
    """The fact table as rich tables that fit the console: one row per fact, one column per source.

    When the sources do not fit side by side at `_SOURCE_WIDTH` characters each, the table folds:
    several tables with the same rows (fact and verdict repeated), each holding the next sources.
    """

    def __init__(self, table: FactTable) -> None:
        self.table = table

    def _table(self, columns: tuple[Document, ...], part: str, width: int) -> Table:
        t = self.table
        grid = Table(
            box=box.SIMPLE_HEAD,
            show_edge=False,
            show_lines=False,
            pad_edge=False,
            collapse_padding=True,
            title=part or None,
            title_justify="left",
            title_style="crosscheck.dim",
        )
        # the sources share what the fact and verdict columns leave, alike; the fact takes the rest
        spare = width - _TOPIC_WIDTH[0] - _VERDICT_WIDTH - _PADDING * (len(columns) + 2)
        source_width = min(_CELL_WIDTH, max(_SOURCE_WIDTH, spare // max(1, len(columns))))
        grid.add_column("fact", min_width=_TOPIC_WIDTH[0], max_width=_TOPIC_WIDTH[1], ratio=2)
        grid.add_column("verdict", width=_VERDICT_WIDTH)
        for doc in columns:
            head = f"{visible(doc.label)}\n{_column_date(doc)} {t.origin_name(doc.id)}"
            grid.add_column(head, width=source_width)
        for group in t.rows:
            style = _STYLES[group.verdict]
            verdict = Text(f"{verdict_mark(group)} {verdict_text(group).replace(' · ', ' ')}", style=style)
            if group.verdict is not Verdict.SINGLE_SOURCE:
                verdict.append(f"\n{_short_backing(group)}", style="crosscheck.dim")
            topic = Text(visible(group.topic) or group.id)
            topic.append(f" {visible(group.id)}", style="crosscheck.dim")
            cells = [Text(visible(cell_text(group, doc.id))) for doc in columns]
            grid.add_row(topic, verdict, *cells)
        return grid

    def _parts(self, width: int) -> list[tuple[Document, ...]]:
        """The sources split into as few tables as fit ``width`` (at least one source each), balanced:
        5 sources that fit 4 to a table are 3 + 2."""
        columns = self.table.columns
        if not columns:
            return [()]
        fixed = _TOPIC_WIDTH[0] + _VERDICT_WIDTH + 2 * _PADDING
        per_table = max(1, (width - fixed) // (_SOURCE_WIDTH + _PADDING))
        chunks = -(-len(columns) // per_table)
        size = -(-len(columns) // chunks)
        return [columns[i : i + size] for i in range(0, len(columns), size)]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        t = self.table
        parts = self._parts(options.max_width)
        if not t.rows:
            yield Text("   no fact is given by two or more documents", style="crosscheck.dim")
        else:
            for n, columns in enumerate(parts, 1):
                part = (
                    ""
                    if len(parts) == 1
                    else f"table {n} of {len(parts)}: the sources folded to fit the width"
                )
                yield self._table(columns, part, options.max_width)
            legend = visible(origin_line(t, lambda d: d.label))
            if any(d.published_inferred for d in t.columns if d.published is not None):
                legend += "; ~: date inferred from a dateline"
            yield Text(f"   {legend}", style="crosscheck.dim")
        yield Text(f"   {single_source_line(t, ALL_HINT)}", style="crosscheck.single")


def _column_date(doc: Document) -> str:
    """A column head's date, short: "2022-12-01", "2022-12-20~" (inferred: the legend says so)."""
    if doc.published is None:
        return "no date"
    return doc.published.isoformat() + ("~" if doc.published_inferred else "")


def _short_backing(group: ClaimGroup) -> str:
    """What backs a row, on one line of the verdict column: "2 docs, 1 origin"."""
    docs, origins = len(group.documents), group.independent_origins
    return f"{docs} doc{'s' if docs != 1 else ''}, {origins} origin{'s' if origins != 1 else ''}"


class ReportView:
    """A rich renderable of a `Report`; renders nothing but what the report holds.

    The fact table comes first, then each conflict and possible conflict with its quotes, its
    explanation and why; agreements are rows of the table, and quoted below it only with
    ``quotes``. Single-source claims are counted, and listed (in the table and with their quotes)
    only when ``single_source`` is true. With ``mark``, each claim is also set between «» inside its
    quote, for output without colour (a pipe, a file, ``--color never``).
    """

    def __init__(
        self, report: Report, *, single_source: bool = False, mark: bool = False, quotes: bool = False
    ) -> None:
        self.report = report
        self.docs = {d.id: d for d in report.documents}
        self.single_source = single_source
        self.mark = mark
        self.quotes = quotes

    def summary(self) -> str:
        return summary_line(self.report)

    def _group(self, group: ClaimGroup, mark: str, style: str) -> list[Text]:
        head = Text(f" {mark} ", style=style)
        head.append(visible(group_label(group)), style="bold")
        head.append(f"  [{visible(group.id)}]", style="crosscheck.dim")
        lines = [head]
        lines.extend(_quote(self.docs[c.document], c, self.mark) for c in quoted_claims(group))
        lines.append(Text(f"   {visible(why_said(group))}"))
        if group.confidence is not None:
            lines.append(Text(f"   {visible(why_line(group))}", style="crosscheck.dim"))
        return lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        r = self.report
        yield Text(self.summary(), style="bold")
        for a, b, n in r.shared_passages:
            yield Text(
                f"shared copy: {visible(self.docs[a].label)} and {visible(self.docs[b].label)} share {n} copied or rewritten "
                f"sentence{'s' if n != 1 else ''}",
                style="crosscheck.dim",
            )
        yield Text("")
        table = fact_table(r, single_source=self.single_source)
        yield Text(f"FACTS ({len(table.rows)}) — one row per fact, one column per source", style="bold")
        yield FactTableView(table)
        for section in sections(r):
            style = _STYLES[section.verdict]
            title = f"{section.title.upper()} ({len(section.groups)})"
            if section.verdict is Verdict.SINGLE_SOURCE:
                yield from self._single(section.groups, title)
                continue
            if section.verdict is Verdict.AGREEMENT and not self.quotes:
                hint = f": rows of the table above; {QUOTES_HINT}" if section.groups else ""
                yield Text(f"{title}{hint}", style=style)
                continue
            yield Text(title, style=style)
            for group in section.groups:
                yield Group(*self._group(group, section.mark, style))

    def _single(self, single: tuple[ClaimGroup, ...], title: str) -> RenderResult:
        if not self.single_source:
            hint = f"; {ALL_HINT}" if single else ""
            yield Text(f"{title} — only one document says it{hint}", style="crosscheck.single")
            return
        yield Text(f"{title} — only one document says it", style="crosscheck.single")
        current = None
        for group in single:
            claim = group.claims[0]
            if claim.document != current:
                current = claim.document
                yield Text(f"   {_source_line(self.docs[current])}", style="crosscheck.source")
            text, start, end = _marked(*visible_quote(self.docs[current], claim, window=40), self.mark)
            line = Text(f'     "{text}"', style="crosscheck.dim")
            line.stylize("crosscheck.value", start + 6, end + 6)
            line.append(f"  [{visible(group.id)}]", style="crosscheck.dim")
            yield line


def render_terminal(
    report: Report,
    *,
    width: int = 100,
    color: bool = False,
    single_source: bool = False,
    mark: bool | None = None,
    quotes: bool = False,
) -> str:
    """The terminal report as text (no colour unless asked), for files and tests; single-source
    claims are listed only when ``single_source`` is true, agreements quoted only with ``quotes``
    (conflicts and possible conflicts always are). ``mark`` sets each quoted claim between
    «» (default: when there is no colour). ``NO_COLOR`` and ``FORCE_COLOR`` do not change it: the
    caller decides (the CLI's ``--color``)."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        theme=THEME,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
    )
    view = ReportView(
        report, single_source=single_source, mark=not color if mark is None else mark, quotes=quotes
    )
    console.print(view, soft_wrap=False)
    return buffer.getvalue()

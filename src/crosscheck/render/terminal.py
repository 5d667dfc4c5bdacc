"""The terminal report (rich): summary, conflicts first, possible conflicts, agreements, then single-source claims.

Every quote names its source and date and shows the claim highlighted inside its sentence. Control
characters from the sources (an escape sequence in a document, a newline in a source) are written
out, ``\\x1b]0;…``, so that a document can never set the window title, clear the screen or colour
the rest of the output; the documents and their spans are unchanged.
"""

from __future__ import annotations

import io

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.text import Text
from rich.theme import Theme

from ..model import Claim, Document, Report
from ..model import Group as ClaimGroup
from ._common import group_label, quote_window, summary_line, visible, visible_quote, why_line
from ._common import source_line as _plain_source_line

__all__ = ["THEME", "ReportView", "quote_window", "render_terminal"]

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


def _quote(doc: Document, claim: Claim) -> Text:
    text, start, end = visible_quote(doc, claim)
    line = Text("   ")
    line.append(_source_line(doc), style="crosscheck.source")
    line.append("  ")
    quoted = Text(f'"{text}"', style="crosscheck.dim")
    quoted.stylize("crosscheck.value", start + 1, end + 1)
    line.append_text(quoted)
    return line


class ReportView:
    """A rich renderable of a `Report`; renders nothing but what the report holds."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.docs = {d.id: d for d in report.documents}

    def summary(self) -> str:
        return summary_line(self.report)

    def _group(self, group: ClaimGroup, mark: str, style: str) -> list[Text]:
        head = Text(f" {mark} ", style=style)
        head.append(visible(group_label(group)), style="bold")
        head.append(f"  [{visible(group.id)}]", style="crosscheck.dim")
        lines = [head]
        lines.extend(_quote(self.docs[c.document], c) for c in group.claims)
        lines.append(Text(f"   {visible(group.explanation)}"))
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
        sections = (
            ("CONFLICTS", r.conflicts, "✗", "crosscheck.conflict"),
            ("POSSIBLE CONFLICTS", r.possible_conflicts, "?", "crosscheck.possible"),
            ("AGREEMENTS", r.agreements, "✓", "crosscheck.agree"),
        )
        for title, groups, mark, style in sections:
            yield Text(f"{title} ({len(groups)})", style=style)
            for group in groups:
                yield Group(*self._group(group, mark, style))
            yield Text("")
        single = r.single_source
        yield Text(f"SINGLE-SOURCE ({len(single)}) — only one document says it", style="crosscheck.single")
        current = None
        for group in single:
            claim = group.claims[0]
            if claim.document != current:
                current = claim.document
                yield Text(f"   {_source_line(self.docs[current])}", style="crosscheck.source")
            text, start, end = visible_quote(self.docs[current], claim, window=40)
            line = Text(f'     "{text}"', style="crosscheck.dim")
            line.stylize("crosscheck.value", start + 6, end + 6)
            line.append(f"  [{visible(group.id)}]", style="crosscheck.dim")
            yield line


def render_terminal(report: Report, *, width: int = 100, color: bool = False) -> str:
    """The terminal report as text (no colour unless asked), for files and tests."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        theme=THEME,
        color_system="standard" if color else None,
        force_terminal=color,
    )
    console.print(ReportView(report), soft_wrap=False)
    return buffer.getvalue()

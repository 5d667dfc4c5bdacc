"""The Markdown report, for pasting into a newsroom doc or an issue tracker.

Same facts in the same order as the terminal report: summary, conflicts, possible conflicts, agreements, single-source
claims. Every quote names its source and date and shows the claim in bold inside its sentence. Text
from the sources is escaped so that it can never become Markdown or HTML markup: line breaks in it
(a title, a source, an id) become spaces, so that it stays inside its line and cannot start a rule,
a list or a heading, and control characters are written out (``\\x1b``), as in the terminal report.
"""

from __future__ import annotations

import re

from ..model import Claim, Document, Group, Report
from ._common import backing, group_label, quote_window, source_line, summary_line, visible, why_line

__all__ = ["escape_markdown", "render_markdown"]

_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#|~!])")
# Line breaks, for CommonMark (\n, \r) and for other readers (VT, FF, NEL, U+2028, U+2029).
_BREAK = re.compile(r"\r\n|[\n\r\v\f\x85\u2028\u2029]")


def escape_markdown(text: str) -> str:
    """``text`` on one line, with every character Markdown (or inline HTML) could act on backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", visible(_BREAK.sub(" ", text)))


def _quote(doc: Document, claim: Claim, window: int) -> str:
    text, start, end = quote_window(doc, claim, window)
    before, value, after = text[:start], text[start:end], text[end:]
    return f"“{escape_markdown(before)}**{escape_markdown(value)}**{escape_markdown(after)}”"


def _group(group: Group, mark: str, docs: dict[str, Document]) -> list[str]:
    lines = [f"### {mark} {escape_markdown(group_label(group))} ({group.id})", "", f"{backing(group)}:", ""]
    for claim in group.claims:
        doc = docs[claim.document]
        lines.append(f"- *{escape_markdown(source_line(doc))}*: {_quote(doc, claim, 90)}")
    lines.extend(["", escape_markdown(group.explanation), ""])
    if group.confidence is not None:
        lines.extend([f"*{escape_markdown(why_line(group))}*", ""])
    return lines


def render_markdown(report: Report) -> str:
    """The report as Markdown text, byte-stable for the same input."""
    docs = {d.id: d for d in report.documents}
    out = ["# crosscheck report", "", f"**{summary_line(report)}**", ""]
    sections = (
        ("Conflicts", report.conflicts, "✗"),
        ("Possible conflicts", report.possible_conflicts, "?"),
        ("Agreements", report.agreements, "✓"),
    )
    for title, groups, mark in sections:
        out.extend([f"## {title} ({len(groups)})", ""])
        if not groups:
            out.extend(["None.", ""])
        for group in groups:
            out.extend(_group(group, mark, docs))
    single = report.single_source
    out.extend([f"## Single-source ({len(single)})", "", "Only one document says it.", ""])
    current: str | None = None
    for group in single:
        claim = group.claims[0]
        if claim.document != current:
            if current is not None:
                out.append("")
            current = claim.document
            out.extend([f"### {escape_markdown(source_line(docs[current]))}", ""])
        out.append(f"- {_quote(docs[current], claim, 40)} ({group.id})")
    if current is not None:
        out.append("")
    out.extend(["## Documents", ""])
    out.extend(_document_row(doc) for doc in report.documents)
    return "\n".join(out) + "\n"


def _document_row(doc: Document) -> str:
    parts = [f"- **{escape_markdown(doc.id)}**: {escape_markdown(source_line(doc))}"]
    if doc.title:
        parts.append(f"“{escape_markdown(doc.title)}”")
    if doc.url:
        parts.append(f"<{doc.url}>" if _plain_url(doc.url) else escape_markdown(doc.url))
    return " · ".join(parts)


def _plain_url(url: str) -> bool:
    return re.fullmatch(r"https?://[^\s<>]+", url) is not None

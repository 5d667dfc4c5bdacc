"""The Markdown report, for pasting into a newsroom doc or an issue tracker.

Same facts in the same order as the terminal report (`render.sections`): summary, the fact table
(one row per fact, one column per source), then conflicts, possible conflicts, agreements (each with
its quotes: a pasted report is read away from the documents) and (on request) single-source claims.
Every quote names its source and date and shows the claim in bold inside its sentence. Text from the
sources is escaped so that it can never become Markdown or HTML markup: line breaks in it
(a title, a source, an id) become spaces, so that it stays inside its line and cannot start a rule,
a list or a heading, and control characters are written out (``\\x1b``), as in the terminal report.
"""

from __future__ import annotations

import re

from ..model import Claim, Document, Group, Report, Verdict
from ._common import (
    FactTable,
    backing,
    cell_text,
    fact_table,
    group_label,
    origin_line,
    quote_window,
    quoted_claims,
    short_date,
    single_source_line,
    source_line,
    summary_line,
    verdict_mark,
    verdict_text,
    visible,
    why_line,
    why_said,
)
from .sections import sections

__all__ = ["escape_markdown", "render_markdown"]

ALL_HINT = "--all lists them"

_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#|~!])")
# Line breaks, for CommonMark (\n, \r) and for other readers (VT, FF, NEL, U+2028, U+2029).
_BREAK = re.compile(r"\r\n|[\n\r\v\f\x85\u2028\u2029]")


# What GFM renderers (GitHub, GitLab) link with no markup at all, their autolink extension: a URL after
# "scheme://", a "www." name, an e-mail address. Inside one, the dots, colons and the at sign are
# escaped too (``https\://evil\.example``): the extension only sees "www." or "://" written as is,
# and CommonMark shows an escaped punctuation mark as the mark itself, so the reader sees the URL.
_AUTOLINK = re.compile(  # each alternative starts only where a run of its characters starts: linear
    r"(?i)(?:(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*://|(?<![a-z0-9])www\.)[^\s<>]*"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)
_IN_LINK = re.compile(r"([\\`*_\[\]{}<>#|~!.:@])")


def escape_markdown(text: str) -> str:
    """``text`` on one line, with every character Markdown (or inline HTML) could act on backslash-escaped,
    and bare URLs, ``www.`` names and e-mail addresses kept from being autolinked."""
    line = visible(_BREAK.sub(" ", text))
    out: list[str] = []
    done = 0
    for found in _AUTOLINK.finditer(line):
        out.append(_SPECIAL.sub(r"\\\1", line[done : found.start()]))
        out.append(_IN_LINK.sub(r"\\\1", found.group()))
        done = found.end()
    out.append(_SPECIAL.sub(r"\\\1", line[done:]))
    return "".join(out)


def _quote(doc: Document, claim: Claim, window: int) -> str:
    text, start, end = quote_window(doc, claim, window)
    before, value, after = text[:start], text[start:end], text[end:]
    return f"“{escape_markdown(before)}**{escape_markdown(value)}**{escape_markdown(after)}”"


def _group(group: Group, mark: str, docs: dict[str, Document]) -> list[str]:
    lines = [f"### {mark} {escape_markdown(group_label(group))} ({group.id})", "", f"{backing(group)}:", ""]
    for claim in quoted_claims(group):
        doc = docs[claim.document]
        lines.append(f"- *{escape_markdown(source_line(doc))}*: {_quote(doc, claim, 90)}")
    lines.extend(["", escape_markdown(why_said(group)), ""])
    if group.confidence is not None:
        lines.extend([f"*{escape_markdown(why_line(group))}*", ""])
    return lines


def _fact_table(table: FactTable) -> list[str]:
    """The fact table as a Markdown table: fact, verdict, then one column per source, by origin."""
    out = [f"## Facts ({len(table.rows)})", "", "One row per fact, one column per source.", ""]
    if not table.rows:
        out.extend(["No fact is given by two or more documents.", ""])
    else:
        heads = [
            f"{escape_markdown(d.label)} ({short_date(d)}, origin {table.origin_name(d.id)})"
            for d in table.columns
        ]
        out.append("| Fact | Verdict | " + " | ".join(heads) + " |")
        out.append("|---|---|" + "---|" * len(heads))
        for group in table.rows:
            verdict = f"{verdict_mark(group)} {verdict_text(group)}"
            if group.verdict is not Verdict.SINGLE_SOURCE:
                verdict += f" ({backing(group)})"
            cells = [escape_markdown(cell_text(group, d.id)) for d in table.columns]
            topic = escape_markdown(group.topic or group.id)
            out.append(f"| {topic} ({group.id}) | {escape_markdown(verdict)} | " + " | ".join(cells) + " |")
        out.extend(["", escape_markdown(origin_line(table, lambda d: d.label)) + ".", ""])
    out.extend([escape_markdown(single_source_line(table, ALL_HINT)) + ".", ""])
    return out


def render_markdown(report: Report, *, single_source: bool = False) -> str:
    """The report as Markdown text, byte-stable for the same input: the fact table first, then each
    finding with its quotes; single-source claims are counted, and listed only when ``single_source``."""
    docs = {d.id: d for d in report.documents}
    out = ["# crosscheck report", "", f"**{summary_line(report)}**", ""]
    out.extend(_fact_table(fact_table(report, single_source=single_source)))
    *findings, single_section = sections(report)
    for section in findings:
        out.extend([f"## {section.title} ({len(section.groups)})", ""])
        if not section.groups:
            out.extend(["None.", ""])
        for group in section.groups:
            out.extend(_group(group, section.mark, docs))
    single = single_section.groups
    out.extend([f"## {single_section.title} ({len(single)})", ""])
    if single and not single_source:
        out.extend([f"Only one document says each; {ALL_HINT}.", ""])
    else:
        out.extend(["Only one document says it.", ""])
    by_doc: dict[str, list[Group]] = {}
    for group in single:
        by_doc.setdefault(group.claims[0].document, []).append(group)
    for doc_id, own in by_doc.items():
        out.extend([f"### {escape_markdown(source_line(docs[doc_id]))}", ""])
        if not single_source:
            out.extend([f"{len(own)} single-source claim{'s' if len(own) != 1 else ''}.", ""])
            continue
        out.extend(f"- {_quote(docs[doc_id], g.claims[0], 40)} ({g.id})" for g in own)
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

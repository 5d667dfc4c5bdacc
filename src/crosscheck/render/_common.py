"""Helpers every renderer shares: the summary line, a quote's window and its source line."""

from __future__ import annotations

import re

from ..model import Claim, Document, Group, Report

__all__ = [
    "WINDOW",
    "backing",
    "group_label",
    "quote_window",
    "source_line",
    "summary_line",
    "visible",
    "visible_quote",
    "why_line",
]

WINDOW = 90


def summary_line(report: Report) -> str:
    """One line: how many documents, claims, agreements, conflicts and single-source claims."""
    return (
        f"crosscheck · {len(report.documents)} documents · {len(report.claims)} claims · "
        f"{len(report.agreements)} agreements · {len(report.conflicts)} conflicts · "
        f"{len(report.possible_conflicts)} possible conflicts · {len(report.single_source)} single-source"
    )


def quote_window(doc: Document, claim: Claim, window: int = WINDOW) -> tuple[str, int, int]:
    """The claim's sentence cut to ``window`` characters each side of the claim, and the claim's offsets in it."""
    s, e = claim.sentence.start, claim.sentence.end
    start = max(s, claim.span.start - window)
    end = min(e, claim.span.end + window)
    prefix = "…" if start > s else ""
    suffix = "…" if end < e else ""
    body = doc.text[start:end].replace("\n", " ")
    text = prefix + body + suffix
    offset = len(prefix) + claim.span.start - start
    return text, offset, offset + len(claim.text)


# What a terminal (or a log reader) could act on: C0 controls but the tab, DEL, C1 controls, line and
# paragraph separators, and the bidirectional overrides and isolates that reorder what is shown.
_CONTROL = re.compile(
    r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control character written out (ESC as ``\\x1b``, a newline as ``\\x0a``):
    what is printed can show a document's escape sequences, never run them. Only the printed copy
    changes; documents and spans keep their characters."""
    return _CONTROL.sub(_shown, text)


def visible_quote(doc: Document, claim: Claim, window: int = WINDOW) -> tuple[str, int, int]:
    """`quote_window` with `visible` applied, and the claim's offsets in the visible text."""
    text, start, end = quote_window(doc, claim, window)
    before, value, after = visible(text[:start]), visible(text[start:end]), visible(text[end:])
    return before + value + after, len(before), len(before) + len(value)


def source_line(doc: Document) -> str:
    """How a quote names its document: label and date, with "(date inferred)" when it was worked out."""
    date = "date unknown" if doc.published is None else doc.published.isoformat()
    if doc.published is not None and doc.published_inferred:
        date += " (date inferred)"
    return f"{doc.label}, {date}"


def group_label(group: Group) -> str:
    """A group's heading: its topic, prefixed by the conflict type for conflicts."""
    if group.conflict_type is None:
        return group.topic
    return f"{group.conflict_type.value} · {group.topic}"


def why_line(group: Group) -> str:
    """The confidence and the features behind it: "confidence 0.91 · for: both measure deaths; … · against: …"."""
    if group.confidence is None:
        return ""
    pro = [r.detail for r in group.reasons if r.weight > 0]
    con = [r.detail for r in group.reasons if r.weight < 0]
    parts = [f"confidence {group.confidence:.2f}"]
    if pro:
        parts.append("for: " + "; ".join(pro))
    if con:
        parts.append("against: " + "; ".join(con))
    return " · ".join(parts)


def backing(group: Group) -> str:
    """How many documents and independent origins back a group: "2 documents · 1 independent origin"."""
    docs, origins = len(group.documents), group.independent_origins
    return (
        f"{docs} document{'s' if docs != 1 else ''} · "
        f"{origins} independent origin{'s' if origins != 1 else ''}"
    )

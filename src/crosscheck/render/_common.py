"""Helpers every renderer shares: the summary line, a quote's window and its source line."""

from __future__ import annotations

from ..model import Claim, Document, Group, Report

__all__ = [
    "WINDOW",
    "backing",
    "group_label",
    "quote_window",
    "source_line",
    "summary_line",
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

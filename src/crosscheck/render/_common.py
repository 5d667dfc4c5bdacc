"""Helpers every renderer shares: the summary line, a quote's window and its source line."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Claim, DateValue, Document, Group, Report, Verdict
from ..values import describe_date

__all__ = [
    "CELL_CHARS",
    "WINDOW",
    "FactTable",
    "backing",
    "cell_claims",
    "cell_text",
    "claim_value",
    "fact_table",
    "group_label",
    "lead_claims",
    "origin_line",
    "quote_window",
    "quoted_claims",
    "short_date",
    "single_source_line",
    "source_line",
    "summary_line",
    "verdict_mark",
    "verdict_text",
    "visible",
    "visible_quote",
    "why_line",
    "why_said",
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


def why_said(group: Group) -> str:
    """A finding's explanation under its heading, without the words that name the fact again: "AP
    says "more than 2,000 troops" (more than 2,000); Reuters says … ; 1,500 is below …" for "numeric
    conflict on troops sent by China · September 2022: AP says …" (each fact named once; the JSON
    keeps the whole sentence)."""
    marker = f" {group.topic}: "
    at = group.explanation.find(marker) if group.topic else -1
    if at < 0 or at > 60:
        return group.explanation
    return group.explanation[at + len(marker) :]


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


# The fact table: one row per fact (group), one column per source document, documents of one origin
# side by side. Every renderer draws the same table from `fact_table`.

_MARKS = {
    Verdict.CONFLICT: "✗",
    Verdict.POSSIBLE_CONFLICT: "?",
    Verdict.AGREEMENT: "✓",
    Verdict.SINGLE_SOURCE: "·",
}
_VERDICT_WORDS = {
    Verdict.CONFLICT: "conflict",
    Verdict.POSSIBLE_CONFLICT: "possible conflict",
    Verdict.AGREEMENT: "agreement",
    Verdict.SINGLE_SOURCE: "single source",
}
CELL_CHARS = 80


@dataclass(frozen=True, kw_only=True)
class FactTable:
    """The rows and columns of the fact table.

    ``columns`` are the documents that give a value in some row, grouped by origin (``origins``, each
    a tuple of document ids, in the order of their first document); ``rows`` are the groups in report
    order (conflicts, possible conflicts, agreements, then single-source rows when asked for);
    ``single_source`` counts the single-source facts whether listed or not.
    """

    columns: tuple[Document, ...]
    origins: tuple[tuple[str, ...], ...]
    rows: tuple[Group, ...]
    single_source: int
    listed_single: bool

    def origin_name(self, doc_id: str) -> str:
        """The column's origin as a letter: "A" for the first origin, "B" for the next…"""
        for n, origin in enumerate(self.origins):
            if doc_id in origin:
                return _letters(n)
        raise KeyError(doc_id)


def _letters(n: int) -> str:
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def fact_table(report: Report, *, single_source: bool = False) -> FactTable:
    """The fact table of ``report``; single-source rows only when ``single_source`` is true.

    Two documents are in one origin when some group counts them as one (`Group.origins`: shared copy
    or a common quoted source), transitively; every other document is an origin of its own.
    """
    rows = tuple(g for g in report.groups if single_source or g.verdict is not Verdict.SINGLE_SOURCE)
    shown = {c.document for g in rows for c in g.claims}
    parent = {d.id: d.id for d in report.documents}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for group in report.groups:
        for origin in group.origins:
            for other in origin[1:]:
                a, b = find(origin[0]), find(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    members: dict[str, list[str]] = {}
    for doc in sorted(report.documents, key=lambda d: d.id):
        if doc.id in shown:
            members.setdefault(find(doc.id), []).append(doc.id)
    origins = tuple(tuple(ids) for _, ids in sorted(members.items(), key=lambda kv: kv[1][0]))
    by_id = {d.id: d for d in report.documents}
    return FactTable(
        columns=tuple(by_id[i] for origin in origins for i in origin),
        origins=origins,
        rows=rows,
        single_source=len(report.single_source),
        listed_single=single_source,
    )


def lead_claims(group: Group) -> tuple[Claim, ...]:
    """The claims that give a group's value: those of its first claim's kind. A group folded from an
    event and the figure it carries (`verdict.fold_events`) lists the figure's claims first; the
    event's claims stand around them ("China sent more than 2,000 troops")."""
    return group.lead_claims


def quoted_claims(group: Group) -> tuple[Claim, ...]:
    """The claims whose sentences a finding quotes: its lead claims, then any event claim of another
    sentence (one in a lead claim's sentence would repeat the quote)."""
    lead = lead_claims(group)
    sentences = {c.sentence for c in lead}
    return lead + tuple(c for c in group.claims if c.kind != lead[0].kind and c.sentence not in sentences)


def cell_claims(group: Group, doc_id: str) -> tuple[Claim, ...]:
    """The lead claims (`lead_claims`) of ``group`` made by document ``doc_id``, in the group's order."""
    return tuple(c for c in lead_claims(group) if c.document == doc_id)


def claim_value(claim: Claim) -> str:
    """What a cell shows for a claim: its text, with the resolved date where the text is relative
    ("on Wednesday (2022-11-30)")."""
    text = claim.text
    if isinstance(claim.value, DateValue) and claim.value.resolved:
        described = describe_date(claim.value)
        if described.casefold() not in text.casefold():
            text = f"{text} ({described})"
    return text


def cell_text(group: Group, doc_id: str, limit: int = CELL_CHARS) -> str:
    """The value a document gives for a fact: its claims' texts, distinct, joined by "; ", each cut
    to ``limit`` characters; "" when the document says nothing of it."""
    texts = list(dict.fromkeys(claim_value(c) for c in cell_claims(group, doc_id)))
    return "; ".join(t if len(t) <= limit else t[: limit - 1] + "…" for t in texts)


def verdict_mark(group: Group) -> str:
    """✗ conflict, ? possible conflict, ✓ agreement, · single source."""
    return _MARKS[group.verdict]


def verdict_text(group: Group) -> str:
    """The row's verdict in words with its confidence: "conflict (updated) · 0.91", "agreement · 0.72"."""
    words = _VERDICT_WORDS[group.verdict]
    if group.conflict_type is not None:
        words += f" ({group.conflict_type.value})"
    if group.confidence is not None:
        words += f" · {group.confidence:.2f}"
    return words


def single_source_line(table: FactTable, hint: str) -> str:
    """The line that counts single-source facts: "93 single-source claims (one document each); --all lists them"."""
    n = table.single_source
    counted = f"{n} single-source claim{'s' if n != 1 else ''} (one document each)"
    if n == 0:
        return counted
    return f"{counted}: listed in the table" if table.listed_single else f"{counted}; {hint}"


def origin_line(table: FactTable, label: Callable[[Document], str]) -> str:
    """Which columns are one origin: "origin A: Associated Press, 002 (shared copy or one quoted
    source in some fact; each row counts its own)"."""
    by_id = {d.id: d for d in table.columns}
    shared = [
        f"origin {table.origin_name(o[0])}: {', '.join(label(by_id[i]) for i in o)}"
        for o in table.origins
        if len(o) > 1
    ]
    if not shared:
        return "every column is an independent origin"
    line = "; ".join(shared) + " (shared copy or one quoted source in some fact; each row counts its own)"
    if any(len(o) == 1 for o in table.origins):
        line += "; every other column is an origin of its own"
    return line


def short_date(doc: Document) -> str:
    """A column head's date: "2022-12-01", "2022-12-20 (inferred)" or "no date"."""
    if doc.published is None:
        return "no date"
    return doc.published.isoformat() + (" (inferred)" if doc.published_inferred else "")

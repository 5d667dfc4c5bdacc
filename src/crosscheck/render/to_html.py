"""The HTML report: one self-contained file (inline CSS and JS, no network) to open and share.

The page holds the summary; conflicts, agreements and single-source claims, each with its quotes;
and the documents side by side with every claim highlighted where it stands. Clicking a claim or a
group shows the group and its matching spans in the other documents; checkboxes filter by verdict
and by source. Every piece of source text is escaped with `html.escape`; the data for the script is
JSON inside ``<script type="application/json">`` with ``<``, ``>`` and ``&`` written as ``\\u003c``
etc., so no source text can close the script. Same report, same bytes.
"""

from __future__ import annotations

import itertools
import json
import re
from html import escape

from ..model import Claim, Document, Group, Report, Verdict
from ._common import backing, group_label, quote_window, source_line, summary_line, why_line
from ._html_assets import CSS, SCRIPT

__all__ = ["render_html", "script_json"]

_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)
_RANK = {"conflict": 0, "possible_conflict": 1, "agreement": 2, "single_source": 3, "none": 4}
_SECTIONS = (
    (Verdict.CONFLICT, "Conflicts", "✗"),
    (Verdict.POSSIBLE_CONFLICT, "Possible conflicts", "?"),
    (Verdict.AGREEMENT, "Agreements", "✓"),
    (Verdict.SINGLE_SOURCE, "Single-source", "·"),
)


def _e(text: str) -> str:
    return escape(text, quote=True)


def script_json(data: object) -> str:
    """JSON safe inside a ``<script>`` element: ``<``, ``>``, ``&`` and line separators are \\u-escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, code)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


class _Index:
    """Numbers for documents, claims and groups, so attributes never carry raw ids."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.docs = {d.id: d for d in report.documents}
        self.doc_no = {d.id: i for i, d in enumerate(report.documents)}
        self.claim_no = {c.id: i for i, c in enumerate(report.claims)}
        self.group_index = {g.id: i for i, g in enumerate(report.groups)}
        self.group_no: dict[str, int] = {}
        self.group_of: dict[str, Group] = {}
        self.by_doc: dict[str, list[Claim]] = {d.id: [] for d in report.documents}
        for claim in report.claims:
            self.by_doc[claim.document].append(claim)
        for i, group in enumerate(report.groups):
            for claim in group.claims:
                self.group_no.setdefault(claim.id, i)
                self.group_of.setdefault(claim.id, group)

    def data(self) -> dict[str, object]:
        return {
            "documents": [{"id": d.id, "label": d.label} for d in self.report.documents],
            "claims": [
                {
                    "doc": self.doc_no[c.document],
                    "group": self.group_no.get(c.id, -1),
                    "kind": c.kind,
                    "text": c.text,
                }
                for c in self.report.claims
            ],
            "groups": [
                {
                    "id": g.id,
                    "verdict": g.verdict.value,
                    "label": group_label(g),
                    "explanation": g.explanation,
                    "claims": [self.claim_no[c.id] for c in g.claims],
                }
                for g in self.report.groups
            ],
        }


def render_html(report: Report) -> str:
    """The report as one self-contained HTML page, byte-stable for the same input."""
    index = _Index(report)
    title = f"crosscheck report · {len(report.documents)} documents"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        '<header class="top">',
        "<h1>crosscheck report</h1>",
        f'<p class="summary" id="summary">{_e(summary_line(report))}</p>',
        _filters(report, index),
        "</header>",
        '<div class="layout">',
        '<main id="findings" aria-label="findings">',
        *_findings(report, index),
        "</main>",
        '<section id="reading" aria-label="documents">',
        '<div id="selection" aria-live="polite" hidden></div>',
        '<div id="docs">',
        *(_document(doc, index) for doc in report.documents),
        "</div>",
        "</section>",
        "</div>",
        f'<script type="application/json" id="crosscheck-data">{script_json(index.data())}</script>',
        f"<script>{SCRIPT}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _filters(report: Report, index: _Index) -> str:
    counts = {
        Verdict.CONFLICT: len(report.conflicts),
        Verdict.POSSIBLE_CONFLICT: len(report.possible_conflicts),
        Verdict.AGREEMENT: len(report.agreements),
        Verdict.SINGLE_SOURCE: len(report.single_source),
    }
    verdicts = "".join(
        f'<label><input type="checkbox" name="verdict" value="{v.value}" checked> '
        f"{name} ({counts[v]})</label>"
        for v, name, _ in _SECTIONS
    )
    sources = "".join(
        f'<label><input type="checkbox" name="source" value="{index.doc_no[d.id]}" checked> '
        f"{_e(d.label)}</label>"
        for d in report.documents
    )
    return (
        '<div class="filters">'
        f"<fieldset><legend>Verdict</legend>{verdicts}</fieldset>"
        f"<fieldset><legend>Source</legend>{sources}</fieldset>"
        '<span class="legend">Click a claim or a group to see its matching spans.</span>'
        "</div>"
    )


def _findings(report: Report, index: _Index) -> list[str]:
    out: list[str] = []
    for verdict, name, mark in _SECTIONS:
        groups = [g for g in report.groups if g.verdict is verdict]
        out.append(f'<h2 class="v-{verdict.value}">{name} ({len(groups)})</h2>')
        if not groups:
            out.append('<p class="empty">None.</p>')
        out.extend(_group(g, mark, index) for g in groups)
    return out


def _group(group: Group, mark: str, index: _Index) -> str:
    number = index.group_index[group.id]
    docs = " ".join(str(index.doc_no[d]) for d in group.documents)
    single = group.verdict is Verdict.SINGLE_SOURCE
    window = 40 if single else 90
    quotes = "".join(_quote(index.docs[c.document], c, index, window) for c in group.claims)
    head = f'<h3>{mark} {_e(group_label(group))} <span class="gid">{_e(group.id)}</span></h3>'
    if not single:
        head += f'<p class="backing">{_e(backing(group))}</p>'
    why = "" if single else f'<p class="why">{_e(group.explanation)}</p>'
    if group.confidence is not None:
        why += f'<p class="confidence">{_e(why_line(group))}</p>'
    return (
        f'<article class="group v-{group.verdict.value}" id="group-{number}" '
        f'data-group="{number}" data-docs="{docs}">{head}{quotes}{why}</article>'
    )


def _quote(doc: Document, claim: Claim, index: _Index, window: int) -> str:
    text, start, end = quote_window(doc, claim, window)
    return (
        f'<p class="quote" data-claim="{index.claim_no[claim.id]}" data-doc="{index.doc_no[doc.id]}">'
        f"<cite>{_e(source_line(doc))}</cite>"
        f"<q>{_e(text[:start])}<b>{_e(text[start:end])}</b>{_e(text[end:])}</q></p>"
    )


def _document(doc: Document, index: _Index) -> str:
    meta = [_e(source_line(doc)), f"id {_e(doc.id)}"]
    if doc.title:
        meta.append(f"“{_e(doc.title)}”")
    if doc.url:
        url = _e(doc.url)
        meta.append(f'<a href="{url}" rel="noreferrer">{url}</a>' if _web_url(doc.url) else url)
    claims = index.by_doc[doc.id]
    return (
        f'<article class="doc" id="doc-{index.doc_no[doc.id]}" data-doc="{index.doc_no[doc.id]}">'
        f'<header><h3>{_e(doc.label)}</h3><p class="meta">{" · ".join(meta)}</p></header>'
        f'<div class="text">{_highlight(doc, claims, index)}</div></article>'
    )


def _highlight(doc: Document, claims: list[Claim], index: _Index) -> str:
    """The document's text, escaped, with each stretch covered by claims wrapped in one ``<mark>``.

    Overlapping claims split the text at every span boundary; a stretch names all claims covering it.
    """
    cuts = sorted({0, len(doc.text)} | {c.span.start for c in claims} | {c.span.end for c in claims})
    out: list[str] = []
    for start, end in itertools.pairwise(cuts):
        piece = _e(doc.text[start:end])
        covering = [c for c in claims if c.span.start <= start and end <= c.span.end]
        if not covering:
            out.append(piece)
            continue
        covering.sort(key=lambda c: (_RANK[_verdict(c, index)], c.span.start, c.id))
        numbers = " ".join(str(index.claim_no[c.id]) for c in covering)
        verdict = _verdict(covering[0], index)
        kind = covering[0].kind
        out.append(f'<mark class="claim v-{verdict} k-{kind}" data-claims="{numbers}">{piece}</mark>')
    return "".join(out)


def _verdict(claim: Claim, index: _Index) -> str:
    """The verdict of the claim's group, or "none" for a claim whose group a filter hid."""
    group = index.group_of.get(claim.id)
    return "none" if group is None else group.verdict.value


def _web_url(url: str) -> bool:
    return re.fullmatch(r"https?://\S+", url) is not None

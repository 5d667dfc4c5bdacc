"""The HTML report: one self-contained file (inline CSS and JS, no network) to open and share.

The page holds the summary, which documents share copy, a legend of the colours, the fact table;
conflicts, agreements and single-source claims, each with its quotes and a link (``#g0001``, which
selects the finding when the page is opened with it); and the documents side by side with every claim
highlighted where it stands (below 700 pixels one column, the documents as tabs). Clicking a claim or
a group, or Enter on it (claims, findings and fact-table rows are in the Tab order), shows the group
and its matching spans in the other documents; Esc clears; checkboxes filter by verdict and by source. Every piece of source text is escaped with `html.escape`; the data for the script is
JSON inside ``<script type="application/json">`` with ``<``, ``>`` and ``&`` written as ``\\u003c``
etc., so no source text can close the script. Same report, same bytes.
"""

from __future__ import annotations

import json
import re

from ..kinds import kind_of
from ..model import Claim, Document, Group, Report, Verdict
from ._common import (
    FactTable,
    backing,
    cell_claims,
    claim_value,
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
    why_line,
    why_said,
)
from ._html_assets import CSS, SCRIPT
from .highlight import RANK, Index, highlight
from .highlight import html_text as _e
from .sections import sections
from .timeline import timeline

__all__ = ["render_html", "script_json", "timeline"]

_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


def script_json(data: object) -> str:
    """JSON safe inside a ``<script>`` element: ``<``, ``>``, ``&`` and line separators are \\u-escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, code)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def render_html(report: Report, *, single_source: bool = False) -> str:
    """The report as one self-contained HTML page, byte-stable for the same input: the fact table
    (single-source rows only when ``single_source``) above the findings and the documents."""
    index = Index(report)
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
        '<div class="title"><h1>crosscheck report</h1>',
        f'<p class="summary" id="summary">{_e(summary_line(report))}</p></div>',
        _shared_copy(report, index),
        _legend(),
        _filters(report, index),
        "</header>",
        *_fact_matrix(fact_table(report, single_source=single_source), index),
        '<div class="layout">',
        '<main id="findings" aria-label="findings">',
        *_findings(report, index),
        "</main>",
        '<section id="reading" aria-label="documents">',
        '<div id="selection" aria-live="polite" hidden></div>',
        _doc_tabs(report, index),
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


def _filters(report: Report, index: Index) -> str:
    verdicts = "".join(
        f'<label><input type="checkbox" name="verdict" value="{section.key}" checked> '
        f"{section.title} ({len(section.groups)})</label>"
        for section in sections(report)
    )
    sources = "".join(
        f'<label><input type="checkbox" name="source" value="{index.doc_no[d.id]}" checked> '
        f"{_e(d.label)}</label>"
        for d in report.documents
    )
    return (
        # Open: the script folds it on a narrow screen, where its summary line shows.
        '<details class="filter-box" id="filter-box" open><summary>Filter by verdict and source</summary>'
        '<div class="filters">'
        f"<fieldset><legend>Verdict</legend>{verdicts}</fieldset>"
        f"<fieldset><legend>Source</legend>{sources}</fieldset>"
        "</div></details>"
    )


def _shared_copy(report: Report, index: Index) -> str:
    """Which documents carry the same copy (`Report.shared_passages`): the first thing to know before
    counting documents that agree."""
    if not report.shared_passages:
        return (
            '<p class="shared" id="shared-copy"><strong>Shared copy:</strong> '
            "no two documents share copied or rewritten sentences.</p>"
        )
    pairs = "".join(
        f"<li>{_e(index.docs[a].label)} and {_e(index.docs[b].label)} share {n} copied or rewritten "
        f"sentence{'s' if n != 1 else ''}</li>"
        for a, b, n in report.shared_passages
    )
    return (
        f'<div class="shared" id="shared-copy"><strong>Shared copy:</strong><ul>{pairs}</ul>'
        '<span class="hint"> (where both back a fact, they count as one origin)</span></div>'
    )


_LEGEND = (
    ("conflict", "conflict", "values that cannot both hold"),
    ("possible_conflict", "possible conflict", "a conflict, if they speak of one thing"),
    ("agreement", "agreement", "backed by two or more documents"),
    ("single_source", "single-source", "one document only"),
)


def _legend() -> str:
    """What the colours and underlines of the claims and cards mean, and how to select one."""
    items = "".join(
        f'<li><span class="swatch v-{key}">{name}</span> {_e(meaning)}</li>' for key, name, meaning in _LEGEND
    )
    return (
        f'<div class="keys"><ul class="legend" aria-label="legend">{items}</ul>'
        '<span class="hint">Click a claim or a group, or Tab to it and press Enter, to see its matching '
        "spans; Esc clears.</span></div>"
    )


def _doc_tabs(report: Report, index: Index) -> str:
    """The documents as tabs: shown on a narrow screen, where one document is read at a time (the
    script makes each document a ``tabpanel`` there, and a plain article beside the others on a wide
    screen)."""
    tabs = "".join(
        f'<button type="button" role="tab" id="tab-{index.doc_no[d.id]}" aria-controls="doc-{index.doc_no[d.id]}" '
        f'aria-selected="{"true" if n == 0 else "false"}" tabindex="{0 if n == 0 else -1}">{_e(d.label)}</button>'
        for n, d in enumerate(report.documents)
    )
    return f'<div class="doc-tabs" role="tablist" aria-label="documents">{tabs}</div>'


def _findings(report: Report, index: Index) -> list[str]:
    out: list[str] = []
    for section in sections(report):
        out.append(f'<h2 class="v-{section.key}">{section.title} ({len(section.groups)})</h2>')
        if not section.groups:
            out.append('<p class="empty">None.</p>')
        out.extend(_group(g, section.mark, index) for g in section.groups)
    return out


def _group(group: Group, mark: str, index: Index) -> str:
    number = index.group_index[group.id]
    docs = " ".join(str(index.doc_no[d]) for d in group.documents)
    single = group.verdict is Verdict.SINGLE_SOURCE
    window = 40 if single else 90
    quotes = "".join(_quote(index.docs[c.document], c, index, window) for c in quoted_claims(group))
    quotes += timeline(group, index.docs)
    gid = _e(group.id)
    head = (
        f'<h3 id="{gid}">{mark} {_e(group_label(group))} '
        f'<a class="permalink" href="#{gid}" title="link to this finding"><span class="gid">{gid}</span></a></h3>'
    )
    if not single:
        head += f'<p class="backing">{_e(backing(group))}</p>'
    why = "" if single else f'<p class="why">{_e(why_said(group))}</p>'
    if group.confidence is not None:
        why += f'<p class="confidence">{_e(why_line(group))}</p>'
    return (
        f'<article class="group v-{group.verdict.value}" id="group-{number}" '
        f'data-group="{number}" data-docs="{docs}" tabindex="0">{head}{quotes}{why}</article>'
    )


def _quote(doc: Document, claim: Claim, index: Index, window: int) -> str:
    text, start, end = quote_window(doc, claim, window)
    return (
        f'<p class="quote" data-claim="{index.claim_no[claim.id]}" data-doc="{index.doc_no[doc.id]}">'
        f"<cite>{_e(source_line(doc))}</cite>"
        f"<q>{_e(text[:start])}<b>{_e(text[start:end])}</b>{_e(text[end:])}</q></p>"
    )


def _document(doc: Document, index: Index) -> str:
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
        f'<div class="text">{highlight(doc, claims, index)}</div></article>'
    )


def _web_url(url: str) -> bool:
    return re.fullmatch(r"https?://\S+", url) is not None


def _fact_matrix(table: FactTable, index: Index) -> list[str]:
    """The fact table: one row per fact, one column per source (grouped by origin), each cell linking
    to its claims' spans in the documents; column heads are buttons that sort the rows."""
    out = [
        '<section id="facts" aria-label="fact table"><details open>',
        f"<summary><h2>Facts ({len(table.rows)})</h2> <small>one row per fact, one column per source; "
        "click a column head to sort, a value to see it in its document</small></summary>",
    ]
    if not table.rows:
        out.append('<p class="empty">No fact is given by two or more documents.</p>')
    else:
        origins = "".join(
            f'<th scope="colgroup" colspan="{len(o)}">origin {table.origin_name(o[0])}</th>'
            for o in table.origins
        )
        heads = "".join(
            f'<th scope="col" aria-sort="none"><button type="button" data-col="{n + 2}">'
            f'{_e(d.label)}<span class="date">{_e(short_date(d))}</span></button></th>'
            for n, d in enumerate(table.columns)
        )
        out.extend(
            [
                '<div class="facts-scroll"><table class="facts" id="fact-table">',
                f'<thead><tr class="origins"><td colspan="2"></td>{origins}</tr>',
                '<tr><th scope="col" aria-sort="none"><button type="button" data-col="0">Fact</button></th>'
                '<th scope="col" aria-sort="none"><button type="button" data-col="1">Verdict</button></th>'
                f"{heads}</tr></thead>",
                "<tbody>",
                *(_fact_row(row, group, table, index) for row, group in enumerate(table.rows)),
                "</tbody></table></div>",
                f'<p class="origin-line">{_e(origin_line(table, lambda d: d.label))}</p>',
            ]
        )
    out.extend(
        [
            f'<p class="single-line">{_e(single_source_line(table, "--all lists them"))}</p>',
            "</details></section>",
        ]
    )
    return out


def _fact_row(row: int, group: Group, table: FactTable, index: Index) -> str:
    number = index.group_index[group.id]
    confidence = 0 if group.confidence is None else round(group.confidence * 1000)
    verdict_key = f"{RANK[group.verdict.value]}-{1000 - confidence:04d}-{row:05d}"
    backing_text = (
        "" if group.verdict is Verdict.SINGLE_SOURCE else f'<span class="backing">{_e(backing(group))}</span>'
    )
    cells = []
    for doc in table.columns:
        claims = cell_claims(group, doc.id)
        if not claims:
            cells.append('<td class="none" data-key=""></td>')
            continue
        links = "; ".join(
            f'<a href="#claim-{index.claim_no[c.id]}" data-claim="{index.claim_no[c.id]}">{_e(claim_value(c))}</a>'
            for c in claims
        )
        cells.append(f'<td data-key="{_e(_sort_key(claims[0]))}">{links}</td>')
    docs = " ".join(str(index.doc_no[d]) for d in group.documents)
    return (
        f'<tr class="fact v-{group.verdict.value}" data-row="{row}" data-group="{number}" data-docs="{docs}" tabindex="0">'
        f'<th scope="row" data-key="{_e((group.topic or group.id).casefold())}">'
        f'<a href="#{_e(group.id)}" data-group="{number}">{_e(group.topic or group.id)}</a> '
        f'<span class="gid">{_e(group.id)}</span></th>'
        f'<td class="verdict" data-key="{verdict_key}">{verdict_mark(group)} {_e(verdict_text(group))}{backing_text}</td>'
        f"{''.join(cells)}</tr>"
    )


def _sort_key(claim: Claim) -> str:
    """How a cell sorts: as its kind says (a quantity by its amount, a date by its first day, an
    event by its text: `kinds.Kind.sort_key`)."""
    return kind_of(claim.kind).sort_key(claim)

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

import itertools
import json
import re
from collections.abc import Callable
from decimal import Decimal
from html import escape

from ..model import Claim, DateValue, Document, Group, Quantity, Report, Verdict
from ..numbers import UNIT_DIMENSIONS
from ._common import (
    FactTable,
    backing,
    cell_claims,
    claim_value,
    fact_table,
    group_label,
    lead_claims,
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
from .sections import sections

__all__ = ["render_html", "script_json", "timeline"]

_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)
_RANK = {"conflict": 0, "possible_conflict": 1, "agreement": 2, "single_source": 3, "none": 4}


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


def render_html(report: Report, *, single_source: bool = False) -> str:
    """The report as one self-contained HTML page, byte-stable for the same input: the fact table
    (single-source rows only when ``single_source``) above the findings and the documents."""
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


def _filters(report: Report, index: _Index) -> str:
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


def _shared_copy(report: Report, index: _Index) -> str:
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


def _doc_tabs(report: Report, index: _Index) -> str:
    """The documents as tabs: shown on a narrow screen, where one document is read at a time (the
    script makes each document a ``tabpanel`` there, and a plain article beside the others on a wide
    screen)."""
    tabs = "".join(
        f'<button type="button" role="tab" id="tab-{index.doc_no[d.id]}" aria-controls="doc-{index.doc_no[d.id]}" '
        f'aria-selected="{"true" if n == 0 else "false"}" tabindex="{0 if n == 0 else -1}">{_e(d.label)}</button>'
        for n, d in enumerate(report.documents)
    )
    return f'<div class="doc-tabs" role="tablist" aria-label="documents">{tabs}</div>'


def _findings(report: Report, index: _Index) -> list[str]:
    out: list[str] = []
    for section in sections(report):
        out.append(f'<h2 class="v-{section.key}">{section.title} ({len(section.groups)})</h2>')
        if not section.groups:
            out.append('<p class="empty">None.</p>')
        out.extend(_group(g, section.mark, index) for g in section.groups)
    return out


def _group(group: Group, mark: str, index: _Index) -> str:
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
    # One sweep over the cuts: the claims covering a piece are those open at its start (every span
    # boundary is a cut, so a claim open at a piece's start covers all of it). Scanning every claim
    # for every piece made a document of 10,000 claims take 16 s to render.
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for k, c in enumerate(claims):
        if c.span.start < c.span.end:
            opening.setdefault(c.span.start, []).append(k)
            closing.setdefault(c.span.end, []).append(k)
    open_now: dict[int, Claim] = {}
    out: list[str] = []
    for start, end in itertools.pairwise(cuts):
        for k in closing.get(start, ()):
            del open_now[k]
        for k in opening.get(start, ()):
            open_now[k] = claims[k]
        piece = _e(doc.text[start:end])
        covering = list(open_now.values())
        if not covering:
            out.append(piece)
            continue
        covering.sort(key=lambda c: (_RANK[_verdict(c, index)], c.span.start, c.id))
        numbers = " ".join(str(index.claim_no[c.id]) for c in covering)
        verdict = _verdict(covering[0], index)
        kind = covering[0].kind
        # Each claim's first piece carries its anchor, ``claim-N``, for the fact table's links.
        starting = sorted(index.claim_no[c.id] for c in covering if c.span.start == start)
        anchor = f' id="claim-{starting[0]}"' if starting else ""
        out.extend(f'<span class="anchor" id="claim-{n}"></span>' for n in starting[1:])
        focus = "" if verdict == "none" else ' tabindex="0"'
        out.append(
            f'<mark class="claim v-{verdict} k-{kind}"{anchor} data-claims="{numbers}"{focus}>{piece}</mark>'
        )
    return "".join(out)


def _verdict(claim: Claim, index: _Index) -> str:
    """The verdict of the claim's group, or "none" for a claim whose group a filter hid."""
    group = index.group_of.get(claim.id)
    return "none" if group is None else group.verdict.value


def _web_url(url: str) -> bool:
    return re.fullmatch(r"https?://\S+", url) is not None


def _fact_matrix(table: FactTable, index: _Index) -> list[str]:
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


def _fact_row(row: int, group: Group, table: FactTable, index: _Index) -> str:
    number = index.group_index[group.id]
    confidence = 0 if group.confidence is None else round(group.confidence * 1000)
    verdict_key = f"{_RANK[group.verdict.value]}-{1000 - confidence:04d}-{row:05d}"
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
    """How a cell sorts: a quantity by its amount, a date by its first day, anything else by its text."""
    value = claim.value
    if isinstance(value, Quantity):
        return format(value.amount.normalize(), "f")
    if isinstance(value, DateValue) and value.earliest is not None:
        return value.earliest.isoformat()
    return claim.text.casefold()


# The timeline: a fact's figures (y) against the publication dates of their documents (x).
_SVG_W, _SVG_H = 360, 160
_LEFT, _RIGHT, _TOP, _BOTTOM = 62, 70, 14, 30
_INSET = 14
_BOUND_MARKS = {"more_than": "> ", "at_least": "≥ ", "approx": "~", "at_most": "≤ ", "less_than": "< "}


def _figure(q: Quantity) -> tuple[Decimal, Decimal | None, Decimal | None, str]:
    """A quantity in its dimension's base unit: (amount, low, high) and the unit's name."""
    found = UNIT_DIMENSIONS.get(q.unit or "")
    name, size = found if found is not None else (q.unit or "", Decimal(1))
    low, high = q.interval.low, q.interval.high
    return (
        q.amount * size,
        None if low is None else low * size,
        None if high is None else high * size,
        name,
    )


def _number(value: Decimal) -> str:
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def _value_label(q: Quantity) -> str:
    """A point's label: "2", "> 2,000", "~1,500", "40–50 km", "6th"."""
    if q.ordinal:
        return f"#{int(q.amount)}"
    unit = f" {q.unit}" if q.unit else ""
    if q.bound == "range" and q.interval.low is not None and q.interval.high is not None:
        return f"{_number(q.interval.low)}–{_number(q.interval.high)}{unit}"
    return f"{_BOUND_MARKS.get(q.bound, '')}{_number(q.amount)}{unit}"


def timeline(group: Group, docs: dict[str, Document]) -> str:
    """A small inline SVG of a fact's figures against their documents' publication dates, for a group
    of two or more documents whose quantities differ ("2 dead" on 3 March, "3 dead" on 4 March);
    "" for any other group. Documents without a date are listed beside the plot, not plotted. Same
    group, same bytes."""
    if group.verdict is Verdict.SINGLE_SOURCE or len(group.documents) < 2:
        return ""
    claims = lead_claims(group)  # the figures, not the events that carry them
    quantities = [c.value for c in claims if isinstance(c.value, Quantity)]
    if len(quantities) != len(claims) or len({_value_label(q) for q in quantities}) < 2:
        return ""
    figures = [_figure(q) for q in quantities]
    if len({f[3] for f in figures}) != 1:
        return ""  # units of different dimensions: no common axis
    dated = [
        (c, docs[c.document], f)
        for c, f in zip(claims, figures, strict=True)
        if docs[c.document].published is not None
    ]
    undated = [(c, docs[c.document]) for c in claims if docs[c.document].published is None]
    if len({d.id for _, d, _ in dated}) < 2:
        return ""
    days = [d.published.toordinal() for _, d, _ in dated if d.published is not None]
    ys = [v for _, _, f in dated for v in (f[0], f[1], f[2]) if v is not None]
    x0, x1 = min(days), max(days)
    y0, y1 = min(ys), max(ys)
    if y0 == y1:
        y0, y1 = y0 - 1, y1 + 1
    pad = (y1 - y0) / 10
    y0, y1 = y0 - pad, y1 + pad
    width, height = _SVG_W - _LEFT - _RIGHT, _SVG_H - _TOP - _BOTTOM

    def x_of(day: int) -> float:
        inner = width - 2 * _INSET  # points stay off the axes
        return _LEFT + _INSET + (inner / 2 if x0 == x1 else (day - x0) * inner / (x1 - x0))

    def y_of(value: Decimal) -> float:
        return _TOP + float((y1 - value) / (y1 - y0)) * height

    unit = figures[0][3]
    ordered = sorted(dated, key=lambda p: (_day(p), p[2][0], p[0].id))
    described = "; ".join(
        f"{d.label}, {short_date(d)}: {_value_label(c.value)}"
        for c, d, _ in ordered
        if isinstance(c.value, Quantity)
    )
    title = f"How the figure for {group.topic or group.id} changed by publication date"
    label = f"{title}{' (' + unit + ')' if unit else ''}: {described}"
    parts = [
        f'<svg class="timeline" role="img" width="{_SVG_W}" height="{_SVG_H}" viewBox="0 0 {_SVG_W} {_SVG_H}" '
        f'aria-label="{_e(label)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{_e(label)}</title>",
        f'<line class="axis" x1="{_LEFT}" y1="{_TOP + height}" x2="{_LEFT + width}" y2="{_TOP + height}"/>',
        f'<line class="axis" x1="{_LEFT}" y1="{_TOP}" x2="{_LEFT}" y2="{_TOP + height}"/>',
    ]
    suffix = f" {unit}" if unit and len({q.unit for q in quantities}) > 1 else ""
    low_label, high_label = _number(min(ys)) + suffix, _number(max(ys)) + suffix
    parts.append(
        f'<text class="tick" x="{_LEFT - 6}" y="{y_of(max(ys)) + 4:.1f}" text-anchor="end">{high_label}</text>'
    )
    if low_label != high_label:
        parts.append(
            f'<text class="tick" x="{_LEFT - 6}" y="{y_of(min(ys)) + 4:.1f}" text-anchor="end">{low_label}</text>'
        )
    first, last = (d.published for _, d, _ in (min(dated, key=_day), max(dated, key=_day)))
    assert first is not None and last is not None
    parts.append(
        f'<text class="tick" x="{x_of(x0):.1f}" y="{_SVG_H - 10}" text-anchor="{"middle" if x0 == x1 else "start"}">{first.isoformat()}</text>'
    )
    if x1 != x0:
        parts.append(
            f'<text class="tick" x="{x_of(x1):.1f}" y="{_SVG_H - 10}" text-anchor="end">{last.isoformat()}</text>'
        )
    if len({_day(p) for p in ordered}) > 1:
        path = " ".join(f"{x_of(_day(p)):.1f},{y_of(p[2][0]):.1f}" for p in ordered)
        parts.append(f'<polyline class="trend" points="{path}"/>')
    for point in ordered:
        claim, doc, (amount, low, high, _) = point
        assert isinstance(claim.value, Quantity)
        x, y = x_of(_day(point)), y_of(amount)
        hollow = " inferred" if doc.published_inferred else ""
        tip = f"{source_line(doc)}: {claim.text} ({_value_label(claim.value)})"
        shape = _shape(claim.value.bound, x, y, low, high, y_of)
        parts.append(
            f'<g class="point{hollow}"><title>{_e(tip)}</title>{shape}'
            f'<text class="value" x="{x + 8:.1f}" y="{y + 4:.1f}">{_e(_value_label(claim.value))}</text></g>'
        )
    parts.append("</svg>")
    aside = ""
    if undated:
        items = "".join(f"<li>{_e(d.label)}: {_e(c.text)}</li>" for c, d in undated)
        aside = f'<div class="undated"><p>Not plotted (no publication date):</p><ul>{items}</ul></div>'
    keys = ["each source's figure by its publication date"]
    bounds = {q.bound for q in quantities}
    if bounds & {"more_than", "at_least"}:
        keys.append("▲ a lower bound (more than, at least)")
    if bounds & {"at_most", "less_than"}:
        keys.append("▼ an upper bound")
    if "range" in bounds:
        keys.append("a bar: a stated range")
    if any(d.published_inferred for _, d, _ in dated):
        keys.append("hollow: date inferred")
    caption = f"<figcaption>{_e('; '.join(keys))}</figcaption>"
    return f'<figure class="timeline-figure">{"".join(parts)}{aside}{caption}</figure>'


def _day(point: tuple[Claim, Document, tuple[Decimal, Decimal | None, Decimal | None, str]]) -> int:
    published = point[1].published
    assert published is not None
    return published.toordinal()


def _shape(
    bound: str,
    x: float,
    y: float,
    low: Decimal | None,
    high: Decimal | None,
    y_of: Callable[[Decimal], float],
) -> str:
    """A point's mark: a dot for a figure, a triangle pointing up for a lower bound ("more than"),
    down for an upper bound, a bar from low to high for a stated range."""
    if bound in ("more_than", "at_least"):
        return f'<path class="mark" d="M{x:.1f},{y - 6:.1f} L{x + 5.5:.1f},{y + 4:.1f} L{x - 5.5:.1f},{y + 4:.1f} Z"/>'
    if bound in ("at_most", "less_than"):
        return f'<path class="mark" d="M{x:.1f},{y + 6:.1f} L{x + 5.5:.1f},{y - 4:.1f} L{x - 5.5:.1f},{y - 4:.1f} Z"/>'
    dot = f'<circle class="mark" cx="{x:.1f}" cy="{y:.1f}" r="4.5"/>'
    if bound == "range" and low is not None and high is not None:
        return (
            f'<line class="range" x1="{x:.1f}" y1="{y_of(low):.1f}" x2="{x:.1f}" y2="{y_of(high):.1f}"/>'
            + dot
        )
    return dot

"""The HTML report's timeline: a small inline SVG of a fact's figures (y) against the publication
dates of their documents (x) (`crosscheck.render.to_html`)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from ..model import Claim, Document, Group, Quantity, Verdict
from ..numbers import UNIT_DIMENSIONS
from ._common import lead_claims, short_date, source_line
from .highlight import html_text as _e

__all__ = ["timeline"]

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

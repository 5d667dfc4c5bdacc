"""A figure's timeline (issue 13 item 2): each source's figure against its publication date, as SVG."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import crosscheck
from crosscheck import Report
from crosscheck.model import About, Bound, Claim, Group, Interval, Quantity, Span, Verdict
from crosscheck.render import render
from crosscheck.render.to_html import timeline

from .conftest import make_doc
from .test_fact_table import BRIDGE

SVG = "{http://www.w3.org/2000/svg}"


def _deaths(report: Report) -> Group:
    return next(
        g for g in report.groups if {c.text.casefold() for c in g.claims} >= {"two people", "three people"}
    )


def _svg(figure: str) -> ET.Element:
    match = re.search(r"<svg .*</svg>", figure)
    assert match is not None, figure
    return ET.fromstring(match.group())


def _points(svg: ET.Element) -> list[tuple[float, float, str]]:
    """(x, y, value label) of every plotted point."""
    out = []
    for g in svg.iter(f"{SVG}g"):
        if "point" not in (g.get("class") or ""):
            continue
        text = g.find(f"{SVG}text")
        assert text is not None and text.text
        out.append((float(text.get("x") or 0) - 8, float(text.get("y") or 0) - 4, text.text))
    return out


def test_a_toll_that_grew_reads_as_rising() -> None:
    """ "Two people" on 3 March, "three people" on 4 March: two points, the later one to the right and
    higher; the undated wire is listed beside the plot, not plotted."""
    report = crosscheck.check(BRIDGE)
    docs = {d.id: d for d in report.documents}
    figure = timeline(_deaths(report), docs)
    svg = _svg(figure)
    assert svg.get("role") == "img"
    label = svg.get("aria-label") or ""
    assert "Riverton Gazette, 2025-03-03: 2" in label and "Valley News, 2025-03-04: 3" in label
    assert "County Wire" not in label
    title = svg.find(f"{SVG}title")
    assert title is not None and title.text == label
    points = _points(svg)
    assert [p[2] for p in points] == ["2", "3"]
    (x2, y2, _), (x3, y3, _) = points
    assert x3 > x2 and y3 < y2  # later and higher: the toll grew
    ticks = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "tick"]
    assert {"2025-03-03", "2025-03-04"} <= set(ticks)
    aside = figure[figure.index("</svg>") :]
    assert "Not plotted (no publication date)" in aside and "County Wire: Three people" in aside
    assert "<figcaption>each source&#x27;s figure by its publication date</figcaption>" in aside


def test_the_svg_is_the_same_bytes_every_run() -> None:
    first = crosscheck.check(BRIDGE)
    again = crosscheck.check(tuple(reversed(BRIDGE)))
    a = timeline(_deaths(first), {d.id: d for d in first.documents})
    b = timeline(_deaths(again), {d.id: d for d in again.documents})
    assert a == b and a


def test_the_html_report_carries_the_figure_in_its_finding() -> None:
    """The deaths finding's card holds the SVG; the page stays valid for an XML reader of the SVG."""
    report = crosscheck.check(BRIDGE)
    html = render(report, "html")
    group = _deaths(report)
    number = report.groups.index(group)
    card = html[html.index(f'id="group-{number}"') :]
    card = card[: card.index("</article>")]
    assert '<svg class="timeline" role="img"' in card
    assert html.count('<svg class="timeline"') == sum(
        1 for g in report.groups if timeline(g, {d.id: d for d in report.documents})
    )


def _claim(doc: str, text: str, amount: int, bound: Bound = "exact") -> Claim:
    low = Decimal(amount)
    interval = Interval(low=low, high=None if bound == "more_than" else low, low_closed=bound != "more_than")
    return Claim(
        id=f"{doc}:0-{len(text)}",
        document=doc,
        kind="quantity",
        span=Span(doc, 0, len(text)),
        text=text,
        sentence=Span(doc, 0, len(text)),
        value=Quantity(amount=low, bound=bound, interval=interval),
        about=About(thing="troops"),
    )


def _group(verdict: Verdict, *claims: Claim) -> Group:
    return Group(id="g0001", verdict=verdict, claims=claims, explanation="", topic="troops")


def test_which_facts_get_a_timeline() -> None:
    """Differing figures from two dated documents: yes, whatever the verdict but single-source (an
    agreement of "more than 2,000" and "2,100" too); the same figure, one dated document, or no figure:
    no."""
    docs = {
        "a": make_doc("a", "more than 2,000 troops", "2022-12-01", "A"),
        "b": make_doc("b", "2,100 troops", "2022-12-05", "B"),
        "c": make_doc("c", "2,100 troops", None, "C"),
    }
    a, b, c = (
        _claim("a", "more than 2,000 troops", 2000, "more_than"),
        _claim("b", "2,100 troops", 2100),
        _claim("c", "2,100 troops", 2100),
    )
    agreement = timeline(_group(Verdict.AGREEMENT, a, b), docs)
    svg = _svg(agreement)
    shapes = [el.tag.removeprefix(SVG) for g in svg.iter(f"{SVG}g") for el in g if el.tag != f"{SVG}title"]
    assert shapes == ["path", "text", "circle", "text"]  # a lower bound is a triangle, a figure a dot
    assert [p[2] for p in _points(svg)] == ["> 2,000", "2,100"]
    assert "▲ a lower bound (more than, at least)" in agreement and "hollow" not in agreement
    assert timeline(_group(Verdict.CONFLICT, a, b), docs)
    assert timeline(_group(Verdict.AGREEMENT, b, _claim("a", "2,100 troops", 2100)), docs) == ""
    assert timeline(_group(Verdict.POSSIBLE_CONFLICT, a, c), docs) == ""  # one dated document
    assert timeline(_group(Verdict.SINGLE_SOURCE, a), docs) == ""

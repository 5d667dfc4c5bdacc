"""The Markdown and HTML reports, and the JSON contract's schema: same facts, safe text, same bytes."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, get_args

import jsonschema
import pytest

import crosscheck
from crosscheck import ConfigError, Document, Report
from crosscheck.model import Bound, ClaimKind, ConflictType, Granularity, Verdict
from crosscheck.render import FORMATS, render, render_chunks
from crosscheck.render.to_html import script_json

from .conftest import ROOT, SEEDS, make_doc

SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
HOSTILE = '</script><script>alert("x")</script> <b>bold</b> *star* _under_ [link](http://e.test) & co'


def write_conflict_seeds(tmp_path: Path) -> Path:
    """A copy of the seeds where 002 says "1,500 soldiers" instead of "more than 2,000": one conflict."""
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    path = folder / "002_802931a856429f27.txt"
    text = path.read_text(encoding="utf-8")
    assert "more than 2,000 soldiers" in text
    path.write_text(text.replace("more than 2,000 soldiers", "1,500 soldiers"), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def conflict_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    report = crosscheck.check(crosscheck.load_documents(write_conflict_seeds(tmp_path_factory.mktemp("c"))))
    assert len(report.conflicts) == 1, "the edited seeds must produce one conflict"
    return report


def _hostile_report() -> Report:
    """Two documents whose text and metadata carry markup, agreeing on a number."""
    text = f"Officials said 12 warships joined the drills on Sunday {HOSTILE}.\n"
    docs = [
        make_doc("a<1>", text, source='Outlet "<A>" & Co'),
        make_doc("b&2", "Officials said 12 warships joined the drills on Sunday.\n", source="<img src=x>"),
    ]
    return crosscheck.check(docs)


def test_every_format_is_registered() -> None:
    """`render` knows html, json, markdown and terminal, and refuses anything else."""
    assert set(FORMATS) == {"html", "json", "markdown", "terminal"}
    with pytest.raises(ConfigError, match="unknown format 'pdf'"):
        render(crosscheck.check([make_doc("a", "One ship.")]), "pdf")


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_same_report_same_bytes(conflict_report: Report, fmt: str) -> None:
    """Rendering twice, or from a fresh run, gives identical bytes."""
    again = crosscheck.check(conflict_report.documents)
    assert render(conflict_report, fmt) == render(conflict_report, fmt) == render(again, fmt)


def test_markdown_lists_summary_then_conflicts_agreements_single_source(conflict_report: Report) -> None:
    """Markdown follows the report order, with each quote's source, date and bold value."""
    md = render(conflict_report, "markdown")
    assert md.startswith("# crosscheck report\n\n**crosscheck · 5 documents · ")
    assert md.index("## Conflicts (1)") < md.index("## Agreements (") < md.index("## Single-source (")
    conflict = md[md.index("## Conflicts (1)") : md.index("## Agreements (")]
    assert (
        "*Associated Press, 2022-12-01*: “In September, Beijing sent **more than 2,000 troops**" in conflict
    )
    assert r"*002\_802931a856429f27, 2022-12-20 (date inferred)*" in conflict
    assert "**1,500 soldiers**" in conflict
    assert "no value is both" in conflict
    for group in conflict_report.groups:
        assert (f"({group.id})" in md) == (group.verdict is not Verdict.SINGLE_SOURCE)
    everything = render(conflict_report, "markdown", single_source=True)
    for group in conflict_report.groups:
        assert f"({group.id})" in everything


def test_markdown_escapes_source_text() -> None:
    """Markup in source text and metadata is backslash-escaped: it cannot become a link, HTML or emphasis."""
    md = render(_hostile_report(), "markdown")
    assert "joined the drills on Sunday \\</script\\>\\<script\\>alert" in md
    assert re.search(r"(?<!\\)[<>\[\]_]", md) is None  # every <, >, [, ], _ is escaped
    assert "*star*" not in md
    assert 'Outlet "\\<A\\>" & Co' in md and "\\<img src=x\\>" in md


class _Page(HTMLParser):
    """Collects what the tests look at: tags with attributes, mark contents per claim, the data script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.marks: dict[int, list[str]] = {}
        self.doc_texts: dict[str, list[str]] = {}
        self.scripts: list[str] = []
        self._mark: list[int] | None = None
        self._doc: str | None = None
        self._depth = 0
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append((tag, values))
        if self._doc is not None:
            self._depth += 1
        if tag == "div" and values.get("class") == "text":
            self._doc, self._depth = str(len(self.doc_texts)), 0
            self.doc_texts[self._doc] = []
        if tag == "mark":
            self._mark = [int(n) for n in (values.get("data-claims") or "").split()]
        if tag == "script":
            self._script = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._mark = None
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None
        if self._doc is not None:
            if self._depth == 0:
                self._doc = None
            else:
                self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
        if self._doc is not None:
            self.doc_texts[self._doc].append(data)
        for number in self._mark or []:
            self.marks.setdefault(number, []).append(data)


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def test_html_is_self_contained(conflict_report: Report) -> None:
    """No external scripts, styles, images or fonts: the page works offline and forbids fetching."""
    html = render(conflict_report, "html")
    page = _parse(html)
    for tag, attrs in page.tags:
        assert tag not in ("link", "img", "iframe", "object", "embed"), tag
        assert "src" not in attrs, (tag, attrs)
    assert not re.search(r"url\(|@import", html)
    assert "default-src 'none'" in html
    assert html.count("<script") == 2 and html.count("<style>") == 1


def test_html_shows_every_claim_highlighted_in_its_document(conflict_report: Report) -> None:
    """Each document's full text is on the page, and each claim's marks spell exactly its text."""
    page = _parse(render(conflict_report, "html"))
    texts = ["".join(parts) for parts in page.doc_texts.values()]
    assert texts == [d.text for d in conflict_report.documents]
    for number, claim in enumerate(conflict_report.claims):
        assert "".join(page.marks[number]) == claim.text


def test_html_lists_groups_in_order_with_quotes(conflict_report: Report) -> None:
    """Conflicts, agreements, single-source: every group card with its id and each claim's source line."""
    html = render(conflict_report, "html")
    assert html.index(">Conflicts (1)<") < html.index(">Agreements (") < html.index(">Single-source (")
    positions = [html.index(f'<span class="gid">{g.id}</span>') for g in conflict_report.groups]
    assert positions == sorted(positions)
    conflict = conflict_report.conflicts[0]
    card = html[html.index('class="group v-conflict"') : html.index('class="group v-agreement"')]
    assert "<b>more than 2,000 troops</b>" in card and "<b>1,500 soldiers</b>" in card
    assert "2022-12-20 (date inferred)" in card
    # the explanation under the card's heading, without naming the fact again (`why_said`)
    said = conflict.explanation.split(f" {conflict.topic}: ", 1)[1]
    assert unescape(card).count(said) == 1 and f"conflict on {conflict.topic}" not in unescape(card)


def test_html_embeds_the_data_as_json_the_script_can_read(conflict_report: Report) -> None:
    """The JSON data block parses, and names every group's claims and documents."""
    page = _parse(render(conflict_report, "html"))
    data = json.loads(page.scripts[0])
    assert [g["id"] for g in data["groups"]] == [g.id for g in conflict_report.groups]
    assert [c["text"] for c in data["claims"]] == [c.text for c in conflict_report.claims]
    assert data["groups"][0]["verdict"] == "conflict"


def test_html_escapes_every_piece_of_source_text() -> None:
    """Markup in texts, ids and sources appears escaped; nothing can close the data script."""
    report = _hostile_report()
    html = render(report, "html")
    assert "<b>bold</b>" not in html and "<img src=x>" not in html and 'alert("x")' not in html
    assert "&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    page = _parse(html)
    assert len(page.scripts) == 2
    data = json.loads(page.scripts[0])
    assert data["documents"][0] == {"id": "a<1>", "label": 'Outlet "<A>" & Co'}
    assert ["".join(p) for p in page.doc_texts.values()] == [d.text for d in report.documents]


def test_script_json_cannot_close_a_script() -> None:
    """`<`, `>`, `&` and line separators are written as \\u escapes and the JSON still round-trips."""
    value = {"t": "</script><!-- & \u2028"}
    text = script_json(value)
    assert not set("<>&\u2028") & set(text)
    assert json.loads(text) == value


def test_html_of_a_report_with_no_groups_still_renders() -> None:
    """A document without claims gives a page with empty sections, not an error."""
    html = render(crosscheck.check([Document(id="x", text="Nothing to count here.")]), "html")
    assert html.count('<p class="empty">None.</p>') == 4  # conflicts, possible conflicts, agreements, single


def _validate(data: object) -> None:
    jsonschema.Draft202012Validator(SCHEMA).validate(data)


def test_schema_is_valid_json_schema() -> None:
    """docs/report.schema.json is itself a valid draft 2020-12 schema."""
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_seed_report_matches_the_schema(seed_report: Report, conflict_report: Report) -> None:
    """The seeds' JSON, and a report with a conflict, validate against docs/report.schema.json."""
    _validate(json.loads(render(seed_report, "json")))
    _validate(json.loads(render(conflict_report, "json")))


def test_schema_rejects_a_report_that_breaks_the_contract(seed_report: Report) -> None:
    """The schema is not vacuous: a missing field, an unknown verdict or an extra key fail."""
    good = json.loads(render(seed_report, "json"))
    broken: list[dict[str, Any]] = [json.loads(json.dumps(good)) for _ in range(3)]
    del broken[0]["claims"][0]["span"]
    broken[1]["groups"][0]["verdict"] = "maybe"
    broken[2]["documents"][0]["surprise"] = 1
    for data in broken:
        with pytest.raises(jsonschema.ValidationError):
            _validate(data)


def test_schema_enums_follow_the_model() -> None:
    """The schema's kinds, bounds and granularities are the model's, so they cannot drift apart."""
    defs = SCHEMA["$defs"]
    assert defs["claim"]["properties"]["kind"]["enum"] == list(get_args(ClaimKind))
    assert defs["group"]["properties"]["verdict"]["enum"] == [v.value for v in Verdict]
    assert defs["group"]["properties"]["conflict_type"]["enum"] == [None, *(t.value for t in ConflictType)]
    assert defs["quantity"]["properties"]["bound"]["enum"] == list(get_args(Bound))
    assert defs["date"]["properties"]["granularity"]["enum"] == list(get_args(Granularity))


def test_streamed_json_is_the_contract_byte_for_byte(seed_report: Report, conflict_report: Report) -> None:
    """JSON written piece by piece (one claim, group or document at a time) equals `json.dumps(to_dict())`."""
    empty = Report(documents=(), claims=(), groups=())
    for report in (seed_report, conflict_report, _hostile_report(), empty):
        expected = json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
        chunks = list(render_chunks(report, "json"))
        assert "".join(chunks) == expected == render(report, "json")
        assert len(chunks) >= len(report.claims) + len(report.groups)  # streamed, not one string
    assert list(render_chunks(seed_report, "markdown")) == [render(seed_report, "markdown")]

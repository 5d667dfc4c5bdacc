"""Hostile text, issue 14: runs that made a pattern quadratic, escapes, injected structure, Unicode digits.

The time bounds here are generous guards, not measurements: the quadratic versions took minutes on
these sizes (a 20,000-dot line: 10 s in `split_sentences` alone, ×4 per doubling), the linear ones
take well under a second. `benchmarks/pathological.py` measures the growth from n to 2n.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from decimal import Decimal
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

import crosscheck
from crosscheck import Document
from crosscheck.attribution import _QUOTE, _quotes, find_attributions
from crosscheck.cli import main
from crosscheck.quantities import find_quantities
from crosscheck.render.terminal import render_terminal
from crosscheck.segment import MAX_SENTENCE, split_sentences
from crosscheck.terms import default_terms

# --- 1. linear time on runs of stops and unclosed quotes -------------------------------------------------


@pytest.mark.parametrize("stop", [".", "…", "!?"])
def test_a_line_ending_in_50000_stops_is_split_quickly_and_whole(stop: str) -> None:
    """50,000 stop characters ending a line: bounded sentences that cover the text, in seconds at most."""
    head = "Officials said 5 ships came"
    text = head + (stop * 50_000)[:50_000] + "\nThe 40 jets flew. Then 3 more came."
    started = time.perf_counter()
    sentences = split_sentences("d", text)
    assert time.perf_counter() - started < 10
    texts = [s.text for s in sentences]
    assert texts[0].startswith(head)
    assert texts[-2:] == ["The 40 jets flew.", "Then 3 more came."]  # boundaries after the run still found
    assert max(len(t) for t in texts) <= MAX_SENTENCE
    assert "".join(texts).replace(" ", "") == re.sub(r"\s", "", text)  # nothing lost, nothing doubled
    for s in sentences:
        assert text[s.span.start : s.span.end] == s.text


def test_a_stop_run_followed_by_a_sentence_still_ends_the_sentence() -> None:
    """The linear pattern finds the same boundaries: a run of stops then a capital ends a sentence."""
    text = "They waited" + "." * 5000 + " Then 12 ships came!?! Nobody knew."
    texts = [s.text for s in split_sentences("d", text)]
    assert texts[-2:] == ["Then 12 ships came!?!", "Nobody knew."]


def test_the_whole_check_of_a_dotted_line_is_quick_and_finds_its_claim() -> None:
    doc = Document(id="d", text="Officials said 5 ships came" + "." * 50_000)
    started = time.perf_counter()
    report = crosscheck.check([doc], jobs=1)
    assert time.perf_counter() - started < 30
    assert [c.text for c in report.claims] == ["5 ships"]


def test_80_kb_of_unclosed_quotes_is_read_quickly_and_finds_no_quote() -> None:
    """40,000 opening curly quotes without a closing one: no quote, and a later real quote still found."""
    text = "\u201ca" * 40_000 + "\n\u201cWe sent 2,000 troops,\u201d the minister said."
    started = time.perf_counter()
    spans = list(_quotes(text))
    assert time.perf_counter() - started < 5
    assert [text[s:e] for s, e in spans] == ["\u201cWe sent 2,000 troops,\u201d"]
    sentences = split_sentences("d", text)
    started = time.perf_counter()
    attributions = find_attributions(text, sentences, default_terms())
    assert time.perf_counter() - started < 10
    assert [(a.source, a.cue) for a in attributions] == [("minister", "said")]


@pytest.mark.parametrize(
    "text",
    [
        "\u201cab\u201d \u201cabc\u201d",
        '"ab" "abc" "x\ny" "four"',
        '\u201cmixed "inner" quotes\u201d and \u201cunclosed\n\u201cnext line\u201d',
        '\u201c"\u201c""\u201d\u201d"abc"\u201c',
        "\u201c\u201c\u201c\u201d\u201d\u201d \u201cab\u201dcd\u201d",
        "",
    ],
)
def test_the_linear_quote_scan_finds_what_the_pattern_finds(text: str) -> None:
    assert list(_quotes(text)) == [m.span() for m in _QUOTE.finditer(text)]


def test_many_quoted_sentences_keep_their_speakers() -> None:
    """2,000 quotes with a speaker each: every quoted sentence is attributed, in bounded time."""
    text = "\u201cHi there,\u201d said Li. " * 2000
    sentences = split_sentences("d", text)
    started = time.perf_counter()
    attributions = find_attributions(text, sentences, default_terms())
    assert time.perf_counter() - started < 20
    assert {a.sentence for a in attributions} == {s.span.start for s in sentences}
    assert {a.source for a in attributions} == {"Li"}


def test_the_stop_pattern_is_still_a_pattern_the_regex_guard_sees() -> None:
    from crosscheck import segment

    assert isinstance(segment._BOUNDARY, re.Pattern)


# --- 2. escape sequences, injected Markdown structure, forged warning lines ------------------------------

ESCAPES = "\x1b]0;PWNED\x07 \x1b[2J \x1b[31m \x1b]8;;http://evil.example\x07"
ESCAPED_TEXT = f"China sent 2,000 troops {ESCAPES}to the border on Monday.\n"


def _escape_docs() -> list[Document]:
    return [
        Document(id="a", text=ESCAPED_TEXT, source="Src \x1b[41mRED\x1b[0m"),
        Document(id="b", text="China sent 2,000 troops to the border on Monday.\n", source="B"),
    ]


@pytest.mark.parametrize("color", [False, True])
def test_no_escape_sequence_from_a_document_reaches_the_terminal(color: bool) -> None:
    """Document text and sources with OSC/CSI sequences: written out as ``\\x1b``, never sent raw."""
    docs = _escape_docs()
    report = crosscheck.check(docs, jobs=1)
    out = render_terminal(report, color=color, quotes=True)  # the agreements' quotes too
    if not color:
        assert "\x1b" not in out and "\x07" not in out
    for raw in ("\x1b]", "\x1b[2J", "\x1b[31m", "\x1b[41m"):
        assert raw not in out
    assert "\\x1b]0;PWNED\\x07" in out  # visible, so a reader sees what the document holds
    assert "Src \\x1b[41mRED\\x1b[0m" in out
    assert docs[0].text == ESCAPED_TEXT  # the document is not changed: spans still index it
    for claim in report.claims:
        doc = docs[0] if claim.document == "a" else docs[1]
        assert doc.text[claim.span.start : claim.span.end] == claim.text
    assert any(ESCAPES in docs[0].text[c.sentence.start : c.sentence.end] for c in report.claims)


def test_the_cli_terminal_report_writes_no_escape_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "evil.txt").write_text(ESCAPED_TEXT, encoding="utf-8")
    (tmp_path / "plain.txt").write_text(
        "China sent 2,000 troops to the border on Monday.\n", encoding="utf-8"
    )
    assert main(["report", str(tmp_path), "--jobs", "1", "--all"]) == 0  # --all: every quote
    captured = capsys.readouterr()
    assert "2,000 troops" in captured.out
    assert "\x1b" not in captured.out + captured.err
    assert "\\x1b[2J" in captured.out


def test_a_manifest_title_cannot_add_markdown_structure(tmp_path: Path) -> None:
    """A title and a source with newlines, a rule and a list: still one list item in the Markdown."""
    (tmp_path / "a.txt").write_text(
        "China sent 2,000 troops to the border. Also 5 ships came.\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text("China sent 2,000 troops to the border on Monday.\n", encoding="utf-8")
    title = "T\n\n---\n\n1. injected list\n\n    code block\n\n= heading?"
    source = "Src\r\n\r\n## Injected heading via source"
    (tmp_path / "manifest.toml").write_text(
        f"[files.'a.txt']\ntitle = {json.dumps(title)}\nsource = {json.dumps(source)}\n", encoding="utf-8"
    )
    report = crosscheck.check(crosscheck.load_documents(tmp_path), jobs=1)
    text = crosscheck.render(report, "markdown")
    tokens = MarkdownIt("commonmark").parse(text)
    kinds = {t.type for t in tokens}
    assert "hr" not in kinds and "ordered_list_open" not in kinds and "code_block" not in kinds
    headings = [
        re.sub(" +", " ", tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"
    ]
    assert "Src \\#\\# Injected heading via source, date unknown" in headings  # one heading, not cut in two
    assert not any(h.startswith("Injected") for h in headings)
    assert "“T --- 1. injected list code block = heading?”" in re.sub(" +", " ", text)
    assert report.document("a").title == title  # the document keeps its metadata; only the print changes


def test_a_file_name_cannot_forge_a_warning_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An empty file named "x\\ncrosscheck: note: forged line\\n.txt": one warning line, nothing forged."""
    (tmp_path / "x\ncrosscheck: note: forged line\n.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text("Some 40 ships sailed.\n", encoding="utf-8")
    assert main(["report", str(tmp_path), "--format", "json", "--jobs", "1"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2, lines
    assert (
        lines[0]
        == f"crosscheck: warning: {tmp_path}/x\\x0acrosscheck: note: forged line\\x0a.txt: empty file; skipped"
    )
    assert lines[1].startswith("crosscheck: warning: 1 input(s) skipped")


def test_an_error_line_writes_escapes_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "\x1b[2Jmissing\rcrosscheck: note: fine.txt"
    assert main(["report", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x1b" not in err and "\r" not in err
    assert err.startswith("crosscheck: error: ") and "\\x1b[2Jmissing\\x0dcrosscheck" in err


# --- 3. Unicode digits: read as numbers, or not at all; never half a number ------------------------------


def _amounts(text: str) -> list[tuple[str, Decimal]]:
    found = find_quantities("d", text)
    for q in found:
        assert text[q.span.start : q.span.end] == q.text  # spans index the text as written
    return [(q.text, q.value.amount) for q in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China sent ２，０００ troops.", [("２，０００ troops", Decimal(2000))]),
        ("China sent ２,０００ troops.", [("２,０００ troops", Decimal(2000))]),
        ("They sent ٢٬٠٠٠ troops.", [("٢٬٠٠٠ troops", Decimal(2000))]),  # Arabic-Indic, Arabic separator
        ("They sent २,००० troops.", [("२,००० troops", Decimal(2000))]),  # Devanagari
        ("They sent １２ ships.", [("１２ ships", Decimal(12))]),
        ("Some ３．５ million people fled.", [("Some ３．５ million people", Decimal(3500000))]),
        (
            "between ２，０００ and ３，０００ troops",
            [("between ２，０００ and ３，０００ troops", Decimal(2000))],
        ),
        ("the ２nd joint patrol", [("２nd joint patrol", Decimal(2))]),
    ],
)
def test_unicode_digits_are_read_as_their_values(text: str, expected: list[tuple[str, Decimal]]) -> None:
    assert _amounts(text) == expected


@pytest.mark.parametrize("text", ["They sent 2,0\u03010\u03010 troops.", "They sent 2\u200b,000 troops."])
def test_a_number_broken_by_marks_is_not_read_as_half_of_it(text: str) -> None:
    """Combining marks or a zero-width space inside "2,000": no number rather than "0 troops" or "2"."""
    assert _amounts(text) == []


def test_full_width_digits_agree_with_ascii_digits() -> None:
    """RELIABILITY F17: "２，０００ troops" and "2,000 troops" agree (before: a false numeric conflict)."""
    published = dt.date(2022, 12, 1)
    docs = [
        Document(
            id="a",
            text="China sent ２，０００ troops to the border on Monday.",
            source="A",
            published=published,
        ),
        Document(
            id="b", text="China sent 2,000 troops to the border on Monday.", source="B", published=published
        ),
    ]
    report = crosscheck.check(docs, jobs=1)
    assert report.conflicts == () and report.possible_conflicts == ()
    troops = [g for g in report.agreements if any(c.text.endswith("troops") for c in g.claims)]
    figures = [sorted(c.text for c in g.claims if c.kind == "quantity") for g in troops]
    assert figures == [["2,000 troops", "２，０００ troops"]]  # with the events that carry them
    assert docs[0].text[11:23] == "２，０００ troops"  # the text itself is never normalised

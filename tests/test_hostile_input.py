"""Hostile text, issue 14: runs that made a pattern quadratic, escapes, injected structure, Unicode digits.

The time bounds here are generous guards, not measurements: the quadratic versions took minutes on
these sizes (a 20,000-dot line: 10 s in `split_sentences` alone, ×4 per doubling), the linear ones
take well under a second. `benchmarks/pathological.py` measures the growth from n to 2n.
"""

from __future__ import annotations

import re
import time

import pytest

import crosscheck
from crosscheck import Document
from crosscheck.attribution import _QUOTE, _quotes, find_attributions
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

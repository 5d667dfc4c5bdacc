"""Hostile input: no catastrophic backtracking, escaped reports, nothing read or written beyond what was given.

The two timing tests are correctness guards, not speed measurements: catastrophic backtracking turns
milliseconds into hours, so each bound is generous (seconds) and the input size is fixed.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import time
from pathlib import Path
from typing import Any

import attrs
import pytest

import crosscheck
from crosscheck import Document
from crosscheck.cli import main
from crosscheck.events import default_verbs
from crosscheck.polarity import default_cues
from crosscheck.segment import MAX_SENTENCE, split_sentences
from crosscheck.terms import default_terms

# Runs of what the patterns look for (digits, separators, words, quotes, abbreviations, dates) with
# nothing to finish a match, each ended by a character no pattern expects.
UNITS = [
    "1", "1,", "1 ", "1.", "1,0", "1 000 ", "$1", "1st ", "a", "a ", "aA", "a1", "a-", "-", "'", '"', "(",
    "<", "# ", " ", "\n", "\t", "\u00a0", "...", "Mr. ", "A. ", "1 and ", "more than ", "one two ",
    "January ", "Jan. 5, ", "2022-", "said ", "not ", "per ",
]  # fmt: skip
LONG = 20_000
SHORT = 300


def _run(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size] + "\x00!"


def _patterns() -> dict[str, re.Pattern[str]]:
    """Every compiled regex in crosscheck: module attributes, and those the default data tables hold."""
    found: dict[str, re.Pattern[str]] = {}

    def walk(name: str, value: Any, depth: int) -> None:
        if isinstance(value, re.Pattern):
            found.setdefault(name, value)
        elif depth > 3:
            return
        elif isinstance(value, list | tuple | frozenset | set):
            for i, item in enumerate(value):
                walk(f"{name}[{i}]", item, depth + 1)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(f"{name}[{key!r}]", item, depth + 1)
        elif attrs.has(type(value)):
            for field in attrs.fields(type(value)):
                walk(f"{name}.{field.name}", getattr(value, field.name), depth + 1)

    for info in pkgutil.walk_packages(crosscheck.__path__, "crosscheck."):
        if info.name != "crosscheck.__main__":
            module = importlib.import_module(info.name)
            for attr, value in vars(module).items():
                walk(f"{info.name}.{attr}", value, 0)
    for name, table in (("cues", default_cues()), ("verbs", default_verbs()), ("terms", default_terms())):
        walk(name, table, 0)
    return found


PATTERNS = _patterns()


def test_the_regex_guard_sees_the_patterns() -> None:
    """The guard below covers the extractors' patterns, not an empty list."""
    assert len(PATTERNS) > 100
    assert {"crosscheck.numbers.SCALE_AFTER", "crosscheck.segment._BOUNDARY"} <= set(PATTERNS)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_no_regex_backtracks_catastrophically(name: str) -> None:
    """Each regex, anchored on 20,000 pathological characters and searched on 300, ends within 2 s."""
    pattern = PATTERNS[name]
    started = time.perf_counter()
    for unit in UNITS:
        long, short = _run(unit, LONG), _run(unit, SHORT)
        if isinstance(pattern.pattern, bytes):
            long, short = long.encode(), short.encode()  # type: ignore[assignment]
        pattern.match(long)
        pattern.fullmatch(long)
        for _ in pattern.finditer(short):
            pass
    assert time.perf_counter() - started < 2.0, f"{name}: {pattern.pattern[:80]!r}"


def test_the_pipeline_survives_pathological_documents() -> None:
    """Whole documents made of each pathological run are checked in bounded time, spans intact."""
    docs = [Document(id=f"p{i:02d}", text=_run(unit, 3000)) for i, unit in enumerate(UNITS)]
    started = time.perf_counter()
    report = crosscheck.check(docs, jobs=1)
    assert time.perf_counter() - started < 120
    by_id = {d.id: d for d in docs}
    for claim in report.claims:
        assert by_id[claim.document].text[claim.span.start : claim.span.end] == claim.text


def test_a_run_without_stops_is_cut_into_bounded_sentences() -> None:
    """20,000 characters without a sentence stop become sentences of at most MAX_SENTENCE, cut at spaces."""
    text = _run("1 and ", LONG)
    sentences = split_sentences("x", text)
    assert max(len(s.text) for s in sentences) <= MAX_SENTENCE
    assert len(sentences) >= LONG // MAX_SENTENCE
    for s in sentences:
        assert text[s.span.start : s.span.end] == s.text
        assert s.span.start == 0 or text[s.span.start - 1].isspace()
    assert sum(len(s.text.replace(" ", "")) for s in sentences) == len(text.replace(" ", ""))  # nothing lost


HOSTILE = (
    "Troops: 2,000 soldiers arrived. <script>window.__pwned = 1; alert(1)</script>\n\n"
    '"><img src=x onerror="window.__pwned = 2"> \'><svg onload=alert(3)> </textarea></script>'
    "<!-- --> &amp; &lt;b&gt; \u2028 More than 2,000 troops left.\n"
)
HOSTILE_SOURCE = 'Evil "><script>window.__pwned=3</script> News'


def write_hostile(folder: Path) -> Path:
    """A folder with a document and metadata made to break out of HTML, and an honest document."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "plain.txt").write_text("Officials said 1,500 soldiers arrived.\n", encoding="utf-8")
    manifest = {
        "evil.txt": {
            "source": HOSTILE_SOURCE,
            "title": "</title><script>window.__pwned=4</script>",
            "url": "javascript:window.__pwned=5",
        }
    }
    lines = []
    for name, meta in manifest.items():
        lines.append(f"[files.{json.dumps(name)}]")
        lines.extend(f"{key} = {json.dumps(value)}" for key, value in meta.items())
    (folder / "manifest.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_html_report_escapes_everything_from_the_sources(tmp_path: Path) -> None:
    """No tag, attribute or URL from a document or its metadata reaches the HTML report unescaped."""
    docs = crosscheck.load_documents(write_hostile(tmp_path / "in"))
    html = crosscheck.render(crosscheck.check(docs, jobs=1), "html")
    for raw in ("<script>window", "<img src=x", "<svg onload", "</textarea></script>", '"><script>'):
        assert raw not in html
    assert 'href="javascript:' not in html
    assert html.count("<script") == 2  # the report's own data block and script


def test_out_writes_only_the_file_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Ids and names that look like paths write nothing: one run leaves exactly one new file, --out."""
    folder = write_hostile(tmp_path / "in")
    record = {"id": "../../escaped", "text": "Some 40 ships sailed.", "source": "../../x"}
    (folder / "c.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    before = sorted(tmp_path.rglob("*"))
    out = tmp_path / "report.html"
    for fmt in ("html", "json", "markdown"):
        assert main(["report", str(folder), "--format", fmt, "--out", str(out), "--jobs", "1"]) == 0
    assert sorted(tmp_path.rglob("*")) == sorted([*before, out])
    assert capsys.readouterr().err == ""


def test_out_naming_an_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--out` pointing at an input file (given, or inside a folder given) is refused; the input is unchanged."""
    folder = write_hostile(tmp_path / "in")
    evil = folder / "evil.txt"
    for argv in ([str(evil), "--out", str(evil)], [str(folder), "--out", str(folder / "plain.txt")]):
        assert main(["report", *argv]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"crosscheck: error: {argv[-1]}: --out names an input")
    assert evil.read_text(encoding="utf-8") == HOSTILE


def test_deep_nesting_is_refused_not_a_crash(tmp_path: Path) -> None:
    """HTML nested 5,000 deep and a JSON line nested 100,000 deep are named and skipped, no traceback."""
    (tmp_path / "deep.html").write_text("<div>" * 5000 + "12 ships" + "</div>" * 5000, encoding="utf-8")
    (tmp_path / "deep.jsonl").write_text("[" * 100_000 + "\n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Some 40 ships sailed.\n", encoding="utf-8")
    result = crosscheck.try_load_documents(tmp_path)
    assert [d.id for d in result.documents] == ["ok"]
    assert [p.message for p in result.problems] == [
        f"{tmp_path}/deep.html: HTML nested too deeply to read",
        f"{tmp_path}/deep.jsonl:1: not valid JSON (nested too deeply)",
    ]


def test_devices_are_never_opened(tmp_path: Path) -> None:
    """A device given as a path (/dev/zero would never end) is refused without reading it."""
    result = crosscheck.try_load_documents("/dev/zero", tmp_path / "ok.txt")
    assert result.documents == ()
    assert result.problems[0].message == "/dev/zero: not a regular file or folder (a device, pipe or socket)"

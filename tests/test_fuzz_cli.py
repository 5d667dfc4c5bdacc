"""A fuzz target over the CLI's inputs (issue 14 item 9): random bytes, random Unicode, random
manifests and random JSON Lines, written to a folder and run through ``crosscheck report`` in-process.

For every folder: the exit code is 0 or 2; stderr holds only one-line ``crosscheck: ...`` messages,
never a traceback; no input is changed; every claim of the JSON report has the text its span cuts
out of its document (``document.text[start:end] == claim.text``, the text as the same loader reads
it) inside its sentence; and a second run writes the same bytes and the same lines.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from crosscheck import try_load_documents
from crosscheck.cli import main

SETTINGS = settings(
    max_examples=50,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

FRAGMENTS = [
    "More than 2,000 troops",
    " arrived on Monday",
    "Posted on December 1, 2022\n\n",
    "1,500 soldiers",
    "the sixth such patrol",
    "on December 1, 2022",
    "about 300 ships",
    " said ",
    "Russia",
    " did not send ",
    "$10.2 billion",
    "12%",
    "２，０００ troops",
    ". ",
    "…",
    "\n",
    "\r\n",
    "\u2028",
    "\ufeff",
    "“",
    "\x1b]0;T\x07",
    "<p>",
    "</article>",
    "https://evil.example/x ",
    "www.evil.example ",
]
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=10)), min_size=0, max_size=12).map(
    "".join
)
PROSE = st.lists(st.sampled_from(FRAGMENTS), min_size=2, max_size=14).map("".join)  # mostly a document
NAMES = st.sampled_from(["a", "b", "good", "x y", "caf\u00e9", "MANIFEST", "d.e"])
SUFFIXES = st.sampled_from([".txt", ".md", ".html", ".htm", ".jsonl", ".TXT", ".json"])
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False),
    TEXT,
    st.sampled_from(["2022-12-01", "9999-12-31", "0001-01-01", "2022-13-40", "20221201", ""]),
)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3), max_leaves=4)


def _encodings(text: str) -> st.SearchStrategy[bytes]:
    """``text`` as UTF-8, UTF-16 (with its mark), or Windows-1252 where it can be."""
    choices = [text.encode("utf-8", "surrogatepass"), text.encode("utf-16", "surrogatepass")]
    with contextlib.suppress(UnicodeEncodeError):
        choices.append(text.encode("cp1252"))
    return st.sampled_from(choices)


@st.composite
def jsonl(draw: st.DrawFn) -> bytes:
    """JSON Lines: records with random keys and values, lines that are not JSON, blank lines."""
    lines = []
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        kind = draw(st.sampled_from(["record", "record", "junk", "blank", "array"]))
        if kind == "record":
            record: dict[str, Any] = {}
            if draw(st.integers(0, 4)):
                record["id"] = draw(st.one_of(NAMES, TEXT, SCALARS))
            if draw(st.integers(0, 4)):
                record["text"] = draw(st.one_of(PROSE, TEXT, SCALARS))
            for key in draw(
                st.lists(st.sampled_from(["source", "title", "url", "published", "x"]), max_size=3)
            ):
                record[key] = draw(VALUES)
            lines.append(json.dumps(record, ensure_ascii=draw(st.booleans())))
        elif kind == "junk":
            lines.append(draw(TEXT).replace("\n", " "))
        elif kind == "array":
            lines.append(json.dumps(draw(st.lists(SCALARS, max_size=3))))
        else:
            lines.append("")
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    return draw(_encodings(ending.join(lines) + ending))


def _toml_value(value: object) -> str:
    if value is None:
        return '""'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(str(value))  # a JSON string is a TOML basic string (a lone surrogate: not TOML)


@st.composite
def manifests(draw: st.DrawFn, names: list[str]) -> bytes:
    """A manifest.toml: tables for the folder's files (and others), random keys and values; or junk."""
    if draw(st.integers(0, 5)) == 0:
        return draw(st.one_of(st.binary(max_size=60), TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))))
    out = []
    for name in draw(st.lists(st.sampled_from([*names, "../up.txt", "gone.txt"]), max_size=4, unique=True)):
        out.append(f"[files.{json.dumps(name)}]")
        keys = st.sampled_from(["published", "source", "title", "url", "published_inferred", "sorce"])
        for key in draw(st.lists(keys, max_size=4, unique=True)):
            if key == "published" and draw(st.booleans()):
                out.append(f"published = {draw(st.sampled_from(['2022-12-01', '9999-12-31', '2023-07-17']))}")
            else:
                out.append(f"{key} = {_toml_value(draw(VALUES))}")
    return "\n".join(out).encode("utf-8", "surrogatepass") + b"\n"


@st.composite
def folders(draw: st.DrawFn) -> dict[str, bytes]:
    """The files of one input folder: one to four documents of random content, maybe a manifest."""
    files: dict[str, bytes] = {}
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        name = draw(NAMES) + draw(SUFFIXES)
        kind = draw(st.sampled_from(["prose", "prose", "text", "bytes", "jsonl"]))
        if name.lower().endswith(".jsonl") or kind == "jsonl":
            name = name.rsplit(".", 1)[0] + ".jsonl"
            files[name] = draw(jsonl())
        elif kind == "bytes":
            files[name] = draw(st.binary(max_size=200))
        else:
            files[name] = draw((PROSE if kind == "prose" else TEXT).flatmap(_encodings))
    if draw(st.booleans()):
        files["manifest.toml"] = draw(manifests(sorted(files)))
    return files


def _run(folder: Path, out: Path) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(
            ["report", str(folder), "--format", "json", "--out", str(out), "--jobs", "1", "--no-config"]
        )
    return code, stdout.getvalue(), stderr.getvalue()


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@SETTINGS
@given(folders())
def test_any_folder_through_the_cli(
    tmp_path_factory: pytest.TempPathFactory, files: dict[str, bytes]
) -> None:
    root = tmp_path_factory.mktemp("fuzz")
    folder = root / "in"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    before = _digests(folder)

    code, out, err = _run(folder, root / "first.json")
    assert code in (0, 2), err
    event(f"exit {code}")
    assert out == ""
    assert "Traceback" not in err
    assert all(line.startswith("crosscheck: ") for line in err.splitlines()), err
    assert _digests(folder) == before

    again = _run(folder, root / "second.json")
    assert again == (code, out, err)
    first = root / "first.json"
    if not first.exists():
        assert code == 2 and "crosscheck: error: " in err  # nothing left to check
        assert not (root / "second.json").exists()
        return
    assert first.read_bytes() == (root / "second.json").read_bytes()

    report = json.loads(first.read_text("utf-8"))
    texts = {doc.id: doc.text for doc in try_load_documents(folder).documents}
    event("claims in the report" if report["claims"] else "no claim")
    assert {d["id"] for d in report["documents"]} == set(texts)
    for claim in report["claims"]:
        text = texts[claim["document"]]
        start, end = claim["span"]
        assert text[start:end] == claim["text"]
        assert claim["sentence"][0] <= start <= end <= claim["sentence"][1]

"""One Lexicon: every word list from data/*.toml, extended by a user's file; bad files named in one line."""

from __future__ import annotations

import json
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

import crosscheck
from crosscheck.errors import ConfigError
from crosscheck.lexicon import BUILT_IN, default_lexicon, load_lexicon
from crosscheck.store import _canonical, fingerprint
from crosscheck.terms import default_terms, terms_of

DATA = Path(__file__).resolve().parent.parent / "src" / "crosscheck" / "data"


# Word classes that were once in several places, and their one home.
ONE_HOME = {"months": "dates", "weekdays": "dates", "prepositions": "grammar", "auxiliaries": "verbs"}


def test_every_built_in_file_is_one_section_and_a_shared_class_has_one_home() -> None:
    """Each data/*.toml file is a section of the lexicon; a class such as months lives in one file only."""
    assert sorted(BUILT_IN) == sorted(p.stem for p in DATA.glob("*.toml"))
    lex = default_lexicon()
    for name, home in ONE_HOME.items():
        assert [n for n in lex if n.split(".", 1)[1] == name] == [f"{home}.{name}"]


def test_the_built_in_lexicon_is_frozen() -> None:
    """No caller can change a word list for everyone: lists are tuples, tables read-only."""
    lex = default_lexicon()
    units = lex.get("quantities.units")
    with pytest.raises(TypeError):
        units["furlong"] = "furlong"  # type: ignore[index]
    assert isinstance(lex.get("cues.negation.words"), tuple)
    assert load_lexicon() is lex


def test_a_user_file_extends_lists_and_tables(tmp_path: Path) -> None:
    """A user's words come after the built-in ones; a table gains entries; a new class may be added."""
    extra = tmp_path / "mine.toml"
    extra.write_text(
        '[cues.negation]\nwords = ["not", "nevermore"]\n'
        '[claims]\nrate_units = ["furlong"]\n'
        '[terms.things]\ntanks = ["tanks", "tank"]\n',
        encoding="utf-8",
    )
    lex = load_lexicon(extra)
    negation = lex.get("cues.negation.words")
    assert negation[: len(default_lexicon().get("cues.negation.words"))] == default_lexicon().get(
        "cues.negation.words"
    )
    assert negation.count("not") == 1 and negation[-1] == "nevermore"
    assert lex.get("claims.rate_units")[-1] == "furlong"
    assert lex.get("terms.things")["tanks"] == ("tanks", "tank")
    assert lex.files == (str(extra),) and lex != default_lexicon()
    assert "furlong" not in default_lexicon().words("claims.rate_units")


# A bad lexicon file: what it holds, and the one line the user reads.
BAD_FILES = [
    ("[cues.negation\nwords = 1", r"^F: not valid TOML: .+$"),
    ("[nowhere]\nwords = []", r"^F: unknown lexicon section \[nowhere\]; the sections are attribution, .+$"),
    ("cues = 3", r"^F: \[cues\] must be a table of word classes$"),
    ("[cues.negation]\nwords = 'not'", r"^F: \[cues\.negation\.words\] must be a list, not a string$"),
    (
        "[cues.negation]\nwords = ['not', 3]",
        r"^F: \[cues\.negation\.words\] must be a list of non-empty strings$",
    ),
    ("[terms]\nthings = ['tanks']", r"^F: \[terms\.things\] must be a table, not a list$"),
    ("[claims]\nopeners = 5", r"^F: \[claims\.openers\] must be a list, not a whole number$"),
    (
        "[quantities.units]\nmph = 'mph'",
        r"^F: \[quantities\.units\] cannot be extended by a user file: it is compiled into patterns once, "
        r"at import \(a user file extends \[claims\], \[cues\], \[terms\], \[verbs\] nouns and verbs\)$",
    ),
    (
        "[verbs]\nauxiliaries = ['gonna']",
        r"^F: \[verbs\.auxiliaries\] cannot be extended by a user file: .+$",
    ),
    ("[terms.things]\ntanks = ['']", r"^F: \[terms\.things\.tanks\] must be a list of non-empty strings$"),
]


@pytest.mark.parametrize(("content", "message"), BAD_FILES, ids=[m for _, m in BAD_FILES])
def test_a_bad_lexicon_file_is_one_line_naming_it(tmp_path: Path, content: str, message: str) -> None:
    """A malformed file, an unknown section or a value of the wrong shape: a ConfigError of one line."""
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_lexicon(path)
    text = str(caught.value)
    assert "\n" not in text
    assert re.match(message.replace("F", re.escape(str(path)), 1), text), text


def test_a_missing_lexicon_file_is_named(tmp_path: Path) -> None:
    """A file that cannot be read says so, with the reason."""
    with pytest.raises(
        ConfigError, match=r"missing\.toml: cannot read lexicon file: No such file or directory$"
    ):
        load_lexicon(tmp_path / "missing.toml")


def _user_lexicon(tmp_path: Path) -> Path:
    path = tmp_path / "newsroom.toml"
    path.write_text(
        '[claims]\nrate_units = ["fortnight"]\n[cues.hedge]\nreported = ["word on the street is"]\n'
    )
    return path


def test_check_reads_with_a_user_lexicon(tmp_path: Path) -> None:
    """A user's words change what extraction reads: a rate per fortnight, a hedge of the user's."""
    doc = crosscheck.Document(
        id="d", text="Word on the street is the club paid $5 million per fortnight.", published=None
    )
    (before,) = [c for c in crosscheck.check([doc]).claims if c.kind == "quantity"]
    lexicon = load_lexicon(_user_lexicon(tmp_path))
    (after,) = [c for c in crosscheck.check([doc], lexicon=lexicon).claims if c.kind == "quantity"]
    assert (before.value.unit, before.hedge) == ("USD", None)
    assert (after.value.unit, after.hedge) == ("USD/fortnight", "reported")
    assert after.span == before.span and doc.text[after.span.start : after.span.end] == after.text


def test_a_lexicon_or_terms_not_both(tmp_path: Path) -> None:
    """check() is given the word lists one way: a lexicon holds the terms."""
    with pytest.raises(ConfigError, match="a lexicon or terms, not both"):
        crosscheck.check([], lexicon=default_lexicon(), terms=default_terms())


def test_a_user_lexicon_changes_the_store_fingerprint(tmp_path: Path) -> None:
    """A store re-extracts after a user's lexicon is added; the built-in lexicon fingerprints alike every run."""
    config = crosscheck.Config()
    built_in = fingerprint(config, default_terms())
    assert fingerprint(config, terms_of(load_lexicon())) == built_in
    assert fingerprint(config, terms_of(load_lexicon(_user_lexicon(tmp_path)))) != built_in
    # what the terms and their lexicon add to the fingerprint (the code's digest aside) is the same in
    # another process, whose hash seed differs
    code = "import json, crosscheck.store as s, crosscheck.terms as t; print(json.dumps(s._canonical(t.default_terms())))"
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert other.stdout.strip() == json.dumps(_canonical(default_terms()))


def test_a_user_lexicon_crosses_to_worker_processes(tmp_path: Path) -> None:
    """Terms carrying a user's lexicon pickle whole (process pools and Dask send them to workers)."""
    terms = terms_of(load_lexicon(_user_lexicon(tmp_path)))
    copy = pickle.loads(pickle.dumps(terms))
    assert copy == terms and "fortnight" in copy.lexicon.words("claims.rate_units")


def test_the_words_a_slot_and_a_scope_are_read_through_are_data_a_user_extends(tmp_path: Path) -> None:
    """`[slot_words]` and `[scope_words]` of the terms: "12 were tragically killed" reads past
    "tragically" once a user's file lists it, and "statewide" is a scope once it is one."""
    text = "Police said 12 were tragically killed statewide."

    def reading(lexicon: object) -> tuple[str | None, str | None]:
        doc = crosscheck.Document(id="x", text=text, published=None)
        report = crosscheck.check([doc], lexicon=lexicon)  # type: ignore[arg-type]
        (twelve,) = [c for c in report.claims if c.text == "12"]
        return twelve.about.measure, twelve.about.scope

    assert reading(default_lexicon()) == (None, None)
    extra = tmp_path / "words.toml"
    extra.write_text(
        '[terms.slot_words]\nafter = ["tragically"]\n[terms.scope_words]\nbetween = ["tragically"]\nwhole = ["statewide"]\n',
        encoding="utf-8",
    )
    assert reading(load_lexicon(extra)) == ("deaths", "statewide")

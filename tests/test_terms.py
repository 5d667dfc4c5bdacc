"""Term tables as data: user files extend or replace the defaults; organisations are normalized."""

from __future__ import annotations

from pathlib import Path

import pytest

import crosscheck
from crosscheck.errors import ConfigError
from crosscheck.terms import default_terms, load_terms

from .conftest import make_doc


def test_organisation_spellings_are_one_name() -> None:
    """Spelling variants of a ministry normalize to one canonical name."""
    terms = default_terms()
    names = [
        "Russian Defence Ministry",
        "Russian Ministry of Defense",
        "Russia’s Defense Ministry",
        "russian defense  ministry",
    ]
    assert {terms.organisation(n) for n in names} == {"Russian Defense Ministry"}
    assert terms.organisation("Ministry of Silly Walks") is None


def test_user_file_extends_the_defaults(tmp_path: Path) -> None:
    """A user's file adds aliases and tables to the shipped ones, which keep working."""
    path = tmp_path / "terms.toml"
    path.write_text(
        'stopwords = ["flotilla"]\n'
        '[actors]\nChina = ["Zhongnanhai"]\nBelarus = ["Minsk", "Belarusian"]\n'
        '[organisations]\n"Russian Defense Ministry" = ["Minoborony"]\n',
        encoding="utf-8",
    )
    terms = load_terms(path)
    assert [a for _, a in terms.actors_in("Zhongnanhai and Minsk and Beijing")] == [
        "China",
        "Belarus",
        "China",
    ]
    assert (
        terms.organisation("Minoborony")
        == terms.organisation("Russian Defence Ministry")
        == "Russian Defense Ministry"
    )
    assert "flotilla" not in terms.content_words("the naval flotilla sailed")
    assert terms.places_in("the Sea of Japan")  # defaults kept


def test_replace_keeps_only_the_users_tables(tmp_path: Path) -> None:
    """replace=True uses the user's tables alone."""
    path = tmp_path / "terms.toml"
    path.write_text('[actors]\nBelarus = ["Minsk"]\n', encoding="utf-8")
    terms = load_terms(path, replace=True)
    assert [a for _, a in terms.actors_in("Minsk and Beijing")] == ["Belarus"]


def test_user_terms_reach_the_claims(tmp_path: Path) -> None:
    """check(terms=...) uses the user's organisation aliases for attribution."""
    path = tmp_path / "terms.toml"
    path.write_text('[organisations]\n"Russian Defense Ministry" = ["Minoborony"]\n', encoding="utf-8")
    doc = make_doc("d1", "Minoborony said that five warships sailed on Tuesday.")
    report = crosscheck.check([doc], terms=load_terms(path))
    assert {c.attribution for c in report.claims} == {"Russian Defense Ministry"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[actors]\nChina = 3\n", "must be a list of strings"),
        ("[gods]\nZeus = []\n", "unknown table 'gods'"),
        ("stopwords = 3\n", "stopwords must be a list"),
        ("= broken", "cannot read terms file"),
    ],
)
def test_bad_terms_file_is_a_config_error(tmp_path: Path, content: str, message: str) -> None:
    """A malformed terms file is a ConfigError naming the file."""
    path = tmp_path / "mine.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as info:
        load_terms(path)
    assert "mine.toml" in str(info.value)


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("losses", "loss"),
        ("passes", "pass"),
        ("boxes", "box"),
        ("crashes", "crash"),
        ("matches", "match"),
        ("churches", "church"),
        ("punches", "punch"),
        ("avalanches", "avalanche"),  # the table's exception to the "-nches" rule
        ("horses", "horse"),
        ("countries", "country"),
        ("wives", "wife"),
    ],
)
def test_a_plural_and_its_singular_count_one_thing(plural: str, singular: str) -> None:
    """ "three losses" and "a loss" count one thing: the plural's "-es" comes off after ss, x, sh, ch; two
    reports of the plural, two figures, are compared."""
    terms = default_terms()
    assert terms.thing(plural, plural) == terms.thing(singular, singular)
    report = crosscheck.check(
        [
            make_doc("a", f"Officials reported two {plural} on Monday."),
            make_doc("b", f"Officials reported three {plural} on Monday."),
        ]
    )
    assert [terms.thing(plural, plural)] == [
        c.about.thing for c in report.claims if c.document == "a" and c.kind == "quantity"
    ]
    assert len(report.conflicts) + len(report.possible_conflicts) == 1

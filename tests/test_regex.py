"""Word-list tries find exactly what a longest-first alternation of the same words finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck._regex import trie

PIECES = ["on", "one", "o", "ne", "t", "tw", "two", "e", "US", "us", "U", "S", "a", " ", "-", ".", "x"]
WORDS = st.lists(st.text(alphabet="onetwUSa -.", min_size=1, max_size=6), min_size=1, max_size=8)
TEXT = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@settings(max_examples=400, deadline=None, database=None)
@given(WORDS, TEXT)
def test_trie_matches_like_the_alternation(words: list[str], text: str) -> None:
    for flags in (0, re.IGNORECASE):
        plain = re.compile(rf"(?<!\w)(?:{_alternation(words)})(?!\w)", flags)
        fast = re.compile(rf"(?<!\w)(?:{trie(words)})(?!\w)", flags)
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=400, deadline=None, database=None)
@given(WORDS, WORDS, TEXT)
def test_folded_trie_keeps_short_capitals_case_sensitive(
    anycase: list[str], exact: list[str], text: str
) -> None:
    exact = [w.upper() for w in exact]
    parts = sorted(
        [(w, f"(?i:{re.escape(w)})") for w in anycase] + [(w, re.escape(w)) for w in exact],
        key=lambda p: -len(p[0]),
    )
    plain = re.compile(r"(?<!\w)(?:" + "|".join(p for _, p in parts) + r")(?!\w)")
    fast = re.compile(r"(?<!\w)" + trie(anycase, exact_case=exact, fold=True) + r"(?!\w)", re.IGNORECASE)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_aliases_in_text() -> None:
    pattern = re.compile(
        r"\b" + trie(["united states", "us army"], exact_case=["US"], fold=True) + r"\b", re.I
    )
    found = [m.group(0) for m in pattern.finditer("The US and the U.S. Army; us army, us and United States.")]
    assert found == ["US", "us army", "United States"]


NUMBERISH = [
    "two",
    "twenty-first",
    "a dozen",
    "dozens of",
    "half of",
    "a third of",
    "twice",
    "threefold",
    "one in five",
    "US$",
    "¥",
    "USD ",
    "€",
    "5",
    "1,200",
    "٣",
    "between",
    "from",
    " to ",
    "-",
    " and ",
    "the",
    " ",
    "x",
    "a",
    "A",
    "Million",
]


@settings(max_examples=600, deadline=None, database=None)
@given(st.lists(st.one_of(st.sampled_from(NUMBERISH), st.text(max_size=3)), max_size=4).map("".join))
def test_number_candidate_is_in_every_number_match(text: str) -> None:
    """A sentence the `CANDIDATE` prefilter rejects has no `NUMBER` or `FORMS` match: skipping it loses nothing."""
    from crosscheck.numbers import CANDIDATE, FORMS, NUMBER

    if CANDIDATE.search(text) is None:
        assert NUMBER.search(text) is None
        assert FORMS.search(text) is None


def test_number_candidate_covers_every_number_word() -> None:
    """Every word of the number lists, alone or in the forms that start with it, passes the prefilter."""
    from crosscheck import numbers as n

    words = {
        *n.SMALL, *n.TENS, *n.SCALES, *n.ORDINALS, *n.FRACTIONS, *n.MULTIPLIERS, *n.VAGUE_PLURALS,
        *n.CURRENCY_WORDS, *n.UNITS, *n.QUALIFIERS, "dozen", "hundred", "between", "from", "a", "an",
    }  # fmt: skip
    for word in sorted(words):
        for form in ("{w}", "a {w} of the", "{w}fold", "{w}-fold", "{w} in five", "{w}-first", "US$ {w}"):
            for text in (form.format(w=word), form.format(w=word).upper()):
                if n.NUMBER.search(text) or n.FORMS.search(text):
                    assert n.CANDIDATE.search(text), text


# The guards that let a pattern skip a position (a word that opens none of its alternatives) only
# make it faster: the patterns with and without them find the same matches.
GUARDED = [
    *NUMBERISH,
    "tens  of thousands",
    "hundreds\nof millions",
    "in his early 30s",
    "In their twenties",
    "a pair of",
    "an-",
    "A quarter",
    "two-thirds",
    "One in every",
    "fivefold",
    "sixty-fourth",
    "Scores",
    "injured",
    "Jan5",
    " Jan. 5 to Feb 6",
    "from March 3 - March 5",
    "MONDAY to friday",
    " 4 of May 2019",
    "mid-July",
    "august",
    "Sept. 3",
    "May",
    "mayor",
    "Marine",
    "decided",
    "Monday’s",
    "did not",
    "would not",
    "is now expected to",
    "said",
    "n't",
    "'ll",
]
GUARDED_TEXT = st.lists(st.one_of(st.sampled_from(GUARDED), st.text(max_size=3)), max_size=6).map("".join)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@settings(max_examples=800, deadline=None, database=None)
@given(GUARDED_TEXT)
def test_number_guards_change_no_match(text: str) -> None:
    from crosscheck import numbers as n

    for pattern, guard in (
        (n.NUMBER, n._NUMBER_GUARD),
        (n.FORMS, n._FORMS_GUARD),
        (n.CANDIDATE, f"(?=[{n._CANDIDATE_FIRSTS}])"),
    ):
        assert guard in pattern.pattern
        plain = re.compile(pattern.pattern.replace(guard, "", 1), pattern.flags)
        assert _spans(pattern, text) == _spans(plain, text)


@settings(max_examples=800, deadline=None, database=None)
@given(GUARDED_TEXT)
def test_cue_guards_change_no_match(text: str) -> None:
    from crosscheck.polarity import _alternatives, _default_data, _pattern

    data = _default_data()
    lists = [data["negation"]["words"] + data["negation"]["verbs"], data["negation"]["exceptions"]]
    lists += [cues for cues in data["hedge"].values()]
    for cues in lists:
        cues = [" ".join(c.lower().split()) for c in cues if not c.startswith(("n'", "n’"))]
        plain = re.compile("|".join(_alternatives(cues)[0]), re.IGNORECASE)
        assert _spans(_pattern(cues), text) == _spans(plain, text)


@settings(max_examples=800, deadline=None, database=None)
@given(GUARDED_TEXT)
def test_date_needs_and_hints_hold_in_every_match(text: str) -> None:
    """A date pattern is skipped when its need (or a hint of it) is absent: every match holds both."""
    from crosscheck.date_patterns import NEED_HINTS, NEEDS, PATTERNS

    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            need = NEEDS[kind]
            assert need.search(m.group()), (kind, m.group())
            assert any(hint in m.group().lower() for hint in NEED_HINTS.get(need, [""])), (kind, m.group())

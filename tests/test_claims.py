"""Claims: what becomes a claim, what does not, and what each claim is about."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from crosscheck.claims import LINE_NOISE, MENTION_NOISE, extract, line_noise, mention_noise
from crosscheck.dates import find_dates
from crosscheck.quantities import find_quantities
from crosscheck.reading import read
from crosscheck.segment import split_sentences

from .conftest import make_doc


def _quantities(text: str) -> list[str]:
    return [c.text for c in extract(make_doc("d", text)) if c.kind == "quantity"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cpl. Janice Leader, a 911 dispatcher, said 12 people called.", ["12 people"]),
        ("Ships carry over nearly $100 billion of trade each year.", []),
        ("He served 41 / 2 months in prison.", []),
        ("Call police on 0845 125 2222 now.", []),
        ("Posted at 10:04 am on May 14, 2013 with 300 comments", []),
        ("Beijing sent more than 2,000 troops.", ["more than 2,000 troops"]),
    ],
)
def test_noise_is_not_a_claim(text: str, expected: list[str]) -> None:
    """Emergency numbers, stacked qualifiers, fractions, phone numbers and page metadata make no claim."""
    assert _quantities(text) == expected


def test_rates_are_not_totals() -> None:
    """ "$23 million per season" is a rate (unit USD/season), never compared with a total."""
    (claim,) = [
        c for c in extract(make_doc("d", "They offered $23 million per season.")) if c.kind == "quantity"
    ]
    assert claim.value.unit == "USD/season"  # type: ignore[union-attr]


def test_claims_know_their_actor_and_pronoun_subjects() -> None:
    """The actor comes from aliases or the sentence's first name; a pronoun subject is marked unresolved."""
    doc = make_doc(
        "d",
        "In September, Beijing sent more than 2,000 troops. He had 53 catches for 605 yards. "
        "Jamaal Charles rushed for 226 yards.",
    )
    about = {c.text: c.about for c in extract(doc) if c.kind == "quantity"}
    assert about["more than 2,000 troops"].actor == "China"
    assert about["53 catches"].unresolved_subject
    assert about["226 yards"].actor == "Charles"
    for claim in extract(doc):
        assert doc.text[claim.span.start : claim.span.end] == claim.text


FURNITURE: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).resolve().parent / "cases" / "quantities.toml").read_text(encoding="utf-8")
)["furniture"]


# The rules for page furniture (the others drop numbers that cannot be read, and "today").
_FURNITURE_RULES = {
    "metadata_line",
    "metadata_stamp",
    "gallery_caption",
    "related_story_list",
    "phone_number",
    "channel_number",
    "broadcast_time",
    "time_of_day",
}


def _fired(text: str) -> set[str]:
    """The names of the noise rules that drop a sentence or a mention of ``text``."""
    names: set[str] = set()
    reading = read(make_doc("d", text))
    for sentence in reading.sentences:
        s, e = sentence.span.start, sentence.span.end
        line = line_noise(reading, sentence)
        if line is not None:
            names.add(line)
            continue
        mentions = [*find_quantities("d", text, s, e), *find_dates("d", text, date(2023, 7, 17), s, e)]
        names.update(n for n in (mention_noise(text, s, e, m) for m in mentions) if n is not None)
    return names


@pytest.mark.parametrize("row", FURNITURE, ids=[r["text"][:40] for r in FURNITURE])
def test_page_furniture_is_not_claims(row: dict[str, Any]) -> None:
    """Gallery counters and captions, newscast and clock times, phone and channel numbers, bylines and
    update stamps, related-story lists: no claim, each dropped by its named rule."""
    doc = make_doc("d", row["text"])
    claims = [c for c in extract(doc) if c.kind != "event"]
    assert [c.text for c in claims] == row["keep"]
    for claim in claims:
        assert doc.text[claim.span.start : claim.span.end] == claim.text
    fired = _fired(row["text"])
    if "rule" in row:
        assert row["rule"] in fired
    else:
        assert not fired & _FURNITURE_RULES, fired


def test_noise_rules_are_named_and_tried_in_one_table() -> None:
    """Every rule has a distinct name, and the furniture table exercises every new furniture rule."""
    names = [n for n, _ in LINE_NOISE] + [n for n, _ in MENTION_NOISE]
    assert len(names) == len(set(names))
    tested = {r["rule"] for r in FURNITURE if "rule" in r}
    assert _FURNITURE_RULES <= tested <= set(names)


def test_noise_names_the_rule() -> None:
    """`line_noise` and `mention_noise` say which rule makes a sentence or a mention no claim."""
    text = "Call 555-1234 now. Police said 12 people died."
    first, second = split_sentences("d", text)
    (phone,) = find_quantities("d", text, first.span.start, first.span.end)
    (people,) = find_quantities("d", text, second.span.start, second.span.end)
    assert mention_noise(text, first.span.start, first.span.end, phone) == "phone_number"
    assert mention_noise(text, second.span.start, second.span.end, people) is None
    assert line_noise(read(make_doc("d", text)), second) is None
    stamped = read(make_doc("d", "By Jane Doe\nPosted: May 3"))
    assert line_noise(stamped, stamped.sentences[1]) == "metadata_line"


def test_furniture_in_an_article_leaves_the_story() -> None:
    """A made-up article with every kind of furniture keeps only the story's claims, spans exact."""
    text = (
        "Two killed in crash on Elm Street\n"
        "By Jane Doe and Sam Roe, Staff Writers\n"
        "Updated: 5:02 PM, Apr 3, 2023\n"
        "MAPLETON — Two people were killed and three others were hurt on Monday, police said.\n"
        "Image 1 of 8\n"
        "A truck sits on the road after the crash. (Photo: Staff)\n"
        "Anyone with information is asked to call 555-1234 or (212) 555-0142.\n"
        "Channel 4 will have more at 6 p.m. Watch the 11:00 newscast for updates.\n"
        "Fox 5 learned that 2 vans were towed.\n"
        "Related:\n"
        "Three hurt in Elm Street fire\n"
        "Police arrest 2 in break-in\n"
        "Read more: 5 things to know about Elm Street\n"
    )
    doc = make_doc("d", text)
    claims = [c for c in extract(doc) if c.kind != "event"]
    assert [c.text for c in claims] == ["Two", "Two people", "three others", "on Monday", "2 vans"]
    for claim in claims:
        assert doc.text[claim.span.start : claim.span.end] == claim.text


@pytest.mark.parametrize(
    ("text", "claim", "bound", "interval", "unit"),
    [
        ("He served over 10 years in prison.", "over 10 years", "more_than", "(10, inf)", "year"),
        ("He served more than 10 years in prison.", "more than 10 years", "more_than", "(10, inf)", "year"),
        (
            "Children under the age of ten got in free.",
            "under the age of ten",
            "less_than",
            "(-inf, 10)",
            "year_of_age",
        ),
        ("No one under 18 was charged.", "under 18", "less_than", "(-inf, 18)", None),
    ],
)
def test_qualifiers_are_read_literally(
    text: str, claim: str, bound: str, interval: str, unit: str | None
) -> None:
    """ "over 10 years" is more than ten years, "under the age of ten" less than ten, as claims too."""
    (found,) = [c for c in extract(make_doc("d", text)) if c.kind == "quantity"]
    value = found.value
    assert (found.text, value.bound, str(value.interval), value.unit) == (claim, bound, interval, unit)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "hedges"),
    [
        (
            "The changes, which will go into effect in about 30 days, were completed in just four months.",
            {"about 30 days": "future", "four months": None},
        ),
        (
            "The plan, which was announced on Monday, will send 2,000 troops.",
            {"on Monday": None, "2,000 troops": "future"},
        ),
        (
            "The man, who will be sentenced next week, killed three people.",
            {"next week": "future", "three people": None},
        ),
    ],
)
def test_an_aside_keeps_its_own_hedge(text: str, hedges: dict[str, str | None]) -> None:
    """A relative clause set off by commas hedges what it holds, never the clause around it."""
    found = {c.text: c.hedge for c in extract(make_doc("d", text)) if c.kind in ("quantity", "date")}
    assert found == hedges


def test_all_but_is_not_a_count() -> None:
    """ "all but five" counts the others, not five: no claim of five."""
    assert _quantities("All but five of the passengers survived.") == []
    assert _quantities("All but five of 30 passengers survived.") == ["30 passengers"]


def test_line_rules_read_each_line_of_their_own_document() -> None:
    """A caption line of two sentences is dropped whole; a document whose line at the same place is
    prose keeps its claims (a line's verdict is kept on its document's reading, never another's)."""
    caption = "Rescue crews\nPhoto 3 of 12. Crews pulled 4 people out. (AP Photo/Jane Doe)\nNo more."
    prose = "Rescue crews\nPolice said 12 people died. Crews pulled 4 people out.\nNo more."
    captioned, plain = read(make_doc("a", caption)), read(make_doc("b", prose))
    assert [line_noise(captioned, s) for s in captioned.sentences[1:4]] == ["gallery_caption"] * 3
    assert [line_noise(plain, s) for s in plain.sentences[1:3]] == [None, None]
    assert _quantities(prose) == ["12 people", "4 people"]
    assert _quantities(caption) == []

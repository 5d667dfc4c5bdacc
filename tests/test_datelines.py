"""News datelines ("RIVERTON, March 4 —", "LONDON (Reuters) -"): found at the head of a document, give its
publication date when they print a year and nothing else does, and are never a claim's date, actor or place.

The tables are the golden cases: text -> the dateline as printed (None: no dateline), its place and
agency, the date `parse_dateline` gives; and text -> the claims of the body, which must be those of the
same body without its dateline.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

import pytest

import crosscheck
from crosscheck.claims import extract
from crosscheck.dates import find_dateline, parse_dateline
from crosscheck.model import Document


class Row(NamedTuple):
    text: str
    dateline: str | None  # the dateline as printed, with its dash and the spaces after it
    place: str | None = None
    agency: str | None = None
    published: dt.date | None = None


DATELINES = [
    Row("RIVERTON, March 4 — At least 12 people died.", "RIVERTON, March 4 — ", "RIVERTON"),
    Row("RIVERTON, Wyo. (AP) — Two bridges collapsed.", "RIVERTON, Wyo. (AP) — ", "RIVERTON", "AP"),
    Row(
        "LONDON, March 4 (Reuters) - The bank cut 300 jobs.",
        "LONDON, March 4 (Reuters) - ",
        "LONDON",
        "Reuters",
    ),
    Row("OSLO, Jan. 9 -- Ferries stopped.", "OSLO, Jan. 9 -- ", "OSLO"),
    Row("ST. LOUIS, Sept. 3 – A storm hit the city.", "ST. LOUIS, Sept. 3 – ", "ST. LOUIS"),
    Row("NEW YORK — Stocks fell for a third day.", "NEW YORK — ", "NEW YORK"),
    Row("Riverton, March 4 — The mill burned.", "Riverton, March 4 — ", "Riverton"),
    Row("Port Ellis (AP) — The mill burned.", "Port Ellis (AP) — ", "Port Ellis", "AP"),
    Row(
        "BANDA ACEH, Indonesia, Dec. 26, 2004 (AP) -- A quake struck.",
        "BANDA ACEH, Indonesia, Dec. 26, 2004 (AP) -- ",
        "BANDA ACEH",
        "AP",
        dt.date(2004, 12, 26),
    ),
    Row(
        "WASHINGTON, July 4th, 2023 — Fireworks lit the sky.",
        "WASHINGTON, July 4th, 2023 — ",
        "WASHINGTON",
        None,
        dt.date(2023, 7, 4),
    ),
    # After a headline (and a byline): the first body paragraph.
    Row(
        "Flood hits town\n\nRIVERTON, Wyo. (AP) — Two bridges fell.",
        "RIVERTON, Wyo. (AP) — ",
        "RIVERTON",
        "AP",
    ),
    Row(
        "Mill fire kills 12\nBy Dana Whitfield\n\nRIVERTON, March 4, 2024 — The mill burned.",
        "RIVERTON, March 4, 2024 — ",
        "RIVERTON",
        None,
        dt.date(2024, 3, 4),
    ),
    # A date that is no day: the dateline is still one, and gives no date.
    Row("LONDON, Feb. 30, 2024 — Markets closed.", "LONDON, Feb. 30, 2024 — ", "LONDON"),
    # No dateline.
    Row("BREAKING — Police said 12 people died.", None),
    Row("Riverton — The mill burned.", None),  # a place in title case needs a date or an agency
    Row("Police said — and officials agreed — that 12 died.", None),
    Row("I — for one — disagree.", None),
    Row("He said: LONDON — the city — was calm.", None),
    Row(
        "The fire began at dawn and burned for six hours before firefighters could reach the mill.\n"
        "LONDON — Stocks fell.",
        None,
    ),  # a body paragraph came first
    Row("a\nb\nc\nd\ne\nf\ng\nh\nLONDON — Stocks fell.", None),  # too far down for a dateline
    Row("In September, Beijing sent more than 2,000 troops.", None),
    Row("MILL FIRE — 12 DEAD\n\nThe mill burned.", None),  # a headline in capitals
    Row(
        "Mill fire\nRIVERTON, March 4, 2024 —\nThe mill burned.",
        "RIVERTON, March 4, 2024 —",
        "RIVERTON",
        None,
        dt.date(2024, 3, 4),
    ),
    Row("MILL FIRE —\nThe mill burned.", None),  # alone on its line, a dateline needs a date or an agency
    Row(
        "Why did twelve people die in the Riverton mill fire, and who knew the alarms were broken?\n"
        "RIVERTON, March 4 — The mill burned.",
        "RIVERTON, March 4 — ",
        "RIVERTON",
    ),  # a long headline that asks
]


@pytest.mark.parametrize("row", DATELINES, ids=lambda r: r.text[:40])
def test_dateline_table(row: Row) -> None:
    found = find_dateline(row.text)
    if row.dateline is None:
        assert found is None
        return
    assert found is not None
    assert row.text[found.start : found.end] == row.dateline
    assert (found.place, found.agency) == (row.place, row.agency)
    assert found.date == row.published
    assert parse_dateline(row.text) == row.published


class ClaimRow(NamedTuple):
    dateline: str  # put before the body
    body: str
    not_actors: tuple[str, ...]  # what the dateline would otherwise have given


PUBLISHED = dt.date(2024, 3, 6)  # a Wednesday
CLAIMS = [
    ClaimRow(
        "RIVERTON, March 4 — ",
        "At least 12 people died in a fire at the old mill, officials said.",
        ("March", "RIVERTON", "Riverton"),
    ),
    ClaimRow(
        "LONDON, March 4 (Reuters) - ", "The bank cut 300 jobs.", ("United Kingdom", "London", "Reuters")
    ),
    ClaimRow(
        "RIVERTON, Wyo. (AP) — ", "Two bridges collapsed on Monday, the mayor said.", ("Wyo", "RIVERTON")
    ),
    ClaimRow(
        "BANDA ACEH, Indonesia, Dec. 26, 2004 (AP) -- ",
        "The quake killed more than 300 people on Sunday.",
        ("Indonesia", "Dec", "ACEH", "BANDA ACEH"),
    ),
    ClaimRow("Port Ellis, March 4 — ", "Three ships ran aground in 2023.", ("Ellis", "Port Ellis", "March")),
]


def _claims(text: str, published: dt.date | None = PUBLISHED) -> list[tuple[object, ...]]:
    doc = Document(id="d", text=text, published=published)
    return [
        (c.kind, c.text, c.value, c.about.actor, c.about.when, c.about.place, c.span.start)
        for c in extract(doc)
    ]


@pytest.mark.parametrize("row", CLAIMS, ids=lambda r: r.dateline.strip())
def test_a_dateline_adds_nothing_to_the_claims(row: ClaimRow) -> None:
    """The claims of dateline + body are the body's own, at the same place in it: no date, actor or place
    comes from the dateline (today's reading made "March 4" the lead's event date and "March" its actor)."""
    shift = len(row.dateline)
    with_dateline = _claims(row.dateline + row.body)
    alone = [(*c[:-1], c[-1] + shift) for c in _claims(row.body)]
    assert with_dateline == alone
    assert with_dateline, "the body's claims are still found"
    for claim in with_dateline:
        assert claim[1] not in row.dateline
        assert claim[3] not in row.not_actors and claim[5] not in row.not_actors


def test_a_dateline_after_a_headline_adds_nothing_either() -> None:
    """The dateline opens the first body paragraph; the headline's own claims stay."""
    head = "Mill fire kills 12\n\n"
    body = "At least 12 people died in a fire at the old mill on Monday."
    with_dateline = _claims(head + "RIVERTON, March 4 — " + body)
    without = _claims(head + body)
    shift = len("RIVERTON, March 4 — ")
    assert [c[:-1] for c in with_dateline] == [c[:-1] for c in without]
    assert [c[-1] for c in with_dateline] == [c[-1] if c[-1] < len(head) else c[-1] + shift for c in without]
    assert not any(c[0] == "date" and c[1] == "March 4" for c in with_dateline)


def test_a_dateline_with_a_year_dates_the_document(tmp_path: Path) -> None:
    """A file with no other date takes the dateline's, marked inferred; the manifest still wins."""
    (tmp_path / "a.txt").write_text(
        "RIVERTON, March 4, 2024 — The mill burned on Monday.\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text("RIVERTON, March 4 — The mill burned on Monday.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(
        "RIVERTON, March 4, 2024 — The mill burned on Monday.\n", encoding="utf-8"
    )
    (tmp_path / "manifest.toml").write_text('[files."c.txt"]\npublished = 2024-03-05\n', encoding="utf-8")
    a, b, c = crosscheck.load_documents(tmp_path)
    assert (a.published, a.published_inferred) == (dt.date(2024, 3, 4), True)
    assert (b.published, b.published_inferred) == (None, False)  # no year: never guessed
    assert (c.published, c.published_inferred) == (dt.date(2024, 3, 5), False)
    report = crosscheck.check([a, b, c])
    dates = {(claim.document, claim.text): claim.value for claim in report.claims if claim.kind == "date"}
    assert set(dates) == {("a", "on Monday"), ("b", "on Monday"), ("c", "on Monday")}
    assert dates[("a", "on Monday")].earliest == dt.date(2024, 3, 4)  # resolved against the dateline's day
    assert dates[("b", "on Monday")].earliest is None  # no publication date: unresolved
    assert crosscheck.render(report, "json")  # the JSON contract holds the inferred date
    assert report.to_dict()["documents"][0]["published_inferred"] is True

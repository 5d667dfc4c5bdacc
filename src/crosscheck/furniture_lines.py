"""Page furniture lines: a whole sentence that is no claim, as named rules (tables, not branches).

A `LINE_NOISE` rule drops a whole sentence: bylines and update stamps, a line of dates and times,
gallery captions and counters, lists of links to other stories. `line_noise` names the first rule that
applies; each rule has its case rows in ``tests/test_claims.py``. The rules for one mention are
`noise.MENTION_NOISE`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice

from .date_patterns import MONTH_PREFIXES
from .lexicon import default_lexicon
from .model import Sentence
from .reading import Reading

__all__ = ["LINE_NOISE", "LineRule", "line_noise"]

LineRule = Callable[[Reading, Sentence], bool]  # (the document read, sentence)

# Lines that carry a page's metadata (bylines, credits, datelines, update stamps, copyright).
_METADATA = re.compile(
    r"\W*(?:posted|updated|last updated|last modified|published|first published|modified|copyright|©|"
    r"by\s+(?-i:(?!(?:The|This|That|Then|Now|Noon|Early|Late|Mid|Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)\b)[A-Z])|(?:written|reported|reporting|additional reporting|story|words|edited|editing|compiled|"
    r"photos?|photographs?|pictures?|video|images?)\s+by\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day,)",
    re.IGNORECASE,
)
# ... and stamps anywhere in a line ("Jane Doe | Updated: 5:02 PM", "posted 3 hours ago").
_METADATA_ANYWHERE = re.compile(
    r"\b(?:last updated|updated at|posted at|published at)\b|\b(?:posted|updated|published|modified):"
    r"|\b(?:posted|updated|published)\s+\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b"
    r"|;\s*(?:editing|additional reporting|writing) by\b",
    re.IGNORECASE,
)
# A line that is only an age stamp: "5 hours ago", "Jane Doe · 2 days ago".
_AGO_LINE = re.compile(
    r"(?:[^|·•]{0,40}[|·•]\s*)?\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\W*",
    re.IGNORECASE,
)


def _metadata_line(reading: Reading, sentence: Sentence) -> bool:
    """ "By Jane Doe, Staff Writer", "Posted: 3:15 PM", "Reporting by ...", "Photos by ..."."""
    return _METADATA.match(sentence.text) is not None


def _metadata_stamp(reading: Reading, sentence: Sentence) -> bool:
    """An update stamp inside a line ("... | Updated: 5:02 PM"), or a line that is one ("2 hours ago")."""
    if len(reading.lower) == len(reading.text):  # one character for one: the lower-cased text holds the line
        lower = reading.lower[sentence.span.start : sentence.span.end]
    else:
        lower = sentence.text.lower()
    if any(word in lower for word in _STAMP_WORDS) and _METADATA_ANYWHERE.search(sentence.text):
        return True
    return "ago" in lower and _AGO_LINE.fullmatch(sentence.text) is not None


# Every match of `_METADATA_ANYWHERE` holds one of these (a cheap test first: most lines hold none).
_STAMP_WORDS = ("updated", "posted", "published", "modified", " by")


def _mostly_dates(reading: Reading, sentence: Sentence) -> bool:
    """A line that is little more than a date or timestamp ("April 24, 2013 4:45pm")."""
    text = sentence.text
    if (
        _DIGIT.search(text) is None
        or len(list(islice(_WORD3.finditer(text), 4))) > 3  # more than three words: read no further
        or _ENDS_LIKE_PROSE.search(text)
    ):
        return False
    words = _WORD3.findall(text)
    if any(w.islower() and w not in _LINE_STAMP_WORDS for w in words):
        return False  # "He was sentenced November 8.": a verb, prose
    # "At least 12 people died." is a claim; "April 24, 2013 4:45pm" and "09/14/2013" are stamps.
    return bool(_STAMP.search(sentence.text)) or any(w.lower()[:3] in MONTH_PREFIXES for w in words)


_DIGIT = re.compile(r"\d")
_LINE_STAMP_WORDS = default_lexicon().words("claims.stamp_words")
_WORD3 = re.compile(r"[A-Za-z]{3,}")
# "In March, 12 people died.": a sentence that ends on a lower-case word and a full stop is prose.
_ENDS_LIKE_PROSE = re.compile(r"\b[a-z]{3,}[.!?][\"”’)]*\s*$")
_STAMP = re.compile(r"\d{1,2}\s*:\s*\d\d|\d{1,4}\s*/\s*\d{1,2}\s*/\s*\d{2,4}|\b(?:19|20)\d\d\b")

# Furniture lines are short: a longer line is never read as a caption or a link.
_SHORT_LINE = 400
# "Image 12 of 40", "Photo 3/12", "Slide #2 of 9"; a line that is only "1 of 15" or "(3 of 12)".
_GALLERY_COUNTER = re.compile(
    r"\b(?:images?|photos?|pictures?|pics?|slides?|gallery|videos?)\s*(?:#\s*)?\d+\s*(?:of|/)\s*\d+\b",
    re.IGNORECASE,
)
_LONE_COUNTER = re.compile(r"\W*\d+\s+of\s+\d+\W*")
# A photo credit marks its line as a caption: "(Photo: Staff)", "(AP Photo/Jane Doe)", "Getty Images".
_PHOTO_CREDIT = re.compile(
    r"\((?:[A-Za-z][\w.&]*\s+)?(?:photos?|images?|pictures?|video)\s*(?::|/|by\b|credit\b|courtesy\b)[^)]{0,60}\)"
    r"|\b(?:photos?|images?|pictures?)(?:\s+credit)?:\s|\bAP Photo\b|\bGetty Images\b",
    re.IGNORECASE,
)


# Every match of `_GALLERY_COUNTER` or `_PHOTO_CREDIT` holds one of these.
_CAPTION_WORDS = ("photo", "image", "pic", "slide", "galler", "video", "getty")


def _short_line(reading: Reading, number: int) -> str | None:
    """Line ``number`` of the text without its surrounding whitespace, or None when it is longer than
    `_SHORT_LINE` (or there is no such line); kept on the reading (a list of links reads its lines again)."""
    memo = reading.memo("furniture_lines.short_line")
    if number in memo:
        found: str | None = memo[number]
        return found
    line = reading.line(number)
    if line is None:
        found = None
    else:
        start, end = line
        found = reading.text[start:end].strip() if end - start <= _SHORT_LINE else None
    memo[number] = found
    return found


def _by_line(name: str, rule: Callable[[Reading, int], bool]) -> LineRule:
    """A `LineRule` of a rule that reads only the sentence's line: worked out once per line of a document
    (the sentences of one paragraph share it), kept on the reading."""

    def by_line(reading: Reading, sentence: Sentence) -> bool:
        memo = reading.memo(name)
        number = reading.line_number(sentence.span.start)
        found = memo.get(number)
        if found is None:
            found = memo[number] = rule(reading, number)
        return bool(found)

    by_line.__doc__ = rule.__doc__
    return by_line


def _gallery_line(reading: Reading, number: int) -> bool:
    """A gallery counter or caption: its line holds "Image 12 of 40" or a photo credit, is only a counter
    ("1 of 15"), or comes right after a line that is only a counter (no blank line between)."""
    line = _short_line(reading, number)
    if line is None:
        return False
    if _LONE_COUNTER.fullmatch(line):
        return True
    lower = line.lower()
    if any(word in lower for word in _CAPTION_WORDS) and (
        _GALLERY_COUNTER.search(line) or _PHOTO_CREDIT.search(line)
    ):
        return True
    previous = _short_line(reading, number - 1)
    return bool(previous and (_LONE_COUNTER.fullmatch(previous) or _GALLERY_COUNTER.fullmatch(previous)))


# What opens a list of links to other stories ("Related:", "More stories", "Read more", "See also"),
# alone on its line or before a headline on the same line ("Read more: 5 things to know").
_RELATED = re.compile(
    r"\W*(?:related(?:\s+(?:stories|story|articles|coverage|content|links|news|reading|videos?))?"
    r"|more\s+(?:stories|news|coverage|headlines)|more\s+from\s+(?-i:(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})"
    r"|read\s+more|see\s+also|also\s+read|read\s+also|you\s+(?:may|might)\s+also\s+like"
    r"|recommended(?:\s+(?:stories|reading|for\s+you))?|top\s+stories|most\s+(?:read|popular))"
    r"\s*(?P<sep>[:>»|•\-–—]+)?\s*",
    re.IGNORECASE,
)
# How many lines (headlines, stamps, blank lines: twice as many) a list of related stories may hold.
_RELATED_REACH = 15


def _opens_related(line: str) -> bool:
    """The line is a related-stories marker, alone or followed by a headline after a separator."""
    match = _RELATED.match(line)
    return match is not None and (match.end() == len(line) or match["sep"] is not None)


def _headline_like(line: str) -> bool:
    """A short line without a final stop: a headline, a link, a stamp."""
    return (
        0 < len(line.split()) <= 16
        and not line.endswith((":", ";", ","))
        and (not line.endswith(".") or line.endswith("..."))
    )


def _related_line(reading: Reading, number: int) -> bool:
    """A headline of another story: a short line under "Related:", "More stories", "Read more", "See
    also", with only other such lines (or blank ones) between."""
    kind = _related_kind(reading, number)
    if kind != "headline":
        return kind == "opens"
    for previous_number in range(number - 1, max(-1, number - 2 * _RELATED_REACH), -1):
        previous = _related_kind(reading, previous_number)
        if previous == "blank":
            continue
        if previous != "headline":
            return previous == "opens"
    return False


def _related_kind(reading: Reading, number: int) -> str | None:
    """What line ``number`` is to a list of related stories, kept on the reading (each line is read
    again by the lines after it): "opens" (`_opens_related`), "headline" (`_headline_like`), "blank",
    or None (long, missing, or prose)."""
    memo = reading.memo("furniture_lines.related_kind")
    if number in memo:
        found: str | None = memo[number]
        return found
    line = _short_line(reading, number)
    if line is None:
        found = None
    elif not line:
        found = "blank"
    elif _opens_related(line):
        found = "opens"
    else:
        found = "headline" if _headline_like(line) else None
    memo[number] = found
    return found


# The rules, in the order they are tried.
LINE_NOISE: tuple[tuple[str, LineRule], ...] = (
    ("metadata_line", _metadata_line),
    ("metadata_stamp", _metadata_stamp),
    ("mostly_dates", _mostly_dates),
    ("gallery_caption", _by_line("furniture_lines.gallery_caption", _gallery_line)),
    ("related_story_list", _by_line("furniture_lines.related_story_list", _related_line)),
)


def line_noise(reading: Reading, sentence: Sentence) -> str | None:
    """The name of the first `LINE_NOISE` rule by which ``sentence`` of the document read is page furniture, or None."""
    for name, rule in LINE_NOISE:
        if rule(reading, sentence):
            return name
    return None

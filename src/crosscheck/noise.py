"""What is no claim: page furniture and unreadable numbers, as named rules (tables, not branches).

A `LINE_NOISE` rule drops a whole sentence (bylines and update stamps, gallery captions and counters,
lists of links to other stories); a `MENTION_NOISE` rule drops one quantity or date mention (phone and
channel numbers, newscast and clock times, numbers glued to others or next to an undecodable
character, a number inside a name). `line_noise` and `mention_noise` name the first rule that
applies; each rule has its case rows in ``tests/test_claims.py``. The line rules are
`furniture_lines` (re-exported here).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from .furniture_lines import LINE_NOISE, line_noise
from .lexicon import Lexicon, default_lexicon
from .model import DateMention, QuantityMention

__all__ = ["LINE_NOISE", "MENTION_NOISE", "Mention", "line_noise", "mention_noise"]

# ---------------------------------------------------------------------------------------------
# Noise: what is not a claim, as named rules (tables, not branches)
#
# Page furniture (bylines and update stamps, gallery captions and counters, phone and channel
# numbers, newscast and clock times, lists of links to other stories) and numbers that cannot be
# read. A `LINE_NOISE` rule drops a whole sentence; a `MENTION_NOISE` rule drops one quantity or
# date mention of a sentence, before any claim is made of it. `line_noise` and `mention_noise` name
# the first rule that applies.

Mention = QuantityMention | DateMention
# (document text, sentence start, end, mention, the run's lexicon: data/claims.toml and a user's)
MentionRule = Callable[[str, int, int, Mention, Lexicon], bool]


def _undecodable_neighbour(text: str, start: int, end: int, m: Mention, lex: Lexicon) -> bool:
    """A number next to an undecodable character ("4\ufffd months") cannot be read."""
    if not isinstance(m, QuantityMention) or m.value.ordinal:
        return False
    return (
        "\ufffd"
        in text[max(start, m.span.start - 1) : m.span.start] + text[m.span.end : min(end, m.span.end + 1)]
    )


def _emergency_number(text: str, start: int, end: int, m: Mention, lex: Lexicon) -> bool:
    """ "a 911 dispatcher", "999 calls", "someone called 911": an emergency number, not a count."""
    if not isinstance(m, QuantityMention) or m.value.ordinal or m.text[:3] not in ("911", "999", "112"):
        return False
    if m.text.startswith(("911 ", "999 ", "112 ")) and (m.head or "") in lex.words("claims.emergency_heads"):
        return True
    return (
        m.text in ("911", "999", "112")
        and _DIALLED.search(text, max(start, m.span.start - 12), m.span.start) is not None
    )


_DIALLED = re.compile(r"\b(?:call(?:s|ed|ing)?|dial(?:s|ed|led|ing|ling)?)\s+\Z", re.IGNORECASE)


def _stacked_qualifiers(text: str, start: int, end: int, m: Mention, lex: Lexicon) -> bool:
    """ "over nearly $100 billion": two qualifiers at once cannot be read as one bound ("over" before a
    period is a preposition, no qualifier: "battled over more than five decades")."""
    if not isinstance(m, QuantityMention) or m.value.ordinal or m.value.bound == "exact":
        return False
    stacked = _STACKED.search(text, max(start, m.span.start - 12), m.span.start)
    if stacked is not None and stacked.group().lower().startswith("over") and m.value.unit in _PERIODS:
        return False
    return stacked is not None


_PERIODS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade"})


_STACKED = re.compile(
    r"\b(?:over|about|nearly|almost|around|roughly|than|some|under|up to)\s+\Z", re.IGNORECASE
)


def _glued_numbers(text: str, start: int, end: int, m: Mention, lex: Lexicon) -> bool:
    """A number glued to others by "/" or spaces is a fraction, a date or a phone number, not a count."""
    if not isinstance(m, QuantityMention) or m.value.ordinal:
        return False
    before = text[max(start, m.span.start - 6) : m.span.start]
    after = text[m.span.end : min(end, m.span.end + 6)]
    if _GLUED_BEFORE.search(before):
        return True
    # a mention ending in its counted noun is not glued to the number after it: "a 14.1 rating / 33
    # share", "six AK 47 rifles 12 magazines" (a list); "5 / 6" and "11 30 09" are
    return m.head is None and _GLUED_AFTER.match(after) is not None


_GLUED_BEFORE = re.compile(r"(?:\d\s*/\s*|\d\s)\Z")
_GLUED_AFTER = re.compile(r"\s*/\s*\d|\s\d")


def _vague_now(text: str, start: int, end: int, m: Mention, lex: Lexicon) -> bool:
    """ "today", "now", "currently": the time of speaking, not a checkable date of an event."""
    return isinstance(m, DateMention) and m.text.lower().strip() in lex.words("claims.now_words")


# "555-0142", "(212) 555-0142", "1-800-555-0199", "+1 212.555.0142"; a bare local number
# ("555-0142") counts only after a cue ("call", "hotline") or when its last four digits are not round.
_PHONE = re.compile(
    r"(?<![\w.,/-])(?:\+?1[-.\s])?(?:\(\d{3}\)\s?|\d{3}[-.])\d{3}[-.]\d{4}(?![\w-])"
    r"|(?<![\w.,/(-])\d{3}-(?P<line>\d{4})(?![\w-])"
)
_PHONE_CUE = re.compile(
    r"\b(?:call|calls|calling|phone|telephone|tel|dial|hotline|tip\s*line|tips?|line|number|contact|"
    r"text|fax|reach(?:ed)?)\b[^.;!?]{0,25}\Z",
    re.IGNORECASE,
)


def _phone_number(text: str, start: int, end: int, m: Mention, lex: Lexicon) -> bool:
    """A number inside a phone number ("call 555-0142" is not the range 555-142)."""
    if not isinstance(m, QuantityMention) or m.value.ordinal or m.value.unit is not None:
        return False
    for phone in _PHONE.finditer(text, max(start, m.span.start - 20), min(end, m.span.end + 20)):
        if not phone.start() <= m.span.start < phone.end():
            continue
        if phone["line"] is None:
            return True
        cued = _PHONE_CUE.search(text, max(start, phone.start() - 40), phone.start()) is not None
        return cued or (m.noun is None and int(phone["line"]) % 100 != 0)
    return False


# A channel or station before a number: "Channel 4", "WCCO-TV Channel 4", "Fox 5", "NBC 4 New York".
_CHANNEL_BEFORE = re.compile(
    r"(?:\b(?i:channel|ch\.)|\b(?:FOX|Fox|NBC|CBS|ABC|CW|PBS|PIX|UPN|NewsCenter|NewsChannel|Univision|"
    r"Telemundo)|\b[KW][A-Z]{2,3}(?:-(?:TV|DT|HD|CD|LD))?)\s+\Z"
)


def _channel_number(text: str, start: int, end: int, m: Mention, lex: Lexicon) -> bool:
    """The number of a television channel or station, not a count."""
    if not isinstance(m, QuantityMention) or m.value.ordinal or m.value.unit is not None:
        return False
    return (
        m.value.amount < 1000
        and _CHANNEL_BEFORE.search(text, max(start, m.span.start - 16), m.span.start) is not None
    )


# What promotes a broadcast: "Watch at 5:30", "tune in Monday", "the 11:00 newscast", "has the latest".
# Case matters: "Human Rights Watch", "the new Airs" and "on suicide watch Monday" promote nothing.
_BROADCAST_CUE = re.compile(
    r"\b(?:[Tt]une\s+in|[Jj]oin\s+us|[Nn]ewscasts?|airs|will\s+air|live\s+at|[Nn]ews\s+at"
    r"|(?:has|have|will\s+have)\s+(?:more(?!\s+than)|the\s+latest|updates?|the\s+full\s+story)"
    r"|(?P<watch>[Ww]atch)(?=\s+(?:it\b|at\b|on\b|live\b|tonight\b|the\b|[A-Z0-9])))\b"
)
# "Watch" promotes only as a command: opening the sentence, or after "to", "and", "tune in".
_COMMAND_BEFORE = re.compile(r"(?:[.!?:|•]|\b(?:to|and|or|then|please|in))\s*\Z")


def _broadcast_time(text: str, start: int, end: int, m: Mention, lex: Lexicon) -> bool:
    """A date or a bare number in a newscast promotion ("Tune in Monday at 6 p.m.", "News at 5, 6 and 10")."""
    if isinstance(m, QuantityMention) and (
        m.value.ordinal
        or m.value.unit is not None
        or (m.head is not None and m.head not in lex.words("claims.broadcast_nouns"))
    ):
        return False
    for cue in _BROADCAST_CUE.finditer(text, max(start, m.span.start - 60), min(end, m.span.end + 30)):
        if cue["watch"] is None or not text[start : cue.start()].strip():
            return True
        if _COMMAND_BEFORE.search(text, max(start, cue.start() - 12), cue.start()):
            return True
    return False


# "at 6 tonight", "until 9 every night", "at 10 ET": a clock time, not a count ("stood at 9" is one).
_CLOCK_BEFORE = re.compile(
    r"(?<!stood )(?<!stands )(?<!was )(?<!is )(?<!remained )(?<!rose )(?<!risen )"
    r"\b(?:at|until|till|from|by|before|after)\s+(?:about\s+|around\s+|approximately\s+)?\Z",
    re.IGNORECASE,
)
_CLOCK_AFTER = re.compile(
    r"\s*(?:tonight|this\s+(?:morning|afternoon|evening)|(?:in\s+the|every|each)\s+(?:morning|afternoon|"
    r"evening|night)|sharp|local\s+time|(?-i:[ECMP][SD]?T))\b",
    re.IGNORECASE,
)
_LEADING_NUMBER = re.compile(r"\d{1,2}\b")


def _time_of_day(text: str, start: int, end: int, m: Mention, lex: Lexicon) -> bool:
    """A clock time written without "p.m." or a colon."""
    if not isinstance(m, QuantityMention) or m.value.ordinal or m.value.unit is not None:
        return False
    number = _LEADING_NUMBER.match(text, m.span.start, m.span.end)
    return (
        number is not None
        and 0 < int(number.group()) <= 24
        and _CLOCK_AFTER.match(text, number.end(), end) is not None
        and _CLOCK_BEFORE.search(text, max(start, m.span.start - 30), m.span.start) is not None
    )


# A capitalised word that is not the first of its clause, right before bare digits: a designation
# ("Series 8", "Route 94", "Internet Explorer 8", "the Chiefs 7"), not a count.
_NAME_BEFORE = re.compile(r"\w[\w,'’]*\s+(?-i:([A-Z][A-Za-z]+))\s\Z")
_BARE_DIGITS = re.compile(r"\d+(?:\.\d+)?(?=\s|$)")


def _title_cased(line: str) -> bool:
    """Most words of four letters or more capitalised: a headline."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’]*", line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _name_number(text: str, start: int, end: int, m: Mention, lex: Lexicon) -> bool:
    """ "Series 8 of Doctor Who", "state Route 94", "Internet Explorer 8": bare digits after a name are
    part of it (not a month or weekday: "in September 2,000"; not with a counted plural: "Shot 11 Times")."""
    if not isinstance(m, QuantityMention) or m.value.ordinal or m.value.unit is not None:
        return False
    digits = _BARE_DIGITS.match(m.text)
    if digits is None or Decimal(digits.group()) != m.value.amount:
        return False  # words, a scale ("8 million"), a range
    if m.head is not None and len(m.head) > 2 and m.head.endswith("s") and not m.head.endswith("ss"):
        return False
    name = _NAME_BEFORE.search(text, max(start, m.span.start - 40), m.span.start)
    if name is None or _title_cased(text[start:end]):
        return False  # a headline capitalises its verbs too ("Quake Kills 10")
    word = name.group(1).lower()
    return word not in lex.words("dates.months") and word not in lex.words("dates.weekdays")


# The rules, in the order they are tried.
MENTION_NOISE: tuple[tuple[str, MentionRule], ...] = (
    ("undecodable_neighbour", _undecodable_neighbour),
    ("emergency_number", _emergency_number),
    ("stacked_qualifiers", _stacked_qualifiers),
    ("glued_numbers", _glued_numbers),
    ("vague_now", _vague_now),
    ("phone_number", _phone_number),
    ("channel_number", _channel_number),
    ("broadcast_time", _broadcast_time),
    ("time_of_day", _time_of_day),
    ("name_number", _name_number),
)


def mention_noise(
    text: str, start: int, end: int, mention: Mention, lexicon: Lexicon | None = None
) -> str | None:
    """The name of the first `MENTION_NOISE` rule by which ``mention`` (in the sentence ``text[start:end]``)
    is no claim, or None (``lexicon``: the run's, else the built-in one)."""
    lex = lexicon or default_lexicon()
    for name, rule in MENTION_NOISE:
        if rule(text, start, end, mention, lex):
            return name
    return None

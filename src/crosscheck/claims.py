"""Turn a document into atomic claims: one per quantity, ordinal and date, each with what it is about.

A sentence can hold many claims ("more than 2,000 troops along with more than 300 military vehicles,
21 combat aircraft and three warships" is four); they share the sentence's context words, event time
and place, and each gets its own counted thing and actor.

What is *not* a claim is decided in one place, by named rules (the "Noise" section): `LINE_NOISE`
drops a whole sentence (bylines and update stamps, gallery captions and counters, lists of links to
other stories), `MENTION_NOISE` one quantity or date mention (phone and channel numbers, newscast and
clock times, numbers glued to others or next to an undecodable character, "today"). `line_noise`
and `mention_noise` name the rule that applies.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import attrs

from .attribution import Attribution, find_attributions, source_at, speech_time
from .config import Config
from .date_patterns import MONTHS, WEEKDAYS
from .dates import Dateline, find_dateline, find_dates
from .events import EventMention, find_events, verbs_of
from .lexicon import Lexicon, default_lexicon
from .model import About, Claim, DateMention, DateValue, Document, QuantityMention, Sentence, Span
from .numbers import NUMBER_WORDS
from .polarity import Cues, claim_window, cues_of, stance
from .quantities import find_quantities
from .reading import Reading, read
from .scopes import scope_of
from .slots import SLOT_UNITS, measure_of
from .terms import Terms, default_terms

__all__ = [
    "LINE_NOISE",
    "MENTION_NOISE",
    "NAME_FILTERS",
    "extract",
    "extract_sentence",
    "line_noise",
    "mention_noise",
]

_VERB = re.compile(
    r"\b(?:[a-z]+ed|sent|flew|took|held|made|began|led|saw|gave|built|won|lost|struck|hit|met|"
    r"fell|rose|grew|sold|bought|paid|left|brought|fought|shot|spent|set|put|cut|said|told|"
    r"involved|dispatched|include[sd]?)\b"
)
_DIGITS = re.compile(r"\d[\d,.]*")
# A proper name before the claim in its clause ("Jamaal Charles rushed for 226 yards"): its last word.
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ \-][A-Z][a-z]+)*\b")
# "roughly $22 million per season": a rate, not a total.
_RATE = re.compile(r"\s+(?:per|a|an|each)\s+([a-z]+)\b")


def extract(
    doc: Document,
    *,
    config: Config | None = None,
    terms: Terms | None = None,
    events: bool = False,
    reading: Reading | None = None,
) -> tuple[Claim, ...]:
    """Every claim of ``doc``, in text order; ``events=True`` adds event claims ("Russian bombers landed in China").

    ``reading``: ``doc`` already read (`reading.read`), else it is read here, once."""
    config = config or Config()
    terms = terms or default_terms()
    reading = reading or read(doc)
    out: list[Claim] = []
    sentences = reading.sentences
    attributions = find_attributions(doc.text, sentences, terms, reading=reading)
    events = events or config.events
    dateline = find_dateline(doc.text)
    for number, sentence in enumerate(sentences):
        out.extend(
            extract_sentence(
                reading,
                sentence,
                config=config,
                terms=terms,
                attributions=attributions,
                events=events,
                lead=number < LEAD_SENTENCES,
                dateline=dateline,
            )
        )
    return tuple(out)


# The headline and the first sentences: where a story states its main facts (the toll, the date),
# rather than background ("the 2004 tsunami killed 230,000") or a part ("10 in one district").
LEAD_SENTENCES = 4


def extract_sentence(
    reading: Reading,
    sentence: Sentence,
    *,
    config: Config,
    terms: Terms,
    attributions: Sequence[Attribution] = (),
    events: bool = False,
    lead: bool = False,
    dateline: Dateline | None = None,
) -> list[Claim]:
    """The claims of one sentence of the document ``reading`` reads, each with who asserts it (from
    ``attributions``), polarity and hedge; ``lead``: the sentence is one of the document's first
    (`LEAD_SENTENCES`); ``dateline``: the document's (`dates.find_dateline`), whose words are no date,
    actor or place of any claim."""
    doc, lex = reading.doc, terms.lexicon
    cues = cues_of(lex)
    s, e = sentence.span.start, sentence.span.end
    if dateline is not None and s < dateline.end and dateline.start < e:
        s = max(s, dateline.end)  # the sentence's content starts after the dateline
    if s >= e or line_noise(reading, sentence) is not None:
        return []
    dates = tuple(
        d
        for d in find_dates(doc.id, doc.text, doc.published, s, e)
        if mention_noise(doc.text, s, e, d, lex) is None
    )
    quantities = [
        _rate(doc.text, q, e, lex)
        for q in find_quantities(doc.id, doc.text, s, e, tolerance=config.approx_tolerance)
        if not any(q.span.overlaps(d.span) for d in dates) and mention_noise(doc.text, s, e, q, lex) is None
    ]
    places = terms.places_in(doc.text, s, e)
    place = places[0][1] if places else None
    actors = terms.actors_in(doc.text, s, e)
    claims: list[Claim] = []
    for q in quantities:
        when = _event_time(q.span, dates)
        measure = measure_of(doc.text, q, s, e, terms)
        if measure in SLOT_UNITS and q.value.unit is None:
            q = attrs.evolve(q, value=attrs.evolve(q.value, unit=SLOT_UNITS[measure]))
        about = About(
            thing=terms.thing(q.noun, q.head) or q.value.unit,
            phrase=q.noun,
            measure=measure,
            actor=_age_holder(doc.text, q, s, e)
            if measure == "age"
            else _actor(reading, q, actors, terms, s),
            action=_canonical_action(terms, _action(reading, s, q.span.start)),
            place=place or _local_place(reading, s, e, q.span.start, q.span.end),
            when=when,
            context=_context(doc.text, q.span, sentence, dates, quantities, terms, config.context_window),
            near=_context(doc.text, q.span, sentence, dates, quantities, terms, config.near_window),
            unresolved_subject=_pronoun_subject(reading, s, q.span.start),
            lead=lead,
            part=_PART_BEFORE.search(doc.text, max(s, q.span.start - 40), q.span.start) is not None,
            scope=scope_of(doc.text, q, s, e, terms),
        )
        kind = "ordinal" if q.value.ordinal else "quantity"
        claims.append(_claim(doc, q.span, q.text, kind, sentence, q.value, about))
    for d in dates:
        about = About(
            thing=None,
            phrase=None,
            actor=_clause_actor(reading, d.span.start, actors, s)
            or _name_before(doc.text, s, d.span.start, terms),
            action=_canonical_action(
                terms, _action(reading, s, d.span.start) or _action_after(reading, d.span.end, e)
            ),
            place=place,
            when=d.value if d.value.relation == "on" else None,
            context=_context(doc.text, d.span, sentence, dates, quantities, terms, config.context_window),
            near=_context(doc.text, d.span, sentence, dates, quantities, terms, config.near_window),
            lead=lead,
        )
        claims.append(_claim(doc, d.span, d.text, "date", sentence, d.value, about))
    mentions = find_events(doc.text, s, e, terms, verbs=verbs_of(lex), cues=cues, reading=reading)
    if events:
        taken = {(c.span.start, c.span.end) for c in claims}
        for m in mentions:
            if (m.start, m.end) not in taken:
                span = Span(doc.id, m.start, m.end)
                about = About(
                    actor=next((a for at, a in actors if m.subject_start <= at < m.verb_start), None),
                    action=m.event.action,
                    place=m.event.place,
                    when=_event_time(span, dates),
                    context=_context(
                        doc.text, span, sentence, dates, quantities, terms, config.context_window
                    ),
                )
                claims.append(_claim(doc, span, doc.text[m.start : m.end], "event", sentence, m.event, about))
    claims = [_annotate(doc.text, c, sentence.span.start, mentions, attributions, cues) for c in claims]
    claims.sort(key=lambda c: (c.span.start, c.span.end))
    return claims


def _annotate(
    text: str,
    claim: Claim,
    sentence_start: int,
    mentions: list[EventMention],
    attributions: Sequence[Attribution],
    cues: Cues,
) -> Claim:
    """The claim with its source, polarity and hedge: an event's own, else those of the event holding it, else its clause's."""
    holder = next((m for m in mentions if m.start <= claim.span.start and claim.span.end <= m.end), None)
    if holder is not None:
        polarity, hedge = holder.event.polarity, holder.event.hedge
    else:
        said = stance(text, *claim_window(text, sentence_start, claim.span.start, claim.span.end), cues)
        polarity, hedge = said.polarity, said.hedge
    spoken = claim.kind == "date" and speech_time(
        text, attributions, sentence_start, claim.span.start, claim.span.end
    )
    return attrs.evolve(
        claim,
        attribution=None if spoken else source_at(attributions, sentence_start, claim.span.start),
        polarity=polarity,
        hedge=hedge,
    )


# ---------------------------------------------------------------------------------------------
# Noise: what is not a claim, as named rules (tables, not branches)
#
# Page furniture (bylines and update stamps, gallery captions and counters, phone and channel
# numbers, newscast and clock times, lists of links to other stories) and numbers that cannot be
# read. A `LINE_NOISE` rule drops a whole sentence; a `MENTION_NOISE` rule drops one quantity or
# date mention of a sentence, before any claim is made of it. `line_noise` and `mention_noise` name
# the first rule that applies.

Mention = QuantityMention | DateMention
LineRule = Callable[[Reading, Sentence], bool]  # (the document read, sentence)
# (document text, sentence start, end, mention, the run's lexicon: data/claims.toml and a user's)
MentionRule = Callable[[str, int, int, Mention, Lexicon], bool]

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
    lower = sentence.text.lower()
    if any(word in lower for word in _STAMP_WORDS) and _METADATA_ANYWHERE.search(sentence.text):
        return True
    return "ago" in lower and _AGO_LINE.fullmatch(sentence.text) is not None


# Every match of `_METADATA_ANYWHERE` holds one of these (a cheap test first: most lines hold none).
_STAMP_WORDS = ("updated", "posted", "published", "modified", " by")


def _mostly_dates(reading: Reading, sentence: Sentence) -> bool:
    """A line that is little more than a date or timestamp ("April 24, 2013 4:45pm")."""
    words = re.findall(r"[A-Za-z]{3,}", sentence.text)
    if len(words) > 3 or not re.search(r"\d", sentence.text) or _ENDS_LIKE_PROSE.search(sentence.text):
        return False
    # "At least 12 people died." is a claim; "April 24, 2013 4:45pm" and "09/14/2013" are stamps.
    return bool(_STAMP.search(sentence.text)) or any(w.lower()[:3] in _MONTH_PREFIXES for w in words)


# "In March, 12 people died.": a sentence that ends on a lower-case word and a full stop is prose.
_ENDS_LIKE_PROSE = re.compile(r"\b[a-z]{3,}[.!?][\"”’)]*\s*$")
_STAMP = re.compile(r"\d{1,2}\s*:\s*\d\d|\d{1,4}\s*/\s*\d{1,2}\s*/\s*\d{2,4}|\b(?:19|20)\d\d\b")
_MONTH_PREFIXES = frozenset(m[:3] for m in MONTHS) | frozenset(w[:3] for w in WEEKDAYS)

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
    `_SHORT_LINE` (or there is no such line)."""
    line = reading.line(number)
    if line is None:
        return None
    start, end = line
    return reading.text[start:end].strip() if end - start <= _SHORT_LINE else None


def _gallery_caption(reading: Reading, sentence: Sentence) -> bool:
    """A gallery counter or caption: its line holds "Image 12 of 40" or a photo credit, is only a counter
    ("1 of 15"), or comes right after a line that is only a counter (no blank line between)."""
    number = reading.line_number(sentence.span.start)
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


def _related_story(reading: Reading, sentence: Sentence) -> bool:
    """A headline of another story: a short line under "Related:", "More stories", "Read more", "See
    also", with only other such lines (or blank ones) between."""
    number = reading.line_number(sentence.span.start)
    line = _short_line(reading, number)
    if line is None:
        return False
    if _opens_related(line):
        return True
    if not _headline_like(line):
        return False
    for previous_number in range(number - 1, max(-1, number - 2 * _RELATED_REACH), -1):
        previous = _short_line(reading, previous_number)
        if previous is None:
            return False
        if not previous:
            continue  # a blank line
        if _opens_related(previous):
            return True
        if not _headline_like(previous):
            return False
    return False


def _undecodable_neighbour(text: str, start: int, end: int, m: Mention, lex: Lexicon) -> bool:
    """A number next to an undecodable character ("4\ufffd months") cannot be read."""
    if not isinstance(m, QuantityMention) or m.value.ordinal:
        return False
    return (
        "\ufffd"
        in text[max(start, m.span.start - 1) : m.span.start] + text[m.span.end : min(end, m.span.end + 1)]
    )


def _emergency_number(text: str, start: int, end: int, m: Mention, lex: Lexicon) -> bool:
    """ "a 911 dispatcher", "999 calls": an emergency number, not a count."""
    return (
        isinstance(m, QuantityMention)
        and not m.value.ordinal
        and m.text.startswith(("911 ", "999 ", "112 "))
        and (m.head or "") in lex.words("claims.emergency_heads")
    )


def _stacked_qualifiers(text: str, start: int, end: int, m: Mention, lex: Lexicon) -> bool:
    """ "over nearly $100 billion": two qualifiers at once cannot be read as one bound."""
    if not isinstance(m, QuantityMention) or m.value.ordinal or m.value.bound == "exact":
        return False
    return _STACKED.search(text, max(start, m.span.start - 12), m.span.start) is not None


_STACKED = re.compile(
    r"\b(?:over|about|nearly|almost|around|roughly|than|some|under|up to)\s+\Z", re.IGNORECASE
)


def _glued_numbers(text: str, start: int, end: int, m: Mention, lex: Lexicon) -> bool:
    """A number glued to others by "/" or spaces is a fraction, a date or a phone number, not a count."""
    if not isinstance(m, QuantityMention) or m.value.ordinal:
        return False
    before = text[max(start, m.span.start - 6) : m.span.start]
    after = text[m.span.end : min(end, m.span.end + 6)]
    return bool(_GLUED_BEFORE.search(before) or _GLUED_AFTER.match(after))


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


# The rules, in the order they are tried.
LINE_NOISE: tuple[tuple[str, LineRule], ...] = (
    ("metadata_line", _metadata_line),
    ("metadata_stamp", _metadata_stamp),
    ("mostly_dates", _mostly_dates),
    ("gallery_caption", _gallery_caption),
    ("related_story_list", _related_story),
)
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
)


def line_noise(reading: Reading, sentence: Sentence) -> str | None:
    """The name of the first `LINE_NOISE` rule by which ``sentence`` of the document read is page furniture, or None."""
    for name, rule in LINE_NOISE:
        if rule(reading, sentence):
            return name
    return None


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


def _rate(text: str, q: QuantityMention, end: int, lex: Lexicon) -> QuantityMention:
    """Mark "$22 million per season" as a rate (unit "USD/season") so it is never compared with a total."""
    match = _RATE.match(text, q.span.end, end)
    if match is None or match.group(1) not in lex.words("claims.rate_units"):
        return q
    unit = f"{q.value.unit or q.head or 'count'}/{match.group(1)}"
    return attrs.evolve(q, value=attrs.evolve(q.value, unit=unit))


def _claim(
    doc: Document,
    span: Span,
    text: str,
    kind: str,
    sentence: Sentence,
    value: object,
    about: About,
) -> Claim:
    assert doc.text[span.start : span.end] == text, "span invariant broken at extraction"
    return Claim(
        id=f"{doc.id}:{span.start}-{span.end}",
        document=doc.id,
        kind=kind,  # type: ignore[arg-type]
        span=span,
        text=text,
        sentence=sentence.span,
        value=value,  # type: ignore[arg-type]
        about=about,
    )


def _context(
    text: str,
    span: Span,
    sentence: Sentence,
    dates: tuple[DateMention, ...],
    quantities: list[QuantityMention],
    terms: Terms,
    window: int,
) -> str:
    """Content words within ``window`` characters of the claim in its sentence.

    Date phrases are dropped and quantities reduced to their counted nouns, so two claims are
    compared on what they are about, never on their values.
    """
    lo = max(sentence.span.start, span.start - window)
    hi = min(sentence.span.end, span.end + window)
    while lo > sentence.span.start and not text[lo - 1].isspace():
        lo -= 1  # never cut a word at the window's edge
    while hi < sentence.span.end and not text[hi].isspace():
        hi += 1
    pieces: list[str] = []
    cursor = lo
    marks = sorted(
        [(d.span.start, d.span.end, "") for d in dates]
        + [(q.span.start, q.span.end, q.noun or "") for q in quantities]
    )
    for start, end, keep in marks:
        if end <= cursor or start >= hi:
            continue
        pieces.append(text[cursor : max(cursor, start)])
        pieces.append(f" {keep} ")
        cursor = min(end, hi) if end > cursor else cursor
    pieces.append(text[cursor:hi] if cursor < hi else "")
    return " ".join(terms.content_words(_DIGITS.sub(" ", "".join(pieces))))


def _event_time(span: Span, dates: tuple[DateMention, ...]) -> DateValue | None:
    """The resolved point-in-time date of the sentence nearest to ``span`` (None when there is none)."""
    best: tuple[int, DateValue] | None = None
    for d in dates:
        if d.value.relation != "on" or not d.value.resolved:
            continue
        distance = d.span.start - span.end if d.span.start >= span.end else span.start - d.span.end
        if best is None or distance < best[0]:
            best = (distance, d.value)
    return None if best is None else best[1]


def _clause_actor(
    reading: Reading, position: int, actors: list[tuple[int, str]], sentence_start: int
) -> str | None:
    """The first actor of the clause before ``position``, else the last actor before it in the sentence."""
    clause = reading.clause_start(sentence_start, position)
    before = [a for at, a in actors if at < position]
    in_clause = [a for at, a in actors if clause <= at < position]
    if in_clause:
        return in_clause[0]
    if before:
        return before[-1]
    return None


def _actor(
    reading: Reading, q: QuantityMention, actors: list[tuple[int, str]], terms: Terms, sentence_start: int
) -> str | None:
    """Who the quantity belongs to: a demonym inside its own phrase ("two Chinese bombers"), else its clause's actor."""
    own = terms.actors_in(reading.text, q.span.start, q.span.end)
    if own:
        return own[0][1]
    return _clause_actor(reading, q.span.start, actors, sentence_start) or _name_before(
        reading.text, sentence_start, q.span.start, terms
    )


# A count given as part of a larger one: "five warships, including two corvettes", "12 dead, among
# them three children", "four were shot, two of them fatally".
_PART_BEFORE = re.compile(
    r"\b(?:including|includes|included|among them|among whom|of whom|of them|of which)\s+"
    r"(?:(?:the|a|an|at\s+least|some|about)\s+)?$",
    re.IGNORECASE,
)

# Whose age: "Andrew Lopez, 20," (the name before) or "27-year-old Christopher Kenyon Simpson" (after).
_HOLDER_BEFORE = re.compile(r"([A-Z][\w'’-]+)(?:,\s*|\s*\()$")
_HOLDER_INSIDE = re.compile(r"old\s+((?:[A-Z][\w'’-]+\s*)+)$")
_HOLDER_AFTER = re.compile(
    r"\s+(?:(?:[a-z]+|[A-Z][a-z]*\.)\s+){0,2}?((?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+)"
)


def _age_holder(text: str, q: QuantityMention, start: int, end: int) -> str | None:
    """The surname an age belongs to, when a name stands next to it; None for "a 10-year-old girl"."""
    before = _HOLDER_BEFORE.search(text, max(start, q.span.start - 40), q.span.start)
    if before is not None and before.group(1).lower() not in NUMBER_WORDS:
        return before.group(1)
    inside = _HOLDER_INSIDE.search(q.text)
    if inside is not None:
        return inside.group(1).split()[-1]
    after = _HOLDER_AFTER.match(text, q.span.end, end)
    if after is not None:
        return after.group(1).split()[-1]
    return None


# "in Bener Meriah district", "across Asia", "in Sumatra alone": where the counted thing is, when the
# place tables know no name there. Its scope tells a district's count from a province's.
_LOCATIVE = re.compile(r"\b(?:in|at|across|near|outside|throughout)\s+(?:the\s+)?((?:[A-Z][\w'’-]+\s?){1,3})")


def _local_place(reading: Reading, start: int, end: int, claim_start: int, claim_end: int) -> str | None:
    """The first capitalised place after a locative preposition in the claim's clause."""
    lo = reading.clause_start(start, claim_start)
    hi = reading.clause_end(claim_end, end)
    for match in _LOCATIVE.finditer(reading.text, lo, hi):
        words = [w for w in match.group(1).split() if w.lower()[:3] not in _MONTH_PREFIXES]
        words = [w for w in words if w.lower() not in NUMBER_WORDS]
        if words and not (match.start(1) < claim_end and claim_start < match.end(1)):
            return " ".join(words)
    return None


_PRONOUN = re.compile(r"\b(?:he|she|they|him|his|her|hers|their|them)\b", re.IGNORECASE)


def _pronoun_subject(reading: Reading, sentence_start: int, position: int) -> bool:
    """True when the claim's clause names its subject only by a pronoun ("He finished with 269 yards")."""
    clause = reading.clause_start(sentence_start, position)
    prefix = reading.text[sentence_start:position]
    return bool(_PRONOUN.search(reading.text, clause, position)) or bool(_PRONOUN.match(prefix))


def _canonical_action(terms: Terms, action: str | None) -> str | None:
    """The action word with its synonyms folded ("sent", "deployed" -> "dispatched")."""
    return None if action is None else terms.words.get(action, action)


def _name_before(text: str, sentence_start: int, position: int, terms: Terms) -> str | None:
    """The first proper name of the sentence before the claim, by its last word: usually its subject.

    "The Orioles, according to reports, have offered Teixeira a seven-year deal" gives "Orioles". An
    actor is a name, not any capitalised word (`NAME_FILTERS`): titles are dropped ("Gov. Smith" is
    Smith, "Sheriff says" names no one); a label before a colon ("Image 3:", "Tragedy:") is furniture;
    a word with a number after it is a designation ("Route 9"); a lone word opening the sentence
    counts unless it is a common opener ("Police", "Voters": a plural or a word of ``[claims] openers``), a
    slot word ("Killed") or a modifier of a group noun ("Park officials").
    """
    not_names, openers = terms.lexicon.words("claims.not_names"), terms.lexicon.words("claims.openers")
    label = _LABEL.match(text, sentence_start, position)
    start = label.end() if label is not None else sentence_start
    for match in _NAME.finditer(text, start, position):
        words = [
            w for w in re.split(r"[ \-]", match.group(0)) if w not in not_names and w not in terms.titles
        ]
        if not words or any(rule(text, match, start, terms) for _name, rule in NAME_FILTERS):
            continue
        if match.start() == start and len(match.group(0).split()) == 1:
            word = words[0]
            if word in openers or word.endswith("s"):
                continue
        words = [w for w in words if w.lower() not in NUMBER_WORDS and w.lower()[:3] not in _MONTH_PREFIXES]
        if not words:
            continue
        return words[-1]
    return None


# "Image 3:", "Tragedy:", "BREAKING NEWS:": a label of up to three capitalised words or numbers before
# a colon opens the line ("Smith told reporters:" is no label)
_LABEL = re.compile(r"\s*(?:[A-Z0-9#][\w'’#.-]*\s+){0,2}[A-Z0-9#][\w'’#.-]*\s*:\s+")
_DESIGNATION = re.compile(r"\s+(?:No\.\s*)?\d")
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")


def _designation(text: str, match: re.Match[str], start: int, terms: Terms) -> bool:
    """ "Route 9", "Flight 370", "Image 3": a word numbered is a thing, not who acts."""
    return _DESIGNATION.match(text, match.end()) is not None


def _slot_word(text: str, match: re.Match[str], start: int, terms: Terms) -> bool:
    """ "Killed: 12", "Injured in crash": a headline's slot verb, capitalised, is no name."""
    return terms.measures.get(match.group(0).lower()) is not None


def _function_word(text: str, match: re.Match[str], start: int, terms: Terms) -> bool:
    """ "Up to 170,000 people", "Some 30 died": a capitalised function word opening the sentence."""
    return " " not in match.group(0) and match.group(0).lower() in terms.stopwords


def _group_modifier(text: str, match: re.Match[str], start: int, terms: Terms) -> bool:
    """ "Park officials said", "Fire crews": a sentence-opening word before a group noun modifies it."""
    if match.start() != start or " " in match.group(0):
        return False
    after = _NEXT_WORD.match(text, match.end())
    return after is not None and after.group(1) in terms.title_groups


# Capitalised words that are no actor, as named rules (each with its case rows in tests/test_actors.py).
NAME_FILTERS: tuple[tuple[str, Callable[[str, re.Match[str], int, Terms], bool]], ...] = (
    ("designation", _designation),
    ("slot_word", _slot_word),
    ("function_word", _function_word),
    ("group_modifier", _group_modifier),
)


def _action(reading: Reading, sentence_start: int, position: int) -> str | None:
    """The last verb-like word before ``position`` in its clause (a heuristic: past tenses and a short list)."""
    clause = reading.clause_start(sentence_start, position)
    found = None
    for match in _VERB.finditer(reading.lower, clause, position):
        found = match.group(0)
    return found


def _action_after(reading: Reading, position: int, sentence_end: int) -> str | None:
    match = _VERB.search(reading.lower, position, min(sentence_end, position + 60))
    return match.group(0) if match else None

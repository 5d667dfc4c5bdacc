"""Which pairs are scored: blocks by kind and measured slot, a sweep over time, signatures for the memo."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, timedelta
from operator import attrgetter

from ..config import Config
from ..kinds import kind_of
from ..model import Claim, DateValue
from ..values import day_words
from .rules import Source, event_window, reads

__all__ = ["MAX_TIME_NEIGHBOURS", "block_key", "signature", "time_pairs"]


def block_key(claim: Claim, config: Config) -> tuple[str, str, str]:
    """The block a claim is aligned in: only claims with the same key are ever compared. The key is
    its kind's (`kinds.Kind.block_key`): quantities and ordinals by what they measure, else their
    counted thing, and unit; dates by relation and short or long span; events by action."""
    return kind_of(claim.kind).block_key(claim, config)


def _moved(day: date, days: int) -> date:
    """``day`` moved by ``days``, held at the calendar's ends (a document "published" 0001-01-01)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.min if days < 0 else date.max


def _sweep_window(claim: Claim, doc: Source, config: Config) -> tuple[date, date] | None:
    """The days a claim may speak of: from its own date (or a date in its sentence) to its
    publication, and the ``follow_up_days`` before that (a follow-up weeks later still meets the
    first report; "230,000 died in 2004" in a 2013 story meets "about 230,000 people" in another).
    A claim of an undated page dated by its sentence ("in 2011") runs from that date on: the page
    may be any later report of it.
    Whether the dates agree is the ``when`` rule's evidence, not a veto."""
    own = event_window(claim)
    if doc.published is None:
        # an undated page may be any later report of the event its sentence dates ("in 2011")
        return None if own is None else (own[0], date.max)
    start, end = _moved(doc.published, -config.follow_up_days), doc.published
    if own is None:
        return start, end
    return min(own[0], start), max(own[1], end)


# A claim is compared with at most this many claims of its block that start at or after it in time
# (its nearest in time). Seeds and ordinary desks never reach it (a block holds tens of claims); in a
# corpus of thousands of documents it keeps long ranges ("in 2022", "since 2019", "in recent
# decades"), which overlap everything, from making a block cost quadratic time and memory.
MAX_TIME_NEIGHBOURS = 256


def time_pairs(
    block: Sequence[Claim], docs: Mapping[str, Source], config: Config
) -> Iterator[tuple[int, list[int]]]:
    """For claims ``i`` of ``block``, the claims ``j`` whose times allow a comparison with it: a sweep over time.

    Two dates at most ``date_window_days`` apart (wider for coarse dates); two windows that overlap,
    or either unknown. Each pair comes once, as ``(i, [.., j, ..])`` or ``(j, [.., i, ..])``. Each
    claim meets at most `MAX_TIME_NEIGHBOURS` later-starting claims (a cap, not a time rule).
    """
    timed: list[tuple[int, int, int]] = []  # (start, end, index) as day ordinals, closed
    untimed: list[int] = []
    for i, claim in enumerate(block):
        if isinstance(claim.value, DateValue):
            if not claim.value.resolved:
                if day_words(claim) is not None:  # "on Friday" on an undated page
                    untimed.append(i)
                continue  # any other unresolved date is never compared
            earliest, latest = claim.value.earliest, claim.value.latest
            assert earliest is not None and latest is not None
            width = (latest - earliest).days + 1
            reach = max(config.date_window_days, 2 * width)
            span = (earliest, _moved(latest, reach))
        else:
            window = _sweep_window(claim, docs[claim.document], config)
            if window is None:
                untimed.append(i)
                continue
            span = window
        timed.append((span[0].toordinal(), span[1].toordinal(), i))
    timed.sort()
    starts = [start for start, _end, _i in timed]
    index = [i for _start, _end, i in timed]
    for k, (_start, end, i) in enumerate(timed):
        stop = min(bisect_right(starts, end, k + 1), k + 1 + MAX_TIME_NEIGHBOURS)
        yield i, index[k + 1 : stop]
    everyone = index[:MAX_TIME_NEIGHBOURS]  # all an untimed claim can reach
    for n, i in enumerate(untimed):  # an unknown time may be compared with any other, up to the cap
        later = untimed[n + 1 : n + 1 + MAX_TIME_NEIGHBOURS]  # sliced first: linear, not quadratic
        yield i, later + everyone[: MAX_TIME_NEIGHBOURS - len(later)]


_READS = reads()
# each read as a getter of the claim (dotted: "about.context"), or None for a read of its document
_CLAIM_READS = tuple(
    None if path.startswith("source.") else attrgetter(path)
    for path in _READS
    if not path.startswith("pair.")
)
_SOURCE_READS = tuple(attrgetter(path.partition(".")[2]) for path in _READS if path.startswith("source."))


def signature(claim: Claim, docs: Mapping[str, Source]) -> tuple[object, ...]:
    """Everything the rules read of a claim (`rules.reads`): claims with one signature compare alike.
    ("pair." reads are of the pair of documents, not of one claim: keyed apart, align._edges.)"""
    source = iter([read(docs[claim.document]) for read in _SOURCE_READS])
    return tuple(next(source) if read is None else read(claim) for read in _CLAIM_READS)

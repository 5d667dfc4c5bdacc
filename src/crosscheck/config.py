"""Config: every threshold and tolerance crosscheck uses, named, documented and validated in one place."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
from attrs import field, frozen

from .errors import ConfigError

__all__ = ["Config"]


def _score(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not 0 <= value <= 100:
        raise ConfigError(f"Config.{attribute.name} must be between 0 and 100, got {value!r}")


def _flag(instance: object, attribute: attrs.Attribute[bool], value: bool) -> None:
    if not isinstance(value, bool):
        raise ConfigError(f"Config.{attribute.name} must be true or false, got {value!r}")


def _non_negative(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, (int, float, Decimal)) or isinstance(value, bool) or value < 0:
        raise ConfigError(f"Config.{attribute.name} must be a number >= 0, got {value!r}")


@frozen(kw_only=True)
class Config:
    """Thresholds of alignment and verdicts. Every option is keyword-only; unknown names are a TypeError.

    Scores are rapidfuzz scores from 0 to 100.

    - ``approx_tolerance``: the relative tolerance of "about", "approximately", "around", "roughly",
      "some" (both sides) and of "nearly", "almost" (below only). 0.1 turns "about 2,100" into
      [1890, 2310] and "nearly 2,000" into [1800, 2000].
    - ``context_window``: how many characters each side of a claim, within its sentence, give its
      context words (what it is about).
    - ``near_window`` and ``near_conflict_score``: a conflict also needs the words right around both
      claims (``near_window`` characters each side) to score at least ``near_conflict_score``: a
      rewrite keeps a claim's neighbourhood ("China dispatched [five warships], including a
      guided-missile destroyer"), two different scopes rarely do.
    - ``min_context_score``: the least ``token_sort_ratio`` between two claims' context words (the
      sentence's content words around the claim, without numbers) for them to be about the same thing.
    - ``conflict_context_score``: the least context score for two claims with incompatible values to be
      grouped (and so called a conflict); below it they are kept apart. Higher than
      ``min_context_score`` because a false conflict costs more than a missed agreement.
    - ``event_window_days``: a claim with no date of its own in its sentence speaks of something in the
      ``event_window_days`` before its document's publication date.
    - ``copy_containment``: two sentences of different documents are copies when this share of the
      shorter one's word trigrams occurs in the other (0.35 catches wire copy and light rewrites).
    - ``syndication_sentences``: documents sharing at least this many copied sentences carry one wire
      story and count as one origin for every claim they share.
    - ``max_trigram_postings``: trigrams found in more distinct sentences than this are too common to
      signal a rewrite (a sentence repeated word for word is a copy however often it is repeated).
    - ``growing_things``: counted things whose count grows with time (death tolls, arrests); like
      ordinals ("the sixth patrol"), a larger value in a later document is not a conflict.
    - ``counter_days``: ordinals ("the sixth patrol") in documents published at most this many days
      apart speak of the same point in the series; further apart, a larger count later is not a conflict.
    - ``date_window_days``: two date claims further apart than this many days speak of different events
      and are never compared.
    - ``events``: also extract event claims ("Russian bombers landed in China": subject, action,
      object, place, polarity, hedge). Off until alignment blocks them by action.
    """

    approx_tolerance: Decimal = field(default=Decimal("0.1"), converter=Decimal, validator=_non_negative)
    context_window: int = field(default=80, validator=_non_negative)
    near_window: int = field(default=35, validator=_non_negative)
    near_conflict_score: float = field(default=70.0, validator=_score)
    min_context_score: float = field(default=62.0, validator=_score)
    conflict_context_score: float = field(default=62.0, validator=_score)
    event_window_days: int = field(default=31, validator=_non_negative)
    date_window_days: int = field(default=45, validator=_non_negative)
    events: bool = field(default=True, validator=_flag)
    copy_containment: float = field(default=0.35, validator=_non_negative)
    syndication_sentences: int = field(default=3, validator=_non_negative)
    max_trigram_postings: int = field(default=200, validator=_non_negative)
    counter_days: int = field(default=31, validator=_non_negative)
    growing_things: tuple[str, ...] = field(
        default=("dead", "injured", "missing", "arrested", "evacuated", "case", "cases", "victims"),
        converter=tuple,
    )

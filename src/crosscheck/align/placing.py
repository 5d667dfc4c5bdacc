"""When a claim can be placed in time: the event window its sentence dates, and whether it is placed at
all (a dated report, or a date in its sentence) or not (an undated page's undated sentence)."""

from __future__ import annotations

from datetime import date

from ..kinds import kind_of
from ..model import Claim, DateValue

__all__ = ["event_window", "placed"]


def event_window(claim: Claim) -> tuple[date, date] | None:
    """When the claim's event happened, if the text says: its own date or a date in its sentence."""
    when = kind_of(claim.kind).event_time(claim)
    if when is not None and when.earliest is not None and when.latest is not None:
        return when.earliest, when.latest
    return None


def placed(claim: Claim, published: date | None) -> bool:
    """The claim can be placed in time: its document's publication date, or a date in its sentence.
    Documents given together are one story unless their dates say otherwise; a placed claim and an
    unplaced one (a dated report, an undated page) are not known to share a story."""
    if isinstance(claim.value, DateValue):
        return claim.value.resolved
    return published is not None or claim.about.when is not None

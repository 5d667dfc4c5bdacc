"""How an event is said in a report: as a clause in the past ("Russian bombers landed in China",
"China did not send troops", "joint patrols not directed"), with the verb lexicon's irregular pasts
and participles ("flew", "flown", "sent") and the regular ones otherwise."""

from __future__ import annotations

from functools import cache

from .lexicon import default_lexicon
from .model import Event

__all__ = ["clause", "participle", "past", "without_object"]


def without_object(event: Event) -> Event:
    """The event without its object (the object is the figure itself)."""
    return Event(
        subject=event.subject,
        action=event.action,
        place=event.place,
        polarity=event.polarity,
        hedge=event.hedge,
        passive=event.passive,
    )


def clause(event: Event) -> str:
    """The event as a clause in the past: "Russian bombers landed in China", "China did not send troops"."""
    negated = event.polarity == "negated"
    place = f"in {event.place}" if event.place else ""
    if event.passive:  # "joint patrols not directed", "drills held in coast of Zhejiang province"
        done = f"{'not ' if negated else ''}{participle(event.action)}"
        words = [event.object or event.subject or "something", done, place]
    else:
        verb = f"did not {event.action}" if negated else past(event.action)
        words = [event.subject or "someone", verb, event.object or "", place]
    text = " ".join(w for w in words if w)
    return f"{text} ({event.hedge})" if event.hedge else text


@cache
def _irregular() -> dict[str, tuple[str, str]]:
    """Each irregular lemma of the verb lexicon and its (past, participle): "fly" (flew, flown),
    "send" (sent, sent); a lemma whose listed forms hold its regular past ("criticized") is regular."""
    out: dict[str, tuple[str, str]] = {}
    for lemma, listed in default_lexicon().section("verbs").get("verbs", {}).items():
        head = lemma.split()[0]
        rest = lemma[len(head) :]
        pasts = [
            f
            for f in listed
            if not (w := f.split()[0]).endswith("ing") and not (w.endswith("s") and not w.endswith("ss"))
        ]
        regular = _regular_past(head)
        if pasts and regular not in (p.split()[0] for p in pasts):
            past, participle = pasts[0], pasts[-1]
            out[lemma] = (
                past if " " in past else past + rest,
                participle if " " in participle else participle + rest,
            )
    return out


def past(lemma: str) -> str:
    """ "sent", "flew", "landed": the lexicon's irregular past, else the regular one."""
    return _irregular().get(lemma, (_regular_past(lemma),) * 2)[0]


def participle(lemma: str) -> str:
    """ "sent", "flown", "landed": the lexicon's irregular participle, else the regular one."""
    return _irregular().get(lemma, (_regular_past(lemma),) * 2)[1]


def _regular_past(lemma: str) -> str:
    """ "criticised", "carried", "landed"; of a phrase, its first word ("took part" is listed)."""
    head, _, rest = lemma.partition(" ")
    if head.endswith("e"):
        head += "d"
    elif head.endswith("y") and head[-2:-1] not in ("a", "e", "i", "o", "u"):
        head = head[:-1] + "ied"
    else:
        head += "ed"
    return f"{head} {rest}".strip()

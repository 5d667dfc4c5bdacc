"""Event claims, attribution and polarity on a corpus: counts per document and time per sentence.

Usage: python benchmarks/events.py [PATH ...] [--repeat N]   (default: seeds/)

Prints, per document, the event claims found (with negated / hedged counts) and the claims that carry
an attribution; then the median warm time per sentence of `events.find_events`, of
`attribution.find_attributions` (per document, divided by its sentences) and of `polarity.stance`.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import crosscheck
from crosscheck.attribution import find_attributions
from crosscheck.claims import extract
from crosscheck.events import find_events
from crosscheck.polarity import stance
from crosscheck.segment import split_sentences
from crosscheck.terms import default_terms

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(HERE.parent / "seeds")])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    docs = crosscheck.load_documents(*args.paths)
    terms = default_terms()
    config = crosscheck.Config(events=True)
    print(
        f"{'document':32} {'sentences':>9} {'events':>6} {'negated':>7} {'hedged':>6} {'attributed':>10} {'claims':>6}"
    )
    for doc in docs:
        sentences = split_sentences(doc.id, doc.text)
        claims = extract(doc, config=config, terms=terms)
        events = [c for c in claims if c.kind == "event"]
        print(
            f"{doc.id[:32]:32} {len(sentences):9d} {len(events):6d} "
            f"{sum(c.polarity == 'negated' for c in events):7d} {sum(c.hedge is not None for c in events):6d} "
            f"{sum(c.attribution is not None for c in claims):10d} {len(claims):6d}"
        )
    per_event: list[float] = []
    per_attr: list[float] = []
    per_stance: list[float] = []
    for _ in range(args.repeat + 1):  # the first round warms caches and is dropped
        ev: list[float] = []
        at: list[float] = []
        st: list[float] = []
        for doc in docs:
            sentences = split_sentences(doc.id, doc.text)
            t0 = time.perf_counter()
            find_attributions(doc.text, sentences, terms)
            at.append((time.perf_counter() - t0) / max(1, len(sentences)))
            for s in sentences:
                t0 = time.perf_counter()
                find_events(doc.text, s.span.start, s.span.end, terms)
                ev.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                stance(doc.text, s.span.start, s.span.end)
                st.append(time.perf_counter() - t0)
        if _:
            per_event += ev
            per_attr += at
            per_stance += st
    print(f"events per sentence (median, warm):      {statistics.median(per_event) * 1e6:8.1f} µs")
    print(f"attribution per sentence (median, warm): {statistics.median(per_attr) * 1e6:8.1f} µs")
    print(f"polarity per sentence (median, warm):    {statistics.median(per_stance) * 1e6:8.1f} µs")


if __name__ == "__main__":
    main()

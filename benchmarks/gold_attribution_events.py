"""Score attribution, polarity/hedge and event claims against the hand-made gold (tests/gold/seeds.toml).

Usage: python benchmarks/gold_attribution_events.py [--show]

Attribution is scored at each gold row's own position, as `claims` does it (so extraction misses do not count against it):
a source matches when both normalize to the same name with the ``[organisations]`` and ``[actors]``
tables ("" = the outlet itself). Events: a found event matches a gold event when their spans overlap
(each gold event used once); polarity and hedge are compared on matched pairs (gold "planned" = "future").
"""

from __future__ import annotations

import argparse
import tomllib
from pathlib import Path

import crosscheck
from crosscheck.attribution import find_attributions, source_at, speech_time
from crosscheck.claims import extract
from crosscheck.segment import split_sentences
from crosscheck.terms import Terms, default_terms

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent / "tests" / "gold" / "seeds.toml"
SEEDS = HERE.parent / "seeds"
_HEDGE = {"none": None, "planned": "future"}


def _norm(name: str | None, terms: Terms) -> str:
    if not name:
        return ""
    name = " ".join(name.replace("’", "'").split())
    return terms.organisation(name) or terms.actors.get(name) or terms.actors.get(name.lower()) or name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every mismatch")
    args = parser.parse_args()
    gold = tomllib.loads(GOLD.read_text(encoding="utf-8"))
    terms = default_terms()
    docs = {d.id[:3]: d for d in crosscheck.load_documents(SEEDS)}
    rows = gold.get("claim", []) + gold.get("event", [])
    tp = fp = fn = agree = 0
    for row in rows:
        doc = docs[row["seed"]]
        sentences = split_sentences(doc.id, doc.text)
        atts = find_attributions(doc.text, sentences, terms)
        sentence = next(s for s in sentences if s.span.start <= row["start"] < s.span.end)
        spoken = row.get("kind") == "date" and speech_time(
            doc.text, atts, sentence.span.start, row["start"], row["end"]
        )
        mine = "" if spoken else _norm(source_at(atts, sentence.span.start, row["start"]), terms)
        want = _norm(row.get("attribution"), terms)
        agree += mine == want
        if mine and want:
            tp, fp, fn = (tp + 1, fp, fn) if mine == want else (tp, fp + 1, fn + 1)
        elif mine:
            fp += 1
        elif want:
            fn += 1
        if args.show and mine != want:
            print(f"  attribution {row['seed']} {row['text'][:50]!r}: gold {want!r}, found {mine!r}")
    print(
        f"attribution over {len(rows)} gold rows: agreement {agree / len(rows):.1%}; "
        f"attributed sources precision {tp / max(1, tp + fp):.1%}, recall {tp / max(1, tp + fn):.1%} "
        f"(tp {tp}, fp {fp}, fn {fn})"
    )
    events = gold.get("event", [])
    config = crosscheck.Config(events=True)
    found = {
        k: [c for c in extract(d, config=config, terms=terms) if c.kind == "event"] for k, d in docs.items()
    }
    used: set[int] = set()
    matched = polarity_ok = hedge_ok = 0
    for k, claims in found.items():
        for claim in claims:
            hit = next(
                (
                    i
                    for i, g in enumerate(events)
                    if i not in used
                    and g["seed"] == k
                    and claim.span.start < g["end"]
                    and g["start"] < claim.span.end
                ),
                None,
            )
            if hit is None:
                if args.show:
                    print(f"  extra event {k} {claim.text!r}")
                continue
            used.add(hit)
            matched += 1
            polarity_ok += claim.polarity == events[hit]["polarity"]
            hedge_ok += claim.hedge == _HEDGE.get(events[hit]["hedge"], events[hit]["hedge"])
    if args.show:
        for i, g in enumerate(events):
            if i not in used:
                print(f"  missed event {g['seed']} {g['text']!r}")
    total = sum(len(c) for c in found.values())
    print(
        f"events: {total} found, {len(events)} gold, {matched} matched: precision {matched / max(1, total):.1%}, "
        f"recall {matched / max(1, len(events)):.1%}; on matched: polarity {polarity_ok}/{matched}, hedge {hedge_ok}/{matched}"
    )


if __name__ == "__main__":
    main()

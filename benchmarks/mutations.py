"""Mutation benchmark: edit one side of a claim the seeds agree on and check exactly that conflict appears.

Usage: python benchmarks/mutations.py [--edits benchmarks/mutations.toml] [--seeds seeds] [-v]

For every edit (data in mutations.toml) a copy of the corpus is made with that one change, checked, and
compared with the unedited report:
- a conflict edit is caught when exactly one new conflict appears, of the expected type, holding the
  edited claim (its span covering the edit) and the other document's claim named in the edit, and every
  other group keeps its verdict;
- a control edit ("none": the same value said another way) is passed when no verdict changes.
Prints recall over conflict edits, control edits passed, and conflicts raised that no edit caused (on
the unedited seeds and as side effects of edits).
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections.abc import Iterable
from pathlib import Path

import attrs

import crosscheck
from crosscheck import Claim, Document, Report

HERE = Path(__file__).resolve().parent


@attrs.frozen
class Edit:
    doc: str
    find: str
    replace: str
    expect: str
    other: str | None


@attrs.frozen
class Outcome:
    edit: Edit
    ok: bool
    detail: str
    unexplained: int  # conflicts that the edit does not explain


def load_edits(path: Path) -> list[Edit]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Edit(e["doc"], e["find"], e["replace"], e["expect"], e.get("with")) for e in data["edit"]]


def _signature(
    report: Report, doc_id: str | None = None, at: int = 0, delta: int = 0
) -> set[tuple[str, tuple[str, ...]]]:
    """Groups as (verdict, claim keys), with the edited document's offsets after the edit shifted back."""

    def key(c: Claim) -> str:
        start, end = c.span.start, c.span.end
        if c.document == doc_id and start >= at:
            start, end = start - delta, end - delta
        return f"{c.document}:{start}-{end}"

    return {(g.verdict.value, tuple(sorted(key(c) for c in g.claims))) for g in report.groups}


def apply(docs: Iterable[Document], edit: Edit) -> tuple[list[Document], str, int, int]:
    out = []
    target = ""
    at = delta = 0
    for doc in docs:
        if doc.id.startswith(edit.doc):
            count = doc.text.count(edit.find)
            if count != 1:
                raise ValueError(f"edit {edit.find!r}: found {count} times in {doc.id}")
            at = doc.text.index(edit.find)
            delta = len(edit.replace) - len(edit.find)
            doc = attrs.evolve(doc, text=doc.text.replace(edit.find, edit.replace))
            target = doc.id
        out.append(doc)
    return out, target, at, delta


def run_edit(docs: tuple[Document, ...], base: Report, edit: Edit) -> Outcome:
    edited, target, at, delta = apply(docs, edit)
    report = crosscheck.check(edited)
    before = _signature(base)
    after = _signature(report, target, at + len(edit.replace), delta)
    changed_verdicts = after - before
    new_conflicts = [
        g
        for g in report.conflicts
        if (
            g.verdict.value,
            tuple(sorted(_shift(c, target, at + len(edit.replace), delta) for c in g.claims)),
        )
        not in before
    ]
    if edit.expect == "none":
        ok = not changed_verdicts or (all(v != "conflict" for v, _ in changed_verdicts) and not new_conflicts)
        detail = "no verdict changed" if not changed_verdicts else f"{len(changed_verdicts)} groups changed"
        return Outcome(edit, ok and not new_conflicts, detail, len(new_conflicts))
    lo, hi = at, at + len(edit.replace)
    touching = [
        g
        for g in new_conflicts
        if any(c.document == target and c.span.start <= hi and c.span.end >= lo for c in g.claims)
    ]
    hits = [
        g
        for g in touching
        if g.conflict_type == edit.expect
        and any(c.document != target and c.text == edit.other for c in g.claims)
    ]
    # Caught: the expected conflict is there, and every new conflict holds a claim the edit changed
    # (negating a sentence denies each of its claims: its event and its count alike).
    ok = (
        bool(hits)
        and len(touching) == len(new_conflicts)
        and all(g.conflict_type == edit.expect for g in touching)
    )
    if ok:
        detail = hits[0].explanation
    elif new_conflicts:
        detail = "; ".join(f"{g.conflict_type}: {[c.text for c in g.claims]}" for g in new_conflicts)
    else:
        near = [
            g
            for g in report.groups
            if any(
                c.document == target and c.span.start <= at + len(edit.replace) and c.span.end >= at
                for c in g.claims
            )
        ]
        detail = (
            "no conflict; edited claim in: "
            + "; ".join(f"{g.verdict.value} {[c.text for c in g.claims]}" for g in near)
            if near
            else "no conflict; edited text yields no claim"
        )
    return Outcome(edit, ok, detail, len(new_conflicts) - len(touching))


def _shift(c: Claim, doc_id: str, at: int, delta: int) -> str:
    start, end = c.span.start, c.span.end
    if c.document == doc_id and start >= at:
        start, end = start - delta, end - delta
    return f"{c.document}:{start}-{end}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--edits", type=Path, default=HERE / "mutations.toml")
    parser.add_argument("--seeds", type=Path, default=HERE.parent / "seeds")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    docs = crosscheck.load_documents(args.seeds)
    base = crosscheck.check(docs)
    edits = load_edits(args.edits)
    outcomes = [run_edit(docs, base, e) for e in edits]
    conflict_runs = [o for o in outcomes if o.edit.expect != "none"]
    controls = [o for o in outcomes if o.edit.expect == "none"]
    by_type: dict[str, list[Outcome]] = {}
    for o in conflict_runs:
        by_type.setdefault(o.edit.expect, []).append(o)
    print(f"unedited seeds: {len(base.conflicts)} conflicts")
    print(f"{'type':10} {'edits':>5} {'caught':>6} {'recall':>7}")
    for kind, runs in sorted(by_type.items()):
        caught = sum(o.ok for o in runs)
        print(f"{kind:10} {len(runs):5} {caught:6} {caught / len(runs):7.0%}")
    caught = sum(o.ok for o in conflict_runs)
    print(f"{'all':10} {len(conflict_runs):5} {caught:6} {caught / max(1, len(conflict_runs)):7.0%}")
    print(
        f"control edits (same value, other words): {sum(o.ok for o in controls)}/{len(controls)} changed no verdict"
    )
    print(
        f"conflicts raised that no edit caused: {len(base.conflicts) + sum(o.unexplained for o in outcomes)}"
    )
    misses = [o for o in outcomes if not o.ok]
    if misses:
        print("\nmisses:")
        for o in misses:
            print(f"  [{o.edit.expect}] {o.edit.doc} {o.edit.find!r} -> {o.edit.replace!r}: {o.detail}")
    if args.verbose:
        print("\ncaught:")
        for o in outcomes:
            if o.ok:
                print(
                    f"  [{o.edit.expect}] {o.edit.doc} {o.edit.find!r} -> {o.edit.replace!r}: {o.detail[:160]}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())

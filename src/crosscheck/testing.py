"""Assertions a fact-checker can read aloud: do these sources agree, conflict, or stand alone on a claim?

Each names claims as ``(document, snippet)`` pairs. ``document`` is a document id, a unique id prefix
("000") or a document's outlet, the manifest's ``source`` ("Associated Press", any case); a name that
fits several documents fails and lists them. ``snippet`` is a piece of the claim's wording:

>>> from crosscheck.testing import assert_agreement
>>> assert_agreement(  # doctest: +SKIP
...     report, ("000", "more than 2,000 troops"), ("002", "more than 2,000 soldiers")
... )

A snippet matches, in this order of preference: the claims whose text contains it; else the claims
its occurrences in the document overlap; else the claims whose sentence contains it (case and runs
of whitespace ignored). On failure the `AssertionError` says in words what crosscheck found instead:
the groups the claims are in, their verdicts and explanations, and every claim quoted with its source.

This module needs no pytest: it raises plain `AssertionError`, so it works under any test runner.
Under pytest a failure shows the user's own line and the message only: the helpers' frames are
hidden (``__tracebackhide__``) and the error is raised afresh from the public helper, with no chained
exception behind it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from .kinds import kind_of
from .model import Claim, Document, Group, Report, Verdict

__all__ = [
    "ClaimRef",
    "assert_agreement",
    "assert_conflict",
    "assert_no_conflict",
    "assert_single_source",
    "find_claims",
]

ClaimRef = tuple[str, str]
"""``(document, snippet)``: a document id, id prefix or source, and a piece of the claim's wording."""

_QUOTE_WIDTH = 160
_NEAREST = 3
_VERDICT_WORDS = {
    Verdict.AGREEMENT: "an agreement",
    Verdict.CONFLICT: "a conflict",
    Verdict.POSSIBLE_CONFLICT: "a possible conflict",
    Verdict.SINGLE_SOURCE: "single-source",
}


class _Failure(Exception):
    """A helper's failure, raised deep inside and raised again by the public function as a fresh
    `AssertionError` (or `TypeError`) from None: one frame, no chained exception."""

    def __init__(self, message: str, kind: type[Exception] = AssertionError) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind


def assert_agreement(report: Report, first: ClaimRef, second: ClaimRef, *more: ClaimRef) -> Group:
    """Assert that the claims named by two or more ``(document, snippet)`` pairs agree; return their group."""
    __tracebackhide__ = True
    try:
        return _assert_together(report, (first, second, *more), Verdict.AGREEMENT, "agree")
    except _Failure as failure:
        raise failure.kind(failure.message) from None


def assert_conflict(report: Report, first: ClaimRef, second: ClaimRef, *more: ClaimRef) -> Group:
    """Assert that the claims named by two or more ``(document, snippet)`` pairs conflict; return their group."""
    __tracebackhide__ = True
    try:
        return _assert_together(report, (first, second, *more), Verdict.CONFLICT, "conflict")
    except _Failure as failure:
        raise failure.kind(failure.message) from None


def assert_single_source(report: Report, ref: ClaimRef) -> Group:
    """Assert that only one document makes the claim named by ``(document, snippet)``; return its group."""
    __tracebackhide__ = True
    try:
        return _assert_single_source(report, ref)
    except _Failure as failure:
        raise failure.kind(failure.message) from None


def assert_no_conflict(report: Report) -> None:
    """Assert that crosscheck found no conflict anywhere in the report."""
    __tracebackhide__ = True
    conflicts = report.conflicts
    if not conflicts:
        return
    n = len(conflicts)
    lines = [f"expected no conflict, but crosscheck found {n} conflict{'s' if n != 1 else ''}:"]
    for group in conflicts:
        lines.extend(_describe_group(report, group, indent="  "))
    raise AssertionError("\n".join(lines))


def find_claims(report: Report, ref: ClaimRef) -> tuple[Claim, ...]:
    """The claims a ``(document, snippet)`` pair names (see the module docstring for the rules)."""
    __tracebackhide__ = True
    try:
        return _resolve(report, ref)[1]
    except _Failure as failure:
        raise failure.kind(failure.message) from None


def _assert_single_source(report: Report, ref: ClaimRef) -> Group:
    doc, claims = _resolve(report, ref)
    expectation = f"expected {_ref_words(doc, ref[1])} to be single-source"
    if not claims:
        raise _Failure(f"{expectation}, but {_no_match(report, doc, ref[1])}")
    groups = _groups_of(report, claims)
    others = [g for g in groups if g.verdict is not Verdict.SINGLE_SOURCE]
    if not others:
        return groups[0]
    lines = [f"{expectation}, but other documents speak of it too, in {_group_count(others)}:"]
    for group in others:
        lines.extend(_describe_group(report, group, indent="  "))
    raise _Failure("\n".join(lines))


# --- matching ---------------------------------------------------------------------------------------


def _document(report: Report, name: str) -> Document:
    """The document named by its id, a unique id prefix or its outlet (``source``, case and runs of
    whitespace ignored); a name that fits several documents, or none, is a failure listing them."""
    for doc in report.documents:
        if doc.id == name:
            return doc
    by_id = [d for d in report.documents if d.id.startswith(name)] if name else []
    wanted = _squash(name)
    by_outlet = [d for d in report.documents if d.source and wanted and _squash(d.source) == wanted]
    found = by_id + [d for d in by_outlet if d not in by_id]
    if len(found) == 1:
        return found[0]
    if found:
        names = ", ".join(_doc_words(d) for d in found)
        raise _Failure(
            f"document {name!r} is ambiguous: it could be {names}; name one by its id or a longer id prefix"
        )
    known = ", ".join(_doc_words(d) for d in report.documents) or "none"
    raise _Failure(
        f"no document {name!r} in the report; its documents are: {known} (name one by its id, an id "
        "prefix or its outlet)"
    )


def _occurrences(doc: Document, snippet: str) -> list[tuple[int, int]]:
    """Where ``snippet`` occurs in the document's text, case and runs of whitespace ignored."""
    words = snippet.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(doc.text)]


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def _resolve(report: Report, ref: ClaimRef) -> tuple[Document, tuple[Claim, ...]]:
    if not (isinstance(ref, tuple) and len(ref) == 2 and all(isinstance(x, str) for x in ref)):
        raise _Failure(f"a claim is named by a (document, snippet) pair of strings, got {ref!r}", TypeError)
    doc = _document(report, ref[0])
    own = [c for c in report.claims if c.document == doc.id]
    needle = _squash(ref[1])
    if not needle:
        raise _Failure(f"the snippet for {_doc_words(doc)} is empty: quote a few words of the claim")
    by_text = [c for c in own if needle in _squash(c.text)]
    if by_text:
        tightest = min(len(c.text) for c in by_text)  # "more than 2,000 troops", not the event around it
        return doc, tuple(c for c in by_text if len(c.text) == tightest)
    spots = _occurrences(doc, ref[1])
    overlapping = [c for c in own if any(s < c.span.end and c.span.start < e for s, e in spots)]
    if overlapping:
        return doc, _specific(overlapping)
    in_sentence = [c for c in own if any(c.sentence.start <= s and e <= c.sentence.end for s, e in spots)]
    return doc, _specific(in_sentence)


def _specific(claims: list[Claim]) -> tuple[Claim, ...]:
    """Values before events: an event claim spans a whole clause and is named only when nothing else is."""
    values = [c for c in claims if not kind_of(c.kind).carrier]
    return tuple(values or claims)


def _groups_of(report: Report, claims: Sequence[Claim]) -> list[Group]:
    ids = {c.id for c in claims}
    return [g for g in report.groups if any(c.id in ids for c in g.claims)]


# --- the two-or-more-claims assertions ----------------------------------------------------------------


def _assert_together(report: Report, refs: Sequence[ClaimRef], verdict: Verdict, verb: str) -> Group:
    resolved: list[tuple[Document, tuple[Claim, ...]]] = []
    for ref in refs:
        resolved.append(_resolve(report, ref))
    named = [_ref_words(doc, ref[1]) for (doc, _), ref in zip(resolved, refs, strict=True)]
    expectation = f"expected {_join(named)} to {verb}"
    for (doc, claims), ref in zip(resolved, refs, strict=True):
        if not claims:
            raise _Failure(f"{expectation}, but {_no_match(report, doc, ref[1])}")
    wanted = [{c.id for c in claims} for _, claims in resolved]
    together = [g for g in report.groups if all(ids & {c.id for c in g.claims} for ids in wanted)]
    for group in together:
        if group.verdict is verdict:
            return group
    if together:
        lines = [f"{expectation}, but crosscheck calls them {_VERDICT_WORDS[together[0].verdict]}:"]
        for group in together:
            lines.extend(_describe_group(report, group, indent="  "))
        raise _Failure("\n".join(lines))
    lines = [f"{expectation}, but they are not in one group:"]
    for words, (_, claims) in zip(named, resolved, strict=True):
        groups = _groups_of(report, claims)
        lines.append(f"  {words} is in {_group_count(groups)}:")
        for group in groups:
            lines.extend(_describe_group(report, group, indent="    "))
    raise _Failure("\n".join(lines))


# --- words --------------------------------------------------------------------------------------------


def _doc_words(doc: Document) -> str:
    return f"{doc.id} ({doc.source})" if doc.source else doc.id


def _ref_words(doc: Document, snippet: str) -> str:
    return f'{_doc_words(doc)} "{snippet}"'


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _group_count(groups: Sequence[Group]) -> str:
    ids = ", ".join(g.id for g in groups)
    return f"group {ids}" if len(groups) == 1 else f"{len(groups)} groups ({ids})"


def _describe_group(report: Report, group: Group, indent: str) -> list[str]:
    """A group as lines: its id, verdict, topic and explanation, then every claim quoted in its sentence."""
    lines = [f"{indent}{group.id} {group.verdict.value}: {group.explanation}"]
    lines.extend(f"{indent}  - {_quote(report, claim)}" for claim in group.claims)
    return lines


def _quote(report: Report, claim: Claim) -> str:
    doc = report.document(claim.document)
    sentence = _excerpt(doc, claim)
    return f'{_doc_words(doc)} says "{claim.text}" (characters {claim.span.start}-{claim.span.end}) in: {sentence}'


def _excerpt(doc: Document, claim: Claim) -> str:
    """The claim's sentence on one line, cut around the claim when it is long."""
    start, end = claim.sentence.start, claim.sentence.end
    if end - start > _QUOTE_WIDTH:
        room = max(0, (_QUOTE_WIDTH - len(claim.span)) // 2)
        start = max(start, claim.span.start - room)
        end = min(end, claim.span.end + room)
    text = " ".join(doc.text[start:end].split())
    prefix = "…" if start > claim.sentence.start else ""
    suffix = "…" if end < claim.sentence.end else ""
    return f'"{prefix}{text}{suffix}"'


def _no_match(report: Report, doc: Document, snippet: str) -> str:
    """Why a snippet named nothing, and the document's claims nearest to it."""
    spots = _occurrences(doc, snippet)
    if spots:
        s, e = spots[0]
        reason = (
            f'crosscheck extracted no claim where {_doc_words(doc)} says "{doc.text[s:e]}" '
            f"(characters {s}-{e})"
        )
    else:
        reason = f'{_doc_words(doc)} has no claim matching "{snippet}"'
    own = [c for c in report.claims if c.document == doc.id]
    if not own:
        return f"{reason}, and no claim at all"
    needle = _squash(snippet)
    words = {w for w in re.findall(r"\w+", needle) if len(w) > 2}

    def nearness(claim: Claim) -> tuple[int, int, float, int]:
        text = _squash(claim.text)
        sentence = _squash(doc.text_of(claim.sentence))
        return (
            -len(words & set(re.findall(r"\w+", text))),
            -len(words & set(re.findall(r"\w+", sentence))),
            -difflib.SequenceMatcher(None, needle, text).ratio(),
            claim.span.start,
        )

    nearest = sorted(own, key=nearness)[:_NEAREST]
    lines = [f"{reason}; its nearest claims:"]
    for claim in nearest:
        group = _groups_of(report, [claim])
        where = f"{group[0].id} {group[0].verdict.value}" if group else "no group"
        lines.append(f'  - "{claim.text}" (characters {claim.span.start}-{claim.span.end}, {where})')
    return "\n".join(lines)

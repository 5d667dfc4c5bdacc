"""The JSON contract (docs/json-contract.md): its one home. `report_dict` is the report as JSON
data (what `Report.to_dict()` returns, delegating here), built from `contract_sections`; `render_json`
serializes it with stable key order and a final newline.

`iter_json` writes it piece by piece (one document, claim or group at a time), so a large report
never holds all its dictionaries at once; the pieces joined are exactly
``json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\\n"``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..kinds import json_date, kind_of, value_json
from ..model import SCHEMA_VERSION, Claim, DateValue, Document, Event, Group, Quantity, Report

__all__ = [
    "claim_dict",
    "contract_sections",
    "document_dict",
    "group_dict",
    "iter_json",
    "render_json",
    "report_dict",
    "value_dict",
]

_ITEM = "\n    "  # a list item of a top-level key: indent level 2


def render_json(report: Report) -> str:
    """The report as JSON text, byte-stable for the same input."""
    return "".join(iter_json(report))


def iter_json(report: Report) -> Iterator[str]:
    """The JSON text of `render_json`, in pieces to write one after another."""
    yield "{"
    for n, (key, value) in enumerate(contract_sections(report).items()):
        yield ("\n  " if n == 0 else ",\n  ") + _dumps(key) + ": "
        if not isinstance(value, Iterator):
            yield _dumps(value).replace("\n", "\n  ")
            continue
        empty = True
        for item in value:
            # JSON strings never hold a raw newline, so re-indenting by lines is exact.
            yield ("[" if empty else ",") + _ITEM + _dumps(item).replace("\n", _ITEM)
            empty = False
        yield "[]" if empty else "\n  ]"
    yield "\n}\n"


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def report_dict(report: Report) -> dict[str, object]:
    """The JSON contract of ``report``, exactly what ``--format json`` prints."""
    return {
        key: list(value) if isinstance(value, Iterator) else value
        for key, value in contract_sections(report).items()
    }


def contract_sections(report: Report) -> dict[str, object]:
    """`report_dict` with its lists of documents, claims, groups and passages as iterators, built
    one item at a time (what `iter_json` streams)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "summary": {
            "documents": len(report.documents),
            "claims": len(report.claims),
            "agreements": len(report.agreements),
            "conflicts": len(report.conflicts),
            "possible_conflicts": len(report.possible_conflicts),
            "single_source": len(report.single_source),
        },
        "documents": map(document_dict, report.documents),
        "claims": map(claim_dict, report.claims),
        "groups": map(group_dict, report.groups),
        "shared_passages": (
            {"documents": [a, b], "copied_sentences": n} for a, b, n in report.shared_passages
        ),
    }


def document_dict(doc: Document) -> dict[str, object]:
    """A document as JSON: its metadata and its length, never its text."""
    return {
        "id": doc.id,
        "path": doc.path,
        "source": doc.source,
        "title": doc.title,
        "url": doc.url,
        "published": json_date(doc.published),
        "published_inferred": doc.published_inferred,
        "length": len(doc.text),
    }


def value_dict(value: Quantity | DateValue | Event) -> dict[str, object]:
    """A normalized value as JSON: numbers as exact decimal strings, dates as ISO strings (its kind's
    `kinds.Kind.to_json`)."""
    return value_json(value)


def claim_dict(claim: Claim) -> dict[str, object]:
    """A claim as JSON: its span, its normalized value and what it is about."""
    about = claim.about
    return {
        "id": claim.id,
        "document": claim.document,
        "kind": claim.kind,
        "text": claim.text,
        "span": [claim.span.start, claim.span.end],
        "sentence": [claim.sentence.start, claim.sentence.end],
        "value": kind_of(claim.kind).to_json(claim.value),
        "about": {
            "thing": about.thing,
            "phrase": about.phrase,
            "measure": about.measure,
            "actor": about.actor,
            "action": about.action,
            "place": about.place,
            "when": None if about.when is None else value_dict(about.when),
            "context": about.context,
            "near": about.near,
            "unresolved_subject": about.unresolved_subject,
            "lead": about.lead,
            "part": about.part,
            "scope": about.scope,
        },
        "attribution": claim.attribution,
        "polarity": claim.polarity,
        "hedge": claim.hedge,
    }


def group_dict(group: Group) -> dict[str, object]:
    """A group as JSON: its verdict, its claims by id, its backing and why."""
    return {
        "id": group.id,
        "verdict": group.verdict.value,
        "topic": group.topic,
        "claims": [c.id for c in group.claims],
        "documents": len(group.documents),
        "independent_origins": group.independent_origins,
        "document_ids": list(group.documents),
        "origins": [list(o) for o in group.origins],
        "conflict_type": None if group.conflict_type is None else group.conflict_type.value,
        "confidence": group.confidence,
        "reasons": [{"rule": r.rule, "weight": r.weight, "detail": r.detail} for r in group.reasons],
        "explanation": group.explanation,
        "scores": [[a, b, s] for a, b, s in group.scores],
    }

"""The JSON contract: `Report.to_dict()` serialized with stable key order and a final newline.

`iter_json` writes it piece by piece (one document, claim or group at a time), so a large report
never holds all its dictionaries at once; the pieces joined are exactly
``json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\\n"``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..model import Report

__all__ = ["iter_json", "render_json"]

_ITEM = "\n    "  # a list item of a top-level key: indent level 2


def render_json(report: Report) -> str:
    """The report as JSON text, byte-stable for the same input."""
    return "".join(iter_json(report))


def iter_json(report: Report) -> Iterator[str]:
    """The JSON text of `render_json`, in pieces to write one after another."""
    yield "{"
    for n, (key, value) in enumerate(report.contract_sections().items()):
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

"""The JSON contract: `Report.to_dict()` serialized with stable key order and a final newline."""

from __future__ import annotations

import json

from ..model import Report

__all__ = ["render_json"]


def render_json(report: Report) -> str:
    """The report as JSON text, byte-stable for the same input."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"

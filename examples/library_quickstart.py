"""Cross-check a folder of articles with the library and print what the outlets agree and disagree on.

Run: ``python examples/library_quickstart.py [PATH...]`` (default: the seed articles).
"""

from __future__ import annotations

import sys
from pathlib import Path

import crosscheck

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def main(argv: list[str]) -> int:
    """Print a summary, then every conflict and agreement with each source's exact words."""
    documents = crosscheck.load_documents(*(argv or [SEEDS]))
    report = crosscheck.check(documents)
    print(
        f"{len(report.documents)} documents, {len(report.claims)} claims: "
        f"{len(report.conflicts)} conflicts, {len(report.agreements)} agreements, "
        f"{len(report.single_source)} single-source"
    )
    for group in report.conflicts + report.agreements:
        print(f"\n{group.verdict.value.upper()} {group.id}: {group.topic}")
        for claim in group.claims:
            doc = report.document(claim.document)
            assert doc.text[claim.span.start : claim.span.end] == claim.text  # spans point at the source
            print(f'  {doc.label}: "{claim.text}" (characters {claim.span.start}-{claim.span.end})')
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

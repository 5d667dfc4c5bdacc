"""Two reports of one fire disagree on the death toll: crosscheck finds it, quotes both, and says why.

Run: ``python examples/spot_a_conflict.py``. The documents are built in memory; the same helpers the
pytest plugin uses (`crosscheck.testing`) state what a fact-checker expects, under any runner.
"""

from __future__ import annotations

import datetime as dt
import sys

import crosscheck
from crosscheck import Document
from crosscheck.testing import assert_agreement, assert_conflict

WIRE = Document(
    id="wire",
    source="Wire service",
    published=dt.date(2024, 3, 5),
    text=(
        "Fire at the Harbor Street warehouse\n\n"
        "At least 40 people were killed when a fire swept through a warehouse on Harbor Street "
        "on Monday, police said.\n"
        "Firefighters brought the blaze under control after six hours, and 12 fire engines were "
        "sent to the scene.\n"
    ),
)
DAILY = Document(
    id="daily",
    source="City Daily",
    published=dt.date(2024, 3, 5),
    text=(
        "Warehouse fire kills 12\n\n"
        "Twelve people were killed when a fire swept through a warehouse on Harbor Street on Monday, "
        "police said.\n"
        "About a dozen fire engines were sent to the scene, and firefighters needed six hours to "
        "bring the blaze under control.\n"
    ),
)


def main() -> int:
    """Cross-check the two reports, print the conflict, and assert what a fact-checker expects."""
    report = crosscheck.check([WIRE, DAILY])
    for group in report.conflicts:
        print(f"CONFLICT {group.id}: {group.explanation}")
    toll = assert_conflict(report, ("wire", "At least 40 people"), ("daily", "Twelve people"))
    engines = assert_agreement(report, ("wire", "12 fire engines"), ("daily", "About a dozen fire engines"))
    print(f"the death toll is {toll.verdict.value} ({toll.id}); the fire engines are {engines.verdict.value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

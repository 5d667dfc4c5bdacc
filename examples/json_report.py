"""Write the JSON report of a corpus and read it back the way another program would.

Run: ``python examples/json_report.py [--out FILE] [PATH...]`` (default: the seed articles, to stdout).
The JSON is the contract of ``crosscheck report --format json``: same input, same bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import crosscheck

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def main(argv: list[str]) -> int:
    """Render the report as JSON, then list each agreement and conflict from the parsed JSON alone."""
    parser = argparse.ArgumentParser(description="Write the JSON report of a corpus and read it back.")
    parser.add_argument("paths", nargs="*", default=[str(SEEDS)])
    parser.add_argument("--out", help="also write the JSON report to this file")
    args = parser.parse_args(argv)
    report = crosscheck.check(crosscheck.load_documents(*args.paths))
    text = crosscheck.render(report, "json")
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    data = json.loads(text)
    claims = {c["id"]: c for c in data["claims"]}
    labels = {d["id"]: d["source"] or d["id"] for d in data["documents"]}
    print(json.dumps(data["summary"], sort_keys=True))
    for group in data["groups"]:
        if group["verdict"] == "single_source":
            continue
        quotes = "; ".join(
            f'{labels[claims[cid]["document"]]} "{claims[cid]["text"]}"' for cid in group["claims"]
        )
        print(f"{group['id']} {group['verdict']}: {quotes}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

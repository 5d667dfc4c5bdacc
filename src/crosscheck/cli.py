"""The command line: ``python -m crosscheck report PATH...``; a thin shell over `load_documents`, `check`, `render`.

Exit codes: 0 done, 2 bad input or usage (one line on stderr, no traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ._version import __version__
from .config import Config
from .documents import load_documents
from .errors import CrosscheckError
from .pipeline import check
from .render import FORMATS, render

__all__ = ["main"]

_EXAMPLES = """\
examples:
  crosscheck report seeds/                      terminal report of a folder of articles
  crosscheck report a.txt b.md --format json    the JSON contract on stdout
  crosscheck report seeds/ --format json --out report.json
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="crosscheck",
        description="Cross-check facts across documents, claim by claim.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"crosscheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    report = sub.add_parser(
        "report",
        help="cross-check documents and print the report",
        description="Extract claims from every document, align them across documents and report "
        "conflicts, agreements and single-source claims.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    report.add_argument("paths", nargs="+", metavar="PATH", help=".txt/.md files or folders of them")
    report.add_argument(
        "--format", choices=FORMATS, default="terminal", help="output format (default: terminal)"
    )
    report.add_argument("--out", metavar="FILE", help="write the report to FILE instead of stdout")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        report = check(load_documents(*args.paths), config=Config())
        if args.format == "terminal" and args.out is None and sys.stdout.isatty():
            from rich.console import Console

            from .render.terminal import THEME, ReportView

            Console(theme=THEME).print(ReportView(report))
            return 0
        text = render(report, args.format)
        if args.out is None:
            sys.stdout.write(text)
            sys.stdout.flush()
        else:
            _write(Path(args.out), text)
    except CrosscheckError as exc:
        print(f"crosscheck: error: {exc}", file=sys.stderr)
        return 2
    return 0


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CrosscheckError(f"{path}: cannot write report: {exc.strerror or exc}") from None

"""The command line's arguments: the parser of ``crosscheck report``, ``add`` and ``completion``, and
how a settings file's keys are checked as their options are and become their defaults (`crosscheck.cli`)."""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import get_args

from . import completion
from ._version import __version__
from .documents import MAX_BYTES
from .engines import ENGINES, default_jobs
from .errors import ConfigError
from .model import ClaimKind, Verdict
from .render import FORMATS
from .render._common import visible
from .settings import FILE_NAME, NO_SETTINGS, Check, Settings, find_settings, read_settings

__all__ = ["COLORS", "FAIL_ON", "KINDS", "SETTINGS_KEYS"]

KINDS: tuple[str, ...] = get_args(ClaimKind)


COLORS = ("auto", "always", "never")


FAIL_ON = {"conflict": Verdict.CONFLICT, "single-source": Verdict.SINGLE_SOURCE}


_DESCRIPTION = """\
Cross-check facts across documents, claim by claim: extract every number, ordinal and date with
its exact characters, align the claims that speak of the same thing across documents, and report
conflicts, agreements and single-source claims."""


_REPORT_DESCRIPTION = """\
Extract claims from every document, align them across documents and report conflicts, agreements
and single-source claims. PATH is a file or a folder (its .txt, .md, .html, .htm and .jsonl files,
sorted by name, with metadata from the folder's manifest.toml). An HTML page contributes its
article text; a .jsonl file holds one document a line: {"id", "text", "source", "published",
"title", "url"}."""


_EXAMPLES = """\
examples:
  crosscheck report seeds/
      terminal report of a folder of articles
  crosscheck report a.txt b.html --format markdown
      Markdown to paste into a newsroom doc or an issue tracker
  crosscheck report seeds/ --format html --out report.html
      one self-contained page to open in a browser and share
  crosscheck report corpus.jsonl --format json --out report.json
      the JSON contract (docs/json-contract.md) of a JSON Lines corpus
  crosscheck report seeds/ --fail-on conflict --quiet
      in CI: print the summary line, exit 1 when any conflict is found
  crosscheck report seeds/ --kind quantity --min-sources 3
      only numbers, only findings backed by at least 3 documents
  crosscheck report seeds/ --verdict conflict,possible_conflict --min-origins 2
      only what may be wrong, as told by at least 2 independent origins

exit codes: 0 done, 1 a --fail-on condition was met, 2 bad input or usage
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {visible(message)}\n")


class _Append(argparse._AppendAction):
    """``append``, except that the first use on the command line replaces the default instead of
    adding to it: a settings file's ``verdict = ["conflict"]`` is overridden by ``--verdict agreement``,
    as every other option is, not extended."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[object] | None,
        option_string: str | None = None,
    ) -> None:
        if getattr(namespace, self.dest, None) is self.default:
            setattr(namespace, self.dest, [])
        super().__call__(parser, namespace, values, option_string)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {text!r}")
    return value


def _verdict_list(text: str) -> list[Verdict]:
    """``conflict,possible_conflict``: the verdicts named (``single-source`` is read as ``single_source``)."""
    names = [part.strip().replace("-", "_") for part in text.split(",")]
    known = {v.value: v for v in Verdict}
    for name in names:
        if name not in known:
            raise argparse.ArgumentTypeError(
                f"expected a comma list of {', '.join(known)}; got {name!r}"
                if name
                else f"empty verdict in {text!r}"
            )
    return [known[name] for name in names]


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="crosscheck",
        description=_DESCRIPTION,
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"crosscheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    report = sub.add_parser(
        "report",
        help="cross-check documents and print the report",
        description=_REPORT_DESCRIPTION,
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    report.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a .txt/.md/.html/.htm/.jsonl file, or a folder of them (with --store: added to it first)",
    )
    report.add_argument(
        "--format", choices=FORMATS, default="terminal", help="output format (default: terminal)"
    )
    report.add_argument("--out", metavar="FILE", help="write the report to FILE instead of stdout")
    report.add_argument(
        "--fail-on",
        action=_Append,
        choices=tuple(FAIL_ON),
        default=[],
        metavar="{conflict,single-source}",
        help="exit 1 when the (filtered) report has a conflict, or a single-source claim; repeatable",
    )
    report.add_argument(
        "--verdict",
        action=_Append,
        type=_verdict_list,
        default=[],
        metavar="LIST",
        help="show only groups of these verdicts, a comma list of conflict, possible_conflict, "
        "agreement, single_source; repeatable (default: all; single_source lists them)",
    )
    report.add_argument(
        "--min-sources",
        type=_positive,
        default=1,
        metavar="N",
        help="hide agreements/conflicts backed by fewer than N documents (default: 1)",
    )
    report.add_argument(
        "--min-origins",
        type=_positive,
        default=1,
        metavar="N",
        help="hide agreements/conflicts backed by fewer than N independent origins (documents "
        "sharing copy or a quoted source count once; default: 1)",
    )
    report.add_argument(
        "--kind",
        action=_Append,
        choices=KINDS,
        default=[],
        help="report only claims of this kind; repeatable (default: all kinds)",
    )
    report.add_argument(
        "--all",
        action="store_true",
        help="list single-source claims too (in the fact table and with their quotes) and, in the "
        "terminal, quote the agreements; by default single-source claims are counted and agreements "
        "are rows of the fact table",
    )
    report.add_argument(
        "--color",
        choices=COLORS,
        default="auto",
        help="colour the terminal report: auto (on a terminal, unless NO_COLOR is set; FORCE_COLOR "
        "forces it), always, never; without colour each claim is set between «» in its quote",
    )
    report.add_argument(
        "--no-pager",
        action="store_true",
        help="never page the terminal report (by default a report taller than the terminal goes "
        "through $PAGER, else less -R; never when stdout is not a terminal)",
    )
    report.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print only the summary line (and write --out); no progress bar",
    )
    report.add_argument("--max-bytes", type=_positive, default=MAX_BYTES, metavar="N", help=_MAX_BYTES_HELP)
    _scale_options(report)
    _lexicon_option(report)
    _settings_options(report)
    add = sub.add_parser(
        "add",
        help="store documents and their claims in a store (SQLite file) for later reports",
        description="Store documents and their claims in STORE (one SQLite file, created when missing). "
        "Only new and changed documents are extracted; a changed document replaces its claims. "
        "Then `crosscheck report --store STORE` cross-checks everything stored.",
    )
    add.add_argument("store", metavar="STORE", help="the store file (e.g. corpus.sqlite)")
    add.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of documents to store")
    add.add_argument("--jobs", type=_positive, default=default_jobs(), metavar="N", help=_JOBS_HELP)
    add.add_argument("--max-bytes", type=_positive, default=MAX_BYTES, metavar="N", help=_MAX_BYTES_HELP)
    _lexicon_option(add)
    _settings_options(add)
    shells = sub.add_parser(
        "completion",
        help="print a shell completion script (bash, zsh or fish)",
        description="Print a completion script for SHELL on stdout, made from crosscheck's commands and "
        "options.\n\n"
        '  bash: eval "$(crosscheck completion bash)"     (a line of ~/.bashrc)\n'
        '  zsh:  crosscheck completion zsh > "${fpath[1]}/_crosscheck"\n'
        "  fish: crosscheck completion fish > ~/.config/fish/completions/crosscheck.fish",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    shells.add_argument("shell", choices=completion.SHELLS, metavar="SHELL", help="bash, zsh or fish")
    return parser


def _settings_options(command: argparse.ArgumentParser) -> None:
    """--config FILE and --no-config: which settings file gives the defaults (see crosscheck.settings)."""
    group = command.add_mutually_exclusive_group()
    group.add_argument(
        "--config",
        metavar="FILE",
        help="read default options and thresholds from FILE (a crosscheck.toml, or a pyproject.toml's "
        f"[tool.crosscheck]); default: the first {FILE_NAME} or pyproject.toml with [tool.crosscheck] "
        "in this folder or its parents",
    )
    group.add_argument(
        "--no-config",
        action="store_true",
        help="read no settings file: built-in defaults and the options given",
    )


_JOBS_HELP = "extract claims in N processes (default: this machine's cores); the report is the same"


_MAX_BYTES_HELP = f"skip (and name) any document larger than N bytes (default: {MAX_BYTES:,})"


def _scale_options(report: argparse.ArgumentParser) -> None:
    """--jobs, --store, --engine and --scheduler: the same report, faster or over a growing corpus."""
    report.add_argument("--jobs", type=_positive, default=default_jobs(), metavar="N", help=_JOBS_HELP)
    report.add_argument(
        "--store",
        metavar="STORE",
        help="cross-check everything stored in STORE (see `crosscheck add`), extracting only what is new",
    )
    report.add_argument(
        "--engine",
        choices=ENGINES,
        default="local",
        help="where to extract and align: this machine, or a Dask cluster (pip install 'crosscheck[dask]')",
    )
    report.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: the scheduler's address (tcp://host:8786); default: a local cluster",
    )


def _lexicon_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lexicon",
        action="append",
        default=[],
        metavar="FILE",
        help="extend crosscheck's word lists with this lexicon file (TOML, see docs/concepts.md); repeatable",
    )


# A settings file's keys (crosscheck.settings) and the option each gives the default of; a key is
# checked as its option's values are (choices, whole numbers, the verdict list), read off the parser.
# `pager = false` is --no-pager.
SETTINGS_KEYS = {
    "format": "format",
    "fail-on": "fail_on",
    "verdict": "verdict",
    "min-sources": "min_sources",
    "min-origins": "min_origins",
    "kind": "kind",
    "all": "all",
    "color": "color",
    "pager": "no_pager",
    "max-bytes": "max_bytes",
    "jobs": "jobs",
    "engine": "engine",
    "scheduler": "scheduler",
}


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def _settings(parser: argparse.ArgumentParser, args: argparse.Namespace) -> Settings:
    """The settings file's options and thresholds for this run: ``--config FILE``, else the file
    found from the current folder up; none with ``--no-config``. Raises `ConfigError`."""
    if args.no_config:
        return NO_SETTINGS
    if args.config is not None:
        path = Path(args.config)
        if not path.is_file():
            raise ConfigError(f"{args.config}: --config names no file")
    else:
        found = find_settings(Path.cwd())
        if found is None:
            return NO_SETTINGS
        path = found
    return read_settings(path, _settings_checks(parser))


def _settings_checks(parser: argparse.ArgumentParser) -> dict[str, Check]:
    """How each settings key is checked: as its option (in any command that has it) checks its values."""
    actions = {a.dest: a for command in _commands(parser).values() for a in command._actions}
    return {key: _settings_check(actions[dest]) for key, dest in SETTINGS_KEYS.items()}


def _settings_check(action: argparse.Action) -> Check:
    """Check a settings value as ``action`` checks its command-line values; the value to use."""
    if isinstance(action, argparse._StoreTrueAction):

        def flag(key: str, value: object) -> object:
            if not isinstance(value, bool):
                raise ConfigError(f"{key} must be true or false, got {value!r}")
            return not value if action.dest == "no_pager" else value

        return flag
    many = isinstance(action, argparse._AppendAction)
    if action.type is _verdict_list:
        what = "a list of " + ", ".join(v.value for v in Verdict)
    elif action.choices is not None:
        what = "one of " + ", ".join(map(str, action.choices)) + (" (or a list of them)" if many else "")
    elif action.type is _positive:
        what = "a whole number >= 1"
    else:
        what = "a string"

    def one(key: str, value: object) -> object:
        wrong = ConfigError(f"{key} must be {what}, got {value!r}")
        if action.type is _positive:
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise wrong
            return value
        if not isinstance(value, str):
            raise wrong
        if action.type is _verdict_list:
            try:
                return _verdict_list(value)
            except argparse.ArgumentTypeError:
                raise wrong from None
        if action.choices is not None and value not in action.choices:
            raise wrong
        return value

    def check(key: str, value: object) -> object:
        if not many:
            return one(key, value)
        items = value if isinstance(value, list) else [value]
        if not items:
            raise ConfigError(f"{key} must be {what}, got an empty list")
        return [one(key, item) for item in items]

    return check


def _apply_defaults(parser: argparse.ArgumentParser, options: Mapping[str, object]) -> None:
    """Make a settings file's options the defaults of every command that has them."""
    for command in _commands(parser).values():
        for action in command._actions:
            for key, value in options.items():
                if action.dest == SETTINGS_KEYS[key]:
                    action.default = value
                    command.set_defaults(**{action.dest: value})

"""The command line: ``python -m crosscheck report PATH...``; a thin shell over `load_documents`, `check`, `render`.

Exit codes: 0 done; 1 a ``--fail-on`` condition was met (the report is still written); 2 bad input
or usage (one line on stderr, no traceback). See docs/cli.md, kept in step with ``--help`` by a test.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import get_args

from . import completion
from ._version import __version__
from .config import Config
from .documents import MAX_BYTES, SUFFIXES, try_load_documents
from .engines import ENGINES, default_jobs
from .errors import ConfigError, CrosscheckError
from .lexicon import load_lexicon
from .manifest import MANIFEST
from .model import ClaimKind, Document, Report, Verdict
from .pipeline import check
from .render import FORMATS, render_chunks
from .render._common import summary_line, visible
from .render.terminal import render_terminal
from .settings import FILE_NAME, NO_SETTINGS, Check, Settings, find_settings, read_settings
from .store import Store
from .terms import Terms, terms_of

__all__ = ["main", "pager_command", "undated_warning", "use_color"]

KINDS: tuple[str, ...] = get_args(ClaimKind)
_WIDTH = 100  # the terminal report's width off a terminal
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


def _say(level: str, message: object) -> None:
    """One line on stderr, ``crosscheck: LEVEL: MESSAGE``. Control characters in it (a newline or an
    escape sequence in a file name) are written out, so a name can neither break the line nor forge
    another ``crosscheck:`` line, nor drive the terminal."""
    print(f"crosscheck: {level}: {visible(str(message))}", file=sys.stderr)


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


class _Reported(CrosscheckError):
    """Bad input already printed, line by line: exit 2 with nothing more to say."""


def _load(args: argparse.Namespace) -> tuple[Document, ...]:
    """The documents of ``args.paths``; prints one line per problem on stderr and counts the skipped
    inputs in ``args.skipped``. With nothing left to check, every problem is an error: raises."""
    _check_out(args)
    result = try_load_documents(*args.paths, max_bytes=args.max_bytes)
    args.skipped = len(result.skipped)
    for problem in result.problems:
        if not result.documents and problem.skipped:
            _say("error", problem.message)
        else:
            _say("warning", problem.message + ("; skipped" if problem.skipped else ""))
    if not result.documents:
        raise _Reported()
    return result.documents


def _check_out(args: argparse.Namespace) -> None:
    """Refuse an ``--out`` that would overwrite an input: a path given, a document in a folder given,
    the manifest.toml that describes an input, or the store; and a new file in a folder given under an
    extension the loader reads (the next run would read the report as a document)."""
    out = getattr(args, "out", None)
    if out is None:
        return
    target = _resolved(out)
    store = getattr(args, "store", None)
    if store is not None and target == _resolved(store):
        raise CrosscheckError(f"{out}: --out names the store ({store}); refusing to overwrite it")
    for raw in args.paths:
        given = _resolved(raw)
        folder = given if given.is_dir() else given.parent
        if (
            target == given
            or (target.parent == given and target.suffix.lower() in SUFFIXES and target.exists())
            or (target.parent == folder and target.name == MANIFEST)
        ):
            raise CrosscheckError(f"{out}: --out names an input ({raw}); refusing to overwrite it")
        if target.parent == given and target.suffix.lower() in SUFFIXES:  # a new file the loader would read
            raise CrosscheckError(
                f"{out}: --out is in an input folder ({raw}), where the next run would read the report as "
                f"a document; write it elsewhere or under an extension other than {', '.join(SUFFIXES)}"
            )


def _resolved(raw: str) -> Path:
    """``raw`` as an absolute path with its symbolic links resolved, as far as they resolve (a link
    loop or an unreadable folder stops there instead of raising)."""
    try:
        return Path(raw).resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(raw))


def _skipped_exit(args: argparse.Namespace, documents: int) -> int:
    """2 when an input was skipped (after saying so on stderr), else 0."""
    skipped: int = getattr(args, "skipped", 0)
    if not skipped:
        return 0
    print(
        f"crosscheck: warning: {skipped} input(s) skipped (see above); {documents} document(s) read "
        "and checked",
        file=sys.stderr,
    )
    return 2


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


def _full_report(args: argparse.Namespace, config: Config, show_progress: bool, terms: Terms) -> Report:
    """The unfiltered report the options ask for: from a store, on Dask, or in local processes."""
    _check_out(args)
    if args.store is not None:
        if args.engine != "local":
            raise CrosscheckError("--store works with the local engine only; drop --engine")
        with Store(args.store, config=config, terms=terms, create=bool(args.paths)) as store:
            if args.paths:
                store.add(_load(args), jobs=args.jobs)
            return store.check(jobs=args.jobs)
    if args.scheduler is not None and args.engine != "dask":
        raise CrosscheckError("--scheduler needs --engine dask")
    docs = _load(args)
    if args.engine == "dask":
        return check(docs, config=config, terms=terms, engine="dask", scheduler=args.scheduler)
    if show_progress:
        return _check_with_progress(docs, config, args.jobs, terms)
    return check(docs, config=config, terms=terms, jobs=args.jobs)


def _add(args: argparse.Namespace, config: Config, terms: Terms) -> int:
    try:
        docs = _load(args)
        with Store(args.store, config=config, terms=terms) as store:
            result = store.add(docs, jobs=args.jobs)
            total = len(store)
    except _Reported:
        return 2
    except CrosscheckError as exc:
        _say("error", exc)
        return 2
    try:
        print(f"{visible(args.store)}: {result.summary()}; {total} documents stored", flush=True)
    except BrokenPipeError:
        _silence_stdout()
    return _skipped_exit(args, len(docs))


def _check_with_progress(
    docs: tuple[Document, ...], config: Config, jobs: int, terms: Terms | None = None
) -> Report:
    """`check` with a progress bar on stderr (its ``progress`` callback): claims document by
    document, then alignment."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("extracting claims", total=len(docs))

        def show(stage: str, done: int, total: int) -> None:
            if stage == "extract":
                progress.update(task, completed=done, total=total)
            elif done == 0:
                progress.update(task, description=f"aligning {total} claims", completed=0, total=None)

        return check(docs, config=config, terms=terms, jobs=jobs, progress=show)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "completion":
        return _completion(parser, args.shell)
    try:
        settings = _settings(parser, args)
    except CrosscheckError as exc:
        _say("error", exc)
        return 2
    if settings.options:  # the file's options become defaults; the command line still wins
        _apply_defaults(parser, settings.options)
        args = parser.parse_args(argv)
    config = settings.config
    try:
        terms = terms_of(load_lexicon(*args.lexicon))
    except CrosscheckError as exc:
        _say("error", exc)
        return 2
    if args.command == "add":
        return _add(args, config, terms)
    if args.format == "html" and args.out is None and not args.quiet and _stdout_is_tty():
        _say("error", "--format html writes a page; give --out FILE (or redirect stdout)")
        return 2
    try:
        show_progress = not args.quiet and sys.stderr.isatty()
        full = _full_report(args, config, show_progress, terms)
        if not args.quiet and _stderr_is_tty():
            _warn_undated(full.documents)
        report = full.filter(
            verdicts=_verdicts(args) or None,
            kinds=args.kind or None,
            min_sources=args.min_sources,
            min_origins=args.min_origins,
        )
        _emit_to_stdout(report, args)
    except _Reported:
        return 2
    except CrosscheckError as exc:
        _say("error", exc)
        return 2
    failed = [name for name in dict.fromkeys(args.fail_on) if _count(report, FAIL_ON[name])]
    for name in failed:
        count = _count(report, FAIL_ON[name])
        print(f"crosscheck: --fail-on {name}: {count} {name} finding(s)", file=sys.stderr)
    return _skipped_exit(args, len(report.documents)) or (1 if failed else 0)


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


def _completion(parser: argparse.ArgumentParser, shell: str) -> int:
    try:
        sys.stdout.write(completion.script(parser, shell, words={"verdict": [v.value for v in Verdict]}))
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    return 0


_UNDATED_NAMES = 5  # documents named in the warning; the rest are counted


def undated_warning(documents: Sequence[Document]) -> str | None:
    """The warning for documents without a publication date, naming them and what it costs; None
    when every document has one."""
    undated = [d for d in documents if d.published is None]
    if not undated:
        return None
    names = [Path(d.path).name if d.path else d.id for d in undated]
    shown = ", ".join(names[:_UNDATED_NAMES])
    if len(names) > _UNDATED_NAMES:
        shown += f" and {len(names) - _UNDATED_NAMES} more"
    many = len(undated) != 1
    return (
        f"{len(undated)} document{'s' if many else ''} {'have' if many else 'has'} no publication date "
        f'({shown}): {"their" if many else "its"} relative dates ("on Monday") cannot be placed, and '
        f"{'their' if many else 'its'} claims are compared only on strong evidence; give `published` "
        f"in a {MANIFEST}"
    )


def _warn_undated(documents: Sequence[Document]) -> None:
    message = undated_warning(documents)
    if message is not None:
        _say("warning", message)


def _verdicts(args: argparse.Namespace) -> list[Verdict]:
    """The verdicts of every ``--verdict`` list, in order."""
    return [v for given in args.verdict for v in given]


def _list_single(args: argparse.Namespace) -> bool:
    """List single-source claims: with ``--all``, or when ``--verdict`` asks for them."""
    return bool(args.all) or Verdict.SINGLE_SOURCE in _verdicts(args)


def _count(report: Report, verdict: Verdict) -> int:
    return sum(1 for g in report.groups if g.verdict is verdict)


def _emit_to_stdout(report: Report, args: argparse.Namespace) -> None:
    """`_emit`, quiet when stdout is closed early (``| head -1``, a pager quit): the rest of the
    report is dropped and the run ends as it would have, exit 0 or the ``--fail-on`` code."""
    try:
        _emit(report, args)
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that nothing more is written to the closed pipe, not even by
    the interpreter's flush at exit ("Exception ignored ... BrokenPipeError")."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    finally:
        os.close(devnull)


def _emit(report: Report, args: argparse.Namespace) -> None:
    if args.quiet:
        if args.out is not None:
            _write(Path(args.out), _chunks(report, args))
        print(summary_line(report))
        return
    chunks = _chunks(report, args)  # JSON streams: never the whole report in memory
    if args.out is not None:
        _write(Path(args.out), chunks)
        return
    if args.format == "terminal":
        text = "".join(chunks)
        command = pager_command(
            no_pager=args.no_pager,
            tty=_stdout_is_tty(),
            environ=os.environ,
            lines=text.count("\n"),
            height=shutil.get_terminal_size().lines,
        )
        if command is not None:
            _page(text, command)
            return
    for chunk in chunks:
        sys.stdout.write(chunk)


def pager_command(
    *, no_pager: bool, tty: bool, environ: Mapping[str, str], lines: int, height: int
) -> list[str] | None:
    """The pager to show ``lines`` of terminal report through, as git does: only when stdout is a
    terminal and the report is taller than its ``height``; ``$PAGER`` (split as the shell would),
    else ``less -R``; none with ``--no-pager``, an empty ``PAGER`` or ``PAGER=cat``."""
    if no_pager or not tty or lines < height:
        return None
    raw = environ.get("PAGER")
    if raw is None:
        return ["less", "-R"]
    try:
        command = shlex.split(raw)
    except ValueError:  # an unbalanced quote: no pager rather than a wrong one
        return None
    return None if not command or command == ["cat"] else command


def _page(text: str, command: list[str]) -> None:
    """Write ``text`` through the pager ``command`` and wait for it; quitting it early is no error.
    ``LESS`` defaults to ``FRX`` (as git sets it): colours pass, and the report stays on screen."""
    sys.stdout.flush()
    env = {**os.environ}
    env.setdefault("LESS", "FRX")
    try:
        pager = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
    except OSError as exc:
        _say(
            "warning", f"pager {command[0]!r} cannot be run ({exc.strerror or exc}); writing to the terminal"
        )
        sys.stdout.write(text)
        return
    assert pager.stdin is not None
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main_thread else None  # Ctrl-C is the pager's
    try:
        try:
            pager.stdin.write(text.encode(sys.stdout.encoding or "utf-8", "replace"))
        except BrokenPipeError:  # the pager quit before reading it all
            pass
        finally:
            with contextlib.suppress(BrokenPipeError):
                pager.stdin.close()
        pager.wait()
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def _stdout_is_tty() -> bool:
    return sys.stdout.isatty()


def _stderr_is_tty() -> bool:
    """Hints for a reader (the undated-documents warning), like the progress bar, go to a terminal
    only: scripts and CI logs see only the input problems, line for line as documented."""
    return sys.stderr.isatty()


def use_color(choice: str, *, tty: bool, environ: Mapping[str, str]) -> bool:
    """Whether the terminal report is coloured: ``always`` and ``never`` say so; ``auto`` colours a
    terminal only, unless ``NO_COLOR`` is set (not empty), and colours anything when ``FORCE_COLOR``
    is (``NO_COLOR`` wins when both are)."""
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR", ""):
        return False
    return bool(environ.get("FORCE_COLOR", "")) or tty


def _terminal_width(tty: bool) -> int:
    return shutil.get_terminal_size((_WIDTH, 24)).columns if tty else _WIDTH


def _chunks(report: Report, args: argparse.Namespace) -> Iterable[str]:
    """The report in pieces; JSON always holds every group, so ``--all`` is for the other formats.
    The terminal report is coloured as ``--color`` says, with the claims between «» when it is not."""
    if args.format == "json":
        return render_chunks(report, args.format)
    if args.format == "terminal":
        tty = args.out is None and _stdout_is_tty()
        color = use_color(args.color, tty=tty, environ=os.environ)
        text = render_terminal(
            report,
            width=_terminal_width(tty),
            color=color,
            single_source=_list_single(args),
            quotes=bool(args.all) or Verdict.AGREEMENT in _verdicts(args),
        )
        return [text]
    return render_chunks(report, args.format, single_source=_list_single(args))


def _write(path: Path, chunks: Iterable[str]) -> None:
    """Write the report to ``path`` whole or not at all: into a temporary file next to it, renamed
    over it at the end, so a failure (a full disk, text that cannot be encoded) leaves the previous
    file as it was and no partial report. A path that is not a regular file (``/dev/stdout``, a
    pipe) or is a symbolic link is written in place."""
    if path.is_symlink() or (path.exists() and not path.is_file()):
        _write_to(path, chunks)
        return
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise CrosscheckError(f"{path}: cannot write report: {exc.strerror or exc}") from None
    temporary = Path(name)
    try:
        os.close(fd)
        _write_to(temporary, chunks, shown=path)
        os.chmod(temporary, _new_file_mode(path))
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _write_to(path: Path, chunks: Iterable[str], shown: Path | None = None) -> None:
    try:
        with path.open("w", encoding="utf-8") as out:
            for chunk in chunks:
                out.write(chunk)
    except OSError as exc:
        raise CrosscheckError(f"{shown or path}: cannot write report: {exc.strerror or exc}") from None
    except UnicodeEncodeError as exc:
        raise CrosscheckError(
            f"{shown or path}: cannot write report: {exc.object[exc.start : exc.end]!r} is not encodable "
            "as UTF-8"
        ) from None


def _new_file_mode(path: Path) -> int:
    """The permissions ``path`` has, or those a new file gets (0o666 less the umask)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask

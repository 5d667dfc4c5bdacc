"""The command line: ``python -m crosscheck report PATH...``; a thin shell over `load_documents`, `check`, `render`.

Exit codes: 0 done; 1 a ``--fail-on`` condition was met (the report is still written); 2 bad input
or usage (one line on stderr, no traceback). See docs/cli.md, kept in step with ``--help`` by a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from . import completion
from .cli_args import FAIL_ON, _apply_defaults, _parser, _settings
from .cli_args import SETTINGS_KEYS as SETTINGS_KEYS  # the settings keys, as before
from .cli_args import _commands as _commands  # read through `cli` by the completion tests
from .cli_args import _settings_checks as _settings_checks  # and by the settings tests
from .cli_output import (
    _page,
    _say,
    _silence_stdout,
    _terminal_width,
    _write,
    pager_command,
    undated_warning,
    use_color,
)
from .config import Config
from .documents import SUFFIXES, try_load_documents
from .errors import CrosscheckError
from .lexicon import load_lexicon
from .manifest import MANIFEST
from .model import Document, Report, Verdict
from .pipeline import check
from .render import render_chunks
from .render._common import summary_line, visible
from .render.terminal import render_terminal
from .store import Store
from .terms import Terms, terms_of

__all__ = ["main", "pager_command", "undated_warning", "use_color"]


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


def _completion(parser: argparse.ArgumentParser, shell: str) -> int:
    try:
        sys.stdout.write(completion.script(parser, shell, words={"verdict": [v.value for v in Verdict]}))
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    return 0


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


def _stdout_is_tty() -> bool:
    return sys.stdout.isatty()


def _stderr_is_tty() -> bool:
    """Hints for a reader (the undated-documents warning), like the progress bar, go to a terminal
    only: scripts and CI logs see only the input problems, line for line as documented."""
    return sys.stderr.isatty()


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

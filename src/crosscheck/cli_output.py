"""What the command line prints and writes: its one-line messages on stderr, the undated-documents
warning, colour, the pager, and a report file written whole or not at all (`crosscheck.cli`)."""

from __future__ import annotations

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

from .errors import CrosscheckError
from .manifest import MANIFEST
from .model import Document
from .render._common import visible

__all__ = ["pager_command", "undated_warning", "use_color"]

_WIDTH = 100  # the terminal report's width off a terminal


def _say(level: str, message: object) -> None:
    """One line on stderr, ``crosscheck: LEVEL: MESSAGE``. Control characters in it (a newline or an
    escape sequence in a file name) are written out, so a name can neither break the line nor forge
    another ``crosscheck:`` line, nor drive the terminal."""
    print(f"crosscheck: {level}: {visible(str(message))}", file=sys.stderr)


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


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that nothing more is written to the closed pipe, not even by
    the interpreter's flush at exit ("Exception ignored ... BrokenPipeError")."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    finally:
        os.close(devnull)


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

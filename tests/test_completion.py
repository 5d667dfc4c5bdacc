"""Shell completion (issue 13, item 5): `crosscheck completion bash|zsh|fish` prints a script made
from the parser, so every option is completed, and bash accepts and runs it."""

from __future__ import annotations

import argparse
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from crosscheck import cli, completion
from crosscheck.cli import main

BASH = shutil.which("bash")


def _script(shell: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["completion", shell]) == 0
    return capsys.readouterr().out


def _commands() -> dict[str, argparse.ArgumentParser]:
    return cli._commands(cli._parser())


@pytest.mark.parametrize("shell", completion.SHELLS)
def test_every_option_and_choice_of_every_command_is_in_the_script(
    shell: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each command, each of its options (long and short) and each choice of an option is in the
    script: `report`'s --format values, --kind values, the verdict names."""
    text = _script(shell, capsys)
    for name, command in _commands().items():
        assert name in text
        for action in command._actions:
            for flag in action.option_strings:
                written = {"zsh": flag, "bash": flag}.get(shell) or (
                    f"-l {flag[2:]}" if flag.startswith("--") else f"-s {flag[1:]}"
                )
                assert written in text, f"{shell}: {name} {flag} missing"
            for choice in action.choices or ():
                assert str(choice) in text, f"{shell}: {name} {action.dest} choice {choice} missing"
    report = _commands()["report"]
    assert {f for a in report._actions for f in a.option_strings} >= {
        "--format",
        "--verdict",
        "--min-origins",
    }
    assert "possible_conflict" in text


def test_a_new_option_is_completed_without_touching_the_scripts() -> None:
    """The scripts are read off the parser: an option added to it appears in all three."""
    parser = cli._parser()
    cli._commands(parser)["report"].add_argument(
        "--brand-new", choices=("alpha", "beta"), help="a new option"
    )
    for shell in completion.SHELLS:
        text = completion.script(parser, shell)
        assert "brand-new" in text and "alpha beta" in text


@pytest.mark.skipif(BASH is None, reason="bash is not installed")
def test_bash_accepts_the_script(capsys: pytest.CaptureFixture[str]) -> None:
    """`bash -n` (parse, do not run) accepts the bash script."""
    assert BASH is not None
    done = subprocess.run([BASH, "-n"], input=_script("bash", capsys), text=True, capture_output=True)
    assert (done.returncode, done.stderr) == (0, "")


def _complete(script: str, line: str) -> list[str]:
    """What bash offers for ``line`` (the cursor at its end), with the script loaded."""
    assert BASH is not None
    words = shlex.split(line) + ([""] if line.endswith(" ") else [])
    program = (
        script
        + f"\nCOMP_WORDS=({' '.join(shlex.quote(w) for w in words)})\nCOMP_CWORD={len(words) - 1}\n"
        + '_crosscheck\nprintf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    done = subprocess.run([BASH, "--norc", "-c", program], text=True, capture_output=True, check=True)
    return [w for w in done.stdout.splitlines() if w]


@pytest.mark.skipif(BASH is None, reason="bash is not installed")
@pytest.mark.parametrize(
    ("line", "offered"),
    [
        ("crosscheck re", ["report"]),
        ("crosscheck ", ["-h", "--help", "--version", "report", "add", "completion"]),
        ("crosscheck report --fo", ["--format"]),
        ("crosscheck report --min-o", ["--min-origins"]),
        ("crosscheck report a.txt --format ", ["html", "json", "markdown", "terminal"]),
        ("crosscheck report --verdict conflict,p", ["conflict,possible_conflict"]),
        ("crosscheck report --color a", ["auto", "always"]),
        ("crosscheck report --min-origins ", []),
        ("crosscheck add --no-c", ["--no-config"]),
        ("crosscheck completion ", ["bash", "zsh", "fish"]),
    ],
)
def test_bash_completes_commands_options_and_values(
    line: str, offered: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """The bash script, run as bash runs it on Tab, offers the commands, options and values."""
    assert _complete(_script("bash", capsys), line) == offered


@pytest.mark.skipif(BASH is None, reason="bash is not installed")
def test_bash_completes_file_names_for_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PATH argument and --out FILE complete file names."""
    monkeypatch.chdir(tmp_path)
    for name in ("story-one.txt", "story-two.md"):
        (tmp_path / name).touch()
    script = _script("bash", capsys)
    assert sorted(_complete(script, "crosscheck report sto")) == ["story-one.txt", "story-two.md"]
    assert _complete(script, "crosscheck report --out story-o") == ["story-one.txt"]


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_scripts_parse_where_the_shell_is_installed(
    shell: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`zsh -n` / `fish --no-execute` accept their scripts (skipped where the shell is missing); the
    apostrophe of "program's" is escaped as each shell needs."""
    text = _script(shell, capsys)
    assert ("program'\\''s" if shell == "zsh" else "program\\'s") in text
    program = shutil.which(shell)
    if program is None:
        pytest.skip(f"{shell} is not installed")
    flag = "-n" if shell == "zsh" else "--no-execute"
    done = subprocess.run([program, flag], input=text, text=True, capture_output=True)
    assert (done.returncode, done.stderr) == (0, "")


def test_an_unknown_shell_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """`completion tcsh` exits 2 naming the shells there are."""
    with pytest.raises(SystemExit) as info:
        main(["completion", "tcsh"])
    assert info.value.code == 2
    assert "argument SHELL: invalid choice: 'tcsh' (choose from" in capsys.readouterr().err


def test_the_script_is_written_by_the_module_entry_point() -> None:
    """`python -m crosscheck completion bash` prints the same script as the function."""
    done = subprocess.run(
        [sys.executable, "-m", "crosscheck", "completion", "bash"], capture_output=True, text=True, check=True
    )
    assert done.stdout == completion.script(
        cli._parser(),
        "bash",
        words={"verdict": ["agreement", "conflict", "possible_conflict", "single_source"]},
    )
    assert done.stdout.rstrip().endswith("complete -o filenames -F _crosscheck crosscheck")

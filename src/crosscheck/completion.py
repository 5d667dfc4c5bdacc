"""Shell completion scripts (bash, zsh, fish) written from the CLI's argparse parser.

`script` walks the parser's commands and options, so the completions cannot drift from the
options: a new option is completed as soon as it exists. Option values are completed from their
``choices`` (or the ``words`` given for an option whose values are a list, such as ``--verdict``),
file names for the options and arguments named ``FILE``, ``STORE`` or ``PATH``, and nothing for the
others (a number, an address). No dependency: the scripts use each shell's own completion system.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

__all__ = ["SHELLS", "script"]

SHELLS = ("bash", "zsh", "fish")
PROG = "crosscheck"
FILE_METAVARS = frozenset({"FILE", "STORE", "PATH"})
_WORD = re.compile(r"^[\w.,:/+=@-]+$")  # what may stand unquoted in a script: option names, choices


class Option(NamedTuple):
    """One option as the completion scripts see it."""

    flags: tuple[str, ...]
    help: str
    metavar: str | None  # None: a flag that takes no value
    words: tuple[str, ...]  # the values to offer
    files: bool  # the value is a file name
    repeatable: bool


class Positional(NamedTuple):
    name: str
    words: tuple[str, ...]
    files: bool
    many: bool  # nargs "*" or "+"


class Command(NamedTuple):
    name: str
    help: str
    options: tuple[Option, ...]
    positionals: tuple[Positional, ...]


def script(
    parser: argparse.ArgumentParser, shell: str, words: Mapping[str, Sequence[str]] | None = None
) -> str:
    """The completion script for ``shell`` (one of `SHELLS`) of ``parser`` and its sub-commands.
    ``words`` gives the values to offer for options (by ``dest``) that have no ``choices``."""
    extra = dict(words or {})
    top = _options(parser, extra)
    commands = tuple(
        Command(name, _summary(help_of.get(name, "")), _options(sub, extra), _positionals(sub))
        for name, sub, help_of in _subcommands(parser)
    )
    for token in [f for o in top for f in o.flags] + [c.name for c in commands]:
        _check_word(token)
    for command in commands:
        for option in command.options:
            for token in (*option.flags, *option.words):
                _check_word(token)
        for positional in command.positionals:
            for token in positional.words:
                _check_word(token)
    if shell == "bash":
        return _bash(top, commands)
    if shell == "zsh":
        return _zsh(top, commands)
    if shell == "fish":
        return _fish(top, commands)
    raise ValueError(f"no completion for shell {shell!r}; the shells are {', '.join(SHELLS)}")


# --- walking the parser ---------------------------------------------------------------------------


def _subcommands(
    parser: argparse.ArgumentParser,
) -> list[tuple[str, argparse.ArgumentParser, dict[str, str]]]:
    out: list[tuple[str, argparse.ArgumentParser, dict[str, str]]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            help_of = {a.dest: a.help or "" for a in action._choices_actions}
            out.extend((name, sub, help_of) for name, sub in action.choices.items())
    return out


def _options(parser: argparse.ArgumentParser, words: Mapping[str, Sequence[str]]) -> tuple[Option, ...]:
    out = []
    for action in parser._actions:
        if not action.option_strings or action.help == argparse.SUPPRESS:
            continue
        takes_value = action.nargs != 0
        metavar = action.metavar if isinstance(action.metavar, str) else None
        if metavar is not None and metavar.startswith("{"):  # "{conflict,single-source}": the choices
            metavar = None
        choices = tuple(str(c) for c in action.choices) if action.choices is not None else ()
        out.append(
            Option(
                flags=tuple(action.option_strings),
                help=_summary(action.help or ""),
                metavar=(metavar or action.dest.upper()) if takes_value else None,
                words=choices or tuple(words.get(action.dest, ())) if takes_value else (),
                files=takes_value and metavar in FILE_METAVARS,
                repeatable=isinstance(action, argparse._AppendAction),
            )
        )
    return tuple(out)


def _positionals(parser: argparse.ArgumentParser) -> tuple[Positional, ...]:
    out = []
    for action in parser._actions:
        if action.option_strings or isinstance(action, argparse._SubParsersAction):
            continue
        name = action.metavar if isinstance(action.metavar, str) else action.dest
        choices = tuple(str(c) for c in action.choices) if action.choices is not None else ()
        out.append(
            Positional(name, choices, not choices and name in FILE_METAVARS, action.nargs in ("*", "+"))
        )
    return tuple(out)


_ASIDE = re.compile(r"\s*\([^()]*\)")
_SUMMARY_WIDTH = 80


def _summary(text: str) -> str:
    """An option's help to its first clause, asides in brackets dropped, on one line of at most 80
    characters: what a completion menu has room for."""
    text = " ".join(text.split())
    while _ASIDE.search(text):  # inner brackets first
        text = _ASIDE.sub("", text)
    text = text.split("; ")[0].split(" (")[0]
    if len(text) > _SUMMARY_WIDTH:
        text = text[: _SUMMARY_WIDTH - 1].rsplit(" ", 1)[0].rstrip(",") + "…"
    return text


def _check_word(token: str) -> None:
    if not _WORD.match(token):
        raise ValueError(f"{token!r} cannot be written into a completion script unquoted")


# --- bash -----------------------------------------------------------------------------------------


def _bash(top: tuple[Option, ...], commands: tuple[Command, ...]) -> str:
    names = " ".join(c.name for c in commands)
    top_words = " ".join([f for o in top for f in o.flags] + [c.name for c in commands])
    lines = [
        f"# bash completion for {PROG}, written by `{PROG} completion bash` from its options.",
        f'# Load it in ~/.bashrc: eval "$({PROG} completion bash)"',
        f"_{PROG}() {{",
        '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
        '    local command="" i',
        "    for ((i = 1; i < COMP_CWORD; i++)); do",
        '        case "${COMP_WORDS[i]}" in',
        f'            {names.replace(" ", "|")}) command="${{COMP_WORDS[i]}}"; break ;;',
        "        esac",
        "    done",
        "    COMPREPLY=()",
        '    case "$command" in',
        '        "")',
        f'            COMPREPLY=($(compgen -W "{top_words}" -- "$cur"))',
        "            ;;",
    ]
    for command in commands:
        lines.append(f"        {command.name})")
        valued = [o for o in command.options if o.metavar is not None]
        if valued:
            lines.append('            case "$prev" in')
        for option in valued:
            flags = "|".join(option.flags)
            if option.files:
                action = 'COMPREPLY=($(compgen -f -- "$cur"))'
            elif option.words and option.metavar == "LIST":  # a comma list: complete after the last comma
                action = f'_{PROG}_list "{" ".join(option.words)}"'
            elif option.words:
                action = f'COMPREPLY=($(compgen -W "{" ".join(option.words)}" -- "$cur"))'
            else:
                action = ":"  # a number or an address: nothing to offer
            lines.append(f"                {flags}) {action}; return 0 ;;")
        if valued:
            lines.append("            esac")
        flags = " ".join(f for o in command.options for f in o.flags)
        positional_words = " ".join(w for p in command.positionals for w in p.words)
        files = any(p.files for p in command.positionals)
        lines.append('            if [[ "$cur" == -* ]]; then')
        lines.append(f'                COMPREPLY=($(compgen -W "{flags}" -- "$cur"))')
        if positional_words:
            lines.append("            else")
            lines.append(f'                COMPREPLY=($(compgen -W "{positional_words}" -- "$cur"))')
        elif files:
            lines.append("            else")
            lines.append('                COMPREPLY=($(compgen -f -- "$cur"))')
        lines.append("            fi")
        lines.append("            ;;")
    lines += [
        "    esac",
        "    return 0",
        "}",
        f"_{PROG}_list() {{",
        '    if [[ "$cur" == *,* ]]; then',
        '        COMPREPLY=($(compgen -P "${cur%,*}," -W "$1" -- "${cur##*,}"))',
        "    else",
        '        COMPREPLY=($(compgen -W "$1" -- "$cur"))',
        "    fi",
        "}",
        f"complete -o filenames -F _{PROG} {PROG}",  # nothing to offer is nothing: no fallback
        "",
    ]
    return "\n".join(lines)


# --- zsh ------------------------------------------------------------------------------------------


def _zsh_quote(text: str) -> str:
    """``text`` inside single quotes and an ``_arguments`` description ``[...]``."""
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace("'", "'\\''")


def _zsh_specs(options: tuple[Option, ...]) -> list[str]:
    specs = []
    for option in options:
        for flag in option.flags:
            if option.repeatable:
                prefix = "*"
            elif len(option.flags) > 1:
                prefix = "(" + " ".join(option.flags) + ")"
            else:
                prefix = ""
            if flag in ("-h", "--help", "--version"):
                prefix = "(- *)"  # nothing else after --help or --version
            spec = f"{prefix}{flag}[{_zsh_quote(option.help)}]"
            if option.metavar is not None:
                if option.files:
                    action = "_files"
                elif option.words:
                    action = "(" + " ".join(option.words) + ")"
                else:
                    action = " "
                spec += f":{_zsh_quote(option.metavar)}:{action}"
            specs.append(f"'{spec}'")
    return specs


def _zsh(top: tuple[Option, ...], commands: tuple[Command, ...]) -> str:
    lines = [
        f"#compdef {PROG}",
        f"# zsh completion for {PROG}, written by `{PROG} completion zsh` from its options.",
        f'# Install: {PROG} completion zsh > "${{fpath[1]}}/_{PROG}", then start a new zsh;',
        f"# or load it now: source <({PROG} completion zsh)",
        f"_{PROG}() {{",
        '    local curcontext="$curcontext" state line',
        "    typeset -A opt_args",
        "    _arguments -C \\",
    ]
    lines += [f"        {spec} \\" for spec in _zsh_specs(top)]
    lines += [
        "        '1:command:->command' \\",
        "        '*::argument:->argument'",
        "    case $state in",
        "        command)",
        "            local -a commands",
        "            commands=(",
    ]
    lines += [f"                '{c.name}:{_zsh_quote(c.help)}'" for c in commands]
    lines += [
        "            )",
        f"            _describe -t commands '{PROG} command' commands",
        "            ;;",
        "        argument)",
        "            case $words[1] in",
    ]
    for command in commands:
        specs = _zsh_specs(command.options)
        for number, positional in enumerate(command.positionals, start=1):
            where = "*" if positional.many else str(number)
            action = (
                "(" + " ".join(positional.words) + ")"
                if positional.words
                else "_files"
                if positional.files
                else " "
            )
            specs.append(f"'{where}:{_zsh_quote(positional.name)}:{action}'")
        lines.append(f"                {command.name})")
        lines.append("                    _arguments \\")
        lines += [f"                        {spec} \\" for spec in specs[:-1]]
        lines.append(f"                        {specs[-1]}")
        lines.append("                    ;;")
    lines += [
        "            esac",
        "            ;;",
        "    esac",
        "}",
        f'if [[ "${{funcstack[1]}}" == "_{PROG}" ]]; then',
        f'    _{PROG} "$@"',
        "else",
        f"    compdef _{PROG} {PROG}",
        "fi",
        "",
    ]
    return "\n".join(lines)


# --- fish -----------------------------------------------------------------------------------------


def _fish_quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _fish_option(condition: str, option: Option) -> str:
    parts = [f"complete -c {PROG} -n {_fish_quote(condition)}"]
    for flag in option.flags:
        parts.append(f"-l {flag[2:]}" if flag.startswith("--") else f"-s {flag[1:]}")
    if option.metavar is not None:
        if option.files:
            parts.append("-r -F")
        elif option.words:
            parts.append("-x -a " + _fish_quote(" ".join(option.words)))
        else:
            parts.append("-x")
    parts.append("-d " + _fish_quote(option.help))
    return " ".join(parts)


def _fish(top: tuple[Option, ...], commands: tuple[Command, ...]) -> str:
    lines = [
        f"# fish completion for {PROG}, written by `{PROG} completion fish` from its options.",
        f"# Install: {PROG} completion fish > ~/.config/fish/completions/{PROG}.fish",
        f"complete -c {PROG} -f",
    ]
    lines += [_fish_option("__fish_use_subcommand", option) for option in top]
    lines += [
        f"complete -c {PROG} -n '__fish_use_subcommand' -a {c.name} -d {_fish_quote(c.help)}"
        for c in commands
    ]
    for command in commands:
        condition = f"__fish_seen_subcommand_from {command.name}"
        lines += [_fish_option(condition, option) for option in command.options]
        words = " ".join(w for p in command.positionals for w in p.words)
        if words:
            lines.append(f"complete -c {PROG} -n {_fish_quote(condition)} -a {_fish_quote(words)}")
        elif any(p.files for p in command.positionals):
            lines.append(f"complete -c {PROG} -n {_fish_quote(condition)} -F")
    lines.append("")
    return "\n".join(lines)

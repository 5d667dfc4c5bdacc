"""A project's settings file: ``crosscheck.toml``, or ``[tool.crosscheck]`` in ``pyproject.toml``.

The CLI looks in the current folder, then in each parent folder up to the root, and reads the first
file it finds, as ruff and pytest do: in each folder a ``crosscheck.toml`` first (the whole file is
crosscheck's), then a ``pyproject.toml`` with a ``[tool.crosscheck]`` table (one without it is
passed over). Its keys are default command-line options (``format``, ``verdict``, ``min-origins``,
...: the caller says which and how each is checked) and a ``thresholds`` table of `Config` fields::

    [tool.crosscheck]
    format = "markdown"
    verdict = ["conflict", "possible_conflict"]
    min-origins = 2

    [tool.crosscheck.thresholds]
    agree_bar = 70
    approx_tolerance = "0.15"

Every problem is a `ConfigError` of one line naming the file, the table and the key.
"""

from __future__ import annotations

import inspect
import tomllib
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NamedTuple

from .config import Config
from .errors import ConfigError

__all__ = [
    "FILE_NAME",
    "PYPROJECT",
    "THRESHOLDS",
    "Settings",
    "checked_config",
    "find_settings",
    "read_settings",
]

FILE_NAME = "crosscheck.toml"
PYPROJECT = "pyproject.toml"
THRESHOLDS = "thresholds"

Check = Callable[[str, object], object]
"""How the caller checks one option: ``check(key, value)`` returns the value to use, or raises
`ConfigError` with a message that starts with the key (``min-origins must be ...``)."""


class Settings(NamedTuple):
    """What a settings file says: the file, the `Config` of its thresholds and its options, checked."""

    path: Path | None
    config: Config
    options: dict[str, object]


NO_SETTINGS = Settings(None, Config(), {})


def find_settings(start: Path) -> Path | None:
    """The settings file for a run in ``start``: the first ``crosscheck.toml``, or ``pyproject.toml``
    with a ``[tool.crosscheck]`` table, in ``start`` or one of its parents; None when there is none."""
    for folder in (start, *start.parents):
        own = folder / FILE_NAME
        if own.is_file():
            return own
        project = folder / PYPROJECT
        if project.is_file() and _crosscheck_table(project) is not None:
            return project
    return None


def read_settings(path: Path, checks: Mapping[str, Check]) -> Settings:
    """The settings in ``path`` (a ``crosscheck.toml``, or a ``pyproject.toml`` read for its
    ``[tool.crosscheck]``): each option checked by ``checks[key]`` (``min_origins`` is read as
    ``min-origins``), the thresholds made into a `Config`. Raises `ConfigError` naming the file and key."""
    if path.name == PYPROJECT:
        table = _crosscheck_table(path)
        where = "[tool.crosscheck]"
        if table is None:
            raise ConfigError(f"{path}: no [tool.crosscheck] table")
    else:
        table = _load(path)
        where = ""
    prefix = f"{path}: {where + ' ' if where else ''}"
    options: dict[str, object] = {}
    config = Config()
    for raw, value in table.items():
        if raw == THRESHOLDS:
            inner = f"[{where[1:-1] + '.' if where else ''}{THRESHOLDS}]"
            if not isinstance(value, dict):
                raise ConfigError(f"{prefix}{THRESHOLDS} must be a table of thresholds ({inner})")
            try:
                config = checked_config({k.replace("-", "_"): v for k, v in value.items()})
            except ConfigError as exc:
                raise ConfigError(f"{path}: {inner} {exc}") from None
            continue
        key = raw.replace("_", "-")
        if key not in checks:
            known = ", ".join(sorted([*checks, THRESHOLDS]))
            raise ConfigError(f"{prefix}unknown key {raw!r} (known: {known})")
        try:
            options[key] = checks[key](key, value)
        except ConfigError as exc:
            raise ConfigError(f"{prefix}{exc}") from None
    return Settings(path, config, options)


def checked_config(options: Mapping[str, Any]) -> Config:
    """``Config(**options)`` with each value's type checked first, so a string where a number goes
    says ``agree_bar must be a number, got 'high'`` rather than a comparison error. Raises
    `ConfigError` (its message starts with the option's name) for an unknown option too."""
    parameters = inspect.signature(Config).parameters
    checked: dict[str, Any] = {}
    for name, value in options.items():
        if name not in parameters:
            raise ConfigError(f"unknown threshold {name!r} (known: {', '.join(parameters)})")
        checked[name] = _checked(name, parameters[name].default, value)
    try:
        return Config(**checked)
    except ConfigError as exc:
        raise ConfigError(str(exc).removeprefix("Config.")) from None


def _checked(name: str, default: object, value: object) -> object:
    """``value`` if it has the type of the option's ``default`` (a float given for a decimal is read
    as written: 0.15, not 0.1499999...); raises `ConfigError` otherwise."""
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(f"{name} must be true or false, got {value!r}")
    elif isinstance(default, Decimal):
        if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
            raise ConfigError(f'{name} must be a number (a decimal may be a string: "0.15"), got {value!r}')
        try:
            return Decimal(str(value)) if isinstance(value, float) else Decimal(value)
        except InvalidOperation:
            raise ConfigError(f"{name} must be a number, got {value!r}") from None
    elif isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{name} must be a whole number, got {value!r}")
    elif isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"{name} must be a number, got {value!r}")
    elif name == "weights":
        if not isinstance(value, (dict, list, tuple)):
            raise ConfigError(f"{name} must be a table of rule name = weight, got {value!r}")
    elif _strings(default) and not _strings(value):
        raise ConfigError(f"{name} must be a list of strings, got {value!r}")
    return value


def _strings(value: object) -> bool:
    return isinstance(value, (list, tuple)) and all(isinstance(x, str) for x in value)


def _load(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: malformed TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: TOML nested too deeply to read") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read settings: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not valid UTF-8 (byte 0x{exc.object[exc.start]:02x})") from None


def _crosscheck_table(path: Path) -> dict[str, Any] | None:
    """``[tool.crosscheck]`` of a ``pyproject.toml``; None when it has none. A pyproject that never
    says ``crosscheck`` is not parsed (so another tool's broken file is no error of crosscheck's)."""
    try:
        if b"crosscheck" not in path.read_bytes():
            return None
    except OSError:
        return None
    tool = _load(path).get("tool")
    table = tool.get("crosscheck") if isinstance(tool, dict) else None
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.crosscheck must be a table ([tool.crosscheck])")
    return table

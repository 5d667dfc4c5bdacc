"""Renderers: pure functions of a finished `Report` to text, dispatched by format name."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..errors import ConfigError
from ..model import Report
from .terminal import render_terminal
from .to_html import render_html
from .to_json import iter_json, render_json
from .to_markdown import render_markdown

__all__ = ["FORMATS", "render", "render_chunks"]

_RENDERERS: dict[str, Callable[[Report], str]] = {
    "html": render_html,
    "json": render_json,
    "markdown": render_markdown,
    "terminal": render_terminal,
}
FORMATS = tuple(sorted(_RENDERERS))


def render(report: Report, fmt: str = "terminal") -> str:
    """The report as text in format ``fmt`` (one of `FORMATS`)."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ConfigError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}") from None
    return renderer(report)


def render_chunks(report: Report, fmt: str = "terminal") -> Iterable[str]:
    """`render` in pieces to write one after another: JSON is streamed item by item, so a large
    report never holds all of it in memory at once."""
    if fmt == "json":
        return iter_json(report)
    return [render(report, fmt)]

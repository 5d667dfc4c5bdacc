"""Renderers: pure functions of a finished `Report` to text, dispatched by format name."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from ..errors import ConfigError
from ..model import Report
from .terminal import render_terminal
from .to_html import render_html
from .to_json import iter_json, render_json
from .to_markdown import render_markdown

__all__ = ["FORMATS", "render", "render_chunks"]


class _Renderer(Protocol):
    def __call__(self, report: Report, *, single_source: bool = False) -> str: ...


def _json(report: Report, *, single_source: bool = False) -> str:
    return render_json(report)  # the contract holds every group: nothing to ask for


_RENDERERS: dict[str, _Renderer] = {
    "html": render_html,
    "json": _json,
    "markdown": render_markdown,
    "terminal": render_terminal,
}
FORMATS = tuple(sorted(_RENDERERS))


def render(report: Report, fmt: str = "terminal", *, single_source: bool = False) -> str:
    """The report as text in format ``fmt`` (one of `FORMATS`). The terminal, Markdown and HTML
    reports count single-source claims and list them (in the fact table too) only when
    ``single_source`` is true; JSON always holds every group."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ConfigError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}") from None
    return renderer(report, single_source=single_source)


def render_chunks(report: Report, fmt: str = "terminal", *, single_source: bool = False) -> Iterable[str]:
    """`render` in pieces to write one after another: JSON is streamed item by item, so a large
    report never holds all of it in memory at once."""
    if fmt == "json":
        return iter_json(report)
    return [render(report, fmt, single_source=single_source)]

"""Remake the report screenshots in docs/: `python docs/screenshots.py` from the project folder.

The seeds with 002 edited to say "1,500 soldiers" (one conflict, as the tests use them):
- fact-table-terminal.svg / .png: the terminal report (summary, fact table, the conflict quoted,
  agreements counted) at 100 columns, in colour, as `crosscheck report` prints it on a terminal;
- fact-table-html.png and timeline-html.png: the HTML report's fact table and the conflict's
  timeline in Chromium at 1400x900.
Needs the test extra (playwright) and a chromium on PATH.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from pathlib import Path

from rich.console import Console

import crosscheck
from crosscheck.render import render
from crosscheck.render.terminal import THEME, ReportView

DOCS = Path(__file__).resolve().parent
SEEDS = DOCS.parent / "seeds"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]


def conflict_seeds(folder: Path) -> Path:
    """A copy of the seeds where 002 says "1,500 soldiers" instead of "more than 2,000"."""
    target = folder / "seeds"
    shutil.copytree(SEEDS, target)
    path = target / "002_802931a856429f27.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("more than 2,000 soldiers", "1,500 soldiers"))
    return target


def terminal_svg(report: crosscheck.Report) -> str:
    """The coloured terminal report at 100 columns as an SVG (rich's export)."""
    console = Console(
        width=100, theme=THEME, record=True, file=io.StringIO(), force_terminal=True, color_system="truecolor"
    )
    console.print(ReportView(report), soft_wrap=False)
    return console.export_svg(title="crosscheck report seeds/")


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        folder = conflict_seeds(Path(tmp))
        report = crosscheck.check(crosscheck.load_documents(folder))
        svg = DOCS / "fact-table-terminal.svg"
        svg.write_text(terminal_svg(report), encoding="utf-8")
        page_file = Path(tmp) / "report.html"
        page_file.write_text(render(report, "html"), encoding="utf-8")
        chromium = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=LAUNCH_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(svg.as_uri())
            page.locator("svg").first.screenshot(path=str(DOCS / "fact-table-terminal.png"))
            page.goto(page_file.as_uri())
            page.locator("#facts").screenshot(path=str(DOCS / "fact-table-html.png"))
            page.locator(".group.v-conflict figure.timeline-figure").first.screenshot(
                path=str(DOCS / "timeline-html.png")
            )
            browser.close()
    print("wrote fact-table-terminal.svg, fact-table-terminal.png, fact-table-html.png, timeline-html.png")


if __name__ == "__main__":
    main()

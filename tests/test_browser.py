"""The HTML report in a real headless browser (Debian chromium driven by Playwright): click, see, filter."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crosscheck.cli import main

from .test_render_formats import write_conflict_seeds

pytestmark = pytest.mark.browser

CHROMIUM = next(
    (
        p
        for p in (shutil.which("chromium"), shutil.which("chromium-browser"), "/usr/bin/chromium")
        if p and Path(p).is_file()
    ),
    None,
)
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

if CHROMIUM is None:
    pytest.skip(
        "no chromium browser on this machine (.ci/run installs Debian's chromium)", allow_module_level=True
    )
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: Any, tmp_path: Path) -> Iterator[Any]:
    """The HTML report of the seeds with one conflict, opened from a file; collects errors and requests."""
    out = tmp_path / "report.html"
    assert main(["report", str(write_conflict_seeds(tmp_path)), "--format", "html", "--out", str(out)]) == 0
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.errors = []
    page.requests = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("request", lambda request: page.requests.append(request.url))
    page.goto(out.as_uri())
    yield page
    page.close()


def test_clicking_a_conflict_shows_both_sides_in_their_documents(page: Any, tmp_path: Path) -> None:
    """Click the conflict: the panel names both values and both spans are highlighted in view."""
    expect = sync_api.expect
    expect(page.locator("#selection")).to_be_hidden()
    page.locator(".group.v-conflict").first.click()
    panel = page.locator("#selection")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("Conflict · numeric · troops")
    expect(panel).to_contain_text("Associated Press: “more than 2,000 troops”")
    expect(panel).to_contain_text("002_802931a856429f27: “1,500 soldiers”")
    active = page.locator("mark.claim.active")
    expect(active).to_have_count(2)
    for i in range(2):
        expect(active.nth(i)).to_be_in_viewport()
    assert active.all_inner_texts() == ["more than 2,000 troops", "1,500 soldiers"]
    expect(page.locator(".group.selected")).to_have_count(1)
    page.screenshot(path=str(tmp_path / "conflict.png"))
    assert (tmp_path / "conflict.png").stat().st_size > 10_000
    assert page.errors == []
    assert all(url.startswith("file://") for url in page.requests), page.requests


def test_clicking_a_claim_in_a_document_selects_its_agreement(page: Any, tmp_path: Path) -> None:
    """Click "more than 300 military vehicles" in the AP text: its agreement and the other span show."""
    expect = sync_api.expect
    ap = page.locator("#doc-0")
    ap.locator("mark.claim", has_text="more than 300 military vehicles").click()
    card = page.locator(".group.selected")
    expect(card).to_have_count(1)
    expect(card).to_have_class("group v-agreement selected")
    expect(card).to_be_in_viewport()
    expect(page.locator("#selection")).to_contain_text("Agreement · military vehicles")
    active = page.locator("mark.claim.active")
    expect(active).to_have_count(2)
    other = page.locator("#doc-2 mark.claim.active")
    expect(other).to_have_text("more than 300 military vehicles")
    expect(other).to_be_in_viewport()
    page.screenshot(path=str(tmp_path / "agreement.png"))
    assert page.errors == []


def test_filters_hide_verdicts_and_sources(page: Any) -> None:
    """Unticking a verdict hides its groups; unticking a source hides its column and its groups."""
    expect = sync_api.expect
    singles = page.locator(".group.v-single_source")
    expect(singles.first).to_be_visible()
    page.get_by_label("Single-source").uncheck()
    expect(singles.first).to_be_hidden()
    expect(page.locator(".group.v-conflict")).to_be_visible()
    page.get_by_label("Agreements").uncheck()
    expect(page.locator(".group.v-agreement").first).to_be_hidden()
    page.get_by_label("Single-source").check()
    pti = page.locator("#doc-3")
    expect(pti).to_contain_text("PTI")
    page.get_by_label("PTI").uncheck()
    expect(pti).to_be_hidden()
    pti_only = page.locator('.group[data-docs="3"]')
    assert pti_only.count() > 0
    expect(pti_only.first).to_be_hidden()
    expect(page.locator('.group.v-single_source[data-docs="0"]').first).to_be_visible()
    assert page.errors == []


def test_hostile_document_is_rendered_inert(browser: Any, tmp_path: Path) -> None:
    """A document and metadata with <script>, onerror and quote tricks run nothing and show as text."""
    from .test_hostile import HOSTILE_SOURCE, write_hostile

    out = tmp_path / "report.html"
    assert main(["report", str(write_hostile(tmp_path / "in")), "--format", "html", "--out", str(out)]) == 0
    page = browser.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(out.as_uri())
    page.locator(".group").first.click()
    page.locator("a").evaluate_all("links => links.forEach(a => a.click())")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert (dialogs, errors) == ([], [])
    assert page.locator("script").count() == 2
    assert page.locator("img, svg, textarea").count() == 0
    text = page.locator("#doc-0").inner_text()
    assert "<script>window.__pwned = 1; alert(1)</script>" in text
    assert '"><img src=x onerror="window.__pwned = 2">' in text
    assert HOSTILE_SOURCE in page.locator("body").inner_text()
    page.close()


def test_fact_table_sorts_and_links_and_the_timeline_shows_its_points(page: Any, tmp_path: Path) -> None:
    """The matrix sorts by a source's column; a value selects its finding and highlights its span; the
    conflict's timeline shows two visible points inside its plot."""
    expect = sync_api.expect
    table = page.locator("#fact-table")
    expect(table).to_be_visible()
    first = table.locator("tbody tr").first
    expect(first).to_have_class(re.compile(r"v-conflict"))
    table.locator("thead button", has_text="Fact").click()
    expect(table.locator("thead th[aria-sort=ascending]")).to_have_count(1)
    topics = table.locator("tbody th").all_inner_texts()
    assert topics == sorted(topics, key=str.casefold)
    table.locator("thead button", has_text="Fact").click()
    expect(table.locator("thead th[aria-sort=descending]")).to_have_count(1)
    assert table.locator("tbody th").all_inner_texts() == sorted(topics, key=str.casefold, reverse=True)
    table.get_by_role("link", name="1,500 soldiers", exact=True).click()
    expect(page.locator(".group.selected")).to_have_class(re.compile(r"v-conflict"))
    active = page.locator("#doc-2 mark.claim.active")
    expect(active).to_have_text("1,500 soldiers")
    expect(active).to_be_in_viewport()
    plot = page.locator(".group.v-conflict svg.timeline")
    expect(plot).to_be_visible()
    box = plot.bounding_box()
    points = plot.locator(".point .mark")
    expect(points).to_have_count(2)
    for i in range(2):
        expect(points.nth(i)).to_be_visible()
        mark = points.nth(i).bounding_box()
        assert mark["width"] > 4 and mark["height"] > 4
        assert box["x"] <= mark["x"] and mark["x"] + mark["width"] <= box["x"] + box["width"]
        assert box["y"] <= mark["y"] and mark["y"] + mark["height"] <= box["y"] + box["height"]
    fill = points.nth(0).evaluate("n => getComputedStyle(n).fill")
    assert fill not in ("none", "rgba(0, 0, 0, 0)")
    page.screenshot(path=str(tmp_path / "facts.png"))
    assert page.errors == []

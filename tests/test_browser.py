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


def _collation(text: str) -> list[tuple[int, str]]:
    """The order of the page's sort (``localeCompare`` in English): spaces and punctuation ("·")
    before digits before letters, case aside."""
    return [(0 if not ch.isalnum() else 1 if ch.isdigit() else 2, ch.casefold()) for ch in text]


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
    # the figures and the events that carry them ("Beijing sent more than 2,000 troops"): one finding
    active = page.locator("mark.claim.active")
    expect(active).to_have_count(4)
    for i in range(4):
        expect(active.nth(i)).to_be_in_viewport()
    assert active.all_inner_texts() == [
        "Beijing sent ",
        "more than 2,000 troops",
        "China sent ",
        "1,500 soldiers",
    ]
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
    assert topics == sorted(topics, key=_collation)
    table.locator("thead button", has_text="Fact").click()
    expect(table.locator("thead th[aria-sort=descending]")).to_have_count(1)
    assert table.locator("tbody th").all_inner_texts() == sorted(topics, key=_collation, reverse=True)
    table.get_by_role("link", name="1,500 soldiers", exact=True).click()
    expect(page.locator(".group.selected")).to_have_class(re.compile(r"v-conflict"))
    active = page.locator("#doc-2 mark.claim.active", has_text="1,500 soldiers")  # and "China sent "
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


VIEWPORTS = {"desktop": {"width": 1400, "height": 900}, "phone": {"width": 390, "height": 844}}

# Every rendered element whose box pokes out of the viewport sideways, except inside the containers that
# scroll sideways on purpose: the fact table's wrapper, and the documents side by side on a wide screen.
_OVERFLOWING = """(scrollers) => {
  const width = window.innerWidth, out = [];
  for (const node of document.body.querySelectorAll("*")) {
    if (scrollers.some((s) => node.parentElement && node.parentElement.closest(s))) { continue; }
    for (const box of node.getClientRects()) {
      if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)) {
        out.push(node.tagName + "." + node.className + " " + Math.round(box.left) + ".." + Math.round(box.right));
        break;
      }
    }
  }
  return out;
}"""
_LINES = """(node) => {
  const style = getComputedStyle(node);
  const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
  return Math.round(node.getBoundingClientRect().height / line);
}"""


def _open(browser: Any, tmp_path: Path, size: str, hash: str = "") -> Any:
    out = tmp_path / "report.html"
    if not out.exists():
        assert (
            main(["report", str(write_conflict_seeds(tmp_path)), "--format", "html", "--out", str(out)]) == 0
        )
    page = browser.new_page(viewport=VIEWPORTS[size])
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.goto(out.as_uri() + hash)
    return page


def _assert_fits(page: Any, size: str) -> None:
    width = page.evaluate("window.innerWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    scrollers = [".facts-scroll"] + (["#docs"] if size == "desktop" else [])
    assert page.evaluate(_OVERFLOWING, scrollers) == []


@pytest.mark.parametrize("size", VIEWPORTS)
def test_nothing_overflows_the_viewport_and_headings_do_not_wrap_word_by_word(
    browser: Any, tmp_path: Path, size: str
) -> None:
    """At 1400×900 and at 390×844 no element is wider than the viewport (outside the fact table's
    scroller, and the side-by-side documents on a wide screen), on load, with a finding selected and on
    every document's tab; h1 and h2 take at most two lines, no heading or fact name one word a line; on
    the phone the documents are one full-width column."""
    page = _open(browser, tmp_path, size)
    _assert_fits(page, size)
    page.screenshot(path=str(tmp_path / f"{size}-top.png"))
    width = VIEWPORTS[size]["width"]
    headings = page.locator("h1:visible, h2:visible, h3:visible, table.facts tbody th:visible")
    assert headings.count() > 20
    for i in range(headings.count()):
        heading = headings.nth(i)
        lines = heading.evaluate(_LINES)
        words = len(re.findall(r"\w+", heading.inner_text()))
        tag = heading.evaluate("n => n.tagName")
        assert lines <= (2 if tag in ("H1", "H2") else max(1, words - 1)), (tag, heading.inner_text(), lines)
    if size == "phone":
        docs = page.locator("#docs")
        assert docs.bounding_box()["width"] >= 0.9 * width - 30
        expect = sync_api.expect
        expect(page.locator("#docs .doc:visible")).to_have_count(1)
        assert page.locator("#docs .doc:visible .text").bounding_box()["width"] >= 0.75 * width
    page.locator(".group.v-conflict .quote").nth(1).click()
    sync_api.expect(page.locator("#selection")).to_be_visible()
    _assert_fits(page, size)
    page.screenshot(path=str(tmp_path / f"{size}-selected.png"))
    for tab in page.locator('[role="tab"]:visible').all():
        tab.click()
        _assert_fits(page, size)
    page.screenshot(path=str(tmp_path / f"{size}-full.png"), full_page=True)
    assert (tmp_path / f"{size}-full.png").stat().st_size > 10_000
    assert page.errors == []
    page.close()


@pytest.mark.parametrize("size", VIEWPORTS)
def test_keyboard_tab_to_a_claim_enter_selects_escape_clears(browser: Any, tmp_path: Path, size: str) -> None:
    """Tab from a document's heading reaches its first claim; Enter selects the claim's group (card
    highlighted, the group's spans marked, the panel open), Esc clears all of it; a finding card and a
    fact-table row select their group on Enter too."""
    expect = sync_api.expect
    page = _open(browser, tmp_path, size)
    page.locator("#doc-0 > header h3").click()  # the starting point of sequential focus navigation
    page.keyboard.press("Tab")
    focused = page.locator("mark.claim:focus")
    expect(focused).to_have_count(1)
    assert page.evaluate("document.activeElement.closest('.doc').id") == "doc-0"
    claim = int(focused.get_attribute("data-claims").split()[0])
    group = page.evaluate(
        "c => JSON.parse(document.getElementById('crosscheck-data').textContent).claims[c].group", claim
    )
    assert group >= 0
    expect(page.locator(".group.selected")).to_have_count(0)
    page.keyboard.press("Enter")
    card = page.locator(".group.selected")
    expect(card).to_have_count(1)
    expect(card).to_have_attribute("data-group", str(group))
    expect(page.locator("#selection")).to_be_visible()
    expect(focused).to_have_class(re.compile(r"\bactive\b"))
    assert page.locator("mark.claim.active").count() >= 1
    page.screenshot(path=str(tmp_path / f"{size}-keyboard.png"))
    page.keyboard.press("Escape")
    expect(page.locator(".group.selected")).to_have_count(0)
    expect(page.locator("mark.claim.active")).to_have_count(0)
    expect(page.locator("#selection")).to_be_hidden()

    page.locator("#findings h2.v-conflict").click()
    page.keyboard.press("Tab")
    conflict = page.locator(".group.v-conflict")
    expect(conflict).to_be_focused()
    page.keyboard.press("Enter")
    expect(conflict).to_have_class(re.compile(r"\bselected\b"))
    expect(page.locator("mark.claim.active")).to_have_count(4)  # two figures, the events around them
    page.keyboard.press("Escape")
    expect(page.locator(".group.selected")).to_have_count(0)

    row = page.locator("#fact-table tbody tr.v-agreement").first
    assert row.get_attribute("tabindex") == "0"
    row.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".group.selected")).to_have_attribute("data-group", row.get_attribute("data-group"))
    page.keyboard.press("Escape")
    expect(page.locator("#selection")).to_be_hidden()
    row.locator("td.verdict").click()  # a click on the row does what Enter does
    expect(page.locator(".group.selected")).to_have_attribute("data-group", row.get_attribute("data-group"))
    page.keyboard.press("Escape")
    assert page.errors == []
    page.close()


def test_on_a_phone_the_documents_are_tabs_moved_by_arrow_keys(browser: Any, tmp_path: Path) -> None:
    """At 390 px one document shows at a time under a tab list; arrows, Home and End move between the
    tabs; the filters fold, and hiding the shown document's source shows the next document; choosing a claim in a finding opens its document's tab with the claim in view. At 1400 px the
    tab list is hidden and every document shows."""
    expect = sync_api.expect
    page = _open(browser, tmp_path, "phone")
    tablist = page.get_by_role("tablist", name="documents")
    expect(tablist).to_be_visible()
    tabs = tablist.get_by_role("tab")
    expect(tabs).to_have_count(5)
    first = page.get_by_role("tab", name="Associated Press")
    expect(first).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("tabpanel")).to_have_count(1)
    expect(page.locator("#doc-0")).to_be_visible()
    first.focus()
    page.keyboard.press("ArrowRight")
    second = page.get_by_role("tab", name="The Eastern Herald")
    expect(second).to_be_focused()
    expect(second).to_have_attribute("aria-selected", "true")
    expect(first).to_have_attribute("aria-selected", "false")
    expect(page.locator("#doc-1")).to_be_visible()
    expect(page.locator("#doc-0")).to_be_hidden()
    page.keyboard.press("End")
    expect(tabs.last).to_be_focused()
    expect(page.locator("#doc-4")).to_be_visible()
    page.keyboard.press("ArrowRight")  # wraps round
    expect(first).to_be_focused()
    page.keyboard.press("ArrowLeft")
    expect(tabs.last).to_be_focused()
    page.keyboard.press("Home")
    expect(first).to_be_focused()
    box = page.get_by_role("checkbox", name="Associated Press")
    expect(box).to_be_hidden()  # the filters are folded on a phone
    page.get_by_text("Filter by verdict and source").click()
    box.uncheck()  # the shown document's source: its tab goes, the next document shows
    expect(first).to_be_hidden()
    expect(page.locator("#doc-1")).to_be_visible()
    expect(second).to_have_attribute("aria-selected", "true")
    box.check()
    page.locator(".group.v-conflict .quote").nth(1).click()
    expect(page.get_by_role("tab", name="002_802931a856429f27")).to_have_attribute("aria-selected", "true")
    active = page.locator("#doc-2 mark.claim.active", has_text="1,500 soldiers")  # and "China sent "
    expect(active).to_have_text("1,500 soldiers")
    expect(active).to_be_in_viewport()
    members = tabs.evaluate_all("tabs => tabs.filter(t => t.classList.contains('member')).map(t => t.id)")
    assert members == ["tab-0", "tab-2"]  # the documents of the selected conflict carry a dot
    assert page.errors == []
    page.close()
    wide = _open(browser, tmp_path, "desktop")
    expect(wide.get_by_role("tablist")).to_have_count(0)
    for n in range(5):
        expect(wide.locator(f"#doc-{n}")).to_be_visible()
    wide.close()


@pytest.mark.parametrize("size", VIEWPORTS)
def test_a_finding_link_opens_the_page_with_it_selected(browser: Any, tmp_path: Path, size: str) -> None:
    """report.html#g0002 opens with finding g0002 selected and in view; a finding's own link selects it;
    Esc clears the selection and the hash."""
    expect = sync_api.expect
    page = _open(browser, tmp_path, size, "#g0002")
    card = page.locator(".group.selected")
    expect(card).to_have_count(1)
    expect(card.locator("h3")).to_have_attribute("id", "g0002")
    expect(card).to_be_in_viewport()
    expect(page.locator("#selection")).to_contain_text("(g0002)")
    link = page.locator('.group a.permalink[href="#g0001"]')
    link.click()
    expect(page.locator(".group.selected h3")).to_have_attribute("id", "g0001")
    assert page.evaluate("location.hash") == "#g0001"
    page.keyboard.press("Escape")
    expect(page.locator(".group.selected")).to_have_count(0)
    assert page.evaluate("location.hash") == ""  # a reload does not select it again
    assert page.errors == []
    page.close()


@pytest.mark.parametrize("size", VIEWPORTS)
def test_the_legend_and_the_shared_copy_are_on_the_first_screen(
    browser: Any, tmp_path: Path, size: str
) -> None:
    """The shared-copy summary and the legend are in the first screenful; each legend swatch wears the
    colour and underline of the claims it names."""
    expect = sync_api.expect
    page = _open(browser, tmp_path, size)
    shared = page.locator("#shared-copy")
    expect(shared).to_be_in_viewport()
    expect(shared).to_contain_text(
        "Associated Press and 002_802931a856429f27 share 3 copied or rewritten sentences"
    )
    expect(shared).to_contain_text("The Eastern Herald and 004_cf4388253398cd28 share 2")
    legend = page.get_by_role("list", name="legend")
    expect(legend).to_be_in_viewport()
    style = "n => [getComputedStyle(n).backgroundColor, getComputedStyle(n).borderBottomStyle]"
    seen = set()
    for verdict in ("conflict", "possible_conflict", "agreement", "single_source"):
        swatch = legend.locator(f".swatch.v-{verdict}")
        expect(swatch).to_be_visible()
        look = tuple(swatch.evaluate(style))
        seen.add(look)
        claim = page.locator(f"mark.claim.v-{verdict}")
        if claim.count():
            assert tuple(claim.first.evaluate(style)) == look, verdict
    assert len(seen) == 4
    page.close()

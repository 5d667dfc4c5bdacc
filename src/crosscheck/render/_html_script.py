"""The inline script of the HTML report (a constant: no source text ever goes in here; the page's
data reaches it as JSON in ``<script type="application/json">``). `_html_assets` re-exports it."""

from __future__ import annotations

__all__ = ["SCRIPT"]

SCRIPT = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("crosscheck-data").textContent);
  var body = document.body;
  var panel = document.getElementById("selection");
  var VERDICT = {conflict: "Conflict", possible_conflict: "Possible conflict", agreement: "Agreement", single_source: "Single-source"};

  var narrow = window.matchMedia("(max-width: 699px)");
  var tabs = Array.prototype.slice.call(document.querySelectorAll('.doc-tabs [role="tab"]'));
  var columns = Array.prototype.slice.call(document.querySelectorAll(".doc"));

  function marksOf(claim) {
    return document.querySelectorAll('mark.claim[data-claims~="' + claim + '"]');
  }
  function showDoc(d, focus) {
    tabs.forEach(function (tab) {
      var on = tab.id === "tab-" + d;
      tab.setAttribute("aria-selected", on ? "true" : "false");
      tab.tabIndex = on ? 0 : -1;
      if (on && focus) { tab.focus(); }
    });
    columns.forEach(function (column) { column.classList.toggle("current", column.dataset.doc === String(d)); });
  }
  function reveal(claim) {
    showDoc(data.claims[claim].doc);
    var marks = marksOf(claim);
    if (marks.length) { marks[0].scrollIntoView({block: "center", inline: "nearest"}); }
  }
  function layout() {
    columns.forEach(function (column) {
      if (narrow.matches) {
        column.setAttribute("role", "tabpanel");
        column.setAttribute("aria-labelledby", "tab-" + column.dataset.doc);
      } else {
        column.removeAttribute("role");
        column.removeAttribute("aria-labelledby");
      }
    });
  }
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }
  function unselect() {
    document.querySelectorAll(".group.selected").forEach(function (n) { n.classList.remove("selected"); });
    document.querySelectorAll("mark.claim.active").forEach(function (n) { n.classList.remove("active"); });
    tabs.forEach(function (tab) { tab.classList.remove("member"); });
  }
  function clear() {
    unselect();
    columns.forEach(function (column) { column.style.order = ""; column.classList.remove("aside"); });
    panel.textContent = "";
    panel.hidden = true;
    body.classList.remove("has-selection");
    if (/^#g/.test(location.hash)) {
      try { history.replaceState(null, "", location.pathname + location.search); } catch (e) { /* file: URLs */ }
    }
  }
  function select(g, focus) {
    var group = data.groups[g];
    unselect();
    var card = document.getElementById("group-" + g);
    card.classList.add("selected");
    card.scrollIntoView({block: "nearest"});
    var inGroup = {};
    group.claims.forEach(function (c) { inGroup[data.claims[c].doc] = true; });
    document.querySelectorAll(".doc").forEach(function (column) {
      var member = inGroup[Number(column.dataset.doc)] === true;
      column.style.order = member ? "0" : "1";
      column.classList.toggle("aside", !member);
    });
    tabs.forEach(function (tab) { tab.classList.toggle("member", inGroup[Number(tab.id.slice(4))] === true); });
    document.getElementById("docs").scrollLeft = 0;
    panel.textContent = "";
    var close = el("button", "close \u2715", "close");
    close.type = "button";
    close.setAttribute("aria-label", "clear the selection (Esc)");
    close.addEventListener("click", function (ev) { ev.stopPropagation(); clear(); });
    panel.appendChild(close);
    panel.appendChild(el("h2", VERDICT[group.verdict] + " · " + group.label + " (" + group.id + ")"));
    panel.appendChild(el("p", group.explanation));
    var list = el("ul");
    group.claims.forEach(function (c) {
      var claim = data.claims[c];
      marksOf(c).forEach(function (m) { m.classList.add("active"); });
      var item = el("li", undefined, "match");
      item.appendChild(el("strong", data.documents[claim.doc].label));
      item.appendChild(document.createTextNode(": \\u201C" + claim.text + "\\u201D"));
      var button = el("button", "show");
      button.type = "button";
      button.addEventListener("click", function (ev) { ev.stopPropagation(); reveal(c); });
      item.appendChild(button);
      list.appendChild(item);
    });
    panel.appendChild(list);
    // The panel takes its room before the spans are scrolled to, so they stay in view.
    panel.hidden = false;
    body.classList.add("has-selection");
    if (!narrow.matches) {
      group.claims.forEach(function (c) { if (focus !== c) { reveal(c); } });
    }
    // One column at a time on a narrow screen: only the chosen claim is scrolled to.
    if (focus !== undefined) {
      reveal(focus);
    } else if (narrow.matches && group.claims.length) {
      showDoc(data.claims[group.claims[0]].doc);
    }
  }
  function groupOfHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    for (var g = 0; g < data.groups.length; g++) {
      if (data.groups[g].id === id) { return g; }
    }
    return -1;
  }
  function fromHash() {
    var g = groupOfHash();
    if (g < 0) { return; }
    select(g);
    var card = document.getElementById("group-" + g);
    card.focus({preventScroll: true});
    card.scrollIntoView({block: "start"});
  }
  document.querySelectorAll(".group").forEach(function (card) {
    card.addEventListener("click", function (ev) {
      var quote = ev.target.closest(".quote");
      select(Number(card.dataset.group), quote ? Number(quote.dataset.claim) : undefined);
    });
  });
  document.querySelectorAll("mark.claim").forEach(function (mark) {
    mark.addEventListener("click", function () {
      var claim = Number(mark.dataset.claims.split(" ")[0]);
      var g = data.claims[claim].group;
      if (g >= 0) { select(g, claim); }
    });
  });
  function applyFilters() {
    document.querySelectorAll('input[name="verdict"]').forEach(function (box) {
      body.classList.toggle("hide-" + box.value, !box.checked);
    });
    var shown = {};
    document.querySelectorAll('input[name="source"]').forEach(function (box) {
      shown[box.value] = box.checked;
      document.getElementById("doc-" + box.value).classList.toggle("off", !box.checked);
      var tab = document.getElementById("tab-" + box.value);
      if (tab) { tab.classList.toggle("off", !box.checked); }
    });
    var current = tabs.filter(function (tab) { return tab.getAttribute("aria-selected") === "true"; })[0];
    if (!current || current.classList.contains("off")) {
      var first = shownTabs()[0];
      if (first) { showDoc(first.id.slice(4)); }
    }
    document.querySelectorAll(".group").forEach(function (card) {
      var docs = card.dataset.docs.split(" ");
      card.classList.toggle("off", !docs.some(function (d) { return shown[d]; }));
    });
    document.querySelectorAll(".quote").forEach(function (quote) {
      quote.classList.toggle("off", !shown[quote.dataset.doc]);
    });
  }
  var facts = document.getElementById("fact-table");
  if (facts) {
    var rowsOf = facts.tBodies[0];
    facts.querySelectorAll("thead button[data-col]").forEach(function (button) {
      button.addEventListener("click", function () {
        var col = Number(button.dataset.col);
        var head = button.parentNode;
        var dir = head.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        facts.querySelectorAll("thead th[aria-sort]").forEach(function (h) { h.setAttribute("aria-sort", "none"); });
        head.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(rowsOf.rows);
        rows.sort(function (a, b) {
          var ka = a.cells[col].dataset.key, kb = b.cells[col].dataset.key;
          if (ka === "" && kb !== "") { return 1; }
          if (kb === "" && ka !== "") { return -1; }
          var order = ka.localeCompare(kb, "en", {numeric: true}) * dir;
          return order || Number(a.dataset.row) - Number(b.dataset.row);
        });
        rows.forEach(function (row) { rowsOf.appendChild(row); });
      });
    });
    facts.querySelectorAll("a[data-claim]").forEach(function (link) {
      link.addEventListener("click", function (ev) {
        var claim = Number(link.dataset.claim);
        var g = data.claims[claim].group;
        if (g >= 0) { ev.preventDefault(); select(g, claim); }
      });
    });
    facts.querySelectorAll("tbody tr.fact").forEach(function (row) {
      row.addEventListener("click", function (ev) {
        if (!ev.target.closest("a")) { select(Number(row.dataset.group)); }
      });
    });
    facts.querySelectorAll("a[data-group]").forEach(function (link) {
      link.addEventListener("click", function (ev) { ev.preventDefault(); select(Number(link.dataset.group)); });
    });
  }
  document.querySelectorAll(".filters input").forEach(function (box) {
    box.addEventListener("change", applyFilters);
  });
  function shownTabs() {
    return tabs.filter(function (tab) { return !tab.classList.contains("off"); });
  }
  tabs.forEach(function (tab) {
    tab.addEventListener("click", function () { showDoc(tab.id.slice(4)); });
    tab.addEventListener("keydown", function (ev) {
      var list = shownTabs();
      var at = list.indexOf(tab);
      var next = {ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: list.length - 1}[ev.key];
      if (next === undefined || !list.length) { return; }
      ev.preventDefault();
      showDoc(list[(next + list.length) % list.length].id.slice(4), true);
    });
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") {
      if (!panel.hidden) { ev.preventDefault(); clear(); }
      return;
    }
    if (ev.key !== "Enter" || ev.altKey || ev.ctrlKey || ev.metaKey || ev.shiftKey) { return; }
    var target = ev.target;
    if (target.matches && (target.matches("mark.claim") || target.matches(".group"))) {
      ev.preventDefault();
      target.click();
    } else if (target.matches && target.matches("tr.fact")) {
      ev.preventDefault();
      select(Number(target.dataset.group));
    }
  });
  narrow.addEventListener("change", layout);
  window.addEventListener("hashchange", fromHash);
  body.classList.add("tabbed");
  if (narrow.matches) { document.getElementById("filter-box").open = false; }
  showDoc(tabs.length ? tabs[0].id.slice(4) : -1);
  layout();
  applyFilters();
  fromHash();
})();
"""

"""The inline stylesheet and script of the HTML report (constants: no source text ever goes in here;
the script is kept in `_html_script`)."""

from __future__ import annotations

from ._html_script import SCRIPT

__all__ = ["CSS", "SCRIPT"]

CSS = """
:root { --conflict: #b3261e; --conflict-bg: #fde2df; --agree: #1e6b34; --agree-bg: #dcf2e1;
  --single: #8a5a00; --single-bg: #fbefcf; --ink: #1d1d1f; --dim: #5f6368; --line: #d9d9de; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  background: #f6f6f8; display: flex; flex-direction: column; }
header.top { padding: 10px 16px; background: #fff; border-bottom: 1px solid var(--line); }
header.top .title { display: flex; flex-wrap: wrap; gap: 0 14px; align-items: baseline; margin: 0 0 4px; }
header.top h1 { font-size: 17px; margin: 0; }
.summary { margin: 0; font-weight: 600; }
.filters { display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center; font-size: 13px; }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 10px; }
.filters legend { float: left; font-weight: 600; margin-right: 6px; padding: 0; }
.filters label { white-space: nowrap; cursor: pointer; }
.filter-box > summary { display: none; }
.layout { flex: 1; display: flex; min-height: 0; }
#findings { width: 38%; min-width: 320px; overflow-y: auto; padding: 8px 14px 40px;
  border-right: 1px solid var(--line); background: #fff; }
#findings h2 { font-size: 15px; margin: 18px 0 6px; text-transform: uppercase; letter-spacing: .04em; }
#findings h2.v-conflict { color: var(--conflict); } #findings h2.v-agreement { color: var(--agree); }
#findings h2.v-single_source { color: var(--single); }
.empty { color: var(--dim); margin: 0 0 8px; }
.group { border: 1px solid var(--line); border-left: 5px solid var(--line); border-radius: 6px;
  padding: 6px 10px; margin: 0 0 8px; cursor: pointer; background: #fff; }
.group.v-conflict { border-left-color: var(--conflict); }
.group.v-agreement { border-left-color: var(--agree); }
.group.v-single_source { border-left-color: var(--single); padding: 4px 10px; }
.group.selected { box-shadow: 0 0 0 3px #3b6fd8; }
.group h3 { font-size: 14px; margin: 0 0 4px; }
.group h3 .gid { color: var(--dim); font-weight: 400; font-size: 12px; }
.backing { margin: 0 0 2px; color: var(--dim); font-size: 12px; }
.quote { margin: 3px 0; font-size: 13px; }
.quote cite { font-style: normal; color: #22577a; font-weight: 600; margin-right: 6px; }
.quote q { color: var(--dim); quotes: "\\201C" "\\201D"; }
.quote q b { color: var(--ink); background: #fff3a8; }
.why { margin: 4px 0 0; font-size: 13px; }
#reading { flex: 1; min-width: 0; display: flex; flex-direction: column; }
#selection { padding: 8px 14px; background: #eef3fd; border-bottom: 1px solid var(--line);
  max-height: 34vh; overflow-y: auto; }
#selection h2 { font-size: 15px; margin: 0 0 4px; }
#selection p { margin: 2px 0 6px; }
#selection ul { margin: 0; padding-left: 18px; }
#selection button { font: inherit; border: 1px solid #9db3e0; border-radius: 4px; background: #fff;
  cursor: pointer; padding: 0 6px; margin-left: 6px; }
#docs { flex: 1; min-height: 0; display: flex; gap: 10px; overflow-x: auto; padding: 10px; }
.doc { flex: 0 0 380px; display: flex; flex-direction: column; background: #fff;
  border: 1px solid var(--line); border-radius: 6px; min-height: 0; }
.doc.aside { opacity: .6; }
.doc > header { padding: 6px 10px; border-bottom: 1px solid var(--line); }
.doc h3 { font-size: 14px; margin: 0; }
.doc .meta { color: var(--dim); font-size: 12px; margin: 2px 0 0; overflow-wrap: anywhere; }
.doc .text { padding: 8px 10px; overflow-y: auto; white-space: pre-wrap; overflow-wrap: anywhere;
  font: 13px/1.55 Georgia, "Times New Roman", serif; }
mark.claim { border-radius: 2px; cursor: pointer; color: inherit; padding: 0 1px; }
mark.claim.v-conflict, .swatch.v-conflict { background: var(--conflict-bg); border-bottom: 2px solid var(--conflict); }
mark.claim.v-agreement, .swatch.v-agreement { background: var(--agree-bg); border-bottom: 2px solid var(--agree); }
mark.claim.v-possible_conflict, .swatch.v-possible_conflict { background: #f3e3f7; border-bottom: 2px dashed #7b2d8e; }
.group.v-possible_conflict { border-left-color: #7b2d8e; }
#findings h2.v-possible_conflict { color: #7b2d8e; }
.confidence { color: var(--dim); font-size: 12px; }
mark.claim.v-single_source, .swatch.v-single_source { background: var(--single-bg); border-bottom: 1px dotted var(--single); }
mark.claim.v-none { background: none; border-bottom: 1px dotted var(--dim); cursor: default; }
mark.claim.active { outline: 2px solid #3b6fd8; background: #c9d9fb; }
.hide-conflict .group.v-conflict, .hide-agreement .group.v-agreement,
.hide-single_source .group.v-single_source, .hide-possible_conflict .group.v-possible_conflict { display: none; }
.hide-conflict mark.claim.v-conflict, .hide-agreement mark.claim.v-agreement,
.hide-single_source mark.claim.v-single_source,
.hide-possible_conflict mark.claim.v-possible_conflict { background: none; border-bottom: 0; }
.off { display: none !important; }
.hint { color: var(--dim); font-size: 12px; }
.shared { margin: 0 0 4px; font-size: 13px; }
.shared ul { display: inline; margin: 0; padding: 0; list-style: none; }
.shared li { display: inline; } .shared li + li::before { content: "; "; }
.shared li:first-child::before { content: " "; }
.keys { display: flex; flex-wrap: wrap; gap: 2px 18px; align-items: baseline; margin: 0 0 4px; }
.legend { display: flex; flex-wrap: wrap; gap: 2px 14px; margin: 0; padding: 0; list-style: none;
  font-size: 12px; color: var(--dim); }
.swatch { color: var(--ink); padding: 0 3px; border-radius: 2px; font-weight: 600; }
mark.claim:focus-visible, .group:focus-visible, tr.fact:focus-visible, .doc-tabs [role="tab"]:focus-visible {
  outline: 3px solid #3b6fd8; outline-offset: 1px; }
.permalink { text-decoration: none; }
.permalink:hover .gid, .permalink:focus-visible .gid { text-decoration: underline; }
.doc-tabs { display: none; }
.doc-tabs [role="tab"] { font: inherit; font-size: 13px; border: 1px solid var(--line); border-bottom: 0;
  border-radius: 6px 6px 0 0; background: #ececf1; color: var(--ink); padding: 5px 10px; cursor: pointer;
  max-width: 100%; overflow-wrap: anywhere; text-align: left; }
.doc-tabs [role="tab"][aria-selected="true"] { background: #fff; font-weight: 600; box-shadow: inset 0 3px 0 #3b6fd8; }
.doc-tabs [role="tab"].member::after { content: " \2022"; color: #3b6fd8; }
#selection .close { float: right; margin: 0 0 4px 8px; }
#facts { padding: 6px 16px 4px; background: #fff; border-bottom: 1px solid var(--line); }
#facts summary { cursor: pointer; margin: 2px 0 6px; }
#facts h2 { display: inline; font-size: 15px; margin: 0; }
#facts summary small { font-weight: 400; color: var(--dim); font-size: 12px; margin-left: 6px; }
.facts-scroll { max-height: 26vh; overflow: auto; }
table.facts { border-collapse: collapse; font-size: 13px; }
table.facts th, table.facts td { border: 1px solid var(--line); padding: 3px 6px; text-align: left;
  vertical-align: top; max-width: 260px; }
table.facts thead th, table.facts thead td { background: #f0f0f4; }
table.facts tr.origins th { font-weight: 400; color: var(--dim); font-size: 12px; text-align: center; }
table.facts thead button { font: inherit; font-weight: 600; border: 0; background: none; cursor: pointer;
  padding: 0; text-align: left; color: inherit; }
table.facts thead button .date { display: block; font-weight: 400; color: var(--dim); font-size: 12px; }
table.facts th[aria-sort="ascending"] button::after { content: " \\25B2"; }
table.facts th[aria-sort="descending"] button::after { content: " \\25BC"; }
table.facts tbody th { font-weight: 600; }
table.facts tbody tr.fact { cursor: pointer; }
table.facts tbody th a { color: inherit; text-decoration: none; }
table.facts td a { color: #22577a; }
table.facts td.verdict { white-space: nowrap; }
table.facts td.verdict .backing { display: block; color: var(--dim); font-size: 12px; }
table.facts tr.v-conflict td.verdict { color: var(--conflict); }
table.facts tr.v-possible_conflict td.verdict { color: #7b2d8e; }
table.facts tr.v-agreement td.verdict { color: var(--agree); }
table.facts tr.v-single_source td.verdict { color: var(--single); }
.hide-conflict tr.v-conflict, .hide-agreement tr.v-agreement, .hide-single_source tr.v-single_source,
.hide-possible_conflict tr.v-possible_conflict { display: none; }
.origin-line, .single-line { margin: 4px 0 0; color: var(--dim); font-size: 12px; }
.timeline-figure { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: flex-start; margin: 6px 0 2px; }
svg.timeline { max-width: 100%; height: auto; background: #fbfbfd; border: 1px solid var(--line); border-radius: 4px; }
svg.timeline .axis { stroke: #8a8d93; stroke-width: 1; }
svg.timeline .trend { fill: none; stroke: #9aa0a6; stroke-width: 1.5; stroke-dasharray: 4 3; }
svg.timeline .mark { fill: #22577a; stroke: #22577a; stroke-width: 1.5; }
svg.timeline .inferred .mark { fill: #fff; }
svg.timeline .range { stroke: #22577a; stroke-width: 3; }
svg.timeline text { font-size: 11px; fill: var(--ink); }
svg.timeline .tick { fill: var(--dim); }
.undated { font-size: 12px; color: var(--dim); }
.timeline-figure figcaption { flex-basis: 100%; font-size: 12px; color: var(--dim); }
.undated p { margin: 0; } .undated ul { margin: 2px 0 0; padding-left: 16px; }
/* Below 700 pixels: one column, the documents as tabs (last, so it overrides the rules above). */
@media (max-width: 699px) {
  html, body { height: auto; }
  body { display: block; }
  body.has-selection { padding-bottom: 40vh; }
  header.top { padding: 8px 12px; }
  .filters label { white-space: normal; }
  .filter-box > summary { display: list-item; cursor: pointer; font-size: 13px; font-weight: 600; margin: 2px 0; }
  #facts { padding: 6px 12px 4px; }
  #facts summary small { display: block; margin: 2px 0 0; }
  .facts-scroll { max-height: 60vh; }
  table.facts tbody th { min-width: 11em; } table.facts td, table.facts thead th { min-width: 8em; }
  .layout { display: block; }
  #findings { width: auto; min-width: 0; overflow: visible; border-right: 0; padding: 4px 12px 16px; }
  .group h3 { overflow-wrap: anywhere; }
  #reading { display: block; border-top: 1px solid var(--line); }
  #selection { position: fixed; left: 0; right: 0; bottom: 0; z-index: 5; max-height: 38vh;
    border-top: 2px solid #3b6fd8; box-shadow: 0 -4px 12px rgba(0, 0, 0, .15); font-size: 13px; }
  #selection h2 { font-size: 14px; }
  body.tabbed .doc-tabs { display: flex; flex-wrap: wrap; gap: 4px; padding: 10px 12px 0; }
  #docs { display: block; overflow: visible; padding: 0 12px 16px; }
  .doc { display: block; border-radius: 0 0 6px 6px; }
  body.tabbed .doc:not(.current) { display: none; }
  .doc.aside { opacity: 1; }
  .doc .text { overflow: visible; }
}
"""

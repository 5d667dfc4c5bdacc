"""Import layering: a module imports only from lower layers, and each third-party package has one home."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "crosscheck"

# module -> layer; a module may import crosscheck modules of a strictly lower layer only.
LAYERS = {
    "_version": 0,
    "_regex": 0,
    "errors": 0,
    "value_types": 0.5,
    "model": 1,
    "lexicon": 1,
    "config": 2,
    "terms": 2,
    "values": 2.5,
    "readings": 2.4,
    "number_words": 1.8,
    "numbers": 2,
    "noun_phrases": 2.1,
    "date_patterns": 2,
    "tokens": 2,
    "polarity": 2,
    "decoding": 2,
    "segment": 2,
    "reading": 2.7,
    "kinds": 2.6,
    "wording": 2,
    "date_tense": 2.6,
    "date_filters": 2.7,
    "date_resolvers": 2.8,
    "datelines": 2.85,
    "quantity_filters": 2.8,
    "quantity_bounds": 2.85,
    "quantity_forms": 2.9,
    "records": 2.9,
    "quantities": 3,
    "dates": 3,
    "jsonl": 2.9,
    "sources": 3,
    "manifest": 3,
    "attribution": 3,
    "verbs": 2,
    "events": 3,
    "slots": 3,
    "scopes": 3,
    "furniture_lines": 3.4,
    "noise": 3.5,
    "context": 3.5,
    "document_identity": 3.8,
    "documents": 4,
    "claims": 4,
    "align": 5,
    "align.source": 4.4,
    "align.weights": 4.4,
    "align.placing": 4.4,
    "align.rules": 4.5,
    "align.blocking": 4.6,
    "align.cluster": 4.5,
    "align.edges": 4.7,
    "align.bridge": 4.8,
    "conflicts": 4.9,
    "verdict": 5,
    "independence": 5,
    "engines": 5.5,
    "pipeline": 6,
    "store_codec": 6.2,
    "store_schema": 6.2,
    "store": 6.5,
    "render": 7,
    "render.to_json": 7,
    "render.terminal": 7,
    "render._common": 7,
    "render.sections": 7,
    "render._html_assets": 7,
    "render._html_script": 7,
    "render.highlight": 7,
    "render.timeline": 7,
    "render.to_html": 7,
    "render.to_markdown": 7,
    "settings": 3,
    "completion": 7.5,
    "cli_args": 7.8,
    "cli_output": 7.8,
    "cli": 8,
    "testing": 7,
    "plugin": 8,
    "__init__": 9,
    "__main__": 9,
}
# third-party package -> the only modules allowed to import it
THIRD_PARTY = {
    "rapidfuzz": {"align.rules"},
    "dateparser": {"date_resolvers"},
    "rich": {"render.terminal", "cli"},
    "attrs": {
        "align.rules",
        "align.edges",
        "align.source",
        "lexicon",
        "model",
        "kinds",
        "value_types",
        "config",
        "terms",
        "polarity",
        "pipeline",
        "store",
        "store_codec",
        "claims",
        "independence",
    },
    "pytest": {"plugin"},
    "dask": {"engines"},
}


# The one reach upward: `Report.to_dict()` and `contract_sections()` delegate to the JSON contract's
# home, `render.to_json`, importing it when called (never at import time), so the model keeps its
# public API and the contract has one home.
UPWARD = {("model", "render.to_json")}


def _modules() -> list[str]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        out.append(".".join(parts))
    return out


def _imports(module: str) -> list[tuple[str, bool]]:
    """(imported name, is_internal) for every import in the module."""
    path = PACKAGE / (module.replace(".", "/") + ".py")
    if not path.exists():
        path = PACKAGE / module.replace(".", "/") / "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module.split(".")[:-1] if path.name != "__init__.py" else module.split(".")
    if module in ("__init__", "__main__"):
        package = []
    out: list[tuple[str, bool]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend((alias.name, alias.name.startswith("crosscheck")) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                name = ".".join([*base, node.module] if node.module else base)
                if not name:
                    out.extend((alias.name, True) for alias in node.names)
                else:
                    out.append((name, True))
            elif node.module:
                internal = node.module.startswith("crosscheck")
                name = node.module.removeprefix("crosscheck").lstrip(".") if internal else node.module
                out.append((name or "__init__", internal))
    return out


def test_every_module_has_a_layer() -> None:
    """A new module must be placed in the layer table."""
    assert sorted(_modules()) == sorted(LAYERS)


@pytest.mark.parametrize("module", sorted(LAYERS))
def test_module_imports_only_lower_layers(module: str) -> None:
    """No module reaches up or sideways: the dependency direction of docs/ARCHITECTURE.md."""
    for name, internal in _imports(module):
        if internal:
            target = name if name in LAYERS else name.split(".")[0]
            if module.split(".")[0] == "render" and target.split(".")[0] == "render":
                continue  # the render package's own modules share one layer
            if (module, name) in UPWARD:
                continue
            assert LAYERS[target] < LAYERS[module], (
                f"{module} (layer {LAYERS[module]}) imports {name} (layer {LAYERS[target]})"
            )
        else:
            top = name.split(".")[0]
            if top in THIRD_PARTY:
                assert module in THIRD_PARTY[top], f"{module} imports {top}; only {THIRD_PARTY[top]} may"


MAX_LINES = 400  # issue 12: a module over this holds more than one concept; split it by concept


@pytest.mark.parametrize("module", sorted(LAYERS))
def test_no_module_is_over_400_lines(module: str) -> None:
    """Every module of src/crosscheck is at most `MAX_LINES` lines (as `wc -l` counts them)."""
    path = PACKAGE / (module.replace(".", "/") + ".py")
    if not path.exists():
        path = PACKAGE / module.replace(".", "/") / "__init__.py"
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module} has {lines} lines (at most {MAX_LINES}): split it by concept"

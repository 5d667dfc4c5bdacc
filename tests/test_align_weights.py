"""The weights a pair is scored with are those of the config it is scored under, whichever config
scored before (each model's weights are read once per config, `align.weights`)."""

from __future__ import annotations

import math

from crosscheck.align import explain, sources_of
from crosscheck.align.rules import PAIR_RULES, Source, features, model_of, scored
from crosscheck.config import Config
from crosscheck.engines import LocalEngine
from crosscheck.model import Claim
from crosscheck.pipeline import index_documents
from crosscheck.terms import default_terms

from .conftest import make_doc


def _pair() -> tuple[Claim, Claim, dict[str, Source]]:
    docs, by_id = index_documents(
        [
            make_doc(
                "a", "Twelve people were killed in the blast on Monday, police said.", published="2023-07-17"
            ),
            make_doc("b", "Fifteen people died in Monday's blast, officials said.", published="2023-07-17"),
        ]
    )
    claims = LocalEngine(1).extract(docs, Config(), default_terms())
    a, b = (next(c for c in claims if c.document == d and c.kind == "quantity") for d in ("a", "b"))
    return a, b, sources_of(by_id)


def _logit(a: Claim, b: Claim, sources: dict[str, Source], config: Config) -> float:
    """The model read the slow way: each rule's weight looked up by name, its model's first."""
    weights, prefix = config.weight_map, model_of(a)
    z = weights.get(prefix + "bias", weights.get("bias", 0.0))
    for rule in PAIR_RULES:
        value = features(a, b, sources, config)[rule.name]
        if value:
            z += weights.get(prefix + rule.name, weights.get(rule.name, 0.0)) * value
    return z


def test_each_config_scores_with_its_own_weights() -> None:
    a, b, sources = _pair()
    default, heavier = Config(), Config(weights={"context": 9.0, "near": -4.0})
    first = scored(a, b, sources, default)
    other = scored(a, b, sources, heavier)
    again = scored(a, b, sources, default)
    assert first is not None and other is not None
    assert first == again != other
    for config, result in ((default, first), (heavier, other)):
        z = _logit(a, b, sources, config)
        assert result[0] == round(100 / (1 + math.exp(-z)), 1)
    # the reasons weigh each feature by the config's weight too
    weighed = {r.rule: r.weight for r in explain(a, b, sources, heavier)}
    assert weighed["context"] == round(9.0 * features(a, b, sources, heavier)["context"], 2)


def _actors(text_a: str, text_b: str, *more: str) -> tuple[str | None, str | None, float]:
    docs, by_id = index_documents([make_doc(f"d{i}", t) for i, t in enumerate((text_a, text_b, *more))])
    claims = LocalEngine(1).extract(docs, Config(), default_terms())
    a, b = (next(c for c in claims if c.document == d and c.kind == "quantity") for d in ("d0", "d1"))
    return a.about.actor, b.about.actor, features(a, b, sources_of(by_id), Config())["actor"]


def test_a_capitalised_word_opening_a_sentence_is_no_actor_to_weigh() -> None:
    """ "Speaking by phone, ..." and "Earlier, ..." are read as actors, but no document writes them as a
    name: they count neither for nor against; two named actors still do."""
    x, y, value = _actors(
        "Speaking by phone, he said 50 people were hurt.", "Earlier, officials said 55 people were hurt."
    )
    assert (x, y, value) == ("Speaking", "Earlier", 0.0)
    x, y, value = _actors(
        "Ely scored 23 points for the Aces.",
        "Rosario scored 22 points for the Aces.",
        "The coach praised Ely and Rosario.",
    )
    assert (x, y, value) == ("Ely", "Rosario", -1.0)

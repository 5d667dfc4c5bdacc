"""Each model's weights as the pair rules read them: looked up once per mapping of weights, not per pair."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["model_weights"]

# (mapping's id, model, names' id) -> (the mapping, the names, bias, weights); the mapping and the
# names are held, so that their ids are not reused while they are keys
_TABLES: dict[
    tuple[int, str, int], tuple[Mapping[str, float], tuple[str, ...], float, tuple[float, ...]]
] = {}


def model_weights(
    weights: Mapping[str, float], model: str, names: tuple[str, ...]
) -> tuple[float, tuple[float, ...]]:
    """The bias of ``model`` ("", "date.", "age.": `rules.model_of`) and the weight of each of
    ``names``: the model's own ("date.action"), else the shared one ("action"), else 0. Read once per
    mapping (a `Config.weight_map`, which is never changed after the config is made) and model."""
    key = (id(weights), model, id(names))
    table = _TABLES.get(key)
    if table is None or table[0] is not weights or table[1] is not names:
        if len(_TABLES) >= 256:
            _TABLES.clear()  # configs come and go (tests make many): keep the table small
        bias = weights.get(model + "bias", weights.get("bias", 0.0))
        table = (weights, names, bias, tuple(weights.get(model + n, weights.get(n, 0.0)) for n in names))
        _TABLES[key] = table
    return table[2], table[3]

"""Word lists as regular-expression tries: the same matches as a longest-first alternation, found faster.

Python's ``re`` tries the alternatives of ``one|two|three|...`` one after another at every position, so
a pattern over a few hundred aliases costs a few hundred attempts per character. A trie shares
prefixes (``t(?:hree|wo)``), so a position costs one attempt per character of the longest alias that
could start there. Children are tried before a word ends, which is longest-first along the one path the
text allows: the same match, and the same backtracking into shorter words, as an alternation sorted
longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = ["trie"]

_END = ""  # the key that marks "a word ends here"; the value holds its case-sensitive spellings


def trie(words: Iterable[str], *, exact_case: Iterable[str] = (), fold: bool = False) -> str:
    """A regex matching any of ``words``, longest first, as a trie (no surrounding group or flags).

    ``fold=False``: the words are matched as given (compile with ``re.IGNORECASE`` to ignore case).
    ``fold=True``: the trie is built over lower-cased words, for a pattern compiled with
    ``re.IGNORECASE``; ``exact_case`` words then match only in exactly their own case ("US", not
    "us"), checked by a case-sensitive look-behind where they end.
    """
    root: dict[str, Any] = {}
    for word, exact in [(w, False) for w in words] + [(w, True) for w in exact_case]:
        if not word:
            continue
        node = root
        for char in word:
            lower = char.lower()
            node = node.setdefault(lower if fold and len(lower) == 1 else char, {})
        ends = node.setdefault(_END, {})
        ends[word if exact else _END] = None
    return _build(root) or r"(?!x)x"


def _build(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _build(child) for char, child in sorted(node.items()) if char != _END]
    if _END in node:
        ends = node[_END]
        if _END in ends:
            branches.append("")  # a word of any case ends here: tried after every longer word
        else:
            checks = "|".join(rf"(?<={re.escape(word)})" for word in sorted(ends))
            branches.append(f"(?-i:{checks})")
    if len(branches) == 1:
        return branches[0] if _END not in node or not branches[0] else f"(?:{branches[0]})"
    return "(?:" + "|".join(branches) + ")"

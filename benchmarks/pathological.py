"""Time on hostile text: does it grow linearly? Each case at n and 2n characters, median of a few runs.

Cases (issue 14, RELIABILITY F07/F08): a line ending in a run of dots (the sentence boundary
pattern), a line of unclosed curly quotes and a run of closed quotes with speakers (attribution's
quotes), each through the stage it hits and through `crosscheck.check`. The ratio is the time at 2n
over the time at n: about 2 is linear, about 4 quadratic.

    python benchmarks/pathological.py                # n = 20,000
    python benchmarks/pathological.py --n 40000 --repeat 3
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import crosscheck
from crosscheck import Document
from crosscheck.attribution import find_attributions
from crosscheck.segment import split_sentences
from crosscheck.terms import default_terms


def _dots(n: int) -> str:
    return "Officials said 5 ships came" + "." * n


def _unclosed(n: int) -> str:
    return ("\u201ca" * (n // 2 + 1))[:n]


def _closed(n: int) -> str:
    unit = "\u201cHi there,\u201d said Li. "
    return (unit * (n // len(unit) + 1))[:n]


def _split(text: str) -> None:
    split_sentences("d", text)


def _attribute(text: str) -> None:
    find_attributions(text, split_sentences("d", text), default_terms())


def _check(text: str) -> None:
    crosscheck.check([Document(id="d", text=text)], jobs=1)


CASES: list[tuple[str, Callable[[int], str], Callable[[str], None]]] = [
    ("dots at line end: split_sentences", _dots, _split),
    ("dots at line end: check", _dots, _check),
    ("unclosed \u201c: find_attributions", _unclosed, _attribute),
    ("unclosed \u201c: check", _unclosed, _check),
    ("closed quotes + speaker: find_attributions", _closed, _attribute),
]


def median_seconds(run: Callable[[str], None], text: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="characters of the smaller input")
    parser.add_argument("--repeat", type=int, default=5, help="runs per size (the median is printed)")
    args = parser.parse_args()
    _check("Officials said 5 ships came on Monday.")  # warm up: imports, tables
    print(f"{'case':<44} {'n':>8} {'s(n)':>8} {'2n':>8} {'s(2n)':>8} {'ratio':>6}")
    for name, make, run in CASES:
        small = median_seconds(run, make(args.n), args.repeat)
        large = median_seconds(run, make(2 * args.n), args.repeat)
        ratio = large / small if small > 0 else float("nan")
        print(f"{name:<44} {args.n:>8,} {small:>8.3f} {2 * args.n:>8,} {large:>8.3f} {ratio:>6.2f}")


if __name__ == "__main__":
    main()

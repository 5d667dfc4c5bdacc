"""The report's one reading order, shared by the terminal, Markdown and HTML reports.

A report answers, in this order: is anything in dispute? what is corroborated, and by how many
independent origins? what rests on one source only? So every human-readable format shows the summary
line, which documents share copy, the fact table, then the findings by `SECTIONS`: conflicts,
possible conflicts (most likely first), agreements, single-source. Each renderer walks `sections`
and draws each part its own way; none keeps an order of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Group, Report, Verdict

__all__ = ["PARTS", "SECTIONS", "Section", "sections"]

# The parts of a report, top to bottom ("documents": the Markdown and HTML reports end with them).
PARTS = ("summary", "shared_copy", "facts", "findings", "documents")


@dataclass(frozen=True, kw_only=True)
class Section:
    """One verdict's findings: ``title`` ("Possible conflicts"), ``mark`` (✗ ? ✓ ·) and its groups
    in report order."""

    verdict: Verdict
    title: str
    mark: str
    groups: tuple[Group, ...] = ()

    @property
    def key(self) -> str:
        """The verdict's value, "possible_conflict": a CSS class, a filter's name."""
        return self.verdict.value


SECTIONS = (
    Section(verdict=Verdict.CONFLICT, title="Conflicts", mark="✗"),
    Section(verdict=Verdict.POSSIBLE_CONFLICT, title="Possible conflicts", mark="?"),
    Section(verdict=Verdict.AGREEMENT, title="Agreements", mark="✓"),
    Section(verdict=Verdict.SINGLE_SOURCE, title="Single-source", mark="·"),
)


def sections(report: Report) -> tuple[Section, ...]:
    """The report's findings by section, in the reading order, each holding its groups."""
    by_verdict: dict[Verdict, list[Group]] = {s.verdict: [] for s in SECTIONS}
    for group in report.groups:
        by_verdict[group.verdict].append(group)
    return tuple(
        Section(verdict=s.verdict, title=s.title, mark=s.mark, groups=tuple(by_verdict[s.verdict]))
        for s in SECTIONS
    )

"""Shared fixtures: documents built in memory and the seed corpus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import crosscheck
from crosscheck import Document, Report

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def make_doc(
    doc_id: str, text: str, published: str | None = "2023-07-17", source: str | None = None
) -> Document:
    """A document in memory, with an ISO publication date."""
    return Document(
        id=doc_id,
        text=text,
        source=source,
        published=None if published is None else dt.date.fromisoformat(published),
    )


@pytest.fixture(scope="session")
def seed_documents() -> tuple[Document, ...]:
    return crosscheck.load_documents(SEEDS)


@pytest.fixture(scope="session")
def seed_report(seed_documents: tuple[Document, ...]) -> Report:
    return crosscheck.check(seed_documents)

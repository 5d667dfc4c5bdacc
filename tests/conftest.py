"""Shared fixtures: documents built in memory and the seed corpus."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import threading
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


def read_pty_while(proc: subprocess.Popen[bytes], master: int) -> tuple[bytes, bytes, bytes]:
    """Wait for ``proc`` while draining the pseudo-terminal ``master`` (a full terminal buffer would
    block it); returns (what reached the terminal, stdout, stderr), the pipes' halves empty when not piped."""
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain)
    reader.start()
    out, err = proc.communicate(timeout=300)
    reader.join(timeout=60)
    os.close(master)
    return b"".join(chunks), out or b"", err or b""

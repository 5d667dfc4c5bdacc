"""Load documents: files and folders of ``.txt``/``.md``, with a folder's ``manifest.toml`` metadata.

Also ``.html``/``.htm`` pages (the document's text is the article text `sources.read_page` extracts,
through trafilatura when the ``web`` extra is installed, so spans index that text; the page's date,
outlet, title and URL fill what the manifest leaves out) and ``.jsonl`` corpora (one document a line,
`sources.read_jsonl`).

A document's id is its file name without the suffix (files of one name from different folders take
their paths relative to the folders' common parent: ``day1/article``, ``day2/article``; see
docs/concepts.md), and its text is the file decoded as UTF-8,
untouched (no newline translation, no stripping), so every span indexes the bytes the user gave;
`decoding.decode` says what happens to bytes that are not UTF-8.

Two entry points: `try_load_documents` reads everything it can and returns the problems with the
documents (a bad file is left out, never half-read); `load_documents` raises the first problem that
left something out, and warns (`InputWarning`) about the rest. Nothing outside the given paths is
read: a folder's symbolic links to files elsewhere and a manifest's names outside its folder are
refused, and devices, pipes and sockets are never opened.
"""

from __future__ import annotations

import errno
import os
import stat
import warnings
from pathlib import Path
from typing import NamedTuple

from .dates import parse_dateline, placeable
from .decoding import decode, scan
from .document_identity import _document, _name_note, _shown, _surrogate, _unplaceable
from .document_identity import qualified_ids as qualified_ids  # `store` reads ids and renames
from .document_identity import with_id as with_id  # through here
from .errors import DocumentError, InputWarning
from .jsonl import bounded_lines, read_jsonl_lines
from .manifest import MANIFEST, Manifest, read_manifest, scan_manifest
from .model import Document

__all__ = [
    "MANIFEST",
    "MAX_BYTES",
    "SUFFIXES",
    "LoadProblem",
    "LoadResult",
    "load_documents",
    "read_manifest",
    "try_load_documents",
]

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
MAX_BYTES = 20_000_000
"""Default size limit of one document: a file (a .jsonl line's text) over it is skipped, never half-read."""


class LoadProblem(NamedTuple):
    """Something about the input the user should know. ``message`` is one line naming the path.

    ``error`` is the `DocumentError` `load_documents` raises for it when the input was left out
    (``skipped``); None when it was read with a caveat (a fallback encoding, an ignored manifest key).
    """

    path: str
    message: str
    error: DocumentError | None

    @property
    def skipped(self) -> bool:
        """True when the file, line or manifest entry was left out of the documents."""
        return self.error is not None


class LoadResult(NamedTuple):
    """What `try_load_documents` read: the documents, in input order, and every problem, in order."""

    documents: tuple[Document, ...]
    problems: tuple[LoadProblem, ...]

    @property
    def skipped(self) -> tuple[LoadProblem, ...]:
        """The problems that left an input out."""
        return tuple(p for p in self.problems if p.skipped)


def load_documents(*paths: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> tuple[Document, ...]:
    """Read every path (a file, or a folder of .txt/.md/.html/.htm/.jsonl files sorted by name) into documents.

    Raises `DocumentError` (a one-line message naming the file) for a missing path, a binary,
    undecodable, empty or too large file (over ``max_bytes``), a folder without documents or
    duplicate ids, and `ManifestError` for a bad manifest. Warns `InputWarning` for a file decoded
    with a fallback encoding and a manifest key it ignores.
    """
    result = try_load_documents(*paths, max_bytes=max_bytes)
    for problem in result.problems:
        if problem.error is not None:
            raise problem.error
    for problem in result.problems:
        warnings.warn(problem.message, InputWarning, stacklevel=2)
    return result.documents


def try_load_documents(*paths: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> LoadResult:
    """Like `load_documents`, but a bad input is left out and reported instead of raised.

    The documents are every document that could be read whole; a later document with an id
    already seen is left out. Raises `DocumentError` only when no path is given.
    """
    if not paths:
        raise DocumentError("no paths given: name at least one file or folder")
    loader = _Loader(max_bytes)
    for raw in paths:
        loader.path(Path(raw))
    loader.qualify()
    return LoadResult(tuple(loader.docs), tuple(loader.problems))


class _Loader:
    """Reads paths into ``docs``, collecting ``problems``; one instance per `try_load_documents` call."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.docs: list[Document] = []
        self.problems: list[LoadProblem] = []
        self.seen: dict[str, str] = {}
        self.files: dict[str, list[tuple[int, Path]]] = {}  # id -> (index in docs, file) of files named so

    def skip(self, error: DocumentError) -> None:
        self.problems.append(LoadProblem(error.path or "", str(error), error))

    def note(self, path: str, message: str) -> None:
        self.problems.append(LoadProblem(path, message, None))

    def path(self, path: Path) -> None:
        where = _shown(path)
        try:
            kind = _kind(path)
        except OSError as exc:
            self.skip(DocumentError(f"{where}: cannot read: {exc.strerror or exc}", path=where))
            return
        if kind == "loop":
            self.skip(_loop(where))
        elif kind == "dir":
            self.folder(path)
        elif kind == "file":
            manifest = scan_manifest(path.parent, self.max_bytes)
            self.manifest_problems(manifest, None, path.name)
            self.file(path, manifest)
        elif kind == "other":
            self.skip(
                DocumentError(
                    f"{_shown(path)}: not a regular file or folder (a device, pipe or socket)",
                    path=_shown(path),
                )
            )
        else:
            self.skip(DocumentError(f"{_shown(path)}: no such file or folder", path=_shown(path)))

    def folder(self, folder: Path) -> None:
        try:
            candidates = sorted(
                p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and not p.is_dir()
            )
        except OSError as exc:  # a folder the user may not list, or whose entries it may not look at
            where = _shown(folder)
            self.skip(DocumentError(f"{where}: cannot read this folder: {exc.strerror or exc}", path=where))
            return
        if not candidates:
            self.skip(
                DocumentError(
                    f"{_shown(folder)}: no .txt or .md documents in this folder (nor .html, .htm, .jsonl)",
                    path=_shown(folder),
                )
            )
            return
        manifest = scan_manifest(folder, self.max_bytes)
        self.manifest_problems(manifest, {p.name for p in candidates})
        inside = folder.resolve()
        for path in candidates:
            if path.is_symlink() and _kind(path) == "loop":
                self.skip(_loop(_shown(path)))
            elif path.is_symlink() and not path.resolve().is_relative_to(inside):
                self.skip(
                    DocumentError(
                        f"{_shown(path)}: a symbolic link to a file outside {_shown(folder)} (not followed)",
                        path=_shown(path),
                    )
                )
            else:
                self.file(path, manifest)

    def manifest_problems(self, manifest: Manifest, names: set[str] | None, name: str = "") -> None:
        """Report a manifest's problems: all of them for a folder of ``names``, one entry's for a file."""
        if manifest.error is not None:
            self.skip(manifest.error)
            return
        if names is not None:
            for entry, error in manifest.bad.items():
                if entry not in names:
                    self.skip(error)
            for entry in manifest.entries:
                if entry not in names:
                    self.note(
                        manifest.path, f"{manifest.path}: [files.{entry!r}] names no document in this folder"
                    )
        for entry, messages in manifest.notes.items():
            if names is not None or entry == name:
                for message in messages:
                    self.note(manifest.path, message)

    def file(self, path: Path, manifest: Manifest) -> None:
        where = _shown(path)
        if manifest.error is not None:
            self.skip(DocumentError(f"{where}: its folder's {MANIFEST} cannot be used", path=where))
            return
        if path.name in manifest.bad:
            self.skip(manifest.bad[path.name])
            return
        try:
            docs = self.read(path, manifest.entries.get(path.name, {}))
        except DocumentError as exc:
            self.skip(exc)
            return
        name_note = _name_note(path) if path.suffix.lower() != ".jsonl" else None
        if name_note is not None:
            self.note(where, name_note)
        for doc in docs:
            self.add(doc, None if path.suffix.lower() == ".jsonl" else Path(os.path.abspath(path)))

    def add(self, doc: Document, file: Path | None = None) -> None:
        """Keep ``doc`` (read from ``file``, None for a ``.jsonl`` line) unless its id is taken. A file
        of the name of a file in another folder is kept: `qualify` gives both ids from their paths."""
        where = doc.path or doc.id
        bad = _surrogate(doc)
        if bad is not None:
            self.skip(DocumentError(f"{where}: {bad}", path=where))
            return
        earlier = self.files.get(doc.id)
        if file is not None and earlier and all(f.parent != file.parent for _i, f in earlier):
            earlier.append((len(self.docs), file))
            self.docs.append(doc)
            return
        if doc.id in self.seen:
            self.skip(
                DocumentError(
                    f"{where}: duplicate document id {doc.id!r} (also {self.seen[doc.id]})", path=where
                )
            )
            return
        self.seen[doc.id] = where
        if file is not None:
            self.files[doc.id] = [(len(self.docs), file)]
        self.docs.append(doc)

    def qualify(self) -> None:
        """Files of one name from different folders take ids from their paths relative to the folders'
        common parent (``day1/article``, ``day2/article``); every other file keeps its name as its id."""
        dropped: set[int] = set()
        for name, entries in self.files.items():
            if len(entries) < 2:
                continue
            ids = qualified_ids([file for _i, file in entries])
            del self.seen[name]
            for (index, _file), new in zip(entries, ids, strict=True):
                doc = self.docs[index]
                where = doc.path or doc.id
                if new in self.seen:  # a .jsonl id or another file took it
                    message = f"{where}: duplicate document id {new!r} (also {self.seen[new]})"
                    self.skip(DocumentError(message, path=where))
                    dropped.add(index)
                    continue
                self.seen[new] = where
                self.docs[index] = with_id(doc, new)
        self.docs = [d for i, d in enumerate(self.docs) if i not in dropped]

    def read(self, path: Path, meta: dict[str, object]) -> list[Document]:
        """The documents of one file; raises `DocumentError` when the whole file is left out."""
        where = _shown(path)
        try:
            info = path.stat()
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise _loop(where) from None
            raise DocumentError(f"{where}: cannot read: {exc.strerror or exc}", path=where) from None
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError(f"{where}: not a regular file (a device, pipe or socket)", path=where)
        if path.suffix.lower() == ".jsonl":
            return self.jsonl(path)
        if info.st_size > self.max_bytes:
            raise _too_large(where, info.st_size, self.max_bytes)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise DocumentError(f"{where}: cannot read: {exc.strerror or exc}", path=where) from None
        if len(data) > self.max_bytes:  # it grew since stat
            raise _too_large(where, len(data), self.max_bytes)
        decoded = decode(data, where)
        if not decoded.text.strip():
            blank = " (only whitespace)" if data else ""
            raise DocumentError(f"{where}: empty file{blank}", path=where)
        if decoded.note is not None:
            self.note(where, decoded.note)
        doc, notes = _document(path, decoded.text, decoded.encoding, meta)
        for note in notes:
            self.note(where, f"{where}: {note}")
        return [doc]

    def jsonl(self, path: Path) -> list[Document]:
        """The documents of a JSON Lines corpus, read line by line: a line over ``max_bytes`` is
        skipped without being held (its size is counted as it is read past), the others are read."""
        where = _shown(path)
        try:
            scanned = scan(path, where)
            if scanned.blank:
                blank = " (only whitespace)" if scanned.size else ""
                raise DocumentError(f"{where}: empty file{blank}", path=where)
            if scanned.note is not None:
                self.note(where, scanned.note)
            bad: list[DocumentError] = []
            with path.open(encoding=scanned.encoding, newline="\n") as file:
                records = read_jsonl_lines(
                    where, bounded_lines(file, where, self.max_bytes, bad), problems=bad
                )
        except OSError as exc:
            raise DocumentError(f"{where}: cannot read: {exc.strerror or exc}", path=where) from None
        except UnicodeDecodeError:  # it changed since `scan` read it
            raise DocumentError(f"{where}: changed while it was read", path=where) from None
        for error in bad:
            self.skip(error)
        docs = []
        for r in records:
            where = f"{_shown(path)}:{r.line}"
            published, inferred = r.published, r.published_inferred
            if published is None:
                published = parse_dateline(r.text)
                inferred = published is not None
            if published is not None and not placeable(published):
                self.note(where, f"{where}: {_unplaceable(published)}")
                published, inferred = None, False
            docs.append(
                Document(
                    id=r.id,
                    text=r.text,
                    path=where,
                    source=r.source,
                    title=r.title,
                    url=r.url,
                    published=published,
                    published_inferred=inferred,
                    encoding=scanned.encoding,
                )
            )
        return docs


def _kind(path: Path) -> str:
    """What ``path`` is: ``dir``, ``file``, ``other`` (a device, pipe or socket), ``loop`` (a symbolic
    link that leads back to itself) or ``missing``. Raises `OSError` for anything else (no permission
    to look)."""
    try:
        info = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "loop"
        if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.ENAMETOOLONG):
            return "missing"
        raise
    if stat.S_ISDIR(info.st_mode):
        return "dir"
    return "file" if stat.S_ISREG(info.st_mode) else "other"


def _loop(where: str) -> DocumentError:
    return DocumentError(f"{where}: a symbolic link loop (not followed)", path=where)


def _too_large(where: str, size: int, limit: int, path: str | None = None) -> DocumentError:
    return DocumentError(
        f"{where}: {size:,} bytes, over the size limit of {limit:,} bytes (--max-bytes)", path=path or where
    )

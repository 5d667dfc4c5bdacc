"""Turn a file's bytes into the text every span indexes, and say how when it was not plain UTF-8.

The order, first match wins:

1. a UTF-32 or UTF-16 byte-order mark: decoded as UTF-32/UTF-16 (the mark is dropped), with a note;
2. a NUL byte anywhere else: a binary file, refused;
3. UTF-8, strictly: the text is the bytes decoded, untouched (a UTF-8 byte-order mark is part of
   the file and stays as the text's first character, U+FEFF, so offsets match any UTF-8 reader);
4. Windows-1252 (cp1252) as the one fallback, with a note naming it and the first byte that is not
   UTF-8; bytes cp1252 leaves undefined (0x81, 0x8d, 0x8f, 0x90, 0x9d) make the file refused.

Whatever the encoding, the decoded text is `Document.text`: spans index it and the report shows it.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import BinaryIO, NamedTuple

from .errors import DocumentError

__all__ = ["ENCODINGS", "Decoded", "Scanned", "decode", "scan", "shown_name"]

ENCODINGS = ("utf-8", "utf-16", "utf-32", "cp1252")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),  # before UTF-16: FF FE 00 00 also starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


class Decoded(NamedTuple):
    """A file's text, the encoding it was read with, and what to tell the user (None: plain UTF-8)."""

    text: str
    encoding: str
    note: str | None


def decode(data: bytes, where: str) -> Decoded:
    """Decode ``data`` (the bytes of the file ``where``) as described in the module docstring.

    Raises `DocumentError` naming ``where`` for a binary or undecodable file; never guesses silently.
    """
    for bom, encoding, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DocumentError(
                    f"{where}: starts with a {name} byte-order mark but is not valid {name} "
                    f"(at byte offset {exc.start})",
                    path=where,
                ) from None
            return Decoded(text, encoding, f"{where}: decoded as {name} (byte-order mark)")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise DocumentError(f"{where}: binary file (NUL byte at offset {nul}), not text", path=where)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", None)
    except UnicodeDecodeError as exc:
        bad = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"{where}: not valid UTF-8 ({bad}) nor Windows-1252 (byte 0x{data[exc.start]:02x} "
            f"at offset {exc.start})",
            path=where,
        ) from None
    return Decoded(text, "cp1252", f"{where}: not valid UTF-8 ({bad}); decoded as Windows-1252 (cp1252)")


class Scanned(NamedTuple):
    """How a file is to be decoded (`scan`): the encoding, what to tell the user, and whether the text
    is only whitespace (``size`` 0: an empty file)."""

    encoding: str
    note: str | None
    blank: bool
    size: int


_CHUNK = 1 << 20


def scan(path: Path, where: str) -> Scanned:
    """What `decode` would decide for the bytes of the file ``path`` (shown as ``where``), reading it
    in chunks, so a file of any size is judged without being held in memory (a JSON Lines corpus is
    then read line by line). Raises `DocumentError` as `decode` does, with the same messages."""
    with path.open("rb") as file:
        head = file.read(4)
        file.seek(0)
        for bom, encoding, name in _BOMS:
            if head.startswith(bom):
                bad, blank, size = _scan_as(file, encoding, where)
                if bad is not None:
                    raise DocumentError(
                        f"{where}: starts with a {name} byte-order mark but is not valid {name} "
                        f"(at byte offset {bad})",
                        path=where,
                    )
                return Scanned(encoding, f"{where}: decoded as {name} (byte-order mark)", blank, size)
        bad, blank, size = _scan_as(file, "utf-8", where, nul=True)
        if bad is None:
            return Scanned("utf-8", None, blank, size)
        file.seek(0)
        head = file.read(bad + 1)
        note = f"byte 0x{head[bad]:02x} at offset {bad}"
        file.seek(0)
        wrong, blank, size = _scan_as(file, "cp1252", where)
        if wrong is not None:
            file.seek(wrong)
            raise DocumentError(
                f"{where}: not valid UTF-8 ({note}) nor Windows-1252 (byte 0x{file.read(1)[0]:02x} "
                f"at offset {wrong})",
                path=where,
            )
    return Scanned(
        "cp1252", f"{where}: not valid UTF-8 ({note}); decoded as Windows-1252 (cp1252)", blank, size
    )


def _scan_as(
    file: BinaryIO, encoding: str, where: str = "", *, nul: bool = False
) -> tuple[int | None, bool, int]:
    """Decode ``file`` chunk by chunk: the byte offset of the first byte that is not ``encoding``
    (None when all are), whether the text is only whitespace, and the size. With ``nul``, a NUL byte
    anywhere makes it binary (`DocumentError` naming ``where``, as `decode` says), even after a byte
    that is not ``encoding``."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    bad: int | None = None
    blank = True
    offset = 0
    while True:
        data = file.read(_CHUNK)
        if nul and (found := data.find(b"\x00")) >= 0:
            raise DocumentError(
                f"{where}: binary file (NUL byte at offset {offset + found}), not text", path=where
            )
        if bad is None:
            held = len(decoder.getstate()[0])
            try:
                text = decoder.decode(data, final=not data)
            except UnicodeDecodeError as exc:
                bad = offset - held + exc.start
            else:
                blank = blank and not text.strip()
        if not data:
            return bad, blank, offset
        offset += len(data)


def shown_name(name: str) -> str:
    """A file name (or path) as text that is valid Unicode: the bytes of a name that are not UTF-8
    (which Python keeps as surrogate escapes) written out as ``\\xNN``; any other name unchanged.

    A document's id and path are shown in reports and written as UTF-8, so they must be text."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte
        return name.encode("utf-8", "backslashreplace").decode("utf-8")

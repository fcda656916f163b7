"""Reading untrusted tool outputs: decompression, safe XML, JSON, text.

XML goes through defusedxml: a document declaring entities (billion laughs, external
entities such as file:///etc/passwd) or fetching external DTDs is refused, never expanded.
bzip2 input is recognised by its magic bytes `BZh`, whatever the file name (oscap writes
compressed ARF with `--results-arf` piped through bzip2), and decompressed with a size cap
so a decompression bomb is refused too.
"""

from __future__ import annotations

import bz2
import json
import time
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException, EntitiesForbidden
from defusedxml.ElementTree import fromstring

from checker.importers.interface import ImporterError

MAX_DECOMPRESSED = 256 * 1024 * 1024  # XML / JSON: larger than any real scan result
MAX_TEXT = 64 * 1024 * 1024  # text reports (Lynis, clamscan): far larger than real ones
MAX_SECONDS = 20.0  # decompression time; a bomb stops here even below the size cap
_STEP = 8 * 1024 * 1024


def decompress(raw: bytes, filename: str, limit: int = MAX_DECOMPRESSED) -> bytes:
    """The file's content, bzip2 undone when the bytes start with `BZh`: decompressed in
    steps, refused (one line) past `limit` bytes or MAX_SECONDS, so a bomb costs at most
    that much memory and time."""
    if not raw.startswith(b"BZh"):
        return raw
    parts: list[bytes] = []
    size, rest = 0, raw
    deadline = time.monotonic() + MAX_SECONDS
    while rest:  # pbzip2 / lbzip2 write several streams back to back
        decomp = bz2.BZ2Decompressor()
        data = rest
        while not decomp.eof:
            try:
                out = decomp.decompress(data, max_length=min(_STEP, limit - size + 1))
            except (OSError, ValueError) as exc:
                raise ImporterError(filename, f"bzip2 data is corrupt or truncated ({exc})") from None
            data = b""
            parts.append(out)
            size += len(out)
            if size > limit:
                raise ImporterError(
                    filename, f"bzip2 data expands beyond {limit // 2**20} MiB; refused "
                              "(a decompression bomb or not a tool output)")
            if time.monotonic() > deadline:
                raise ImporterError(
                    filename, f"bzip2 data takes more than {MAX_SECONDS:.0f} s to expand; refused")
            if not decomp.eof and decomp.needs_input and not out:
                raise ImporterError(filename, "bzip2 data is truncated (stream does not end)")
        rest = decomp.unused_data
    return b"".join(parts)


def require_content(data: bytes, filename: str) -> None:
    if not data.strip():
        raise ImporterError(filename, "file is empty")


def parse_xml(raw: bytes, filename: str) -> Element:
    """Parse XML safely; one-line reasons for hostile, truncated or non-XML input."""
    data = decompress(raw, filename)
    require_content(data, filename)
    try:
        return fromstring(data)
    except DefusedXmlException as exc:
        what = _defused_reason(exc)
        raise ImporterError(
            filename,
            f"XML refused: {what}; entity declarations and external references are never expanded",
            hint="tool outputs do not declare entities; this file was altered or is hostile",
        ) from None
    except ParseError as exc:
        raise ImporterError(
            filename, f"not well-formed XML, truncated or not XML ({exc})"
        ) from None


def _defused_reason(exc: DefusedXmlException) -> str:
    name = getattr(exc, "name", None)
    system_id = getattr(exc, "system_id", None)
    if isinstance(exc, EntitiesForbidden):
        where = f" pointing at {system_id}" if system_id else ""
        return f"it declares the entity {name!r}{where}"
    return f"{type(exc).__name__} ({exc})"


def parse_json(raw: bytes, filename: str) -> Any:
    data = decompress(raw, filename)
    require_content(data, filename)
    from checker.safeload import JsonRefused, load_json

    try:
        return load_json(data)
    except JsonRefused as exc:
        raise ImporterError(filename, f"not JSON this checker accepts ({exc})") from None
    try:
        return json.loads(data)
    except UnicodeDecodeError as exc:
        raise ImporterError(filename, f"not UTF-8 text ({exc.reason})") from None
    except ValueError as exc:
        raise ImporterError(filename, f"not valid JSON, truncated or not JSON ({exc})") from None


def decode_text(raw: bytes, filename: str) -> str:
    """Text output of a tool (Lynis report, clamscan log). Undecodable bytes in file paths are
    replaced, never fatal; NUL bytes mean a binary file."""
    data = decompress(raw, filename, MAX_TEXT)
    require_content(data, filename)
    if b"\x00" in data[:4096]:
        raise ImporterError(filename, "binary data, expected a text report")
    return data.decode("utf-8", errors="replace")


def local(tag: str) -> str:
    """An element's tag without its namespace."""
    return tag.rsplit("}", 1)[-1]


def namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def text(el: Element | None) -> str:
    """Stripped text of an element, '' when absent or empty."""
    if el is None or el.text is None:
        return ""
    return el.text.strip()

"""Reading untrusted JSON and YAML without surprises (issue 14, hostile input).

JSON (`load_json`): strict UTF-8 (a lone surrogate, raw `ED A0 80` or escaped `\\ud800`,
is refused), no NaN / Infinity / -Infinity, no number that overflows to infinity (1e400),
no duplicate keys, nesting at most MAX_DEPTH deep (100,000-deep input is refused by the
parser, never a RecursionError that escapes). Every refusal is JsonRefused with one line.

YAML (`load_yaml_bytes`): safe loading, duplicate keys refused, and timestamps kept as the
strings they were written as (`expires: 2026-01-31` unquoted reads as "2026-01-31").
"""

from __future__ import annotations

import json
import math
import os
import stat
from pathlib import Path
from typing import Any

import orjson
import yaml

MAX_DEPTH = 64  # evidence nests ~6 deep; the schemas and the engine never see more
MAX_CONFIG_BYTES = 16 * 2**20


class JsonRefused(ValueError):
    """The bytes are not JSON this checker accepts (reason in the message)."""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise JsonRefused(f"duplicate key {k!r}")
        out[k] = v
    return out


def _constant(name: str) -> Any:
    raise JsonRefused(f"{name} is not a JSON number")


def _float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise JsonRefused(f"number {text[:20]} is out of range")
    return value


def _check_tree(doc: Any) -> None:
    """Depth and strings, iteratively (no recursion to exhaust)."""
    stack: list[tuple[Any, int]] = [(doc, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            if depth > MAX_DEPTH:
                raise JsonRefused(f"nested deeper than {MAX_DEPTH} levels")
            for k, v in node.items():
                _check_str(k)
                stack.append((v, depth + 1))
        elif isinstance(node, list):
            if depth > MAX_DEPTH:
                raise JsonRefused(f"nested deeper than {MAX_DEPTH} levels")
            stack.extend((v, depth + 1) for v in node)
        elif isinstance(node, str):
            _check_str(node)


def _check_str(s: str) -> None:
    if not s.isascii():
        try:
            s.encode("utf-8")
        except UnicodeEncodeError:
            raise JsonRefused("a string holds a lone surrogate (not Unicode text)") from None


def load_json(raw: bytes | str) -> Any:
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes | bytearray) else raw
    except UnicodeDecodeError as exc:
        raise JsonRefused(f"not UTF-8 text (byte {exc.start})") from None
    if text.startswith("\ufeff"):
        raise JsonRefused("starts with a byte-order mark")
    try:
        doc = json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant,
                         parse_float=_float)
    except JsonRefused:
        raise
    except RecursionError:
        raise JsonRefused(f"nested deeper than {MAX_DEPTH} levels") from None
    except ValueError as exc:
        raise JsonRefused(str(exc)) from None
    _check_tree(doc)
    return doc


def _depth_ok(doc: Any) -> bool:
    """No container nested deeper than MAX_DEPTH (scalars are not visited)."""
    stack: list[tuple[Any, int]] = [(doc, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        for v in node.values() if type(node) is dict else node:
            if type(v) is dict or type(v) is list:
                stack.append((v, depth + 1))
    return True


# Indented by orjson (2 spaces a level; a string never holds a raw newline), a line starts
# with 2 * MAX_DEPTH spaces only inside a container MAX_DEPTH deep: without such a line the
# document is shallow enough, found at C speed; with one, the exact walk decides.
_DEEP_LINE = b"\n" + b" " * (2 * MAX_DEPTH)


def _deep(doc: Any) -> bool:
    try:
        return _DEEP_LINE in orjson.dumps(doc, option=orjson.OPT_INDENT_2)
    except orjson.JSONEncodeError:  # deeper than orjson writes (255 levels)
        return True


def load_json_compact(raw: bytes) -> tuple[Any, bytes]:
    """`load_json` at C speed, also giving the document's compact serialisation (orjson),
    which is what the engine is handed: no second serialisation of the evidence later.

    orjson alone refuses what load_json refuses (invalid UTF-8, lone surrogates escaped or
    raw, a byte-order mark, NaN / Infinity, numbers overflowing to infinity) except two
    things checked here: depth (MAX_DEPTH, containers only) and duplicate keys. A duplicate
    key adds a `:` outside strings that the parsed document lacks, so the colons of the raw
    bytes and of the compact form (orjson writes a `:` in a string as itself) are equal
    exactly when no key repeats; a `\u003a` escape (a colon the count cannot see) and any
    refusal go through `load_json`, for its exact reason."""
    try:
        doc = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return _exact(raw)  # raises JsonRefused with the precise reason (or accepts)
    if isinstance(doc, dict | list) and _deep(doc) and not _depth_ok(doc):
        raise JsonRefused(f"nested deeper than {MAX_DEPTH} levels")
    compact = _exact_size(orjson.dumps(doc))
    if raw.count(b":") != compact.count(b":") or b"\\u003" in raw or b"e+" in compact:
        # a duplicate key (refused), an escaped colon, or a number orjson wrote with an
        # exponent (it reads an integer beyond 64 bits as a float): the exact path
        return _exact(raw)
    return doc, compact


def _exact_size(out: bytes) -> bytes:
    """orjson's output lives in a buffer grown by doubling (up to twice its length, measured
    33 MB for 14.7 MB): a copy of the exact size is what is kept."""
    return bytes(memoryview(out))


def _exact(raw: bytes) -> tuple[Any, bytes]:
    doc = load_json(raw)
    try:
        return doc, _exact_size(orjson.dumps(doc))
    except orjson.JSONEncodeError:
        raise JsonRefused("a number beyond the 64-bit integer range") from None


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader without implicit timestamps, refusing duplicate keys."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    out: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in out:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        out[key] = loader.construct_object(value_node, deep=True)
    return out


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load_yaml_bytes(raw: bytes, where: str, error: type[Exception]) -> Any:
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=_StrictLoader)  # noqa: S506 (safe subclass)
    except UnicodeDecodeError:
        raise error(f"{where}: not UTF-8 text") from None
    except RecursionError:
        raise error(f"{where}: nested too deep") from None
    except yaml.YAMLError as exc:
        raise error(f"{where}: not YAML/JSON ({exc})".replace("\n", " ")) from None
    try:
        _check_tree(data)
    except JsonRefused as exc:
        raise error(f"{where}: {exc}") from None
    if _has_nonfinite(data):
        raise error(f"{where}: .nan / .inf are not accepted")
    return data


def _has_nonfinite(doc: Any) -> bool:
    stack = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, float) and not math.isfinite(node):
            return True
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False


def read_regular(path: Path, *, what: str, error: type[Exception],
                 limit: int = MAX_CONFIG_BYTES) -> bytes:
    """A configuration file the user names (trust, waivers, key): a regular file (a FIFO
    or device is refused, never waited on), at most `limit` bytes."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise error(f"{path}: cannot read {what} ({exc.strerror})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise error(f"{path}: {what} is not a regular file")
        if st.st_size > limit:
            raise error(f"{path}: {what} is {st.st_size} bytes, over the {limit} limit")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read(limit + 1)
    finally:
        os.close(fd)

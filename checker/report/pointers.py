"""JSON pointer -> line and column of the value in the evidence file's text (SARIF regions).

A small tokenizer (a regular expression does the scanning) walks the document once,
descending only into containers on the way to a pointer asked for and skipping the others,
and records where each wanted value starts. A file that is not JSON, or a pointer it does
not hold, gives no position (never a wrong one).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+', re.S)


def split(pointer: str) -> tuple[str, ...]:
    if not pointer:
        return ()
    return tuple(s.replace("~1", "/").replace("~0", "~") for s in pointer[1:].split("/"))


def _skip(text: str, pos: int) -> int:
    """The offset after the container whose opening bracket ends at pos."""
    depth = 1
    while depth:
        m = _TOKEN.search(text, pos)
        if m is None:
            return len(text)
        pos = m.end()
        t = m.group()
        if t in ("{", "["):
            depth += 1
        elif t in ("}", "]"):
            depth -= 1
    return pos


def positions(text: str, pointers: Iterable[str]) -> dict[str, tuple[int, int]]:
    """pointer -> (line, column), both 1-based, of the start of each pointer's value."""
    wanted = {split(p): p for p in pointers if p == "" or p.startswith("/")}
    prefixes = {w[:i] for w in wanted for i in range(len(w) + 1)}
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    out: dict[str, tuple[int, int]] = {}
    stack: list[list] = []  # [kind "{" or "[", path, index (arrays), pending key (objects)]
    pos, expect_key = 0, False
    while True:
        m = _TOKEN.search(text, pos)
        if m is None:
            return out
        pos, tok = m.end(), m.group()
        if tok == ":":
            continue
        if tok == ",":
            if stack and stack[-1][0] == "[":
                stack[-1][2] += 1
            expect_key = bool(stack) and stack[-1][0] == "{"
            continue
        if tok in ("}", "]"):
            if stack:
                stack.pop()
            expect_key = False
            continue
        if expect_key and tok.startswith('"'):
            stack[-1][3] = re.sub(r"\\(.)", r"\1", tok[1:-1])
            expect_key = False
            continue
        if stack:
            top = stack[-1]
            here = (*top[1], str(top[2]) if top[0] == "[" else str(top[3]))
        else:
            here = ()
        if here in wanted:
            line = bisect.bisect_right(starts, m.start()) - 1
            out[wanted[here]] = (line + 1, m.start() - starts[line] + 1)
            if len(out) == len(wanted):
                return out
        if tok in ("{", "["):
            if here in prefixes:
                stack.append([tok, here, 0, None])
                expect_key = tok == "{"
            else:
                pos = _skip(text, pos)

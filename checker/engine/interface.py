"""The engine interface: evaluate every clause package against one bundle input."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

import orjson

from checker.policies import PolicyFile


@dataclass(frozen=True)
class PackageOutcome:
    """What one clause package said. `error` set means the engine failed on it."""

    deny: tuple[Mapping[str, Any], ...] = ()
    measure: Mapping[str, Any] | None = None
    not_applicable: bool = False
    error: str | None = None
    excluded: tuple[Mapping[str, Any], ...] = ()  # items a quantity clause did not count


@dataclass(frozen=True)
class TestOutcome:
    package: str
    rule: str
    passed: bool
    error: str | None = None
    prints: tuple[str, ...] = field(default_factory=tuple)


class InputJson:
    """One input document as UTF-8 JSON in pieces (what check.py hands over: the evidence's
    compact forms between a few bytes of framing, never re-serialised). An engine that can
    stream writes the pieces out as they are; `bytes()` joins them (one copy) for the others.
    """

    __slots__ = ("parts", "size")

    def __init__(self, parts: Sequence[bytes]) -> None:
        self.parts = tuple(parts)
        self.size = sum(len(p) for p in self.parts)

    def __bytes__(self) -> bytes:
        return b"".join(self.parts)

    def write_to(self, out: BinaryIO) -> None:
        for part in self.parts:
            out.write(part)


# The input of one evaluation: a document, or the same as UTF-8 JSON (bytes or pieces)
PolicyInput = Mapping[str, Any] | bytes | InputJson


def input_bytes(input_doc: PolicyInput) -> bytes:
    """The input as one UTF-8 JSON buffer."""
    if isinstance(input_doc, InputJson | bytes | bytearray):
        return bytes(input_doc)
    return orjson.dumps(input_doc)


def input_document(input_doc: PolicyInput) -> Mapping[str, Any]:
    """The input as Python data, for engines whose client serialises it themselves."""
    if isinstance(input_doc, InputJson):
        input_doc = bytes(input_doc)
    if isinstance(input_doc, bytes | bytearray):
        doc: Mapping[str, Any] = orjson.loads(input_doc)
        return doc
    return input_doc


class Engine(ABC):
    name: str

    @abstractmethod
    def load(self, policies: Sequence[PolicyFile], data: Mapping[str, Any]) -> None:
        """Compile the policies with `data` (contract parameters under data.params).
        Raise EngineError when a policy does not compile."""

    @abstractmethod
    def evaluate(
        self,
        input_doc: PolicyInput,
        packages: Sequence[str],
        costs: Mapping[str, float] | None = None,
    ) -> dict[str, PackageOutcome]:
        """Set the input once, then evaluate `deny`, `measure` and `not_applicable` of each
        package. A failure in one package is that package's `error`, not an exception.
        `costs` (optional) estimates each package's work, for engines that share it out."""

    @abstractmethod
    def run_tests(self, package: str, rules: Sequence[str]) -> list[TestOutcome]:
        """Evaluate the `test_*` rules of a loaded test package."""

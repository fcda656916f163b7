"""Which Rego engine evaluates the policies. Unknown names are refused, never defaulted."""

from __future__ import annotations

from enum import StrEnum
from typing import assert_never

from checker.engine.interface import Engine, PackageOutcome, TestOutcome


class EngineName(StrEnum):
    EMBEDDED = "embedded"
    OPA = "opa"
    OPA_INPROCESS = "opa-inprocess"

    def to_engine(self, *, opa_url: str | None = None) -> Engine:
        if self is EngineName.EMBEDDED:
            from checker.engine.embedded import EmbeddedEngine

            return EmbeddedEngine()
        if self is EngineName.OPA:
            from checker.engine.opa_server import OpaServerEngine  # type: ignore[import-not-found]

            return OpaServerEngine(opa_url)  # type: ignore[no-any-return]
        if self is EngineName.OPA_INPROCESS:
            from checker.engine.opa_inprocess import InProcessOpaEngine

            return InProcessOpaEngine()
        assert_never(self)


__all__ = ["Engine", "EngineName", "PackageOutcome", "TestOutcome"]

"""The embedded default engine: regorus (Rust), pinned as gordon-to-regorus==0.13.0.

One engine per process (it holds the GIL and must not cross threads); the input is
serialised once (orjson) and set once per bundle, then every clause package is evaluated by
one collector query, so helper rules shared by packages run once.

There is no worker pool any more: the forked pool it had (2 processes on large bundles) cost
more CPU than it saved and needed `fork`, which Windows and macOS's default lack. Measured
on the scale-1 example year, CPU of the whole process tree, same run: serial 2.0-2.3 s,
2 forked workers 2.27-2.48 s (+10-13%), peak memory 131 MB vs 90 + 114 MB.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from typing import Any

import orjson
import regorus

from checker.engine.collector import COLLECTOR_PACKAGE, collector_source, excluded_items, outcome_from
from checker.engine.interface import Engine, InputJson, PackageOutcome, PolicyInput, TestOutcome
from checker.errors import EngineError
from checker.memory import release_freed
from checker.policies import PolicyFile


def clean_error(exc: BaseException) -> str:
    """regorus errors carry a Rust backtrace; keep the located message only."""
    text = str(exc).split("Stack backtrace:")[0].strip()
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def _values(result: Mapping[str, Any]) -> list[Any]:
    return [expr["value"] for row in result.get("result", []) for expr in row["expressions"]]


class EmbeddedEngine(Engine):
    name = f"regorus {getattr(regorus, '__version__', '0.13.0')} (embedded)"

    def __init__(self) -> None:
        self._engine = regorus.Engine()
        # regorus keeps every module added under a path (a second `_collect.rego` is a rule
        # conflict, not a replacement): one collector package per distinct package list
        self._collectors: dict[tuple[str, ...], str] = {}

    def load(self, policies: Sequence[PolicyFile], data: Mapping[str, Any]) -> None:
        for policy in policies:
            try:
                self._engine.add_policy(policy.path, policy.source)
            except RuntimeError as exc:
                raise EngineError(f"policy {policy.path} does not compile: {clean_error(exc)}") from None
        try:
            self._engine.add_data_json(orjson.dumps(dict(data)).decode())
        except RuntimeError as exc:
            raise EngineError(f"contract parameters rejected by the engine: {clean_error(exc)}") from None

    def _query(self, query: str) -> list[Any]:
        # as JSON: a Rego set of objects has no Python equivalent (sets of dicts)
        return _values(json.loads(self._engine.eval_query_as_json(query)))

    def evaluate(
        self,
        input_doc: PolicyInput,
        packages: Sequence[str],
        costs: Mapping[str, float] | None = None,
    ) -> dict[str, PackageOutcome]:
        try:
            raw = input_doc if isinstance(input_doc, bytes | bytearray | InputJson) else orjson.dumps(input_doc)
        except (TypeError, orjson.JSONEncodeError) as exc:
            raise EngineError(f"input cannot be handed to the engine: {exc}") from None
        try:
            self._set_input(raw)
        except RuntimeError as exc:
            raise EngineError(f"input rejected by the engine: {clean_error(exc)}") from None
        except UnicodeDecodeError as exc:
            raise EngineError(f"input cannot be handed to the engine: {exc}") from None
        del raw
        release_freed()  # the parser's buffers, before the evaluation
        try:
            (result,) = self._query(f"data.{self._collector(tuple(packages))}.result")
            return {pkg: outcome_from(result[pkg]) for pkg in packages}
        except (RuntimeError, ValueError):
            pass  # some package failed at run time: find which, one by one
        return {pkg: self._evaluate_one(pkg) for pkg in packages}

    # Large inputs go through a temporary file: the engine's file reader parses UTF-8 bytes
    # as they are, while set_input_json takes a str, which costs the decode to a (UCS-2, the
    # evidence has Chinese text) str of twice the bytes plus the UTF-8 copy PyO3 caches in it.
    # Measured on the scale-4 year (29 MB of input): 0.61-0.64 -> 0.32-0.38 CPU s, peak RSS
    # 300 -> 242 MB. Pieces (InputJson) are written as they are, never joined in memory.
    # Small inputs (Rego tests, the ledger pass) skip the file.
    FILE_INPUT_BYTES = 1 << 20

    def _set_input(self, raw: bytes | bytearray | InputJson) -> None:
        size = raw.size if isinstance(raw, InputJson) else len(raw)
        if size >= self.FILE_INPUT_BYTES:
            try:
                fd, path = tempfile.mkstemp(prefix="cloudpact-input-", suffix=".json")
            except OSError:
                pass  # no writable temporary folder: the str path below
            else:
                try:
                    with os.fdopen(fd, "wb") as out:
                        if isinstance(raw, InputJson):
                            raw.write_to(out)
                        else:
                            out.write(raw)
                    self._engine.set_input_from_json_file(path)
                    return
                except OSError:
                    pass  # the temporary folder is full: the str path below
                finally:
                    with contextlib.suppress(OSError):
                        os.unlink(path)
        self._engine.set_input_json(bytes(raw).decode())

    def _collector(self, packages: tuple[str, ...]) -> str:
        name = self._collectors.get(packages)
        if name is None:
            name = f"{COLLECTOR_PACKAGE}_{len(self._collectors)}"
            self._engine.add_policy(f"_{name}.rego", collector_source(packages, name))
            self._collectors[packages] = name
        return name

    def _evaluate_one(self, pkg: str) -> PackageOutcome:
        try:
            deny = self._query(f"data.{pkg}.deny")
            measure = self._query(f"data.{pkg}.measure")
            na = self._query(f"data.{pkg}.not_applicable")
            excluded = self._query(f"data.{pkg}.excluded")
        except RuntimeError as exc:
            return PackageOutcome(error=clean_error(exc))
        violations = deny[0] if deny else []
        if not isinstance(violations, list):
            return PackageOutcome(error=f"data.{pkg}.deny is not a set")
        return PackageOutcome(deny=tuple(violations), measure=measure[0] if measure else None,
                              not_applicable=bool(na and na[0] is True),
                              excluded=excluded_items(excluded[0] if excluded else None))

    def run_tests(self, package: str, rules: Sequence[str]) -> list[TestOutcome]:
        results = []
        for rule in rules:
            self._engine.set_gather_prints(True)
            try:
                values = self._query(f"data.{package}.{rule}")
                passed, error = bool(values) and values[0] is True, None
            except RuntimeError as exc:
                passed, error = False, clean_error(exc)
            prints = tuple(self._engine.take_prints())
            results.append(TestOutcome(package, rule, passed, error, prints))
        return results

"""The embedded default engine: regorus (Rust), pinned as gordon-to-regorus==0.13.0.

One engine per process (it holds the GIL and must not cross threads); the input is
converted and set once per bundle, then every clause package is evaluated by one collector
query. On a large bundle (`parallel_min_bytes` of input JSON) with `jobs` > 1, the packages
are shared out over forked worker processes instead, each with its own engine and a copy
of the input and one collector query over its group (groups balanced by the estimated cost
check.py gives). Measured on 2 cores: scale 1 1.58 s serial, 1.08 s over 2 processes;
scale 4 5.84 s, 4.75 s. One package per task was slower (2.36 s at scale 1): it loses the
helper rules packages share.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Mapping, Sequence
from typing import Any

import regorus

from checker.engine.collector import COLLECTOR_PACKAGE, collector_source, outcome_from
from checker.engine.interface import Engine, PackageOutcome, TestOutcome
from checker.errors import EngineError
from checker.policies import PolicyFile


def clean_error(exc: BaseException) -> str:
    """regorus errors carry a Rust backtrace; keep the located message only."""
    text = str(exc).split("Stack backtrace:")[0].strip()
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def _values(result: Mapping[str, Any]) -> list[Any]:
    return [expr["value"] for row in result.get("result", []) for expr in row["expressions"]]


class EmbeddedEngine(Engine):
    name = f"regorus {getattr(regorus, '__version__', '0.13.0')} (embedded)"

    def __init__(self, *, jobs: int | None = None, parallel_min_bytes: int = 4_000_000) -> None:
        self._engine = regorus.Engine()
        self.jobs = jobs if jobs is not None else min(2, os.cpu_count() or 1)
        self.parallel_min_bytes = parallel_min_bytes
        self._loaded: tuple[tuple[PolicyFile, ...], str] = ((), "{}")

    def load(self, policies: Sequence[PolicyFile], data: Mapping[str, Any]) -> None:
        self._loaded = (tuple(policies), json.dumps(dict(data)))
        for policy in policies:
            try:
                self._engine.add_policy(policy.path, policy.source)
            except RuntimeError as exc:
                raise EngineError(f"policy {policy.path} does not compile: {clean_error(exc)}") from None
        try:
            self._engine.add_data_json(json.dumps(dict(data)))
        except RuntimeError as exc:
            raise EngineError(f"contract parameters rejected by the engine: {clean_error(exc)}") from None

    def _query(self, query: str) -> list[Any]:
        # as JSON: a Rego set of objects has no Python equivalent (sets of dicts)
        return _values(json.loads(self._engine.eval_query_as_json(query)))

    def evaluate(
        self,
        input_doc: Mapping[str, Any],
        packages: Sequence[str],
        costs: Mapping[str, float] | None = None,
    ) -> dict[str, PackageOutcome]:
        text = json.dumps(input_doc)
        if self.jobs > 1 and len(packages) > 1 and len(text) >= self.parallel_min_bytes:
            return self._evaluate_parallel(text, packages, costs or {})
        try:
            self._engine.set_input_json(text)
        except RuntimeError as exc:
            raise EngineError(f"input rejected by the engine: {clean_error(exc)}") from None
        try:
            self._engine.add_policy("_collect.rego", collector_source(packages))
            (result,) = self._query(f"data.{COLLECTOR_PACKAGE}.result")
            return {pkg: outcome_from(result[pkg]) for pkg in packages}
        except (RuntimeError, ValueError):
            pass  # some package failed at run time: find which, one by one
        return {pkg: self._evaluate_one(pkg) for pkg in packages}

    def _evaluate_parallel(
        self, text: str, packages: Sequence[str], costs: Mapping[str, float]
    ) -> dict[str, PackageOutcome]:
        groups = partition(packages, costs, self.jobs)
        policies, data = self._loaded
        context = multiprocessing.get_context("fork")  # the input is inherited, not pickled
        with context.Pool(len(groups), initializer=_worker_init,
                          initargs=(policies, data, text, os.getpid())) as pool:
            parts = pool.map(_worker_evaluate, groups, chunksize=1)
        return {pkg: out for part in parts for pkg, out in part.items()}

    def _evaluate_one(self, pkg: str) -> PackageOutcome:
        try:
            deny = self._query(f"data.{pkg}.deny")
            measure = self._query(f"data.{pkg}.measure")
            na = self._query(f"data.{pkg}.not_applicable")
        except RuntimeError as exc:
            return PackageOutcome(error=clean_error(exc))
        violations = deny[0] if deny else []
        if not isinstance(violations, list):
            return PackageOutcome(error=f"data.{pkg}.deny is not a set")
        return PackageOutcome(deny=tuple(violations), measure=measure[0] if measure else None,
                              not_applicable=bool(na and na[0] is True))

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


_WORKER: EmbeddedEngine | None = None


def _die_with_parent(parent: int) -> None:
    """A worker must not outlive a killed `check` (kill -9 included): Linux sends it SIGKILL
    when the parent dies (prctl PR_SET_PDEATHSIG)."""
    import ctypes
    import signal
    import sys

    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _worker_init(policies: Sequence[PolicyFile], data: str, text: str, parent: int = 0) -> None:
    global _WORKER
    if parent:
        _die_with_parent(parent)
    engine = EmbeddedEngine(jobs=1)
    engine.load(policies, json.loads(data))
    engine._engine.set_input_json(text)
    _WORKER = engine


def _worker_evaluate(group: list[str]) -> dict[str, PackageOutcome]:
    """One collector query over the group, so helper rules its packages share run once."""
    assert _WORKER is not None
    try:
        _WORKER._engine.add_policy("_collect.rego", collector_source(group))
        (result,) = _WORKER._query(f"data.{COLLECTOR_PACKAGE}.result")
        return {pkg: outcome_from(result[pkg]) for pkg in group}
    except (RuntimeError, ValueError):
        return {pkg: _WORKER._evaluate_one(pkg) for pkg in group}


def partition(packages: Sequence[str], costs: Mapping[str, float], n: int) -> list[list[str]]:
    """Longest-processing-time-first: each package, heaviest first, to the lightest group."""
    groups: list[list[str]] = [[] for _ in range(n)]
    loads = [0.0] * n
    for pkg in sorted(packages, key=lambda p: (-costs.get(p, 1.0), p)):
        i = loads.index(min(loads))
        groups[i].append(pkg)
        loads[i] += costs.get(pkg, 1.0)
    return [g for g in groups if g]

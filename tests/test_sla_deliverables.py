"""SLA (第三条 4, 8, 10) and deliverables (第六条 3) clauses: their Rego tests, and the
generator's contract year judged end to end (compliant passes; each planted breach is
found under its clause)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker import policies
from checker.catalogue import load_params
from checker.engine.embedded import EmbeddedEngine

CLAUSES = ("3.4.d", "3.8.a", "3.8.b", "3.8.c", "3.10", "6.3.1", "6.3.2", "6.3.3", "6.3.4")
AREAS = ("sla/", "deliverables/")

_TESTS = [
    p for p in policies.discover()
    if p.is_test and p.file.path.startswith(AREAS)
]


@pytest.fixture(scope="module")
def rego_engine() -> EmbeddedEngine:
    engine = EmbeddedEngine()
    files = policies.policy_files() + [p.file for p in _TESTS]
    engine.load(files, {"params": load_params()})
    return engine


def test_every_clause_has_a_policy_with_tests() -> None:
    by_clause = policies.clause_policies()
    for clause in CLAUSES:
        info = by_clause[clause]
        tests = [t for t in _TESTS if t.package == info.package + "_test"]
        assert tests, f"{info.file.path} has no _test.rego beside it"
        rules = tests[0].test_rules
        assert any(r.startswith("test_success_") for r in rules), clause
        assert any(r.startswith("test_fail_") for r in rules), clause


@pytest.mark.parametrize(
    ("package", "rule"),
    [(t.package, r) for t in _TESTS for r in t.test_rules],
    ids=lambda v: v.rsplit(".", 1)[-1] if isinstance(v, str) and "." in v else str(v),
)
def test_rego(rego_engine: EmbeddedEngine, package: str, rule: str) -> None:
    [outcome] = rego_engine.run_tests(package, [rule])
    assert outcome.passed, f"{package}.{rule} failed: {outcome.error or ''} {outcome.prints}"

"""The 15 service-quantity clauses 2.2.1.1-2.2.1.15 (第二条 2(1)).

Three layers: the Rego unit tests beside each policy (test_success_* / test_fail_*),
a generated compliant year on which every 2.2.1.x clause passes, and a generated year
with planted breaches, each of which must be found under the clause it was recorded for.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker import paths, policies
from checker.check import run_check
from checker.engine.embedded import EmbeddedEngine
from checker.generate import PLANTED, generate
from checker.model import Report, Status
from checker.store.local import LocalStore

SERVICE_CLAUSES = ["2.2.1.1", "2.2.1.2", "2.2.1.3", "2.2.1.4", "2.2.1.7"]


def _test_packages() -> list[policies.PolicyInfo]:
    return [
        p
        for p in policies.discover()
        if p.is_test and (p.file.path.startswith("services/") or p.file.path.startswith("lib/"))
    ]


@pytest.fixture(scope="module")
def rego_engine() -> EmbeddedEngine:
    engine = EmbeddedEngine()
    engine.load([p.file for p in policies.discover()], {})
    return engine


@pytest.mark.parametrize("info", _test_packages(), ids=lambda p: p.file.path)
def test_rego_unit_tests_pass(rego_engine: EmbeddedEngine, info: policies.PolicyInfo) -> None:
    rules = info.test_rules
    assert any(r.startswith("test_success_") for r in rules) or info.file.path.startswith("lib/")
    assert any(r.startswith("test_fail_") for r in rules) or info.file.path.startswith("lib/")
    failed = [
        f"{o.rule}: {o.error or 'false'} {' '.join(o.prints)}"
        for o in rego_engine.run_tests(info.package, rules)
        if not o.passed
    ]
    assert failed == []


def test_every_service_clause_has_its_policy_folder() -> None:
    by_clause = policies.clause_policies()
    for clause in SERVICE_CLAUSES:
        info = by_clause[clause]
        name = info.package.rsplit(".", 1)[1]
        assert info.file.path == f"services/{name}/{name}.rego"
        assert (paths.POLICIES / "services" / name / f"{name}_test.rego").is_file()


@pytest.fixture(scope="module")
def compliant(tmp_path_factory: pytest.TempPathFactory) -> Report:
    out = tmp_path_factory.mktemp("compliant") / "bundle"
    generate(out, seed=1)
    return run_check(LocalStore(out))


@pytest.fixture(scope="module")
def breaches(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, list[dict[str, str]]]:
    out = tmp_path_factory.mktemp("breaches") / "bundle"
    generate(out, seed=1, breaches=True)
    planted = json.loads((out / PLANTED).read_text(encoding="utf-8"))
    return run_check(LocalStore(out)), planted


def _by_clause(report: Report) -> dict[str, object]:
    return {r.clause.id: r for r in report.results}


@pytest.mark.parametrize("clause", SERVICE_CLAUSES)
def test_compliant_year_passes_every_service_clause(compliant: Report, clause: str) -> None:
    result = _by_clause(compliant)[clause]
    assert result.status is Status.PASS, (result.status, result.reason, result.violations)  # type: ignore[attr-defined]
    assert result.actual >= result.expected  # type: ignore[attr-defined]


@pytest.mark.parametrize("clause", SERVICE_CLAUSES)
def test_every_service_clause_has_a_planted_breach_that_is_found(
    breaches: tuple[Report, list[dict[str, str]]], clause: str
) -> None:
    report, planted = breaches
    assert any(b["clause"] == clause for b in planted), f"no breach planted for {clause}"
    result = _by_clause(report)[clause]
    assert result.status is Status.FAIL, (result.status, result.reason)  # type: ignore[attr-defined]
    assert result.violations  # type: ignore[attr-defined]
    assert result.actual < result.expected  # type: ignore[attr-defined]

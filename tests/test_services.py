"""The 15 service-quantity clauses 2.2.1.1-2.2.1.15 (第二条 2(1)).

The Rego unit tests beside each policy run in tests/test_policies.py. Here: a generated
compliant year on which every 2.2.1.x clause passes with delivered >= contracted, and a
generated year with planted breaches, each of which must be found under the clause it
was recorded for (status fail, violations, delivered < contracted).
"""

from __future__ import annotations

import json

import pytest

from checker import policies
from checker.catalogue import load_catalogue
from checker.check import run_check
from checker.generate import PLANTED, generate
from checker.model import ClauseResult, Report, Status
from checker.store.local import LocalStore

SERVICE_CLAUSES = [f"2.2.1.{n}" for n in range(1, 16)]


@pytest.mark.parametrize("clause", SERVICE_CLAUSES)
def test_every_service_clause_is_automated_by_its_own_folder(clause: str) -> None:
    row = next(c for c in load_catalogue() if c.id == clause)
    info = policies.clause_policies()[clause]
    name = info.package.rsplit(".", 1)[1]
    assert row.automated and row.policy == info.package
    assert info.file.path == f"services/{name}/{name}.rego"


@pytest.fixture(scope="module")
def compliant(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ClauseResult]:
    out = tmp_path_factory.mktemp("compliant") / "bundle"
    generate(out, seed=1)
    return _by_clause(run_check(LocalStore(out)))


@pytest.fixture(scope="module")
def breaches(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[dict[str, ClauseResult], list[dict[str, str]]]:
    out = tmp_path_factory.mktemp("breaches") / "bundle"
    generate(out, seed=1, breaches=True)
    planted = json.loads((out / PLANTED).read_text(encoding="utf-8"))
    return _by_clause(run_check(LocalStore(out))), planted


def _by_clause(report: Report) -> dict[str, ClauseResult]:
    return {r.clause.id: r for r in report.results}


@pytest.mark.parametrize("clause", SERVICE_CLAUSES)
def test_compliant_year_passes_every_service_clause(
    compliant: dict[str, ClauseResult], clause: str
) -> None:
    result = compliant[clause]
    assert result.status is Status.PASS, (result.status, result.reason, result.violations)
    assert result.actual >= result.expected


@pytest.mark.parametrize("clause", SERVICE_CLAUSES)
def test_every_service_clause_has_a_planted_breach_that_is_found(
    breaches: tuple[dict[str, ClauseResult], list[dict[str, str]]], clause: str
) -> None:
    results, planted = breaches
    assert any(b["clause"] == clause for b in planted), f"no breach planted for {clause}"
    result = results[clause]
    assert result.status is Status.FAIL, (result.status, result.reason)
    assert result.violations
    assert result.actual < result.expected
    assert all(v.evidence for v in result.violations)


def test_shortfall_violation_names_both_numbers_and_the_clause(
    breaches: tuple[dict[str, ClauseResult], list[dict[str, str]]],
) -> None:
    result = breaches[0]["2.2.1.14"]
    (v,) = result.violations
    assert v.message == (
        f"delivered {result.actual} GB, contracted {result.expected} "
        f"(shortfall {result.expected - result.actual}) [2.2.1.14]"
    )
    assert v.evidence == "storage/object_storage.json#/allocations"
    assert v.details["lowest_at"].endswith("+08:00")
